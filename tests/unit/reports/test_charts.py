"""The hour chart: the hours it draws, on a past day and on today so far."""

import dataclasses
import datetime as dt

from frontdesk.reports import charts
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.model import HourRow


def _summary(fx, made: dt.datetime, hours: dict[int, int]):
    s = build_daily(fx.day, actor=SYSTEM, today=fx.today)
    return dataclasses.replace(s, generated_at=made,
                               by_hour=tuple(HourRow(h, n) for h, n in sorted(hours.items())))


def test_a_past_day_draws_08_to_18_and_every_hour_with_arrivals(fx):
    made = dt.datetime.combine(fx.day + dt.timedelta(days=1), dt.time(9, 0))
    s = _summary(fx, made, {7: 2, 9: 5, 20: 1})
    assert charts.chart_hours(s) == list(range(7, 21))
    assert charts.so_far(s) is None


def test_today_so_far_draws_no_hour_after_now(fx):
    # Made at 10:00 on the day itself: 11:00-18:00 have not happened and are not drawn as 0.
    made = dt.datetime.combine(fx.day, dt.time(10, 0))
    s = _summary(fx, made, {8: 3, 9: 5, 10: 1})
    assert charts.chart_hours(s) == [8, 9, 10]
    assert charts.so_far(s) == made
    # at 07:30 not even 08:00 has come
    early = _summary(fx, dt.datetime.combine(fx.day, dt.time(7, 30)), {7: 1})
    assert charts.chart_hours(early) == [7]
    assert charts.hour_chart(early) is not None


def test_today_so_far_says_so_in_the_title(fx):
    from reportlab.graphics.shapes import String

    made = dt.datetime.combine(fx.day, dt.time(10, 0))
    d = charts.hour_chart(_summary(fx, made, {9: 5}), "zh_CN")
    texts = [el.text for el in d.contents if isinstance(el, String)]
    assert any("截至 10:00" in t for t in texts)
    d = charts.hour_chart(_summary(fx, made, {9: 5}), "en")
    texts = [el.text for el in d.contents if isinstance(el, String)]
    assert any("until 10:00" in t for t in texts)
