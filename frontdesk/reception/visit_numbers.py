"""The one visible number of a visit: "V20261123-0042" (its day and id).

Every screen and slip shows this number, and the guide slip's QR code carries
it, so the desk or a clinic room can scan it (or type it) and open the visit.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from frontdesk.errors import ValidationError
from frontdesk.validation import drop_invisible

_PATTERN = re.compile(r"^V([0-9]{8})-([0-9]{4,19})$")


def visit_number(visit_date: dt.date, visit_id: int) -> str:
    """"V20261123-0042": unique, readable over the counter, sortable by day."""
    return f"V{visit_date:%Y%m%d}-{visit_id:04d}"


def _normalise(number) -> str:
    """As read by a person: full-width (an IME's mode) and invisible bidi marks (pasted)
    do not count; case and surrounding blanks neither. Not text: ""."""
    if not isinstance(number, str) or len(number) > 200:
        return ""
    return drop_invisible(unicodedata.normalize("NFKC", number)).strip().upper()


def parse_visit_number(number: str) -> int:
    """The visit id in a visit number (typed or scanned); ValidationError when it is none."""
    s = _normalise(number)
    match = _PATTERN.match(s)
    if match:
        try:
            dt.datetime.strptime(match.group(1), "%Y%m%d")
        except ValueError:
            match = None
    if not match or int(match.group(2)) <= 0:
        raise ValidationError(f"不是就诊号：{number!r:.40}（例如 V20261123-0042）",
                              f"Not a visit number: {number!r:.40} (e.g. V20261123-0042)",
                              field="visit_no")
    return int(match.group(2))



def view_number(view) -> str:
    """The visit number of a reception VisitView."""
    return visit_number(view.visit_date, view.id)


def find_visit(number: str, *, actor):
    """The VisitView a typed or scanned visit number ("V20261123-0042") names.

    The day in the number must be the visit's day, so a mistyped id does not
    open another day's patient. Raises ValidationError or NotFound.
    """
    from frontdesk.errors import NotFound
    from frontdesk.reception.views import get_visit

    visit_id = parse_visit_number(number)
    view = get_visit(visit_id, actor=actor)
    typed = _normalise(number)
    if view_number(view) != typed:
        raise NotFound(f"没有就诊号为 {typed} 的就诊。", f"No visit numbered {typed}.")
    return view
