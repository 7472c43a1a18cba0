"""The per-step counts above the desk's list wrap between their parts, never inside a word."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures

pytestmark = pytest.mark.gui


def _lines(label, width: int) -> list[str]:
    """The lines the label's rich text breaks into at `width` (the label's own font)."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(width)
    doc.size()  # lays the text out
    out = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            out.append(text[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return out


def _check(counts) -> None:
    wrapped = False
    for width in range(120, 480, 6):  # the list's width on a 1366 laptop is about 260 px
        lines = [line.strip() for line in _lines(counts, width)]
        wrapped |= len(lines) > 1
        for line in lines[:-1]:
            assert line[-1].isdigit() or line.endswith("·"), (width, lines)
    assert wrapped


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_counts_wrap_only_between_steps(area, lang):
    from frontdesk.ui import translation

    translation.install(lang)
    try:
        area.retranslate()
        desk = area.show_desk()
        desk.refresh_list()
        counts = desk.visit_list.counts
        shown = counts.text().replace("\u2060", "").replace("\u00a0", " ")
        # the joiners do not change what is read
        assert ("陪诊未回" in shown) if lang == "zh_CN" else ("Escort out" in shown)
        _check(counts)
    finally:
        translation.install("zh_CN")


def test_a_visit_not_in_the_list_leaves_no_other_patient_highlighted(area):
    """A visit opened by its number after it left the list (done, left) is shown on its own:
    the row of the patient shown before does not stay highlighted beside it."""
    from frontdesk import reception

    desk = area.show_desk()
    staff = area.ctx.staff
    first = reception.new_arrival(actor=staff, booked=False, first_visit=True)
    gone = reception.new_arrival(actor=staff, booked=False, first_visit=False)
    desk.refresh_list()
    desk.open_visit(first.id)
    panel = desk.visit_list
    assert [panel.model.visit_at(i.row()).id for i in panel.view.selectionModel().selectedRows()] \
        == [first.id]
    reception.leave(gone.id, actor=staff, expected_version=gone.version, reason="other")
    desk.refresh_list()
    assert panel.model.row_of(gone.id) < 0
    desk.open_visit(gone.id)
    assert desk.view.id == gone.id
    assert panel.view.selectionModel().selectedRows() == []
    desk.open_visit(first.id)  # back in the list: highlighted again
    assert [panel.model.visit_at(i.row()).id for i in panel.view.selectionModel().selectedRows()] \
        == [first.id]


def test_the_list_shows_the_number_a_patient_goes_by_now_and_both_in_the_tooltip(qapp):
    # "A022 / 耳-002" took so much of the narrow list at 1366 px that the patient's name
    # was cut to one character: the queue number once there is one, the ticket before.
    from types import SimpleNamespace

    from PySide6.QtCore import Qt

    from frontdesk.ui.reception.visits import VisitListModel

    base = dict(patient_name="崔斌", first_visit=False, has_appointment=False, red_flag=False,
                priority="", door_name="", door_sex="", door_age_band="", complaint="咳嗽",
                stage="BILLING", escort_back=False, open=True)
    rows = [SimpleNamespace(**base, id=1, door_ticket="A022", queue_label="耳-002"),
            SimpleNamespace(**{**base, "patient_name": "", "stage": "GREETING"}, id=2,
                            door_ticket="A025", queue_label="")]
    model = VisitListModel()
    model.set_rows(rows)
    number = [model.data(model.index(r, VisitListModel.COL_NUMBER)) for r in range(2)]
    assert number == ["耳-002", "A025"]
    tip = model.data(model.index(0, VisitListModel.COL_NUMBER), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == "A022 · 耳-002" and "崔斌" in tip
