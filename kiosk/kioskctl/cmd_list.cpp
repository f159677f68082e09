// kioskctl list DB: one line per item: id, kind, languages, size. A lesson and its quiz
// are two items with the lesson's id.
#include "core/content_store.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
std::string languages_of(const LocalizedText& title) {
    std::string out;
    for (Lang lang : kAllLangs)
        if (!title[lang].empty()) out += (out.empty() ? "" : ",") + std::string(lang_code(lang));
    return out;
}
}  // namespace

int cmd_list(const std::vector<std::string>& args) {
    CommandLine cl(args, {}, {});
    if (!cl.ok()) return usage_error("list", cl.error());
    if (cl.positional().size() != 1) return usage_error("list", "expected DB");
    std::string error;
    auto store = ContentStore::open(cl.positional()[0], &error);
    if (!store) {
        std::fprintf(stderr, "kioskctl list: %s\n", error.c_str());
        return 1;
    }
    for (const Document& doc : store->documents()) {
        std::printf("%s\tdocument/%s\t%s\t%d paragraphs\n", doc.info.id.c_str(), document_type_name(doc.info.type),
                    languages_of(doc.info.title).c_str(), doc.info.block_count);
    }
    for (const Lesson& lesson : store->lessons()) {
        std::string languages = languages_of(lesson.title);
        std::printf("%s\tlesson\t%s\t%zu slides\n", lesson.id.c_str(), languages.c_str(), lesson.slides.size());
        std::printf("%s\tquiz\t%s\t%zu questions\n", lesson.id.c_str(), languages.c_str(), lesson.questions.size());
    }
    return 0;
}

}  // namespace kiosk::ctl
