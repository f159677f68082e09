// The words of the content-update views (ui/update_texts.cpp), built from the facts the
// platform fills in, with the kiosk's own translations: every line the organizer reads about a
// stick or an install exists in Russian, Chinese and English.
#include "ui/update_state.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::ui;

namespace {

const Translations& translations() {
    static const Translations loaded = [] {
        Translations t;
        Diagnostics diagnostics;
        REQUIRE(t.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
        return t;
    }();
    return loaded;
}

const std::string& in(const std::array<std::string, kLangCount>& texts, Lang lang) {
    return texts[static_cast<int>(lang)];
}

const std::string& in(const std::array<WrappableText, kLangCount>& texts, Lang lang) {
    return texts[static_cast<int>(lang)].text;
}

UsbPackageRow row(int64_t version, uint64_t size, bool valid, PackageProblem problem = PackageProblem::None) {
    UsbPackageRow r;
    r.name = "content-" + std::to_string(version) + ".kpkg";
    r.content_version = version;
    r.built_at = "2025-05-01T14:00:31Z";
    r.size_bytes = size;
    r.valid = valid;
    r.problem = problem;
    return r;
}

}  // namespace

TEST_CASE("a package's details give version, date and size in the session's language") {
    UsbView view;
    view.packages = {row(7, 13002342, true), row(0, 1, false, PackageProblem::UntrustedKey)};
    view.packages[1].built_at.clear();
    view.packages[1].modified_at = 1700000000;  // 2023-11-14 22:13:20 UTC: the file's time, unsigned
    view.chosen = 0;
    view.chosen_version = 7;
    build_usb_texts(view, translations());
    const UsbPackageRow& valid = view.packages[0];
    CHECK(in(valid.details, Lang::En) == "version 7  ·  2025-05-01 14:00 UTC  ·  12.4 MB");
    CHECK(in(valid.details, Lang::Ru) == "версия 7  ·  2025-05-01 14:00 UTC  ·  12,4 МБ");
    CHECK(in(valid.details, Lang::Zh) == "版本 7  ·  2025-05-01 14:00 UTC  ·  12.4 MB");
    CHECK(valid.status_key == "update.status.trusted");
    const UsbPackageRow& refused = view.packages[1];
    CHECK(in(refused.details, Lang::En) == "version unknown  ·  2023-11-14 22:13 UTC  ·  1 KB");
    CHECK(in(refused.details, Lang::Ru) == "версия неизвестна  ·  2023-11-14 22:13 UTC  ·  1 КБ");
    CHECK(refused.status_key == "update.problem.untrusted_key");
    CHECK(view.problem_key.empty());  // a package is chosen
    CHECK(in(view.install_label, Lang::En) == "Install version 7");
    CHECK(in(view.install_label, Lang::Ru) == "Установить версию 7");
    CHECK(in(view.install_label, Lang::Zh) == "安装版本 7");
}

TEST_CASE("sizes are whole kilobytes below a megabyte, rounded up, and tenths of a megabyte above") {
    CHECK(format_package_size(0, translations(), Lang::En) == "0 KB");
    CHECK(format_package_size(1025, translations(), Lang::En) == "2 KB");
    CHECK(format_package_size(1048575, translations(), Lang::En) == "1024 KB");
    CHECK(format_package_size(1048576, translations(), Lang::Ru) == "1,0 МБ");
    CHECK(format_package_size(268435456, translations(), Lang::Zh) == "256.0 MB");
}

TEST_CASE("why nothing can be installed is worded by the scan's problem code") {
    UsbView view;
    view.packages = {row(3, 5000, true), row(3, 5000, true)};
    SUBCASE("two different packages of one version") {
        view.problem_kind = ScanProblem::Ambiguous;
        build_usb_texts(view, translations());
        CHECK(view.problem_key == "update.problem.ambiguous");
    }
    SUBCASE("none valid") {
        view.packages = {row(3, 5000, false, PackageProblem::NotNewer)};
        view.problem_kind = ScanProblem::NoneValid;
        build_usb_texts(view, translations());
        CHECK(view.problem_key == "update.problem.none_valid");
        CHECK(view.packages[0].status_key == "update.problem.not_newer");
    }
    for (Lang lang : kAllLangs) CHECK(translations().has(lang, view.problem_key));
}

TEST_CASE("the last automatic fallback is told in every language") {
    UsbView view;
    view.recovery_notice.kind = RecoveryNotice::Kind::FailedStarts;
    view.recovery_notice.from_version = 2;
    view.recovery_notice.to_version = 1;
    view.recovery_notice.to_factory = true;
    build_usb_texts(view, translations());
    CHECK(in(view.recovery, Lang::En) ==
          "Content version 2 was rolled back automatically: the kiosk failed to start on it several times. Now shown: "
          "the factory content, version 1.");
    CHECK(in(view.recovery, Lang::Ru).find("заводское содержимое, версия 1") != std::string::npos);
    CHECK(in(view.recovery, Lang::Zh).find("出厂内容，版本 1") != std::string::npos);
    view.recovery_notice = RecoveryNotice{};
    build_usb_texts(view, translations());
    for (Lang lang : kAllLangs) CHECK(in(view.recovery, lang).empty());
}

TEST_CASE("the install overlay's title, explanation and percentage follow the install's facts") {
    UpdateView update;
    SUBCASE("installing") {
        update.phase = UpdateView::Phase::Installing;
        build_update_texts(update, translations());
        CHECK(in(update.title, Lang::En) == "Updating content…");
        CHECK(update.percent == "0 %");
        show_update_progress(update, 0.456f);
        CHECK(update.percent == "45 %");
        CHECK(update.progress == doctest::Approx(0.456f));
        CHECK(in(update.explanation, Lang::En).empty());
    }
    SUBCASE("installed") {
        update.phase = UpdateView::Phase::Done;
        update.version = 7;
        update.progress = 1;
        build_update_texts(update, translations());
        CHECK(in(update.title, Lang::En) == "Content updated to version 7");
        CHECK(in(update.title, Lang::Ru) == "Содержимое обновлено до версии 7");
        CHECK(in(update.title, Lang::Zh) == "内容已更新到版本 7");
        CHECK(update.percent == "100 %");
        CHECK(update.technical.text.empty());
    }
    SUBCASE("rolled back") {
        update.phase = UpdateView::Phase::Done;
        update.rollback = true;
        update.version = 1;
        build_update_texts(update, translations());
        CHECK(in(update.title, Lang::En) == "Content rolled back to version 1");
    }
    SUBCASE("refused") {
        update.phase = UpdateView::Phase::Failed;
        update.problem = "unsupported_schema";
        update.result_log = "content-3.kpkg: unsupported schema version 99";
        build_update_texts(update, translations());
        CHECK(in(update.title, Lang::En) == "Content update refused");
        CHECK(in(update.explanation, Lang::En) ==
              "The package needs a newer kiosk program. The content shown before stays unchanged.");
        CHECK(in(update.explanation, Lang::Zh).find(' ') == std::string::npos);  // no space between Chinese sentences
        CHECK(in(update.explanation, Lang::Ru).rfind("Для пакета нужна более новая программа киоска.", 0) == 0);
        CHECK(update.technical.text == update.result_log);
    }
}

TEST_CASE("every problem an install or a scan can report has its words in all three languages") {
    for (int i = static_cast<int>(PackageProblem::SignatureMissing);
         i <= static_cast<int>(PackageProblem::InvalidContent); ++i)
        for (Lang lang : kAllLangs)
            CHECK_MESSAGE(translations().has(lang, std::string("update.problem.") +
                                                       package_problem_name(static_cast<PackageProblem>(i))),
                          package_problem_name(static_cast<PackageProblem>(i)));
    for (const char* name : {"busy", "data_dir", "no_space", "copy_failed", "swap_failed", "rollback", "open_failed",
                             "ambiguous", "none_valid"})
        for (Lang lang : kAllLangs)
            CHECK_MESSAGE(translations().has(lang, std::string("update.problem.") + name), name);
}
