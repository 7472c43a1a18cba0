"""The application's named colours: plain strings, no Qt.

ui/style.py builds the style sheet from them and hands them out (`style.FILL_RED`);
the window's first frame (ui/shell/skeleton.py) paints with them before Qt's
namespace and the style are imported.
"""

# The palette (Tailwind-like shades the screens already used).
ERROR = "#b91c1c"  # error text
DANGER = "#dc2626"  # red-flag banner, invalid field border
MUTED = "#64748b"  # hints, empty lists, "updated at"
SECONDARY = "#475569"  # secondary headings and explanations
OK = "#166534"  # done, waived, signed in
ACCENT = "#0f766e"  # the hospital teal
WARN_TEXT = "#92400e"
DISABLED = "#94a3b8"  # a doctor not on duty now, in a list
PANEL_FILL = "#f8fafc"  # a side panel's box (the etiquette coach)
PANEL_BORDER = "#cbd5e1"

# Row fills and row text that models hand to their views (BackgroundRole / ForegroundRole),
# and the colours of rich text built in Python (the queue board's legend and care list).
INK = "#111827"  # text on a coloured cell (the roster grid)
FILL_RED = "#fee2e2"  # a red flag, a failed item or check, an overdue complaint
FILL_RED_STRONG = "#fecaca"  # past the red threshold of a wait
FILL_AMBER = "#fef3c7"  # past the amber threshold of a desk step
FILL_AMBER_STRONG = "#fde68a"  # past the amber threshold on the waiting board
FILL_YELLOW = "#fef9c3"  # not checked yet; sent for tests
FILL_GREEN = "#dcfce7"  # passed; consulting
FILL_BLUE = "#dbeafe"  # called
FILL_CYAN = "#ecfeff"  # handed over by the door, nobody has taken them yet
FILL_SLATE = "#f1f5f9"  # missed
TEXT_AMBER_STRONG = "#78350f"  # text on FILL_AMBER_STRONG
TEXT_RED_STRONG = "#7f1d1d"  # text on FILL_RED_STRONG
TEXT_REASON = "#9a3412"  # a visit reason given in Chinese, in the calling list
# The desk's progress strip (ui/reception/desk/track.py paints it): the current step on
# ACCENT, steps done in light teal, steps to come on FILL_SLATE in MUTED.
TRACK_CURRENT_TEXT = "#ffffff"
TRACK_DONE_FILL = "#ccfbf1"
TRACK_DONE_TEXT = "#115e59"

# The navigation column, and the shapes the window's first frame shows where the desk's
# parts will be (ui/shell/skeleton.py) before they are built.
NAV_FILL = FILL_SLATE
SKELETON_SHAPE = "#e2e8f0"

# The waiting-room display's own palette: dark, high contrast, read from 5 metres.
DISPLAY_BACKGROUND = "#0b1f2a"
DISPLAY_PANEL = "#12303f"
DISPLAY_TEXT = "#f8fafc"
DISPLAY_DIM = "#9fb7c6"
DISPLAY_CALL = "#facc15"  # the number now called
DISPLAY_ROOM = "#5eead4"
DISPLAY_ALERT_BG = "#b91c1c"
DISPLAY_PAUSED = "#fb923c"
