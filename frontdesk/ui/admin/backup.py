"""Admin tab: back up now, list backups, restore one; and the automatic daily backup.

Backups and restores run on the task thread so the desk never freezes; the
result (or the reason it failed) is shown under the buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.admin import backup
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.tables import STRETCH_LAST, fill_table, read_only_table, selected_id

CHECK_EVERY_MS = 60 * 60 * 1000  # the app may run past midnight: look again every hour


class BackupTab(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupTab")
        self.folder = QLabel()
        self.folder.setObjectName("backupFolderLabel")
        self.folder.setWordWrap(True)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("backupRestoreSelected")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton()
        self.restore_file_button.setObjectName("backupRestoreFile")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.table = read_only_table("backupTable", stretch=STRETCH_LAST, striped=True)
        self.table.setColumnCount(2)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self._paths: list[Path] = []
        row = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.restore_file_button):
            row.addWidget(b)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.retranslate()
        ctx.changes.settings_changed.connect(self.refresh)

    def retranslate(self) -> None:
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore selected…"))
        self.restore_file_button.setText(self.tr("Restore from &file…"))
        self.table.setHorizontalHeaderLabels([self.tr("Backup taken"), self.tr("Size")])
        self.table.setAccessibleName(self.tr("Backups"))
        self.refresh()

    def refresh(self) -> None:
        try:
            backup.live_database_path()
        except FrontdeskError as exc:  # PostgreSQL: say pg_dump, offer nothing that cannot work
            self.folder.setText(exc.message())
            for b in (self.backup_button, self.restore_button, self.restore_file_button):
                b.setEnabled(False)
            return
        try:
            with driver_errors("backup folder"):
                folder = backup.configured_folder()
        except FrontdeskError as exc:  # the settings could not be read: say so, try next time
            self.folder.setText(exc.message())
            return
        self.folder.setText(self.tr("Backups are kept in {folder}").format(folder=folder))
        found = backup.list_backups(folder)
        self._paths = [p for p, _, _ in found]
        fill_table(self.table, [[f"{at:%Y-%m-%d %H:%M:%S}", f"{size / 1024 / 1024:.1f} MB"]
                                for _, at, size in found], list(range(len(found))))
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), 200))
        self.restore_button.setEnabled(bool(found))

    def _busy(self, busy: bool) -> None:
        for b in (self.backup_button, self.restore_button, self.restore_file_button):
            b.setEnabled(not busy)

    def back_up_now(self) -> None:
        self._busy(True)
        self.status.setText(self.tr("Backing up…"))
        actor = self.ctx.staff
        # On the worker; a driver error comes back as a sentence (ctx.run translates it).
        self.ctx.run(backup.make_backup, actor=actor, background=True,
                     on_done=self._backed_up, on_error=self._failed)

    def _backed_up(self, result) -> None:
        self._busy(False)
        self.status.setText(self.tr("Backup written and verified: {path}").format(path=result.path))
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        if isinstance(exc, FrontdeskError):
            self.status.setText(exc.message())
        else:
            self.status.setText(self.tr("The operation failed: {error}").format(error=exc))
        self.refresh()

    def restore_selected(self) -> None:
        index = selected_id(self.table)
        if index is None or index >= len(self._paths):
            self.status.setText(self.tr("Select a backup in the list first."))
            return
        self.restore(self._paths[index])

    def restore_from_file(self) -> None:
        try:
            with driver_errors("backup folder"):
                folder = str(backup.configured_folder())
        except FrontdeskError as exc:
            self.status.setText(exc.message())
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from file"), folder,
                                              self.tr("Frontdesk backups (*.sqlite3)"))
        if path:
            self.restore(Path(path))

    def restore(self, path: Path, *, confirm: bool = True) -> None:
        """Replace today's data with `path` (after the user confirms); the lock then asks for a log-in."""
        if confirm and QMessageBox.warning(
                self, self.tr("Restore"),
                self.tr("Replace all current data with the backup {name}? The current database "
                        "is kept aside first.").format(name=path.name) + self._loss(path),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self._busy(True)
        self.status.setText(self.tr("Restoring…"))
        actor = self.ctx.staff
        # On the worker; the runner then tells every screen (restore declares all data changed).
        self.ctx.run(backup.restore, path, actor=actor, background=True,
                     on_done=self._restored, on_error=self._failed)

    @staticmethod
    def _loss(path: Path) -> str:
        """What the restore loses (time of the backup, visits and audit entries since), bilingual."""
        try:
            return "\n\n" + backup.restore_preview(path).message()
        except FrontdeskError as exc:
            return "\n\n" + exc.message()
        except Exception:  # the live database may be the damaged one: restore still helps
            import logging

            logging.getLogger(__name__).warning("restore preview failed", exc_info=True)
            return ""

    def _restored(self, result) -> None:
        self._busy(False)
        self.status.setText(self.tr("Restored from {name}. The previous database was kept as {aside}.")
                            .format(name=result.restored_from.name, aside=result.kept_aside))
        self.refresh()
        # Every screen re-reads (the runner emits after this); the staff list may differ
        # now, so ask who is at the desk.
        lock = getattr(self.window(), "idle_lock", None)
        if lock is not None:
            lock.lock("switch")


class DailyBackup(QObject):
    """Runs backup.auto_backup at start-up and then hourly; quiet unless it fails."""

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_error: str = ""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run)
        self.timer.start()

    def run(self) -> None:
        self.ctx.run(backup.auto_backup, background=True, on_done=self._done,
                     on_error=self._failed)

    def _done(self, result) -> None:
        self.last_error = ""

    def _failed(self, exc: Exception) -> None:
        # A missing backup drive must not stop the desk; the admin sees it in the Backups tab.
        self.last_error = exc.message() if isinstance(exc, FrontdeskError) else str(exc)
        import logging

        logging.getLogger(__name__).warning("daily backup failed: %s", self.last_error)


def start_daily_backup(ctx, parent: QObject) -> DailyBackup:
    daily = DailyBackup(ctx, parent)
    QTimer.singleShot(3000, daily.run)  # after start-up, when the first screen is drawn
    return daily
