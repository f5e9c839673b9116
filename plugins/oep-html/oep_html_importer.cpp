#include "oep_html_importer.hpp"

#include <stukwerk/sniff.hpp>

#include "body_reader.hpp"
#include "decode.hpp"
#include "dutch_text.hpp"
#include "footnotes.hpp"
#include "front_matter.hpp"
#include "html_tree.hpp"
#include "metadata_reader.hpp"
#include "page_scan.hpp"

namespace stukwerk::oep_html {
namespace {

std::size_t ifind(std::string_view hay, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < needle.size() && match; ++k) {
            char c = hay[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            match = c == needle[k];
        }
        if (match) return i;
    }
    return std::string_view::npos;
}

// A page that opens <html> and does not close it was cut off (a browser
// would still show what is there). Comments after </html> are common.
bool looks_truncated(std::string_view text) {
    if (ifind(text.substr(0, 4096), "<html") == std::string_view::npos) return false;
    auto trim_end = [&] {
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' ||
                                 text.back() == '\t' || text.back() == '\f'))
            text.remove_suffix(1);
    };
    trim_end();
    while (text.size() >= 3 && text.substr(text.size() - 3) == "-->") {
        const std::size_t open = text.rfind("<!--");
        if (open == std::string_view::npos) break;
        text = text.substr(0, open);
        trim_end();
    }
    return text.size() < 7 || ifind(text.substr(text.size() - 7), "</html>") != 0;
}

std::string no_publication(bool truncated) {
    std::string why =
        "the page holds no officielebekendmakingen publication: it has no div#broodtekst, no h1.dossiertitel or "
        "div.stuk, and no publication metadata (OVERHEIDop.* or a DC.identifier such as kst-32545-143)";
    if (truncated) why += "; the page also ends without </html>, so it may be cut off before the publication";
    return why;
}

}  // namespace

ImporterInfo OepHtmlImporter::describe() {
    return {"oep-html",
            "1.0.0",
            "The HTML of officiële publicaties: repository.overheid.nl XHTML and zoek.officielebekendmakingen.nl pages",
            {"text/html", "application/xhtml+xml"},
            {"html", "htm", "xhtml"}};
}

Identification OepHtmlImporter::do_identify(const Probe& probe) const {
    const std::string ext = sniff::extension(probe.file_name);
    const bool html_name = ext == "html" || ext == "htm" || ext == "xhtml";
    const std::string text = sniff::ascii_view(probe.head);
    const std::string root = sniff::lower(sniff::xml_root_name(text));
    // The first element says whether this is HTML at all: XML of another
    // vocabulary (the officiele-publicatie XML, metadata records) carries the
    // same OVERHEIDop names and must not be claimed.
    static constexpr std::string_view html_roots[] = {"html", "head", "body", "title", "meta", "link", "div", "p",
                                                      "section", "article", "main", "header", "table", "h1", "span"};
    bool markup = false;
    for (std::string_view r : html_roots) markup = markup || root == r;
    if (!markup && !(root.empty() && html_name)) return {0, {}};
    // Only now, for what could be HTML, the full scan for binary data.
    if (!binary_cause(probe.head).empty()) return {0, {}};
    if (!markup) return {10, "file name ends in ." + ext};
    // One lower-case copy, then plain finds: this runs for every input of a
    // batch, whatever its format.
    const std::string lowered = sniff::lower(text);
    for (std::string_view marker : {"overheidop.", "id=\"broodtekst\"", "class=\"dossiertitel", "class=\"stuktitel",
                                    "officielebekendmakingen.nl", "offici\xC3\xABle bekendmakingen"})
        if (lowered.find(marker) != std::string::npos)
            return {95, "HTML with officielebekendmakingen markup (" + std::string(marker) + ")"};
    return {30, "HTML without officielebekendmakingen markers"};
}

namespace {

// Everything read from the page; the parsed tree is freed when this returns,
// before the host's passes and the exporters see the document.
Document read_page(const Source& source) {
    const Decoded decoded = decode_html(source.bytes());
    const std::string_view text = decoded.text();
    if (trim(text.substr(0, 4096)).empty() && trim(text).empty()) throw Error("the file holds only whitespace");

    ParseReport report;
    DocPtr html = parse_html(text, report);
    xmlNode* root = xmlDocGetRootElement(html.get());
    if (!root) throw Error("the file holds no HTML elements");
    const PageScan scan = scan_page(root);
    const bool truncated = looks_truncated(text);
    const xmlNode* publication = publication_root(scan);
    if (!publication) throw Error(no_publication(truncated));

    Document doc;
    doc.warnings = decoded.warnings;
    FootnoteTargets targets;
    const std::vector<FootnoteDefinition> definitions = find_footnotes(scan, targets);
    BodyReader reader(source.limits(), targets);
    doc.body = reader.read(publication);
    if (doc.body.empty())
        throw Error("the publication element (" + path_of(publication) + ") holds no text" +
                    (truncated ? "; the page ends without </html> and may be cut off" : ""));
    doc.footnotes = read_footnotes(definitions, reader);
    mark_front_matter(doc.body);
    read_meta_tags(scan, doc);
    complete_from_body(doc, reader.signatories());

    if (truncated)
        doc.warn("truncated", "the page ends without </html>: it looks cut off; the text up to the cut is kept");
    if (report.markup_errors)
        doc.warn("malformed-html", std::to_string(report.markup_errors) +
                                       " markup error(s) were recovered from as a browser would (first: " +
                                       report.first_error + ")");
    if (decoded.encoding != "UTF-8") doc.source.media_type = "text/html; charset=" + decoded.encoding;
    return doc;
}

}  // namespace

void OepHtmlImporter::do_read(const Source& source, DocumentSink& sink) const { sink.accept(read_page(source)); }

}  // namespace stukwerk::oep_html
