"""Admin tab: idle lock, PIN length, backup folder and retention, interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk import admin
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.ui.admin.forms import FieldForm
from frontdesk.ui.shell.settings_dialog import LANGUAGE_CHOICES
from frontdesk.ui.widgets.retranslate import Retranslating


class FolderField(QWidget):
    """A path line with a "Choose…" button; text() / setText() like a QLineEdit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName("backupFolderEdit")
        self.browse = QPushButton()
        self.browse.setObjectName("backupFolderBrowse")
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, value: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.edit.setText(value)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.browse.text().replace("&", ""),
                                                  self.edit.text())
        if folder:
            self.edit.setText(folder)


class SettingsTab(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsTab")
        self.form = FieldForm()
        self.hospital = self.form.add("hospital.name", QLineEdit(), "hospitalName")
        self.idle = self.form.add("security.idle_lock_minutes", QSpinBox(), "idleMinutes")
        self.idle.setRange(1, 120)
        self.pin_length = self.form.add("security.pin_length", QSpinBox(), "pinLength")
        self.pin_length.setRange(4, 6)
        self.folder = self.form.add("backup.folder", FolderField(), "backupFolder")
        self.keep_days = self.form.add("backup.keep_days", QSpinBox(), "backupKeepDays")
        self.keep_days.setRange(1, 3650)
        self.language = self.form.add("ui.language", QComboBox(), "settingsLanguage")
        for code, label in LANGUAGE_CHOICES:
            self.language.addItem(label, code)
        self.form.finish()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.save_button = QPushButton()
        self.save_button.setObjectName("settingsSave")
        self.save_button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.form.setMaximumWidth(720)  # spin boxes stretched across a wide screen read badly
        self.note.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        layout.addStretch()
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        f = self.form
        f.set_label("hospital.name", self.tr("Hospital name (on slips and reports):"))
        f.set_label("security.idle_lock_minutes", self.tr("Lock the screen after (minutes idle):"))
        f.set_label("security.pin_length", self.tr("PIN length (digits):"))
        f.set_label("backup.folder", self.tr("Backup folder:"))
        f.set_label("backup.keep_days", self.tr("Keep backups for (days):"))
        f.set_label("ui.language", self.tr("Language:"))
        self.folder.browse.setText(self.tr("&Choose…"))
        self.folder.edit.setPlaceholderText(self.tr("empty: the backups folder in the data directory"))
        self.note.setText(self.tr("Changing the PIN length means everyone needs a new PIN of that "
                                  "length before they can unlock with a PIN."))
        self.save_button.setText(self.tr("&Save settings"))

    def load(self) -> None:
        try:
            with driver_errors("load settings"):
                values = admin.current_settings(actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.message.setText(exc.message())
            return
        self.hospital.setText(values["hospital.name"] or "")
        self.idle.setValue(int(values["security.idle_lock_minutes"]))
        self.pin_length.setValue(int(values["security.pin_length"]))
        self.folder.setText(values["backup.folder"] or "")
        self.keep_days.setValue(int(values["backup.keep_days"]))
        self.language.setCurrentIndex(max(0, self.language.findData(values["ui.language"])))

    def submit(self) -> bool:
        self.form.clear_errors()
        self.message.clear()
        values = {
            "hospital.name": self.hospital.text(),
            "security.idle_lock_minutes": self.idle.value(),
            "security.pin_length": self.pin_length.value(),
            "backup.folder": self.folder.text(),
            "backup.keep_days": self.keep_days.value(),
            "ui.language": self.language.currentData(),
        }
        ok = []

        def saved(changed: list[str]) -> None:
            if "ui.language" in changed:
                from frontdesk.ui import translation

                translation.install(values["ui.language"])
            self.message.setText(self.tr("Saved.") if changed else self.tr("Nothing changed."))
            ok.append(True)

        # settings_changed follows from the runner when anything changed.
        self.ctx.run(admin.update_settings, actor=self.ctx.staff, values=values,
                     on_done=saved, on_error=self.form.show_error)
        return bool(ok)
