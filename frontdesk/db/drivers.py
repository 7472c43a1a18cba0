"""Import peewee without its PostgreSQL driver; load that driver only for a PostgreSQL URL.

peewee imports psycopg2 (and with it libpq, OpenSSL and ~15 Python modules)
the moment it is imported, whether or not a PostgreSQL database is ever
opened. On a desk running SQLite that is ~6 MB of resident memory and ~15 ms
of every start-up for nothing. `import_peewee()` (run by `frontdesk/__init__`
before anything else can import peewee) hides the driver while peewee loads;
`load_postgres_driver()` hands it to peewee when a PostgreSQL URL is opened,
setting exactly what peewee's own import would have set.
"""

from __future__ import annotations

import sys

# Drivers peewee tries at import time that Frontdesk's SQLite desks never use.
_DEFERRED = ("psycopg2cffi", "psycopg2", "psycopg")


def import_peewee() -> None:
    """Import peewee with the PostgreSQL drivers hidden (no-op if peewee is loaded)."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in _DEFERRED if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import name` raise ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


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
