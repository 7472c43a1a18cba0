"""No key is bound twice where both bindings can fire (issue 18, point 1).

Walks every area of the main window (and every step page of the desk, and the
door) and, in each state, collects the shortcuts that are live: QActions of the
window and QShortcuts whose widget is shown. Two live bindings of one key clash
when their scopes overlap (window-wide, or one widget inside the other), which
is what makes Qt fire neither ("ambiguous shortcut").
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from frontdesk.ui.shell import lock
from frontdesk.ui.shell.main_window import AREAS, MainWindow
from tests.ui.reception.reception_support import (  # noqa: F401  (fixtures)
    arrive,
    demo_ctx,
    desk_staff,
    pinned,
)

pytestmark = pytest.mark.gui

SC = Qt.ShortcutContext


@pytest.fixture
def window(qtbot, demo_ctx, pinned):  # noqa: F811
    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    lock.install(win, demo_ctx, timeout_ms=3_600_000)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def _scope(obj, window) -> QWidget | None:
    """The widget a live binding reacts within (the window for window-wide ones)."""
    if isinstance(obj, QShortcut):
        owner = obj.parent()
        if not isinstance(owner, QWidget) or not owner.isVisible():
            return None
        return window if obj.context() in (SC.WindowShortcut, SC.ApplicationShortcut) else owner
    if not obj.isEnabled():
        return None
    return window  # menu and window actions


def _overlap(a: QWidget, b: QWidget) -> bool:
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def live_bindings(window) -> dict[str, list[tuple[object, QWidget]]]:
    found: dict[str, list[tuple[object, QWidget]]] = {}
    items = list(window.findChildren(QShortcut)) + [
        a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    for obj in items:
        scope = _scope(obj, window)
        if scope is None:
            continue
        keys = obj.key() if isinstance(obj, QShortcut) else obj.shortcut()
        text = keys.toString(QKeySequence.SequenceFormat.PortableText)
        if text:
            found.setdefault(text, []).append((obj, scope))
    return found


def clashes(window) -> list[str]:
    out = []
    for key, bound in live_bindings(window).items():
        for i, (a, sa) in enumerate(bound):
            for b, sb in bound[i + 1:]:
                if _overlap(sa, sb):
                    out.append(f"{key}: {a.objectName() or type(a).__name__} "
                               f"({sa.objectName()}) vs {b.objectName() or type(b).__name__} "
                               f"({sb.objectName()})")
    return out


def _states(window):
    """Every area in turn; in reception, the door and each desk step page."""
    for spec in AREAS:
        area = window.show_area(spec.key)
        yield spec.key
        if spec.key == "reception":
            _ = area.door  # built on first use
            area.tabs.setCurrentIndex(0)
            yield "reception/door"
            area.tabs.setCurrentWidget(area.desk)
            desk = area.desk
            for name in ("greeting", "triage_step", "registration", "billing", "escort",
                         "closed"):
                desk.steps.setCurrentWidget(getattr(desk, name))
                desk.leave_box.show()
                yield f"reception/desk/{name}"


def test_no_shortcut_is_bound_twice_in_any_area(window):
    found = []
    for state in _states(window):
        found += [f"{state}: {c}" for c in clashes(window)]
    assert found == []


def test_the_walk_sees_the_bindings_it_should(window):
    # The collector is no empty loop: the lock, the areas' keys and the desk's are live.
    window.show_area("reception")
    keys = live_bindings(window)
    for key in ("Ctrl+L", "Ctrl+Shift+L", "Ctrl+1", "Ctrl+6", "F4", "F6"):
        assert key in keys, key


def test_lock_and_patient_left_both_work_with_a_visit_open(window, qtbot):
    area = window.show_area("reception")
    arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    assert desk.view is not None
    qtbot.keyClick(window.focusWidget() or desk, Qt.Key.Key_F8)
    assert desk.leave_box.isVisible()
    assert "F8" in desk.leave_button.text()
    qtbot.keyClick(window.focusWidget() or desk, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.idle_lock.is_locked()
