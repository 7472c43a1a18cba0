#!/usr/bin/env bash
# Build the standalone Linux bundle with PyInstaller:
#   dist/frontdesk/                                 one-folder bundle (run dist/frontdesk/frontdesk)
#   dist/frontdesk-<version>-linux-<arch>.tar.gz    the same folder, to copy to reception PCs
#
# Usage: installer/build.sh            (from anywhere; uses the project's .venv)
# Environment:
#   PYTHON=path/to/python             the venv with Frontdesk's deps and PyInstaller
#                                     (default .venv/bin/python, as scripts/setup.sh makes it)
#   FRONTDESK_DIST=dir                where the bundle and tarball go (default dist)
#   FRONTDESK_BUILD=dir               PyInstaller's work folder (default build/pyinstaller)
#   FRONTDESK_BUNDLE_POSTGRES=1       also bundle the PostgreSQL driver (+11 MB)
#   FRONTDESK_NO_TARBALL=1            skip the tarball (quicker local builds)
#   FRONTDESK_UNPINNED=1              build even if installed versions differ from constraints.txt
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-.venv/bin/python}"
DIST="${FRONTDESK_DIST:-dist}"
WORK="${FRONTDESK_BUILD:-build/pyinstaller}"

if [ ! -x "$PY" ] && ! command -v "$PY" >/dev/null 2>&1; then
  echo "build.sh: no Python at $PY — run 'bash scripts/setup.sh --install-only' or set PYTHON=" >&2
  exit 2
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: PyInstaller is missing — run: $PY -m pip install -c constraints.txt -e '.[package]'" >&2
  exit 2
fi
# The bundle shipped to a hospital is built from the versions in constraints.txt (the lock).
if ! "$PY" installer/check_constraints.py constraints.txt; then
  if [ -z "${FRONTDESK_UNPINNED:-}" ]; then
    echo "build.sh: refusing to build from versions other than constraints.txt's" \
         "(FRONTDESK_UNPINNED=1 builds anyway, for trying out an upgrade)" >&2
    exit 2
  fi
  echo "build.sh: FRONTDESK_UNPINNED is set: building from versions other than constraints.txt's" >&2
fi
for tool in objdump strip; do
  command -v "$tool" >/dev/null || { echo "build.sh: '$tool' not found — install binutils" >&2; exit 2; }
done

version="$("$PY" -c 'import frontdesk; print(frontdesk.__version__)')"
arch="$(uname -m)"
tarball="$DIST/frontdesk-$version-linux-$arch.tar.gz"

# What is built is the working tree; say so when it differs from the last commit.
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
  changed="$(git status --porcelain -- frontdesk resources installer | wc -l)"
  [ "$changed" -eq 0 ] || echo "build.sh: note: $changed uncommitted change(s) under frontdesk/ resources/ installer/ go into this build"
fi

# A clean build: no stale analysis, no files of an earlier bundle left behind.
rm -rf "$WORK" "$DIST/frontdesk" "$tarball"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" installer/frontdesk.spec

# Desktop integration for Linux (the installer script and the menu entry).
cp installer/linux/frontdesk.desktop installer/linux/install.sh "$DIST/frontdesk/"
chmod +x "$DIST/frontdesk/install.sh"

bundle_mb=$(du -s --apparent-size --block-size=1M "$DIST/frontdesk" | cut -f1)
echo "build.sh: bundle $DIST/frontdesk: ${bundle_mb} MB (budget 130 MB), built in $(( $(date +%s) - start )) s"

if [ -z "${FRONTDESK_NO_TARBALL:-}" ]; then
  tar -C "$DIST" --owner=0 --group=0 -cf - frontdesk | gzip -9 > "$tarball"
  tar_mb=$(du --apparent-size --block-size=1M "$tarball" | cut -f1)
  echo "build.sh: tarball $tarball: ${tar_mb} MB (budget 60 MB)"
fi
