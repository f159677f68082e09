// --dump-state: the UI state as one JSON object, written atomically at exit.
#include "core/file_io.h"
#include "core/json_writer.h"
#include "core/log.h"
#include "platform/kiosk_runner.h"
#include "ui/screens.h"

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

// `usb`: what the sticks hold; `update`: the last install or rollback (update_state.h).
void KioskRunner::write_update_state(JsonWriter& json) const {
    const ui::UsbView& usb = ui_->state().status.usb;
    json.key("usb").begin_object();
    json.key("packages").value(static_cast<int64_t>(usb.packages.size()));
    json.key("chosen_version");
    if (usb.chosen >= 0) json.value(usb.chosen_version);
    else json.null();
    json.key("problem");
    if (usb.problem.text.empty()) json.null();
    else json.value(usb.problem.text);
    json.key("recovery");  // the panel's line about the last automatic fallback, in English
    const std::string& recovery = usb.recovery[static_cast<int>(Lang::En)];
    if (recovery.empty()) json.null();
    else json.value(recovery);
    // Each package as the panel lists it: its status in the session's language, and whether the
    // last frame of the panel drew it (in view or further down its scrolling page).
    const Lang lang = ui_->state().language;
    json.key("rows").begin_array();
    for (const ui::UsbPackageRow& row : usb.packages) {
        json.begin_object();
        json.key("name").value(row.name);
        json.key("valid").value(row.valid);
        json.key("problem").value(package_problem_name(row.problem));
        json.key("status").value(translations_.get(lang, row.status_key));
        json.key("details").value(row.details[static_cast<int>(lang)]);
        json.key("listed").value(row.listed);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    const ui::UpdateView& update = ui_->state().status.update;
    json.key("update").begin_object();
    json.key("phase").value(ui::update_phase_name(update.phase));
    json.key("progress").value(static_cast<double>(update.progress));
    json.key("result").value(update.result_log);
    json.key("problem");
    if (update.problem.empty()) json.null();
    else json.value(update.problem);
    json.key("showing").value(ui::update_overlay_showing(ui_->state(), now_));
    // What the overlay says, in the session's language (empty while idle).
    json.key("title").value(update.title[static_cast<int>(lang)].text);
    json.key("explanation").value(update.explanation[static_cast<int>(lang)].text);
    json.end_object();
}

// `stats`: the dashboard (period, what it shows) and the last report to a stick; the events
// this run stored.
void KioskRunner::write_stats_state(JsonWriter& json) const {
    const ui::StatsView& stats = ui_->state().status.stats;
    json.key("stats").begin_object();
    json.key("kiosk_id").value(kiosk_id_);
    json.key("events_written").value(event_log_written_);
    json.key("period").value(ui::stats_period_name(stats.period));
    json.key("loaded").value(stats.loaded);
    json.key("visitors").value(stats.summary.visitors);
    json.key("searches").value(stats.summary.searches);
    json.key("documents_opened").value(stats.summary.documents_opened);
    json.key("report").value(ui::stats_report_name(stats.report));
    json.key("report_message");
    if (stats.report_key.empty()) json.null();
    else json.value(stats.report_key);
    json.key("report_path").value(stats.report_path);
    json.end_object();
}

// The attract loop's last frame: null on other screens.
void KioskRunner::write_attract_state(JsonWriter& json) const {
    const ui::UiState& state = ui_->state();
    json.key("attract");
    if (state.screen() != ui::Screen::Attract) {
        json.null();
        return;
    }
    const ui::AttractView& view = state.attract;
    json.begin_object();
    json.key("slide").value(static_cast<int64_t>(view.slide));
    json.key("document");
    if (view.document >= 0) json.value(content_->documents()[static_cast<size_t>(view.document)].info.id);
    else json.null();
    json.key("quote").value(view.quote);
    json.key("translation");
    if (view.quote && view.translation != Lang::Ru) json.value(lang_code(view.translation));
    else json.null();
    json.key("alpha").value(static_cast<double>(view.alpha));
    json.key("boxes").begin_array();
    for (const ui::AttractView::Box& box : view.boxes) {
        json.begin_object().key("what").value(box.what);
        json.key("x0").value(static_cast<double>(box.x0)).key("y0").value(static_cast<double>(box.y0));
        json.key("x1").value(static_cast<double>(box.x1)).key("y1").value(static_cast<double>(box.y1));
        json.key("font_px").value(static_cast<double>(box.font_px)).end_object();
    }
    json.end_array();
    json.end_object();
}

void KioskRunner::write_state_dump() {
    if (!options_.dump_state_path.empty() && ui_) write_state_dump(options_.dump_state_path);
}

namespace {

JsonWriter& rect_value(JsonWriter& json, float x0, float y0, float x1, float y1) {
    return json.begin_array()
        .value(static_cast<double>(x0))
        .value(static_cast<double>(y0))
        .value(static_cast<double>(x1))
        .value(static_cast<double>(y1))
        .end_array();
}

// `text_boxes` and `scroll_regions`: what the last frame drew, for the layout check
// (tests/screens/layout_rules.h). Rectangles are [x0, y0, x1, y1] in the UI's coordinates.
void write_layout(JsonWriter& json, const ui::LayoutProbe& probe) {
    json.key("layout_recorded").value(probe.enabled());
    json.key("text_boxes").begin_array();
    for (size_t i = 0; i < probe.text_count(); ++i) {
        const ui::TextBox& box = probe.text(i);
        json.begin_object();
        json.key("rect");
        rect_value(json, box.min.x, box.min.y, box.max.x, box.max.y);
        json.key("clip");
        rect_value(json, box.clip.x, box.clip.y, box.clip.z, box.clip.w);
        json.key("px").value(static_cast<double>(box.px));
        json.key("script").value(box.chinese ? "zh" : "latin");
        json.key("elided").value(box.elided);
        json.key("valid_utf8").value(box.valid_utf8);
        json.key("text").value(box.text);
        json.end_object();
    }
    json.end_array();
    json.key("scroll_regions").begin_array();
    for (const ui::ScrollRegion& region : probe.scroll_regions()) {
        json.begin_object();
        json.key("rect");
        rect_value(json, region.min.x, region.min.y, region.max.x, region.max.y);
        json.key("axis").value(region.horizontal ? "x" : "y");
        json.end_object();
    }
    json.end_array();
}

}  // namespace

bool KioskRunner::write_state_dump(const std::string& path) {
    const ui::UiState& state = ui_->state();
    JsonWriter json;
    json.begin_object();
    json.key("screen").value(ui::screen_name(state.screen()));
    // The screens Back returns to, the next one last (Home, the root, is never listed).
    json.key("back_stack").begin_array();
    for (size_t i = 0; i < state.nav.depth(); ++i) json.value(ui::screen_name(state.nav.beneath(i)));
    json.end_array();
    write_stats_state(json);
    json.key("language").value(lang_code(state.language));
    json.key("document");
    if (state.screen() == ui::Screen::Reader && state.reader.document) json.value(state.reader.document->info.id);
    else json.null();
    // The lesson being followed: in it, its quiz, a passage it linked to, or presented by a trainer.
    const Lesson* lesson = nullptr;
    if (state.screen() == ui::Screen::Lesson || state.screen() == ui::Screen::Quiz ||
        (state.screen() == ui::Screen::Reader && state.nav.previous() == ui::Screen::Lesson))
        lesson = state.lesson.lesson;
    if (state.screen() == ui::Screen::Trainer) lesson = state.trainer.lesson;
    json.key("lesson");
    if (lesson) json.value(lesson->id);
    else json.null();
    json.key("quiz_score");
    if (state.screen() == ui::Screen::Quiz && lesson) json.value(state.quiz.correct);
    else json.null();
    // The lesson pictures on screen, each with the card or slide panel it must stay inside.
    json.key("lesson_pictures").begin_array();
    if (state.screen() == ui::Screen::Lessons || state.screen() == ui::Screen::Lesson || state.screen() == ui::Screen::Trainer)
        for (const ui::PictureBox& p : state.lesson.pictures) {
            json.begin_object().key("owner").value(p.owner);
            json.key("x").value(static_cast<double>(p.x)).key("y").value(static_cast<double>(p.y));
            json.key("size").value(static_cast<double>(p.size));
            json.key("frame").begin_array().value(static_cast<double>(p.frame_x)).value(static_cast<double>(p.frame_y));
            json.value(static_cast<double>(p.frame_w)).value(static_cast<double>(p.frame_h)).end_array();
            json.end_object();
        }
    json.end_array();
    double scroll = state.screen() == ui::Screen::Reader ? state.reader.scroll.offset() : state.home_scroll.offset();
    json.key("scroll_y").value(scroll);
    // The reader's view: the text's language, side by side with the original or not, the blocks
    // (ids) whose original is shown under their translation, and the block at the top of the view.
    const bool reading = state.screen() == ui::Screen::Reader && state.reader.document;
    json.key("reader_language");
    if (reading) json.value(lang_code(state.reader.text_lang));
    else json.null();
    json.key("reader_note");
    if (reading) json.value(ui::reader_text_note_key(*state.reader.document, state.reader.text_lang));
    else json.null();
    json.key("reader_side_by_side").value(reading && state.reader.layout.side_by_side);
    json.key("reader_originals").begin_array();
    if (reading)
        for (size_t i = 0; i < state.reader.originals.size(); ++i)
            if (state.reader.originals[i]) json.value(state.reader.document->blocks[i].id);
    json.end_array();
    json.key("reader_block");
    const int top_block = reading ? state.reader.layout.top_block(state.reader.scroll.offset()) : -1;
    if (top_block >= 0) json.value(state.reader.document->blocks[top_block].id);
    else json.null();
    // Explore: the card over the reader ("term:ID" or "act:ID") and the topic being listed or highlighted.
    const ui::ReaderPopover& popover = state.reader.popover;
    json.key("reader_popover");
    if (reading && popover.term) json.value("term:" + popover.term->id);
    else if (reading && popover.act) json.value("act:" + popover.act->id);
    else json.null();
    // The reader's sheets (the document's details, its contents), whether its sidebar shows (large
    // screens), how many blocks its title block holds and whether the end mark is laid out.
    json.key("reader_panel_open").value(reading && state.reader.sheet == ui::ReaderSheet::Details);
    json.key("reader_toc_open").value(reading && state.reader.sheet == ui::ReaderSheet::Contents);
    json.key("reader_sidebar").value(reading && ui_->theme().layout.large());
    json.key("reader_title_block").value(static_cast<int64_t>(reading ? ui::title_block_size(*state.reader.document) : 0));
    json.key("reader_end_mark").value(reading && state.reader.layout.end_rule >= 0);
    const Topic* topic = state.screen() == ui::Screen::Topic ? state.explore.topic
                         : reading                           ? state.reader.topic
                                                             : nullptr;
    json.key("topic");
    if (topic) json.value(topic->id);
    else json.null();
    // The timeline entry whose details show (opened by a tap or by a link in a passage).
    const auto& timeline = content_->overview().timeline;
    const int entry = state.overview.timeline_selected;
    json.key("timeline_entry");
    if (state.screen() == ui::Screen::Timeline && entry >= 0 && entry < static_cast<int>(timeline.size()))
        json.value(timeline[static_cast<size_t>(entry)].id);
    else json.null();
    // Reading aloud: the id of the item being spoken (the reader's Block::id, the lesson's slide
    // number, the quiz's question number) or null; the visitor's speed; and why the button is
    // disabled for the text on screen (null when it can read, "disabled" when turned off).
    json.key("speaking");
    if (speech_ && speech_->speaking()) json.value(speech_->current_id());
    else json.null();
    json.key("speech_rate").value(speech_rate_name(state.speech_rate));
    const Lang speech_lang = reading ? state.reader.text_lang : state.language;
    const SpeechSupport support = !settings_.read_aloud ? SpeechSupport::Disabled
                                  : speech_engine_      ? speech_engine_->support(speech_lang)
                                                        : SpeechSupport::NoEngine;
    json.key("speech_unavailable");
    if (support == SpeechSupport::Ready) json.null();
    else json.value(speech_support_name(support));
    // Whether anything can still be heard: a synthesizer process alive, audio not yet played
    // (once the speech worker acted on the last tap: it does within milliseconds).
    if (speech_engine_) speech_engine_->settle(1.0);
    json.key("speech_audio").begin_object();
    json.key("synthesizer_running").value(speech_engine_ && speech_engine_->process_running());
    json.key("queued_ms").value(audio_ ? 1000.0 * static_cast<double>(audio_->queued()) / audio_->sample_rate() : 0.0);
    json.end_object();
    json.key("frames_rendered").value(frames_rendered_);
    json.key("text_size").value(state.text_size);
    json.key("high_contrast").value(state.high_contrast);
    json.key("overlay");
    if (ui_->countdown_showing(now_)) json.value("countdown");
    else if (state.accessibility_open) json.value("accessibility");
    else json.null();
    json.key("countdown");
    if (ui_->countdown_showing(now_)) json.value(ui_->idle_timer().countdown_display(now_));
    else json.null();
    json.key("pressed");
    if (ui_->pressed_label().empty()) json.null();
    else json.value(ui_->pressed_label());
    // The PIN pad's role (the organizer's when no pad was opened): wrong PINs in a row, the
    // wait before the next try, and why no PIN can open it ("state_db", "no_pin" or null).
    const PinRole role = state.pin.role;
    json.key("pin_role").value(pin_role_name(role));
    json.key("pin_failures").value(ui_->pin_attempts(role).failures());
    json.key("pin_wait_s").value(ui_->pin_attempts(role).wait_remaining(now_));
    json.key("pin_dots").value(static_cast<int64_t>(state.pin.dots_shown));  // drawn: the digits typed, never the PIN's length
    json.key("pin_locked");
    if (const char* reason = ui::pin_lock_reason(state, settings_, role)) json.value(reason);
    else json.null();
    json.key("state_db_error");
    if (state.status.state_error.empty()) json.null();
    else json.value(state.status.state_error);
    json.key("quit_requested").value(quit_ || state.requests.quit);
    json.key("content_version").value(content_->info().content_version);
    json.key("content_pending").value(on_trial_);
    write_update_state(json);
    json.key("clock_ms").value(now_ * 1000.0);
    json.key("rss_mb").value(current_rss_mb());
    json.key("peak_rss_mb").value(peak_rss_mb());
    json.key("rss_samples_mb").begin_array();
    for (double mb : rss_samples_) json.value(mb);
    json.end_array();
    json.key("cache_samples_mb").begin_array();
    for (double mb : cache_samples_) json.value(mb);
    json.end_array();
    json.key("search_query").value(state.search.query);
    json.key("search_results").value(static_cast<int64_t>(state.search.results.size()));
    // The search keyboard's input method: the layout, RIME's state, the pinyin composed so far
    // as shown, the letters typed, and the candidate bar's page (the visitor's order).
    const PinyinInput::View& ime = state.search.ime_view;
    json.key("ime").begin_object();
    json.key("layout").value(ui::keyboard_layout_name(state.search.layout));
    json.key("state").value(pinyin_ ? pinyin_state_name(pinyin_->state()) : "failed");
    json.key("composition").value(ime.composition);
    json.key("input").value(ime.input);
    json.key("candidates").begin_array();
    for (const std::string& candidate : ime.candidates) json.value(candidate);
    json.end_array();
    json.key("page").value(ime.page);
    json.end_object();
    // The reader's step-through of search matches: which one is current (1-based) and how many.
    const bool stepping = state.screen() == ui::Screen::Reader && !state.reader.search.matches.empty();
    json.key("search_match");
    if (stepping && state.reader.search.current >= 0) json.value(state.reader.search.current + 1);
    else json.null();
    json.key("search_matches").value(stepping ? static_cast<int64_t>(state.reader.search.matches.size()) : 0);
    // Where the current match is: in the "title" or "summary" leading the text, or in the "text";
    // and the screen y of its line (on the screen when 0 <= y < the screen's height).
    const ui::ReaderMatches& found = state.reader.search;
    const bool current = stepping && found.current >= 0 && found.current < static_cast<int>(found.matches.size()) &&
                         found.matches[found.current].line >= 0 &&
                         found.matches[found.current].line < static_cast<int>(state.reader.layout.lines.size());
    json.key("search_match_part");
    if (current) {
        const ReaderLeadPart part = found.matches[found.current].lead;
        json.value(part == ReaderLeadPart::Title ? "title" : part == ReaderLeadPart::Summary ? "summary" : "text");
    } else {
        json.null();
    }
    json.key("search_match_y");
    if (current)
        json.value(static_cast<double>(state.reader.text_origin +
                                       state.reader.layout.lines[found.matches[found.current].line].y -
                                       state.reader.scroll.offset()));
    else json.null();
    json.key("missing_glyphs").value(static_cast<int64_t>(text_->shaper().missing_count()));
    const text::GlyphCacheStats cache = text_->cache().stats();
    json.key("glyph_cache").begin_object();
    json.key("bytes").value(static_cast<int64_t>(cache.bytes));
    json.key("budget_bytes").value(static_cast<int64_t>(text_->cache().budget_bytes()));
    json.key("glyphs").value(static_cast<int64_t>(cache.glyphs));
    json.key("evictions").value(static_cast<int64_t>(cache.evictions));
    json.key("not_cached").value(static_cast<int64_t>(cache.not_cached));
    json.key("shaped_lines_bytes").value(static_cast<int64_t>(text_->shaper().cache_bytes()));
    json.end_object();
    json.key("rotation").value(static_cast<int>(settings_.rotation));
    json.key("screen_size").begin_array().value(display_.logical_width()).value(display_.logical_height()).end_array();
    json.key("screen_class").value(ui::screen_class_name(ui_->theme().layout.cls));
    json.key("text_scale").value(static_cast<double>(ui_->theme().layout.text_scale));
    // How home arranged itself in its last frame: the hero band [x, y, w, h] and the grids' columns.
    const ui::HomeLayout& home = state.home_layout;
    json.key("home").begin_object();
    json.key("hero").begin_array();
    for (float v : home.hero) json.value(static_cast<double>(v));
    json.end_array();
    json.key("card_columns").value(home.card_columns);
    json.key("tile_columns").value(home.tile_columns);
    json.end_object();
    json.key("screens_visited").begin_array();
    for (unsigned i = 0; i < 32; ++i)
        if (ui_->screens_visited() & (1u << i)) json.value(ui::screen_name(static_cast<ui::Screen>(i)));
    json.end_array();
    write_attract_state(json);
    json.key("touch_targets").begin_array();
    for (size_t i = 0; i < ui_->targets().size(); ++i) {
        const ui::TouchTarget& t = ui_->targets()[i];
        json.begin_object();
        json.key("id").value(t.id);
        json.key("label").value(t.label);
        json.key("x").value(static_cast<double>(t.min.x)).key("y").value(static_cast<double>(t.min.y));
        json.key("w").value(static_cast<double>(t.size.x)).key("h").value(static_cast<double>(t.size.y));
        json.key("visible").begin_array().value(static_cast<double>(t.min.x)).value(static_cast<double>(t.min.y));
        json.value(static_cast<double>(t.max.x - t.min.x)).value(static_cast<double>(t.max.y - t.min.y)).end_array();
        json.end_object();
    }
    json.end_array();
    write_layout(json, text_->probe());
    json.end_object();
    std::string error;
    if (fs::write_file_atomically(path, json.str() + "\n", &error)) return true;
    log_error("cannot write state dump: %s\n", error.c_str());
    return false;
}

}  // namespace kiosk::platform
