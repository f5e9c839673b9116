// The publication's metadata from its meta tags, the KOOP vocabulary
// (DC.*, DCTERMS.*, OVERHEID.*, OVERHEIDop.*; names in any letter case):
//
//   DC.identifier (OVERHEIDop.ParlID)    id
//   OVERHEIDop.documenttitel, DC.title   title (the first, else the second)
//   DC.type (scheme ...Typen)            document_type ("Motie", "Brief")
//   OVERHEIDop.publicationName           publication_type (else DC.type OVERHEIDop.Parlementair)
//   DCTERMS.issued / available / modified  date / published / modified
//   OVERHEIDop.vergaderjaar              session_year
//   DC.creator                           chamber ("Tweede Kamer der Staten-Generaal" -> "Tweede Kamer")
//   OVERHEIDop.dossiernummer + dossiertitel  dossiers, paired in order
//   OVERHEIDop.ondernummer               item_number
//   OVERHEIDop.indiener / medeindiener   people: submitter / co-submitter
//   OVERHEIDop.ontvanger                 people: addressee
//   DCTERMS.language                     language
//   OVERHEID.category                    subjects
//   <link rel=canonical> on the site     identifiers: oep-url
//
// Every other meta of these vocabularies, and each of the above that is
// not used (DC.title beside a documenttitel), goes to metadata.raw as
// written, with its scheme. Meta tags of the site (viewport, og:*, robots)
// are not the publication's and are left out.
#pragma once

#include <stukwerk/document.hpp>

#include "page_scan.hpp"

namespace stukwerk::oep_html {

void read_meta_tags(const PageScan& scan, Document& doc);

}  // namespace stukwerk::oep_html
