"""The application's one style sheet: colours and text styles by role, set once at start.

Widgets say what a thing is, not how it looks: a dynamic property
(`label.setProperty("role", "error")`, through :func:`set_role` when it changes
while shown), an objectName (`#redFlagBanner`), or a state property the sheet
reacts to (`invalid="true"` on an editor with an error). :func:`apply` puts the
sheet on the QApplication (shell/app.py at start-up; tests/conftest.py for
widget tests).

Colours a model hands to a view through data roles (BackgroundRole,
ForegroundRole) stay in Python next to the model: a style sheet cannot reach
them. The palette below names the shared ones.
"""

from __future__ import annotations

# The palette (Tailwind-like shades the screens already used).
ERROR = "#b91c1c"  # error text
DANGER = "#dc2626"  # red-flag banner, invalid field border
MUTED = "#64748b"  # hints, empty lists, "updated at"
SECONDARY = "#475569"  # secondary headings and explanations
OK = "#166534"  # done, waived, signed in
ACCENT = "#0f766e"  # the hospital teal
WARN_TEXT = "#92400e"
DISABLED = "#94a3b8"  # a doctor not on duty now, in a list

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

/* The etiquette coach beside the desk and the door (ui/reception/coach.py) */
#etiquetteCoach {{ background: #f8fafc; border: 1px solid #cbd5e1; border-radius: 6px; }}
#etiquetteCoach QLabel[role="heading"] {{ color: {SECONDARY}; font-size: 9pt; font-weight: 600;
    margin-top: 4px; }}
#etiquetteCoach QLabel[role="cue"] {{ color: {MUTED}; font-size: 9pt; }}
#etiquetteCoach QLabel[role="phrase"] {{ color: #0f172a; font-size: 15pt; }}
#coachAddress {{ color: {ACCENT}; font-size: 20pt; font-weight: 700; }}
#coachHandover {{ color: #1e3a8a; font-size: 11pt; }}
#coachAnytime {{ font-size: 9pt; }}
#coachScroll, #coachBody {{ background: transparent; }}
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
QTabWidget#receptionTabs > QTabBar::tab {{ font-size: 12pt; padding: 6px 18px; }}

/* Notices above the desk's step, by kind */
QLabel[role="notice-info"], QLabel[role="notice-warn"], QLabel[role="notice-error"] {{
    padding: 6px 10px; border-radius: 4px; font-size: 11pt; }}
QLabel[role="notice-info"] {{ background: #ecfdf5; color: {OK}; border: 1px solid #86efac; }}
QLabel[role="notice-warn"] {{ background: #fffbeb; color: {WARN_TEXT}; border: 1px solid #fcd34d; }}
QLabel[role="notice-error"] {{ background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5; }}

/* The desk's progress strip ① … ⑥ */
QLabel[role="track-current"], QLabel[role="track-done"], QLabel[role="track-todo"] {{
    padding: 4px; border-radius: 3px; }}
QLabel[role="track-current"] {{ background: {ACCENT}; color: white; font-weight: 700; }}
QLabel[role="track-done"] {{ background: #ccfbf1; color: #115e59; }}
QLabel[role="track-todo"] {{ background: #f1f5f9; color: {MUTED}; }}

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
QListWidget#navigation {{ font-size: 13pt; border: none; background: #f1f5f9; }}
QListWidget#navigation::item {{ padding: 14px 12px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}

/* Lists of notes (handover), one note per item with a rule under it */
QListWidget[role="notes"]::item {{ padding: 6px; border-bottom: 1px solid #e2e8f0; }}
QListWidget#pendingHandoverList::item:selected {{ background: #ccfbf1; color: #0f172a; }}
"""


def apply(app) -> None:
    """Give `app` (the QApplication) the style sheet; harmless to call again."""
    if app.styleSheet() != STYLE_SHEET:
        app.setStyleSheet(STYLE_SHEET)


def set_role(widget, role: str) -> None:
    """Give `widget` a style role; a shown widget is re-polished so the rule applies now."""
    if widget.property(ROLE) == role:
        return
    widget.setProperty(ROLE, role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
