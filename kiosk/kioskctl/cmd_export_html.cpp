// kioskctl export-html DB OUT.html: every document of a content database as one static HTML
// page, set in the kiosk's Noto faces. deploy/bench-vs-chromium.sh has a headless Chromium draw
// this page, so the browser lays out the same text the kiosk shows: each document's titles,
// summaries, place, issuer and date note in every language, then its official Russian body,
// section by section. Nothing is added that the database does not hold, apart from markup.
#include "core/content_store.h"
#include "core/file_io.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// `lang` attributes pick the glyph forms (zh-Hans: simplified, from Noto Sans CJK SC).
const char* html_lang(Lang lang) {
    switch (lang) {
        case Lang::Ru: return "ru";
        case Lang::Zh: return "zh-Hans";
        case Lang::En: return "en";
    }
    return "ru";
}

std::string escape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

void element(std::string* html, const char* tag, const char* css_class, const char* lang, const std::string& text) {
    *html += std::string("<") + tag;
    if (css_class) *html += std::string(" class=\"") + css_class + "\"";
    if (lang) *html += std::string(" lang=\"") + lang + "\"";
    *html += ">" + escape_html(text) + "</" + tag + ">\n";
}

// One element per language that has the text, in the kiosk's language order.
void localized(std::string* html, const char* tag, const char* css_class, const LocalizedText& text) {
    for (Lang lang : kAllLangs)
        if (!text[lang].empty()) element(html, tag, css_class, html_lang(lang), text[lang]);
}

void append_body(std::string* html, const Document& doc) {
    bool in_list = false;
    int section = -1;
    for (const Block& block : doc.blocks) {
        const bool list_item = block.kind == BlockKind::ListItem;
        if (in_list && (!list_item || block.section != section)) {
            *html += "</ul>\n";
            in_list = false;
        }
        // Headings come from the sections, including those directly above another heading.
        for (; section < block.section; ++section) {
            const std::string& heading = doc.sections[static_cast<size_t>(section) + 1].heading;
            if (!heading.empty()) element(html, "h2", nullptr, nullptr, heading);
        }
        if (list_item && !in_list) {
            *html += "<ul>\n";
            in_list = true;
        }
        if (list_item) element(html, "li", nullptr, nullptr, block.text);
        else element(html, "p", block.kind == BlockKind::Signature ? "signature" : nullptr, nullptr, block.text);
    }
    if (in_list) *html += "</ul>\n";
}

void append_document(std::string* html, const Document& doc) {
    const DocumentInfo& info = doc.info;
    *html += "<article id=\"" + escape_html(info.id) + "\" lang=\"ru\">\n<header>\n";
    element(html, "h1", nullptr, "ru", info.title[Lang::Ru]);
    for (Lang lang : {Lang::Zh, Lang::En})
        if (!info.title[lang].empty()) element(html, "p", "title", html_lang(lang), info.title[lang]);
    element(html, "p", "meta", nullptr, info.date);
    localized(html, "p", "meta", info.date_note);
    localized(html, "p", "meta", info.place);
    localized(html, "p", "meta", info.issuer);
    localized(html, "p", "meta", info.parties_note);
    localized(html, "p", "meta", info.annex_note);
    localized(html, "p", "summary", info.summary);
    *html += "</header>\n";
    append_body(html, doc);
    *html += "</article>\n";
}

// The kiosk's faces: Noto Sans, falling back to Noto Sans CJK SC for Chinese.
constexpr const char* kStyle = "body { margin: 48px 64px; background: #f7f5f0; color: #1d2433;"
                               " font: 28px/1.45 'Noto Sans', 'Noto Sans CJK SC', sans-serif; }\n"
                               ":lang(zh) { font-family: 'Noto Sans CJK SC', 'Noto Sans', sans-serif; }\n"
                               "h1 { font-size: 46px; line-height: 1.2; }\n"
                               "h2 { font-size: 34px; }\n"
                               ".title { font-size: 30px; font-weight: bold; }\n"
                               ".meta { font-size: 24px; color: #4a5468; }\n"
                               ".signature { text-align: right; }\n";

std::string export_html(const ContentStore& store) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<title>" + escape_html(store.info().product_id) + "</title>\n";
    html += std::string("<style>\n") + kStyle + "</style>\n</head>\n<body>\n";
    for (const Document& doc : store.documents()) append_document(&html, doc);
    html += "</body>\n</html>\n";
    return html;
}

}  // namespace

int cmd_export_html(const std::vector<std::string>& args) {
    CommandLine cl(args, {}, {});
    if (!cl.ok()) return usage_error("export-html", cl.error());
    if (cl.positional().size() != 2) return usage_error("export-html", "expected DB and OUT.html");
    std::string error;
    auto store = ContentStore::open(cl.positional()[0], &error);
    if (!store) {
        std::fprintf(stderr, "kioskctl export-html: %s\n", error.c_str());
        return 1;
    }
    const std::string& out = cl.positional()[1];
    if (!fs::write_file_atomically(out, export_html(*store), &error)) {
        std::fprintf(stderr, "kioskctl export-html: cannot write %s: %s\n", out.c_str(), error.c_str());
        return 1;
    }
    std::fprintf(stderr, "wrote %s (%zu documents)\n", out.c_str(), store->documents().size());
    return 0;
}

}  // namespace kiosk::ctl
