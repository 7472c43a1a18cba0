"""Spare PySide6 its source scan of every module imported after it.

PySide6 hooks `import` for its optional `__feature__` switches (snake_case,
true_property): the first time a module is imported after PySide6, it reads that
module's whole source (`inspect.getsource`) to see whether it mentions PySide6, and
`linecache` keeps the text for the life of the process. Frontdesk never switches a
feature on, so the answer changes nothing; the reading cost the desk's start-up about
130 source files (the app's, and the standard library's and peewee's after the first
frame: ~20 ms and ~6 MB kept), and the first slip reportlab's.

`skip_source_scan()` gives PySide6 the answer without the reading: the app's own modules
"use PySide6, no feature selected", every other module "ignore" — which is what the
scan finds for the standard library and the app's other packages, and either answer
selects no feature. It replaces PySide6's internal `_mod_uses_pyside`; when that is
not there (another PySide6 version), it does nothing and imports scan as before.
"""

from __future__ import annotations

import sys


def _uses_pyside(module) -> bool:
    return getattr(module, "__name__", "").partition(".")[0] == "frontdesk"


def skip_source_scan() -> bool:
    """Answer PySide6's feature check by the module's name; False if this PySide6 has none."""
    feature = sys.modules.get("shibokensupport.feature")
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
