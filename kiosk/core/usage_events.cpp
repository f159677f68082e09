#include "core/usage_events.h"

#include <chrono>

namespace kiosk::core {

namespace {

struct KindInfo {
    EventKind kind;
    const char* name;
    EventColumns columns;
};

// The CSV columns are part of the export format (docs/statistics.md): append, never rename.
const KindInfo kKinds[kEventKindCount] = {
    {EventKind::Session, "session", {"ended", "languages", "duration_ms", nullptr}},
    {EventKind::Screen, "screen", {"screen", nullptr, "dwell_ms", nullptr}},
    {EventKind::Document, "document", {"document", "language", "percent_read", "dwell_ms"}},
    {EventKind::Search, "search", {"query", "language", "results", nullptr}},
    {EventKind::SearchOpen, "search_open", {"opened", "query", "rank", nullptr}},
    {EventKind::Lesson, "lesson", {"lesson", "step", nullptr, nullptr}},
    {EventKind::Quiz, "quiz", {"lesson", nullptr, "correct", "questions"}},
    {EventKind::Language, "language", {"language", "previous", nullptr, nullptr}},
    {EventKind::Display, "display", {"setting", "value", nullptr, nullptr}},
    {EventKind::Usb, "usb", {"what", "message", "content_version", nullptr}},
};

}  // namespace

const char* event_kind_name(EventKind kind) { return kKinds[static_cast<int>(kind)].name; }

bool parse_event_kind(const std::string& name, EventKind* out) {
    for (const KindInfo& info : kKinds)
        if (name == info.name) return *out = info.kind, true;
    return false;
}

const EventColumns& event_columns(EventKind kind) { return kKinds[static_cast<int>(kind)].columns; }

int64_t unix_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace kiosk::core
