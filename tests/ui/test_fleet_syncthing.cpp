// A fleet of two kiosks sharing a folder through two real Syncthing instances on 127.0.0.1:
// a signed package dropped on one side is installed by both kiosks, and both kiosks' reports
// arrive on both sides. Syncthing is configured as docs/deploy.md says, and for a test:
// loopback addresses and fixed ports only, no global or local discovery, no relays, no NAT,
// no usage reporting, no upgrades. Bounded: every wait gives up after kSyncTimeoutS.
#include "core/file_io.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace kiosk::test;

namespace {

constexpr const char* kSyncthing = "/usr/bin/syncthing";
constexpr double kSyncTimeoutS = 90;

CommandResult kioskctl(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSKCTL_BIN);
    return run_command(args);
}

// A TCP port on 127.0.0.1 that is free now: it goes into the configuration as a fixed port.
int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    close(fd);
    return ntohs(address.sin_port);
}

struct Peer {
    std::string home, folder, device_id;
    int port = 0;
    pid_t pid = -1;
};

// Keys and a device id for `peer` (syncthing generate), then its whole config.xml written here.
void generate(Peer& peer) {
    CommandResult result =
        run_command({kSyncthing, "generate", "--home", peer.home, "--no-default-folder", "--skip-port-probing"});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const std::string text = result.out + result.err;
    const size_t at = text.find("Device ID: ");
    REQUIRE(at != std::string::npos);
    peer.device_id = text.substr(at + 11, 63);
    peer.port = free_port();
}

std::string device_xml(const Peer& peer, const std::string& name) {
    return "  <device id=\"" + peer.device_id + "\" name=\"" + name +
           "\" compression=\"metadata\" introducer=\"false\">\n"
           "    <address>tcp://127.0.0.1:" +
           std::to_string(peer.port) +
           "</address>\n"
           "    <autoAcceptFolders>false</autoAcceptFolders>\n  </device>\n";
}

void write_config(const Peer& self, const Peer& other) {
    const std::string config =
        "<configuration version=\"36\">\n"
        "  <folder id=\"sco-fleet\" label=\"SCO kiosk fleet\" path=\"" +
        self.folder +
        "\" type=\"sendreceive\" "
        "rescanIntervalS=\"2\" fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\" ignorePerms=\"true\">\n"
        "    <device id=\"" +
        self.device_id +
        "\"></device>\n"
        "    <device id=\"" +
        other.device_id +
        "\"></device>\n"
        "    <minDiskFree unit=\"%\">0</minDiskFree>\n"
        "  </folder>\n" +
        device_xml(self, "self") + device_xml(other, "other") +
        "  <gui enabled=\"false\" tls=\"false\"><address>127.0.0.1:0</address></gui>\n"
        "  <options>\n"
        "    <listenAddress>tcp://127.0.0.1:" +
        std::to_string(self.port) +
        "</listenAddress>\n"
        "    <globalAnnounceEnabled>false</globalAnnounceEnabled>\n"
        "    <localAnnounceEnabled>false</localAnnounceEnabled>\n"
        "    <relaysEnabled>false</relaysEnabled>\n"
        "    <natEnabled>false</natEnabled>\n"
        "    <stunKeepaliveStartS>0</stunKeepaliveStartS>\n"
        "    <stunServer></stunServer>\n"
        "    <urAccepted>-1</urAccepted>\n"
        "    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>\n"
        "    <crashReportingEnabled>false</crashReportingEnabled>\n"
        "    <startBrowser>false</startBrowser>\n"
        "    <reconnectionIntervalS>2</reconnectionIntervalS>\n"
        "    <announceLANAddresses>false</announceLANAddresses>\n"
        "    <minHomeDiskFree unit=\"%\">0</minHomeDiskFree>\n"
        "  </options>\n"
        "</configuration>\n";
    write_text(self.home + "/config.xml", config);
}

void start(Peer& peer) {
    peer.pid = fork();
    REQUIRE(peer.pid >= 0);
    if (peer.pid == 0) {
        setenv("STNOUPGRADE", "1", 1);
        setenv("STNODEFAULTFOLDER", "1", 1);
        const std::string log = "--logfile=" + peer.home + "/syncthing.log";
        const int null = open("/dev/null", O_WRONLY);  // everything is in the log file
        dup2(null, 1);
        dup2(null, 2);
        execl(kSyncthing, kSyncthing, "serve", "--home", peer.home.c_str(), "--no-browser", "--no-restart", log.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
}

// Stops both instances at the end of the test, whatever happened.
struct Stopper {
    std::vector<Peer*> peers;
    ~Stopper() {
        for (Peer* peer : peers)
            if (peer->pid > 0) kill(peer->pid, SIGTERM);
        for (Peer* peer : peers)
            if (peer->pid > 0) waitpid(peer->pid, nullptr, 0);
    }
};

// Polls `done` every 200 ms for at most kSyncTimeoutS; true once it holds.
template <typename Condition>
bool wait_until(Condition done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kSyncTimeoutS);
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return done();
}

bool same_file(const std::string& a, const std::string& b) {
    return kiosk::core::fs::exists(a) && kiosk::core::fs::exists(b) && read_text(a) == read_text(b);
}

// The report folders in `fleet` with a finished export.txt.
std::vector<std::string> finished_reports(const std::string& fleet) {
    std::vector<std::string> found;
    const std::string reports = fleet + "/sco-kiosk/reports";
    for (const char* id : {"kiosk-a", "kiosk-b"}) {
        CommandResult ls =
            run_command({"/bin/sh", "-c", "ls -d \"$0\"/" + std::string(id) + "-*/export.txt 2>/dev/null", reports});
        if (!ls.out.empty()) found.push_back(ls.out.substr(0, ls.out.find('\n')));
    }
    return found;
}

}  // namespace

TEST_CASE("two kiosks sharing a Syncthing folder on 127.0.0.1 both install a dropped package and both reports arrive") {
    if (!kiosk::core::fs::exists(kSyncthing)) {
        MESSAGE("skipped: " << kSyncthing << " is missing (apt-get install syncthing; deploy/packages-dev.txt lists it)");
        return;
    }
    TempDir dir;
    REQUIRE(kioskctl({"keygen", "--secret-key", dir.file("org.key"), "--public-key", dir.file("org.pub")}).exit_code == 0);
    const std::string source = std::string(KIOSK_TEST_DATA_DIR) + "/packages/source";
    REQUIRE(kioskctl({"build", source, dir.file("factory.db"), "--content-version", "1"}).exit_code == 0);

    Peer a, b;
    TempDir kiosk_a, kiosk_b;
    Stopper stopper{{&a, &b}};
    for (auto [peer, kiosk, id] : {std::make_tuple(&a, &kiosk_a, "kiosk-a"), std::make_tuple(&b, &kiosk_b, "kiosk-b")}) {
        peer->home = kiosk->file("syncthing");
        peer->folder = kiosk->file("fleet");
        REQUIRE(kiosk::core::fs::make_dirs(peer->folder + "/.stfolder"));
        REQUIRE(kiosk::core::fs::make_dirs(kiosk->file("data/trusted-keys")));
        write_text(kiosk->file("data/trusted-keys/org.pub"), read_text(dir.file("org.pub")));
        set_setting(*kiosk, "fleet_dir", peer->folder);
        set_setting(*kiosk, "kiosk_id", id);
        set_setting(*kiosk, "usb_mounts", kiosk->file("no-sticks/*"));
        set_setting(*kiosk, "attract", "off");
        generate(*peer);
    }
    write_config(a, b);
    write_config(b, a);
    start(a);
    start(b);

    // The organizer drops a signed package into the folder on A's side only.
    REQUIRE(kiosk::core::fs::make_dirs(a.folder + "/sco-kiosk"));
    CommandResult packed = kioskctl({"pack", source, "--content-version", "2", "--secret-key", dir.file("org.key"),
                                     "--out", a.folder + "/sco-kiosk/content-2.kpkg"});
    REQUIRE_MESSAGE(packed.exit_code == 0, packed.err);
    const std::string pkg = "/sco-kiosk/content-2.kpkg";
    const bool synced = wait_until([&] {
        return same_file(a.folder + pkg, b.folder + pkg) &&
               same_file(a.folder + pkg + ".minisig", b.folder + pkg + ".minisig");
    });
    REQUIRE_MESSAGE(synced, "the package did not reach B: " << read_text(b.home + "/syncthing.log"));

    // Each kiosk finds it in its fleet folder, verifies and installs it as from a stick, and
    // writes its report there when it stops.
    for (auto [kiosk, peer] : {std::make_pair(&kiosk_a, &a), std::make_pair(&kiosk_b, &b)}) {
        KioskRun run = run_kiosk_installed(*kiosk, "wait 3000\n", {"--factory", dir.file("factory.db")});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["content_version"].number == 2);
        CHECK(run.state["update"]["phase"].string == "done");
        CHECK(run.result.err.find("installed content version 2 from " + peer->folder + pkg) != std::string::npos);
        CHECK(run.result.err.find("from the fleet folder") != std::string::npos);
    }
    // Both reports arrive on both sides, and merge into one report of two kiosks.
    const bool arrived =
        wait_until([&] { return finished_reports(a.folder).size() == 2 && finished_reports(b.folder).size() == 2; });
    REQUIRE_MESSAGE(arrived, "reports missing: A has " << finished_reports(a.folder).size() << ", B has "
                                                       << finished_reports(b.folder).size());
    std::vector<std::string> args = {"stats", "merge"};
    for (const std::string& manifest : finished_reports(a.folder)) args.push_back(kiosk::core::fs::dirname(manifest));
    args.insert(args.end(), {"--out", dir.file("merged")});
    // Syncthing may still be finishing the files of a report whose export.txt arrived: retry a while.
    CommandResult merged;
    wait_until([&] { return (merged = kioskctl(args)).exit_code == 0; });
    CHECK_MESSAGE(merged.exit_code == 0, merged.err);
    CHECK(merged.out.find("from 2 kiosks") != std::string::npos);
    // Nothing half-written was shared: the reports in progress are in .stignore.
    CHECK(read_text(a.folder + "/.stignore").find("*.incomplete") != std::string::npos);
    // And Syncthing talked to nothing but 127.0.0.1: no discovery, relay or NAT service.
    for (const Peer* peer : {&a, &b}) {
        const std::string log = read_text(peer->home + "/syncthing.log");
        for (const char* word : {"discovery.syncthing.net", "relays.syncthing.net", "Relay", "UPnP", "NAT-PMP", "stun"})
            CHECK_MESSAGE(log.find(word) == std::string::npos, word);
    }
}
