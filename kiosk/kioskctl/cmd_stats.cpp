// kioskctl stats export --data-dir DIR --out DIR [--from DATE --to DATE] [--lang ru|zh|en]
// kioskctl stats merge EXPORT_DIR... --out DIR [--lang ru|zh|en]
// The usage statistics as a report folder (CSV per kind of event, report.html, export.txt),
// the same as the organizer panel writes to a stick; and several kiosks' reports as one.
#include "core/content_store.h"
#include "core/event_log.h"
#include "core/file_io.h"
#include "core/settings_loader.h"
#include "core/stats_export.h"
#include "kioskctl/command_line.h"

#include <cstdio>
#include <limits>

#ifndef KIOSK_SYSTEM_ASSETS_DIR
#define KIOSK_SYSTEM_ASSETS_DIR "/usr/share/sco-kiosk/assets"
#endif
#ifndef KIOSK_DEV_ASSETS_DIR
#define KIOSK_DEV_ASSETS_DIR ""
#endif

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// report.html's words come from the kiosk's own translations.
bool load_translations(const CommandLine& cl, Translations* out, std::string* error) {
    std::string dir = cl.value("assets");
    if (dir.empty()) dir = fs::exists(KIOSK_SYSTEM_ASSETS_DIR) ? KIOSK_SYSTEM_ASSETS_DIR : KIOSK_DEV_ASSETS_DIR;
    Diagnostics diagnostics;
    if (out->load(fs::join(dir, "i18n"), &diagnostics)) return true;
    *error = "translations: " + (diagnostics.empty() ? dir : diagnostics.front().str());
    return false;
}

bool report_language(const CommandLine& cl, Lang fallback, Lang* out, std::string* error) {
    if (!cl.has("lang")) return *out = fallback, true;
    auto lang = parse_lang(cl.value("lang"));
    if (!lang) return *error = "--lang: '" + cl.value("lang") + "' is not ru, zh or en", false;
    return *out = *lang, true;
}

// With --content DB, the report names documents and lessons by their titles, not their ids.
bool load_titles(const CommandLine& cl, ReportInfo* info, std::string* error) {
    if (!cl.has("content")) return true;
    auto content = ContentStore::open(cl.value("content"), error);
    if (!content) return false;
    for (const Document& doc : content->documents()) info->titles[doc.info.id] = doc.info.title.get(info->lang);
    for (const Lesson& lesson : content->lessons()) info->titles[lesson.id] = lesson.title.get(info->lang);
    return true;
}

void print_result(const char* what, const ExportResult& result, size_t events) {
    std::printf("%s: %zu events, %d files, %.1f KB in %s\n", what, events, result.files, result.bytes / 1024.0,
                result.path.c_str());
}

int stats_export(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir", "out", "from", "to", "lang", "assets", "content"}, {});
    if (!cl.ok()) return usage_error("stats export", cl.error());
    if (!cl.positional().empty() || cl.value("data-dir").empty() || cl.value("out").empty())
        return usage_error("stats export", "expected --data-dir DIR --out DIR [--from DATE --to DATE]");
    ReportInfo info;
    std::string error;
    info.to_ms = local_day_start(unix_now_ms(), 1);
    for (const char* flag : {"from", "to"}) {
        if (!cl.has(flag)) continue;
        int64_t ms = 0;
        if (!parse_local_date(cl.value(flag), &ms))
            return usage_error("stats export",
                               std::string("--") + flag + ": '" + cl.value(flag) + "' is not a date like 2026-05-01");
        // --to names the last day included.
        (std::string(flag) == "from" ? info.from_ms : info.to_ms) =
            std::string(flag) == "from" ? ms : local_day_start(ms, 1);
    }
    if (info.to_ms <= info.from_ms) return usage_error("stats export", "--to is before --from");
    OpenedSettings opened = open_settings(cl.value("data-dir"), StateStore::OpenMode::ExistingOnly);
    if (!opened.ok()) {
        std::fprintf(stderr, "kioskctl stats export: %s\n", opened.error.c_str());
        return 1;
    }
    for (const std::string& warning : opened.warnings)
        std::fprintf(stderr, "kioskctl stats export: warning: %s\n", warning.c_str());
    const KioskSettings& settings = opened.settings;
    StateStore* store = opened.store.get();
    std::vector<UsageEvent> events;
    Translations translations;
    if (!ensure_kiosk_id(*store, &info.kiosk_id, &error) ||
        !report_language(cl, settings.default_language, &info.lang, &error) ||
        !store->load_events(info.from_ms, info.to_ms, &events, &error) ||
        !load_translations(cl, &translations, &error) || !load_titles(cl, &info, &error)) {
        std::fprintf(stderr, "kioskctl stats export: %s\n", error.c_str());
        return 1;
    }
    info.kiosk_name = settings.kiosk_name;
    info.kiosk_names[info.kiosk_id] = info.kiosk_name;
    ExportResult result = write_report(events, info, translations, cl.value("out"));
    if (!result.ok) {
        std::fprintf(stderr, "kioskctl stats export: %s\n", result.error.c_str());
        return 1;
    }
    print_result("exported", result, events.size());
    return 0;
}

int stats_merge(const std::vector<std::string>& args) {
    CommandLine cl(args, {"out", "lang", "assets", "content"}, {});
    if (!cl.ok()) return usage_error("stats merge", cl.error());
    if (cl.positional().empty() || cl.value("out").empty())
        return usage_error("stats merge", "expected EXPORT_DIR... --out DIR");
    std::string error;
    Translations translations;
    ReportInfo merged;
    merged.kiosk_id = "merged";
    merged.from_ms = std::numeric_limits<int64_t>::max();
    if (!report_language(cl, Lang::En, &merged.lang, &error) || !load_translations(cl, &translations, &error) ||
        !load_titles(cl, &merged, &error)) {
        std::fprintf(stderr, "kioskctl stats merge: %s\n", error.c_str());
        return 1;
    }
    std::vector<std::vector<UsageEvent>> reports;
    size_t rejected = 0;
    for (const std::string& dir : cl.positional()) {
        std::vector<UsageEvent> events;
        ReportInfo info;
        if (!read_report(dir, &events, &info, &error)) {
            std::fprintf(stderr, "kioskctl stats merge: %s; nothing merged from %s\n", error.c_str(), dir.c_str());
            ++rejected;
            continue;
        }
        for (const auto& entry : info.kiosk_names) merged.kiosk_names[entry.first] = entry.second;
        merged.from_ms = std::min(merged.from_ms, info.from_ms);
        merged.to_ms = std::max(merged.to_ms, info.to_ms);
        reports.push_back(std::move(events));
    }
    if (reports.empty()) {
        std::fprintf(stderr, "kioskctl stats merge: no report could be read; nothing written\n");
        return 1;
    }
    std::vector<UsageEvent> events = merge_events(reports);
    ExportResult result = write_report(events, merged, translations, cl.value("out"));
    if (!result.ok) {
        std::fprintf(stderr, "kioskctl stats merge: %s\n", result.error.c_str());
        return 1;
    }
    std::printf("merged %zu of %zu reports from %zu kiosks\n", reports.size(), cl.positional().size(),
                merged.kiosk_names.size());
    print_result("written", result, events.size());
    if (rejected) std::fprintf(stderr, "kioskctl stats merge: %zu report(s) left out, named above\n", rejected);
    return rejected ? 1 : 0;
}

}  // namespace

int cmd_stats(const std::vector<std::string>& args) {
    if (!args.empty() && args[0] == "export") return stats_export({args.begin() + 1, args.end()});
    if (!args.empty() && args[0] == "merge") return stats_merge({args.begin() + 1, args.end()});
    return usage_error("stats", "expected 'stats export' or 'stats merge'");
}

}  // namespace kiosk::ctl
