#!/usr/bin/env bash
# Builds the Debian package for this machine's architecture and checks it:
#   - dpkg-deb -c lists the binaries, assets, factory content and boot plumbing;
#   - the control file depends on the fonts;
#   - unpacked into a throwaway root, its user and state directory are created there
#     (systemd-sysusers/systemd-tmpfiles --root), its service passes systemd-analyze verify,
#     and the unpacked kiosk starts from its installed assets and content (headless);
#   - the copyright file states the project licence (Apache-2.0, as LICENSE at the root);
#   - hardening (issue 13): the udev rule mounts only vfat, exfat and ext4 (rw,sync for the
#     statistics report, issue 15) with nosuid, nodev, noexec; SysRq is off; the service has its own VT and the sandbox options,
#     and `systemd-analyze security` rates it below 3.0; the postinst's random PIN is made once;
#   - lintian reports no errors or warnings (overrides: deploy/debian/).
#   bash deploy/package-test.sh [BUILD_DIR]      (default build-tests/, shared with deploy/test.sh)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
ensure_packages "$KIOSK_ROOT/deploy/packages-package.txt"
dir="${1:-$KIOSK_ROOT/build-tests}"
configure_and_build "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
    -DKIOSK_SHARE_DIR=/usr/share/sco-kiosk
rm -f "$dir"/sco-kiosk_*.deb
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(ls "$dir"/sco-kiosk_*.deb)
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
copyright_text=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/sco-kiosk/copyright)
grep -q "^Files: \*" <<<"$copyright_text" && grep -A2 "^Files: \*" <<<"$copyright_text" | grep -q "^License: Apache-2.0" \
    && grep -q "Apache License" "$KIOSK_ROOT/LICENSE" \
    && pass "copyright file and LICENSE: Apache-2.0" || fail "copyright file or LICENSE does not say Apache-2.0"
for f in ./usr/bin/kiosk ./usr/bin/kioskctl ./usr/share/sco-kiosk/content.db \
         ./usr/share/sco-kiosk/assets/i18n/en.txt ./usr/share/sco-kiosk/assets/i18n/ru.txt \
         ./usr/share/sco-kiosk/assets/i18n/zh.txt ./lib/systemd/system/sco-kiosk.service \
         ./usr/lib/tmpfiles.d/sco-kiosk.conf ./usr/lib/sysusers.d/sco-kiosk.conf \
         ./lib/udev/rules.d/90-sco-kiosk-usb.rules ./usr/lib/sysctl.d/90-sco-kiosk.conf \
         ./usr/share/doc/sco-kiosk/copyright \
         ./usr/share/doc/sco-kiosk/changelog.gz ./usr/share/doc/sco-kiosk/deploy.md; do
    grep -qx "$f" <<<"$contents" && pass "package contains $f" || fail "package lacks $f"
done
grep -q '^\./var/\|^\./media/\|^\./usr/local/' <<<"$contents" && fail "package ships files under /var, /media or /usr/local"

depends=$(dpkg-deb -f "$deb" Depends)
for dep in fonts-noto-core fonts-noto-cjk rime-data-pinyin-simp rime-prelude librime1 systemd udev espeak-ng espeak-ng-data libsdl2-2.0-0 libsqlite3-0 libqrencode4; do
    grep -q "\b$dep\b" <<<"$depends" && pass "depends on $dep" || fail "Depends lacks $dep: $depends"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
mkdir -p "$root/etc" "$root/var/lib"
for f in passwd group shadow gshadow; do : > "$root/etc/$f"; done
systemd-sysusers --root="$root" sco-kiosk.conf
grep -q '^sco-kiosk:' "$root/etc/passwd" && pass "sysusers creates the sco-kiosk user" || fail "no sco-kiosk user"
for group in video input render; do
    grep -q "^$group:.*sco-kiosk" "$root/etc/group" && pass "sco-kiosk is in group $group" || fail "sco-kiosk not in $group"
done
systemd-tmpfiles --root="$root" --create sco-kiosk.conf
owner_uid=$(stat -c %u "$root/var/lib/sco-kiosk" 2>/dev/null || echo none)
kiosk_uid=$(awk -F: '$1 == "sco-kiosk" {print $3}' "$root/etc/passwd")
[[ "$owner_uid" == "$kiosk_uid" ]] && pass "tmpfiles creates /var/lib/sco-kiosk owned by sco-kiosk" \
    || fail "/var/lib/sco-kiosk owner $owner_uid, expected $kiosk_uid"

# systemd-analyze verify needs the units the service refers to: the host's, beside ours.
mkdir -p "$root/verify/lib/systemd/system" "$root/verify/usr/bin"
cp -a /lib/systemd/system/. "$root/verify/lib/systemd/system/"
cp "$root/lib/systemd/system/sco-kiosk.service" "$root/verify/lib/systemd/system/"
cp "$root/usr/bin/kiosk" "$root/verify/usr/bin/"
verify_out=$(systemd-analyze verify --root="$root/verify" sco-kiosk.service 2>&1) && [[ -z "$verify_out" ]] \
    && pass "systemd-analyze verify sco-kiosk.service" || fail "systemd-analyze verify: $verify_out"
for key in "Type=notify" "WatchdogSec=" "Restart=always" "User=sco-kiosk" "SupplementaryGroups=video input render audio" \
           "Environment=SDL_AUDIODRIVER=alsa" "Environment=SDL_VIDEODRIVER=kmsdrm" "Environment=SDL_RENDER_DRIVER=opengles2" "StandardOutput=journal"; do
    grep -q "^$key" "$root/lib/systemd/system/sco-kiosk.service" && pass "service has $key" || fail "service lacks $key"
done

# Hardening (docs/deploy.md, "Hardening"). The udev rule: only the promised file systems, each
# mounted with --type and the four options.
rules="$root/lib/udev/rules.d/90-sco-kiosk-usb.rules"
grep -q 'ENV{ID_FS_TYPE}=="vfat|exfat|ext4"' "$rules" && pass "udev mounts only vfat, exfat and ext4" \
    || fail "udev rule does not limit the file system types"
grep -q -- '--type=$env{ID_FS_TYPE}' "$rules" && pass "udev names the file system driver" || fail "udev rule lacks --type"
grep -q -- '--options=rw,sync,nosuid,nodev,noexec ' "$rules" && pass "udev mounts rw,sync,nosuid,nodev,noexec" \
    || fail "udev rule lacks rw,sync,nosuid,nodev,noexec"
[[ $(grep -c 'RUN{program}' "$rules") == 1 ]] && pass "udev has a single mount rule" || fail "more than one mount in the udev rule"
grep -qx 'kernel.sysrq = 0' "$root/usr/lib/sysctl.d/90-sco-kiosk.conf" && pass "sysctl.d turns SysRq off" \
    || fail "no kernel.sysrq = 0 in sysctl.d"
unit="$root/lib/systemd/system/sco-kiosk.service"
for key in "TTYPath=/dev/tty7" "StandardInput=tty-force" "CapabilityBoundingSet=" "NoNewPrivileges=yes" \
           "ProtectSystem=strict" "StateDirectory=sco-kiosk" "ProtectHome=yes" "IPAddressDeny=any" \
           "RestrictAddressFamilies=AF_UNIX AF_NETLINK" "SystemCallFilter=@system-service" \
           "SystemCallFilter=~@privileged" "SystemCallArchitectures=native" "LockPersonality=yes" \
           "MemoryDenyWriteExecute=yes" "RestrictNamespaces=yes" "ProtectKernelTunables=yes" \
           "ProtectKernelModules=yes" "ProtectKernelLogs=yes" "ProtectClock=yes" "ProtectHostname=yes" \
           "DevicePolicy=closed" "DeviceAllow=char-drm rw" "DeviceAllow=char-input r" "DeviceAllow=char-alsa rw" \
           "UMask=0077"; do
    grep -qx "$key" "$unit" && pass "service has $key" || fail "service lacks $key"
done
security=$(systemd-analyze security --offline=true --root="$root/verify" sco-kiosk.service 2>&1 | tail -1)
exposure=$(sed -n 's/.*Overall exposure level for sco-kiosk.service: \([0-9.]*\).*/\1/p' <<<"$security")
if [[ -n "$exposure" ]] && awk -v e="$exposure" 'BEGIN { exit !(e < 3.0) }'; then
    pass "systemd-analyze security: exposure $exposure, below 3.0"
else
    fail "systemd-analyze security: exposure '${exposure:-?}' not below 3.0: $security"
fi
# What the postinst runs for each role: a random PIN printed once, then never replaced.
pin=$("$root/usr/bin/kioskctl" set-pin --data-dir "$root/pins" --random --if-unset 2>/dev/null)
again=$("$root/usr/bin/kioskctl" set-pin --data-dir "$root/pins" --random --if-unset 2>/dev/null)
[[ "$pin" =~ ^[0-9]{8}$ && -z "$again" ]] && pass "set-pin --random --if-unset makes one 8-digit PIN, once" \
    || fail "set-pin --random --if-unset printed '$pin' then '$again'"
dpkg-deb -e "$deb" "$root/control"
grep -q -- '--random --if-unset' "$root/control/postinst" && grep -q 'runuser -u sco-kiosk' "$root/control/postinst" \
    && pass "postinst makes the PINs as sco-kiosk, keeping a set one" || fail "postinst does not make per-device PINs"

# The unpacked kiosk runs from the package's own files, and was built to look for them there.
grep -q /usr/share/sco-kiosk "$root/usr/bin/kiosk" && pass "kiosk looks in /usr/share/sco-kiosk" \
    || fail "kiosk was built with another share dir"
"$root/usr/bin/kioskctl" list "$root/usr/share/sco-kiosk/content.db" >/dev/null \
    && pass "kioskctl lists the packaged content" || fail "kioskctl cannot read the packaged content"
printf 'wait 100\n' > "$root/script.txt"
"$root/usr/bin/kiosk" --headless --size 640x360 --content "$root/usr/share/sco-kiosk/content.db" \
    --assets "$root/usr/share/sco-kiosk/assets" --data-dir "$root/data" --script "$root/script.txt" \
    --dump-state "$root/state.json" && grep -q '"missing_glyphs": *0' "$root/state.json" \
    && pass "the packaged kiosk starts from its installed assets and content" || fail "the packaged kiosk did not start"

if command -v lintian >/dev/null; then
    lintian_out=$(lintian --fail-on error,warning "$deb" 2>&1) && pass "lintian: no errors or warnings" \
        || fail "lintian: $lintian_out"
    [[ -n "$lintian_out" ]] && echo "$lintian_out"
else
    echo "lintian not installed: skipped (apt-get install lintian)"
fi

echo "$deb"
if [[ $failures -ne 0 ]]; then echo "$failures package checks failed" >&2; exit 1; fi
echo "all package checks passed"
