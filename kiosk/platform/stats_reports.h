// Writing usage-statistics reports while the kiosk runs: to the USB stick the organizer taps
// for in the dashboard, and to the fleet folder Syncthing shares. A ReportJob reads the
// events over its own read-only connection and writes the report folder (core/stats_export)
// in a thread, so the screen keeps drawing the progress bar.
#pragma once

#include "core/stats_export.h"

#include <atomic>
#include <string>
#include <thread>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

// How often the kiosk refreshes its report in the fleet folder (kiosk clock), besides at start and stop.
constexpr double kFleetReportIntervalS = 3600;

class ReportJob {
public:
    // Starts writing the events of [info.from_ms, info.to_ms) of `state_db` to `out_dir`.
    // `translations` must outlive the job.
    ReportJob(std::string state_db, ReportInfo info, const Translations& translations, std::string out_dir);
    ~ReportJob();  // waits for the thread: a report is never cut off by the kiosk itself
    ReportJob(const ReportJob&) = delete;
    ReportJob& operator=(const ReportJob&) = delete;

    float progress() const { return progress_.load(); }
    bool finished() const { return finished_.load(); }
    // Once finished: the outcome. Waits for the thread.
    const ExportResult& result();
    size_t events() const { return events_; }

private:
    void run(const std::string& state_db, const Translations& translations);

    ReportInfo info_;
    std::string out_dir_;
    std::atomic<float> progress_{0};
    std::atomic<bool> finished_{false};
    ExportResult result_;
    size_t events_ = 0;
    std::thread thread_;
};

// "172.8 KB", "3.4 MB"
std::string format_report_size(uint64_t bytes);

}  // namespace kiosk::platform
