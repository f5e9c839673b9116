// What the printed text says about the document, for the roles of its first
// lines and for the metadata the meta tags leave out.
//
// Roles: after the document title and before the first section heading, a
// line "Aan de Voorzitter van ..." is the addressee and "Den Haag, 22
// december 2022" the place-and-date line of a letter.
//
// Metadata from the body, only where the meta tags gave none: dossiers from
// h1.dossiertitel, the item number from span.stuknummer, the title and type
// from the printed title, the date from the date or place-and-date line, the
// id (kst-<dossier>-<number>) from those; people from the closing (the
// signatories, with the function printed above their name) and the
// addressee line.
#pragma once

#include <vector>

#include <stukwerk/document.hpp>

namespace stukwerk::oep_html {

void mark_front_matter(std::vector<Block>& body);

void complete_from_body(Document& doc, const std::vector<Person>& signatories);

}  // namespace stukwerk::oep_html
