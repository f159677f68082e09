// fs::read_file tells a file that cannot be read apart from a short or empty one.
#include "core/file_io.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

using kiosk::test::TempDir;

TEST_CASE("read_file reads a whole file, an empty one included") {
    TempDir dir;
    std::string big(300000, 'x');
    big[123456] = '\0';
    kiosk::test::write_text(dir.file("big"), big);
    kiosk::test::write_text(dir.file("empty"), "");
    std::string text = "stale", error;
    REQUIRE(kiosk::core::fs::read_file(dir.file("big"), &text, &error));
    CHECK(text == big);
    REQUIRE(kiosk::core::fs::read_file(dir.file("empty"), &text, &error));
    CHECK(text.empty());
}

TEST_CASE("read_file reports an open error with the path") {
    TempDir dir;
    std::string text = "kept", error;
    CHECK_FALSE(kiosk::core::fs::read_file(dir.file("missing"), &text, &error));
    CHECK(error == dir.file("missing") + ": No such file or directory");
    CHECK(text == "kept");
}

TEST_CASE("read_file reports a read error, not an empty file, for a directory") {
    TempDir dir;
    std::string text = "kept", error;
    // open(2) succeeds on a directory; read(2) fails with EISDIR. A stream saw an empty file.
    CHECK_FALSE(kiosk::core::fs::read_file(dir.path(), &text, &error));
    CHECK(error == dir.path() + ": cannot be read: Is a directory");
    CHECK(text == "kept");
}

TEST_CASE("read_file reports a read error that comes after a successful open") {
    // /proc/self/mem opens for the process itself, even as root, but reading offset 0 (an
    // unmapped page) fails with EIO: the error of a dying disk, without needing one.
    std::string text = "kept", error;
    CHECK_FALSE(kiosk::core::fs::read_file("/proc/self/mem", &text, &error));
    CHECK(error == "/proc/self/mem: cannot be read: Input/output error");
    CHECK(text == "kept");
}
