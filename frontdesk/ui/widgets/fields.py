"""A form field with its own error line, and Enter-moves-on keyboard handling.

Errors belong AT the field: each editor sits in a :class:`FieldBox` whose red
label under it shows the message; the editor gets a red border too, so the
problem is found without reading. A message that belongs to no single editor
(a whole form, a list) goes in an :func:`error_label`, shown with
:func:`show_error`. The colours come from the application style sheet
(frontdesk/ui/style.py: roles "error", "field-error"; `invalid="true"`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from frontdesk.ui import style

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def error_label(name: str, *, role: str = "error") -> QLabel:
    """A red message line (style `role`), hidden while empty; fill it with show_error()."""
    label = QLabel()
    label.setObjectName(name)
    label.setProperty(style.ROLE, role)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    """Show `message` in an error line; an empty message hides it."""
    label.setText(message)
    label.setAccessibleName(message)
    label.setVisible(bool(message))


class FieldBox(QWidget):
    """An editor and, under it, its error message (hidden while there is none)."""

    def __init__(self, key: str, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.editor = editor
        self.setObjectName(f"{key}Field")
        editor.setObjectName(editor.objectName() or key)
        self.error = error_label(f"{key}Error", role="field-error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        show_error(self.error, message)
        self.editor.setProperty("invalid", bool(message))
        # Re-polish so the [invalid="true"] style rule applies at once.
        style.repolish(self.editor)

    def clear_error(self) -> None:
        self.set_error("")

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""


class EnterAdvances(QObject):
    """Event filter: Enter in a line edit or combo box moves to the next field.

    On the last field (or with Ctrl held anywhere) Enter calls `submit`
    instead, so a form is filled and sent without touching the mouse.
    """

    def __init__(self, editors: list[QWidget], submit: Callable[[], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.editors = editors
        self.submit = submit
        for editor in editors:
            editor.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.key() not in ENTER_KEYS:
            return False
        if isinstance(obj, QComboBox) and obj.view().isVisible():
            return False  # Enter picks the item in an open list
        if not isinstance(obj, (QLineEdit, QComboBox)):
            return False
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            self.submit()
            return True
        try:
            i = self.editors.index(obj)
        except ValueError:
            return False
        following = [e for e in self.editors[i + 1:] if e.isEnabled() and e.isVisibleTo(e.window())]
        if not following:
            self.submit()
        else:
            following[0].setFocus(Qt.FocusReason.TabFocusReason)
        return True


def button_shortcut(button, keys: str, scope: QWidget | None = None) -> QShortcut:
    """`keys` clicks `button` at once (a button's own shortcut waits for an animation).

    The shortcut lives on `scope` (default: the button), so it only works while
    that widget is shown: hidden steps do not react.
    """
    shortcut = QShortcut(QKeySequence(keys), scope or button)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)

    def fire() -> None:
        if button.isEnabled() and button.isVisible():
            button.click()

    shortcut.activated.connect(fire)
    return shortcut
