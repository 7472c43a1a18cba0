"""The waiting-room display (候诊叫号屏): a full-screen sign for a second monitor or a TV.

Readable from 5 metres: the patient now called and the room, per department the
patients called and the next few with "N ahead of you", masked names only, a
scrolling notice, a supervisor's emergency broadcast, and the database server's
clock (screens in an intranet lose theirs after a power cut).

It reads one thing, :func:`frontdesk.queue.waiting_room.screen`, on the worker,
whenever the live path says the queue or the settings changed
(ctx.changes.queue_changed / settings_changed, fed by frontdesk/ui/shell/live.py
from other stations) — never a slow poll; a minute's re-read only re-syncs the
clock. When the server is unreachable the screen keeps what it shows, says so
in a small line, and tries again every few seconds until it is back.

New calls go to the speaker (frontdesk/ui/queue/voice/speaker.py), which says
them one after another.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from frontdesk.queue import waiting_room
from frontdesk.ui import style
from frontdesk.ui.widgets.labels import FitLabel
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.voice.announcement import Announcement, CallKind, room_words

log = logging.getLogger(__name__)

RETRY_MS = 5_000        # after a failed read: try again (the server may be back)
CLOCK_SYNC_MS = 60_000  # re-read the server's clock (and everything) once a minute
TICK_MS = 1_000
TICKER_MS = 40          # the notice moves 25 times a second
MAX_CALLED_SHOWN = 2


def _px(widget: QWidget, size: float, *, bold: bool | None = None) -> None:
    if isinstance(widget, FitLabel):
        widget.set_px(size, bold=bold)
        return
    font = QFont(widget.font())
    font.setPixelSize(max(10, int(size)))
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)


def _label(name: str, text: str = "", *, align=Qt.AlignmentFlag.AlignLeft,
           shrink: bool = True, fit: bool = False) -> QLabel:
    label = FitLabel(text) if fit else QLabel(text)
    label.setObjectName(name)
    if shrink:
        # A long name or room is clipped at its own edge; it never widens the screen.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(1)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return label


class Ticker(QWidget):
    """A line of text that scrolls from right to left, for the notice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("displayTicker")
        self._text = ""
        self._offset = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICKER_MS)
        self._timer.timeout.connect(self._step)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt-style, like QLabel
        if text == self._text:
            return
        self._text = text
        self._offset = float(self.width())
        self.setVisible(bool(text))
        if text:
            self._timer.start()
        else:
            self._timer.stop()

    def _step(self) -> None:
        width = QFontMetrics(self.font()).horizontalAdvance(self._text)
        self._offset -= max(1.0, self.height() / 18)
        if self._offset < -width:
            self._offset = float(self.width())
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.setFont(self.font())
        painter.drawText(QRectF(self._offset, 0, 10_000, self.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self._text)


class ClinicPanel(Retranslating, QFrame):
    """One department: who is called to which room, who is next and how many are ahead."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("displayClinic")
        self.clinic = None
        self.name = _label("clinicName")
        self.room = _label("clinicRoom")
        self.paused = _label("clinicPaused")
        self.count = _label("clinicCount", align=Qt.AlignmentFlag.AlignRight, shrink=False)
        self.called = [_label("clinicCalled", fit=True) for _ in range(MAX_CALLED_SHOWN)]
        self.next_rows: list[tuple[QLabel, QLabel]] = []
        self._rows = QGridLayout()
        self._rows.setHorizontalSpacing(12)
        self._rows.setColumnStretch(0, 1)  # the name takes what "N ahead" leaves
        head = QVBoxLayout()  # the room under the name: "Internal Medicine" needs the width
        head.setSpacing(0)
        head.addWidget(self.name)
        head.addWidget(self.room)
        foot = QHBoxLayout()
        foot.addWidget(self.paused, 1)
        foot.addWidget(self.count)
        box = QVBoxLayout(self)
        box.addLayout(head)
        for label in self.called:
            box.addWidget(label)
        box.addLayout(self._rows)
        box.addStretch(1)
        box.addLayout(foot)

    def show_clinic(self, clinic, next_count: int) -> None:
        self.clinic = clinic
        while len(self.next_rows) < next_count:
            row = len(self.next_rows)
            pair = (_label("clinicNext"),
                    _label("clinicAhead", align=Qt.AlignmentFlag.AlignRight, shrink=False))
            self._rows.addWidget(pair[0], row, 0)
            self._rows.addWidget(pair[1], row, 1)
            self.next_rows.append(pair)
        self.retranslate()

    def retranslate(self) -> None:
        c = self.clinic
        if c is None:
            return
        self.name.setText(c.department_name.text())
        self.room.setText(c.room)
        for label, call in zip(self.called, c.called + [None] * MAX_CALLED_SHOWN, strict=False):
            label.setVisible(call is not None)
            if call is not None:
                where = (self.tr("In consultation") if call.state == "consulting"
                         else "→ " + room_text(call.room))
                label.setText(f"{call.queue_label}  {call.name_masked}  {where}")
        for i, (who, ahead) in enumerate(self.next_rows):
            n = c.next[i] if i < len(c.next) else None
            who.setVisible(n is not None)
            ahead.setVisible(n is not None)
            if n is not None:
                who.setText(f"{n.queue_label}  {n.name_masked}")
                ahead.setText(self.tr("next") if n.ahead == 0
                              else self.tr("{n} ahead").format(n=n.ahead))
        self.paused.setText(self.tr("Clinic paused") if c.paused else "")
        self.paused.setVisible(c.paused)
        self.count.setText(self.tr("{n} waiting").format(n=c.waiting_count))

    def set_sizes(self, unit: float) -> None:
        _px(self.name, unit * 1.15)
        _px(self.room, unit * 0.8)
        for label in self.called:
            _px(label, unit * 1.1)
        for who, ahead in self.next_rows:
            _px(who, unit)
            _px(ahead, unit * 0.8)
        _px(self.paused, unit * 0.9)
        _px(self.count, unit * 0.8)


class DisplayWindow(Retranslating, QWidget):
    """The whole display. `departments`: ids ([] = every department with a queue today)."""

    refreshed = Signal()          # a screen was shown (tests, the benchmark)
    call_shown = Signal(object)   # each new call once it is in the hero box (Announcement)

    def __init__(self, ctx, departments: list[int] | None = None, speaker=None,
                 parent: QWidget | None = None, *, hospital: str | None = None):
        super().__init__(parent)
        self.setObjectName("waitingRoomDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Its look is the #waitingRoomDisplay section of the one sheet; a process that
        # shows only the display (a benchmark, a kiosk) gets that sheet here.
        app = QApplication.instance()
        if app is not None:
            style.apply(app)
        self.setWindowTitle("Frontdesk")
        self.ctx = ctx
        self.departments = list(departments or [])
        self.speaker = speaker
        self.hospital = hospital
        self.screen_data: waiting_room.Screen | None = None
        self.last_event_id: int | None = None
        self.current: Announcement | None = None
        self.connected = True
        self._in_flight = False
        self._dirty = False
        self._server_time: dt.datetime | None = None
        self._synced_at = 0.0
        self._panels: list[ClinicPanel] = []
        self._build()
        self.retranslate()

        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.refresh)
        self._sync = QTimer(self)
        self._sync.setInterval(CLOCK_SYNC_MS)
        self._sync.timeout.connect(self.refresh)
        self._sync.start()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._show_clock)
        self._tick.start()
        ctx.changes.queue_changed.connect(self.refresh)
        ctx.changes.settings_changed.connect(self.refresh)
        ctx.changes.rules_changed.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = _label("displayTitle")
        self.clock = _label("displayClock", align=Qt.AlignmentFlag.AlignRight)
        self.broadcast = _label("displayBroadcast", align=Qt.AlignmentFlag.AlignCenter)
        self.broadcast.setWordWrap(True)
        self.broadcast.hide()
        self.hero = QFrame()
        self.hero.setObjectName("displayHero")
        self.hero_label = _label("displayHeroLabel")
        self.hero_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.hero_ticket = _label("displayHeroTicket", align=Qt.AlignmentFlag.AlignCenter,
                                  fit=True)
        self.hero_name = _label("displayHeroName", align=Qt.AlignmentFlag.AlignCenter,
                                fit=True)
        self.hero_room = _label("displayHeroRoom", align=Qt.AlignmentFlag.AlignCenter,
                                fit=True)
        hero = QHBoxLayout(self.hero)
        hero.addWidget(self.hero_label)
        hero.addWidget(self.hero_ticket, 3)
        hero.addWidget(self.hero_name, 2)
        hero.addWidget(self.hero_room, 3)
        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        self.empty = _label("displayEmpty", align=Qt.AlignmentFlag.AlignCenter)
        self.ticker = Ticker()
        self.ticker.hide()
        self.status = _label("displayStatus")
        self.status.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clock)
        self.clock.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 12)
        box.setSpacing(12)
        box.addLayout(top)
        box.addWidget(self.broadcast)
        box.addWidget(self.hero)
        box.addLayout(self.grid, 1)
        box.addWidget(self.empty, 1)
        box.addWidget(self.ticker)
        box.addWidget(self.status)

    def retranslate(self) -> None:
        # Never a database read here: the UI thread must not wait for a server that is away.
        name = self.hospital if self.hospital is not None else (
            self.screen_data.hospital if self.screen_data is not None else "")
        self.title.setText(self.tr("{hospital} · Waiting room").format(hospital=name) if name
                           else self.tr("Waiting room"))
        self.empty.setText(self.tr("Welcome. Please wait to be called."))
        self.status.setText(self.tr("Connection to the server lost; showing the last known "
                                    "queue. Reconnecting…"))
        self._show_hero()
        for panel in self._panels:
            panel.retranslate()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._set_sizes()

    def _set_sizes(self) -> None:
        h = max(300, self.height())
        # 36 px on a 1080-line TV (about 2 cm high on a 42" panel), less on a narrow screen.
        unit = min(h / 30, max(400, self.width()) / 52)
        _px(self.title, unit * 1.2)
        _px(self.clock, unit * 1.2)
        _px(self.broadcast, unit * 1.3)
        _px(self.hero_label, unit * 1.1)
        _px(self.hero_ticket, unit * 3.0)
        _px(self.hero_name, unit * 2.0)
        _px(self.hero_room, unit * 2.2)
        _px(self.empty, unit * 1.5)
        _px(self.ticker, unit * 1.1)
        self.ticker.setFixedHeight(int(unit * 1.8))
        _px(self.status, unit * 0.7)
        panel_unit = unit * (1.3 if len(self._panels) <= 3 else 1.0)
        for panel in self._panels:
            panel.set_sizes(panel_unit)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- data --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read again on the worker: first the new calls (one cheap read: the call is shown
        and said at once), then the lists. A refresh asked meanwhile runs once more after."""
        if self._in_flight:
            self._dirty = True
            return
        self._in_flight, self._dirty = True, False
        if self.last_event_id is not None:
            self.ctx.run(waiting_room.new_calls, self.departments, self.last_event_id,
                         background=True, on_done=self._calls_loaded, on_error=self._failed)
        self.ctx.run(waiting_room.screen, self.departments, after_event_id=self.last_event_id,
                     with_calls=self.last_event_id is None, background=True,
                     on_done=self._loaded, on_error=self._failed)

    def _calls_loaded(self, found: waiting_room.NewCalls) -> None:
        if not self._in_flight:
            return  # the read failed meanwhile; the retry reads them again
        self.last_event_id = max(self.last_event_id or 0, found.last_event_id)
        for call in found.calls:
            self.current = call
            if self.speaker is not None:
                self.speaker.announce(call)
        if found.calls:
            self._show_hero()
            for call in found.calls:
                self.call_shown.emit(call)

    def _loaded(self, data: waiting_room.Screen) -> None:
        if not self._in_flight:
            return  # the call read before it failed: a retry is on its way
        self._in_flight = False
        first = self.last_event_id is None
        if first:
            self.last_event_id = data.last_event_id
        self.screen_data = data
        self._server_time, self._synced_at = data.server_time, time.monotonic()
        self._set_connected(True)
        if self.hospital is None and data.hospital != self.title.property("hospital"):
            self.title.setProperty("hospital", data.hospital)
            self.retranslate()
        self._show_clinics(data)
        self._show_texts(data)
        if self.speaker is not None and data.voice is not None and hasattr(self.speaker, "follow"):
            self.speaker.follow(data.voice)  # the voice settings, read with the rest
        if first and self.current is None:
            self.current = _newest_called(data.clinics)
        self._show_hero()
        self._show_clock()
        if first:
            self.call_shown.emit(self.current)
        self.refreshed.emit()
        if self._dirty:
            self.refresh()

    def _failed(self, exc: Exception) -> None:
        if not self._in_flight:
            return  # the second read of the same refresh failed too: one retry is enough
        self._in_flight = False
        log.warning("display could not read the queue: %s", getattr(exc, "en", exc))
        self._set_connected(False)
        self._retry.start(RETRY_MS)

    def live_status(self, ok: bool) -> None:
        """The live feed lost or regained the server: say so, and catch up when it is back."""
        if ok:
            self.refresh()
        else:
            self._set_connected(False)

    def _set_connected(self, ok: bool) -> None:
        self.connected = ok
        self.status.setVisible(not ok)

    def _show_clinics(self, data: waiting_room.Screen) -> None:
        count = data.next_count
        clinics = data.clinics
        if len(clinics) != len(self._panels):
            for panel in self._panels:
                self.grid.removeWidget(panel)
                panel.deleteLater()
            self._panels = [ClinicPanel(self) for _ in clinics]
            cols = 1 if len(clinics) <= 1 else min(4, math.ceil(math.sqrt(len(clinics))))
            if len(clinics) in (2, 3):
                cols = len(clinics)
            for i, panel in enumerate(self._panels):
                self.grid.addWidget(panel, i // cols, i % cols)
                panel.show()
        rows = math.ceil(len(clinics) / max(1, self.grid.columnCount() or 1))
        shown = max(1, min(count, 6 if rows <= 1 else 4 if rows == 2 else 3))
        for panel, clinic in zip(self._panels, clinics, strict=True):
            panel.show_clinic(clinic, shown)
        self.empty.setVisible(not clinics)
        self._set_sizes()

    def _show_texts(self, data: waiting_room.Screen) -> None:
        self.ticker.setText(data.notice)
        b = data.broadcast
        self.broadcast.setVisible(b is not None)
        if b is not None:
            self.broadcast.setText(b.text)

    def _show_hero(self) -> None:
        a = self.current
        self.hero.setVisible(a is not None)
        if a is None:
            return
        kind = CallKind(a.kind)
        self.hero_label.setText({
            CallKind.CALL: self.tr("Now calling"),
            CallKind.RECALL: self.tr("Calling again"),
            CallKind.MISSED: self.tr("Missed turn"),
            CallKind.BACK: self.tr("Back from tests"),
        }[kind])
        self.hero_ticket.setText(a.ticket)
        self.hero_name.setText(a.masked_name())
        if kind is CallKind.MISSED:
            self.hero_room.setText(self.tr("Please see the triage desk"))
        else:
            self.hero_room.setText("→ " + room_text(a.room) if a.room else "")

    def _show_clock(self) -> None:
        if self._server_time is None:
            self.clock.setText("")
            return
        now = self._server_time + dt.timedelta(seconds=int(time.monotonic() - self._synced_at))
        self.clock.setText(now.strftime("%Y-%m-%d  %H:%M:%S"))
        b = self.screen_data.broadcast if self.screen_data else None
        if b is not None and now >= b.until:
            self.broadcast.hide()  # expired between two reads

    def shown_time(self) -> dt.datetime | None:
        """The time the clock shows (the server's, running on)."""
        if self._server_time is None:
            return None
        return self._server_time + dt.timedelta(seconds=int(time.monotonic() - self._synced_at))


def room_text(room: str) -> str:
    """"3" → "3 诊室" (a bare number is a consulting room), anything else as written."""
    words = room_words(room)
    return " ".join(words) if len(words) == 2 and words[1] == "诊室" else (room or "").strip()


def _newest_called(clinics) -> Announcement | None:
    """The latest call still on (a display that starts mid-morning shows it, silently)."""
    best = None
    for c in clinics:
        for call in c.called:
            if call.state != "called":
                continue
            if best is None or (call.called_at or dt.datetime.min) > (best.called_at or dt.datetime.min):
                best = call
    if best is None:
        return None
    kind = CallKind.RECALL if best.calls > 1 else CallKind.CALL
    return Announcement(kind, best.queue_label, best.room, best.name_masked, call_id=None)
