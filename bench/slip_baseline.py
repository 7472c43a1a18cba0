"""Baseline for the guide-slip benchmark: a bare reportlab page with the slip's strings.

No layout, wrapping, rules or barcodes: one ``drawString`` per string, in the
same embedded font and page format as the slip. bench/run.py compares
``slips.render_guide`` against it (docs/BENCHMARKS.md). Benchmark code, so it
lives here and not in the product's ``frontdesk.slips`` API. In a new process
the font is whatever registered it first: ``register_bare_font`` (reportlab's
own parse, the bare page) or ``ensure_font`` (the app's font cache).
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontdesk.slips import BillingSlip, GuideSlip, slip_texts
from frontdesk.slips.fonts import ensure_font
from frontdesk.slips.layout import page_format


def register_bare_font() -> str:
    """Register the slip's font as a bare reportlab program does: reportlab's ``TTFont``
    parses the whole file (no Frontdesk font cache), under the app's font name, so the
    baseline draws in the very same font and ``ensure_font`` finds it registered.
    The first bare page of a session (bench/first_slip.py bare) calls this first."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from frontdesk.paths import resource_path
    from frontdesk.slips.fonts import FONT_FILE, FONT_NAME, FONT_SUBFONT_INDEX

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path(*FONT_FILE)),
                                       subfontIndex=FONT_SUBFONT_INDEX))
    return FONT_NAME


def bench_baseline(slip: GuideSlip | BillingSlip | None = None, fmt: str = "roll80",
                   lang: str | None = None, *, texts: list[str] | None = None) -> bytes:
    """A bare reportlab page with the same font and the same strings as the slip.

    Pass `texts` (from ``slips.slip_texts``) to time only the page itself; with
    neither a slip nor texts, the sample guide slip's strings are drawn.
    """
    if texts is None:
        if slip is None:
            from frontdesk.slips.samples import sample_guide_slip

            slip = sample_guide_slip()
        texts = slip_texts(slip, fmt, lang)
    f = page_format(fmt)
    font = ensure_font()
    size = f.base_pt
    height = f.height_mm * mm if f.height_mm else (len(texts) * size * 1.3 + 2 * f.margin)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(f.width, height), invariant=1, initialFontName=font,
               initialFontSize=size)
    c.setFont(font, size)
    y = height - f.margin - size
    for s in texts:
        c.drawString(f.margin, y, s)
        y -= size * 1.3
    c.showPage()
    c.save()
    return buf.getvalue()
