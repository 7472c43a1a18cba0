"""Help → About: what IT asks on the phone — version, database, log file, schema, Qt, Python.

The facts come from frontdesk.diagnostics (no Qt there); this dialog only shows
them, and "Copy" puts the same facts, masked, on the clipboard for a ticket.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from frontdesk import diagnostics
from frontdesk.ui.shell.crash import qt_versions
from frontdesk.ui.widgets.copy_row import CopyCloseRow
from frontdesk.ui.widgets.retranslate import Retranslating


class AboutDialog(Retranslating, QDialog):
    def __init__(self, db_url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.facts = diagnostics.gather(db_url)
        self.extra = qt_versions()
        self.title = QLabel()
        self.title.setObjectName("aboutTitle")
        form = QFormLayout()
        self._rows: dict[str, tuple[QLabel, QLabel]] = {}
        values = {
            "version": self.facts.version,
            "database": f"{self.facts.database_kind} {self.facts.database_location}".strip(),
            "schema": "",  # set in retranslate (it has words around the number)
            "log": self.facts.log_file,
            "qt": self.extra[0][1],
            "python": self.facts.python,
            "system": self.facts.system,
        }
        for key, value in values.items():
            label, field = QLabel(), QLabel(value)
            field.setObjectName(f"about_{key}")
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
            self._rows[key] = (label, field)
        buttons = CopyCloseRow(self, self.copy_facts, "copyAboutButton")
        self.copied, self.copy_button, self.close_button = (
            buttons.copied, buttons.copy_button, buttons.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.retranslate()
        self.setMinimumWidth(560)

    def value(self, key: str) -> str:
        """The text shown for `key` (version, database, schema, log, qt, python, system)."""
        return self._rows[key][1].text()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Frontdesk"))
        self.title.setText(self.tr("Frontdesk — the reception desk companion"))
        labels = {
            "version": self.tr("Version:"),
            "database": self.tr("Database:"),
            "schema": self.tr("Schema version:"),
            "log": self.tr("Log file:"),
            "qt": self.tr("Qt:"),
            "python": self.tr("Python:"),
            "system": self.tr("System:"),
        }
        for key, text in labels.items():
            self._rows[key][0].setText(text)
        facts = self.facts
        schema = "?" if facts.schema_version is None else str(facts.schema_version)
        self._rows["schema"][1].setText(
            self.tr("{version} (this version knows up to {latest})")
            .format(version=schema, latest=facts.latest_schema_version))
        if not facts.log_file:
            self._rows["log"][1].setText(
                self.tr("none: {reason}").format(reason=facts.log_problem))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy these details for IT"))
        self.close_button.setText(self.tr("Close"))

    def copy_facts(self) -> None:
        QGuiApplication.clipboard().setText(diagnostics.report_text(self.facts, self.extra))
        self.copied.setText(self.tr("Copied."))
