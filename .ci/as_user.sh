#!/usr/bin/env bash
# Run the tests whose outcome depends on file permissions as an unprivileged user,
# since root (CI) writes through permission bits and those tests skip there.
#   bash .ci/as_user.sh [pytest args]     (default: -m permissions)
set -euo pipefail
cd "$(dirname "$0")/.."

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-m permissions)
export QT_QPA_PLATFORM=offscreen LANG="${LANG:-C.UTF-8}" PYTHONDONTWRITEBYTECODE=1

if [ "$(id -u)" -ne 0 ]; then
  exec .venv/bin/python -m pytest -p no:cacheprovider "${args[@]}"
fi

USER_NAME=frontdesk-ci
id -u "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$USER_NAME"

# The project's venv may sit behind a folder only root can enter (e.g. a Python under
# /root): give the user a copy of the sources and a venv of the system's Python.
work="$(mktemp -d /tmp/frontdesk-as-user.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/src"
PY=/usr/bin/python3
[ -x "$PY" ] || PY="$(command -v python3)"
"$PY" -m venv "$work/venv"
constraints=()
[ -f constraints.txt ] && constraints=(-c constraints.txt)
"$work/venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$work/venv/bin/python" -m pip install -q "${constraints[@]}" -e "$work/src[test,package,postgres]"
chown -R "$USER_NAME" "$work"

cd "$work/src"
runuser -u "$USER_NAME" -- env HOME="$work" TMPDIR="$work" PATH="$work/venv/bin:$PATH" \
  QT_QPA_PLATFORM=offscreen LANG="$LANG" PYTHONDONTWRITEBYTECODE=1 \
  "$work/venv/bin/python" -m pytest -p no:cacheprovider "${args[@]}"
