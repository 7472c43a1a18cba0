"""Admin tab: staff accounts (add, deactivate/reactivate, reset password or PIN, clear a lock-out)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import accounts
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Role
from frontdesk.ui.admin.forms import FieldForm
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.tables import (
    STRETCH_LAST,
    fill_table,
    id_at,
    read_only_table,
    selected_id,
)


class StaffDialog(Retranslating, QDialog):
    """Add one staff member: every field checked by accounts.create_staff, errors at the field."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.created = None
        self.setObjectName("staffDialog")
        self.form = FieldForm(self)
        self.username = self.form.add("username", QLineEdit(), "staffUsername")
        self.display_name = self.form.add("display_name", QLineEdit(), "staffName")
        self.role = self.form.add("role", QComboBox(), "staffRole")
        for role in Role:
            self.role.addItem(accounts.role_name(role).text(), role)
        self.sex = self.form.add("sex", QComboBox(), "staffSex")
        self.password = self.form.add("password", QLineEdit(), "staffPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = self.form.add("pin", QLineEdit(), "staffPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(6)
        self.form.finish()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("staffDialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add staff member"))
        self.form.set_label("username", self.tr("&Username:"))
        self.form.set_label("display_name", self.tr("&Name:"))
        self.form.set_label("role", self.tr("&Role:"))
        self.form.set_label("sex", self.tr("&Sex:"))
        self.form.set_label("password", self.tr("&Password:"))
        self.form.set_label("pin", self.tr("P&IN:"))
        self.password.setPlaceholderText(self.tr("at least 8 characters, letters and digits"))
        self.pin.setPlaceholderText(self.tr("{n} digits").format(n=accounts.pin_length()))
        current = self.sex.currentIndex()
        self.sex.clear()
        for code, label in (("", self.tr("not given")), ("F", self.tr("female")),
                            ("M", self.tr("male"))):
            self.sex.addItem(label, code)
        self.sex.setCurrentIndex(max(0, current))

    def accept(self) -> None:
        self.form.clear_errors()
        created = self.ctx.run(
            accounts.create_staff, actor=self.ctx.staff, username=self.username.text(),
            display_name=self.display_name.text(), role=self.role.currentData(),
            password=self.password.text(), pin=self.pin.text(), sex=self.sex.currentData(),
            on_error=self.form.show_error)
        if created is None:
            return
        self.created = created
        super().accept()


class SecretDialog(QDialog):
    """Set a new password or PIN for someone (admins; the old one is not needed)."""

    def __init__(self, ctx, staff_id: int, *, pin: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.staff_id, self.is_pin = ctx, staff_id, pin
        self.setObjectName("secretDialog")
        self.form = FieldForm(self)
        self.secret = self.form.add("secret", QLineEdit(), "newSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.finish()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        if pin:
            self.setWindowTitle(self.tr("Set a new PIN"))
            self.form.set_label("secret", self.tr("New &PIN:"))
        else:
            self.setWindowTitle(self.tr("Set a new password"))
            self.form.set_label("secret", self.tr("New &password:"))

    def accept(self) -> None:
        self.form.clear_errors()
        failed: list[Exception] = []

        def refused(exc: Exception) -> None:
            failed.append(exc)
            self.form.show_error(exc, {"new_pin": "secret", "new_password": "secret"})

        if self.is_pin:
            self.ctx.run(accounts.change_pin, actor=self.ctx.staff, staff_id=self.staff_id,
                         new_pin=self.secret.text(), on_error=refused)
        else:
            self.ctx.run(accounts.change_password, actor=self.ctx.staff, staff_id=self.staff_id,
                         new_password=self.secret.text(), on_error=refused)
        if failed:
            return
        super().accept()


class StaffTab(Retranslating, QWidget):
    COLUMNS = 5

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffTab")
        self.table = read_only_table("staffTable", stretch=STRETCH_LAST, striped=True)
        self.table.setColumnCount(self.COLUMNS)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton()
        self.add_button.setObjectName("staffAdd")
        self.add_button.clicked.connect(self.add_staff)
        self.deactivate_button = QPushButton()
        self.deactivate_button.setObjectName("staffDeactivate")
        self.deactivate_button.clicked.connect(self.toggle_active)
        self.password_button = QPushButton()
        self.password_button.setObjectName("staffResetPassword")
        self.password_button.clicked.connect(lambda: self.reset_secret(pin=False))
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("staffResetPin")
        self.pin_button.clicked.connect(lambda: self.reset_secret(pin=True))
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("staffClearLockout")
        self.unlock_button.clicked.connect(self.clear_lockout)
        self.message = QLabel()
        self.message.setObjectName("staffMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.deactivate_button, self.password_button, self.pin_button,
                  self.unlock_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._rows: dict[int, accounts.StaffInfo] = {}
        self.retranslate()
        ctx.changes.staff_changed.connect(self.refresh)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Name"), self.tr("Role"),
                                              self.tr("Status"), self.tr("Since")])
        self.table.setAccessibleName(self.tr("Staff"))
        self.add_button.setText(self.tr("&Add…"))
        self.password_button.setText(self.tr("New &password…"))
        self.pin_button.setText(self.tr("New P&IN…"))
        self.unlock_button.setText(self.tr("&Clear lock-out"))
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        try:
            with driver_errors("list staff"):
                staff = accounts.list_staff(actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.message.setText(exc.message())
            return
        keep = selected_id(self.table)
        self._rows = {s.id: s for s in staff}
        rows = []
        for s in staff:
            if not s.active:
                status = self.tr("deactivated")
            elif s.locked:
                status = self.tr("locked out")
            else:
                status = self.tr("active")
            rows.append([s.username, s.display_name, accounts.role_name(s.role).text(), status,
                         f"{s.created_at:%Y-%m-%d}"])
        fill_table(self.table, rows, [s.id for s in staff])
        if keep is not None:
            for r in range(self.table.rowCount()):
                if id_at(self.table, r) == keep:
                    self.table.selectRow(r)
        self._update_buttons()

    def current(self) -> accounts.StaffInfo | None:
        row_id = selected_id(self.table)
        return self._rows.get(row_id) if row_id is not None else None

    def select_username(self, username: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == username:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        staff = self.current()
        for b in (self.deactivate_button, self.password_button, self.pin_button,
                  self.unlock_button):
            b.setEnabled(staff is not None)
        if staff is not None and not staff.active:
            self.deactivate_button.setText(self.tr("&Reactivate"))
        else:
            self.deactivate_button.setText(self.tr("&Deactivate"))

    def add_staff(self) -> None:
        dialog = StaffDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.select_username(dialog.created.username)
            self.message.setText(self.tr("Added {name}.").format(name=dialog.created.display_name))

    def toggle_active(self, *, confirm: bool = True) -> None:
        staff = self.current()
        if staff is None:
            return
        if staff.active:
            if confirm and QMessageBox.question(
                    self, self.tr("Deactivate"),
                    self.tr("Deactivate {name}? They can no longer log in; their history "
                            "is kept.").format(name=staff.display_name)
            ) != QMessageBox.StandardButton.Yes:
                return
            op, done = accounts.deactivate_staff, self.tr("{name} is deactivated.")
        else:
            op, done = accounts.reactivate_staff, self.tr("{name} is active again.")
        self.ctx.run(op, actor=self.ctx.staff, staff_id=staff.id,
                     on_done=lambda _: self.message.setText(done.format(name=staff.display_name)),
                     on_error=lambda exc: self.message.setText(exc.message()))

    def reset_secret(self, *, pin: bool) -> None:
        staff = self.current()
        if staff is None:
            return
        if SecretDialog(self.ctx, staff.id, pin=pin, parent=self).exec() == QDialog.DialogCode.Accepted:
            self.message.setText(self.tr("Saved for {name}.").format(name=staff.display_name))

    def clear_lockout(self) -> None:
        staff = self.current()
        if staff is None:
            return
        self.ctx.run(accounts.reset_lockout, actor=self.ctx.staff, staff_id=staff.id,
                     on_error=lambda exc: self.message.setText(exc.message()))
