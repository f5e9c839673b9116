// tk-syncfeed and tk-odata on the real OData records of the corpus and on
// the SyncFeed pages reconstructed from them (tests/data/tk-opendata): the
// mapping onto the model, deletion records, and that both APIs give the
// same documents.
#include <gtest/gtest.h>

#include <map>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

std::vector<Document> import_all(const fs::path& path, const std::string& importer = {}) {
    Imported r = import_file(path, importer);
    EXPECT_TRUE(r.ok()) << path << ": " << r.report.error;
    if (!importer.empty()) {
        EXPECT_EQ(r.report.importer, importer);
    }
    return r.documents;
}

// The values below are read from tests/data/corpus/tk-opendata/
// kst-36410-XVI-104.odata-zaak.json (the Zaak, its Document and that
// document's HuidigeDocumentVersie).
void expect_36410_XVI_104(const Document& d) {
    const Metadata& m = d.metadata;
    EXPECT_EQ(d.id, "kst-36410-XVI-104");  // dossier and Volgnummer, as the ExterneIdentifier says
    EXPECT_EQ(d.status, RecordStatus::active);
    EXPECT_EQ(m.title,
              "Motie van het lid Ceder over het uitwerken van opties die bewustwording bij vaders vergroten over hun "
              "positieve rol in gezinnen");  // Onderwerp, without its trailing space
    EXPECT_EQ(m.document_type, "Motie");
    EXPECT_EQ(m.publication_type, "Kamerstuk");
    EXPECT_EQ(m.date, "2024-01-29");
    EXPECT_EQ(m.modified, "2024-02-19T10:56:03.63+01:00");
    EXPECT_EQ(m.version, "3");
    EXPECT_EQ(m.session_year, "2023-2024");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0].number, "36410-XVI");
    EXPECT_EQ(m.dossiers[0].title,
              "Vaststelling van de begrotingsstaten van het Ministerie van Volksgezondheid, Welzijn en Sport (XVI) voor "
              "het jaar 2024");
    EXPECT_EQ(m.item_number, "104");
    EXPECT_EQ(ids_of(m, "tk-document-number"), std::vector<std::string>{"2024D03082"});
    EXPECT_EQ(ids_of(m, "tk-zaak"), std::vector<std::string>{"2024Z01345"});
    EXPECT_EQ(ids_of(m, "tk-zaak-id"), std::vector<std::string>{"cecb8165-c8ab-45fa-9339-e67c48f8f8db"});
    EXPECT_EQ(ids_of(m, "tk-document-id"), std::vector<std::string>{"6f0c44d2-eaf8-4ca9-94fc-2d2ddba13e34"});
    EXPECT_EQ(ids_of(m, "tk-document-version-id"), std::vector<std::string>{"1cd309d5-5ad1-4150-b5bf-23d4059899d8"});
    EXPECT_EQ(ids_of(m, "oep-id"), std::vector<std::string>{"kst-36410-XVI-104"});
    // Unmapped fields of the Document stay, verbatim.
    EXPECT_EQ(raw_of(m, "DatumRegistratie"), "2024-01-29T00:00:00+01:00");
    EXPECT_EQ(raw_of(m, "ContentLength"), "21395");
    EXPECT_EQ(raw_of(m, "ContentType"), "application/pdf");
    EXPECT_EQ(raw_of(m, "ApiGewijzigdOp"), "2024-02-23T22:27:30.5594443Z");
    EXPECT_EQ(raw_of(m, "Organisatie"), "Tweede Kamer");
    EXPECT_TRUE(d.body.empty());  // an open-data record carries metadata, not the text
}

TEST(TkRecords, ODataZaakRecordMapsOntoTheModel) {
    const std::vector<Document> docs = import_all(corpus_tk() / "kst-36410-XVI-104.odata-zaak.json", "tk-odata");
    ASSERT_EQ(docs.size(), 1u);
    expect_36410_XVI_104(docs[0]);
    EXPECT_TRUE(docs[0].warnings.empty());
}

TEST(TkRecords, SyncFeedPageResolvesRelatedEntitiesOnThePage) {
    const std::vector<Document> docs = import_all(fixtures() / "syncfeed-zaak-records.xml", "tk-syncfeed");
    // One document per Document entity: eight, beside eight Zaak and eight DocumentVersie entries.
    ASSERT_EQ(docs.size(), 8u);
    const Document* d = find_doc(docs, "kst-36410-XVI-104");
    ASSERT_NE(d, nullptr);
    expect_36410_XVI_104(*d);

    // A dossier with a sub-number (21 501-20), from kst-21501-20-2084.odata-zaak.json.
    const Document* europese_raad = find_doc(docs, "kst-21501-20-2084");
    ASSERT_NE(europese_raad, nullptr);
    ASSERT_EQ(europese_raad->metadata.dossiers.size(), 1u);
    EXPECT_EQ(europese_raad->metadata.dossiers[0].number, "21501-20");
    EXPECT_EQ(europese_raad->metadata.dossiers[0].title, "Europese Raad");
    EXPECT_EQ(europese_raad->metadata.document_type, "Motie (gewijzigd/nader)");
    EXPECT_EQ(ids_of(europese_raad->metadata, "tk-zaak"), std::vector<std::string>{"2024Z06751"});

    // Every id the page gives, each a kst id built from its own record.
    std::vector<std::string> ids;
    for (const Document& doc : docs) ids.push_back(doc.id);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"kst-21501-20-2084", "kst-24515-782", "kst-28286-1373", "kst-33836-106",
                                             "kst-34104-439", "kst-36410-XVI-104", "kst-36471-12", "kst-36755-24"}));
}

// The claim of the issue: the OData JSON and the SyncFeed XML of one
// record give the same document, whole (but for provenance).
TEST(TkRecords, ODataAndSyncFeedGiveEqualDocuments) {
    std::map<std::string, Document> from_odata;
    for (const char* name : {"kst-21501-20-2084", "kst-24515-782", "kst-28286-1373", "kst-33836-106", "kst-34104-439",
                             "kst-36410-XVI-104", "kst-36471-12", "kst-36755-24"})
        for (Document& d : import_all(corpus_tk() / (std::string(name) + ".odata-zaak.json"), "tk-odata"))
            from_odata.emplace(d.id, without_source(d));
    std::size_t page_records = 0;
    for (Document& d : import_all(corpus_tk() / "odata-document-page-100.json", "tk-odata")) {
        ++page_records;
        from_odata.emplace(d.id, without_source(d));
    }
    for (Document& d : import_all(flagship_dir() / "kst-33279-36.odata.json", "tk-odata"))
        from_odata.emplace(d.id, without_source(d));
    ASSERT_EQ(page_records, 250u);
    ASSERT_EQ(from_odata.size(), 8u + 250u + 1u);  // no two records share an id

    std::size_t compared = 0;
    for (const fs::path& feed : {fixtures() / "syncfeed-zaak-records.xml", fixtures() / "syncfeed-document-page-100.xml",
                                 flagship_dir() / "kst-33279-36.syncfeed.xml"})
        for (Document& d : import_all(feed, "tk-syncfeed")) {
            const auto it = from_odata.find(d.id);
            ASSERT_NE(it, from_odata.end()) << d.id << " from " << feed;
            EXPECT_EQ(without_source(d), it->second) << d.id;
            ++compared;
        }
    EXPECT_EQ(compared, from_odata.size());
}

TEST(TkRecords, DeletedEntitiesBecomeDeletionRecords) {
    // Counted independently of the importer: entities with Verwijderd true.
    const std::string counts = python_out(
        "import json,sys\n"
        "d=json.load(open(sys.argv[1],encoding='utf-8'))\n"
        "print(len(d), sum(1 for e in d if e['Verwijderd']))\n",
        {(corpus_tk() / "odata-document-page-100.json").string()});
    ASSERT_EQ(counts, "250 64\n");
    for (const fs::path& input : {corpus_tk() / "odata-document-page-100.json", fixtures() / "syncfeed-document-page-100.xml"}) {
        const std::vector<Document> docs = import_all(input);
        ASSERT_EQ(docs.size(), 250u) << input;
        std::size_t deleted = 0;
        for (const Document& d : docs) {
            if (d.status != RecordStatus::deleted) continue;
            ++deleted;
            // A tombstone carries its GUID and its time of change, nothing else.
            EXPECT_EQ(d.id.size(), 36u) << d.id;
            EXPECT_EQ(ids_of(d.metadata, "tk-document-id"), std::vector<std::string>{d.id});
            EXPECT_FALSE(d.metadata.modified.empty()) << d.id;
            EXPECT_TRUE(d.metadata.title.empty()) << d.id;
            EXPECT_FALSE(raw_of(d.metadata, "ApiGewijzigdOp").empty()) << d.id;
        }
        EXPECT_EQ(deleted, 64u) << input;
        // The first tombstone of the page, as the JSON has it.
        const Document* first = find_doc(docs, "9cbb13d7-e636-4b7f-8f5d-cb3a14896d38");
        ASSERT_NE(first, nullptr);
        EXPECT_EQ(first->status, RecordStatus::deleted);
        EXPECT_EQ(first->metadata.modified, "2025-06-12T12:55:28.783+02:00");
    }
}

TEST(TkRecords, DocumentsOutsideADossierKeepTheirDocumentNumber) {
    const std::vector<Document> docs = import_all(corpus_tk() / "odata-document-page-100.json");
    // First entry of the page: a Memorie van toelichting, Volgnummer 2, no dossier on the page.
    const Document* mvt = find_doc(docs, "2025D18359");
    ASSERT_NE(mvt, nullptr);
    EXPECT_EQ(mvt->metadata.title, "Memorie van toelichting");
    EXPECT_EQ(mvt->metadata.item_number, "2");
    EXPECT_TRUE(mvt->metadata.dossiers.empty());
    EXPECT_TRUE(mvt->metadata.publication_type.empty());
    // Titel names a dossier the page does not identify: kept, not guessed from.
    EXPECT_EQ(raw_of(mvt->metadata, "Titel"),
              "Wijziging van de begrotingsstaat van het Mobiliteitsfonds voor het jaar 2025 (wijziging samenhangende met "
              "de Voorjaarsnota)");
    EXPECT_EQ(raw_of(mvt->metadata, "DatumOntvangst"), "2025-04-23T00:00:00+02:00");
    // Volgnummer -1 marks "no number": not an item number, kept verbatim.
    std::size_t sprekerslijsten = 0;
    for (const Document& d : docs)
        if (d.metadata.document_type == "Sprekerslijst") {
            ++sprekerslijsten;
            EXPECT_TRUE(d.metadata.item_number.empty()) << d.id;
            EXPECT_EQ(raw_of(d.metadata, "Volgnummer"), "-1") << d.id;
        }
    EXPECT_EQ(sprekerslijsten, 13u);
}

// The flagship's record, reconstructed from its open-data viewer page: the
// values the page states, read from the page itself.
TEST(TkRecords, FlagshipRecordMatchesItsPage) {
    const std::string page = read_file(fixtures() / "kst-33279-36.page.txt");
    ASSERT_NE(page.find("Nummer: 2022D56473, datum: 2022-12-22, bijgewerkt: 2024-02-19 10:56, versie: 4"),
              std::string::npos);
    ASSERT_NE(page.find("Onderdeel van kamerstukdossier 33279 -36 Internationale militaire samenwerking ."),
              std::string::npos);
    ASSERT_NE(page.find("Onderdeel van zaak 2022Z26183:"), std::string::npos);
    ASSERT_NE(page.find("\nBrief regering\n"), std::string::npos);
    const std::string subject =
        "Europese defensiesamenwerking en specialisatie en appreciatie van rapport Specialising in European defence van "
        "Instituut Clingendael";
    ASSERT_NE(page.find("\n" + subject + "\n"), std::string::npos);

    for (const fs::path& input : {flagship_dir() / "kst-33279-36.odata.json", flagship_dir() / "kst-33279-36.syncfeed.xml"}) {
        const Document d = import_one(input);
        const Metadata& m = d.metadata;
        EXPECT_EQ(d.id, "kst-33279-36") << input;
        EXPECT_EQ(m.title, subject);
        EXPECT_EQ(m.document_type, "Brief regering");
        EXPECT_EQ(m.date, "2022-12-22");
        EXPECT_EQ(m.modified.substr(0, 16), "2024-02-19T10:56");
        EXPECT_EQ(m.version, "4");
        ASSERT_EQ(m.dossiers.size(), 1u);
        EXPECT_EQ(m.dossiers[0].number, "33279");
        EXPECT_EQ(m.dossiers[0].title, "Internationale militaire samenwerking");
        EXPECT_EQ(m.item_number, "36");
        EXPECT_EQ(ids_of(m, "tk-document-number"), std::vector<std::string>{"2022D56473"});
        EXPECT_EQ(ids_of(m, "tk-zaak"), std::vector<std::string>{"2022Z26183"});
        EXPECT_EQ(ids_of(m, "oep-id"), std::vector<std::string>{"kst-33279-36"});
        EXPECT_EQ(m.session_year, "2022-2023");  // "Vergaderjaar 2022-2023" in the text
        EXPECT_EQ(m.chamber, "Tweede Kamer");
    }
}

TEST(TkRecords, OutputValidatesAgainstTheModelSchema) {
    const fs::path dir = temp_dir("tk-records-schema");
    for (const fs::path& input : {fixtures() / "syncfeed-zaak-records.xml", corpus_tk() / "odata-document-page-100.json",
                                  flagship_dir() / "kst-33279-36.syncfeed.xml"}) {
        const ProcessResult r = stukwerk({"convert", input.string(), "-t", "jsonl", "-o", (dir / input.stem()).string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(schema_errors({dir / input.stem() / "documents.jsonl"}), "");
    }
}

}  // namespace
}  // namespace stukwerk::test::tk
