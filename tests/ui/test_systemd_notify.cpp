// The interactive kiosk under systemd: it reports readiness after the first frame, sends
// watchdog heartbeats while idle, and says it is stopping on SIGTERM. The test plays systemd's
// side of sd_notify(3): a datagram socket named by NOTIFY_SOCKET.
#include "notify_socket.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

extern char** environ;

using namespace kiosk::test;

namespace {

// Starts the interactive kiosk on SDL's dummy driver with systemd's notify variables set.
// `content` picks the content: a fixed database by default, or e.g. {"--factory", DB} to watch for sticks.
pid_t start_kiosk(const std::string& notify_path, const std::string& watchdog_usec, const std::string& data_dir,
                  std::vector<std::string> content = {"--content", KIOSK_CONTENT_DB}) {
    std::vector<std::string> env_strings = {"NOTIFY_SOCKET=" + notify_path, "WATCHDOG_USEC=" + watchdog_usec,
                                            "SDL_VIDEODRIVER=dummy", "SDL_RENDER_DRIVER=software"};
    for (char** e = environ; *e; ++e) {
        std::string entry = *e;
        if (entry.rfind("NOTIFY_SOCKET=", 0) != 0 && entry.rfind("WATCHDOG_", 0) != 0 && entry.rfind("SDL_", 0) != 0)
            env_strings.push_back(entry);
    }
    std::vector<std::string> argv_strings =
        with_emulator({KIOSK_BIN, "--windowed", "--size", "480x270", "--assets",
                       std::string(KIOSK_SOURCE_DIR) + "/assets", "--data-dir", data_dir});
    argv_strings.insert(argv_strings.end(), content.begin(), content.end());
    std::vector<char*> argv, envp;
    for (std::string& s : argv_strings) argv.push_back(&s[0]);
    for (std::string& s : env_strings) envp.push_back(&s[0]);
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int count(const std::vector<std::string>& messages, const std::string& wanted) {
    int n = 0;
    for (const std::string& m : messages) n += m == wanted;
    return n;
}

}  // namespace

TEST_CASE("Under systemd the idle kiosk reports ready, keeps sending heartbeats and reports stopping on SIGTERM") {
    TempDir dir;
    NotifySocket socket(dir.file("notify"));
    REQUIRE(socket.bound());
    // WatchdogSec=0.4s: heartbeats are due every 200 ms, more often than the idle loop's 1 s wake-up.
    pid_t pid = start_kiosk(dir.file("notify"), "400000", dir.file("data"));
    REQUIRE(pid > 0);

    std::vector<std::string> startup = socket.read_until("READY=1", 60);
    CHECK(count(startup, "READY=1") == 1);
    std::vector<std::string> idle;
    for (int i = 0; i < 3; ++i) {
        std::vector<std::string> more = socket.read_until("WATCHDOG=1", 30);
        idle.insert(idle.end(), more.begin(), more.end());
    }
    CHECK(count(idle, "WATCHDOG=1") == 3);

    ::kill(pid, SIGTERM);
    std::vector<std::string> shutdown = socket.read_until("STOPPING=1", 30);
    CHECK(count(shutdown, "STOPPING=1") == 1);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

namespace {

// A "stick" a stranger could plug in: every file the issue 13 attacker used, beside a valid package.
void fill_hostile_stick(const TempDir& dir, const std::string& stick) {
    auto kioskctl = [](std::vector<std::string> args) {
        args.insert(args.begin(), KIOSKCTL_BIN);
        CommandResult result = run_command(with_emulator(args));
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    };
    const std::string source = std::string(KIOSK_TEST_DATA_DIR) + "/packages/source";
    kioskctl({"keygen", "--secret-key", dir.file("org.key"), "--public-key", dir.file("org.pub")});
    kioskctl({"build", source, dir.file("factory.db"), "--content-version", "1"});
    kioskctl({"settings", "--data-dir", dir.file("data"), "usb_mounts", dir.file("stick")});
    REQUIRE(::system(("mkdir -p '" + stick + "' '" + dir.file("data/trusted-keys") + "' && cp '" + dir.file("org.pub") +
                      "' '" + dir.file("data/trusted-keys/") + "'")
                         .c_str()) == 0);
    kioskctl({"pack", source, "--content-version", "2", "--secret-key", dir.file("org.key"), "--out",
              stick + "/content-2.kpkg"});
    const std::string sig = stick + "/content-2.kpkg.minisig";
    std::string script = "cd '" + stick +
                         "' && "
                         "echo x > x.kpkg && mkfifo x.kpkg.minisig && "           // blocks a plain open() forever
                         "echo y > y.kpkg && ln -s /dev/zero y.kpkg.minisig && "  // endless
                         "echo z > z.kpkg && truncate -s 1G z.kpkg.minisig && "   // huge signature
                         "truncate -s 8G huge.kpkg && cp '" +
                         sig +
                         "' huge.kpkg.minisig && "  // names the trusted key id
                         "for i in $(seq -w 1 1000); do echo $i > p$i.kpkg; cp '" +
                         sig + "' p$i.kpkg.minisig; done";
    REQUIRE(::system(script.c_str()) == 0);
}

}  // namespace

TEST_CASE("a hostile stick never delays the watchdog heartbeats or the shutdown") {
    TempDir dir;
    fill_hostile_stick(dir, dir.file("stick/sco-kiosk"));
    NotifySocket socket(dir.file("notify"));
    REQUIRE(socket.bound());
    // WatchdogSec=1s: a heartbeat is due every 500 ms.
    pid_t pid = start_kiosk(dir.file("notify"), "1000000", dir.file("data"), {"--factory", dir.file("factory.db")});
    REQUIRE(pid > 0);
    std::vector<std::string> startup = socket.read_until("READY=1", 30);
    CHECK(count(startup, "READY=1") == 1);
    // 16 heartbeats: 8 s with the stick in, several polls of it.
    auto last = std::chrono::steady_clock::now();
    double longest_gap_s = 0;
    int heartbeats = 0;
    for (int i = 0; i < 16; ++i) {
        heartbeats += count(socket.read_until("WATCHDOG=1", 3), "WATCHDOG=1");
        auto now = std::chrono::steady_clock::now();
        longest_gap_s = std::max(longest_gap_s, std::chrono::duration<double>(now - last).count());
        last = now;
    }
    CHECK(heartbeats == 16);
    MESSAGE("longest gap between heartbeats: " << longest_gap_s << " s");
    CHECK(longest_gap_s < 1.0);

    const auto stop_start = std::chrono::steady_clock::now();
    ::kill(pid, SIGTERM);
    std::vector<std::string> shutdown = socket.read_until("STOPPING=1", 10);
    CHECK(count(shutdown, "STOPPING=1") == 1);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() - stop_start > std::chrono::seconds(5)) ::kill(pid, SIGKILL);  // hung
        ::usleep(20000);
    }
    CHECK(WIFEXITED(status));
}
