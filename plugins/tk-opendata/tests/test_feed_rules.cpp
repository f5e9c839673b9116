// The rules of reading a feed that the corpus records do not exercise:
// actors, a later change of an entity on the same page, a version or
// dossier found through its relations, namespace prefixes declared on the
// feed, a bare entity, and feeds that hold no document. The inputs are
// small synthetic pages in the shape of the reconstructed fixtures; each
// test says what it checks.
#include <gtest/gtest.h>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

const std::string doc_id = "11111111-1111-4111-8111-111111111111";
const std::string versie_id = "22222222-2222-4222-8222-222222222222";
const std::string zaak_id = "33333333-3333-4333-8333-333333333333";
const std::string dossier_id = "44444444-4444-4444-8444-444444444444";
const std::string actor1 = "55555555-5555-4555-8555-555555555555";
const std::string actor2 = "66666666-6666-4666-8666-666666666666";

std::string entry(const std::string& entity, const std::string& updated = "2024-03-01T10:00:00Z") {
    return "<entry><title>x</title><updated>" + updated + "</updated><content type=\"application/xml\">" + entity +
           "</content></entry>\n";
}

std::string feed(const std::string& entries, const std::string& root_attrs = "") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"" + root_attrs + ">\n" +
           entries + "</feed>\n";
}

std::string tk_element(const std::string& name, const std::string& id, const std::string& children,
                       const std::string& extra = "") {
    return "<" + name + " xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" id=\"" +
           id + "\" tk:bijgewerkt=\"2024-03-01T11:00:00+01:00\" tk:verwijderd=\"false\"" + extra + ">" + children +
           "</" + name + ">";
}

std::string document(const std::string& refs, const std::string& onderwerp = "Brief over iets") {
    return tk_element("document", doc_id,
                      refs + "<soort>Brief regering</soort><documentNummer>2024D00001</documentNummer><onderwerp>" +
                          onderwerp + "</onderwerp><volgnummer>7</volgnummer>");
}

std::vector<Document> read_feed(const std::string& name, const std::string& text) {
    Imported r = import_bytes(name, text);
    EXPECT_TRUE(r.ok()) << r.report.error;
    EXPECT_EQ(r.report.importer, "tk-syncfeed");
    return r.documents;
}

TEST(TkFeedRules, ActorsBecomePeopleTheSameFromBothApis) {
    const std::string actors =
        entry(tk_element("documentActor", actor1,
                         "<document ref=\"" + doc_id +
                             "\"/><actorNaam>A. de Vries</actorNaam><actorFractie>CDA</actorFractie><functie>Tweede "
                             "Kamerlid</functie><relatie>Indiener</relatie>")) +
        entry(tk_element("documentActor", actor2,
                         "<document ref=\"" + doc_id +
                             "\"/><actorNaam>B. Jansen</actorNaam><actorFractie>VVD</actorFractie><functie>Tweede "
                             "Kamerlid</functie><relatie>Medeindiener</relatie>"));
    const std::vector<Document> from_feed = read_feed("actors.xml", feed(actors + entry(document(""))));
    ASSERT_EQ(from_feed.size(), 1u);
    const Metadata& m = from_feed[0].metadata;
    ASSERT_EQ(m.people.size(), 2u);
    EXPECT_EQ(m.people[0], (Person{"A. de Vries", "submitter", "Tweede Kamerlid", "CDA"}));
    EXPECT_EQ(m.people[1], (Person{"B. Jansen", "co-submitter", "Tweede Kamerlid", "VVD"}));

    // The same record as OData serves it with $expand=DocumentActor.
    const std::string odata = R"({"Id":")" + doc_id + R"(","Soort":"Brief regering","DocumentNummer":"2024D00001",
      "Onderwerp":"Brief over iets","Volgnummer":7,"GewijzigdOp":"2024-03-01T11:00:00+01:00",
      "ApiGewijzigdOp":"2024-03-01T10:00:00Z","Verwijderd":false,"DocumentActor":[
      {"Id":")" + actor2 + R"(","ActorNaam":"B. Jansen","ActorFractie":"VVD","Functie":"Tweede Kamerlid","Relatie":"Medeindiener",
       "GewijzigdOp":"2024-03-01T11:00:00+01:00","Verwijderd":false,"Document_Id":")" + doc_id + R"("},
      {"Id":")" + actor1 + R"(","ActorNaam":"A. de Vries","ActorFractie":"CDA","Functie":"Tweede Kamerlid","Relatie":"Indiener",
       "GewijzigdOp":"2024-03-01T11:00:00+01:00","Verwijderd":false,"Document_Id":")" + doc_id + R"("}]})";
    Imported from_json = import_bytes("actors.json", odata);
    ASSERT_TRUE(from_json.ok()) << from_json.report.error;
    EXPECT_EQ(from_json.report.importer, "tk-odata");
    ASSERT_EQ(from_json.documents.size(), 1u);
    EXPECT_EQ(without_source(from_json.documents[0]), without_source(from_feed[0]));
}

TEST(TkFeedRules, TheLastChangeOfAnEntityOnThePageWins) {
    const std::string versie = [](const std::string& n) {
        return tk_element("documentVersie", versie_id,
                          "<document ref=\"" + doc_id + "\"/><versienummer>" + n + "</versienummer>");
    }("1");
    const std::string versie2 = tk_element("documentVersie", versie_id,
                                           "<document ref=\"" + doc_id + "\"/><versienummer>2</versienummer>");
    const std::string page = feed(entry(document("", "Eerste onderwerp")) + entry(versie) +
                                  entry(document("", "Tweede onderwerp"), "2024-03-02T10:00:00Z") + entry(versie2));
    const std::vector<Document> docs = read_feed("changes.xml", page);
    ASSERT_EQ(docs.size(), 1u);  // one Document entity, however often it changed
    EXPECT_EQ(docs[0].metadata.title, "Tweede onderwerp");
    EXPECT_EQ(docs[0].metadata.version, "2");
    EXPECT_EQ(raw_of(docs[0].metadata, "ApiGewijzigdOp"), "2024-03-02T10:00:00Z");
    ASSERT_EQ(docs[0].warnings.size(), 1u);
    EXPECT_EQ(docs[0].warnings[0].code, "superseded-entry");
}

TEST(TkFeedRules, VersionAndDossierAreFoundThroughTheirRelations) {
    // No huidigeDocumentVersie ref: the highest live version pointing at the
    // document is its current one. No dossier ref on the document: its
    // zaak's dossier is.
    const std::string v3 = tk_element("documentVersie", versie_id,
                                      "<document ref=\"" + doc_id + "\"/><versienummer>3</versienummer>");
    const std::string v5 = tk_element("documentVersie", "77777777-7777-4777-8777-777777777777",
                                      "<document ref=\"" + doc_id + "\"/><versienummer>5</versienummer>");
    const std::string v9_deleted =
        "<documentVersie xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" "
        "id=\"88888888-8888-4888-8888-888888888888\" tk:bijgewerkt=\"2024-03-01T11:00:00\" tk:verwijderd=\"true\">"
        "<document ref=\"" + doc_id + "\"/><versienummer>9</versienummer></documentVersie>";
    const std::string zaak =
        tk_element("zaak", zaak_id, "<kamerstukdossier ref=\"" + dossier_id + "\"/><nummer>2024Z00001</nummer>");
    const std::string dossier =
        tk_element("kamerstukdossier", dossier_id, "<titel>Een dossier</titel><nummer>36200</nummer><toevoeging>X</toevoeging>");
    const std::vector<Document> docs =
        read_feed("relations.xml", feed(entry(v3) + entry(document("<zaak ref=\"" + zaak_id + "\"/>")) + entry(v5) +
                                        entry(v9_deleted) + entry(zaak) + entry(dossier)));
    ASSERT_EQ(docs.size(), 1u);
    const Metadata& m = docs[0].metadata;
    EXPECT_EQ(m.version, "5");
    EXPECT_EQ(docs[0].id, "kst-36200-X-7");
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0], (Dossier{"36200-X", "Een dossier"}));
    EXPECT_EQ(ids_of(m, "tk-zaak"), std::vector<std::string>{"2024Z00001"});
    EXPECT_EQ(ids_of(m, "tk-dossier-id"), std::vector<std::string>{dossier_id});
}

TEST(TkFeedRules, PrefixesDeclaredOnTheFeedAreResolved) {
    // The entity's namespace is declared once, on <feed>; prefixes differ
    // from the usual ones. Only the namespace URIs identify the elements.
    const std::string page =
        "<?xml version=\"1.0\"?>\n<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\" "
        "xmlns:gm=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\">"
        "<a:entry><a:updated>2024-03-01T10:00:00Z</a:updated><a:content type=\"application/xml\">"
        "<gm:document id=\"" + doc_id + "\" gm:bijgewerkt=\"2024-03-01T11:00:00\" gm:verwijderd=\"false\">"
        "<gm:soort>Motie</gm:soort><gm:documentNummer>2024D00002</gm:documentNummer><gm:onderwerp>Een motie</gm:onderwerp>"
        "</gm:document></a:content></a:entry>"
        // An element of another namespace with the same local name is not an entry.
        "<x:entry xmlns:x=\"urn:other\"><a:content><gm:document id=\"99999999-9999-4999-8999-999999999999\" "
        "gm:bijgewerkt=\"2024-03-01T11:00:00\" gm:verwijderd=\"false\"/></a:content></x:entry></a:feed>";
    Imported r = import_bytes("prefixed.xml", page, "tk-syncfeed");
    ASSERT_TRUE(r.ok()) << r.report.error;
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].id, "2024D00002");
    EXPECT_EQ(r.documents[0].metadata.document_type, "Motie");
    EXPECT_EQ(r.documents[0].metadata.modified, "2024-03-01T11:00:00");
}

TEST(TkFeedRules, ABareEntityIsOneRecord) {
    const std::string bare = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + document("<zaak ref=\"" + zaak_id + "\"/>");
    Imported r = import_bytes("entity.xml", bare);
    ASSERT_TRUE(r.ok()) << r.report.error;
    EXPECT_EQ(r.report.importer, "tk-syncfeed");
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].id, "2024D00001");
    EXPECT_EQ(ids_of(r.documents[0].metadata, "tk-zaak-id"), std::vector<std::string>{zaak_id});

    Imported zaak = import_bytes("zaak.xml", tk_element("zaak", zaak_id, "<nummer>2024Z00001</nummer>"), "tk-syncfeed");
    EXPECT_FALSE(zaak.ok());
    EXPECT_NE(zaak.report.error.find("only Document entities become documents"), std::string::npos) << zaak.report.error;
}

TEST(TkFeedRules, ADocumentWithoutAnIdIsStillARecord) {
    // Invalid against the XSD, which requires @id: converted, and the host
    // names it from the file with a warning.
    const std::string entity =
        "<document xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" "
        "tk:bijgewerkt=\"2024-03-01T11:00:00\" tk:verwijderd=\"false\"><onderwerp>Zonder id</onderwerp></document>";
    const std::vector<Document> docs = read_feed("noid.xml", feed(entry(entity)));
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].id, "noid");
    EXPECT_EQ(docs[0].metadata.title, "Zonder id");
    ASSERT_FALSE(docs[0].warnings.empty());
    EXPECT_EQ(docs[0].warnings[0].code, "missing-id");
}

TEST(TkFeedRules, FeedsWithoutDocumentsSaySo) {
    Imported only_zaak = import_bytes("zaken.xml", feed(entry(tk_element("zaak", zaak_id, "<nummer>2024Z00001</nummer>"))));
    EXPECT_FALSE(only_zaak.ok());
    EXPECT_NE(only_zaak.report.error.find("no Document entity (1 entries: 1 Zaak)"), std::string::npos)
        << only_zaak.report.error;

    const std::string external =
        "<entry><title>" + doc_id + "</title><updated>2024-03-01T10:00:00Z</updated><category term=\"document\"/>"
        "<content type=\"application/xml\" src=\"https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Entiteiten/" +
        doc_id + "\"/></entry>";
    Imported linked = import_bytes("external.xml", feed(external, " xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\""));
    EXPECT_FALSE(linked.ok());
    EXPECT_NE(linked.report.error.find("content=external"), std::string::npos) << linked.report.error;
}

}  // namespace
}  // namespace stukwerk::test::tk
