#!/usr/bin/env bash
# Run the suite again with the system clock moved far from today: a leap day more
# than a year ahead, in the small hours. A test or module that reads the real date
# instead of frontdesk.clock (a date bomb) fails here the day it is written.
#   bash .ci/faketime.sh [pytest args]     (default: everything but the bundle build)
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET="${FRONTDESK_FAKE_DATE:-2028-02-29 02:30:00}"
LIB=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -e "$LIB" ]; then
  LIB="$(dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime.so.1$' || true)"
fi
if [ -z "$LIB" ] || [ ! -e "$LIB" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libfaketime >/dev/null
  LIB="$(dpkg -L libfaketime | grep -m1 '/libfaketime.so.1$')"
fi

# One offset for every process (pytest, the PostgreSQL server, CLI subprocesses), so
# they agree on the time; "@date" would restart the clock in each new process.
offset=$(( $(date -d "$TARGET" +%s) - $(date +%s) ))
echo "faketime: the suite runs at $(date -d "@$(( $(date +%s) + offset ))" '+%F %T') (offset ${offset}s)"

# Every Python of the run (pytest, CLI subprocesses) loads the sleep shim through a
# .pth file in the venv, which does nothing unless FRONTDESK_FAKETIME_SHIM is set.
site="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
pth="$site/frontdesk_faketime_shim.pth"
echo "import os; exec(open(os.environ['FRONTDESK_FAKETIME_SHIM']).read(), {'__name__': 'faketime_sleep'}) if os.environ.get('FRONTDESK_FAKETIME_SHIM') else None" > "$pth"
trap 'rm -f "$pth"' EXIT
export FRONTDESK_FAKETIME_SHIM="$PWD/.ci/faketime_sleep.py"

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-m "not packaging")
# Qt and thread waits use the monotonic clock: faking it too makes them hang.
export LD_PRELOAD="$LIB" FAKETIME="+${offset}" FAKETIME_DONT_FAKE_MONOTONIC=1
export FAKETIME_DONT_RESET=1 QT_QPA_PLATFORM=offscreen LANG="${LANG:-C.UTF-8}"
.venv/bin/python -m pytest -p no:cacheprovider "${args[@]}"
