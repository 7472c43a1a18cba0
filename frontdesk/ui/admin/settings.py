"""Admin tab: idle lock, PIN length, backup folder and retention, interface language, the
door's ticket prefix and age bands, and the desk list's wait colours per stage."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk import admin, stages
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.reception.urgency import COUNTED_STAGES
from frontdesk.ui import style
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


class ThresholdGrid(QWidget):
    """The desk list's colours: a column per stage, an amber and a red row of minutes."""

    SIDES = ("desk.amber_minutes", "desk.red_minutes")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.stage_labels: dict[str, QLabel] = {}
        self.row_labels: dict[str, QLabel] = {}
        self.cells: dict[tuple[str, str], QSpinBox] = {}
        for col, stage in enumerate(COUNTED_STAGES, start=1):
            self.stage_labels[stage] = QLabel()
            grid.addWidget(self.stage_labels[stage], 0, col)
        for row, side in enumerate(self.SIDES, start=1):
            self.row_labels[side] = QLabel()
            grid.addWidget(self.row_labels[side], row, 0)
            for col, stage in enumerate(COUNTED_STAGES, start=1):
                spin = QSpinBox()
                spin.setRange(1, admin.MAX_WAIT_MINUTES)
                spin.setObjectName(f"{side.split('.')[1]}_{stage}")
                self.cells[side, stage] = spin
                grid.addWidget(spin, row, col)
        grid.setColumnStretch(len(COUNTED_STAGES) + 1, 1)

    def fit_headings(self) -> None:
        """Each column at least as wide as its stage's name ("Registration" in English)."""
        grid = self.layout()
        for col, stage in enumerate(COUNTED_STAGES, start=1):
            label = self.stage_labels[stage]
            grid.setColumnMinimumWidth(col, label.fontMetrics().horizontalAdvance(label.text()) + 4)
        grid.invalidate()
        grid.activate()  # a language switch while shown: lay the columns out again now

    def set_values(self, side: str, minutes: dict[str, int]) -> None:
        for stage in COUNTED_STAGES:
            self.cells[side, stage].setValue(int(minutes[stage]))

    def values(self, side: str) -> dict[str, int]:
        return {stage: self.cells[side, stage].value() for stage in COUNTED_STAGES}

    def cell_for(self, field: str) -> QSpinBox | None:
        """The spin box an error's field names ("desk.red_minutes.BILLING")."""
        side, _, stage = field.rpartition(".")
        return self.cells.get((side, stage))

    def mark(self, field: str) -> None:
        """Red border on the cell an error names, focus there; "" clears every cell."""
        for spin in self.cells.values():
            spin.setProperty("invalid", False)
            style.repolish(spin)
        cell = self.cell_for(field)
        if cell is not None:
            cell.setProperty("invalid", True)
            style.repolish(cell)
            cell.setFocus()  # the very stage and colour the message is about

    def aliases(self) -> dict[str, str]:
        """Every field the domain may name here → the grid's form key."""
        names = {side: THRESHOLDS for side in self.SIDES}
        names.update({f"{side}.{stage}": THRESHOLDS for side, stage in self.cells})
        return names


THRESHOLDS = "desk.thresholds"  # the grid's row in the form (it holds two settings)


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
        self.ticket_prefix = self.form.add("door.ticket_prefix", QLineEdit(), "ticketPrefix")
        self.ticket_prefix.setMaxLength(2)
        self.ticket_prefix.setMaximumWidth(80)
        self.child_age = self.form.add("door.child_below_age", QSpinBox(), "childBelowAge")
        self.child_age.setRange(*admin.CHILD_AGE_RANGE)
        self.elder_age = self.form.add("door.elder_min_age", QSpinBox(), "elderMinAge")
        self.elder_age.setRange(*admin.ELDER_AGE_RANGE)
        self.thresholds = self.form.add(THRESHOLDS, ThresholdGrid(), "deskThresholds")
        self.form.finish()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.save_button = QPushButton()
        self.save_button.setObjectName("settingsSave")
        self.save_button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.form.setMaximumWidth(900)  # spin boxes stretched across a wide screen read badly
        self.note.setMaximumWidth(900)
        for spin in (self.child_age, self.elder_age):
            spin.setMaximumWidth(100)
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
        f.set_label("door.ticket_prefix", self.tr("Door ticket letters:"))
        f.set_label("door.child_below_age", self.tr("Door: a child is younger than (years):"))
        f.set_label("door.elder_min_age", self.tr("Door: an elder is from (years):"))
        f.set_label(THRESHOLDS, self.tr("Desk list colours (minutes in the step):"))
        self.ticket_prefix.setPlaceholderText(self.tr("e.g. A"))
        grid = self.thresholds
        for stage, label in grid.stage_labels.items():
            label.setText(stages.stage_name(stage).text())
        grid.row_labels["desk.amber_minutes"].setText(self.tr("Amber from"))
        grid.row_labels["desk.red_minutes"].setText(self.tr("Red from"))
        for (side, stage), spin in grid.cells.items():
            row = grid.row_labels[side].text()
            spin.setAccessibleName(f"{row} · {stages.stage_name(stage).text()}")
        grid.fit_headings()
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
        self.ticket_prefix.setText(values["door.ticket_prefix"] or "")
        self.child_age.setValue(int(values["door.child_below_age"]))
        self.elder_age.setValue(int(values["door.elder_min_age"]))
        for side in ThresholdGrid.SIDES:
            self.thresholds.set_values(side, values[side])

    def submit(self) -> bool:
        self.form.clear_errors()
        self.thresholds.mark("")
        self.message.clear()
        values = {
            "hospital.name": self.hospital.text(),
            "security.idle_lock_minutes": self.idle.value(),
            "security.pin_length": self.pin_length.value(),
            "backup.folder": self.folder.text(),
            "backup.keep_days": self.keep_days.value(),
            "ui.language": self.language.currentData(),
            "door.ticket_prefix": self.ticket_prefix.text(),
            "door.child_below_age": self.child_age.value(),
            "door.elder_min_age": self.elder_age.value(),
            **{side: self.thresholds.values(side) for side in ThresholdGrid.SIDES},
        }
        ok = []

        def saved(changed: list[str]) -> None:
            if "ui.language" in changed:
                from frontdesk.ui import translation

                translation.install(values["ui.language"])
            self.message.setText(self.tr("Saved.") if changed else self.tr("Nothing changed."))
            self.ticket_prefix.setText(values["door.ticket_prefix"].strip().upper())
            ok.append(True)

        def refused(exc: FrontdeskError) -> None:
            self.form.show_error(exc, self.thresholds.aliases())
            self.thresholds.mark(exc.field or "")

        # settings_changed follows from the runner when anything changed.
        self.ctx.run(admin.update_settings, actor=self.ctx.staff, values=values,
                     on_done=saved, on_error=refused)
        return bool(ok)
