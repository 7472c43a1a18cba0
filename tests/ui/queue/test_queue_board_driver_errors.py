"""The waiting-room board with a failing database driver: a sentence, no escape (issue 21)."""

from __future__ import annotations

import pytest

from frontdesk.ui.queue.board import QueueBoardArea
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, demo_db):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


def test_board_refresh_says_so_and_recovers(qtbot, demo_ctx, desk_staff, faults):
    board = QueueBoardArea(demo_ctx)
    qtbot.addWidget(board)
    board.show()
    with faults.on():
        board.refresh()
        board.retranslate()  # the thresholds and care phrases are read too
    text = board.error.text()
    assert text.strip() and board.error.isVisible()
    assert "locked" not in text and "server closed" not in text
    board.refresh()
    assert not board.error.isVisible()
