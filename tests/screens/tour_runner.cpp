#include "tour_runner.h"

#include "core/file_io.h"
#include "core/pin_lock.h"
#include "core/state_store.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

extern char** environ;

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

namespace {

// Runs `argv` with its standard error written to `err_path`; the exit status, or -1.
int run_logged(const std::vector<std::string>& args, const std::string& err_path) {
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

// The data dir of one tour: its settings and both PINs (hashed once for all tours).
bool prepare_data_dir(const Tour& tour, const std::string& dir, const std::string& organizer_hash,
                      const std::string& trainer_hash, std::string* error) {
    auto store = StateStore::open(dir, StateStore::OpenMode::CreateIfMissing, error);
    if (!store) return false;
    std::vector<std::pair<std::string, std::string>> settings = tour_settings(tour);
    settings.emplace_back("pin.organizer", organizer_hash);
    settings.emplace_back("pin.trainer", trainer_hash);
    for (const auto& [key, value] : settings)
        if (!store->set_setting(key, value, error)) return false;
    return true;
}

// The last lines of the kiosk's messages, for a report.
std::string tail(const std::string& text, size_t max_lines) {
    size_t pos = text.size();
    while (pos > 0 && text[pos - 1] == '\n') --pos;
    size_t lines = 0, start = pos;
    while (start > 0 && lines < max_lines) {
        --start;
        if (text[start] == '\n') ++lines;
    }
    if (start > 0) ++start;
    return text.substr(start, pos - start);
}

TourResult run_one(const TourJob& job, const TourPaths& paths, const std::string& organizer_hash,
                   const std::string& trainer_hash) {
    TourResult result;
    const std::string label = tour_label(job.tour);
    const std::string work = fs::join(paths.work, label);
    std::string error;
    if (!fs::make_dirs(job.out_dir, &error) || !fs::make_dirs(work, &error) ||
        !prepare_data_dir(job.tour, fs::join(work, "data"), organizer_hash, trainer_hash, &error)) {
        result.problems.push_back(label + ": " + error);
        return result;
    }
    const std::vector<TourScreen>& screens = tour_screens();
    const std::string extension = tour_output_extension(job.output);
    for (size_t first = 0; first < screens.size();) {
        for (size_t i = first; i < screens.size(); ++i)
            ::unlink(fs::join(job.out_dir, screens[i].name + extension).c_str());
        const std::string script = fs::join(work, "script.txt"), dump = fs::join(work, "state.json"),
                          err = fs::join(work, "stderr.txt");
        ::unlink(dump.c_str());
        if (!fs::write_file_atomically(script, tour_script(job.tour, job.out_dir, first, job.output), &error)) {
            result.problems.push_back(label + ": " + error);
            return result;
        }
        const std::string size = std::to_string(job.tour.width) + "x" + std::to_string(job.tour.height);
        const int status = run_logged(
            {paths.kiosk, "--headless", "--size", size, "--lang", lang_code(job.tour.lang), "--content", paths.content,
             "--assets", paths.assets, "--data-dir", fs::join(work, "data"), "--script", script, "--dump-state", dump},
            err);
        std::string text;
        if (fs::read_file(dump, &text)) {
            nlohmann::json state = nlohmann::json::parse(text, nullptr, false);
            if (!state.is_discarded() && state.contains("screens_visited"))
                for (const nlohmann::json& name : state["screens_visited"])
                    if (name.is_string()) result.visited.push_back(name.get<std::string>());
        }
        size_t missing = first;
        while (missing < screens.size() && fs::exists(fs::join(job.out_dir, screens[missing].name + extension)))
            ++missing;
        if (missing == screens.size() && status == 0) break;
        std::string messages;
        fs::read_file(err, &messages);
        result.problems.push_back(label + ": screen '" + (missing < screens.size() ? screens[missing].name : "?") +
                                  "' not reached (kiosk exit status " + std::to_string(status) + "): " + tail(messages, 3));
        if (missing >= screens.size()) break;
        first = next_fresh_screen(missing);  // the rest of the tour, in a new run
    }
    return result;
}

}  // namespace

std::string tour_label(const Tour& tour) {
    return std::string(lang_code(tour.lang)) + "-" + std::to_string(tour.width) + "x" + std::to_string(tour.height) +
           (tour.high_contrast ? "-contrast" : "") + (tour.largest_text ? "-largest" : "");
}

std::string golden_folder(const Tour& tour) {
    return std::string(lang_code(tour.lang)) + (tour.high_contrast ? "-contrast" : "");
}

std::vector<TourResult> run_tours(const std::vector<TourJob>& jobs, const TourPaths& paths, int parallel) {
    const std::string organizer_hash = hash_pin(kTourOrganizerPin), trainer_hash = hash_pin(kTourTrainerPin);
    std::vector<TourResult> results(jobs.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i; (i = next++) < jobs.size();) results[i] = run_one(jobs[i], paths, organizer_hash, trainer_hash);
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < std::max(1, parallel); ++i) threads.emplace_back(worker);
    for (std::thread& thread : threads) thread.join();
    return results;
}

}  // namespace kiosk::test
