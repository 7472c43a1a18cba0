# ruff: noqa: F811 - `fx` is a fixture imported from tests.helpers.report_day
"""The reports screen on the fixture day: tables, charts, empty days, errors, print and export."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from frontdesk import clock as app_clock
from frontdesk.db.models import AuditLog
from frontdesk.reports.tables import ReportTable
from frontdesk.ui.context import AppContext
from frontdesk.ui.reports.area import ReportsArea, ReportTableModel
from frontdesk.ui.widgets.printing import PrintOutcome, PrintResult

# The fixture-day fixtures, shared with tests/unit/reports (pytest finds them by name here).
from tests.helpers.report_day import _report_day_template, fx  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture
def area(fx, qtbot):
    from frontdesk.ui import translation

    translation.install("zh_CN")  # the default UI language: assert on what the desk reads
    ctx = AppContext(db_url=fx.db_url)
    ctx.staff = fx.staff.supervisor
    widget = ReportsArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    yield widget
    ctx.tasks.wait()


def show(area, qtbot):
    qtbot.mouseClick(area.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)


def cells(model: ReportTableModel) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester):
    model = ReportTableModel()
    model.set_table(ReportTable("k", "overview", "T", ("a", "b"), (("x", 1), ("y", 2.5))))
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == "2.5"
    assert model.data(model.index(1, 1), Qt.ItemDataRole.TextAlignmentRole) & \
        Qt.AlignmentFlag.AlignRight
    model.set_table(None)
    qtmodeltester.check(model)


def test_the_fixture_day_on_screen(area, fx, qtbot, tmp_path):
    area.set_day(fx.day)
    show(area, qtbot)
    assert area.error.isHidden() and area.notice.isHidden()
    assert area.title.text() == "每日工作汇总 2026-11-20（星期五）"
    tabs = [area.tabs.tabText(i) for i in range(area.tabs.count())]
    assert tabs == ["概况", "分类统计", "流程时间", "员工工作量", "仪容与考勤", "交接班记录",
                    "回访名单"]
    assert ["就诊总人数", "7", "3.0"] in cells(area.models["overview"])
    # Masked on screen and paper unless asked for (issue 18, point 6).
    assert cells(area.models["callbacks"])[0][:3] == ["1", "张三", "138****0001"]
    assert cells(area.models["flow"])[3] == ["进门 → 交给医生（全程）", "4", "25.0", "50.0"]
    assert "王悦" in [row[0] for row in cells(area.models["staff"])]
    # the three charts of the day, drawn from the printed ones
    charts = [area.findChild(type(area.title), f"reportChart_breakdown_{i}") for i in range(3)]
    assert all(c is not None and not c.pixmap().isNull() and c.pixmap().width() > 400
               for c in charts)
    assert area.print_button.isEnabled() and area.export_button.isEnabled()
    area.show()  # the first show loads the chosen day again
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    assert area.progress.isHidden() and area.title.text().startswith("每日工作汇总")
    area.tabs.setCurrentIndex(1)
    area.grab().save(str(tmp_path / "reports_screen.png"))
    area.tabs.setCurrentIndex(0)
    area.grab().save(str(tmp_path / "reports_screen_overview.png"))


def test_language_switch_relays_the_tables(area, fx, qtbot):
    from frontdesk.ui import translation

    area.set_day(fx.day)
    show(area, qtbot)
    translation.install("en")
    try:
        qtbot.waitUntil(lambda: area.show_button.text() == "&Show")  # LanguageChange is posted
        assert area.title.text() == "Daily summary 2026-11-20 (Friday)"
        assert area.tabs.tabText(0) == "Overview"
        assert ["Visits", "7", "3.0"] in cells(area.models["overview"])
    finally:
        translation.install("zh_CN")
    qtbot.waitUntil(lambda: area.show_button.text() == "查看(&S)")
    assert area.tabs.tabText(0) == "概况"


def test_range_view_and_empty_day(area, fx, qtbot, tmp_path):
    area.set_range(dt.date(2026, 11, 17), dt.date(2026, 11, 20))
    assert area.from_edit.isVisibleTo(area) and not area.day_edit.isVisibleTo(area)
    show(area, qtbot)
    assert area.tabs.tabText(1) == "每日明细"
    days = cells(area.models["days"])
    assert [row[:2] for row in days] == [["2026-11-17", "4"], ["2026-11-18", "0"],
                                         ["2026-11-19", "2"], ["2026-11-20", "7"]]
    area.grab().save(str(tmp_path / "reports_screen_range.png"))
    area.set_day(dt.date(2026, 11, 18))
    show(area, qtbot)
    assert not area.notice.isHidden() and "没有就诊记录" in area.notice.text()
    assert area.findChild(type(area.title), "reportEmpty_callbacks") is not None


def test_future_day_is_refused_at_the_field(area, fx, qtbot):
    future = app_clock.today() + dt.timedelta(days=2)
    area.set_day(future)
    show(area, qtbot)
    assert not area.error.isHidden() and "还没到" in area.error.text()
    assert area.day_edit.property("invalid") is True  # the red border: ui/style.py
    assert area.loaded is None and not area.export_button.isEnabled()


def test_export_writes_the_file_and_audits(area, fx, qtbot, tmp_path):
    area.set_day(fx.day)
    show(area, qtbot)
    target = tmp_path / "day.xlsx"
    area.ask_save_path = lambda suggested: str(target)
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    assert target.exists() and "注意保密" in area.status.text()
    [entry] = AuditLog.select().where(AuditLog.action == "export")
    assert entry.staff_id == fx.staff.supervisor.id and "xlsx" in entry.detail
    area.ask_save_path = lambda suggested: str(tmp_path / "missing" / "x.pdf")
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    assert "文件夹不存在" in area.error.text()
    assert AuditLog.select().where(AuditLog.action == "export").count() == 1


def test_print_goes_through_the_preview_and_is_audited(area, fx, qtbot):
    area.set_day(fx.day)
    show(area, qtbot)
    seen = []

    def preview(data, title):
        seen.append((data[:4], title))
        return PrintResult(PrintOutcome.PRINTED, "已发送", "Front", 3)

    area.open_print_preview = preview
    qtbot.mouseClick(area.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen == [(b"%PDF", "每日工作汇总 2026-11-20（星期五）")]
    [entry] = AuditLog.select().where(AuditLog.action == "print")
    assert entry.staff_id == fx.staff.supervisor.id and "Front" in entry.detail
    area.open_print_preview = lambda data, title: PrintResult(PrintOutcome.CANCELLED, "已取消")
    qtbot.mouseClick(area.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.status.text() == "已取消", timeout=20000)
    assert AuditLog.select().where(AuditLog.action == "print").count() == 1


def test_desk_staff_may_not_see_reports(area, fx, qtbot):
    area.ctx.set_staff(fx.staff.desk)
    area.set_day(fx.day)
    show(area, qtbot)
    assert "无权查看和打印报表" in area.error.text()  # what was pressed: Show
    assert not area.print_button.isEnabled() and not area.export_button.isEnabled()
    assert area.models == {}


def test_full_phone_numbers_only_when_asked(area, fx, qtbot):
    """Issue 18, point 6: the supervisor ticks "Full phone numbers" to see them."""
    area.show()  # opens on today's report first
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    area.set_day(fx.day)
    show(area, qtbot)
    assert area.full_phones.isVisible() and not area.full_phones.isChecked()
    assert cells(area.models["callbacks"])[0][2] == "138****0001"
    qtbot.mouseClick(area.full_phones, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    assert cells(area.models["callbacks"])[0][2] == "13800000001"
    area.ctx.staff = fx.staff.admin  # an admin prints reports but makes no calls
    area._update_buttons()
    assert not area.full_phones.isVisible() and not area.full_phones.isChecked()


def test_charts_are_sharp_on_high_dpi_screens(area, fx, qtbot, monkeypatch):
    """Issue 18, point 10: charts render at the device pixel ratio, not a fixed 110 DPI."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel

    from frontdesk.reports import charts
    from frontdesk.ui.reports.area import CHART_DPI, chart_pixmap
    from frontdesk.ui.widgets.printing import load_pdf

    area.set_day(fx.day)
    show(area, qtbot)
    first = charts.chart_pdf(charts.charts_for(area.loaded.summary)[0])
    doc = load_pdf(first, area)
    one, two = chart_pixmap(doc, 1.0), chart_pixmap(doc, 2.0)
    assert two.devicePixelRatio() == 2.0 and one.devicePixelRatio() == 1.0
    assert abs(two.width() - 2 * one.width()) <= 2  # twice the pixels …
    assert two.deviceIndependentSize().toSize() == one.deviceIndependentSize().toSize()  # … same size
    assert one.width() == round(doc.pagePointSize(0).width() * CHART_DPI / 72) or \
        abs(one.width() - doc.pagePointSize(0).width() * CHART_DPI / 72) <= 1

    # The screen's ratio changes (the window moved to a 2× screen): charts drawn again at 2×.
    drawn = []
    real = area._chart_images
    monkeypatch.setattr(area, "_chart_images", lambda pdfs: drawn.extend(real(pdfs)) or drawn)
    monkeypatch.setattr(area, "devicePixelRatioF", lambda: 2.0)
    QApplication.sendEvent(area, QEvent(QEvent.Type.DevicePixelRatioChange))
    assert drawn and all(p.devicePixelRatio() == 2.0 for p in drawn)
    labels = [label for i in range(area.tabs.count())
              for label in area.tabs.widget(i).findChildren(QLabel)
              if label.objectName().startswith("reportChart_")]
    assert len(labels) == len(drawn)  # and they are the ones on screen


def test_report_tables_have_no_white_band_and_charts_use_the_width(area, fx, qtbot):
    """Issue 18, point 9: on-screen tables as wide as their columns, text not small."""
    from PySide6.QtWidgets import QTableView

    area.resize(1800, 1000)
    area.show()  # opens on today's report first
    qtbot.waitUntil(lambda: not area.busy, timeout=20000)
    area.set_day(fx.day)
    show(area, qtbot)
    views = [v for i in range(area.tabs.count())
             for v in area.tabs.widget(i).findChildren(QTableView)]
    assert views
    for view in views:
        columns = view.horizontalHeader().length()
        assert view.maximumWidth() <= columns + 2 * view.frameWidth() + 40
        assert view.font().pointSizeF() >= 11
    assert area._chart_width() > 1000  # a wide screen gets wide charts


def test_a_long_table_is_laid_out_from_a_few_rows_and_fits_its_longest_text(area, qtbot,
                                                                            monkeypatch):
    """Issue 20: a 10,000-row call-back list must not be read whole on the UI thread to size
    its columns, and a long text far down the list still gets the room it needs."""
    from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

    from frontdesk.ui.reports import area as area_module

    rows = tuple((i, f"患者{i}", "138****8000") for i in range(1, 3001))
    rows = rows[:2500] + ((2501, "欧阳" * 12, "（无电话）"),) + rows[2501:]
    table = ReportTable("callbacks", "callbacks", "回访名单", ("#", "患者", "电话"), rows)
    facts = area_module.table_facts(table)
    assert facts.numeric == [True, False, False]
    assert 2500 in facts.longest[1]  # the long name, found off the UI thread
    reads = []
    real = ReportTableModel.data
    monkeypatch.setattr(ReportTableModel, "data",
                        lambda self, index, role=Qt.ItemDataRole.DisplayRole:
                        reads.append(1) or real(self, index, role))
    page = QWidget()
    qtbot.addWidget(page)
    area._add_table(QVBoxLayout(page), table, facts)
    page.show()
    view = page.findChild(QTableView)
    assert len(reads) < 3000 * 3 // 10  # far fewer reads than cells
    long_name = view.model().index(2500, 1)
    assert view.columnWidth(1) >= view.sizeHintForIndex(long_name).width()
