"""Whole scenarios through the main window, as the people at the desk walk them.

Each test builds the MainWindow the app shows after log-in, drives its widgets with
keys, clicks and typed text, and checks what was STORED (and what the screen says).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk import reception, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import NOW, actions, pdf_slip_printer, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ctx, pinned):
    """The main window as desk1 sees it after log-in, in the default language."""
    from frontdesk.ui import translation
    from frontdesk.ui.shell.main_window import MainWindow

    translation.install("zh_CN")
    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    translation.install("zh_CN")


def reception_area(win):
    return win.show_area("reception")


def door_ticket(qtbot, area, *, booked=False, first_visit=True):
    """The door guide hands a walk-in over with the keyboard; the visit it made."""
    door = area.show_door()
    qtbot.keyClick(door, Qt.Key.Key_F2)
    qtbot.keyClick(door, Qt.Key.Key_1 if booked else Qt.Key.Key_2)
    qtbot.keyClick(door, Qt.Key.Key_3 if first_visit else Qt.Key.Key_4)
    qtbot.keyClick(door.handover_button, Qt.Key.Key_Return)
    assert door.last_visit is not None, door.message.text()
    return door.last_visit


def click_item(qtbot, lst, row: int) -> None:
    rect = lst.visualItemRect(lst.item(row))
    lst.scrollToItem(lst.item(row))
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), LEFT, pos=rect.center())


def click_row(qtbot, panel, visit_id: int) -> None:
    """Click the visit's row in a desk's list."""
    view = panel.view
    index = panel.model.index(panel.model.row_of(visit_id), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())


def fill_new_patient(qtbot, form, *, name, sex, phone, age):
    type_text(form.name, name)
    form.sex.setFocus()
    form.sex.setCurrentIndex(form.sex.findData(sex))
    type_text(form.phone, phone)
    type_text(form.age, age)
    form.choose_not_asked()  # the media question, answered


def register(qtbot, desk):
    press(qtbot, desk.registration.form.name, modifier=CTRL)
    dups = desk.registration.duplicates
    if dups.isVisibleTo(desk):  # a similar demo patient is possible: a new person
        qtbot.mouseClick(dups.create_button, LEFT)


def test_walk_in_from_the_door_ticket_to_the_daily_summary(window, qtbot, tmp_path,
                                                            demo_ctx):
    from frontdesk.db.models import Staff

    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    assert visit.door_ticket
    desk = area.show_desk()
    files: list = []
    desk.slip_printer = pdf_slip_printer(tmp_path, files)
    assert desk.visit_list.first_waiting().id == visit.id
    qtbot.mouseClick(desk.next_button, LEFT)
    assert desk.view.stage == stages.TRIAGE, desk.notice_text()

    # Triage: the complaint typed, the suggestions follow; the desk clicks one.
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天，吃完饭更疼")
    qtbot.waitUntil(lambda: "胃痛" in triage.departments.item(0).text(), timeout=3000)
    suggested = triage.department_ids()[0]
    click_item(qtbot, triage.departments, 0)
    assert triage.choice().department_id == suggested
    if triage.doctors.count():
        click_item(qtbot, triage.doctors, 0)
    doctor = triage.choice().doctor_id
    qtbot.mouseClick(triage.confirm_button, LEFT)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.REGISTRATION, desk.notice_text()
    assert (view.department_id, view.doctor_id) == (suggested, doctor)

    # Registration of a new patient.
    form = desk.registration.form
    fill_new_patient(qtbot, form, name="欧阳娜娜", sex="F", phone="13912345678", age="27")
    register(qtbot, desk)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.BILLING, desk.notice_text() or form.errors()
    assert view.patient_name == "欧阳娜娜" and view.fee_fen > 0

    # Billing: the slip to a file, then the payment confirmed.
    press(qtbot, desk.billing.confirm_button, Qt.Key.Key_P, CTRL)
    assert desk.last_print is not None and desk.last_print.ok, desk.notice_text()
    qtbot.mouseClick(desk.billing.confirm_button, LEFT)
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.ESCORT

    # Escort: the guide slip, the escort walks them to the doctor and comes back.
    escort_id = desk.escort.escort_id()
    assert escort_id is not None
    press(qtbot, desk.escort.escort, Qt.Key.Key_G, CTRL)
    assert desk.last_print.ok, desk.notice_text()
    press(qtbot, desk.escort.escort)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.DONE and view.escort_id == escort_id
    qtbot.mouseClick(desk.escort.back_button, LEFT)
    assert actions(visit.id)[-1] == stages.BACK_AT_POST
    assert escort_id in [s for s, _ in reception.free_escorts(NOW.date())]
    assert [f.name for f in files] == [f"billing-{visit.id}.pdf", f"guide-{visit.id}.pdf"]
    assert all(f.stat().st_size > 1000 for f in files)

    # The supervisor exports the day's summary: the visit is counted in it.
    boss = Staff.get(Staff.role == "supervisor")
    demo_ctx.set_staff(boss)
    reports = window.show_area("reports")
    reports.set_day(NOW.date())
    qtbot.mouseClick(reports.show_button, LEFT)
    qtbot.waitUntil(lambda: not reports.busy, timeout=20000)
    assert reports.loaded is not None, reports.error.text()
    target = tmp_path / "day.csv"
    reports.ask_save_path = lambda suggested: str(target)
    qtbot.mouseClick(reports.export_button, LEFT)
    qtbot.waitUntil(lambda: not reports.busy, timeout=20000)
    assert target.exists(), reports.error.text()
    summary = reports.loaded.summary
    assert (summary.totals.visits, summary.totals.done, summary.totals.first_visits) == (1, 1, 1)
    dept = next(d for d in summary.by_department if d.visits)
    text = target.read_text(encoding="utf-8-sig")
    assert dept.label_zh in text


def _second_window(qtbot, demo_db, username):
    """Another desk on the same database file: its own context (signals, worker) and window."""
    from frontdesk.db.models import Staff
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.shell.main_window import MainWindow

    ctx = AppContext(db_url=str(demo_db.database),
                     staff=Staff.get(Staff.username == username))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    return ctx, win


def test_two_desks_take_the_same_waiting_patient(window, qtbot, demo_db):
    area_a = reception_area(window)
    visit = door_ticket(qtbot, area_a)
    ctx_b, win_b = _second_window(qtbot, demo_db, "desk2")
    try:
        desk_a = area_a.show_desk()
        desk_b = reception_area(win_b).show_desk()
        # Both desks see the same patient waiting and open it at the same moment.
        for desk in (desk_a, desk_b):
            assert desk.visit_list.first_waiting().id == visit.id
            click_row(qtbot, desk.visit_list, visit.id)
            assert desk.steps.currentWidget() is desk.greeting
        qtbot.mouseClick(desk_a.greeting.take_button, LEFT)
        qtbot.mouseClick(desk_b.greeting.take_button, LEFT)

        stored = reception.get_visit(visit.id, actor=viewer())
        assert stored.stage == stages.TRIAGE
        took = [e for e in stored.events if e.action == stages.AT_DESK]
        assert len(took) == 1 and took[0].staff_name == window.ctx.staff.display_name  # desk A won
        assert desk_a.view.stage == stages.TRIAGE and desk_a.notice_text() == ""
        # Desk B is told, in words (not to go on serving them), and its list no longer
        # offers the patient as waiting.
        assert "其他导医台" in desk_b.notice_text() and "F4" in desk_b.notice_text()
        waiting = desk_b.visit_list.first_waiting()
        assert waiting is None or waiting.id != visit.id
        # Nothing lost: one visit, its door ticket kept, still open at the desk of A.
        assert stored.door_ticket == visit.door_ticket and stored.open
    finally:
        ctx_b.tasks.wait()


def test_two_desks_press_next_patient_at_the_same_moment(window, qtbot, demo_db):
    area_a = reception_area(window)
    visit = door_ticket(qtbot, area_a)
    ctx_b, win_b = _second_window(qtbot, demo_db, "desk2")
    try:
        desk_a = area_a.show_desk()
        desk_b = reception_area(win_b).show_desk()
        assert desk_b.visit_list.first_waiting().id == visit.id
        qtbot.mouseClick(desk_a.next_button, LEFT)  # F4 at desk A…
        qtbot.mouseClick(desk_b.next_button, LEFT)  # …and at desk B, its list not yet told
        stored = reception.get_visit(visit.id, actor=viewer())
        took = [e for e in stored.events if e.action == stages.AT_DESK]
        assert len(took) == 1 and took[0].staff_name == window.ctx.staff.display_name
        assert desk_a.view.id == visit.id and desk_a.view.stage == stages.TRIAGE
        # Desk B did not take the patient: it is told so, and is not left serving A's patient.
        assert "其他导医台" in desk_b.notice_text()
        assert desk_b.view is None or desk_b.view.id != visit.id
        waiting = desk_b.visit_list.first_waiting()
        assert waiting is None or waiting.id != visit.id
    finally:
        ctx_b.tasks.wait()


def switch_language(qtbot, win, lang: str) -> None:
    """File → Settings → language → OK, as the desk does it (the dialog is modal)."""
    from PySide6.QtCore import QTimer

    from frontdesk import i18n
    from frontdesk.ui.shell.settings_dialog import SettingsDialog

    def answer() -> None:
        [dialog] = [d for d in win.findChildren(SettingsDialog) if d.isVisible()]
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), LEFT)

    QTimer.singleShot(0, answer)
    win.act_settings.trigger()
    QApplication.processEvents()  # the language-change events Qt posted to every window
    win.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(win.isActiveWindow)
    assert not [d for d in win.findChildren(SettingsDialog) if d.isVisible()]
    assert i18n.language() == lang


def visible_texts(root) -> list[tuple[str, str]]:
    """(widget, text) of every label, button, box title, tab, combo item and placeholder
    shown under `root` (the texts a person reads)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTabBar,
        QWidget,
    )

    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            out += [(name, w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            out.append((name + ".placeholder", w.placeholderText()))
        if w.accessibleName():
            out.append((name + ".accessible", w.accessibleName()))
    return [(n, t) for n, t in out if t]


def PEOPLE() -> list[str]:  # noqa: N802
    """Names of people (doctors, staff) and rooms as signposted (one language in the
    rules): shown as written in either language."""
    from frontdesk.db.models import Department, Doctor, Staff

    return ([d.name for d in Doctor.select()] + [s.display_name for s in Staff.select()]
            + [d.room for d in Department.select() if d.room])


def chinese(texts, allowed=()) -> list[tuple[str, str]]:
    """The texts with Chinese in them, once the allowed words (what was typed) are taken out."""
    import re

    han = re.compile(r"[\u4e00-\u9fff、（）：，。]")  # with Chinese punctuation
    # Triage quotes the patient's words with what it read them as: "胸口压着疼 → 胸压着痛".
    quoted = re.compile(r"[\u4e00-\u9fff，]+ → [\u4e00-\u9fff]+")
    left = []
    for name, text in texts:
        text = quoted.sub("", text)
        for word in sorted(allowed, key=len, reverse=True):
            text = text.replace(word, "")
        if han.search(text):
            left.append((name, text))
    return left


def test_language_switch_in_the_middle_of_a_visit_keeps_what_was_typed(window, qtbot):
    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "咳嗽三天")
    qtbot.waitUntil(lambda: triage.departments.count() > 0, timeout=3000)
    click_item(qtbot, triage.departments, 1)
    chosen = triage.choice().department_id

    switch_language(qtbot, window, "en")
    assert triage.complaint.toPlainText() == "咳嗽三天"
    assert triage.choice().department_id == chosen
    left = chinese(visible_texts(desk), allowed=["咳嗽三天", "咳嗽", *PEOPLE()])
    assert left == [], "\n".join(map(str, left))
    qtbot.mouseClick(triage.confirm_button, LEFT)
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.REGISTRATION

    queue_label = desk.view.queue_label  # the number on the patient's slip, as printed
    form = desk.registration.form
    type_text(form.name, "欧阳娜娜")
    type_text(form.phone, "13912345678")
    type_text(form.address, "人民路1号")
    switch_language(qtbot, window, "zh_CN")
    switch_language(qtbot, window, "en")
    assert (form.name.text(), form.phone.text(), form.address.text()) == (
        "欧阳娜娜", "13912345678", "人民路1号")
    typed = ["欧阳娜娜", "人民路1号", "欧阳", "咳嗽三天", "咳嗽", queue_label, *PEOPLE()]
    assert chinese(visible_texts(desk), allowed=typed) == []
    assert chinese(visible_texts(window.nav)) == []
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.age, "27")
    form.choose_not_asked()
    register(qtbot, desk)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.BILLING, desk.notice_text() or form.errors()
    assert view.patient_name == "欧阳娜娜" and view.complaint == "咳嗽三天"
    assert chinese(visible_texts(desk), allowed=typed) == []


def _english_now(qtbot, win, root, allowed=(), then: str = "en") -> None:
    """Switch to English (from Chinese) and check nothing under `root` still reads Chinese;
    then stay in `then`, the language the next step is taken in."""
    switch_language(qtbot, win, "zh_CN")
    switch_language(qtbot, win, "en")
    left = chinese(visible_texts(root), allowed=[*allowed, *PEOPLE()])
    assert left == [], "\n".join(map(str, left))
    if then != "en":
        switch_language(qtbot, win, then)


@pytest.mark.parametrize("steps_in", ["en", "zh_CN"])
def test_every_step_reads_english_after_a_switch(window, qtbot, tmp_path, steps_in):
    import functools

    english_now = functools.partial(_english_now, then=steps_in)
    area = reception_area(window)
    door = area.show_door()
    qtbot.keyClick(door, Qt.Key.Key_F2)
    qtbot.keyClick(door, Qt.Key.Key_2)
    qtbot.keyClick(door, Qt.Key.Key_3)
    english_now(qtbot, window, area)
    qtbot.keyClick(door.handover_button, Qt.Key.Key_Return)
    visit = door.last_visit
    assert visit is not None, door.message.text()
    english_now(qtbot, window, area)
    desk = area.show_desk()
    click_row(qtbot, desk.visit_list, visit.id)
    assert desk.steps.currentWidget() is desk.greeting
    english_now(qtbot, window, area)
    qtbot.mouseClick(desk.greeting.take_button, LEFT)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胸口压着疼，左胳膊发麻")
    qtbot.waitUntil(lambda: triage.red_banner.isVisibleTo(triage), timeout=3000)
    words = ["胸口压着疼，左胳膊发麻", "胸口压着疼", "左胳膊发麻"]  # the coach quotes it
    english_now(qtbot, window, area, words)
    assert triage.red_banner.isVisibleTo(triage)
    qtbot.mouseClick(triage.confirm_button, LEFT)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.ESCORT and view.billing_deferred, desk.notice_text()
    words.append(view.queue_label)
    english_now(qtbot, window, area, words)
    press(qtbot, desk.escort.escort)
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.DONE
    english_now(qtbot, window, area, words)
    qtbot.mouseClick(desk.late_button, LEFT)
    reg = desk.registration
    assert reg.late_banner.isVisibleTo(reg)
    english_now(qtbot, window, area, words)
    fill_new_patient(qtbot, reg.form, name="赵急", sex="M", phone="13711112222", age="58")
    words.append("赵急")
    english_now(qtbot, window, area, words)
    register(qtbot, desk)
    assert desk.steps.currentWidget() is desk.billing and desk.billing.late, desk.notice_text()
    english_now(qtbot, window, area, words)
    qtbot.mouseClick(desk.billing.confirm_button, LEFT)
    english_now(qtbot, window, area, words)
    qtbot.mouseClick(desk.escort.back_button, LEFT)
    english_now(qtbot, window, area, words)


def _returning_patients(n: int):
    """Demo patients without a VIP card or a booking today, each found by its pinyin
    initials among the lookup's first hits (what the desk would type)."""
    from frontdesk import patients, pinyin
    from frontdesk.db.models import Appointment, Patient
    from frontdesk.ui.reception.lookup import RESULT_LIMIT

    booked = {a.patient_id for a in Appointment.select().where(Appointment.date == NOW.date())}
    out = []
    for p in (Patient.select().where((Patient.vip_tier == "") & (Patient.phone != "")
                                     & Patient.merged_into.is_null()).order_by(Patient.id)):
        if p.id in booked:
            continue
        initials = min(pinyin.search_keys(p.name), key=len)
        hits = patients.search(initials, actor=viewer(), limit=RESULT_LIMIT)
        if any(h.id == p.id for h in hits):
            out.append((p, initials))
            if len(out) == n:
                return out
    raise AssertionError("no returning patients found by initials in the demo")


def test_returning_patients_found_by_initials_and_phone_and_one_who_leaves(window, qtbot):
    from frontdesk.db.models import Patient

    (first, initials), (second, _) = _returning_patients(2)
    records = Patient.select().count()
    area = reception_area(window)

    # 1) Found by pinyin initials, registered again without typing the record.
    visit = door_ticket(qtbot, area, first_visit=False)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    lookup = desk.triage_step.lookup
    assert lookup.isVisibleTo(desk) and lookup.query.hasFocus()
    type_text(lookup.query, initials)
    qtbot.waitUntil(lambda: any(lookup.model.hit_at(r).id == first.id
                                for r in range(lookup.model.rowCount())), timeout=3000)
    qtbot.keyClick(lookup.query, Qt.Key.Key_Down)
    while lookup.current_hit().id != first.id:
        qtbot.keyClick(lookup.results, Qt.Key.Key_Down)
    qtbot.keyClick(lookup.results, Qt.Key.Key_Return)
    assert reception.get_visit(visit.id, actor=viewer()).patient_id == first.id
    assert not lookup.isVisibleTo(desk) and first.name in desk.triage_step.patient_line.text()
    triage = desk.triage_step.triage
    type_text(triage.complaint, "咳嗽发热两天")
    press(qtbot, triage.complaint, modifier=CTRL)
    form = desk.registration.form
    assert (form.name.text(), form.phone.text()) == (first.name, first.phone)
    if form.media_source.currentIndex() <= 0:
        form.choose_not_asked()  # the media question, if the record has no answer yet
    press(qtbot, form.name, modifier=CTRL)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.BILLING, form.errors() or desk.notice_text()
    assert view.patient_id == first.id and not view.first_visit
    assert Patient.select().count() == records
    assert Patient.get_by_id(first.id).name == first.name

    # 2) Found by phone; leaves while the desk registers, the reason picked from the list.
    other = door_ticket(qtbot, area, first_visit=False)
    desk = area.show_desk()
    click_row(qtbot, desk.visit_list, other.id)
    qtbot.mouseClick(desk.greeting.take_button, LEFT)
    type_text(lookup.query, second.phone)
    qtbot.waitUntil(lambda: lookup.current_hit() is not None
                    and lookup.current_hit().id == second.id, timeout=3000)
    qtbot.mouseClick(lookup.choose_button, LEFT)
    type_text(triage.complaint, "头晕")
    press(qtbot, triage.complaint, modifier=CTRL)
    assert reception.get_visit(other.id, actor=viewer()).stage == stages.REGISTRATION
    type_text(form.address, "人民路1号")
    qtbot.keyClick(desk, Qt.Key.Key_F8)
    box = desk.leave_box
    assert box.isVisibleTo(desk) and box.reason.hasFocus()
    from frontdesk import leave_reasons

    # Each reason offered reads as the visit and the reports will show it afterwards.
    assert [box.reason.itemText(i) for i in range(box.reason.count())] == [
        leave_reasons.label(box.reason.itemData(i)) for i in range(box.reason.count())]
    qtbot.keyClick(box.reason, Qt.Key.Key_Down)
    picked = box.reason.currentData()
    assert picked and box.reason.currentText()
    qtbot.mouseClick(box.confirm_button, LEFT)
    view = reception.get_visit(other.id, actor=viewer())
    assert view.stage == stages.LEFT and view.patient_id == second.id, desk.notice_text()
    assert actions(other.id)[-1] == stages.LEFT_ACTION
    assert box.reason.currentText() in desk.closed.info.text()
    assert not desk.leave_button.isEnabled()
    # The first patient's visit is untouched by the second one leaving.
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.BILLING


def test_supervisor_grooming_fine_and_handover_between_shifts(window, qtbot, demo_ctx):
    from frontdesk.db.models import Fine, Staff
    from frontdesk.staffing import handover

    boss = Staff.get(Staff.username == "leitt")
    checked = Staff.get(Staff.username == "desk2")
    demo_ctx.set_staff(boss)  # the supervisor logs in
    grooming = window.show_area("grooming")
    roster = grooming.roster
    row = next(r for r, e in enumerate(roster.rows) if e.staff_id == checked.id)
    qtbot.mouseClick(roster.table.viewport(), LEFT,
                     pos=roster.table.visualRect(roster.table.model().index(row, 0)).center())
    qtbot.mouseClick(roster.check_button, LEFT)
    dialog = roster.dialog
    assert dialog is not None and dialog.isVisible(), roster.error.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the first item fails
    assert "10.00" in dialog.total_label.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    pin = dialog.pin_dialog
    assert pin is not None and pin.isVisible()
    qtbot.keyClicks(pin.pin_edit, "2002")  # desk2 acknowledges with her own PIN
    qtbot.mouseClick(pin.ok_button, LEFT)
    assert not pin.isVisible() and not dialog.isVisible(), pin.pin_error.text()
    [fine] = Fine.select().where((Fine.staff == checked) & (Fine.date == NOW.date()))
    assert fine.amount_fen == 1000

    # The fine is in her fines, on the history tab, without a manual refresh.
    grooming.tabs.setCurrentWidget(grooming.history)
    history = grooming.history
    history.staff_combo.setCurrentIndex(history.staff_combo.findData(checked.id))
    assert history.fines_table.rowCount() == 1, history.error.text()
    assert history.fines_table.item(0, 3).text() in history.summary.text()

    # Handover: the supervisor writes the note; the next shift (desk1) acknowledges it.
    place = window.show_area("handover")
    tab = place.handover
    type_text(tab.equipment_edit, "2号打印机缺纸")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert not tab.equipment_error.isVisible() and "交接" in tab.status.text()
    switch_language(qtbot, window, "en")  # what the tab said follows the language
    assert tab.status.text() == "Handover note saved; the next shift will see it."
    switch_language(qtbot, window, "zh_CN")
    nxt = Staff.get(Staff.username == "desk1")
    demo_ctx.set_staff(nxt)  # the next shift logs in
    window.show_area("handover")
    assert tab.pending_list.count() == 1 and "2号打印机缺纸" in tab.pending_list.item(0).text()
    click_item(qtbot, tab.pending_list, 0)
    qtbot.mouseClick(tab.ack_button, LEFT)
    assert tab.pending_list.count() == 0
    assert handover.pending_notes(actor=nxt) == []


def test_red_flag_patient_goes_to_emergency_then_pays_from_the_deferred_list(window, qtbot,
                                                                             tmp_path):
    from frontdesk.db.models import Payment

    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    desk = area.show_desk()
    files: list = []
    desk.slip_printer = pdf_slip_printer(tmp_path, files)
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胸口压着疼，左胳膊发麻")
    qtbot.waitUntil(lambda: triage.red_banner.isVisibleTo(triage), timeout=3000)
    emergency = next(d.id for d in triage._departments if d.is_emergency)
    assert triage.choice().department_id == emergency
    qtbot.mouseClick(triage.confirm_button, LEFT)
    view = reception.get_visit(visit.id, actor=viewer())
    assert (view.stage, view.department_id) == (stages.ESCORT, emergency)
    assert view.red_flag and view.billing_deferred
    assert desk.deferred_list.isVisibleTo(desk)
    press(qtbot, desk.escort.escort)  # treat first
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.DONE
    qtbot.mouseClick(desk.escort.back_button, LEFT)

    # Later, from the deferred-billing list: registration, then the fee.
    click_item(qtbot, desk.deferred_list.list, 0)
    reg = desk.registration
    assert desk.steps.currentWidget() is reg and reg.late_banner.isVisibleTo(reg)
    fill_new_patient(qtbot, reg.form, name="赵急", sex="M", phone="13711112222", age="58")
    register(qtbot, desk)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.registered_late and view.patient_name == "赵急", reg.form.errors()
    assert desk.steps.currentWidget() is desk.billing and desk.billing.late
    press(qtbot, desk.billing.confirm_button, Qt.Key.Key_P, CTRL)
    assert desk.last_print is not None and desk.last_print.ok, desk.notice_text()
    qtbot.mouseClick(desk.billing.confirm_button, LEFT)
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.DONE and not view.billing_open
    assert Payment.get(Payment.visit == visit.id).amount_fen == view.fee_fen > 0
    assert not desk.deferred_list.isVisibleTo(desk)
    assert actions(visit.id)[-2:] == [stages.REGISTERED_LATE, stages.PAID_LATE]


def test_language_switch_during_a_grooming_check_keeps_the_marks(window, qtbot, demo_ctx):
    from PySide6.QtWidgets import QTableWidget

    from frontdesk.db.models import Staff

    demo_ctx.set_staff(Staff.get(Staff.username == "leitt"))
    checked = Staff.get(Staff.username == "desk2")
    roster = window.show_area("grooming").roster
    roster.table.selectRow(next(r for r, e in enumerate(roster.rows) if e.staff_id == checked.id))
    qtbot.mouseClick(roster.check_button, LEFT)
    dialog = roster.dialog
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the first item fails
    dialog.set_note(0, "脸上有油")
    type_text(dialog.notes_edit, "整体不错")
    switch_language(qtbot, window, "en")
    assert not dialog.outcome(0).passed and dialog.outcome(0).note == "脸上有油"
    assert dialog.notes_edit.text() == "整体不错"
    table: QTableWidget = dialog.table
    cells = [("cell", table.item(r, c).text()) for r in range(table.rowCount())
             for c in range(table.columnCount())]
    shown = visible_texts(dialog) + cells
    left = chinese(shown, allowed=["脸上有油", "整体不错", *PEOPLE()])
    assert left == [], "\n".join(map(str, left))
    dialog.reject()


def test_language_switch_rereads_the_visit_shown(window, qtbot):
    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "头晕")
    press(qtbot, triage.complaint, modifier=CTRL)
    queue_label = reception.get_visit(visit.id, actor=viewer()).queue_label
    qtbot.keyClick(desk, Qt.Key.Key_F8)
    box = desk.leave_box
    box.reason.setCurrentIndex(box.reason.findData("fee"))
    qtbot.mouseClick(box.confirm_button, LEFT)
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.LEFT
    assert "费用问题" in desk.closed.info.text()
    # Read in Chinese, shown in English after the switch: the department, the reason.
    switch_language(qtbot, window, "en")
    assert "The fee" in desk.closed.info.text()
    left = chinese(visible_texts(desk), allowed=["头晕", queue_label, *PEOPLE()])
    assert left == [], "\n".join(map(str, left))


def test_language_switch_with_lookup_results_on_show(window, qtbot):
    (patient, initials), = _returning_patients(1)
    area = reception_area(window)
    door_ticket(qtbot, area, first_visit=False)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    lookup = desk.triage_step.lookup
    type_text(lookup.query, initials)
    qtbot.waitUntil(lambda: lookup.model.rowCount() > 0, timeout=3000)
    qtbot.keyClick(lookup.query, Qt.Key.Key_Down)
    while lookup.current_hit().id != patient.id:
        qtbot.keyClick(lookup.results, Qt.Key.Key_Down)
    switch_language(qtbot, window, "en")
    model = lookup.model
    cells = [("cell", model.data(model.index(r, c))) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    names = [model.hit_at(r).name for r in range(model.rowCount())]
    left = chinese(visible_texts(desk) + cells, allowed=[*names, *PEOPLE()])
    assert left == [], "\n".join(map(str, left))
    assert lookup.query.text() == initials and lookup.current_hit().id == patient.id


def test_language_switch_at_registration_with_a_record_under_review(window, qtbot):
    from frontdesk.db.models import Patient

    existing = (Patient.select().where((Patient.phone != "") & (Patient.sex == "F")
                                       & Patient.merged_into.is_null())
                .order_by(Patient.id).first())
    area = reception_area(window)
    door_ticket(qtbot, area)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "头晕")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    form = desk.registration.form
    type_text(form.name, "王五")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, existing.phone)
    type_text(form.age, "33")
    form.media_source.setCurrentIndex(1)  # the first answer of the rules' list
    media = form.media_source.currentData()
    press(qtbot, form.age, modifier=CTRL)
    dups = desk.registration.duplicates
    assert dups.isVisibleTo(desk)
    # Switched while "the same person?" is asked: still asked, in English.
    switch_language(qtbot, window, "en")
    assert dups.isVisibleTo(desk) and "Same phone number" in dups.list.item(0).text()
    names = [hit.name for hit, _ in dups._dups]
    left = chinese(visible_texts(dups), allowed=[*names, *PEOPLE()])
    assert left == [], "\n".join(map(str, left))
    switch_language(qtbot, window, "zh_CN")
    assert dups.isVisibleTo(desk) and "手机号相同" in dups.list.item(0).text()
    dups.list.setCurrentRow(next(i for i in range(dups.list.count()) if dups.list.item(i)
                                 .data(Qt.ItemDataRole.UserRole) == existing.id))
    qtbot.mouseClick(dups.use_button, LEFT)
    note = desk.registration.review_note
    assert note.isVisibleTo(desk) and "王五" in note.text()
    desk.registration.draft_saved()  # as the draft timer says it

    switch_language(qtbot, window, "en")
    assert "Typed differently" in note.text() and "王五" in note.text()
    assert form.media_source.currentData() == media
    queue_label = desk.view.queue_label
    typed = ["王五", "头晕", existing.name, existing.address, queue_label]
    left = chinese(visible_texts(desk), allowed=[*typed, *PEOPLE()])
    assert left == [], "\n".join(map(str, left))


def test_language_switch_after_a_hand_over_at_the_door(window, qtbot):
    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    door = area.door
    assert visit.door_ticket in door.message.text() and "导医台" in door.message.text()
    switch_language(qtbot, window, "en")
    assert door.message.text().startswith(f"Ticket {visit.door_ticket}:")
    left = chinese(visible_texts(door), allowed=PEOPLE())
    assert left == [], "\n".join(map(str, left))
    switch_language(qtbot, window, "zh_CN")
    assert visit.door_ticket in door.message.text() and "导医台" in door.message.text()


def test_language_switch_with_the_leave_box_open(window, qtbot):
    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    qtbot.keyClick(desk, Qt.Key.Key_F8)
    box = desk.leave_box
    box.reason.setCurrentIndex(box.reason.findData("fee"))
    assert box.reason.currentText() == "费用问题"
    switch_language(qtbot, window, "en")
    assert box.isVisibleTo(desk) and box.reason.currentText() == "The fee"
    qtbot.mouseClick(box.confirm_button, LEFT)
    stored = reception.get_visit(visit.id, actor=viewer())
    assert stored.stage == stages.LEFT and stored.left_reason == "The fee"
    # A reason typed in words stays as typed.
    other = door_ticket(qtbot, area)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    qtbot.keyClick(desk, Qt.Key.Key_F8)
    type_text(box.reason.lineEdit(), "家里有急事")
    switch_language(qtbot, window, "zh_CN")
    assert box.reason.currentText() == "家里有急事"
    press(qtbot, box.reason.lineEdit())
    assert reception.get_visit(other.id, actor=viewer()).left_reason == "家里有急事"
