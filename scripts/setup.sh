#!/usr/bin/env bash
# Install everything Frontdesk needs on Debian/Ubuntu, then open the demo (--demo)
# or run the whole test suite (--test); --install-only stops after installing.
# Safe to run again: it only adds what is missing, and pip runs only when
# pyproject.toml or constraints.txt changed since the last install into this venv.
# Environment: FRONTDESK_VENV (default .venv), PYTHON (to create the venv; default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:---demo}"
VENV="${FRONTDESK_VENV:-.venv}"
USAGE="usage: scripts/setup.sh [--demo | --test [pytest args] | --install-only]"
case "$mode" in
  --demo|--test|--install-only) ;;
  *) echo "$USAGE" >&2; exit 2 ;;
esac

# Qt's runtime libraries (offscreen and X11), a Chinese font and printing support.
APT_PACKAGES=(
  python3-venv python3-dev
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libdbus-1-3
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libcups2 fonts-wqy-microhei
  espeak-ng  # the offline Mandarin voice for calls (cmn-latn-pinyin); the clip set needs nothing
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
if command -v dpkg >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
else
  echo "setup.sh: note: no dpkg (not Debian/Ubuntu); make sure the equivalents of these are installed:" >&2
  echo "  ${APT_PACKAGES[*]}" >&2
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      {
        echo "setup.sh: these system packages are missing: ${missing[*]}"
        echo "setup.sh: installing them needs root, and this user is not root and has no sudo."
        echo "As root (for example after 'su -'), run:"
        echo ""
        echo "    apt-get update && apt-get install -y ${missing[*]}"
        echo ""
        echo "then run this script again: bash scripts/setup.sh $mode"
      } >&2
      exit 1
    fi
    SUDO="sudo"
  fi
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
# Python packages: the versions in constraints.txt (the lock; pyproject.toml has the ranges).
# The stamp holds a hash of what was installed last time; unchanged means nothing to do.
EXTRAS="test,package,postgres"
STAMP="$VENV/.frontdesk-install-stamp"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1) $EXTRAS"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -m pip install -q -c constraints.txt --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -c constraints.txt -e ".[$EXTRAS]"
  echo "$want" > "$STAMP"
else
  echo "setup.sh: Python packages up to date ($VENV matches pyproject.toml and constraints.txt)"
fi

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
    echo "$USAGE" >&2
    exit 2
    ;;
esac
