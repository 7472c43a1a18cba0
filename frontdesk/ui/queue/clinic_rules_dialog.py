"""The clinic queue's rules for an administrator: priority order, elderly age, missed turns,
late bookings, the transfer fee. Opened from the calling panel (Perm.MANAGE_SETTINGS).

The order is a list: Space ticks a class on or off, Ctrl+↑/↓ moves it. Saved through
ctx.run; a refusal shows at its field.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from frontdesk.queue import clinic_rules as rules_mod
from frontdesk.queue.priority import ORDER_LABELS, ORDERABLE
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error
from frontdesk.ui.widgets.form_dialog import lay_out_form_dialog, show_refusal

CHOICES = {
    "missed_rule": ((rules_mod.MISSED_AFTER_N, QT_TRANSLATE_NOOP("ClinicRulesDialog",
                                                                 "After N more patients")),
                    (rules_mod.MISSED_END_OF_SESSION,
                     QT_TRANSLATE_NOOP("ClinicRulesDialog", "At the end of the session"))),
    "late_rule": ((rules_mod.LATE_WALK_IN, QT_TRANSLATE_NOOP("ClinicRulesDialog",
                                                             "Waits as a walk-in")),
                  (rules_mod.LATE_KEEP, QT_TRANSLATE_NOOP("ClinicRulesDialog",
                                                          "Keeps the booking's priority")),
                  (rules_mod.LATE_END_OF_SESSION,
                   QT_TRANSLATE_NOOP("ClinicRulesDialog", "At the end of the session"))),
    "transfer_other_department": (
        (rules_mod.FEE_DIFFERENCE, QT_TRANSLATE_NOOP("ClinicRulesDialog",
                                                     "Only the difference, if dearer")),
        (rules_mod.FEE_FULL, QT_TRANSLATE_NOOP("ClinicRulesDialog", "A new fee in full")),
        (rules_mod.FEE_NONE, QT_TRANSLATE_NOOP("ClinicRulesDialog", "Nothing more"))),
}


class ClinicRulesDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("clinicRulesDialog")
        self.setWindowTitle(self.tr("Queue rules"))
        current = rules_mod.DEFAULT
        self.order = QListWidget()
        self.order.setObjectName("priorityOrder")
        self.elderly_age = self._spin("elderly_age", 50, 100)
        self.missed_after_n = self._spin("missed_after_n", 0, 50)
        self.booked_early_minutes = self._spin("booked_early_minutes", 0, 240)
        self.booked_grace_minutes = self._spin("booked_grace_minutes", 0, 240)
        self.session_ends = QLineEdit()
        self.session_ends.setObjectName("session_ends")
        self.combos = {}
        for key, options in CHOICES.items():
            combo = QComboBox()
            combo.setObjectName(key)
            for value, label in options:
                combo.addItem(self.tr(label), value)
            self.combos[key] = combo
        editors = {"priority_order": self.order, "elderly_age": self.elderly_age,
                   "missed_rule": self.combos["missed_rule"],
                   "missed_after_n": self.missed_after_n, "session_ends": self.session_ends,
                   "booked_early_minutes": self.booked_early_minutes,
                   "booked_grace_minutes": self.booked_grace_minutes,
                   "late_rule": self.combos["late_rule"],
                   "transfer_other_department": self.combos["transfer_other_department"]}
        self.boxes = {key: FieldBox(key, editor) for key, editor in editors.items()}
        labels = {
            "priority_order": self.tr("&Priority order (Space: on/off, Ctrl+↑/↓: move)"),
            "elderly_age": self.tr("&Elderly from age"),
            "missed_rule": self.tr("&Missed turn goes back"),
            "missed_after_n": self.tr("… after &N more patients"),
            "session_ends": self.tr("&Sessions end at (HH:MM, comma between)"),
            "booked_early_minutes": self.tr("Booking counts from (minutes &before the slot)"),
            "booked_grace_minutes": self.tr("&Late after (minutes past the slot)"),
            "late_rule": self.tr("A l&ate booked patient"),
            "transfer_other_department": self.tr("&Transfer to another department pays"),
        }
        form = QFormLayout()
        for key, box in self.boxes.items():
            form.addRow(labels[key], box)
        self.error = error_label("clinicRulesError")
        lay_out_form_dialog(self, form, self.error, ok=QDialogButtonBox.StandardButton.Save)
        # Ctrl+↑/↓ is the list's own cursor key, so it is taken before the list sees it.
        self.order.installEventFilter(self)
        self.show_rules(current)
        ctx.run(rules_mod.clinic_rules, on_done=self.show_rules, on_error=self._failed)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if (obj is self.order and event.type() == QEvent.Type.KeyPress
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(obj, event)

    def _spin(self, key: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(key)
        spin.setRange(low, high)
        return spin

    def show_rules(self, rules: rules_mod.ClinicRules) -> None:
        self.order.clear()
        for cls in list(rules.priority_order) + [c for c in ORDERABLE
                                                  if c not in rules.priority_order]:
            item = QListWidgetItem(ORDER_LABELS[cls].text())
            item.setData(Qt.ItemDataRole.UserRole, cls)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cls in rules.priority_order
                               else Qt.CheckState.Unchecked)
            self.order.addItem(item)
        self.order.setCurrentRow(0)
        self.elderly_age.setValue(rules.elderly_age)
        self.missed_after_n.setValue(rules.missed_after_n)
        self.booked_early_minutes.setValue(rules.booked_early_minutes)
        self.booked_grace_minutes.setValue(rules.booked_grace_minutes)
        self.session_ends.setText(", ".join(rules.session_ends))
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(rules, key))))

    def move(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        item = self.order.takeItem(row)
        self.order.insertItem(target, item)
        self.order.setCurrentRow(target)

    def values(self) -> dict:
        order = [self.order.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.order.count())
                 if self.order.item(i).checkState() == Qt.CheckState.Checked]
        ends = [part.strip() for part in self.session_ends.text().replace("，", ",").split(",")
                if part.strip()]
        out = {"priority_order": order, "elderly_age": self.elderly_age.value(),
               "missed_after_n": self.missed_after_n.value(),
               "booked_early_minutes": self.booked_early_minutes.value(),
               "booked_grace_minutes": self.booked_grace_minutes.value(),
               "session_ends": ends}
        out.update({key: combo.currentData() for key, combo in self.combos.items()})
        return out

    def submit(self) -> None:
        show_error(self.error, "")
        for box in self.boxes.values():
            box.clear_error()
        self.ctx.run(rules_mod.set_clinic_rules, actor=self.ctx.staff, **self.values(),
                     on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        show_refusal(exc, self.boxes, self.error)
