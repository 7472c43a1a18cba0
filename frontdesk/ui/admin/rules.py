"""Admin tabs for the house rules: departments, doctors and their schedule, fees, grooming items.

Each tab is a list on the left and an edit form on the right: pick a row to
change it, or "New" to add one. Saving goes through frontdesk.admin, which
validates, audits and refuses without the right role; its message appears
at the field it concerns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk import admin
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import localized, text
from frontdesk.rules import GROOMING_CATEGORIES
from frontdesk.ui.admin.forms import FieldForm
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.tables import STRETCH_LAST, fill_table, read_only_table, selected_id


def yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"


class RuleTab(Retranslating, QWidget):
    """List + form. Subclasses: build_form(), headers(), load(), row(), fill(), save(), toggle()."""

    key = "rule"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{self.key}Tab")
        self.items: dict[int, object] = {}
        self.editing: int | None = None
        self.table = read_only_table(f"{self.key}Table", stretch=STRETCH_LAST, striped=True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = FieldForm()
        self.build_form()
        self.form.finish()
        self.new_button = QPushButton()
        self.new_button.setObjectName(f"{self.key}New")
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton()
        self.save_button.setObjectName(f"{self.key}Save")
        self.save_button.clicked.connect(self.submit)
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName(f"{self.key}Toggle")
        self.toggle_button.clicked.connect(self._toggle)
        self.message = QLabel()
        self.message.setObjectName(f"{self.key}Message")
        self.message.setWordWrap(True)
        self.form_title = QLabel()
        self.form_title.setObjectName("ruleFormTitle")
        right = QWidget()
        col = QVBoxLayout(right)
        col.addWidget(self.form_title)
        col.addWidget(self.form)
        self.extra(col)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.save_button)
        row.addWidget(self.toggle_button)
        row.addStretch()
        col.addLayout(row)
        col.addWidget(self.message)
        col.addStretch()
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.set_texts()
        ctx.changes.rules_changed.connect(self.refresh)
        self.refresh()

    # hooks ------------------------------------------------------------------------
    def build_form(self) -> None: ...
    def extra(self, layout: QVBoxLayout) -> None: ...
    def label_form(self) -> None: ...
    def headers(self) -> list[str]: return []
    def load(self) -> list: return []
    def row(self, item) -> list[str]: return []
    def fill(self, item) -> None: ...
    def save(self, item_id: int | None): ...
    def toggle(self, item) -> None: ...
    def is_active(self, item) -> bool: return bool(getattr(item, "active", True))

    def show_error(self, exc: FrontdeskError) -> None:
        self.form.show_error(exc)

    # common -----------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language, then the rows again (their words are translated)."""
        self.set_texts()
        self.refresh()

    def set_texts(self) -> None:
        self.table.setColumnCount(len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.new_button.setText(self.tr("&New"))
        self.save_button.setText(self.tr("&Save"))
        self.label_form()
        self._update_title()


    def refresh(self) -> None:
        try:
            with driver_errors("load rules"):
                items = self.load()
        except FrontdeskError as exc:
            self.message.setText(exc.message())
            return
        keep = self.editing
        self.items = {i.id: i for i in items}
        fill_table(self.table, [self.row(i) for i in items], [i.id for i in items])
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == keep:
                self.table.selectRow(r)
        if keep is None or keep not in self.items:
            self.start_new()

    def _selected(self) -> None:
        item_id = selected_id(self.table)
        if item_id is None or item_id not in self.items:
            return
        self.editing = item_id
        self.form.clear_errors()
        self.fill(self.items[item_id])
        self._update_title()

    def start_new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.form.clear_errors()
        self.fill(None)
        self._update_title()

    def _update_title(self) -> None:
        item = self.items.get(self.editing) if self.editing is not None else None
        self.form_title.setText(self.tr("New entry") if item is None else self.tr("Change entry"))
        self.toggle_button.setEnabled(item is not None)
        self.toggle_button.setText(self.tr("Switch &on") if item is not None and not self.is_active(item)
                                   else self.tr("Switch o&ff"))

    def submit(self) -> bool:
        self.form.clear_errors()
        ok = []

        def saved_as(saved) -> None:
            self.editing = saved.id if saved is not None else self.editing
            self.message.setText(self.tr("Saved."))
            ok.append(True)

        # The runner announces rules_changed (the admin functions declare it).
        self.ctx.run(self.save, self.editing, on_done=saved_as, on_error=self.show_error)
        return bool(ok)

    def _toggle(self) -> None:
        item = self.items.get(self.editing) if self.editing is not None else None
        if item is None:
            return
        self.ctx.run(self.toggle, item, on_error=lambda exc: self.message.setText(exc.message()))

    def yes_no(self, flag: bool) -> str:
        return self.tr("yes") if flag else self.tr("no")


class TriageRulesBox(Retranslating, QGroupBox):
    """Whether the database's triage rules are the installed triage.toml's, and a button
    that takes the installed ones: what `frontdesk rules reload` does, for an admin at a
    desk without a command line (after an upgrade brought a better triage.toml)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current: bool | None = None
        self.setObjectName("triageRulesBox")
        # A line and a button under the list: the list keeps the height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.state = QLabel()
        self.state.setObjectName("triageRulesState")
        self.state.setWordWrap(True)
        self.take_button = QPushButton()
        self.take_button.setObjectName("triageRulesTake")
        self.take_button.setEnabled(False)
        self.take_button.clicked.connect(self.take)
        self.message = QLabel()
        self.message.setObjectName("triageRulesMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate()
        ctx.changes.rules_changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Triage rules"))
        self.take_button.setText(self.tr("Take the installed triage rules"))
        self._show_state()

    def refresh(self) -> None:
        try:
            with driver_errors("load rules"):
                self.current = admin.triage_rules_current(actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.current = None
            self._say(exc.message())
        self._show_state()

    def _show_state(self) -> None:
        if self.current is True:
            words = self.tr("The database's triage rules are the installed ones (triage.toml).")
        elif self.current is False:
            words = self.tr("The database's triage rules are older than or different from the "
                            "installed triage.toml: every desk triages with the database's until "
                            "you take the installed ones.")
        else:
            words = self.tr("The database's triage rules cannot be compared with the installed "
                            "triage.toml.")
        self.state.setText(words)
        self.take_button.setEnabled(self.current is False)

    def _say(self, words: str) -> None:
        self.message.setText(words)
        self.message.setVisible(bool(words))

    def take(self) -> None:
        if QMessageBox.question(
                self, self.tr("Take the installed triage rules"),
                self.tr("Replace the database's triage rules with the installed triage.toml? "
                        "Every desk triages with them from its next suggestion.")
        ) != QMessageBox.StandardButton.Yes:
            return
        self._say("")
        # The runner announces rules_changed (the function declares it): refresh() follows.
        self.ctx.run(admin.take_installed_triage_rules, actor=self.ctx.staff,
                     on_done=lambda _doc: self._say(self.tr("The installed triage rules are taken.")),
                     on_error=lambda exc: self._say(exc.message()))


class DepartmentsTab(RuleTab):
    """Departments, and under them the triage rules that send patients to them."""

    key = "department"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.triage_box = TriageRulesBox(ctx)
        self.layout().addWidget(self.triage_box)

    def build_form(self) -> None:
        f = self.form
        self.code = f.add("code", QLineEdit(), "departmentCode")
        self.name_zh = f.add("name_zh", QLineEdit(), "departmentNameZh")
        self.name_en = f.add("name_en", QLineEdit(), "departmentNameEn")
        self.short_zh = f.add("short_zh", QLineEdit(), "departmentShortZh")
        self.short_en = f.add("short_en", QLineEdit(), "departmentShortEn")
        self.room = f.add("room", QLineEdit(), "departmentRoom")
        self.floor = f.add("floor", QLineEdit(), "departmentFloor")
        self.directions_zh = f.add("directions_zh", QLineEdit(), "departmentDirectionsZh")
        self.directions_en = f.add("directions_en", QLineEdit(), "departmentDirectionsEn")
        self.emergency = f.add("is_emergency", QCheckBox(), "departmentEmergency")

    def label_form(self) -> None:
        f = self.form
        f.set_label("code", self.tr("Code:"))
        f.set_label("name_zh", self.tr("Name (Chinese):"))
        f.set_label("name_en", self.tr("Name (English):"))
        f.set_label("short_zh", self.tr("Queue prefix (Chinese):"))
        f.set_label("short_en", self.tr("Queue prefix (English):"))
        f.set_label("room", self.tr("Rooms:"))
        f.set_label("floor", self.tr("Floor:"))
        f.set_label("directions_zh", self.tr("Directions (Chinese):"))
        f.set_label("directions_en", self.tr("Directions (English):"))
        f.set_label("is_emergency", self.tr("Emergency:"))
        self.toggle_button.setObjectName("departmentToggle")

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Prefix"), self.tr("Rooms"),
                self.tr("In use")]

    def load(self) -> list:
        return admin.list_departments(actor=self.ctx.staff)

    def row(self, d) -> list[str]:
        return [d.code, localized(d, "name"), localized(d, "short"), d.room, self.yes_no(d.active)]

    def fill(self, d) -> None:
        for attr in ("code", "name_zh", "name_en", "short_zh", "short_en", "room", "floor",
                     "directions_zh", "directions_en"):
            getattr(self, attr).setText(getattr(d, attr) if d is not None else "")
        self.emergency.setChecked(bool(d and d.is_emergency))

    def save(self, item_id):
        return admin.save_department(
            actor=self.ctx.staff, dept_id=item_id, code=self.code.text(),
            name_zh=self.name_zh.text(), name_en=self.name_en.text(),
            short_zh=self.short_zh.text(), short_en=self.short_en.text(), room=self.room.text(),
            floor=self.floor.text(), directions_zh=self.directions_zh.text(),
            directions_en=self.directions_en.text(), is_emergency=self.emergency.isChecked())

    def toggle(self, d) -> None:
        admin.set_department_active(actor=self.ctx.staff, dept_id=d.id, active=not d.active)


class FeesTab(RuleTab):
    key = "fee"

    def build_form(self) -> None:
        f = self.form
        self.code = f.add("code", QLineEdit(), "feeCode")
        self.name_zh = f.add("name_zh", QLineEdit(), "feeNameZh")
        self.name_en = f.add("name_en", QLineEdit(), "feeNameEn")
        self.amount = f.add("amount", QLineEdit(), "feeAmount")

    def label_form(self) -> None:
        f = self.form
        f.set_label("code", self.tr("Code:"))
        f.set_label("name_zh", self.tr("Name (Chinese):"))
        f.set_label("name_en", self.tr("Name (English):"))
        f.set_label("amount", self.tr("Registration fee (yuan):"))
        self.toggle_button.hide()  # fee classes are not switched off; doctors point at them

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Fee (yuan)")]

    def load(self) -> list:
        return admin.list_fee_classes(actor=self.ctx.staff)

    def row(self, fee) -> list[str]:
        return [fee.code, localized(fee, "name"), yuan(fee.amount_fen)]

    def fill(self, fee) -> None:
        self.code.setText(fee.code if fee else "")
        self.name_zh.setText(fee.name_zh if fee else "")
        self.name_en.setText(fee.name_en if fee else "")
        self.amount.setText(yuan(fee.amount_fen) if fee else "")

    def save(self, item_id):
        return admin.save_fee_class(actor=self.ctx.staff, fee_id=item_id, code=self.code.text(),
                                    name_zh=self.name_zh.text(), name_en=self.name_en.text(),
                                    amount=self.amount.text())


class GroomingItemsTab(RuleTab):
    key = "grooming"

    def build_form(self) -> None:
        f = self.form
        self.code = f.add("code", QLineEdit(), "groomingCode")
        self.category = f.add("category", QComboBox(), "groomingCategory")
        self.name_zh = f.add("name_zh", QLineEdit(), "groomingNameZh")
        self.name_en = f.add("name_en", QLineEdit(), "groomingNameEn")
        self.fine = f.add("fine", QLineEdit(), "groomingFine")

    def category_name(self, code: str) -> str:
        return {"appearance": self.tr("Appearance"), "dress": self.tr("Dress"),
                "manner": self.tr("Manner")}.get(code, code)

    def label_form(self) -> None:
        f = self.form
        f.set_label("code", self.tr("Code:"))
        f.set_label("category", self.tr("Category:"))
        f.set_label("name_zh", self.tr("Item (Chinese):"))
        f.set_label("name_en", self.tr("Item (English):"))
        f.set_label("fine", self.tr("Fine (yuan):"))
        current = self.category.currentData()
        self.category.clear()
        for code in GROOMING_CATEGORIES:
            self.category.addItem(self.category_name(code), code)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Category"), self.tr("Item"), self.tr("Fine (yuan)"),
                self.tr("In use")]

    def load(self) -> list:
        return admin.list_grooming_items(actor=self.ctx.staff)

    def row(self, item) -> list[str]:
        return [item.code, self.category_name(item.category), localized(item, "name"),
                yuan(item.fine_fen), self.yes_no(item.active)]

    def fill(self, item) -> None:
        self.code.setText(item.code if item else "")
        self.category.setCurrentIndex(max(0, self.category.findData(item.category if item else "")))
        self.name_zh.setText(item.name_zh if item else "")
        self.name_en.setText(item.name_en if item else "")
        self.fine.setText(yuan(item.fine_fen) if item else "")

    def save(self, item_id):
        return admin.save_grooming_item(
            actor=self.ctx.staff, item_id=item_id, code=self.code.text(),
            category=self.category.currentData(), name_zh=self.name_zh.text(),
            name_en=self.name_en.text(), fine=self.fine.text())

    def toggle(self, item) -> None:
        admin.set_grooming_item_active(actor=self.ctx.staff, item_id=item.id, active=not item.active)


class DoctorsTab(RuleTab):
    """Doctors, plus their week: one line per weekday, e.g. "08:00-12:00, 14:00-18:00"."""

    key = "doctor"

    def build_form(self) -> None:
        f = self.form
        self.name = f.add("name", QLineEdit(), "doctorName")
        self.department = f.add("department", QComboBox(), "doctorDepartment")
        self.fee_class = f.add("fee_class", QComboBox(), "doctorFeeClass")
        self.title_zh = f.add("title_zh", QLineEdit(), "doctorTitleZh")
        self.title_en = f.add("title_en", QLineEdit(), "doctorTitleEn")
        self.specialty_zh = f.add("specialty_zh", QLineEdit(), "doctorSpecialtyZh")
        self.specialty_en = f.add("specialty_en", QLineEdit(), "doctorSpecialtyEn")

    def extra(self, layout: QVBoxLayout) -> None:
        self.schedule_box = QGroupBox()
        self.schedule_form = FieldForm()
        self.days: list[QLineEdit] = []
        for d in range(7):
            edit = self.schedule_form.add(f"day{d}", QLineEdit(), f"doctorScheduleDay{d}")
            edit.setPlaceholderText("08:00-12:00, 14:00-18:00")
            self.days.append(edit)
        self.schedule_form.finish()
        box = QVBoxLayout(self.schedule_box)
        box.addWidget(self.schedule_form)
        layout.addWidget(self.schedule_box)

    def label_form(self) -> None:
        f = self.form
        f.set_label("name", self.tr("Name:"))
        f.set_label("department", self.tr("Department:"))
        f.set_label("fee_class", self.tr("Fee class:"))
        f.set_label("title_zh", self.tr("Title (Chinese):"))
        f.set_label("title_en", self.tr("Title (English):"))
        f.set_label("specialty_zh", self.tr("Specialty (Chinese):"))
        f.set_label("specialty_en", self.tr("Specialty (English):"))
        self.schedule_box.setTitle(self.tr("Weekly schedule"))
        names = [self.tr("Monday:"), self.tr("Tuesday:"), self.tr("Wednesday:"),
                 self.tr("Thursday:"), self.tr("Friday:"), self.tr("Saturday:"), self.tr("Sunday:")]
        for d, name in enumerate(names):
            self.schedule_form.set_label(f"day{d}", name)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Department"), self.tr("Title"), self.tr("Fee (yuan)"),
                self.tr("In use")]

    def load(self) -> list:
        doctors = admin.list_doctors(actor=self.ctx.staff)
        keep_d, keep_f = self.department.currentData(), self.fee_class.currentData()
        self.department.clear()
        for d in admin.list_departments(actor=self.ctx.staff):
            self.department.addItem(localized(d, "name"), d.id)
        self.fee_class.clear()
        for fee in admin.list_fee_classes(actor=self.ctx.staff):
            self.fee_class.addItem(f"{localized(fee, 'name')} ({yuan(fee.amount_fen)})", fee.id)
        self.department.setCurrentIndex(max(0, self.department.findData(keep_d)))
        self.fee_class.setCurrentIndex(max(0, self.fee_class.findData(keep_f)))
        return doctors

    def row(self, d) -> list[str]:
        return [d.name, text(d.department_zh, d.department_en), text(d.title_zh, d.title_en),
                yuan(d.amount_fen), self.yes_no(d.active)]

    def fill(self, d) -> None:
        self.name.setText(d.name if d else "")
        self.department.setCurrentIndex(max(0, self.department.findData(d.department_id if d else None)))
        self.fee_class.setCurrentIndex(max(0, self.fee_class.findData(d.fee_class_id if d else None)))
        for attr in ("title_zh", "title_en", "specialty_zh", "specialty_en"):
            getattr(self, attr).setText(getattr(d, attr) if d else "")
        for day, edit in enumerate(self.days):
            blocks = [f"{s}-{e}" for wd, s, e in (d.schedule if d else ()) if wd == day]
            edit.setText(", ".join(blocks))
        self.schedule_form.clear_errors()

    def show_error(self, exc: FrontdeskError) -> None:
        if (exc.field or "").startswith("day"):
            self.schedule_form.show_error(exc)
        else:
            self.form.show_error(exc)

    def save(self, item_id):
        self.schedule_form.clear_errors()
        # The week is checked before anything is written, so a typo there saves nothing.
        blocks = []
        for day, edit in enumerate(self.days):
            blocks += admin.parse_day_blocks(day, edit.text())
        doctor = admin.save_doctor(
            actor=self.ctx.staff, doctor_id=item_id, name=self.name.text(),
            department_id=self.department.currentData(), fee_class_id=self.fee_class.currentData(),
            title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            specialty_zh=self.specialty_zh.text(), specialty_en=self.specialty_en.text())
        admin.set_doctor_schedule(actor=self.ctx.staff, doctor_id=doctor.id, blocks=blocks)
        return doctor

    def toggle(self, d) -> None:
        admin.set_doctor_active(actor=self.ctx.staff, doctor_id=d.id, active=not d.active)
