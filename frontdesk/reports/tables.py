"""A summary laid out as titled tables: the one layout the PDF, CSV, XLSX and screen share.

Cells are plain values — int, float (minutes, percentages, yuan; rounded for
reading), or str — so a spreadsheet gets numbers and every output agrees.
Labels come in the current language (or `lang`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontdesk import leave_reasons, stages
from frontdesk.db.models import FineKind
from frontdesk.i18n import Msg, text
from frontdesk.permissions import role_name
from frontdesk.reports.model import CallbackRow, DailySummary, GroupRow, RangeSummary, Totals

Cell = int | float | str | None


@dataclass(frozen=True)
class ReportTable:
    key: str
    section: str  # key into SECTION_NAMES: tables of one section share a heading / a tab
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str = ""  # what to say instead of an empty table
    note: str = ""
    lead: str = ""  # lines between the title and the rows (the PDF shows them)


SECTION_NAMES: dict[str, Msg] = {
    "overview": Msg("概况", "Overview"),
    "days": Msg("每日明细", "Day by day"),
    "breakdown": Msg("分类统计", "Breakdowns"),
    "flow": Msg("流程时间", "Flow times"),
    "staff": Msg("员工工作量", "Staff"),
    "grooming": Msg("仪容与考勤", "Grooming and sign-in"),
    "handover": Msg("交接班记录", "Handover notes"),
    "callbacks": Msg("回访名单", "Patients to call back"),
}

METRIC_NAMES: dict[str, Msg] = {
    "visits": Msg("就诊总人数", "Visits"),
    "first_visits": Msg("初诊", "First visits"),
    "returning": Msg("复诊", "Returning"),
    "appointments": Msg("预约就诊", "With appointment"),
    "walk_ins": Msg("现场就诊（未预约）", "Walk-ins"),
    "done": Msg("已交医生", "Handed to doctor"),
    "left": Msg("中途离开", "Left"),
    "red_flags": Msg("危急（红旗）患者", "Red-flag patients"),
    "still_open": Msg("尚未完成", "Still in progress"),
    "arrival_rate": Msg("预约到诊率（%）", "Appointment arrival rate (%)"),
    "door_doctor_median": Msg("进门→见医生 中位数（分钟）", "Door → doctor, median (min)"),
}

FLOW_NAMES: dict[str, Msg] = {
    "door_desk": Msg("进门 → 导医台", "Door → desk"),
    "desk_billing": Msg("导医台 → 挂号缴费交接", "Desk → billing handoff"),
    "billing_doctor": Msg("挂号缴费 → 交给医生", "Billing → handed to doctor"),
    "door_doctor": Msg("进门 → 交给医生（全程）", "Door → doctor (overall)"),
    "waited_doctor": Msg("交给医生 → 开始就诊（候诊）", "Handed over → consultation (waited for the doctor)"),
    "consultation": Msg("就诊中（开始 → 结束，含检查）", "In consultation (start → finish, tests included)"),
}

FINE_KINDS: dict[str, Msg] = {
    FineKind.GROOMING: Msg("仪容仪表", "Grooming"),
    FineKind.LATE: Msg("迟到/早退", "Late/early"),  # as the staff report: an early leave too
    FineKind.OTHER: Msg("其他", "Other"),
    FineKind.RULE: Msg("违反规定", "Rule broken"),
    FineKind.REWARD: Msg("奖励", "Reward"),
}

CONFIDENTIAL = Msg("内部资料，注意保密：回访名单含患者电话，仅供回访使用，用后请妥善保管或销毁。",
                "Confidential: the call-back list holds patients' phone numbers. Use it for "
                "follow-up calls only; keep it safe and shred it afterwards.")


def minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def yuan(fen: int) -> float:
    return round(fen / 100, 2)


def clock(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _one(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def label_or(zh: str, en: str, missing: Msg, lang: str | None) -> str:
    """A row's label in `lang`, or `missing` when the row has none (not triaged, no doctor)."""
    return Msg(zh, en or zh).text(lang) if (zh or en) else missing.text(lang)


def _fine_kind(kind: str, lang: str | None) -> str:
    return (FINE_KINDS.get(kind) or Msg.same(kind)).text(lang)


def _stage(stage: str, lang: str | None) -> str:
    return stages.stage_name(stage).text(lang)


def _role(role: str, lang: str | None) -> str:
    return role_name(role).text(lang)


def made_at(generated_at: dt.datetime, lang: str | None = None) -> str:
    """The line under a report's title: when its numbers were read."""
    return text(f"生成于 {generated_at:%Y-%m-%d %H:%M}", f"Made at {generated_at:%Y-%m-%d %H:%M}",
                lang)


def empty_notice(lang: str | None = None) -> str:
    return text("这一天没有就诊记录。以下各项统计均为空。",
                "No visits were recorded on this day; the sections below are empty.", lang)


def range_empty_notice(lang: str | None = None) -> str:
    return text("这段时间没有就诊记录。以下各项统计均为空。",
                "No visits were recorded in this period; the sections below are empty.", lang)


# --- tables shared by the day and the range ---------------------------------


def _appointments(totals: Totals, lang, *, period: bool = False) -> ReportTable:
    rate = totals.arrival_rate
    when = (text("按期间内各天预约", "Bookings in the period", lang) if period
            else text("按当天预约", "Bookings for the day", lang))
    return ReportTable(
        "appointments", "overview", text("预约到诊", "Appointments", lang),
        (text("预约人数", "Booked", lang), text("已到诊", "Arrived", lang),
         text("到诊率（%）", "Arrival rate (%)", lang)),
        ((totals.booked, totals.booked_arrived, None if rate is None else round(rate * 100, 1)),),
        note=when + text("（未取消）统计，同一患者同一天只计一次；到诊 = 预约已到或已关联就诊。",
                         " (not cancelled), one per patient and day; arrived = marked arrived "
                         "or linked to a visit.", lang))


def _left(reasons, lang) -> ReportTable:
    return ReportTable(
        "left", "overview", text("中途离开及原因", "Patients who left, and why", lang),
        (text("原因", "Reason", lang), text("人数", "Patients", lang)),
        tuple((leave_reasons.label(r.reason, lang) or text("未说明", "not given", lang), r.count)
              for r in reasons),
        empty=text("无人中途离开。", "Nobody left.", lang))


def _groups(key: str, title: Msg, first_col: Msg, rows: tuple[GroupRow, ...],
            missing: Msg, lang, *, with_extra: bool = False) -> ReportTable:
    cols = [first_col.text(lang)]
    if with_extra:
        cols.append(text("科室", "Department", lang))
    cols += [text("就诊", "Visits", lang), text("初诊", "First", lang),
             text("预约", "Booked", lang), text("已交医生", "To doctor", lang),
             text("离开", "Left", lang)]
    out = []
    for r in rows:
        row: list = [label_or(r.label_zh, r.label_en, missing, lang)]
        if with_extra:
            row.append(label_or(r.extra_zh, r.extra_en, Msg.same("—"), lang))
        row += [r.visits, r.first_visits, r.appointments, r.done, r.left]
        out.append(tuple(row))
    return ReportTable(key, "breakdown", title.text(lang), tuple(cols), tuple(out),
                       empty=text("无数据。", "No data.", lang))


def _breakdowns(s: DailySummary | RangeSummary, lang) -> list[ReportTable]:
    hours = ReportTable(
        "by_hour", "breakdown", text("按到院时段", "By hour of arrival", lang),
        (text("时段", "Hour", lang), text("到院人数", "Arrivals", lang)),
        tuple((f"{h.hour:02d}:00–{h.hour:02d}:59", h.visits) for h in s.by_hour),
        empty=text("无数据。", "No data.", lang))
    return [
        _groups("by_department", Msg("按科室", "By department"), Msg("科室", "Department"),
                s.by_department, Msg("未分诊", "Not triaged"), lang),
        _groups("by_doctor", Msg("按医生", "By doctor"), Msg("医生", "Doctor"), s.by_doctor,
                Msg("未指定医生", "No doctor yet"), lang, with_extra=True),
        hours,
        _groups("by_media", Msg("按媒体来源", "By media source"), Msg("媒体来源", "Media source"),
                s.by_media, Msg("未填写", "Not asked"), lang),
    ]


def _flow(s, lang) -> ReportTable:
    return ReportTable(
        "flow", "flow", text("流程时间", "Flow times", lang),
        (text("环节", "Step", lang), text("人数", "Patients", lang),
         text("中位数（分钟）", "Median (min)", lang),
         text("90% 分位（分钟）", "90th percentile (min)", lang)),
        tuple((FLOW_NAMES[f.segment].text(lang), f.count, minutes(f.median_s), minutes(f.p90_s))
              for f in s.flow),
        note=text("按各环节事件时间计算；90% 的患者不超过“90% 分位”的时间。",
                  "From the time of each step's event; 90% of patients took no longer than the "
                  "90th percentile.", lang))


def _staff(s, lang) -> ReportTable:
    return ReportTable(
        "staff", "staff", text("员工工作量", "Work per staff member", lang),
        (text("员工", "Staff", lang), text("岗位", "Role", lang),
         text("迎接患者", "Greeted", lang), text("登记交缴费", "Registered", lang),
         text("陪诊交医生", "Escorted", lang)),
        tuple((r.name, _role(r.role, lang), r.greeted, r.registered, r.escorted)
              for r in s.staff),
        empty=text("无记录。", "Nothing recorded.", lang))


def _grooming(s, lang, *, with_rows: bool) -> list[ReportTable]:
    g = s.grooming
    out = [
        ReportTable(
            "grooming_summary", "grooming", text("仪容检查与签到", "Grooming checks and sign-in",
                                                 lang),
            (text("项目", "Item", lang), text("数量", "Count", lang)),
            ((text("检查人数", "Staff checked", lang), g.staff_checked),
             (text("检查次数", "Checks", lang), g.checks),
             (text("不合格人数", "Staff with a failure", lang), g.staff_failed),
             (text("签到人次", "Sign-ins", lang), g.sign_ins),
             (text("迟到人次", "Late sign-ins", lang), g.late_count),
             (text("罚款合计（元，已免除的不计）", "Fines total (yuan, waived excluded)", lang),
              yuan(g.fines_total_fen)))),
        ReportTable(
            "grooming_failures", "grooming", text("不合格项目", "Failures by item", lang),
            (text("项目", "Item", lang), text("不合格次数", "Failures", lang),
             text("当场纠正", "Corrected", lang)),
            tuple((text(f.name_zh, f.name_en or f.name_zh, lang), f.failures, f.corrected)
                  for f in g.failures),
            empty=text("没有不合格项目。", "No failures.", lang)),
    ]
    if with_rows:
        out.append(ReportTable(
            "fines", "grooming", text("罚款", "Fines", lang),
            (text("员工", "Staff", lang), text("类别", "Kind", lang),
             text("金额（元）", "Amount (yuan)", lang), text("事由", "Reason", lang),
             text("已免除", "Waived", lang)),
            tuple((f.staff, _fine_kind(f.kind, lang), yuan(f.amount_fen),
                   text(f.reason_zh, f.reason_en or f.reason_zh, lang),
                   text("是", "yes", lang) if f.waived else "") for f in g.fines),
            empty=text("无罚款。", "No fines.", lang)))
        out.append(ReportTable(
            "late", "grooming", text("迟到签到", "Late sign-ins", lang),
            (text("员工", "Staff", lang), text("班次", "Shift", lang),
             text("签到时间", "Signed in", lang), text("迟到（分钟）", "Minutes late", lang)),
            tuple((r.staff, text(r.shift_zh, r.shift_en or r.shift_zh, lang), clock(r.signed_at),
                   r.minutes_late) for r in g.late_sign_ins),
            empty=text("无人迟到。", "Nobody was late.", lang)))
    else:
        out.append(ReportTable(
            "fine_totals", "grooming", text("罚款（按类别）", "Fines by kind", lang),
            (text("类别", "Kind", lang), text("笔数", "Fines", lang),
             text("金额（元）", "Amount (yuan)", lang), text("已免除笔数", "Waived", lang)),
            tuple((_fine_kind(f.kind, lang), f.count, yuan(f.amount_fen),
                   f.waived) for f in g.fine_totals),
            empty=text("无罚款。", "No fines.", lang)))
    return out


# --- the day ------------------------------------------------------------------


def daily_tables(s: DailySummary, lang: str | None = None, *,
                 printed: bool = False) -> list[ReportTable]:
    """Every table of the daily report, in reading order.

    `printed`: as the printed summary shows them — the call-back list cut to its
    PRINTED_CALLBACKS most urgent rows with their count (the screen and the exports, the
    working lists, keep every row).
    """
    avg_note = (text(f"前 7 天中有就诊的 {s.comparison_days} 天的日均值；流程时间为这几天合并的中位数。",
                     f"Mean per day over the {s.comparison_days} of the previous 7 days that had "
                     "visits; the flow time is the median over those days together.", lang)
                if s.comparison_days else
                text("前 7 天没有就诊记录，无法对比。", "No visits in the previous 7 days to compare "
                     "with.", lang))
    overview = ReportTable(
        "overview", "overview", text("当日概况与前 7 日对比", "The day against the previous 7 days",
                                     lang),
        (text("指标", "Measure", lang), text("当日", "This day", lang),
         text("前 7 日平均", "Previous 7 days", lang)),
        tuple((METRIC_NAMES[c.metric].text(lang), _one(c.value), _one(c.average))
              for c in s.comparison)
        + ((METRIC_NAMES["still_open"].text(lang), s.totals.still_open, None),),
        note=avg_note)
    red = ReportTable(
        "red_flags", "overview", text("危急（红旗）患者", "Red-flag patients", lang),
        (text("排队号", "Queue no.", lang), text("到院", "Arrived", lang),
         text("科室", "Department", lang), text("主诉", "Complaint", lang),
         text("当前环节", "Stage", lang)),
        tuple((text(r.queue_label_zh, r.queue_label_en, lang), clock(r.arrived_at),
               text(r.department_zh, r.department_en or r.department_zh, lang), r.complaint,
               _stage(r.stage, lang)) for r in s.red_flags),
        empty=text("无危急患者。", "No red-flag patients.", lang))
    handover = ReportTable(
        "handover", "handover", text("交接班记录", "Handover notes", lang),
        (text("填写人", "Written by", lang), text("班次", "Shift", lang),
         text("时间", "Time", lang), text("设备", "Equipment", lang),
         text("疑难患者", "Hard cases", lang), text("换班", "Staff swaps", lang),
         text("未完成就诊", "Open visits", lang), text("接班确认", "Acknowledged by", lang)),
        tuple((h.author, text(h.shift_zh, h.shift_en or h.shift_zh, lang), clock(h.written_at),
               h.equipment, h.hard_cases, h.staff_swaps, h.open_visits, h.acknowledged_by)
              for h in s.handovers),
        empty=text("当天没有交接班记录。", "No handover notes were written.", lang))
    callbacks = _callbacks(s, lang, limit=PRINTED_CALLBACKS if printed else None)
    return [overview, _appointments(s.totals, lang), _left(s.left_reasons, lang), red,
            *_breakdowns(s, lang), _flow(s, lang), _staff(s, lang),
            *_grooming(s, lang, with_rows=True), handover, callbacks]


# The printed summary lists this many call-backs, most urgent first, then says how many more
# there are and that the full list is in the export. A supervisor printing a busy day's
# summary (10,000 visits: 9,529 call-backs, 195 pages) wants the day at a glance; the calls
# are made from the list on screen or the exported XLSX / CSV, which keep every row.
PRINTED_CALLBACKS = 50

_CALLBACK_ORDER = Msg("危急（红旗）患者在前，其次初诊，再按到院时间，无电话的在最后。",
                      "Red-flag patients first, then first visits, then by arrival; those "
                      "without a phone number last.")


def callbacks_by_urgency(s: DailySummary) -> list[tuple[int, CallbackRow]]:
    """(number in the full list, row) for every call-back, most urgent first: red-flag
    patients, then first visits (the house rules: call each day's patients back, and plan
    the follow-up of the new ones), then by arrival; a patient without a phone number
    cannot be called and comes last."""
    red = {r.visit_id for r in s.red_flags}
    return sorted(enumerate(s.callbacks, 1),
                  key=lambda nc: (not nc[1].phone, nc[1].visit_id not in red,
                                  not nc[1].first_visit, nc[0]))


def _callbacks(s: DailySummary, lang, *, limit: int | None) -> ReportTable:
    """The call-back list: every row in arrival order, or (`limit`) as printed — the most
    urgent `limit` rows, a line with the count before them and one saying how many more
    there are and where, after them. "#" is always the row's number in the full list."""
    columns = ("#", text("患者", "Patient", lang), text("电话", "Phone", lang),
               text("病历号", "Record no.", lang), text("科室", "Department", lang),
               text("医生", "Doctor", lang), text("到院", "Arrived", lang),
               text("初/复诊", "First/return", lang))
    empty = text("当天没有需要回访的患者。", "Nobody to call back.", lang)

    def row(i: int, c: CallbackRow) -> tuple:
        return (i, c.patient, c.phone or text("（无电话）", "(no phone)", lang), c.record_no,
                text(c.department_zh, c.department_en or c.department_zh, lang), c.doctor,
                clock(c.arrived_at),
                text("初诊", "first", lang) if c.first_visit else text("复诊", "return", lang))

    if limit is None:
        return ReportTable("callbacks", "callbacks", text("回访名单", "Patients to call back", lang),
                           columns, tuple(row(i, c) for i, c in enumerate(s.callbacks, 1)),
                           empty=empty, note=CONFIDENTIAL.text(lang))
    total = len(s.callbacks)
    shown = callbacks_by_urgency(s)[:limit]
    more = total - len(shown)
    red = {r.visit_id for r in s.red_flags}
    first = sum(c.first_visit for c in s.callbacks)
    flagged = sum(c.visit_id in red for c in s.callbacks)
    no_phone = sum(not c.phone for c in s.callbacks)
    parts_zh = [f"初诊 {first:,} 位"] + ([f"危急 {flagged:,} 位"] if flagged else []) + \
        ([f"无电话 {no_phone:,} 位"] if no_phone else [])
    parts_en = [f"{first:,} first visits"] + ([f"{flagged:,} red-flag"] if flagged else []) + \
        ([f"{no_phone:,} without a phone number"] if no_phone else [])
    count = text(f"共 {total:,} 位患者需要回访（{'，'.join(parts_zh)}）。",
                 f"{total:,} patients to call back ({', '.join(parts_en)}).", lang)
    if more:
        count += text(f"以下列出最需先回访的 {len(shown)} 位。",
                      f" Listed: the {len(shown)} to call first.", lang)
    order = text("按紧急程度排列：", "Most urgent first: ", lang) + _CALLBACK_ORDER.text(lang) + \
        text("“#”为完整名单中的序号。", " “#” is the number in the full list.", lang)
    lead = f"{count}\n{order}"  # two lines in the PDF
    note = text(f"……另有 {more:,} 位未打印。完整回访名单（共 {total:,} 位）在导出的 XLSX / CSV "
                "文件中（报表 → 导出…）。",
                f"…and {more:,} more, not printed. The full call-back list ({total:,} patients) "
                "is in the export (Reports → Export… as XLSX or CSV).", lang) if more else ""
    return ReportTable("callbacks", "callbacks", text("回访名单", "Patients to call back", lang),
                       columns, tuple(row(i, c) for i, c in shown), empty=empty,
                       lead=lead if total else "", note=note)


# --- a range of days ----------------------------------------------------------


def range_tables(s: RangeSummary, lang: str | None = None) -> list[ReportTable]:
    """Every table of a weekly/monthly report, in reading order."""
    tot = s.totals
    rate = tot.arrival_rate
    overview = ReportTable(
        "overview", "overview", text("期间概况", "The period at a glance", lang),
        (text("指标", "Measure", lang), text("合计", "Total", lang),
         text("日均", "Per day", lang)),
        tuple((METRIC_NAMES[k].text(lang), v, round(v / s.day_count, 1)) for k, v in (
            ("visits", tot.visits), ("first_visits", tot.first_visits),
            ("returning", tot.returning), ("appointments", tot.appointments),
            ("walk_ins", tot.walk_ins), ("done", tot.done), ("left", tot.left),
            ("red_flags", tot.red_flags)))
        + ((METRIC_NAMES["arrival_rate"].text(lang),
            None if rate is None else round(rate * 100, 1), None),
           (METRIC_NAMES["door_doctor_median"].text(lang),
            minutes(s.flow_time("door_doctor").median_s), None),
           (text("交接班记录（份）", "Handover notes", lang), s.handover_notes, None)),
        note=text(f"{s.start:%Y-%m-%d} 至 {s.end:%Y-%m-%d}，共 {s.day_count} 天。",
                  f"{s.start:%Y-%m-%d} to {s.end:%Y-%m-%d}, {s.day_count} days.", lang))
    days = ReportTable(
        "days", "days", text("每日明细", "Day by day", lang),
        (text("日期", "Date", lang), text("就诊", "Visits", lang), text("初诊", "First", lang),
         text("预约", "Booked", lang), text("已交医生", "To doctor", lang),
         text("离开", "Left", lang), text("红旗", "Red flag", lang),
         text("全程中位（分钟）", "Door→doctor median (min)", lang)),
        tuple((d.day.isoformat(), d.totals.visits, d.totals.first_visits, d.totals.appointments,
               d.totals.done, d.totals.left, d.totals.red_flags, minutes(d.door_doctor_median_s))
              for d in s.days))
    return [overview, days, _appointments(tot, lang, period=True), _left(s.left_reasons, lang),
            *_breakdowns(s, lang), _flow(s, lang), _staff(s, lang),
            *_grooming(s, lang, with_rows=False)]


def tables_for(summary: DailySummary | RangeSummary, lang: str | None = None, *,
               printed: bool = False) -> list[ReportTable]:
    """The summary's tables; `printed`: as the PDF shows them (see daily_tables)."""
    if isinstance(summary, DailySummary):
        return daily_tables(summary, lang, printed=printed)
    return range_tables(summary, lang)


def title_for(summary: DailySummary | RangeSummary, lang: str | None = None) -> str:
    """The report's title line, e.g. "每日工作汇总 2026-11-22（星期日）"."""
    if isinstance(summary, DailySummary):
        wd_zh = "一二三四五六日"[summary.day.weekday()]
        return text(f"每日工作汇总 {summary.day:%Y-%m-%d}（星期{wd_zh}）",
                    f"Daily summary {summary.day:%Y-%m-%d} ({summary.day:%A})", lang)
    return text(f"工作汇总 {summary.start:%Y-%m-%d} 至 {summary.end:%Y-%m-%d}",
                f"Summary {summary.start:%Y-%m-%d} to {summary.end:%Y-%m-%d}", lang)


def format_cell(value: Cell) -> str:
    """A cell as text for the screen and the PDF ("—" for nothing to show)."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value - round(value, 1)) > 1e-9 else f"{value:.1f}"
    return str(value)
