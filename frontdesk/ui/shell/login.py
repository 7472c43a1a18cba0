"""The log-in dialog at start-up, and the username + password form the lock screen reuses."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import accounts, settings
from frontdesk.errors import ConfigError, DatabaseFailure, FrontdeskError
from frontdesk.ui.widgets.fields import error_label
from frontdesk.ui.widgets.retranslate import Retranslating


class CredentialsForm(Retranslating, QWidget):
    """Username and secret fields, each with its own error line, and a submit button.

    `submitted(username, secret)` is emitted on Enter or the button; the owner
    calls the domain and hands any FrontdeskError back with `show_error`.
    """

    submitted = Signal(str, str)

    def __init__(self, prefix: str, *, allow_pin: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.allow_pin = allow_pin
        self.username_label = QLabel()
        self.username = QLineEdit()
        self.username.setObjectName(f"{prefix}Username")
        self.username.setMaxLength(40)
        self.username_label.setBuddy(self.username)
        self.username_error = error_label(f"{prefix}UsernameError")
        self.secret_label = QLabel()
        self.secret = QLineEdit()
        self.secret.setObjectName(f"{prefix}Password")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMaxLength(128)
        self.secret_label.setBuddy(self.secret)
        self.secret_error = error_label(f"{prefix}PasswordError")
        self.submit = QPushButton()
        self.submit.setObjectName(f"{prefix}Submit")
        self.submit.setDefault(True)
        self.submit.setMinimumHeight(34)
        self.submit.clicked.connect(self._submit)
        self.username.returnPressed.connect(self.secret.setFocus)
        self.secret.returnPressed.connect(self._submit)
        self.username.textEdited.connect(lambda _: self.username_error.hide())
        self.secret.textEdited.connect(lambda _: self.secret_error.hide())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.username_label, self.username, self.username_error, self.secret_label,
                  self.secret, self.secret_error):
            layout.addWidget(w)
        layout.addSpacing(8)
        layout.addWidget(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.username_label.setText(self.tr("&Username"))
        self.username.setAccessibleName(self.tr("Username"))
        if self.allow_pin:
            self.secret_label.setText(self.tr("&Password or PIN"))
            self.secret.setAccessibleName(self.tr("Password or PIN"))
        else:
            self.secret_label.setText(self.tr("&Password"))
            self.secret.setAccessibleName(self.tr("Password"))

    def _submit(self) -> None:
        self.clear_errors()
        self.submitted.emit(self.username.text(), self.secret.text())

    def clear_errors(self) -> None:
        self.username_error.hide()
        self.secret_error.hide()

    def show_error(self, exc: FrontdeskError) -> None:
        """Show the message at its field; a wrong secret is cleared so it can be typed again.

        When the database failed (locked, server unreachable, damaged) nothing typed
        was wrong: the message goes under the secret and both fields keep their text.
        """
        if exc.field == "username":
            label, field = self.username_error, self.username
        else:
            label, field = self.secret_error, self.secret
            if not isinstance(exc, DatabaseFailure | ConfigError):
                self.secret.clear()
        label.setText(exc.message())
        label.show()
        field.setFocus()
        field.selectAll()

    def reset(self, username: str = "") -> None:
        self.clear_errors()
        self.username.setText(username)
        self.secret.clear()
        (self.secret if username else self.username).setFocus()


class LoginDialog(Retranslating, QDialog):
    """Who is at the desk: asked at start-up, before any patient data is shown."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.staff = None
        self.setObjectName("loginDialog")
        self.hospital = QLabel(settings.hospital_name() or "Frontdesk")
        self.hospital.setObjectName("loginHospital")
        self.hospital.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setProperty("role", "secondary")
        self.form = CredentialsForm("login", parent=self)
        self.form.setFixedWidth(340)
        self.form.submitted.connect(self.try_login)
        self.hint = QLabel()
        self.hint.setObjectName("loginDemoHint")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.hint.setFixedWidth(340)  # wrapped text needs a fixed width to get its height right
        self.hint.setVisible(bool(getattr(ctx, "demo", False)))
        self.quit = QPushButton()
        self.quit.setObjectName("loginQuit")
        self.quit.setAutoDefault(False)
        self.quit.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        # Grow when an error line appears instead of squeezing the button under the hint.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.hospital)
        layout.addWidget(self.heading)
        layout.addSpacing(12)
        layout.addWidget(self.form)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.quit)
        layout.addLayout(row)
        self.retranslate()
        self.form.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — Frontdesk"))
        self.heading.setText(self.tr("Log in to start your shift"))
        self.form.submit.setText(self.tr("&Log in"))
        self.quit.setText(self.tr("&Quit"))
        self.hint.setText(self.tr("Demo hospital: log in as admin, leitt, desk1 or guide1 with "
                                  "the password demo1234."))

    def try_login(self, username: str, password: str) -> bool:
        """Check the credentials in the domain; accept on success, else say why at the field."""
        failed: list[FrontdeskError] = []
        staff = self.ctx.run(accounts.login, username, password,
                             on_error=lambda exc: (failed.append(exc), self.form.show_error(exc)))
        if failed or staff is None:
            return False
        self.staff = staff
        self.accept()
        return True


def ask_login(ctx) -> bool:
    """Show the log-in dialog; on success the context's staff is the one who logged in."""
    dialog = LoginDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.staff is None:
        return False
    ctx.set_staff(dialog.staff)
    return True
