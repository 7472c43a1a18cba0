"""The waiting-room display's own look: a TV across a hall, dark, high contrast, large.

Kept apart from the desk's sheet (frontdesk/ui/style.py): the display is not a
form but a sign. Widgets name themselves (objectName); the colours live here.
Font sizes follow the window's height (DisplayWindow.resizeEvent), so the same
screen reads from 5 metres on a 1366×768 panel and a 1920×1080 TV.
"""

BACKGROUND = "#0b1f2a"
PANEL = "#12303f"
TEXT = "#f8fafc"
DIM = "#9fb7c6"
CALL = "#facc15"        # the number now called
ROOM = "#5eead4"
ALERT_BG = "#b91c1c"
PAUSED = "#fb923c"

SHEET = f"""
QWidget#waitingRoomDisplay {{ background: {BACKGROUND}; }}
QWidget#waitingRoomDisplay QLabel {{ color: {TEXT}; background: transparent; }}
#waitingRoomDisplay QLabel#displayTitle {{ color: {TEXT}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayClock {{ color: {TEXT}; font-weight: bold; }}
#waitingRoomDisplay QFrame#displayHero {{ background: {PANEL}; border: 3px solid {CALL}; border-radius: 12px; }}
#waitingRoomDisplay QLabel#displayHeroLabel {{ color: {DIM}; }}
#waitingRoomDisplay QLabel#displayHeroTicket {{ color: {CALL}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayHeroName {{ color: {TEXT}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayHeroRoom {{ color: {ROOM}; font-weight: bold; }}
#waitingRoomDisplay QFrame#displayClinic {{ background: {PANEL}; border-radius: 10px; }}
#waitingRoomDisplay QLabel#clinicName {{ color: {TEXT}; font-weight: bold; }}
#waitingRoomDisplay QLabel#clinicRoom {{ color: {ROOM}; }}
#waitingRoomDisplay QLabel#clinicCalled {{ color: {CALL}; font-weight: bold; }}
#waitingRoomDisplay QLabel#clinicNext {{ color: {TEXT}; }}
#waitingRoomDisplay QLabel#clinicAhead {{ color: {DIM}; }}
#waitingRoomDisplay QLabel#clinicCount {{ color: {DIM}; }}
#waitingRoomDisplay QLabel#clinicPaused {{ color: {PAUSED}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayBroadcast {{ background: {ALERT_BG}; color: white; font-weight: bold;
    border-radius: 8px; padding: 6px; }}
#waitingRoomDisplay QLabel#displayStatus {{ color: {PAUSED}; }}
#waitingRoomDisplay QWidget#displayTicker {{ color: {TEXT}; }}
#waitingRoomDisplay QLabel#displayEmpty {{ color: {DIM}; }}
"""
