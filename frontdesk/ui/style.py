"""The application's one style sheet: colours and text styles by role, set once at start.

Widgets say what a thing is, not how it looks: a dynamic property
(`label.setProperty("role", "error")`, through :func:`set_role` when it changes
while shown), an objectName (`#redFlagBanner`), or a state property the sheet
reacts to (`invalid="true"` on an editor with an error). :func:`apply` puts the
sheet on the QApplication (shell/app.py at start-up; tests/conftest.py for
widget tests).

Colours a model hands to a view through data roles (BackgroundRole,
ForegroundRole) cannot come from a style sheet: the model takes them from the
named palette entries below (`QColor(style.FILL_RED)`), never a literal.

The waiting-room display (ui/queue/display.py) is a sign across a hall, not a
form: it has its own dark palette (DISPLAY_*) and its own section of the sheet,
scoped to `#waitingRoomDisplay`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QProxyStyle, QWidget

# The named colours live in ui/palette.py (no Qt there: the first frame paints with them
# before Qt is imported); the sheet reads them here, and callers as `style.FILL_RED`.
from frontdesk.ui.palette import *  # noqa: F403

ROLE = "role"  # the dynamic property the sheet's role rules read

STYLE_SHEET = f"""
/* Text by role */
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="field-error"] {{ color: {ERROR}; font-size: 9pt; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="secondary"] {{ color: {SECONDARY}; }}
QLabel[role="ok"] {{ color: {OK}; }}
QLabel[role="accent"] {{ color: {ACCENT}; }}

/* An editor whose field has an error (widgets.fields.FieldBox sets `invalid`) */
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"],
QSpinBox[invalid="true"] {{
    border: 2px solid {DANGER}; border-radius: 3px; }}

/* Banners and notices */
/* A red-flag complaint: at triage, and at escort (billing after the doctor) */
#redFlagBanner, #deferredBanner {{ background: {DANGER}; color: white; font-weight: 700;
    border-radius: 4px; }}
#redFlagBanner {{ font-size: 15pt; padding: 8px 12px; }}
#deferredBanner {{ font-size: 13pt; padding: 6px 10px; }}
QLabel[role="warning-box"] {{ background: #fef3c7; color: {WARN_TEXT}; border: 1px solid #f59e0b;
    border-radius: 4px; padding: 6px; }}

/* The patient banner above every desk step (ui/reception/banner.py) */
#patientBanner {{ background: #f0fdfa; border: 1px solid #99f6e4; border-radius: 6px; }}
#bannerNumber {{ font-size: 15pt; font-weight: 700; color: {ACCENT}; }}
#bannerName {{ font-size: 15pt; font-weight: 700; }}
#bannerNumber, #bannerName {{ padding-right: 4px; }}
#bannerSexAge, #bannerWaited {{ font-size: 12pt; color: {SECONDARY}; }}
#bannerVip {{ background: #fef3c7; color: {WARN_TEXT}; border-radius: 3px; padding: 1px 6px;
    font-weight: 600; }}
#bannerRedFlag {{ background: {DANGER}; color: white; border-radius: 3px; padding: 1px 6px;
    font-weight: 700; }}
#bannerContext {{ font-size: 12pt; }}

/* The etiquette coach beside the desk and at the door. Its box is painted by the coach
   itself (PANEL_FILL, PANEL_BORDER): a sheet on the coach would send all its labels
   through the style-sheet engine at start-up. */
QLabel[role="coach-heading"] {{ color: {SECONDARY}; font-size: 9pt; font-weight: 600;
    margin-top: 4px; }}
QLabel[role="coach-cue"] {{ color: {MUTED}; font-size: 9pt; }}
QLabel[role="coach-phrase"] {{ color: #0f172a; font-size: 15pt; }}
#coachAddress {{ color: {ACCENT}; font-size: 20pt; font-weight: 700; }}
#coachHandover {{ color: #1e3a8a; font-size: 11pt; }}
#coachAnytime {{ font-size: 9pt; }}
#coachFarewell {{ color: {OK}; font-size: 11pt; font-weight: 600; }}
#coachForbidden {{ color: {ERROR}; font-size: 10pt; }}

/* A gentle note under text typed for patients (widgets/phrase_check.py) */
QLabel[role="phrase-warning"] {{ color: {WARN_TEXT}; background: #fffbeb; border: 1px solid #fcd34d;
    border-radius: 3px; padding: 3px 6px; }}

/* Shift handover, an area of its own (ui/staffing/handover_area.py) */
#handoverTitle {{ font-size: 14pt; font-weight: 600; }}

/* Buttons that move a step on (the desk's main action) */
QPushButton[role="primary"] {{ font-size: 14pt; font-weight: 700; padding: 10px 24px;
    background: {ACCENT}; color: white; border-radius: 6px; }}
QPushButton[role="primary"]:focus {{ border: 3px solid #f59e0b; }}
#confirmPayment, #handedToDoctor, #backAtPost {{ font-size: 13pt; font-weight: 700; }}
#triageConfirm {{ font-size: 12pt; font-weight: 600; }}
#completeDeferred {{ color: #991b1b; font-weight: 700; }}

/* The desk's step pages (ui/reception) */
#greetingInfo {{ font-size: 15pt; }}
#closedInfo, #emptyStep {{ font-size: 14pt; }}
#emptyStep {{ color: {MUTED}; }}
#triagePatient {{ font-size: 12pt; color: {ACCENT}; font-weight: 600; }}
QPlainTextEdit#complaint {{ font-size: 13pt; }}
QListWidget#departmentList, QListWidget#doctorList {{ font-size: 11pt; }}
QListWidget#departmentList::item, QListWidget#doctorList::item {{ padding: 3px 2px; }}
#duplicateWarning {{ background: #fffbeb; border: 2px solid #f59e0b; border-radius: 6px; }}
#duplicateHeading {{ font-size: 12pt; font-weight: 700; color: {WARN_TEXT}; }}
#lateRegistrationBanner {{ background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5;
    border-radius: 4px; padding: 6px 10px; font-size: 12pt; font-weight: 600; }}
#recordReviewNote {{ background: #eff6ff; color: #1e3a8a; border: 1px solid #93c5fd;
    border-radius: 4px; padding: 6px 10px; font-size: 11pt; }}
#leaveBox {{ background: #fef2f2; border: 1px solid #fca5a5; border-radius: 6px; }}
#billingHeading {{ font-size: 13pt; font-weight: 600; }}
#feeLines QLabel {{ font-size: 13pt; }}
#feeTotal {{ font-size: 22pt; font-weight: 700; color: #0f172a; }}
#waiverNote {{ color: {OK}; font-size: 12pt; font-weight: 600; }}
#escortWhere {{ font-size: 20pt; font-weight: 700; color: {ACCENT}; }}
#escortDirections, #escortDoctor {{ font-size: 13pt; }}
#busyEscortsNote {{ color: {WARN_TEXT}; font-size: 11pt; }}
#escortStatus {{ font-size: 12pt; color: {OK}; }}
#deferredBillingTitle {{ font-size: 12pt; font-weight: 700; color: #991b1b; }}
QListWidget#deferredBillingList::item {{ padding: 3px; }}
/* On the tab bar itself: a rule anchored on the tab widget would style the whole desk. */
QTabBar#receptionTabBar::tab {{ font-size: 12pt; padding: 6px 18px; }}

/* Notices above the desk's step, by kind */
QLabel[role="notice-info"], QLabel[role="notice-warn"], QLabel[role="notice-error"] {{
    padding: 6px 10px; border-radius: 4px; font-size: 11pt; }}
QLabel[role="notice-info"] {{ background: #ecfdf5; color: {OK}; border: 1px solid #86efac; }}
QLabel[role="notice-warn"] {{ background: #fffbeb; color: {WARN_TEXT}; border: 1px solid #fcd34d; }}
QLabel[role="notice-error"] {{ background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5; }}

/* Reports, admin, log-in, about */
#reportTitle {{ font-size: 15pt; font-weight: 600; }}
#reportNotice {{ background: #fff8e1; border: 1px solid #c9a227; padding: 6px; font-size: 11pt; }}
QDateEdit[invalid="true"] {{ border: 1px solid {ERROR}; }}
QLabel[role="table-heading"] {{ font-weight: 600; margin-top: 6px; font-size: 11pt; }}
QTableView[role="report-table"] {{ font-size: 11pt; }}
QLabel[role="note"] {{ color: {MUTED}; font-size: 9pt; }}
#adminRefused {{ font-size: 14pt; color: {SECONDARY}; }}
#ruleFormTitle {{ font-weight: 600; font-size: 12pt; }}
#loginHospital {{ font-size: 16pt; font-weight: 600; color: {ACCENT}; }}
#aboutTitle {{ font-size: 15pt; font-weight: bold; }}

/* The lock screen (ui/shell/lock.py) */
#lockCover, #lockOverlay {{ background: #0f3d3a; }}
#lockTitle {{ color: white; font-size: 20pt; font-weight: 600; }}
#lockSubtitle {{ color: #ccfbf1; font-size: 11pt; }}
#lockCard {{ background: white; border-radius: 10px; }}

/* The area list on the left of the main window */
QListWidget#navigation {{ font-size: 13pt; border: none; background: {NAV_FILL}; outline: 0; }}
QListWidget#navigation::item {{ padding: 14px 12px 14px 8px; border-left: 4px solid transparent; }}
/* Light teal with a teal edge: the dark line icons stay readable on the current area */
QListWidget#navigation::item:selected {{ background: #ccfbf1; color: #115e59;
    border-left: 4px solid {ACCENT}; font-weight: 600; }}

/* Lists of notes (handover), one note per item with a rule under it */
QListWidget[role="notes"]::item {{ padding: 6px; border-bottom: 1px solid #e2e8f0; }}
QListWidget#pendingHandoverList::item:selected {{ background: #ccfbf1; color: #0f172a; }}
#pendingHandoverHeading {{ font-size: 13pt; font-weight: 700; }}
#handoverStatus {{ color: {OK}; }}

/* The door guide's panel (ui/reception/door.py): big keys for a standing guide */
QPushButton#newArrival {{ font-size: 24pt; font-weight: 700; padding: 20px; background: {ACCENT};
    color: white; border-radius: 12px; }}
QPushButton#newArrival:disabled {{ background: {DISABLED}; }}
QLineEdit#bookingScan, QLineEdit#bookingScan * {{ font-size: 14pt; padding: 6px; }}
QLabel[role="door-question"] {{ font-size: 16pt; }}
QLabel[role="door-question-small"] {{ font-size: 13pt; }}
QPushButton[role="door-choice"], QPushButton[role="door-choice-small"] {{ border: 2px solid {DISABLED};
    border-radius: 8px; background: white; }}
QPushButton[role="door-choice"] {{ font-size: 16pt; padding: 10px 18px; }}
QPushButton[role="door-choice-small"] {{ font-size: 13pt; padding: 6px 12px; }}
QPushButton[role="door-choice"]:checked, QPushButton[role="door-choice-small"]:checked {{
    background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[role="door-choice"]:focus, QPushButton[role="door-choice-small"]:focus {{
    border-color: #f59e0b; }}
QLineEdit#doorName, QComboBox#doorPriority, QComboBox#doorPriority * {{ font-size: 13pt;
    padding: 4px; }}
QPushButton#handOver {{ font-size: 20pt; font-weight: 700; padding: 14px; background: #1d4ed8;
    color: white; border-radius: 10px; }}
QPushButton#handOver:disabled {{ background: #cbd5e1; color: {SECONDARY}; }}
#doorMessage, #doorSay {{ font-size: 13pt; }}
#doorTicketFrame {{ border: 2px dashed {ACCENT}; border-radius: 10px; background: #f0fdfa; }}
#doorTicket {{ font-size: 40pt; font-weight: 800; color: {ACCENT}; }}

/* The desk's patient lookup and visit list (ui/reception/lookup.py, visits.py) */
#lookupHeading {{ font-size: 12pt; font-weight: 600; }}
QLineEdit#lookupQuery, QLineEdit#lookupQuery * {{ font-size: 13pt; }}
#visitListTitle {{ font-size: 13pt; font-weight: 700; }}

/* The waiting board (ui/queue/board.py) */
#boardTitle {{ font-size: 20pt; font-weight: 700; }}
#boardEmpty {{ font-size: 16pt; color: {MUTED}; }}
#boardCard {{ background: white; border: 1px solid #cbd5e1; border-radius: 6px; }}
#boardCardTitle {{ font-size: 14pt; font-weight: 700; color: {ACCENT}; }}
QTableView#boardTable {{ font-size: 12pt; border: none; }}
#boardCare {{ background: #fffbeb; border: 1px solid #fcd34d; border-radius: 6px; }}
#boardCareTitle {{ font-size: 13pt; font-weight: 700; color: {WARN_TEXT}; }}
#boardCarePhrases, #boardCareList {{ font-size: 11pt; }}

/* The doctor's calling panel (ui/queue/calling.py) */
#callingTitle {{ font-size: 18pt; font-weight: 700; }}
#callingPaused {{ background: {FILL_RED}; color: {TEXT_RED_STRONG}; padding: 6px; font-weight: 700;
    border-radius: 4px; }}
#callingNow {{ font-size: 16pt; font-weight: 700; color: #1e3a8a; }}
QTableView#callingTable {{ font-size: 12pt; }}
QPushButton#calling_call_next {{ font-weight: 700; }}

/* Service: follow-up calls, complaints, the desk's tabs (ui/service) */
#followUpHeading {{ font-size: 15pt; font-weight: 600; }}
#followUpWho {{ font-size: 14pt; font-weight: 600; }}
#followUpScript {{ background: #f0fdfa; border: 1px solid #99f6e4; border-radius: 6px; padding: 8px;
    font-size: 12pt; }}
#followUpRate {{ font-size: 13pt; font-weight: 600; }}
#consultHeading {{ font-size: 13pt; font-weight: 600; }}
#apptListHeading {{ font-weight: 600; }}
QLabel[role="service-report-title"] {{ font-weight: 600; font-size: 12pt; }}
#complaintOverdueBanner {{ background: {ERROR}; color: white; font-size: 14pt; font-weight: 700;
    padding: 8px; border-radius: 4px; }}
QPushButton#serviceOverdueBanner {{ background: {ERROR}; color: white; font-size: 14pt;
    font-weight: 700; padding: 8px; border-radius: 4px; text-align: left; }}

/* Staffing: sign-in, the roster and grooming checks (ui/staffing) */
#signInIntro {{ font-size: 12pt; }}
#signInResult {{ color: {OK}; font-size: 12pt; }}
QTableWidget#rosterTable {{ font-size: 12pt; }}
QTableWidget#rosterGrid {{ font-size: 13pt; }}
#rosterWarnings {{ color: #8a5a00; }}
#historySummary {{ font-weight: 600; }}
#checkHeader {{ font-size: 14pt; font-weight: 600; }}
#fineTotalLabel {{ font-size: 13pt; font-weight: 600; }}

/* The live connection to the server (ui/shell/live.py) */
QLabel#connectionBanner {{ background: #b3261e; color: white; font-weight: bold; padding: 6px; }}

/* The waiting-room display (ui/queue/display.py): its own dark, large look. Font sizes
   follow the window's height (DisplayWindow.resizeEvent), not the sheet. */
QWidget#waitingRoomDisplay {{ background: {DISPLAY_BACKGROUND}; }}
QWidget#waitingRoomDisplay QLabel {{ color: {DISPLAY_TEXT}; background: transparent; }}
#waitingRoomDisplay QLabel#displayTitle {{ color: {DISPLAY_TEXT}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayClock {{ color: {DISPLAY_TEXT}; font-weight: bold; }}
#waitingRoomDisplay QFrame#displayHero {{ background: {DISPLAY_PANEL};
    border: 3px solid {DISPLAY_CALL}; border-radius: 12px; }}
#waitingRoomDisplay QLabel#displayHeroLabel {{ color: {DISPLAY_DIM}; }}
#waitingRoomDisplay QLabel#displayHeroTicket {{ color: {DISPLAY_CALL}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayHeroName {{ color: {DISPLAY_TEXT}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayHeroRoom {{ color: {DISPLAY_ROOM}; font-weight: bold; }}
#waitingRoomDisplay QFrame#displayClinic {{ background: {DISPLAY_PANEL}; border-radius: 10px; }}
#waitingRoomDisplay QLabel#clinicName {{ color: {DISPLAY_TEXT}; font-weight: bold; }}
#waitingRoomDisplay QLabel#clinicRoom {{ color: {DISPLAY_ROOM}; }}
#waitingRoomDisplay QLabel#clinicCalled {{ color: {DISPLAY_CALL}; font-weight: bold; }}
#waitingRoomDisplay QLabel#clinicNext {{ color: {DISPLAY_TEXT}; }}
#waitingRoomDisplay QLabel#clinicAhead {{ color: {DISPLAY_DIM}; }}
#waitingRoomDisplay QLabel#clinicCount {{ color: {DISPLAY_DIM}; }}
#waitingRoomDisplay QLabel#clinicPaused {{ color: {DISPLAY_PAUSED}; font-weight: bold; }}
#waitingRoomDisplay QLabel#displayBroadcast {{ background: {DISPLAY_ALERT_BG}; color: white;
    font-weight: bold; border-radius: 8px; padding: 6px; }}
#waitingRoomDisplay QLabel#displayStatus {{ color: {DISPLAY_PAUSED}; }}
#waitingRoomDisplay QWidget#displayTicker {{ color: {DISPLAY_TEXT}; }}
#waitingRoomDisplay QLabel#displayEmpty {{ color: {DISPLAY_DIM}; }}
"""


def apply(app) -> None:
    """Give `app` (the QApplication) the central style; harmless to call again.

    The sheet is not set on the application: an application-wide style sheet sends
    every widget through Qt's style-sheet engine (about a sixth of the start-up, most
    of it for widgets no rule names). The rules are applied where they match instead:
    `_Dressing.polish` gives a widget the rules that name it (its type, objectName or
    role), as its own sheet; rules for descendants (`#feeLines QLabel`) go on
    the ancestor they start from. Widgets no rule names stay on the plain style.
    """
    if not isinstance(app.style(), _Dressing):
        app.setStyle(_Dressing(app.style().name()))


def set_role(widget, role: str) -> None:
    """Give `widget` a style role; its rules apply now, shown or not."""
    if widget.property(ROLE) == role:
        return
    widget.setProperty(ROLE, role)
    repolish(widget)


def repolish(widget) -> None:
    """After a property the rules read changed (`role`, `invalid`): the matching rules now."""
    dress(widget)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


# --- applying the sheet's rules to the widgets they name ---------------------------------

class _Rule:
    __slots__ = ("order", "text", "type", "name", "props", "plain")

    def __init__(self, order, text, type_, name, props, plain):
        self.order, self.text, self.type, self.name, self.props = order, text, type_, name, props
        self.plain = plain  # {"color": …, "font-size": …, "font-weight": …} or None

    def matches(self, widget) -> bool:
        if self.name is not None and widget.objectName() != self.name:
            return False
        if self.type is not None and not widget.inherits(self.type):
            return False
        for prop, value in self.props:
            got = widget.property(prop)
            if got is None or (str(got).lower() if isinstance(got, bool) else str(got)) != value:
                return False
        return True


_ANCHOR = re.compile(r"^(?P<type>[A-Za-z_]\w*)?(?:#(?P<name>[\w-]+))?(?P<props>(?:\[[^\]]+\])*)")
_PROP = re.compile(r'\[\s*([\w-]+)\s*=\s*"([^"]*)"\s*\]')


def _rules(sheet: str) -> tuple[dict, dict, list]:
    """The sheet's rules indexed by what their first compound selector names."""
    by_name: dict[str, list[_Rule]] = {}
    by_prop: dict[tuple[str, str], list[_Rule]] = {}
    by_type: list[_Rule] = []
    text = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    order = 0
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        for selector in (part.strip() for part in selectors.split(",")):
            if not selector:
                continue
            first = re.split(r"\s*>\s*|\s+", selector, maxsplit=1)[0]
            found = _ANCHOR.match(first.split(":", 1)[0])
            props = tuple(_PROP.findall(found.group("props") or ""))
            simple = first == selector and ":" not in selector
            rule = _Rule(order, f"{selector} {{{body.strip()}}}", found.group("type"),
                         found.group("name"), props, _plain(body) if simple else None)
            order += 1
            if rule.name:
                by_name.setdefault(rule.name, []).append(rule)
            elif props:
                by_prop.setdefault(props[0], []).append(rule)
            else:
                by_type.append(rule)
    return by_name, by_prop, by_type


_PLAIN_KEYS = ("color", "font-size", "font-weight")
# Space around the text of a label with no border or background: the same as
# contents margins (margin and padding only differ where a border is drawn).
_SIDES = ("top", "right", "bottom", "left")
_SPACE_KEYS = tuple(f"{box}-{side}" for box in ("margin", "padding") for side in _SIDES)
_WEIGHTS = {"bold": 700, "normal": 400}


def _plain(body: str) -> dict | None:
    """The declarations as values when they only set the text colour, size and weight,
    and the space on a side (then a palette, a font and contents margins do it, without
    the style-sheet engine); else None."""
    values = {}
    for declaration in filter(None, (d.strip() for d in body.split(";"))):
        key, _, value = (part.strip() for part in declaration.partition(":"))
        if key in _SPACE_KEYS:
            if not value.endswith("px") or not value[:-2].isdigit():
                return None
            values[key] = int(value[:-2])
            continue
        if key not in _PLAIN_KEYS:
            return None
        if key == "font-size":
            if not value.endswith("pt"):
                return None
            value = float(value[:-2])
        elif key == "font-weight":
            value = _WEIGHTS.get(value) or int(value)
        values[key] = value
    return values


_BY_NAME, _BY_PROP, _BY_TYPE = _rules(STYLE_SHEET)
_PROPS = sorted({prop for prop, _ in _BY_PROP})


def _matched(widget) -> list[_Rule]:
    """The rules of the central sheet that name `widget`, in the sheet's order."""
    found = []
    name = widget.objectName()
    if name:
        found.extend(_BY_NAME.get(name, ()))
    for prop in _PROPS:
        value = widget.property(prop)
        if value is not None:
            key = (prop, str(value).lower() if isinstance(value, bool) else str(value))
            found.extend(_BY_PROP.get(key, ()))
    found.extend(_BY_TYPE)
    return sorted((r for r in found if r.matches(widget)), key=lambda r: r.order)


def dress(widget) -> None:
    """Give `widget` the look its rules give it (only when that changed).

    Colour, size, weight and the space on a side alone are set as the widget's palette,
    font and contents margins; anything else (boxes, backgrounds, sub-controls, rules for
    descendants) as its own sheet.
    """
    rules = _matched(widget)
    plain = None
    if rules and all(r.plain is not None for r in rules) and _plain_applies(widget):
        plain = {}
        for r in rules:
            plain.update(r.plain)
        if not widget.inherits("QLabel") and any(key in _SPACE_KEYS for key in plain):
            plain = None  # a button's padding sits inside its bevel: the sheet's to draw
    sheet = "" if plain is not None else "\n".join(r.text for r in rules)
    state = (sheet, tuple(sorted(plain.items())) if plain else ())
    before = widget.property(_DRESSED)
    if before == repr(state) or (before is None and not rules):
        return
    widget.setProperty(_DRESSED, repr(state))
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
    if plain or widget.property(_PLAIN):  # only a widget dress() gave a palette or font
        _set_plain(widget, plain or {})
        widget.setProperty(_PLAIN, bool(plain))


def _plain_applies(widget) -> bool:
    """A palette and font give the same look as the rule only on a label or a button
    (a font would reach a container's children, a rule does not) that no ancestor's
    sheet styles (the style-sheet engine keeps its own palette for such widgets)."""
    if not (widget.inherits("QLabel") or widget.inherits("QAbstractButton")):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if parent.styleSheet():
            return False
        parent = parent.parentWidget()
    return True


def _set_plain(widget, values: dict) -> None:
    """The widget's own font, palette and margins (as its code left them before the first
    rule), with the rule's colour, size, weight and space on top; `values` empty: back
    to its own."""
    base = getattr(widget, "_frontdesk_own_look", None)
    if base is None:
        # What the code set itself (WA_SetFont / WA_SetPalette), else nothing: inherit.
        own_font = widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
        own_palette = widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
        base = (QFont(widget.font()) if own_font else QFont(),
                QPalette(widget.palette()) if own_palette else QPalette(),
                widget.contentsMargins())
        widget._frontdesk_own_look = base
    own = base[2]
    extra = {side: values.get(f"margin-{side}", 0) + values.get(f"padding-{side}", 0)
             for side in _SIDES}
    if any(extra.values()) or widget.contentsMargins() != own:
        widget.setContentsMargins(own.left() + extra["left"], own.top() + extra["top"],
                                  own.right() + extra["right"], own.bottom() + extra["bottom"])
    palette = QPalette(base[1])
    if "color" in values:
        colour = QColor(values["color"])
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                     QPalette.ColorRole.ButtonText):
            palette.setColor(role, colour)
    widget.setPalette(palette)
    font = QFont(base[0])
    if "font-size" in values:
        font.setPointSizeF(values["font-size"])
    if "font-weight" in values:
        font.setWeight(QFont.Weight(values["font-weight"]))
    widget.setFont(font)


_PLAIN = "_frontdeskPlain"  # dress() set this widget's palette and font


_DRESSED = "_frontdeskDressed"  # what dress() last gave this widget


class _Dressing(QProxyStyle):
    """The platform's style, plus: a widget being polished gets its rules (dress)."""

    def polish(self, target):  # noqa: D401 - Qt API (QWidget, QPalette or QApplication)
        if isinstance(target, QWidget):
            dress(target)
        return super().polish(target)
