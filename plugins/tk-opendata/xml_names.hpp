// Namespace-aware names on top of pugixml, which is not namespace aware.
//
// The same SyncFeed entity may arrive as <document xmlns="...tkData...">,
// <tk:document> or <ns1:document>; only the namespace URI identifies it.
// A fragment parsed on its own (one <entry> of a feed) still sees the
// declarations of the feed's root through `outer`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace stukwerk::tk {

inline constexpr std::string_view atom_ns = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view tkdata_ns = "http://www.tweedekamer.nl/xsd/tkData/v1-0";
inline constexpr std::string_view xsi_ns = "http://www.w3.org/2001/XMLSchema-instance";

// Prefix -> URI declarations that enclose a fragment ("" is the default namespace).
using Namespaces = std::vector<std::pair<std::string, std::string>>;

// The declarations of a start tag as written ("<feed xmlns=... xmlns:tk=...>").
Namespaces declarations_of(std::string_view start_tag);

std::string_view local_name(std::string_view qname);
std::string_view prefix_of(std::string_view qname);

// The namespace URI bound to `prefix` at `node` ("" when unbound).
std::string_view namespace_uri(pugi::xml_node node, std::string_view prefix, const Namespaces& outer);

// The namespace URI of the element itself.
inline std::string_view element_ns(pugi::xml_node node, const Namespaces& outer) {
    return namespace_uri(node, prefix_of(node.name()), outer);
}

// True when the element is {ns}local.
bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local, const Namespaces& outer);

// The first child element {ns}local, or an empty node.
pugi::xml_node child_element(pugi::xml_node node, std::string_view ns, std::string_view local, const Namespaces& outer);

// An attribute by its local name, whatever its prefix ("tk:verwijderd",
// "ns1:verwijderd" and "verwijderd" alike); namespace declarations are skipped.
pugi::xml_attribute attribute_by_local_name(pugi::xml_node node, std::string_view local);

// True for xsi:nil="true".
bool is_nil(pugi::xml_node node, const Namespaces& outer);

// All text below the node, in document order.
std::string text_of(pugi::xml_node node);

}  // namespace stukwerk::tk
