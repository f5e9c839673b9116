// The RDF exporters, all writing the graph of docs/rdf-mapping.md:
//
//   rdf       Turtle (or N-Triples with -O syntax=ntriples): <id>.ttl, or
//             documents.ttl for the run with -O single-file
//   ntriples  N-Triples: <id>.nt, or documents.nt with -O single-file
//             (its own name so that `-t rdf,ntriples` writes both)
//   jsonld    JSON-LD with the published context embedded: <id>.jsonld
//
// Option base=<IRI> (all three) sets the base of document IRIs.
//
// rdf and ntriples are aggregate: single-file needs one object for the run
// and the documents in input order, and writing a graph is cheap next to
// reading a document, so nothing is lost by not splitting it over workers.
// The host names the files of per-document exporters uniquely (a second
// kst-1 is kst-1~2.json); an aggregate exporter's files are its own
// business, so these two apply the same rule themselves.
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>

#include <stukwerk/exporter.hpp>

#include "jsonld_writer.hpp"
#include "serd_writer.hpp"

namespace stukwerk::plugins::rdf {

class GraphFileExporter : public Exporter {
public:
    void begin(const ExportContext& context) override;
    void write(const Document& document) override;
    void finish() override;

protected:
    explicit GraphFileExporter(bool syntax_option) : syntax_option_(syntax_option) {}

private:
    bool syntax_option_;  // rdf may switch to N-Triples; ntriples is N-Triples
    Syntax syntax_ = Syntax::turtle;
    std::string base_;
    OutputStore* output_ = nullptr;
    std::unique_ptr<OutputFile> run_file_;  // with single-file
    bool written_ = false;                  // a document is in run_file_
    std::unordered_map<std::size_t, std::size_t> names_;  // copies of each file name (by hash) in this run
};

class RdfExporter final : public GraphFileExporter {
public:
    RdfExporter() : GraphFileExporter(true) {}
    static ExporterInfo describe();
};

class NTriplesExporter final : public GraphFileExporter {
public:
    NTriplesExporter() : GraphFileExporter(false) {}
    static ExporterInfo describe();
};

class JsonLdExporter final : public Exporter {
public:
    static ExporterInfo describe();
    void begin(const ExportContext& context) override;
    void write(const Document& document) override;
    void finish() override {}

private:
    std::string base_;
    OutputStore* output_ = nullptr;
    std::optional<JsonLdWriter> writer_;
};

}  // namespace stukwerk::plugins::rdf
