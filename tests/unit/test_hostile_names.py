"""Names the app stores and shows everywhere refuse ESC/BEL, bidi overrides and books (issue 21).

Staff, departments, doctors, fee classes, grooming items and the hospital: each entry point
that stores a name gives a bilingual message at the field, and nothing is written.
"""

from __future__ import annotations

import pytest

from frontdesk import accounts, admin, installation, settings
from frontdesk.db.models import Department, Doctor, FeeClass, GroomingItem, Staff
from frontdesk.errors import ValidationError

HOSTILE = ["内科\x1b[31m", "内科\x07", "内科\u202e科外", "\u2066内科", "x" * 5000, "a\u200bb"]


def assert_field_message(err, field):
    exc = err.value
    assert exc.field == field and exc.zh and exc.en and exc.zh != exc.en


@pytest.fixture
def boss(rules_db, make_staff):
    return make_staff("admin")


@pytest.mark.parametrize("bad", HOSTILE)
def test_staff_names_refuse_control_bidi_and_books(boss, bad):
    before = Staff.select().count()
    with pytest.raises(ValidationError) as err:
        accounts.create_staff(actor=boss, username="newbie", display_name=bad, role="desk",
                              password="abc12345", pin="2468")
    assert_field_message(err, "display_name")
    assert Staff.select().count() == before


def test_a_staff_name_is_one_line_and_tidied(boss):
    staff = accounts.create_staff(actor=boss, username="newbie", display_name="  王\n悦  ",
                                  role="desk", password="abc12345", pin="2468")
    assert staff.display_name == "王 悦"


@pytest.mark.parametrize("bad", HOSTILE)
def test_department_names_refuse_control_bidi_and_books(boss, bad):
    before = Department.select().count()
    with pytest.raises(ValidationError) as err:
        admin.save_department(actor=boss, code="eye", name_zh=bad, short_zh="眼")
    assert_field_message(err, "name_zh")
    assert Department.select().count() == before
    with pytest.raises(ValidationError) as err:
        admin.save_department(actor=boss, code="eye", name_zh="眼科", short_zh="眼", name_en=bad)
    assert_field_message(err, "name_en")


@pytest.mark.parametrize("bad", HOSTILE)
def test_doctor_fee_and_grooming_names_refuse_control_bidi_and_books(boss, bad):
    dept = Department.select().first()
    fee = FeeClass.select().first()
    counts = (Doctor.select().count(), FeeClass.select().count(), GroomingItem.select().count())
    with pytest.raises(ValidationError) as err:
        admin.save_doctor(actor=boss, name=bad, department_id=dept.id, fee_class_id=fee.id,
                          title_zh="主治医师")
    assert_field_message(err, "name")
    with pytest.raises(ValidationError) as err:
        admin.save_fee_class(actor=boss, code="vip2", name_zh=bad, amount="10")
    assert_field_message(err, "name_zh")
    category = GroomingItem.select().first().category
    with pytest.raises(ValidationError) as err:
        admin.save_grooming_item(actor=boss, code="nails2", category=category, name_zh=bad,
                                 fine="5")
    assert_field_message(err, "name_zh")
    assert counts == (Doctor.select().count(), FeeClass.select().count(),
                      GroomingItem.select().count())


def test_directions_may_have_lines_but_no_controls(boss):
    dept = admin.save_department(actor=boss, code="eye", name_zh="眼科", short_zh="眼",
                                 directions_zh="出电梯左转\n走到底")
    assert dept.directions_zh == "出电梯左转\n走到底"
    with pytest.raises(ValidationError):
        admin.save_department(actor=boss, code="eye2", name_zh="眼科", short_zh="眼",
                              directions_zh="左转\x1b[2J")


@pytest.mark.parametrize("bad", HOSTILE)
def test_the_hospital_name_in_settings_refuses_control_bidi_and_books(boss, bad):
    before = settings.hospital_name()
    with pytest.raises(ValidationError) as err:
        admin.update_settings(actor=boss, values={"hospital.name": bad})
    assert_field_message(err, "hospital.name")
    assert settings.hospital_name() == before
    assert admin.update_settings(actor=boss, values={"hospital.name": " 西城医院 "}) == [
        "hospital.name"]
    assert settings.hospital_name() == "西城医院"


@pytest.mark.parametrize("bad", HOSTILE + ["", "   "])
def test_installation_refuses_a_hostile_hospital_name_and_writes_nothing(db, bad):
    from frontdesk import rules

    admin_ = installation.FirstAdmin(username="boss", display_name="管理员",
                                     password="abc12345", pin="2468")
    with pytest.raises(ValidationError) as err:
        installation.set_up(hospital_name=bad, admin=admin_)
    assert_field_message(err, "hospital")
    assert not rules.rules_loaded() and not Staff.select().exists()


def test_installation_refuses_a_hostile_first_admin_name_before_loading_rules(db):
    from frontdesk import rules

    admin_ = installation.FirstAdmin(username="boss", display_name="管理员\x1b",
                                     password="abc12345", pin="2468")
    with pytest.raises(ValidationError) as err:
        installation.set_up(hospital_name="西城医院", admin=admin_)
    assert_field_message(err, "display_name")
    assert not rules.rules_loaded()
