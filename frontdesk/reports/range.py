"""Weekly and monthly views: the same sections over a range of days, plus one row per day."""

from __future__ import annotations

import datetime as dt

from frontdesk import clock, settings
from frontdesk.errors import ValidationError
from frontdesk.reports import queries
from frontdesk.reports.access import check
from frontdesk.reports.daily import check_not_future, parse_day
from frontdesk.reports.model import DayRow, RangeSummary, Totals
from frontdesk.reports.sql import read_transaction

MAX_DAYS = 366  # a year at most: beyond that nobody reads a per-day table


def check_range(start: dt.date, end: dt.date, *, today: dt.date | None = None) -> None:
    """Start not after end, end not in the future, at most MAX_DAYS days."""
    if start > end:
        raise ValidationError(
            f"开始日期 {start:%Y-%m-%d} 晚于结束日期 {end:%Y-%m-%d}。",
            f"The start date {start:%Y-%m-%d} is after the end date {end:%Y-%m-%d}.",
            field="from")
    check_not_future(end, today=today, field="to")
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(
            f"时间段最长 {MAX_DAYS} 天，请缩短范围。",
            f"A range may cover at most {MAX_DAYS} days; choose a shorter one.", field="from")


def build_range(start: dt.date | str, end: dt.date | str, *, actor,
                today: dt.date | None = None, now: dt.datetime | None = None) -> RangeSummary:
    """The summary of every visit from `start` to `end` (inclusive), with a row per day.

    `actor` is required (a Staff row, or SYSTEM for the CLI and benchmark), as for build_daily.
    """
    check(actor)
    start, end = parse_day(start, field="from"), parse_day(end, field="to")
    check_range(start, end, today=today)
    with read_transaction():
        per_day = queries.totals_by_day(start, end)
        flow, door_doctor_by_day = queries.flow_times_with_days(start, end, "door_doctor")
        days = []
        day = start
        while day <= end:  # calendar layout only: the numbers come from the queries above
            median = door_doctor_by_day[day].median_s if day in door_doctor_by_day else None
            days.append(DayRow(day, per_day.get(day, Totals()), median))
            day += dt.timedelta(days=1)
        return RangeSummary(
            start=start,
            end=end,
            hospital=settings.hospital_name(),
            generated_at=(now or clock.now()).replace(microsecond=0),
            totals=queries.totals(start, end),
            days=tuple(days),
            left_reasons=queries.left_reasons(start, end),
            by_department=queries.by_department(start, end),
            by_doctor=queries.by_doctor(start, end),
            by_hour=queries.by_hour(start, end),
            by_media=queries.by_media(start, end),
            flow=flow,
            staff=queries.staff_work(start, end),
            grooming=queries.grooming(start, end, with_rows=False),
            handover_notes=queries.handover_count(start, end),
        )
