#!/bin/sh
# Installs the Debian 12 packages Platz needs to build, run and test.
# As root it installs what is missing; otherwise it names what is missing.
# Usage: scripts/deps.sh [demo|test]
set -eu

want="gcc libc6-dev meson ninja-build pkg-config python3 libgtk-4-dev libadwaita-1-dev
libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libsodium-dev librsvg2-dev libsecret-1-dev
gettext curl"
case "${1:-demo}" in
  test) want="$want xvfb xauth wrk clang libclang-rt-14-dev" ;;
  demo) ;;
esac

missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "Installing:$missing"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
else
  echo "Missing Debian packages:$missing" >&2
  echo "Run this command as root, or: sudo apt-get install$missing" >&2
  exit 1
fi
