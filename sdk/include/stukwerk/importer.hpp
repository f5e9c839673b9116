// The importer interface: turn the bytes of one input into a stream of
// documents.
//
// A plugin implements two private hooks, do_identify() and do_read(). The
// host calls the public, non-virtual identify() and read(), which turn every
// exception into one uniform result, so a failing importer is a message and
// never a crash of the batch.
//
// Thread safety: the host creates one importer object and may call identify()
// and read() on it from several threads at once. Keep per-read state local.
#pragma once

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/document.hpp>
#include <stukwerk/error.hpp>
#include <stukwerk/options.hpp>

namespace stukwerk {

// Cheap, static description of an importer, known without creating it.
struct ImporterInfo {
    std::string name;         // unique, used by `convert -f NAME` ("oep-xml")
    std::string version;      // the plugin's own version ("1.0.0")
    std::string description;
    std::vector<std::string> media_types;
    std::vector<std::string> extensions;  // lower case, without the dot
    std::vector<OptionInfo> options{};    // what `-O NAME=VALUE` may set
};

// What identify() may look at: the first bytes (up to head_size), the
// file's name and its size. Nothing else is read before an importer is chosen.
struct Probe {
    static constexpr std::size_t head_size = 8192;
    std::string_view head;
    std::string_view file_name;
    std::uint64_t size = 0;
};

// 0: not this importer's format. 100: certain. By convention evidence from
// the content scores 50 and up; a matching file extension alone scores at
// most 20, so that content wins over names.
struct Identification {
    int confidence = 0;
    std::string reason;
};

// Resource limits every importer honours, set by the host.
struct Limits {
    std::uint32_t max_depth = 512;  // element or block nesting
};

// One input, as the host hands it to an importer.
class Source {
public:
    virtual ~Source() = default;
    virtual std::string_view bytes() const = 0;      // the whole input
    virtual std::string_view file_name() const = 0;  // last path component
    // The content of a companion file in the same folder as the input (a
    // plain name such as "kst-32545-143.metadata.xml" or "metadata.xml"), or
    // nothing when there is none. Importers read no other files.
    virtual std::optional<std::string> companion(std::string_view name) const = 0;
    virtual const Limits& limits() const = 0;
    // The values of this importer's declared options for this run, checked
    // by the host against ImporterInfo::options.
    virtual const Options& options() const = 0;
};

// Receives the documents an importer reads, one at a time, as soon as each
// is complete. The host's sink does not throw.
class DocumentSink {
public:
    virtual ~DocumentSink() = default;
    virtual void accept(Document&& doc) = 0;
};

struct ReadResult {
    bool ok = true;
    std::string error;  // the cause, without the file name
};

class Importer {
public:
    virtual ~Importer() = default;

    Identification identify(const Probe& probe) const noexcept {
        try {
            return do_identify(probe);
        } catch (const std::exception& e) {
            return Identification{0, std::string("identify failed: ") + e.what()};
        } catch (...) {
            return Identification{0, "identify failed"};
        }
    }

    ReadResult read(const Source& source, DocumentSink& sink) const noexcept {
        try {
            do_read(source, sink);
            return {};
        } catch (const std::bad_alloc&) {
            return ReadResult{false, "out of memory"};
        } catch (const std::exception& e) {
            return ReadResult{false, e.what()};
        } catch (...) {
            return ReadResult{false, "unknown error in importer"};
        }
    }

private:
    virtual Identification do_identify(const Probe& probe) const = 0;
    // Emit each document to `sink`; throw stukwerk::Error with the cause
    // when the input cannot be read.
    virtual void do_read(const Source& source, DocumentSink& sink) const = 0;
};

}  // namespace stukwerk
