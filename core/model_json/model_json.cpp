#include "model_json.hpp"

#include <charconv>

#include <boost/json.hpp>

#include <stukwerk/error.hpp>

namespace stukwerk::json {
namespace bj = boost::json;

namespace {

// ---- writing ---------------------------------------------------------------

void put_if(bj::object& o, std::string_view key, const std::string& value) {
    if (!value.empty()) o[key] = value;
}

bj::array styles_of(std::uint8_t s) {
    static constexpr std::pair<std::uint8_t, const char*> names[] = {
        {style::italic, "italic"},           {style::bold, "bold"},           {style::underline, "underline"},
        {style::superscript, "superscript"}, {style::subscript, "subscript"}, {style::small_caps, "small_caps"},
    };
    bj::array a;
    for (auto [bit, name] : names)
        if (s & bit) a.emplace_back(name);
    return a;
}

bj::value inline_json(const Inline& in) {
    bj::object o;
    if (in.kind != InlineKind::text) o["kind"] = to_string(in.kind);
    if (in.kind != InlineKind::line_break) o["text"] = in.text;
    if (in.styles) o["styles"] = styles_of(in.styles);
    put_if(o, "target", in.target);
    return o;
}

bj::array inlines_json(const std::vector<Inline>& inlines) {
    bj::array a;
    a.reserve(inlines.size());
    for (const Inline& in : inlines) a.push_back(inline_json(in));
    return a;
}

// A single unstyled text run is fully described by "text"; anything richer
// also gets "inlines".
bool text_says_all(const std::vector<Inline>& inlines) {
    return inlines.size() == 1 && inlines[0].kind == InlineKind::text && inlines[0].styles == 0 &&
           inlines[0].target.empty() && !inlines[0].text.empty();
}

bool is_text_block(BlockType t) {
    return t == BlockType::heading || t == BlockType::paragraph || t == BlockType::list_item ||
           t == BlockType::table_cell;
}

bj::value location_json(const SourceLocation& s) {
    bj::object o;
    put_if(o, "path", s.path);
    if (s.page > 0) {
        o["page"] = s.page;
        o["box"] = bj::array{s.x0, s.y0, s.x1, s.y1};
    }
    if (!s.method.empty()) {
        o["method"] = s.method;
        o["confidence"] = s.confidence;
    }
    return o;
}

bool has_location(const SourceLocation& s) { return !s.path.empty() || s.page > 0 || !s.method.empty(); }

const char* children_key(BlockType t) {
    switch (t) {
        case BlockType::list: return "items";
        case BlockType::table: return "rows";
        case BlockType::table_row: return "cells";
        default: return "children";
    }
}

bj::value block_json(const Block& b) {
    bj::object o;
    o["type"] = to_string(b.type);
    put_if(o, "role", b.role);
    // Written for every block that has them, not only where they are usual,
    // so that whatever an importer put in the model survives the round trip.
    if (b.type == BlockType::heading || b.level != 0) o["level"] = b.level;
    put_if(o, "label", b.label);
    if (b.type == BlockType::list || b.ordered) o["ordered"] = b.ordered;
    if (b.header) o["header"] = true;
    if (b.row_span != 1) o["row_span"] = b.row_span;
    if (b.col_span != 1) o["col_span"] = b.col_span;
    if (b.type == BlockType::speaker_turn || b.speaker != Speaker{}) {
        bj::object sp;
        sp["name"] = b.speaker.name;
        put_if(sp, "function", b.speaker.function);
        put_if(sp, "party", b.speaker.party);
        o["speaker"] = std::move(sp);
    }
    if (!b.inlines.empty() || is_text_block(b.type)) o["text"] = plain_text(b);
    if (!b.inlines.empty() && !text_says_all(b.inlines)) o["inlines"] = inlines_json(b.inlines);
    if (!b.children.empty()) {
        bj::array kids;
        kids.reserve(b.children.size());
        for (const Block& c : b.children) kids.push_back(block_json(c));
        o[children_key(b.type)] = std::move(kids);
    }
    if (has_location(b.source)) o["source"] = location_json(b.source);
    return o;
}

bj::value metadata_json(const Metadata& m) {
    bj::object o;
    o["title"] = m.title;
    put_if(o, "document_type", m.document_type);
    put_if(o, "publication_type", m.publication_type);
    put_if(o, "date", m.date);
    put_if(o, "published", m.published);
    put_if(o, "modified", m.modified);
    put_if(o, "version", m.version);
    put_if(o, "session_year", m.session_year);
    put_if(o, "chamber", m.chamber);
    bj::array dossiers;
    for (const Dossier& d : m.dossiers) dossiers.push_back(bj::object{{"number", d.number}, {"title", d.title}});
    o["dossiers"] = std::move(dossiers);
    put_if(o, "item_number", m.item_number);
    bj::array people;
    for (const Person& p : m.people) {
        bj::object po{{"name", p.name}, {"role", p.role}, {"function", p.function}};
        put_if(po, "party", p.party);
        people.push_back(std::move(po));
    }
    o["people"] = std::move(people);
    put_if(o, "language", m.language);
    bj::array subjects;
    for (const std::string& s : m.subjects) subjects.emplace_back(s);
    o["subjects"] = std::move(subjects);
    bj::array ids;
    for (const Identifier& i : m.identifiers) ids.push_back(bj::object{{"scheme", i.scheme}, {"value", i.value}});
    o["identifiers"] = std::move(ids);
    bj::array raw;
    for (const Field& f : m.raw) {
        bj::object fo{{"name", f.name}, {"value", f.value}};
        put_if(fo, "scheme", f.scheme);
        raw.push_back(std::move(fo));
    }
    o["raw"] = std::move(raw);
    return o;
}

// ---- reading ---------------------------------------------------------------

[[noreturn]] void bad(std::string_view what) { throw Error("not a stukwerk document: " + std::string(what)); }

const bj::object& as_object(const bj::value& v, std::string_view what) {
    if (!v.is_object()) bad(std::string(what) + " is not an object");
    return v.get_object();
}

const bj::array* array_at(const bj::object& o, std::string_view key) {
    const bj::value* v = o.if_contains(key);
    if (!v) return nullptr;
    if (!v->is_array()) bad(std::string(key) + " is not an array");
    return &v->get_array();
}

std::string string_at(const bj::object& o, std::string_view key) {
    const bj::value* v = o.if_contains(key);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) bad(std::string(key) + " is not a string");
    return std::string(v->get_string());
}

std::int64_t int_at(const bj::object& o, std::string_view key, std::int64_t fallback) {
    const bj::value* v = o.if_contains(key);
    if (!v) return fallback;
    if (!v->is_int64() && !v->is_uint64()) bad(std::string(key) + " is not an integer");
    return v->to_number<std::int64_t>();
}

double number_of(const bj::value& v) {
    if (!v.is_number()) bad("box holds a non-number");
    return v.to_number<double>();
}

bool bool_at(const bj::object& o, std::string_view key) {
    const bj::value* v = o.if_contains(key);
    if (!v) return false;
    if (!v->is_bool()) bad(std::string(key) + " is not a boolean");
    return v->get_bool();
}

template <class T>
T enum_of(std::string_view name, std::initializer_list<T> all, std::string_view what) {
    for (T t : all)
        if (name == to_string(t)) return t;
    bad("unknown " + std::string(what) + " '" + std::string(name) + "'");
}

std::uint8_t styles_from(const bj::array* a) {
    std::uint8_t s = 0;
    if (!a) return s;
    for (const bj::value& v : *a) {
        if (!v.is_string()) bad("styles holds a non-string");
        const auto& n = v.get_string();
        if (n == "italic") s |= style::italic;
        else if (n == "bold") s |= style::bold;
        else if (n == "underline") s |= style::underline;
        else if (n == "superscript") s |= style::superscript;
        else if (n == "subscript") s |= style::subscript;
        else if (n == "small_caps") s |= style::small_caps;
        else bad("unknown style '" + std::string(n) + "'");
    }
    return s;
}

Inline inline_from(const bj::value& v) {
    const bj::object& o = as_object(v, "inline");
    Inline in;
    const std::string kind = string_at(o, "kind");
    if (!kind.empty())
        in.kind = enum_of(kind, {InlineKind::text, InlineKind::link, InlineKind::note_ref, InlineKind::line_break},
                          "inline kind");
    in.text = string_at(o, "text");
    in.styles = styles_from(array_at(o, "styles"));
    in.target = string_at(o, "target");
    return in;
}

SourceLocation location_from(const bj::object& o) {
    SourceLocation s;
    s.path = string_at(o, "path");
    s.page = static_cast<int>(int_at(o, "page", 0));
    if (const bj::array* box = array_at(o, "box")) {
        if (box->size() != 4) bad("box does not hold four numbers");
        s.x0 = number_of((*box)[0]);
        s.y0 = number_of((*box)[1]);
        s.x1 = number_of((*box)[2]);
        s.y1 = number_of((*box)[3]);
    }
    s.method = string_at(o, "method");
    if (!s.method.empty()) {
        const bj::value* c = o.if_contains("confidence");
        s.confidence = c ? number_of(*c) : -1;
    }
    return s;
}

Block block_from(const bj::value& v, int depth) {
    if (depth > 10000) bad("blocks nested too deeply");
    const bj::object& o = as_object(v, "block");
    Block b;
    b.type = enum_of(string_at(o, "type"),
                     {BlockType::section, BlockType::heading, BlockType::paragraph, BlockType::list,
                      BlockType::list_item, BlockType::table, BlockType::table_row, BlockType::table_cell,
                      BlockType::quote, BlockType::signature, BlockType::speaker_turn, BlockType::figure},
                     "block type");
    b.role = string_at(o, "role");
    b.level = static_cast<int>(int_at(o, "level", 0));
    b.label = string_at(o, "label");
    b.ordered = bool_at(o, "ordered");
    b.header = bool_at(o, "header");
    b.row_span = static_cast<int>(int_at(o, "row_span", 1));
    b.col_span = static_cast<int>(int_at(o, "col_span", 1));
    if (const bj::value* sp = o.if_contains("speaker")) {
        const bj::object& so = as_object(*sp, "speaker");
        b.speaker = Speaker{string_at(so, "name"), string_at(so, "function"), string_at(so, "party")};
    }
    if (const bj::array* in = array_at(o, "inlines")) {
        for (const bj::value& i : *in) b.inlines.push_back(inline_from(i));
    } else if (std::string text = string_at(o, "text"); !text.empty()) {
        b.inlines.push_back(text_run(std::move(text)));
    }
    if (const bj::array* kids = array_at(o, children_key(b.type)))
        for (const bj::value& k : *kids) b.children.push_back(block_from(k, depth + 1));
    if (const bj::value* src = o.if_contains("source")) b.source = location_from(as_object(*src, "source"));
    return b;
}

Metadata metadata_from(const bj::object& o) {
    Metadata m;
    m.title = string_at(o, "title");
    m.document_type = string_at(o, "document_type");
    m.publication_type = string_at(o, "publication_type");
    m.date = string_at(o, "date");
    m.published = string_at(o, "published");
    m.modified = string_at(o, "modified");
    m.version = string_at(o, "version");
    m.session_year = string_at(o, "session_year");
    m.chamber = string_at(o, "chamber");
    if (const bj::array* a = array_at(o, "dossiers"))
        for (const bj::value& v : *a) {
            const bj::object& d = as_object(v, "dossier");
            m.dossiers.push_back(Dossier{string_at(d, "number"), string_at(d, "title")});
        }
    m.item_number = string_at(o, "item_number");
    if (const bj::array* a = array_at(o, "people"))
        for (const bj::value& v : *a) {
            const bj::object& p = as_object(v, "person");
            m.people.push_back(
                Person{string_at(p, "name"), string_at(p, "role"), string_at(p, "function"), string_at(p, "party")});
        }
    m.language = string_at(o, "language");
    if (const bj::array* a = array_at(o, "subjects"))
        for (const bj::value& v : *a) {
            if (!v.is_string()) bad("subjects holds a non-string");
            m.subjects.emplace_back(v.get_string());
        }
    if (const bj::array* a = array_at(o, "identifiers"))
        for (const bj::value& v : *a) {
            const bj::object& i = as_object(v, "identifier");
            m.identifiers.push_back(Identifier{string_at(i, "scheme"), string_at(i, "value")});
        }
    if (const bj::array* a = array_at(o, "raw"))
        for (const bj::value& v : *a) {
            const bj::object& f = as_object(v, "raw field");
            m.raw.push_back(Field{string_at(f, "name"), string_at(f, "value"), string_at(f, "scheme")});
        }
    return m;
}

// ---- pretty printing -------------------------------------------------------
// The indented form is most of what a conversion to JSON costs, so it is
// written straight into one string: no temporary per key or value, as
// bj::serialize would make. The bytes are Boost.JSON's (its escapes, its
// number forms); the unit tests hold the two side by side.

template <typename Integer>
void append_number(std::string& out, Integer n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

// Hands `out` over to be written and emptied once it holds this much, so a
// large document never sits in memory a second time as one long string.
constexpr std::size_t drain_at = 64 * 1024;

void pretty(std::string& out, const bj::value& v, int indent, const TextSink* drain) {
    auto newline = [&](int n) {
        out += '\n';
        out.append(static_cast<std::size_t>(n) * 2, ' ');
    };
    switch (v.kind()) {
        case bj::kind::object: {
            const bj::object& o = v.get_object();
            if (o.empty()) {
                out += "{}";
                return;
            }
            out += '{';
            bool first = true;
            for (const auto& kv : o) {
                if (!first) out += ',';
                first = false;
                newline(indent + 1);
                append_quoted(out, kv.key());
                out += ": ";
                pretty(out, kv.value(), indent + 1, drain);
                if (drain && out.size() >= drain_at) (*drain)(out);
            }
            newline(indent);
            out += '}';
            return;
        }
        case bj::kind::array: {
            const bj::array& a = v.get_array();
            if (a.empty()) {
                out += "[]";
                return;
            }
            out += '[';
            bool first = true;
            for (const bj::value& e : a) {
                if (!first) out += ',';
                first = false;
                newline(indent + 1);
                pretty(out, e, indent + 1, drain);
                if (drain && out.size() >= drain_at) (*drain)(out);
            }
            newline(indent);
            out += ']';
            return;
        }
        case bj::kind::string: append_quoted(out, v.get_string()); return;
        case bj::kind::int64: append_number(out, v.get_int64()); return;
        case bj::kind::uint64: append_number(out, v.get_uint64()); return;
        case bj::kind::bool_: out += v.get_bool() ? "true" : "false"; return;
        case bj::kind::null: out += "null"; return;
        case bj::kind::double_: out += bj::serialize(v); return;
    }
}

}  // namespace

bj::value to_json(const Document& doc) {
    bj::object o;
    o["id"] = doc.id;
    if (doc.status == RecordStatus::deleted) o["status"] = "deleted";
    o["metadata"] = metadata_json(doc.metadata);
    bj::array body;
    body.reserve(doc.body.size());
    for (const Block& b : doc.body) body.push_back(block_json(b));
    o["body"] = std::move(body);
    bj::array notes;
    for (const Footnote& f : doc.footnotes) {
        bj::object fo{{"id", f.id}, {"label", f.label}, {"text", plain_text(f.inlines)}};
        if (!f.inlines.empty() && !text_says_all(f.inlines)) fo["inlines"] = inlines_json(f.inlines);
        if (has_location(f.source)) fo["source"] = location_json(f.source);
        notes.push_back(std::move(fo));
    }
    o["footnotes"] = std::move(notes);
    bj::array refs;
    for (const Reference& r : doc.references) {
        bj::object ro{{"text", r.text}, {"target", r.target}};
        put_if(ro, "kind", r.kind);
        put_if(ro, "where", r.where);
        refs.push_back(std::move(ro));
    }
    o["references"] = std::move(refs);
    const Provenance& p = doc.source;
    bj::object src{{"format", p.format}, {"path", p.path}, {"sha256", p.sha256}};
    put_if(src, "media_type", p.media_type);
    src["size"] = p.size;
    src["record"] = p.record;
    src["importer"] = bj::object{{"name", p.importer.name}, {"version", p.importer.version}};
    o["source"] = std::move(src);
    bj::array warnings;
    for (const Warning& w : doc.warnings) {
        bj::object wo{{"code", w.code}, {"message", w.message}};
        put_if(wo, "where", w.where);
        warnings.push_back(std::move(wo));
    }
    o["warnings"] = std::move(warnings);
    return o;
}

Document from_json(const bj::value& v) {
    const bj::object& o = as_object(v, "document");
    Document doc;
    if (!o.contains("id")) bad("no id");
    doc.id = string_at(o, "id");
    const std::string status = string_at(o, "status");
    if (status == "deleted") doc.status = RecordStatus::deleted;
    else if (!status.empty() && status != "active") bad("unknown status '" + status + "'");
    if (const bj::value* m = o.if_contains("metadata")) doc.metadata = metadata_from(as_object(*m, "metadata"));
    if (const bj::array* body = array_at(o, "body"))
        for (const bj::value& b : *body) doc.body.push_back(block_from(b, 0));
    if (const bj::array* notes = array_at(o, "footnotes"))
        for (const bj::value& n : *notes) {
            const bj::object& no = as_object(n, "footnote");
            Footnote f;
            f.id = string_at(no, "id");
            f.label = string_at(no, "label");
            if (const bj::array* in = array_at(no, "inlines")) {
                for (const bj::value& i : *in) f.inlines.push_back(inline_from(i));
            } else if (std::string text = string_at(no, "text"); !text.empty()) {
                f.inlines.push_back(text_run(std::move(text)));
            }
            if (const bj::value* src = no.if_contains("source")) f.source = location_from(as_object(*src, "source"));
            doc.footnotes.push_back(std::move(f));
        }
    if (const bj::array* refs = array_at(o, "references"))
        for (const bj::value& r : *refs) {
            const bj::object& ro = as_object(r, "reference");
            doc.references.push_back(
                Reference{string_at(ro, "text"), string_at(ro, "target"), string_at(ro, "kind"), string_at(ro, "where")});
        }
    if (const bj::value* s = o.if_contains("source")) {
        const bj::object& so = as_object(*s, "source");
        Provenance& p = doc.source;
        p.format = string_at(so, "format");
        p.media_type = string_at(so, "media_type");
        p.path = string_at(so, "path");
        p.sha256 = string_at(so, "sha256");
        p.size = static_cast<std::uint64_t>(int_at(so, "size", 0));
        p.record = static_cast<std::uint32_t>(int_at(so, "record", 0));
        if (const bj::value* imp = so.if_contains("importer")) {
            const bj::object& io = as_object(*imp, "importer");
            p.importer = ImporterStamp{string_at(io, "name"), string_at(io, "version")};
        }
    }
    if (const bj::array* ws = array_at(o, "warnings"))
        for (const bj::value& w : *ws) {
            const bj::object& wo = as_object(w, "warning");
            doc.warnings.push_back(Warning{string_at(wo, "code"), string_at(wo, "message"), string_at(wo, "where")});
        }
    return doc;
}

std::string to_compact(const bj::value& v) { return bj::serialize(v); }

void append_quoted(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, from, i - from);
        from = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
        }
    }
    out.append(s, from, s.size() - from);
    out += '"';
}

std::string to_pretty(const bj::value& v) {
    std::string out;
    pretty(out, v, 0, nullptr);
    return out;
}

void write_pretty(const bj::value& v, const TextSink& sink) {
    std::string out;
    out.reserve(drain_at + 4096);
    pretty(out, v, 0, &sink);
    out += '\n';
    sink(out);
}

Document parse_document(std::string_view text) {
    bj::error_code ec;
    bj::parse_options opt;
    opt.max_depth = 20000;
    bj::value v = bj::parse(bj::string_view(text.data(), text.size()), ec, {}, opt);
    if (ec) throw Error("not valid JSON: " + ec.message());
    return from_json(v);
}

}  // namespace stukwerk::json
