// kioskctl: the organizer's command-line tool. Each command lives in its own file;
// this file only dispatches.
#include "kioskctl/command_line.h"

#include <cstdio>
#include <cstring>

namespace {

void print_help(FILE* out) {
    std::fprintf(out, "kioskctl - manage the content and state of an SCO digital cooperation kiosk\n\n"
                      "usage: kioskctl COMMAND [ARGS]\n\ncommands:\n");
    for (const kiosk::ctl::Command& cmd : kiosk::ctl::commands())
        std::fprintf(out, "  %s\n      %s\n", cmd.usage, cmd.summary);
    std::fprintf(out, "\nExit status: 0 on success, 1 when the command failed, 2 on a usage error.\n"
                      "See docs/organizer-guide.md for a walk-through.\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        print_help(stdout);
        return argc < 2 ? 2 : 0;
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const kiosk::ctl::Command& cmd : kiosk::ctl::commands())
        if (!std::strcmp(argv[1], cmd.name)) return cmd.run(args);
    std::fprintf(stderr, "kioskctl: unknown command '%s' (see kioskctl --help)\n", argv[1]);
    return 2;
}
