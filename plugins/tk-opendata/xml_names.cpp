#include "xml_names.hpp"

namespace stukwerk::tk {

std::string_view local_name(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view prefix_of(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

Namespaces declarations_of(std::string_view start_tag) {
    Namespaces out;
    // Parse the start tag as an element of its own: "<feed ...>" -> "<feed .../>".
    std::string tag(start_tag);
    if (start_tag.size() >= 2 && start_tag.back() == '>' && start_tag[start_tag.size() - 2] != '/') {
        tag = std::string(start_tag.substr(0, start_tag.size() - 1));
        tag += "/>";
    }
    pugi::xml_document doc;
    if (!doc.load_buffer(tag.data(), tag.size(), pugi::parse_default, pugi::encoding_utf8)) return out;
    for (const pugi::xml_attribute& a : doc.first_child().attributes()) {
        const std::string_view name = a.name();
        if (name == "xmlns")
            out.emplace_back("", a.value());
        else if (name.substr(0, 6) == "xmlns:")
            out.emplace_back(std::string(name.substr(6)), a.value());
    }
    return out;
}

std::string_view namespace_uri(pugi::xml_node node, std::string_view prefix, const Namespaces& outer) {
    if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        for (const pugi::xml_attribute& a : n.attributes()) {
            const std::string_view name = a.name();
            if (prefix.empty() ? name == "xmlns" : (name.size() == prefix.size() + 6 && name.substr(0, 6) == "xmlns:" &&
                                                    name.substr(6) == prefix))
                return a.value();
        }
    }
    for (auto it = outer.rbegin(); it != outer.rend(); ++it)
        if (it->first == prefix) return it->second;
    return {};
}

bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local, const Namespaces& outer) {
    return node.type() == pugi::node_element && local_name(node.name()) == local && element_ns(node, outer) == ns;
}

pugi::xml_node child_element(pugi::xml_node node, std::string_view ns, std::string_view local, const Namespaces& outer) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (is_element(c, ns, local, outer)) return c;
    return {};
}

pugi::xml_attribute attribute_by_local_name(pugi::xml_node node, std::string_view local) {
    for (const pugi::xml_attribute& a : node.attributes()) {
        const std::string_view name = a.name();
        if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
        if (local_name(name) == local) return a;
    }
    return {};
}

bool is_nil(pugi::xml_node node, const Namespaces& outer) {
    for (const pugi::xml_attribute& a : node.attributes()) {
        const std::string_view name = a.name();
        if (local_name(name) != "nil" || prefix_of(name).empty()) continue;
        if (namespace_uri(node, prefix_of(name), outer) != xsi_ns) continue;
        const std::string_view v = a.value();
        return v == "true" || v == "1";
    }
    return false;
}

std::string text_of(pugi::xml_node node) {
    std::string out;
    // Iterative: the outline scanner bounds the depth, but a walk that
    // cannot overflow the stack needs no such argument.
    for (pugi::xml_node n = node.first_child(); n;) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    return out;
}

}  // namespace stukwerk::tk
