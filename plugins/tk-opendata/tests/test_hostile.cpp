// Hostile and broken inputs for the three importers: each gives one clear
// error naming the cause, or a correct result; none crashes, and none reads
// a file or a network address the input names.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

const std::string atom_open =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\">";

std::string feed_with_subject(const std::string& onderwerp) {
    return atom_open +
           "<entry><updated>2024-03-01T10:00:00Z</updated><content type=\"application/xml\">"
           "<document xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" id=\"11111111-1111-4111-8111-111111111111\" "
           "tk:bijgewerkt=\"2024-03-01T11:00:00\" tk:verwijderd=\"false\"><soort>Motie</soort>"
           "<documentNummer>2024D00001</documentNummer><onderwerp>" +
           onderwerp + "</onderwerp></document></content></entry></feed>\n";
}

void expect_error(const Imported& r, const std::string& cause) {
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.documents.empty());
    EXPECT_NE(r.report.error.find(cause), std::string::npos) << "error was: " << r.report.error;
}

// A TCP listener on a free local port; connected() tells whether anyone came.
class Listener {
public:
    Listener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        EXPECT_EQ(::listen(fd_, 4), 0);
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        ::fcntl(fd_, F_SETFL, O_NONBLOCK);
    }
    ~Listener() { ::close(fd_); }
    int port() const { return port_; }
    bool connected() const {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c >= 0) ::close(c);
        return c >= 0;
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

TEST(TkHostile, BillionLaughsIsRefused) {
    std::string dtd = "<!DOCTYPE feed [<!ENTITY lol \"lol\">";
    std::string prev = "lol";
    for (int i = 1; i <= 9; ++i) {
        std::string def;
        for (int k = 0; k < 10; ++k) def += "&" + prev + ";";
        dtd += "<!ENTITY lol" + std::to_string(i) + " \"" + def + "\">";
        prev = "lol" + std::to_string(i);
    }
    dtd += "]>\n";
    for (const char* importer : {"", "tk-syncfeed"})
        expect_error(import_bytes("laughs.xml", "<?xml version=\"1.0\"?>\n" + dtd + feed_with_subject("&lol9;"), importer),
                     "DOCTYPE declaration, which is refused");
    const std::string vlos = "<?xml version=\"1.0\"?>\n" + dtd +
                             "<vlosCoreDocument xmlns=\"http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0\">"
                             "<vergadering><titel>&lol9;</titel></vergadering></vlosCoreDocument>";
    expect_error(import_bytes("laughs-vlos.xml", vlos, "tk-vlos"), "DOCTYPE declaration, which is refused");
}

TEST(TkHostile, ExternalEntitiesAndDtdsAreNeverFetched) {
    const fs::path dir = temp_dir("tk-xxe");
    write_file(dir / "secret.txt", "SECRET-MARKER-7731");
    Listener listener;
    const std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/feed.dtd";
    const std::string file_entity = "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file://" + (dir / "secret.txt").string() +
                                    "\"><!ENTITY net SYSTEM \"" + url + "\">]>\n";
    const std::string passwd = "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
    const std::string remote_dtd = "<!DOCTYPE feed SYSTEM \"" + url + "\">\n";
    for (const std::string& prolog : {file_entity, passwd, remote_dtd}) {
        const Imported r = import_bytes("xxe.xml", "<?xml version=\"1.0\"?>\n" + prolog + feed_with_subject("&xxe;&net;"),
                                        "tk-syncfeed");
        expect_error(r, "DOCTYPE");
        EXPECT_EQ(r.report.error.find("SECRET-MARKER"), std::string::npos);
        EXPECT_EQ(r.report.error.find("root:"), std::string::npos);
    }
    EXPECT_FALSE(listener.connected()) << "the importer opened a connection to the DTD's address";

    // Without a DOCTYPE an entity reference cannot be defined: it stays as written.
    const Imported plain = import_bytes("plain.xml", feed_with_subject("&xxe; tekst"), "tk-syncfeed");
    ASSERT_TRUE(plain.ok()) << plain.report.error;
    EXPECT_EQ(plain.documents.at(0).metadata.title, "&xxe; tekst");
}

TEST(TkHostile, DeepNestingStopsAtTheHostLimit) {
    std::string deep;
    deep.reserve(800000);
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    const std::string feed = atom_open + "<entry><content type=\"application/xml\">" + deep + "</content></entry></feed>";
    expect_error(import_bytes("deep.xml", feed, "tk-syncfeed"), "nested deeper than 512 levels");
    // Only opened, never closed: still the depth, found before the truncation.
    std::string unclosed = "<vlosCoreDocument xmlns=\"http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0\"><vergadering>";
    for (int i = 0; i < 100000; ++i) unclosed += "<nadruk type=\"Vet\">";
    expect_error(import_bytes("deep-vlos.xml", unclosed, "tk-vlos"), "nested deeper than 512 levels");
    // JSON the same way.
    expect_error(import_bytes("deep.json", std::string(100000, '['), "tk-odata"), "nested deeper than 512 levels");
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"DocumentNummer\":";
    expect_error(import_bytes("deep-objects.json", objects, "tk-odata"), "nested deeper than 512 levels");
}

TEST(TkHostile, TruncatedInputsAreNamedTruncated) {
    const std::string feed = read_file(fixtures() / "syncfeed-zaak-records.xml");
    expect_error(import_bytes("cut.xml", feed.substr(0, feed.size() * 6 / 10), "tk-syncfeed"), "truncated");
    // Cut inside a start tag, and inside a comment.
    expect_error(import_bytes("cut-tag.xml", feed.substr(0, feed.find("<entry>", 1000) + 4), "tk-syncfeed"), "truncated");
    expect_error(import_bytes("cut-comment.xml", atom_open + "<!-- no end", "tk-syncfeed"), "truncated");
    const std::string vlos = read_file(corpus_tk() / "vlos-verslag-plenair-2014-10-15.xml");
    expect_error(import_bytes("cut-vlos.xml", vlos.substr(0, vlos.size() / 2), "tk-vlos"), "truncated");
    const std::string json = read_file(corpus_tk() / "kst-36755-24.odata-zaak.json");
    expect_error(import_bytes("cut.json", json.substr(0, json.size() / 2), "tk-odata"), "the JSON is truncated");
    // Mismatched tags are not truncation, and say which.
    expect_error(import_bytes("mismatch.xml", atom_open + "<entry></content></feed>", "tk-syncfeed"),
                 "end tag </content> does not match <entry>");
}

TEST(TkHostile, Windows1252IsTranscoded) {
    // "é" (E9), "€" (80) and "’" (92) as windows-1252 bytes.
    const std::string onderwerp = "Motie over caf\xE9s, \x80 5 en \x92zorg\x92";
    const std::string feed = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + feed_with_subject(onderwerp);
    const Imported r = import_bytes("cp1252.xml", feed);
    ASSERT_TRUE(r.ok()) << r.report.error;
    EXPECT_EQ(r.report.importer, "tk-syncfeed");
    EXPECT_EQ(r.documents.at(0).metadata.title, "Motie over caf\xC3\xA9s, \xE2\x82\xAC 5 en \xE2\x80\x99zorg\xE2\x80\x99");
    EXPECT_TRUE(r.documents.at(0).warnings.empty());
    // A byte the code page leaves undefined is kept as the C1 control of its
    // number, as browsers and the other importers read it (stukwerk/encoding.hpp).
    const Imported undefined = import_bytes(
        "cp1252-undefined.xml", "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + feed_with_subject("a\x81z"),
        "tk-syncfeed");
    ASSERT_TRUE(undefined.ok()) << undefined.report.error;
    EXPECT_EQ(undefined.documents.at(0).metadata.title, "a\xC2\x81z");
    expect_error(import_bytes("sjis.xml", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n" + feed_with_subject("x"),
                              "tk-syncfeed"),
                 "unsupported encoding 'Shift_JIS'");
}

TEST(TkHostile, BytesThatAreNotUtf8AreReplacedWithAWarning) {
    // Declared (or defaulting to) UTF-8 but holding a Latin-1 byte: the
    // record converts, the byte becomes U+FFFD, and the document says so.
    const std::string json = R"({"Id":"11111111-1111-4111-8111-111111111111","DocumentNummer":"2024D00001",)"
                             "\"Onderwerp\":\"caf\xE9\",\"GewijzigdOp\":\"2024-03-01T11:00:00\",\"Verwijderd\":false}";
    for (const Imported& r : {import_bytes("latin1.json", json, "tk-odata"),
                              import_bytes("latin1.xml", feed_with_subject("caf\xE9"), "tk-syncfeed")}) {
        ASSERT_TRUE(r.ok()) << r.report.error;
        ASSERT_EQ(r.documents.size(), 1u);
        EXPECT_EQ(r.documents[0].metadata.title, "caf\xEF\xBF\xBD");
        ASSERT_FALSE(r.documents[0].warnings.empty());
        EXPECT_EQ(r.documents[0].warnings[0].code, "invalid-utf8");
    }
}

TEST(TkHostile, Utf16WithByteOrderMarkReadsTheSame) {
    const fs::path dir = temp_dir("tk-utf16");
    // Python writes the UTF-16 copies, independently of the importer's decoder.
    python_out(
        "import sys\n"
        "src, out = sys.argv[1], sys.argv[2]\n"
        "text = open(src, encoding='utf-8-sig').read()\n"
        "open(out + '-le.xml', 'wb').write(b'\\xff\\xfe' + text.encode('utf-16-le'))\n"
        "open(out + '-be.xml', 'wb').write(b'\\xfe\\xff' + text.encode('utf-16-be'))\n",
        {(fixtures() / "syncfeed-zaak-records.xml").string(), (dir / "feed").string()});
    std::vector<Document> utf8;
    for (Document& d : import_file(fixtures() / "syncfeed-zaak-records.xml").documents) utf8.push_back(without_source(d));
    for (const char* name : {"feed-le.xml", "feed-be.xml"}) {
        const Imported r = import_file(dir / name);
        ASSERT_TRUE(r.ok()) << name << ": " << r.report.error;
        EXPECT_EQ(r.report.importer, "tk-syncfeed") << name;
        ASSERT_EQ(r.documents.size(), utf8.size());
        for (std::size_t i = 0; i < utf8.size(); ++i) EXPECT_EQ(without_source(r.documents[i]), utf8[i]) << name;
    }
    python_out(
        "import sys\n"
        "text = open(sys.argv[1], encoding='utf-8-sig').read()\n"
        "open(sys.argv[2], 'wb').write(b'\\xff\\xfe' + text.encode('utf-16-le'))\n",
        {(corpus_tk() / "vlos-verslag-plenair-2014-10-15.xml").string(), (dir / "vlos-le.xml").string()});
    const Imported vlos = import_file(dir / "vlos-le.xml");
    ASSERT_TRUE(vlos.ok()) << vlos.report.error;
    EXPECT_EQ(vlos.report.importer, "tk-vlos");
    ASSERT_EQ(vlos.documents.size(), 1u);
    EXPECT_EQ(without_source(vlos.documents[0]), without_source(import_one(corpus_tk() / "vlos-verslag-plenair-2014-10-15.xml")));
    // Broken UTF-16: a lone high surrogate, and an odd byte count.
    expect_error(import_bytes("lone.xml", std::string("\xFF\xFE<\0a\0\x00\xD8>\0", 10), "tk-syncfeed"),
                 "unpaired high surrogate");
    expect_error(import_bytes("odd.xml", std::string("\xFF\xFE<\0a\0>", 7), "tk-syncfeed"), "odd number of bytes");
}

TEST(TkHostile, HugeNumbersInJsonAreKeptAsWrittenNotRounded) {
    auto record = [](const std::string& volgnummer) {
        return R"({"Id":"11111111-1111-4111-8111-111111111111","DocumentNummer":"2024D00001","Soort":"Motie",
                   "GewijzigdOp":"2024-03-01T11:00:00","Verwijderd":false,"Volgnummer":)" +
               volgnummer + "}";
    };
    // Numbers beyond 64 bits, beyond a double's range, beyond its precision:
    // each kept with the digits it was written with; none is an item number.
    for (const char* number : {"123456789012345678901234567890", "1e400", "18446744073709551615", "0.1000000000000000055511"}) {
        const Imported r = import_bytes("huge.json", record(number), "tk-odata");
        ASSERT_TRUE(r.ok()) << number << ": " << r.report.error;
        EXPECT_EQ(r.documents.at(0).metadata.item_number, "") << number;
        EXPECT_EQ(raw_of(r.documents.at(0).metadata, "Volgnummer"), number);
    }
    // An exponent the parser itself cannot hold is an error that says so.
    expect_error(import_bytes("exponent.json", record("1e99999999999"), "tk-odata"), "a number in the JSON is out of range");
}

TEST(TkHostile, NotJsonNotXmlAndEmptyInputs) {
    expect_error(import_bytes("garbage.json", std::string("\x00\x01\x02{", 4), "tk-odata"), "");
    expect_error(import_bytes("string.json", "\"just a string\"", "tk-odata"), "the JSON holds no Document entity (no entities)");
    expect_error(import_bytes("zaken.json", R"({"value":[{"Id":"z","Nummer":"2024Z1","GestartOp":"2024-01-01"}]})", "tk-odata"),
                 "the JSON holds no Document entity (1 Zaak)");
    expect_error(import_bytes("trailing.json", "{} {}", "tk-odata"), "not valid JSON");
    expect_error(import_bytes("garbage.xml", "this is not XML", "tk-syncfeed"), "text before the root element");
    expect_error(import_bytes("other.xml", "<rss version=\"2.0\"><channel/></rss>", "tk-syncfeed"),
                 "neither an Atom feed nor a tkData entity");
    expect_error(import_bytes("other-vlos.xml", "<officiele-publicatie/>", "tk-vlos"), "not a VLOS");
    expect_error(import_bytes("empty.xml", "", "tk-syncfeed"), "empty");
    expect_error(import_bytes("two-roots.xml", atom_open + "</feed><feed/>", "tk-syncfeed"), "more than one root element");
    expect_error(import_bytes("bad-entry.xml", atom_open + "<entry><title a=1>x</title></entry></feed>", "tk-syncfeed"),
                 "is not well-formed XML");
}

}  // namespace
}  // namespace stukwerk::test::tk
