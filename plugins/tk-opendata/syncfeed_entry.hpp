// One SyncFeed <entry>, or one bare tkData entity element, as an Entity.
//
//   <entry>
//     <title>GUID</title> <id>.../Entiteiten/GUID</id> <updated>ApiGewijzigdOp</updated>
//     <category term="document"/> <link rel="next|enclosure" href="..."/>
//     <content type="application/xml">
//       <document xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="GUID"
//                 tk:bijgewerkt="GewijzigdOp" tk:verwijderd="false" tk:contentType=... >
//         <zaak ref="GUID"/> ... <soort>Brief regering</soort> ...
//       </document>
//     </content>
//   </entry>
#pragma once

#include <optional>
#include <string>

#include <pugixml.hpp>

#include "entity.hpp"
#include "xml_names.hpp"

namespace stukwerk::tk {

// An element in the tkData namespace: its attributes and child elements by
// their OData names, children with a `ref` attribute as relations, xsi:nil
// children left out (as OData leaves nulls out of this model).
Entity entity_from_element(pugi::xml_node element, const Namespaces& outer);

struct FeedEntry {
    std::optional<Entity> entity;  // absent when the entry embeds none
    bool external = false;         // content by reference (content=external feeds)
    std::string foreign;           // the root of embedded content outside tkData, if any
};

FeedEntry read_entry(pugi::xml_node entry, const Namespaces& outer);

}  // namespace stukwerk::tk
