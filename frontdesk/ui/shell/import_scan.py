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

import os
import sys

NO_FEATURE = 0  # what the scan records for a module that mentions PySide6
IGNORE = -1  # ... and for one that does not


def _table() -> dict | None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def app_module_names(package: str = "frontdesk") -> list[str]:
    """Every module and package name of `package` (from its files; nothing imported)."""
    root = os.path.dirname(sys.modules[package].__file__)
    names = []
    for folder, dirs, files in os.walk(root):  # os.walk: pathlib's rglob costs ~5 ms here
        dirs[:] = [d for d in dirs if not d.startswith((".", "__pycache__"))]
        rel = os.path.relpath(folder, root)
        prefix = package if rel == "." else f"{package}.{rel.replace(os.sep, '.')}"
        for name in files:
            if name.endswith(".py"):
                names.append(prefix if name == "__init__.py" else f"{prefix}.{name[:-3]}")
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
