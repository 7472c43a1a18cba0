"""Writing a report made of titled tables (ReportTable): the service desk's and the staff report.

What is theirs alone: one PDF layout (A4 landscape, the daily report's page furniture and
table flowables) and one XLSX sheet. Their lines (:func:`lines`), the CSV, the format
switch and the audited save are the daily summary's (frontdesk.reports.export).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from frontdesk.export_safety import xlsx_row
from frontdesk.reports.export import table_lines
from frontdesk.reports.pdf import page_furniture  # noqa: F401 - the roster PDF takes it here
from frontdesk.reports.tables import ReportTable, made_at


def lines(report, lang: str | None) -> list[list]:
    """A titled report (`hospital`, `title(lang)`, `generated_at`, `tables`) as lines: its
    heading, then every table under its title (export.table_lines)."""
    return table_lines([[report.hospital], [report.title(lang)],
                        [made_at(report.generated_at, lang)]], report.tables)


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


def tables_pdf(*, hospital: str, title: str, generated_at: dt.datetime,
               tables: Sequence[ReportTable], printed_by_name: str = "",
               lang: str | None = None) -> bytes:
    """A4 landscape, the reports' page furniture (hospital, title, page x / y, printed by)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from frontdesk.reports.pdf import (
        BOTTOM,
        MARGIN,
        TOP,
        _canvas_class,
        _styles,
        _table_flowables,
    )
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
