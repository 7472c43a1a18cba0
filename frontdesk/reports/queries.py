"""The report's sections as SQL aggregates over an inclusive range of days.

Every count, sum, median and 90th percentile here is computed by the
database; Python only turns result rows into dataclasses. Visits are picked
by `visit.visit_date` (indexed), their events through the (visit_id, at)
index, so a day's report touches only that day's rows.

Percentiles: the median is the middle value (the mean of the two middle
values for an even count); the 90th percentile is the nearest-rank value
(the ceil(0.9 n)-th smallest). Both found with running-sum windows over the
count of each distinct duration, which SQLite (3.25+) and PostgreSQL share.

Two planner hints keep big databases fast (tests/unit/reports/test_sql.py
checks the plans): `visit CROSS JOIN visit_event` makes SQLite start from the
range's visits (elsewhere it is a plain inner join), and STAGE_IS keeps the
almost useless stage index out of the way.
"""

from __future__ import annotations

import datetime as dt

from frontdesk import leave_reasons, stages
from frontdesk.reports.model import (
    FLOW_SEGMENTS,
    CallbackRow,
    FineKindTotal,
    FineRow,
    FlowTime,
    Grooming,
    GroupRow,
    HandoverRow,
    HourRow,
    ItemFailure,
    LateSignIn,
    ReasonCount,
    RedFlagVisit,
    StaffRow,
    Totals,
)
from frontdesk.reports.sql import P, flag, hour_of, one, rows, seconds_between, to_datetime
from frontdesk.service.conversion import ARRIVED_SQL

Day = dt.date
IN_RANGE = "v.visit_date >= {p} AND v.visit_date <= {p}"
# A stage test in WHERE that no index may serve: without statistics SQLite would pick the
# stage index (nearly every row is DONE) over visit_date. `|| ''` hides the column from the
# planner on SQLite and PostgreSQL alike.
STAGE_IS = "(v.stage || '') = {p}"
_ARRIVED_AT = (
    "(SELECT MIN(e.at) FROM visit_event e WHERE e.visit_id = v.id AND e.action = 'arrived')"
)


# The people booked for each day (bookings not cancelled), and whether they came (1/0):
# one row per patient and day — the record, else the phone, else the booking alone. A
# patient booked twice for a day who came once is one booking kept, not two: the arrival
# test (ARRIVED_SQL) finds the same visit for both, and the summary said more bookings had
# arrived than visits had come with one.
_BOOKED_PEOPLE = (
    f"""SELECT a.date AS day,
               MAX(CASE WHEN {ARRIVED_SQL} THEN 1 ELSE 0 END) AS came
        FROM appointment a
        WHERE a.date >= {P} AND a.date <= {P} AND a.status <> 'cancelled'
        GROUP BY a.date, COALESCE('r' || CAST(a.patient_id AS TEXT), 'p' || NULLIF(a.phone, ''),
                                  'a' || CAST(a.id AS TEXT))""")


def totals(start: Day, end: Day) -> Totals:
    """Headline counts plus the people booked for those days and how many turned up
    (_BOOKED_PEOPLE)."""
    v = one(
        f"""SELECT COUNT(*), SUM({flag('v.first_visit')}), SUM({flag('v.has_appointment')}),
                   SUM(CASE WHEN v.stage = {P} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN v.stage = {P} THEN 1 ELSE 0 END),
                   SUM({flag('v.red_flag')})
            FROM visit v WHERE {IN_RANGE}""",
        stages.DONE, stages.LEFT, start, end)
    a = one(f"SELECT COUNT(*), SUM(came) FROM ({_BOOKED_PEOPLE}) booked", start, end)
    visits, first, appts, done, left, red = (int(x or 0) for x in v)
    return Totals(visits=visits, first_visits=first, appointments=appts, done=done, left=left,
                  red_flags=red, still_open=visits - done - left,
                  booked=int(a[0] or 0), booked_arrived=int(a[1] or 0))


def visit_count(start: Day, end: Day) -> int:
    """Visits in the range (the visit_date index alone answers it)."""
    return int(one(f"SELECT COUNT(*) FROM visit v WHERE {IN_RANGE}", start, end)[0] or 0)


def totals_by_day(start: Day, end: Day) -> dict[Day, Totals]:
    """The headline counts per visit day (days without visits are absent)."""
    visit_rows = rows(
        f"""SELECT v.visit_date, COUNT(*), SUM({flag('v.first_visit')}),
                   SUM({flag('v.has_appointment')}),
                   SUM(CASE WHEN v.stage = {P} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN v.stage = {P} THEN 1 ELSE 0 END),
                   SUM({flag('v.red_flag')})
            FROM visit v WHERE {IN_RANGE} GROUP BY v.visit_date""",
        stages.DONE, stages.LEFT, start, end)
    booked = {
        _as_date(d): (int(n or 0), int(arrived or 0)) for d, n, arrived in rows(
            f"""SELECT day, COUNT(*), SUM(came) FROM ({_BOOKED_PEOPLE}) booked
               GROUP BY day""", start, end)}
    out: dict[Day, Totals] = {}
    for day, visits, first, appts, done, left, red in visit_rows:
        day = _as_date(day)
        b, arrived = booked.pop(day, (0, 0))
        out[day] = Totals(visits, int(first or 0), int(appts or 0), int(done or 0),
                          int(left or 0), int(red or 0), visits - int(done or 0) - int(left or 0),
                          b, arrived)
    for day, (b, arrived) in booked.items():  # bookings on a day nobody came
        out[day] = Totals(booked=b, booked_arrived=arrived)
    return out


def previous_days_average(start: Day, end: Day) -> tuple[int, dict[str, float]]:
    """(days with visits, metric -> mean per such day) over [start, end]."""
    r = one(
        f"""SELECT COUNT(*), AVG(n), AVG(first), AVG(n - first), AVG(appts), AVG(n - appts),
                   AVG(done), AVG(lft), AVG(red)
            FROM (SELECT v.visit_date, COUNT(*) AS n, SUM({flag('v.first_visit')}) AS first,
                         SUM({flag('v.has_appointment')}) AS appts,
                         SUM(CASE WHEN v.stage = {P} THEN 1 ELSE 0 END) AS done,
                         SUM(CASE WHEN v.stage = {P} THEN 1 ELSE 0 END) AS lft,
                         SUM({flag('v.red_flag')}) AS red
                  FROM visit v WHERE {IN_RANGE} GROUP BY v.visit_date) per_day""",
        stages.DONE, stages.LEFT, start, end)
    days = int(r[0] or 0)
    if not days:
        return 0, {}
    keys = ("visits", "first_visits", "returning", "appointments", "walk_ins", "done", "left",
            "red_flags")
    return days, {k: float(x) for k, x in zip(keys, r[1:], strict=True)}


def left_reasons(start: Day, end: Day) -> tuple[ReasonCount, ...]:
    """Patients who left, per reason code (leave_reasons.code_of; old free text as it is)."""
    counts: dict[str, int] = {}
    for reason, n in rows(
        f"""SELECT TRIM(v.left_reason), COUNT(*) FROM visit v
            WHERE {IN_RANGE} AND {STAGE_IS}
            GROUP BY TRIM(v.left_reason)""",
        start, end, stages.LEFT):
        # "other:<text>" rows differ in their text but are one reason: merged here.
        code = leave_reasons.code_of(reason or "")
        counts[code] = counts.get(code, 0) + int(n)
    return tuple(ReasonCount(code, n)
                 for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def red_flags(start: Day, end: Day) -> tuple[RedFlagVisit, ...]:
    out = []
    for vid, queue_no, short_zh, short_en, name_zh, name_en, complaint, stage, at in rows(
        f"""SELECT v.id, v.queue_no, d.short_zh, d.short_en, d.name_zh, d.name_en, v.complaint,
                   v.stage, {_ARRIVED_AT} AS arrived
            FROM visit v LEFT JOIN department d ON d.id = v.department_id
            WHERE {IN_RANGE} AND v.red_flag
            ORDER BY arrived, v.id""", start, end):
        out.append(RedFlagVisit(
            vid, _queue_label(short_zh, queue_no), _queue_label(short_en, queue_no),
            to_datetime(at), name_zh or "", name_en or "", complaint or "", stage))
    return tuple(out)


def _counts() -> str:
    return (f"""COUNT(*), SUM({flag('v.first_visit')}), SUM({flag('v.has_appointment')}),
                SUM(CASE WHEN v.stage = '{stages.DONE}' THEN 1 ELSE 0 END),
                SUM(CASE WHEN v.stage = '{stages.LEFT}' THEN 1 ELSE 0 END)""")


def _by_rule_row(table: str, column: str, start: Day, end: Day) -> tuple[GroupRow, ...]:
    """Visit counts per row of a rule table with zh/en names and a sort order; `table`
    and `column` are names from this module, never input."""
    return tuple(
        GroupRow(zh or "", en or "", *(int(x or 0) for x in counts))
        for _id, zh, en, *counts in rows(
            f"""SELECT r.id, r.name_zh, r.name_en, {_counts()}
                FROM visit v LEFT JOIN {table} r ON r.id = v.{column}
                WHERE {IN_RANGE}
                GROUP BY r.id, r.name_zh, r.name_en, r.sort
                ORDER BY COUNT(*) DESC, r.sort, r.id""", start, end))


def by_department(start: Day, end: Day) -> tuple[GroupRow, ...]:
    return _by_rule_row("department", "department_id", start, end)


def by_doctor(start: Day, end: Day) -> tuple[GroupRow, ...]:
    return tuple(
        GroupRow(name or "", name or "", *(int(x or 0) for x in counts),
                 extra_zh=dzh or "", extra_en=den or "")
        for _id, name, dzh, den, *counts in rows(
            f"""SELECT doc.id, doc.name, d.name_zh, d.name_en, {_counts()}
                FROM visit v LEFT JOIN doctor doc ON doc.id = v.doctor_id
                             LEFT JOIN department d ON d.id = doc.department_id
                WHERE {IN_RANGE}
                GROUP BY doc.id, doc.name, d.name_zh, d.name_en
                ORDER BY COUNT(*) DESC, doc.name""", start, end))


def by_media(start: Day, end: Day) -> tuple[GroupRow, ...]:
    return _by_rule_row("media_source", "media_source_id", start, end)


def by_hour(start: Day, end: Day) -> tuple[HourRow, ...]:
    """Visits per hour of arrival (the `arrived` event; the visit's creation time without one)."""
    return tuple(HourRow(int(h), int(n)) for h, n in rows(
        f"""SELECT hr, COUNT(*) FROM (
                SELECT {hour_of(f'COALESCE({_ARRIVED_AT}, v.created_at)')} AS hr
                FROM visit v WHERE {IN_RANGE}) arrivals
            GROUP BY hr ORDER BY hr""", start, end) if h is not None)


_FLOW_ACTIONS = sorted({a for _c, a, _b in FLOW_SEGMENTS} | {b for _c, _a, b in FLOW_SEGMENTS})
POOLED = "*"  # the `day` of the whole range's row (a day is its ISO date text)


def _flow_sql(per_day_segment: str | None) -> str:
    """Median/p90 per segment over the range, plus per day for `per_day_segment`.

    One statement: the events are pivoted to one row per visit (t; grouped in the order the
    visit_date index yields the visits, so no sort is needed), turned into durations (d),
    counted per distinct duration (g: whole seconds repeat, so far fewer rows than visits),
    and given the rank range each duration covers (r: ranks hi - k + 1 .. hi of n, a
    running sum). The rows covering the median and p90 ranks are kept — the same values
    as ranking every visit with ROW_NUMBER(), at a third less time on 90 days.
    Rows: (day, segment, n, median, p90).
    """
    pivot = ",\n".join(f"MIN(CASE WHEN e.action = '{a}' THEN e.at END) AS {a}"
                       for a in _FLOW_ACTIONS)
    actions = ", ".join(f"'{a}'" for a in _FLOW_ACTIONS)
    segments = "\nUNION ALL\n".join(
        f"""SELECT day, '{code}' AS seg, {seconds_between(a, b)} AS s FROM t
            WHERE {a} IS NOT NULL AND {b} IS NOT NULL AND {b} >= {a}"""
        for code, a, b in FLOW_SEGMENTS)
    grouped = f"SELECT '{POOLED}' AS day, seg, s, COUNT(*) AS k FROM d GROUP BY seg, s"
    if per_day_segment:
        grouped += (f"\nUNION ALL SELECT day, seg, s, COUNT(*) FROM d "
                    f"WHERE seg = '{per_day_segment}' GROUP BY day, seg, s")
    # SUM of counts is numeric on PostgreSQL: cast, so the rank arithmetic stays integer.
    median = "(n + 1) / 2 BETWEEN hi - k + 1 AND hi OR (n + 2) / 2 BETWEEN hi - k + 1 AND hi"
    p90 = "(9 * n + 9) / 10 BETWEEN hi - k + 1 AND hi"
    return f"""
        WITH t AS (
            SELECT CAST(v.visit_date AS TEXT) AS day, {pivot}
            FROM visit v CROSS JOIN visit_event e
            WHERE e.visit_id = v.id AND {IN_RANGE} AND e.action IN ({actions})
            GROUP BY v.visit_date, v.id),
        d AS ({segments}),
        g AS ({grouped}),
        r AS (SELECT day, seg, s, k,
                     CAST(SUM(k) OVER (PARTITION BY day, seg ORDER BY s
                                       ROWS UNBOUNDED PRECEDING) AS BIGINT) AS hi,
                     CAST(SUM(k) OVER (PARTITION BY day, seg ORDER BY s
                                       ROWS BETWEEN UNBOUNDED PRECEDING
                                       AND UNBOUNDED FOLLOWING) AS BIGINT) AS n
              FROM g)
        SELECT day, seg, n,
               AVG(CASE WHEN {median} THEN s END),
               MIN(CASE WHEN {p90} THEN s END)
        FROM r
        WHERE {median} OR {p90}
        GROUP BY day, seg, n"""


def flow_times(start: Day, end: Day) -> tuple[FlowTime, ...]:
    """Median and 90th percentile of each flow segment over the range (every segment listed)."""
    found = {seg: (n, med, p90) for _day, seg, n, med, p90 in rows(_flow_sql(None), start, end)}
    return tuple(_flow(code, found.get(code)) for code, _a, _b in FLOW_SEGMENTS)


def flow_times_with_days(start: Day, end: Day, segment: str = "door_doctor"
                         ) -> tuple[tuple[FlowTime, ...], dict[Day, FlowTime]]:
    """The range's flow times, and `segment`'s per day (days without one are absent)."""
    pooled: dict[str, tuple] = {}
    per_day: dict[Day, FlowTime] = {}
    for day, seg, n, med, p90 in rows(_flow_sql(segment), start, end):
        if day == POOLED:
            pooled[seg] = (n, med, p90)
        else:
            per_day[_as_date(day)] = _flow(seg, (n, med, p90))
    return tuple(_flow(code, pooled.get(code)) for code, _a, _b in FLOW_SEGMENTS), per_day


def _flow(code: str, found: tuple | None) -> FlowTime:
    if not found:
        return FlowTime(code, 0, None, None)
    n, med, p90 = found
    return FlowTime(code, int(n), float(med) if med is not None else None,
                    float(p90) if p90 is not None else None)


def staff_work(start: Day, end: Day) -> tuple[StaffRow, ...]:
    """Per staff member: patients greeted (the `arrived` event), registered (`registered`)
    and escorted (the visit's escort, for visits handed to the doctor).

    Escorts come from the visit, not the event: the desk may press "handed to
    the doctor" on behalf of the guide who walked the patient there.
    """
    return tuple(StaffRow(int(sid), name, role, int(g or 0), int(r or 0), int(e or 0))
                 for sid, name, role, g, r, e in rows(
        f"""SELECT s.id, s.display_name, s.role, SUM(w.greeted), SUM(w.registered),
                   SUM(w.escorted)
            FROM (SELECT e.staff_id AS staff_id,
                         SUM(CASE WHEN e.action = '{stages.ARRIVED}' THEN 1 ELSE 0 END) AS greeted,
                         SUM(CASE WHEN e.action = '{stages.REGISTERED}' THEN 1 ELSE 0 END)
                             AS registered,
                         0 AS escorted
                  FROM visit v CROSS JOIN visit_event e
                  WHERE e.visit_id = v.id AND {IN_RANGE}
                        AND e.action IN ('{stages.ARRIVED}', '{stages.REGISTERED}')
                  GROUP BY e.staff_id
                  UNION ALL
                  SELECT v.escort_id, 0, 0, COUNT(*) FROM visit v
                  WHERE {IN_RANGE} AND {STAGE_IS} AND v.escort_id IS NOT NULL
                  GROUP BY v.escort_id
                 ) w JOIN staff s ON s.id = w.staff_id
            GROUP BY s.id, s.display_name, s.role
            ORDER BY s.display_name, s.id""", start, end, start, end, stages.DONE))


def grooming(start: Day, end: Day, *, with_rows: bool) -> Grooming:
    """Checks, failures by item, fines and sign-ins; the ledger rows too when `with_rows`."""
    checks, staff_checked = (int(x or 0) for x in one(
        "SELECT COUNT(*), COUNT(DISTINCT c.staff_id) FROM grooming_check c "
        "WHERE c.date >= {p} AND c.date <= {p}", start, end))
    staff_failed = int(one(
        """SELECT COUNT(DISTINCT c.staff_id) FROM grooming_check c
           JOIN grooming_result r ON r.check_id = c.id
           WHERE c.date >= {p} AND c.date <= {p} AND NOT r.passed""", start, end)[0] or 0)
    failures = tuple(ItemFailure(code, zh, en, int(n), int(fixed or 0)) for code, zh, en, n, fixed
                     in rows(
        f"""SELECT r.item_code, MIN(r.item_name_zh), MIN(r.item_name_en), COUNT(*),
                   SUM({flag('r.corrected')})
            FROM grooming_result r JOIN grooming_check c ON c.id = r.check_id
            WHERE c.date >= {P} AND c.date <= {P} AND NOT r.passed
            GROUP BY r.item_code ORDER BY COUNT(*) DESC, r.item_code""", start, end))
    fine_totals = tuple(FineKindTotal(kind, int(n), int(amount or 0), int(waived or 0))
                        for kind, n, amount, waived in rows(
        """SELECT f.kind, COUNT(*),
                  SUM(CASE WHEN f.waived_at IS NULL THEN f.amount_fen ELSE 0 END),
                  SUM(CASE WHEN f.waived_at IS NULL THEN 0 ELSE 1 END)
           FROM fine f WHERE f.date >= {p} AND f.date <= {p}
           GROUP BY f.kind ORDER BY f.kind""", start, end))
    sign_ins, late_count = (int(x or 0) for x in one(
        "SELECT COUNT(*), SUM(CASE WHEN s.minutes_late > 0 THEN 1 ELSE 0 END) "
        "FROM sign_in s WHERE s.date >= {p} AND s.date <= {p}", start, end))
    fines: tuple[FineRow, ...] = ()
    late: tuple[LateSignIn, ...] = ()
    if with_rows:
        fines = tuple(FineRow(name, kind, int(amount), zh or "", en or "", waived_at is not None)
                      for name, kind, amount, zh, en, waived_at in rows(
            """SELECT s.display_name, f.kind, f.amount_fen, f.reason_zh, f.reason_en, f.waived_at
               FROM fine f JOIN staff s ON s.id = f.staff_id
               WHERE f.date >= {p} AND f.date <= {p} ORDER BY f.created_at, f.id""", start, end))
        late = tuple(LateSignIn(name, zh or "", en or "", to_datetime(at), int(minutes))
                     for name, zh, en, at, minutes in rows(
            """SELECT st.display_name, sh.name_zh, sh.name_en, s.signed_at, s.minutes_late
               FROM sign_in s JOIN staff st ON st.id = s.staff_id
                              LEFT JOIN shift sh ON sh.id = s.shift_id
               WHERE s.date >= {p} AND s.date <= {p} AND s.minutes_late > 0
               ORDER BY s.minutes_late DESC, s.signed_at""", start, end))
    return Grooming(checks, staff_checked, staff_failed, failures, fines, fine_totals,
                    sign_ins, late, late_count)


def handovers(start: Day, end: Day) -> tuple[HandoverRow, ...]:
    return tuple(
        HandoverRow(author, zh or "", en or "", to_datetime(at), equipment or "", hard or "",
                    swaps or "", open_visits or "", ack or "")
        for author, zh, en, at, equipment, hard, swaps, open_visits, ack in rows(
            """SELECT a.display_name, sh.name_zh, sh.name_en, h.written_at, h.equipment,
                      h.hard_cases, h.staff_swaps, h.open_visits, k.display_name
               FROM handover_note h JOIN staff a ON a.id = h.author_id
                    LEFT JOIN shift sh ON sh.id = h.shift_id
                    LEFT JOIN staff k ON k.id = h.acknowledged_by_id
               WHERE h.date >= {p} AND h.date <= {p} ORDER BY h.written_at, h.id""", start, end))


def handover_count(start: Day, end: Day) -> int:
    return int(one("SELECT COUNT(*) FROM handover_note h WHERE h.date >= {p} AND h.date <= {p}",
                   start, end)[0] or 0)


def callbacks(start: Day, end: Day, *, show_phone=None) -> tuple[CallbackRow, ...]:
    """Patients who reached the doctor, in order of arrival, with their phone numbers
    (as `show_phone(number)` gives them when given: patients.mask_phone masks them)."""
    shown = show_phone or (lambda number: number)
    return tuple(
        CallbackRow(vid, name, shown(phone or ""), record_no or "", dzh or "", den or "",
                    doctor or "", to_datetime(at), bool(first))
        for vid, name, phone, record_no, dzh, den, doctor, at, first in rows(
            f"""SELECT v.id, p.name, p.phone, p.record_no, d.name_zh, d.name_en, doc.name,
                       {_ARRIVED_AT} AS arrived, v.first_visit
                FROM visit v JOIN patient p ON p.id = v.patient_id
                     LEFT JOIN department d ON d.id = v.department_id
                     LEFT JOIN doctor doc ON doc.id = v.doctor_id
                WHERE {IN_RANGE} AND {STAGE_IS}
                ORDER BY arrived, v.id""", start, end, stages.DONE))


def _queue_label(prefix: str | None, number: int | None) -> str:
    return f"{prefix or ''}-{number:03d}" if number is not None else ""


def _as_date(value) -> Day:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
