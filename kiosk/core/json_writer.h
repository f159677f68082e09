// Writes compact JSON objects: state dumps, benchmark reports, `kioskctl ... --json`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::core {

// Appends `text` as a quoted JSON string (UTF-8 passes through; control characters are escaped).
void append_json_string(std::string& out, std::string_view text);

// Builds one JSON object or array, e.g.
//   JsonWriter w; w.begin_object(); w.key("screen").value("home"); w.end_object(); w.str()
class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(int64_t number);
    JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    const std::string& str() const { return out_; }

private:
    void separator();
    std::string out_;
    bool need_comma_ = false;
};

}  // namespace kiosk::core
