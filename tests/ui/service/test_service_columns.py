"""The service desk's tables on a 1366-wide laptop in English: every header and every short
value shows whole (no "omplainan", no "2026-11-…"), one free-text column takes the rest (in
full as its tooltip), and no column hides behind a horizontal scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk import i18n
from frontdesk.db.models import Staff
from frontdesk.ui import translation
from frontdesk.ui.service.complaints import ComplaintModel
from frontdesk.ui.service.consultations import ConsultationModel
from frontdesk.ui.service.desk import ServiceDeskArea

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "zh_CN"])
def desk(request, qtbot, full_demo_db, ctx):
    i18n.set_language(request.param)
    translation.install(request.param)
    ctx.staff = Staff.get(Staff.username == "desk1")
    area = ServiceDeskArea(ctx)
    qtbot.addWidget(area)
    # the main window at 1366 less its navigation column (wider in English)
    area.resize(1366 - (220 if request.param == "en" else 170), 700)
    area.show()
    yield area
    translation.install("zh_CN")
    i18n.set_language("zh_CN")


def assert_fits(table, stretch: int) -> None:
    for _ in range(3):
        QApplication.processEvents()
    model, header = table.model(), table.horizontalHeader()
    assert model.rowCount() > 0
    for col in range(model.columnCount()):
        name = model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= header.sectionSizeHint(col), name  # header whole
        if col != stretch:
            assert header.sectionSize(col) >= table.sizeHintForColumn(col), name  # values whole
    assert header.length() <= table.viewport().width()  # nothing behind a scroll bar
    assert table.horizontalScrollBar().maximum() == 0


def test_the_complaints_fit(qtbot, desk):
    desk.show_tab("complaints")
    panel = desk.panels["complaints"]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    assert_fits(panel.table, ComplaintModel.COL_OVERDUE)


def test_the_consultation_book_fits(qtbot, desk):
    desk.show_tab("consultations")
    panel = desk.panels["consultations"]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    assert_fits(panel.table, ConsultationModel.COL_CHANNEL)
    index = panel.model.index(0, ConsultationModel.COL_CHANNEL)
    assert panel.model.data(index, Qt.ItemDataRole.ToolTipRole) == index.data()
