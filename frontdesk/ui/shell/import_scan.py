"""Spare PySide6 its source scan of every module imported after it.

PySide6 hooks `import` for its optional `__feature__` switches (snake_case,
true_property): the first time a module is imported after PySide6, it reads that
module's whole source (`inspect.getsource`) to see whether it mentions PySide6.
Frontdesk never switches a feature on, so the answer changes nothing; reading it
cost the desk's start-up about 90 source files (tens of milliseconds, 4 MB of
`linecache` kept for the life of the process).

`skip_source_scan()` gives PySide6 the answer up front, as the scan would: the
app's own modules "use PySide6, no feature selected" (0), modules already loaded
before PySide6 "ignore" (-1). It relies on PySide6's internal table; when that is
not there (another PySide6 version), it does nothing and imports scan as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

NO_FEATURE = 0  # what the scan records for a module that mentions PySide6
IGNORE = -1  # ... and for one that does not


def _table() -> dict | None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def app_module_names(package: str = "frontdesk") -> list[str]:
    """Every module and package name of `package` (from its files; nothing imported)."""
    root = Path(sys.modules[package].__file__).parent
    names = []
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join((package, *parts)))
    return names


def skip_source_scan() -> int:
    """Record the scan's answer for the app's modules and those already loaded; returns
    how many were recorded (0 when PySide6 keeps no such table)."""
    table = _table()
    if table is None:
        return 0
    before = len(table)
    for name in list(sys.modules):
        table.setdefault(name, IGNORE)
    for name in app_module_names():
        table[name] = NO_FEATURE
    return len(table) - before
