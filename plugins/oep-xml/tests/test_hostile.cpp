// Hostile and broken XML: each gives one clear error or a correct result,
// never a crash, never a file or network read. File reads are watched with
// inotify and network reads with a listening socket, so "not read" is
// observed, not assumed. Memory is measured in a child process.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "oep_test_util.hpp"

namespace stukwerk::test::oep {
namespace {

const std::string kamerstuk_head =
    "<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>12 345</dossiernr></dossiernummer>"
    "<titel>Proef</titel></dossier><stuk><stuknr>Nr. <ondernummer>1</ondernummer></stuknr><titel>BRIEF</titel>"
    "<algemeen><vrije-tekst><tekst>";
const std::string kamerstuk_tail = "</tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>";

std::string publication(const std::string& paragraphs) { return kamerstuk_head + paragraphs + kamerstuk_tail; }

std::string first_paragraph(const Document& doc) {
    const auto ps = find_blocks(doc, [](const Block& b) { return b.type == BlockType::paragraph && b.role.empty(); });
    return ps.empty() ? std::string() : plain_text(*ps.front());
}

TEST(OepXmlHostile, BillionLaughsIsRefusedBeforeAnyExpansion) {
    std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) dtd += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
        dtd += "\">\n";
    }
    dtd += "]>\n";
    const Imported r = import_bytes("laughs.xml", dtd + publication("<al>&lol9;</al>"));
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.report.error,
              "oep-xml: refused: the DOCTYPE declares entities (<!ENTITY …>); entities are never expanded here, as protection "
              "against entity-expansion and external-entity attacks");
    EXPECT_TRUE(r.documents.empty());
}

TEST(OepXmlHostile, AnExternalEntityForEtcPasswdIsRefusedAndNothingLeaks) {
    const fs::path dir = temp_dir("oep-xxe");
    write_file(dir / "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [<!ENTITY xxe SYSTEM "
                                "\"file:///etc/passwd\">]>\n" +
                                    publication("<al>&xxe;</al>"));
    const ProcessResult r = stukwerk({"convert", (dir / "xxe.xml").string(), "-t", "json", "-o", (dir / "out").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("xxe.xml: oep-xml: refused: the DOCTYPE declares entities"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("root:"), std::string::npos);
    EXPECT_EQ(r.err.find("root:"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "out" / "kst-12345-1.json"));
}

// Events on `file` between arming and reading: opens and reads.
class FileWatch {
public:
    explicit FileWatch(const fs::path& file) : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        if (fd_ >= 0) wd_ = ::inotify_add_watch(fd_, file.c_str(), IN_OPEN | IN_ACCESS);
    }
    ~FileWatch() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool armed() const { return fd_ >= 0 && wd_ >= 0; }
    int events() const {
        alignas(inotify_event) char buf[4096];
        int n = 0;
        for (ssize_t got; (got = ::read(fd_, buf, sizeof buf)) > 0;)
            for (char* p = buf; p < buf + got; p += sizeof(inotify_event) + reinterpret_cast<inotify_event*>(p)->len) ++n;
        return n;
    }

private:
    int fd_ = -1;
    int wd_ = -1;
};

TEST(OepXmlHostile, NoEntityOrDtdFileIsEverOpened) {
    const fs::path dir = temp_dir("oep-file-watch");
    const fs::path secret = dir / "secret.txt";
    write_file(secret, "SECRET-CONTENT-7f3a");
    // An external DTD subset naming the file (not refused: nothing is declared inline), and an external entity.
    write_file(dir / "dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie SYSTEM \"file://" +
                                    secret.string() + "\">\n" + publication("<al>Tekst.</al>"));
    write_file(dir / "entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [<!ENTITY s SYSTEM \"file://" +
                                       secret.string() + "\">]>\n" + publication("<al>&s;</al>"));
    const FileWatch watch(secret);
    ASSERT_TRUE(watch.armed());
    ASSERT_EQ(watch.events(), 0);
    const ProcessResult r = stukwerk({"convert", (dir / "dtd.xml").string(), (dir / "entity.xml").string(), "-t",
                                      "json", "-o", (dir / "out").string()});
    EXPECT_EQ(r.exit_code, 1);  // entity.xml is refused, dtd.xml converts
    EXPECT_EQ(watch.events(), 0) << "the secret file was opened";
    const std::string json = read_file(dir / "out" / "kst-12345-1.json");
    EXPECT_EQ(json.find("SECRET-CONTENT"), std::string::npos);
    EXPECT_NE(json.find("\"dtd-ignored\""), std::string::npos);
    EXPECT_NE(json.find("Tekst."), std::string::npos);
    // The watch works: reading the file is seen.
    EXPECT_EQ(read_file(secret), "SECRET-CONTENT-7f3a");
    EXPECT_GT(watch.events(), 0);
}

TEST(OepXmlHostile, ADtdOnTheNetworkIsNeverFetched) {
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(listener, 8), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/op.dtd";
    const fs::path dir = temp_dir("oep-network-dtd");
    write_file(dir / "net.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie PUBLIC \"-//KOOP//DTD OP//NL\" \"" +
                                    url + "\">\n" + publication("<al>Tekst uit het net.</al>"));
    const ProcessResult r = stukwerk({"convert", (dir / "net.xml").string(), "-t", "json", "-o", (dir / "out").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_LT(::accept(listener, nullptr, nullptr), 0) << "stukwerk connected to the DTD's server";
    EXPECT_EQ(errno, EAGAIN);
    ::close(listener);
    const Document doc = import_one(dir / "net.xml");
    EXPECT_EQ(first_paragraph(doc), "Tekst uit het net.");
    const Warning* w = warning(doc, "dtd-ignored");
    ASSERT_NE(w, nullptr);
    EXPECT_NE(w->message.find(url), std::string::npos);
}

TEST(OepXmlHostile, HundredThousandDeepNestingIsAnErrorNotACrash) {
    std::string deep = "<officiele-publicatie><kamerstuk>";
    for (int i = 0; i < 100000; ++i) deep += "<divisie>";
    deep += "diep";
    for (int i = 0; i < 100000; ++i) deep += "</divisie>";
    deep += "</kamerstuk></officiele-publicatie>";
    const fs::path dir = temp_dir("oep-deep");
    write_file(dir / "deep.xml", deep);
    const ProcessResult r = stukwerk({"convert", (dir / "deep.xml").string(), "-t", "json", "-o", (dir / "out").string()});
    EXPECT_EQ(r.exit_code, 1);  // an error, not a signal
    EXPECT_NE(r.err.find("deep.xml: oep-xml: refused: elements nest more than 512 levels deep"), std::string::npos) << r.err;
    // Deep but within the limit: converted, every level a section.
    std::string ok = kamerstuk_head;
    for (int i = 0; i < 400; ++i) ok += "<divisie><kop><titel>K</titel></kop>";
    ok += "<al>bodem</al>";
    for (int i = 0; i < 400; ++i) ok += "</divisie>";
    ok += kamerstuk_tail;
    const Imported within = import_bytes("within.xml", ok);
    ASSERT_TRUE(within.ok()) << within.report.error;
    EXPECT_EQ(blocks_of_type(within.documents.at(0), BlockType::section).size(), 400u);
}

TEST(OepXmlHostile, WideInputsAreWalkedInLinearTime) {
    // Many siblings of one parent: element paths, unknown-element bookkeeping
    // and list building must not be quadratic (these finish in well under a
    // second; a quadratic walk would take hours and hit the test timeout).
    std::string many_runs = "<al>";
    for (int i = 0; i < 100000; ++i) many_runs += "<nadruk type=\"vet\">w</nadruk> ";
    many_runs += "</al>";
    std::string many_items = "<lijst type=\"expliciet\">";
    for (int i = 0; i < 100000; ++i) many_items += "<li><li.nr>-</li.nr><al>i</al></li>";
    many_items += "</lijst>";
    std::string many_names;
    for (int i = 0; i < 50000; ++i) many_names += "<x" + std::to_string(i) + ">u</x" + std::to_string(i) + ">";
    const Imported r = import_bytes("wide.xml", publication(many_runs + many_items + "<al>" + many_names + "</al>"));
    ASSERT_TRUE(r.ok()) << r.report.error;
    const Document& doc = r.documents.at(0);
    const auto items = blocks_of_type(doc, BlockType::list_item);
    ASSERT_EQ(items.size(), 100000u);
    EXPECT_EQ(items.back()->source.path,
              "/officiele-publicatie/kamerstuk/stuk/algemeen/vrije-tekst/tekst/lijst/li[100000]");
    std::size_t unknown = 0;
    for (const Warning& w : doc.warnings) unknown += w.code == "unknown-element";
    EXPECT_EQ(unknown, 50000u);
}

TEST(OepXmlHostile, ATruncatedFileIsNamedAsSuch) {
    const std::string full = read_file(corpus_oep() / "kst-36755-24.xml");
    const Imported r = import_bytes("cut.xml", full.substr(0, full.size() * 3 / 5));
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.report.error.find("not well-formed XML: "), std::string::npos) << r.report.error;
    EXPECT_NE(r.report.error.find("probably truncated"), std::string::npos) << r.report.error;
    const Imported mismatch = import_bytes("bad.xml", publication("<al>open</tekst>"));
    EXPECT_FALSE(mismatch.ok());
    EXPECT_NE(mismatch.report.error.find("not well-formed XML: Start-end tags mismatch at line 1, column"),
              std::string::npos)
        << mismatch.report.error;
}

TEST(OepXmlHostile, EightBitDeclarationsAreConverted) {
    // windows-1252: é, €, curly quotes, ï; iso-8859-1 is read as windows-1252 (as browsers do); iso-8859-15 has € at A4.
    const std::string text = "<al>Caf\xE9 \x80 5 \x93zo\x94 na\xEF" "ef</al>";
    for (const char* encoding : {"windows-1252", "ISO-8859-1"}) {
        const Imported r = import_bytes(
            "cp.xml", std::string("<?xml version=\"1.0\" encoding=\"") + encoding + "\"?>\n" + publication(text));
        ASSERT_TRUE(r.ok()) << encoding << ": " << r.report.error;
        EXPECT_EQ(first_paragraph(r.documents[0]), "Café € 5 “zo” naïef") << encoding;
        EXPECT_EQ(warning(r.documents[0], "invalid-utf8"), nullptr);
    }
    const Imported latin9 = import_bytes("l9.xml", "<?xml version=\"1.0\" encoding=\"iso-8859-15\"?>" +
                                                      publication("<al>\xA4 10</al>"));
    ASSERT_TRUE(latin9.ok());
    EXPECT_EQ(first_paragraph(latin9.documents[0]), "€ 10");
    const Imported unknown = import_bytes("k.xml", "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>" + publication("<al>x</al>"));
    EXPECT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.report.error, "oep-xml: unsupported character encoding 'koi8-r' in the XML declaration");
}

std::string utf16(const std::string& utf8, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    auto put = [&](char16_t u) {
        const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        char32_t cp = c;
        std::size_t n = 1;
        if (c >= 0xF0) cp = c & 0x07, n = 4;
        else if (c >= 0xE0) cp = c & 0x0F, n = 3;
        else if (c >= 0xC0) cp = c & 0x1F, n = 2;
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
        i += n;
        if (cp >= 0x10000) {
            put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            put(static_cast<char16_t>(cp));
        }
    }
    return out;
}

TEST(OepXmlHostile, Utf16WithAByteOrderMarkIsRead) {
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" +
                            publication("<al>De oorlog in Oekraïne — «samen sterker» 𝄞</al>");
    for (bool le : {true, false}) {
        const Imported r = import_bytes(le ? "le.xml" : "be.xml", utf16(xml, le));
        ASSERT_TRUE(r.ok()) << r.report.error;
        EXPECT_EQ(r.report.importer, "oep-xml");
        EXPECT_EQ(first_paragraph(r.documents[0]), "De oorlog in Oekraïne — «samen sterker» 𝄞");
        EXPECT_EQ(r.documents[0].id, "kst-12345-1");
    }
}

TEST(OepXmlHostile, EmptyBinaryAndNonXmlInputsAreNamed) {
    EXPECT_EQ(import_bytes("empty.xml", "", "oep-xml").report.error, "the file is empty");  // said by the host
    EXPECT_EQ(import_bytes("blank.xml", " \n\t\n", "oep-xml").report.error, "oep-xml: no XML in the file (only whitespace)");
    EXPECT_EQ(import_bytes("noise.xml", std::string("\x7F\x45\x4C\x46\x00\x01\x02", 7), "oep-xml").report.error,
              "oep-xml: binary data, not XML");
    EXPECT_EQ(import_bytes("prose.xml", "Dit is geen XML.", "oep-xml").report.error, "oep-xml: not XML: no element found");
}

TEST(OepXmlHostile, BytesThatAreNotUtf8AreReplacedWithAWarning) {
    const Imported r = import_bytes("bad-utf8.xml", publication("<al>goed \xFF\xFE kapot</al>"));
    ASSERT_TRUE(r.ok()) << r.report.error;
    EXPECT_EQ(first_paragraph(r.documents[0]), "goed \xEF\xBF\xBD\xEF\xBF\xBD kapot");
    EXPECT_NE(warning(r.documents[0], "invalid-utf8"), nullptr);
}

// Peak resident memory of importing `file` (with the shared passes), measured
// in a child process as VmHWM growth over the child's own start.
long growth_kib(const fs::path& file) {
    int pipe_fd[2];
    if (::pipe(pipe_fd) != 0) return -1;
    auto status_kib = [](const char* key) {
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);)
            if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::string(key).size()));
        return -1L;
    };
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipe_fd[0]);
        (void)plugins();  // load the plugins before the baseline
        // Reset the high-water mark to the current resident size (Linux >= 4.0).
        if (std::ofstream clear("/proc/self/clear_refs"); clear) clear << "5";
        const long before = status_kib("VmRSS:");
        const Imported r = import_file(file);
        const long peak = status_kib("VmHWM:");
        const long grown = r.ok() ? peak - before : -2;
        (void)!::write(pipe_fd[1], &grown, sizeof grown);
        ::_exit(0);
    }
    ::close(pipe_fd[1]);
    long grown = -1;
    (void)!::read(pipe_fd[0], &grown, sizeof grown);
    ::close(pipe_fd[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return grown;
}

TEST(OepXmlHostile, MemoryStaysWithinASmallMultipleOfTheInput) {
    // A 16 MiB kamerstuk: the flagship's text many times over.
    const std::string letter = read_file(flagship());
    const auto start = letter.find("<tekst status=\"goed\">") + 21;
    const std::string text = letter.substr(start, letter.find("</tekst>") - start);
    std::string big = letter.substr(0, start);
    while (big.size() < (16u << 20)) big += text;
    big += letter.substr(letter.find("</tekst>"));
    const fs::path file = temp_dir("oep-memory") / "kst-33279-36.xml";
    write_file(file, big);
    const long kib = growth_kib(file);
    ASSERT_GT(kib, 0);
    const double multiple = static_cast<double>(kib) * 1024 / static_cast<double>(big.size());
#if defined(STUKWERK_SANITIZE)
    const double bound = 40;  // AddressSanitizer's shadow memory and quarantine
#else
    const double bound = 10;  // measured: about 6x (parsed tree and document model side by side)
#endif
    EXPECT_LT(multiple, bound) << "peak growth " << kib << " KiB for " << big.size() << " bytes";
    RecordProperty("peak_growth_multiple", std::to_string(multiple));
}

}  // namespace
}  // namespace stukwerk::test::oep
