"""The etiquette coach, and the item models of the desk (checked with qtmodeltester)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.ui.reception.coach import CoachSubject, EtiquetteCoach, doctor_address

pytestmark = pytest.mark.gui


def test_coach_fills_in_the_patients_address(qtbot):
    coach = EtiquetteCoach()
    qtbot.addWidget(coach)
    coach.show_step("REGISTRATION", CoachSubject(name="王丽", sex="F", age=26))
    assert coach.address_text() == "王小姐"
    assert any("王小姐" in line for line in coach.phrase_texts())
    assert 2 <= len(coach.phrase_texts()) <= 4


def test_coach_hand_over_farewell_and_forbidden_words(qtbot):
    coach = EtiquetteCoach()
    qtbot.addWidget(coach)
    coach.show()
    coach.show_step("GREETING", CoachSubject(sex="M", age=62, first_visit=True, booked=False))
    assert "叔叔" in coach.handover_text() and "第一次" in coach.handover_text()
    assert coach.farewell_text() == "请慢走，祝您健康！"
    words = coach.forbidden_words()
    assert {"喂", "不知道", "不关我的事", "欢迎再来"} <= set(words)
    assert "hey" not in words  # only the UI language's words
    assert not any("欢迎再来" in line for line in coach.phrase_texts())


def test_coach_at_the_escort_step_introduces_the_doctor(qtbot):
    coach = EtiquetteCoach()
    qtbot.addWidget(coach)
    coach.show()
    coach.show_step("ESCORT", CoachSubject(name="张三", sex="M", age=40, doctor_name="梁志强",
                                           doctor_title="主任医师", complaint="胃痛三天，夜里加重"))
    assert any("梁主任" in line for line in coach.phrase_texts())
    assert "张先生" in coach.handover_text() and "胃痛三天" in coach.handover_text()
    assert "夜里" not in coach.handover_text()  # a few words, not the whole complaint


def test_doctor_address():
    assert doctor_address("梁志强", "主任医师") == "梁主任"
    assert doctor_address("王芳", "教授") == "王教授"
    assert doctor_address("李明", "主治医师") == "李医生"
    assert doctor_address("", "主任医师") == ""


def test_desk_models_pass_the_model_tester(qtmodeltester, clock):
    from frontdesk.patients import PatientHit
    from frontdesk.reception import VisitView
    from frontdesk.ui.reception.lookup import PatientHitModel
    from frontdesk.ui.reception.visits import VisitListModel

    now = dt.datetime(2026, 11, 23, 10, 0)
    clock.freeze(now)
    base = dict(version=1, visit_date=now.date(), queue_label="", patient_id=None,
                patient_name="", sex="", age=None, vip_tier="", first_visit=True,
                has_appointment=False, appointment_id=None, complaint="", red_flag=False,
                triage_reason="", department_id=None, department_name="", room="", floor="",
                directions="", doctor_id=None, doctor_name="", doctor_title="", fee_fen=0,
                fee_waived=False, waiver_reason="", escort_id=None, escort_name="",
                left_reason="", arrived_at=now - dt.timedelta(minutes=7), stage_since=None)
    visits = VisitListModel()
    visits.set_rows([VisitView(id=1, stage="GREETING", **base),
                     VisitView(id=2, stage="BILLING", **{**base, "red_flag": True,
                                                           "patient_name": "王丽"})])
    qtmodeltester.check(visits)
    assert visits.data(visits.index(0, VisitListModel.COL_WAIT)) == "7"
    hits = PatientHitModel()
    hits.set_hits([PatientHit(5, "D0000005", "张三", "M", 40, "138****0000", "13800000000",
                              "1101**********1234", "gold", None, "pinyin")])
    qtmodeltester.check(hits)
    assert hits.data(hits.index(0, PatientHitModel.COL_NAME)) == "张三"
