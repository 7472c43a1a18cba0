"""fill_table: a read-only list keeps filling its pane however often it is refilled."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from frontdesk.ui.widgets.tables import STRETCH_ALL, STRETCH_LAST, fill_table, read_only_table

pytestmark = pytest.mark.gui


def _covered(table) -> int:
    header = table.horizontalHeader()
    return sum(header.sectionSize(c) for c in range(header.count()))


@pytest.mark.parametrize("stretch", [STRETCH_LAST, STRETCH_ALL, 1])
@pytest.mark.parametrize("rows", [0, 2])
def test_the_columns_reach_the_right_edge_after_every_refill(qtbot, stretch, rows):
    pane = QWidget()
    table = read_only_table("list", 3, stretch)
    table.setHorizontalHeaderLabels(["日期", "大小", "说明"])
    QVBoxLayout(pane).addWidget(table)
    qtbot.addWidget(pane)
    pane.resize(900, 400)
    pane.show()
    qtbot.waitExposed(pane)
    data = [["2026-12-07", "1.0 MB", "备份"]] * rows
    for _ in range(2):  # shown, then refreshed with as many rows (every screen's refresh)
        fill_table(table, data, list(range(rows)))
        qtbot.wait(10)
        assert _covered(table) >= table.viewport().width() - 1
    if rows:  # no column narrower than what it shows
        assert table.columnWidth(0) >= table.sizeHintForColumn(0)
