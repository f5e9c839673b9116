#include "hostile_inputs.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

namespace stukwerk::core {
namespace fs = std::filesystem;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string noise(std::size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::string out(n, '\0');
    for (char& c : out) c = static_cast<char>(gen() & 0xFF);
    return out;
}

std::string billion_laughs() {
    std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    dtd += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
    for (int i = 2; i <= 9; ++i) {
        dtd += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) dtd += "&lol" + std::to_string(i - 1) + ";";
        dtd += "\">\n";
    }
    return dtd + "]>\n";
}

// UTF-16LE with a byte-order mark, of ASCII text.
std::string utf16le(std::string_view ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) out += std::string{c, '\0'};
    return out;
}

// Minimal documents of the Tweede Kamer open-data formats around one text value.
std::string syncfeed(std::string_view onderwerp) {
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\">"
           "<entry><updated>2024-03-01T10:00:00Z</updated><content type=\"application/xml\">"
           "<document xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" id=\"11111111-1111-4111-8111-111111111111\" "
           "tk:bijgewerkt=\"2024-03-01T11:00:00\" tk:verwijderd=\"false\"><soort>Motie</soort>"
           "<documentNummer>2024D00001</documentNummer><onderwerp>" +
           std::string(onderwerp) + "</onderwerp></document></content></entry></feed>\n";
}
std::string odata(std::string_view onderwerp) {
    return R"({"value":[{"Id":"11111111-1111-4111-8111-111111111111","DocumentNummer":"2024D00001","Soort":"Motie",)"
           R"("GewijzigdOp":"2024-03-01T11:00:00","Verwijderd":false,"Onderwerp":")" + std::string(onderwerp) + "\"}]}";
}
std::string vlos(std::string_view titel) {
    return "<vlosCoreDocument xmlns=\"http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0\"><vergadering soort=\"Plenair\" "
           "kamer=\"Tweede Kamer\"><titel>" + std::string(titel) + "</titel><zaal>Plenaire zaal</zaal>"
           "<vergaderjaar>2014-2015</vergaderjaar><vergaderingnummer>10</vergaderingnummer>"
           "<datum>2014-10-15T00:00:00</datum></vergadering></vlosCoreDocument>\n";
}

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return std::move(ss).str();
}

// Points the last startxref at a wrong offset and garbles the xref table.
std::string break_xref(std::string pdf) {
    const auto at = pdf.rfind("startxref");
    if (at == std::string::npos) return pdf;
    const auto nl = pdf.find('\n', at + 10);
    pdf.replace(at, nl == std::string::npos ? pdf.size() - at : nl - at, "startxref\n999999999");
    for (auto x = pdf.find("xref"); x != std::string::npos; x = pdf.find("xref", x + 4))
        if (x + 20 < pdf.size()) pdf.replace(x + 5, 10, "garbage!!!");
    return pdf;
}

}  // namespace

std::vector<HostileInput> hostile_inputs(const fs::path& corpus) {
    std::vector<HostileInput> in;
    auto add = [&](std::string name, std::string what, std::string bytes) {
        in.push_back(HostileInput{std::move(name), std::move(what), std::move(bytes)});
    };
    add("empty.xml", "an empty file", "");
    add("one-byte.html", "a file of one byte", "<");
    add("noise.pdf", "64 KiB of random bytes", noise(64 << 10, 1));
    add("zeros.xml", "4 KiB of NUL bytes", std::string(4096, '\0'));
    add("invalid-utf8.xml", "XML with bytes that are not UTF-8",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<officiele-publicatie><al>caf\xe9 \xff\xfe \xc3\x28</al></officiele-publicatie>\n");
    add("invalid-utf8.html", "HTML with bytes that are not UTF-8",
        "<html><head><meta charset=\"utf-8\"></head><body><div id=\"broodtekst\"><p>caf\xe9 \xff\xfe</p></div></body></html>");
    add("invalid-utf8.json", "stukwerk JSON with bytes that are not UTF-8",
        "{\"id\":\"kst-1-2\",\"metadata\":{\"title\":\"caf\xe9 \xff\"},\"body\":[]}");
    add("invalid-utf8-odata.json", "OData JSON with bytes that are not UTF-8", odata("caf\xe9 \xff"));
    add("invalid-utf8-syncfeed.xml", "an Atom feed with bytes that are not UTF-8", syncfeed("caf\xe9 \xff"));
    add("invalid-utf8-vlos.xml", "a VLOS report with bytes that are not UTF-8", vlos("caf\xe9 \xff"));
    add("utf16-bom.xml", "UTF-16 with a byte-order mark",
        utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><officiele-publicatie><al>tekst</al></officiele-publicatie>"));
    add("utf16-bom.html", "HTML in UTF-16 with a byte-order mark",
        utf16le("<html><head><meta charset=\"utf-16\"></head><body><div id=\"broodtekst\"><p>tekst</p></div></body></html>"));
    add("utf16-bom.json", "stukwerk JSON in UTF-16 with a byte-order mark",
        utf16le("{\"id\":\"kst-1-2\",\"metadata\":{\"title\":\"tekst\"},\"body\":[]}"));
    add("utf16-bom-odata.json", "OData JSON in UTF-16 with a byte-order mark", utf16le(odata("tekst")));
    add("wrong-encoding.xml", "UTF-8 bytes declared as windows-1252",
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<officiele-publicatie><al>financi\xc3\xable</al></officiele-publicatie>\n");
    add("wrong-encoding.html", "UTF-8 bytes in a page that declares windows-1252",
        "<html><head><meta charset=\"windows-1252\"></head><body><div id=\"broodtekst\"><p>financi\xc3\xable</p></div></body></html>");
    add("unknown-encoding.xml", "an encoding no one knows",
        "<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?>\n<officiele-publicatie><al>x</al></officiele-publicatie>\n");
    add("billion-laughs.xml", "an entity-expansion bomb",
        billion_laughs() + "<officiele-publicatie><kamerstuk><al>&lol9;</al></kamerstuk></officiele-publicatie>\n");
    add("billion-laughs.html", "an entity-expansion bomb in XHTML",
        billion_laughs() + "<html><body><div id=\"broodtekst\"><p>&lol9;</p></div></body></html>\n");
    add("billion-laughs-syncfeed.xml", "an entity-expansion bomb in an Atom feed", billion_laughs() + syncfeed("&lol9;"));
    add("external-entity.xml", "an external entity pointing at /etc/passwd",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<officiele-publicatie><kamerstuk><al>&xxe;</al></kamerstuk></officiele-publicatie>\n");
    add("external-entity.html", "XHTML with an external entity pointing at /etc/passwd",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<html><body><div id=\"broodtekst\"><p>&xxe;</p></div></body></html>\n");
    add("external-entity-vlos.xml", "a VLOS report with an external entity pointing at /etc/passwd",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE vlosCoreDocument [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n" +
            vlos("&xxe;"));
    add("parameter-entity.xml", "an external parameter entity pointing at /etc/passwd",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]>\n"
        "<officiele-publicatie><kamerstuk><al>x</al></kamerstuk></officiele-publicatie>\n");
    add("local-dtd.xml", "an external DTD that is a local file (/etc/passwd)",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie SYSTEM \"file:///etc/passwd\">\n"
        "<officiele-publicatie><kamerstuk><al>x</al></kamerstuk></officiele-publicatie>\n");
    add("network-dtd.xml", "a DTD to fetch from the network",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie SYSTEM \"http://198.51.100.1/op.dtd\">\n"
        "<officiele-publicatie><kamerstuk><al>x</al></kamerstuk></officiele-publicatie>\n");
    add("network-dtd.html", "XHTML with a DTD on the network",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://198.51.100.1/x.dtd\">\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><div id=\"broodtekst\"><p>x</p></div></body></html>");
    add("network-dtd-syncfeed.xml", "an Atom feed with a DTD on the network",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE feed SYSTEM \"http://198.51.100.1/feed.dtd\">\n" + syncfeed("x"));
    add("deep.xml", "XML nested 100,000 levels deep",
        "<officiele-publicatie>" + repeat("<a>", 100000) + "x" + repeat("</a>", 100000) + "</officiele-publicatie>");
    add("deep-unclosed.xml", "XML opened 100,000 levels deep and never closed",
        "<officiele-publicatie>" + repeat("<divisie>", 100000));
    add("deep.html", "HTML nested 100,000 levels deep",
        "<html><body><div id=\"broodtekst\">" + repeat("<div>", 100000) + "x" + repeat("</div>", 100000) + "</div></body></html>");
    add("deep.json", "JSON nested 100,000 levels deep", "{\"value\":" + repeat("[", 100000) + repeat("]", 100000) + "}");
    add("long-line.html", "one 16 MiB line without a break",
        "<html><body><div id=\"broodtekst\"><p>" + std::string(16 << 20, 'a') + "</p></div></body></html>");
    add("long-line.xml", "XML with one 16 MiB line of text",
        "<officiele-publicatie><kamerstuk><al>" + std::string(16 << 20, 'a') + "</al></kamerstuk></officiele-publicatie>");
    add("long-line.json", "stukwerk JSON with a 16 MiB title on one line",
        "{\"id\":\"kst-1-2\",\"metadata\":{\"title\":\"" + std::string(16 << 20, 'a') + "\"},\"body\":[]}");
    add("long-line-odata.json", "OData JSON with a 16 MiB subject on one line", odata(std::string(16 << 20, 'a')));
    add("truncated.pdf", "the start of a PDF and nothing more", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog");
    add("garbage.pdf", "a PDF header over noise", "%PDF-1.7\n" + noise(8192, 2));
    add("id-escape.json", "a document whose id walks out of the output folder",
        R"({"id":"../../etc/x","metadata":{"title":"x"},"body":[]})");
    add("id-control.json", "a document whose id holds control characters",
        "{\"id\":\"a\\u0001b\\nc\\u0000d\",\"metadata\":{\"title\":\"x\"},\"body\":[]}");

    std::error_code ec;
    if (!corpus.empty() && fs::is_directory(corpus, ec)) {
        std::vector<fs::path> files;
        for (fs::recursive_directory_iterator it(corpus, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file() && it->path().extension() != ".md" && it->path().extension() != ".xsd")
                files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            const std::string bytes = read_file(f);
            const std::string name = f.filename().string();
            add("truncated-" + name, "the first half of " + name, bytes.substr(0, bytes.size() / 2));
            if (f.extension() == ".pdf") add("broken-xref-" + name, name + " with a broken cross-reference table", break_xref(bytes));
        }
    }
    return in;
}

}  // namespace stukwerk::core
