"""Filling the staffing screen's read-only lists so they keep filling their pane.

widgets.tables.fill_table ends with resizeColumnsToContents, which gives every column a
fixed width, the stretching one's too; the header keeps those widths until the pane is
resized, so a list refilled with the same number of rows (every refresh) or shown
empty left blank space on its right. After filling, the header lays its sections out
again by their resize modes: the short columns fit their contents, the stretching one
takes what is left.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from frontdesk.ui.widgets.tables import fill_table


def fill_list(table: QTableWidget, rows: list[list[str]], ids: list[int]) -> None:
    """fill_table, then the columns as their resize modes say (see the module)."""
    fill_table(table, rows, ids)
    table.horizontalHeader().resizeSections()
