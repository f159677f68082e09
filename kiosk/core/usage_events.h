// What visitors did, as anonymous events: the model shared by the event log (state.db),
// the CSV export, `kioskctl stats merge`, the dashboard and report.html.
//
// Privacy: an event never holds touch coordinates or anything that identifies a person.
// A visitor session is a number that counts sessions on this kiosk; search queries are kept
// as typed unless the stats_log_queries setting is off (docs/statistics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

enum class EventKind {
    Session,     // subject: how it ended (idle_reset | active | staff); detail: languages used ("ru,en");
                 // value: duration in ms. Recorded when the session ends, `at` = its start.
    Screen,      // subject: screen name; value: dwell time in ms
    Document,    // subject: document id; detail: text language; value: percent read (0-100); value2: dwell ms
    Search,      // subject: the query as typed ("" when query logging is off); detail: visitor language;
                 // value: results found
    SearchOpen,  // subject: document or lesson id opened from the results; detail: the query (or "");
                 // value: 1-based rank of the result
    Lesson,      // subject: lesson id; detail: started | finished
    Quiz,        // subject: lesson id; value: correct answers; value2: questions
    Language,    // subject: the language switched to; detail: the one before
    Display,     // subject: text_size | contrast; detail: the new value
    Usb,         // subject: installed | refused | rolled_back | rollback_failed | report_written |
                 // report_failed; detail: the message; value: content version (installs)
};
constexpr int kEventKindCount = 10;

// The kind's name in the database and in export file names: "session", "screen", ...
const char* event_kind_name(EventKind kind);
bool parse_event_kind(const std::string& name, EventKind* out);

// The CSV columns of a kind after the common ones (kiosk_id, event_id, time_utc, session):
// the names of subject, detail, value and value2, or null where the kind does not use them.
struct EventColumns {
    const char* subject;
    const char* detail;
    const char* value;
    const char* value2;
};
const EventColumns& event_columns(EventKind kind);

struct UsageEvent {
    int64_t id = 0;       // assigned by the event log when stored; unique per kiosk, never reused
    int64_t at_ms = 0;    // Unix time, milliseconds
    int64_t session = 0;  // the visitor session it belongs to (0: none, e.g. a USB install)
    EventKind kind = EventKind::Screen;
    std::string subject;
    std::string detail;
    int64_t value = 0;
    int64_t value2 = 0;
    std::string kiosk_id;  // filled when read back from an export (merge); empty in the log
};

// Where the UI and the platform send events. record() must be cheap and never block on disk:
// the kiosk's implementation (EventLog) only queues the event for its writer thread.
class UsageSink {
public:
    virtual ~UsageSink() = default;
    virtual void record(UsageEvent event) = 0;
    // A new visitor session number (1, 2, ... across restarts).
    virtual int64_t next_session() = 0;
    // False when the stats_log_queries setting is off: searches are then stored without the query.
    virtual bool log_queries() const = 0;
};

// Milliseconds since 1970 now, from the wall clock.
int64_t unix_now_ms();

}  // namespace kiosk::core
