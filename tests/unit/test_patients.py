"""Patient lookup (index-served, every reading), duplicates, create/update, merge, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import patients
from frontdesk.db.models import (
    Appointment,
    AuditLog,
    FollowUp,
    Patient,
    PatientSearchKey,
    Visit,
    database_proxy,
)
from frontdesk.errors import PermissionDenied, ValidationError
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import FIXED_NOW, dept, form, id_number, make_env


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def add(env, name, phone, **kw):
    return patients.create_patient(actor=env.desk, form=form(name=name, phone=phone, **kw))


def names(query, **kw):
    return [h.name for h in patients.search(query, **kw, actor=viewer())]


@pytest.fixture
def people(env):
    return {
        "张三": add(env, "张三", "13800138000", sex="M", age=35),
        "张三丰": add(env, "张三丰", "13911112222", sex="M", age=80),
        "曾小贤": add(env, "曾小贤", "13722223333", sex="M", age=30),
        "单雄信": add(env, "单雄信", "13633334444", sex="M", age=40),
        "区志华": add(env, "区志华", "15044445555", sex="F", age=50),
        "张乐": add(env, "张乐", "18855556666", sex="F", age=20),
        "吕布": add(env, "吕布", "17766667777", sex="M", age=36, id_number=id_number()),
        "John Smith": add(env, "John Smith", "13577778000", sex="M", age=45),
    }


# --- Lookup --------------------------------------------------------------------------------


@pytest.mark.parametrize("query, expected, matched_on", [
    ("zs", ["张三", "张三丰"], "pinyin"),
    ("zsf", ["张三丰"], "pinyin"),
    ("zhangsan", ["张三", "张三丰"], "pinyin"),
    ("Zhang San", ["张三", "张三丰"], "pinyin"),
    ("zhangs", ["张三", "张三丰"], "pinyin"),
    ("张三", ["张三", "张三丰"], "name"),
    ("张", ["张三", "张三丰", "张乐"], "name"),
    ("zeng", ["曾小贤"], "pinyin"),  # surname reading, not céng
    ("ceng", ["曾小贤"], "pinyin"),  # the everyday reading still finds it
    ("shanxiong", ["单雄信"], "pinyin"),  # 单 as a surname is Shàn
    ("danxx", ["单雄信"], "pinyin"),
    ("ouzhihua", ["区志华"], "pinyin"),
    ("zhangle", ["张乐"], "pinyin"),  # heteronym: both readings are indexed
    ("zhangyue", ["张乐"], "pinyin"),
    ("lvbu", ["吕布"], "pinyin"),
    ("lubu", ["吕布"], "pinyin"),
    ("lübu", ["吕布"], "pinyin"),
    ("js", ["John Smith"], "pinyin"),
    ("john", ["John Smith"], "name"),
    ("1380013", ["张三"], "phone"),
    ("138 0013 8000", ["张三"], "phone"),
    ("8000", ["张三", "John Smith"], "phone_tail"),  # last four digits
    ("110105", ["吕布"], "id_number"),
])
def test_search_finds_by_every_key(people, query, expected, matched_on):
    hits = patients.search(query, actor=viewer())
    assert sorted(h.name for h in hits) == sorted(expected)
    assert hits[0].matched_on == matched_on or matched_on == "phone_tail"


def test_search_by_record_number_and_full_id(people):
    lv = people["吕布"]
    hit = patients.search(lv.record_no.lower(), actor=viewer())[0]
    assert (hit.name, hit.matched_on) == ("吕布", "record_no")
    hit = patients.search(id_number(), actor=viewer())[0]
    assert (hit.name, hit.matched_on, hit.id_number_masked) == (
        "吕布", "id_number", id_number()[:6] + "********" + id_number()[-4:])


def test_hit_fields_are_masked_and_complete(people):
    v = Visit.create(visit_date=dt.date(2026, 11, 20), patient=people["张三"], stage="DONE")
    hit = patients.search("zhangsan", limit=1, actor=viewer())[0]
    assert (hit.phone_masked, hit.phone, hit.age, hit.sex) == ("138****8000", "13800138000", 35, "M")
    assert hit.last_visit == v.visit_date and hit.record_no.startswith("P")


def test_search_nothing(people):
    assert patients.search("", actor=viewer()) == [] and patients.search("   ", actor=viewer()) == []
    assert patients.search("xyzq", actor=viewer()) == []
    assert patients.search("'; DROP TABLE patient; --", actor=viewer()) == []
    assert Patient.select().count() == 8


def test_search_limit_and_no_duplicates(env):
    for i in range(30):
        add(env, "张" + "三四五六七八九"[i % 7] + "乐", f"1380000{i:04d}")
    hits = patients.search("zh", limit=20, actor=viewer())
    assert len(hits) == 20 and len({h.id for h in hits}) == 20
    assert len(patients.search_ids("138", limit=25)) == 25


@pytest.mark.parametrize("query", ["zs", "张", "13800", "8000"])
def test_lookup_is_an_index_range_scan(people, query):
    from frontdesk.patients import _search_sql, search_ranges

    db = database_proxy.obj
    ranges = search_ranges(query)
    params = [x for low, high in ranges for x in (low, high, 80)]
    plan = db.execute_sql("EXPLAIN QUERY PLAN " + _search_sql(len(ranges), db.param),
                          params).fetchall()
    details = [row[-1] for row in plan]
    searches = [d for d in details if d.startswith("SEARCH")]
    assert len(searches) == len(ranges), details
    assert all("USING COVERING INDEX" in d and "key>? AND key<?" in d for d in searches), details
    assert not any(d.startswith("SCAN patient_search_key") for d in details), details
    assert not any("TEMP B-TREE" in d for d in details), details


# --- Create, update, view ----------------------------------------------------------------------


def test_create_assigns_record_numbers_and_audits(env):
    a = add(env, "王五", "13800000001")
    b = add(env, "王六", "13800000002")
    assert (a.record_no, b.record_no) == ("P00000001", "P00000002")
    assert patients.next_record_no() == "P00000003"
    log = AuditLog.get((AuditLog.action == "create") & (AuditLog.entity_id == str(a.id)))
    assert log.staff_id == env.desk.id and "13800000001" not in log.detail


def test_create_refuses_bad_form_and_guests(env):
    with pytest.raises(ValidationError):
        patients.create_patient(actor=env.desk, form=form(phone="123"))
    with pytest.raises(PermissionDenied):
        patients.create_patient(actor=env.admin, form=form())
    assert Patient.select().count() == 0


def test_update_rewrites_search_keys(env, people):
    p = people["张三"]
    patients.update_patient(p.id, actor=env.desk2,
                            form=form(name="张珊", phone="13000000000", sex="F", age=35))
    assert "张三" not in names("13800138000") and names("13000000000") == ["张珊"]
    assert names("zhangshan") == ["张珊"]
    log = AuditLog.get((AuditLog.action == "update") & (AuditLog.entity_id == str(p.id)))
    assert "phone" in log.detail and "name" in log.detail and log.staff_id == env.desk2.id


def test_view_patient_is_audited_and_needs_permission(env, people):
    p = people["张三"]
    view = patients.view_patient(p.id, actor=env.guide)
    assert (view.name, view.phone, view.age) == ("张三", "13800138000", 35)
    assert AuditLog.get(AuditLog.action == "view").entity_id == str(p.id)
    with pytest.raises(PermissionDenied):
        patients.view_patient(p.id, actor=None)


# --- Duplicates -----------------------------------------------------------------------------


def dup_reasons(f):
    assert f.validate(FIXED_NOW.date()) == {}
    return {h.name: reasons for h, reasons in patients.find_duplicates(f, actor=viewer())}


def test_duplicates_same_phone(people):
    found = dup_reasons(form(name="李雷", phone="138 0013 8000", age=20))
    assert found == {"张三": ["手机号相同"]}


def test_duplicates_same_id_number(people):
    found = dup_reasons(form(name="吕奉先", phone="13000000009", sex="", age=None,
                             id_number=id_number()))
    assert "身份证号相同" in found["吕布"]


def test_duplicates_same_name_and_birth(env):
    add(env, "韩梅梅", "13000000001", sex="F", age=None, birth_date=dt.date(1990, 4, 1))
    found = dup_reasons(form(name="韩梅梅", phone="13000000002", sex="F", age=None,
                             birth_date=dt.date(1990, 4, 1)))
    assert "姓名和出生日期相同" in found["韩梅梅"]
    # Same name, one year apart: still offered, as a similar person of about that age.
    assert dup_reasons(form(name="韩梅梅", phone="13000000002", sex="F", age=None,
                            birth_date=dt.date(1991, 4, 1))) == {"韩梅梅": ["姓名相近且性别、年龄相同"]}
    assert dup_reasons(form(name="韩梅梅", phone="13000000002", sex="F", age=None,
                            birth_date=dt.date(2001, 4, 1))) == {}


def test_duplicates_similar_name_same_sex_and_age(env):
    add(env, "张晓明", "13000000001", sex="M", age=40)
    add(env, "张晓明", "13000000003", sex="F", age=40)  # other sex: not a candidate
    add(env, "张小敏", "13000000004", sex="M", age=70)  # other age: not a candidate
    found = dup_reasons(form(name="张小明", phone="13000000002", sex="M", age=41))
    assert found == {"张晓明": ["姓名相近且性别、年龄相同"]}
    assert dup_reasons(form(name="李小明", phone="13000000002", sex="M", age=40)) == {}


def _bulk_patients(rows):
    """Insert many patients with their search keys quickly (no per-row audit)."""
    with database_proxy.atomic():
        for name, sex, birth, phone in rows:
            p = Patient.create(record_no=f"X{phone}", name=name, sex=sex, birth_date=birth,
                               phone=phone)
            PatientSearchKey.insert_many(
                [{"patient": p.id, "key": k}
                 for k in sorted(patients.search_keys_for(name, phone, p.record_no))]
            ).execute()


def test_duplicate_found_among_thousands_with_the_same_surname(env):
    # 2,500 men surnamed 张 whose keys sort before the real match (张阿…, "zhanga…"),
    # none of them the right age: the one 张晓明 of the right age must still be offered.
    fillers = [(f"张阿{chr(0x4E00 + i)}", "M", dt.date(1950, 1, 1), f"1500000{i:04d}")
               for i in range(2500)]
    _bulk_patients(fillers)
    _bulk_patients([("张晓明", "M", dt.date(1985, 6, 1), "13000000001")])
    found = dup_reasons(form(name="张小明", phone="13000000002", sex="M", age=41))
    assert found == {"张晓明": ["姓名相近且性别、年龄相同"]}
    # Sounds alike with another surname character (章 / 张): found by its reading.
    _bulk_patients([("章小明", "M", dt.date(1985, 3, 1), "13000000005")])
    found = dup_reasons(form(name="张小明", phone="13000000002", sex="M", age=41))
    assert set(found) == {"张晓明", "章小明"}


def test_duplicates_in_english(people):
    from frontdesk import i18n

    i18n.set_language("en")
    found = dup_reasons(form(name="李雷", phone="13800138000", age=20))
    assert found == {"张三": ["Same phone number"]}


# --- Merge --------------------------------------------------------------------------------------


def test_merge_moves_history_and_is_admin_only(env, people):
    keep, gone = people["张三"], add(env, "张叁", "13900000000", sex="M", age=35,
                                     address="西城区", id_number=id_number("19910101", "111"))
    visit = Visit.create(visit_date=FIXED_NOW.date(), patient=gone)
    appt = Appointment.create(patient=gone, patient_name="张叁", department=dept("internal"),
                              date=FIXED_NOW.date())
    follow = FollowUp.create(patient=gone, due_date=FIXED_NOW.date())
    for who in (env.desk, env.supervisor, env.guide):
        with pytest.raises(PermissionDenied):
            patients.merge_patients(actor=who, keep_id=keep.id, merge_id=gone.id)
    assert Visit.get_by_id(visit.id).patient_id == gone.id

    patients.merge_patients(actor=env.admin, keep_id=keep.id, merge_id=gone.id)
    assert Visit.get_by_id(visit.id).patient_id == keep.id
    assert Appointment.get_by_id(appt.id).patient_id == keep.id
    assert FollowUp.get_by_id(follow.id).patient_id == keep.id
    merged, kept = Patient.get_by_id(gone.id), Patient.get_by_id(keep.id)
    assert merged.merged_into_id == keep.id
    assert kept.address == "西城区" and kept.id_number == id_number("19910101", "111")
    assert not PatientSearchKey.select().where(PatientSearchKey.patient == gone.id).exists()
    assert names("13900000000") == [] and names(id_number("19910101", "111")) == ["张三"]
    log = AuditLog.get(AuditLog.action == "merge")
    assert log.staff_id == env.admin.id and gone.record_no in log.detail
    with pytest.raises(ValidationError):
        patients.merge_patients(actor=env.admin, keep_id=keep.id, merge_id=gone.id)
    with pytest.raises(ValidationError):
        patients.merge_patients(actor=env.admin, keep_id=keep.id, merge_id=keep.id)


def test_attach_follows_a_merged_record(env, people):
    from frontdesk import reception
    from tests.helpers.reception_flow import walk

    keep, gone = people["张三"], people["张三丰"]
    patients.merge_patients(actor=env.admin, keep_id=keep.id, merge_id=gone.id)
    v = walk(env, "TRIAGE")
    v = reception.attach_patient(v.id, actor=env.desk, expected_version=v.version,
                                 patient_id=gone.id)
    assert v.patient_id == keep.id


def test_search_keys_for(rules_db):
    keys = patients.search_keys_for("曾小贤", "13800138000", "P00000001", "11010519900307123X")
    assert {"zengxiaoxian", "zxx", "曾小贤", "13800138000", "#00083100831", "p00000001",
            "11010519900307123x"} <= keys
    assert all(len(k) <= 64 for k in keys)
    assert patients.search_keys_for("", "", "", None) == set()


def test_form_for_a_returning_patient_round_trips(env):
    p = add(env, "周八", "13000000008", sex="F", age=60, address="东城区")
    f = patients.form_for(p.id, actor=env.desk)
    assert (f.name, f.sex, f.phone, f.age, f.birth_date, f.address) == (
        "周八", "F", "13000000008", 60, None, "东城区")
    patients.update_patient(p.id, actor=env.desk, form=f)
    stored = Patient.get_by_id(p.id)
    assert stored.birth_date_estimated and stored.birth_date == p.birth_date
    assert AuditLog.select().where(AuditLog.action == "update").count() == 0  # nothing changed
    q = add(env, "吴九", "13000000009", sex="", age=None, id_number=id_number("19800101", "001"))
    g = patients.form_for(q.id, actor=env.desk)
    assert (g.birth_date, g.age, g.id_number) == (dt.date(1980, 1, 1), None,
                                                  id_number("19800101", "001"))
