// Internals of the batch engine shared by its thread and process modes:
// the in-order publisher (files into place, aggregate exporters, report,
// journal) and the resume check. Not part of the host's interface.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <unordered_map>

#include "batch.hpp"
#include "journal.hpp"
#include "output_store.hpp"
#include "sequencer.hpp"

namespace stukwerk::core {

class RunPublisher final : public Publisher {
public:
    RunPublisher(const Registry& registry, const BatchSettings& settings, const BatchObserver& observer);
    ~RunPublisher() override;

    std::string aggregate(const Document& doc) override;
    void publish(std::vector<StagedFile>& staged, InputReport& report) override;

    bool has_aggregates() const { return aggregate_ != nullptr; }
    Journal* journal() { return journal_.get(); }
    // Where per-document exporters stage their files ("" for memory).
    const std::filesystem::path& staging_dir() const { return staging_; }
    // Finishes the aggregate exporters and the report; fills the summary.
    void finish(BatchSummary& summary);

private:
    std::string unique_name(const std::string& wanted);

    const BatchSettings& settings_;
    const BatchObserver& observer_;
    std::unique_ptr<Stream> stream_;
    std::unique_ptr<DirectoryStore> dir_store_;
    std::unique_ptr<StreamStore> stream_store_;
    std::unique_ptr<ExportStage> aggregate_;
    std::unique_ptr<Journal> journal_;
    std::filesystem::path staging_;
    bool own_staging_ = false;
    // How often each file name was asked for in this run, by hash: the second
    // document with an id gets "<id>~2.<ext>" instead of overwriting the first.
    // A hash and a count a name keep memory small over large runs, and the
    // count makes the thousandth copy as cheap as the first.
    std::unordered_map<std::uint64_t, std::uint32_t> names_;
    void reserve_name(const std::string& name);
    std::FILE* report_ = nullptr;
    std::filesystem::path report_temp_;
    BatchSummary counts_;
};

// The report of an input that a resumed run can skip, or nothing when it
// must be converted again (new bytes, another importer or exporter version,
// missing outputs, or no record of it).
std::optional<InputReport> resume_skip(const Pipeline& pipeline, const BatchSettings& settings, Journal& journal,
                                       const std::filesystem::path& path);

// The isolated (process) mode of run_batch.
void run_isolated(const Registry& registry, const BatchSettings& settings, InputCursor& inputs, RunPublisher& publisher,
                  Sequencer& sequencer);

}  // namespace stukwerk::core
