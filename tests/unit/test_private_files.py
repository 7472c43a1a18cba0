"""The database, its -wal/-shm, the data and backup folders: owner-only (was 0644/0755)."""

from __future__ import annotations

import os
import stat

import pytest

from frontdesk.admin import backup
from frontdesk.db import connection
from frontdesk.db.session import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: folder ACLs)")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)  # what a desk PC's user usually has
    yield
    os.umask(old)


def test_a_new_database_and_its_folder_are_owner_only(tmp_path, umask_022):
    path = tmp_path / "new" / "sub" / "fd.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.execute_sql("CREATE TABLE t (x)")
    for side in ("-wal", "-shm"):
        assert os.path.exists(f"{path}{side}")
        assert _mode(f"{path}{side}") == 0o600, side
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700 and _mode(path.parent.parent) == 0o700
    connection.close()


def test_an_existing_readable_database_is_tightened(tmp_path, umask_022, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(data))
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    path = data / "frontdesk.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.execute_sql("CREATE TABLE t (x)")
    connection.close()
    for p in (path, f"{path}-wal", f"{path}-shm"):
        if os.path.exists(p):
            os.chmod(p, 0o644)  # as an older version left them
    db = open_database(f"sqlite:///{path}")
    assert _mode(path) == 0o600
    for side in ("-wal", "-shm"):
        if os.path.exists(f"{path}{side}"):
            assert _mode(f"{path}{side}") == 0o600
    assert _mode(data) == 0o700  # the default data folder
    connection.close()


def test_a_database_in_a_folder_of_ones_choosing_leaves_the_folder(tmp_path, umask_022):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    open_database(f"sqlite:///{shared / 'x.sqlite3'}")
    assert _mode(shared) == 0o755 and _mode(shared / "x.sqlite3") == 0o600
    connection.close()


def test_a_new_backup_folder_is_owner_only(tmp_path, umask_022):
    folder = backup.check_folder(tmp_path / "bk" / "daily", create=True)
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700
