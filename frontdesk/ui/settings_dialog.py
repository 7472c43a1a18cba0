"""General settings: interface language (remembered in the database)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from frontdesk import settings
from frontdesk.ui import translation

LANGUAGE_CHOICES = (("zh_CN", "简体中文"), ("en", "English"))  # each in its own language


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code, label in LANGUAGE_CHOICES:
            self.language.addItem(label, code)
        current = settings.get("ui.language")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.language_label, self.language)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        lang = self.language.currentData()
        if lang != settings.get("ui.language"):
            apply_language(self.ctx, lang)
        super().accept()


def apply_language(ctx, lang: str) -> None:
    """Remember the language and retranslate every open window at once."""
    settings.set("ui.language", lang)
    translation.install(lang)
    ctx.changes.settings_changed.emit()
