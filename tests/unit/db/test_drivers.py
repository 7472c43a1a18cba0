"""peewee is imported without psycopg2; a PostgreSQL URL hands peewee the same driver state."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# What peewee's adapter knows about psycopg2, as plain values to compare across processes.
PROBE = """
import json, sys
{setup}
import peewee
state = {{
    "psycopg2_loaded_at_start": {loaded},
    "driver": getattr(peewee.psycopg2, "__name__", None),
    "extensions": getattr(peewee.pg_extensions, "__name__", None),
    "json": getattr(peewee.Json_pg2, "__qualname__", None),
    "txn": [peewee.Psycopg2Adapter.txn_idle, peewee.Psycopg2Adapter.txn_inerror,
            peewee.Psycopg2Adapter.txn_unknown],
    "adapter": type(peewee.PostgresqlDatabase("x")._adapter).__name__,
    "binary": peewee.PostgresqlDatabase("x")._adapter.get_binary_type().__name__,
}}
print(json.dumps(state))
"""


def _run(code: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_frontdesk_imports_peewee_without_the_postgres_driver():
    code = ("import sys, frontdesk, peewee\n"
            "print(int('psycopg2' in sys.modules), int(peewee.psycopg2 is None))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "1"]


def test_loading_the_driver_later_gives_peewee_what_its_own_import_would():
    eager = _run(PROBE.format(setup="import psycopg2", loaded="'psycopg2' in sys.modules"))
    lazy = _run(PROBE.format(
        setup="import frontdesk\nloaded = 'psycopg2' in sys.modules\n"
              "from frontdesk.db.drivers import load_postgres_driver\nload_postgres_driver()",
        loaded="loaded"))
    assert eager.pop("psycopg2_loaded_at_start") is True
    assert lazy.pop("psycopg2_loaded_at_start") is False
    assert lazy == eager
    assert lazy["driver"] == "psycopg2" and None not in lazy["txn"]


def test_a_postgres_url_loads_the_driver(monkeypatch):
    import peewee

    from frontdesk.db import connection

    db = connection.make_database("postgresql://nobody@127.0.0.1:1/none")
    assert isinstance(db, peewee.PostgresqlDatabase)
    assert peewee.psycopg2 is not None
    assert db._adapter.txn_idle is not None


def test_peewee_loads_hashlib_only_when_it_names_a_long_index():
    # OpenSSL (hashlib) is 3 MB resident; peewee needs it only to shorten an index name.
    code = (
        "import sys, frontdesk, peewee\n"
        "before = '_hashlib' in sys.modules or 'hashlib' in sys.modules\n"
        "short = peewee._truncate_constraint_name('visit_day')\n"
        "still = '_hashlib' in sys.modules\n"
        "long = peewee._truncate_constraint_name('x' * 80)\n"
        "import hashlib\n"
        "want = 'x' * 56 + '_' + hashlib.md5(b'x' * 80).hexdigest()[:7]\n"
        "print(int(before), int(still), int(short == 'visit_day'), int(long == want),\n"
        "      int(type(sys.modules['hashlib']).__name__ == 'module'))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "0", "1", "1", "1"]
