// Chinese strings written for the kiosk use full-width punctuation: （：，；！？） and 「」 or “”
// quotes, never the half-width ones between Han characters or ASCII quotes. Latin inside the
// Chinese (SCO, P@ssw0rd!, 10:00) keeps its own punctuation. The official Russian texts are not
// checked (they are never edited); the Chinese UI strings and every zh field of db/ are.
#include "core/utf8.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kiosk::core::utf8::decode;

bool is_han(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FA1F);
}

const char* full_width_for(char32_t cp) {
    switch (cp) {
        case ',': return "，";
        case ':': return "：";
        case ';': return "；";
        case '!': return "！";
        case '?': return "？";
        case '(': return "（";
        case ')': return "）";
        case '.': return "。";
        default: return nullptr;
    }
}

// What is wrong with one Chinese string, one message per fault ("" when nothing is).
std::vector<std::string> punctuation_faults(std::string_view text) {
    std::u32string cps;
    for (size_t pos = 0; pos < text.size();) cps.push_back(decode(text, pos));
    std::vector<std::string> faults;
    auto neighbour_is_han = [&](size_t i, int step) {
        for (long k = static_cast<long>(i) + step; k >= 0 && k < static_cast<long>(cps.size()); k += step) {
            if (cps[static_cast<size_t>(k)] != ' ') return is_han(cps[static_cast<size_t>(k)]);
        }
        return false;
    };
    auto around = [&](size_t i) {
        std::u32string piece = cps.substr(i >= 6 ? i - 6 : 0, 13);
        std::string out;
        for (char32_t cp : piece) kiosk::core::utf8::append(out, cp);
        return "\"…" + out + "…\"";
    };
    bool open_paren_fault = false;  // "(SCO)" after Chinese: its ')' is wrong too
    for (size_t i = 0; i < cps.size(); ++i) {
        const char32_t cp = cps[i];
        if (cp == '"' || cp == '\'') {
            if (cp == '"' || neighbour_is_han(i, -1) || neighbour_is_han(i, 1))
                faults.push_back(std::string("ASCII quote ") + static_cast<char>(cp) + " in " + around(i) + ": use 「」 or “”");
            continue;
        }
        const char* full = full_width_for(cp);
        if (!full) continue;
        // A full stop only after a Han character (1. and 3.5 stay); the others beside one.
        bool han_beside = cp == '.' ? i > 0 && is_han(cps[i - 1]) : neighbour_is_han(i, -1) || neighbour_is_han(i, 1);
        if (cp == '(') open_paren_fault = han_beside;
        if (cp == ')') han_beside = han_beside || open_paren_fault;
        if (han_beside)
            faults.push_back(std::string("half-width '") + static_cast<char>(cp) + "' beside Chinese in " + around(i) +
                             ": use " + full);
    }
    return faults;
}

struct ZhString {
    std::string where;  // file:line: field
    std::string text;
};

std::string source_relative(const fs::path& path) { return fs::relative(path, KIOSK_SOURCE_DIR).generic_string(); }

// assets/i18n/zh.txt: `key = value`; '#' starts a comment line.
void read_ui_strings(const fs::path& path, std::vector<ZhString>* out) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        std::string key(kiosk::core::utf8::trim(std::string_view(line).substr(0, eq)));
        std::string value(kiosk::core::utf8::trim(std::string_view(line).substr(eq + 1)));
        out->push_back({source_relative(path) + ":" + std::to_string(number) + ": " + key, value});
    }
}

// db/**.txt: `name.zh: text` (and `zh:` in the terminology); db/translations/*.zh.txt: every
// `KEY: TEXT` after the `---` line. ';' starts a comment line.
void read_db_source(const fs::path& path, std::vector<ZhString>* out) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    const bool translation = path.filename().string().size() > 7 &&
                             path.filename().string().compare(path.filename().string().size() - 7, 7, ".zh.txt") == 0;
    static const std::regex zh_field(R"(^((?:[A-Za-z0-9_-]+\.)*zh):\s?(.*)$)");
    static const std::regex any_field(R"(^([A-Za-z0-9_.-]+):\s?(.*)$)");
    bool body = false;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == ';') continue;
        if (translation && line == "---") body = true;
        std::smatch match;
        if (translation ? body && std::regex_match(line, match, any_field) : std::regex_match(line, match, zh_field))
            out->push_back({source_relative(path) + ":" + std::to_string(number) + ": " + match[1].str(), match[2].str()});
    }
}

std::vector<ZhString> kiosk_chinese_strings() {
    std::vector<ZhString> strings;
    const fs::path root(KIOSK_SOURCE_DIR);
    read_ui_strings(root / "assets/i18n/zh.txt", &strings);
    std::vector<fs::path> sources;
    for (const auto& entry : fs::recursive_directory_iterator(root / "db"))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") sources.push_back(entry.path());
    std::sort(sources.begin(), sources.end());
    for (const fs::path& path : sources) read_db_source(path, &strings);
    return strings;
}

}  // namespace

TEST_CASE("The punctuation check finds half-width marks and ASCII quotes in Chinese and leaves Latin alone") {
    CHECK(punctuation_faults("上海合作组织（简称“上合组织”）成员国：哈萨克斯坦、中国。").empty());
    CHECK(punctuation_faults("密码“P@ssw0rd!”不安全，请拨打 96110 或 110。SCO 成立于2001年。会议 10:00 开始").empty());
    CHECK(punctuation_faults("1. 就数字经济交流信息。3.5亿").empty());
    CHECK(punctuation_faults("注意:旧闻").size() == 1);
    CHECK(punctuation_faults("上合组织(SCO)").size() == 2);
    CHECK(punctuation_faults("转发, 并注明").size() == 1);
    CHECK(punctuation_faults("是谁说的?").size() == 1);
    CHECK(punctuation_faults("数字经济.").size() == 1);
    CHECK(punctuation_faults("注明\"不知真假\"").size() == 2);
    CHECK(punctuation_faults("注明'不知真假'").size() == 2);
    const auto faults = punctuation_faults("来源: 上合组织");
    REQUIRE(faults.size() == 1);
    CHECK(faults[0].find("use ：") != std::string::npos);
}

TEST_CASE("Chinese strings written for the kiosk use full-width punctuation") {
    const std::vector<ZhString> strings = kiosk_chinese_strings();
    size_t db_strings = 0;
    for (const ZhString& string : strings) db_strings += string.where.rfind("db/", 0) == 0 ? 1 : 0;
    CHECK(strings.size() > 1000);  // the UI strings and the zh fields of every db/ source were read
    CHECK(db_strings > 500);
    for (const ZhString& string : strings) {
        for (const std::string& fault : punctuation_faults(string.text)) FAIL_CHECK(string.where << ": " << fault);
    }
}
