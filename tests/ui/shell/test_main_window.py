import pytest
from PySide6.QtCore import QCoreApplication

from frontdesk import settings
from frontdesk.ui import translation
from frontdesk.ui.shell.main_window import AREAS, MainWindow
from frontdesk.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, rules_db, ctx):
    translation.install("zh_CN")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    translation.install("zh_CN")


def nav_texts(win):
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def test_opens_in_chinese_with_the_hospital_name(window):
    assert window.windowTitle().startswith("测试医院")
    assert nav_texts(window) == ["接待", "候诊", "仪容检查", "报表", "回访", "管理", "客服中心",
                                 "叫号面板", "交接班", "排班与考勤"]
    assert window.nav.objectName() == "navigation"
    assert window.nav.accessibleName() == "功能区"


def test_every_area_opens(window, qtbot):
    for spec in AREAS:
        widget = window.show_area(spec.key)
        assert window.stack.currentWidget() is widget
        assert type(widget).__name__ == spec.factory.split(":")[1]


def test_language_switch_is_live_and_remembered(window, qtbot, ctx):
    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.get("ui.language") == "en"
    QCoreApplication.processEvents()
    assert nav_texts(window) == ["Reception", "Queue board", "Grooming check", "Reports",
                                  "Follow-up calls", "Admin", "Service desk", "Calling panel", "Handover",
                                  "Roster and staff"]
    assert window.menu_file.title() == "&File"
    # And back to Chinese.
    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    QCoreApplication.processEvents()
    assert nav_texts(window)[0] == "接待"
    assert settings.get("ui.language") == "zh_CN"


def test_keyboard_shortcuts_switch_areas(window, qtbot):
    window.area_actions[3].trigger()
    assert window.nav.currentRow() == 3
    shortcuts = {spec.key: spec.shortcut for spec in AREAS}
    assert (shortcuts["followup"], shortcuts["admin"]) == ("Ctrl+5", "Ctrl+6")
    window.area_actions[5].trigger()
    assert window.nav.currentRow() == 5 and window.area("admin") is not None


SHEET_SUBTREE_MAX = 20  # under one own sheet: a table and its parts (headers, bars) are 18


def test_no_widget_puts_a_whole_screen_through_the_style_sheet_engine(window, qtbot):
    # A sheet on a container sends every widget under it through Qt's style-sheet engine
    # (the reception tabs' rule once did that to the 103 widgets of the desk: 13 ms of
    # start-up). style.dress puts a rule's sheet on the widget the rule names: that widget
    # must be a small one. Every area, as it opens.
    from PySide6.QtWidgets import QWidget

    qtbot.waitExposed(window)
    for spec in AREAS:
        area = window.show_area(spec.key)
        qtbot.wait(1)  # polished when shown
        big = [(w.objectName() or type(w).__name__, len(w.findChildren(QWidget)))
               for w in [area, *area.findChildren(QWidget)]
               if w.styleSheet() and len(w.findChildren(QWidget)) > SHEET_SUBTREE_MAX]
        assert big == [], spec.key


def test_a_window_fits_the_screen_or_is_maximized():
    from PySide6.QtCore import QSize

    from frontdesk.ui.shell.main_window import fits

    assert fits(QSize(1280, 800), QSize(1920, 1040))  # a 1080p screen: a window
    assert not fits(QSize(1280, 800), QSize(1366, 728))  # 1366×768 with a panel: too tall
    assert not fits(QSize(1280, 800), QSize(1280, 1024))  # as wide as the screen


def test_on_a_screen_too_small_for_it_the_window_opens_maximized(window, qtbot):
    room = window.screen().availableGeometry()
    assert room.height() < window.height() + 40  # the test screen has no room to spare
    window.show_on_screen()
    qtbot.waitExposed(window)
    assert window.isMaximized()
    assert window.height() <= max(room.height(), window.minimumHeight())
    assert window.width() <= max(room.width(), window.minimumWidth())
