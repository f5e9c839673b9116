#include "odata_importer.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include <boost/json.hpp>

#include <stukwerk/sniff.hpp>

#include "record_mapping.hpp"
#include "xml_outline.hpp"
#include "xml_text.hpp"

namespace stukwerk::tk {

ImporterInfo ODataImporter::describe() {
    return {"tk-odata", "1.0.0",
            "Tweede Kamer open data, OData API: JSON entities (Document, Zaak, DocumentVersie, ...), expanded or not",
            {"application/json"},
            {"json"}};
}

namespace {

namespace json = boost::json;

// The entities of one JSON input, merged by type and GUID (an entity may be
// expanded in several places), with an index of who points at whom.
class Pool final : public EntityLookup {
public:
    std::size_t add(Entity e) {
        if (e.id.empty()) {
            entities_.push_back(std::move(e));
            return entities_.size() - 1;
        }
        const std::string key = e.type + '\n' + e.id;
        const auto [it, fresh] = index_.try_emplace(key, entities_.size());
        if (fresh) {
            entities_.push_back(std::move(e));
            return it->second;
        }
        Entity& known = entities_[it->second];
        for (auto& f : e.fields)
            if (!known.field(f.first)) known.fields.push_back(std::move(f));
        for (auto& r : e.refs) link(it->second, r.first, r.second);
        if (known.modified.empty()) known.modified = e.modified;
        if (known.api_modified.empty()) known.api_modified = e.api_modified;
        known.deleted = known.deleted || e.deleted;
        return it->second;
    }

    void link(std::size_t from, const std::string& relation, const std::string& target) {
        if (target.empty()) return;
        Entity& e = entities_[from];
        for (const auto& r : e.refs)
            if (r.first == relation && r.second == target) return;
        e.refs.emplace_back(relation, target);
    }

    void index_references() {
        for (std::size_t i = 0; i < entities_.size(); ++i)
            for (const auto& [relation, target] : entities_[i].refs)
                reverse_[entities_[i].type + '\n' + relation + '\n' + target].push_back(i);
    }

    const Entity& at(std::size_t i) const { return entities_[i]; }
    std::size_t size() const { return entities_.size(); }

    std::optional<Entity> by_id(std::string_view type, std::string_view id) const override {
        const auto it = index_.find(std::string(type) + '\n' + std::string(id));
        if (it == index_.end()) return std::nullopt;
        return entities_[it->second];
    }

    std::vector<Entity> referring(std::string_view type, std::string_view relation,
                                  std::string_view target) const override {
        std::vector<Entity> out;
        const auto it = reverse_.find(std::string(type) + '\n' + std::string(relation) + '\n' + std::string(target));
        if (it != reverse_.end())
            for (std::size_t i : it->second) out.push_back(entities_[i]);
        return out;
    }

private:
    std::vector<Entity> entities_;
    std::unordered_map<std::string, std::size_t> index_;
    std::unordered_map<std::string, std::vector<std::size_t>> reverse_;
};

// The entity type behind a navigation property.
std::string type_of_navigation(std::string_view name) {
    if (name == "HuidigeDocumentVersie") return "DocumentVersie";
    if (name == "BronDocument" || name == "BijlageDocument") return "Document";
    return std::string(name);
}

// The type of an object that no navigation property names, from its
// properties: enough for the entities a Document's record uses.
std::string guess_type(const json::object& o) {
    auto has = [&](const char* k) { return o.contains(k); };
    if (has("DocumentNummer")) return "Document";
    if (has("Versienummer") || has("ExterneIdentifier")) return "DocumentVersie";
    if (has("HoogsteVolgnummer") || has("Toevoeging")) return "Kamerstukdossier";
    if (has("Nummer") && (has("GestartOp") || has("Kabinetsappreciatie") || has("Afgedaan"))) return "Zaak";
    if (has("ActorNaam") && has("Relatie") && !has("ActorAfkorting")) return "DocumentActor";
    if (has("FileName") && has("Identifier")) return "DocumentPublicatie";
    return "Onbekend";
}

// "...$metadata#Document(HuidigeDocumentVersie())" -> "Document".
std::string type_from_context(std::string_view context) {
    const auto hash = context.rfind('#');
    if (hash == std::string_view::npos) return {};
    std::string out;
    for (char c : context.substr(hash + 1)) {
        if (!std::isalnum(static_cast<unsigned char>(c))) break;
        out += c;
    }
    return out;
}

std::string scalar_text(const json::value& v, std::string_view key) {
    switch (v.kind()) {
        case json::kind::string: return std::string(v.get_string());
        case json::kind::bool_: return v.get_bool() ? "true" : "false";
        case json::kind::int64: return std::to_string(v.get_int64());
        case json::kind::uint64: return std::to_string(v.get_uint64());
        case json::kind::double_: {
            const double d = v.get_double();
            if (!std::isfinite(d))
                throw Error("the number in property '" + std::string(key) + "' is out of range");
            // Integral values that a double holds exactly are integers that
            // overflowed nothing; anything else would not round-trip.
            if (d == std::floor(d) && std::fabs(d) <= 9007199254740992.0)
                return std::to_string(static_cast<long long>(d));
            if (std::fabs(d) > 9007199254740992.0)
                throw Error("the number in property '" + std::string(key) +
                            "' is too large to be read exactly (more than 2^53)");
            char buf[32];
            const auto res = std::to_chars(buf, buf + sizeof buf, d);
            return std::string(buf, res.ptr);
        }
        default: return {};
    }
}

class Walker {
public:
    Walker(Pool& pool, std::vector<std::size_t>& documents) : pool_(pool), documents_(documents) {}

    std::size_t entity(const json::object& o, std::string type) {
        Entity e;
        if (const json::value* t = o.if_contains("@odata.type"); t && t->is_string()) {
            const std::string_view name = t->get_string();
            type = std::string(name.substr(name.rfind('.') == std::string_view::npos ? 0 : name.rfind('.') + 1));
        }
        e.type = type.empty() ? guess_type(o) : type;
        std::vector<std::pair<std::string, std::size_t>> nested;
        for (const json::key_value_pair& kv : o) {
            const std::string_view key = kv.key();
            const json::value& v = kv.value();
            if (key.find('@') != std::string_view::npos) continue;  // annotations
            if (v.is_object()) {
                nested.emplace_back(std::string(key), entity(v.get_object(), type_of_navigation(key)));
            } else if (v.is_array()) {
                for (const json::value& item : v.get_array()) {
                    if (item.is_object())
                        nested.emplace_back(std::string(key), entity(item.get_object(), type_of_navigation(key)));
                    else if (!item.is_null() && !item.is_array())
                        e.fields.emplace_back(std::string(key), scalar_text(item, key));
                }
            } else if (v.is_null()) {
                continue;
            } else if (key == "Id") {
                e.id = scalar_text(v, key);
            } else if (key == "Verwijderd") {
                e.deleted = v.is_bool() && v.get_bool();
            } else if (key == "GewijzigdOp") {
                e.modified = scalar_text(v, key);
            } else if (key == "ApiGewijzigdOp") {
                e.api_modified = scalar_text(v, key);
            } else if (key.size() > 3 && key.substr(key.size() - 3) == "_Id") {
                e.refs.emplace_back(std::string(key.substr(0, key.size() - 3)), scalar_text(v, key));
            } else {
                e.fields.emplace_back(std::string(key), scalar_text(v, key));
            }
        }
        const bool is_document = e.type == "Document";
        const std::size_t me = pool_.add(std::move(e));
        // Nesting is a relation both ways: the parent names the child by the
        // navigation property, the child names the parent by its type.
        for (const auto& [nav, child] : nested) {
            const std::string child_id = pool_.at(child).id;
            const std::string parent_type = pool_.at(me).type;
            const std::string parent_id = pool_.at(me).id;
            pool_.link(me, nav, child_id);
            pool_.link(child, parent_type, parent_id);
        }
        if (is_document && std::find(documents_.begin(), documents_.end(), me) == documents_.end())
            documents_.push_back(me);
        return me;
    }

private:
    Pool& pool_;
    std::vector<std::size_t>& documents_;
};

json::value parse_json(std::string_view text, std::uint32_t max_depth) {
    json::parse_options options;
    options.max_depth = max_depth;
    // Bytes that are not UTF-8 are kept; the host's UTF-8 pass replaces them
    // and warns, so one bad byte does not cost the whole page.
    options.allow_invalid_utf8 = true;
    json::stream_parser parser({}, options);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        std::string cause = "not valid JSON: " + ec.message();
        if (ec == json::error::incomplete) cause = "the JSON is truncated (it ends inside a value)";
        if (ec == json::error::too_deep)
            cause = "the JSON is nested deeper than " + std::to_string(max_depth) + " levels, the limit";
        if (ec == json::error::exponent_overflow) cause = "a number in the JSON is out of range";
        throw Error(cause + " (line " + std::to_string(line_at(text, consumed)) + ")");
    }
    return parser.release();
}

}  // namespace

Identification ODataImporter::do_identify(const Probe& probe) const {
    const std::string head = sniff::ascii_view(probe.head);
    const auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || (head[first] != '{' && head[first] != '[')) return {0, {}};
    auto has = [&](const char* s) { return sniff::contains(head, s); };
    if (has("@odata.context") && has("gegevensmagazijn.tweedekamer.nl"))
        return {95, "OData JSON from the Tweede Kamer gegevensmagazijn"};
    if (has("\"DocumentNummer\"") && (has("\"GewijzigdOp\"") || has("\"Verwijderd\"")))
        return {80, "JSON with Tweede Kamer Document entities (DocumentNummer, GewijzigdOp)"};
    if (has("\"Nummer\"") && has("\"Document\"") && has("\"GewijzigdOp\"") && has("\"Verwijderd\""))
        return {70, "JSON with a Tweede Kamer Zaak and its Documents"};
    return {0, {}};
}

void ODataImporter::do_read(const Source& source, DocumentSink& sink) const {
    // Utf8Text handles a byte-order mark and UTF-16 the same way for JSON.
    const Utf8Text text = Utf8Text::decode(source.bytes());
    const json::value root = parse_json(text.view(), source.limits().max_depth);

    Pool pool;
    std::vector<std::size_t> documents;
    Walker walker(pool, documents);
    if (root.is_array()) {
        for (const json::value& v : root.get_array())
            if (v.is_object()) walker.entity(v.get_object(), {});
    } else if (root.is_object()) {
        const json::object& o = root.get_object();
        std::string type;
        if (const json::value* c = o.if_contains("@odata.context"); c && c->is_string())
            type = type_from_context(c->get_string());
        if (const json::value* value = o.if_contains("value"); value && value->is_array()) {
            for (const json::value& v : value->get_array())
                if (v.is_object()) walker.entity(v.get_object(), type);
        } else {
            walker.entity(o, type);
        }
    } else {
        throw Error("the JSON is a single " + std::string(root.is_string() ? "string" : "value") +
                    ", not OData entities");
    }
    if (documents.empty()) {
        std::map<std::string, std::size_t> types;
        for (std::size_t i = 0; i < pool.size(); ++i) ++types[pool.at(i).type];
        std::string summary;
        for (const auto& [t, n] : types) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + t;
        throw Error("the JSON holds no Document entity (" + (summary.empty() ? std::string("no entities") : summary) + ")");
    }
    pool.index_references();
    for (const std::size_t i : documents) sink.accept(to_document(resolve(pool.at(i), pool)));
}

}  // namespace stukwerk::tk
