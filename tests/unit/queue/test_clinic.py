"""The queue after the desk: every transition, the priority rules, transfer, pause, the display."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import settings, stages
from frontdesk.changes import Changed, collecting
from frontdesk.db.models import Appointment, Patient, QueueEntry, QueueEvent, Visit, VisitEvent
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.queue import clinic
from frontdesk.queue.clinic_rules import clinic_rules, set_clinic_rules
from tests.helpers.clinic_queue import queued
from tests.helpers.reception_flow import FIXED_NOW, dept, doctor, make_env, walk

S = stages


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def order(dept_code: str = "internal", doctor_id=None) -> list[str]:
    return [r.patient_name for r in clinic.queue_rows(dept(dept_code).id, doctor_id).waiting]


def fresh(row) -> clinic.QueueRow:
    return clinic.get_row(row.entry_id)


def test_handing_to_the_doctor_queues_the_visit(env, clock):
    with collecting() as box:
        v = walk(env, S.DONE, dept_code="internal")
    assert Changed.QUEUE in box.changed
    row = clinic.entry_for_visit(v.id)
    assert row.state == clinic.WAITING and row.queue_label == "内-001"
    assert row.doctor_id == doctor("internal").id
    ev = QueueEvent.get(QueueEvent.entry == row.entry_id)
    assert (ev.action, ev.state, ev.staff_id) == (clinic.ENQUEUED, clinic.WAITING, env.desk.id)
    # Queued once only, even when asked again.
    assert clinic.enqueue(v.id, actor=env.desk).entry_id == row.entry_id
    assert QueueEntry.select().count() == 1


def test_enqueue_refuses_a_visit_not_with_the_doctor(env):
    v = walk(env, S.ESCORT)
    with pytest.raises(ValidationError) as err:
        clinic.enqueue(v.id, actor=env.desk)
    assert err.value.field == "stage"


def test_the_whole_path_and_its_events(env, clock):
    row = queued(env, clock)
    dept_id = dept("internal").id
    called = clinic.call_next(dept_id, row.doctor_id, actor=env.desk, room="3 诊室",
                              expected_entry_id=row.entry_id)
    assert (called.state, called.room, called.calls) == (clinic.CALLED, "3 诊室", 1)
    again = clinic.recall(called.entry_id, actor=env.desk, expected_version=called.version)
    assert again.calls == 2
    clock.advance(minutes=2)
    seeing = clinic.start_consultation(again.entry_id, actor=env.desk,
                                       expected_version=again.version)
    assert seeing.state == clinic.CONSULTING
    tests = clinic.send_for_tests(seeing.entry_id, actor=env.desk, expected_version=seeing.version,
                                  note="血常规")
    assert tests.state == clinic.TESTS
    back = clinic.back_from_tests(tests.entry_id, actor=env.desk, expected_version=tests.version)
    assert back.state == clinic.WAITING
    seeing = clinic.start_consultation(back.entry_id, actor=env.desk, expected_version=back.version)
    clock.advance(minutes=7)
    done = clinic.finish(seeing.entry_id, actor=env.desk, expected_version=seeing.version)
    assert done.state == clinic.DONE
    actions = [e.action for e in QueueEvent.select().where(QueueEvent.entry == row.entry_id)
               .order_by(QueueEvent.id)]
    assert actions == [clinic.ENQUEUED, clinic.CALL, clinic.RECALL, clinic.START,
                       clinic.SEND_FOR_TESTS, clinic.BACK_FROM_TESTS, clinic.START, clinic.FINISH]
    visit_actions = [e.action for e in VisitEvent.select().where(VisitEvent.visit == row.visit_id)]
    assert visit_actions[-3:] == [clinic.START, clinic.START, clinic.FINISH]
    assert Visit.get_by_id(row.visit_id).stage == S.DONE  # the desk's flow is untouched


@pytest.mark.parametrize("action, state", [
    ("recall", clinic.WAITING), ("mark_missed", clinic.WAITING), ("finish", clinic.WAITING),
    ("send_for_tests", clinic.WAITING), ("back_from_tests", clinic.WAITING),
    ("requeue", clinic.WAITING),
])
def test_a_move_the_queue_does_not_allow_is_refused(env, clock, action, state):
    row = queued(env, clock)
    assert row.state == state
    with pytest.raises(ValidationError) as err:
        getattr(clinic, action)(row.entry_id, actor=env.desk, expected_version=row.version)
    assert err.value.field == "state" and "候诊" in err.value.zh


def test_a_stale_version_is_a_conflict_with_a_sentence(env, clock):
    row = queued(env, clock)
    clinic.call(row.entry_id, actor=env.desk, expected_version=row.version)
    with pytest.raises(ConflictError) as err:
        clinic.call(row.entry_id, actor=env.desk2, expected_version=row.version)
    assert "内-001" in err.value.zh and "已叫号" in err.value.zh
    assert "Another station" in err.value.en


def test_call_next_with_an_old_view_is_told_the_order_changed(env, clock):
    a = queued(env, clock, name="甲")
    b = queued(env, clock, name="乙")
    dept_id = dept("internal").id
    clinic.call_next(dept_id, None, actor=env.desk, expected_entry_id=a.entry_id)
    with pytest.raises(ConflictError) as err:
        clinic.call_next(dept_id, None, actor=env.desk2, expected_entry_id=a.entry_id)
    assert "内-001" in err.value.zh
    assert fresh(b).state == clinic.WAITING  # nobody the second station had not seen
    clinic.call_next(dept_id, None, actor=env.desk2, expected_entry_id=b.entry_id)
    with pytest.raises(ValidationError):
        clinic.call_next(dept_id, None, actor=env.desk)


def test_the_door_guide_role_may_call_but_an_admin_may_not(env, clock):
    row = queued(env, clock)
    with pytest.raises(PermissionDenied):
        clinic.call(row.entry_id, actor=env.admin, expected_version=row.version)
    assert clinic.call(row.entry_id, actor=env.guide, expected_version=row.version).state == "called"


# --- priority ------------------------------------------------------------------------------


def test_first_come_first_served_without_priority(env, clock):
    for name in ("甲", "乙", "丙"):
        queued(env, clock, name=name)
    assert order() == ["甲", "乙", "丙"]
    rows = clinic.queue_rows(dept("internal").id).waiting
    assert [r.position for r in rows] == [1, 2, 3]
    assert all(r.reason.zh == "" for r in rows)


def test_elderly_go_first_from_the_configured_age(env, clock):
    queued(env, clock, name="年轻", age=40)
    queued(env, clock, name="六十九", age=69)
    queued(env, clock, name="七十", age=70)
    assert order() == ["七十", "年轻", "六十九"]
    first = clinic.queue_rows(dept("internal").id).waiting[0]
    assert first.reason.zh == "优先：70 岁以上" and first.reason.en == "Priority: aged 70 or over"
    set_clinic_rules(actor=env.admin, elderly_age=65)
    assert order() == ["六十九", "七十", "年轻"]  # both elderly now: by arrival
    assert clinic.queue_rows(dept("internal").id).waiting[0].reason.zh == "优先：65 岁以上"


def test_the_admin_sets_the_order_between_classes(env, clock):
    old = queued(env, clock, name="老人", age=80)
    vip = queued(env, clock, name="贵宾")
    Patient.update(vip_tier="gold").where(
        Patient.id == Visit.get_by_id(vip.visit_id).patient_id).execute()
    queued(env, clock, name="普通")
    assert order() == ["老人", "贵宾", "普通"]
    set_clinic_rules(actor=env.admin, priority_order=["vip", "elderly"])
    assert order() == ["贵宾", "老人", "普通"]
    assert clinic.queue_rows(dept("internal").id).waiting[0].reason.zh == "优先：贵宾卡"
    set_clinic_rules(actor=env.admin, priority_order=[])
    assert order() == ["老人", "贵宾", "普通"]  # no classes: arrival order
    assert old.entry_id


def test_recorded_classes_at_the_panel(env, clock):
    queued(env, clock, name="甲")
    b = queued(env, clock, name="孕妇")
    clinic.set_priority(b.entry_id, actor=env.desk, expected_version=b.version,
                        priority="pregnant")
    assert order() == ["孕妇", "甲"]
    assert clinic.queue_rows(dept("internal").id).waiting[0].reason.zh == "优先：孕妇"
    with pytest.raises(ValidationError) as err:
        clinic.set_priority(b.entry_id, actor=env.desk, expected_version=fresh(b).version,
                            priority="king")
    assert err.value.field == "priority"


def test_red_flag_is_emergency(env, clock):
    queued(env, clock, name="甲")
    b = queued(env, clock, name="急")
    Visit.update(red_flag=True).where(Visit.id == b.visit_id).execute()
    assert order() == ["急", "甲"]
    assert clinic.queue_rows(dept("internal").id).waiting[0].reason.zh == "优先：急诊"


def _book(row, time: str, arrived: dt.datetime):
    visit = Visit.get_by_id(row.visit_id)
    appt = Appointment.create(patient=visit.patient_id, patient_name="x",
                              department=visit.department_id, date=FIXED_NOW.date(), time=time)
    Visit.update(appointment=appt.id, has_appointment=True, created_at=arrived).where(
        Visit.id == visit.id).execute()


def test_booked_patients_within_their_slot_and_late_ones(env, clock):
    queued(env, clock, name="散客")
    on_time = queued(env, clock, name="准时")
    _book(on_time, "10:00", FIXED_NOW)
    later_slot = queued(env, clock, name="下午号")
    _book(later_slot, "15:00", FIXED_NOW)
    late = queued(env, clock, name="迟到")
    _book(late, "09:00", FIXED_NOW)  # arrived 10:00 for 09:00, grace 15 min
    assert order() == ["准时", "散客", "下午号", "迟到"]
    rows = {r.patient_name: r for r in clinic.queue_rows(dept("internal").id).waiting}
    assert rows["准时"].reason.zh == "优先：预约 10:00"
    assert "迟到" in rows["迟到"].reason.zh and rows["迟到"].priority.late
    set_clinic_rules(actor=env.admin, late_rule="keep")
    assert order()[:2] == ["准时", "迟到"] or order()[:2] == ["迟到", "准时"]
    set_clinic_rules(actor=env.admin, late_rule="end_of_session")
    assert order()[-1] == "迟到"


def test_rules_are_checked_at_the_field(env):
    with pytest.raises(ValidationError) as err:
        set_clinic_rules(actor=env.admin, elderly_age=12)
    assert err.value.field == "elderly_age"
    with pytest.raises(ValidationError) as err:
        set_clinic_rules(actor=env.admin, priority_order=["vip", "vip"])
    assert err.value.field == "priority_order"
    with pytest.raises(ValidationError) as err:
        set_clinic_rules(actor=env.admin, session_ends=["13:00", "12:00"])
    assert err.value.field == "session_ends"
    with pytest.raises(PermissionDenied):
        set_clinic_rules(actor=env.desk, elderly_age=65)
    settings.set("queue.clinic", {"elderly_age": "junk"})  # damaged: the defaults apply
    assert clinic_rules().elderly_age == 70


# --- missed turns and tests ------------------------------------------------------------------


def _miss(row, env):
    called = clinic.call(row.entry_id, actor=env.desk, expected_version=fresh(row).version)
    return clinic.mark_missed(called.entry_id, actor=env.desk, expected_version=called.version)


def test_missed_comes_back_after_n_more_calls(env, clock):
    set_clinic_rules(actor=env.admin, missed_rule="after_n", missed_after_n=2)
    m = queued(env, clock, name="过号")
    for name in ("甲", "乙", "丙", "丁"):
        queued(env, clock, name=name)
    missed = _miss(m, env)
    assert missed.state == clinic.MISSED and order() == ["甲", "乙", "丙", "丁"]
    aside = clinic.queue_rows(dept("internal").id).aside
    assert [r.patient_name for r in aside] == ["过号"]
    back = clinic.requeue(missed.entry_id, actor=env.desk, expected_version=missed.version)
    assert back.state == clinic.WAITING
    assert order() == ["甲", "乙", "过号", "丙", "丁"]
    row = clinic.queue_rows(dept("internal").id).waiting[2]
    assert row.reason.zh == "过号重排：再叫 2 位后"
    dept_id = dept("internal").id
    clinic.call_next(dept_id, actor=env.desk)  # 甲
    assert order() == ["乙", "过号", "丙", "丁"]
    assert clinic.queue_rows(dept_id).waiting[1].reason.zh == "过号重排：再叫 1 位后"
    clinic.call_next(dept_id, actor=env.desk)  # 乙
    assert order()[0] == "过号"
    assert clinic.queue_rows(dept_id).waiting[0].reason.zh == "过号重排：下一位"


def test_missed_with_after_zero_is_next(env, clock):
    set_clinic_rules(actor=env.admin, missed_after_n=0)
    m = queued(env, clock, name="过号")
    queued(env, clock, name="甲")
    missed = _miss(m, env)
    clinic.requeue(missed.entry_id, actor=env.desk, expected_version=missed.version)
    assert order() == ["过号", "甲"]


def test_missed_at_the_end_of_the_session(env, clock):
    set_clinic_rules(actor=env.admin, missed_rule="end_of_session", session_ends=["12:00"])
    m = queued(env, clock, name="过号")
    queued(env, clock, name="甲")
    queued(env, clock, name="老人", age=90)
    missed = _miss(m, env)
    clinic.requeue(missed.entry_id, actor=env.desk, expected_version=missed.version)
    clock.advance(minutes=5)
    queued(env, clock, name="晚到")  # still the morning: ahead of the missed patient
    assert order() == ["老人", "甲", "晚到", "过号"]
    assert clinic.queue_rows(dept("internal").id).waiting[-1].reason.zh == "过号：排在本时段末"
    clock.set(FIXED_NOW.replace(hour=13))
    queued(env, clock, name="下午")  # the afternoon's patients come after the morning's
    assert order() == ["老人", "甲", "晚到", "过号", "下午"]


def test_back_from_tests_goes_ahead_of_new_patients(env, clock):
    t = queued(env, clock, name="检查")
    queued(env, clock, name="甲")
    dept_id = dept("internal").id
    called = clinic.call_next(dept_id, actor=env.desk)
    assert called.entry_id == t.entry_id
    seeing = clinic.start_consultation(called.entry_id, actor=env.desk,
                                       expected_version=called.version)
    away = clinic.send_for_tests(seeing.entry_id, actor=env.desk, expected_version=seeing.version)
    queued(env, clock, name="乙")
    assert order() == ["甲", "乙"]
    clinic.back_from_tests(away.entry_id, actor=env.desk, expected_version=away.version)
    assert order() == ["检查", "甲", "乙"]
    assert clinic.queue_rows(dept_id).waiting[0].reason.zh == "优先：检查回来"
    # …but behind an emergency, by the default order.
    e = queued(env, clock, name="急")
    Visit.update(red_flag=True).where(Visit.id == e.visit_id).execute()
    assert order() == ["急", "检查", "甲", "乙"]


# --- doctors' lines, transfer, pause ----------------------------------------------------------


def test_a_doctor_sees_their_patients_and_the_departments(env, clock):
    queued(env, clock, name="陈的", doctor_index=0)
    queued(env, clock, name="刘的", doctor_index=1)
    free = queued(env, clock, name="任意")
    QueueEntry.update(doctor=None).where(QueueEntry.id == free.entry_id).execute()
    first, second = doctor("internal", 0).id, doctor("internal", 1).id
    assert order(doctor_id=first) == ["陈的", "任意"]
    assert order(doctor_id=second) == ["刘的", "任意"]
    called = clinic.call(free.entry_id, actor=env.desk, expected_version=fresh(free).version,
                         doctor_id=second)
    assert called.doctor_id == second


def test_transfer_within_the_department_pays_only_the_difference(env, clock):
    row = queued(env, clock, doctor_index=1)  # 刘芳: attending
    visit = Visit.get_by_id(row.visit_id)
    paid = visit.fee_fen
    expert = doctor("internal", 0)
    result = clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                             department_id=dept("internal").id, doctor_id=expert.id)
    assert result.fee_rule == "difference"
    assert result.fee_due_fen == max(0, expert.fee_class.amount_fen - paid) > 0
    assert result.row.doctor_id == expert.id and result.row.state == clinic.WAITING
    assert result.row.queue_label == "内-001"  # same department, same number
    back = clinic.transfer(result.row.entry_id, actor=env.desk,
                           expected_version=result.row.version,
                           department_id=dept("internal").id, doctor_id=doctor("internal", 1).id)
    assert back.fee_due_fen == 0  # a cheaper doctor: nothing more, nothing back
    ev = VisitEvent.select().where(VisitEvent.visit == row.visit_id).order_by(
        VisitEvent.id.desc()).first()
    assert ev.action == clinic.TRANSFER and ev.stage == S.DONE


def test_transfer_to_another_department_by_the_rule(env, clock):
    queued(env, clock, dept_code="surgery", name="外科甲")
    row = queued(env, clock, name="转来")
    surgery = dept("surgery")
    result = clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                             department_id=surgery.id, doctor_id=doctor("surgery").id)
    assert result.row.queue_label == "外-002" and result.row.department_id == surgery.id
    assert Visit.get_by_id(row.visit_id).department_id == surgery.id
    # They keep their arrival: behind the surgery patient who came first.
    assert order("surgery") == ["外科甲", "转来"]
    set_clinic_rules(actor=env.admin, transfer_other_department="full")
    other = queued(env, clock, name="再转")
    full = clinic.transfer(other.entry_id, actor=env.desk, expected_version=other.version,
                           department_id=surgery.id, doctor_id=doctor("surgery").id)
    assert full.fee_rule == "full" and full.fee_due_fen == doctor("surgery").fee_class.amount_fen


def test_transfer_to_a_paused_clinic_or_inactive_doctor_is_refused_at_the_field(env, clock):
    row = queued(env, clock)
    target = doctor("internal", 1)
    clinic.pause_clinic(dept("internal").id, target.id, actor=env.desk, reason="手术")
    with pytest.raises(ValidationError) as err:
        clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                        department_id=dept("internal").id, doctor_id=target.id)
    assert err.value.field == "doctor_id" and "停诊" in err.value.zh
    clinic.pause_clinic(dept("surgery").id, None, actor=env.desk)
    with pytest.raises(ValidationError) as err:
        clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                        department_id=dept("surgery").id)
    assert err.value.field == "department_id"
    gone = doctor("dental")
    gone.active = False
    gone.save()
    with pytest.raises(ValidationError) as err:
        clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                        department_id=dept("dental").id, doctor_id=gone.id)
    assert err.value.field == "doctor_id" and "停用" in err.value.zh
    assert fresh(row).version == row.version  # nothing half-saved


def test_pause_offers_another_doctor_and_moves_the_waiting(env, clock):
    a = queued(env, clock, name="甲", doctor_index=0)
    queued(env, clock, name="乙", doctor_index=0)
    first, second = doctor("internal", 0), doctor("internal", 1)
    result = clinic.pause_clinic(dept("internal").id, first.id, actor=env.desk, reason="急会诊")
    assert [r.patient_name for r in result.waiting] == ["甲", "乙"]
    assert result.alternatives == [(second.id, second.name)]
    assert clinic.queue_rows(dept("internal").id, first.id).paused
    with pytest.raises(ValidationError) as err:
        clinic.call_next(dept("internal").id, first.id, actor=env.desk)
    assert err.value.field == "doctor_id"
    with pytest.raises(ConflictError):
        clinic.pause_clinic(dept("internal").id, first.id, actor=env.desk)
    moved = clinic.transfer_waiting(dept("internal").id, first.id, actor=env.desk,
                                    to_doctor_id=second.id)
    assert {m.row.doctor_id for m in moved} == {second.id} and len(moved) == 2
    assert order(doctor_id=second.id) == ["甲", "乙"]
    clinic.resume_clinic(dept("internal").id, first.id, actor=env.desk)
    assert not clinic.is_paused(dept("internal").id, first.id)
    actions = [e.action for e in QueueEvent.select().where(QueueEvent.entry.is_null())]
    assert actions == [clinic.PAUSE, clinic.RESUME]
    assert a.entry_id


# --- display and voice -----------------------------------------------------------------------


def test_display_state_and_calls_since(env, clock):
    a = queued(env, clock, name="王小芳")
    queued(env, clock, name="李四")
    queued(env, clock, name="赵五", doctor_index=1)
    dept_id = dept("internal").id
    clinic.call_next(dept_id, a.doctor_id, actor=env.desk, room="3 诊室")
    state = clinic.display_state()
    assert [d.department_id for d in state] == [dept_id]
    d = state[0]
    assert d.department_name.zh == "内科" and not d.paused and d.waiting_count == 2
    assert [(c.queue_label, c.name_masked, c.room, c.calls) for c in d.called] == [
        ("内-001", "王*芳", "3 诊室", 1)]
    assert [(n.name_masked, n.ahead) for n in d.next] == [("李*", 0), ("赵*", 0)]
    calls = clinic.calls_since(0)
    assert [(c.action, c.queue_label, c.name_masked, c.room) for c in calls] == [
        (clinic.CALL, "内-001", "王*芳", "3 诊室")]
    row = fresh(a)
    clinic.recall(row.entry_id, actor=env.desk, expected_version=row.version)
    newer = clinic.calls_since(calls[-1].event_id)
    assert [c.action for c in newer] == [clinic.RECALL]
    assert clinic.calls_since(newer[-1].event_id) == []
    assert clinic.display_state(dept("surgery").id)[0].called == []


def test_the_waiting_board_shows_who_waits_for_the_doctor(env, clock):
    from frontdesk import queue
    from frontdesk.queue.board import DOCTOR_CALLED, DOCTOR_WAITING, board_stage_name

    a = queued(env, clock, name="王小明")
    queued(env, clock, name="李四", minutes=20)
    at_desk = walk(env, S.BILLING, dept_code="internal")
    clinic.call(a.entry_id, actor=env.desk, expected_version=a.version)
    board = {b.name: b for b in queue.waiting_board()}["内科"]
    got = {(r.patient_name_masked, r.stage) for r in board.rows}
    assert got == {("王*明", DOCTOR_CALLED), ("李*", DOCTOR_WAITING), ("张*", S.BILLING)}
    li = next(r for r in board.rows if r.stage == DOCTOR_WAITING)
    assert li.waited_minutes == 20 and li.level == "amber"
    assert board_stage_name(DOCTOR_WAITING).zh == "等候医生"
    assert board_stage_name(S.BILLING).zh == "挂号缴费"
    seeing = clinic.start_consultation(a.entry_id, actor=env.desk,
                                       expected_version=fresh(a).version)
    board = {b.name: b for b in queue.waiting_board()}["内科"]
    assert seeing.visit_id not in {r.visit_id for r in board.rows}  # with the doctor: off
    assert at_desk.id in {r.visit_id for r in board.rows}


def test_the_class_recorded_at_the_door_counts(env, clock):
    queued(env, clock, name="甲")
    b = queued(env, clock, name="军人")
    Visit.update(priority="military").where(Visit.id == b.visit_id).execute()
    assert order() == ["军人", "甲"]
    assert clinic.queue_rows(dept("internal").id).waiting[0].reason.zh == "优先：军人"
    set_clinic_rules(actor=env.admin, priority_order=["emergency", "elderly"])
    assert order() == ["甲", "军人"]  # the admin took the class out of the order


def test_aside_rows_say_what_happens_next(env, clock):
    row = queued(env, clock, age=80)
    missed = _miss(row, env)
    aside = clinic.queue_rows(dept("internal").id).aside[0]
    assert aside.entry_id == missed.entry_id and aside.reason.zh.startswith("过号")


def test_a_missed_patient_back_from_tests_later_is_ahead_again(env, clock):
    set_clinic_rules(actor=env.admin, missed_after_n=2)
    m = queued(env, clock, name="过号")
    queued(env, clock, name="甲")
    queued(env, clock, name="乙")
    missed = _miss(m, env)
    back = clinic.requeue(missed.entry_id, actor=env.desk, expected_version=missed.version)
    called = clinic.call(back.entry_id, actor=env.desk, expected_version=back.version)
    seeing = clinic.start_consultation(called.entry_id, actor=env.desk,
                                       expected_version=called.version)
    away = clinic.send_for_tests(seeing.entry_id, actor=env.desk, expected_version=seeing.version)
    clinic.back_from_tests(away.entry_id, actor=env.desk, expected_version=away.version)
    # Back from tests: first by that rule, not by the old missed turn's "after 2".
    assert order() == ["过号", "甲", "乙"]
    assert clinic.queue_rows(dept("internal").id).waiting[0].reason.zh == "优先：检查回来"
    row = fresh(m)
    seen = clinic.start_consultation(row.entry_id, actor=env.desk, expected_version=row.version)
    assert QueueEntry.get_by_id(seen.entry_id).back_from_tests_at is None
