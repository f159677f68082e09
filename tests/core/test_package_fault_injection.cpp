// Kills the installer at every filesystem step it takes (in random order, 100+ points in
// all: inside the copy, at each fsync, link and rename of the swap, and in rollback), then
// recovers, sometimes after killing the recovery too, and checks that the kiosk shows
// exactly the old content or exactly the new.
//
// The child process ends with _exit() at the chosen step, so the real installer code runs
// up to that point. What this cannot show: data lost from the page cache in a real power
// cut (the kernel keeps a killed process's writes). That part rests on fsync before every
// rename, which the step list below makes visible.
#include "core/content_installer.h"
#include "core/file_io.h"
#include "package_fixture.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::PackageFixture;

namespace {

constexpr int kCrashExit = 86;

// What a crash test does with a fresh installer: install a package, or roll back.
using Operation = std::function<bool(ContentInstaller&)>;

// Runs `operation` in a child that dies at step `crash_at` (1-based; 0 = never).
// Returns the child's exit status: kCrashExit if it died, 0 if the operation succeeded.
int run_in_child(const InstallerConfig& base, const Operation& operation, int crash_at) {
    std::fflush(nullptr);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        InstallerConfig config = base;
        int steps = 0;
        config.before_step = [&](const char*) {
            if (++steps == crash_at) ::_exit(kCrashExit);
        };
        ContentInstaller installer(config);
        ::_exit(operation(installer) ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Counts the steps `operation` takes when nothing goes wrong, in a child, so the data dir is untouched.
int count_steps(const std::string& data_dir, const InstallerConfig& base, const Operation& operation,
                std::vector<std::string>* names) {
    std::string log = data_dir + "/../steps.log";
    std::fflush(nullptr);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        InstallerConfig config = base;
        std::string seen;
        config.before_step = [&](const char* step) { seen += std::string(step) + "\n"; };
        ContentInstaller installer(config);
        bool ok = operation(installer);
        test::write_text(log, seen);
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::string text = test::read_text(log);
    for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        names->push_back(text.substr(start, end - start));
    return static_cast<int>(names->size());
}

void copy_tree(const std::string& from, const std::string& to) {
    REQUIRE(std::system(("rm -rf '" + to + "' && cp -a '" + from + "' '" + to + "'").c_str()) == 0);
}

// What "roll back" would bring back now: previous.db, else the factory content while something
// is installed, else nothing ("").
std::string rollback_target(const PackageFixture& f) {
    ContentInstaller installer(f.config());
    if (fs::exists(installer.previous_db())) return test::read_text(installer.previous_db());
    if (fs::exists(installer.active_db())) return test::read_text(f.factory_db);
    return {};
}

struct CrashScenario {
    const char* name;
    std::string old_bytes, new_bytes;
    Operation operation;
    std::string old_rollback, new_rollback;  // rollback_target() before and after the operation
};

// Kills `scenario.operation` at each of its steps and checks the outcome; returns the points tested.
int crash_at_every_step(PackageFixture& f, const CrashScenario& scenario, std::mt19937& random) {
    const std::string pristine = f.dir.file("pristine");
    copy_tree(f.data_dir, pristine);
    InstallerConfig config = f.config();
    config.copy_chunk_bytes = 256;  // many chunks: many points inside the copy
    std::vector<std::string> step_names;
    int total = count_steps(f.data_dir, config, scenario.operation, &step_names);

    std::vector<int> points(total);
    for (int i = 0; i < total; ++i) points[i] = i + 1;
    std::shuffle(points.begin(), points.end(), random);
    for (int point : points) {
        std::string scenario_name = scenario.name;
        CAPTURE(scenario_name);
        CAPTURE(point);
        CAPTURE(step_names[point - 1]);
        copy_tree(pristine, f.data_dir);
        int status = run_in_child(config, scenario.operation, point);
        REQUIRE(status == kCrashExit);

        // Recovery itself may be cut short (a second power cut during start-up); it must still converge.
        if (random() % 3 == 0) {
            Operation recover = [](ContentInstaller& installer) { return installer.recover(), true; };
            run_in_child(f.config(), recover, 1 + static_cast<int>(random() % 3));
        }
        ContentInstaller installer(f.config());
        installer.recover();
        std::string shown = f.active_bytes();
        bool is_old = shown == scenario.old_bytes, is_new = shown == scenario.new_bytes;
        CHECK_MESSAGE((is_old || is_new), "neither old nor new content after a crash");
        // An interrupted operation never changes what "roll back" brings back.
        if (is_old) CHECK_MESSAGE(rollback_target(f) == scenario.old_rollback, "the rollback slot changed");
        if (is_new)
            CHECK_MESSAGE(rollback_target(f) == scenario.new_rollback, "the rollback slot is not the old content");
        CHECK(fs::list_files(installer.staging_dir(), "").empty());
        CHECK_FALSE(fs::exists(installer.previous_db() + ".tmp"));
    }
    copy_tree(pristine, f.data_dir);
    // The last step of every operation is after the point of no return only if it committed.
    REQUIRE(run_in_child(config, scenario.operation, 0) == 0);
    CHECK(f.active_bytes() == scenario.new_bytes);
    CHECK(rollback_target(f) == scenario.new_rollback);
    copy_tree(pristine, f.data_dir);
    return total;
}

}  // namespace

TEST_CASE("an installer killed at any filesystem step leaves exactly the old or exactly the new content") {
    PackageFixture f;
    std::mt19937 random(20240501);  // fixed: a failure names its point and reproduces
    int points = 0;

    const std::string factory = f.active_bytes();
    std::string v2 = f.make_package(2, "v2.kpkg");
    CrashScenario first_install{"first install over the factory content",
                                factory,
                                test::read_text(v2),
                                [&](ContentInstaller& i) { return i.install(v2, v2 + ".minisig").ok(); },
                                "",
                                factory};
    points += crash_at_every_step(f, first_install, random);

    f.install_version(2);
    std::string v3 = f.make_package(3, "v3.kpkg");
    CrashScenario upgrade{"install over installed content",
                          test::read_text(v2),
                          test::read_text(v3),
                          [&](ContentInstaller& i) { return i.install(v3, v3 + ".minisig").ok(); },
                          factory,
                          test::read_text(v2)};
    points += crash_at_every_step(f, upgrade, random);

    f.install_version(3);
    CrashScenario rollback{"rollback to the previous content",
                           test::read_text(v3),
                           test::read_text(v2),
                           [](ContentInstaller& i) {
                               std::string message;
                               return i.rollback(&message);
                           },
                           test::read_text(v2),
                           factory};
    points += crash_at_every_step(f, rollback, random);

    MESSAGE("crash points tested: " << points);
    CHECK(points >= 100);
}
