"""Printable grooming records: the A4 check record, the monthly fines report, CSV export.

Rendering is a pure function of plain data (grooming.CheckRecord,
MonthlyFines); the `*_pdf` / `*_csv` wrappers fetch the data with the actor's
permissions and write the print/export to the audit trail. The CJK font is the
slips' bundled one (frontdesk.slips.fonts), embedded in every PDF.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from frontdesk import audit, clock, settings
from frontdesk.errors import ValidationError
from frontdesk.export_safety import csv_row
from frontdesk.files import write_atomic
from frontdesk.i18n import Msg, text
from frontdesk.slips.fonts import ensure_font
from frontdesk.staffing import fines, grooming
from frontdesk.staffing.fines import FineLine, StaffTotal, format_yuan, kind_name
from frontdesk.staffing.grooming import CheckRecord, category_name

MM = 72 / 25.4
MARGIN = 18 * MM
RULE_NOTE = Msg("依据《客服规章制度》第2篇 一 6：上班前由部门负责人检查仪表、仪容，违反一次罚款十元；"
             "二 2：穿工作服出院或进食堂罚款二十元。发现后及时纠正，纠正不免罚款。",
             "Per the house rules (part 2, I.6): the department head checks grooming before the "
             "shift, 10 yuan per violation; II.2: uniform worn outside or in the canteen, "
             "20 yuan. A violation corrected on the spot is still fined.")
LATE_NOTE = Msg("迟到/早退罚款10元，本月第二次起（含第二次）每次20元；按月计算，跨月不累计。",
             "Late arrival or early leave: 10 yuan; from the second time in a month 20 yuan each; "
             "counted per calendar month, not carried over.")

# Colours kept print-friendly: light fills, dark text.
_HEAD_FILL = "#e2e8f0"
_FAIL_FILL = "#fee2e2"
_WAIVED_TEXT = "#64748b"


def _styles(font: str):
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=1,
                                spaceAfter=4 * MM),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11.5, leading=16, spaceBefore=4 * MM,
                             spaceAfter=2 * MM),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "waived": ParagraphStyle("waived", parent=base, fontSize=8, leading=11,
                                 textColor=_WAIVED_TEXT),
        "waived_right": ParagraphStyle("waived_right", parent=base, alignment=2,
                                       textColor=_WAIVED_TEXT, strikeWidth=0.6),
    }


def _esc(value: str) -> str:
    return (value or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace("\n", "<br/>")


def _doc(buffer: io.BytesIO, title: str, footer: str, font: str):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.drawString(MARGIN, 10 * MM, footer)
        canvas.drawRightString(A4[0] - MARGIN, 10 * MM, f"{doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 4 * MM, title=title,
                            author="Frontdesk")
    return doc, on_page


def _table(rows, widths, *, header=True, extra=(), heights=None):
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, "#94a3b8"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL))
    table.setStyle(TableStyle(style + list(extra)))
    return table


def _stamp(lang: str | None) -> str:
    return text("打印时间", "Printed", lang) + f" {clock.now():%Y-%m-%d %H:%M}"


# --- The A4 check record ---------------------------------------------------------


def render_check_record(record: CheckRecord, *, hospital: str = "", lang: str | None = None) -> bytes:
    """One check as an A4 page: who, when, every item's result, fines and sign-off."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    font = ensure_font()
    st = _styles(font)
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731 - local shorthand
    P = lambda s, style="base": Paragraph(_esc(s), st[style])  # noqa: E731
    title = t("仪容仪表检查记录", "Grooming check record")
    buffer = io.BytesIO()
    doc, on_page = _doc(buffer, title, f"{hospital}  ·  {_stamp(lang)}  ·  #{record.id}", font)
    story = [Paragraph(_esc(f"{hospital}　{title}" if hospital else title), st["title"])]

    width = doc.width
    shift = text(record.shift_name_zh, record.shift_name_en or record.shift_name_zh, lang) \
        or t("不在排班表上", "Not on the roster")
    if record.signed_at:
        signed = f"{record.signed_at:%H:%M}"
        if record.minutes_late:
            signed += t(f"（迟到 {record.minutes_late} 分钟）", f" ({record.minutes_late} min late)")
    else:
        signed = t("未签到", "Not signed in")
    kind = t("复查（首次检查 #{0}）", "Re-check (first check #{0})").format(record.recheck_of) \
        if record.recheck_of else t("首次检查", "First check")
    info = [
        [P(t("员工", "Staff")), P(record.staff_name), P(t("检查人", "Checked by")),
         P(record.supervisor_name)],
        [P(t("日期", "Date")), P(f"{record.day:%Y-%m-%d}"), P(t("检查时间", "Checked at")),
         P(f"{record.checked_at:%H:%M}")],
        [P(t("班次", "Shift")), P(shift), P(t("签到", "Signed in")), P(signed)],
        [P(t("类型", "Type")), P(kind), P(t("记录号", "Record no.")), P(f"#{record.id}")],
    ]
    if record.off_shift_reason:
        info.append([P(t("检查原因", "Reason")), P(record.off_shift_reason), "", ""])
    label_fill = [("BACKGROUND", (0, 0), (0, -1), _HEAD_FILL),
                  ("BACKGROUND", (2, 0), (2, -1), _HEAD_FILL)]
    if record.off_shift_reason:
        label_fill.append(("SPAN", (1, len(info) - 1), (3, len(info) - 1)))
    story.append(_table(info, [0.14 * width, 0.36 * width, 0.14 * width, 0.36 * width],
                        header=False, extra=label_fill))

    story.append(Paragraph(_esc(t("检查项目", "Checklist")), st["h2"]))
    rows = [[P(h) for h in (t("序号", "No."), t("类别", "Category"), t("项目", "Item"),
                            t("结果", "Result"), t("备注", "Note"), t("罚款(元)", "Fine (yuan)"))]]
    fills = []
    for i, r in enumerate(record.results, start=1):
        if r.passed:
            result = t("合格", "Pass")
        elif r.corrected:
            result = t("不合格·已当场纠正", "Fail · corrected")
        else:
            result = t("不合格", "Fail")
        if not r.passed and not r.fine_fen and record.recheck_of:
            result += t("（本班已罚）", " (fined earlier this shift)")
        rows.append([P(str(i)), P(category_name(r.category, lang)), P(r.name(lang)), P(result),
                     P(r.note, "small"), P(format_yuan(r.fine_fen) if r.fine_fen else "—", "right")])
        if not r.passed:
            fills.append(("BACKGROUND", (0, i), (-1, i), _FAIL_FILL))
    # Category wide enough for "Appearance" whole; the item text takes the rest.
    story.append(_table(rows, [0.06 * width, 0.15 * width, 0.35 * width, 0.2 * width,
                               0.12 * width, 0.12 * width], extra=fills))

    failures = len(record.failures)
    total = t(f"不合格 {failures} 项，罚款合计 {format_yuan(record.fine_fen)} 元",
              f"{failures} item(s) failed; fines total {format_yuan(record.fine_fen)} yuan")
    if record.waived_fen:
        total += t(f"（其中已免除 {format_yuan(record.waived_fen)} 元）",
                   f" (of which {format_yuan(record.waived_fen)} yuan waived)")
    story += [Spacer(1, 3 * MM), P(total)]
    if record.notes:
        story += [Spacer(1, 2 * MM), P(t("备注：", "Notes: ") + record.notes)]

    signoff = [Paragraph(_esc(t("确认", "Sign-off")), st["h2"])]
    if record.acknowledged_at:
        ack = t(f"{record.staff_name} 已于 {record.acknowledged_at:%Y-%m-%d %H:%M} 以本人 PIN 确认。",
                f"{record.staff_name} acknowledged with their own PIN on "
                f"{record.acknowledged_at:%Y-%m-%d %H:%M}.")
    else:
        ack = t("员工尚未确认。", "Not yet acknowledged by the staff member.")
    sign = [[P(t("员工确认", "Staff")), P(ack)],
            [P(t("员工签字", "Staff signature")), ""],
            [P(t("检查人签字", "Checker's signature")), ""]]
    signoff.append(_table(sign, [0.22 * width, 0.78 * width], header=False,
                          extra=[("BACKGROUND", (0, 0), (0, -1), _HEAD_FILL)],
                          heights=[None, 10 * MM, 10 * MM]))
    # The signatures never stand alone on a page of their own.
    story.append(KeepTogether(signoff))
    story += [Spacer(1, 3 * MM), P(RULE_NOTE.text(lang), "small")]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- The monthly fines report ----------------------------------------------------


@dataclass(frozen=True)
class MonthlyFines:
    year: int
    month: int
    totals: tuple[StaffTotal, ...]
    lines: tuple[FineLine, ...]

    @property
    def due_fen(self) -> int:
        return sum(t.due_fen for t in self.totals)

    @property
    def total_fen(self) -> int:
        return sum(t.total_fen for t in self.totals)

    @property
    def waived_fen(self) -> int:
        return sum(t.waived_fen for t in self.totals)


def monthly_fines(*, actor, year: int, month: int) -> MonthlyFines:
    return MonthlyFines(year, month,
                        tuple(fines.monthly_totals(actor=actor, year=year, month=month)),
                        tuple(fines.fines_for(actor=actor, year=year, month=month)))


def render_monthly_fines(report: MonthlyFines, *, hospital: str = "",
                         lang: str | None = None) -> bytes:
    """Per-staff totals then every fine of the month (waived ones shown, marked)."""
    from reportlab.platypus import Paragraph, Spacer

    font = ensure_font()
    st = _styles(font)
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731
    P = lambda s, style="base": Paragraph(_esc(s), st[style])  # noqa: E731
    title = t(f"{report.year}年{report.month}月 罚款汇总",
              f"Fines for {report.year}-{report.month:02d}")
    buffer = io.BytesIO()
    doc, on_page = _doc(buffer, title, f"{hospital}  ·  {_stamp(lang)}", font)
    width = doc.width
    story = [Paragraph(_esc(f"{hospital}　{title}" if hospital else title), st["title"])]

    story.append(Paragraph(_esc(t("按员工汇总", "Per staff member")), st["h2"]))
    head = (t("姓名", "Name"), t("笔数", "Count"), t("仪容", "Grooming"), t("迟到/早退", "Late"),
            t("罚款(元)", "Fined"), t("已免除(元)", "Waived"), t("应缴(元)", "Due"))
    rows = [[P(h) for h in head]]
    for s in report.totals:
        rows.append([P(s.staff_name), P(str(s.count), "right"), P(str(s.grooming_count), "right"),
                     P(str(s.late_count), "right"), P(format_yuan(s.total_fen), "right"),
                     P(format_yuan(s.waived_fen), "right"), P(format_yuan(s.due_fen), "right")])
    if not report.totals:
        rows.append([P(t("本月没有罚款。", "No fines this month.")), "", "", "", "", "", ""])
    rows.append([P(t("合计", "Total")), P(str(len(report.lines)), "right"), "", "",
                 P(format_yuan(report.total_fen), "right"),
                 P(format_yuan(report.waived_fen), "right"),
                 P(format_yuan(report.due_fen), "right")])
    extra = [("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), _HEAD_FILL)]
    if not report.totals:
        extra.append(("SPAN", (0, 1), (-1, 1)))
    story.append(_table(rows, [0.18 * width, 0.09 * width, 0.09 * width, 0.14 * width]
                        + [0.1666 * width] * 3,
                        extra=extra))

    story.append(Paragraph(_esc(t("明细", "Details")), st["h2"]))
    rows = [[P(h) for h in (t("日期", "Date"), t("姓名", "Name"), t("类别", "Kind"),
                            t("事由", "Reason"), t("金额(元)", "Yuan"), t("状态", "Status"))]]
    for f in report.lines:
        status = (t(f"已免除：{f.waive_reason}（{f.waived_by_name}）",
                    f"Waived: {f.waive_reason} ({f.waived_by_name})") if f.waived else "")
        # A waived fine stays in the list, greyed and its amount struck through.
        amount = format_yuan(f.amount_fen)
        rows.append([P(f"{f.day:%m-%d}"), P(f.staff_name), P(kind_name(f.kind, lang)),
                     P(f.reason(lang), "waived" if f.waived else "small"),
                     Paragraph(f"<strike>{amount}</strike>", st["waived_right"]) if f.waived
                     else P(amount, "right"),
                     P(status, "waived")])
    story.append(_table(rows, [0.09 * width, 0.13 * width, 0.12 * width, 0.36 * width,
                               0.1 * width, 0.2 * width]))
    story += [Spacer(1, 4 * MM), P(LATE_NOTE.text(lang), "small"), P(RULE_NOTE.text(lang), "small")]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- CSV ---------------------------------------------------------------------------


def render_fines_csv(report: MonthlyFines, *, lang: str | None = None) -> str:
    """Every fine of the month, one row each; amounts in yuan with two decimals."""
    t = lambda zh, en: text(zh, en, lang)  # noqa: E731
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t("日期", "Date"), t("姓名", "Name"), t("类别", "Kind"), t("事由", "Reason"),
                     t("金额(元)", "Amount (yuan)"), t("已免除", "Waived"),
                     t("免除理由", "Waiver reason"), t("免除人", "Waived by"),
                     t("记录人", "Recorded by"), t("记录号", "Fine no.")])
    for f in report.lines:
        # Names and reasons are typed at the desk: never let one run as a formula.
        writer.writerow(csv_row([f.day.isoformat(), f.staff_name, kind_name(f.kind, lang),
                                 f.reason(lang), format_yuan(f.amount_fen),
                                 t("是", "yes") if f.waived else t("否", "no"), f.waive_reason,
                                 f.waived_by_name, f.created_by_name, f.id]))
    return out.getvalue()


# --- With permissions and audit ------------------------------------------------------


def check_record_pdf(*, actor, check_id: int, lang: str | None = None) -> bytes:
    record = grooming.check_record(actor=actor, check_id=check_id)
    data = render_check_record(record, hospital=settings.hospital_name(), lang=lang)
    audit.record(actor, "print", "grooming_check", check_id, {"document": "check_record"})
    return data


def monthly_fines_pdf(*, actor, year: int, month: int, lang: str | None = None) -> bytes:
    report = monthly_fines(actor=actor, year=year, month=month)
    data = render_monthly_fines(report, hospital=settings.hospital_name(), lang=lang)
    audit.record(actor, "print", "fines_report", f"{year}-{month:02d}", {"document": "pdf"})
    return data


def export_monthly_fines(*, actor, year: int, month: int, path: str | os.PathLike[str],
                         lang: str | None = None) -> Path:
    """Write the month's fines as .pdf or .csv (by the file's extension), atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        report = monthly_fines(actor=actor, year=year, month=month)
        data = render_monthly_fines(report, hospital=settings.hospital_name(), lang=lang)
    elif suffix == ".csv":
        report = monthly_fines(actor=actor, year=year, month=month)
        # UTF-8 with BOM: Excel on Chinese Windows then opens it without garbling.
        data = render_fines_csv(report, lang=lang).encode("utf-8-sig")
    else:
        raise ValidationError("文件名须以 .pdf 或 .csv 结尾。",
                              "The file name must end in .pdf or .csv.", field="out")
    written = write_atomic(data, target, private=True)  # fines are personal: owner-only
    audit.record(actor, "export", "fines_report", f"{year}-{month:02d}",
                 {"format": suffix[1:], "lines": len(report.lines)})
    return written
