"""At shift start: the handover notes waiting for this shift, shown right after log-in.

The rules (seed 004, 交接班) want the incoming shift to read the outgoing shift's
note — equipment, hard cases, staff swaps — before the first patient. This small
non-modal window lists the notes nobody has acknowledged (except the person's
own: the author cannot acknowledge them) and acknowledges them in place; it
does not block the main window, and closes once every note is read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import handover
from frontdesk.ui import style
from frontdesk.ui.staffing.handover import note_text
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating


def notes_for(actor) -> list[handover.NoteView]:
    """Unacknowledged notes `actor` may acknowledge (not their own), oldest first."""
    if actor is None or not allowed(actor, Perm.WRITE_HANDOVER):
        return []
    return [n for n in handover.pending_notes(actor=actor) if n.author_id != actor.id]


class PendingHandoverDialog(Retranslating, QDialog):
    """Lists the waiting notes; "acknowledge" records that this person has read one."""

    def __init__(self, ctx, notes: list[handover.NoteView], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.notes = list(notes)
        self.setObjectName("pendingHandoverDialog")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.heading = QLabel()
        self.heading.setObjectName("pendingHandoverHeading")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("pendingHandoverList")
        self.list.setWordWrap(True)
        self.list.setProperty(style.ROLE, "notes")
        self.error = error_label("pendingHandoverError")
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("pendingHandoverAcknowledge")
        self.ack_button.setDefault(True)
        self.ack_all_button = QPushButton()
        self.ack_all_button.setObjectName("pendingHandoverAcknowledgeAll")
        self.later_button = QPushButton()
        self.later_button.setObjectName("pendingHandoverLater")
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ack_all_button)
        buttons.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.ack_all_button.clicked.connect(self.acknowledge_all)
        self.later_button.clicked.connect(self.close)
        self.list.itemActivated.connect(lambda _i: self.acknowledge_selected())
        self.resize(560, 420)
        self.retranslate()
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for note in self.notes:
            item = QListWidgetItem(self.note_text(note))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.list.addItem(item)
        if self.notes:
            self.list.setCurrentRow(0)
        self._heading()

    def note_text(self, n: handover.NoteView) -> str:
        return note_text(n)

    def _heading(self) -> None:
        self.heading.setText(self.tr("Handover notes for your shift: {n} to read").format(
            n=len(self.notes)))

    def _acknowledge(self, note_ids: list[int]) -> bool:
        show_error(self.error, "")
        for note_id in note_ids:
            failed: list[FrontdeskError] = []
            self.ctx.run(handover.acknowledge_note, actor=self.ctx.staff, note_id=note_id,
                         on_error=failed.append)
            if failed:
                show_error(self.error, failed[0].message())
                self._reload()
                return False
        self._reload()
        return True

    def _reload(self) -> None:
        try:
            with driver_errors("handover notes"):
                self.notes = notes_for(self.ctx.staff)
        except FrontdeskError as exc:
            show_error(self.error, exc.message())
            return
        self._fill()
        if not self.notes and not self.error.text():
            self.close()  # everything read: nothing left to show

    def acknowledge_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._acknowledge([item.data(Qt.ItemDataRole.UserRole)])

    def acknowledge_all(self) -> None:
        self._acknowledge([n.id for n in self.notes])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift handover"))
        self.list.setAccessibleName(self.tr("Handover notes not yet acknowledged"))
        self.ack_button.setText(self.tr("I have read it — &acknowledge"))
        self.ack_all_button.setText(self.tr("Acknowledge all"))
        self.later_button.setText(self.tr("Later (the Handover tab keeps them)"))
        self._heading()
        for i in range(min(self.list.count(), len(self.notes))):
            self.list.item(i).setText(self.note_text(self.notes[i]))


def show_pending_handover(ctx, parent: QWidget | None = None) -> PendingHandoverDialog | None:
    """After log-in: show the waiting notes (non-modal), or nothing when there are none."""
    try:
        with driver_errors("handover notes"):
            notes = notes_for(ctx.staff)
    except FrontdeskError:
        return None  # never stand between the desk and its first patient
    if not notes:
        return None
    dialog = PendingHandoverDialog(ctx, notes, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
