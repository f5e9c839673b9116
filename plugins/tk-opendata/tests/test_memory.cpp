// Large inputs convert with peak memory a small multiple of their size: a
// SyncFeed dump is read entry by entry, an OData page record by record,
// never as one tree. The test uses a
// 40 MB dump to keep the suite quick; bench/tk-opendata/syncfeed_memory.sh runs 200 MB
// and reports the figures against xmllint.
#include <gtest/gtest.h>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

#ifdef STUKWERK_SANITIZE
// AddressSanitizer keeps freed memory in quarantine (capped at 16 MB for
// the child below) and pads every allocation: the bound allows for that,
// and a smaller input keeps the slower build quick.
constexpr const char* dump_megabytes = "10";
constexpr std::uintmax_t sanitizer_allowance = 200u << 20;
#else
constexpr const char* dump_megabytes = "40";
constexpr std::uintmax_t sanitizer_allowance = 0;
#endif

// The CLI's peak resident set converting `input`, from the kernel's
// accounting of the child; the documents go to DIR/documents.jsonl.
std::uintmax_t peak_rss_converting(const fs::path& input, const fs::path& dir) {
    const std::string kb = python_out(
        "import os, resource, subprocess, sys\n"
        "env = dict(os.environ, ASAN_OPTIONS=os.environ.get('ASAN_OPTIONS', '') + ':quarantine_size_mb=16')\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)\n"
        "if r.returncode: sys.exit(r.stderr.decode())\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n",
        {cli_path().string(), "convert", input.string(), "-t", "jsonl", "-o", dir.string(), "-q"});
    return std::stoull(kb) * 1024;
}

TEST(TkMemory, LargeSyncFeedConvertsWithinASmallMultipleOfItsSize) {
    const fs::path dir = temp_dir("tk-big-feed");
    const fs::path feed = dir / "big.xml";
    const std::string generated = python_out(
        "import runpy, sys\nsys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], run_name='__main__')\n",
        {(source_dir() / "bench" / "tk-opendata" / "make_big_feed.py").string(), feed.string(), dump_megabytes});
    const std::size_t documents = std::stoul(generated);
    const std::uintmax_t size = fs::file_size(feed);
    ASSERT_GT(size, (std::stoul(dump_megabytes) - 1) << 20);

    const std::uintmax_t peak = peak_rss_converting(feed, dir / "out");

    const std::string out = read_file(dir / "out" / "documents.jsonl");
    EXPECT_EQ(static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')), documents);
    // The mapped input counts in the resident set; the index and one
    // entry's tree add a fraction of it. A tree of the whole feed would
    // cost several times the input.
    const double multiple = static_cast<double>(peak) / static_cast<double>(size);
    std::cout << "input " << (size >> 20) << " MB, " << documents << " documents, peak RSS " << (peak >> 20)
              << " MB = " << multiple << " x input\n";
    EXPECT_LT(peak, 2 * size + (48u << 20) + sanitizer_allowance) << "peak RSS " << (peak >> 20) << " MB";
}

TEST(TkMemory, LargeODataPageConvertsRecordByRecord) {
    // The corpus's page of 250 Documents, repeated with fresh GUIDs, as one
    // OData collection ({"@odata.context": ..., "value": [...]}).
    const fs::path dir = temp_dir("tk-big-odata");
    const fs::path page = dir / "big.json";
    const std::string generated = python_out(
        "import json, sys\n"
        "items = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "target, out, n = int(sys.argv[3]) << 20, [], 0\n"
        "size = 0\n"
        "while size < target:\n"
        "    for e in items:\n"
        "        e = dict(e, Id='%08x' % n + e['Id'][8:]); n += 1\n"
        "        out.append(e); size += len(json.dumps(e))\n"
        "json.dump({'@odata.context': 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Document',"
        " 'value': out}, open(sys.argv[2], 'w', encoding='utf-8'))\n"
        "print(len(out))\n",
        {(corpus_tk() / "odata-document-page-100.json").string(), page.string(), dump_megabytes});
    const std::size_t documents = std::stoul(generated);
    const std::uintmax_t size = fs::file_size(page);
    const std::uintmax_t peak = peak_rss_converting(page, dir / "out");
    const std::string out = read_file(dir / "out" / "documents.jsonl");
    EXPECT_EQ(static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')), documents);
    std::cout << "input " << (size >> 20) << " MB, " << documents << " documents, peak RSS " << (peak >> 20) << " MB = "
              << static_cast<double>(peak) / static_cast<double>(size) << " x input\n";
    EXPECT_LT(peak, 2 * size + (48u << 20) + sanitizer_allowance) << "peak RSS " << (peak >> 20) << " MB";
}

}  // namespace
}  // namespace stukwerk::test::tk
