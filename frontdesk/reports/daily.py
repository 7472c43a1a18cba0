"""One day's summary (issue 7): the numbers a supervisor prints at the end of the day.

`build_daily(day, actor=...)` is what the screen, the CLI and the benchmark call. Every
number is an SQL aggregate (see :mod:`frontdesk.reports.queries`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from frontdesk import audit, clock, settings, validation
from frontdesk.errors import ValidationError
from frontdesk.patients import mask_phone
from frontdesk.permissions import SYSTEM, Perm, require
from frontdesk.reports import queries, render_process
from frontdesk.reports.access import check
from frontdesk.reports.model import Comparison, DailySummary, Totals
from frontdesk.reports.sql import read_transaction

COMPARISON_DAYS = 7  # the headline numbers are set beside the previous week's


def parse_day(value: str | dt.date, *, field: str = "date") -> dt.date:
    """A YYYY-MM-DD string (or a date) as a date; ValidationError at `field` otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is not None and not isinstance(value, str):
        value = str(value)
    # Full-width digits from a Chinese IME and invisible marks pasted along read as typed;
    # anything but exactly YYYY-MM-DD (an ISO week date "2026-W47-1" too) is refused.
    text = validation.drop_invisible(unicodedata.normalize("NFKC", value or "")).strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        text = validation.clean_text(text[:40], field, 40)  # shown: no controls, no surrogates
        raise ValidationError(
            f"日期“{text}”无效，请按 年-月-日 填写，例如 2026-11-23。",
            f"“{text}” is not a valid date; use YYYY-MM-DD, e.g. 2026-11-23.",
            field=field) from None


def check_not_future(day: dt.date, *, today: dt.date | None = None, field: str = "date") -> None:
    """A report for a day that has not happened yet is refused (today is fine: so far)."""
    today = today or clock.today()
    if day > today:
        raise ValidationError(
            f"{day:%Y-%m-%d} 还没到，无法统计。请选择今天或之前的日期。",
            f"{day:%Y-%m-%d} is in the future; choose today or an earlier day.",
            field=field)


def build_daily(day: dt.date | str, *, actor, today: dt.date | None = None,
                now: dt.datetime | None = None, full_phones: bool = False,
                separate: bool | None = False,
                then=None) -> DailySummary | tuple[DailySummary, object]:
    """The summary of `day` (a date or "YYYY-MM-DD"), read in one transaction.

    Raises ValidationError for a malformed or future date and PermissionDenied
    when `actor` (a Staff row; the CLI and benchmark pass SYSTEM) may not print
    reports. `actor` has no default: a caller that forgets it must fail, not
    run as the system. A day without visits gives a valid summary whose `is_empty` is True.

    The call-back list's phone numbers are masked (138****8000) as the board and
    slips mask names, unless `full_phones` is asked for by someone who makes the
    follow-up calls (Perm.FOLLOW_UP; PermissionDenied otherwise).

    `separate=None` reads a big day (render_process.PROCESS_MIN_VISITS visits or more) in the
    report helper process, so the desk's window does not wait on 10,000 rows being made
    (the reports screen asks for that); True always, False (the default) never. With
    `then` (a module-level function of the summary), (summary, then(summary)) is returned,
    `then` run where the summary was made (render_process.build).
    """
    check(actor)
    if full_phones and actor is not SYSTEM:
        require(actor, Perm.FOLLOW_UP)
    day = parse_day(day)
    check_not_future(day, today=today)
    now = (now or clock.now()).replace(microsecond=0)
    hospital = settings.hospital_name()
    if separate is None:
        separate = queries.visit_count(day, day) >= render_process.PROCESS_MIN_VISITS
    made = render_process.build(gather_daily, day, hospital, now, full_phones,
                                separate=separate, then=then)
    # Patient counts, red flags and staff per day: who looked is traceable (coalesced).
    audit.viewed(actor, "report", day.isoformat())
    return made


def gather_daily(day: dt.date, hospital: str, now: dt.datetime,
                 full_phones: bool) -> DailySummary:
    """The numbers of build_daily's summary (checked and audited there), in one transaction."""
    prev_start, prev_end = day - dt.timedelta(days=COMPARISON_DAYS), day - dt.timedelta(days=1)
    # One read transaction: a visit finishing mid-report cannot make sections disagree.
    with read_transaction():
        totals = queries.totals(day, day)
        flow = queries.flow_times(day, day)
        prev_days, prev_avg = queries.previous_days_average(prev_start, prev_end)
        prev_totals = queries.totals(prev_start, prev_end)
        prev_flow = queries.flow_times(prev_start, prev_end)
        return DailySummary(
            day=day,
            hospital=hospital,
            generated_at=now,
            totals=totals,
            left_reasons=queries.left_reasons(day, day),
            red_flags=queries.red_flags(day, day),
            by_department=queries.by_department(day, day),
            by_doctor=queries.by_doctor(day, day),
            by_hour=queries.by_hour(day, day),
            by_media=queries.by_media(day, day),
            flow=flow,
            staff=queries.staff_work(day, day),
            grooming=queries.grooming(day, day, with_rows=True),
            handovers=queries.handovers(day, day),
            # masked as each row is made (not copied afterwards: 10,000 rows on a busy day)
            callbacks=queries.callbacks(day, day,
                                        show_phone=None if full_phones else mask_phone),
            comparison=_compare(totals, flow, prev_days, prev_avg, prev_totals, prev_flow),
            comparison_days=prev_days,
        )


def _compare(totals: Totals, flow, prev_days: int, prev_avg: dict[str, float],
             prev_totals: Totals, prev_flow) -> tuple[Comparison, ...]:
    def avg(key: str) -> float | None:
        return prev_avg.get(key) if prev_days else None

    door_doctor = next(f for f in flow if f.segment == "door_doctor")
    prev_door_doctor = next(f for f in prev_flow if f.segment == "door_doctor")
    rate = totals.arrival_rate
    prev_rate = prev_totals.arrival_rate
    return (
        Comparison("visits", totals.visits, avg("visits")),
        Comparison("first_visits", totals.first_visits, avg("first_visits")),
        Comparison("returning", totals.returning, avg("returning")),
        Comparison("appointments", totals.appointments, avg("appointments")),
        Comparison("walk_ins", totals.walk_ins, avg("walk_ins")),
        Comparison("done", totals.done, avg("done")),
        Comparison("left", totals.left, avg("left")),
        Comparison("red_flags", totals.red_flags, avg("red_flags")),
        Comparison("arrival_rate", None if rate is None else rate * 100,
                   None if prev_rate is None else prev_rate * 100),
        Comparison("door_doctor_median",
                   None if door_doctor.median_s is None else door_doctor.median_s / 60,
                   None if prev_door_doctor.median_s is None else prev_door_doctor.median_s / 60),
    )
