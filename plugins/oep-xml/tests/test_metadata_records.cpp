// Metadata records on their own (metadata.xml, metadata_owms.xml, SRU
// responses: one metadata-only document per record) and what identify()
// claims. Expected values are read off the source files.
#include "oep_test_util.hpp"

namespace stukwerk::test::oep {
namespace {

std::string raw_value(const Document& doc, const std::string& name, const std::string& scheme = {}) {
    for (const Field& f : doc.metadata.raw)
        if (f.name == name && (scheme.empty() || f.scheme == scheme)) return f.value;
    return {};
}

std::string identifier(const Document& doc, const std::string& scheme) {
    for (const Identifier& i : doc.metadata.identifiers)
        if (i.scheme == scheme) return i.value;
    return {};
}

TEST(OepXmlRecords, AMetadataXmlOnItsOwnIsOneMetadataOnlyDocument) {
    // Under the name KOOP's repository gives it, in a folder of its own.
    const fs::path dir = temp_dir("oep-record");
    fs::copy_file(corpus_oep() / "blg-1007826.metadata.xml", dir / "metadata.xml");
    for (const fs::path& p : {corpus_oep() / "blg-1007826.metadata.xml", dir / "metadata.xml"}) {
        const Document doc = import_one(p);
        EXPECT_EQ(doc.id, "blg-1007826");
        EXPECT_EQ(doc.metadata.title,
                  "Beslisnota inzake aangenomen moties en reactie op vier zienswijzen 7e Actieprogramma Nitraatrichtlijn");
        EXPECT_EQ(doc.metadata.published, "2021-12-03");
        EXPECT_EQ(doc.metadata.date, "");  // the record has no DCTERMS.issued
        EXPECT_EQ(doc.metadata.publication_type, "Kamerstuk");  // OVERHEIDop.publicationName
        EXPECT_EQ(raw_value(doc, "DC.type", "OVERHEIDop.Parlementair"), "Bijlage");
        EXPECT_EQ(raw_value(doc, "OVERHEIDop.hoofddocument", "OVERHEIDop.ParlID"), "kst-33037-430");
        EXPECT_EQ(doc.metadata.item_number, "430");
        ASSERT_EQ(doc.metadata.dossiers.size(), 1u);
        EXPECT_EQ(doc.metadata.dossiers[0].number, "33037");
        EXPECT_EQ(doc.metadata.session_year, "2021-2022");
        EXPECT_EQ(doc.metadata.chamber, "Tweede Kamer");
        EXPECT_TRUE(doc.body.empty());
    }
}

TEST(OepXmlRecords, AnOwmsRecordOnItsOwnIsOneMetadataOnlyDocument) {
    const Document doc = import_one(corpus_oep() / "kst-32545-143.metadata_owms.xml");
    EXPECT_EQ(doc.id, "kst-32545-143");
    EXPECT_EQ(doc.metadata.title,
              "Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor negatieve "
              "spaarrente");
    EXPECT_EQ(doc.metadata.document_type, "Motie");
    EXPECT_EQ(doc.metadata.date, "2021-07-06");
    EXPECT_EQ(doc.metadata.modified, "2021-07-07");
    // <dcterms:creator>overige</dcterms:creator> names no chamber: kept as it is.
    EXPECT_EQ(doc.metadata.chamber, "");
    EXPECT_EQ(raw_value(doc, "DC.creator", "OVERHEID.StatenGeneraal"), "overige");
    EXPECT_EQ(doc.metadata.subjects.size(), 2u);
}

TEST(OepXmlRecords, AWindows1252OwmsRecordIsRead) {
    // Declared windows-1252 (its bytes happen to be ASCII).
    ASSERT_NE(read_file(corpus_oep() / "kst-35842-4.metadata_owms.xml").find("encoding=\"windows-1252\""),
              std::string::npos);
    const Document doc = import_one(corpus_oep() / "kst-35842-4.metadata_owms.xml");
    EXPECT_EQ(doc.id, "kst-35842-4");
    EXPECT_EQ(doc.metadata.title, "Advies Afdeling advisering Raad van State en Nader rapport");
    EXPECT_EQ(doc.metadata.document_type, "Overig");
    EXPECT_EQ(doc.metadata.date, "2021-05-25");
    ASSERT_EQ(doc.metadata.dossiers.size(), 1u);
    EXPECT_EQ(doc.metadata.dossiers[0].number, "35842");
    EXPECT_EQ(raw_value(doc, "OVERHEIDop.adviesRvS"), "W04.21.0129/I");
    EXPECT_TRUE(doc.warnings.empty());
}

TEST(OepXmlRecords, AnSruResponseGivesOneDocumentPerRecord) {
    const Imported r = import_file(corpus_oep() / "sru-response-kst-32545-143-ah-blg.xml");
    ASSERT_TRUE(r.ok()) << r.report.error;
    std::vector<std::string> ids;
    for (const Document& d : r.documents) ids.push_back(d.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"kst-32545-143", "ah-tk-20202021-3235", "blg-1007826", "blg-1025203",
                                             "kst-32545-144"}));
    const Document& answer = r.documents[1];
    EXPECT_EQ(answer.metadata.title, "Antwoord op vragen van de leden Van Weyenberg, Romke de Jong en Kat over de Tozo");
    EXPECT_EQ(answer.metadata.document_type, "Antwoord");  // subrubriek, scheme OVERHEIDop.AanhangselTypen
    EXPECT_EQ(answer.metadata.publication_type, "Kamervragen (Aanhangsel)");
    EXPECT_EQ(answer.metadata.item_number, "3235");
    EXPECT_EQ(answer.metadata.date, "2021-06-21");
    EXPECT_EQ(identifier(answer, "tk-zaak"), "2021Z09739");
    EXPECT_EQ(identifier(answer, "oep-url"), "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235.html");
    std::vector<std::pair<std::string, std::string>> people;
    for (const Person& p : answer.metadata.people) people.emplace_back(p.name, p.role);
    EXPECT_EQ(people, (std::vector<std::pair<std::string, std::string>>{{"S.P.R.A. van Weyenberg", "submitter"},
                                                                         {"R.H. (Romke) de Jong", "submitter"},
                                                                         {"H. Kat", "submitter"},
                                                                         {"W. Koolmees", "recipient"}}));
    EXPECT_EQ(r.documents[2].metadata.dossiers.at(0).number, "33037");
    EXPECT_EQ(raw_value(r.documents[2], "OVERHEIDop.hoofddocument"), "kst-33037-430");
    for (const Document& d : r.documents) {
        EXPECT_TRUE(d.body.empty());
        EXPECT_EQ(raw_value(d, "sru:version"), "2.0");  // how the record was found travels with it
    }
    const Imported one = import_file(corpus_oep() / "sru-record-kst-35842-4.xml");
    ASSERT_EQ(one.documents.size(), 1u);
    EXPECT_EQ(one.documents[0].id, "kst-35842-4");
    EXPECT_EQ(one.documents[0].metadata.document_type, "Overig");
    EXPECT_EQ(one.documents[0].metadata.modified, "2021-05-27");
    EXPECT_EQ(raw_value(one.documents[0], "sru:echoedSearchRetrieveRequest/sru:query"), "dt.identifier==kst-35842-4");
}

TEST(OepXmlRecords, AnSruErrorOrAnEmptyResponseIsACleanError) {
    const std::string head =
        R"(<?xml version="1.0"?><sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" )"
        R"(xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic">)";
    const Imported failed = import_bytes(
        "sru.xml", head + "<sru:diagnostics><diag:diagnostic><diag:message>Query syntax error</diag:message>"
                          "</diag:diagnostic></sru:diagnostics></sru:searchRetrieveResponse>");
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.report.error, "oep-xml: the SRU response reports an error: Query syntax error");
    const Imported empty =
        import_bytes("sru.xml", head + "<sru:numberOfRecords>0</sru:numberOfRecords></sru:searchRetrieveResponse>");
    EXPECT_FALSE(empty.ok());
    EXPECT_EQ(empty.report.error, "oep-xml: the SRU response holds no gzd records");
}

Identification identify(const std::string& name, const std::string& bytes) {
    const core::ImporterSlot* slot = plugins().find_importer("oep-xml");
    EXPECT_NE(slot, nullptr);
    if (!slot) return {};
    Probe probe{std::string_view(bytes).substr(0, Probe::head_size), name, bytes.size()};
    return slot->importer->identify(probe);
}

TEST(OepXmlRecords, IdentifyClaimsKoopXmlAndLeavesOtherVocabulariesAlone) {
    EXPECT_EQ(identify("kst-32545-143.xml", read_file(corpus_oep() / "kst-32545-143.xml")).confidence, 95);
    EXPECT_EQ(identify("x.xml", read_file(corpus_oep() / "h-tk-20172018-70-8.xml")).confidence, 95);
    EXPECT_EQ(identify("metadata.xml", read_file(corpus_oep() / "kst-32545-143.metadata.xml")).confidence, 90);
    EXPECT_EQ(identify("metadata_owms.xml", read_file(corpus_oep() / "kst-35842-4.metadata_owms.xml")).confidence, 90);
    EXPECT_EQ(identify("sru.xml", read_file(corpus_oep() / "sru-record-kst-35842-4.xml")).confidence, 90);
    // The content decides, whatever the name.
    EXPECT_EQ(identify("publication.dat", read_file(corpus_oep() / "kst-36471-12.xml")).confidence, 95);
    // Tweede Kamer open data belongs to tk-opendata: a VLOS report, a SyncFeed page, tkData entities.
    EXPECT_EQ(identify("verslag.xml", read_file(corpus_dir() / "tk-opendata" / "vlos-verslag-plenair-2014-10-15.xml"))
                  .confidence,
              0);
    EXPECT_EQ(identify("feed.xml", R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>)")
                  .confidence,
              0);
    EXPECT_EQ(identify("document.xml",
                       R"(<document xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="x"><titel>t</titel></document>)")
                  .confidence,
              0);
    // Another XML vocabulary: a weak claim by extension only, which any content claim beats.
    const Identification other = identify("record.xml", read_file(corpus_dir() / "schemas" / "mdto" /
                                                                   "MDTO-XML-1.0.1-Voorbeeld-Bestand.xml"));
    EXPECT_GT(other.confidence, 0);
    EXPECT_LE(other.confidence, 20);
    EXPECT_EQ(identify("notes.txt", "Just some text, no markup.").confidence, 0);
    EXPECT_EQ(identify("page.html", "<!DOCTYPE html><html><body>x</body></html>").confidence, 0);
}

}  // namespace
}  // namespace stukwerk::test::oep
