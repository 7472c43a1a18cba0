"""Words in the printed summaries: the chart's remainder bar and the bookings note."""

from __future__ import annotations

from frontdesk.i18n import Msg
from frontdesk.reports import charts
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.model import GroupRow
from frontdesk.reports.range import build_range
from frontdesk.reports.tables import daily_tables, range_tables


def _sources(n: int) -> list[GroupRow]:
    rows = [GroupRow(f"来源{i}", f"Source {i}", 30 - i) for i in range(n - 1)]
    return [*rows, GroupRow("其他", "Other", 1)]  # a media source called "Other" comes last


def test_the_remainder_bar_is_not_named_like_the_source_other():
    rows = _sources(charts.MAX_BARS + 4)
    labels, values = charts._top(rows, Msg("未填写", "Not asked"), "zh_CN")
    assert len(labels) == charts.MAX_BARS + 1
    assert labels[-1] == "其余 4 项" and "其他" not in labels
    assert values[-1] == sum(r.visits for r in rows[charts.MAX_BARS:])
    labels_en, _ = charts._top(rows, Msg("未填写", "Not asked"), "en")
    assert labels_en[-1] == "4 more"
    # Up to MAX_BARS sources: no remainder bar; a real "其他" keeps its own name.
    labels, _ = charts._top(_sources(charts.MAX_BARS), Msg("未填写", "Not asked"), "zh_CN")
    assert labels[-1] == "其他" and len(labels) == charts.MAX_BARS


def test_the_bookings_note_says_day_or_period(fx):
    day = build_daily(fx.day, actor=SYSTEM, today=fx.today)
    period = build_range("2026-11-17", "2026-11-20", actor=SYSTEM, today=fx.today)
    note = {t.key: t.note for t in daily_tables(day, "zh_CN")}["appointments"]
    assert note.startswith("按当天预约")
    note = {t.key: t.note for t in range_tables(period, "zh_CN")}["appointments"]
    assert note.startswith("按期间内各天预约") and "当天" not in note
    note = {t.key: t.note for t in range_tables(period, "en")}["appointments"]
    assert note.startswith("Bookings in the period (not cancelled)") and "for the day" not in note


def test_a_late_fine_is_named_as_the_staff_report_names_it():
    """The week's 'fines by kind' said 迟到 3 beside 'late sign-ins 2': the third was an
    early leave, which the rules fine as the same kind (迟到/早退)."""
    from frontdesk.db.models import FineKind
    from frontdesk.reports.tables import _fine_kind
    from frontdesk.staffing.fines import kind_name

    for lang in ("zh_CN", "en"):
        assert _fine_kind(FineKind.LATE, lang) == kind_name(FineKind.LATE, lang)
    assert _fine_kind(FineKind.LATE, "zh_CN") == "迟到/早退"
