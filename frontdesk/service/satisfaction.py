"""Satisfaction (满意度): the seed's four points, each on four levels, kept as given.

Seed 000 第4篇 第十七条: 态度、技术、到达时间及答应事项的办理 — each 非常满意 / 满意 /
一般 / 较差. A rating is taken after the visit (at the desk) or during the follow-up
call; a point not asked stays empty (never filled in as "satisfied"), and a poor
rating is stored and counted exactly as given. The weekly summary counts each level
per point; the follow-up rate (回访率) is the share of visits that reached the doctor
whose follow-up call reached the patient.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from frontdesk import audit, clock, stages, validation
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Department,
    FollowUp,
    Patient,
    SatisfactionRating,
    Visit,
)
from frontdesk.db.transaction import write_tx
from frontdesk.errors import NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, require
from frontdesk.queue.numbers import queue_label
from frontdesk.reception.visit_numbers import visit_number
from frontdesk.validation import lookup_id

ENTITY = "satisfaction"
POINTS = ("attitude", "skill", "timeliness", "promises")
POINT_NAMES = {
    "attitude": Msg("服务态度", "Attitude"),
    "skill": Msg("医疗技术", "Medical skill"),
    "timeliness": Msg("到达时间", "Timeliness"),
    "promises": Msg("答应事项", "Promises kept"),
}
LEVELS = (4, 3, 2, 1)
LEVEL_NAMES = {4: Msg("非常满意", "Very satisfied"), 3: Msg("满意", "Satisfied"),
               2: Msg("一般", "Fair"), 1: Msg("较差", "Poor")}
SOURCES = ("visit", "call")


@changes(Changed.SERVICE)
def rate(*, actor, ratings: dict[str, int | None], visit_id: int | None = None,
         followup_id: int | None = None, comment: str = "") -> int:
    """Store one rating (after a visit, or during the follow-up call `followup_id`)."""
    require(actor, Perm.CONSULT if followup_id is None else Perm.FOLLOW_UP)
    values = check_ratings(ratings)
    text = validation.clean_text(comment, "comment", 1000)
    with write_tx():
        follow_up = None
        if followup_id is not None:
            follow_up = FollowUp.get_or_none(FollowUp.id == lookup_id(followup_id))
            if follow_up is None:
                raise NotFound("找不到该回访记录。", "That follow-up was not found.")
            visit_id = follow_up.visit_id
        visit = None
        if visit_id is not None:
            visit = Visit.get_or_none(Visit.id == lookup_id(visit_id))
            if visit is None:
                raise NotFound("找不到该就诊记录。", "That visit was not found.")
        if visit is None and follow_up is None:
            raise ValidationError("请选择就诊记录。", "Choose the visit.", field="visit")
        return store(actor=actor, values=values, visit=visit, follow_up=follow_up, comment=text)


def check_ratings(ratings: dict[str, int | None]) -> dict[str, int | None]:
    """The four points as given (None: not asked); ValidationError at a bad point's field."""
    values: dict[str, int | None] = {}
    if not isinstance(ratings, dict):
        raise ValidationError("评价无效。", "Not a rating.", field=POINTS[0])
    for point in POINTS:
        level = ratings.get(point)
        if level is not None and (isinstance(level, bool) or level not in LEVELS):
            raise ValidationError("评价只能是非常满意、满意、一般或较差。",
                                  "A rating is very satisfied, satisfied, fair or poor.",
                                  field=point)
        values[point] = level
    unknown = set(ratings) - set(POINTS)
    if unknown:
        # The message belongs at the rating fields the screen shows, never at a made-up key.
        raise ValidationError("未知的评价项目。", "Unknown rating point.", field=POINTS[0])
    if all(v is None for v in values.values()):
        raise ValidationError("请至少评价一项。", "Rate at least one point.", field=POINTS[0])
    return values


def store(*, actor, values: dict[str, int | None], visit, follow_up, comment: str) -> int:
    """Write a checked rating (in the caller's transaction) and audit it."""
    row = SatisfactionRating.create(
        at=clock.now(), source="call" if follow_up else "visit", visit=visit,
        patient=visit.patient_id if visit else follow_up.patient_id, follow_up=follow_up,
        department=visit.department_id if visit else None, comment=comment,
        recorded_by=actor, **values)
    audit.record(actor, "create", ENTITY, row.id, {"source": row.source, **values})
    return row.id


@dataclass(frozen=True)
class RecentVisit:
    visit_id: int
    visit_date: dt.date
    queue_no: int | None
    patient_name: str
    department_zh: str
    department_en: str
    rated: bool
    # The number as every screen shows it: 内-012 (the board's label), else the visit number.
    queue_label: str = ""


def recent_visits(*, actor, day: dt.date, days: int = 2) -> list[RecentVisit]:
    """Visits that reached the doctor on `day` and the day before, to rate at the desk."""
    require(actor, Perm.CONSULT)
    since = day - dt.timedelta(days=days - 1)
    rated = SatisfactionRating.select(SatisfactionRating.id).where(
        SatisfactionRating.visit == Visit.id)
    q = (Visit.select(Visit, Patient.name, Department, fn.EXISTS(rated).alias("rated"))
         .join(Patient, on=(Visit.patient == Patient.id))
         .switch(Visit)
         .join(Department, JOIN.LEFT_OUTER, on=(Visit.department == Department.id))
         .where(Visit.stage == stages.DONE, Visit.visit_date >= since, Visit.visit_date <= day)
         .order_by(Visit.visit_date.desc(), Visit.id.desc()))
    out = [RecentVisit(v.id, v.visit_date, v.queue_no, v.patient.name,
                       v.department.name_zh if v.department_id else "",
                       v.department.name_en if v.department_id else "", bool(v.rated),
                       (queue_label(v.department.short_zh, v.queue_no) if v.department_id
                        else "") or visit_number(v.visit_date, v.id))
           for v in q.limit(500)]
    audit.viewed(actor, "satisfaction_visits", day.isoformat())
    return out


@dataclass(frozen=True)
class PointSummary:
    point: str
    counts: dict[int, int]  # level -> ratings

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def satisfied_rate(self) -> float | None:
        """Very satisfied + satisfied, of those who rated this point."""
        return (self.counts.get(4, 0) + self.counts.get(3, 0)) / self.rated if self.rated else None


@dataclass(frozen=True)
class Summary:
    start: dt.date
    end: dt.date
    ratings: int
    points: tuple[PointSummary, ...]
    by_department: tuple[tuple[str, str, int, float | None], ...]  # zh, en, ratings, satisfied
    visits_done: int
    followed_up: int  # of those visits, calls that reached the patient
    attempted: int  # of those visits, follow-ups with any outcome

    @property
    def follow_up_rate(self) -> float | None:
        return self.followed_up / self.visits_done if self.visits_done else None


def summary(start: dt.date, end: dt.date) -> Summary:
    """Ratings taken on [start, end] and the follow-up rate of that range's visits."""
    start, end = validation.picked_day(start, "start"), validation.picked_day(end, "end")
    lo = dt.datetime.combine(start, dt.time())
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    in_range = (SatisfactionRating.at >= lo) & (SatisfactionRating.at < hi)
    total = SatisfactionRating.select().where(in_range).count()
    points = []
    for point in POINTS:
        col = getattr(SatisfactionRating, point)
        counts = {lvl: n for lvl, n in SatisfactionRating.select(col, fn.COUNT(SatisfactionRating.id))
                  .where(in_range, col.is_null(False)).group_by(col).tuples()}
        points.append(PointSummary(point, counts))
    per_dept = []
    rows = (SatisfactionRating.select(Department.name_zh, Department.name_en,
                                      SatisfactionRating.attitude, SatisfactionRating.skill,
                                      SatisfactionRating.timeliness, SatisfactionRating.promises)
            .join(Department, JOIN.LEFT_OUTER,
                  on=(SatisfactionRating.department == Department.id))
            .where(in_range).tuples())
    groups: dict[tuple[str, str], list[int]] = {}
    for zh, en, *levels in rows:
        g = groups.setdefault((zh or "", en or ""), [0, 0, 0])
        g[0] += 1
        for level in levels:
            if level is not None:
                g[1] += 1
                g[2] += level >= 3
    for (zh, en), (n, rated, good) in sorted(groups.items()):
        per_dept.append((zh, en, n, good / rated if rated else None))
    done = Visit.select(Visit.id).where(Visit.stage == stages.DONE, Visit.visit_date >= start,
                                        Visit.visit_date <= end)
    visits_done = done.count()
    reached = FollowUp.select().where(FollowUp.visit.in_(done), FollowUp.status == "done").count()
    attempted = FollowUp.select().where(FollowUp.visit.in_(done),
                                        FollowUp.status != "open").count()
    return Summary(start, end, total, tuple(points), tuple(per_dept), visits_done, reached,
                   attempted)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    day = validation.picked_day(day, "week")
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)
