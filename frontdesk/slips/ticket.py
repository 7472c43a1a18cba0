"""The door ticket (门口取号小票): the day's number, big, on the 80 mm roll.

What the patient holds while waiting for the desk. It carries no name and no
id: only the number, when it was taken and where to go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm

from frontdesk.errors import ValidationError
from frontdesk.i18n import text
from frontdesk.slips.layout import Block, PageFormat, Rule, Space, Text, page_format
from frontdesk.slips.model import clean_text, format_time

TICKET_NUMBER_SCALE = 2.0  # the number is twice the queue number on a guide slip


@dataclass(frozen=True)
class DoorTicket:
    hospital: str
    ticket: str  # "A012"
    time: datetime | str | None = None
    waiting_ahead: int | None = None  # arrivals before this one still waiting for the desk


def validate_ticket(slip: DoorTicket) -> None:
    if not clean_text(slip.ticket):
        raise ValidationError("这位患者还没有取号，不能打印小票。",
                              "This arrival has no ticket number yet, so nothing can be printed.",
                              field="ticket")


def ticket_blocks(slip: DoorTicket, fmt: str | PageFormat = "roll80",
                  lang: str | None = None) -> list[Block]:
    validate_ticket(slip)
    f = page_format(fmt)
    small = f.base_pt * 0.85
    blocks: list[Block] = [
        Text(clean_text(slip.hospital), f.title_pt, align="center", bold=True, max_lines=3),
        Text(text("取号小票", "Your number", lang), small, align="center"),
        Rule(f.gap_mm * mm * 0.6),
        Text(clean_text(slip.ticket), f.queue_pt * TICKET_NUMBER_SCALE, align="center",
             bold=True, fit=True),
        Rule(f.gap_mm * mm * 0.6),
    ]
    when = format_time(slip.time)
    if when:
        blocks.append(Text(when, small, align="center"))
    if slip.waiting_ahead:
        blocks.append(Text(text(f"前面还有 {slip.waiting_ahead} 位", f"{slip.waiting_ahead} ahead "
                                "of you", lang), f.base_pt, align="center"))
    blocks += [
        Space(f.gap_mm * mm * 0.5),
        Text(text("请到导医台，听到叫号时出示本票", "Please go to the desk and show this when "
                  "your number is called", lang), f.base_pt, align="center"),
    ]
    return blocks


def render_ticket(slip: DoorTicket, fmt: str = "roll80", *, lang: str | None = None) -> bytes:
    """The ticket as PDF bytes (the same renderer as the guide and billing slips)."""
    from frontdesk.slips.render import _render

    f = page_format(fmt)
    title = text("取号小票", "Door ticket", lang) + " " + clean_text(slip.ticket)
    return _render(ticket_blocks(slip, f, lang), f, title, clean_text(slip.hospital))
