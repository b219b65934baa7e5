#!/bin/sh
# Installs the Debian 12 packages Platz needs to build, run and test.
# As root it installs what is missing; otherwise it names what is missing.
# Usage: scripts/deps.sh [demo|test]
set -eu

want="gcc libc6-dev meson ninja-build pkg-config python3 libgtk-4-dev libadwaita-1-dev
libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libsodium-dev librsvg2-dev libsecret-1-dev
gettext curl"
case "${1:-demo}" in
  test) want="$want xvfb xauth wrk clang libclang-rt-14-dev
        at-spi2-core dbus gir1.2-atspi-2.0 python3-gi locales" ;;
  demo) ;;
esac

# The UI tests read the client through the accessibility bus and run it
# in German: the test set needs the de_DE.UTF-8 locale generated.
ensure_german_locale () {
  if [ "${1:-demo}" != test ] || locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "The de_DE.UTF-8 locale is missing; as root run: scripts/deps.sh test" >&2
    return 1
  fi
  if ! grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
    echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen
  fi
  locale-gen
}

missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  ensure_german_locale "${1:-demo}"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  echo "Installing:$missing"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  ensure_german_locale "${1:-demo}"
else
  echo "Missing Debian packages:$missing" >&2
  echo "Run this command as root, or: sudo apt-get install$missing" >&2
  exit 1
fi
