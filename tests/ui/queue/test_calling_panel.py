"""The calling panel driven with the keyboard: call, recall, start, tests, back, finish, missed,
transfer (refused at the field for a paused doctor), pause with the waiting moved on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.db.models import QueueEvent
from frontdesk.queue import clinic
from frontdesk.ui.queue.calling import CallingModel, CallingPanel
from tests.helpers.clinic_queue import queued
from tests.helpers.reception_flow import dept, doctor, make_env
from tests.ui.reception.reception_support import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


@pytest.fixture
def panel(qtbot, ctx, env, clock):
    ctx.staff = env.desk
    queued(env, clock, name="张三")
    queued(env, clock, name="李四")
    queued(env, clock, name="王老汉", age=80)
    widget = CallingPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    choose(qtbot, widget.department, dept("internal").id)
    return widget


def choose(qtbot, combo, data) -> None:
    """Pick an item with the keyboard: Home, then Down until it is current."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def shown(panel) -> list[tuple[str, str, str]]:
    m = panel.model
    return [(m.data(m.index(r, CallingModel.COL_NAME)), m.data(m.index(r, CallingModel.COL_STATE)),
             m.data(m.index(r, CallingModel.COL_REASON))) for r in range(m.rowCount())]


def key(qtbot, panel, k):
    qtbot.keyClick(panel.view, k)


def test_the_queue_in_order_with_its_reasons(panel):
    rows = shown(panel)
    assert [r[0] for r in rows] == ["王老汉", "张三", "李四"]
    assert rows[0][2] == "优先：70 岁以上" and rows[1][2] == ""
    assert "王老汉" in panel.now.text()  # "no one called, next: …"


def test_one_key_each_through_a_consultation(qtbot, panel, env):
    key(qtbot, panel, Qt.Key.Key_F2)  # call next
    assert shown(panel)[0][:2] == ("王老汉", "已叫号 · 陈立新") or shown(panel)[0][0] == "王老汉"
    assert shown(panel)[0][1].startswith("已叫号")
    key(qtbot, panel, Qt.Key.Key_F3)  # recall
    assert "×2" in shown(panel)[0][1]
    key(qtbot, panel, Qt.Key.Key_F5)  # start
    assert shown(panel)[0][1].startswith("就诊中")
    key(qtbot, panel, Qt.Key.Key_F7)  # sent for tests
    assert ("王老汉", "检查中") == shown(panel)[-1][:2]
    key(qtbot, panel, Qt.Key.Key_F8)  # back from tests: first again, ahead of new patients
    assert shown(panel)[0][0] == "王老汉" and shown(panel)[0][2] == "优先：检查回来"
    key(qtbot, panel, Qt.Key.Key_F2)
    key(qtbot, panel, Qt.Key.Key_F5)
    key(qtbot, panel, Qt.Key.Key_F6)  # finished: off the panel
    assert [r[0] for r in shown(panel)] == ["张三", "李四"]
    actions = [e.action for e in QueueEvent.select().order_by(QueueEvent.id)][3:]
    assert actions == [clinic.CALL, clinic.RECALL, clinic.START, clinic.SEND_FOR_TESTS,
                       clinic.BACK_FROM_TESTS, clinic.CALL, clinic.START, clinic.FINISH]
    assert not panel.error.isVisible()


def test_missed_and_back_in_line_with_the_arrows(qtbot, panel):
    key(qtbot, panel, Qt.Key.Key_F2)
    key(qtbot, panel, Qt.Key.Key_F4)  # missed: aside, at the bottom
    assert shown(panel)[-1][:2] == ("王老汉", "过号")
    panel.view.setFocus()
    # Select the missed patient with the keyboard (Ctrl+End: the last row).
    qtbot.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert panel.selected_row().patient_name == "王老汉"
    key(qtbot, panel, Qt.Key.Key_F9)  # back in line, by the rule (after 3 more by default)
    rows = shown(panel)
    assert [r[0] for r in rows] == ["张三", "李四", "王老汉"]
    assert rows[2][2] == "过号重排：再叫 3 位后"


def test_a_key_with_nobody_to_act_on_says_so(qtbot, panel):
    key(qtbot, panel, Qt.Key.Key_F6)  # finished, but no one is with the doctor
    assert panel.error.isVisible() and "Select a patient" in panel.error.text()


def test_transfer_to_a_paused_doctor_is_refused_at_the_doctor_field(qtbot, panel, env):
    other = doctor("internal", 1)
    clinic.pause_clinic(dept("internal").id, other.id, actor=env.supervisor, reason="手术")
    panel.view.setFocus()
    key(qtbot, panel, Qt.Key.Key_Down)  # select the first row
    key(qtbot, panel, Qt.Key.Key_F10)
    dialog = panel.last_dialog
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.doctor, other.id)
    qtbot.keyClick(dialog.doctor, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "停诊" in dialog.doctor_box.error_text()
    # Another department instead: the transfer goes through, no re-registering.
    choose(qtbot, dialog.department, dept("surgery").id)
    qtbot.keyClick(dialog.doctor, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result_info is not None
    assert dialog.result_info.row.queue_label.startswith("外-")
    assert len(shown(panel)) == 2


def test_pause_moves_the_waiting_to_another_doctor_and_calls_are_refused(qtbot, panel, env):
    first = doctor("internal", 0)
    choose(qtbot, panel.doctor, first.id)
    key(qtbot, panel, Qt.Key.Key_F11)
    dialog = panel.last_dialog
    qtbot.waitExposed(dialog)
    type_text(dialog.reason, "急会诊")
    second = doctor("internal", 1)
    choose(qtbot, dialog.move_to, second.id)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert panel.paused.isVisible() and "急会诊" in panel.paused.text()
    assert shown(panel) == []  # everyone moved to the other doctor
    assert {r.doctor_id for r in clinic.queue_rows(dept("internal").id).waiting} == {second.id}
    key(qtbot, panel, Qt.Key.Key_F2)
    assert "停诊" in panel.doctor_box.error_text()
    key(qtbot, panel, Qt.Key.Key_F11)  # resume
    assert not panel.paused.isVisible()


def test_english_labels(qtbot, panel):
    from frontdesk import i18n

    i18n.set_language("en")
    try:
        QApplication.processEvents()
        assert panel.buttons["call_next"].text() == "Call next  (F2)"
        assert shown(panel)[0][2] == "Priority: aged 70 or over"
    finally:
        i18n.set_language("zh_CN")


def test_the_admin_sets_the_queue_rules_with_the_keyboard(qtbot, panel, env):
    from frontdesk.queue.clinic_rules import clinic_rules

    assert panel.open_rules() is None  # the desk may not
    panel.ctx.staff = env.admin
    panel._update_enabled()
    assert panel.rules_button.isVisibleTo(panel) and not panel.buttons["call_next"].isEnabled()
    qtbot.keyClick(panel.view, Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.last_dialog
    qtbot.waitExposed(dialog)
    order = dialog.order
    order.setFocus()
    qtbot.keyClick(order, Qt.Key.Key_Home)
    qtbot.keyClick(order, Qt.Key.Key_Down)  # "back from tests"
    qtbot.keyClick(order, Qt.Key.Key_Down)  # "elderly"
    qtbot.keyClick(order, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(order, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # elderly first
    qtbot.keyClick(order, Qt.Key.Key_Down)
    qtbot.keyClick(order, Qt.Key.Key_Space)  # emergency off
    dialog.elderly_age.setFocus()
    dialog.elderly_age.selectAll()
    qtbot.keyClicks(dialog.elderly_age, "65")
    dialog.session_ends.setFocus()
    dialog.session_ends.selectAll()
    qtbot.keyClicks(dialog.session_ends, "13:00, 12:00")
    qtbot.keyClick(dialog.session_ends, Qt.Key.Key_Return)
    assert dialog.isVisible() and "时:分" in dialog.boxes["session_ends"].error_text()
    dialog.session_ends.selectAll()
    qtbot.keyClicks(dialog.session_ends, "12:00")
    qtbot.keyClick(dialog.session_ends, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    rules = clinic_rules()
    assert rules.priority_order[:2] == ("elderly", "tests_back")
    assert "emergency" not in rules.priority_order
    assert (rules.elderly_age, rules.session_ends) == (65, ("12:00",))


def test_in_the_main_window_the_keys_work_as_soon_as_the_panel_shows(qtbot, ctx, env, clock):
    from frontdesk.ui.shell.main_window import AREAS, MainWindow

    assert ("calling", "Ctrl+8") in [(a.key, a.shortcut) for a in AREAS]
    ctx.set_staff(env.desk)
    queued(env, clock, name="张三")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    panel = win.show_area("calling")
    assert isinstance(panel, CallingPanel) and panel.isVisible()
    # The queue has the focus, so the panel's keys (live while focus is inside it) work
    # at once; other areas keep their own F-keys (the clash test walks every area).
    assert panel.focusWidget() is panel.view
    assert panel.shortcuts["call_next"].context() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert [r[0] for r in shown(panel)] == ["张三"]


def test_record_a_priority_class_with_f12(qtbot, panel):
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # 李四
    assert panel.selected_row().patient_name == "李四"
    key(qtbot, panel, Qt.Key.Key_F12)
    dialog = panel.last_dialog
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.choice, "pregnant")
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    rows = shown(panel)
    assert [r[0] for r in rows] == ["王老汉", "李四", "张三"]  # elderly, then pregnant
    assert rows[1][2] == "优先：孕妇"
