"""First start of a real installation: the hospital's name and the first administrator.

The house rules are loaded with the name; the administrator then adds the
staff. Each problem is shown under its own field; nothing is saved until all
of it is right.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk import accounts, installation, rules
from frontdesk.errors import FrontdeskError
from frontdesk.ui.widgets.fields import error_label

MAX_NAME = 60


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Frontdesk"))
        self.setMinimumWidth(520)
        self.needs_rules = not rules.rules_loaded()
        self.needs_admin = accounts.needs_first_admin()
        self.created_admin = None

        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        self.name = self._edit("hospitalNameEdit", self.tr("Hospital name"), MAX_NAME)
        self.username = self._edit("adminUsernameEdit", self.tr("Administrator's username"), 40)
        self.display_name = self._edit("adminNameEdit", self.tr("Administrator's name"), 40)
        self.password = self._edit("adminPasswordEdit", self.tr("Password"), 128, secret=True)
        self.password2 = self._edit("adminPassword2Edit", self.tr("Password again"), 128,
                                    secret=True)
        self.pin = self._edit("adminPinEdit", self.tr("PIN"), 6, secret=True)
        self.errors: dict[str, QLabel] = {}

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.intro)
        rows = []
        if self.needs_rules:
            rows.append((self.tr("Hospital name:"), self.name, "hospital"))
        if self.needs_admin:
            rows += [
                (self.tr("Username:"), self.username, "username"),
                (self.tr("Name:"), self.display_name, "display_name"),
                (self.tr("Password:"), self.password, "password"),
                (self.tr("Password again:"), self.password2, "password2"),
                (self.tr("PIN ({n} digits):").format(n=accounts.pin_length()), self.pin, "pin"),
            ]
        for label, edit, field in rows:
            form.addRow(label, edit)
            error = error_label(f"{field}Error")
            form.addRow("", error)
            self.errors[field] = error
        self.error = error_label("firstRunError")  # anything not tied to one field
        self.error.show()  # keeps its line in the form even while empty
        form.addRow(self.error)
        form.addRow(self.buttons)
        (self.name if self.needs_rules else self.username).setFocus()

    def _intro_text(self) -> str:
        if self.needs_rules:
            return self.tr("This is a new installation. Enter the hospital's name and create the "
                           "first administrator. The house rules (departments, doctors, shifts, "
                           "grooming items and fines) are then loaded; the administrator adds the "
                           "staff and can edit the rules.")
        return self.tr("Nobody can log in yet. Create the first administrator; they then add "
                       "the staff under Admin.")

    @staticmethod
    def _edit(name: str, accessible: str, max_len: int, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(max_len)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _show_error(self, field: str | None, message: str) -> None:
        label = self.errors.get(field or "")
        if label is None:
            self.error.setText(message)
            return
        label.setText(message)
        label.show()

    def accept(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.error.clear()
        admin = None
        if self.needs_admin:
            if self.password.text() != self.password2.text():
                self._show_error("password2", self.tr("The two passwords differ."))
                self.password2.setFocus()
                return
            admin = installation.FirstAdmin(
                username=self.username.text(), display_name=self.display_name.text(),
                password=self.password.text(), pin=self.pin.text())
        try:
            self.created_admin = installation.set_up(hospital_name=self.name.text(), admin=admin)
        except FrontdeskError as exc:
            self._show_error(exc.field, exc.message())
            return
        super().accept()
