"""ONE central style (issue 18, point 9): inline style sheets and colours must not grow.

The look lives in frontdesk/ui/style.py (the app's one style sheet) and its
palette, frontdesk/ui/palette.py (the named colours); widgets say what a thing is
(objectName, role property). The counts below are a ratchet: lower them as screens
move over, never raise them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "frontdesk" / "ui"
MAX_INLINE_STYLE_SHEETS = 0  # was 111 when issue 18 was filed, 56 at issue 19
MAX_HARD_CODED_COLOURS = 0  # was 128, then 69
# Screens already moved over: not one inline style sheet or colour may come back.
CLEAN = ("reception/steps.py", "reception/escort.py", "reception/billing.py",
         "reception/triage.py", "reception/deferred.py", "reception/coach.py",
         "reception/banner.py", "reception/registration.py", "reception/area.py",
         "reception/slip_actions.py", "reception/desk/view.py", "reception/desk/track.py",
         "reports/area.py", "admin/area.py", "admin/rules.py", "admin/settings.py",
         "shell/login.py", "shell/about.py", "shell/lock.py", "shell/main_window.py",
         "widgets/printing.py", "widgets/phrase_check.py", "staffing/handover_area.py",
         # issue 19: every other screen
         "reception/door.py", "reception/lookup.py", "reception/visits.py",
         "queue/board.py", "queue/calling.py", "queue/display.py",
         "service/followups.py", "service/complaints.py", "service/desk.py",
         "service/service_reports.py", "service/appointments.py", "service/satisfaction.py",
         "service/consultations.py", "staffing/grooming_check.py", "staffing/signin.py",
         "staffing/roster_week.py", "staffing/handover_pending.py", "staffing/handover.py",
         "staffing/grooming_history.py", "staffing/area.py", "shell/live.py")
STYLE_CALL = re.compile(r"\.setStyleSheet\(")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\bQColor\(\s*\d")


def _sources():
    for path in sorted(UI.rglob("*.py")):
        if path.relative_to(UI).as_posix() not in ("style.py", "palette.py"):
            yield path, path.read_text(encoding="utf-8")


def _count(pattern) -> dict[str, int]:
    return {str(p.relative_to(UI)): len(pattern.findall(text)) for p, text in _sources()
            if pattern.search(text)}


def test_inline_style_sheets_do_not_grow():
    found = _count(STYLE_CALL)
    assert sum(found.values()) <= MAX_INLINE_STYLE_SHEETS, (
        "new setStyleSheet calls: put the look in frontdesk/ui/style.py", found)


def test_hard_coded_colours_do_not_grow():
    found = _count(COLOUR)
    assert sum(found.values()) <= MAX_HARD_CODED_COLOURS, (
        "new colours: use the palette in frontdesk/ui/palette.py", found)


@pytest.mark.parametrize("name", CLEAN)
def test_screens_moved_to_the_central_style_stay_clean(name):
    text = (UI / name).read_text(encoding="utf-8")
    assert not STYLE_CALL.search(text), name
    assert not COLOUR.search(text), name


def test_the_central_sheet_uses_the_palette():
    from frontdesk.ui import style

    assert style.ACCENT in style.STYLE_SHEET and style.ERROR in style.STYLE_SHEET
    for name in ("#feeTotal", "#escortWhere", "QPushButton[role=\"primary\"]", "#lockCover",
                 "QLabel[role=\"notice-warn\"]", "QLabel[role=\"coach-heading\"]",
                 "QPushButton#newArrival", "#boardCard", "#callingPaused", "#followUpScript",
                 "#checkHeader"):
        assert name in style.STYLE_SHEET, name


def test_the_waiting_room_display_has_its_own_section():
    """The big-screen look is scoped to the display: its palette never styles a desk screen."""
    from frontdesk.ui import style

    rules = [line for line in style.STYLE_SHEET.splitlines() if style.DISPLAY_CALL in line
             or style.DISPLAY_BACKGROUND in line or style.DISPLAY_PANEL in line]
    assert rules and all("#waitingRoomDisplay" in line or line.startswith("    ")
                         for line in rules), rules
