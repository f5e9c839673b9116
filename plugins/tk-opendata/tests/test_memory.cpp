// A large SyncFeed dump converts with peak memory a small multiple of its
// size: the feed is read entry by entry, never as one tree. The test uses a
// 40 MB dump to keep the suite quick; bench/syncfeed_memory.sh runs 200 MB
// and reports the figures against xmllint.
#include <gtest/gtest.h>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

#ifdef STUKWERK_SANITIZE
// AddressSanitizer keeps freed memory in quarantine (256 MB by default) and
// adds shadow memory: the bound allows for that, and a smaller dump keeps
// the slower build quick.
constexpr const char* dump_megabytes = "10";
constexpr std::uintmax_t sanitizer_allowance = 320u << 20;
#else
constexpr const char* dump_megabytes = "40";
constexpr std::uintmax_t sanitizer_allowance = 0;
#endif

TEST(TkMemory, LargeSyncFeedConvertsWithinASmallMultipleOfItsSize) {
    const fs::path dir = temp_dir("tk-big-feed");
    const fs::path feed = dir / "big.xml";
    const std::string generated = python_out(
        "import runpy, sys\nsys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], run_name='__main__')\n",
        {(source_dir() / "plugins" / "tk-opendata" / "bench" / "make_big_feed.py").string(), feed.string(), dump_megabytes});
    const std::size_t documents = std::stoul(generated);
    const std::uintmax_t size = fs::file_size(feed);
    ASSERT_GT(size, (std::stoul(dump_megabytes) - 1) << 20);

    // The CLI's peak resident set, from the kernel's accounting of the child.
    const std::string peak_kb = python_out(
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "if r.returncode: sys.exit(r.stderr.decode())\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n",
        {cli_path().string(), "convert", feed.string(), "-t", "jsonl", "-o", (dir / "out").string(), "-q"});
    const std::uintmax_t peak = std::stoull(peak_kb) * 1024;

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

}  // namespace
}  // namespace stukwerk::test::tk
