"""Import peewee without its PostgreSQL driver; load that driver only for a PostgreSQL URL.

peewee imports psycopg2 (and with it libpq, OpenSSL and ~15 Python modules)
the moment it is imported, whether or not a PostgreSQL database is ever
opened. On a desk running SQLite that is ~6 MB of resident memory and ~15 ms
of every start-up for nothing. `import_peewee()` hides the driver while peewee
loads; `load_postgres_driver()` hands it to peewee when a PostgreSQL URL is
opened, setting exactly what peewee's own import would have set. hashlib, which peewee
imports for one rare call, is imported at that call (OpenSSL: 3 MB resident).

peewee itself (~40 ms) is not imported with `frontdesk`: the window's first frame
is painted before the database is opened. `install_import_hook()` (run by
`frontdesk/__init__`) makes whichever module imports peewee first load it this way.
"""

from __future__ import annotations

import importlib
import sys
import types

# Drivers peewee tries at import time that Frontdesk's SQLite desks never use.
_DEFERRED = ("psycopg2cffi", "psycopg2", "psycopg")
# Modules peewee imports for rare calls: hashlib (OpenSSL, 3 MB resident) names an index
# too long for the database. peewee gets a stand-in that imports it at its first use.
_ON_FIRST_USE = ("hashlib",)


def import_peewee() -> None:
    """Import peewee with the PostgreSQL drivers hidden (no-op if peewee is loaded)."""
    if "peewee" in sys.modules:
        return
    install_import_hook()
    import peewee  # noqa: F401


class _PeeweeFinder:
    """A meta path finder (importlib's protocol; not its ABC, whose import costs more than
    this module): finds peewee for its first import and loads it with the drivers hidden."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "peewee":
            return None
        _remove_hook()
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find is not None else None
            if spec is not None:
                spec.loader = _DriversHidden(spec.loader)
                return spec
        return None


class _DriversHidden:
    """peewee's own loader, run with the PostgreSQL drivers hidden."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        hidden = [name for name in _DEFERRED if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # makes `import name` raise ImportError
        later = {name: _OnFirstUse(name) for name in _ON_FIRST_USE if name not in sys.modules}
        sys.modules.update(later)
        try:
            self._loader.exec_module(module)
        finally:
            for name in hidden:
                if sys.modules.get(name, False) is None:
                    del sys.modules[name]
            for name, stand_in in later.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]  # the next `import` anywhere loads the real one

    def __getattr__(self, name):  # get_source, get_filename… for tracebacks and inspect
        return getattr(self._loader, name)


class _OnFirstUse(types.ModuleType):
    """Stands in for a module until one of its attributes is read, then imports it."""

    def __getattr__(self, name):
        if sys.modules.get(self.__name__) is self:  # used while peewee is still loading
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


_HOOK = _PeeweeFinder()


def install_import_hook() -> None:
    """Load peewee without the drivers whenever it is first imported (no-op if loaded)."""
    if "peewee" not in sys.modules and _HOOK not in sys.meta_path:
        sys.meta_path.insert(0, _HOOK)


def _remove_hook() -> None:
    if _HOOK in sys.meta_path:
        sys.meta_path.remove(_HOOK)


def load_postgres_driver() -> None:
    """Give peewee the psycopg2 driver if it was hidden at import (ImportError if absent)."""
    import peewee
    import psycopg2  # first, so an absent driver fails even if peewee already has one

    if peewee.psycopg2 is not None:
        return
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid

    register_uuid()
    peewee.psycopg2 = psycopg2
    peewee.pg_extensions = extensions
    peewee.pg_register_uuid = register_uuid
    peewee.Json_pg2 = Json
    # Class attributes peewee's adapter sets at class creation when the driver is present.
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
