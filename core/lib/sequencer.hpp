// Puts the results of inputs converted in any order back into input order.
// Workers finish inputs when they finish them; whatever must be the same
// whatever the number of workers — files put in place, documents fed to the
// aggregate exporters (CSV tables, JSON Lines), report lines — is done here,
// input by input, in the order the inputs were read.
//
// Memory stays flat: a worker may only start an input within a window of
// the oldest unfinished one, so at most `window` inputs' results wait.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <stukwerk/document.hpp>

#include "pipeline.hpp"
#include "staging_store.hpp"

namespace stukwerk::core {

// The in-order effects, called by the sequencer one input at a time.
class Publisher {
public:
    virtual ~Publisher() = default;
    // Feeds the aggregate exporters; returns the cause when one refused it.
    virtual std::string aggregate(const Document& doc) = 0;
    // Puts the input's staged files in place and records its report.
    virtual void publish(std::vector<StagedFile>& staged, InputReport& report) = 0;
};

class Sequencer {
public:
    // With `stream_at_head`, the documents of the oldest unfinished input go
    // to the aggregate exporters as soon as they arrive instead of waiting
    // for the input to finish (one huge input then costs no memory); without
    // it they wait, so an input that crashes can be dropped whole.
    Sequencer(Publisher& publisher, std::size_t window, bool stream_at_head);

    bool may_start(std::size_t index);
    void wait_to_start(std::size_t index);
    void document(std::size_t index, Document doc);
    // `keep_documents` false drops the input's documents (a crashed input).
    void complete(std::size_t index, std::vector<StagedFile> staged, InputReport report, bool keep_documents = true);

private:
    struct Pending {
        std::vector<Document> documents;
        std::vector<std::string> errors;
        std::vector<StagedFile> staged;
        InputReport report;
        bool done = false;
    };
    void drain();
    void flush_documents(Pending& p);

    Publisher& publisher_;
    const std::size_t window_;
    const bool stream_at_head_;
    mutable std::mutex mutex_;
    std::condition_variable turn_;
    std::size_t next_ = 0;
    std::map<std::size_t, Pending> pending_;
};

}  // namespace stukwerk::core
