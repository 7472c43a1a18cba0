"""The door ticket on the 80 mm roll: the number big, no name, the same renderer as the slips."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from frontdesk import reception
from frontdesk.errors import ValidationError
from frontdesk.permissions import SYSTEM
from frontdesk.slips import SlipKind, render_slip, source
from frontdesk.slips.ticket import DoorTicket, render_ticket, ticket_blocks
from tests.helpers.reception_flow import make_env


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_ticket_texts_and_a_big_number(pdf):
    slip = DoorTicket("仁济社区医院", "A012", dt.datetime(2026, 11, 23, 9, 5), waiting_ahead=3)
    data = render_ticket(slip)
    assert data.startswith(b"%PDF") and render_slip(slip) == data
    t = squash(pdf.text(data))
    for expected in ("仁济社区医院", "取号小票", "A012", "2026-11-2309:05", "前面还有3位", "导医台"):
        assert expected in t, expected
    number = next(b for b in ticket_blocks(slip) if b.texts == ("A012",))
    assert number.size >= 60  # twice the guide slip's queue number
    width, height = pdf.page_size(data)
    assert round(width / 72 * 25.4) == 80
    english = squash(pdf.text(render_ticket(slip, lang="en")))
    assert "Yournumber" in english and "3aheadofyou" in english


def test_a_visit_without_a_ticket_prints_nothing():
    with pytest.raises(ValidationError) as err:
        render_ticket(DoorTicket("医院", ""))
    assert err.value.field == "ticket"


def test_ticket_of_a_visit_counts_who_waits_before_it(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    first = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    second = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    slip = source.slip_for(second.id, SlipKind.TICKET, actor=SYSTEM)
    assert (slip.ticket, slip.waiting_ahead, slip.hospital) == ("A002", 1, "测试医院")
    reception.take_at_desk(first.id, actor=env.desk, expected_version=first.version)
    assert source.slip_for(second.id, "ticket", actor=SYSTEM).waiting_ahead == 0
    assert source.default_format("ticket") == "roll80"
