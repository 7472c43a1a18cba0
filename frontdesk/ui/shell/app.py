"""Start the desktop app: Qt application, translations, database, first run, main window."""

from __future__ import annotations

import gc
import importlib.util
import logging
import os
import sys
from collections.abc import Callable

from frontdesk import i18n
from frontdesk.errors import FrontdeskError

log = logging.getLogger(__name__)


def _ensure_platform(smoke: bool) -> None:
    # Without a display Qt aborts the process; a smoke test must still run.
    if smoke and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_application(*, styled: bool = True):
    """The QApplication with Frontdesk's names and (`styled`) its style; the desk's start
    styles it after the first frame (apply_style), which needs no style."""
    from PySide6.QtWidgets import QApplication

    from frontdesk.ui.shell.import_scan import skip_source_scan

    skip_source_scan()  # before the screens' modules are imported
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Frontdesk")
    app.setOrganizationName("Frontdesk")
    app.setApplicationDisplayName("Frontdesk")
    if styled:
        apply_style(app)
    return app


def apply_style(app) -> None:
    from frontdesk.ui import style

    style.apply(app)


# How long start-up waits for the window's first frame before it goes on loading anyway
# (a window that is minimised, or on a display that never exposes it, is not painted).
FIRST_FRAME_WAIT_MS = 500


def show_first_frame(window, *, smoke: bool) -> None:
    """Show the not-yet-built main window and return once its first frame is painted."""
    from PySide6.QtCore import QEventLoop, QTimer

    from frontdesk.ui.shell.first_frame import after_first_frame

    loop = QEventLoop()
    after_first_frame(window, loop.quit)
    QTimer.singleShot(FIRST_FRAME_WAIT_MS, loop, loop.quit)
    if smoke:
        window.show()  # the benchmarks' start-up: the same window size on every machine
    else:
        window.show_on_screen()
    loop.exec()


def open_and_prepare(db_url: str, *, demo: bool, check_pages: bool = True) -> None:
    """Open and migrate the database; a new demo database gets the demo hospital."""
    from frontdesk import rules
    from frontdesk.db.session import open_database

    open_database(db_url, check_pages=check_pages)
    if demo and not rules.rules_loaded():
        from frontdesk.demo import install_demo

        install_demo()


def warm_up_printing() -> None:
    """Import and load what the first slip needs (on the worker, after the first frame)."""
    from frontdesk import slips

    slips.warm_up()
    import frontdesk.ui.reception.slip_actions  # noqa: F401 - QtPdf, QtPrintSupport, the preview


def warm_up_desk() -> None:
    """Import the desk's write paths (the steps, late billing, fees) on the worker after the
    first frame: the first screen only reads, and the first step of the day then does not
    wait for the import either."""
    import frontdesk.patients  # noqa: F401 - the record's reads and checks, the form
    import frontdesk.reception.deferred  # noqa: F401 - with it steps, fees and _db
    import frontdesk.reception.escorts  # noqa: F401


def start_background_work(ctx, window, db_url: str) -> None:
    """What a logged-in start leaves to the worker until the first frame is painted
    (first_frame.after_first_frame); the worker runs them one after another."""
    from PySide6.QtWidgets import QMessageBox

    from frontdesk import triage
    from frontdesk.db.connection import check_pages_of

    # Damaged pages: said in a message as soon as the worker's page check finds them.
    ctx.run(check_pages_of, db_url, background=True,
            on_error=lambda exc: QMessageBox.critical(window, "Frontdesk", exc.message()))
    # The triage rules and the model of past visits take a moment to build: the desk's
    # first complaint is then answered at once.
    ctx.run(triage.warm_up, background=True,
            on_error=lambda exc: log.info("triage warm-up failed: %s", exc))
    ctx.run(warm_up_desk, background=True,
            on_error=lambda exc: log.info("desk warm-up failed: %s", exc))
    # Likewise reportlab, the slip font and the print preview's Qt modules: the first
    # slip of the day then prints as fast as the next one.
    ctx.run(warm_up_printing, background=True,
            on_error=lambda exc: log.info("printing warm-up failed: %s", exc))
    # After the warm-ups: a settled heap.
    ctx.run(settle_heap, background=True,
            on_error=lambda exc: log.info("heap not settled: %s", exc))


def settle_heap() -> None:
    """Take what start-up built (modules, classes, the first screen, the warmed caches) out
    of the garbage collector's sight (gc.freeze): a full collection later in the day walks
    only what the session made, so its pause on the desk's window stays short."""
    gc.freeze()


# Start-up allocates tens of thousands of objects that live as long as the process
# (modules, classes, Qt wrappers, the first screen): the cyclic collector would walk them
# again and again while they are made, and find nothing to free (~10 ms of every start).
# It is off from the start until the first window is up; reference counting still frees
# everything else at once.
_collector_paused = False


def pause_collector() -> None:
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def resume_collector() -> None:
    """Turn the collector back on if pause_collector() turned it off (idempotent)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.enable()


def window_up() -> None:
    """The first turn of the event loop, before the first frame: what start-up built is
    taken out of the collector's sight (gc.freeze), then the collector is back on.

    Everything allocated while it rested is still young: the first collection after
    enable() would walk all of it (~7 ms, just before the first frame) and find next to
    nothing (41 unreachable objects in a measured start). Frozen, it is never walked."""
    if _collector_paused:
        gc.freeze()
    resume_collector()


def run_app(db_url: str, *, demo: bool = False, smoke: bool = False, lang: str | None = None,
            start_logging: Callable[[], None] | None = None) -> int:
    """Open the desk on `db_url`; `start_logging` (the command line's log file) is called
    once the window's first frame is painted."""
    _ensure_platform(smoke)
    pause_collector()  # until the first window is up (resumed there, or below at the latest)
    try:
        app = make_application(styled=False)
        # The window first, in the shapes of the desk, before the database and the screens
        # load: on a slow PC or a busy server the nurse sees it open at once.
        from frontdesk.ui.shell.main_window import MainWindow

        window = MainWindow()
        show_first_frame(window, smoke=smoke)
        if start_logging is not None:
            start_logging()
        apply_style(app)
        from frontdesk.ui.shell import crash

        # Qt's messages into the log; an unhandled exception shows one dialog, the app goes on.
        guard = crash.install(db_url)
        try:
            return _run(app, window, db_url, demo=demo, smoke=smoke, lang=lang)
        finally:
            guard.uninstall()
            if not window.attached:  # nobody logged in, or the database did not open
                window.close()
                window.deleteLater()
    finally:
        resume_collector()


def _run(app, window, db_url: str, *, demo: bool, smoke: bool, lang: str | None) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QDialog, QMessageBox

    from frontdesk import settings
    from frontdesk.ui import translation
    from frontdesk.ui.context import AppContext

    translation.install(lang or i18n.language())
    try:
        # The page check reads the whole file: it runs on the worker once the window is
        # shown (below), so the window does not wait for it.
        open_and_prepare(db_url, demo=demo, check_pages=False)
    except FrontdeskError as exc:
        if smoke:
            raise
        log.warning("database not opened: %s", exc.en)
        QMessageBox.critical(window, "Frontdesk", exc.message())
        return 2
    from frontdesk.diagnostics import database_location

    log.info("database: %s %s", *database_location(db_url))
    translation.install(lang or settings.get("ui.language"))

    ctx = AppContext(db_url=db_url, demo=demo)
    if smoke:
        # The packaging test runs from the command line and closes itself after 200 ms:
        # it shows the first screen with the data a desk would see, read as the command
        # line reads (permissions.SYSTEM, read-only; whoever can run it against the
        # database file can read that file anyway), so it exercises the real start-up.
        from frontdesk.permissions import SYSTEM

        ctx.staff = SYSTEM
    else:
        from frontdesk import installation

        if installation.needs_setup():
            from frontdesk.ui.shell.first_run import FirstRunDialog

            resume_collector()  # while a person fills in a dialog, collect as usual
            first = FirstRunDialog()
            if first.exec() != QDialog.DialogCode.Accepted:
                return 0
            pause_collector()  # again until the main window is up
            if first.created_admin is not None:
                ctx.set_staff(first.created_admin)  # just chose the password: no second prompt
        if ctx.staff is None and importlib.util.find_spec("frontdesk.ui.shell.login") is not None:
            from frontdesk.ui.shell.login import ask_login

            resume_collector()
            if not ask_login(ctx):
                return 0
            pause_collector()

    since = None
    if ctx.staff is not None and not smoke:
        from frontdesk.ui.shell import live

        since = live.log_position()  # before the window reads: nothing is missed after it
    window.attach(ctx)
    if ctx.staff is not None and not smoke:
        # Someone logged in: lock after idle minutes, and take today's backup if none yet.
        from frontdesk.ui.admin.backup import start_daily_backup
        from frontdesk.ui.shell import lock

        lock.install(window, ctx)
        start_daily_backup(ctx, window)
        # What other stations commit reaches this window's screens within a second.
        window.live = live.install(window, ctx, since=since, when_painted=True)
    QTimer.singleShot(0, window, window_up)  # the built window's first frame is on its way
    if ctx.staff is not None and not smoke:
        # Shift start: the handover notes waiting for this shift, beside the main window.
        from frontdesk.ui.staffing.handover_pending import show_pending_handover

        window.pending_handover = show_pending_handover(ctx, window)
        # What can wait for the first frame runs on the worker once it is painted.
        from frontdesk.ui.shell.first_frame import after_first_frame

        after_first_frame(window, lambda: start_background_work(ctx, window, db_url))
    if smoke:
        shown: list[bool] = []
        damaged: list[FrontdeskError] = []
        from frontdesk.db.connection import check_pages_of
        from frontdesk.ui.shell.first_frame import after_first_frame

        checking: list[bool] = []

        def check_pages() -> None:
            if not checking:
                checking.append(True)
                ctx.run(check_pages_of, db_url, background=True, on_error=damaged.append)

        def finish() -> None:
            shown.append(window.isVisible() and window.nav.count() > 0)
            app.quit()

        def painted() -> None:
            check_pages()  # as a logged-in start does
            # 200 ms after the built window's first frame (the shapes' frame came before
            # it): on a loaded machine that frame can come later than 200 ms after it was
            # built.
            QTimer.singleShot(200, finish)

        # One watch for both: each watch sees every event until that frame, in Python.
        after_first_frame(window, painted)
        app.exec()
        check_pages()  # a window that was never painted is still checked
        ctx.tasks.wait()  # the page check of a big file may take longer than the 200 ms
        QCoreApplication.processEvents()  # its answer arrives as a signal
        if damaged:
            window.close()
            raise damaged[0]  # the command line says it and exits 2, as for any open error
        ok = bool(shown and shown[0])
        print(f"smoke: main window '{window.windowTitle()}' shown={ok}")
        window.close()
        return 0 if ok else 1
    code = app.exec()
    if getattr(window, "live", None) is not None:
        window.live.stop()
    ctx.tasks.wait()
    return code
