"""`frontdesk display`: the kiosk opens on its own (no log-in), and says a wrong department."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import cli
from frontdesk.db import connection

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui


def run_display(url: str, *args: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "frontdesk", "--db", url, "display", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'fd.sqlite3'}"
    assert cli.main(["--db", url, "init", "--hospital", "测试医院"]) == 0
    connection.close()
    return url


def test_display_opens_for_named_departments_without_logging_in(url, tmp_path):
    out = run_display(url, "--department", "内科,surgery", "--windowed", "--no-voice",
                      "--seconds", "1.5", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "display shown=True clinics=2" in out.stdout


def test_an_unknown_department_is_named(url, tmp_path):
    out = run_display(url, "--department", "不存在科", "--seconds", "1", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "不存在科" in out.stdout + out.stderr
