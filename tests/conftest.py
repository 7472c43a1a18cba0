"""Shared fixtures: every test gets its own data directory and database file."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# Qt must never look for a display in tests, and text must be UTF-8.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication with the app's style sheet, as shell/app.py sets it at start."""
    from frontdesk.ui import style

    style.apply(qapp)
    return qapp


@pytest.fixture(autouse=True)
def clock():
    """The one clock every test runs on: TEST_NOW (a Monday in clinic hours), then running.

    Move it with clock.set(at), clock.advance(minutes=…), clock.freeze(at); it never
    reads the day the suite runs on.
    """
    from tests.helpers.clock import pinned

    with pinned() as travel:
        yield travel


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """No test touches the real user data directory or FRONTDESK_DB."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(data))
    monkeypatch.delenv("FRONTDESK_DB", raising=False)
    from frontdesk import i18n

    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")
    _remove_qt_translators()


def _remove_qt_translators():
    """A test that installed the Chinese translator must not change the next test's texts."""
    if "frontdesk.ui.translation" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication

    from frontdesk.ui import translation

    app = QCoreApplication.instance()
    for tr in translation._installed:
        if app is not None:
            app.removeTranslator(tr)
    translation._installed.clear()


def _open(path: Path):
    from frontdesk.db.session import open_database

    return open_database(f"sqlite:///{path}")


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated, empty database file."""
    from frontdesk.db import connection

    database = _open(tmp_path / "test.sqlite3")
    yield database
    connection.close()


@pytest.fixture
def rules_db(db):
    """A database with the house rules loaded (no staff, no patients)."""
    from frontdesk import rules, settings

    rules.load_rules()
    settings.set("hospital.name", "测试医院")
    return db


def _build_demo(tmp_path_factory, *, this_week: bool):
    import datetime as dt

    from frontdesk.db import connection
    from frontdesk.demo import install_demo
    from tests.helpers.clock import pinned

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    _open(path)
    with pinned():
        install_demo(today=DEMO_TODAY, this_week=this_week)
    database = connection.database_proxy.obj
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert isinstance(DEMO_TODAY, dt.date)
    return path


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    # Building the demo hospital hashes passwords (slow on purpose): do it once.
    return _build_demo(tmp_path_factory, this_week=False)


@pytest.fixture(scope="session")
def _full_demo_template(tmp_path_factory):
    return _build_demo(tmp_path_factory, this_week=True)


from tests.helpers.clock import TEST_NOW  # noqa: E402

DEMO_TODAY = TEST_NOW.date()  # the demo hospital's "today" is the tests' one


def _copy_of(template, tmp_path):
    from frontdesk.db import connection

    path = tmp_path / "demo.sqlite3"
    shutil.copy(template, path)
    database = _open(path)
    yield database
    connection.close()


@pytest.fixture
def demo_db(_demo_template, tmp_path):
    """A copy of the quiet demo hospital (staff, patients, last week's visits, a plain rota;
    nothing yet today), today = DEMO_TODAY: each area's tests add the today they need."""
    yield from _copy_of(_demo_template, tmp_path)


@pytest.fixture
def full_demo_db(_full_demo_template, tmp_path):
    """A copy of the demo hospital as `frontdesk --demo` installs it: also the week's roster,
    leave and swaps, today's sign-ins and grooming checks, consultations, complaints,
    handover notes and this morning's patients at the desk and in the clinic queues."""
    yield from _copy_of(_full_demo_template, tmp_path)


@pytest.fixture
def make_staff(db):
    """Factory: make_staff("desk") -> a Staff row with password "pw123456" and PIN "1234"."""
    from frontdesk.accounts import auth
    from frontdesk.db.models import Staff

    hashed = {}

    def make(role: str = "desk", username: str | None = None, pin: str = "1234",
             name: str | None = None):
        if pin not in hashed:
            hashed[pin] = auth.hash_secret(pin)
        if "pw" not in hashed:
            hashed["pw"] = auth.hash_secret("pw123456")
        n = Staff.select().count() + 1
        return Staff.create(username=username or f"{role}{n}", display_name=name or f"{role}-{n}",
                            role=role, password_hash=hashed["pw"], pin_hash=hashed[pin])

    return make


@pytest.fixture
def ctx(request):
    """An AppContext for widget tests, on the database fixture the test uses
    (full_demo_db or demo_db if requested, else rules_db, else an empty db)."""
    from frontdesk.ui.context import AppContext

    for name in ("full_demo_db", "demo_db", "rules_db", "db"):
        if name in request.fixturenames:
            database = request.getfixturevalue(name)
            break
    else:
        database = request.getfixturevalue("db")
    context = AppContext(db_url=str(database.database))
    yield context
    context.tasks.wait()
