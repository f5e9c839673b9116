#include "syncfeed_entry.hpp"

namespace stukwerk::tk {

Entity entity_from_element(pugi::xml_node element, const Namespaces& outer) {
    Entity e;
    e.type = canonical_name(local_name(element.name()));
    for (const pugi::xml_attribute& a : element.attributes()) {
        const std::string_view name = a.name();
        if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
        const std::string_view local = local_name(name);
        if (local == "id") e.id = a.value();
        else if (local == "verwijderd") e.deleted = std::string_view(a.value()) == "true" || std::string_view(a.value()) == "1";
        else if (local == "bijgewerkt") e.modified = a.value();
        else if (local == "contentType" || local == "contentLength") e.fields.emplace_back(canonical_name(local), a.value());
    }
    for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string name = canonical_name(local_name(c.name()));
        if (pugi::xml_attribute ref = c.attribute("ref")) {
            if (*ref.value()) e.refs.emplace_back(name, ref.value());
            continue;
        }
        if (is_nil(c, outer)) continue;
        e.fields.emplace_back(name, text_of(c));
    }
    return e;
}

FeedEntry read_entry(pugi::xml_node entry, const Namespaces& outer) {
    FeedEntry out;
    const pugi::xml_node content = child_element(entry, atom_ns, "content", outer);
    if (!content) return out;
    if (content.attribute("src")) {
        out.external = true;
        return out;
    }
    pugi::xml_node element = content.first_child();
    while (element && element.type() != pugi::node_element) element = element.next_sibling();
    if (!element) return out;
    if (element_ns(element, outer) != tkdata_ns) {
        out.foreign = element.name();
        return out;
    }
    Entity e = entity_from_element(element, outer);
    if (const pugi::xml_node updated = child_element(entry, atom_ns, "updated", outer)) e.api_modified = text_of(updated);
    out.entity = std::move(e);
    return out;
}

}  // namespace stukwerk::tk
