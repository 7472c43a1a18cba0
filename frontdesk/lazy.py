"""A package's public names, imported from their modules on first use (PEP 562).

A package that re-exports its modules' names would import them all with itself; a
screen that needs one name then pays for every module at start-up. Instead:

    __getattr__, __dir__ = lazy_exports(__name__, {"waiting_board": "frontdesk.queue.board"})

`package.name` imports the name's home module at first use and keeps the value as
a plain attribute. With `submodules=True`, `package.module` also imports a submodule
that was not imported yet (how `from frontdesk import reception; reception.steps` works).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_exports(package: str, homes: dict[str, str], *, submodules: bool = False
                 ) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module `__getattr__` and `__dir__` for `package` serving `homes` (name → module)."""

    def __getattr__(name: str):  # noqa: N807 - the module hook's name
        home = homes.get(name)
        if home is not None:
            value = getattr(importlib.import_module(home), name)
        elif submodules and not name.startswith("__"):
            try:
                value = importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{package}.{name}":
                    raise
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)  # once loaded, a plain attribute
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*vars(sys.modules[package]), *homes})

    return __getattr__, __dir__
