"""The central sheet applied where its rules match (ui/style.py, issues 19 and 20).

No application-wide style sheet: it would send every widget through Qt's
style-sheet engine. A widget gets the rules that name it, as a palette and font
(colour, size, weight of a label or button) or as its own sheet (anything else).
"""

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from frontdesk.ui import style
from frontdesk.ui.widgets.fields import FieldBox

pytestmark = pytest.mark.gui


def shown(qtbot, *widgets):
    host = QWidget()
    layout = QVBoxLayout(host)
    for w in widgets:
        layout.addWidget(w)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host


def text_colour(widget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_the_application_has_no_style_sheet_and_an_unnamed_widget_none(qapp, qtbot):
    plain = QLabel("无规则")
    _host = shown(qtbot, plain)
    assert qapp.styleSheet() == ""
    assert plain.styleSheet() == ""
    assert isinstance(qapp.style(), style._Dressing)


def test_a_role_gives_a_label_its_colour_and_changing_it_takes_effect_at_once(qtbot):
    label = QLabel("说明")
    label.setProperty(style.ROLE, "muted")
    host = shown(qtbot, label)
    default = host.palette().color(QPalette.ColorRole.WindowText)
    assert text_colour(label) == QColor(style.MUTED)
    style.set_role(label, "error")
    assert text_colour(label) == QColor(style.ERROR)
    style.set_role(label, "")  # no rule names it now: it inherits again
    assert text_colour(label) == default


def test_an_object_name_rule_sets_size_and_weight_of_a_label(qtbot):
    total = QLabel("¥12.00")
    total.setObjectName("feeTotal")  # font-size: 22pt; font-weight: 700 in the sheet
    _host = shown(qtbot, total)
    assert total.font().pointSizeF() == 22
    assert total.font().weight() == QFont.Weight.Bold
    assert total.styleSheet() == ""  # a palette and a font, not the style-sheet engine


def test_a_rule_with_a_box_becomes_the_widgets_own_sheet(qtbot):
    button = QPushButton("下一步")
    button.setProperty(style.ROLE, "primary")
    _host = shown(qtbot, button)
    assert 'QPushButton[role="primary"]' in button.styleSheet()
    assert ":focus" in button.styleSheet()  # its pseudo-state rule comes with it


def test_a_rule_for_descendants_goes_on_the_ancestor_it_starts_from(qtbot):
    lines = QWidget()
    lines.setObjectName("feeLines")  # "#feeLines QLabel { font-size: 13pt }"
    fee = QLabel("挂号费", lines)
    _host = shown(qtbot, lines)
    assert "#feeLines QLabel" in lines.styleSheet()
    assert fee.styleSheet() == ""
    assert fee.font().pointSizeF() == 13


def test_a_field_error_draws_the_border_and_clearing_it_removes_it(qtbot):
    box = FieldBox("phone", QLineEdit())
    _host = shown(qtbot, box)
    assert "invalid" not in box.editor.styleSheet()
    box.set_error("手机号应为 11 位数字")
    assert 'QLineEdit[invalid="true"]' in box.editor.styleSheet()
    box.clear_error()
    assert box.editor.styleSheet() == ""


def test_every_rule_of_the_sheet_is_reachable(qapp):
    # Each selector's first part names a type, an objectName or a property: the index
    # that dress() reads holds every rule of the sheet once.
    indexed = sum(len(v) for v in style._BY_NAME.values()) + sum(
        len(v) for v in style._BY_PROP.values()) + len(style._BY_TYPE)
    selectors = sum(len([p for p in sel.split(",") if p.strip()])
                    for sel in __import__("re").findall(r"([^{}]+)\{", __import__("re").sub(
                        r"/\*.*?\*/", "", style.STYLE_SHEET, flags=__import__("re").S)))
    assert indexed == selectors
    assert QApplication.instance() is qapp


def test_the_door_coach_looks_like_the_desk_coach_and_neither_has_a_sheet(qtbot):
    # The door names its coach doorCoach: its lines must look like the desk coach's. The
    # coach paints its own box: a sheet on it would put all its labels through the
    # style-sheet engine (found measuring start-up, issue 19).
    from frontdesk.ui.reception.coach import EtiquetteCoach

    desk, door = EtiquetteCoach(), EtiquetteCoach()
    desk.setObjectName("etiquetteCoach")
    door.setObjectName("doorCoach")
    _host = shown(qtbot, desk, door)
    looks = []
    for coach in (desk, door):
        coach.show_step("GREETING")
        assert coach.styleSheet() == "", coach
        phrase = next(label for label in coach.findChildren(QLabel)
                      if label.property(style.ROLE) == "coach-phrase")
        heading = coach.heading
        looks.append((phrase.font().pointSizeF(), text_colour(phrase).name(),
                      heading.font().pointSizeF(), text_colour(heading).name()))
    assert looks[0] == looks[1] == (15, "#0f172a", 9, QColor(style.SECONDARY).name())


def test_the_reception_tab_rule_styles_the_tab_bar_only(qtbot):
    from PySide6.QtWidgets import QTabWidget

    tabs = QTabWidget()
    tabs.setObjectName("receptionTabs")
    tabs.tabBar().setObjectName("receptionTabBar")
    page = QLabel("接待台")
    tabs.addTab(page, "接待台")
    _host = shown(qtbot, tabs)
    assert tabs.styleSheet() == "" and page.styleSheet() == ""
    assert "::tab" in tabs.tabBar().styleSheet()


def test_a_role_keeps_the_font_and_palette_the_code_gave_the_label(qtbot):
    # Found in review: dress() reset every dressed label to the inherited font (30 → 9 pt).
    from PySide6.QtGui import QFont

    big = QFont()
    big.setPointSize(30)
    label = QLabel("大字")
    label.setFont(big)
    _host = shown(qtbot, label)
    style.set_role(label, "muted")  # the rule sets only the colour
    assert label.font().pointSize() == 30 and text_colour(label) == QColor(style.MUTED)
    style.set_role(label, "")
    assert label.font().pointSize() == 30 and text_colour(label) != QColor(style.MUTED)


def test_a_sheet_widget_keeps_its_font(qtbot):
    from PySide6.QtGui import QFont

    big = QFont()
    big.setPointSize(25)
    box = QWidget()
    box.setObjectName("patientBanner")  # a box rule: its own sheet, no palette or font
    box.setFont(big)
    _host = shown(qtbot, box)
    assert box.styleSheet() and box.font().pointSize() == 25


def test_space_on_a_side_of_a_label_becomes_contents_margins_not_a_sheet(qtbot):
    # "margin-top: 4px" on the coach's headings: with colour, size and weight it is
    # still plain (no style-sheet engine), as contents margins on top of the label's own.
    heading = QLabel("现在说")
    heading.setContentsMargins(1, 2, 3, 0)
    heading.setProperty(style.ROLE, "coach-heading")
    plain = QLabel("说明")
    _host = shown(qtbot, heading, plain)
    assert heading.styleSheet() == ""
    margins = heading.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (1, 6, 3, 0)
    assert heading.font().pointSizeF() == 9
    style.set_role(heading, "muted")  # no space in that rule: back to the label's own
    margins = heading.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (1, 2, 3, 0)
    assert plain.contentsMargins().top() == 0


def test_space_in_a_rule_for_a_button_stays_in_a_sheet():
    # A button's padding sits inside its bevel: contents margins would not draw it.
    rules = style._rules('QPushButton#x { padding-top: 3px; color: #111111; }')[0]["x"]
    assert rules[0].plain == {"padding-top": 3, "color": "#111111"}
    assert style._plain("margin: 4px") is None and style._plain("margin-top: 1em") is None
