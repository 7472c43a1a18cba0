"""after_first_frame: start-up work waits for the window's first painted frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from frontdesk.ui.shell import first_frame

pytestmark = pytest.mark.gui


class _PaintLog(QObject):
    def __init__(self, obj, log):
        super().__init__(obj)
        self._log = log
        obj.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self._log.append("paint")
        return False


def test_the_work_runs_once_after_the_first_frame_is_painted(qtbot):
    window = QMainWindow()
    label = QLabel("导医台")
    window.setCentralWidget(label)
    qtbot.addWidget(window)
    log: list[str] = []
    _PaintLog(label, log)
    first_frame.after_first_frame(window, lambda: log.append("work"))
    qtbot.wait(20)
    assert "work" not in log  # not while nothing is on the screen
    window.show()
    qtbot.waitUntil(lambda: "work" in log, timeout=2000)
    assert log.index("paint") < log.index("work")
    label.update()
    qtbot.wait(50)
    assert log.count("work") == 1  # once, not at every frame


def test_a_window_never_painted_still_gets_its_work(qtbot, monkeypatch):
    monkeypatch.setattr(first_frame, "FALLBACK_MS", 30)
    window = QMainWindow()
    qtbot.addWidget(window)
    done: list[int] = []
    first_frame.after_first_frame(window, lambda: done.append(1))  # never shown
    qtbot.waitUntil(lambda: done == [1], timeout=2000)
    qtbot.wait(60)
    assert done == [1]


def test_another_window_painting_does_not_count(qtbot):
    main, other = QMainWindow(), QMainWindow()
    other.setCentralWidget(QLabel("x"))
    qtbot.addWidget(main)
    qtbot.addWidget(other)
    done: list[int] = []
    first_frame.after_first_frame(main, lambda: done.append(1))
    other.show()
    qtbot.waitExposed(other)
    qtbot.wait(50)
    assert done == []
    main.show()
    qtbot.waitUntil(lambda: done == [1], timeout=2000)


def test_once_the_work_has_run_nothing_of_the_watch_is_left(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QLabel("x"))
    qtbot.addWidget(window)
    done: list[int] = []
    first_frame.after_first_frame(window, lambda: done.append(1))
    assert len(window.findChildren(first_frame._FirstFrame)) == 1
    window.show()
    qtbot.waitUntil(lambda: done == [1], timeout=2000)
    # The watcher is deleted with its fallback timer (deleted at the loop's next turn).
    qtbot.waitUntil(lambda: not window.findChildren(first_frame._FirstFrame), timeout=2000)
