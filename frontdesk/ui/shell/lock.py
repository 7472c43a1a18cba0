"""Idle lock and switch user: after N quiet minutes every window is covered until someone logs in.

The lock does two things to each open window: it disables everything the
window holds (so nothing is reachable by keyboard or mouse, and no menu
shortcut fires) and lays an opaque cover over all of it (so nothing can be
read). The window that can take input — the main window, or a modal dialog if
one is open, since a modal blocks the others — carries the unlock form.
Unlocking is a real log-in through accounts.unlock, and only the person who locked
the screen may unlock it (password or PIN). Anyone else takes over with "Switch
user" (on the lock screen, or File → Switch user): a full password log-in
through accounts.switch_user.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from frontdesk import accounts, settings
from frontdesk.errors import FrontdeskError
from frontdesk.ui.shell.login import CredentialsForm

ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
}
log = logging.getLogger(__name__)


class LockCover(QWidget):
    """An opaque panel over a whole window; with `with_form`, the unlock form in the middle."""

    def __init__(self, host: QWidget, *, with_form: bool):
        super().__init__(host)
        self.host = host
        self.setObjectName("lockOverlay" if with_form else "lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)  # opaque even before the style sheet (ui/style.py)
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("lockSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.form: CredentialsForm | None = None
        self.switch_button: QPushButton | None = None
        if with_form:
            card = QFrame()
            card.setObjectName("lockCard")
            card.setFixedWidth(340)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(24, 20, 24, 20)
            self.form = CredentialsForm("unlock", allow_pin=True, parent=card)
            inner.addWidget(self.form)
            self.switch_button = QPushButton(card)
            self.switch_button.setObjectName("lockSwitchUser")
            self.switch_button.setFlat(True)
            inner.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignRight)
            layout.addSpacing(16)
            layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        host.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        self.setGeometry(self.host.rect())
        self.raise_()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.host and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.fit()  # stays on top of anything the window adds while locked
        return False

    def detach(self) -> None:
        self.host.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class IdleLock(QObject):
    """Watches input application-wide and locks `window` (and every other window) when idle."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx, *, timeout_ms: int | None = None):
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self._fixed_timeout = timeout_ms
        self._idle = QElapsedTimer()
        self._idle.start()
        self._covers: list[LockCover] = []
        self._disabled: list[QWidget | QAction] = []
        self._locked = False
        self.mode = ""
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._apply_timeout()
        self._timer.start()
        app = QApplication.instance()
        app.installEventFilter(self)
        app.aboutToQuit.connect(self._log_out)
        ctx.changes.settings_changed.connect(self._apply_timeout)
        self._add_actions()

    # --- timing ------------------------------------------------------------------

    def timeout_ms(self) -> int:
        if self._fixed_timeout is not None:
            return self._fixed_timeout
        return max(1, int(settings.get("security.idle_lock_minutes"))) * 60_000

    def set_timeout_ms(self, ms: int | None) -> None:
        """Fix the idle time (None: follow the setting again); the count restarts."""
        self._fixed_timeout = ms
        self._idle.restart()
        self._apply_timeout()

    def _apply_timeout(self) -> None:
        # Check often enough to lock within a second or so of the limit.
        self._timer.setInterval(max(20, min(1000, self.timeout_ms() // 4)))
        self._retranslate_actions()

    def _check(self) -> None:
        if not self._locked and self._idle.elapsed() >= self.timeout_ms():
            self.lock("idle")

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in ACTIVITY and not self._locked:
            self._idle.restart()
        elif kind == QEvent.Type.LanguageChange and obj is QApplication.instance():
            self._retranslate_actions()
            for cover in self._covers:
                self._fill_cover_text(cover)
        return False

    def _log_out(self) -> None:
        # Closing the app must not fail on the audit (nor on a database gone away).
        self.ctx.run(accounts.logout, self.ctx.staff, on_error=self._audit_failed)

    @staticmethod
    def _audit_failed(exc: FrontdeskError) -> None:
        log.warning("lock/log-out audit not written: %s", exc.en)

    # --- actions in the File menu ------------------------------------------------

    def _add_actions(self) -> None:
        self.act_lock = QAction(self.window)
        self.act_lock.setObjectName("actionLockNow")
        self.act_lock.setShortcut(QKeySequence("Ctrl+L"))
        self.act_lock.triggered.connect(lambda: self.lock("manual"))
        self.act_switch = QAction(self.window)
        self.act_switch.setObjectName("actionSwitchUser")
        self.act_switch.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.act_switch.triggered.connect(lambda: self.lock("switch"))
        menu = getattr(self.window, "menu_file", None)
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertAction(first, self.act_lock)
            menu.insertAction(first, self.act_switch)
            menu.insertSeparator(first)
        else:
            self.window.addAction(self.act_lock)
            self.window.addAction(self.act_switch)
        self._retranslate_actions()

    def _retranslate_actions(self) -> None:
        if hasattr(self, "act_lock"):
            self.act_lock.setText(self.tr("&Lock screen"))
            self.act_switch.setText(self.tr("S&witch user…"))

    # --- locking -----------------------------------------------------------------

    def is_locked(self) -> bool:
        return self._locked

    def lock(self, reason: str = "manual") -> None:
        """Cover and disable every open window; `reason` is idle, manual or switch."""
        if self._locked:
            return
        self._locked = True
        self.mode = reason
        self._timer.stop()
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()  # an open menu or completer list would float above the cover
        modal = QApplication.activeModalWidget()
        form_host = modal if modal is not None else self.window
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and not isinstance(w, LockCover)]
        if self.window not in windows:
            windows.append(self.window)
        for w in windows:
            self._protect(w, with_form=w is form_host)
        # A lock must never fail because the audit could not be written.
        self.ctx.run(accounts.record_lock, self.ctx.staff, reason, on_error=self._audit_failed)
        self.locked_changed.emit(True)
        self.ctx.session_locked()

    def _protect(self, host: QWidget, *, with_form: bool) -> None:
        for child in host.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isWindow() or isinstance(child, LockCover):
                continue
            if child.isEnabled():
                child.setEnabled(False)
                self._disabled.append(child)
        for act in host.findChildren(QAction):
            if act.isEnabled():
                act.setEnabled(False)
                self._disabled.append(act)
        cover = LockCover(host, with_form=with_form)
        if with_form:
            if host.width() < 420 or host.height() < 380:
                host.resize(max(host.width(), 420), max(host.height(), 380))
            cover.form.submitted.connect(lambda u, s, c=cover: self.try_unlock(u, s, c))
            cover.switch_button.clicked.connect(lambda _=False, c=cover: self.to_switch_user(c))
            staff = self.ctx.staff
            keep_user = self.mode != "switch" and staff is not None
            cover.form.allow_pin = self.mode != "switch"
            cover.form.reset(staff.username if keep_user else "")
        self._fill_cover_text(cover)
        cover.show()
        cover.raise_()
        self._covers.append(cover)
        if with_form:
            host.activateWindow()
            (cover.form.secret if cover.form.username.text() else cover.form.username).setFocus()

    def _fill_cover_text(self, cover: LockCover) -> None:
        cover.title.setText(self.tr("Switch user") if self.mode == "switch"
                            else self.tr("Screen locked"))
        if cover.form is None:
            cover.subtitle.setText(self.tr("Unlock in the main window."))
            return
        switching = self.mode == "switch"
        # Switching is a password log-in: the title and the form's "Password" label say so.
        cover.subtitle.setText("" if switching else self.tr(
            "Patient details are hidden. Log in with your password or PIN to continue."))
        cover.subtitle.setVisible(not switching)
        cover.form.submit.setText(self.tr("&Unlock"))
        cover.form.retranslate()
        if cover.switch_button is not None:
            cover.switch_button.setText(self.tr("S&witch user…"))
            cover.switch_button.setVisible(not switching)

    def form(self) -> CredentialsForm | None:
        """The unlock form currently shown (for tests and accessibility tools)."""
        for cover in self._covers:
            if cover.form is not None:
                return cover.form
        return None

    def to_switch_user(self, cover: LockCover | None = None) -> None:
        """On the lock screen: someone else takes the desk, with a password log-in."""
        cover = cover or next((c for c in self._covers if c.form is not None), None)
        self.mode = "switch"
        for c in self._covers:
            if c.form is not None:
                c.form.allow_pin = False
                c.form.reset("")
            self._fill_cover_text(c)
        if cover is not None and cover.form is not None:
            cover.form.username.setFocus()

    def try_unlock(self, username: str, secret: str, cover: LockCover | None = None) -> bool:
        """Unlock (the person who locked: password or PIN) or switch user (password only)."""
        cover = cover or next((c for c in self._covers if c.form is not None), None)
        failed: list[FrontdeskError] = []

        def refused(exc: FrontdeskError) -> None:
            failed.append(exc)
            if cover is not None and cover.form is not None:
                cover.form.show_error(exc)

        op = accounts.switch_user if self.mode == "switch" else accounts.unlock
        staff = self.ctx.run(op, self.ctx.staff, username, secret, on_error=refused)
        if failed or staff is None:
            return False
        self._release()
        self.ctx.set_staff(staff)  # emits session_changed: screens re-check what they show
        return True

    def _release(self) -> None:
        for cover in self._covers:
            cover.detach()
        self._covers.clear()
        for item in reversed(self._disabled):
            try:
                item.setEnabled(True)
            except RuntimeError:
                pass  # the widget was deleted while locked
        self._disabled.clear()
        self._locked = False
        self.mode = ""
        self._idle.restart()
        self._timer.start()
        self.locked_changed.emit(False)


def install(window: QMainWindow, ctx, *, timeout_ms: int | None = None) -> IdleLock:
    """Start the idle lock for `window` and add "Lock screen" / "Switch user" to its File menu."""
    lock = IdleLock(window, ctx, timeout_ms=timeout_ms)
    window.idle_lock = lock
    return lock
