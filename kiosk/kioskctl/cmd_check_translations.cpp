// kioskctl check-translations DIR: reads DIR/ru.txt, zh.txt and en.txt as the kiosk does and
// prints every problem as FILE:LINE: KEY: MESSAGE. The build runs it on assets/i18n, so a
// malformed line or escape fails the build instead of showing up on the kiosk's screen.
#include "core/translations.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_check_translations(const std::vector<std::string>& args) {
    CommandLine cl(args, {}, {});
    if (!cl.ok()) return usage_error("check-translations", cl.error());
    if (cl.positional().size() != 1) return usage_error("check-translations", "expected DIR");
    Translations translations;
    Diagnostics diagnostics;
    const bool ok = translations.load(cl.positional()[0], &diagnostics);
    for (const Diagnostic& diagnostic : diagnostics) std::fprintf(stderr, "%s\n", diagnostic.str().c_str());
    if (!ok) {
        std::fprintf(stderr, "kioskctl check-translations: %zu problem(s) in %s\n", diagnostics.size(),
                     cl.positional()[0].c_str());
        return 1;
    }
    std::printf("%zu keys\n", translations.all_keys().size());
    return 0;
}

}  // namespace kiosk::ctl
