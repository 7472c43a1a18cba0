"""The waiting-room board: rows per department, amber/red past the thresholds, care prompts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from frontdesk import queue, reception, settings
from frontdesk.ui.queue.board import LEVEL_COLOURS, BoardModel, QueueBoardArea
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import NOW

pytestmark = pytest.mark.gui


def rows():
    return [
        queue.BoardRow(1, "内-001", "王*明", "BILLING", 42, "red"),
        queue.BoardRow(2, "内-002", "李*", "REGISTRATION", 18, "amber"),
        queue.BoardRow(3, "内-003", "", "ESCORT", 2, "ok"),
    ]


def test_board_model_passes_the_model_tester(qtmodeltester):
    model = BoardModel()
    model.set_rows(rows())
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_board_model_colours_by_level():
    model = BoardModel()
    model.set_rows(rows())
    bg = [model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) for r in range(3)]
    assert bg[0].color() == QColor(LEVEL_COLOURS["red"][0])
    assert bg[1].color() == QColor(LEVEL_COLOURS["amber"][0])
    assert bg[2] is None
    assert model.data(model.index(0, BoardModel.COL_WAITED)) == "42 min"
    assert model.data(model.index(2, BoardModel.COL_NAME)) == "—"


def _waiting_visit(staff, minutes_ago: int, complaint: str, name: str, clock):
    """A visit registered `minutes_ago` (it arrived then), waiting at BILLING."""
    from frontdesk import triage

    clock.freeze(NOW - dt.timedelta(minutes=minutes_ago))
    v = reception.new_arrival(actor=staff, booked=False, first_visit=True)
    v = reception.take_at_desk(v.id, actor=staff, expected_version=v.version)
    dept = triage.suggest(complaint).departments[0][0]
    v = reception.triage(v.id, actor=staff, expected_version=v.version, complaint=complaint,
                         department_id=dept)
    form = reception.RegistrationForm(name=name, sex="M", phone="13912340000", age=30)
    v = reception.register(v.id, actor=staff, expected_version=v.version, form=form,
                           patient_id=None)
    clock.freeze(NOW)
    return v


def test_board_shows_waits_and_care_prompts(qtbot, demo_ctx, desk_staff, pinned, clock):
    settings.set("queue.amber_minutes", 15)
    settings.set("queue.red_minutes", 30)
    red = _waiting_visit(desk_staff, 35, "胃痛", "张小明", clock)
    amber = _waiting_visit(desk_staff, 20, "腹泻", "李娜", clock)
    fresh = _waiting_visit(desk_staff, 3, "牙痛", "赵敏", clock)
    board = QueueBoardArea(demo_ctx)
    qtbot.addWidget(board)
    levels = {r.visit_id: r.level for b in board.boards for r in b.rows}
    assert levels[red.id] == "red" and levels[amber.id] == "amber" and levels[fresh.id] == "ok"
    # Names are masked on the board; the care panel lists the long waits first.
    shown = [card.model.data(card.model.index(r, BoardModel.COL_NAME))
             for card in board.cards.values() for r in range(card.model.rowCount())]
    assert "张*明" in shown and "张小明" not in shown
    care = board.care_list.text()
    assert care.index(red.queue_label) < care.index(amber.queue_label)
    assert fresh.queue_label not in care
    assert "喝杯水" in board.care_phrases.text() and "稍等" in board.care_phrases.text()


def test_board_masks_names_as_the_slips_do(qtbot, demo_ctx, desk_staff, pinned, clock):
    # The same mask as the guide slip: a compound surname is not split, nothing leaks.
    from frontdesk.slips import mask_name

    a = _waiting_visit(desk_staff, 5, "胃痛", "欧阳娜娜", clock)
    b = _waiting_visit(desk_staff, 6, "胃痛", "司马光", clock)
    board = QueueBoardArea(demo_ctx)
    qtbot.addWidget(board)
    names = {r.visit_id: r.patient_name_masked for d in board.boards for r in d.rows}
    assert names[a.id] == "欧阳*娜" == mask_name("欧阳娜娜")
    assert names[b.id] == "司马*" == mask_name("司马光")
    shown = [card.model.data(card.model.index(r, BoardModel.COL_NAME))
             for card in board.cards.values() for r in range(card.model.rowCount())]
    assert "欧阳*娜" in shown and "司马*" in shown and "欧**娜" not in shown


def test_board_refreshes_when_a_visit_changes(qtbot, demo_ctx, desk_staff, pinned, clock):
    board = QueueBoardArea(demo_ctx)
    qtbot.addWidget(board)
    before = sum(len(b.rows) for b in board.boards)
    _waiting_visit(desk_staff, 1, "咳嗽", "孙建国", clock)
    demo_ctx.changes.visits_changed.emit()
    assert sum(len(b.rows) for b in board.boards) == before + 1
    assert board.timer.isActive()


def test_card_title_says_waiting_called_and_at_the_desk_apart(qtbot):
    """候诊 counts the clinic queue's waiting patients only (as the display does); the desk's
    and the called ones have words of their own."""
    from frontdesk.queue.board import DOCTOR_CALLED, DOCTOR_WAITING
    from frontdesk.ui.queue.board import DepartmentCard

    card = DepartmentCard(1)
    qtbot.addWidget(card)
    mixed = [*rows(),
             queue.BoardRow(4, "内-004", "张*", DOCTOR_WAITING, 5, "ok"),
             queue.BoardRow(5, "内-005", "赵*", DOCTOR_CALLED, 1, "ok")]
    card.set_department(queue.BoardDepartment(1, "内科", mixed))
    assert card.title.text() == "内科 · 1 waiting · 1 called · 3 at the desk"
    card.set_department(queue.BoardDepartment(1, "耳鼻喉科", rows()[:2]))
    assert card.title.text() == "耳鼻喉科 · 0 waiting · 2 at the desk"
    card.set_department(queue.BoardDepartment(1, "内科", mixed[3:4]))
    assert card.title.text() == "内科 · 1 waiting"
