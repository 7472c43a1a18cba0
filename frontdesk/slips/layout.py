"""Page formats (millimetre constants) and a tiny block layout engine.

A slip is a column of blocks (text, label/value fields, rules, barcodes). Each
block measures itself for a width and a scale, then draws at a top-left
point. The 80 mm roll gets exactly the height its content needs; fixed pages
(A5, A4) shrink everything until it fits, so nothing ever runs off the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from frontdesk.errors import ValidationError
from frontdesk.slips.barcodes import Rects, draw_rects
from frontdesk.slips.fonts import ensure_font
from frontdesk.slips.model import SlipFormat

LINE_HEIGHT = 1.3  # line box as a multiple of the font size
BASELINE = 0.92  # baseline below the line box top, as a multiple of the font size
FAKE_BOLD = 0.035  # stroke width (× size) for "bold" in a font with no bold face
MAX_FIELD_LINES = 6  # a runaway text ends in "…" instead of a metre of paper
ELLIPSIS = "…"
NO_LINE_START = set("，。、；：！？）》」』】〕’”,.;:!?)]}%…·")
NO_LINE_END = set("（《「『【〔‘“([{")


@dataclass(frozen=True)
class PageFormat:
    name: str
    width_mm: float
    height_mm: float | None  # None: receipt roll, height fits the content
    margin_mm: float
    base_pt: float  # body text
    title_pt: float  # hospital name, farewell
    queue_pt: float  # the big queue number
    qr_mm: float
    barcode_height_mm: float
    bar_width_mm: float  # Code128 narrow bar
    gap_mm: float  # space between blocks
    min_height_mm: float = 0.0

    @property
    def width(self) -> float:
        return self.width_mm * mm

    @property
    def margin(self) -> float:
        return self.margin_mm * mm


FORMATS: dict[str, PageFormat] = {
    # 80 mm thermal paper prints about 72 mm; keep 4 mm each side.
    SlipFormat.ROLL80: PageFormat("roll80", 80, None, 4, 9, 12, 36, 26, 11, 0.30, 1.6, 60),
    SlipFormat.A5: PageFormat("a5", 148, 210, 12, 12, 17, 54, 36, 15, 0.38, 2.4),
    SlipFormat.A4: PageFormat("a4", 210, 297, 18, 14, 22, 72, 46, 18, 0.45, 3.0),
}


def page_format(fmt: str | PageFormat) -> PageFormat:
    if isinstance(fmt, PageFormat):
        return fmt
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ValidationError(
            f"未知的纸张格式：{fmt!r}（可选 {', '.join(FORMATS)}）",
            f"Unknown paper format: {fmt!r} (choose {', '.join(FORMATS)})",
            field="format",
        ) from None


# ---------------------------------------------------------------- text metrics

_widths: dict[str, float] | None = None


def _char_width(ch: str) -> float:
    """Advance width of `ch` at 1 pt (cached per character)."""
    global _widths
    if _widths is None:
        _widths = {}
    w = _widths.get(ch)
    if w is None:
        w = pdfmetrics.stringWidth(ch, ensure_font(), 1.0)
        _widths[ch] = w
    return w


def text_width(s: str, size: float) -> float:
    return sum(_char_width(c) for c in s) * size


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_.:/@#+()")


def wrap(text: str, width: float, size: float, max_lines: int = MAX_FIELD_LINES,
         first_width: float | None = None) -> list[str]:
    """Break `text` into lines no wider than `width` at `size` points.

    CJK breaks between any two characters; Latin words break at spaces when
    they can and are split only when a single word is wider than the line.
    """
    if not text:
        return [""]
    lines: list[str] = []
    limit = (first_width if first_width is not None else width) / size
    cur: list[str] = []
    cur_w = 0.0
    for ch in text:
        w = _char_width(ch)
        if cur and cur_w + w > limit:
            if ch == " ":
                lines.append("".join(cur).rstrip())
                cur, cur_w = [], 0.0
                limit = width / size
                continue
            carry: list[str] = []
            if _is_word_char(ch) and _is_word_char(cur[-1]) and " " in cur:
                cut = len(cur) - 1 - cur[::-1].index(" ")
                carry = cur[cut + 1:]
                cur = cur[:cut]
            elif len(cur) > 1 and (ch in NO_LINE_START or cur[-1] in NO_LINE_END):
                carry = cur[-1:]  # 避头尾: no "，" opening a line, no "（" closing one
                cur = cur[:-1]
            lines.append("".join(cur).rstrip())
            cur = carry
            cur_w = sum(_char_width(c) for c in cur)
            limit = width / size
        if not cur and ch == " ":
            continue
        cur.append(ch)
        cur_w += w
    if cur or not lines:
        lines.append("".join(cur).rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and (text_width(last + ELLIPSIS, size) > width):
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last + ELLIPSIS]
    return lines


# ---------------------------------------------------------------- blocks


class Block:
    """Measure with ``measure(width, scale)`` (returns the height), then ``draw``."""

    texts: tuple[str, ...] = ()
    height: float = 0.0  # set by measure_all

    def measure(self, width: float, scale: float) -> float:  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, c, x: float, top: float, width: float) -> None:  # pragma: no cover
        raise NotImplementedError


def _draw_line(c, x: float, baseline: float, s: str, size: float, bold: bool) -> None:
    c.setFont(ensure_font(), size)
    if bold:
        c.setLineWidth(size * FAKE_BOLD)
        c.drawString(x, baseline, s, mode=2)
    else:
        c.drawString(x, baseline, s)


class Text(Block):
    """A paragraph; `fit=True` keeps it on one line by shrinking it instead."""

    def __init__(self, text: str, size: float, *, align: str = "left", bold: bool = False,
                 fit: bool = False, max_lines: int = MAX_FIELD_LINES, space_after: float = 0):
        self.text, self.size, self.align, self.bold = text, size, align, bold
        self.fit, self.max_lines, self.space_after = fit, max_lines, space_after
        self.texts = (text,)

    def measure(self, width: float, scale: float) -> float:
        size = self.size * scale
        if self.fit:
            natural = text_width(self.text, size)
            if natural > width:
                size = max(size * width / natural * 0.999, 4.0)
        self._size = size
        self._lines = wrap(self.text, width, size, self.max_lines)
        self._space = self.space_after * scale
        return len(self._lines) * size * LINE_HEIGHT + self._space

    def draw(self, c, x: float, top: float, width: float) -> None:
        size = self._size
        for i, line in enumerate(self._lines):
            base = top - i * size * LINE_HEIGHT - size * BASELINE
            if self.align == "center":
                lx = x + (width - text_width(line, size)) / 2
            elif self.align == "right":
                lx = x + width - text_width(line, size)
            else:
                lx = x
            _draw_line(c, lx, base, line, size, self.bold)


class Field(Block):
    """``label：value`` with the value's continuation lines hanging under itself."""

    def __init__(self, label: str, value: str, size: float, *, bold: bool = False,
                 label_width_em: float | None = None):
        self.label, self.value, self.size, self.bold = label, value, size, bold
        self.label_width_em = label_width_em
        self.texts = (label, value)

    def measure(self, width: float, scale: float) -> float:
        size = self.size * scale
        self._size = size
        lw = text_width(self.label, size) + size * 0.4
        if self.label_width_em:
            lw = max(lw, self.label_width_em * size)
        if lw > width * 0.45:  # a long (English) label goes on its own line
            self._label_w = 0.0
            self._label_own_line = True
            self._lines = wrap(self.value, width, size)
            return (len(self._lines) + 1) * size * LINE_HEIGHT
        self._label_w = lw
        self._label_own_line = False
        self._lines = wrap(self.value, width - lw, size)
        return len(self._lines) * size * LINE_HEIGHT

    def draw(self, c, x: float, top: float, width: float) -> None:
        size = self._size
        step = size * LINE_HEIGHT
        _draw_line(c, x, top - size * BASELINE, self.label, size, False)
        if self._label_own_line:
            top -= step
        for i, line in enumerate(self._lines):
            _draw_line(c, x + self._label_w, top - i * step - size * BASELINE, line, size,
                       self.bold)


class Amount(Block):
    """A fee row: label on the left (wrapped), amount right-aligned on its first line."""

    def __init__(self, label: str, amount: str, size: float, *, bold: bool = False):
        self.label, self.amount, self.size, self.bold = label, amount, size, bold
        self.texts = (label, amount)

    def measure(self, width: float, scale: float) -> float:
        size = self.size * scale
        self._size = size
        self._aw = text_width(self.amount, size)
        self._lines = wrap(self.label, max(width - self._aw - size, width * 0.3), size)
        return len(self._lines) * size * LINE_HEIGHT

    def draw(self, c, x: float, top: float, width: float) -> None:
        size = self._size
        step = size * LINE_HEIGHT
        for i, line in enumerate(self._lines):
            _draw_line(c, x, top - i * step - size * BASELINE, line, size, self.bold)
        _draw_line(c, x + width - self._aw, top - size * BASELINE, self.amount, size, self.bold)


class Rule(Block):
    def __init__(self, gap: float, *, dashed: bool = True, weight: float = 0.6):
        self.gap, self.dashed, self.weight = gap, dashed, weight

    def measure(self, width: float, scale: float) -> float:
        self._gap = self.gap * scale
        return self._gap * 2

    def draw(self, c, x: float, top: float, width: float) -> None:
        y = top - self._gap
        c.setLineWidth(self.weight)
        if self.dashed:
            c.setDash(2, 2)
        c.line(x, y, x + width, y)
        if self.dashed:
            c.setDash()


class Space(Block):
    def __init__(self, height: float):
        self.height = height

    def measure(self, width: float, scale: float) -> float:
        return self.height * scale

    def draw(self, c, x: float, top: float, width: float) -> None:
        pass


class Graphic(Block):
    """Pre-computed filled rectangles (a QR code or a barcode), centred.

    `make(width, scale)` returns ``(rects, w, h)``; it is called at measure time
    so the graphic can adapt to the column (a long barcode narrows its bars).
    """

    def __init__(self, make, space_after: float = 0):
        self.make = make
        self.space_after = space_after

    def measure(self, width: float, scale: float) -> float:
        self._rects, self._w, self._h = self.make(width, scale)
        return self._h + self.space_after * scale

    def draw(self, c, x: float, top: float, width: float) -> None:
        rects: Rects = self._rects
        draw_rects(c, rects, x + (width - self._w) / 2, top - self._h)


def align_fields(blocks: list[Block]) -> list[Block]:
    """Give every Field the same label column, so the values line up."""
    fields = [b for b in blocks if isinstance(b, Field)]
    if fields:
        col = max(text_width(f.label, f.size) + f.size * 0.4 for f in fields)
        for f in fields:
            f.label_width_em = col / f.size
    return blocks


def measure_all(blocks: list[Block], width: float, scale: float, gap: float) -> float:
    total = 0.0
    for b in blocks:
        b.height = b.measure(width, scale)
        total += b.height
    return total + gap * scale * max(len(blocks) - 1, 0)


def draw_all(c, blocks: list[Block], x: float, top: float, width: float, gap: float,
             scale: float) -> None:
    """Draw blocks as last measured by :func:`measure_all` (same width and scale)."""
    y = top
    for b in blocks:
        b.draw(c, x, y, width)
        y -= b.height + gap * scale


SHRINK_STEPS = (1.0, 0.92, 0.85, 0.78, 0.7, 0.62, 0.55, 0.48, 0.42)


def fit(blocks: list[Block], fmt: PageFormat) -> tuple[float, float, float, float]:
    """Choose a scale so the blocks fit the page.

    Returns ``(page_height, scale, zoom, height)``: `scale` multiplies font and
    graphic sizes; `zoom` (≤ 1) is a last-resort canvas zoom for fixed pages.
    """
    width = fmt.width - 2 * fmt.margin
    gap = fmt.gap_mm * mm
    if fmt.height_mm is None:
        h = measure_all(blocks, width, 1.0, gap)
        page_h = max(h + 2 * fmt.margin, fmt.min_height_mm * mm)
        return page_h, 1.0, 1.0, h
    page_h = fmt.height_mm * mm
    avail = page_h - 2 * fmt.margin
    for s in SHRINK_STEPS:
        h = measure_all(blocks, width, s, gap)
        if h <= avail:
            return page_h, s, 1.0, h
    s = SHRINK_STEPS[-1]
    zoom = avail / h
    for _ in range(4):  # wider virtual column → fewer lines → re-check
        h = measure_all(blocks, width / zoom, s, gap)
        if h * zoom <= avail:
            break
        zoom = avail / h
    return page_h, s, zoom, h
