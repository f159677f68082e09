// The settings table is the one source of the keys, ranges and defaults: the loader, the
// listing, `kioskctl settings --help` and the docs all agree with it, and a damaged stored
// setting falls back to its default with a message, without losing the others.
#include "core/file_io.h"
#include "core/settings_loader.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <set>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::TempDir;

namespace {

// Stores `rows` as they are, bypassing validation, as a damaged or hand-edited state.db would hold them.
void store_raw_settings(const std::string& data_dir, const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string error;
    auto store = StateStore::open(data_dir, StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    for (const auto& [key, value] : rows) REQUIRE_MESSAGE(store->set_setting(key, value, &error), error);
}

bool has_warning(const std::vector<std::string>& warnings, const std::string& text) {
    for (const std::string& warning : warnings)
        if (warning.find(text) != std::string::npos) return true;
    return false;
}

std::string strip_backticks(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != '`') out += c;
    return out;
}

std::string trim(const std::string& text) {
    size_t begin = text.find_first_not_of(' ');
    size_t end = text.find_last_not_of(' ');
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + separator.size())
        parts.push_back(text.substr(start, at - start));
    parts.push_back(text.substr(start));
    return parts;
}

// A row of the markdown table under "## Settings": the keys named in its first cell
// (`key`, `key`), its default and what-it-does cells.
struct DocRow {
    int line = 0;
    std::vector<std::string> keys;
    std::string defaults;
    std::string text;
};

std::vector<DocRow> settings_rows(const std::string& doc) {
    std::string text;
    REQUIRE(fs::read_file(std::string(KIOSK_SOURCE_DIR) + "/" + doc, &text));
    std::vector<DocRow> rows;
    bool in_section = false;
    int line_no = 0;
    for (const std::string& line : split(text, "\n")) {
        ++line_no;
        if (line.rfind("## ", 0) == 0) in_section = line == "## Settings";
        if (!in_section || line.rfind("| `", 0) != 0) continue;
        std::vector<std::string> cells = split(line, " | ");
        REQUIRE_MESSAGE(cells.size() == 3, doc, ":", line_no, ": expected | setting | default | what it does |");
        DocRow row;
        row.line = line_no;
        for (const std::string& key : split(cells[0].substr(2), ", ")) row.keys.push_back(strip_backticks(trim(key)));
        row.defaults = cells[1];
        row.text = cells[2];
        rows.push_back(row);
    }
    REQUIRE_MESSAGE(!rows.empty(), doc, " has no settings table under ## Settings");
    return rows;
}

// The default as the docs write it: "empty" for an empty value; kiosk_id is "generated".
bool doc_default_matches(const SettingInfo& info, const std::string& doc_default) {
    const std::string written = strip_backticks(trim(doc_default));
    const std::string actual = setting_default(info);
    if (info.type == SettingType::KioskId) return written.rfind("generated", 0) == 0;
    return actual.empty() ? written == "empty" : written == actual;
}

void check_doc_against_table(const std::string& doc, std::set<std::string>* documented) {
    for (const DocRow& row : settings_rows(doc)) {
        std::vector<std::string> defaults = split(row.defaults, ", ");
        for (size_t i = 0; i < row.keys.size(); ++i) {
            CAPTURE(doc);
            CAPTURE(row.line);
            CAPTURE(row.keys[i]);
            const SettingInfo* info = find_setting(row.keys[i]);
            REQUIRE_MESSAGE(info, doc, ":", row.line, ": '", row.keys[i], "' is not a setting");
            documented->insert(row.keys[i]);
            REQUIRE(defaults.size() == row.keys.size());
            CHECK(doc_default_matches(*info, defaults[i]));
            // A row about one whole number states its range as the table has it.
            if (row.keys.size() == 1 && info->type == SettingType::Integer)
                CHECK(row.text.find(std::to_string(info->min) + "\u2013" + std::to_string(info->max)) != std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("every setting in the table formats to a value it parses back, and its default is valid") {
    KioskSettings settings;
    for (const SettingInfo& info : settings_table()) {
        CAPTURE(info.key);
        CHECK(find_setting(info.key) == &info);
        CHECK(std::string(info.help).size() > 10);
        std::string error;
        KioskSettings copy;
        CHECK_MESSAGE(apply_setting(&copy, info.key, setting_default(info), &error), error);
        if (info.type == SettingType::Integer) {
            CHECK(info.min < info.max);
            CHECK(setting_accepts(info) ==
                  std::string(info.unit) + ", " + std::to_string(info.min) + " to " + std::to_string(info.max));
            CHECK(apply_setting(&copy, info.key, std::to_string(info.max), &error));
            CHECK(format_setting(info, copy) == std::to_string(info.max));
            CHECK_FALSE(apply_setting(&copy, info.key, std::to_string(info.max + 1), &error));
            CHECK_FALSE(apply_setting(&copy, info.key, std::to_string(info.min - 1), &error));
        }
    }
    CHECK(find_setting("colour") == nullptr);
    CHECK(settable_setting_keys().find("pin.") == std::string::npos);
    CHECK(settable_setting_keys().rfind("idle_timeout_s, countdown_s, ", 0) == 0);
}

TEST_CASE("damaged stored settings are reported by key and value and fall back to their defaults") {
    TempDir dir;
    store_raw_settings(dir.path(), {
                                       {"idle_timeout_s", "12abc"},
                                       {"countdown_s", ""},
                                       {"stats_max_mb", "99999999999"},
                                       {"speech_volume", "101"},
                                       {"rotation", "90 "},
                                       {"attract", "maybe"},
                                       {"kiosk_name", std::string(101, 'x')},
                                       // Valid rows around the damaged ones are kept.
                                       {"stats_retention_days", "30"},
                                       {"default_language", "zh"},
                                       {"pin.organizer", "$argon2id$stored-hash"},
                                       {"some_future_key", "whatever"},  // another version's: not ours to judge
                                   });
    OpenedSettings opened = open_settings(dir.path(), StateStore::OpenMode::ExistingOnly);
    REQUIRE_MESSAGE(opened.ok(), opened.error);
    const KioskSettings defaults;
    CHECK(opened.settings.idle_timeout_s == defaults.idle_timeout_s);
    CHECK(opened.settings.countdown_s == defaults.countdown_s);
    CHECK(opened.settings.stats_max_mb == defaults.stats_max_mb);
    CHECK(opened.settings.speech_volume == defaults.speech_volume);
    CHECK(opened.settings.rotation == defaults.rotation);
    CHECK(opened.settings.attract == defaults.attract);
    CHECK(opened.settings.kiosk_name.empty());
    CHECK(opened.settings.stats_retention_days == 30);
    CHECK(opened.settings.default_language == Lang::Zh);
    CHECK(opened.settings.organizer_pin_hash == "$argon2id$stored-hash");
    CHECK(opened.warnings.size() == 7);
    const std::string where = " in " + dir.path() + "/state.db; using the default";
    CHECK(has_warning(opened.warnings,
                      "setting 'idle_timeout_s': '12abc' is not valid (expected seconds, 15 to 3600)" + where + " (90)"));
    CHECK(has_warning(opened.warnings,
                      "setting 'countdown_s': '' is not valid (expected seconds, 3 to 60)" + where + " (10)"));
    CHECK(has_warning(opened.warnings,
                      "setting 'stats_max_mb': '99999999999' is not valid (expected MB, 1 to 10000)" + where + " (50)"));
    CHECK(has_warning(opened.warnings, "setting 'speech_volume': '101' is not valid (expected percent, 0 to 100)"));
    CHECK(has_warning(opened.warnings, "setting 'rotation': '90 ' is not valid (expected 0, 90, 180 or 270)"));
    CHECK(has_warning(opened.warnings, "setting 'attract': 'maybe' is not valid (expected on or off)" + where + " (on)"));
    CHECK(has_warning(opened.warnings, "setting 'kiosk_name'"));
    CHECK_FALSE(has_warning(opened.warnings, "some_future_key"));
}

TEST_CASE("kioskctl settings warns about a damaged setting and lists its default with the others") {
    TempDir dir;
    store_raw_settings(dir.path(), {{"idle_timeout_s", "12abc"}, {"countdown_s", "20"}});
    auto list = test::run_command(test::with_emulator({KIOSKCTL_BIN, "settings", "--data-dir", dir.path()}));
    CHECK(list.exit_code == 0);
    CHECK(list.err.find("kioskctl settings: warning: setting 'idle_timeout_s': '12abc' is not valid (expected seconds, "
                        "15 to 3600)") != std::string::npos);
    CHECK(list.out.find("idle_timeout_s\t90\n") != std::string::npos);
    CHECK(list.out.find("countdown_s\t20\n") != std::string::npos);
    // One line per setting of the table, in its order.
    std::string expected_keys, listed_keys;
    for (const SettingInfo& info : settings_table()) expected_keys += std::string(info.key) + "\n";
    for (const std::string& line : split(list.out, "\n"))
        if (!line.empty()) listed_keys += line.substr(0, line.find('\t')) + "\n";
    CHECK(listed_keys == expected_keys);
}

TEST_CASE("kioskctl settings --help describes every settable setting from the table") {
    auto help = test::run_command(test::with_emulator({KIOSKCTL_BIN, "settings", "--help"}));
    CHECK(help.exit_code == 0);
    for (const SettingInfo& info : settable_settings()) {
        CAPTURE(info.key);
        const std::string fallback = setting_default(info);
        CHECK(help.out.find(std::string("  ") + info.key + ": " + setting_accepts(info) + " (default: " +
                            (fallback.empty() ? "empty" : fallback) + ")\n      " + info.help + "\n") != std::string::npos);
    }
    CHECK(help.out.find("pin.organizer") == std::string::npos);
    auto overview = test::run_command(test::with_emulator({KIOSKCTL_BIN, "--help"}));
    CHECK(overview.out.find("set one (" + settable_setting_keys() + ")") != std::string::npos);
}

TEST_CASE("the settings tables in the docs name real settings with the table's defaults and ranges") {
    std::set<std::string> in_guide, in_statistics;
    check_doc_against_table("docs/organizer-guide.md", &in_guide);
    check_doc_against_table("docs/statistics.md", &in_statistics);
    for (const SettingInfo& info : settable_settings()) {
        CAPTURE(info.key);
        CHECK(in_guide.count(info.key) == 1);  // the organizer guide lists every settable setting
    }
}
