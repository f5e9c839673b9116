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
// rdf and ntriples write one file per document, which the host names (a
// second kst-1 in a run is kst-1~2.ttl); with single-file they declare
// themselves aggregate (ExporterInfo::aggregate_when), so the host gives
// them one object for the run and the documents in input order.
#pragma once

#include <memory>
#include <optional>

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
