// PinyinInput (pinyin_input.h): the worker thread, RIME's deployment into the data dir, and
// the commands. Every RIME call happens on the worker.
//
// [SECTION] deployment: the kiosk's schema settings and the stamp that skips it next time
// [SECTION] the engine: one RIME session and its ranked candidates
// [SECTION] the worker and the commands
#include "core/ime/pinyin_input.h"

#include "core/ime/content_vocabulary.h"
#include "core/file_io.h"
#include "core/log.h"

#include <dlfcn.h>
#include <rime_api.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>

namespace kiosk::core {

namespace {

constexpr const char* kSchema = "pinyin_simp";
constexpr int kBackSpace = 0xff08;  // X11 keysym, as RIME expects
// Bump when the settings below change: the next start deploys again.
constexpr const char* kSettingsVersion = "kiosk-pinyin 1";

std::atomic<bool> g_engine_in_use{false};  // RIME is one per process

// ---------------------------------------------------------------------------------------------
// [SECTION] deployment
// ---------------------------------------------------------------------------------------------

// Patches to Debian's files, written into the user data dir. Only pinyin_simp is deployed.
// The kiosk's engine takes letters and Backspace only: no punctuation, no ASCII switching, no
// stroke reverse lookup (which would compile a 2 MB dictionary for nothing). The user
// dictionary is off: what one visitor picked must never rank first for the next.
constexpr const char* kDefaultCustom =
    "# Written by the SCO kiosk (kiosk/core/pinyin_input.cpp); rewritten at every start.\n"
    "patch:\n"
    "  schema_list:\n"
    "    - schema: pinyin_simp\n";
constexpr const char* kSchemaCustom =
    "# Written by the SCO kiosk (kiosk/core/pinyin_input.cpp); rewritten at every start.\n"
    "patch:\n"
    "  schema/dependencies: []\n"
    "  engine/processors: [speller, express_editor]\n"
    "  engine/segmentors: [abc_segmentor, fallback_segmentor]\n"
    "  engine/translators: [script_translator]\n"
    "  translator/enable_user_dict: false\n";

// Size and modification time of a file, or "-" if it is missing.
std::string file_signature(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return "-";
    return std::to_string(st.st_size) + "@" + std::to_string(st.st_mtim.tv_sec);
}

// What a deployment depends on: the settings above, RIME's version and Debian's data files.
std::string deployment_stamp(const std::string& shared_dir, const char* rime_version) {
    std::string stamp = std::string(kSettingsVersion) + "\nlibrime " + (rime_version ? rime_version : "?") + "\n";
    for (const char* name : {"default.yaml", "key_bindings.yaml", "punctuation.yaml", "symbols.yaml", "pinyin_simp.schema.yaml",
                             "pinyin_simp.dict.yaml", "build/pinyin_simp.table.bin", "build/pinyin_simp.prism.bin"})
        stamp += std::string(name) + " " + file_signature(fs::join(shared_dir, name)) + "\n";
    return stamp;
}

bool write_if_changed(const std::string& path, const std::string& text, std::string* error) {
    std::string old;
    if (fs::read_file(path, &old) && old == text) return true;
    return fs::write_file_atomically(path, text, error);
}

RimeTraits make_traits(const PinyinInput::Options& options) {
    RimeTraits traits{};  // RIME_STRUCT, without its {0} that clang's -Wextra flags
    RIME_STRUCT_INIT(RimeTraits, traits);
    traits.shared_data_dir = options.shared_data_dir.c_str();
    traits.user_data_dir = options.user_data_dir.c_str();
    traits.distribution_name = "SCO kiosk";
    traits.distribution_code_name = "sco-kiosk";
    traits.distribution_version = "1";
    traits.app_name = "rime.sco-kiosk";
    traits.min_log_level = 2;  // errors only
    traits.log_dir = "";       // to stderr (the journal), never files in /tmp
    return traits;
}

}  // namespace

const char* pinyin_state_name(PinyinInput::State state) {
    switch (state) {
        case PinyinInput::State::Starting: return "starting";
        case PinyinInput::State::Ready: return "ready";
        case PinyinInput::State::Failed: return "failed";
    }
    return "failed";
}

// ---------------------------------------------------------------------------------------------
// [SECTION] the engine
// ---------------------------------------------------------------------------------------------

struct PinyinInput::Engine {
    RimeApi* api = nullptr;
    RimeSessionId session = 0;
    ContentVocabulary vocabulary;
    std::vector<std::string> ranked;  // candidates in the order shown
    std::vector<int> rime_index;      // each one's index in RIME's list
    int page = 0;
    int page_size = 5;
    std::string composition, input;

    bool composing() const { return !input.empty(); }
    int pages() const { return std::max(1, (static_cast<int>(ranked.size()) + page_size - 1) / page_size); }

    // Reads RIME's composition and candidates again, and ranks them.
    void refresh() {
        RimeContext context{};
        RIME_STRUCT_INIT(RimeContext, context);
        composition.clear();
        if (api->get_context(session, &context)) {
            if (context.composition.preedit) composition = context.composition.preedit;
            api->free_context(&context);
        }
        const char* typed = api->get_input(session);
        input = typed ? typed : "";
        std::vector<std::string> found;
        std::vector<int> index;
        RimeCandidateListIterator it = {};
        if (composing() && api->candidate_list_begin(session, &it)) {
            while (static_cast<int>(found.size()) < kMaxCandidates && api->candidate_list_next(&it)) {
                if (!it.candidate.text) continue;
                std::string text = it.candidate.text;
                if (std::find(found.begin(), found.end(), text) != found.end()) continue;  // same word twice
                found.push_back(std::move(text));
                index.push_back(it.index);
            }
            api->candidate_list_end(&it);
        }
        ranked.clear();
        rime_index.clear();
        for (size_t i : rank_by_vocabulary(found, vocabulary)) {
            ranked.push_back(std::move(found[i]));
            rime_index.push_back(index[i]);
        }
        page = std::min(page, pages() - 1);
    }

    // The text RIME committed, if any.
    std::string take_commit() {
        RimeCommit commit{};
        RIME_STRUCT_INIT(RimeCommit, commit);
        std::string text;
        if (api->get_commit(session, &commit)) {
            if (commit.text) text = commit.text;
            api->free_commit(&commit);
        }
        return text;
    }

    void clear() {
        api->clear_composition(session);
        page = 0;
        refresh();
    }
};

// ---------------------------------------------------------------------------------------------
// [SECTION] the worker and the commands
// ---------------------------------------------------------------------------------------------

PinyinInput::PinyinInput(Options options) : options_(std::move(options)), wanted_(options_.start_at_once) {
    worker_ = std::thread([this] { run(); });
}

void PinyinInput::start() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (wanted_) return;
        wanted_ = true;
    }
    changed_.notify_all();
}

bool PinyinInput::started() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return wanted_;
}

PinyinInput::~PinyinInput() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    worker_.join();
}

PinyinInput::State PinyinInput::state() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_;
}

std::string PinyinInput::error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

void PinyinInput::push(Command command) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        command.generation = generation_;
        queue_.push_back(std::move(command));
        wanted_ = true;
    }
    changed_.notify_all();
}

void PinyinInput::type(char letter) {
    if (letter >= 'a' && letter <= 'z') push({Command::Kind::Type, letter});
}
void PinyinInput::digit(char digit) {
    if (digit >= '0' && digit <= '9') push({Command::Kind::Digit, digit});
}
void PinyinInput::space() { push({Command::Kind::Space}); }
void PinyinInput::backspace() { push({Command::Kind::Backspace}); }
void PinyinInput::select(int index) { push({Command::Kind::Select, 0, index}); }
void PinyinInput::page(int delta) { push({Command::Kind::Page, 0, delta}); }
void PinyinInput::clear() { push({Command::Kind::Clear}); }
void PinyinInput::drop_composition() { push({Command::Kind::DropComposition}); }
void PinyinInput::set_content(const std::string& content_db) {
    {
        // Not started: RIME will read this content when it starts (the worker reads options_
        // only after it has seen wanted_ under the lock).
        std::lock_guard<std::mutex> lock(mutex_);
        if (!wanted_) {
            options_.content_db = content_db;
            return;
        }
    }
    push({Command::Kind::SetContent, 0, 0, content_db});
}

void PinyinInput::reset() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
        // Only the visitor's commands go; the content to rank by stays.
        queue_.erase(std::remove_if(queue_.begin(), queue_.end(),
                                    [](const Command& c) { return c.kind != Command::Kind::SetContent; }),
                     queue_.end());
        for (Command& c : queue_) c.generation = generation_;
        events_.clear();
        const uint64_t version = view_.version + 1;
        view_ = View{};
        view_.version = version;
        // RIME not asked to start yet: there is no composition to drop, and a new visitor must
        // not start it (the idle reset would otherwise load RIME on a kiosk nobody searched).
        if (wanted_) {
            queue_.emplace_back(Command::Kind::DropComposition);
            queue_.back().generation = generation_;
        }
    }
    changed_.notify_all();
}

bool PinyinInput::take_events(std::vector<Event>* out) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (events_.empty()) return false;
    for (Event& event : events_) out->push_back(std::move(event));
    events_.clear();
    return true;
}

bool PinyinInput::update_view(View* out) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (out->version == view_.version) return false;
    *out = view_;
    return true;
}

bool PinyinInput::busy() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_ || !queue_.empty() || !events_.empty();
}

bool PinyinInput::wait_idle(double seconds) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::duration<double>(seconds),
                             [this] { return state_ != State::Starting && !running_ && queue_.empty(); });
}

// Called on the worker with the command's generation in `current_`.
void PinyinInput::emit(Event::Kind kind, std::string text) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_generation_ != generation_) return;  // a new visitor: the old one's input is gone
    events_.push_back({kind, std::move(text)});
}

void PinyinInput::publish() {
    if (!engine_) return;
    const Engine& e = *engine_;
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_generation_ != generation_) return;
    View view;
    view.version = view_.version + 1;
    view.composition = e.composition;
    view.input = e.input;
    const size_t first = static_cast<size_t>(e.page) * static_cast<size_t>(e.page_size);
    for (size_t i = first; i < e.ranked.size() && i < first + static_cast<size_t>(e.page_size); ++i)
        view.candidates.push_back(e.ranked[i]);
    view.page = e.page;
    view.has_previous = e.page > 0;
    view.has_next = e.page + 1 < e.pages();
    view_ = std::move(view);
}

// librime is loaded when RIME first starts, not linked: the kiosk's start then maps none of it
// (RIME and the Boost, glog, LevelDB, OpenCC and yaml-cpp libraries it brings), and a kiosk that
// is never searched never loads it. Its whole interface is the table rime_get_api() returns.
// Loaded once per process and never unloaded (worker thread only; one PinyinInput at a time).
RimeApi* load_rime_api(std::string* error) {
    static RimeApi* api = nullptr;
    if (api) return api;
    void* library = dlopen(KIOSK_RIME_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = dlerror();
        *error = std::string("cannot load " KIOSK_RIME_LIBRARY ": ") + (why ? why : "unknown error");
        return nullptr;
    }
    using GetApi = RimeApi* (*)();
    auto get_api = reinterpret_cast<GetApi>(dlsym(library, "rime_get_api"));
    api = get_api ? get_api() : nullptr;
    if (!api) *error = KIOSK_RIME_LIBRARY " has no rime_get_api";
    return api;
}

bool PinyinInput::start_engine(std::string* error) {
    if (g_engine_in_use.exchange(true)) {
        *error = "another pinyin input is running in this process (RIME is one per process)";
        return false;
    }
    owns_rime_ = true;
    const std::string schema_file = fs::join(options_.shared_data_dir, std::string(kSchema) + ".schema.yaml");
    if (!fs::exists(schema_file)) {
        *error = schema_file + " not found: install rime-data-pinyin-simp";
        return false;
    }
    if (options_.user_data_dir.empty()) {
        *error = "no data dir for RIME";
        return false;
    }
    if (!fs::make_dirs(options_.user_data_dir, error)) return false;
    if (!write_if_changed(fs::join(options_.user_data_dir, "default.custom.yaml"), kDefaultCustom, error) ||
        !write_if_changed(fs::join(options_.user_data_dir, std::string(kSchema) + ".custom.yaml"), kSchemaCustom, error))
        return false;

    RimeApi* api = load_rime_api(error);
    if (!api) return false;
    RimeTraits traits = make_traits(options_);
    static bool set_up = false;  // logging and modules: once per process
    if (!set_up) {
        api->setup(&traits);
        set_up = true;
    }
    // Compiling the schema takes a second or two on a small board: only when RIME, Debian's
    // data or the kiosk's settings changed since the stamp was written.
    const std::string stamp_path = fs::join(options_.user_data_dir, "kiosk-deployed.txt");
    const std::string stamp = deployment_stamp(options_.shared_data_dir, api->get_version());
    std::string old_stamp;
    const std::string built_schema = fs::join(options_.user_data_dir, "build/" + std::string(kSchema) + ".schema.yaml");
    if (!fs::read_file(stamp_path, &old_stamp) || old_stamp != stamp || !fs::exists(built_schema)) {
        api->deployer_initialize(&traits);
        if (!api->deploy() || !fs::exists(built_schema)) {
            *error = "RIME could not compile " + schema_file + " into " + options_.user_data_dir + "/build";
            return false;
        }
        if (!fs::write_file_atomically(stamp_path, stamp, error)) return false;
    }
    api->initialize(&traits);
    rime_initialized_ = true;
    auto engine = std::make_unique<Engine>();
    engine->api = api;
    engine->page_size = std::max(1, options_.page_size);
    engine->session = api->create_session();
    char schema[64] = {};
    if (!engine->session || !api->get_current_schema(engine->session, schema, sizeof schema) ||
        std::string(schema) != kSchema) {
        *error = "RIME did not load the schema " + std::string(kSchema) + " from " + options_.user_data_dir + "/build";
        if (engine->session) api->destroy_session(engine->session);
        return false;
    }
    if (!options_.content_db.empty()) {
        std::string vocabulary_error;
        if (!engine->vocabulary.load(options_.content_db, &vocabulary_error))
            log_warning("pinyin candidates in RIME's order only: %s", vocabulary_error.c_str());
    }
    engine->refresh();
    engine_ = std::move(engine);
    return true;
}

void PinyinInput::run() {
    {
        // Nothing is started until it is wanted; a kiosk that stops first never starts RIME.
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return stopping_ || wanted_; });  // push() sets wanted_ too
        if (stopping_) return;
    }
    std::string error;
    const bool started = start_engine(&error);
    if (!started) log_warning("pinyin input unavailable: %s", error.c_str());
    {
        std::lock_guard<std::mutex> lock(mutex_);
        state_ = started ? State::Ready : State::Failed;
        error_ = error;
    }
    publish();
    changed_.notify_all();
    while (true) {
        Command command;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) break;
            command = std::move(queue_.front());
            queue_.pop_front();
            running_ = true;
            current_generation_ = command.generation;
        }
        execute(command);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            running_ = false;
        }
        changed_.notify_all();
    }
    if (engine_) engine_->api->destroy_session(engine_->session);
    engine_.reset();
    std::string unused;
    if (rime_initialized_) load_rime_api(&unused)->finalize();  // loaded: it was initialized
    if (owns_rime_) g_engine_in_use = false;
}

void PinyinInput::execute(const Command& command) {
    using Kind = Command::Kind;
    if (!engine_) {
        // No RIME: the keys type what they show, so the visitor can still search in Latin letters.
        switch (command.kind) {
            case Kind::Type:
            case Kind::Digit: emit(Event::Kind::Commit, std::string(1, command.key)); break;
            case Kind::Space: emit(Event::Kind::Commit, " "); break;
            case Kind::Backspace: emit(Event::Kind::EraseLast); break;
            case Kind::Clear: emit(Event::Kind::ClearQuery); break;
            default: break;
        }
        return;
    }
    Engine& e = *engine_;
    // Picks the candidate shown at `index` (from the first page), and commits what RIME commits.
    auto pick = [&](size_t index) {
        if (index >= e.ranked.size()) return;
        e.api->select_candidate(e.session, static_cast<size_t>(e.rime_index[index]));
        std::string committed = e.take_commit();
        if (!committed.empty()) emit(Event::Kind::Commit, std::move(committed));
        e.page = 0;
        e.refresh();
    };
    // Space: the first candidate; with none, the letters as typed.
    auto commit_first = [&] {
        if (!e.ranked.empty()) {
            pick(0);
            return;
        }
        emit(Event::Kind::Commit, e.input);
        e.clear();
    };
    switch (command.kind) {
        case Kind::Type:
            if (static_cast<int>(e.input.size()) >= kMaxInputLetters) return;
            e.api->process_key(e.session, command.key, 0);
            e.page = 0;
            e.refresh();
            break;
        case Kind::Digit:
            for (int guard = 0; e.composing() && guard < kMaxInputLetters; ++guard) commit_first();
            if (e.composing()) e.clear();
            emit(Event::Kind::Commit, std::string(1, command.key));
            break;
        case Kind::Space:
            if (e.composing()) commit_first();
            else emit(Event::Kind::Commit, " ");
            break;
        case Kind::Backspace:
            if (!e.composing()) {
                emit(Event::Kind::EraseLast);
                return;
            }
            e.api->process_key(e.session, kBackSpace, 0);
            e.page = 0;
            e.refresh();
            break;
        case Kind::Select:
            if (command.number >= 0 && command.number < e.page_size)
                pick(static_cast<size_t>(e.page) * static_cast<size_t>(e.page_size) + static_cast<size_t>(command.number));
            break;
        case Kind::Page: e.page = std::clamp(e.page + command.number, 0, e.pages() - 1); break;
        case Kind::Clear:
            e.clear();
            emit(Event::Kind::ClearQuery);
            break;
        case Kind::DropComposition: e.clear(); break;
        case Kind::SetContent: {
            std::string error;
            if (!e.vocabulary.load(command.text, &error))
                log_warning("pinyin candidates in RIME's order only: %s", error.c_str());
            e.refresh();
            break;
        }
    }
    publish();
}

}  // namespace kiosk::core
