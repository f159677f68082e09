// UI strings: one file per language in assets/i18n, every key in every language.
#include "core/document_source.h"
#include "core/translations.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using kiosk::core::Lang;
using kiosk::core::Translations;

TEST_CASE("every translation key exists in every language") {
    Translations translations;
    kiosk::core::Diagnostics diagnostics;
    bool loaded = translations.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics);
    for (const auto& d : diagnostics) MESSAGE(d.str());
    REQUIRE(loaded);
    REQUIRE(translations.all_keys().size() > 20);
    for (Lang lang : kiosk::core::kAllLangs) {
        CAPTURE(kiosk::core::lang_code(lang));
        auto missing = translations.missing_keys(lang);
        for (const auto& key : missing) MESSAGE("missing: " << key);
        CHECK(missing.empty());
    }
}

TEST_CASE("every SCO member state a document may name has its name in every language") {
    Translations translations;
    kiosk::core::Diagnostics diagnostics;
    REQUIRE(translations.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
    const std::vector<std::string> keys = translations.all_keys();
    for (const std::string& code : kiosk::core::known_parties()) {
        const std::string key = "country." + code;
        CAPTURE(key);
        CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
        for (Lang lang : kiosk::core::kAllLangs) {  // not a fallback to another language
            CAPTURE(kiosk::core::lang_code(lang));
            const std::vector<std::string> missing = translations.missing_keys(lang);
            CHECK(std::find(missing.begin(), missing.end(), key) == missing.end());
        }
    }
    CHECK(translations.get(Lang::Ru, "country.BY") == "Беларусь");
    CHECK(translations.get(Lang::En, "country.BY") == "Belarus");
    CHECK(translations.get(Lang::Zh, "country.BY") == "白俄罗斯");
    CHECK(translations.get(Lang::Ru, "country.IR") == "Иран");
    CHECK(translations.get(Lang::En, "country.IR") == "Iran");
    CHECK(translations.get(Lang::Zh, "country.IR") == "伊朗");
}

TEST_CASE("a translation file reports malformed lines, empty values and duplicates with file and line") {
    Translations translations;
    kiosk::core::Diagnostics diagnostics;
    CHECK_FALSE(translations.parse(Lang::En, "# comment\nok = fine\nbroken line\nempty =\nok = again\n", "en.txt",
                                   &diagnostics));
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].str() == "en.txt:3: malformed line, expected 'key = value'");
    CHECK(diagnostics[1].str() == "en.txt:4: empty: empty value");
    CHECK(diagnostics[2].str() == "en.txt:5: ok: key defined twice");
    CHECK(translations.get(Lang::En, "ok") == "fine");
}

TEST_CASE("a missing key falls back to English, then to the key itself") {
    Translations translations;
    kiosk::core::Diagnostics diagnostics;
    REQUIRE(translations.parse(Lang::En, "only.english = Hello\n", "en.txt", &diagnostics));
    CHECK(translations.get(Lang::Zh, "only.english") == "Hello");
    CHECK(translations.get(Lang::Ru, "no.such.key") == "no.such.key");
    CHECK(translations.missing_keys(Lang::Ru) == std::vector<std::string>{"only.english"});
}

TEST_CASE("escapes in values give line breaks and protected spaces") {
    Translations translations;
    kiosk::core::Diagnostics diagnostics;
    REQUIRE(translations.parse(Lang::En, "a = one\\ntwo\nsep = ,\\u0020\n", "en.txt", &diagnostics));
    CHECK(translations.get(Lang::En, "a") == "one\ntwo");
    CHECK(translations.get(Lang::En, "sep") == ", ");
}

TEST_CASE("the character set of one language holds only that language's characters") {
    Translations translations;
    kiosk::core::Diagnostics diagnostics;
    REQUIRE(translations.parse(Lang::Ru, "a = Привет\n", "ru.txt", &diagnostics));
    REQUIRE(translations.parse(Lang::Zh, "a = 你好\n", "zh.txt", &diagnostics));
    CHECK(translations.charset(Lang::Ru).find("П") != std::string::npos);
    CHECK(translations.charset(Lang::Ru).find("你") == std::string::npos);
    CHECK(translations.charset().find("你") != std::string::npos);
    CHECK(translations.charset().find("П") != std::string::npos);
}

TEST_CASE("a malformed unicode escape in a translation is an error naming file, line and key") {
    for (const char* bad : {"sep = ,\\u00G0\n", "sep = ,\\u002\n", "sep = ,\\u\n", "sep = ,\\uD800\n", "sep = ,\\u0000\n"}) {
        CAPTURE(bad);
        Translations translations;
        kiosk::core::Diagnostics diagnostics;
        CHECK_FALSE(translations.parse(Lang::En, std::string("# comment\n") + bad, "en.txt", &diagnostics));
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].str().rfind("en.txt:2: sep: malformed escape '\\u", 0) == 0);
        CHECK(diagnostics[0].str().find("four hexadecimal digits") != std::string::npos);
        CHECK_FALSE(translations.has(Lang::En, "sep"));
    }
}

TEST_CASE("kioskctl check-translations fails with FILE:LINE on a broken escape and passes assets/i18n") {
    const std::string broken = std::string(KIOSK_TEST_DATA_DIR) + "/i18n-broken";
    auto result = kiosk::test::run_command(kiosk::test::with_emulator({KIOSKCTL_BIN, "check-translations", broken}));
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(broken + "/en.txt:3: sep: malformed escape '\\u00G0'") != std::string::npos);
    CHECK(result.err.find("ru.txt") == std::string::npos);
    // The build runs the same check on the real files (CMakeLists.txt, target translations).
    auto real = kiosk::test::run_command(
        kiosk::test::with_emulator({KIOSKCTL_BIN, "check-translations", std::string(KIOSK_SOURCE_DIR) + "/assets/i18n"}));
    CHECK_MESSAGE(real.exit_code == 0, real.err);
}
