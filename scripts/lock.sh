#!/usr/bin/env bash
# Rewrite constraints.txt (the lock) from what the venv holds now; its comment header stays.
#   bash scripts/lock.sh             record the venv as it is (after adding a dependency:
#                                    pip install -e ".[test,package,postgres]" first)
#   bash scripts/lock.sh --upgrade   first move every package to the newest version
#                                    pyproject.toml allows, then record that
# Then run the whole suite and the packaging test, and commit constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-${FRONTDESK_VENV:-.venv}/bin/python}"

if [ "${1:-}" = "--upgrade" ]; then
  "$PY" -m pip install -q --upgrade --upgrade-strategy eager pip -e ".[test,package,postgres]"
elif [ -n "${1:-}" ]; then
  echo "usage: scripts/lock.sh [--upgrade]" >&2
  exit 2
fi
{
  grep '^#' constraints.txt
  "$PY" -m pip freeze --all --exclude-editable | grep -iv '^frontdesk=='
} > constraints.txt.new
mv constraints.txt.new constraints.txt
git diff --stat -- constraints.txt 2>/dev/null || true
