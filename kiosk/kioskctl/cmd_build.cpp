// kioskctl build SOURCE_DIR OUT.db [--content-version N] [--built-at YYYY-MM-DDTHH:MM:SSZ]
#include "core/content_builder.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_build(const std::vector<std::string>& args) {
    CommandLine cl(args, {"content-version", "built-at"}, {});
    if (!cl.ok()) return usage_error("build", cl.error());
    if (cl.positional().size() != 2) return usage_error("build", "expected SOURCE_DIR and OUT.db");
    BuildOptions options;
    options.source_dir = cl.positional()[0];
    options.out_path = cl.positional()[1];
    options.built_at = cl.value("built-at");
    std::string error;
    if (!cl.integer("content-version", 1, &options.content_version, &error)) return usage_error("build", error);
    if (options.content_version < 1)
        return usage_error("build", "--content-version must be at least 1, got " + cl.value("content-version"));

    Diagnostics diagnostics;
    if (!build_content(options, &diagnostics)) {
        for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.str().c_str());
        std::fprintf(stderr, "kioskctl build: %zu problem(s); nothing was written to %s\n", diagnostics.size(),
                     options.out_path.c_str());
        return 1;
    }
    std::fprintf(stderr, "kioskctl build: wrote %s (content version %lld)\n", options.out_path.c_str(),
                 static_cast<long long>(options.content_version));
    return 0;
}

}  // namespace kiosk::ctl
