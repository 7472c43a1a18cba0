"""Opening a waiting-room display on this PC, its voice, and the notice and broadcast.

File → Waiting-room display… opens this dialog: choose the departments and the
screen (a second monitor or a TV), open the display full screen; set this PC's
voice; and, for supervisors, the scrolling notice and an emergency broadcast
that every display shows at once (they are settings: the live path carries them).
`open_display` is also what `frontdesk display` runs (a kiosk: display + voice).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import i18n
from frontdesk.queue import waiting_room
from frontdesk.ui.queue.display import DisplayWindow
from frontdesk.ui.queue.voice.settings_panel import VoiceSettingsPanel
from frontdesk.ui.queue.voice.speaker import Speaker
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error
from frontdesk.ui.widgets.form_dialog import show_refusal
from frontdesk.ui.widgets.retranslate import Retranslating


def open_display(ctx, departments: list[int], screen_index: int = -1, *, voice: bool = True,
                 full_screen: bool = True, parent: QWidget | None = None) -> DisplayWindow:
    """A display window on screen `screen_index` (-1: the last screen, usually the TV)."""
    speaker = None
    if voice:
        speaker = Speaker()  # configured from the settings the first screen read brings
    window = DisplayWindow(ctx, departments, speaker, parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if speaker is not None:
        speaker.setParent(window)  # the display hands it the voice settings as they change
    screens = QGuiApplication.screens()
    if screens:
        screen = screens[screen_index] if -len(screens) <= screen_index < len(screens) else screens[-1]
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
    if full_screen:
        window.showFullScreen()
        window.setCursor(Qt.CursorShape.BlankCursor)  # a sign, not a desktop: no pointer
    else:
        window.resize(1366, 768)
        window.show()
    window.refresh()
    return window


class DisplaySetupDialog(Retranslating, QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("displaySetup")
        self.ctx = ctx
        self.window_opened: DisplayWindow | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._display_tab(), "")
        self.voice = VoiceSettingsPanel(ctx)
        self.tabs.addTab(self.voice, "")
        self.tabs.addTab(self._notice_tab(), "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(buttons)
        self.retranslate()
        self._load()

    # --- display tab -------------------------------------------------------------------

    def _display_tab(self) -> QWidget:
        page = QWidget()
        self.departments = QListWidget()
        self.departments.setObjectName("displayDepartments")
        self.screen_box = QComboBox()
        self.screen_box.setObjectName("displayScreen")
        self.with_voice = QCheckBox()
        self.with_voice.setObjectName("displayVoice")
        self.with_voice.setChecked(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("displayOpen")
        self.open_button.clicked.connect(self.open_now)
        self.display_error = error_label("displayError")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.lbl_departments, self.lbl_screen = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.lbl_departments, self.departments)
        form.addRow(self.lbl_screen, self.screen_box)
        form.addRow("", self.with_voice)
        box = QVBoxLayout(page)
        box.addLayout(form)
        box.addWidget(self.hint)
        box.addWidget(self.display_error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        box.addLayout(row)
        return page

    def _notice_tab(self) -> QWidget:
        page = QWidget()
        self.notice = QLineEdit()
        self.notice.setObjectName("displayNotice")
        self.notice.setMaxLength(waiting_room.NOTICE_MAX)
        self.notice_save = QPushButton()
        self.notice_save.setObjectName("displayNoticeSave")
        self.notice_save.clicked.connect(self.save_notice)
        self.message = QLineEdit()
        self.message.setObjectName("displayBroadcastText")
        self.message.setMaxLength(waiting_room.BROADCAST_MAX)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("displayBroadcastMinutes")
        self.minutes.setRange(1, waiting_room.BROADCAST_MAX_MINUTES)
        self.minutes.setValue(30)
        self.send = QPushButton()
        self.send.setObjectName("displayBroadcastSend")
        self.send.clicked.connect(self.send_broadcast)
        self.clear = QPushButton()
        self.clear.setObjectName("displayBroadcastClear")
        self.clear.clicked.connect(self.clear_broadcast)
        self.notice_fields = {"notice": FieldBox("notice", self.notice),
                              "broadcast": FieldBox("broadcast", self.message),
                              "minutes": FieldBox("minutes", self.minutes)}
        self.notice_error = error_label("displayNoticeError")
        self.notice_state = QLabel()
        self.notice_state.setObjectName("displayNoticeState")
        self.notice_state.setWordWrap(True)
        self.lbl_notice, self.lbl_message, self.lbl_minutes = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.notice_fields["notice"], 1)
        row.addWidget(self.notice_save)
        form.addRow(self.lbl_notice, row)
        form.addRow(self.lbl_message, self.notice_fields["broadcast"])
        form.addRow(self.lbl_minutes, self.notice_fields["minutes"])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear)
        buttons.addWidget(self.send)
        box = QVBoxLayout(page)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.notice_state)
        box.addWidget(self.notice_error)
        box.addStretch(1)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Waiting-room display"))
        self.tabs.setTabText(0, self.tr("Display"))
        self.tabs.setTabText(1, self.tr("Voice"))
        self.tabs.setTabText(2, self.tr("Notice and broadcast"))
        self.lbl_departments.setText(self.tr("Departments"))
        self.lbl_screen.setText(self.tr("Screen"))
        self.with_voice.setText(self.tr("Announce calls on this PC's speakers"))
        self.open_button.setText(self.tr("&Open the display"))
        self.hint.setText(self.tr("No department ticked: every department with patients waiting. "
                                  "F11 switches full screen, Esc leaves it. On a PC that does "
                                  "nothing else, start it with: frontdesk display"))
        self.lbl_notice.setText(self.tr("Scrolling notice"))
        self.lbl_message.setText(self.tr("Emergency broadcast"))
        self.lbl_minutes.setText(self.tr("Show for"))
        self.minutes.setSuffix(self.tr(" min"))
        self.notice_save.setText(self.tr("Save notice"))
        self.send.setText(self.tr("&Broadcast now"))
        self.clear.setText(self.tr("Stop the broadcast"))
        for i, screen in enumerate(QGuiApplication.screens()):
            if i < self.screen_box.count():
                geo = screen.geometry()
                self.screen_box.setItemText(i, self.tr("Screen {n}: {w} × {h}").format(
                    n=i + 1, w=geo.width(), h=geo.height()))

    def _load(self) -> None:
        lang = i18n.language()
        choices = self.ctx.run(waiting_room.department_choices,
                               on_error=lambda exc: show_error(self.display_error, exc.message()))
        chosen = self.ctx.run(waiting_room.station_choice,
                              on_error=lambda exc: show_error(self.display_error, exc.message()))
        ids, screen_index = chosen if chosen else ([], -1)
        for dept_id, zh, en in choices or []:
            item = QListWidgetItem(en if lang == "en" else zh)
            item.setData(Qt.ItemDataRole.UserRole, dept_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if dept_id in ids else Qt.CheckState.Unchecked)
            self.departments.addItem(item)
        for _ in QGuiApplication.screens():
            self.screen_box.addItem("")
        count = self.screen_box.count()
        if count:
            self.screen_box.setCurrentIndex(screen_index if 0 <= screen_index < count else count - 1)
        self.retranslate()
        self.notice.setText(self.ctx.run(waiting_room.notice, on_error=self._notice_failed) or "")
        self._show_broadcast_state()

    def chosen_departments(self) -> list[int]:
        return [self.departments.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.departments.count())
                if self.departments.item(i).checkState() == Qt.CheckState.Checked]

    def open_now(self) -> None:
        ids, screen_index = self.chosen_departments(), self.screen_box.currentIndex()
        show_error(self.display_error, "")
        self.ctx.run(waiting_room.save_station_choice, ids, screen_index,
                     on_error=lambda exc: show_error(self.display_error, exc.message()))
        self.window_opened = open_display(self.ctx, ids, screen_index,
                                          voice=self.with_voice.isChecked())

    # --- notice and broadcast -------------------------------------------------------------

    def _clear_notice_errors(self) -> None:
        for box in self.notice_fields.values():
            box.clear_error()
        show_error(self.notice_error, "")

    def _notice_failed(self, exc: Exception) -> None:
        show_refusal(exc, self.notice_fields, self.notice_error)

    def save_notice(self) -> None:
        self._clear_notice_errors()
        self.ctx.run(waiting_room.set_notice, self.notice.text(), actor=self.ctx.staff,
                     on_done=lambda _v: self._show_broadcast_state(), on_error=self._notice_failed)

    def send_broadcast(self) -> None:
        self._clear_notice_errors()
        self.ctx.run(waiting_room.send_broadcast, self.message.text(), minutes=self.minutes.value(),
                     actor=self.ctx.staff, on_done=lambda _b: self._show_broadcast_state(),
                     on_error=self._notice_failed)

    def clear_broadcast(self) -> None:
        self._clear_notice_errors()
        self.ctx.run(waiting_room.clear_broadcast, actor=self.ctx.staff,
                     on_done=lambda _v: self._show_broadcast_state(), on_error=self._notice_failed)

    def _show_broadcast_state(self) -> None:
        b = self.ctx.run(waiting_room.broadcast, on_error=self._notice_failed)
        if b is None:
            self.notice_state.setText(self.tr("No broadcast on the displays."))
        else:
            self.notice_state.setText(self.tr("On the displays until {time}: {text}").format(
                time=b.until.strftime("%H:%M"), text=b.text))
