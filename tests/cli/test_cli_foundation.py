"""The console contract: init, check, --smoke, and clear errors with exit codes ≠ 0."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def frontdesk(*args, env_extra=None, cwd=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "frontdesk", *args], capture_output=True,
                          text=True, env=env, cwd=cwd or ROOT, timeout=120)


def test_init_then_check(tmp_path):
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    out = frontdesk("--db", url, "init", "--hospital", "东城医院")
    assert out.returncode == 0, out.stderr
    assert "科室" in out.stdout
    again = frontdesk("--db", url, "init", "--hospital", "东城医院")
    assert again.returncode == 0 and "已初始化" in again.stdout
    check = frontdesk("--db", url, "check", "--full")
    assert check.returncode == 0, check.stderr
    assert "通过" in check.stdout


def test_init_without_hospital_name_fails_clearly(tmp_path):
    out = frontdesk("--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "--lang", "en", "init")
    assert out.returncode != 0
    assert "--hospital" in out.stderr and "Traceback" not in out.stderr


def test_env_var_picks_the_database(tmp_path):
    path = tmp_path / "env.sqlite3"
    out = frontdesk("init", "--demo", env_extra={"FRONTDESK_DB": f"sqlite:///{path}"})
    assert out.returncode == 0, out.stderr
    assert path.exists() and path.stat().st_size > 100_000


def test_check_detects_corruption(tmp_path):
    path = tmp_path / "c.sqlite3"
    url = f"sqlite:///{path}"
    assert frontdesk("--db", url, "init", "--hospital", "甲").returncode == 0
    data = bytearray(path.read_bytes())
    # Scribble over the middle of the file, past the header: pages, not the header, break.
    for i in range(len(data) // 2, len(data) // 2 + 4096):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    out = frontdesk("--db", url, "--lang", "en", "check", "--full")
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "FAILED" in out.stdout or "damaged" in out.stderr


@pytest.mark.parametrize(
    "db_arg, expected",
    [
        ("mysql://x/y", "Unsupported database URL"),
        ("sqlite:////proc/frontdesk-nowhere/x.sqlite3", "Cannot create the data folder"),
    ],
)
def test_bad_database_urls(db_arg, expected):
    out = frontdesk("--db", db_arg, "--lang", "en", "check")
    assert out.returncode == 2
    assert expected in out.stderr
    assert "Traceback" not in out.stderr


def test_not_a_database_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello" * 100)
    out = frontdesk("--db", f"sqlite:///{path}", "check")
    assert out.returncode == 2
    assert str(path) in out.stderr and "不是 Frontdesk 数据库" in out.stderr


def test_smoke_opens_the_main_window(tmp_path):
    out = frontdesk("--demo", "--smoke", env_extra={"FRONTDESK_DATA_DIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert "shown=True" in out.stdout
    assert (tmp_path / "demo.sqlite3").exists()


def test_version():
    out = frontdesk("--version")
    assert out.returncode == 0 and out.stdout.startswith("frontdesk ")


def test_init_with_first_admin_from_the_environment(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    env = {"FRONTDESK_ADMIN_PASSWORD": "secret123", "FRONTDESK_ADMIN_PIN": "2468"}
    out = frontdesk("--db", url, "init", "--hospital", "北城医院", "--admin", "boss",
                    "--admin-name", "赵院办", env_extra=env)
    assert out.returncode == 0, out.stderr
    assert "boss" in out.stdout
    bad = frontdesk("--db", f"sqlite:///{tmp_path / 'b.sqlite3'}", "--lang", "en", "init",
                    "--hospital", "x", "--admin", "boss",
                    env_extra={"FRONTDESK_ADMIN_PASSWORD": "short", "FRONTDESK_ADMIN_PIN": "2468"})
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    # Nothing half-done: the rules were not loaded either, so init can simply run again.
    again = frontdesk("--db", f"sqlite:///{tmp_path / 'b.sqlite3'}", "init", "--hospital", "x")
    assert again.returncode == 0 and "规章" in again.stdout


def test_check_names_settings_damaged_in_the_database(tmp_path):
    """A settings row edited by hand ('{not json', a name stored as a number, a fine that is
    text): `check` said the database was fine; now it names each and exits 1."""
    import sqlite3

    path = tmp_path / "s.sqlite3"
    url = f"sqlite:///{path}"
    assert frontdesk("--db", url, "init", "--hospital", "甲").returncode == 0
    with sqlite3.connect(path) as con:
        con.execute("UPDATE setting SET value = '{not json' WHERE key = 'hospital.name'")
        con.execute("UPDATE setting SET value = '{\"fine_fen\": \"abc\"}' "
                    "WHERE key = 'rules.lateness'")
    out = frontdesk("--db", url, "--lang", "en", "check")
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert "hospital.name: not readable JSON" in out.stdout
    assert "rules.lateness: entries of the wrong kind" in out.stdout
    report = frontdesk("--db", url, "report", "daily", "--out", str(tmp_path / "r.pdf"))
    assert report.returncode == 0 and "Traceback" not in report.stderr


def test_check_and_commands_name_a_table_dropped_by_hand(tmp_path):
    """`check` passed a database without its fine table and a report showed SQLite's
    'no such table: fine'; now check lists it (exit 1) and the report says it in a sentence."""
    import sqlite3

    path = tmp_path / "t.sqlite3"
    url = f"sqlite:///{path}"
    assert frontdesk("--db", url, "init", "--hospital", "甲").returncode == 0
    with sqlite3.connect(path) as con:
        con.execute("DROP TABLE fine")
    out = frontdesk("--db", url, "--lang", "en", "check")
    assert out.returncode == 1 and "  fine" in out.stdout, out.stdout + out.stderr
    report = frontdesk("--db", url, "--lang", "en", "report", "daily")
    assert report.returncode == 2 and "Traceback" not in report.stderr
    assert "has no fine" in report.stderr and "no such table" not in report.stderr
