"""Outputs (slips, reports) never replace a database, a backup or a file of another kind;
an existing output is replaced only with --force (issue 21)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from frontdesk import cli, files
from frontdesk.errors import ValidationError
from tests.helpers.report_day import _report_day_template, fx  # noqa: F401


@pytest.fixture
def run(fx, clock, capsys):  # noqa: F811
    clock.set(dt.datetime.combine(fx.today, dt.time(9)))

    def go(*args):
        code = cli.main(["--db", fx.db_url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def a_visit_id(fx) -> int:  # noqa: F811
    path = fx.db_url[len("sqlite:///"):]
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id FROM visit WHERE department_id IS NOT NULL "
                           "ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        con.close()


def test_slip_never_overwrites_the_live_database(run, fx):  # noqa: F811
    live = Path(fx.db_url[len("sqlite:///"):])
    before = live.read_bytes()[:100]
    code, out, err = run("slip", "--visit", str(a_visit_id(fx)), "--kind", "guide",
                         "--out", str(live))
    assert code == 2, out
    assert "数据库" in err and "Traceback" not in err
    assert live.read_bytes()[:100] == before
    # --force does not change that: a database is never an output.
    code, _, err = run("slip", "--visit", str(a_visit_id(fx)), "--kind", "guide",
                       "--out", str(live), "--force")
    assert code == 2 and live.read_bytes()[:100] == before


def test_slip_never_overwrites_a_backup(run, fx, tmp_path):  # noqa: F811
    live = Path(fx.db_url[len("sqlite:///"):])
    copy = tmp_path / "frontdesk-20261123-083000.sqlite3"
    shutil.copy(live, copy)
    code, _, err = run("slip", "--visit", str(a_visit_id(fx)), "--kind", "guide",
                       "--out", str(copy), "--force")
    assert code == 2 and copy.read_bytes()[:16] == b"SQLite format 3\x00"


def test_existing_output_needs_force(run, fx, tmp_path):  # noqa: F811
    out_file = tmp_path / "slip.pdf"
    out_file.write_bytes(b"%PDF-1.4 old")
    code, _, err = run("slip", "--visit", str(a_visit_id(fx)), "--kind", "guide",
                       "--out", str(out_file))
    assert code == 2 and "--force" in err
    assert out_file.read_bytes() == b"%PDF-1.4 old"
    code, _, err = run("slip", "--visit", str(a_visit_id(fx)), "--kind", "guide",
                       "--out", str(out_file), "--force")
    assert code == 0, err
    assert out_file.read_bytes().startswith(b"%PDF") and out_file.read_bytes() != b"%PDF-1.4 old"


def test_report_never_replaces_a_file_of_another_kind(run, fx, tmp_path):  # noqa: F811
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"PK\x03\x04 a zip, not a pdf")
    code, _, err = run("report", "daily", "--date", f"{fx.today:%Y-%m-%d}", "--out", str(notes),
                       "--force")
    assert code == 2 and notes.read_bytes().startswith(b"PK")
    existing = tmp_path / "d.csv"
    existing.write_text("a,b\n")
    code, _, err = run("report", "daily", "--date", f"{fx.today:%Y-%m-%d}", "--out",
                       str(existing))
    assert code == 2 and "--force" in err and existing.read_text() == "a,b\n"
    code, _, err = run("report", "daily", "--date", f"{fx.today:%Y-%m-%d}", "--out",
                       str(existing), "--force")
    assert code == 0, err


def test_write_atomic_refuses_databases_and_backup_names(tmp_path):
    db = tmp_path / "x.dat"
    sqlite3.connect(db).execute("CREATE TABLE t(a)").connection.close()
    with pytest.raises(ValidationError):
        files.write_atomic(b"%PDF-1.4", db)
    wal = tmp_path / "frontdesk.sqlite3-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 28)
    with pytest.raises(ValidationError):
        files.write_atomic(b"%PDF-1.4", wal)
    partial = tmp_path / "frontdesk-20261123-083000.sqlite3.partial"
    with pytest.raises(ValidationError):
        files.write_atomic(b"%PDF-1.4", partial)
    assert not partial.exists()
