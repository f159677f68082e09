#include "core/input_script.h"

#include "core/line_reader.h"
#include "core/strict_number.h"
#include "core/utf8.h"

#include <cctype>
#include <cfloat>
#include <cmath>

namespace kiosk::core {

namespace {

// Splits on ASCII spaces and tabs.
std::vector<std::string> split_words(std::string_view line) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        if (i > start) words.emplace_back(line.substr(start, i - start));
    }
    return words;
}

// Coordinates and milliseconds: far beyond any screen or script, far inside a float.
constexpr double kMaxScriptNumber = 1e7;

// "ctrl+alt+f4" -> modifiers and the key name "f4". Key names are letters, digits, f1-f12
// and a few named keys; the platform layer maps them to SDL keys.
bool parse_key_combo(const std::string& combo, ScriptCommand* cmd) {
    static const char* const kNamed[] = {"escape", "return", "tab", "space", "backspace", "delete", "home", "end"};
    size_t start = 0;
    std::string key;
    while (start <= combo.size()) {
        size_t plus = combo.find('+', start);
        std::string part = combo.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        for (char& ch : part) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (plus == std::string::npos) {
            key = part;
            break;
        }
        if (part == "ctrl") cmd->ctrl = true;
        else if (part == "alt") cmd->alt = true;
        else if (part == "shift") cmd->shift = true;
        else return false;
        start = plus + 1;
    }
    bool known = key.size() == 1 && std::isalnum(static_cast<unsigned char>(key[0]));
    if (key.size() >= 2 && key.size() <= 3 && key[0] == 'f') {
        int n = 0;  // "f01" is not f1: the digits must be written as to_string writes them
        known = parse_integer(std::string_view(key).substr(1), 1, 12, &n) && std::to_string(n) == key.substr(1);
    }
    for (const char* name : kNamed) known = known || key == name;
    if (!known) return false;
    cmd->text = key;
    return true;
}

class ScriptParser {
public:
    ScriptParser(const std::string& file, Diagnostics* diagnostics) : file_(file), diagnostics_(diagnostics) {}

    void line(std::string_view raw, int line_no, std::vector<ScriptCommand>* out) {
        std::string_view text = utf8::trim(raw);
        if (text.empty() || text.front() == '#') return;
        std::vector<std::string> words = split_words(text);
        const std::string& verb = words[0];
        ScriptCommand cmd;
        cmd.line = line_no;
        if (verb == "tap") {
            cmd.kind = ScriptCommand::Kind::Tap;
            if (!numbers(words, 2, line_no, "tap X Y", {&cmd.x1, &cmd.y1})) return;
        } else if (verb == "drag") {
            cmd.kind = ScriptCommand::Kind::Drag;
            float ms = 0;
            if (!numbers(words, 5, line_no, "drag X1 Y1 X2 Y2 MS", {&cmd.x1, &cmd.y1, &cmd.x2, &cmd.y2, &ms})) return;
            if (ms <= 0) return error(line_no, "drag duration must be positive");
            cmd.ms = ms;
        } else if (verb == "wait") {
            cmd.kind = ScriptCommand::Kind::Wait;
            float ms = 0;
            if (!numbers(words, 1, line_no, "wait MS", {&ms})) return;
            if (ms < 0) return error(line_no, "wait needs a duration of 0 or more milliseconds");
            cmd.ms = ms;
        } else if (verb == "tap-label" || verb == "shot") {
            std::string_view rest = utf8::trim(text.substr(verb.size()));
            if (rest.empty())
                return error(line_no, verb == "shot" ? "expected 'shot FILE.png'" : "expected 'tap-label TEXT'");
            cmd.kind = verb == "shot" ? ScriptCommand::Kind::Shot : ScriptCommand::Kind::TapLabel;
            cmd.text = std::string(rest);
            if (cmd.kind == ScriptCommand::Kind::Shot &&
                (cmd.text.size() < 5 || cmd.text.substr(cmd.text.size() - 4) != ".png"))
                return error(line_no, "screenshot file name must end in .png");
        } else if (verb == "dump") {
            std::string_view rest = utf8::trim(text.substr(verb.size()));
            if (rest.empty()) return error(line_no, "expected 'dump FILE.json'");
            cmd.kind = ScriptCommand::Kind::Dump;
            cmd.text = std::string(rest);
            if (cmd.text.size() < 6 || cmd.text.substr(cmd.text.size() - 5) != ".json")
                return error(line_no, "state dump file name must end in .json");
        } else if (verb == "tap-id") {
            // Ids hold no spaces ("reader.back", "home.document.2019-digital-concept").
            if (words.size() != 2) return error(line_no, "expected 'tap-id ID', e.g. 'tap-id reader.back'");
            cmd.kind = ScriptCommand::Kind::TapId;
            cmd.text = words[1];
        } else if (verb == "key") {
            if (words.size() != 2) return error(line_no, "expected 'key COMBO', e.g. 'key alt+f4'");
            cmd.kind = ScriptCommand::Kind::Key;
            if (!parse_key_combo(words[1], &cmd))
                return error(line_no, "'" + words[1] + "' is not a key combination (e.g. escape, alt+f4, ctrl+q)");
        } else if (verb == "setting") {
            if (words.size() != 3) return error(line_no, "expected 'setting KEY VALUE', e.g. 'setting rotation 90'");
            cmd.kind = ScriptCommand::Kind::Setting;
            cmd.text = words[1];
            cmd.value = words[2];
        } else {
            return error(line_no, "unknown command '" + verb +
                                      "' (expected tap, tap-id, tap-label, drag, wait, shot, dump, key or setting)");
        }
        out->push_back(std::move(cmd));
    }

private:
    bool numbers(const std::vector<std::string>& words, size_t count, int line_no, const char* usage,
                 std::initializer_list<float*> targets) {
        if (words.size() != count + 1) {
            error(line_no, std::string("expected '") + usage + "'");
            return false;
        }
        size_t i = 1;
        for (float* target : targets) {
            double value = 0;
            if (!parse_decimal(words[i], -DBL_MAX, DBL_MAX, &value)) {
                error(line_no, "'" + words[i] + "' is not a number (expected '" + usage + "')");
                return false;
            }
            if (std::fabs(value) > kMaxScriptNumber) {
                error(line_no, "'" + words[i] + "' is out of range (expected -10000000 to 10000000 in '" + usage + "')");
                return false;
            }
            *target = static_cast<float>(value);
            ++i;
        }
        return true;
    }

    void error(int line_no, const std::string& message) { diagnostics_->push_back({file_, line_no, "", message}); }

    const std::string& file_;
    Diagnostics* diagnostics_;
};

}  // namespace

bool parse_input_script(std::string_view text, const std::string& file_name, std::vector<ScriptCommand>* out,
                        Diagnostics* diagnostics) {
    size_t before = diagnostics->size();
    ScriptParser parser(file_name, diagnostics);
    LineReader reader(text);
    for (TextLine line; reader.next(&line);) parser.line(line.text, line.number, out);
    return diagnostics->size() == before;
}

}  // namespace kiosk::core
