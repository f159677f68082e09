// UTF-8 helpers and the JSON writer used by state dumps and --json output.
#include "core/json_writer.h"
#include "core/utf8.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <vector>

namespace utf8 = kiosk::core::utf8;

TEST_CASE("utf8 decoding round-trips Cyrillic, CJK and emoji and never crashes on bad bytes") {
    std::string text = "ёЙ 中文 😀";
    CHECK(utf8::from_u32(utf8::to_u32(text)) == text);
    CHECK(utf8::length(text) == 7);
    CHECK(utf8::is_valid(text));
    size_t bad = 0;
    CHECK_FALSE(utf8::is_valid("ok\xC3", &bad));
    CHECK(bad == 2);
    CHECK_FALSE(utf8::is_valid("\xED\xA0\x80"));  // a UTF-16 surrogate
    CHECK_FALSE(utf8::is_valid("\xC0\xAF"));      // overlong
    CHECK(utf8::to_u32("\xFF\xFE").size() == 2);
}

TEST_CASE("trim and collapse_spaces handle ASCII and Unicode spaces") {
    CHECK(utf8::trim("\t  слово \xC2\xA0") == "слово");
    CHECK(utf8::collapse_spaces("  a \n\n b\xE3\x80\x80"
                                "c  ") == "a b c");
    CHECK(utf8::trim("") == "");
}

TEST_CASE("CJK detection covers ideographs, kana, hangul, full-width forms and CJK punctuation but not Cyrillic") {
    CHECK(utf8::is_cjk(U'中'));
    CHECK(utf8::is_cjk(U'か'));
    CHECK(utf8::is_cjk(U'한'));
    CHECK(utf8::is_cjk(U'Ａ'));
    CHECK(utf8::is_cjk(U'\U00020000'));
    CHECK_FALSE(utf8::is_cjk(U'—'));
    CHECK_FALSE(utf8::is_cjk(utf8::kReplacement));
    CHECK(utf8::is_cjk(U'，'));
    CHECK(utf8::is_cjk(U'。'));
    CHECK_FALSE(utf8::is_cjk(U'Ж'));
    CHECK_FALSE(utf8::is_cjk(U'a'));
}

TEST_CASE("the JSON writer escapes strings and its output parses back") {
    kiosk::core::JsonWriter json;
    json.begin_object();
    json.key("text").value("quote \" backslash \\ newline \n ctrl \x01 юникод");
    json.key("n").value(42).key("x").value(1.5).key("ok").value(true).key("none").null();
    json.key("list").begin_array().value(1).value("two").end_array();
    json.end_object();
    bool ok = false;
    auto parsed = kiosk::test::parse_json(json.str(), &ok);
    REQUIRE(ok);
    CHECK(parsed["text"].string == "quote \" backslash \\ newline \n ctrl \x01 юникод");
    CHECK(parsed["n"].number == 42);
    CHECK(parsed["x"].number == 1.5);
    CHECK(parsed["ok"].boolean);
    CHECK(parsed["none"].is_null());
    REQUIRE(parsed["list"].array.size() == 2);
    CHECK(parsed["list"].array[1].string == "two");
}

TEST_CASE("a dumped string with carriage return, backspace, form feed and unicode escapes reads back exactly") {
    // The tests' former hand-written parser read \r, \b and \f as the letters r, b and f and
    // decoded a surrogate pair as two broken characters.
    const std::string text = std::string("line\rback\bfeed\f tab\t ctrl\x01 é 中 😀");
    kiosk::core::JsonWriter json;
    json.begin_object();
    json.key("text").value(text);
    json.end_object();
    bool ok = false;
    auto dumped = kiosk::test::parse_json(json.str(), &ok);
    REQUIRE(ok);
    CHECK(dumped["text"].string == text);

    auto escaped = kiosk::test::parse_json(R"({"s": "a\rb\bc\fd\u00e9\u4e2d\ud83d\ude00\/"})", &ok);
    REQUIRE(ok);
    CHECK(escaped["s"].string == "a\rb\bc\fd\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80/");

    for (const char* bad : {R"({"s": "\x"})", R"({"s": "\u12"})", R"({"s": 1,})", R"([1 2])", "{\"s\": \"open"}) {
        INFO(bad);
        kiosk::test::parse_json(bad, &ok);
        CHECK_FALSE(ok);
    }
}

TEST_CASE("printable escapes control characters, backslashes and bytes that are not UTF-8, and keeps the rest") {
    CHECK(kiosk::core::utf8::printable("content-7.kpkg") == "content-7.kpkg");
    CHECK(kiosk::core::utf8::printable("Содержимое 内容.kpkg") == "Содержимое 内容.kpkg");
    CHECK(kiosk::core::utf8::printable("evil\x1b[31m\n.kpkg") == "evil\\x1B[31m\\x0A.kpkg");
    CHECK(kiosk::core::utf8::printable("a\\b") == "a\\\\b");
    CHECK(kiosk::core::utf8::printable(std::string("x\0y\xff\xc2\x85", 6)) == "x\\x00y\\xFF\\xC2\\x85");
}

TEST_CASE("stepping back over UTF-8 takes the steps decode takes forward, bad bytes one at a time") {
    const std::string text = "aж中😀";  // 1, 2, 3 and 4 bytes
    std::vector<size_t> forward{0}, backward;
    for (size_t pos = 0; pos < text.size();) {
        utf8::decode(text, pos);
        forward.push_back(pos);
    }
    for (size_t pos = text.size(); pos > 0;) {
        backward.insert(backward.begin(), pos);
        pos = utf8::prev_boundary(text, pos);
    }
    backward.insert(backward.begin(), 0);
    CHECK(forward == std::vector<size_t>{0, 1, 3, 6, 10});
    CHECK(backward == forward);
    CHECK(utf8::prev_boundary(text, 0) == 0);
    CHECK(utf8::prev_boundary("a\x80\x80", 3) == 2);  // stray continuation bytes
    CHECK(utf8::prev_boundary("a\xE4\xB8", 3) == 2);  // a truncated sequence
    CHECK(utf8::prev_boundary("\x80\x80\x80\x80\x80", 5) == 4);
}

TEST_CASE("erase_last and trim never cut a character in half, whatever the bytes") {
    std::string text = "中文";
    utf8::erase_last(&text);
    CHECK(text == "中");
    text = "ok\xE4\xB8";  // truncated: each bad byte is a character of its own
    utf8::erase_last(&text);
    CHECK(text == "ok\xE4");
    text = "";
    utf8::erase_last(&text);
    CHECK(text.empty());
    CHECK(utf8::trim("\xE3\x80\x80中\xE3\x80\x80") == "中");
    CHECK(utf8::trim("x\xE3\x80") == "x\xE3\x80");
}
