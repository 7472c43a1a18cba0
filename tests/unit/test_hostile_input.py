"""Bad input gives a field message, never a crash or a silently changed value (issue 21)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk import cli, validation
from frontdesk.errors import FrontdeskError, ValidationError
from frontdesk.patient_form import RegistrationForm

TODAY = dt.date(2026, 11, 23)


def test_a_five_thousand_digit_age_is_a_field_message():
    with pytest.raises(ValidationError) as err:
        validation.validate_age("9" * 5000)
    assert err.value.field == "age"


@pytest.mark.parametrize("value", [3.5, [], {}, b"12", object()])
def test_non_text_values_are_field_messages(value):
    for fn, args in ((validation.validate_age, ()), (validation.validate_name, ()),
                     (validation.normalise_mobile, ()), (validation.parse_resident_id, ()),
                     (validation.clean_text, ("address", 100)),
                     (validation.parse_birth_date, ())):
        with pytest.raises(ValidationError):
            fn(value, *args)


def test_lone_surrogates_bidi_and_control_characters_are_cleaned():
    assert validation.clean_text("北京\ud800路\u202e1\x1b[31m号\x07", "address", 100) == "北京路1[31m号"
    with pytest.raises(ValidationError):
        validation.clean_text("医院\u202e", "hospital", 60, strict=True)
    with pytest.raises(ValidationError):
        validation.clean_text("x" * 5000, "hospital", 60)


@pytest.mark.parametrize("raw", ["1990-01-01; DROP TABLE", "1990-01-01T10:00", "1990-1-1",
                                 "0001-01-01", "2999-01-01"])
def test_birth_dates_are_exact_or_refused(raw):
    with pytest.raises(ValidationError) as err:
        validation.parse_birth_date(raw, TODAY)
    assert err.value.field == "birth_date"


def test_a_typed_age_contradicting_the_birth_date_is_asked_about(db):
    form = RegistrationForm(name="张三", phone="13800138000", sex="M", age=80,
                            birth_date=dt.date(1990, 1, 1))
    errors = form.validate(TODAY)
    assert "age" in errors and form.age == 80
    assert errors["age"].field == "age" and "80" in errors["age"].zh and "80" in errors["age"].en


@pytest.mark.parametrize("age, ok", [(36, True), (35, True), (37, True), (38, False),
                                     (34, False), ("３６", True), ("abc", False), (None, True),
                                     ("", True)])
def test_a_typed_age_within_a_year_of_the_birth_date_is_kept_in_step(db, age, ok):
    form = RegistrationForm(name="张三", phone="13800138000", sex="M", age=age,
                            birth_date=dt.date(1990, 1, 1))
    errors = form.validate(TODAY)
    assert ("age" not in errors) is ok
    if ok:
        assert form.age == 36


def test_a_typed_age_contradicting_the_id_number_is_asked_about(db):
    from tests.helpers.reception_flow import id_number

    form = RegistrationForm(name="张三", phone="13800138000", sex="", age=80,
                            id_number=id_number("19900307", "123"))
    assert set(form.validate(TODAY)) == {"age"} and form.age == 80


def test_waiving_an_impossible_fine_id_is_not_found(db, make_staff):
    from frontdesk.errors import NotFound
    from frontdesk.staffing import fines

    boss = make_staff("supervisor")
    with pytest.raises(NotFound):
        fines.waive(actor=boss, fine_id=10**30, reason="x")


def test_an_empty_rules_file_is_refused(tmp_path):
    from frontdesk import rules

    (tmp_path / "empty.toml").write_text("")
    with pytest.raises(FrontdeskError) as err:
        rules.read_toml(tmp_path / "empty.toml")
    assert "empty" in err.value.en


@pytest.mark.parametrize("args", [
    ["report", "daily", "--date", "0001-01-01"],
    ["report", "daily", "--date", "2026-11-20", "--out", "x" * 300 + ".pdf"],
    ["slip", "--visit", "99999999999999999999999", "--kind", "guide", "--out", "s.pdf"],
    ["init", "--hospital", "医院\x1b\x07"],
    ["init", "--hospital", "医" * 5000],
    ["service-report", "complaints", "--from", "9999-12-30", "--to", "9999-12-31"],
    ["report", "daily", "--date", "２０２６-０２-２９"],
    ["triage-eval", "/nonexistent/cases.tsv"],
    ["restore", "--yes", "x" * 300],
    ["backup", "--out", "x" * 300],
])
def test_command_line_bad_arguments_say_so(args, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        code = cli.main(["--db", f"sqlite:///{tmp_path / 'h.sqlite3'}", *args])
    except SystemExit as exc:  # argparse's own refusal: usage and a message, exit 2
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and err.strip()


def test_db_pointing_at_a_folder(tmp_path, capsys):
    code = cli.main(["--db", f"sqlite:///{tmp_path}", "check"])
    assert code == 2 and "Traceback" not in capsys.readouterr().err


anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     st.text(), st.text(alphabet=st.characters(codec=None)), st.binary(),
                     st.lists(st.integers(), max_size=2),
                     st.text(alphabet="0123456789", min_size=1, max_size=6000))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=anything, phone=anything, id_number=anything, age=anything, birth=anything,
       address=anything, complaint=anything)
def test_registration_form_only_ever_gives_field_messages(db, name, phone, id_number, age,
                                                          birth, address, complaint):
    fields = dict(name=name, phone=phone, id_number=id_number, age=age, birth_date=birth,
                  address=address)
    try:
        form = RegistrationForm.from_dict({k: v for k, v in fields.items()})
        errors = form.validate(TODAY)
    except FrontdeskError:
        return
    assert all(isinstance(e, FrontdeskError) for e in errors.values())
    for fn, args in ((validation.validate_age, ()), (validation.validate_name, ()),
                     (validation.clean_text, ("complaint", 200)),
                     (validation.parse_birth_date, ()), (validation.record_id, ())):
        try:
            fn(complaint, *args)
        except FrontdeskError:
            pass


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(fine_id=anything, reason=anything)
def test_waive_only_ever_gives_messages(db, make_staff, fine_id, reason):
    from frontdesk.db.models import Staff
    from frontdesk.staffing import fines

    boss = Staff.get_or_none(Staff.username == "boss") or make_staff("supervisor", "boss")
    try:
        fines.waive(actor=boss, fine_id=fine_id, reason=reason)
    except FrontdeskError:
        pass
