// Usage statistics as files: a report folder with one CSV per kind of event, a self-contained
// report.html (the dashboard's charts as SVG) and export.txt, which lists every file with its
// row count and BLAKE2b checksum. Used by the organizer panel (report to a USB stick, and to
// the fleet folder) and by `kioskctl stats export` / `stats merge` (docs/statistics.md).
//
// A report is written into FOLDER.incomplete and renamed to FOLDER only once every file is
// on disk (fsync): a pulled stick, a full disk or kill -9 leaves FOLDER.incomplete, never a
// half report under the final name. export.txt is the last file written, and merge refuses a
// folder without it.
#pragma once

#include "core/language.h"
#include "core/stats_summary.h"
#include "core/translations.h"
#include "core/usage_events.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kiosk::core {

constexpr const char* kExportManifest = "export.txt";
constexpr const char* kExportFormat = "sco-kiosk-stats 1";
constexpr const char* kIncompleteSuffix = ".incomplete";

struct ReportInfo {
    std::string kiosk_id;  // "merged" for a merged report
    std::string kiosk_name;
    std::map<std::string, std::string> kiosk_names;  // id -> name, every kiosk in the report
    int64_t from_ms = 0, to_ms = 0;                  // the period; from 0: since the first event
    Lang lang = Lang::En;                            // of report.html
    std::map<std::string, std::string> titles;       // document and lesson ids -> titles in `lang`, if known
};

struct ExportResult {
    bool ok = false;
    int sys_errno = 0;   // why writing failed (ENOSPC, EROFS, EIO...), 0 if not a system error
    std::string error;   // one sentence naming the file
    std::string path;    // the finished folder
    uint64_t bytes = 0;  // written
    int files = 0;
};

// Writes the report of `events` into `out_dir` (see above). An existing `out_dir` is replaced
// only if it is a report itself (has export.txt) or empty. `progress` gets 0..1 now and then.
ExportResult write_report(const std::vector<UsageEvent>& events, const ReportInfo& info, const Translations& translations,
                          const std::string& out_dir, const std::function<void(float)>& progress = {});

// Why writing a report to a stick failed, from the system error: ENOSPC/EDQUOT: full;
// EROFS/EACCES/EPERM: read-only; ENOENT/EIO/ENODEV/ENXIO/ESTALE/ENOTDIR: pulled out.
enum class ReportProblem { Full, ReadOnly, Pulled, Other };
ReportProblem classify_report_error(int sys_errno);

// The report.html text alone (write_report puts it in the folder).
std::string report_html(const StatsSummary& summary, const ReportInfo& info, const Translations& translations);

// Reads a report folder back: every listed file must be present, unchanged (checksum) and
// well-formed. False with `error` naming the file, line and field; `events` is then untouched.
bool read_report(const std::string& dir, std::vector<UsageEvent>* events, ReportInfo* info, std::string* error);

// Merges `reports` (already read), each event once per (kiosk id, event id).
std::vector<UsageEvent> merge_events(const std::vector<std::vector<UsageEvent>>& reports);

// RFC 4180 CSV: a field quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& text);

}  // namespace kiosk::core
