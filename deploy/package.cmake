# Installation and the Debian package (CPack DEB), for amd64 and, cross-compiled, arm64.
#   cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build && (cd build && cpack -G DEB)
# deploy/package-test.sh builds and checks it; docs/deploy.md describes what it installs.
set(KIOSK_DEBIAN_DIR "${CMAKE_SOURCE_DIR}/deploy/debian")

install(TARGETS kiosk kioskctl RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY assets/ DESTINATION "${KIOSK_SHARE_DIR}/assets")
install(FILES "${KIOSK_CONTENT_DB}" DESTINATION "${KIOSK_SHARE_DIR}")

# systemd, tmpfiles, sysusers, sysctl and udev look only in these fixed places (Debian 12 layout).
install(FILES "${KIOSK_DEBIAN_DIR}/sco-kiosk.service" DESTINATION /lib/systemd/system)
install(FILES "${KIOSK_DEBIAN_DIR}/sco-kiosk.tmpfiles" DESTINATION /usr/lib/tmpfiles.d RENAME sco-kiosk.conf)
install(FILES "${KIOSK_DEBIAN_DIR}/sco-kiosk.sysusers" DESTINATION /usr/lib/sysusers.d RENAME sco-kiosk.conf)
install(FILES "${KIOSK_DEBIAN_DIR}/90-sco-kiosk-usb.rules" DESTINATION /lib/udev/rules.d)
install(FILES "${KIOSK_DEBIAN_DIR}/sco-kiosk.sysctl" DESTINATION /usr/lib/sysctl.d RENAME 90-sco-kiosk.conf)
# Only used once an organizer enables syncthing@sco-kiosk.service for a fleet (docs/deploy.md).
install(FILES "${KIOSK_DEBIAN_DIR}/syncthing-fleet.conf" DESTINATION /lib/systemd/system/syncthing@sco-kiosk.service.d
        RENAME sco-kiosk-fleet.conf)
install(FILES "${KIOSK_DEBIAN_DIR}/sco-kiosk.lintian-overrides" DESTINATION /usr/share/lintian/overrides
        RENAME sco-kiosk)

# Documentation, with Debian's copyright file and compressed changelog (a native package's name).
set(KIOSK_DOC_DIR "${CMAKE_INSTALL_FULL_DATADIR}/doc/sco-kiosk")
configure_file("${KIOSK_DEBIAN_DIR}/changelog" "${CMAKE_BINARY_DIR}/debian/changelog" @ONLY)
add_custom_command(
  OUTPUT "${CMAKE_BINARY_DIR}/debian/changelog.gz"
  COMMAND gzip -9nf -k "${CMAKE_BINARY_DIR}/debian/changelog"
  DEPENDS "${CMAKE_BINARY_DIR}/debian/changelog"
  VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS "${CMAKE_BINARY_DIR}/debian/changelog.gz")
install(FILES "${KIOSK_DEBIAN_DIR}/copyright" "${CMAKE_BINARY_DIR}/debian/changelog.gz"
              README.md docs/deploy.md docs/organizer-guide.md docs/content-format.md
        DESTINATION "${KIOSK_DOC_DIR}")

set(CPACK_PACKAGE_NAME sco-kiosk)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "SCO Kiosk Team <kiosk-team@sco-kiosk.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen kiosk for SCO digital cooperation documents")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "A fullscreen kiosk for forums and exhibitions of the Shanghai Cooperation
Organisation. It shows the SCO's documents on digital cooperation in Russian,
Chinese and English from a bundled database, fully offline, and starts at boot
on Raspberry Pi class boards without a desktop. kioskctl manages its content.")
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
endif()
# Fonts, RIME (librime1, loaded with dlopen when a visitor first searches, so dpkg-shlibdeps
# cannot see it) and its pinyin data (read at run time), the boot plumbing and eSpeak NG (a
# program the kiosk runs to read aloud, never links: it is GPL-3.0; espeak-ng-data holds the ru,
# cmn and en voices) are named here (deb-systemd-helper comes with an essential package). Library
# dependencies come from dpkg-shlibdeps, except when cross-compiling: libunibreak1 (not multiarch)
# cannot be installed for arm64 on the build machine, so dpkg-shlibdeps could not name its package;
# the list is given instead.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, fonts-noto-cjk, librime1, rime-data-pinyin-simp, rime-prelude, systemd, udev, espeak-ng, espeak-ng-data")
# Syncthing (MPL-2.0, a separate program) shares the fleet folder between kiosks; optional.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "syncthing")
if(CMAKE_CROSSCOMPILING)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libc6, libgcc-s1, libstdc++6, libsdl2-2.0-0, libsqlite3-0,"
         " libfreetype6, libharfbuzz0b, libfribidi0, libsodium23, libstemmer0d, libunibreak1, libicu72, libstb0, libsystemd0,"
         " libqrencode4")
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${KIOSK_DEBIAN_DIR}/postinst" "${KIOSK_DEBIAN_DIR}/prerm" "${KIOSK_DEBIAN_DIR}/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
