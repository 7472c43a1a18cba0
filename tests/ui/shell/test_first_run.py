"""A real installation's first start: hospital name, house rules and the first administrator."""

import pytest

from frontdesk import accounts, rules, settings
from frontdesk.db.models import Staff
from frontdesk.ui import translation
from frontdesk.ui.shell.first_run import FirstRunDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, db):
    translation.install("zh_CN")
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    return dlg


def fill(dlg, *, hospital="西城医院", username="wangadmin", name="王管理", pw="secret123",
         pw2=None, pin="4321"):
    dlg.name.setText(hospital)  # keyClicks cannot type non-ASCII
    dlg.username.setText(username)
    dlg.display_name.setText(name)
    dlg.password.setText(pw)
    dlg.password2.setText(pw if pw2 is None else pw2)
    dlg.pin.setText(pin)


def test_empty_hospital_name_is_refused_at_the_field(dialog):
    fill(dialog, hospital="  ")
    dialog.accept()
    assert dialog.errors["hospital"].text() == "请填写医院名称。"
    assert not rules.rules_loaded() and Staff.select().count() == 0


def test_bad_password_leaves_nothing_half_set_up(dialog):
    fill(dialog, pw="short")
    dialog.accept()
    assert dialog.errors["password"].isVisibleTo(dialog)
    assert not rules.rules_loaded() and Staff.select().count() == 0


def test_passwords_must_match(dialog):
    fill(dialog, pw2="secret124")
    dialog.accept()
    assert dialog.errors["password2"].text() == "两次输入的密码不一致。"
    assert Staff.select().count() == 0


def test_wrong_pin_length_is_shown_at_the_pin(dialog):
    fill(dialog, pin="12")
    dialog.accept()
    assert dialog.errors["pin"].text()
    assert not rules.rules_loaded()


def test_success_loads_rules_names_hospital_and_creates_admin(dialog):
    fill(dialog)
    dialog.accept()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert rules.rules_loaded() and settings.hospital_name() == "西城医院"
    admin = Staff.get(Staff.username == "wangadmin")
    assert admin.role == "admin" and admin.display_name == "王管理"
    assert dialog.created_admin.id == admin.id
    assert accounts.login("wangadmin", "secret123").id == admin.id
    assert not accounts.needs_first_admin()


def test_rules_loaded_but_no_admin_asks_only_for_the_admin(qtbot, rules_db):
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    assert not dlg.needs_rules and dlg.needs_admin and "hospital" not in dlg.errors
    fill(dlg, hospital="")
    dlg.accept()
    assert Staff.get(Staff.username == "wangadmin").role == "admin"


def test_second_first_admin_is_refused(rules_db):
    accounts.create_first_admin(username="a1", display_name="甲", password="secret123", pin="1234")
    with pytest.raises(Exception) as err:
        accounts.create_first_admin(username="a2", display_name="乙", password="secret123",
                                    pin="1234")
    assert "administrator already exists" in err.value.message("en")
