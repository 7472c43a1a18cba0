"""The desk's progress strip: six pills painted in one widget (ui/reception/desk/track.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from frontdesk import stages
from frontdesk.ui import style
from frontdesk.ui.reception.desk.track import SPACING, STEP_ORDER, StageTrack

pytestmark = pytest.mark.gui


def pill_colour(track: StageTrack, index: int) -> QColor:
    """The fill of pill `index`, read beside its left edge (the text is in the middle)."""
    image = track.grab().toImage()
    width = (track.width() - SPACING * (len(STEP_ORDER) - 1)) / len(STEP_ORDER)
    x = int(index * (width + SPACING) + 3)
    return QColor(image.pixel(x, track.height() // 2))


@pytest.fixture
def track(qtbot):
    widget = StageTrack()
    qtbot.addWidget(widget)
    widget.resize(720, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_current_step_is_teal_steps_done_light_and_steps_to_come_grey(track):
    track.set_stage(stages.BILLING)
    assert [track.state(i) for i in range(6)] == ["done", "done", "done", "current",
                                                  "todo", "todo"]
    assert pill_colour(track, 3) == QColor(style.ACCENT)
    assert pill_colour(track, 0) == QColor(style.TRACK_DONE_FILL)
    assert pill_colour(track, 5) == QColor(style.FILL_SLATE)
    track.set_stage(None)  # nobody at the desk: every step to come
    assert {track.state(i) for i in range(6)} == {"todo"}
    assert pill_colour(track, 0) == QColor(style.FILL_SLATE)


def test_the_strip_names_every_step_and_says_which_is_current(track):
    track.set_stage(stages.TRIAGE)
    texts = track.texts()
    assert texts[0].startswith("①") and texts[5].startswith("⑥") and len(texts) == 6
    assert track.accessibleName() == texts[1]
    assert all(t in track.accessibleDescription() for t in texts)


def test_the_strip_is_tall_enough_for_its_text_and_follows_the_language(track, qapp):
    from frontdesk.ui import translation

    height = track.fontMetrics().height()
    assert track.sizeHint().height() >= height + 8
    translation.install("zh_CN")
    assert track.texts()[0] == "① 迎接"
    translation.install("en")
    try:
        QApplication.sendEvent(track, QEvent(QEvent.Type.LanguageChange))
        assert track.texts()[0] == "① Greeting"
        assert "Greeting" in track.accessibleDescription()
    finally:
        translation.install("zh_CN")
