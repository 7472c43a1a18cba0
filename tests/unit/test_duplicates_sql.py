"""The duplicate check in SQL (issue 20) finds exactly what the old per-candidate check found.

The old check read every same-surname record of the right sex and age as a
model object and recomputed its pinyin with pypinyin; the new one matches the
stored search keys and name patterns in SQL. `old_find` below is the old
algorithm, kept here as the reference: on a generated set of patients with
heteronym surnames (单 曾 区 乐 解), compound surnames, same-sounding
characters, names one character apart (replaced, dropped, added), latin names
and names holding GLOB/LIKE wildcard characters, both give the same records
with the same reasons.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from frontdesk import clock, patients, pinyin
from frontdesk.db.models import Patient, PatientSearchKey, database_proxy
from frontdesk.i18n import text
from frontdesk.patient_form import RegistrationForm
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import make_env


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def old_find(form: RegistrationForm, exclude_id: int | None = None) -> dict[int, list[str]]:
    """The check before issue 20: peewee objects and pypinyin for every candidate."""
    reasons: dict[int, list[str]] = {}

    def add(pid: int, reason: str) -> None:
        if pid != exclude_id and reason not in reasons.setdefault(pid, []):
            reasons[pid].append(reason)

    base = Patient.select().where(Patient.merged_into.is_null())
    if form.phone:
        for p in base.where(Patient.phone == form.phone):
            add(p.id, text("手机号相同", "Same phone number"))
    if form.id_number:
        for p in base.where(Patient.id_number == form.id_number.upper()):
            add(p.id, text("身份证号相同", "Same ID number"))
    birth = form.birth_date
    if form.name and birth:
        for p in base.where((Patient.name == form.name) & (Patient.birth_date == birth)):
            add(p.id, text("姓名和出生日期相同", "Same name and birth date"))
    age = form.age if form.age is not None else patients.age_on(birth)
    if form.name and form.sex and age is not None:
        today = clock.today()
        oldest = patients.estimated_birth(int(age) + 2, today)
        youngest = patients.estimated_birth(max(int(age) - 1, 0), today)
        window = ((Patient.sex == form.sex) & (Patient.birth_date > oldest)
                  & (Patient.birth_date <= youngest))
        first = form.name[:1]
        found = {p.id: p for p in base.where(
            window & (Patient.name >= first) & (Patient.name < first + "\uffff"))}
        reading = pinyin.primary_key(form.name)
        if reading:
            for p in base.where(window & Patient.id.in_(
                    PatientSearchKey.select(PatientSearchKey.patient)
                    .where(PatientSearchKey.key == reading))):
                found.setdefault(p.id, p)
        for p in found.values():
            alike = p.name != form.name and reading in pinyin.search_keys(p.name)
            if p.name == form.name or patients._similar(p.name, form.name) or alike:
                p_age = patients.age_on(p.birth_date)
                if p_age is not None and abs(p_age - age) <= 1:
                    add(p.id, text("姓名相近且性别、年龄相同", "Similar name, same sex and age"))
    return reasons


SURNAMES = ["张", "章", "王", "单", "曾", "区", "乐", "解", "欧阳", "司马", "李", "黎"]
GIVEN = ["小明", "晓明", "晓敏", "明", "小", "雄信", "志华", "乐", "长", "重阳", "行", "朝阳"]
ODD = ["John Smith", "john smith", "Anna-Maria", "张*明", "张?明", "张[明", "张_明", "张%明",
       "李\\明", "O'Brien"]


def _population(seed: int = 7) -> list[tuple[str, str, dt.date, str]]:
    rng = random.Random(seed)
    today = clock.today()
    names = [s + g for s in SURNAMES for g in GIVEN] + ODD
    rows = []
    for i in range(900):
        name = rng.choice(names)
        if rng.random() < 0.2:  # one character replaced, dropped or added
            pos = rng.randrange(1, len(name) + 1)
            extra = rng.choice("小晓明敏华")
            name = rng.choice([name[:pos] + extra + name[pos + 1:], name[:pos] + name[pos + 1:],
                               name[:pos] + extra + name[pos:]]) or name
        birth = today - dt.timedelta(days=rng.randrange(20 * 365, 26 * 365))
        rows.append((name, rng.choice("MF"), birth, f"139{i:08d}"))
    return rows


def _insert(rows) -> list[int]:
    ids = []
    with database_proxy.atomic():
        for i, (name, sex, birth, phone) in enumerate(rows):
            p = Patient.create(record_no=f"X{i:07d}", name=name, sex=sex, birth_date=birth,
                               phone=phone)
            PatientSearchKey.insert_many(
                [{"patient": p.id, "key": k}
                 for k in sorted(patients.search_keys_for(name, phone, p.record_no))]
            ).execute()
            ids.append(p.id)
    return ids


def test_sql_check_finds_what_the_old_check_found(env):
    rows = _population()
    ids = _insert(rows)
    # A merged record is never offered.
    Patient.update(merged_into=ids[1]).where(Patient.id == ids[0]).execute()
    PatientSearchKey.delete().where(PatientSearchKey.patient == ids[0]).execute()
    rng = random.Random(11)
    probes = [r for r in rows[:60]] + [(n, "M", clock.today() - dt.timedelta(days=23 * 365),
                                        "13000000000") for n in
                                       ["张晓明", "章小明", "单雄信", "善雄信", "曾乐", "欧阳明",
                                        "John Smith", "张*明", "张?明", "张_明", "张%明", "李\\明"]]
    compared = hits = 0
    for name, sex, birth, phone in probes:
        age = patients.age_on(birth)
        for form in (
            RegistrationForm(name=name, sex=sex, phone=phone, age=age),
            RegistrationForm(name=name, sex=sex, phone="13000000001", birth_date=birth),
            RegistrationForm(name=name, sex=sex, phone="13000000001",
                             age=age + rng.choice([-2, -1, 1, 2])),
        ):
            expected = old_find(form)
            got = {h.id: reasons for h, reasons in
                   patients.find_duplicates(form, actor=viewer(), limit=10_000)}
            assert got == expected, (name, form)
            compared += 1
            hits += len(expected)
    assert compared == 3 * len(probes) and hits > 100  # the set does exercise the check


def test_heteronym_surname_and_same_sound_are_found(env):
    today = clock.today()
    birth = today.replace(year=today.year - 40)
    ids = _insert([("单雄信", "M", birth, "13000000011"), ("善雄信", "M", birth, "13000000012"),
                   ("曾小贤", "M", birth, "13000000013"), ("增小贤", "M", birth, "13000000014")])
    found = {h.id for h, _ in patients.find_duplicates(
        RegistrationForm(name="单雄信", sex="M", phone="13000000099", age=40), actor=viewer())}
    assert found == {ids[0], ids[1]}  # 单 read as Shàn as a surname: 善 sounds alike
    found = {h.id for h, _ in patients.find_duplicates(
        RegistrationForm(name="增小贤", sex="M", phone="13000000099", age=40), actor=viewer())}
    assert found == {ids[2], ids[3]}


def test_wildcard_characters_in_a_name_are_literal():
    assert patients._pattern_sql("张*" + patients._ANY, postgres=False) == ("GLOB", "张[*]?")
    assert patients._pattern_sql("张%_" + patients._ANY, postgres=True) == ("LIKE", "张\\%\\__")
    assert set(patients._near_name_patterns("张明")) == {
        "张明", "张" + patients._ANY, "张", "张" + patients._ANY + "明", "张明" + patients._ANY}
