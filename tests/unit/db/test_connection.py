import os
import sqlite3
import stat

import pytest

from frontdesk import paths
from frontdesk.db import connection
from frontdesk.db.session import open_database
from frontdesk.errors import ConfigError, DatabaseDamaged


def test_unknown_scheme_is_refused_with_the_url_named():
    with pytest.raises(ConfigError) as err:
        connection.make_database("mysql://root@localhost/x")
    assert "mysql://root@localhost/x" in err.value.message("en")
    assert "不支持" in err.value.message("zh_CN")


def test_postgres_url_is_accepted_without_connecting():
    db = connection.make_database("postgresql://desk:s%40cret@db.local:5433/frontdesk")
    assert db.database == "frontdesk"
    assert db.connect_params["host"] == "db.local"
    assert db.connect_params["port"] == 5433
    assert db.connect_params["password"] == "s@cret"


def test_sqlite_url_forms(tmp_path):
    assert connection.sqlite_path(f"sqlite:///{tmp_path}/x.db") == tmp_path / "x.db"
    assert connection.sqlite_path(str(tmp_path / "y.db")) == tmp_path / "y.db"
    assert connection.sqlite_path("postgresql://h/db") is None


def test_resolve_url_precedence(tmp_path, monkeypatch):
    default = tmp_path / "default.sqlite3"
    monkeypatch.delenv("FRONTDESK_DB", raising=False)
    assert paths.resolve_url(None, default) == f"sqlite:///{default}"
    monkeypatch.setenv("FRONTDESK_DB", "sqlite:///env.db")
    assert paths.resolve_url(None, default) == "sqlite:///env.db"
    assert paths.resolve_url("sqlite:///arg.db", default) == "sqlite:///arg.db"


def test_corrupt_file_is_named(tmp_path):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ConfigError) as err:
        open_database(f"sqlite:///{path}")
    assert str(path) in err.value.message("en")
    assert "restore" in err.value.message("en")
    assert isinstance(err.value, DatabaseDamaged)  # the one error restore may replace a file for
    assert path.read_bytes().startswith(b"this is not")  # untouched


@pytest.mark.permissions
@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_directory(tmp_path):
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ConfigError) as err:
            open_database(f"sqlite:///{locked}/sub/x.sqlite3")
        # The message names the folder in both languages (the suite runs in Chinese).
        assert str(locked) in err.value.message("en") and str(locked) in err.value.message("zh_CN")
        assert "not writable" in err.value.message("en") or "Cannot create" in err.value.message("en")
    finally:
        locked.chmod(stat.S_IRWXU)


def test_uncreatable_data_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError) as err:
        open_database(f"sqlite:///{blocker}/db.sqlite3")
    assert str(blocker) in err.value.message("en")


def test_locked_database_is_reported(tmp_path):
    path = tmp_path / "locked.sqlite3"
    open_database(f"sqlite:///{path}")
    connection.close()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        db = connection.make_database(f"sqlite:///{path}")
        db._pragmas = [(k, v) for k, v in db._pragmas if k != "busy_timeout"]
        connection.database_proxy.initialize(db)
        with pytest.raises(Exception) as err:
            db.connect()
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        described = connection.describe_database_error(f"sqlite:///{path}", err.value)
        assert "locked" in described.message("en")
        assert not isinstance(described, DatabaseDamaged)  # a busy file is never restored over
    finally:
        holder.rollback()
        holder.close()


def test_postgres_without_driver_is_a_clear_message(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name == "psycopg2":
            raise ImportError("no psycopg2")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(ConfigError) as err:
        connection.make_database("postgresql://desk@db.local/frontdesk")
    assert "PostgreSQL driver" in err.value.message("en")


def test_a_database_path_the_system_cannot_use_is_named_not_a_traceback(tmp_path):
    """A file name over the system's limit was an OSError traceback: now a ConfigError naming it."""
    path = tmp_path / ("x" * 300 + ".sqlite3")
    with pytest.raises(ConfigError) as err:
        connection.make_database(f"sqlite:///{path}")
    assert str(path)[:60] in err.value.message("en") and "--db" in err.value.message("zh_CN")


@pytest.mark.parametrize("url", [
    "sqlite:////tmp/frontdesk-%00.sqlite3",     # a NUL once unquoted: sqlite3 raised ValueError
    "sqlite:////tmp/a%0Ab.sqlite3",             # a line break in the file name
    "postgresql://desk@[::1/frontdesk",         # a bracketed host left open: urlparse raised
    "postgresql://desk:s3cret@db.local:99999/frontdesk",  # no such port: .port raised
    "postgresql://desk@db.local:abc/frontdesk",
])
def test_a_url_no_driver_can_take_is_refused_with_a_sentence(url):
    with pytest.raises(ConfigError) as err:
        connection.make_database(url)
    for lang in ("zh_CN", "en"):
        message = err.value.message(lang)
        assert "\x00" not in message and "\n" not in message
        assert "s3cret" not in message  # a password in the URL is never echoed
    assert "不支持的数据库地址" in err.value.message("zh_CN")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_no_database(tmp_path):
    os.mkfifo(tmp_path / "pipe.sqlite3")
    with pytest.raises(ConfigError) as err:
        connection.make_database(f"sqlite:///{tmp_path / 'pipe.sqlite3'}")
    assert "not an ordinary file" in err.value.message("en")


def test_a_driver_refusal_at_open_is_a_sentence_not_the_drivers_words():
    err = connection.describe_database_error(
        "sqlite:////tmp/x.sqlite3", sqlite3.OperationalError("duplicate column name: y"))
    for lang in ("zh_CN", "en"):
        assert "duplicate" not in err.message(lang) and "/tmp/x.sqlite3" in err.message(lang)
    assert "frontdesk check" in err.message("en")
