"""The service desk's reports: consultation statistics (咨询数据统计分析报表), complaints and
satisfaction, over a range of days — as PDF, CSV and XLSX like the daily summary.

Laid out as the report machinery's titled tables (frontdesk.reports.tables.ReportTable)
and written with the same page furniture and cell safety. Access like every report
(frontdesk.reports.access): supervisors and admins on screen, the system on the
command line; every file written is audited. No names or phone numbers are printed:
the reports count.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from frontdesk import clock, settings, validation
from frontdesk.db.models import Complaint, ComplaintRevisit, Consultation, Department
from frontdesk.errors import ValidationError
from frontdesk.i18n import Msg, text
from frontdesk.reports import export, titled
from frontdesk.reports.access import check, printed_by
from frontdesk.reports.tables import ReportTable
from frontdesk.service import complaints as cp
from frontdesk.service import consultations as cs
from frontdesk.service import conversion, satisfaction

KINDS = ("consultations", "complaints", "satisfaction")
PERIODS = ("day", "week", "month")
KIND_NAMES = {
    "consultations": Msg("咨询数据统计分析报表", "Consultation statistics"),
    "complaints": Msg("投诉统计报表", "Complaints report"),
    "satisfaction": Msg("满意度报表", "Satisfaction report"),
}
MAX_DAYS = 366


@dataclass(frozen=True)
class ServiceReport:
    kind: str
    hospital: str
    start: dt.date
    end: dt.date
    generated_at: dt.datetime
    tables: tuple[ReportTable, ...]

    def title(self, lang: str | None = None) -> str:
        name = KIND_NAMES[self.kind].text(lang)
        return f"{name}  {self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def period_of(day: dt.date, period: str) -> str:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return f"{monday:%Y-%m-%d}"
    if period == "month":
        return f"{day:%Y-%m}"
    return f"{day:%Y-%m-%d}"


def build(*, actor, kind: str, start: dt.date, end: dt.date, period: str = "day",
          lang: str | None = None) -> ServiceReport:
    check(actor)
    start, end = validation.picked_day(start, "from"), validation.picked_day(end, "to")
    if kind not in KINDS:
        raise ValidationError("未知的报表。", "Unknown report.", field="kind")
    if period not in PERIODS:
        raise ValidationError("汇总周期只能是日、周或月。", "Group by day, week or month.",
                              field="period")
    if end < start:
        raise ValidationError("结束日期不能早于开始日期。", "The end is before the start.",
                              field="to")
    if (end - start).days >= MAX_DAYS:
        raise ValidationError(f"时间段最长 {MAX_DAYS} 天。", f"A range is at most {MAX_DAYS} days.",
                              field="to")
    tables = {"consultations": _consultation_tables, "complaints": _complaint_tables,
              "satisfaction": _satisfaction_tables}[kind](start, end, period, lang)
    return ServiceReport(kind, settings.hospital_name(), start, end,
                         clock.now().replace(microsecond=0), tuple(tables))


# --- consultations ---------------------------------------------------------------------


def _rate_table(key: str, title: str, first: str, rows, lang) -> ReportTable:
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731
    return ReportTable(key, "breakdown", title, (first, t("数量", "Count"), t("到院", "Arrived"),
                                                 t("到院率 %", "Arrival rate %")),
                       tuple((r.key or t("（未填）", "(not given)"), r.total, r.arrived,
                              _pct(r.arrived, r.total)) for r in rows),
                       empty=t("没有记录。", "Nothing recorded."))


def _consultation_tables(start, end, period, lang) -> list[ReportTable]:
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731
    conv = conversion.conversion(start, end)
    cons = list(Consultation.select().where(
        Consultation.at >= dt.datetime.combine(start, dt.time()),
        Consultation.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())))
    came = conversion.consultation_visits(cons)
    overview = ReportTable("overview", "overview", t("概况", "Overview"),
                           (t("项目", "Item"), t("数量", "Count"), t("到院", "Arrived"),
                            t("来院就诊达到率 %", "Arrival rate %")),
                           ((t("咨询", "Consultations"), conv.consultations.total,
                             conv.consultations.arrived,
                             _pct(conv.consultations.arrived, conv.consultations.total)),
                            (t("预约", "Bookings"), conv.appointments.total,
                             conv.appointments.arrived,
                             _pct(conv.appointments.arrived, conv.appointments.total))))
    per: dict[str, Counter] = defaultdict(Counter)
    for c in cons:
        p = per[period_of(c.at.date(), period)]
        p["n"] += 1
        p[c.outcome] += 1
        p["arrived"] += c.id in came
    period_name = {"day": t("日期", "Day"), "week": t("周（周一）", "Week of"),
                   "month": t("月份", "Month")}[period]
    by_period = ReportTable(
        "periods", "days", t("按时间", "By period"),
        (period_name, t("咨询", "Consultations"),
         *(cs.OUTCOME_NAMES[o].text(lang) for o in cs.OUTCOMES), t("到院", "Arrived"),
         t("到院率 %", "Arrival rate %")),
        tuple((k, v["n"], *(v[o] for o in cs.OUTCOMES), v["arrived"], _pct(v["arrived"], v["n"]))
              for k, v in sorted(per.items())),
        empty=t("这段时间没有咨询。", "No consultations in this range."))
    intention = Counter((c.intention or "").strip()[:20] for c in cons)
    by_intention = ReportTable(
        "intention", "breakdown", t("按就诊意向", "By intention"),
        (t("就诊意向", "Intention"), t("数量", "Count")),
        tuple((k or t("（未填）", "(not given)"), n) for k, n in intention.most_common(30)),
        empty=t("没有记录。", "Nothing recorded."))
    outcomes = Counter(c.outcome for c in cons)
    by_outcome = ReportTable(
        "outcome", "breakdown", t("按咨询结果", "By outcome"),
        (t("结果", "Outcome"), t("数量", "Count"), t("占比 %", "Share %")),
        tuple((cs.OUTCOME_NAMES[o].text(lang), outcomes[o], _pct(outcomes[o], len(cons)))
              for o in cs.OUTCOMES),
        empty=t("没有记录。", "Nothing recorded."))
    return [
        overview, by_period,
        _rate_table("channel", t("咨询：按渠道", "Consultations by channel"), t("渠道", "Channel"),
                    conv.consultations_by_channel, lang),
        _rate_table("media", t("咨询：按媒体来源", "Consultations by media source"),
                    t("媒体来源", "Media source"), conv.consultations_by_media, lang),
        by_intention, by_outcome,
        _rate_table("staff", t("咨询：按接待人", "Consultations by staff member"),
                    t("接待人", "Staff member"), conv.consultations_by_staff, lang),
        _rate_table("appt_channel", t("预约：按渠道", "Bookings by channel"), t("渠道", "Channel"),
                    conv.appointments_by_channel, lang),
        _rate_table("appt_media", t("预约：按媒体来源", "Bookings by media source"),
                    t("媒体来源", "Media source"), conv.appointments_by_media, lang),
        _rate_table("appt_staff", t("预约：按预约人", "Bookings by staff member"),
                    t("预约人", "Staff member"), conv.appointments_by_staff, lang),
    ]


# --- complaints ------------------------------------------------------------------------


def _complaint_tables(start, end, period, lang) -> list[ReportTable]:
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731
    today = clock.today()  # overdue as of now: what is still late today
    rows = list(Complaint.select().where(
        Complaint.received_at >= dt.datetime.combine(start, dt.time()),
        Complaint.received_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())))
    done_revisits = Counter(r.complaint_id for r in ComplaintRevisit.select().where(
        ComplaintRevisit.complaint.in_([c.id for c in rows]),
        ComplaintRevisit.outcome != "unreachable")) if rows else Counter()
    late = {c.id: cp.overdue_parts(c, today, done_revisits[c.id]) for c in rows}
    depts = {d.id: text(d.name_zh, d.name_en, lang) for d in Department.select()}

    def days_to_close(c) -> float | None:
        return (c.closed_at - c.received_at).total_seconds() / 86400 if c.closed_at else None

    def line(label, group):
        closed = [d for d in (days_to_close(c) for c in group) if d is not None]
        return (label, len(group), sum(c.status == cp.OPEN for c in group),
                sum(c.status == cp.HANDLED for c in group), len(closed),
                sum(bool(late[c.id]) for c in group),
                round(sum(closed) / len(closed), 1) if closed else None,
                round(max(closed), 1) if closed else None)

    cols = (t("受理", "Received"), t("待处理", "Open"), t("已处理", "Handled"),
            t("已结案", "Closed"), t("逾期", "Overdue"), t("平均结案天数", "Mean days to close"),
            t("最长结案天数", "Longest days to close"))
    overview = ReportTable("overview", "overview", t("概况", "Overview"),
                           (t("项目", "Item"), *cols), (line(t("全部", "All"), rows),))
    sev = ReportTable("severity", "breakdown", t("按级别", "By severity"),
                      (t("级别", "Severity"), *cols),
                      tuple(line(cp.SEVERITY_NAMES[s].text(lang),
                                 [c for c in rows if c.severity == s])
                            for s in (cp.MAJOR, cp.GENERAL)))
    by_dept: dict[str, list] = defaultdict(list)
    for c in rows:
        by_dept[depts.get(c.department_id, t("（未填）", "(not given)"))].append(c)
    dept = ReportTable("department", "breakdown", t("按科室", "By department"),
                       (t("科室", "Department"), *cols),
                       tuple(line(k, v) for k, v in sorted(by_dept.items())),
                       empty=t("这段时间没有投诉。", "No complaints in this range."))
    part_names = {"handle": t("未按时处理", "not handled in time"),
                  "revisit": t("未按时回访", "no revisit in time"),
                  "close": t("未按时结案", "not closed in time")}
    overdue = ReportTable(
        "overdue", "breakdown", t("逾期投诉", "Overdue complaints"),
        (t("编号", "No."), t("受理时间", "Received"), t("级别", "Severity"),
         t("科室", "Department"), t("处理期限", "Handle by"), t("结案期限", "Close by"),
         t("逾期项目", "Overdue")),
        tuple((c.id, f"{c.received_at:%Y-%m-%d %H:%M}", cp.SEVERITY_NAMES[c.severity].text(lang),
               depts.get(c.department_id, "—"), c.handle_by.isoformat(), c.close_by.isoformat(),
               "、".join(part_names[p] for p in late[c.id]))
              for c in sorted(rows, key=lambda c: c.received_at) if late[c.id]),
        empty=t("没有逾期投诉。", "No complaint is overdue."))
    return [overview, sev, dept, overdue]


# --- satisfaction ------------------------------------------------------------------------


def _satisfaction_tables(start, end, period, lang) -> list[ReportTable]:
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731
    s = satisfaction.summary(start, end)
    points = ReportTable(
        "points", "overview", t("四项评价", "The four points"),
        (t("项目", "Point"), *(satisfaction.LEVEL_NAMES[lvl].text(lang) for lvl in satisfaction.LEVELS),
         t("评价数", "Rated"), t("满意率 %", "Satisfied %")),
        tuple((satisfaction.POINT_NAMES[p.point].text(lang),
               *(p.counts.get(lvl, 0) for lvl in satisfaction.LEVELS), p.rated,
               None if p.satisfied_rate is None else round(100 * p.satisfied_rate, 1))
              for p in s.points),
        note=t(f"共 {s.ratings} 份评价；较差的评价按原样统计。",
               f"{s.ratings} ratings; poor ratings are counted as given."))
    dept = ReportTable(
        "department", "breakdown", t("按科室", "By department"),
        (t("科室", "Department"), t("评价数", "Ratings"), t("满意率 %", "Satisfied %")),
        tuple((text(zh, en, lang) or t("（未填）", "(not given)"), n,
               None if rate is None else round(100 * rate, 1))
              for zh, en, n, rate in s.by_department),
        empty=t("这段时间没有评价。", "No ratings in this range."))
    follow = ReportTable(
        "follow_up", "callbacks", t("回访率", "Follow-up rate"),
        (t("看完医生的就诊", "Visits that saw the doctor"), t("已回访", "Reached by a call"),
         t("已尝试", "Calls with an outcome"), t("回访率 %", "Follow-up rate %")),
        ((s.visits_done, s.followed_up, s.attempted, _pct(s.followed_up, s.visits_done)),))
    return [points, dept, follow]


# --- output ------------------------------------------------------------------------------


def to_csv(report: ServiceReport, lang: str | None = None) -> bytes:
    return export.lines_csv(titled.lines(report, lang))


def to_xlsx(report: ServiceReport, lang: str | None = None) -> bytes:
    return titled.lines_xlsx(titled.lines(report, lang), report.tables,
                      sheet=KIND_NAMES[report.kind].text(lang)[:31],
                      widths={"A": 22, **dict.fromkeys("BCDEFGHIJ", 14)})


def to_pdf(report: ServiceReport, *, printed_by_name: str = "", lang: str | None = None) -> bytes:
    return titled.tables_pdf(hospital=report.hospital, title=report.title(lang),
                      generated_at=report.generated_at, tables=report.tables,
                      printed_by_name=printed_by_name, lang=lang)


def render(report: ServiceReport, fmt: str, *, printed_by_name: str = "",
           lang: str | None = None) -> bytes:
    return export.render_as(fmt, pdf=lambda: to_pdf(report, printed_by_name=printed_by_name, lang=lang),
                     csv=lambda: to_csv(report, lang), xlsx=lambda: to_xlsx(report, lang))


def save(report: ServiceReport, path: str | os.PathLike[str], *, actor,
         lang: str | None = None) -> Path:
    """Write the report (format by extension) atomically and audit the export."""
    return export.save(report, path, actor=actor, render=render, entity_id=_entity_id(report),
                       describe={"report": report.kind}, lang=lang)


def _entity_id(report: ServiceReport) -> str:
    return f"{report.kind}-{report.start:%Y-%m-%d}-{report.end:%Y-%m-%d}"


def pdf(*, actor, kind: str, start: dt.date, end: dt.date, period: str = "day",
        lang: str | None = None) -> bytes:
    """The PDF a print preview shows."""
    report = build(actor=actor, kind=kind, start=start, end=end, period=period, lang=lang)
    return to_pdf(report, printed_by_name=printed_by(actor), lang=lang)


def print_pdf(report: ServiceReport, *, actor, lang: str | None = None) -> bytes:
    """The PDF for the print preview of a report on screen (nothing is audited: the screen
    calls record_print once the print dialog says it printed)."""
    check(actor)
    return to_pdf(report, printed_by_name=printed_by(actor), lang=lang)


def record_print(report: ServiceReport, *, actor, printer: str = "") -> None:
    """Note in the audit log that the report went to a printer (call after it did)."""
    export.record_printed(actor=actor, entity_id=_entity_id(report),
                          describe={"report": report.kind}, printer=printer)
