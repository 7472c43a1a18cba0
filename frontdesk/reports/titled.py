"""Writing a report made of titled tables (ReportTable): the service desk's and the staff report.

One PDF layout (A4 landscape, the daily report's page furniture and table flowables) and
the CSV / XLSX writers over a report's lines (one list a row, the tables one after another).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from frontdesk import clock
from frontdesk.export_safety import csv_row, xlsx_row
from frontdesk.i18n import text
from frontdesk.reports.tables import ReportTable


def made_at(generated_at: dt.datetime, lang: str | None) -> str:
    return text(f"生成于 {generated_at:%Y-%m-%d %H:%M}", f"Made at {generated_at:%Y-%m-%d %H:%M}",
                lang)


def lines_csv(lines: Iterable[list]) -> bytes:
    """The lines as CSV (UTF-8 with BOM for Excel, CRLF), every cell made safe."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(csv_row(r) for r in lines)
    return buf.getvalue().encode("utf-8-sig")


def lines_xlsx(lines: Iterable[list], tables: Sequence[ReportTable], *, sheet: str,
               widths: dict[str, float]) -> bytes:
    """The lines on one sheet; the tables' titles and column headers in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    titles = {t.title for t in tables}
    headers = {tuple(t.columns) for t in tables}
    for line in lines:
        bold = Font(bold=True) if (len(line) == 1 and line[0] in titles) or \
            tuple(line) in headers else None
        ws.append(xlsx_row(ws, line, bold))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def page_furniture(font: str, hospital: str, title: str, by: str, lang: str | None) -> dict:
    """What reports.pdf's canvas prints on every page: hospital, title, printed by/at, page."""
    at = clock.now()
    return {
        "font": font,
        "hospital": hospital or text("（未设置医院名称）", "(hospital name not set)", lang),
        "title": title,
        "printed": text(f"打印人：{by or '—'}    打印时间：{at:%Y-%m-%d %H:%M}",
                        f"Printed by {by or '—'} at {at:%Y-%m-%d %H:%M}", lang),
        "confidential": text("内部资料 注意保密", "Confidential", lang),
        "page": (lambda x, y: text(f"第 {x} / {y} 页", f"Page {x} of {y}", lang)),
    }


def tables_pdf(*, hospital: str, title: str, generated_at: dt.datetime,
               tables: Sequence[ReportTable], printed_by_name: str = "",
               lang: str | None = None) -> bytes:
    """A4 landscape, the reports' page furniture (hospital, title, page x / y, printed by)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from frontdesk.reports.pdf import BOTTOM, MARGIN, TOP, _canvas_class, _styles, _table_flowables
    from frontdesk.slips.fonts import ensure_font

    font = ensure_font()
    styles = _styles(font)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=TOP, bottomMargin=BOTTOM, title=title,
                            author=hospital or "Frontdesk", creator="Frontdesk")
    footer = page_furniture(font, hospital, title, printed_by_name, lang)
    story = [Paragraph(escape(hospital), styles["hospital"]),
             Paragraph(escape(title), styles["title"]),
             Paragraph(escape(made_at(generated_at, lang)), styles["meta"])]
    for table in tables:
        story += _table_flowables(table, styles, doc.width, lang)
    doc.build(story, canvasmaker=_canvas_class(footer))
    return buf.getvalue()


def render_as(fmt: str, *, pdf, csv, xlsx) -> bytes:
    """The report in `fmt` (".pdf", ".csv", ".xlsx"), each writer called only if chosen."""
    writers = {".pdf": pdf, ".csv": csv, ".xlsx": xlsx}
    if fmt not in writers:
        from frontdesk.reports.export import format_of

        format_of(f"x{fmt}")  # raises the reports' message for a format we do not write
        raise ValueError(fmt)
    return writers[fmt]()


def save_export(path, *, render, actor, report: str, entity_id: str):
    """Write `render(fmt)` (format by the file's extension) atomically and audit the export."""
    from frontdesk import audit
    from frontdesk.reports.access import audit_staff, printed_by
    from frontdesk.reports.export import format_of
    from frontdesk.reports.files import write_atomic

    fmt = format_of(path)
    written = write_atomic(render(fmt), path)
    audit.record(audit_staff(actor), "export", "report", entity_id,
                 {"report": report, "format": fmt.lstrip("."), "file": str(written),
                  "by": printed_by(actor)})
    return written
