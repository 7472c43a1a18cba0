"""`frontdesk slip --kind ticket`: a visit's door ticket as a PDF file on the 80 mm roll."""

from __future__ import annotations

import re
import sqlite3

from tests.cli.test_slip_cli import frontdesk, pdftotext


def test_ticket_of_a_visit_from_the_door(tmp_path):
    path = tmp_path / "t.sqlite3"
    assert frontdesk("--db", f"sqlite:///{path}", "init", "--demo").returncode == 0
    from frontdesk import reception
    from frontdesk.db import connection
    from frontdesk.db.models import Staff
    from frontdesk.db.session import open_database

    open_database(f"sqlite:///{path}")
    guide = Staff.get(Staff.role == "guide")
    v = reception.new_arrival(actor=guide, booked=False, first_visit=True, sex="F",
                              age_band="elder")
    connection.close()
    out_pdf = tmp_path / "ticket.pdf"
    out = frontdesk("--db", f"sqlite:///{path}", "slip", "--visit", str(v.id), "--kind",
                    "ticket", "--out", str(out_pdf))
    assert out.returncode == 0, out.stderr
    text = re.sub(r"\s+", "", pdftotext(out_pdf))
    assert v.door_ticket in text and "取号小票" in text
    con = sqlite3.connect(path)
    try:
        kinds = [r[0] for r in con.execute("SELECT detail FROM audit_log WHERE action = 'export'")]
    finally:
        con.close()
    assert any('"ticket"' in k for k in kinds)
