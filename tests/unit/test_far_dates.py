"""A date picker offers 1752-09-14 to 9999-12-31: every entry point that takes a picked day
answers the extremes with a message at the field. Before, a range ending 9999-12-31 (or a
week starting 9999-12-27) overflowed the day after it: OverflowError from audit, roster,
satisfaction, service reports and consultations; 1752 leave and roster days were stored."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.errors import ValidationError

FAR = [dt.date.max, dt.date(9999, 12, 28), dt.date(1752, 9, 14)]


@pytest.fixture
def people(demo_db):
    from frontdesk.db.models import Shift, Staff

    return {"sup": Staff.get(Staff.username == "leitt"), "admin": Staff.get(Staff.username == "admin"),
            "desk": Staff.get(Staff.username == "desk1"),
            "desk2": Staff.get(Staff.username == "desk2"), "shift": Shift.select().first()}


def _calls(p, d):
    from frontdesk import audit
    from frontdesk.permissions import SYSTEM
    from frontdesk.service import consultations, desk_rules, satisfaction, service_report
    from frontdesk.staffing import leave, ledger, roster, roster_pdf, swaps

    return {
        "audit.query": lambda: audit.query(actor=p["admin"], since=d, until=d),
        "leave.request_leave": lambda: leave.request_leave(actor=p["desk"], kind="personal",
                                                           start=d, end=d, reason="x"),
        "leave.leave_list": lambda: leave.leave_list(actor=p["sup"], first=d, last=d),
        "roster.week": lambda: roster.week(actor=p["sup"], monday=d),
        "roster.copy_last_week": lambda: roster.copy_last_week(actor=p["sup"], monday=d),
        "roster.assign": lambda: roster.assign(actor=p["sup"], staff_id=p["desk"].id, day=d,
                                               shift_code=p["shift"].code),
        "roster_pdf.week_pdf": lambda: roster_pdf.week_pdf(actor=p["sup"], monday=d),
        "swaps.request_swap": lambda: swaps.request_swap(
            actor=p["desk"], day=d, shift_code=p["shift"].code, partner_id=p["desk2"].id,
            partner_day=d, partner_shift_code=p["shift"].code, reason="x"),
        "ledger.record": lambda: ledger.record(actor=p["sup"], staff_id=p["desk"].id,
                                               rule_code="late", day=d),
        "desk_rules.set_calendar_day": lambda: desk_rules.set_calendar_day(
            actor=p["admin"], day=d, working=False, name="x"),
        "satisfaction.summary": lambda: satisfaction.summary(d, d),
        "satisfaction.week_of": lambda: satisfaction.week_of(d),
        **{f"service_report.build[{period}]": (
            lambda period=period: service_report.build(actor=SYSTEM, kind="complaints", start=d,
                                                       end=d, period=period))
           for period in ("day", "week", "month")},
        "consultations.listing": lambda: consultations.listing(actor=p["desk"], start=d, end=d),
    }


@pytest.mark.parametrize("day", FAR, ids=str)
def test_far_days_are_a_message_not_an_overflow(people, day):
    for name, call in _calls(people, day).items():
        with pytest.raises(ValidationError) as err:
            call()
        assert err.value.field, name
