// The words and numbers of the content-update views (update_state.h), built from the facts the
// platform fills in: sizes, dates and version labels, and the translated titles, status lines
// and explanations in every language, so that a language switch shows them at once.
#include "core/calendar_date.h"
#include "ui/display_strings.h"
#include "ui/update_state.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

std::string replace_placeholder(std::string text, const std::string& name, const std::string& value) {
    const size_t at = text.find(name);
    if (at != std::string::npos) text.replace(at, name.size(), value);
    return text;
}

// The panel's line about the last automatic fallback, or empty.
std::string recovery_line(const RecoveryNotice& notice, const Translations& translations, Lang lang) {
    if (notice.kind == RecoveryNotice::Kind::None) return {};
    const bool failed = notice.kind == RecoveryNotice::Kind::FailedStarts;
    const char* key = failed                    ? "update.recovery.failed_starts"
                      : notice.from_version > 0 ? "update.recovery.unreadable"
                                                : "update.recovery.unreadable_unknown";
    std::string line = replace_placeholder(translations.get(lang, key), "{from}", std::to_string(notice.from_version));
    const char* now_shown = notice.to_factory ? "update.recovery.factory" : "update.recovery.version";
    return replace_placeholder(line, "{to}", fill_count(translations.get(lang, now_shown), notice.to_version));
}

}  // namespace

std::string format_package_size(uint64_t bytes, const Translations& translations, Lang lang) {
    char number[32];
    const bool megabytes = bytes >= (1u << 20);
    if (megabytes) std::snprintf(number, sizeof number, "%.1f", static_cast<double>(bytes) / 1048576.0);
    else std::snprintf(number, sizeof number, "%.0f", std::ceil(static_cast<double>(bytes) / 1024.0));
    std::string text = number;
    if (lang == Lang::Ru) std::replace(text.begin(), text.end(), '.', ',');  // the Russian decimal comma
    return replace_placeholder(translations.get(lang, megabytes ? "update.size_mb" : "update.size_kb"), "{n}", text);
}

std::string format_package_date(const std::string& built_at, int64_t unix_time) {
    // "2026-11-29T14:03:07Z" (the package's build time, else the file's) shown as "2026-11-29 14:03 UTC".
    const std::string iso = built_at.size() >= 16 ? built_at : format_utc_seconds(unix_time);
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

void build_usb_texts(UsbView& view, const Translations& translations) {
    for (UsbPackageRow& row : view.packages) {
        const std::string date = format_package_date(row.built_at, row.modified_at);
        for (Lang lang : kAllLangs) {
            const std::string version =
                row.content_version > 0 ? fill_count(translations.get(lang, "update.package_version"), row.content_version)
                                        : translations.get(lang, "update.version_unknown");
            row.details[static_cast<int>(lang)] =
                version + "  ·  " + date + "  ·  " + format_package_size(row.size_bytes, translations, lang);
        }
        row.status_key =
            row.valid ? "update.status.trusted" : std::string("update.problem.") + package_problem_name(row.problem);
    }
    view.problem_key.clear();
    if (!view.packages.empty() && view.chosen < 0)
        view.problem_key =
            view.problem_kind == ScanProblem::Ambiguous ? "update.problem.ambiguous" : "update.problem.none_valid";
    for (Lang lang : kAllLangs) {
        const int i = static_cast<int>(lang);
        view.install_label[i] = fill_count(translations.get(lang, "update.install"), view.chosen_version);
        view.rollback_label[i] = fill_count(translations.get(lang, "update.rollback"), view.rollback_version);
        view.recovery[i] = recovery_line(view.recovery_notice, translations, lang);
    }
}

void build_update_texts(UpdateView& update, const Translations& translations) {
    const bool ok = update.phase == UpdateView::Phase::Done;
    const bool finished = ok || update.phase == UpdateView::Phase::Failed;
    show_update_progress(update, update.progress);
    update.technical = WrappableText{finished && !ok ? update.result_log : std::string()};
    for (Lang lang : kAllLangs) {
        const int i = static_cast<int>(lang);
        const char* title_key = !finished         ? "update.installing"
                                : ok              ? (update.rollback ? "update.rolled_back" : "update.done")
                                : update.rollback ? "update.rollback_failed"
                                                  : "update.failed";
        update.title[i] = WrappableText{fill_count(translations.get(lang, title_key), update.version)};
        update.explanation[i] =
            WrappableText{finished && !ok ? translations.get(lang, "update.problem." + update.problem) +
                                                (lang == Lang::Zh ? "" : " ") + translations.get(lang, "update.unchanged")
                                          : std::string()};
    }
}

void show_update_progress(UpdateView& update, float fraction) {
    update.progress = fraction;
    update.percent = std::to_string(static_cast<int>(fraction * 100.0f)) + " %";
}

}  // namespace kiosk::ui
