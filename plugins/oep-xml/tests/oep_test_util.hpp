// Helpers for the oep-xml tests: where the inputs are, the independent
// Python readers of the sources, and short ways to look into a Document.
#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace stukwerk::test::oep {

inline fs::path corpus_oep() { return corpus_dir() / "oep-xml"; }
inline fs::path fixtures() { return data_dir() / "oep-xml"; }
inline fs::path flagship() { return source_dir() / "samples" / "kst-33279-36" / "kst-33279-36.xml"; }
inline fs::path script(const std::string& name) { return source_dir() / "plugins" / "oep-xml" / "tests" / name; }

// Every XML input of this plugin's tests: the corpus, the fixtures, the flagship and its record.
inline std::vector<fs::path> all_xml_inputs() {
    std::vector<fs::path> out;
    for (const fs::path& dir : {corpus_oep(), fixtures()})
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".xml") out.push_back(e.path());
    out.push_back(flagship());
    out.push_back(flagship().parent_path() / "kst-33279-36.metadata.xml");
    std::sort(out.begin(), out.end());
    return out;
}

// The publications (not metadata records, not SRU responses) among them.
inline std::vector<fs::path> publications() {
    std::vector<fs::path> out;
    for (const fs::path& p : all_xml_inputs()) {
        const std::string name = p.filename().string();
        if (name.find(".metadata") == std::string::npos && name.rfind("sru-", 0) != 0) out.push_back(p);
    }
    return out;
}

struct Facts {
    std::map<std::string, std::string> values;
    std::vector<std::pair<std::string, std::string>> dossiers;
};

// What expected_facts.py (Python's own XML reader) finds in a publication and its record.
inline Facts expected_facts(const fs::path& publication) {
    const ProcessResult r = run({python(), script("expected_facts.py").string(), publication.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Facts f;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> cols;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            cols.push_back(line.substr(start, tab - start));
        cols.push_back(line.substr(start));
        if (cols[0] == "dossier" && cols.size() == 3) f.dossiers.emplace_back(cols[1], cols[2]);
        else if (cols.size() == 2) f.values[cols[0]] = cols[1];
    }
    return f;
}

inline const Warning* warning(const Document& doc, const std::string& code) {
    for (const Warning& w : doc.warnings)
        if (w.code == code) return &w;
    return nullptr;
}

// The text of a block as printed: a heading's or item's label before its text.
inline std::string printed(const Block& b) {
    const std::string text = plain_text(b);
    if (b.label.empty() || b.type == BlockType::list || b.type == BlockType::figure) return text;
    return text.empty() ? b.label : b.label + " " + text;
}

// Every heading, paragraph and list item of the body in reading order, as printed.
inline std::vector<std::string> printed_lines(const Document& doc) {
    std::vector<std::string> out;
    for_each_block(doc.body, [&](const Block& b) {
        if (b.type == BlockType::heading || b.type == BlockType::paragraph || b.type == BlockType::list_item)
            out.push_back(normalise_space(printed(b)));
    });
    return out;
}

}  // namespace stukwerk::test::oep
