#!/usr/bin/env bash
# Checks the includes of kiosk/ for what the layers' include roots cannot catch
# (docs/architecture.md, *Layers*). The roots keep a layer from seeing the headers of the
# project's layers above it and of SDL and ImGui, but every library in /usr/include is
# visible to every layer. So this script checks, in every file under kiosk/:
#   - each third-party header belongs to a library the file's layer may use (the table below,
#     the same as docs/architecture.md's);
#   - nothing is spelled through /usr/include around a root: <SDL2/...>, <imgui/...>;
#   - no include climbs out of its folder: "../x.h";
#   - kiosk/core and kioskctl do not include core/text or core/ime (kiosk_text and kiosk_ime
#     are libraries of their own, which kioskctl does not link);
#   - no header of kiosk/ui reaches <sqlite3.h>, also not through core headers: the UI's state
#     and screens compile without SQLite (a .cpp may call a core API that uses it).
#   bash deploy/check-layers.sh [ROOT]     ROOT holds kiosk/ (default: this repository)
# Prints FILE:LINE: what and why for each violation; exits 1 if there is one.
set -euo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
[[ -d "$root/kiosk" ]] || { echo "check-layers: $root/kiosk: no such folder" >&2; exit 2; }
cd "$root"
mapfile -t files < <(find kiosk -type f \( -name '*.h' -o -name '*.cpp' \) | LC_ALL=C sort)
[[ ${#files[@]} -gt 0 ]] || { echo "check-layers: no sources under $root/kiosk" >&2; exit 2; }

awk '
BEGIN {
    # library @ header (extended regex over the spelled path) @ layers that may include it
    n = split("SQLite@^sqlite3\\.h$@core core/text core/ime kioskctl bench;" \
              "libunibreak@^(linebreak|linebreakdef|wordbreak|graphemebreak|unibreakdef)\\.h$@core core/text core/ime bench;" \
              "libsodium@^sodium(\\.h$|/)@core core/text core/ime kioskctl bench;" \
              "ICU@^unicode/@core core/text core/ime bench;" \
              "libqrencode@^qrencode\\.h$@core core/text core/ime bench;" \
              "zlib@^zlib\\.h$@core core/text core/ime bench;" \
              "libstemmer@^libstemmer\\.h$@core core/text core/ime bench;" \
              "FreeType@^(ft2build\\.h$|freetype/)@core/text;" \
              "HarfBuzz@^(hb\\.h$|hb-|harfbuzz/)@core/text;" \
              "FriBiDi@^fribidi@core/text;" \
              "librime@^(rime_api\\.h$|rime/)@core/ime bench;" \
              "the SDL_Renderer backend of ImGui@^imgui_impl_@platform;" \
              "Dear ImGui@^(imgui[a-z_]*\\.h|imconfig\\.h|imstb_[a-z]*\\.h)$@ui platform;" \
              "SDL2@^SDL[A-Za-z0-9_]*\\.h$@platform;" \
              "stb@^stb_@;" \
              "libsystemd@^systemd/@platform", rules, ";")
    for (i = 1; i <= n; i++) {
        split(rules[i], f, "@")
        lib_name[i] = f[1]; lib_re[i] = f[2]; lib_layers[i] = f[3]
    }
    libs = n
    bad = 0
}

function layer_of(path) {
    if (path ~ /^kiosk\/core\/text\//) return "core/text"
    if (path ~ /^kiosk\/core\/ime\//) return "core/ime"
    if (path ~ /^kiosk\/core\//) return "core"
    if (path ~ /^kiosk\/ui\//) return "ui"
    if (path ~ /^kiosk\/platform\//) return "platform"
    if (path ~ /^kiosk\/kioskctl\//) return "kioskctl"
    if (path ~ /^kiosk\/bench\//) return "bench"
    return "main"
}

function report(msg) {
    print FILENAME ":" FNR ": " msg
    bad = 1
}

function dir_of(path) { sub(/\/[^\/]*$/, "", path); return path }

# An #include spelled with a path (not a macro such as FT_FREETYPE_H).
/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
    line = $0
    sub(/^[ \t]*#[ \t]*include[ \t]*/, "", line)
    quote = substr(line, 1, 1)
    close_char = (quote == "<") ? ">" : "\""
    path = substr(line, 2)
    end = index(path, close_char)
    if (end == 0) next
    path = substr(path, 1, end - 1)
    spelled = quote path close_char
    layer = layer_of(FILENAME)

    if (path ~ /(^|\/)\.\.(\/|$)/) {
        report("#include " spelled ": a relative include climbs out of its folder and around the include roots; spell it from a root (\"core/...\", \"ui/...\")")
        next
    }
    if (path ~ /^(SDL2|imgui)\//) {
        report("#include " spelled ": spelled through /usr/include, around the include roots; SDL is <SDL.h> and ImGui <imgui.h>, where the layer may use them")
        next
    }
    if (quote == "\"" && (layer == "core" || layer == "kioskctl") && path ~ /^core\/(text|ime)\//) {
        report("#include " spelled ": kiosk_text and kiosk_ime sit beside the core, not in it; the " layer " layer does not link them")
        next
    }
    if (path == "sqlite3.h" && !(FILENAME in sqlite_line)) sqlite_line[FILENAME] = FNR
    for (i = 1; i <= libs; i++) {
        if (path ~ lib_re[i]) {
            if ((" " lib_layers[i] " ") !~ (" " layer " ")) {
                allowed = lib_layers[i] == "" ? "no layer (only libraries link it)" : "only " lib_layers[i]
                report("#include " spelled ": " lib_name[i] " is not for the " layer " layer (may include it: " allowed ")")
            }
            next
        }
    }
    # The project'"'"'s own headers: from a root, or beside the including file.
    if (quote == "\"" && path ~ /^(core|ui|platform|kioskctl)\//) {
        edges[FILENAME] = edges[FILENAME] " kiosk/" path
        edge_line[FILENAME, "kiosk/" path] = FNR
    } else if (quote == "\"" && path !~ /\//) {
        target = dir_of(FILENAME) "/" path
        edges[FILENAME] = edges[FILENAME] " " target
        edge_line[FILENAME, target] = FNR
    }
}

# The chain of project headers from `file` to <sqlite3.h>, or "" if there is none.
function sqlite_chain(file,    list, count, i, next_file, rest) {
    if (file in chain) return chain[file]
    chain[file] = ""  # also stops cycles
    if (file in sqlite_line) {
        chain[file] = file ":" sqlite_line[file] " <sqlite3.h>"
        return chain[file]
    }
    count = split(edges[file], list, " ")
    for (i = 1; i <= count; i++) {
        next_file = list[i]
        rest = sqlite_chain(next_file)
        if (rest != "") {
            chain[file] = file ":" edge_line[file, next_file] " -> " rest
            return chain[file]
        }
    }
    return ""
}

END {
    for (file in edges) seen[file] = 1
    for (file in sqlite_line) seen[file] = 1
    count = 0
    for (file in seen) if (file ~ /^kiosk\/ui\/[^\/]*\.h$/) ui_headers[++count] = file
    # Report in file order, as the rest.
    for (i = 2; i <= count; i++)
        for (j = i; j > 1 && ui_headers[j - 1] > ui_headers[j]; j--) {
            t = ui_headers[j]; ui_headers[j] = ui_headers[j - 1]; ui_headers[j - 1] = t
        }
    for (i = 1; i <= count; i++) {
        if (ui_headers[i] in sqlite_line) continue  # reported as an include SQLite is not for
        c = sqlite_chain(ui_headers[i])
        if (c == "") continue
        first = c; sub(/ -> .*/, "", first); sub(/ <sqlite3\.h>$/, "", first)
        print first ": reaches <sqlite3.h> (" c "): keep SQLite out of the UI'"'"'s headers (forward-declare, or use a SQLite-free core header)"
        bad = 1
    }
    exit bad
}
' "${files[@]}"
