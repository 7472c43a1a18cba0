"""The shift rules around a roster: arrive early, stay until relieved, stay at the post.

- Arrive the rules' minutes early (每天提前10分钟到岗, 第3篇 一; 004 交接班 1): a
  sign-in after that moment but not late is "on time, not early"; the monthly
  report counts it (lateness itself is fined at sign-in).
- The outgoing shift stays until relieved (接班人未到机台，交班人不得离台, 004
  交接班 4): relieved means the handover note of that shift was acknowledged by
  the next shift (frontdesk/staffing/handover.py).
- Away from the post over the rules' minutes without the supervisor's consent
  counts as half a day's absence (按旷工半日处理, 第3篇 二 2): a ledger row.
- What leave and swaps ask of a day: is it a holiday of the admin's working-day
  calendar (节假日, 004 请假 七 / 换班 九), is a shift a night shift (夜班, 004 请假 六).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontdesk import clock
from frontdesk.changes import Changed, changes
from frontdesk.db.models import CalendarDay, HandoverNote, Shift, SignIn
from frontdesk.errors import ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, require
from frontdesk.staffing import fines, ledger, staffing_rules
from frontdesk.staffing.attendance import shift_start
from frontdesk.validation import lookup_code

ON_TIME_EARLY, ON_TIME_NOT_EARLY, LATE = "early", "not_early", "late"
NIGHT_FROM, NIGHT_UNTIL = 22 * 60, 6 * 60  # the night: 22:00 to 06:00, in minutes of the day


def holiday(day: dt.date | None) -> CalendarDay | None:
    """The holiday on `day` of the working-day calendar (Admin > the service desk's calendar,
    frontdesk/service/desk_rules.py): a CalendarDay marked not working, else None."""
    if day is None:
        return None
    return CalendarDay.get_or_none((CalendarDay.day == day) & (CalendarDay.working == False))  # noqa: E712


def _minutes(hhmm: str) -> int:
    hours, mins = (int(p) for p in hhmm.split(":"))
    return hours * 60 + mins


def is_night(shift: Shift) -> bool:
    """A night shift (夜班, 004 请假 六): one that works into the night (22:00-06:00): it runs
    past midnight (ends at or before its start), ends after 22:00 or starts before 06:00.
    The house's day, early and late shifts (08:00-20:00 at the latest) are not."""
    start, end = _minutes(shift.start), _minutes(shift.end)
    return end <= start or end > NIGHT_FROM or start < NIGHT_UNTIL


def report_by(shift: Shift, day: dt.date) -> dt.datetime:
    """When the staff member should be there: the shift's start less the rules' minutes."""
    early = staffing_rules.current().arrive_early_minutes
    return shift_start(shift, day) - dt.timedelta(minutes=early)


def arrival(sign_in: SignIn) -> str:
    """ON_TIME_EARLY, ON_TIME_NOT_EARLY or LATE for one sign-in."""
    if sign_in.minutes_late > 0:
        return LATE
    return (ON_TIME_EARLY if sign_in.signed_at <= report_by(sign_in.shift, sign_in.date)
            else ON_TIME_NOT_EARLY)


@dataclass(frozen=True)
class Relief:
    relieved: bool
    note_id: int | None
    by: str  # who acknowledged the handover


def relief(*, shift: Shift, day: dt.date) -> Relief:
    """Whether the shift `shift` of `day` was relieved: its handover note acknowledged."""
    note = (HandoverNote.select().where(HandoverNote.shift == shift, HandoverNote.date == day)
            .order_by(HandoverNote.written_at.desc()).first())
    if note is None:
        return Relief(False, None, "")
    return Relief(note.acknowledged_at is not None, note.id,
                  note.acknowledged_by.display_name if note.acknowledged_by_id else "")


def check_may_leave(*, shift: Shift, day: dt.date) -> None:
    """Raise unless the outgoing shift has been relieved (the handover acknowledged)."""
    state = relief(shift=shift, day=day)
    if state.note_id is None:
        raise ValidationError("请先写交接班记录，并等接班人确认后再离岗。",
                              "Write the handover note, and leave once the next shift "
                              "has acknowledged it.", field="handover")
    if not state.relieved:
        raise ValidationError("接班人还没有确认交接班记录：接班人未到，交班人不得离岗。",
                              "The next shift has not acknowledged the handover yet: stay "
                              "until relieved.", field="handover")


@changes(Changed.ROSTER | Changed.GROOMING)
def record_left_before_relief(*, actor, staff_id, shift_code: str, day: dt.date,
                              note: str = "") -> fines.FineLine:
    """The outgoing staff member left before being relieved: refused if they were relieved."""
    shift = Shift.get_or_none(Shift.code == lookup_code(shift_code))
    if shift is None:
        raise ValidationError("请选择班次。", "Choose the shift.", field="shift")
    if relief(shift=shift, day=day).relieved:
        raise ValidationError("该班次的交接已确认，不算未交接离岗。",
                              "That shift's handover was acknowledged: it was relieved.",
                              field="shift")
    return ledger.record(actor=actor, staff_id=staff_id, rule_code="left_before_relief",
                         day=day, note=note or shift.code, checked=True)


@changes(Changed.ROSTER | Changed.GROOMING)
def record_post_absence(*, actor, staff_id, minutes, permitted: bool = False,
                        day: dt.date | None = None, note: str = "") -> fines.FineLine:
    """Away from the post `minutes`: over the rules' limit without consent is half a day's
    absence (the `post_absence` rule); anything else is refused as not counting."""
    require(actor, Perm.MANAGE_ROSTER)
    limit = staffing_rules.current().post_absence_minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        raise ValidationError("请填写离岗分钟数。", "Enter the minutes away.", field="minutes")
    if minutes <= limit:
        raise ValidationError(f"离岗 {minutes} 分钟，未超过 {limit} 分钟，不算脱岗。",
                              f"{minutes} minutes away is not over {limit}: it does not count.",
                              field="minutes")
    if permitted:
        raise ValidationError("经负责人同意离岗，不算脱岗。",
                              "Away with the supervisor's consent: it does not count.",
                              field="permitted")
    return ledger.record(actor=actor, staff_id=staff_id, rule_code="post_absence",
                         day=day or clock.today(),
                         note=note or f"{minutes} 分钟 / {minutes} min", checked=True)



def relief_message(shift_code: str | None, day: dt.date) -> Msg:
    """What the outgoing shift reads under its handover note: may they leave yet?"""
    shift = Shift.get_or_none(Shift.code == lookup_code(shift_code))
    if shift is None:
        return Msg("", "")
    state = relief(shift=shift, day=day)
    if state.note_id is None:
        return Msg("本班还没有交接记录：写好交接记录，等接班人确认后再离岗。",
                   "No handover note for this shift yet: write it, and leave once the next "
                   "shift has acknowledged it.")
    if not state.relieved:
        return Msg("接班人还没有确认交接记录：接班人未到，交班人不得离岗。",
                   "The next shift has not acknowledged the note yet: stay until relieved.")
    return Msg(f"{state.by} 已确认交接，可以离岗。",
               f"{state.by} acknowledged the handover: you may leave.")
