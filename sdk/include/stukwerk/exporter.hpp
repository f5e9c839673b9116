// The exporter interface: a streaming writer of documents.
//
// The host calls begin() once, write() once per document, finish() once.
// Per-document formats create one file per write(); aggregate formats
// (declared with ExporterInfo::aggregate) open their files in begin(), add
// to them in write() and commit them in finish().
//
// Ordering and threads: an aggregate exporter gets one object for the whole
// run and receives documents in input order. A per-document exporter may get
// one object per worker thread, each with its own begin()/finish(); the host
// decides the final names of its files (a second document with the same id
// gets "<id>~2.<ext>"), so it only asks for file_name_for(id, ext).
//
// Failure: throw stukwerk::Error. The host counts that document as failed
// and goes on; an OutputFile dropped without commit() leaves nothing behind.
// An aggregate exporter should build a document's rows completely before
// writing them, so a failed document adds nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/document.hpp>
#include <stukwerk/error.hpp>
#include <stukwerk/options.hpp>
#include <stukwerk/output.hpp>

namespace stukwerk {

struct ExporterInfo {
    std::string name;        // used with `convert -t NAME` ("json")
    std::string version;
    std::string description;
    std::string extension;   // of the files it writes, without the dot
    std::string media_type;
    bool aggregate = false;  // one output for the whole run
    // A per-document exporter that can also write one output for the run
    // names the flag option that switches it ("single-file"); with the flag
    // given, the host treats it as aggregate (one object, input order).
    std::string aggregate_when;
    std::vector<OptionInfo> options;
};

struct ExportContext {
    OutputStore& output;
    const Options& options;
};

class Exporter {
public:
    virtual ~Exporter() = default;
    virtual void begin(const ExportContext& context) = 0;
    virtual void write(const Document& document) = 0;
    virtual void finish() = 0;
};

}  // namespace stukwerk
