"""Every domain entry point answers hostile input with a message, never a raw exception.

The entry points are found, not listed: every function that declares what it
changes (`@changes`, frontdesk/changes.py) is one, plus the reads the screens
call with typed text. For each, hypothesis replaces one argument a user can
influence (typed, pasted, scanned or picked) with anything — None, huge
numbers, floats, bytes, lone surrogates, 6,000 digits, lists — while the rest
stay valid, so the call gets past the first check and into the function. The
answer must be a result or a FrontdeskError (a sentence for the user): short,
printable, and — for bad input (ValidationError) — naming its field.

Each parameter first gets a fixed sweep of the worst values (SWEEP), so a break
they show fails on every run; then hypothesis explores. A form parameter
(RegistrationForm, ConsultationForm, VoicePrefs) gets one of its fields
corrupted; `**values` gets a hostile value and a hostile key. The actor is
whoever holds the permissions the function requires (supervisor, admin, desk).

A new entry point with a parameter name nobody gave a valid value for fails
here on purpose: add the value to world() so the new function is tried too.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontdesk
from frontdesk.errors import FrontdeskError, ValidationError

# The worst of each kind, tried on every parameter before hypothesis explores (so a
# break that these show is found on every run, not by chance).
SWEEP = (None, True, -1, 2**63, 10**30, float("inf"), float("nan"), b"\x80", [], [[1]], {},
         {"a": [1]}, {"": 0}, {"\x1f": 0}, "\ud800", "¹", "\x1b[2J\u202e", "9" * 6000, "1; DROP TABLE visit",
         # and text a desk is sent: NUL, only blanks or invisible marks, markup, a page of
         # Chinese, full-width digits, impossible and far dates, emoji with joiners
         "a\x00b", " \u3000 ", "\u200b\u2060", "<b>&<para><font name=x>", "头" * 10_000,
         "１３８００１３８０００", "0000-00-00", "2023-02-29", "9999-12-31", "👨\u200d👩\u200d👧")

anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2**63 - 2, max_value=2**80),
    st.floats(allow_nan=True), st.text(max_size=30),
    st.text(alphabet=st.characters(codec=None), max_size=30), st.binary(max_size=10),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2),
    st.text(alphabet="0123456789", min_size=1, max_size=6000),
    st.sampled_from(["", " ", "\u202e", "\x1b[2J", "1; DROP TABLE visit", "'", "%s", "{0}",
                     "-1", "0", "1e309", "NaN", "２０", "\ud800"]),
)

# Objects the application itself builds (who is logged in, a shift row, a date from a
# date picker, a backup chosen in a file dialog); they stay valid. A form object is a
# dataclass: hypothesis corrupts one of its fields instead (see _corrupt_form).
APP_MADE = {"actor", "staff", "current", "outcomes", "shift", "at", "left_at", "backup_file",
            "photo", "day", "lang", "start", "end", "monday", "partner_day", "retry_on"}
# Forms whose fields are typed (the rest, a grooming check's item snapshot, are the app's).
TYPED_FORMS = {"RegistrationForm", "ConsultationForm", "VoicePrefs"}
# Called by code with keys from code, never with user input.
INTERNAL = {"frontdesk.settings.set", "frontdesk.settings.set_json"}
# Who acts when the action is the actor's own (ask for a swap, for leave).
ACTOR = {"frontdesk.accounts.staff.change_password": "admin", "frontdesk.accounts.staff.change_pin": "admin",
         "frontdesk.staffing.swaps.request_swap": "desk1",
         "frontdesk.staffing.leave.request_leave": "desk1",
         "frontdesk.staffing.swaps.withdraw": "desk1",
         "frontdesk.staffing.leave.withdraw": "desk1"}
# Valid values that differ for one function (log in as someone who exists).
OVERRIDES = {
    "frontdesk.accounts.staff.login": {"username": "desk1", "password": "demo1234"},
    "frontdesk.accounts.staff.unlock": {"username": "leitt", "secret": "1001"},
    "frontdesk.accounts.staff.change_password": {"new_password": "Hypo-2026-pass"},
    "frontdesk.accounts.staff.change_pin": {"new_pin": "4826"},
    "frontdesk.staffing.handover.write_note": {"equipment": "打印机缺纸"},
    "frontdesk.service.service_report.build": {"kind": "consultations"},
}
# The row whose current version `expected_version` means, by the function's id parameter.
VERSIONED = ("entry_id", "appointment_id", "complaint_id", "consultation_id", "visit_id")


def _writes() -> list:
    found = []
    for info in pkgutil.walk_packages(frontdesk.__path__, "frontdesk."):
        if ".ui" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, fn in sorted(vars(module).items()):
            if (callable(fn) and getattr(fn, "changes", None) is not None
                    and getattr(fn, "__module__", "") == module.__name__
                    and f"{module.__name__}.{name}" not in INTERNAL):
                found.append(fn)
    return found


def _reads() -> list:
    """The reads (and undeclared writes: log-in, secrets, handover notes, drafts) the
    screens call with what was typed, scanned or picked."""
    from frontdesk import accounts, fees, patients
    from frontdesk.queue import clinic
    from frontdesk.reception import drafts, steps, tickets, views, visit_numbers
    from frontdesk.service import appointments, consultations, desk_rules, followups, service_report
    from frontdesk.staffing import fines, grooming, handover, staff_report, swaps

    return [accounts.login, accounts.unlock, accounts.change_password, accounts.change_pin,
            handover.write_note, handover.acknowledge_note, drafts.save_draft,
            patients.search, patients.find_duplicates, views.get_visit, views.open_visits,
            drafts.load_draft, fines.fines_for, handover.open_visits, tickets.find_booking,
            visit_numbers.find_visit, fees.quote, steps.fee_quote, grooming.check_record,
            appointments.find, appointments.listing, consultations.listing, followups.history,
            appointments.slots, consultations.get, desk_rules.calendar_entries,
            clinic.queue_rows, clinic.alternatives, staff_report.build, swaps.register,
            service_report.build]


ENTRY_POINTS = _writes() + _reads()


def _name(fn) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@pytest.fixture
def world(demo_db):
    """Valid values for every parameter name, taken from (and added to) the demo hospital
    through the domain functions themselves."""
    import datetime as dt

    from frontdesk import admin as admin_settings
    from frontdesk import clock
    from frontdesk.db.models import (
        Appointment,
        Doctor,
        FeeClass,
        FollowUp,
        GroomingItem,
        MediaSource,
        Patient,
        QueueEntry,
        Staff,
        Stage,
        Visit,
    )
    from frontdesk.patient_form import RegistrationForm
    from frontdesk.queue import clinic
    from frontdesk.service import complaints, consultations, followups
    from frontdesk.service.consultations import ConsultationForm
    from frontdesk.staffing import grooming, handover, leave, ledger, roster, swaps
    from frontdesk.voice.prefs import VoicePrefs

    staff = {s.username: s for s in Staff.select()}
    admin, desk, guide = staff["admin"], staff["desk1"], staff["guide1"]
    boss = staff["leitt"]  # a supervisor
    today = clock.today()
    later = today + dt.timedelta(days=9)
    visit = (Visit.select().where(Visit.stage.in_([Stage.TRIAGE, Stage.REGISTRATION]))
             .order_by(Visit.id.desc()).first()) or Visit.select().first()
    doctor = Doctor.select().where(Doctor.active == True).first()  # noqa: E712
    other_doctor = (Doctor.select().where(Doctor.department == doctor.department_id,
                                          Doctor.id != doctor.id).first() or doctor)
    # A clinic queue entry: a visit that is with the doctor, queued.
    entry = QueueEntry.select().order_by(QueueEntry.id.desc()).first()
    if entry is None:
        seen = (Visit.select().where(Visit.department.is_null(False), Visit.stage == Stage.DONE)
                .order_by(Visit.id.desc()).first())
        entry = QueueEntry.get_by_id(clinic.enqueue(seen.id, actor=boss).entry_id)
    appointment = (Appointment.select().where(Appointment.date >= today)
                   .order_by(Appointment.id).first() or Appointment.select().first())
    complaint = complaints.record(actor=boss, description="候诊时间太长", severity="general")
    consultation = consultations.record(actor=boss, form={
        "channel": "phone", "name": "王芳", "phone": "13800138000", "outcome": "will_come"})
    followup = FollowUp.select().first() or followups.ensure_followup(
        Visit.select().where(Visit.stage == Stage.DONE).first().id)
    fine = ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=today)
    roster.assign(actor=boss, staff_id=desk.id, day=later, shift_code="day")
    swap = swaps.request_swap(actor=desk, day=later, shift_code="day", partner_id=guide.id)
    note = handover.write_note(actor=desk, day=today, equipment="叫号器正常")
    leave_line = leave.request_leave(actor=desk, kind="personal",
                                     start=later + dt.timedelta(days=3))
    form = RegistrationForm(name="王芳", sex="F", phone="13800138000", age=36,
                            address="解放路 1 号", media_source_id=(MediaSource.select().first()
                                                                or MediaSource(id=None)).id)
    forms = {  # by the type the parameter is annotated with
        "RegistrationForm": form,
        "ConsultationForm": ConsultationForm(channel="phone", name="王芳", phone="13800138000",
                                             outcome="will_come", notes="想了解价格"),
        "CheckForm": grooming.open_check(actor=boss, staff=desk),
        "VoicePrefs": VoicePrefs(),
    }
    check = grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk),
                                  outcomes={})
    values = {
        "visit_id": visit.id, "expected_version": visit.version, "patient_id":
        Patient.select().first().id, "staff_id": desk.id, "escort_id": desk.id,
        "dept_id": doctor.department_id, "department_id": doctor.department_id,
        "to_department_id": doctor.department_id, "department_ids": [doctor.department_id],
        "doctor_id": doctor.id, "to_doctor_id": other_doctor.id,
        "fee_id": FeeClass.select().first().id, "fee_class_id": doctor.fee_class_id,
        "item_id": GroomingItem.select().first().id, "fine_id": fine.id,
        "check_id": check.id,
        "entry_id": entry.id, "expected_entry_id": entry.id, "appointment_id": appointment.id,
        "appointment": appointment.id, "complaint_id": complaint.id,
        "consultation_id": consultation.id, "followup_id": followup.id, "swap_id": swap.id,
        "leave_id": leave_line.id, "partner_id": guide.id, "media_id": None, "parent_id": None,
        "username": "hypo", "display_name": "测试员", "role": "desk", "password": "demo12345!",
        "pin": "2468", "sex": "F", "code": "HX", "name_zh": "测试", "name_en": "Test",
        "short_zh": "测", "short_en": "T", "room": "101", "floor": "1",
        "directions_zh": "左转", "directions_en": "left", "is_emergency": False,
        "amount": "10", "name": "张三", "title_zh": "主任", "title_en": "Chief",
        "specialty_zh": "", "specialty_en": "", "blocks": [(0, "08:00", "12:00")],
        "category": "仪容", "fine": "10",
        # Every setting the admin screen edits, as it shows them (not the backup folder:
        # a hostile one would be created on this disk; test_backup_safety tries those).
        "values": {k: v for k, v in admin_settings.current_settings(actor=admin).items()
                   if k != "backup.folder"},
        "booked": False, "first_visit": True, "note": "", "complaint": "头痛",
        "tier": "", "reason": "其他", "active": True, "query": "张", "limit": 20,
        "year": 2026, "month": 11, "off_shift_reason": "", "notes": "",
        "priority": "elderly", "text": "请保持安静", "minutes": 30, "screen_index": 0,
        "day": today, "start": later, "end": later, "monday": today - dt.timedelta(days=today.weekday()),
        "time": "09:00", "phone": "13800138000", "severity": "general", "description": "态度差",
        "resolution": "已道歉", "compensation": 0, "approver_name": "雷婷婷",
        "outcome": "done", "ratings": {"attitude": 4}, "comment": "", "working": False,
        "attempts": 3, "kind": "personal", "approve": True, "rule_code": "chatting",
        "shift_code": "day", "shifts": ("day",), "rest": False, "permitted": False,
        "checked": False, "expected_name": None, "channel": "desk", "staff_concerned": "",
        "outcomes": {}, "raw": "13800138000", "number": "1", "vip_tier": "", "search": "王",
        "exclude_id": None, "note_id": note.id, "data": {"name": "王芳"},
        "kwargs": {"elderly_age": 70, "missed_after_n": 3},  # **values of set_clinic_rules
    }
    return {"staff": staff, "admin": admin, "values": values, "forms": forms}


def _form(fn, name: str, world):
    """The valid form object a parameter takes, by its annotation (None if not a form)."""
    annotation = str(inspect.signature(fn).parameters[name].annotation)
    return next((f for kind, f in world["forms"].items() if kind in annotation), None)


def _actor(fn, world):
    """Who may call fn: the staff member ACTOR names, else a supervisor or the admin,
    whichever holds every permission fn requires (so the call gets past the check)."""
    from frontdesk import permissions

    if _name(fn) in ACTOR:
        return world["staff"][ACTOR[_name(fn)]]
    needed = [permissions.Perm[p] for p in
              re.findall(r"require\(\w+, Perm\.(\w+)\)", inspect.getsource(fn))]
    for username in ("leitt", "admin", "desk1"):
        who = world["staff"][username]
        if all(permissions.allowed(who, perm) for perm in needed):
            return who
    return world["staff"]["leitt"]


def _current_version(kwargs: dict) -> int | None:
    """The version the row named by the call's id has now (earlier examples move it)."""
    from frontdesk.db.models import Appointment, Complaint, Consultation, QueueEntry, Visit

    models = {"entry_id": QueueEntry, "appointment_id": Appointment, "complaint_id": Complaint,
              "consultation_id": Consultation, "visit_id": Visit}
    for name in VERSIONED:
        value = kwargs.get(name)
        if name in kwargs:
            row = models[name].get_or_none(models[name].id == value) \
                if type(value) is int and 0 < value < 2**63 else None
            return row.version if row is not None else None
    return None


def _corrupt_form(form, value, field_index: int):
    """The form with one of its fields replaced by `value` (forms are dataclasses)."""
    names = [f.name for f in dataclasses.fields(form)]
    return dataclasses.replace(form, **{names[field_index % len(names)]: value})


def _call(fn, world, corrupt: str | None, value, field_index: int = 0):
    signature = inspect.signature(fn)
    actor = _actor(fn, world)
    named: dict = {}
    extra_args: tuple = ()
    extra_kwargs: dict = {}
    for name, param in signature.parameters.items():
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            extra_args = (value,) if name == corrupt else ()
            continue
        if param.kind is inspect.Parameter.VAR_KEYWORD:
            extra_kwargs = dict(world["values"]["kwargs"])
            if name == corrupt:  # a hostile value for a real key, and a hostile key
                key = sorted(extra_kwargs)[field_index % len(extra_kwargs)]
                extra_kwargs[key] = value
                if isinstance(value, str) and value not in signature.parameters:
                    extra_kwargs[value] = 1
            continue
        values = {**world["values"], **OVERRIDES.get(_name(fn), {})}
        if name in ("actor", "staff", "current"):
            arg = actor
        elif _form(fn, name, world) is not None:
            arg = _form(fn, name, world)
        elif name in values:
            arg = values[name]
        elif param.default is not inspect.Parameter.empty:
            if name != corrupt:
                continue
            arg = param.default
        else:
            pytest.fail(f"{_name(fn)}: no valid value for parameter {name!r}; add it to world()")
        if name == corrupt:
            if dataclasses.is_dataclass(arg):
                arg = _corrupt_form(arg, value, field_index)
            elif isinstance(arg, dict) and arg and field_index % 2:  # one value inside
                arg = {**arg, sorted(arg)[field_index // 2 % len(arg)]: value}
            else:
                arg = value
        named[name] = arg
    if "expected_version" in named and corrupt != "expected_version":
        named["expected_version"] = _current_version(named) or named["expected_version"]
    args, kwargs = [], {}
    for name, arg in named.items():
        if signature.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = arg
        else:
            args.append(arg)
    return fn(*args, *extra_args, **kwargs, **extra_kwargs)


def _corruptible(fn) -> list[str]:
    return [name for name in inspect.signature(fn).parameters if name not in APP_MADE]


def _typed(fn, name: str, world) -> bool:
    """Whether a user can put anything into the parameter: not a form the app fills alone."""
    form = _form(fn, name, world)
    return form is None or type(form).__name__ in TYPED_FORMS


# Entry points still known to break, with what breaks them (issue 21): strict, so a fix
# that lands without removing its line here fails too.
KNOWN_BROKEN: dict[str, str] = {}


def _cases() -> list:
    return [pytest.param(fn, id=_name(fn), marks=[pytest.mark.xfail(
                strict=True, reason=KNOWN_BROKEN[_name(fn)])] if _name(fn) in KNOWN_BROKEN else [])
            for fn in ENTRY_POINTS if _corruptible(fn)]


@pytest.mark.parametrize("fn", _cases())
def test_entry_point_answers_hostile_input_with_a_message(fn, world):
    params = [name for name in _corruptible(fn) if _typed(fn, name, world)]

    for corrupt in params:
        form = _form(fn, corrupt, world)
        baseline = world["values"].get(corrupt)
        if form is not None:
            cases = [(i, SWEEP[:10]) for i in range(len(dataclasses.fields(form)))]
        elif isinstance(baseline, dict) and baseline:  # the whole dict, then each value
            cases = [(0, SWEEP)] + [(2 * i + 1, SWEEP[:10]) for i in range(len(baseline))]
        else:
            cases = [(0, SWEEP)]
        for field_index, values in cases:
            for value in values:
                _attempt(fn, world, corrupt, value, field_index)

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
              database=None)
    @given(corrupt=st.sampled_from(params), value=anything, field_index=st.integers(0, 40))
    def attempt(corrupt, value, field_index):
        _attempt(fn, world, corrupt, value, field_index)

    attempt()


def _attempt(fn, world, corrupt: str, value, field_index: int) -> None:
    try:
        _call(fn, world, corrupt, value, field_index)
    except FrontdeskError as exc:
        _check_sentence(fn, corrupt, value, exc)
    except Exception as exc:  # the property: nothing else ever reaches the screen
        form = _form(fn, corrupt, world)
        if form is not None:
            names = [f.name for f in dataclasses.fields(form)]
            corrupt = f"{corrupt}.{names[field_index % len(names)]}"
        raise AssertionError(f"{_name(fn)}({corrupt}={value!r:.80}) raised "
                             f"{type(exc).__name__}: {exc}") from exc


def test_every_write_is_tried():
    """The discovery finds the reception steps and admin saves (a broken walk finds none)."""
    names = {_name(fn) for fn in ENTRY_POINTS}
    assert {"frontdesk.reception.steps.register", "frontdesk.admin.rule_edits.save_doctor",
            "frontdesk.staffing.fines.waive"} <= names
    assert len(names) >= 30



MESSAGE_MAX = 400  # a message is a sentence or two, not the value it refuses


def _check_sentence(fn, corrupt: str, value, exc: FrontdeskError) -> None:
    """The message can be shown and logged: printable, short, and at its field when the
    input was bad (the screen puts it there)."""
    if isinstance(exc, ValidationError) and not exc.field:
        raise AssertionError(f"{_name(fn)}({corrupt}={value!r:.80}): the message names no "
                             f"field: {exc.en!r:.120}")
    for text in (exc.zh, exc.en):
        problem = None
        if not isinstance(text, str) or not text.strip():
            problem = "is empty"
        elif len(text) > MESSAGE_MAX:
            problem = f"has {len(text)} characters"
        elif any(unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch != "\n" for ch in text):
            problem = "carries control characters or lone surrogates"
        elif any(ch in text for ch in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"):
            problem = "carries direction overrides"
        if problem:
            raise AssertionError(f"{_name(fn)}({corrupt}={value!r:.80}): the message {problem}: "
                                 f"{text!r:.120}")
