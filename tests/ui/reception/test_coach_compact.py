# ruff: noqa: F811 - the fixtures are imported from tests.ui.reception.reception_support
"""The coach: compact, folds with a key, this moment's phrases big, any-time phrases
(issue 18, point 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.ui.reception.coach import COLLAPSED_WIDTH, EXPANDED_WIDTH, CoachSubject
from tests.ui.reception.reception_support import (  # noqa: F401  (fixtures)
    area,
    demo_ctx,
    desk_staff,
    pinned,
    press,
)

pytestmark = pytest.mark.gui


def test_coach_is_compact_and_folds_with_f12(area, qtbot):
    desk = area.show_desk()
    coach = desk.coach
    coach.set_collapsed(False)
    assert coach.isVisible() and not coach.is_collapsed()
    assert coach.width() <= EXPANDED_WIDTH[1]
    assert coach.width() / area.width() < 0.2  # not 22 % of the desk any more
    before = desk.steps.width()
    press(qtbot, desk, Qt.Key.Key_F12)
    assert coach.is_collapsed() and coach.width() <= COLLAPSED_WIDTH
    assert not coach.body.isVisible() and coach.toggle_button.isVisible()
    qtbot.waitUntil(lambda: desk.steps.width() > before)  # the step gets the room
    # The door's coach folded too (one choice for the person at this PC).
    door = area.show_door()
    assert door.coach.is_collapsed()
    qtbot.mouseClick(door.coach.toggle_button, Qt.MouseButton.LeftButton)
    assert not door.coach.is_collapsed() and not desk.coach.is_collapsed()


def test_phrases_for_this_moment_are_big_and_anytime_phrases_are_there(area, qtbot):
    desk = area.show_desk()
    coach = desk.coach
    coach.set_collapsed(False)
    coach.show_step("BILLING", CoachSubject(name="王丽", sex="F", age=26))
    phrase = coach.findChild(type(coach.address), "coachPhrase0")
    cue = coach.findChild(type(coach.address), "coachCue0")
    assert phrase.font().pointSizeF() >= 14 > cue.font().pointSizeF()
    anytime = coach.anytime_text()
    for words in ("对不起，我稍后回来", "让您久等了", "不用谢", "那位先生", "请您去注射室"):
        assert words in anytime, words
    # The forbidden words once, on one line, not a long list of chips.
    assert coach.forbidden.text().count("✗") == len(coach.forbidden_words()) >= 4
    assert coach.forbidden.wordWrap()


def test_a_coach_too_short_for_its_lines_scrolls_once_painted(qtbot):
    # No scroll bar while the window is laid out the first time (it came and went before
    # the first frame); once painted, a column too short for its lines scrolls.
    from frontdesk.ui.reception.coach import EtiquetteCoach

    coach = EtiquetteCoach()
    qtbot.addWidget(coach)
    bar = coach.scroll.verticalScrollBar()
    assert coach.scroll.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    coach.show_step("GREETING", CoachSubject(name="王芳", sex="F", age=40))
    coach.resize(EXPANDED_WIDTH[0], 220)
    coach.show()
    qtbot.waitExposed(coach)
    qtbot.waitUntil(lambda: bar.isVisible())
    assert bar.maximum() > 0
    coach.resize(EXPANDED_WIDTH[1], 1400)  # room for every line: no bar
    qtbot.waitUntil(lambda: not bar.isVisible())
