// The reconstructed SyncFeed fixtures are what their SOURCES.md says: the
// output of make_syncfeed.py, entities valid against the official tkData
// XSDs (xmllint --schema), inside a well-formed Atom envelope. There is no
// Atom schema in the repository, so the envelope's rules (RFC 4287 §4.1)
// that the importer relies on are checked here directly.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include <pugixml.hpp>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

const std::vector<fs::path>& feeds() {
    static const std::vector<fs::path> all{fixtures() / "syncfeed-zaak-records.xml",
                                           fixtures() / "syncfeed-document-page-100.xml",
                                           flagship_dir() / "kst-33279-36.syncfeed.xml"};
    return all;
}

std::string local(const char* qname) {
    const std::string s = qname;
    const auto colon = s.find(':');
    return colon == std::string::npos ? s : s.substr(colon + 1);
}

struct Entity {
    std::string name;  // local name of the entity element
    std::string xml;   // standalone, with its ancestors' namespace declarations
};

std::vector<Entity> entities_of(const fs::path& feed) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_file(feed.c_str())) << feed;
    std::vector<Entity> out;
    for (pugi::xml_node entry : doc.document_element().children()) {
        if (local(entry.name()) != "entry") continue;
        for (pugi::xml_node content : entry.children()) {
            if (local(content.name()) != "content") continue;
            pugi::xml_document one;
            pugi::xml_node copy = one.append_copy(content.first_child());
            for (pugi::xml_node up = content; up; up = up.parent())
                for (pugi::xml_attribute a : up.attributes()) {
                    const std::string name = a.name();
                    if ((name == "xmlns" || name.rfind("xmlns:", 0) == 0) && !copy.attribute(a.name()))
                        copy.append_attribute(a.name()) = a.value();
                }
            std::ostringstream s;
            one.save(s, "", pugi::format_raw);
            out.push_back(Entity{local(copy.name()), s.str()});
        }
    }
    return out;
}

// Runs xmllint over the files; returns its exit code and how many it says validate.
std::pair<int, std::size_t> xmllint(const std::vector<fs::path>& files) {
    std::vector<std::string> argv{"xmllint", "--noout", "--nonet", "--schema", (schemas() / "tkData-v1-0.xsd").string()};
    for (const fs::path& f : files) argv.push_back(f.string());
    const ProcessResult r = run(argv);
    std::size_t valid = 0;
    for (std::size_t at = r.err.find(" validates"); at != std::string::npos; at = r.err.find(" validates", at + 1)) ++valid;
    if (r.exit_code != 0) ADD_FAILURE() << r.err.substr(0, 2000);
    return {r.exit_code, valid};
}

TEST(TkFixtures, EveryEntityValidatesAgainstTheOfficialXsd) {
    const fs::path dir = temp_dir("tk-xsd");
    std::vector<fs::path> files;
    std::size_t documents = 0;
    for (const fs::path& feed : feeds())
        for (const Entity& entity : entities_of(feed)) {
            const fs::path f = dir / ("entity-" + std::to_string(files.size()) + ".xml");
            write_file(f, entity.xml);
            files.push_back(f);
            if (entity.name == "document") ++documents;
        }
    ASSERT_EQ(documents, 8u + 250u + 1u);
    ASSERT_EQ(files.size(), 3u * 8u + 250u + 4u);  // zaak page: Zaak, Document, DocumentVersie per record
    const auto [code, valid] = xmllint(files);
    EXPECT_EQ(code, 0);
    EXPECT_EQ(valid, files.size());
}

TEST(TkFixtures, TheXsdCheckRejectsAnInvalidEntity) {
    // The control: the same check fails on an entity the schema forbids.
    std::string broken;
    for (const Entity& e : entities_of(feeds()[2]))
        if (e.xml.find("<volgnummer>36</volgnummer>") != std::string::npos) broken = e.xml;
    ASSERT_FALSE(broken.empty());
    broken.replace(broken.find("<volgnummer>36</volgnummer>"), 27, "<volgnummer>zesendertig</volgnummer>");
    const fs::path f = temp_dir("tk-xsd-control") / "broken.xml";
    write_file(f, broken);
    const ProcessResult r = run({"xmllint", "--noout", "--nonet", "--schema", (schemas() / "tkData-v1-0.xsd").string(), f.string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("volgnummer"), std::string::npos) << r.err;
}

TEST(TkFixtures, AtomEnvelopeFollowsRfc4287) {
    const std::regex date_time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    for (const fs::path& feed : feeds()) {
        pugi::xml_document doc;
        ASSERT_TRUE(doc.load_file(feed.c_str()));
        const pugi::xml_node root = doc.document_element();
        EXPECT_EQ(std::string(root.name()), "feed");
        EXPECT_EQ(std::string(root.attribute("xmlns").value()), "http://www.w3.org/2005/Atom");
        for (const char* required : {"id", "title", "updated"}) EXPECT_TRUE(root.child(required)) << feed << " " << required;
        EXPECT_TRUE(std::regex_match(root.child_value("updated"), date_time)) << feed;
        std::size_t entries = 0;
        for (pugi::xml_node entry : root.children("entry")) {
            ++entries;
            for (const char* one : {"id", "title", "updated", "content"})
                EXPECT_EQ(std::distance(entry.children(one).begin(), entry.children(one).end()), 1) << feed << " " << one;
            EXPECT_TRUE(std::regex_match(entry.child_value("updated"), date_time)) << entry.child_value("updated");
            EXPECT_EQ(std::string(entry.child("content").attribute("type").value()), "application/xml");
            // The entry names its entity: <title> and <id> carry its GUID.
            const std::string guid = entry.child("content").first_child().attribute("id").value();
            EXPECT_EQ(std::string(entry.child_value("title")), guid);
            EXPECT_EQ(std::string(entry.child_value("id")), "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Entiteiten/" + guid);
        }
        EXPECT_GT(entries, 0u);
    }
}

TEST(TkFixtures, FixturesAreExactlyTheGeneratorsOutput) {
    const fs::path dir = temp_dir("tk-regenerate");
    const ProcessResult r = run({python(), (fixtures() / "make_syncfeed.py").string(), dir.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const fs::path& feed : feeds())
        EXPECT_EQ(read_file(dir / feed.filename()), read_file(feed)) << feed.filename() << " differs from make_syncfeed.py's output";
}

}  // namespace
}  // namespace stukwerk::test::tk
