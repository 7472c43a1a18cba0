"""Does this Python hold the versions constraints.txt pins? The bundle is built only from those.

Usage: python installer/check_constraints.py [constraints.txt]
Exit 0 when every pinned package that is installed has its pinned version (a pin of a
package that is not installed, e.g. the test tools in a build-only venv, is fine);
exit 1 and list the differences otherwise. installer/build.sh and
installer/windows/build.ps1 run it before PyInstaller.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path


def normalize(name: str) -> str:
    """PEP 503: PySide6_Essentials, pyside6-essentials and PySide6.Essentials are one name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path) -> dict[str, str]:
    """name -> version for each `name==version` line whose marker (if any) holds here."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        requirement, _, marker = line.partition(";")
        if marker.strip() and not _marker_holds(marker.strip()):
            continue
        name, sep, version = requirement.partition("==")
        if not sep:
            raise ValueError(f"{path}: not an exact pin (name==version): {raw!r}")
        pins[normalize(name.strip())] = version.strip()
    return pins


def _marker_holds(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:  # no way to tell: check the pin anyway
        return True
    return Marker(marker).evaluate()


def installed_versions() -> dict[str, str]:
    return {normalize(dist.metadata["Name"]): dist.version for dist in metadata.distributions()
            if dist.metadata["Name"]}


def mismatches(pins: dict[str, str], installed: dict[str, str]) -> list[str]:
    return [f"{name}: installed {installed[name]}, constraints.txt pins {version}"
            for name, version in sorted(pins.items())
            if name in installed and installed[name] != version]


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "constraints.txt"
    if not path.is_file():
        print(f"check_constraints: no {path}", file=sys.stderr)
        return 1
    wrong = mismatches(read_pins(path), installed_versions())
    if not wrong:
        return 0
    print(f"check_constraints: this Python ({sys.executable}) differs from {path}:",
          file=sys.stderr)
    for line in wrong:
        print(f"  {line}", file=sys.stderr)
    print(f"Install the pinned versions: {sys.executable} -m pip install -c {path} -e "
          '".[package]"', file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
