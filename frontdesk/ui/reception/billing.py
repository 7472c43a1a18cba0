"""Billing handoff (挂号缴费): the fee lines, any VIP waiver, the total, the billing slip.

The desk confirms "paid" once the cashier has taken the fee, or "waived" for a
VIP; Enter confirms. The slip itself is printed by the desk's slip action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from frontdesk.money import format_fen
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import button_shortcut
from frontdesk.ui.widgets.retranslate import Retranslating


class BillingPanel(Retranslating, QWidget):
    """Shows a FeeQuote; emits `confirm_requested` and `print_requested`."""

    confirm_requested = Signal()
    print_requested = Signal()
    guide_requested = Signal()  # the guide slip exists once the queue number does
    vip_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("billingPanel")
        self.quote = None
        self.late = False  # a red-flag visit's deferred fee, after treatment
        self.heading = QLabel()
        self.heading.setObjectName("billingHeading")
        self.lines_host = QWidget()
        self.lines_host.setObjectName("feeLines")
        self.lines = QGridLayout(self.lines_host)
        self.lines.setColumnStretch(0, 1)
        self.lines.setHorizontalSpacing(24)
        self.lines_host.setMaximumWidth(560)  # amounts stay next to their labels
        self.total = QLabel()
        self.total.setObjectName("feeTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setMaximumWidth(560)
        self.waiver_note = QLabel()
        self.waiver_note.setObjectName("waiverNote")
        self.waiver_note.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printBillingSlip")
        self.print_shortcut = button_shortcut(self.print_button, "Ctrl+P")
        self.guide_button = QPushButton()
        self.guide_button.setObjectName("printGuideSlipAtBilling")
        self.guide_shortcut = button_shortcut(self.guide_button, "Ctrl+G")
        # Supervisors and admins only (the desk shows it; the domain checks Perm.SET_VIP).
        self.vip_button = QPushButton()
        self.vip_button.setObjectName("vipCardButton")
        self.vip_button.hide()
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmPayment")
        self.confirm_button.setDefault(True)
        self.confirm_button.setMinimumHeight(40)
        # Slips and the VIP card on one row, the step's main button on its own: the long
        # English label never squeezes the page (1366 px, coach open).
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.vip_button)
        buttons.addStretch(1)
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines_host)
        layout.addWidget(self.total)
        layout.addWidget(self.waiver_note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addLayout(confirm_row)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.guide_button.clicked.connect(self.guide_requested.emit)
        self.vip_button.clicked.connect(self.vip_requested.emit)
        self.confirm_button.clicked.connect(self.confirm_requested.emit)
        self.retranslate()

    def show_quote(self, quote) -> None:
        """Show a fees.FeeQuote (lines, waiver, total)."""
        self.quote = quote
        while self.lines.count():
            widget = self.lines.takeAt(0).widget()
            widget.hide()
            widget.deleteLater()
        rows = list(quote.lines)
        if quote.waiver_fen:
            rows.append((quote.waiver_label, -quote.waiver_fen))
        for i, (label, fen) in enumerate(rows):
            name = QLabel(label)
            amount = QLabel(format_fen(fen))
            amount.setAlignment(Qt.AlignmentFlag.AlignRight)
            if fen < 0:
                for w in (name, amount):
                    w.setProperty(style.ROLE, "ok")  # a waiver: money taken off
            self.lines.addWidget(name, i, 0)
            self.lines.addWidget(amount, i, 1)
        self._texts()

    def set_late(self, late: bool) -> None:
        """Billing a deferred (red-flag) visit after treatment, or the normal handoff."""
        if late != self.late:
            self.late = late
            self.retranslate()

    def is_waived(self) -> bool:
        return bool(self.quote is not None and self.quote.waiver_fen
                    and self.quote.total_fen == 0)

    def total_text(self) -> str:
        return self.total.text()

    def _texts(self) -> None:
        if self.quote is None:
            self.total.clear()
            self.waiver_note.clear()
        else:
            self.total.setText(self.tr("To pay: {amount}").format(
                amount=format_fen(self.quote.total_fen)))
            self.waiver_note.setText(
                self.tr("Fee waived: {reason}. No payment is needed.").format(
                    reason=self.quote.waiver_label) if self.is_waived() else "")
        if self.late:
            self.confirm_button.setText(
                self.tr("Deferred fee waived (Enter)") if self.is_waived()
                else self.tr("Deferred fee paid at the cashier (Enter)"))
        elif self.is_waived():
            self.confirm_button.setText(self.tr("Fee waived — next (Enter)"))
        else:
            self.confirm_button.setText(self.tr("Paid at the cashier — next (Enter)"))
        self.confirm_button.setAccessibleName(self.confirm_button.text())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Deferred registration fee (treated first)") if self.late
                             else self.tr("Registration fee"))
        self.print_button.setText(self.tr("Print billing slip (Ctrl+P)"))
        self.print_button.setAccessibleName(self.tr("Print billing slip"))
        self.guide_button.setText(self.tr("Print guide slip (Ctrl+G)"))
        self.guide_button.setAccessibleName(self.tr("Print guide slip"))
        self.vip_button.setText(self.tr("VIP card…"))
        self.vip_button.setAccessibleName(self.tr("Set the patient's VIP card"))
        self._texts()
