"""General settings: interface language (remembered in the database) and the desk's printers."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from frontdesk import settings
from frontdesk.admin import print_prefs
from frontdesk.errors import FrontdeskError
from frontdesk.slips.model import SlipKind
from frontdesk.ui import translation
from frontdesk.ui.widgets.fields import error_label
from frontdesk.ui.widgets.retranslate import Retranslating

LANGUAGE_CHOICES = (("zh_CN", "简体中文"), ("en", "English"))  # each in its own language


class SettingsDialog(Retranslating, QDialog):
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

        self.prefs = print_prefs.load()
        self.printing = QGroupBox()
        self.printing.setObjectName("printingGroup")
        self.printing.setEnabled(ctx.staff is not None)  # a desk's printers: staff choose them
        available = QPrinterInfo.availablePrinterNames()
        self.printer_boxes: dict[str, QComboBox] = {}
        self.printer_labels: dict[str, QLabel] = {}
        pform = QFormLayout(self.printing)
        for kind in print_prefs.KINDS:
            box = QComboBox()
            box.setObjectName(f"{kind}PrinterCombo")
            box.addItem("", "")  # text set in retranslate: ask / system default
            for name in available:
                box.addItem(name, name)
            chosen = self.prefs.printers.get(kind, "")
            if chosen and box.findData(chosen) < 0:
                box.addItem(chosen, chosen)  # keep a vanished printer visible, marked below
            box.setCurrentIndex(max(0, box.findData(chosen)))
            label = QLabel()
            label.setBuddy(box)
            pform.addRow(label, box)
            self.printer_boxes[kind], self.printer_labels[kind] = box, label
        self.format_boxes: dict[str, QComboBox] = {}
        self.format_labels: dict[str, QLabel] = {}
        for kind in SlipKind:
            box = QComboBox()
            box.setObjectName(f"{kind}FormatCombo")
            for fmt in print_prefs.SLIP_FORMATS:
                box.addItem("", fmt)
            box.setCurrentIndex(max(0, box.findData(self.prefs.formats.get(kind))))
            label = QLabel()
            label.setBuddy(box)
            pform.addRow(label, box)
            self.format_boxes[kind], self.format_labels[kind] = box, label
        self.without_asking = QCheckBox()
        self.without_asking.setObjectName("printWithoutAskingCheck")
        self.without_asking.setChecked(self.prefs.print_without_asking)
        pform.addRow(self.without_asking)
        self.error = error_label("settingsError")
        self.error.show()  # keeps its line under the form even while empty

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        general = QFormLayout()
        general.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(self.printing)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._available = set(available)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))
        self.printing.setTitle(self.tr("Printing at this desk"))
        kind_labels = {"guide": self.tr("Guide slips:"), "billing": self.tr("Billing slips:"),
                       "ticket": self.tr("Door tickets:"), "report": self.tr("Reports:")}
        for kind, box in self.printer_boxes.items():
            self.printer_labels[kind].setText(kind_labels[kind])
            box.setAccessibleName(kind_labels[kind].rstrip(":"))
            box.setItemText(0, self.tr("Ask each time (system default)"))
            for i in range(1, box.count()):
                name = box.itemData(i)
                box.setItemText(i, name if name in self._available
                                else self.tr("{name} (not found)").format(name=name))
        fmt_names = {"roll80": self.tr("80 mm receipt roll"), "a5": "A5", "a4": "A4"}
        fmt_labels = {"guide": self.tr("Guide slip paper:"),
                      "billing": self.tr("Billing slip paper:"),
                      "ticket": self.tr("Door ticket paper:")}
        for kind, box in self.format_boxes.items():
            self.format_labels[kind].setText(fmt_labels[kind])
            for i in range(box.count()):
                box.setItemText(i, fmt_names[box.itemData(i)])
        self.without_asking.setText(self.tr("Print slips without asking (busy desk)"))

    def accept(self) -> None:
        if self.printing.isEnabled():
            prefs = print_prefs.PrintPrefs(
                printers={k: b.currentData() for k, b in self.printer_boxes.items()},
                formats={k: b.currentData() for k, b in self.format_boxes.items()},
                print_without_asking=self.without_asking.isChecked())
            try:
                print_prefs.save(prefs, actor=self.ctx.staff)
            except FrontdeskError as exc:
                self.error.setText(exc.message())
                return
        lang = self.language.currentData()
        try:  # through the runner: a database that fails here is told, not raised
            if lang != self.ctx.run(settings.get, "ui.language"):
                apply_language(self.ctx, lang)
        except FrontdeskError as exc:
            self.error.setText(exc.message())
            return
        super().accept()


def apply_language(ctx, lang: str) -> None:
    """Remember the language and retranslate every open window at once."""
    translation.install(lang)  # first: screens refreshing on the signal read the new language
    ctx.run(settings.set, "ui.language", lang)
