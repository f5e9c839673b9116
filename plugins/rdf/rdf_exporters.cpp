#include "rdf_exporters.hpp"

#include "document_graph.hpp"
#include "iri.hpp"

namespace stukwerk::plugins::rdf {
namespace {

const OptionInfo base_option{"base", "base IRI of document IRIs: <base><id>", std::string(default_base)};
const OptionInfo single_file_option{"single-file", "one file for the whole run (documents.<ext>) instead of one per document",
                                    "", OptionKind::flag};

std::string base_from(const Options& options) {
    std::string base = options.get("base", default_base);
    check_base(base);
    return base;
}

const char* extension(Syntax s) { return s == Syntax::turtle ? "ttl" : "nt"; }

}  // namespace

ExporterInfo RdfExporter::describe() {
    ExporterInfo info;
    info.name = "rdf";
    info.version = "1.0.0";
    info.description = "RDF on the ELI vocabulary (docs/rdf-mapping.md) as Turtle, one <id>.ttl per document";
    info.extension = "ttl";
    info.media_type = "text/turtle";
    info.aggregate_when = single_file_option.name;
    info.options = {{"syntax", "turtle, or ntriples for <id>.nt", "turtle", OptionKind::choice, {"turtle", "ttl", "ntriples", "nt"}}, single_file_option, base_option};
    return info;
}

ExporterInfo NTriplesExporter::describe() {
    ExporterInfo info;
    info.name = "ntriples";
    info.version = "1.0.0";
    info.description = "RDF on the ELI vocabulary (docs/rdf-mapping.md) as N-Triples, one <id>.nt per document";
    info.extension = "nt";
    info.media_type = "application/n-triples";
    info.aggregate_when = single_file_option.name;
    info.options = {single_file_option, base_option};
    return info;
}

void GraphFileExporter::begin(const ExportContext& context) {
    output_ = &context.output;
    syntax_ = syntax_option_ ? Syntax::turtle : Syntax::ntriples;
    if (syntax_option_ && context.options.has("syntax")) {
        const std::string s = context.options.get("syntax");
        if (s == "turtle" || s == "ttl")
            syntax_ = Syntax::turtle;
        else if (s == "ntriples" || s == "nt")
            syntax_ = Syntax::ntriples;
        else
            throw Error("syntax '" + s + "' is not one of turtle, ntriples");
    }
    base_ = base_from(context.options);
    if (context.options.flag("single-file")) {
        run_file_ = output_->create(std::string("documents.") + extension(syntax_));
        run_file_->write(prefix_header(syntax_));
    }
}

void GraphFileExporter::write(const Document& document) {
    const std::string statements = write_statements(document_graph(document, base_), syntax_);
    if (run_file_) {
        // A blank line between documents, for people reading the Turtle.
        run_file_->write(written_ && syntax_ == Syntax::turtle ? "\n" + statements : statements);
        written_ = true;
        return;
    }
    auto file = output_->create(file_name_for(document.id, extension(syntax_)));
    file->write(prefix_header(syntax_));
    file->write(statements);
    file->commit();
}

void GraphFileExporter::finish() {
    if (run_file_) run_file_->commit();
    run_file_.reset();
}

ExporterInfo JsonLdExporter::describe() {
    ExporterInfo info;
    info.name = "jsonld";
    info.version = "1.0.0";
    info.description =
        "RDF on the ELI vocabulary (docs/rdf-mapping.md) as JSON-LD with its context embedded, one <id>.jsonld per "
        "document";
    info.extension = "jsonld";
    info.media_type = "application/ld+json";
    info.aggregate = false;
    info.options = {base_option};
    return info;
}

void JsonLdExporter::begin(const ExportContext& context) {
    output_ = &context.output;
    base_ = base_from(context.options);
    writer_.emplace();
}

void JsonLdExporter::write(const Document& document) {
    const std::string text = writer_->write(document_graph(document, base_));
    auto file = output_->create(file_name_for(document.id, "jsonld"));
    file->write(text);
    file->commit();
}

}  // namespace stukwerk::plugins::rdf
