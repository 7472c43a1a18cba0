"""The service desk's admin-editable rules: the two-level media list, the working-day
calendar (holidays and make-up working days) and the follow-up attempts before a call
closes. Shown to everyone, editable by those who may change rules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.service import desk_rules
from frontdesk.ui.service.form import KeyedForm, combo, date_edit, fill_combo
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating


class DeskSettingsPanel(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deskSettingsPanel")
        # Media list
        self.tree = QTreeWidget()
        self.tree.setObjectName("mediaTree")
        self.tree.setColumnCount(2)
        self.tree.currentItemChanged.connect(lambda *_: self._media_selected())
        self.media = m = KeyedForm()
        mf = QFormLayout()
        m.add(mf, "parent", combo([(None, "—")], "mediaParent"))
        for key in ("code", "name_zh", "name_en"):
            e = QLineEdit()
            e.setObjectName(f"media_{key}")
            m.add(mf, key, e)
        self.media_active = QCheckBox()
        self.media_active.setObjectName("mediaActive")
        self.media_active.setChecked(True)
        m.add(mf, "active", self.media_active)
        self.media_add = QPushButton()
        self.media_add.setObjectName("mediaAdd")
        self.media_add.clicked.connect(lambda: self.save_media(new=True))
        self.media_save = QPushButton()
        self.media_save.setObjectName("mediaSave")
        self.media_save.clicked.connect(lambda: self.save_media(new=False))
        self.media_box = QGroupBox()
        mb = QVBoxLayout(self.media_box)
        mb.addWidget(self.tree, 1)
        mb.addLayout(mf)
        row = QHBoxLayout()
        row.addWidget(self.media_add)
        row.addWidget(self.media_save)
        mb.addLayout(row)

        # Calendar
        self.days = QListWidget()
        self.days.setObjectName("calendarDays")
        self.cal = c = KeyedForm()
        cf = QFormLayout()
        c.add(cf, "day", date_edit("calendarDay", clock.today()))
        c.add(cf, "working", combo([(False, ""), (True, "")], "calendarKind"))
        name = QLineEdit()
        name.setObjectName("calendar_name")
        c.add(cf, "name", name)
        self.cal_set = QPushButton()
        self.cal_set.setObjectName("calendarSet")
        self.cal_set.clicked.connect(self.set_day)
        self.cal_clear = QPushButton()
        self.cal_clear.setObjectName("calendarClear")
        self.cal_clear.clicked.connect(self.clear_day)
        self.attempts = QSpinBox()
        self.attempts.setObjectName("followUpAttempts")
        self.attempts.setRange(1, 10)
        self.attempts_label = QLabel()
        self.attempts_save = QPushButton()
        self.attempts_save.setObjectName("followUpAttemptsSave")
        self.attempts_save.clicked.connect(self.save_attempts)
        self.cal_box = QGroupBox()
        cb = QVBoxLayout(self.cal_box)
        cb.addWidget(self.days, 1)
        cb.addLayout(cf)
        row = QHBoxLayout()
        row.addWidget(self.cal_set)
        row.addWidget(self.cal_clear)
        cb.addLayout(row)
        arow = QHBoxLayout()
        arow.addWidget(self.attempts_label)
        arow.addWidget(self.attempts)
        arow.addWidget(self.attempts_save)
        cb.addLayout(arow)
        self.status = QLabel()
        self.status.setObjectName("deskSettingsStatus")
        self.error = error_label("deskSettingsError")
        cols = QHBoxLayout()
        cols.addWidget(self.media_box, 1)
        cols.addWidget(self.cal_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(cols, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        ctx.changes.rules_changed.connect(self.refresh)
        ctx.changes.session_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        editable = allowed(self.ctx.staff, Perm.MANAGE_RULES)
        for w in (self.media_add, self.media_save, self.cal_set, self.cal_clear,
                  self.attempts_save):
            w.setEnabled(editable)
        tree = self.ctx.run(desk_rules.media_tree, include_inactive=True,
                            on_error=lambda exc: show_error(self.error, exc.message())) or []
        self.tree.clear()
        for group, kids in tree:
            top = QTreeWidgetItem([group.name, group.code])
            top.setData(0, Qt.ItemDataRole.UserRole, group)
            self.tree.addTopLevelItem(top)
            for k in kids:
                item = QTreeWidgetItem([k.name + ("" if k.active else " ✗"), k.code])
                item.setData(0, Qt.ItemDataRole.UserRole, k)
                top.addChild(item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        fill_combo(self.media.editor("parent"), [(None, "—")] + [(g.id, g.name) for g, _ in tree])
        entries = self.ctx.run(desk_rules.calendar_entries,
                               on_error=lambda exc: show_error(self.error, exc.message())) or []
        self.days.clear()
        for e in entries:
            kind = self.tr("working day") if e.working else self.tr("holiday")
            QListWidgetItem(f"{e.day.isoformat()}  {kind}  {e.name}", self.days)
        rules = self.ctx.run(desk_rules.current,
                             on_error=lambda exc: show_error(self.error, exc.message()))
        if rules:
            self.attempts.setValue(rules["follow_up"]["max_attempts"])

    def _media_selected(self) -> None:
        item = self.tree.currentItem()
        m = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if m is None:
            return
        self.media.set_value("parent", m.parent_id)
        self.media.set_value("code", m.code)
        self.media.set_value("name_zh", m.name_zh)
        self.media.set_value("name_en", m.name_en)
        self.media_active.setChecked(m.active)

    def _failed(self, form: KeyedForm):
        def failed(exc: FrontdeskError) -> None:
            if not form.show_error(exc):
                show_error(self.error, exc.message())
        return failed

    def save_media(self, new: bool) -> None:
        m = self.media
        m.clear_errors()
        show_error(self.error, "")
        item = self.tree.currentItem()
        current = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not new and current is None:
            return
        self.ctx.run(desk_rules.save_media, actor=self.ctx.staff,
                     media_id=None if new else current.id, code=m.value("code"),
                     name_zh=m.value("name_zh"), name_en=m.value("name_en"),
                     parent_id=m.value("parent"), active=self.media_active.isChecked(),
                     on_done=lambda r: self.status.setText(self.tr("Saved {name}.").format(
                         name=r.name)), on_error=self._failed(m))

    def set_day(self) -> None:
        self.cal.clear_errors()
        self.ctx.run(desk_rules.set_calendar_day, actor=self.ctx.staff,
                     day=self.cal.value("day"), working=self.cal.value("working"),
                     name=self.cal.value("name"),
                     on_done=lambda e: self.status.setText(self.tr("Calendar updated.")),
                     on_error=self._failed(self.cal))

    def clear_day(self) -> None:
        self.ctx.run(desk_rules.clear_calendar_day, actor=self.ctx.staff,
                     day=self.cal.value("day"),
                     on_done=lambda e: self.status.setText(self.tr("Calendar updated.")),
                     on_error=self._failed(self.cal))

    def save_attempts(self) -> None:
        self.ctx.run(desk_rules.set_follow_up_attempts, actor=self.ctx.staff,
                     attempts=self.attempts.value(),
                     on_done=lambda n: self.status.setText(self.tr("Saved.")),
                     on_error=lambda exc: show_error(self.error, exc.message()))

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Media source"), self.tr("Code")])
        for key, label in self.media.labels.items():
            label.setText({"parent": self.tr("Group"), "code": self.tr("Code"),
                           "name_zh": self.tr("Chinese name"), "name_en": self.tr("English name"),
                           "active": self.tr("In use")}[key])
        for key, label in self.cal.labels.items():
            label.setText({"day": self.tr("Day"), "working": self.tr("Day type"),
                           "name": self.tr("Holiday name")}[key])
        kind = self.cal.editor("working")
        kind.setItemText(0, self.tr("Holiday (no work)"))
        kind.setItemText(1, self.tr("Make-up working day"))
        self.media_box.setTitle(self.tr("Media sources (two levels)"))
        self.cal_box.setTitle(self.tr("Working-day calendar"))
        self.media_add.setText(self.tr("&Add"))
        self.media_save.setText(self.tr("&Save selected"))
        self.cal_set.setText(self.tr("Set &day"))
        self.cal_clear.setText(self.tr("&Remove day"))
        self.attempts_label.setText(self.tr("Failed call attempts before a follow-up closes:"))
        self.attempts_save.setText(self.tr("Save"))
