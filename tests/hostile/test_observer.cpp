// The observer the suite relies on (observed_run.cpp) sees what it must:
// an open of /etc/passwd, a connect() to a local listener, a write outside
// the output folder. Without this, "nothing was seen" could mean "nothing
// was looked at".
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include "observed_run.hpp"

namespace stukwerk::test::hostile {
namespace {

bool contains(const std::vector<fs::path>& paths, const fs::path& p) {
    return std::find(paths.begin(), paths.end(), p) != paths.end();
}

TEST(Observer, SeesTheCliOpenItsInputAndWriteOnlyItsOutput) {
    const fs::path base = temp_dir("observer-cli");
    const fs::path input = corpus_dir() / "oep-xml" / "kst-36755-24.xml";
    const Observed o = run_observed(base / "work", {"convert", input.string(), "-t", "json", "-o", "out"});
    ASSERT_EQ(o.result.exit_code, 0) << o.result.err;
    EXPECT_TRUE(contains(o.opened, input)) << o.trace.substr(0, 4000);
    EXPECT_TRUE(std::any_of(o.written.begin(), o.written.end(),
                            [&](const fs::path& p) { return p.parent_path() == base / "work" / "out"; }))
        << o.trace.substr(0, 4000);
    expect_contained(o, {base / "work" / "out"}, "a plain conversion");
}

TEST(Observer, SeesAnOpenOfEtcPasswd) {
    const fs::path base = temp_dir("observer-passwd");
    const Observed o = run_observed(base / "work", {"convert", "/etc/passwd", "-f", "json", "-t", "json", "-o", "out"});
    EXPECT_TRUE(contains(o.opened, "/etc/passwd"));
}

TEST(Observer, SeesAConnectAndAWriteOutsideTheOutputFolder) {
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(listener, 4), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    const fs::path base = temp_dir("observer-connect");
    const Observed o = observe(base / "work", {python(), "-c",
                                               "import socket, sys\n"
                                               "socket.create_connection(('127.0.0.1', int(sys.argv[1]))).close()\n"
                                               "open('stray.txt', 'w').write('x')\n",
                                               std::to_string(ntohs(addr.sin_port))});
    ::close(listener);
    ASSERT_EQ(o.result.exit_code, 0) << o.result.err;
    ASSERT_EQ(o.connects.size(), 1u) << o.trace.substr(0, 4000);
    EXPECT_NE(o.connects[0].find("127.0.0.1"), std::string::npos) << o.connects[0];
    EXPECT_TRUE(contains(o.written, base / "work" / "stray.txt"));
}

}  // namespace
}  // namespace stukwerk::test::hostile
