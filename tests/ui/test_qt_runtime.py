"""Guards against a Qt binding that would crash a long-running desk app."""

import sys

import pytest
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call that
    # returns nothing; a desk app died with "none_dealloc" within the hour.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 100
