"""The main window: navigation on the left, one area at a time on the right.

Areas are built the first time they are shown, so start-up only pays for the
first screen. An area whose module does not exist yet shows a plain "not built
yet" page instead of pretending to work.

Start-up shows the window before anything else loads (`MainWindow()`, the desk's
layout in shapes: ui/shell/skeleton.py) and builds it when the database is open and
someone is logged in (`attach(ctx)`); `MainWindow(ctx)` does both at once. This
module imports little for that reason: Qt's namespace and Frontdesk's modules are
imported by `attach`.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import QMainWindow, QWidget

from frontdesk.paths import resource_path
from frontdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from frontdesk.ui.context import AppContext


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: str  # English source string, translated in the "Areas" context
    factory: str  # "module:ClassName"; the class takes (ctx, parent)
    shortcut: str


AREAS = (
    AreaSpec("reception", QT_TRANSLATE_NOOP("Areas", "Reception"),
             "frontdesk.ui.reception.area:ReceptionArea", "Ctrl+1"),
    AreaSpec("queue", QT_TRANSLATE_NOOP("Areas", "Queue board"),
             "frontdesk.ui.queue.board:QueueBoardArea", "Ctrl+2"),
    AreaSpec("grooming", QT_TRANSLATE_NOOP("Areas", "Grooming check"),
             "frontdesk.ui.staffing.area:GroomingArea", "Ctrl+3"),
    AreaSpec("reports", QT_TRANSLATE_NOOP("Areas", "Reports"),
             "frontdesk.ui.reports.area:ReportsArea", "Ctrl+4"),
    AreaSpec("followup", QT_TRANSLATE_NOOP("Areas", "Follow-up calls"),
             "frontdesk.ui.service.followups:FollowUpArea", "Ctrl+5"),
    AreaSpec("admin", QT_TRANSLATE_NOOP("Areas", "Admin"),
             "frontdesk.ui.admin.area:AdminArea", "Ctrl+6"),
    AreaSpec("service", QT_TRANSLATE_NOOP("Areas", "Service desk"),
             "frontdesk.ui.service.desk:ServiceDeskArea", "Ctrl+7"),
    AreaSpec("calling", QT_TRANSLATE_NOOP("Areas", "Calling panel"),
             "frontdesk.ui.queue.calling:CallingPanel", "Ctrl+8"),
    # Its own place: the incoming shift reads it first (it was a tab under grooming).
    AreaSpec("handover", QT_TRANSLATE_NOOP("Areas", "Handover"),
             "frontdesk.ui.staffing.handover_area:HandoverArea", "Ctrl+9"),
    # The supervisor's roster, swaps, leave and the rules ledger.
    AreaSpec("staffing", QT_TRANSLATE_NOOP("Areas", "Roster and staff"),
             "frontdesk.ui.staffing.staffing_area:StaffingArea", "Ctrl+0"),
)


def area_icon(key: str):
    """The area's navigation icon (resources/icons/nav/<key>.svg), or None."""
    path = resource_path("icons", "nav", f"{key}.svg")
    if not path.exists():
        return None
    from PySide6.QtGui import QIcon

    return QIcon(str(path))


# A window this much smaller than the screen's free area still reads as a window.
FIT_MARGIN = 40


def fits(size: QSize, room: QSize) -> bool:
    """Does a window of `size` fit in `room` (the screen's area without its panels)?"""
    return (size.width() + FIT_MARGIN <= room.width()
            and size.height() + FIT_MARGIN <= room.height())


def area_title(source: str) -> str:
    return QCoreApplication.translate("Areas", source)


def build_area(spec: AreaSpec, ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    module_name, class_name = spec.factory.split(":")
    return getattr(importlib.import_module(module_name), class_name)(ctx, parent)


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))
        self.setWindowTitle("Frontdesk")
        if ctx is None:
            from frontdesk.ui.shell.skeleton import Skeleton

            self.setCentralWidget(Skeleton())
        else:
            self.attach(ctx)

    @property
    def attached(self) -> bool:
        """Built for a database and a person (attach), not the start-up's first frame."""
        return self.ctx is not None

    def attach(self, ctx: AppContext) -> None:
        """Build the window for `ctx`: navigation, menus, the first area (once)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QHBoxLayout,
            QLabel,
            QListWidget,
            QListWidgetItem,
            QStackedWidget,
            QVBoxLayout,
        )

        if self.ctx is not None:
            raise RuntimeError("the main window is already built")
        self.ctx = ctx
        icon_path = resource_path("icons", "frontdesk.svg")
        if icon_path.exists():
            from PySide6.QtGui import QIcon

            self.setWindowIcon(QIcon(str(icon_path)))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget()
        self.stack.setObjectName("areaStack")
        self._areas: dict[str, QWidget] = {}
        for spec in AREAS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if (icon := area_icon(spec.key)) is not None:
                item.setIcon(icon)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # filled on first show
        self.nav.currentRowChanged.connect(self.show_area_at)

        # A fixed navigation column: no splitter, so no stray gap beside it. Above it,
        # banners that say something about the whole window (add_banner).
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self._column.addLayout(row, 1)

        self.staff_label = QLabel()
        self.staff_label.setObjectName("staffLabel")
        self.statusBar().addPermanentWidget(self.staff_label)
        self._build_menus()
        self.retranslate()
        ctx.changes.session_changed.connect(self._update_staff_label)
        ctx.changes.settings_changed.connect(self.retranslate)
        self.nav.setCurrentRow(0)
        # Last, with the first area built: the window may be on screen already (its first
        # frame), and widgets built inside a shown window are shown, laid out and polished
        # one by one. The skeleton, if any, is deleted with it.
        self.setCentralWidget(central)

    def show_on_screen(self) -> None:
        """Shown at its own size where the screen has room for it; maximized where it has
        not (a 1366×768 reception PC: 800 px of window would run off the bottom, with the
        desk's buttons and the status bar)."""
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and not fits(self.size(), room.size()):
            self.setGeometry(room)  # without a window manager, maximized keeps the old size
            self.showMaximized()
        else:
            self.show()

    # --- areas ---------------------------------------------------------------

    def show_area(self, key: str) -> QWidget:
        """Switch to the area `key`, building it on first use; returns its widget."""
        index = next(i for i, spec in enumerate(AREAS) if spec.key == key)
        self.nav.setCurrentRow(index)
        return self._areas[key]

    def show_area_at(self, index: int) -> None:
        if index < 0:
            return
        spec = AREAS[index]
        if spec.key not in self._areas:
            widget = build_area(spec, self.ctx, self)
            widget.setObjectName(widget.objectName() or f"{spec.key}Area")
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._areas[spec.key] = widget
        self.stack.setCurrentIndex(index)

    def area(self, key: str) -> QWidget | None:
        return self._areas.get(key)

    def add_banner(self, banner: QWidget) -> None:
        """A strip across the top of the window (e.g. the lost-connection banner)."""
        self._column.insertWidget(self._column.count() - 1, banner)

    # --- menus and text ------------------------------------------------------

    def _build_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        self.menu_file = self.menuBar().addMenu("")
        self.act_settings = QAction(self)
        self.act_settings.setObjectName("actionSettings")
        self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_settings.triggered.connect(self.open_settings)
        self.act_quit = QAction(self)
        self.act_quit.setObjectName("actionQuit")
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.menu_file.addAction(self.act_settings)
        self.act_display = QAction(self)  # the waiting-room display, its voice, the broadcast
        self.act_display.setObjectName("actionDisplay")
        self.act_display.triggered.connect(self.open_display_setup)
        self.menu_file.addAction(self.act_display)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_go = self.menuBar().addMenu("")
        self.area_actions: list[QAction] = []
        for i, spec in enumerate(AREAS):
            act = QAction(self)
            act.setShortcut(QKeySequence(spec.shortcut))
            act.triggered.connect(lambda _=False, i=i: self.nav.setCurrentRow(i))
            self.menu_go.addAction(act)
            self.area_actions.append(act)

        self.menu_help = self.menuBar().addMenu("")
        self.act_about = QAction(self)
        self.act_about.setObjectName("actionAbout")
        self.act_about.triggered.connect(self.about)
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        if not self.attached:
            return  # the first frame has no text
        from frontdesk import settings

        name = settings.hospital_name() or "Frontdesk"
        self.setWindowTitle(self.tr("{hospital} — Frontdesk").format(hospital=name))
        for i, spec in enumerate(AREAS):
            item = self.nav.item(i)
            item.setText(area_title(spec.title))
            item.setToolTip(f"{area_title(spec.title)} ({spec.shortcut})")
            self.area_actions[i].setText(area_title(spec.title))
        self._fit_navigation()
        self.nav.setAccessibleName(self.tr("Areas"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_display.setText(self.tr("&Waiting-room display and voice…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_about.setText(self.tr("&About Frontdesk"))
        self._update_staff_label()

    def _fit_navigation(self) -> None:
        # Wide enough for the longest area name in this language ("Grooming check").
        from PySide6.QtGui import QFont, QFontMetrics

        font = QFont(self.nav.font())
        font.setPointSizeF(13)  # the style sheet's size for the list (ui/style.py)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(self.nav.item(i).text())
                     for i in range(self.nav.count()))
        self.nav.setFixedWidth(max(170, widest + self.nav.iconSize().width() + 56))

    def _update_staff_label(self) -> None:
        staff = self.ctx.staff
        if staff is None:
            self.staff_label.setText(self.tr("Not logged in"))
        else:
            self.staff_label.setText(self.tr("On duty: {name}").format(name=staff.display_name))

    def open_settings(self) -> None:
        from frontdesk.ui.shell.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def open_display_setup(self) -> QWidget:
        from PySide6.QtCore import Qt

        from frontdesk.ui.queue.display_setup import DisplaySetupDialog

        dialog = DisplaySetupDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def about(self) -> QWidget:
        """Help → About: version, database, log file and schema, with Copy for IT."""
        from PySide6.QtCore import Qt

        from frontdesk.ui.shell.about import AboutDialog

        dialog = AboutDialog(self.ctx.db_url, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
