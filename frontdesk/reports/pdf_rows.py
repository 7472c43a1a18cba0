"""A table of one-line rows for the printed report, drawn straight onto the canvas.

The call-back list of a busy day is ~2,000 rows × 8 columns. platypus' Table
styles, measures and draws every cell one by one (a text object, a state
save and ~12 style lookups per cell), which was most of the report's time.
Rows of plain one-line text all have one height, so this flowable computes
the page split by arithmetic and draws each page's text in one text object,
its backgrounds and rules in a few path operations. It draws what
:func:`frontdesk.reports.pdf._table` styles a Table to look like: header
band repeated on each page, alternating row shading restarting under it,
hairline inner grid (also closing a part at a page break), a rule under the
header on every page and under the table's last row, numbers right-aligned.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

PAD_X = 4  # left and right cell padding, as the Table style's LEFT/RIGHTPADDING
PAD_Y = 2  # top and bottom cell padding
HEADER_RULE_WIDTH = 0.6
GRID_WIDTH = 0.25


# The per-text operator cache (_fast_text) leans on reportlab internals; its test draws
# the same table both ways and compares the bytes (tests/unit/reports/test_pdf_layout.py).
FAST_TEXT = True


class RowTable(Flowable):
    """`header` and `rows` of strings in columns of `widths`; `right` = right-aligned columns."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]],
                 widths: Sequence[float], *, font: str, size: float, right: Sequence[bool],
                 header_bg: str, row_bgs: Sequence[str], rule: str, grid: str,
                 last_part: bool = True):
        super().__init__()
        self.header = list(header)
        self.rows = rows
        self.widths = list(widths)
        self.font, self.size = font, size
        self.leading = size * 1.3
        self.row_height = self.leading + 2 * PAD_Y
        self.right = list(right)
        self.header_bg, self.row_bgs = header_bg, list(row_bgs)
        self.rule, self.grid = rule, grid
        self.last_part = last_part  # the rule under the last row closes the whole table only
        self.hAlign = "LEFT"

    def _part(self, rows, last_part: bool) -> RowTable:
        return RowTable(self.header, rows, self.widths, font=self.font, size=self.size,
                        right=self.right, header_bg=self.header_bg, row_bgs=self.row_bgs,
                        rule=self.rule, grid=self.grid, last_part=last_part)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self.width = sum(self.widths)
        self.height = self.row_height * (1 + len(self.rows))
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        fit = int(availHeight // self.row_height) - 1  # rows under the repeated header
        if fit >= len(self.rows):
            return [self]
        if fit < 1:
            return []
        return [self._part(self.rows[:fit], False),
                self._part(self.rows[fit:], self.last_part)]

    def _fast_text(self, text, xs: list[float], top: float, lift: float) -> None:
        """What `setTextOrigin(x, y); textOut(value)` per cell writes, operator for operator,
        with each distinct cell text encoded once per document.

        reportlab's textOut maps a TrueType text to its font subsets, escapes it and measures
        it on every call: ~10 µs a cell, 80,000 cells on a 10,000-visit day. A day's cells
        repeat (departments, doctors, times) and the mapping of a text never changes within
        one document (subsets only grow), so the operators are kept per text.
        """
        canv = self.canv
        font_name, size, h = self.font, self.size, self.row_height
        cache = _cell_code(canv, font_name, size, self.leading)
        texts, widths = cache["texts"], cache["widths"]
        code = text._code  # the text object's operator list, as textOut appends to it
        append = code.append
        current = text._curSubset
        right = self.right
        # fp_str(x, y) is fp_str(x) + " " + fp_str(y): a column's x is formatted once
        lefts = [fp_str(x + PAD_X) for x in xs[:-1]]
        rights = [x - PAD_X for x in xs[1:]]
        for i, row in enumerate([self.header, *self.rows]):
            y = fp_str(top - h * i + lift)
            for c, value in enumerate(row):
                if not value:
                    continue
                runs = texts.get(value)
                if runs is None:
                    runs = texts[value] = _encode(canv, cache, font_name, value)
                if right[c]:
                    width = widths.get(value)
                    if width is None:
                        width = widths[value] = stringWidth(value, font_name, size)
                    x = fp_str(rights[c] - width)
                else:
                    x = lefts[c]
                if len(runs) == 1 and runs[0][0] == current:
                    append(f"1 0 0 1 {x} {y} Tm {runs[0][2]}")  # joined by " " all the same
                    continue
                parts = [f"1 0 0 1 {x} {y} Tm"]
                for subset, select, shown in runs:
                    if subset != current:
                        parts.append(select)
                        current = subset
                    parts.append(shown)
                append(" ".join(parts))
        text._curSubset = current

    def draw(self):
        canv = self.canv
        h, widths = self.row_height, self.widths
        n = 1 + len(self.rows)
        top = h * n
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + w)
        width = xs[-1]
        canv.saveState()
        # Backgrounds: the header band, then the data rows' colours from the first row down.
        canv.setFillColor(colors.HexColor(self.header_bg))
        canv.rect(0, top - h, width, h, stroke=0, fill=1)
        shades = [colors.HexColor(c) for c in self.row_bgs]
        for k, shade in enumerate(shades):
            canv.setFillColor(shade)
            path = canv.beginPath()
            for i in range(1 + k, n, len(shades)):
                path.rect(0, top - h * (i + 1), width, h)
            canv.drawPath(path, stroke=0, fill=1)
        # Text: one text object for the page; baseline as Table's MIDDLE alignment puts it.
        font, size = self.font, self.size
        text = canv.beginText()
        text.setFont(font, size, self.leading)
        text.setFillColor(colors.black)
        lift = (self.leading + h) / 2 - size - h  # baseline relative to the row's top
        if FAST_TEXT and canv.bottomup and getattr(pdfmetrics.getFont(font), "_dynamicFont",
                                                   False):
            self._fast_text(text, xs, top, lift)
        else:
            for i, row in enumerate([self.header, *self.rows]):
                y = top - h * i + lift
                for c, value in enumerate(row):
                    if not value:
                        continue
                    if self.right[c]:
                        x = xs[c + 1] - PAD_X - stringWidth(value, font, size)
                    else:
                        x = xs[c] + PAD_X
                    text.setTextOrigin(x, y)
                    text.textOut(value)
        canv.drawText(text)
        # Rules: inner grid (data rows), then the rules under the header and the last row.
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(colors.HexColor(self.rule))
        canv.setLineWidth(HEADER_RULE_WIDTH)
        canv.line(0, top - h, width, top - h)
        if self.last_part:
            canv.line(0, 0, width, 0)
        canv.setStrokeColor(colors.HexColor(self.grid))
        canv.setLineWidth(GRID_WIDTH)
        lines = [(0, top - h * i, width, top - h * i) for i in range(2, n)]
        if not self.last_part:
            lines.append((0, 0, width, 0))  # a page break closes the part with a grid line
        lines += [(x, top - h, x, 0) for x in xs[1:-1]]
        canv.lines(lines)
        canv.restoreState()


def _cell_code(canv, font: str, size: float, leading: float) -> dict:
    """The canvas's cache of encoded cell texts for one font and size: a canvas draws one
    document, and a text's subset mapping is fixed within a document."""
    caches = canv.__dict__.setdefault("_frontdesk_cell_code", {})
    key = (font, size, leading)
    if key not in caches:
        caches[key] = {"texts": {}, "widths": {}, "selects": {},
                       "tmpl": f"{fp_str(size)} Tf {fp_str(leading)} TL"}
    return caches[key]


def _encode(canv, cache: dict, font_name: str, value: str) -> tuple:
    """((subset, font-select operator, show operator), ...) of `value`: exactly the pieces
    reportlab's PDFTextObject._formatText joins for a TrueType font."""
    font = pdfmetrics.getFont(font_name)
    doc = canv._doc
    selects = cache["selects"]
    runs = []
    ascii_readable = cache.get("ascii")
    if ascii_readable is None:
        font.splitString(" ", doc)  # makes the document's subset state if it has none yet
        assigned = font.state[doc].assignments
        # asciiReadable fonts map printable ASCII to itself in subset 0 from the start
        ascii_readable = cache["ascii"] = all(assigned.get(n) == n for n in range(32, 127))
    if ascii_readable and value.isascii() and value.isprintable():
        chunks = [(0, value.encode("ascii"))]  # what splitString gives for such a text
    else:
        chunks = font.splitString(value, doc)
    for subset, chunk in chunks:
        select = selects.get(subset)
        if select is None:
            select = selects[subset] = \
                f"{font.getSubsetInternalName(subset, doc)} {cache['tmpl']}"
        runs.append((subset, select, f"({canv._escape(chunk)}) Tj"))
    return tuple(runs)
