// Parses each file named on the command line (or one per line in the file
// after --files-from) with libxml2's HTML parser and frees the tree: the
// work no HTML importer can avoid. Same options as the oep-html importer.
//
//   html-bare-parse [--files-from LIST] [FILE...]
//
// Prints the number of files and bytes parsed; exit 1 when a file cannot be
// read or parsed.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <climits>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--files-from" && i + 1 < argc) {
            std::ifstream list(argv[++i]);
            for (std::string line; std::getline(list, line);)
                if (!line.empty()) files.push_back(line);
        } else {
            files.push_back(arg);
        }
    }
    xmlInitParser();
    constexpr int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                            HTML_PARSE_IGNORE_ENC;
    unsigned long long bytes = 0;
    int failed = 0;
    for (const std::string& name : files) {
        std::ifstream in(name, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            std::fprintf(stderr, "%s: cannot read\n", name.c_str());
            ++failed;
            continue;
        }
        if (text.size() > static_cast<std::size_t>(INT_MAX)) {
            ++failed;
            continue;
        }
        htmlDocPtr doc = htmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr, options);
        if (!doc) {
            std::fprintf(stderr, "%s: not parsed\n", name.c_str());
            ++failed;
            continue;
        }
        xmlFreeDoc(doc);
        bytes += text.size();
    }
    std::printf("%zu files, %llu bytes parsed\n", files.size(), bytes);
    return failed ? 1 : 0;
}
