// Pinyin input for the search keyboard: RIME (librime, Debian's `librime1`) with the
// simplified-Chinese schema `pinyin_simp` (Debian's `rime-data-pinyin-simp`), its candidates
// ranked by the content's vocabulary (content_vocabulary.h). See docs/search.md.
//
// RIME runs on a worker thread of its own: starting it (a first start compiles the schema into
// the data dir) and every keystroke happen there, so a slow keystroke (a long run of ambiguous
// letters) never holds up a frame. The UI thread only queues commands and picks up what they
// produced: a View of the composition and candidates, and Events that edit the query, in the
// order the commands were given.
//
// RIME is one per process: one PinyinInput at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::core {

class ContentVocabulary;

class PinyinInput {
public:
    struct Options {
        std::string shared_data_dir = "/usr/share/rime-data";  // Debian's RIME data
        std::string user_data_dir;                             // writable: the kiosk's data dir + "/rime" (never $HOME)
        std::string content_db;                                // the vocabulary for ranking; empty: RIME's order only
        int page_size = 5;                                     // candidates per page of the candidate bar
        // False: RIME starts only at start() or the first command, so a kiosk that is never
        // searched (or a start that ends at once) does not pay for it.
        bool start_at_once = true;
    };

    enum class State { Starting, Ready, Failed };

    // What the candidate bar shows.
    struct View {
        uint64_t version = 0;                 // grows with every change
        std::string composition;              // the pinyin as RIME shows it ("shu zi"; picked parts in characters)
        std::string input;                    // the letters typed ("shuzi")
        std::vector<std::string> candidates;  // the current page, best first
        int page = 0;
        bool has_previous = false, has_next = false;
    };

    // How the commands change the query, in order.
    struct Event {
        enum class Kind { Commit, EraseLast, ClearQuery };
        Kind kind = Kind::Commit;
        std::string text;  // Commit: characters, letters, a digit or " "
    };

    // The most letters one composition holds: long enough for any phrase (中华人民共和国 is
    // 23 letters), short enough that RIME's segmentation of ambiguous letters stays fast.
    static constexpr int kMaxInputLetters = 26;
    // Candidates fetched from RIME per change, before ranking; the bar pages through them.
    static constexpr int kMaxCandidates = 50;

    // Starts the worker: it compiles the schema into `user_data_dir` if that was not done for
    // this RIME and data version (a stamp file records it), starts RIME and opens a session.
    explicit PinyinInput(Options options);
    ~PinyinInput();
    PinyinInput(const PinyinInput&) = delete;
    PinyinInput& operator=(const PinyinInput&) = delete;

    // Starts RIME now if it has not started (the search screen asks when it is shown).
    void start();
    // True once start() or a command has asked RIME to start (or Options::start_at_once).
    bool started() const;
    State state() const;
    std::string error() const;  // why it Failed

    // Commands, queued for the worker; each returns at once. Before RIME is ready they wait in
    // the queue; if it failed, letters are committed as typed (the visitor still types Latin).
    void type(char letter);   // a–z; anything else is ignored
    void digit(char digit);   // commits the composition's first candidate, then the digit
    void space();             // commits the first candidate, or a space between words
    void backspace();         // the composition's last letter, or else the query's last character
    void select(int index);   // a candidate of the current page (View::candidates)
    void page(int delta);     // the previous (-1) or next (+1) page
    void clear();             // the composition and the query
    void drop_composition();  // the composition only (the visitor switched layouts)
    // A new visitor: forgets queued commands, undelivered events and the composition.
    void reset();
    // Ranks candidates by the Chinese text of this content database from now on.
    void set_content(const std::string& content_db);

    // Moves the events produced since the last call into `out` (appended). True if any.
    bool take_events(std::vector<Event>* out);
    // Copies the view into `out` if it changed since `out->version`. True if it did.
    bool update_view(View* out) const;
    // True while commands are queued or running (the UI keeps drawing frames meanwhile).
    bool busy() const;
    // Waits until nothing is queued or running, at most `seconds`. For scripted runs and tests.
    bool wait_idle(double seconds) const;

private:
    struct Command {
        enum class Kind { Type, Digit, Space, Backspace, Select, Page, Clear, DropComposition, SetContent };
        Command(Kind command = Kind::DropComposition, char typed = 0, int index = 0, std::string content = {})
            : kind(command), key(typed), number(index), text(std::move(content)) {}
        Kind kind;
        char key = 0;
        int number = 0;
        std::string text;
        uint64_t generation = 0;
    };
    struct Engine;  // RIME's session and the ranked candidates: the worker's alone

    void push(Command command);
    void run();
    bool start_engine(std::string* error);
    void execute(const Command& command);
    void emit(Event::Kind kind, std::string text = {});
    void publish();

    Options options_;
    std::unique_ptr<Engine> engine_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::deque<Command> queue_;
    std::vector<Event> events_;
    View view_;
    State state_ = State::Starting;
    std::string error_;
    uint64_t generation_ = 0;          // reset() counts up; older commands and events are dropped
    uint64_t current_generation_ = 0;  // of the command the worker runs
    bool running_ = false;             // the worker is executing a command
    bool stopping_ = false;
    bool wanted_ = false;            // RIME is to start (start(), a command, or start_at_once)
    bool owns_rime_ = false;         // worker only: this instance holds the process's RIME
    bool rime_initialized_ = false;  // worker only
    std::thread worker_;
};

const char* pinyin_state_name(PinyinInput::State state);  // "starting", "ready", "failed"

}  // namespace kiosk::core
