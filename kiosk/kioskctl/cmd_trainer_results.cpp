// kioskctl trainer-results --data-dir DIR [--csv]: the group-quiz sessions stored by
// trainer mode, for a person (one block per session) or for a spreadsheet (one CSV row
// per question option).
#include "core/calendar_date.h"
#include "core/file_io.h"
#include "core/state_store.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

char option_letter(size_t option) { return static_cast<char>('A' + option); }

// CSV fields here are ids, numbers and times; quote anyway if a lesson id ever holds a comma.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void print_csv(const std::vector<TrainerSession>& sessions) {
    std::printf("session,lesson,content_version,started_at,ended_at,question,option,participants,correct\n");
    for (const TrainerSession& session : sessions) {
        for (const TrainerQuestionResult& result : session.questions) {
            for (size_t option = 0; option < result.participants.size(); ++option) {
                std::printf("%lld,%s,%lld,%s,%s,%d,%c,%d,%d\n", static_cast<long long>(session.id),
                            csv_field(session.lesson_id).c_str(), static_cast<long long>(session.content_version),
                            format_utc_seconds(session.started_at).c_str(),
                            format_utc_seconds(session.ended_at).c_str(), result.question + 1, option_letter(option),
                            result.participants[option], static_cast<int>(option) == result.correct_option ? 1 : 0);
            }
        }
    }
}

void print_text(const std::vector<TrainerSession>& sessions) {
    for (const TrainerSession& session : sessions) {
        int answers = 0, correct = 0;
        for (const TrainerQuestionResult& result : session.questions) {
            for (int count : result.participants) answers += count;
            correct += result.participants[result.correct_option];
        }
        std::printf("session %lld\t%s\t%s\t%lld min\t%zu questions\t%d of %d answers correct\n",
                    static_cast<long long>(session.id), session.lesson_id.c_str(),
                    format_utc_seconds(session.started_at).c_str(),
                    static_cast<long long>((session.ended_at - session.started_at + 30) / 60), session.questions.size(),
                    correct, answers);
        for (const TrainerQuestionResult& result : session.questions) {
            std::printf("  Q%d:", result.question + 1);
            for (size_t option = 0; option < result.participants.size(); ++option)
                std::printf(" %c %d%s%s", option_letter(option), result.participants[option],
                            static_cast<int>(option) == result.correct_option ? " (correct)" : "",
                            option + 1 < result.participants.size() ? "," : "");
            std::printf("\n");
        }
    }
}

}  // namespace

int cmd_trainer_results(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir"}, {"csv"});
    if (!cl.ok()) return usage_error("trainer-results", cl.error());
    if (!cl.positional().empty() || cl.value("data-dir").empty())
        return usage_error("trainer-results", "expected --data-dir DIR");
    std::string data_dir = cl.value("data-dir");
    std::string error;
    std::vector<TrainerSession> sessions;
    // No state.db yet means no session was ever recorded: an empty result, not a failure.
    bool nothing_recorded = !fs::exists(fs::join(data_dir, kStateFileName));
    auto store = nothing_recorded ? nullptr : StateStore::open(data_dir, StateStore::OpenMode::ExistingOnly, &error);
    if (!store && !nothing_recorded) {
        std::fprintf(stderr, "kioskctl trainer-results: %s\n", error.c_str());
        return 1;
    }
    if (store && !store->list_trainer_sessions(&sessions, &error)) {
        std::fprintf(stderr, "kioskctl trainer-results: %s\n", error.c_str());
        return 1;
    }
    if (cl.has("csv")) print_csv(sessions);
    else print_text(sessions);
    if (sessions.empty()) std::fprintf(stderr, "kioskctl trainer-results: no trainer sessions recorded\n");
    return 0;
}

}  // namespace kiosk::ctl
