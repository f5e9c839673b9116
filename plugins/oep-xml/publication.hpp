// Reading one input of the oep-xml importer, by its root element:
//
//   officiele-publicatie (kamerstuk, handelingen, kamervragen)
//       -> one document; its metadata merged from the inline <metadata> and
//          a companion record beside the file (X.metadata.xml,
//          X.metadata_owms.xml, metadata.xml, metadata_owms.xml)
//   metadata_gegevens, owms-metadata, gzd
//       -> one metadata-only document
//   sru:searchRetrieveResponse
//       -> one metadata-only document per gzd record
//   anything else
//       -> one document converted generically, with a warning
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::oep {

void read_input(const Source& source, DocumentSink& sink);

}  // namespace stukwerk::oep
