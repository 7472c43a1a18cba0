#!/usr/bin/env bash
# Install everything Frontdesk needs on Debian/Ubuntu, then open the demo (--demo)
# or run the whole test suite (--test). Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:---demo}"
VENV="${FRONTDESK_VENV:-.venv}"

# Qt's runtime libraries (offscreen and X11), a Chinese font and printing support.
APT_PACKAGES=(
  python3-venv python3-dev
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libdbus-1-3
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libcups2 fonts-wqy-microhei
)
if [ "$mode" = "--test" ]; then
  # PDF tools, the bundle's strip, a virtual screen, and a PostgreSQL server
  # (tests/postgres start a throwaway cluster of their own): tests only, so a
  # demo on a reception PC does not get a database server it never uses.
  APT_PACKAGES+=(poppler-utils binutils xvfb xauth postgresql)
elif [ "$mode" = "--install-only" ]; then
  APT_PACKAGES+=(binutils)  # installer/build.sh strips the bundle
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
"$VENV/bin/python" -m pip install -q -e ".[test,package,postgres]"

export LANG="${LANG:-C.UTF-8}"
case "$mode" in
  --demo)
    exec "$VENV/bin/frontdesk" --demo
    ;;
  --test)
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  --install-only)
    echo "Installed. Run: $VENV/bin/frontdesk"
    ;;
  *)
    echo "usage: scripts/setup.sh [--demo | --test [pytest args] | --install-only]" >&2
    exit 2
    ;;
esac
