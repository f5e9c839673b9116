// identify(): each tk importer claims its own format from content and
// nothing else in the corpus, in particular none of the KOOP formats the
// oep-xml importer reads (officiele-publicatie, metadata_gegevens,
// owms-metadata, SRU responses).
#include <gtest/gtest.h>

#include <map>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

int confidence(const std::string& importer, const fs::path& file) {
    const core::ImporterSlot* slot = plugins().find_importer(importer);
    EXPECT_NE(slot, nullptr) << importer;
    if (!slot) return -1;
    const std::string bytes = read_file(file);
    const std::string head = bytes.substr(0, Probe::head_size);
    return slot->importer->identify(Probe{head, file.filename().string(), bytes.size()}).confidence;
}

TEST(TkIdentify, EachImporterClaimsOnlyItsOwnFiles) {
    std::map<fs::path, std::string> owner;
    for (const auto& e : fs::recursive_directory_iterator(corpus_dir())) {
        if (!e.is_regular_file() || e.path().filename() == "SOURCES.md") continue;
        owner[e.path()] = "";
    }
    for (const auto& e : fs::directory_iterator(corpus_tk())) {
        const std::string name = e.path().filename().string();
        owner[e.path()] = name.size() > 5 && name.substr(name.size() - 5) == ".json" ? "tk-odata" : "tk-vlos";
    }
    owner[fixtures() / "syncfeed-zaak-records.xml"] = "tk-syncfeed";
    owner[fixtures() / "syncfeed-document-page-100.xml"] = "tk-syncfeed";
    owner[flagship_dir() / "kst-33279-36.syncfeed.xml"] = "tk-syncfeed";
    owner[flagship_dir() / "kst-33279-36.odata.json"] = "tk-odata";
    ASSERT_GT(owner.size(), 60u);
    std::size_t oep = 0;
    for (const auto& [file, expected] : owner) {
        if (file.parent_path().filename() == "oep-xml") ++oep;
        for (const char* importer : {"tk-syncfeed", "tk-odata", "tk-vlos"}) {
            const int c = confidence(importer, file);
            if (expected == importer)
                EXPECT_GE(c, 50) << importer << " should claim " << file;
            else
                EXPECT_EQ(c, 0) << importer << " claims " << file;
        }
    }
    EXPECT_EQ(oep, 18u);
}

TEST(TkIdentify, AFileNameAloneIsNoClaim) {
    const fs::path dir = temp_dir("tk-identify");
    write_file(dir / "feed.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>blog</title></feed>");
    write_file(dir / "data.json", "{\"value\": [{\"Id\": 1, \"Naam\": \"x\"}]}");
    write_file(dir / "verslag.xml", "<verslag/>");
    for (const char* name : {"feed.xml", "data.json", "verslag.xml"})
        for (const char* importer : {"tk-syncfeed", "tk-odata", "tk-vlos"})
            EXPECT_EQ(confidence(importer, dir / name), 0) << importer << " claims " << name;
}

}  // namespace
}  // namespace stukwerk::test::tk
