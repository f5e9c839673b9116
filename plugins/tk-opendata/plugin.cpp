// Registers the three Tweede Kamer open-data importers: the SyncFeed (Atom
// XML) and OData (JSON) APIs, which share one mapping, and VLOS transcripts.
#include <stukwerk/plugin.hpp>

#include "odata_importer.hpp"
#include "syncfeed_importer.hpp"
#include "vlos_importer.hpp"

STUKWERK_PLUGIN(stukwerk::tk::SyncFeedImporter, stukwerk::tk::ODataImporter, stukwerk::tk::VlosImporter)
