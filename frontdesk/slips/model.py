"""Plain data for printable slips, and the small pure helpers around it.

Nothing here knows about reportlab or Qt: the dataclasses are filled in by the
reception flow (or the CLI) and handed to :mod:`frontdesk.slips.render`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from frontdesk.errors import ValidationError
from frontdesk.money import format_fen  # noqa: F401 - also the slips API

# The slips' public names, kept: the one mask lives in frontdesk.privacy (the board uses it).
from frontdesk.privacy import COMPOUND_SURNAMES, mask_name  # noqa: F401
from frontdesk.privacy import one_line as clean_text

QR_PREFIX = "FD-VISIT:"


class SlipKind(StrEnum):
    """Which slip: the value is what settings keys, audit details and the CLI use."""

    GUIDE = "guide"  # 导诊单: where to go
    BILLING = "billing"  # 缴费单: what to pay
    TICKET = "ticket"  # 取号小票: the door's number, big (frontdesk.slips.ticket)


class SlipFormat(StrEnum):
    """Paper a slip is laid out for (geometry: frontdesk.slips.layout)."""

    ROLL80 = "roll80"  # 80 mm receipt roll
    A5 = "a5"
    A4 = "a4"


def qr_payload(visit_id: int) -> str:
    """The text the guide slip's QR code carries: ``FD-VISIT:123``."""
    if isinstance(visit_id, bool) or not isinstance(visit_id, int) or visit_id <= 0:
        raise ValidationError(
            f"就诊编号无效：{visit_id!r}", f"Invalid visit id: {visit_id!r}", field="visit_id"
        )
    return f"{QR_PREFIX}{visit_id}"


def parse_qr_payload(payload: str) -> int:
    """Inverse of :func:`qr_payload` (for a scanner at the clinic room)."""
    s = (payload or "").strip() if isinstance(payload, str | None) else ""
    digits = s[len(QR_PREFIX):]
    if s.startswith(QR_PREFIX) and digits.isascii() and digits.isdigit() and len(digits) <= 19:
        visit_id = int(s[len(QR_PREFIX):])
        if visit_id > 0:
            return visit_id
    raise ValidationError(
        f"不是本系统的导诊单二维码：{payload!r}",
        f"Not a Frontdesk guide-slip QR code: {payload!r}",
    )


def format_time(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return clean_text(value)


def _check_fen(amount: object, what_zh: str, what_en: str) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError(
            f"{what_zh}金额无效（应为以分计的非负整数）：{amount!r}",
            f"Invalid amount for {what_en} (expected non-negative whole fen): {amount!r}",
        )
    return amount


@dataclass(frozen=True)
class GuideSlip:
    """导诊单: what the patient carries to the clinic room."""

    hospital: str
    queue_number: str  # e.g. "内-012"
    department: str
    room: str = ""
    floor: str = ""
    directions: str = ""  # short, may contain line breaks (normalised when printed)
    doctor_name: str = ""
    doctor_title: str = ""
    time: datetime | str | None = None
    patient_name: str = ""  # full name; only the masked form is ever printed
    visit_id: int = 0
    farewell: str | None = None  # None: 祝您健康 (or its English form)
    # The visit's one visible number ("V20261123-0042"), printed and carried by the QR code
    # so the next desk or clinic room can scan it to open the visit. "" on old callers:
    # the QR then carries the internal FD-VISIT form.
    visit_no: str = ""


@dataclass(frozen=True)
class FeeLine:
    label: str
    amount_fen: int


@dataclass(frozen=True)
class Waiver:
    """An amount taken off, e.g. VIP 金卡 waives the registration fee."""

    label: str
    amount_fen: int


@dataclass(frozen=True)
class BillingSlip:
    """缴费单: what the cashier needs to take the registration fee."""

    hospital: str
    visit_no: str
    record_no: str  # printed as a Code128 barcode
    patient_name: str
    department: str
    doctor: str = ""  # name and title, e.g. "张伟 主任医师"
    lines: Sequence[FeeLine] = field(default_factory=tuple)
    waiver: Waiver | None = None
    total_fen: int | None = None  # None: computed; given: must match the lines
    time: datetime | str | None = None

    @property
    def subtotal_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    def computed_total_fen(self) -> int:
        return self.subtotal_fen - (self.waiver.amount_fen if self.waiver else 0)


def validate_guide(slip: GuideSlip) -> None:
    if not clean_text(slip.department):
        raise ValidationError(
            "该就诊尚未分诊到科室，不能打印导诊单。",
            "This visit has no department yet, so no guide slip can be printed.",
            field="department",
        )
    if not clean_text(slip.queue_number):
        raise ValidationError(
            "该就诊还没有排队号，不能打印导诊单。",
            "This visit has no queue number yet, so no guide slip can be printed.",
            field="queue_number",
        )
    qr_payload(slip.visit_id)


_CODE128_OK = re.compile(r"^[\x20-\x7e]{1,64}$")


def validate_billing(slip: BillingSlip) -> int:
    """Check a billing slip; return the total in fen."""
    if not clean_text(slip.department):
        raise ValidationError(
            "该就诊尚未分诊到科室，不能打印缴费单。",
            "This visit has no department yet, so no billing slip can be printed.",
            field="department",
        )
    if not clean_text(slip.visit_no):
        raise ValidationError("缴费单缺少就诊号。", "The billing slip has no visit number.",
                              field="visit_no")
    record = clean_text(slip.record_no)
    if not _CODE128_OK.match(record):
        raise ValidationError(
            f"病历号无法印成条码（只允许 1–64 个英文字母、数字或符号）：{slip.record_no!r}",
            f"The record number cannot be printed as a barcode "
            f"(1–64 Latin letters, digits or symbols only): {slip.record_no!r}",
            field="record_no",
        )
    for line in slip.lines:
        _check_fen(line.amount_fen, clean_text(line.label) or "费用", clean_text(line.label) or "fee")
    subtotal = slip.subtotal_fen
    if slip.waiver is not None:
        _check_fen(slip.waiver.amount_fen, "减免", "waiver")
        if slip.waiver.amount_fen > subtotal:
            raise ValidationError(
                f"减免金额 {format_fen(slip.waiver.amount_fen)} 超过应收 {format_fen(subtotal)}。",
                f"The waiver {format_fen(slip.waiver.amount_fen)} exceeds the fees "
                f"{format_fen(subtotal)}.",
            )
    total = slip.computed_total_fen()
    if slip.total_fen is not None and slip.total_fen != total:
        raise ValidationError(
            f"合计 {format_fen(slip.total_fen)} 与费用明细 {format_fen(total)} 不符。",
            f"The total {format_fen(slip.total_fen)} does not match the fee lines "
            f"{format_fen(total)}.",
        )
    return total
