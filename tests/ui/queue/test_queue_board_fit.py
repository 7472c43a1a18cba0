"""The queue board on a 1366×768 laptop in English: three cards side by side, all in view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from frontdesk import i18n
from frontdesk.db.models import Staff
from frontdesk.ui import translation
from frontdesk.ui.queue.board import BoardModel, QueueBoardArea

pytestmark = pytest.mark.gui


@pytest.fixture
def english():
    i18n.set_language("en")
    translation.install("en")
    yield
    translation.install("zh_CN")
    i18n.set_language("zh_CN")


def test_cards_and_their_columns_fit_at_1366_in_english(qtbot, full_demo_db, ctx, english):
    ctx.staff = Staff.get(Staff.username == "desk1")
    board = QueueBoardArea(ctx)
    qtbot.addWidget(board)
    board.resize(1366 - 220, 700)  # the window at 1366 less the English navigation column
    board.show()
    qtbot.waitUntil(lambda: len(board.cards) >= 3, timeout=10_000)
    for _ in range(3):
        QApplication.processEvents()
    scroll = board.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0  # no card pushed out of sight
    stages = [card.model.data(card.model.index(r, BoardModel.COL_STAGE))
              for card in board.cards.values() for r in range(card.model.rowCount())]
    assert "Waiting for the doctor" in stages  # the long English step is there
    for card in board.cards.values():
        view = card.view
        assert view.horizontalScrollBar().maximum() == 0, card.title.text()
        header = view.horizontalHeader()
        right = header.sectionViewportPosition(BoardModel.COL_WAITED) \
            + header.sectionSize(BoardModel.COL_WAITED)
        assert right <= view.viewport().width()  # minutes waited in view
        names = [card.model.data(card.model.index(r, BoardModel.COL_NAME))
                 for r in range(card.model.rowCount())]
        metrics = view.fontMetrics()
        assert header.sectionSize(BoardModel.COL_NAME) >= max(
            metrics.horizontalAdvance(n) for n in names)  # the name is not cut to "…"
        assert header.sectionSize(BoardModel.COL_STAGE) >= 40  # the step keeps some room
