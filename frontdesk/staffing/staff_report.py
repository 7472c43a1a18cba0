"""The monthly staff report: attendance, lateness, fines, rewards, swaps and leave.

Built once (`build`), laid out as the report machinery's titled tables
(frontdesk.reports.tables.ReportTable), then written as PDF (A4 landscape,
platypus, the daily report's page furniture), CSV or XLSX (the same cell
safety as every export). Access like every report (frontdesk.reports.access):
supervisors and admins on screen, the system on the command line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from frontdesk import clock, settings
from frontdesk.db.models import (
    Fine,
    FineKind,
    LeaveRequest,
    ShiftAssignment,
    SignIn,
    Staff,
)
from frontdesk.i18n import Msg, text
from frontdesk.reports import export, titled
from frontdesk.reports.access import check, printed_by
from frontdesk.reports.tables import ReportTable, yuan
from frontdesk.staffing import fines, shift_rules, swaps
from frontdesk.staffing.fines import month_range
from frontdesk.staffing.roster import rostered_staff


@dataclass(frozen=True)
class StaffMonthReport:
    hospital: str
    year: int
    month: int
    generated_at: dt.datetime
    tables: tuple[ReportTable, ...]

    def title(self, lang: str | None = None) -> str:
        return text(f"{self.year} 年 {self.month} 月 员工月报", f"Staff report, "
                    f"{self.year}-{self.month:02d}", lang)


def _leave_days(first: dt.date, nxt: dt.date) -> dict[tuple[int, str], int]:
    out: dict[tuple[int, str], int] = {}
    for r in LeaveRequest.select().where(LeaveRequest.status == "approved",
                                         LeaveRequest.start < nxt, LeaveRequest.end >= first):
        days = (min(r.end, nxt - dt.timedelta(days=1)) - max(r.start, first)).days + 1
        key = (r.staff_id, Msg(r.kind_zh, r.kind_en).text())
        out[key] = out.get(key, 0) + days
    return out


def build(*, actor, year: int, month: int, lang: str | None = None) -> StaffMonthReport:
    """Gather the month; past days only count as absences (today and later are not over)."""
    check(actor)
    first, nxt = month_range(year, month)
    today = clock.today()

    def t(zh: str, en: str) -> str:
        return text(zh, en, lang)

    staff = {s.id: s.display_name for s in rostered_staff()}
    rows: dict[int, dict] = {sid: {"rostered": 0, "signed": 0, "early": 0, "not_early": 0,
                                   "late": 0, "absent": 0} for sid in staff}
    signed: dict[tuple[int, dt.date, int], SignIn] = {
        (s.staff_id, s.date, s.shift_id): s for s in
        SignIn.select().where(SignIn.date >= first, SignIn.date < nxt)}
    for a in ShiftAssignment.select().where(ShiftAssignment.date >= first,
                                            ShiftAssignment.date < nxt):
        if a.staff_id not in rows:
            continue
        r = rows[a.staff_id]
        r["rostered"] += 1
        if (a.staff_id, a.date, a.shift_id) not in signed:
            r["absent"] += a.date < today
    for s in signed.values():
        if s.staff_id not in rows:
            continue
        r = rows[s.staff_id]
        r["signed"] += 1
        r[{shift_rules.ON_TIME_EARLY: "early", shift_rules.ON_TIME_NOT_EARLY: "not_early",
           shift_rules.LATE: "late"}[shift_rules.arrival(s)]] += 1
    ledger = list(Fine.select(Fine, Staff).join(Staff, on=(Fine.staff == Staff.id))
                  .where(Fine.date >= first, Fine.date < nxt).order_by(Fine.date, Fine.id))
    money: dict[int, dict] = {}
    for f in ledger:
        m = money.setdefault(f.staff_id, {"n": 0, "fined": 0, "waived": 0, "paid_day": 0,
                                          "reward": 0, "half_days": 0})
        if f.kind == FineKind.REWARD:
            m["reward"] += 0 if f.waived_at else f.amount_fen
            continue
        m["n"] += 1
        m["fined"] += f.amount_fen
        m["waived"] += f.amount_fen if f.waived_at else 0
        m["paid_day"] += f.amount_fen if (f.paid_at and f.paid_at.date() == f.date) else 0
        if not f.waived_at and f.rule_code:
            m["half_days"] += int(json.loads(f.rule_snapshot or "{}").get("half_days", 0))
    swap_counts = swaps.counts(first, nxt)
    leave = _leave_days(first, nxt)
    summary = []
    for sid, name in sorted(staff.items(), key=lambda kv: kv[1]):
        r, m = rows[sid], money.get(sid, {})
        leave_days = sum(n for (s, _k), n in leave.items() if s == sid)
        summary.append((name, r["rostered"], r["signed"], r["early"], r["not_early"], r["late"],
                        r["absent"], m.get("half_days", 0) / 2, m.get("n", 0),
                        yuan(m.get("fined", 0)), yuan(m.get("waived", 0)),
                        yuan(m.get("fined", 0) - m.get("waived", 0)),
                        yuan(m.get("paid_day", 0)), yuan(m.get("reward", 0)),
                        swap_counts.get(sid, 0), leave_days))
    tables = [ReportTable(
        "staff_month", "staff", t("出勤与奖惩汇总", "Attendance, fines and rewards"),
        (t("姓名", "Name"), t("排班", "Rostered"), t("签到", "Signed in"),
         t("提前10分钟", "10 min early"), t("未提前", "Not early"), t("迟到", "Late"),
         t("未到岗", "No sign-in"), t("旷工(天)", "Absence (days)"), t("罚款次数", "Fines"),
         t("罚款(元)", "Fined (yuan)"), t("免除(元)", "Waived"), t("应缴(元)", "Due"),
         t("当天缴清(元)", "Paid same day"), t("奖励(元)", "Rewards"), t("换班", "Swaps"),
         t("请假(天)", "Leave (days)")),
        tuple(summary), empty=t("本月没有排班人员。", "Nobody on the roster this month."))]
    tables.append(ReportTable(
        "staff_ledger", "staff", t("罚款与奖励明细", "Fines and rewards"),
        (t("日期", "Day"), t("姓名", "Name"), t("类别", "Kind"), t("事由", "Reason"),
         t("金额(元)", "Amount"), t("本人确认", "Acknowledged"), t("缴纳", "Paid"),
         t("免除", "Waived")),
        tuple((f.date.isoformat(), f.staff.display_name, fines.kind_name(f.kind, lang),
               text(f.reason_zh, f.reason_en or f.reason_zh, lang), yuan(f.amount_fen),
               "✓" if f.acknowledged_at else "",
               (f"{f.paid_at:%m-%d %H:%M}" + ("" if f.paid_at.date() == f.date
                                               else t(" 非当天", " late"))) if f.paid_at else "",
               t("已免除：", "Waived: ") + f.waive_reason if f.waived_at else "")
              for f in ledger),
        empty=t("本月没有罚款或奖励。", "No fines or rewards this month.")))
    swap_lines = swaps.month_lines(first, nxt, lang)
    tables.append(ReportTable(
        "staff_swaps", "staff", t("换班登记", "Swap register"),
        (t("日期", "Day"), t("申请人", "Asked by"), t("班次", "Shift"), t("换给", "Swapped with"),
         t("还班", "Returned"), t("事由", "Reason"), t("状态", "Status"), t("审批人", "Decided by")),
        tuple((s.requester_date.isoformat(), s.requester, s.requester_shift, s.partner,
               f"{s.partner_date:%m-%d} {s.partner_shift}" if s.partner_date else "",
               s.reason, status_name(s.status, lang), s.decided_by) for s in swap_lines),
        empty=t("本月没有换班。", "No swaps this month.")))
    leaves = LeaveRequest.select().where(LeaveRequest.start < nxt, LeaveRequest.end >= first) \
        .order_by(LeaveRequest.start, LeaveRequest.id)
    tables.append(ReportTable(
        "staff_leave", "staff", t("请假", "Leave"),
        (t("姓名", "Name"), t("类型", "Type"), t("从", "From"), t("到", "To"), t("天数", "Days"),
         t("事由", "Reason"), t("状态", "Status")),
        tuple((r.staff.display_name, Msg(r.kind_zh, r.kind_en).text(lang), r.start.isoformat(),
               r.end.isoformat(), (r.end - r.start).days + 1, r.reason,
               status_name(r.status, lang)) for r in leaves),
        empty=t("本月没有请假。", "No leave this month.")))
    return StaffMonthReport(settings.get("hospital.name") or "", year, month,
                            clock.now().replace(microsecond=0), tuple(tables))


STATUS_NAMES = {"pending": Msg("待审批", "Pending"), "approved": Msg("已批准", "Approved"),
                "rejected": Msg("已驳回", "Refused"), "withdrawn": Msg("已撤回", "Withdrawn")}


def status_name(status: str, lang: str | None = None) -> str:
    return STATUS_NAMES.get(status, Msg.same(status)).text(lang)


# --- output -------------------------------------------------------------------------


def to_csv(report: StaffMonthReport, lang: str | None = None) -> bytes:
    return export.lines_csv(titled.lines(report, lang))


def to_xlsx(report: StaffMonthReport, lang: str | None = None) -> bytes:
    return titled.lines_xlsx(titled.lines(report, lang), report.tables,
                      sheet=text("员工月报", "Staff report", lang),
                      widths={"A": 14, **dict.fromkeys("BCDEFGHIJKLMNOP", 12)})


def to_pdf(report: StaffMonthReport, *, printed_by_name: str = "",
           lang: str | None = None) -> bytes:
    return titled.tables_pdf(hospital=report.hospital, title=report.title(lang),
                      generated_at=report.generated_at, tables=report.tables,
                      printed_by_name=printed_by_name, lang=lang)


def render(report: StaffMonthReport, fmt: str, *, printed_by_name: str = "",
           lang: str | None = None) -> bytes:
    return export.render_as(fmt, pdf=lambda: to_pdf(report, printed_by_name=printed_by_name, lang=lang),
                     csv=lambda: to_csv(report, lang), xlsx=lambda: to_xlsx(report, lang))


def save(report: StaffMonthReport, path: str | os.PathLike[str], *, actor,
         lang: str | None = None) -> Path:
    """Write the report (format by extension) atomically and audit the export."""
    return export.save(report, path, actor=actor, render=render,
                       entity_id=_entity_id(report.year, report.month),
                       describe={"report": "staff_month"}, lang=lang)


def _entity_id(year: int, month: int) -> str:
    return f"staff-{year}-{month:02d}"


def pdf(*, actor, year: int, month: int, lang: str | None = None) -> bytes:
    """The PDF the print preview shows (nothing is audited: the screen calls record_print
    once the print dialog says it printed)."""
    report = build(actor=actor, year=year, month=month, lang=lang)
    return to_pdf(report, printed_by_name=printed_by(actor), lang=lang)


def record_print(*, actor, year: int, month: int, printer: str = "") -> None:
    """Note in the audit log that the month's report went to a printer (call after it did)."""
    export.record_printed(actor=actor, entity_id=_entity_id(year, month),
                          describe={"report": "staff_month"}, printer=printer)
