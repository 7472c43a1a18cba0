"""The report's charts as reportlab Drawings: printed in the PDF, shown on screen.

The screen cannot rasterise a Drawing itself (renderPM's backend is not
installed), so :func:`chart_pdf` makes a one-page PDF of a chart, which the
reports screen renders with QtPdf — the chart on screen is the printed one.
"""

from __future__ import annotations

from frontdesk.i18n import Msg, text
from frontdesk.reports.model import DailySummary, RangeSummary
from frontdesk.reports.tables import label_or
from frontdesk.slips.fonts import ensure_font

WIDTH = 510  # points: A4 less 15 mm margins
BAR = "#3b6ea5"
GRID = "#d9d9d9"
MAX_BARS = 12  # departments / sources beyond this are summed into "others"


def _title(drawing, label: str, font: str) -> None:
    from reportlab.graphics.shapes import String

    drawing.add(String(0, drawing.height - 12, label, fontName=font, fontSize=10,
                       fillColor="#222222"))


def _vertical(labels: list[str], values: list[int], title: str, *, height: int = 170,
              y_title: str = "", label_every: int = 1):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String

    font = ensure_font()
    d = Drawing(WIDTH, height)
    _title(d, title, font)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = WIDTH - 55, height - 62
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = [
        lab if i % label_every == 0 else "" for i, lab in enumerate(labels or [""])]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    _style_values(chart, values, font, bar_label_size=6.5)
    chart.barLabels.nudge = 6
    if len(values) > 40:
        chart.barLabelFormat = None  # a month of bars: numbers would collide
    d.add(chart)
    if y_title:
        d.add(String(0, height - 26, y_title, fontName=font, fontSize=7, fillColor="#555555"))
    return d


def _style_values(chart, values: list[int], font: str, *, bar_label_size: float) -> None:
    """The value axis (from 0, a little headroom, about five steps, grid) and the bars
    with their counts: the same on the vertical and the horizontal charts."""
    from reportlab.lib import colors

    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(values or [0])
    chart.valueAxis.valueMax = max(4, top + max(1, top // 8))
    chart.valueAxis.valueStep = max(1, -(-chart.valueAxis.valueMax // 5))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor(GRID)
    chart.bars[0].fillColor = colors.HexColor(BAR)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = bar_label_size


def _horizontal(labels: list[str], values: list[int], title: str):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing

    font = ensure_font()
    rows = max(1, len(values))
    height = 52 + rows * 16
    d = Drawing(WIDTH, height)
    _title(d, title, font)
    chart = HorizontalBarChart()
    chart.x, chart.y = 120, 20  # room below for the value axis labels
    chart.width, chart.height = WIDTH - 150, height - 42
    # reportlab draws the first category at the bottom; the biggest should be on top
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _style_values(chart, values, font, bar_label_size=7)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _top(rows, missing: Msg, lang) -> tuple[list[str], list[int]]:
    labels = [label_or(r.label_zh, r.label_en, missing, lang) for r in rows[:MAX_BARS]]
    values = [r.visits for r in rows[:MAX_BARS]]
    rest = sum(r.visits for r in rows[MAX_BARS:])
    if rest:
        # Not "其他": a media source is itself called 其他 (Other), and its bar of 14 stood
        # beside a bar "其他 171" that summed the sources without a bar of their own.
        n = len(rows) - MAX_BARS
        labels.append(text(f"其余 {n} 项", f"{n} more", lang))
        values.append(rest)
    return labels, values


def chart_hours(summary: DailySummary | RangeSummary) -> list[int]:
    """The hours the hour chart draws: 08-18 always, so two days look alike, and any hour
    with arrivals; on a day summary made that same day, no hour after the hour it was made
    (an hour that has not happened yet is not an hour with no arrivals)."""
    counts = {h.hour for h in summary.by_hour}
    first = min([8, *counts])
    last = max([18, *counts])
    until = so_far(summary)
    if until is not None:
        last = max([min(last, until.hour), *counts])
    return list(range(first, last + 1))


def so_far(summary: DailySummary | RangeSummary):
    """The time a day summary was made, when it was made on that day (the day is not
    over yet); None for a past day or a range."""
    if isinstance(summary, DailySummary) and summary.generated_at.date() == summary.day:
        return summary.generated_at
    return None


def hour_chart(summary: DailySummary | RangeSummary, lang: str | None = None):
    """Arrivals per hour (chart_hours)."""
    counts = {h.hour: h.visits for h in summary.by_hour}
    hours = chart_hours(summary)
    title = text("按到院时段（时）", "Arrivals by hour", lang)
    until = so_far(summary)
    if until is not None:
        title += text(f"（截至 {until:%H:%M}）", f" (until {until:%H:%M})", lang)
    return _vertical([f"{h:02d}" for h in hours], [counts.get(h, 0) for h in hours],
                     title, y_title=text("人数", "patients", lang))


def department_chart(summary: DailySummary | RangeSummary, lang: str | None = None):
    labels, values = _top(summary.by_department, Msg("未分诊", "Not triaged"), lang)
    return _horizontal(labels, values, text("按科室（人数）", "Visits by department", lang))


def media_chart(summary: DailySummary | RangeSummary, lang: str | None = None):
    labels, values = _top(summary.by_media, Msg("未填写", "Not asked"), lang)
    return _horizontal(labels, values, text("按媒体来源（人数）", "Visits by media source", lang))


def days_chart(summary: RangeSummary, lang: str | None = None):
    labels = [f"{d.day:%m-%d}" for d in summary.days]
    every = max(1, -(-len(labels) // 16))  # at most ~16 date labels fit across A4
    return _vertical(labels, [d.totals.visits for d in summary.days],
                     text("每日就诊人数", "Visits per day", lang), label_every=every,
                     y_title=text("人数", "patients", lang))


def charts_for(summary: DailySummary | RangeSummary, lang: str | None = None) -> list:
    """The charts of a report, in the order they are printed."""
    out = []
    if isinstance(summary, RangeSummary):
        out.append(days_chart(summary, lang))
    out += [hour_chart(summary, lang), department_chart(summary, lang),
            media_chart(summary, lang)]
    return out


def chart_pdfs(summary: DailySummary | RangeSummary) -> list[bytes]:
    """The report's charts as one-page PDFs for the screen (none for an empty report)."""
    return [] if summary.is_empty else [chart_pdf(d) for d in charts_for(summary)]


def chart_pdf(drawing) -> bytes:
    """One chart as a one-page PDF the size of the drawing (for the screen)."""
    from reportlab.graphics import renderPDF

    return renderPDF.drawToString(drawing)
