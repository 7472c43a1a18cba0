"""The one visible visit number, and finding a visit by it (issue 18, point 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.errors import NotFound, ValidationError
from frontdesk.reception.visit_numbers import find_visit, parse_visit_number, visit_number


def test_number_round_trip():
    assert visit_number(dt.date(2026, 12, 7), 396) == "V20261207-0396"
    assert parse_visit_number("V20261207-0396") == 396
    assert parse_visit_number(" v20261207-12345 ") == 12345


@pytest.mark.parametrize("bad", ["", "396", "FD-VISIT:396", "V2026127-0396", "V20261340-0001",
                                 "V20261207-0000", "V20261207-03x6"])
def test_not_a_number_is_refused_at_the_field(bad):
    with pytest.raises(ValidationError) as info:
        parse_visit_number(bad)
    assert info.value.field == "visit_no"


def test_find_visit_checks_the_day(demo_db):
    from frontdesk.db.models import Visit
    from tests.helpers.actors import viewer

    visit = Visit.select().order_by(Visit.id.desc()).first()
    number = visit_number(visit.visit_date, visit.id)
    assert find_visit(number, actor=viewer()).id == visit.id
    wrong_day = visit_number(visit.visit_date - dt.timedelta(days=1), visit.id)
    with pytest.raises(NotFound):
        find_visit(wrong_day, actor=viewer())


@pytest.mark.parametrize("bad", ["V20261207-" + "9" * 5000, "V20261207-" + "9" * 25,
                                 "V20261207-٠٠٠١", "\x00V20261207-0396", "V20261207-0396\x1b",
                                 "\ud800", "V" + "2" * 300])
def test_huge_or_foreign_digits_are_refused_at_the_field(bad):
    """5,000 digits raised int()'s ValueError (Python's 4,300-digit limit); other scripts'
    digits are not the slip's."""
    with pytest.raises(ValidationError) as info:
        parse_visit_number(bad)
    assert info.value.field == "visit_no"


def test_a_number_typed_full_width_or_pasted_with_marks_finds_the_visit(demo_db):
    from frontdesk.db.models import Visit
    from tests.helpers.actors import viewer

    visit = Visit.select().order_by(Visit.id.desc()).first()
    number = visit_number(visit.visit_date, visit.id)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    for typed in (full_width, f"\u202d{number}\u202c", f" {number.lower()}\n"):
        assert find_visit(typed, actor=viewer()).id == visit.id
    with pytest.raises((NotFound, ValidationError)):
        find_visit(f"V{visit.visit_date:%Y%m%d}-9223372036854775807", actor=viewer())
