"""`frontdesk service-report`: the three reports by extension, printed without --out, exit 2
on bad input."""

from __future__ import annotations

import pytest

from frontdesk import cli
from frontdesk.db import connection
from frontdesk.service import consultations as cs


@pytest.fixture
def url(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'svc.sqlite3'}"
    assert cli.main(["--db", url, "init", "--hospital", "测试医院"]) == 0
    from frontdesk.db.models import Staff

    desk = Staff.create(username="desk1", display_name="李静", role="desk")
    cs.record(actor=desk, form=dict(channel="phone", phone="13600000001",
                                           outcome="will_come"))
    connection.close()
    capsys.readouterr()
    return url


@pytest.mark.parametrize("kind", ["consultations", "complaints", "satisfaction"])
def test_each_report_in_each_format(url, tmp_path, kind, capsys):
    for ext in ("pdf", "csv", "xlsx"):
        out = tmp_path / f"{kind}.{ext}"
        assert cli.main(["--db", url, "service-report", kind, "--from", "2026-11-01",
                         "--to", "2026-11-23", "--out", str(out)]) == 0
        assert out.stat().st_size > 100
    assert cli.main(["--db", url, "service-report", kind, "--by", "month"]) == 0
    assert "测试医院" in capsys.readouterr().out


def test_bad_input_exits_2(url, tmp_path):
    assert cli.main(["--db", url, "service-report", "consultations", "--from", "2026-11-30",
                     "--to", "2026-11-01"]) == 2
    assert cli.main(["--db", url, "service-report", "complaints", "--out",
                     str(tmp_path / "x.doc")]) == 2
