"""Live updates in the window: what other stations commit reaches this one's screens.

The domain's LiveFeed (frontdesk/live) follows the change log on a thread of its own;
here its batches cross to the UI thread (queued signals) and become
``ctx.changes.emit_remote(kinds, rows)``: the same signals this station's own runner
emits, preceded by ``rows_changed`` with the ids the changes named.
Rows this process wrote are skipped: the runner announced them already. Batches that
arrive together are announced once (screens refresh once, not once per change), and a
burst at most every MIN_GAP_MS.

While the database cannot be reached a banner says so above the areas; nothing else
changes (forms keep what was typed, lists stay as they were) and the screens catch up
when the feed is back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from frontdesk.changes import ALL_DATA, Changed
from frontdesk.db.change_log import STATION
from frontdesk.live import Change, LiveFeed
from frontdesk.ui.context import AppContext
from frontdesk.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

# A lone change is announced at once; in a burst (twenty desks at work) at most one
# announcement per MIN_GAP_MS, so the screens refresh at most 40 times a second, not per change.
MIN_GAP_MS = 25


class ConnectionBanner(Retranslating, QLabel):
    """"Connection to the server lost. Reconnecting…": shown only while it is so."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setText(self.tr("Connection to the server lost. Reconnecting…"))


class LiveBridge(QObject):
    """Turns the feed's batches from other stations into ctx.changes signals."""

    arrived = Signal(object)  # list[Change], from the feed's thread
    status = Signal(bool)  # connected?, from the feed's thread

    def __init__(self, ctx: AppContext, banner: ConnectionBanner | None = None,
                 parent: QObject | None = None, **feed_options):
        super().__init__(parent)
        self.ctx, self.banner = ctx, banner
        self._pending = Changed.NONE
        self._ids: dict[Changed, set[int] | None] = {}
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._since = QElapsedTimer()  # since the last announcement
        self._flush.timeout.connect(self._announce)
        self.arrived.connect(self._arrived)
        self.status.connect(self._status)
        self.feed = LiveFeed(ctx.db_url, self.arrived.emit, self.status.emit, **feed_options)

    def start(self, since: int | None = None) -> LiveBridge:
        self.feed.start(since)
        return self

    def stop(self) -> None:
        self.feed.stop()

    @property
    def connected(self) -> bool | None:
        return self.feed.connected

    def _arrived(self, changes: list[Change]) -> None:
        for c in changes:
            if c.station == STATION:
                continue
            self._pending |= c.kinds
            for kind in c.kinds & ALL_DATA:
                if c.entity_id is None:
                    self._ids[kind] = None  # unknown rows: the whole kind
                elif self._ids.get(kind, set()) is not None:
                    self._ids.setdefault(kind, set()).add(c.entity_id)
        if self._pending and not self._flush.isActive():
            gap = MIN_GAP_MS - self._since.elapsed() if self._since.isValid() else 0
            self._flush.start(max(0, gap))

    def _announce(self) -> None:
        self._since.start()
        kinds, self._pending = self._pending & ALL_DATA, Changed.NONE
        ids, self._ids = self._ids, {}
        if kinds:
            self.ctx.changes.emit_remote(
                kinds, {k: None if v is None else frozenset(v) for k, v in ids.items()})

    def _status(self, ok: bool) -> None:
        if self.banner is not None:
            self.banner.setVisible(not ok)


def log_position() -> int | None:
    """Where the change log is now: read before the window reads its data, and given to
    install() as `since`; None when the database cannot say (the feed starts from its own
    first read then)."""
    from frontdesk.db.faults import driver_errors
    from frontdesk.db.models import database_proxy
    from frontdesk.errors import FrontdeskError
    from frontdesk.live.log import newest_seq

    try:
        with driver_errors("live updates"):
            return newest_seq(database_proxy.obj)
    except FrontdeskError as exc:
        log.info("change log position not read: %s", exc.en)
        return None


def install(window, ctx: AppContext, *, since: int | None = None, when_painted: bool = False,
            **feed_options) -> LiveBridge:
    """Start live updates for the main window: its banner, stopped when the window goes.

    `since`: log_position() taken before the window read its data, so a change committed
    in between is announced too. `when_painted`: the feed's thread starts once the
    window's first frame is painted (first_frame), not while it is being drawn.
    """
    banner = ConnectionBanner(window)
    window.add_banner(banner)
    bridge = LiveBridge(ctx, banner, window, **feed_options)
    window.destroyed.connect(bridge.feed.stop)
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(bridge.stop)
    if when_painted:
        from frontdesk.ui.shell.first_frame import after_first_frame

        after_first_frame(window, lambda: bridge.feed.start(since))
        return bridge
    return bridge.start(since)
