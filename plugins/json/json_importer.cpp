#include "json_importer.hpp"

#include <boost/json.hpp>
#include <stukwerk/sniff.hpp>

#include "model_json.hpp"

namespace stukwerk::plugins {

ImporterInfo JsonImporter::describe() {
    return {"json", "1.0.0", "stukwerk's own JSON and JSON Lines, read back into the model",
            {"application/json", "application/jsonl"}, {"json", "jsonl"}};
}

namespace {

// stukwerk JSON always opens with the "id" key and has "metadata" next;
// other JSON (OData, arbitrary APIs) does not.
bool opens_like_a_document(std::string_view text) {
    const auto brace = text.find_first_not_of(" \t\r\n");
    if (brace == std::string_view::npos || text[brace] != '{') return false;
    const auto key = text.find_first_not_of(" \t\r\n", brace + 1);
    return key != std::string_view::npos && text.substr(key, 4) == "\"id\"" &&
           text.find("\"metadata\"") != std::string_view::npos;
}

// stukwerk writes UTF-8 only, but a file cut or edited elsewhere may hold
// stray bytes. They are read as they stand, and the host's UTF-8 pass turns
// each into U+FFFD with an invalid-utf8 warning, as for every importer,
// instead of refusing the whole file with a bare "syntax error".
Document parse(std::string_view text) {
    boost::json::error_code ec;
    boost::json::parse_options opt;
    opt.max_depth = 20000;
    opt.allow_invalid_utf8 = true;
    const boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec, {}, opt);
    if (ec) throw Error("not valid JSON: " + ec.message());
    return json::from_json(v);
}

}  // namespace

Identification JsonImporter::do_identify(const Probe& probe) const {
    const std::string text = sniff::ascii_view(probe.head);
    if (opens_like_a_document(text)) return {85, "JSON that opens with \"id\" and \"metadata\" (stukwerk's own form)"};
    return {0, {}};
}

void JsonImporter::do_read(const Source& source, DocumentSink& sink) const {
    std::string_view bytes = source.bytes();
    const sniff::Bom bom = sniff::detect_bom(bytes);
    if (bom == sniff::Bom::utf8) bytes.remove_prefix(3);
    else if (bom != sniff::Bom::none)
        throw Error("not valid JSON: the file is UTF-16 or UTF-32 (it starts with a byte-order mark); stukwerk JSON is UTF-8");
    // A .jsonl file, or several documents one per line.
    std::size_t line_no = 0;
    std::size_t emitted = 0;
    const bool lines = sniff::extension(source.file_name()) == "jsonl" || bytes.find("}\n{") != std::string_view::npos;
    if (!lines) {
        sink.accept(parse(bytes));
        return;
    }
    while (!bytes.empty()) {
        ++line_no;
        const auto nl = bytes.find('\n');
        const std::string_view line = bytes.substr(0, nl);
        bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        try {
            sink.accept(parse(line));
            ++emitted;
        } catch (const Error& e) {
            throw Error("line " + std::to_string(line_no) + ": " + e.what());
        }
    }
    if (emitted == 0) throw Error("no document in the file");
}

}  // namespace stukwerk::plugins
