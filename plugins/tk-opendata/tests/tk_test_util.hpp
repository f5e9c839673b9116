// Shared by the tk-opendata tests: where the fixtures are, and small
// lookups on imported documents.
#pragma once

#include <string>
#include <vector>

#include <stukwerk/document.hpp>

#include "test_support.hpp"

namespace stukwerk::test::tk {

inline fs::path fixtures() { return data_dir() / "tk-opendata"; }
inline fs::path corpus_tk() { return corpus_dir() / "tk-opendata"; }
inline fs::path flagship_dir() { return source_dir() / "samples" / "kst-33279-36"; }
inline fs::path schemas() { return corpus_dir() / "schemas"; }

inline const Document* find_doc(const std::vector<Document>& docs, const std::string& id) {
    for (const Document& d : docs)
        if (d.id == id) return &d;
    return nullptr;
}

inline std::vector<std::string> ids_of(const Metadata& m, const std::string& scheme) {
    std::vector<std::string> out;
    for (const Identifier& i : m.identifiers)
        if (i.scheme == scheme) out.push_back(i.value);
    return out;
}

inline std::string raw_of(const Metadata& m, const std::string& name) {
    for (const Field& f : m.raw)
        if (f.name == name) return f.value;
    return {};
}

// The whole document but its provenance, which names the file it came from.
inline Document without_source(Document d) {
    d.source = {};
    return d;
}

// Runs a short Python program (Debian's python3) and returns its standard
// output; fails the test when it does not exit 0.
inline std::string python_out(const std::string& program, const std::vector<std::string>& args = {}) {
    std::vector<std::string> argv{python(), "-c", program};
    argv.insert(argv.end(), args.begin(), args.end());
    const ProcessResult r = run(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

}  // namespace stukwerk::test::tk
