# ruff: noqa: F811 - `fx` is a fixture imported from tests.helpers.report_day
"""Reports with a failing database driver: a sentence at the report, no escape (issue 21)."""

from __future__ import annotations

import pytest

from frontdesk.ui.context import AppContext
from frontdesk.ui.reports.area import ReportsArea
from tests.helpers.report_day import _report_day_template, fx  # noqa: F401
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, fx):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


@pytest.fixture
def area(fx, qtbot, faults):
    ctx = AppContext(db_url=fx.db_url)
    ctx.staff = fx.staff.supervisor
    widget = ReportsArea(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.busy, timeout=20000)  # a report it may start on its own
    yield widget
    ctx.tasks.wait()


def test_showing_a_day_or_range_says_so_then_works(area, qtbot, faults):
    for show_range in (False, True):
        if show_range:
            area.mode.setCurrentIndex(1)
        with faults.on():
            area.refresh()
            qtbot.waitUntil(lambda: not area.busy, timeout=20000)
        text = area.error.text()
        assert text.strip() and area.error.isVisible()
        assert "locked" not in text and "server closed" not in text
        area.refresh()
        qtbot.waitUntil(lambda: not area.busy, timeout=20000)
        assert not area.error.isVisible() and area.loaded is not None


def test_export_and_print_say_so(area, qtbot, faults, tmp_path):
    area.refresh()
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    area.ask_save_path = lambda suggested: str(tmp_path / "r.csv")
    area.open_print_preview = lambda data, title: None
    for start in (area.export_report, area.print_report):
        with faults.on():
            start()
            qtbot.waitUntil(lambda: not area.busy, timeout=20000)
        assert area.error.text().strip() and "locked" not in area.error.text()
