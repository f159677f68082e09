// The dashboard's summary, the report to a stick and the fleet report: the KioskRunner side.
// See stats_reports.h.
#include "platform/stats_reports.h"

#include "core/event_log.h"
#include "core/file_io.h"
#include "core/log.h"
#include "core/utf8.h"
#include "platform/kiosk_runner.h"

#include <cstdio>
#include <ctime>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

ReportJob::ReportJob(std::string state_db, ReportInfo info, const Translations& translations, std::string out_dir)
    : info_(std::move(info)), out_dir_(std::move(out_dir)) {
    thread_ = std::thread(&ReportJob::run, this, std::move(state_db), std::cref(translations));
}

ReportJob::~ReportJob() {
    if (thread_.joinable()) thread_.join();
}

const ExportResult& ReportJob::result() {
    if (thread_.joinable()) thread_.join();
    return result_;
}

void ReportJob::run(const std::string& state_db, const Translations& translations) {
    SqliteDb db;
    std::vector<UsageEvent> events;
    std::string error;
    if (!db.open(state_db, SqliteDb::Mode::ReadOnly, &error) ||
        !load_events(db, info_.from_ms, info_.to_ms, &events, &error)) {
        result_.error = state_db + ": " + error;
    } else {
        events_ = events.size();
        result_ = write_report(events, info_, translations, out_dir_, [this](float p) { progress_.store(p); });
    }
    finished_.store(true);
}

std::string format_report_size(uint64_t bytes) {
    char buffer[32];
    if (bytes >= (1u << 20)) std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1048576.0);
    else std::snprintf(buffer, sizeof buffer, "%.1f KB", bytes / 1024.0);
    return buffer;
}

namespace {

// The period the dashboard shows, [from, to) in Unix ms: today, the last 7 or 30 days, or all.
void period_range(ui::StatsView::Period period, int64_t now_ms, int64_t* from, int64_t* to) {
    *to = local_day_start(now_ms, 1);
    switch (period) {
        case ui::StatsView::Period::Today: *from = local_day_start(now_ms); break;
        case ui::StatsView::Period::Week: *from = local_day_start(now_ms, -6); break;
        case ui::StatsView::Period::Month: *from = local_day_start(now_ms, -29); break;
        case ui::StatsView::Period::All: *from = 0; break;
    }
}

const char* problem_key(ReportProblem problem) {
    switch (problem) {
        case ReportProblem::Full: return "stats.report.full";
        case ReportProblem::ReadOnly: return "stats.report.read_only";
        case ReportProblem::Pulled: return "stats.report.pulled";
        case ReportProblem::Other: return "stats.report.failed";
    }
    return "stats.report.failed";
}

}  // namespace

ReportInfo KioskRunner::report_info(int64_t from_ms, int64_t to_ms) const {
    ReportInfo info;
    info.kiosk_id = kiosk_id_;
    info.kiosk_name = settings_.kiosk_name;
    info.kiosk_names[kiosk_id_] = settings_.kiosk_name;
    info.from_ms = from_ms;
    info.to_ms = to_ms;
    info.lang = ui_->state().language;
    for (const Document& doc : content_->documents()) info.titles[doc.info.id] = doc.info.title.get(info.lang);
    for (const Lesson& lesson : content_->lessons()) info.titles[lesson.id] = lesson.title.get(info.lang);
    return info;
}

// UiRequests::load_stats and write_stats_report, from the dashboard.
void KioskRunner::handle_stats_requests() {
    ui::UiState& state = ui_->state();
    ui::StatsView& stats = state.status.stats;
    if (state.requests.load_stats) {
        state.requests.load_stats = false;
        stats.kiosk_id = kiosk_id_;
        stats.kiosk_name = settings_.kiosk_name;
        stats.load_error.clear();
        int64_t from = 0, to = 0;
        period_range(stats.period, unix_now_ms(), &from, &to);
        std::vector<UsageEvent> events;
        std::string error = "the state database is not available";
        if (event_log_) event_log_->flush();  // what just happened is on the chart too
        if (state_store_ && state_store_->load_events(from, to, &events, &error)) {
            stats.summary = summarize_events(events, from, to);
            stats.loaded = true;
        } else {
            stats.load_error = error;
        }
        dirty_ = true;
    }
    if (state.requests.write_stats_report) {
        state.requests.write_stats_report = false;
        start_stick_report();
    }
}

void KioskRunner::start_stick_report() {
    ui::StatsView& stats = ui_->state().status.stats;
    if (stats_job_) return;
    if (!state_store_) {
        stats.report = ui::StatsView::Report::Failed;
        stats.report_key = "stats.report.failed";
        stats.report_detail = utf8::printable(state_error_.empty() ? "the state database is not available" : state_error_);
        dirty_ = true;
        return;
    }
    std::vector<std::string> sticks;
    for (const std::string& stick : UsbPackageScanner(settings_.usb_mounts).find_sticks())
        if (settings_.fleet_dir.empty() || stick != settings_.fleet_dir) sticks.push_back(stick);
    stats.report_path.clear();
    stats.report_detail.clear();
    if (sticks.empty()) {
        stats.report = ui::StatsView::Report::Failed;
        stats.report_key = "stats.report.no_stick";
        dirty_ = true;
        return;
    }
    int64_t from = 0, to = 0;
    const int64_t now = unix_now_ms();
    period_range(stats.period, now, &from, &to);
    if (event_log_) event_log_->flush();
    stick_report_dir_ = fs::join(sticks.front(), "sco-kiosk/reports/" + kiosk_id_ + "-" + local_date(now));
    stats_job_ = std::make_unique<ReportJob>(state_store_->path(), report_info(from, to), translations_, stick_report_dir_);
    stats.report = ui::StatsView::Report::Writing;
    stats.report_progress = 0;
    log_info("writing the statistics report to %s", utf8::printable(stick_report_dir_).c_str());
    dirty_ = true;
}

// Follows the report to the stick and shows how it ended; keeps the fleet report fresh.
void KioskRunner::service_stats_reports() {
    if (stats_job_) {
        ui::StatsView& stats = ui_->state().status.stats;
        if (!stats_job_->finished()) {
            if (stats.report_progress != stats_job_->progress()) {
                stats.report_progress = stats_job_->progress();
                if (ui_->state().screen() == ui::Screen::Stats) dirty_ = true;
            }
        } else {
            const ExportResult& result = stats_job_->result();
            stats.report = result.ok ? ui::StatsView::Report::Done : ui::StatsView::Report::Failed;
            stats.report_progress = 1;
            stats.report_size = format_report_size(result.bytes);
            stats.report_path = utf8::printable(result.ok ? result.path : stick_report_dir_ + kIncompleteSuffix);
            stats.report_key = result.ok ? "stats.report.done" : problem_key(classify_report_error(result.sys_errno));
            stats.report_detail = utf8::printable(result.error);
            if (result.ok)
                log_info("statistics report written: %s events, %s in %s", std::to_string(stats_job_->events()).c_str(),
                         stats.report_size.c_str(), stats.report_path.c_str());
            else log_error("statistics report failed: %s", stats.report_detail.c_str());
            record_event(EventKind::Usb, result.ok ? "report_written" : "report_failed",
                         result.ok ? stats.report_path : stats.report_detail);
            stats_job_.reset();
            dirty_ = true;
        }
    }
    service_fleet_report(false);
}

// The report in the fleet folder: all the events this kiosk keeps, refreshed at start, every
// kFleetReportIntervalS and at a clean stop (`final`, synchronously).
void KioskRunner::service_fleet_report(bool final) {
    if (settings_.fleet_dir.empty() || !state_store_ || kiosk_id_.empty()) return;
    if (fleet_job_ && (fleet_job_->finished() || final)) {
        const ExportResult& result = fleet_job_->result();
        if (!result.ok) log_error("fleet report failed: %s", utf8::printable(result.error).c_str());
        fleet_job_.reset();
    }
    if (fleet_job_ || (!final && now_ < next_fleet_report_)) return;
    next_fleet_report_ = now_ + kFleetReportIntervalS;
    // Syncthing must not copy a report while it is being written: it ignores *.incomplete.
    const std::string ignore = fs::join(settings_.fleet_dir, ".stignore");
    if (!fs::exists(ignore))
        fs::write_file_atomically(ignore, "// Written by the SCO kiosk: reports being written\n*.incomplete\n*.old\n");
    if (event_log_) event_log_->flush();
    const int64_t now = unix_now_ms();
    const std::string dir = fs::join(settings_.fleet_dir, "sco-kiosk/reports/" + kiosk_id_ + "-" + local_date(now));
    fleet_job_ = std::make_unique<ReportJob>(state_store_->path(), report_info(0, now + 1), translations_, dir);
    if (final) fleet_job_->result();
}

}  // namespace kiosk::platform
