"""The printed report: A4, platypus tables and reportlab charts, CJK font embedded.

Every page carries the hospital's name, the report's date, "第 x / y 页",
who printed it and when, and — since the call-back list holds phone numbers —
a confidentiality line. Pure functions: a summary in, PDF bytes out.

The printed daily summary is a summary: its call-back list shows the count and the
tables.PRINTED_CALLBACKS most urgent rows, then how many more there are and that the full
list is in the export (the screen, the CSV and the XLSX keep every row).
"""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from frontdesk import clock
from frontdesk.i18n import text
from frontdesk.reports import charts
from frontdesk.reports.model import DailySummary, RangeSummary
from frontdesk.reports.tables import (
    CONFIDENTIAL,
    SECTION_NAMES,
    ReportTable,
    empty_notice,
    format_cell,
    made_at,
    range_empty_notice,
    tables_for,
    title_for,
)
from frontdesk.slips.fonts import ensure_font

MM = 72 / 25.4
MARGIN = 15 * MM
TOP = 22 * MM  # room for the running header
BOTTOM = 18 * MM  # room for the footer
BODY_SIZE = 8
# A long table with wrapped cells is cut into tables of this many rows: platypus re-measures
# every remaining row at each page split. Tables of one-line rows get fixed heights instead.
ROWS_PER_CHUNK = 200
KEEP_WHOLE = 25  # a table this short is kept on one page with its title
HEADER_BG = "#e8eef5"
ROW_BACKGROUNDS = ("#ffffff", "#f7f9fb")  # alternating, from the first row under the header
RULE = "#9aa5b1"
GRID = "#e3e3e3"


def render_daily_pdf(summary: DailySummary, *, printed_by: str = "",
                     printed_at: dt.datetime | None = None, lang: str | None = None) -> bytes:
    """The daily summary as A4 PDF bytes."""
    return render_pdf(summary, printed_by=printed_by, printed_at=printed_at, lang=lang)


def render_range_pdf(summary: RangeSummary, *, printed_by: str = "",
                     printed_at: dt.datetime | None = None, lang: str | None = None) -> bytes:
    """A weekly/monthly summary as A4 PDF bytes."""
    return render_pdf(summary, printed_by=printed_by, printed_at=printed_at, lang=lang)


def render_pdf(summary: DailySummary | RangeSummary, *, printed_by: str = "",
               printed_at: dt.datetime | None = None, lang: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    font = ensure_font()
    title = title_for(summary, lang)
    styles = _styles(font)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
        bottomMargin=BOTTOM, title=title, author=summary.hospital or "Frontdesk",
        subject=title, creator="Frontdesk")
    footer = page_furniture(font, summary.hospital, title, printed_by, lang, at=printed_at)
    story = _story(summary, styles, doc.width, lang)
    doc.build(story, canvasmaker=_canvas_class(footer))
    return buf.getvalue()


# --- page furniture ------------------------------------------------------------


def page_furniture(font: str, hospital: str, title: str, by: str, lang: str | None, *,
                   at: dt.datetime | None = None) -> dict:
    """What the canvas (_canvas_class) prints on every page: hospital, title, printed by/at (now
    unless `at`), page."""
    at = at or clock.now()
    return {
        "font": font,
        "hospital": hospital or text("（未设置医院名称）", "(hospital name not set)", lang),
        "title": title,
        "printed": text(f"打印人：{by or '—'}    打印时间：{at:%Y-%m-%d %H:%M}",
                        f"Printed by {by or '—'} at {at:%Y-%m-%d %H:%M}", lang),
        "confidential": text("内部资料 注意保密", "Confidential", lang),
        "page": (lambda x, y: text(f"第 {x} / {y} 页", f"Page {x} of {y}", lang)),
    }


def _canvas_class(footer: dict):
    """A canvas that knows the page count when it draws each page's header and footer."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            width, height = self._pagesize
            f = footer["font"]
            self.saveState()
            self.setFont(f, 9)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawString(MARGIN, height - 12 * MM, footer["hospital"])
            self.drawRightString(width - MARGIN, height - 12 * MM, footer["title"])
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(MARGIN, height - 14 * MM, width - MARGIN, height - 14 * MM)
            self.line(MARGIN, 13 * MM, width - MARGIN, 13 * MM)
            self.setFont(f, 7.5)
            self.drawString(MARGIN, 9 * MM, footer["printed"])
            self.drawCentredString(width / 2, 5 * MM, footer["confidential"])
            self.drawRightString(width - MARGIN, 9 * MM, footer["page"](number, total))
            self.restoreState()

    return NumberedCanvas


def _styles(font: str) -> dict:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.35,
                          wordWrap="CJK")
    return {
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=BODY_SIZE - 0.5,
                               leading=(BODY_SIZE - 0.5) * 1.3),
        "hospital": ParagraphStyle("hospital", parent=base, fontSize=16, leading=22,
                                   alignment=1),
        "title": ParagraphStyle("title", parent=base, fontSize=13, leading=18, alignment=1,
                                spaceAfter=2),
        "meta": ParagraphStyle("meta", parent=base, fontSize=8, alignment=1,
                               textColor=colors.HexColor("#555555"), spaceAfter=6),
        "section": ParagraphStyle("section", parent=base, fontSize=12, leading=16,
                                  spaceBefore=8, spaceAfter=4,
                                  textColor=colors.HexColor("#1f3b5a")),
        "table_title": ParagraphStyle("table_title", parent=base, fontSize=9.5, leading=13,
                                      spaceBefore=6, spaceAfter=3),
        "note": ParagraphStyle("note", parent=base, fontSize=7, leading=9.5,
                               textColor=colors.HexColor("#555555"), spaceBefore=2),
        "empty": ParagraphStyle("empty", parent=base, textColor=colors.HexColor("#666666"),
                                leftIndent=6),
        "notice": ParagraphStyle("notice", parent=base, fontSize=10, leading=14,
                                 borderColor=colors.HexColor("#c9a227"), borderWidth=0.8,
                                 borderPadding=6, backColor=colors.HexColor("#fff8e1"),
                                 spaceBefore=6, spaceAfter=10),
        "lead": ParagraphStyle("lead", parent=base, fontSize=9, leading=13),
        "lead_note": ParagraphStyle("lead_note", parent=base, fontSize=7.5, leading=10,
                                    textColor=colors.HexColor("#555555"), spaceAfter=4),
        # "...and K more, the full list is in the export": not to be missed under a long list
        "more": ParagraphStyle("more", parent=base, fontSize=9, leading=13,
                               borderColor=colors.HexColor("#c9a227"), borderWidth=0.6,
                               borderPadding=4, backColor=colors.HexColor("#fff8e1"),
                               spaceBefore=8, spaceAfter=6),
        "warning": ParagraphStyle("warning", parent=base, fontSize=8, leading=11,
                                  textColor=colors.HexColor("#8a1c1c"), spaceBefore=2,
                                  spaceAfter=4),
    }


# --- the body ----------------------------------------------------------------


def _story(summary, styles, width: float, lang) -> list:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    story: list = [
        Paragraph(escape(summary.hospital or ""), styles["hospital"]),
        Paragraph(escape(title_for(summary, lang)), styles["title"]),
        Paragraph(escape(made_at(summary.generated_at, lang)), styles["meta"]),
    ]
    if summary.is_empty:
        notice = empty_notice(lang) if isinstance(summary, DailySummary) else \
            range_empty_notice(lang)
        story.append(Paragraph(escape(notice), styles["notice"]))
    section = None
    chart_list = charts.charts_for(summary, lang)
    # As printed: the call-back list cut to its most urgent rows (tables.PRINTED_CALLBACKS).
    for table in tables_for(summary, lang, printed=True):
        if table.section != section:
            section = table.section
            story.append(CondPageBreak(60 * MM))
            heading = Paragraph(escape(SECTION_NAMES[section].text(lang)), styles["section"])
            if section == "callbacks":
                story.append(KeepTogether([heading, Paragraph(escape(CONFIDENTIAL.text(lang)),
                                                              styles["warning"])]))
            else:
                story.append(heading)
            if section in ("breakdown", "days") and not summary.is_empty:
                # the per-day chart goes with the day table; the rest with the breakdowns
                picked = chart_list[:1] if section == "days" else chart_list[-3:]
                for drawing in picked:
                    story += [KeepTogether([drawing]), Spacer(1, 4 * MM)]
        story += _table_flowables(table, styles, width, lang)
    return story


def _table_flowables(table: ReportTable, styles, width: float, lang) -> list:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph

    # A table named like its section needs no second heading.
    head = [] if table.title == SECTION_NAMES[table.section].text(lang) else \
        [Paragraph(escape(table.title), styles["table_title"])]
    for line, style in zip(table.lead.splitlines(), ("lead", "lead_note"), strict=False):
        head.append(Paragraph(escape(line), styles[style]))
    # The call-back list's confidentiality note is printed under its section heading.
    note = [] if not table.note or table.note == CONFIDENTIAL.text(lang) else \
        [Paragraph(escape(table.note), styles["more" if table.key == "callbacks" else "note"])]
    if not table.rows:
        return [KeepTogether([*head, Paragraph(escape(table.empty or "—"), styles["empty"]),
                              *note])]
    columns = _shown_columns(table)
    widest: list[float] = []
    widths = _column_widths(table, styles["cell"], width, widest, columns)
    header = _cells(table.columns, widths, styles)
    if all(w + 8 <= widths[c] for c, w in enumerate(widest)) and \
            all(isinstance(c, str) for c in header):
        # every text fits its column (the common case): one line per row, drawn directly
        # and split by arithmetic (see pdf_rows); no cell is measured again
        tables = [_row_table(table, [header, *zip(*columns, strict=True)], widths, styles)]
    else:
        measured: dict[str, float] = {}  # text -> width: a day's cells repeat
        cells = [header] + [_cells(row, widths, styles, measured) for row in table.rows]
        if any(not isinstance(c, str) for row in cells for c in row):
            # wrapped cells: platypus must measure rows, so cut long tables beforehand
            parts = [cells[:1] + cells[i:i + ROWS_PER_CHUNK]
                     for i in range(1, len(cells), ROWS_PER_CHUNK)]
            tables = [_table(table, part, widths, styles, fixed=False) for part in parts]
        else:
            tables = [_row_table(table, cells, widths, styles)]
    if len(table.rows) <= KEEP_WHOLE:
        return [KeepTogether([*head, tables[0], *note])]
    # a long table starts on this page only if its title and a few rows fit
    return [CondPageBreak(40 * MM), *head, *tables, *note]


def _shown_columns(table: ReportTable) -> list[tuple[str, ...]]:
    """Each column's cells as format_cell shows them; a column of texts is taken as it is
    and one of whole numbers converted in one C loop (a call-back list has 80,000 cells)."""
    out = []
    for column in zip(*table.rows, strict=True):
        kinds = set(map(type, column))
        if kinds <= {str}:
            out.append(column)
        elif kinds <= {int}:
            out.append(tuple(map(str, column)))
        else:
            out.append(tuple(map(format_cell, column)))
    return out


def _width_of(text: str, font: str, size: float, measured: dict[str, float]) -> float:
    width = measured.get(text)
    if width is None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = measured[text] = stringWidth(text, font, size)
    return width


def _column_widths(table: ReportTable, style, width: float,
                   widest: list[float] | None = None,
                   columns: list[tuple[str, ...]] | None = None) -> list[float]:
    """Widths from the widest text in each column, scaled to the page; long text gets more.

    `widest`, when given, receives each column's widest text width (header included);
    `columns` are the cells as shown (_shown_columns), made here when not given.
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    pad = 8
    measure, size = getFont(style.fontName).stringWidth, style.fontSize
    columns = _shown_columns(table) if columns is None else columns
    natural = []
    for name, column in zip(table.columns, columns, strict=True):
        # Every row counts (row 1,000 of a call-back list is wider than row 400), but a
        # value that repeats (a department, a date) is measured once.
        shown = set(column)
        shown.add(name)
        most = max(measure(v, size) for v in shown)
        if widest is not None:
            widest.append(most)
        natural.append(min(most, 200) + pad)
    total = sum(natural)
    if total <= width:
        # spread the spare room over the text columns so the table fills the line
        spare = width - total
        texty = [i for i, column in enumerate(zip(*table.rows, strict=True))
                 if str in set(map(type, column))] or list(range(len(natural)))
        return [w + (spare / len(texty) if i in texty else 0) for i, w in enumerate(natural)]
    floor = [min(w, 40) for w in natural]  # short columns keep their size
    flexible = width - sum(floor)
    extra = [w - f for w, f in zip(natural, floor, strict=True)]
    scale = flexible / sum(extra) if sum(extra) else 0
    return [f + e * scale for f, e in zip(floor, extra, strict=True)]


def _cells(values, widths: list[float], styles, measured: dict[str, float] | None = None
           ) -> list:
    """Cell texts; a text wider than its column becomes a Paragraph that wraps.

    A plain string cell is drawn by RowTable (or a styled Table) far more cheaply than a
    Paragraph: only what must wrap becomes one. `measured` caches text widths.
    """
    cell = styles["cell"]
    font, size = cell.fontName, cell.fontSize
    measured = {} if measured is None else measured
    out = []
    for col, value in enumerate(values):
        shown = value if type(value) is str else format_cell(value)
        if _width_of(shown, font, size, measured) + 8 > widths[col]:
            from reportlab.platypus import Paragraph

            out.append(Paragraph(escape(shown), cell))
        else:
            out.append(shown)
    return out


def _numeric_columns(table: ReportTable) -> list[bool]:
    """Columns holding only numbers (or nothing): right-aligned, header included."""
    return [all(isinstance(r[c], int | float) or r[c] is None for r in table.rows)
            for c in range(len(table.columns))]


def _row_table(table: ReportTable, cells: list[list[str]], widths: list[float], styles):
    from frontdesk.reports.pdf_rows import RowTable

    cell = styles["cell"]
    return RowTable(cells[0], cells[1:], widths, font=cell.fontName, size=cell.fontSize,
                    right=_numeric_columns(table), header_bg=HEADER_BG,
                    row_bgs=ROW_BACKGROUNDS, rule=RULE, grid=GRID)


def _table(table: ReportTable, cells: list[list], widths: list[float], styles, *, fixed: bool):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    cell = styles["cell"]
    font, size = cell.fontName, cell.fontSize
    numeric = _numeric_columns(table)
    style = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("LEADING", (0, 0), (-1, -1), size * 1.3),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_BG)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.HexColor(c) for c in ROW_BACKGROUNDS]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(RULE)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.HexColor(RULE)),
        ("INNERGRID", (0, 1), (-1, -1), 0.25, colors.HexColor(GRID)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for c, is_number in enumerate(numeric):
        if is_number:
            style.append(("ALIGN", (c, 0), (c, -1), "RIGHT"))
    heights = [size * 1.3 + 4] * len(cells) if fixed else None
    return Table(cells, colWidths=widths, rowHeights=heights, repeatRows=1,
                 style=TableStyle(style), hAlign="LEFT")
