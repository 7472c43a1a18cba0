"""--db on Windows: bare drive and UNC paths are SQLite files, checked with Windows path rules.

`sqlite_location(url, os_name)` takes the path flavour as a parameter, so both the
Windows ("nt") and the POSIX rules run here on Linux.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
from pathlib import PureWindowsPath

import pytest

from frontdesk.db import connection
from frontdesk.errors import ConfigError

WINDOWS = [
    (r"C:\Users\desk\AppData\Local\Frontdesk\x.sqlite3", r"C:\Users\desk\AppData\Local\Frontdesk\x.sqlite3"),
    ("C:/ProgramData/Frontdesk/x.sqlite3", "C:/ProgramData/Frontdesk/x.sqlite3"),
    (r"d:\frontdesk.sqlite3", r"d:\frontdesk.sqlite3"),
    (r"\\fileserver\reception\x.sqlite3", r"\\fileserver\reception\x.sqlite3"),
    ("//fileserver/reception/x.sqlite3", "//fileserver/reception/x.sqlite3"),
    (r"sqlite:///C:\ProgramData\Frontdesk\x.sqlite3", r"C:\ProgramData\Frontdesk\x.sqlite3"),
    ("sqlite:///C:/ProgramData/Frontdesk/x.sqlite3", "C:/ProgramData/Frontdesk/x.sqlite3"),
    ("sqlite:////C:/ProgramData/Frontdesk/x.sqlite3", "C:/ProgramData/Frontdesk/x.sqlite3"),
    ("sqlite:///C:/Program%20Files/x.sqlite3", "C:/Program Files/x.sqlite3"),
]


@pytest.mark.parametrize(("url", "expected"), WINDOWS)
def test_windows_paths_and_urls_name_the_file(url, expected):
    location = connection.sqlite_location(url, os_name="nt")
    assert location == expected
    assert ntpath.isabs(location)
    assert ntpath.basename(location) in ("x.sqlite3", "frontdesk.sqlite3")


@pytest.mark.parametrize("url", ["x.sqlite3", r"data\x.sqlite3", "sqlite:///x.sqlite3", "c:x.sqlite3"])
def test_windows_relative_paths_stay_relative(url):
    location = connection.sqlite_location(url, os_name="nt")
    assert location is not None and not ntpath.isabs(location)


@pytest.mark.parametrize("url", ["postgresql://desk@db.hospital/frontdesk",
                                 "postgres://h/db", "mysql://h/db", "sqlite://", "sqlite:"])
@pytest.mark.parametrize("os_name", ["nt", "posix"])
def test_other_databases_are_not_files(url, os_name):
    assert connection.sqlite_location(url, os_name=os_name) is None


def test_the_installers_default_database_round_trips_on_windows():
    """resolve_url's default, as the Windows build makes it from C:\\ProgramData\\Frontdesk."""
    default = PureWindowsPath(r"C:\ProgramData\Frontdesk") / "frontdesk.sqlite3"
    url = f"sqlite:///{default}"
    assert connection.sqlite_location(url, os_name="nt") == str(default)


@pytest.mark.parametrize(("url", "expected"), [
    ("/srv/frontdesk/x.sqlite3", "/srv/frontdesk/x.sqlite3"),
    ("x.sqlite3", "x.sqlite3"),
    ("sqlite:////srv/frontdesk/x.sqlite3", "/srv/frontdesk/x.sqlite3"),
    ("sqlite:///x.sqlite3", "x.sqlite3"),
])
def test_posix_paths_and_urls_name_the_file(url, expected):
    location = connection.sqlite_location(url, os_name="posix")
    assert location == expected
    assert posixpath.isabs(location) == expected.startswith("/")


@pytest.mark.parametrize("url", [r"C:\data\x.sqlite3", "C:/data/x.sqlite3"])
def test_a_drive_means_nothing_on_posix(url):
    assert connection.sqlite_location(url, os_name="posix") is None


def test_default_flavour_is_this_system(tmp_path):
    assert connection.sqlite_location(str(tmp_path / "x.db")) == str(tmp_path / "x.db")
    assert connection.sqlite_path(str(tmp_path / "x.db")) == tmp_path / "x.db"


@pytest.mark.skipif(os.name == "nt", reason="the POSIX side of the rule")
def test_windows_path_on_linux_is_a_clear_error_not_a_traceback():
    with pytest.raises(ConfigError) as exc:
        connection.make_database(r"C:\data\x.sqlite3")
    assert "Unsupported database URL" in exc.value.message("en")
