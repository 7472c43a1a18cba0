"""The printed week roster: A4 landscape, staff × days, the shift patterns as a legend.

Platypus with the reports' page furniture (hospital, title, page x / y, who
printed it), the CJK font embedded. A rest day reads 休, a leave day its type.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from xml.sax.saxutils import escape

from frontdesk import audit, settings
from frontdesk.db.models import Shift
from frontdesk.i18n import Msg, text
from frontdesk.permissions import Perm, require
from frontdesk.staffing import roster

REST_MARK = Msg("休", "Rest")
SHIFT_COLOURS = ("#dbeafe", "#dcfce7", "#fef3c7", "#ede9fe", "#fce7f3", "#e0f2fe")
LEAVE_COLOUR, REST_COLOUR = "#fee2e2", "#f3f4f6"


def cell_text(cell: roster.Cell, shorts: dict[str, str], lang: str | None = None) -> str:
    if cell.leave:
        return cell.leave + ("?" if cell.leave_pending else "")
    if cell.rest:
        return REST_MARK.text(lang)
    return " + ".join(shorts.get(c, c) for c in cell.shifts)


def week_pdf(*, actor, monday: dt.date, lang: str | None = None) -> bytes:
    """The week of `monday` as PDF bytes (audited as a print)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from frontdesk.reports.pdf import BOTTOM, MARGIN, MM, TOP, _canvas_class, _styles
    from frontdesk.reports.titled import page_furniture
    from frontdesk.slips.fonts import ensure_font

    require(actor, Perm.MANAGE_ROSTER)
    week = roster.week(actor=actor, monday=monday, lang=lang)
    font = ensure_font()
    styles = _styles(font)
    hospital = settings.get("hospital.name") or ""
    last = week.days[-1]
    title = text(f"排班表 {week.monday:%Y-%m-%d} 至 {last:%m-%d}",
                 f"Roster {week.monday:%Y-%m-%d} to {last:%m-%d}", lang)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=TOP, bottomMargin=BOTTOM, title=title,
                            author=hospital or "Frontdesk", creator="Frontdesk")
    shorts = {c.code: c.short for c in week.choices}
    colour = {c.code: SHIFT_COLOURS[i % len(SHIFT_COLOURS)] for i, c in enumerate(week.choices)}
    header = [text("姓名", "Name", lang)] + [
        f"{roster.WEEKDAY_NAMES[d.weekday()].text(lang)} {d:%m-%d}" for d in week.days]
    data = [header]
    style = [("FONT", (0, 0), (-1, -1), font, 10), ("GRID", (0, 0), (-1, -1), 0.5, "#9aa5b1"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
             ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("FONTSIZE", (0, 0), (-1, 0), 10)]
    for r, (sid, name, _role) in enumerate(week.staff, start=1):
        row = [name]
        for c, day in enumerate(week.days, start=1):
            cell = week.cell(sid, day)
            row.append(cell_text(cell, shorts, lang))
            fill = LEAVE_COLOUR if cell.leave else REST_COLOUR if cell.rest else \
                colour.get(cell.shifts[0]) if cell.shifts else None
            if fill:
                style.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(fill)))
        data.append(row)
    name_w = 30 * MM
    widths = [name_w] + [(doc.width - name_w) / 7] * 7
    table = Table(data, colWidths=widths, rowHeights=[9 * MM] * len(data), repeatRows=1)
    table.setStyle(TableStyle(style))
    story = [Paragraph(escape(hospital), styles["hospital"]),
             Paragraph(escape(title), styles["title"]), Spacer(1, 3 * MM), table,
             Spacer(1, 5 * MM),
             Paragraph(escape(text("班次说明", "Shift patterns", lang)), styles["table_title"])]
    for c in week.choices:
        shift = Shift.get(Shift.code == c.code)
        breaks = text("；", "; ", lang).join(
            f"{b['start']}–{b['end']} {Msg(b['label_zh'], b['label_en']).text(lang)}"
            for b in json.loads(shift.breaks or "[]"))
        line = text(f"{c.short}（{c.key}）：{shift.start}–{shift.end}"
                    + (f"（{breaks}）" if breaks else ""),
                    f"{c.short} ({c.key}): {shift.start}–{shift.end}"
                    + (f" ({breaks})" if breaks else ""), lang)
        story.append(Paragraph(escape(line), styles["body"]))
    early = roster.staffing_rules.current().arrive_early_minutes
    story.append(Paragraph(escape(text(
        f"休 = 轮休日（每周轮休一天）；请假显示假别，“?”为待审批。每班提前 {early} 分钟到岗；"
        "接班人未到，交班人不得离岗。",
        f"Rest = the weekly rest day; leave shows its type, '?' is awaiting approval. Arrive "
        f"{early} minutes before the shift; stay until relieved.", lang)), styles["note"]))
    for w in week.warnings:
        story.append(Paragraph(escape(w.text(lang)), styles["warning"]))
    from frontdesk.reports.access import printed_by

    doc.build(story, canvasmaker=_canvas_class(
        page_furniture(font, hospital, title, printed_by(actor), lang)))
    audit.record(actor, "print", "roster", week.monday.isoformat(), {})
    return buf.getvalue()
