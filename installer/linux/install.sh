#!/usr/bin/env bash
# Install this Frontdesk bundle for every user of the PC:
#   /opt/frontdesk (the program), /usr/local/bin/frontdesk (the command),
#   a menu entry. Each user's data stays in ~/.local/share/Frontdesk and is never
#   touched here; running this again updates the program in place.
# Usage (from the unpacked folder): sudo ./install.sh        uninstall: sudo ./install.sh --remove
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest=/opt/frontdesk

if [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run it with sudo (it writes to /opt and /usr/local)" >&2
  exit 2
fi
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$dest" /usr/local/bin/frontdesk /usr/share/applications/frontdesk.desktop
  echo "Frontdesk removed. Users' data in ~/.local/share/Frontdesk was kept."
  exit 0
fi
if [ "$here" != "$dest" ]; then
  rm -rf "$dest.new"
  cp -a "$here" "$dest.new"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
fi
chmod -R a+rX "$dest"
ln -sf "$dest/frontdesk" /usr/local/bin/frontdesk
install -m 644 "$dest/frontdesk.desktop" /usr/share/applications/frontdesk.desktop
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
echo "Frontdesk installed in $dest — start it from the menu or with: frontdesk"
