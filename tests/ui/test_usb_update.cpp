// Content updates from a USB stick in the running kiosk: real packages made with kioskctl
// keygen/pack on a "stick" (a temp dir the usb_mounts setting points at), the kiosk run
// without --content so it shows the installed content over a factory content database.
#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "kiosk_runner.h"
#include "ui/display_strings.h"

#include <doctest/doctest.h>

using namespace kiosk::test;
using kiosk::ui::fill_count;

namespace {

const std::string kCornerTaps = "tap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\nwait 100\n";
const std::string kEnterOrganizerPin = kCornerTaps + enter_pin(kOrganizerTestPin);

CommandResult kioskctl(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSKCTL_BIN);
    return run_command(args);
}

std::string source_dir() { return std::string(KIOSK_TEST_DATA_DIR) + "/packages/source"; }

// An organizer's key, a kiosk data dir trusting it, a factory content (version 1) and a stick.
struct Kiosk {
    Kiosk() {
        REQUIRE(kioskctl({"keygen", "--secret-key", dir.file("org.key"), "--public-key", dir.file("org.pub")}).exit_code == 0);
        REQUIRE(kioskctl({"build", source_dir(), dir.file("factory.db"), "--content-version", "1"}).exit_code == 0);
        REQUIRE(kiosk::core::fs::make_dirs(dir.file("data/trusted-keys")));
        REQUIRE(kiosk::core::fs::make_dirs(stick_dir()));
        write_text(dir.file("data/trusted-keys/org.pub"), read_text(dir.file("org.pub")));
        setting("usb_mounts", dir.file("stick"));
        setting("attract", "off");
        set_pin(dir, kOrganizerTestPin);
    }
    std::string stick_dir() const { return dir.file("stick/sco-kiosk"); }
    std::string on_stick(const std::string& name) const { return stick_dir() + "/" + name; }
    void setting(const std::string& key, const std::string& value) {
        CommandResult result = kioskctl({"settings", "--data-dir", dir.file("data"), key, value});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    }
    // Builds content `version` from `source`, signed with `key`, onto the stick as `name`.
    void pack(int version, const std::string& name, const std::string& key = "org.key",
              const std::string& source = source_dir()) {
        if (key != "org.key" && !kiosk::core::fs::exists(dir.file(key)))
            REQUIRE(kioskctl({"keygen", "--secret-key", dir.file(key), "--public-key", dir.file(key + ".pub")}).exit_code == 0);
        CommandResult result = kioskctl({"pack", source, "--content-version", std::to_string(version), "--secret-key",
                                         dir.file(key), "--out", on_stick(name)});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    }
    KioskRun run(const std::string& script, std::vector<std::string> args = {}) {
        args.insert(args.begin(), {"--factory", dir.file("factory.db")});
        KioskRun run = run_kiosk_installed(dir, script, args);
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        return run;
    }
    JsonValue status() {
        CommandResult result =
            kioskctl({"status", "--json", "--data-dir", dir.file("data"), "--factory", dir.file("factory.db")});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return parse_json(result.out);
    }
    // The bytes of the content the kiosk shows (nothing installed: the factory content).
    std::string active_bytes() {
        const std::string active = dir.file("data/content/active.db");
        return read_text(kiosk::core::fs::exists(active) ? active : dir.file("factory.db"));
    }
    TempDir dir;
};

bool has_target(const KioskRun& run, const std::string& label) {
    for (const JsonValue& target : run.state["touch_targets"].array)
        if (target["label"].string == label) return true;
    return false;
}

bool visited(const KioskRun& run, const std::string& screen) {
    for (const JsonValue& name : run.state["screens_visited"].array)
        if (name.string == screen) return true;
    return false;
}

}  // namespace

TEST_CASE("a valid newer package on a stick is listed in the organizer panel and installs without a restart") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    SUBCASE("listed with its version and an Install button") {
        KioskRun run = k.run(kEnterOrganizerPin + "shot @DIR@/panel.png\n");
        CHECK(run.state["screen"].string == "admin");
        CHECK(run.state["usb"]["packages"].number == 1);
        CHECK(run.state["usb"]["chosen_version"].number == 2);
        CHECK(run.state["usb"]["problem"].is_null());
        CHECK(has_target(run, "Установить версию 2"));
        CHECK_FALSE(has_target(run, "Вернуть версию 1"));  // nothing installed yet: nothing to roll back
        CHECK(run.state["content_version"].number == 1);
        CHECK(run.state["update"]["phase"].string == "idle");
    }
    SUBCASE("Install switches to the new content, resets the session, and kioskctl agrees") {
        KioskRun run = k.run(kEnterOrganizerPin + "tap-id update.install\nwait 1000\n");
        CHECK(run.state["content_version"].number == 2);
        CHECK(run.state["update"]["phase"].string == "done");
        CHECK(run.state["update"]["progress"].number == 1);
        CHECK(run.state["update"]["showing"].boolean);  // the result stays up for a few seconds
        CHECK(run.state["screen"].string == "home");
        CHECK(run.state["usb"]["chosen_version"].is_null());  // version 2 is no longer newer
        CHECK(run.result.err.find("installed content version 2 from " + k.on_stick("content-2.kpkg")) != std::string::npos);
        JsonValue status = k.status();
        CHECK(status["version"].number == 2);
        CHECK(status["previous_version"].number == 1);
    }
    SUBCASE("the result overlay goes away by itself and the kiosk is usable again") {
        KioskRun run = k.run(kEnterOrganizerPin + "tap-id update.install\nwait 8000\n");
        CHECK(run.state["content_version"].number == 2);
        CHECK_FALSE(run.state["update"]["showing"].boolean);
        CHECK(run.state["update"]["phase"].string == "done");
        CHECK(has_target(run, "EN"));  // the home screen takes touches again
    }
}

TEST_CASE("an install started in an English session lists, installs and reports in English") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    KioskRun run = k.run(kEnterOrganizerPin + "tap-label EN\nshot @DIR@/panel-en.png\n"
                                              "tap-label Install version 2\nwait 1000\nshot @DIR@/done-en.png\n");
    CHECK(run.state["content_version"].number == 2);
    CHECK(run.state["update"]["phase"].string == "done");
    CHECK(run.state["update"]["showing"].boolean);
    CHECK(run.state["language"].string == "en");  // the content switch kept the session's language
    CHECK(has_target(run, "OK"));
    CHECK_FALSE(has_target(run, "Установить версию 2"));
}

// The corner taps and the organizer PIN on a screen `width` wide.
std::string open_panel(int width) {
    std::string script;
    for (int i = 0; i < 5; ++i) script += "tap " + std::to_string(width - 4) + " 4\n";
    return script + "wait 100\n" + enter_pin(kOrganizerTestPin);
}

TEST_CASE("the USB card lists every package on the stick with its version and why a refused one is refused") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");  // newer and signed: installable
    k.pack(1, "content-1.kpkg");  // the factory content's own version: not newer
    k.pack(3, "content-3.kpkg");
    std::string bytes = read_text(k.on_stick("content-3.kpkg"));
    bytes[bytes.size() / 2] ^= 1;  // changed after it was signed
    write_text(k.on_stick("content-3.kpkg"), bytes);
    const ContentFixture fixture;
    for (const auto& panel : std::vector<std::pair<Lang, std::string>>{
             {Lang::En, "800x480"}, {Lang::Zh, "800x480"}, {Lang::Ru, "1080x1920"}, {Lang::En, "1920x1080"}}) {
        const Lang lang = panel.first;
        const std::string& size = panel.second;
        CAPTURE(lang_code(lang));
        CAPTURE(size);
        KioskRun run =
            k.run(open_panel(std::stoi(size)) + "shot @DIR@/panel.png\n", {"--size", size, "--lang", lang_code(lang)});
        REQUIRE(run.state["screen"].string == "admin");
        const auto& rows = run.state["usb"]["rows"].array;
        REQUIRE(rows.size() == 3);
        const char* expected[][2] = {
            {"content-1.kpkg", "not_newer"}, {"content-2.kpkg", "none"}, {"content-3.kpkg", "signature_invalid"}};
        for (size_t i = 0; i < 3; ++i) {
            CAPTURE(i);
            CHECK(rows[i]["name"].string == expected[i][0]);
            CHECK(rows[i]["problem"].string == expected[i][1]);
            CHECK(rows[i]["listed"].boolean);  // drawn on the panel, not left out for want of room
            const std::string key = i == 1 ? "update.status.trusted" : std::string("update.problem.") + expected[i][1];
            CHECK(rows[i]["status"].string == fixture.translations.get(lang, key));
            const std::string version =
                fill_count(fixture.translations.get(lang, "update.package_version"), static_cast<long>(i + 1));
            CHECK(rows[i]["details"].string.rfind(version, 0) == 0);
        }
        check_target_sizes(run.state);
    }
}

TEST_CASE("a stick with many packages is listed in full on a small panel, and the page scrolls to the last") {
    Kiosk k;
    for (int version = 2; version <= 9; ++version) k.pack(version, "content-" + std::to_string(version) + ".kpkg");
    const std::string open = open_panel(800);
    KioskRun still = k.run(open, {"--size", "800x480", "--lang", "en"});
    KioskRun scrolled = k.run(open + "drag 400 460 400 100 300\nwait 1500\nshot @DIR@/scrolled.png\n",
                              {"--size", "800x480", "--lang", "en"});
    for (const KioskRun* run : {&still, &scrolled}) {
        REQUIRE(run->state["usb"]["rows"].array.size() == 8);
        for (const JsonValue& row : run->state["usb"]["rows"].array) CHECK(row["listed"].boolean);
    }
    // The install button moved up with the page (or out of view above it).
    const JsonValue* before = find_target(still.state, "Install version 9");
    REQUIRE(before);
    const JsonValue* after = find_target(scrolled.state, "Install version 9");
    CHECK((!after || (*after)["y"].number < (*before)["y"].number));
}

TEST_CASE("the install result is told in the session's language") {
    const ContentFixture fixture;
    for (Lang lang : {Lang::En, Lang::Zh, Lang::Ru}) {
        CAPTURE(lang_code(lang));
        SUBCASE("installed") {
            Kiosk k;
            k.pack(2, "content-2.kpkg");
            KioskRun run = k.run(open_panel(1024) + "tap-id update.install\nwait 1000\nshot @DIR@/done.png\n",
                                 {"--size", "1024x600", "--lang", lang_code(lang)});
            CHECK(run.state["update"]["phase"].string == "done");
            CHECK(run.state["update"]["showing"].boolean);
            CHECK(run.state["language"].string == lang_code(lang));
            CHECK(run.state["update"]["title"].string == fill_count(fixture.translations.get(lang, "update.done"), 2));
        }
        SUBCASE("refused at install") {
            Kiosk k;
            k.pack(2, "content-2.kpkg");
            {
                // Signed after its schema version was changed: the signature is fine, the database is not.
                kiosk::core::SqliteDb db;
                std::string error;
                REQUIRE_MESSAGE(db.open(k.on_stick("content-2.kpkg"), kiosk::core::SqliteDb::Mode::ReadWrite, &error), error);
                REQUIRE_MESSAGE(db.exec("UPDATE meta SET value='99' WHERE key='schema_version'", &error), error);
            }
            REQUIRE(kioskctl({"sign", k.on_stick("content-2.kpkg"), "--secret-key", k.dir.file("org.key")}).exit_code == 0);
            KioskRun run = k.run(open_panel(800) + "tap-id update.install\nwait 500\nshot @DIR@/refused.png\n",
                                 {"--size", "800x480", "--lang", lang_code(lang)});
            CHECK(run.state["update"]["phase"].string == "failed");
            CHECK(run.state["update"]["title"].string == fixture.translations.get(lang, "update.failed"));
            CHECK(run.state["update"]["explanation"].string.find(
                      fixture.translations.get(lang, "update.problem.unsupported_schema")) == 0);
            check_target_sizes(run.state);  // the OK button is on the screen
        }
    }
}

TEST_CASE("an install started after switching the panel to Chinese reports in Chinese") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    const ContentFixture fixture;
    KioskRun run = k.run(open_panel(1920) + "tap-id top.language.zh\ntap-id update.install\nwait 1000\n");
    CHECK(run.state["language"].string == "zh");
    CHECK(run.state["update"]["title"].string == fill_count(fixture.translations.get(Lang::Zh, "update.done"), 2));
}

TEST_CASE("with auto_install on, a valid newer package installs without the PIN, once per insertion") {
    Kiosk k;
    k.setting("auto_install", "on");
    k.pack(2, "content-2.kpkg");
    KioskRun run = k.run("wait 500\n");
    CHECK(run.state["content_version"].number == 2);
    CHECK(run.state["update"]["phase"].string == "done");
    CHECK_FALSE(visited(run, "pin"));
    CHECK_FALSE(visited(run, "admin"));
    CHECK(k.status()["version"].number == 2);
    // Rolled back by the organizer while the stick stays in: not installed again behind their back.
    KioskRun again = k.run(kEnterOrganizerPin + "tap-id update.rollback\nwait 5000\n");
    CHECK(again.state["content_version"].number == 1);
    CHECK(again.result.err.find("rolled back to") != std::string::npos);
}

TEST_CASE("a package with a bad signature or an unknown key is listed with the reason and cannot be installed") {
    Kiosk k;
    k.setting("auto_install", "on");  // even automatic installation refuses it
    const std::string before = k.active_bytes();
    SUBCASE("one flipped bit") {
        k.pack(2, "content-2.kpkg");
        std::string bytes = read_text(k.on_stick("content-2.kpkg"));
        bytes[bytes.size() / 2] ^= 1;
        write_text(k.on_stick("content-2.kpkg"), bytes);
        KioskRun run = k.run(kEnterOrganizerPin + "shot @DIR@/bad.png\n");
        CHECK(run.state["usb"]["packages"].number == 1);
        CHECK(run.state["usb"]["chosen_version"].is_null());
        CHECK(run.state["usb"]["problem"].string == "no valid package newer than the installed content was found");
        CHECK(run.result.err.find("content-2.kpkg") != std::string::npos);  // logged with the reason
        CHECK_FALSE(has_target(run, "Установить версию 2"));
        CHECK(run.state["content_version"].number == 1);
        CHECK(run.state["update"]["phase"].string == "idle");
    }
    SUBCASE("an unknown key") {
        k.pack(2, "content-2.kpkg", "stranger.key");
        KioskRun run = k.run(kEnterOrganizerPin);
        CHECK(run.state["usb"]["chosen_version"].is_null());
        CHECK(run.result.err.find("which this kiosk does not trust") != std::string::npos);
        CHECK_FALSE(has_target(run, "Установить версию 2"));
        CHECK(run.state["content_version"].number == 1);
    }
    CHECK(k.active_bytes() == before);
    CHECK_FALSE(kiosk::core::fs::exists(k.dir.file("data/content/active.db")));
}

TEST_CASE(
    "a package refused only by the full check at install shows the reason and leaves the content byte-identical") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    k.pack(3, "content-3.kpkg");
    REQUIRE(kioskctl({"install", k.on_stick("content-2.kpkg"), "--data-dir", k.dir.file("data"), "--factory",
                      k.dir.file("factory.db")})
                .exit_code == 0);
    {
        // Signed after its schema version was changed: the signature is fine, the database is not.
        kiosk::core::SqliteDb db;
        std::string error;
        REQUIRE_MESSAGE(db.open(k.on_stick("content-3.kpkg"), kiosk::core::SqliteDb::Mode::ReadWrite, &error), error);
        REQUIRE_MESSAGE(db.exec("UPDATE meta SET value='99' WHERE key='schema_version'", &error), error);
    }
    REQUIRE(kioskctl({"sign", k.on_stick("content-3.kpkg"), "--secret-key", k.dir.file("org.key")}).exit_code == 0);
    const std::string before = k.active_bytes();
    KioskRun run = k.run(kEnterOrganizerPin + "tap-id update.install\nwait 500\nshot @DIR@/refused.png\n");
    CHECK(run.state["update"]["phase"].string == "failed");
    CHECK(run.state["update"]["problem"].string == "unsupported_schema");
    CHECK(run.state["update"]["result"].string.find("schema version 99") != std::string::npos);
    CHECK(run.state["update"]["showing"].boolean);
    CHECK(run.state["screen"].string == "admin");  // nothing changed, so the organizer stays where they were
    CHECK(run.state["content_version"].number == 2);
    CHECK(run.result.err.find("install refused:") != std::string::npos);
    CHECK(k.active_bytes() == before);
    CHECK(k.status()["version"].number == 2);
}

TEST_CASE("with two packages on the stick the highest valid version is installed, and macOS ._ files are ignored") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    k.pack(3, "content-3.kpkg");
    k.pack(4, "content-4.kpkg", "stranger.key");  // higher, but not trusted
    // AppleDouble companions macOS writes next to each file on a FAT stick.
    write_text(k.on_stick("._content-3.kpkg"), read_text(k.on_stick("content-3.kpkg")));
    write_text(k.on_stick("._content-3.kpkg.minisig"), read_text(k.on_stick("content-3.kpkg.minisig")));
    KioskRun run = k.run(kEnterOrganizerPin + "tap-id update.install\nwait 1000\n");
    CHECK(run.state["usb"]["packages"].number == 3);
    CHECK(run.state["content_version"].number == 3);
    CHECK(k.status()["version"].number == 3);
    CHECK(run.result.err.find("._content") == std::string::npos);
}

TEST_CASE("new content with other characters is drawn at once, without a restart or a font rebuild") {
    Kiosk k;
    k.setting("auto_install", "on");
    k.pack(2, "content-2.kpkg", "org.key", std::string(KIOSK_SOURCE_DIR) + "/db");  // the real documents: Chinese too
    KioskRun run = k.run("wait 500\ntap-id update.ok\ntap-id top.language.zh\nwait 100\n");
    CHECK(run.state["content_version"].number == 2);
    CHECK(run.state["language"].string == "zh");
    CHECK(run.state["missing_glyphs"].number == 0);
    CHECK(run.state["glyph_cache"]["glyphs"].number > 0);  // the Chinese screen came from the cache
}

TEST_CASE("watching for sticks draws no frames while nothing changes") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    KioskRun watching = k.run("wait 60000\n");
    Kiosk empty_stick;
    KioskRun plain = empty_stick.run("wait 60000\n");
    CHECK(watching.state["usb"]["packages"].number == 1);  // it did look
    CHECK(plain.state["usb"]["packages"].number == 0);
    CHECK(watching.state["frames_rendered"].number <= 2);
    CHECK(watching.state["frames_rendered"].number == plain.state["frames_rendered"].number);
}

TEST_CASE("an installed content database that cannot be opened at start falls back to the older content") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    k.pack(3, "content-3.kpkg");
    for (const char* name : {"content-2.kpkg", "content-3.kpkg"})
        REQUIRE(kioskctl({"install", k.on_stick(name), "--data-dir", k.dir.file("data"), "--factory", k.dir.file("factory.db")})
                    .exit_code == 0);
    const std::string active = k.dir.file("data/content/active.db");
    SUBCASE("0-byte active.db") { write_text(active, ""); }
    SUBCASE("an older schema") {
        kiosk::core::SqliteDb db;
        std::string error;
        REQUIRE(db.open(active, kiosk::core::SqliteDb::Mode::ReadWrite, &error));
        REQUIRE(db.exec("UPDATE meta SET value='0' WHERE key='schema_version'", &error));
    }
    KioskRun run = k.run(kEnterOrganizerPin);
    CHECK(run.state["content_version"].number == 2);
    CHECK(run.result.err.find("cannot be opened") != std::string::npos);
    CHECK(kiosk::core::fs::exists(k.dir.file("data/content/rejected.db")));
    CHECK(run.state["usb"]["recovery"].string.find("version 2") != std::string::npos);
}

TEST_CASE("newly installed content on which the kiosk keeps failing to start is rolled back and the panel says so") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    REQUIRE(kioskctl({"install", k.on_stick("content-2.kpkg"), "--data-dir", k.dir.file("data"), "--factory",
                      k.dir.file("factory.db")})
                .exit_code == 0);
    SUBCASE("confirmed after a minute on the kiosk clock") {
        KioskRun run = k.run("wait 61000\n");
        CHECK(run.state["content_version"].number == 2);
        CHECK(run.state["content_pending"].boolean == false);
        for (int i = 0; i < 4; ++i) k.run("wait 1000\n");  // short clean runs never count as failures
        CHECK(k.status()["version"].number == 2);
    }
    SUBCASE("three starts that never ran a minute (killed) roll it back") {
        for (int i = 0; i < 3; ++i) {
            // The interactive kiosk on SDL's dummy driver, killed after 3 s as a crash would end it.
            CommandResult killed =
                run_command({"/usr/bin/env", "SDL_VIDEODRIVER=dummy", "SDL_RENDER_DRIVER=software", "timeout", "-s",
                             "KILL", "3", KIOSK_BIN, "--windowed", "--size", "480x270", "--data-dir", k.dir.file("data"),
                             "--factory", k.dir.file("factory.db"), "--assets", std::string(KIOSK_SOURCE_DIR) + "/assets"});
            CHECK(killed.exit_code != 0);
        }
        KioskRun run = k.run(kEnterOrganizerPin + "shot @DIR@/recovered.png\n");
        CHECK(run.state["content_version"].number == 1);
        CHECK(run.result.err.find("rolled back") != std::string::npos);
        CHECK(run.state["usb"]["recovery"].string.find('2') != std::string::npos);
        CHECK(k.status()["version"].number == 1);
    }
}

TEST_CASE("a hostile stick is listed with one reason per file, names escaped, and the content stays byte-identical") {
    Kiosk k;
    k.pack(2, "content-2.kpkg");
    const std::string sig = k.on_stick("content-2.kpkg.minisig");
    const std::string script = "cd '" + k.stick_dir() +
                               "' && echo x > x.kpkg && mkfifo x.kpkg.minisig && "
                               "echo y > y.kpkg && ln -s /dev/zero y.kpkg.minisig && "
                               "truncate -s 8G huge.kpkg && cp '" +
                               sig +
                               "' huge.kpkg.minisig && "
                               "printf x > \"$(printf 'evil\\033[31m.kpkg')\"";
    REQUIRE(std::system(script.c_str()) == 0);
    const std::string before = k.active_bytes();
    KioskRun run = k.run(kEnterOrganizerPin + "shot @DIR@/hostile.png\n");
    CHECK(run.state["usb"]["packages"].number == 5);
    CHECK(run.state["usb"]["chosen_version"].number == 2);  // the valid package is still offered
    CHECK(run.result.err.find("x.kpkg.minisig is not a regular file") != std::string::npos);
    CHECK(run.result.err.find("y.kpkg.minisig is a symbolic link") != std::string::npos);
    CHECK(run.result.err.find("huge.kpkg is 8192 MiB, more than the 256 MiB allowed") != std::string::npos);
    CHECK(run.result.err.find("evil\\x1B[31m.kpkg") != std::string::npos);
    CHECK(run.result.err.find('\x1b') == std::string::npos);  // never a raw escape in the journal
    CHECK(k.active_bytes() == before);
    check_target_sizes(run.state);
}
