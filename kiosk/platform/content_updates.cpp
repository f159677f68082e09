// Content updates while the kiosk runs: the USB watcher's findings for the organizer panel,
// installs (PIN or auto_install) and rollbacks, and switching to the new content without a
// restart. Every outcome is logged to stderr (journald) and handed to the screens as facts,
// which kiosk/ui words in every language (ui/update_texts.cpp).
#include "core/file_io.h"
#include "core/log.h"
#include "core/utf8.h"
#include "platform/kiosk_runner.h"

#include <cstdio>
#include <limits>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// How long a result stays on screen unless dismissed: a refusal has more to read.
constexpr double kSuccessShownS = 6.0;
constexpr double kFailureShownS = 15.0;

const char* install_failure_name(InstallFailure failure) {
    switch (failure) {
        case InstallFailure::None: return "none";
        case InstallFailure::Busy: return "busy";
        case InstallFailure::DataDir: return "data_dir";
        case InstallFailure::NoSpace: return "no_space";
        case InstallFailure::CopyFailed: return "copy_failed";
        case InstallFailure::Rejected: return "rejected";
        case InstallFailure::SwapFailed: return "swap_failed";
    }
    return "unknown";
}

// The name behind "update.problem.<name>": the verifier's verdict, else the install step that failed.
std::string problem_name(const UpdateResult& result) {
    if (result.rollback) return "rollback";
    if (result.outcome.failure == InstallFailure::Rejected) return package_problem_name(result.outcome.check.problem);
    if (result.outcome.ok()) return "open_failed";
    return install_failure_name(result.outcome.failure);
}

}  // namespace

void KioskRunner::start_usb_updates(const InstallerConfig& config) {
    // The fleet folder is watched like a stick: a package Syncthing brings is verified the same way.
    std::vector<std::string> globs = settings_.usb_mounts;
    if (!settings_.fleet_dir.empty()) globs.push_back(settings_.fleet_dir);
    usb_ = std::make_unique<UsbUpdates>(config, globs);
    service_updates();  // a stick already plugged in at start is listed at once
}

double KioskRunner::next_usb_poll() const {
    return usb_ && !usb_->installing() ? usb_->next_poll() : std::numeric_limits<double>::infinity();
}

void KioskRunner::refresh_usb_view() {
    ui::UsbView& view = ui_->state().status.usb;
    const StickScan& scan = usb_->scan();
    view = ui::UsbView{};
    view.auto_install = settings_.auto_install;
    for (size_t i = 0; i < scan.packages.size(); ++i) {
        const FoundPackage& found = scan.packages[i];
        ui::UsbPackageRow row;
        row.name = utf8::printable(fs::basename(found.path));  // a stranger chose it
        row.content_version = found.check.info.content_version;
        row.built_at = found.check.info.built_at;
        row.modified_at = found.modified_at;
        row.size_bytes = found.size_bytes;
        row.valid = found.check.ok();
        row.chosen = static_cast<int>(i) == scan.chosen;
        row.problem = found.check.problem;
        if (!row.valid) row.reason = ui::WrappableText{utf8::printable(found.check.reason)};
        view.packages.push_back(std::move(row));
    }
    view.chosen = scan.chosen;
    if (scan.chosen >= 0) view.chosen_version = scan.packages[scan.chosen].check.info.content_version;
    if (!scan.packages.empty() && scan.chosen < 0) {
        view.problem_kind = scan.problem_kind;
        view.problem = ui::WrappableText{utf8::printable(scan.problem)};
    }
    view.recovery_notice = usb_->recovery_notice();
    const ContentStatus status = usb_->status();
    view.can_rollback = status.has_previous;
    view.rollback_version = status.previous_version;
    ui::build_usb_texts(view, translations_);
}

void KioskRunner::service_updates() {
    if (!usb_) return;
    ui::UpdateView& update = ui_->state().status.update;
    UpdateResult result;
    if (usb_->take_result(&result)) {
        finish_update(std::move(result));  // then look at the sticks again at once: "newer" changed
    } else if (usb_->installing()) {
        const int percent = static_cast<int>(usb_->progress() * 100.0f);
        if (percent != last_percent_) {
            last_percent_ = percent;
            ui::show_update_progress(update, usb_->progress());
            dirty_ = true;  // the visitors watch the bar
        }
        return;
    }
    bool changed = usb_->poll(now_, content_->info().content_version);
    if (!changed && usb_->scanning() && (options_.headless || !options_.script_path.empty())) {
        // Scripted and headless runs see a scan's result at the poll time, as they wait for
        // install progress: runs stay deterministic. The interactive kiosk never waits.
        usb_->wait_for_scan(30.0);
        changed = usb_->poll(now_, content_->info().content_version);
    }
    if (!changed) return;
    const StickScan& scan = usb_->scan();
    for (const FoundPackage& found : scan.packages)
        log_message(found.check.ok() ? LogLevel::Info : LogLevel::Warning,
                    "usb: " + utf8::printable(found.path) + ": " +
                        utf8::printable(found.check.ok()
                                            ? "valid, content version " + std::to_string(found.check.info.content_version)
                                            : found.check.reason));
    if (!scan.problem.empty()) log_warning("usb: %s", utf8::printable(scan.problem).c_str());
    refresh_usb_view();
    if (ui_->state().screen() == ui::Screen::Admin) dirty_ = true;  // only the panel shows the list
    if (!usb_->take_new_offer() || scan.chosen < 0) return;
    // Packages in the fleet folder install by themselves: the organizer put them there for every kiosk.
    const std::string& chosen = scan.packages[scan.chosen].path;
    const bool from_fleet = !settings_.fleet_dir.empty() && chosen.rfind(fs::join(settings_.fleet_dir, ""), 0) == 0;
    if (from_fleet) start_install("from the fleet folder");
    else if (settings_.auto_install) start_install("auto_install is on");
}

void KioskRunner::handle_update_requests() {
    ui::UiRequests& requests = ui_->state().requests;
    if (requests.install_update) {
        requests.install_update = false;
        if (usb_) start_install("requested in the organizer panel");
    }
    if (requests.rollback_content) {
        requests.rollback_content = false;
        if (usb_ && !usb_->installing()) {
            log_info("rollback requested in the organizer panel");
            finish_update(usb_->rollback());
        }
    }
}

void KioskRunner::start_install(const char* why) {
    const StickScan& scan = usb_->scan();
    if (scan.chosen < 0 || !usb_->start_install(scan.packages[scan.chosen])) return;
    const FoundPackage& package = scan.packages[scan.chosen];
    log_info("installing %s (content version %lld; %s)", utf8::printable(package.path).c_str(),
             static_cast<long long>(package.check.info.content_version), why);
    ui::UpdateView& update = ui_->state().status.update;
    update = ui::UpdateView{};
    update.phase = ui::UpdateView::Phase::Installing;
    ui::build_update_texts(update, translations_);
    last_percent_ = 0;
    dirty_ = true;
}

// Shows and logs how an install or rollback ended, and switches to the new content.
void KioskRunner::finish_update(UpdateResult result) {
    const bool ok = result.outcome.ok() && result.content;
    const int64_t version = ok ? result.content->info().content_version : 0;
    if (ok) {
        // The switch resets the session; the one who installed reads the result in their language.
        const Lang language = ui_->state().language;
        switch_content(std::move(result.content));
        ui_->state().language = language;
        on_trial_ = !result.rollback;  // new content proves itself by running kTrialSeconds
        trial_started_at_ = now_;
    }

    ui::UpdateView& update = ui_->state().status.update;  // after the switch: the session was reset
    update = ui::UpdateView{};
    update.phase = ok ? ui::UpdateView::Phase::Done : ui::UpdateView::Phase::Failed;
    update.rollback = result.rollback;
    update.version = version;
    update.progress = 1.0f;
    update.shown_until = now_ + (ok ? kSuccessShownS : kFailureShownS);
    if (ok) {
        update.result_log = result.rollback ? result.outcome.reason
                                            : "installed content version " + std::to_string(version) + " from " +
                                                  utf8::printable(result.package);
    } else {
        update.problem = problem_name(result);
        update.result_log = utf8::printable(
            !result.outcome.ok() ? result.outcome.reason : "the installed content cannot be opened: " + result.open_error);
    }
    ui::build_update_texts(update, translations_);
    log_message(ok ? LogLevel::Info : LogLevel::Error,
                (ok ? "" : (result.rollback ? "rollback failed: " : "install refused: ")) + update.result_log);
    record_event(EventKind::Usb,
                 ok ? (result.rollback ? "rolled_back" : "installed") : (result.rollback ? "rollback_failed" : "refused"),
                 update.result_log, version);
    // The content changed but cannot be shown: a fresh start opens it (or recovers).
    if (result.outcome.ok() && !ok) ui_->state().requests.restart = true;
    usb_->rescan_next_poll();  // the installed version changed, and with it what is newer
    refresh_usb_view();
    last_percent_ = -1;
    dirty_ = true;
}

// Swaps `content` in: the UI lets go of the old content first, then the old content is freed.
// Nothing about fonts changes: glyphs of the new content are rasterized when first drawn.
void KioskRunner::switch_content(std::unique_ptr<ContentStore> content) {
    std::unique_ptr<ContentStore> old = std::move(content_);
    content_ = std::move(content);
    ui_->replace_content(*content_, now_);
    if (pinyin_) pinyin_->set_content(content_->path());  // candidates ranked by the new content
    old.reset();
}

}  // namespace kiosk::platform
