"""The lookup's model answers from texts built once per refresh (issue 20) and shows what
it showed before: the same cell texts, tooltips and ids; columns are not re-measured on
every keystroke."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView

from frontdesk import i18n
from frontdesk.patients import PatientHit
from frontdesk.ui.reception.lookup import MATCHED_ON, PatientLookup, sex_text, vip_text

pytestmark = pytest.mark.gui


def hits() -> list[PatientHit]:
    return [
        PatientHit(1, "P00000001", "张三", "M", 35, "138****8000", "13800138000",
                   "110105********1234", "gold", dt.date(2026, 11, 1), "pinyin"),
        PatientHit(2, "P00000002", "欧阳晓明", "F", None, "139****2222", "13911112222", "",
                   "", None, "phone_tail"),
        PatientHit(3, "P00000003", "John Smith", "", 0, "", "", "", "diamond",
                   dt.date(2025, 1, 9), "odd"),
    ]


def old_text(h: PatientHit, col: int, role) -> object:
    """What the model answered before it kept its texts (the reference)."""
    if role == Qt.ItemDataRole.DisplayRole:
        age = "" if h.age is None else str(h.age)
        return (h.name, f"{sex_text(h.sex)} {age}".strip(), h.phone_masked, h.record_no,
                h.last_visit.isoformat() if h.last_visit else "—", vip_text(h.vip_tier))[col]
    if role == Qt.ItemDataRole.ToolTipRole:
        what = MATCHED_ON.get(h.matched_on)
        return QCoreApplication.translate("PatientHitModel", "Matched on: {what}").format(
            what=QCoreApplication.translate("PatientHitModel", what) if what else h.matched_on)
    if role == Qt.ItemDataRole.UserRole:
        return h.id
    return None


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_model_shows_the_same_texts(qtbot, lang):
    i18n.set_language(lang)
    lookup = PatientLookup()
    qtbot.addWidget(lookup)
    model = lookup.model
    model.set_hits(hits())
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.UserRole, Qt.ItemDataRole.FontRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole)
    for r, h in enumerate(hits()):
        for c in range(model.columnCount()):
            for role in roles:
                assert model.data(model.index(r, c), role) == old_text(h, c, role), (r, c, role)
    assert model.data(model.index(5, 0), Qt.ItemDataRole.DisplayRole) is None
    model.set_hits([])
    assert model.rowCount() == 0


def test_columns_keep_their_width_while_typing(qtbot):
    lookup = PatientLookup()
    qtbot.addWidget(lookup)
    lookup.resize(900, 500)
    lookup.show()
    header = lookup.results.horizontalHeader()
    assert all(header.sectionResizeMode(c) != QHeaderView.ResizeMode.ResizeToContents
               for c in range(header.count()))
    assert not lookup.results.wordWrap()  # one-line cells
    widths = [lookup.results.columnWidth(c) for c in range(header.count() - 1)]
    lookup.model.set_hits(hits())
    assert [lookup.results.columnWidth(c) for c in range(header.count() - 1)] == widths
    # Wide enough for the longest name and the masked phone as drawn.
    metrics = lookup.results.fontMetrics()
    assert widths[0] > metrics.horizontalAdvance("欧阳晓明")
    assert widths[2] > metrics.horizontalAdvance("138****8000")
