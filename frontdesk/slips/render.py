"""Guide and billing slips as PDF bytes (reportlab), in three paper formats.

Pure functions: plain dataclasses in, bytes out. The same bytes are written to
a file, previewed and printed (frontdesk.ui.widgets.printing), so file and paper agree.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontdesk.i18n import text
from frontdesk.slips.barcodes import code128_natural_width, code128_rects, qr_rects
from frontdesk.slips.fonts import ensure_font
from frontdesk.slips.layout import (
    Amount,
    Block,
    Field,
    Graphic,
    PageFormat,
    Rule,
    Space,
    Text,
    align_fields,
    draw_all,
    fit,
    page_format,
)
from frontdesk.slips.model import (
    BillingSlip,
    GuideSlip,
    clean_text,
    format_fen,
    format_time,
    mask_name,
    qr_payload,
    validate_billing,
    validate_guide,
)

CREATOR = "Frontdesk"
QR_QUIET_ROUND = 0.5  # QR sizes are rounded to half a point so the cache can hit


def _label(zh: str, en: str, lang: str | None) -> str:
    return text(f"{zh}：", f"{en}: ", lang)


def _qr_graphic(payload: str, fmt: PageFormat) -> Graphic:
    def make(width: float, scale: float):
        size = min(fmt.qr_mm * mm * scale, width)
        size = round(size / QR_QUIET_ROUND) * QR_QUIET_ROUND
        return qr_rects(payload, size), size, size

    return Graphic(make)


def _code128_graphic(value: str, fmt: PageFormat) -> Graphic:
    def make(width: float, scale: float):
        h = round(fmt.barcode_height_mm * mm * scale, 1)
        w = round(min(code128_natural_width(value, fmt.bar_width_mm * mm), width), 1)
        return code128_rects(value, w, h), w, h

    return Graphic(make)


def guide_blocks(slip: GuideSlip, fmt: str | PageFormat = "roll80",
                 lang: str | None = None) -> list[Block]:
    """The guide slip as layout blocks (validated; the name is masked here)."""
    validate_guide(slip)
    f = page_format(fmt)
    base, small = f.base_pt, f.base_pt * 0.85
    L = lambda zh, en: _label(zh, en, lang)  # noqa: E731
    blocks: list[Block] = [
        Text(clean_text(slip.hospital), f.title_pt, align="center", bold=True, max_lines=3),
        Text(text("导诊单", "Guide slip", lang), small, align="center"),
        Rule(f.gap_mm * mm * 0.6),
        Text(text("排队号", "Queue number", lang), small, align="center"),
        Text(clean_text(slip.queue_number), f.queue_pt, align="center", bold=True, fit=True),
        Rule(f.gap_mm * mm * 0.6),
        Field(L("科室", "Department"), clean_text(slip.department), base, bold=True),
    ]
    place = " · ".join(p for p in (clean_text(slip.room), clean_text(slip.floor)) if p)
    if place:
        blocks.append(Field(L("诊室", "Room"), place, base, bold=True))
    if clean_text(slip.directions):
        blocks.append(Field(L("路线", "Directions"), clean_text(slip.directions), base))
    doctor = clean_text(slip.doctor_name)
    title = clean_text(slip.doctor_title)
    if doctor or title:
        shown = (text(f"{doctor}（{title}）", f"{doctor} ({title})", lang)
                 if doctor and title else doctor or title)
        blocks.append(Field(L("医生", "Doctor"), shown, base))
    when = format_time(slip.time)
    if when:
        blocks.append(Field(L("时间", "Time"), when, base))
    masked = mask_name(slip.patient_name)
    if masked:
        blocks.append(Field(L("患者", "Patient"), masked, base))
    number = clean_text(slip.visit_no)
    payload = number or qr_payload(slip.visit_id)
    shown = number or str(slip.visit_id)
    blocks += [
        Space(f.gap_mm * mm * 0.5),
        _qr_graphic(payload, f),
        Text(text(f"就诊号 {shown} · 请在诊室出示",
                  f"Visit No. {shown} · show this at the clinic room", lang),
             small, align="center"),
        Rule(f.gap_mm * mm * 0.6),
        Text(clean_text(slip.farewell) if slip.farewell is not None
             else text("祝您健康", "Wishing you good health", lang),
             f.title_pt, align="center", bold=True),
    ]
    return align_fields(blocks)


def billing_blocks(slip: BillingSlip, fmt: str | PageFormat = "roll80",
                   lang: str | None = None) -> list[Block]:
    """The billing slip as layout blocks (validated)."""
    total = validate_billing(slip)
    f = page_format(fmt)
    base, small = f.base_pt, f.base_pt * 0.85
    L = lambda zh, en: _label(zh, en, lang)  # noqa: E731
    record = clean_text(slip.record_no)
    blocks: list[Block] = [
        Text(clean_text(slip.hospital), f.title_pt, align="center", bold=True, max_lines=3),
        Text(text("缴费单", "Billing slip", lang), small, align="center"),
        Rule(f.gap_mm * mm * 0.6),
        Field(L("就诊号", "Visit No."), clean_text(slip.visit_no), base, bold=True),
    ]
    when = format_time(slip.time)
    if when:
        blocks.append(Field(L("时间", "Time"), when, base))
    blocks += [
        Space(f.gap_mm * mm * 0.3),
        _code128_graphic(record, f),
        Text(L("病历号", "Record No.") + record, small, align="center"),
        Field(L("患者", "Patient"), clean_text(slip.patient_name), base),
        Field(L("科室", "Department"), clean_text(slip.department), base),
    ]
    if clean_text(slip.doctor):
        blocks.append(Field(L("医生", "Doctor"), clean_text(slip.doctor), base))
    blocks += [
        Rule(f.gap_mm * mm * 0.6),
        Amount(text("项目", "Item", lang), text("金额", "Amount", lang), small),
    ]
    for line in slip.lines:
        blocks.append(Amount(clean_text(line.label), format_fen(line.amount_fen), base))
    if slip.waiver is not None:
        blocks.append(Amount(
            text("减免：", "Waiver: ", lang) + clean_text(slip.waiver.label),
            format_fen(-slip.waiver.amount_fen), base))
    blocks += [
        Rule(f.gap_mm * mm * 0.6, dashed=False),
        Amount(text("合计", "Total", lang), format_fen(total), f.title_pt, bold=True),
        Space(f.gap_mm * mm * 0.5),
        Text(pay_note(total, lang), small, align="center"),
    ]
    return align_fields(blocks)


def pay_note(total_fen: int, lang: str | None = None) -> str:
    """The slip's last line: where to pay, or that nothing is to be paid."""
    if total_fen <= 0:
        return text("本次无需缴费，请凭此单直接到科室候诊",
                    "Nothing to pay: go straight to the department with this slip", lang)
    return text("请持此单到收费处缴费", "Please pay at the cashier with this slip", lang)


def _render(blocks: list[Block], fmt: PageFormat, title: str, subject: str) -> bytes:
    font = ensure_font()
    page_h, scale, zoom, _ = fit(blocks, fmt)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(fmt.width, page_h), invariant=1, initialFontName=font,
               initialFontSize=fmt.base_pt)
    # Metadata never carries the patient's name.
    c.setTitle(title)
    c.setSubject(subject)
    c.setAuthor(subject)
    c.setCreator(CREATOR)
    width = fmt.width - 2 * fmt.margin
    gap = fmt.gap_mm * mm
    if zoom < 1.0:
        c.translate(fmt.margin, page_h - fmt.margin)
        c.scale(zoom, zoom)
        draw_all(c, blocks, 0, 0, width / zoom, gap, scale)
    else:
        draw_all(c, blocks, fmt.margin, page_h - fmt.margin, width, gap, scale)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_guide(slip: GuideSlip, fmt: str = "roll80", *, lang: str | None = None) -> bytes:
    """导诊单 as PDF bytes. `fmt`: ``roll80``, ``a5`` or ``a4``; `lang`: ``zh_CN``/``en``
    (default: the current :mod:`frontdesk.i18n` language)."""
    f = page_format(fmt)
    blocks = guide_blocks(slip, f, lang)
    title = text("导诊单", "Guide slip", lang) + " " + clean_text(slip.queue_number)
    return _render(blocks, f, title, clean_text(slip.hospital))


def render_billing(slip: BillingSlip, fmt: str = "roll80", *, lang: str | None = None) -> bytes:
    """缴费单 as PDF bytes (formats and language as :func:`render_guide`)."""
    f = page_format(fmt)
    blocks = billing_blocks(slip, f, lang)
    title = text("缴费单", "Billing slip", lang) + " " + clean_text(slip.visit_no)
    return _render(blocks, f, title, clean_text(slip.hospital))


def slip_texts(slip: GuideSlip | BillingSlip, fmt: str = "roll80",
               lang: str | None = None) -> list[str]:
    """Every string the slip prints, in order (bench/slip_baseline.py draws them bare)."""
    blocks = (guide_blocks if isinstance(slip, GuideSlip) else billing_blocks)(slip, fmt, lang)
    return [t for b in blocks for t in b.texts if t]
