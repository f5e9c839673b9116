#include "jsonld_writer.hpp"

#include <boost/json.hpp>

#include <stukwerk/error.hpp>

#include "context_text.hpp"
#include "model_json.hpp"
#include "vocabulary.hpp"

namespace stukwerk::plugins::rdf {
namespace bj = boost::json;

JsonLdWriter::JsonLdWriter() {
    bj::error_code ec;
    bj::value parsed = bj::parse(published_context_text, ec);
    if (ec || !parsed.is_object() || !parsed.as_object().contains("@context") ||
        !parsed.as_object().at("@context").is_object())
        throw Error("the embedded JSON-LD context is not a JSON object with \"@context\"");
    context_ = parsed.as_object().at("@context").as_object();

    for (const auto& [key, value] : context_) {
        const std::string k(key);
        if (!value.is_string() || k.find(':') != std::string::npos) continue;
        const std::string v(value.as_string());
        if (!v.empty() && (v.back() == '#' || v.back() == '/')) prefixes_.emplace_back(k, v);
    }
    for (const auto& [key, value] : context_) {
        TermDefinition def{std::string(key), Coercion::none, {}};
        std::string id;
        if (value.is_string()) {
            id = std::string(value.as_string());
            if (!id.empty() && (id.back() == '#' || id.back() == '/')) continue;  // a prefix
        } else if (value.is_object()) {
            const bj::object& o = value.as_object();
            if (const bj::value* i = o.if_contains("@id"); i && i->is_string()) id = std::string(i->as_string());
            if (const bj::value* t = o.if_contains("@type"); t && t->is_string()) {
                const std::string type(t->as_string());
                def.coercion = type == "@id" ? Coercion::id : Coercion::datatype;
                if (def.coercion == Coercion::datatype) def.datatype = expand(type);
            }
        }
        if (!id.empty()) terms_[expand(id)].push_back(std::move(def));
    }
}

std::string JsonLdWriter::expand(const std::string& value) const {
    const auto colon = value.find(':');
    if (colon != std::string::npos)
        for (const auto& [name, ns] : prefixes_)
            if (value.compare(0, colon, name) == 0 && name.size() == colon) return ns + value.substr(colon + 1);
    return value;
}

std::string JsonLdWriter::compact(const std::string& iri) const {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : prefixes_)
        if (iri.size() > p.second.size() && iri.compare(0, p.second.size(), p.second) == 0 &&
            (!best || p.second.size() > best->second.size()))
            best = &p;
    return best ? best->first + ":" + iri.substr(best->second.size()) : iri;
}

std::pair<std::string, bj::value> JsonLdWriter::entry(const std::string& p, const Term& o) const {
    auto explicit_value = [&]() -> bj::value {
        if (o.kind == Term::Kind::iri) return bj::object{{"@id", o.value}};
        if (!o.language.empty()) return bj::object{{"@value", o.value}, {"@language", o.language}};
        if (!o.datatype.empty()) return bj::object{{"@value", o.value}, {"@type", compact(o.datatype)}};
        return bj::string(o.value);
    };
    if (const auto it = terms_.find(p); it != terms_.end())
        for (const TermDefinition& def : it->second) {
            if (def.coercion == Coercion::id && o.kind == Term::Kind::iri) return {def.name, bj::string(o.value)};
            if (def.coercion == Coercion::datatype && o.kind == Term::Kind::literal && o.datatype == def.datatype &&
                o.language.empty())
                return {def.name, bj::string(o.value)};
            if (def.coercion == Coercion::none) return {def.name, explicit_value()};
        }
    return {compact(p), explicit_value()};
}

std::string JsonLdWriter::write(const Graph& graph) const {
    const std::string rdf_type = vocab::term(vocab::rdf, "type");
    std::vector<std::string_view> order;
    std::map<std::string_view, bj::object> nodes;
    for (const Triple& t : graph) {
        auto [it, fresh] = nodes.try_emplace(t.subject);
        bj::object& node = it->second;
        if (fresh) {
            order.push_back(t.subject);
            node["@id"] = t.subject;
        }
        std::pair<std::string, bj::value> kv;
        if (t.predicate == rdf_type && t.object.kind == Term::Kind::iri)
            kv = {"@type", bj::string(compact(t.object.value))};
        else
            kv = entry(t.predicate, t.object);
        bj::value* existing = node.if_contains(kv.first);
        if (!existing) {
            node[kv.first] = std::move(kv.second);
        } else {
            if (!existing->is_array()) *existing = bj::array{std::move(*existing)};
            existing->as_array().push_back(std::move(kv.second));
        }
    }
    bj::array nodes_out;
    for (std::string_view s : order) nodes_out.push_back(std::move(nodes[s]));
    const bj::object doc{{"@context", context_}, {"@graph", std::move(nodes_out)}};
    return stukwerk::json::to_pretty(doc) + "\n";
}

}  // namespace stukwerk::plugins::rdf
