#include "oep_importer.hpp"

#include <stukwerk/sniff.hpp>

#include "publication.hpp"

namespace stukwerk::oep {

ImporterInfo OepXmlImporter::describe() {
    return {"oep-xml",
            "1.0.0",
            "KOOP officiele-publicatie XML (Kamerstukken, Handelingen, Aanhangsels), metadata.xml, "
            "metadata_owms.xml and SRU search responses",
            {"application/xml", "text/xml"},
            {"xml"}};
}

Identification OepXmlImporter::do_identify(const Probe& probe) const {
    const std::string head = sniff::ascii_view(probe.head);
    const std::string root = sniff::xml_root_name(head);
    const std::string_view name = sniff::local_name(root);
    if (name == "officiele-publicatie") return {95, "root element <officiele-publicatie> (KOOP publication XML)"};
    if (name == "metadata_gegevens") return {90, "root element <metadata_gegevens> (KOOP metadata.xml)"};
    if (name == "owms-metadata") return {90, "root element <owms-metadata> (KOOP metadata_owms.xml)"};
    if (name == "searchRetrieveResponse" && sniff::contains(head, "http://standaarden.overheid.nl/sru"))
        return {90, "SRU response with gzd records (repository.overheid.nl)"};
    if (name == "gzd") return {85, "root element <gzd> (one repository.overheid.nl SRU record)"};
    if (name == "kamerstuk" || name == "handelingen" || name == "kamervragen")
        return {70, "root element <" + std::string(name) + "> of the officiele-publicatie vocabulary"};
    // Other XML vocabularies (Tweede Kamer open data feeds and VLOS among
    // them) belong to other importers; an unknown XML file is converted
    // generically only when nothing else claims it.
    if (root.empty() || name == "feed" || name == "vlosCoreDocument" || name == "html" ||
        sniff::contains(head, "tweedekamer.nl/xsd/tkData"))
        return {0, {}};
    if (sniff::extension(probe.file_name) == "xml") return {5, "an XML file of another vocabulary (generic conversion)"};
    return {0, {}};
}

void OepXmlImporter::do_read(const Source& source, DocumentSink& sink) const { read_input(source, sink); }

}  // namespace stukwerk::oep
