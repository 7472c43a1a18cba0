# ruff: noqa: F811 - `fx` is a fixture imported from tests.helpers.report_day
"""`frontdesk report`: files by extension, clear messages and exit codes, nothing half written."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import cli
from frontdesk.db.models import AuditLog
from tests.helpers.clock import TEST_NOW

# The fixture-day fixtures, shared with tests/unit/reports (pytest finds them by name here).
from tests.helpers.report_day import _report_day_template, fx  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(fx, clock, capsys):
    clock.set(dt.datetime.combine(fx.today, dt.time(9)))

    def go(*args):
        code = cli.main(["--db", fx.db_url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def test_daily_pdf_csv_xlsx(run, tmp_path):
    for ext in ("pdf", "csv", "xlsx"):
        out = tmp_path / f"d.{ext}"
        code, stdout, err = run("report", "daily", "--date", "2026-11-20", "--out", str(out))
        assert code == 0, err
        assert f"已写入 {out}" in stdout and "就诊 7 人次" in stdout
        assert out.stat().st_size > 100
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")
    rows = list(csv.reader(io.StringIO((tmp_path / "d.csv").read_bytes().decode("utf-8-sig"))))
    assert ["就诊总人数", "7", "3.0"] in rows
    exports = AuditLog.select().where(AuditLog.action == "export", AuditLog.staff.is_null())
    assert exports.count() == 3  # the CLI acts as the system, and says so in the log


def test_range_and_daily_with_from_to(run, tmp_path):
    out = tmp_path / "w.csv"
    code, stdout, _ = run("--lang", "en", "report", "range", "--from", "2026-11-14",
                          "--to", "2026-11-20", "--out", str(out))
    assert code == 0 and "13 visits" in stdout
    text = out.read_bytes().decode("utf-8-sig")
    assert "Summary 2026-11-14 to 2026-11-20" in text and "2026-11-17,4," in text
    code, stdout, _ = run("report", "daily", "--from", "2026-11-17", "--to", "2026-11-20",
                          "--out", str(tmp_path / "r.xlsx"))
    assert code == 0 and "就诊 13 人次" in stdout


def test_without_out_prints_the_headline(run):
    code, stdout, _ = run("report", "daily", "--date", "2026-11-20")
    assert code == 0
    assert "测试医院" in stdout and "就诊总人数 | 7 | 3.0" in stdout


def test_empty_day_says_so_and_still_writes(run, tmp_path):
    out = tmp_path / "e.pdf"
    code, stdout, _ = run("report", "daily", "--date", "2026-11-18", "--out", str(out))
    assert code == 0 and "没有就诊记录" in stdout and out.exists()


@pytest.mark.parametrize(("args", "message"), [
    (("--date", "2026-02-30"), "日期“2026-02-30”无效"),
    (("--date", "yesterday"), "无效"),
    (("--date", "2026-11-24"), "还没到"),
    (("--date", "2026-11-20", "--from", "2026-11-01", "--to", "2026-11-02"), "只用 --date"),
    (("--from", "2026-11-01"), "同时给出 --from 和 --to"),
    (("--from", "2026-11-20", "--to", "2026-11-01"), "晚于结束日期"),
])
def test_bad_dates(run, tmp_path, args, message):
    code, stdout, err = run("report", "daily", *args, "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and message in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["fixture-db"]


def test_bad_output_paths(run, tmp_path):
    code, _, err = run("report", "daily", "--date", "2026-11-20", "--out",
                       str(tmp_path / "nope" / "d.pdf"))
    assert code == 2 and "文件夹不存在" in err
    code, _, err = run("report", "daily", "--date", "2026-11-20", "--out", str(tmp_path / "d.doc"))
    assert code == 2 and ".doc" in err
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        code, _, err = run("report", "daily", "--date", "2026-11-20", "--out",
                           str(locked / "d.pdf"))
        assert code == 2 and "无法写入" in err and list(locked.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fixture-db"] + (
        [] if os.geteuid() == 0 else ["locked"])


def test_subprocess_exit_codes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               FRONTDESK_NOW=TEST_NOW.isoformat())
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    base = [sys.executable, "-m", "frontdesk", "--db", url]
    assert subprocess.run([*base, "init", "--hospital", "东城医院"], env=env,
                          capture_output=True).returncode == 0
    out = subprocess.run([*base, "--lang", "en", "report", "daily", "--date", "2999-01-01",
                          "--out", str(tmp_path / "f.pdf")], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and "in the future" in out.stderr
    today = tmp_path / "today.csv"
    out = subprocess.run([*base, "report", "daily", "--out", str(today)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "没有就诊记录" in out.stdout and today.read_bytes().startswith(b"\xef\xbb\xbf")
    assert TEST_NOW.date().isoformat() in today.read_bytes().decode("utf-8-sig")


def test_phone_numbers_masked_unless_asked(run, tmp_path):
    """Issue 18, point 6: the daily summary's call-back list, masked by default."""
    masked, full = tmp_path / "m.csv", tmp_path / "f.csv"
    assert run("report", "daily", "--date", "2026-11-20", "--out", str(masked))[0] == 0
    assert run("report", "daily", "--date", "2026-11-20", "--full-phones",
               "--out", str(full))[0] == 0
    masked_text = masked.read_bytes().decode("utf-8-sig")
    assert "138****0001" in masked_text and "13800000001" not in masked_text
    assert "13800000001" in full.read_bytes().decode("utf-8-sig")
