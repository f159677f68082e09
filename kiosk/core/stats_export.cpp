// [SECTION] CSV
// [SECTION] SVG charts and report.html
// [SECTION] Writing a report folder
// [SECTION] Reading a report folder back, merging
#include "core/stats_export.h"

#include "core/calendar_date.h"
#include "core/file_io.h"
#include "core/line_reader.h"
#include "core/strict_number.h"
#include "core/utf8.h"

#include <dirent.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

namespace kiosk::core {

namespace {

// ---------------------------------------------------------------- [SECTION] CSV

std::vector<std::string> csv_header(EventKind kind) {
    std::vector<std::string> columns = {"kiosk_id", "event_id", "time_utc", "session"};
    const EventColumns& c = event_columns(kind);
    for (const char* name : {c.subject, c.detail, c.value, c.value2})
        if (name) columns.push_back(name);
    return columns;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
    return line + "\r\n";
}

std::string csv_row(const UsageEvent& e, const std::string& kiosk_id) {
    const EventColumns& c = event_columns(e.kind);
    std::vector<std::string> fields = {kiosk_id, std::to_string(e.id), format_utc_millis(e.at_ms), std::to_string(e.session)};
    if (c.subject) fields.push_back(e.subject);
    if (c.detail) fields.push_back(e.detail);
    if (c.value) fields.push_back(std::to_string(e.value));
    if (c.value2) fields.push_back(std::to_string(e.value2));
    return csv_line(fields);
}

// Splits CSV text into records; false with the 1-based line of an unterminated quote.
bool parse_csv(const std::string& text, std::vector<std::vector<std::string>>* rows, std::vector<int>* lines, int* bad_line) {
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    int line = 1, row_line = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (ch == '"') quoted = false;
            else {
                if (ch == '\n') ++line;
                field += ch;
            }
            continue;
        }
        if (ch == '"' && field.empty()) quoted = any = true;
        else if (ch == ',') row.push_back(std::move(field)), field.clear(), any = true;
        else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        else if (ch == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows->push_back(std::move(row));
            lines->push_back(row_line);
            row.clear();
            any = false;
            row_line = ++line;
        } else field += ch, any = true;
    }
    if (quoted) return *bad_line = row_line, false;
    if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows->push_back(std::move(row));
        lines->push_back(row_line);
    }
    return true;
}

bool parse_int64(const std::string& text, int64_t* out) { return parse_integer(text, INT64_MIN, INT64_MAX, out); }

// ---------------------------------------------------------------- [SECTION] SVG charts and report.html

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // Control characters are not allowed in XML 1.0: a query cannot carry them in.
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t') out += ' ';
                else out += ch;
        }
    }
    return out;
}

std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// A "nice" axis maximum at or above `value` (1, 2, 5 x 10^n) and its tick step.
void axis_scale(int64_t value, int64_t* top, int64_t* step) {
    int64_t magnitude = 1;
    while (magnitude * 10 <= std::max<int64_t>(value, 1)) magnitude *= 10;
    for (int64_t factor : {1, 2, 5, 10}) {
        if (magnitude * factor >= value) {
            *top = std::max<int64_t>(magnitude * factor, 1);
            break;
        }
    }
    *step = std::max<int64_t>(*top / 5, 1);
}

// A vertical bar (or line) chart with a labelled y axis and x labels every `label_every`.
std::string svg_chart(const std::vector<std::string>& labels, const std::vector<int64_t>& values, bool line,
                      const std::string& x_title, const std::string& y_title, int label_every) {
    const double w = 760, h = 300, left = 70, right = 20, top = 20, bottom = 70;
    const double plot_w = w - left - right, plot_h = h - top - bottom;
    int64_t max_value = 0;
    for (int64_t v : values) max_value = std::max(max_value, v);
    int64_t axis_top = 1, step = 1;
    axis_scale(max_value, &axis_top, &step);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 300\" width=\"760\" height=\"300\" "
                      "role=\"img\" font-family=\"sans-serif\" font-size=\"16\">\n";
    for (int64_t tick = 0; tick <= axis_top; tick += step) {
        const double y = top + plot_h - plot_h * tick / axis_top;
        svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(w - right) + "\" y2=\"" + num(y) +
               "\" stroke=\"#d0d5dd\"/>\n";
        svg += "<text x=\"" + num(left - 8) + "\" y=\"" + num(y + 5) + "\" text-anchor=\"end\">" +
               std::to_string(tick) + "</text>\n";
    }
    const size_t n = std::max<size_t>(values.size(), 1);
    const double slot = plot_w / n;
    std::string points;
    for (size_t i = 0; i < values.size(); ++i) {
        const double bar_h = plot_h * values[i] / axis_top;
        const double x = left + slot * i;
        if (line) {
            points += num(x + slot / 2) + "," + num(top + plot_h - bar_h) + " ";
        } else {
            svg += "<rect x=\"" + num(x + slot * 0.15) + "\" y=\"" + num(top + plot_h - bar_h) + "\" width=\"" +
                   num(slot * 0.7) + "\" height=\"" + num(bar_h) + "\" fill=\"#1f5fa8\"><title>" +
                   xml_escape(labels[i]) + ": " + std::to_string(values[i]) + "</title></rect>\n";
        }
        if (label_every > 0 && i % label_every == 0)
            svg += "<text x=\"" + num(x + slot / 2) + "\" y=\"" + num(top + plot_h + 20) +
                   "\" text-anchor=\"middle\">" + xml_escape(labels[i]) + "</text>\n";
    }
    if (line && !points.empty()) {
        svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"3\"/>\n";
        for (size_t i = 0; i < values.size(); ++i)
            svg += "<circle cx=\"" + num(left + slot * i + slot / 2) + "\" cy=\"" +
                   num(top + plot_h - plot_h * values[i] / axis_top) + "\" r=\"4\" fill=\"#1f5fa8\"><title>" +
                   xml_escape(labels[i]) + ": " + std::to_string(values[i]) + "</title></circle>\n";
    }
    svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(top) + "\" x2=\"" + num(left) + "\" y2=\"" + num(top + plot_h) +
           "\" stroke=\"#344054\" stroke-width=\"2\"/>\n";
    svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + plot_h) + "\" x2=\"" + num(w - right) + "\" y2=\"" +
           num(top + plot_h) + "\" stroke=\"#344054\" stroke-width=\"2\"/>\n";
    svg += "<text x=\"" + num(left + plot_w / 2) + "\" y=\"" + num(h - 12) +
           "\" text-anchor=\"middle\" font-weight=\"bold\">" + xml_escape(x_title) + "</text>\n";
    svg += "<text x=\"18\" y=\"" + num(top + plot_h / 2) +
           "\" text-anchor=\"middle\" font-weight=\"bold\" "
           "transform=\"rotate(-90 18 " +
           num(top + plot_h / 2) + ")\">" + xml_escape(y_title) + "</text>\n";
    return svg + "</svg>\n";
}

// `text` cut to fit about `max_units` half-widths (a Chinese character counts two), never
// inside a UTF-8 sequence, with "…" when cut: the label column of a bar chart is ~300 px.
std::string shorten(const std::string& text, size_t max_units) {
    size_t units = 0;
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        units += utf8::is_cjk(utf8::decode(text, pos)) ? 2 : 1;  // CJK is full-width
        if (units > max_units) return text.substr(0, start) + "…";
    }
    return text;
}

// Horizontal bars: one row per label, the value written at the end of the bar.
std::string svg_hbars(const std::vector<std::string>& labels, const std::vector<int64_t>& values, int64_t max_value,
                      const std::string& x_title) {
    const double row = 34, left = 300, width = 760, plot_w = width - left - 80;
    const double height = row * std::max<size_t>(labels.size(), 1) + 50;
    if (max_value <= 0)
        for (int64_t v : values) max_value = std::max(max_value, v);
    max_value = std::max<int64_t>(max_value, 1);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 " + num(height) +
                      "\" width=\"760\" "
                      "height=\"" +
                      num(height) + "\" role=\"img\" font-family=\"sans-serif\" font-size=\"16\">\n";
    for (size_t i = 0; i < labels.size(); ++i) {
        const double y = 10 + row * i;
        std::string label = shorten(labels[i], 32);
        svg += "<text x=\"" + num(left - 10) + "\" y=\"" + num(y + 22) + "\" text-anchor=\"end\"><title>" +
               xml_escape(labels[i]) + "</title>" + xml_escape(label) + "</text>\n";
        const double bar = plot_w * values[i] / max_value;
        svg += "<rect x=\"" + num(left) + "\" y=\"" + num(y + 4) + "\" width=\"" + num(bar) + "\" height=\"" +
               num(row - 10) + "\" fill=\"#1f5fa8\"/>\n";
        svg += "<text x=\"" + num(left + bar + 8) + "\" y=\"" + num(y + 22) + "\">" + std::to_string(values[i]) + "</text>\n";
    }
    svg += "<line x1=\"" + num(left) + "\" y1=\"6\" x2=\"" + num(left) + "\" y2=\"" + num(height - 40) +
           "\" stroke=\"#344054\" stroke-width=\"2\"/>\n";
    svg += "<text x=\"" + num(left + plot_w / 2) + "\" y=\"" + num(height - 12) +
           "\" text-anchor=\"middle\" font-weight=\"bold\">" + xml_escape(x_title) + "</text>\n";
    return svg + "</svg>\n";
}

std::string title_of(const ReportInfo& info, const std::string& id) {
    auto it = info.titles.find(id);
    return it == info.titles.end() ? id : it->second;
}

std::string replace_all(std::string text, const std::string& name, const std::string& value) {
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size()))
        text.replace(at, name.size(), value);
    return text;
}

}  // namespace

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string report_html(const StatsSummary& s, const ReportInfo& info, const Translations& tr) {
    auto t = [&](const char* key) { return xml_escape(tr.get(info.lang, key)); };
    std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(info.lang)) +
                       "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + t("stats.report_title") +
                       "</title>\n<style>\nbody{font-family:sans-serif;max-width:820px;margin:2em auto;color:#101828}\n"
                       "h1{font-size:1.8em}h2{font-size:1.3em;margin-top:2em}table{border-collapse:collapse}\n"
                       "td,th{border:1px solid #d0d5dd;padding:4px 10px;text-align:left}"
                       ".num{text-align:right}.big{font-size:1.6em;font-weight:bold}\n</style>\n</head>\n<body>\n";
    html += "<h1>" + t("stats.report_title") + "</h1>\n<table>\n";
    std::string kiosk = xml_escape(info.kiosk_id);
    if (!info.kiosk_name.empty()) kiosk = xml_escape(info.kiosk_name) + " (" + kiosk + ")";
    if (info.kiosk_names.size() > 1) kiosk = std::to_string(info.kiosk_names.size());
    html += "<tr><th>" + t(info.kiosk_names.size() > 1 ? "stats.kiosks" : "stats.kiosk") + "</th><td>" + kiosk + "</td></tr>\n";
    html += "<tr><th>" + t("stats.period") + "</th><td>" + local_date(s.from_ms) + " — " + local_date(s.to_ms - 1) +
            "</td></tr>\n";
    html += "<tr><th>" + t("stats.visitors") + "</th><td class=\"big\">" + std::to_string(s.visitors) + "</td></tr>\n";
    html += "<tr><th>" + t("stats.median_visit") + "</th><td>" + std::to_string(s.median_visit_s / 60) + " " +
            t("stats.unit_min") + " " + std::to_string(s.median_visit_s % 60) + " " + t("stats.unit_s") + "</td></tr>\n";
    html += "<tr><th>" + t("stats.documents_opened") + "</th><td>" + std::to_string(s.documents_opened) + "</td></tr>\n";
    html += "<tr><th>" + t("stats.searches") + "</th><td>" + std::to_string(s.searches) + "</td></tr>\n</table>\n";

    std::vector<std::string> hours;
    hours.reserve(24);
    std::vector<int64_t> per_hour(s.per_hour.begin(), s.per_hour.end());
    for (int h = 0; h < 24; ++h) hours.push_back(std::to_string(h));
    html += "<h2>" + replace_all(t("stats.per_hour"), "{date}", s.last_day) + "</h2>\n";
    html += svg_chart(hours, per_hour, false, tr.get(info.lang, "stats.axis_hour"),
                      tr.get(info.lang, "stats.axis_visitors"), 2);
    std::vector<std::string> days;
    std::vector<int64_t> per_day;
    for (const auto& day : s.per_day) days.push_back(day.first.substr(5)), per_day.push_back(day.second);
    html += "<h2>" + t("stats.per_day") + "</h2>\n";
    html += svg_chart(days, per_day, true, tr.get(info.lang, "stats.axis_day"), tr.get(info.lang, "stats.axis_visitors"),
                      static_cast<int>(std::max<size_t>(1, (days.size() + 9) / 10)));

    auto bars = [&](const char* heading, const std::vector<StatsRow>& rows, const char* axis, bool titles) {
        html += "<h2>" + t(heading) + "</h2>\n";
        if (rows.empty()) return void(html += "<p>" + t("stats.no_data") + "</p>\n");
        std::vector<std::string> labels;
        std::vector<int64_t> values;
        for (const StatsRow& row : rows)
            labels.push_back(titles ? title_of(info, row.key) : row.key), values.push_back(row.count);
        html += svg_hbars(labels, values, 0, tr.get(info.lang, axis));
    };
    bars("stats.top_documents", s.top_documents, "stats.axis_opens", true);
    bars("stats.top_lessons", s.top_lessons, "stats.axis_starts", true);
    bars("stats.top_searches", s.top_searches, "stats.axis_searches", false);
    bars("stats.zero_searches", s.zero_searches, "stats.axis_searches", false);
    std::vector<StatsRow> languages;
    for (Lang lang : {Lang::Ru, Lang::Zh, Lang::En})
        languages.push_back(
            {tr.get(info.lang, std::string("stats.lang.") + lang_code(lang)), s.languages[static_cast<int>(lang)], 0});
    bars("stats.languages", languages, "stats.axis_visitors", false);
    html += "<h2>" + t("stats.quizzes") + "</h2>\n";
    if (s.quizzes.empty()) html += "<p>" + t("stats.no_data") + "</p>\n";
    else {
        std::vector<std::string> labels;
        std::vector<int64_t> values;
        for (const QuizRow& row : s.quizzes) {
            labels.push_back(title_of(info, row.lesson) + " (" + std::to_string(row.attempts) + ")");
            values.push_back(row.questions ? (row.correct * 100 + row.questions / 2) / row.questions : 0);
        }
        html += svg_hbars(labels, values, 100, tr.get(info.lang, "stats.axis_percent"));
    }
    if (info.kiosk_names.size() > 1) {
        html += "<h2>" + t("stats.kiosks") + "</h2>\n<table>\n<tr><th>" + t("stats.kiosk") + "</th><th>" +
                t("stats.visitors") + "</th><th>" + t("stats.events") + "</th></tr>\n";
        for (const StatsRow& row : s.kiosks) {
            auto name = info.kiosk_names.find(row.key);
            std::string label = xml_escape(row.key);
            if (name != info.kiosk_names.end() && !name->second.empty())
                label = xml_escape(name->second) + " (" + label + ")";
            html += "<tr><td>" + label + "</td><td class=\"num\">" + std::to_string(row.count) +
                    "</td><td class=\"num\">" + std::to_string(row.extra) + "</td></tr>\n";
        }
        html += "</table>\n";
    }
    html += "<p>" + t("stats.privacy") + "</p>\n</body>\n</html>\n";
    return html;
}

// ---------------------------------------------------------------- [SECTION] Writing a report folder

namespace {

// One file of the report, written and fsync()ed, with its checksum.
class ReportFile {
public:
    bool open(const std::string& path, ExportResult* result) {
        path_ = path;
        fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        crypto_generichash_init(&hash_, nullptr, 0, crypto_generichash_BYTES);
        return fd_ >= 0 || fail(result, "cannot be created");
    }
    bool write(const std::string& data, ExportResult* result) {
        crypto_generichash_update(&hash_, reinterpret_cast<const unsigned char*>(data.data()), data.size());
        size_t done = 0;
        while (done < data.size()) {
            ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return fail(result, "cannot be written");
            done += static_cast<size_t>(n);
        }
        result->bytes += data.size();
        return true;
    }
    // fsync and close: a full stick often only says so here.
    bool finish(ExportResult* result, std::string* hex) {
        const bool ok = ::fsync(fd_) == 0 || fail(result, "cannot be saved");
        const int close_status = ::close(fd_);
        fd_ = -1;
        if (ok && close_status != 0) return fail(result, "cannot be saved");
        unsigned char digest[crypto_generichash_BYTES];
        crypto_generichash_final(&hash_, digest, sizeof digest);
        hex->assign(sizeof digest * 2 + 1, '\0');
        sodium_bin2hex(&(*hex)[0], hex->size(), digest, sizeof digest);
        hex->pop_back();
        ++result->files;
        return ok;
    }
    ~ReportFile() {
        if (fd_ >= 0) ::close(fd_);
    }

private:
    bool fail(ExportResult* result, const char* what) {
        result->sys_errno = errno;
        result->error = path_ + ": " + what + " (" + std::strerror(errno) + ")";
        return false;
    }
    std::string path_;
    int fd_ = -1;
    crypto_generichash_state hash_{};
};

// Removes a folder of plain files (a report or a leftover .incomplete one).
bool remove_flat_dir(const std::string& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return errno == ENOENT;
    while (dirent* entry = ::readdir(d)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") ::unlink(fs::join(dir, name).c_str());
    }
    ::closedir(d);
    return ::rmdir(dir.c_str()) == 0;
}

bool dir_is_empty(const std::string& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return false;
    bool empty = true;
    while (dirent* entry = ::readdir(d)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") empty = false;
    }
    ::closedir(d);
    return empty;
}

}  // namespace

ExportResult write_report(const std::vector<UsageEvent>& events, const ReportInfo& info, const Translations& translations,
                          const std::string& out_dir, const std::function<void(float)>& progress) {
    ExportResult result;
    std::string dir = out_dir;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    const std::string temp = dir + kIncompleteSuffix;
    if (fs::exists(dir) && !fs::exists(fs::join(dir, kExportManifest)) && !dir_is_empty(dir)) {
        result.error = dir + ": exists and is not a kiosk statistics report; choose another folder";
        return result;
    }
    std::string error;
    remove_flat_dir(temp);
    if (!fs::make_dirs(fs::dirname(temp), &error) || ::mkdir(temp.c_str(), 0755) != 0) {
        result.sys_errno = errno;
        result.error = temp + ": cannot be created (" + std::strerror(errno) + ")";
        return result;
    }
    if (sodium_init() < 0) {
        result.error = "libsodium cannot be initialised";
        return result;
    }
    std::string manifest = std::string("format ") + kExportFormat + "\nkiosk_id " + info.kiosk_id + "\nkiosk_name " +
                           info.kiosk_name + "\nfrom " + format_utc_millis(info.from_ms) + "\nto " +
                           format_utc_millis(info.to_ms) + "\ncreated " + format_utc_millis(unix_now_ms()) + "\n";
    for (const auto& entry : info.kiosk_names) manifest += "kiosk " + entry.first + " " + entry.second + "\n";
    const double total = static_cast<double>(events.size()) + 1;
    size_t done = 0;
    for (int k = 0; k < kEventKindCount; ++k) {
        const EventKind kind = static_cast<EventKind>(k);
        const std::string name = std::string(event_kind_name(kind)) + ".csv";
        ReportFile file;
        if (!file.open(fs::join(temp, name), &result) || !file.write(csv_line(csv_header(kind)), &result))
            return result;
        std::string chunk;
        int64_t rows = 0;
        for (const UsageEvent& e : events) {
            if (e.kind != kind) continue;
            chunk += csv_row(e, e.kiosk_id.empty() ? info.kiosk_id : e.kiosk_id);
            ++rows;
            if (chunk.size() > size_t{64} * 1024) {
                if (!file.write(chunk, &result)) return result;
                chunk.clear();
            }
        }
        std::string hex;
        if (!file.write(chunk, &result) || !file.finish(&result, &hex)) return result;
        manifest += "file " + name + " " + std::to_string(rows) + " " + hex + "\n";
        done = static_cast<size_t>(done + rows);
        if (progress) progress(static_cast<float>(std::min(0.9, 0.9 * done / total)));
    }
    std::string hex;
    {
        ReportFile file;
        const std::string html = report_html(summarize_events(events, info.from_ms, info.to_ms), info, translations);
        if (!file.open(fs::join(temp, "report.html"), &result) || !file.write(html, &result) || !file.finish(&result, &hex))
            return result;
        manifest += "file report.html 0 " + hex + "\n";
    }
    ReportFile file;  // last: a folder with export.txt is complete
    if (!file.open(fs::join(temp, kExportManifest), &result) || !file.write(manifest, &result) || !file.finish(&result, &hex))
        return result;
    if (!fs::sync_path(temp, &error)) {
        result.sys_errno = errno;
        result.error = error;
        return result;
    }
    // Replace an older report of the same name: set it aside, move the new one in, drop it.
    const std::string old = dir + ".old";
    remove_flat_dir(old);
    if (fs::exists(dir) && ::rename(dir.c_str(), old.c_str()) != 0) {
        result.sys_errno = errno;
        result.error = dir + ": the older report cannot be replaced (" + std::strerror(errno) + ")";
        return result;
    }
    if (!fs::rename_durably(temp, dir, &error)) {
        result.sys_errno = errno;
        result.error = error;
        return result;
    }
    remove_flat_dir(old);
    if (progress) progress(1.0f);
    result.ok = true;
    result.path = dir;
    return result;
}

ReportProblem classify_report_error(int sys_errno) {
    switch (sys_errno) {
        case ENOSPC:
        case EDQUOT: return ReportProblem::Full;
        case EROFS:
        case EACCES:
        case EPERM: return ReportProblem::ReadOnly;
        case ENOENT:
        case EIO:
        case ENODEV:
        case ENXIO:
        case ESTALE:
        case ENOTDIR: return ReportProblem::Pulled;
        default: return ReportProblem::Other;
    }
}

// ---------------------------------------------------------------- [SECTION] Reading a report folder back

bool read_report(const std::string& dir, std::vector<UsageEvent>* events, ReportInfo* info, std::string* error) {
    const std::string manifest_path = fs::join(dir, kExportManifest);
    std::string text;
    if (!fs::is_directory(dir)) return *error = dir + ": not a folder", false;
    // The writer renames the folder only after every file is synced: a folder still named
    // .incomplete was cut off, even if its export.txt happens to be whole (kill -9 just
    // before the rename).
    const std::string suffix = kIncompleteSuffix;
    std::string folder = dir;
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    if (folder.size() > suffix.size() && folder.compare(folder.size() - suffix.size(), suffix.size(), suffix) == 0)
        return *error = dir + ": this report was cut off while being written; write it again", false;
    if (!fs::read_file(manifest_path, &text))
        return *error = manifest_path + ": missing: not a kiosk statistics report, or one whose writing was cut off", false;
    ReportInfo read_info;
    std::vector<UsageEvent> read_events;
    std::set<std::string> listed;
    int line_no = 0;
    size_t start = 0;
    bool format_ok = false;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        const std::string where = manifest_path + ": line " + std::to_string(line_no) + ": ";
        const size_t space = line.find(' ');
        const std::string key = line.substr(0, space);
        const std::string value = space == std::string::npos ? std::string() : line.substr(space + 1);
        if (line_no == 1) {
            if (key != "format" || value != kExportFormat)
                return *error = where + "not a kiosk statistics report (expected 'format " + kExportFormat + "')", false;
            format_ok = true;
        } else if (key == "kiosk_id") read_info.kiosk_id = value;
        else if (key == "kiosk_name") read_info.kiosk_name = value;
        else if (key == "kiosk") {
            const size_t sep = value.find(' ');
            read_info.kiosk_names[value.substr(0, sep)] = sep == std::string::npos ? "" : value.substr(sep + 1);
        } else if (key == "from" || key == "to") {
            int64_t ms = 0;
            if (!parse_utc_timestamp(value, &ms))
                return *error = where + "field '" + key + "': '" + value + "' is not a time", false;
            (key == "from" ? read_info.from_ms : read_info.to_ms) = ms;
        } else if (key == "file") {
            // file NAME ROWS BLAKE2B
            const std::vector<std::string_view> fields = split_fields(value);
            int64_t rows = -1;
            if (fields.size() != 3 || !parse_integer(fields[1], int64_t{0}, INT64_MAX, &rows))
                return *error = where + "field 'file': expected NAME ROWS CHECKSUM", false;
            const std::string file_name(fields[0]);
            const std::string hex(fields[2]);
            if (file_name.find('/') != std::string::npos || file_name[0] == '.')
                return *error = where + "field 'file': '" + file_name + "' is not a file name in the report", false;
            const std::string path = fs::join(dir, file_name);
            std::string data;
            if (!fs::read_file(path, &data)) return *error = path + ": listed in export.txt but missing", false;
            unsigned char digest[crypto_generichash_BYTES];
            crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                               nullptr, 0);
            char actual[crypto_generichash_BYTES * 2 + 1];
            sodium_bin2hex(actual, sizeof actual, digest, sizeof digest);
            if (std::string(actual) != hex)
                return *error = path + ": changed or damaged since it was written (checksum differs from export.txt)", false;
            listed.insert(file_name);
            if (file_name == "report.html") continue;
            EventKind kind;
            if (file_name.size() < 5 || !parse_event_kind(file_name.substr(0, file_name.size() - 4), &kind))
                return *error = where + "field 'file': unknown file '" + file_name + "'", false;
            std::vector<std::vector<std::string>> rows_read;
            std::vector<int> lines;
            int bad_line = 0;
            if (!parse_csv(data, &rows_read, &lines, &bad_line))
                return *error = path + ": line " + std::to_string(bad_line) + ": a quoted field is not closed", false;
            const std::vector<std::string> header = csv_header(kind);
            if (rows_read.empty() || rows_read[0] != header)
                return *error = path + ": line 1: the columns are not " +
                                csv_line(header).substr(0, csv_line(header).size() - 2),
                       false;
            if (static_cast<long long>(rows_read.size() - 1) != rows)
                return *error = path + ": has " + std::to_string(rows_read.size() - 1) + " rows, export.txt says " +
                                std::to_string(rows),
                       false;
            for (size_t r = 1; r < rows_read.size(); ++r) {
                const std::vector<std::string>& f = rows_read[r];
                const std::string at = path + ": line " + std::to_string(lines[r]) + ": ";
                if (f.size() != header.size())
                    return *error = at + "expected " + std::to_string(header.size()) + " fields, found " +
                                    std::to_string(f.size()),
                           false;
                UsageEvent e;
                e.kind = kind;
                e.kiosk_id = f[0];
                auto bad = [&](size_t column, const char* what) {
                    *error = at + "field '" + header[column] + "': '" + f[column] + "' " + what;
                    return false;
                };
                if (e.kiosk_id.empty() || e.kiosk_id.size() > 32) return bad(0, "is not a kiosk id");
                if (!parse_int64(f[1], &e.id) || e.id <= 0) return bad(1, "is not an event id");
                if (!parse_utc_timestamp(f[2], &e.at_ms)) return bad(2, "is not a time like 2026-11-29T14:03:07.250Z");
                if (!parse_int64(f[3], &e.session) || e.session < 0) return bad(3, "is not a session number");
                size_t column = 4;
                const EventColumns& c = event_columns(kind);
                if (c.subject) e.subject = f[column++];
                if (c.detail) e.detail = f[column++];
                if (c.value && !parse_int64(f[column], &e.value)) return bad(column, "is not a number");
                if (c.value) ++column;
                if (c.value2 && !parse_int64(f[column], &e.value2)) return bad(column, "is not a number");
                read_events.push_back(std::move(e));
            }
        } else if (!key.empty() && key != "created") {
            return *error = where + "unknown field '" + key + "'", false;
        }
    }
    if (!format_ok) return *error = manifest_path + ": empty: not a kiosk statistics report", false;
    for (int k = 0; k < kEventKindCount; ++k) {
        const std::string name = std::string(event_kind_name(static_cast<EventKind>(k))) + ".csv";
        if (!listed.count(name)) return *error = manifest_path + ": does not list " + name + " (cut short?)", false;
    }
    if (read_info.kiosk_names.empty() && !read_info.kiosk_id.empty())
        read_info.kiosk_names[read_info.kiosk_id] = read_info.kiosk_name;
    for (const UsageEvent& e : read_events)
        if (!read_info.kiosk_names.count(e.kiosk_id))
            return *error = dir + ": events of kiosk '" + e.kiosk_id + "' that export.txt does not list", false;
    events->insert(events->end(), read_events.begin(), read_events.end());
    *info = std::move(read_info);
    return true;
}

std::vector<UsageEvent> merge_events(const std::vector<std::vector<UsageEvent>>& reports) {
    std::set<std::pair<std::string, int64_t>> seen;
    std::vector<UsageEvent> merged;
    for (const auto& events : reports)
        for (const UsageEvent& e : events)
            if (seen.insert({e.kiosk_id, e.id}).second) merged.push_back(e);
    std::stable_sort(merged.begin(), merged.end(),
                     [](const UsageEvent& a, const UsageEvent& b) { return a.at_ms < b.at_ms; });
    return merged;
}

}  // namespace kiosk::core
