// Everything the screens remember between frames. Screens are functions of
// (content model, UiState); there is no other hidden state.
#pragma once

#include "core/content_model.h"
#include "core/group_session.h"
#include "core/qr_code.h"
#include "core/kinetic_scroll.h"
#include "core/language.h"
#include "core/lesson_model.h"
#include "core/pin_lock.h"
#include "core/speech_engine.h"
#include "core/stats_summary.h"
#include "core/trainer_results.h"
#include "ui/explore_state.h"
#include "ui/navigation.h"
#include "ui/reader_layout.h"
#include "ui/search_state.h"
#include "ui/update_state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// What covers the reader's text on a tap: the document's details (facts and contents: the
// sidebar of large screens), or its contents alone.
enum class ReaderSheet { None, Details, Contents };

struct ReaderState {
    const Document* document = nullptr;
    KineticScroll scroll;
    KineticScroll sidebar_scroll;
    float sidebar_height = 0;  // measured while drawing, used as the sidebar's scroll extent
    ReaderSheet sheet = ReaderSheet::None;
    KineticScroll sheet_scroll;
    float sheet_height = 0;          // measured while drawing, the sheet's scroll extent
    double sheet_opened_at = -1;     // the tap that opened it must not also press what is under it
    float text_origin = 0;           // screen y of the column's top when not scrolled (the state dump)
    ReaderLayout layout;             // rebuilt when the document, text size or width changes
    ReaderMatches search;            // highlights of the search the document was opened from
    int pending_block = -1;          // Document::blocks index to scroll to the top once laid out (-1: none)
    int highlight_block = -1;        // Document::blocks index marked as the passage a lesson linked to
    Lang text_lang = Lang::Ru;       // the language of the text column (a translation or the original)
    Lang followed_lang = Lang::Ru;   // the visitor language text_lang last followed
    bool side_by_side = false;       // a translation beside the original, where two columns fit
    std::vector<char> originals;     // per block: its original shown below the translation (tapped)
    int originals_version = 0;       // counts changes of `originals`, for the layout
    const Topic* topic = nullptr;    // a topic whose words are highlighted (opened from the topic list)
    std::vector<ReaderLink> links;   // cross-references and glossary terms of `links_document`, by block
    std::vector<size_t> link_start;  // per block: its first entry in `links` (one more entry at the end)
    const Document* links_document = nullptr;
    ReaderPopover popover;  // a term's definition or an act's facts, over the text
    int spoken_block = -1;  // the block read aloud when last drawn, to keep it in view
};

// A visitor's lesson: which one, which slide, and the quiz that ends it.
// A slide's text when it is longer than its column: scrolled, back to the top on another slide.
struct SlideScroll {
    KineticScroll scroll;
    const Slide* slide = nullptr;  // the slide `scroll` belongs to
};

// A lesson picture drawn this frame (a square at x, y with edge `size`) and the card or panel it
// belongs in, for the state dump: tests check that pictures stay inside their cards.
struct PictureBox {
    const char* owner;  // the lesson's id on a card, "slide" on a slide
    float x, y, size;
    float frame_x, frame_y, frame_w, frame_h;
};

struct LessonState {
    const Lesson* lesson = nullptr;
    int slide = 0;
    KineticScroll list_scroll;  // the lessons list
    SlideScroll slide_scroll;
    std::vector<PictureBox> pictures;  // on the lessons, lesson and trainer screens; cleared each frame
};

struct QuizState {
    int question = 0;             // index into Lesson::questions
    int chosen = -1;              // the option picked for the current question; -1 while unanswered
    int correct = 0;              // correct answers so far
    bool finished = false;        // the score is showing
    KineticScroll scroll;         // the answers (and, on small and portrait screens, the explanation)
    bool feedback_shown = false;  // the answered question's explanation was scrolled into view
};

// The explore screens: About the SCO, the timeline and the member states (overview_widgets.h).
struct OverviewState {
    KineticScroll about_scroll;
    KineticScroll timeline_scroll;  // sideways
    KineticScroll timeline_detail_scroll;
    KineticScroll members_scroll;  // the chosen state's documents
    int timeline_selected = -1;    // OverviewContent::timeline index whose details show; -1: none
    bool timeline_focus = false;   // scroll the selected entry into the middle when next drawn
    int member_selected = -1;      // OverviewContent::members index; -1: none
    // QR codes by address, encoded the first time one is drawn.
    std::vector<std::pair<std::string, QrMatrix>> qr_codes;
};

// Trainer mode, behind the trainer PIN: the group session (core/group_session.h) and what
// the screen keeps beside it.
struct TrainerState : GroupSession {
    enum class Save { None, Pending, Saved, Failed };
    KineticScroll list_scroll;  // the lesson chooser
    SlideScroll slide_scroll;   // the slide being presented
    Save save = Save::None;
    std::string save_error;  // why storing the session failed, for the trainer
};

// Who the PIN pad is for, and what it has been given so far.
struct PinPadState {
    using Role = PinRole;
    Role role = Role::Organizer;
    std::string digits;
    bool wrong = false;  // the last PIN was wrong: say so
    int dots_shown = 0;  // dots the last frame drew: one per digit typed, none before (state dump)
};

// The organizer's statistics dashboard (stats_screen.cpp): the summary the platform computed
// for the chosen period, and the report to a USB stick.
struct StatsView {
    enum class Period { Today, Week, Month, All };
    enum class Report { Idle, Writing, Done, Failed };
    Period period = Period::Today;
    bool loaded = false;     // `summary` is for `period`
    std::string load_error;  // why the events cannot be read; empty when they can
    StatsSummary summary;
    std::string kiosk_id, kiosk_name;
    Report report = Report::Idle;
    float report_progress = 0;
    std::string report_key;     // translation key of the outcome: stats.report.done, .full, .read_only...
    std::string report_size;    // "172.8 KB" when done
    std::string report_path;    // where it was written (or left incomplete)
    std::string report_detail;  // the technical reason, as logged, when it failed
};
const char* stats_period_name(StatsView::Period period);  // "today", "week", "month", "all"
const char* stats_report_name(StatsView::Report report);  // "idle", "writing", "done", "failed"

// Facts the organizer panel shows about the running kiosk, filled in by the platform layer.
struct KioskStatus {
    double uptime_s = 0;
    int64_t frames_rendered = 0;
    double rss_mb = 0;
    double peak_rss_mb = 0;
    // Why the state database cannot be used, one sentence; empty when it can. While it is
    // set no PIN opens anything: the PINs and their back-off live there.
    std::string state_error;
    std::string data_dir;
    UsbView usb;        // packages on USB sticks (update_state.h)
    UpdateView update;  // the content install in progress or just finished
    StatsView stats;    // the dashboard; kept across session resets like the rest
};

// What the UI asks of the platform layer; cleared by the platform once handled.
struct UiRequests {
    bool quit = false;
    bool restart = false;
    // A finished group session for StateStore::record_trainer_session. The UI fills lesson,
    // content version and votes, and times in kiosk-clock seconds (started_at = 0,
    // ended_at = duration); the platform turns them into Unix times, stores the session and
    // reports back in TrainerState::save.
    bool record_trainer_session = false;
    TrainerSession trainer_session;
    bool store_pin_attempts = false;  // a PIN was tried: store both roles' back-off (PinAttempts)
    bool install_update = false;      // install the package UsbView::chosen points at
    bool rollback_content = false;    // bring back the previous content
    bool load_stats = false;          // compute StatsView::summary for StatsView::period
    bool write_stats_report = false;  // write the report to the inserted USB stick
};

// How home arranged itself in the last frame, for the state dump and the layout tests.
struct HomeLayout {
    float hero[4] = {0, 0, 0, 0};  // x, y, w, h of the band naming the exhibit; w 0 when not drawn
    int card_columns = 0;          // document cards per row
    int tile_columns = 0;          // ways in (topics, timeline, ...) per row
};

// What the attract loop drew in its last frame (state dump, layout tests).
struct AttractView {
    struct Box {
        // "title", "subtitle", "touch" (always); a card's "caption" and three "document_title";
        // a quotation's "quote", "source", and its "translation" and "note" when translated.
        std::string what;
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        float font_px = 0;
    };
    long slide = -1;              // slides since the loop began; -1 between two (the old one faded out)
    int document = -1;            // index into ContentStore::documents()
    bool quote = false;           // a quotation rather than the document's card
    Lang translation = Lang::Ru;  // the language the quotation is translated into (Ru: shown alone)
    float alpha = 0;
    std::vector<Box> boxes;
};

struct UiState {
    Navigation nav;  // the screen showing and the way back; screens change it, never assign a screen
    Screen screen() const { return nav.current(); }
    Lang language = Lang::Ru;
    int text_size = 1;  // 0..kTextSizeSteps-1: reader text, from the accessibility controls
    bool high_contrast = false;
    int speech_rate = kDefaultSpeechRate;  // 0..kSpeechRateSteps-1: reading aloud, from the accessibility panel
    bool accessibility_open = false;       // the "Aa" panel is showing
    ReaderState reader;
    KineticScroll home_scroll;
    HomeLayout home_layout;
    PinPadState pin;
    KineticScroll admin_scroll;  // the organizer panel's page
    KineticScroll stats_scroll;  // the statistics dashboard's page (small screens and portrait)
    SearchState search;
    LessonState lesson;
    QuizState quiz;
    TrainerState trainer;
    ExploreState explore;
    OverviewState overview;
    double attract_started = 0;  // clock time the attract loop began, for its slides
    AttractView attract;         // its last frame
    KioskStatus status;
    UiRequests requests;
};

}  // namespace kiosk::ui
