"""One table-model base: every table model in frontdesk/ui derives from RowTableModel."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, Qt

import frontdesk.ui
from frontdesk.ui.widgets.row_model import RowTableModel

UI = Path(frontdesk.ui.__file__).parent
BASE_FILE = UI / "widgets" / "row_model.py"
QT_BASES = {"QAbstractItemModel", "QAbstractTableModel", "QAbstractListModel"}


def _ui_modules():
    for info in pkgutil.walk_packages(frontdesk.ui.__path__, "frontdesk.ui."):
        yield importlib.import_module(info.name)


def test_no_class_in_frontdesk_ui_subclasses_a_qt_item_model_directly():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path == BASE_FILE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                         for b in node.bases}
                if names & QT_BASES:
                    offenders.append(f"{path.relative_to(UI)}:{node.name}")
    assert offenders == [], "derive from widgets.row_model.RowTableModel instead"


def test_every_item_model_class_derives_from_row_table_model():
    models = set()
    for module in _ui_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (cls.__module__.startswith("frontdesk.ui")
                    and issubclass(cls, QAbstractItemModel)
                    and not issubclass(cls, QAbstractProxyModel)):
                models.add(cls)
    assert RowTableModel in models
    names = {f"{c.__module__}.{c.__qualname__}" for c in models}
    assert {"frontdesk.ui.admin.audit.AuditTableModel",
            "frontdesk.ui.reports.area.ReportTableModel",
            "frontdesk.ui.reception.visits.VisitListModel"} <= names
    assert [c.__qualname__ for c in models if not issubclass(c, RowTableModel)] == []


class _Two(RowTableModel):
    HEADERS = ("A", "B")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        return None if row is None or role != Qt.ItemDataRole.DisplayRole else row[index.column()]


def test_class_headers_and_per_instance_columns(qtmodeltester):
    model = _Two()
    model.set_rows([("x", "y")])
    assert model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "B"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    qtmodeltester.check(model)
    model.set_rows([("p", "q", "r")], columns=("one", "two", "three"))
    assert model.columnCount() == 3
    assert model.headerData(2, Qt.Orientation.Horizontal) == "three"
    model.set_rows([])  # the instance's columns stay
    assert model.columnCount() == 3
    qtmodeltester.check(model)


def test_row_numbers_in_the_vertical_header():
    class Numbered(_Two):
        ROW_NUMBERS = True

    model = Numbered()
    model.set_rows([("a", "b"), ("c", "d")])
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["1", "2", None]
