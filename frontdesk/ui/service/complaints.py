"""Complaints (投诉): record one, then handle, approve, revisit and close it.

Overdue complaints are shown loudly: a red banner over the screen for the
supervisors who handle them, and red rows. Keyboard: the record form fills with
Enter and sends with Ctrl+Enter; the list's selected complaint is worked on in
the panel beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, triage
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import text
from frontdesk.permissions import Perm, allowed
from frontdesk.service import complaints as cp
from frontdesk.service import desk_rules
from frontdesk.ui import style
from frontdesk.ui.service.form import KeyedForm, combo, fill_combo
from frontdesk.ui.widgets import phrase_check
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel
from frontdesk.ui.widgets.tables import fit_columns, row_view

OVERDUE_BG = QColor(style.FILL_RED)


class ComplaintModel(RowTableModel):
    HEADER_CONTEXT = "ComplaintModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ComplaintModel", "Received"),
        QT_TRANSLATE_NOOP("ComplaintModel", "Severity"),
        QT_TRANSLATE_NOOP("ComplaintModel", "Complainant"),
        QT_TRANSLATE_NOOP("ComplaintModel", "Department"),
        QT_TRANSLATE_NOOP("ComplaintModel", "Status"),
        QT_TRANSLATE_NOOP("ComplaintModel", "Handle by"),
        QT_TRANSLATE_NOOP("ComplaintModel", "Overdue"),
    )
    COL_OVERDUE = 6

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        c: cp.ComplaintView | None = self.row_at(index.row()) if index.isValid() else None
        if c is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and c.overdue:
            return OVERDUE_BG
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_OVERDUE:
            return ", ".join(overdue_name(p) for p in c.overdue) or None  # in full (elided)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        late = ", ".join(overdue_name(p) for p in c.overdue)
        return (c.received_at.strftime("%m-%d %H:%M"), cp.SEVERITY_NAMES[c.severity].text(),
                c.name or "—", text(c.department_zh, c.department_en) or "—",
                cp.STATUS_NAMES[c.status].text(), c.handle_by.isoformat(), late)[index.column()]


def overdue_name(part: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ComplaintModel", {
        "handle": QT_TRANSLATE_NOOP("ComplaintModel", "not handled"),
        "revisit": QT_TRANSLATE_NOOP("ComplaintModel", "no revisit"),
        "close": QT_TRANSLATE_NOOP("ComplaintModel", "not closed"),
    }[part])


class ComplaintPanel(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintPanel")
        self.banner = QLabel()
        self.banner.setObjectName("complaintOverdueBanner")
        self.banner.hide()

        # Record
        self.new_form = f = KeyedForm()
        rec = QFormLayout()
        f.add(rec, "channel", combo([(c, "") for c in cp.CHANNELS], "complaintChannel"))
        f.add(rec, "severity", combo([(s, "") for s in cp.SEVERITIES], "complaintSeverity"))
        for key in ("name", "phone", "staff_concerned"):
            e = QLineEdit()
            e.setObjectName(f"complaint_{key}")
            f.add(rec, key, e)
        f.add(rec, "department", combo([], "complaintDepartment"))
        desc = QPlainTextEdit()
        desc.setObjectName("complaint_description")
        f.add(rec, "description", desc)
        desc.setMaximumHeight(90)
        f.enter_advances(self.record, self)
        self.record_button = QPushButton()
        self.record_button.setObjectName("complaintRecord")
        self.record_button.clicked.connect(self.record)
        self.record_box = QGroupBox()
        rb = QVBoxLayout(self.record_box)
        rb.addLayout(rec)
        rb.addWidget(self.record_button)
        rb.addStretch()

        # List
        self.model = ComplaintModel(self)
        self.table = row_view("complaintTable", self.model)
        # At 1366 in English seven equal columns clipped the headers ("omplainan") and cut
        # the date to "2026-11-…": each is sized to its contents, the overdue list takes
        # the rest (elided, in full as its tooltip).
        fit_columns(self.table, ComplaintModel.COL_OVERDUE)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        # Work on the selected one
        self.work = w = KeyedForm()
        self.work_box = QGroupBox()
        wl = QFormLayout()
        self.detail = QLabel()
        self.detail.setObjectName("complaintDetail")
        self.detail.setWordWrap(True)
        wl.addRow(self.detail)
        res = QPlainTextEdit()
        res.setObjectName("complaint_resolution")
        w.add(wl, "resolution", res)
        # The resolution is told to the patient: a gentle word on the forbidden phrases.
        self.resolution_check = phrase_check.attach(res)
        wl.addRow(self.resolution_check.label)
        comp = QLineEdit()
        comp.setObjectName("complaint_compensation")
        w.add(wl, "compensation", comp)
        self.handle_button = QPushButton()
        self.handle_button.setObjectName("complaintHandle")
        self.handle_button.clicked.connect(self.handle)
        wl.addRow(self.handle_button)
        w.add(wl, "approver_role", combo([(r, "") for r in desk_rules.APPROVER_ROLES],
                                         "complaintApproverRole"))
        approver = QLineEdit()
        approver.setObjectName("complaint_approver_name")
        w.add(wl, "approver_name", approver)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("complaintApprove")
        self.approve_button.clicked.connect(self.approve)
        wl.addRow(self.approve_button)
        w.add(wl, "outcome", combo([(o, "") for o in cp.REVISIT_OUTCOMES], "complaintRevisitOutcome"))
        notes = QLineEdit()
        notes.setObjectName("complaint_revisit_notes")
        w.add(wl, "notes", notes)
        self.revisit_button = QPushButton()
        self.revisit_button.setObjectName("complaintRevisit")
        self.revisit_button.clicked.connect(self.revisit)
        wl.addRow(self.revisit_button)
        self.close_button = QPushButton()
        self.close_button.setObjectName("complaintClose")
        self.close_button.clicked.connect(self.close_selected)
        wl.addRow(self.close_button)
        work_col = QVBoxLayout(self.work_box)
        work_col.addLayout(wl)
        work_col.addStretch()  # the form stays together at the top
        # What is typed in the work panel belongs to the complaint it was typed for: kept
        # per complaint while another is looked at, cleared once that action is saved
        # (a resolution typed for one complaint stayed in the box for the next one
        # selected, and "Mark handled" saved it there).
        self._shown_id: int | None = None
        self._drafts: dict[int, dict[str, str]] = {}
        self.status = QLabel()
        self.status.setObjectName("complaintStatus")
        self.error = error_label("complaintError")

        middle = QWidget()
        mcol = QVBoxLayout(middle)
        mcol.setContentsMargins(0, 0, 0, 0)
        mcol.addWidget(self.table, 1)
        mcol.addWidget(self.status)
        mcol.addWidget(self.error)
        splitter = QSplitter()
        splitter.addWidget(self.record_box)
        splitter.addWidget(middle)
        splitter.addWidget(self.work_box)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        ctx.changes.service_changed.connect(self.refresh)
        ctx.changes.session_changed.connect(self.refresh)
        ctx.changes.rules_changed.connect(self._fill_departments)
        self._fill_departments()
        self.retranslate()
        self.refresh()

    def _fill_departments(self) -> None:
        fill_combo(self.new_form.editor("department"),
                   [(None, "—")] + [(d.id, d.name) for d in triage.departments()])

    # --- list ----------------------------------------------------------------------

    def refresh(self) -> None:
        show_error(self.error, "")
        if not allowed(self.ctx.staff, Perm.CONSULT):
            self.model.set_rows([])
            self.banner.hide()
            show_error(self.error, self.tr("Your role does not take complaints."))
            return
        current = self.selected()
        rows = self.ctx.run(cp.listing, actor=self.ctx.staff, day=clock.today(),
                            on_error=lambda exc: show_error(self.error, exc.message()))
        if rows is None:
            return
        self.model.set_rows(rows)
        late = [r for r in rows if r.overdue]
        supervisor = allowed(self.ctx.staff, Perm.SUPERVISE_COMPLAINTS)
        self.banner.setVisible(bool(late) and supervisor)
        self.banner.setText(self.tr("⚠ Complaints overdue: {n} — see the red rows").format(
            n=len(late)))
        row = next((i for i, r in enumerate(rows) if current and r.id == current.id), 0)
        if rows:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_selected()

    def selected(self) -> cp.ComplaintView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    DRAFTED = ("resolution", "compensation", "approver_name", "notes")

    def _switch_drafts(self, complaint_id: int | None) -> None:
        """Keep what was typed for the complaint shown until now; show the selected one's."""
        if complaint_id == self._shown_id:
            return
        if self._shown_id is not None:
            typed = {k: self.work.value(k) for k in self.DRAFTED if self.work.value(k)}
            if typed:
                self._drafts[self._shown_id] = typed
            else:
                self._drafts.pop(self._shown_id, None)
        draft = self._drafts.get(complaint_id, {}) if complaint_id is not None else {}
        for key in self.DRAFTED:
            self.work.set_value(key, draft.get(key, ""))
        self._shown_id = complaint_id

    def _saved(self, complaint_id: int, keys: tuple[str, ...], message: str):
        """on_done of an action: its fields are cleared for that complaint, then the status."""
        def done(_view) -> None:
            draft = self._drafts.get(complaint_id, {})
            for key in keys:
                draft.pop(key, None)
                if self._shown_id == complaint_id:
                    self.work.set_value(key, "")
            self.status.setText(message)
        return done

    def _show_selected(self) -> None:
        c = self.selected()
        self._switch_drafts(c.id if c is not None else None)
        supervisor = allowed(self.ctx.staff, Perm.SUPERVISE_COMPLAINTS)
        self.work_box.setEnabled(c is not None)
        for b in (self.handle_button, self.approve_button, self.close_button):
            b.setEnabled(c is not None and supervisor)
        self.work.clear_errors()
        if c is None:
            self.detail.setText(self.tr("Select a complaint in the list."))
            return
        role = desk_rules.APPROVER_NAMES[c.approver_role].text() if c.approver_role else ""
        lines = [c.description,
                 self.tr("Concerns: {who}").format(who=c.staff_concerned or "—"),
                 self.tr("Handle by {handle}, close by {close}").format(
                     handle=c.handle_by.isoformat(), close=c.close_by.isoformat())]
        if c.revisit_by:
            lines.append(self.tr("Revisit by {day}").format(day=c.revisit_by.isoformat()))
        if c.resolution:
            lines.append(self.tr("Resolution: {text}").format(text=c.resolution))
        if c.compensation_fen:
            lines.append(self.tr("Compensation {amount} yuan, approved by: {role} ({state})")
                         .format(amount=f"{c.compensation_fen / 100:,.2f}", role=role,
                                 state=self.tr("approved") if c.approved
                                 else self.tr("waiting")))
        self.detail.setText("\n".join(lines))
        if c.approver_role:
            self.work.set_value("approver_role", c.approver_role)

    # --- actions ---------------------------------------------------------------------

    def _failed_at(self, form: KeyedForm):
        def failed(exc: FrontdeskError) -> None:
            if not form.show_error(exc):
                show_error(self.error, exc.message())
        return failed

    def record(self) -> None:
        f = self.new_form
        f.clear_errors()
        show_error(self.error, "")
        self.ctx.run(cp.record, actor=self.ctx.staff, description=f.value("description"),
                     severity=f.value("severity"), channel=f.value("channel"),
                     name=f.value("name"), phone=f.value("phone"),
                     department_id=f.value("department"),
                     staff_concerned=f.value("staff_concerned"),
                     on_done=self._recorded, on_error=self._failed_at(f))

    def _recorded(self, c: cp.ComplaintView) -> None:
        self.status.setText(self.tr("Complaint recorded; handle by {day}.").format(
            day=c.handle_by.isoformat()))
        for key in ("name", "phone", "staff_concerned", "description"):
            self.new_form.set_value(key, "")

    def handle(self) -> None:
        c = self.selected()
        if c is None:
            return
        self.work.clear_errors()
        self.ctx.run(cp.handle, actor=self.ctx.staff, complaint_id=c.id,
                     expected_version=c.version, resolution=self.work.value("resolution"),
                     compensation=self.work.value("compensation") or "0",
                     on_done=self._saved(c.id, ("resolution", "compensation"),
                                         self.tr("Handled.")),
                     on_error=self._failed_at(self.work))

    def approve(self) -> None:
        c = self.selected()
        if c is None:
            return
        self.work.clear_errors()
        self.ctx.run(cp.approve, actor=self.ctx.staff, complaint_id=c.id,
                     role=self.work.value("approver_role"),
                     approver_name=self.work.value("approver_name"),
                     on_done=self._saved(c.id, ("approver_name",),
                                         self.tr("Approval recorded.")),
                     on_error=self._failed_at(self.work))

    def revisit(self) -> None:
        c = self.selected()
        if c is None:
            return
        self.work.clear_errors()
        self.ctx.run(cp.revisit, actor=self.ctx.staff, complaint_id=c.id,
                     outcome=self.work.value("outcome"), notes=self.work.value("notes"),
                     on_done=self._saved(c.id, ("notes",), self.tr("Revisit recorded.")),
                     on_error=self._failed_at(self.work))

    def close_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        self.work.clear_errors()
        self.ctx.run(cp.close, actor=self.ctx.staff, complaint_id=c.id,
                     expected_version=c.version,
                     on_done=lambda v: self.status.setText(self.tr("Complaint closed.")),
                     on_error=self._failed_at(self.work))

    # --- text --------------------------------------------------------------------------

    def retranslate(self) -> None:
        labels = {"channel": self.tr("C&hannel"), "severity": self.tr("Se&verity"),
                  "name": self.tr("Complainant"), "phone": self.tr("Phone"),
                  "staff_concerned": self.tr("Staff concerned"),
                  "department": self.tr("Department"), "description": self.tr("&What happened")}
        for key, label in self.new_form.labels.items():
            label.setText(labels[key])
        work = {"resolution": self.tr("Resolution"), "compensation": self.tr("Compensation (yuan)"),
                "approver_role": self.tr("Approver's role"),
                "approver_name": self.tr("Approver's name"),
                "outcome": self.tr("Revisit outcome"), "notes": self.tr("Revisit notes")}
        for key, label in self.work.labels.items():
            label.setText(work[key])
        for box, names, values in (
                (self.new_form.editor("channel"), cp.CHANNEL_NAMES, cp.CHANNELS),
                (self.new_form.editor("severity"), cp.SEVERITY_NAMES, cp.SEVERITIES),
                (self.work.editor("approver_role"), desk_rules.APPROVER_NAMES,
                 desk_rules.APPROVER_ROLES),
                (self.work.editor("outcome"), cp.REVISIT_NAMES, cp.REVISIT_OUTCOMES)):
            for i, v in enumerate(values):
                box.setItemText(i, names[v].text())
        self.record_box.setTitle(self.tr("New complaint"))
        self.work_box.setTitle(self.tr("Selected complaint"))
        self.record_button.setText(self.tr("&Record (Ctrl+Enter)"))
        self.handle_button.setText(self.tr("Mark &handled"))
        self.approve_button.setText(self.tr("Record &approval"))
        self.revisit_button.setText(self.tr("Record re&visit"))
        self.close_button.setText(self.tr("C&lose complaint"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          len(ComplaintModel.HEADERS) - 1)
        self._show_selected()
