#include "kioskctl/command_line.h"

namespace kiosk::ctl {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "build SOURCE_DIR OUT.db [--content-version N] [--built-at TIME]",
         "compile content sources into a content database", cmd_build},
        {"list", "list DB", "list what a content database holds", cmd_list},
        {"keygen", "keygen --secret-key FILE --public-key FILE [--force]",
         "make a signing key pair (minisign format, unencrypted)", cmd_keygen},
        {"pack", "pack SOURCE_DIR --content-version N --secret-key FILE --out PKG",
         "build a content package and sign it (PKG.minisig)", cmd_pack},
        {"sign", "sign PKG --secret-key FILE [--trusted-comment TEXT]",
         "sign a package (writes PKG.minisig, with the package's manifest)", cmd_sign},
        {"verify", "verify PKG --public-key FILE [--signature SIG]",
         "check a package as the kiosk would; exit 1 with the reason if invalid", cmd_verify},
        {"install", "install PKG --data-dir DIR [--factory DB] [--trusted-keys-dir DIR] [--signature SIG]",
         "verify and install a package, as the kiosk does from a USB stick", cmd_install},
        {"rollback", "rollback --data-dir DIR [--factory DB]",
         "bring back the content that was active before the last install", cmd_rollback},
        {"status", "status --data-dir DIR [--factory DB] [--json]",
         "show the active and previous content, and whether the PINs are set and usable", cmd_status},
        {"settings", "settings --data-dir DIR [KEY VALUE] | settings --help", settings_summary(), cmd_settings},
        {"set-pin", "set-pin --data-dir DIR [--role organizer|trainer] [--pin-stdin | --random [--if-unset]]",
         "set the organizer or trainer PIN (6 to 12 digits) from standard input, or a random one printed once", cmd_set_pin},
        {"trainer-results", "trainer-results --data-dir DIR [--csv]",
         "print the group-quiz sessions recorded in trainer mode", cmd_trainer_results},
        {"stats", "stats export --data-dir DIR --out DIR [--from DATE --to DATE] [--lang ru|zh|en] [--content DB] | stats merge EXPORT_DIR... --out DIR [--lang ru|zh|en] [--content DB]",
         "write the usage statistics as a report (CSV files and report.html), or merge several kiosks' reports into "
         "one",
         cmd_stats},
        {"search", "search DB QUERY [--limit N] [--json]",
         "search the documents and lessons as a visitor would; one result per line, best first", cmd_search},
        {"export-html", "export-html DB OUT.html",
         "write every document (titles, summaries, official text) as one HTML page, for benchmarks", cmd_export_html},
        {"check-translations",
         "check-translations DIR", "check DIR/ru.txt, zh.txt and en.txt as the kiosk reads them; each problem as FILE:LINE (the build runs it on assets/i18n)",
         cmd_check_translations},
    };
    return table;
}

}  // namespace kiosk::ctl
