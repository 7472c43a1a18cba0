"""Printable slips (导诊单, 缴费单) as PDF: pure functions of plain data.

Never imports Qt; the printing UI lives in :mod:`frontdesk.ui.widgets.printing`.
reportlab is imported on first use of the rendering functions, so importing
this package stays cheap.
"""

from __future__ import annotations

from frontdesk.slips.model import (
    QR_PREFIX,
    BillingSlip,
    FeeLine,
    GuideSlip,
    SlipFormat,
    SlipKind,
    Waiver,
    clean_text,
    format_fen,
    mask_name,
    parse_qr_payload,
    qr_payload,
    validate_billing,
    validate_guide,
)
from frontdesk.slips.output import write_pdf

FORMATS = tuple(SlipFormat)
KINDS = tuple(SlipKind)

__all__ = [
    "FORMATS", "KINDS", "QR_PREFIX", "BillingSlip", "FeeLine", "GuideSlip", "SlipFormat",
    "SlipKind", "Waiver",
    "clean_text", "format_fen", "mask_name", "parse_qr_payload",
    "qr_payload", "render_billing", "render_guide", "render_slip", "slip_texts",
    "validate_billing", "validate_guide", "warm_up", "write_pdf",
]


def warm_up() -> None:
    """Load reportlab, the embedded CJK font and the QR encoder once, on the app's worker
    after its first frame, so the desk's first slip of the day prints as fast as any other
    (cold, that first slip pays about 70 ms of imports and of reading the font's cached
    tables; the first session after installing, or after a font or reportlab update, also
    pays for reportlab parsing the font and for writing the cache: frontdesk.slips.fontcache)."""
    from frontdesk.slips.samples import sample_guide_slip

    render_guide(sample_guide_slip())


def render_guide(slip: GuideSlip, fmt: str = "roll80", *, lang: str | None = None) -> bytes:
    from frontdesk.slips import render

    return render.render_guide(slip, fmt, lang=lang)


def render_billing(slip: BillingSlip, fmt: str = "roll80", *, lang: str | None = None) -> bytes:
    from frontdesk.slips import render

    return render.render_billing(slip, fmt, lang=lang)


def render_slip(slip: GuideSlip | BillingSlip, fmt: str = "roll80", *,
                lang: str | None = None) -> bytes:
    """Any kind of slip, chosen by its type."""
    from frontdesk.slips.ticket import DoorTicket, render_ticket

    if isinstance(slip, DoorTicket):
        return render_ticket(slip, fmt, lang=lang)
    if isinstance(slip, GuideSlip):
        return render_guide(slip, fmt, lang=lang)
    return render_billing(slip, fmt, lang=lang)


def slip_texts(slip: GuideSlip | BillingSlip, fmt: str = "roll80",
               lang: str | None = None) -> list[str]:
    from frontdesk.slips import render

    return render.slip_texts(slip, fmt, lang)
