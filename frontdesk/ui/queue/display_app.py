"""The kiosk: `frontdesk display` opens the waiting-room display (and its voice) on its own.

The database opens as the app opens it; no one logs in (the display writes
nothing and shows masked names only). The live bridge (frontdesk/ui/shell/live.py)
brings other stations' commits; when the server is gone the display says so and
catches up by itself when it is back.
"""

from __future__ import annotations

import logging

from frontdesk import i18n, settings
from frontdesk.errors import FrontdeskError

log = logging.getLogger(__name__)


def run_display(db_url: str, *, departments: list[str] | None = None, screen: int | None = None,
                windowed: bool = False, voice: bool = True, lang: str | None = None,
                seconds: float | None = None) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    from frontdesk.queue import waiting_room
    from frontdesk.ui import translation
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.queue.display_setup import open_display
    from frontdesk.ui.shell import crash
    from frontdesk.ui.shell.app import make_application, open_and_prepare

    app = make_application()
    guard = crash.install(db_url)
    try:
        translation.install(lang or i18n.language())
        try:
            open_and_prepare(db_url, demo=False, check_pages=False)
            translation.install(lang or settings.get("ui.language"))
            if departments:
                ids = waiting_room.resolve_departments(departments)
                saved_screen = waiting_room.station_choice()[1]
            else:
                ids, saved_screen = waiting_room.station_choice()
        except FrontdeskError as exc:
            log.warning("display not opened: %s", exc.en)
            print(f"frontdesk: {exc.message()}")
            if seconds is None:
                QMessageBox.critical(None, "Frontdesk", exc.message())
            return 2
        ctx = AppContext(db_url=db_url)
        window = open_display(ctx, ids, saved_screen if screen is None else screen, voice=voice,
                              full_screen=not windowed)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # read after exec()
        bridge = _live(ctx, window)
        if seconds is not None:  # the command-line test and the benchmark close it themselves
            QTimer.singleShot(int(seconds * 1000), app.quit)
        code = app.exec()
        if bridge is not None:
            bridge.stop()
        ctx.tasks.wait()
        if seconds is not None:
            print(f"display shown={window.screen_data is not None} clinics="
                  f"{len(window.screen_data.clinics) if window.screen_data else 0}")
        return code
    finally:
        guard.uninstall()


def _live(ctx, window):
    """Other stations' commits as ctx.changes signals (the live path), when it is there."""
    try:
        from frontdesk.ui.shell.live import LiveBridge
    except ImportError:
        return None
    bridge = LiveBridge(ctx, None, window)
    bridge.status.connect(window.live_status)  # a bound slot: queued to the UI thread
    return bridge.start()
