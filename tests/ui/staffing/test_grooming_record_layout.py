"""The English grooming check record keeps words whole and the sign-off with the checklist
(issue 18, point 8). Read back with QtPdf (no poppler needed)."""

from __future__ import annotations

import pytest

from frontdesk.staffing import grooming, grooming_report
from tests.unit.staffing.test_grooming_report import month_of_fines  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _pages(data: bytes, parent) -> list[str]:
    from frontdesk.ui.widgets.printing import load_pdf

    doc = load_pdf(data, parent)
    try:
        return [doc.getAllText(i).text() for i in range(doc.pageCount())]
    finally:
        doc.deleteLater()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_check_record_on_one_page_with_whole_words(qtbot, month_of_fines, lang):  # noqa: F811
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    boss, _, check = month_of_fines
    record = grooming.check_record(actor=boss, check_id=check.id)
    pages = _pages(grooming_report.render_check_record(record, hospital="测试医院", lang=lang),
                   holder)
    assert len(pages) == 1, [p[-200:] for p in pages]  # the signatures are not alone on a page
    body = pages[0]
    if lang == "en":
        words = {w for line in body.splitlines() for w in line.split()}
        assert "Appearance" in words and "Appearan" not in words
        assert "Staff signature" in body and "Checker's signature" in body
