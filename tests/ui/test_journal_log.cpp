// The running kiosk's diagnostics as journald sees them: when JOURNAL_STREAM names its stderr
// (what systemd does for StandardError=journal), every line starts with its priority.
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <string>

using kiosk::test::CommandResult;
using kiosk::test::TempDir;

namespace {

// The kiosk started by a shell that sets JOURNAL_STREAM to the device and inode of the file its
// stderr goes to (or, with `journal` false, to another file), as systemd would.
CommandResult start_logging(const TempDir& dir, const std::string& content, bool journal) {
    kiosk::test::write_text(dir.file("script.txt"), "wait 10\n");
    const std::string stream = journal ? "$(stat -L -c %d:%i /proc/self/fd/2)" : "$(stat -L -c %d:%i /dev/null)";
    const std::string command = "JOURNAL_STREAM=" + stream +
                                " exec \"$0\" --headless --content \"$1\" --assets \"$2\" "
                                "--data-dir \"$3\" --script \"$4\"";
    return kiosk::test::run_command({"/bin/sh", "-c", command, KIOSK_BIN, content,
                                     std::string(KIOSK_SOURCE_DIR) + "/assets", dir.file("data"), dir.file("script.txt")});
}

}  // namespace

TEST_CASE("under the journal a start-up failure is logged with priority 3 and a missing PIN with priority 4") {
    TempDir dir;
    CommandResult failed = start_logging(dir, dir.file("missing.db"), true);
    CHECK(failed.exit_code == 1);
    CHECK_MESSAGE(failed.err.find("<3>") != std::string::npos, failed.err);
    CHECK_MESSAGE(failed.err.find("kiosk: ") == std::string::npos, failed.err);  // journald names the unit itself

    CommandResult started = start_logging(dir, KIOSK_CONTENT_DB, true);
    REQUIRE_MESSAGE(started.exit_code == 0, started.err);
    CHECK_MESSAGE(started.err.find("<4>") != std::string::npos, started.err);  // no PIN set in a new data dir
    CHECK_MESSAGE(started.err.find("kiosk: ") == std::string::npos, started.err);
}

TEST_CASE("when stderr is not the stream JOURNAL_STREAM names the kiosk logs in words") {
    TempDir dir;
    CommandResult failed = start_logging(dir, dir.file("missing.db"), false);
    CHECK(failed.exit_code == 1);
    CHECK_MESSAGE(failed.err.find("kiosk: error: ") != std::string::npos, failed.err);
    CHECK(failed.err.find("kiosk: warning: no organizer PIN is set") != std::string::npos);
    CHECK(failed.err.find("<3>") == std::string::npos);
}
