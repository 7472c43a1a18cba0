"""Complaints: working-day deadlines across weekends, holidays and make-up days; approval
thresholds at the edges; a named approver of the right role; revisits; overdue; snapshots."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk.db.models import Complaint, ComplaintApproval, Department
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.patient_form import FormInvalid
from frontdesk.service import complaints as cp
from frontdesk.service import desk_rules as dr

MON = dt.date(2026, 11, 23)
THU, FRI, SAT = MON + dt.timedelta(days=3), MON + dt.timedelta(days=4), MON + dt.timedelta(days=5)
NEXT_MON, NEXT_TUE = MON + dt.timedelta(days=7), MON + dt.timedelta(days=8)


@pytest.fixture
def staff(rules_db, make_staff):
    return make_staff("desk", name="李静"), make_staff("supervisor", name="周主管"), \
        make_staff("admin")


def at(day, hour=16):
    return dt.datetime.combine(day, dt.time(hour))


def new(desk, day=MON, severity=cp.GENERAL, **kw):
    data = dict(description="候诊时间太长，导医态度冷淡", severity=severity, channel="phone",
                name="王芳", phone="13800138000",
                department_id=Department.get(Department.code == "internal").id,
                staff_concerned="张护士")
    data.update(kw)
    return cp.record(actor=desk, at=at(day), **data)


@pytest.mark.parametrize(("received", "severity", "handle_by", "close_by"), [
    (MON, cp.MAJOR, MON + dt.timedelta(days=1), MON + dt.timedelta(days=6)),
    (FRI, cp.MAJOR, NEXT_MON, FRI + dt.timedelta(days=6)),  # over the weekend
    (SAT, cp.MAJOR, NEXT_MON, SAT + dt.timedelta(days=6)),  # received on a Saturday
    (THU, cp.GENERAL, NEXT_TUE, THU + dt.timedelta(days=6)),  # Fri, Mon, Tue
    (MON, cp.GENERAL, THU, MON + dt.timedelta(days=6)),
])
def test_deadlines_count_working_days(staff, received, severity, handle_by, close_by):
    c = new(staff[0], day=received, severity=severity)
    assert (c.handle_by, c.close_by) == (handle_by, close_by)


def test_holidays_and_make_up_days_move_the_deadline(staff):
    desk, _sup, admin = staff
    dr.set_calendar_day(actor=admin, day=NEXT_MON, working=False, name="假日")
    assert new(desk, day=FRI, severity=cp.MAJOR).handle_by == NEXT_TUE
    dr.set_calendar_day(actor=admin, day=SAT, working=True, name="调休上班")
    assert new(desk, day=FRI, severity=cp.MAJOR).handle_by == SAT
    # A general complaint from Thursday: Fri, Sat (make-up), Tue (Mon is a holiday).
    assert new(desk, day=THU).handle_by == NEXT_TUE
    assert dr.clear_calendar_day(actor=admin, day=SAT)
    with pytest.raises(PermissionDenied):
        dr.set_calendar_day(actor=desk, day=SAT, working=True)


def test_a_long_holiday_week(staff):
    desk, _sup, admin = staff
    cal = dr.Calendar({MON + dt.timedelta(days=i): False for i in range(7, 14)})
    assert cal.add_working_days(FRI, 1) == MON + dt.timedelta(days=14)
    assert cal.working_days_between(FRI, MON + dt.timedelta(days=14)) == 1


@pytest.mark.parametrize(("amount", "role"), [
    ("0", ""), ("999.99", dr.DEPT_MANAGER), ("1000", dr.VICE_PRESIDENT),
    ("1,000.00", dr.VICE_PRESIDENT), ("5000", dr.VICE_PRESIDENT),
    ("5000.01", dr.GENERAL_MANAGER), (20000, dr.GENERAL_MANAGER),
])
def test_approval_thresholds_at_the_edges(staff, amount, role):
    desk, sup, _admin = staff
    c = new(desk)
    h = cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version,
                  resolution="当面道歉，退还挂号费", compensation=amount)
    assert h.approver_role == role
    assert h.approved == (role == "")


@pytest.mark.parametrize("amount", ["-1", "abc", "1.001", "nan", "inf"])
def test_bad_amounts_are_refused_at_the_field(staff, amount):
    desk, sup, _admin = staff
    c = new(desk)
    with pytest.raises(ValidationError) as err:
        cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="道歉",
                  compensation=amount)
    assert err.value.field == "compensation"
    assert Complaint.get_by_id(c.id).status == "open"


def test_approval_by_the_wrong_role_is_refused_and_nothing_saved(staff):
    desk, sup, _admin = staff
    c = new(desk)
    h = cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="赔偿",
                  compensation="1000")
    with pytest.raises(ValidationError) as err:
        cp.approve(actor=sup, complaint_id=c.id, role=dr.DEPT_MANAGER, approver_name="孙经理")
    assert err.value.field == "approver_role" and "副总经理" in err.value.zh
    with pytest.raises(ValidationError) as err:
        cp.close(actor=sup, complaint_id=c.id, expected_version=h.version)
    assert err.value.field == "approver_role"
    assert ComplaintApproval.select().count() == 0
    with pytest.raises(ValidationError) as err:
        cp.approve(actor=sup, complaint_id=c.id, role=dr.VICE_PRESIDENT, approver_name="")
    assert err.value.field == "approver_name"
    ok = cp.approve(actor=sup, complaint_id=c.id, role=dr.VICE_PRESIDENT, approver_name="钱副总")
    assert ok.approved
    a = ComplaintApproval.get()
    assert (a.approver_name, a.role, a.amount_fen, a.recorded_by_id) == (
        "钱副总", "vice_president", 100000, sup.id)
    closed = cp.close(actor=sup, complaint_id=c.id, expected_version=h.version)
    assert closed.status == "closed"
    with pytest.raises(PermissionDenied):
        cp.approve(actor=desk, complaint_id=c.id, role=dr.VICE_PRESIDENT, approver_name="x")


def test_a_complaint_without_a_description_is_refused(staff):
    with pytest.raises(FormInvalid) as err:
        new(staff[0], description="   ", severity="huge", phone="123")
    assert set(err.value.errors) == {"description", "severity", "phone"}
    assert Complaint.select().count() == 0


def test_overdue_handle_revisit_and_close(staff, clock):
    desk, sup, _admin = staff
    c = new(desk, day=MON, severity=cp.MAJOR)  # handle by Tue, close by Sun
    assert cp.overdue(actor=sup, day=MON + dt.timedelta(days=1)) == []
    [late] = cp.overdue(actor=sup, day=MON + dt.timedelta(days=2))
    assert late.overdue == ("handle",)
    clock.set(at(MON + dt.timedelta(days=2), 9))
    h = cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="整改")
    assert h.revisit_by == MON + dt.timedelta(days=9)  # one week after handling
    assert cp.overdue(actor=sup, day=MON + dt.timedelta(days=6)) == []
    assert cp.overdue(actor=sup, day=MON + dt.timedelta(days=7))[0].overdue == ("close",)
    assert cp.overdue(actor=sup, day=MON + dt.timedelta(days=10))[0].overdue == (
        "close", "revisit")
    cp.revisit(actor=desk, complaint_id=c.id, outcome="unreachable")
    assert "revisit" in cp.overdue(actor=sup, day=MON + dt.timedelta(days=10))[0].overdue
    v = cp.revisit(actor=desk, complaint_id=c.id, outcome="satisfied", notes="客户签字认可")
    assert (v.revisits, v.last_revisit) == (1, "satisfied")
    cp.close(actor=sup, complaint_id=c.id, expected_version=h.version)
    assert cp.overdue(actor=sup, day=MON + dt.timedelta(days=10)) == []


def test_revisit_before_handling_is_refused(staff):
    c = new(staff[0])
    with pytest.raises(ValidationError):
        cp.revisit(actor=staff[0], complaint_id=c.id, outcome="satisfied")


def test_deadlines_keep_the_rules_they_were_given(staff):
    desk, sup, _admin = staff
    c = new(desk)
    doc = dr.current()
    doc["complaints"]["general_revisit_days"] = 30
    doc["approvals"]["vice_president_from_fen"] = 50000
    from frontdesk.db.models import Setting

    Setting.update(value=json.dumps(doc)).where(Setting.key == dr.SETTING_KEY).execute()
    h = cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="x",
                  compensation="600")
    # The snapshot taken when it came in: 14 days, VP from 1,000.
    assert h.revisit_by == MON + dt.timedelta(days=14)
    assert h.approver_role == dr.DEPT_MANAGER
    assert json.loads(Complaint.get_by_id(c.id).rules_snapshot)["complaints"][
        "general_revisit_days"] == 14
    later = new(desk)
    h2 = cp.handle(actor=sup, complaint_id=later.id, expected_version=later.version,
                   resolution="x", compensation="600")
    assert h2.revisit_by == MON + dt.timedelta(days=30) and h2.approver_role == dr.VICE_PRESIDENT


def test_two_supervisors_handling_at_once(staff):
    desk, sup, _admin = staff
    c = new(desk)
    cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="甲")
    with pytest.raises(ConflictError):
        cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="乙")
    assert Complaint.get_by_id(c.id).resolution == "甲"


def test_a_desk_cannot_handle(staff):
    c = new(staff[0])
    with pytest.raises(PermissionDenied):
        cp.handle(actor=staff[0], complaint_id=c.id, expected_version=c.version, resolution="x")


def test_two_supervisors_approving_at_once_make_one_approval(staff):
    from tests.helpers.races import race

    desk, sup, _admin = staff
    c = new(desk)
    cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="赔偿",
              compensation="800")

    def approve():
        cp.approve(actor=sup, complaint_id=c.id, role=dr.DEPT_MANAGER, approver_name="孙经理")

    _, _told, errors = race([approve] * 4, told=())
    assert errors == [] and ComplaintApproval.select().count() == 1
