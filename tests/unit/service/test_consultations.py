"""Consultations: the seed's fields checked like registration, nothing half-saved, audit,
the two-level media list, and the step-7 migration of an older database."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from frontdesk.db.models import AuditLog, Consultation, MediaSource
from frontdesk.errors import ConflictError, PermissionDenied
from frontdesk.patient_form import FormInvalid
from frontdesk.service import consultations as cs
from frontdesk.service import desk_rules

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def desk(rules_db, make_staff):
    return make_staff("desk", name="李静")


def baidu():
    return MediaSource.get(MediaSource.code == "baidu")


def good(**kw):
    data = dict(channel="phone", name="王芳", sex="女", age="36", phone="138 0013 8000",
                illness_duration="半年", disease_category="痔疮", intention="想周末来看",
                concerns="费用", price_comparison="问了别家", person_type="上班族",
                media_source_id=baidu().id, outcome=cs.BOOKED,
                follow_up_on=DAY + dt.timedelta(days=1))
    data.update(kw)
    return data


def test_media_list_has_two_levels_and_keeps_registrations_sources(desk):
    tree = {g.code: [s.code for s in kids] for g, kids in desk_rules.media_tree()}
    assert tree["search_engine"] == ["baidu", "so360", "sogou", "search"]
    assert tree["short_video"] == ["douyin", "kuaishou"]
    assert tree["local_life"] == ["meituan", "dianping"]
    assert tree["social_net"] == ["wechat", "xiaohongshu", "social"]
    assert tree["friend"] == [] and tree["passing_by"] == [] and tree["returning"] == []
    assert set(tree["classic_media"]) == {"tv", "radio", "print", "outdoor"}
    # Registration's old codes are the same rows (moved into groups, never duplicated).
    assert MediaSource.select().where(MediaSource.code == "search").count() == 1
    assert desk_rules.media_label(baidu().id) == "搜索引擎 / 百度"


def test_a_consultation_is_stored_normalised_and_audited(desk):
    row = cs.record(actor=desk, form=good())
    c = Consultation.get_by_id(row.id)
    assert (c.phone, c.sex, c.age, c.answered_by_id, c.outcome) == (
        "13800138000", "F", 36, desk.id, "booked")
    assert c.media_source_id == baidu().id and c.follow_up_on == DAY + dt.timedelta(days=1)
    [entry] = AuditLog.select().where(AuditLog.entity == "consultation",
                                      AuditLog.action == "create")
    assert "13800138000" not in entry.detail and "王芳" not in entry.detail
    rows = cs.listing(actor=desk, start=DAY, end=DAY)
    assert [r.id for r in rows] == [row.id]
    assert AuditLog.select().where(AuditLog.entity == "consultation_list").count() == 1


def test_every_bad_field_is_named_and_nothing_is_saved(desk):
    with pytest.raises(FormInvalid) as err:
        cs.record(actor=desk, form=good(phone="1380013", age="300", channel="fax",
                                        follow_up_on=DAY - dt.timedelta(days=1),
                                        media_source_id=999999))
    assert set(err.value.errors) == {"phone", "age", "channel", "follow_up_on",
                                     "media_source_id"}
    assert err.value.errors["phone"].field == "phone"
    assert Consultation.select().count() == 0


def test_a_booking_needs_a_phone_a_price_question_does_not(desk):
    with pytest.raises(FormInvalid) as err:
        cs.record(actor=desk, form=good(phone="", follow_up_on=None))
    assert set(err.value.errors) == {"phone"}
    row = cs.record(actor=desk, form=good(phone="", name="", outcome=cs.PRICE_ONLY,
                                          follow_up_on=None, channel="online"))
    assert row.phone == "" and row.outcome == "price_only"


def test_update_is_optimistic(desk):
    row = cs.record(actor=desk, form=good())
    cs.update(actor=desk, consultation_id=row.id, expected_version=row.version,
              form=good(outcome=cs.WILL_COME))
    with pytest.raises(ConflictError):
        cs.update(actor=desk, consultation_id=row.id, expected_version=row.version,
                  form=good(outcome=cs.NOT_INTERESTED))
    assert Consultation.get_by_id(row.id).outcome == "will_come"


def test_a_door_guide_takes_no_consultations(rules_db, make_staff):
    with pytest.raises(PermissionDenied):
        cs.record(actor=make_staff("guide"), form=good())


def test_admin_edits_the_media_list(rules_db, make_staff):
    admin = make_staff("admin")
    group = MediaSource.get(MediaSource.code == "short_video")
    item = desk_rules.save_media(actor=admin, code="bilibili", name_zh="哔哩哔哩",
                                 name_en="Bilibili", parent_id=group.id)
    tree = {g.code: [s.code for s in kids] for g, kids in desk_rules.media_tree()}
    assert tree["short_video"] == ["douyin", "kuaishou", "bilibili"]
    desk_rules.save_media(actor=admin, media_id=item.id, name_zh="B站", name_en="Bilibili",
                          parent_id=group.id, active=False)
    tree = {g.code: [s.code for s in kids] for g, kids in desk_rules.media_tree()}
    assert "bilibili" not in tree["short_video"]
    with pytest.raises(PermissionDenied):
        desk_rules.save_media(actor=make_staff("desk"), code="x", name_zh="x")


def _rebuild_without(db, table, columns, not_null=()):
    """Make `table` look like it did before step 7 (SQLite cannot drop a key column)."""
    sql, = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                          (table,)).fetchone()
    indexes = [r[0] for r in db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,)) if not any(f'"{c}"' in r[0] for c in columns)]
    for c in columns:
        sql = re.sub(rf',\s*FOREIGN KEY \("{c}"\) REFERENCES "\w+" \("\w+"\)[A-Z ]*', "", sql)
        sql = re.sub(rf',\s*"{c}" [^,]*?(?=,|\)$)', "", sql)
    for c in not_null:
        sql = sql.replace(f'"{c}" INTEGER', f'"{c}" INTEGER NOT NULL')
    db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql(sql.replace(f'"{table}"', f'"{table}_v6"', 1))
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{table}_v6" RENAME TO "{table}"')
    for index in indexes:
        db.execute_sql(index)
    db.execute_sql("PRAGMA foreign_keys = ON")


def test_step_7_gives_an_older_database_the_service_desk(tmp_path):
    from frontdesk.db import connection, migrations
    from frontdesk.db.models import SERVICE_MODELS, SchemaVersion

    db = connection.connect(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    migrations.migrate(db)
    # Back to version 6: no service tables, no new columns, follow_up.patient required.
    db.drop_tables(SERVICE_MODELS)
    _rebuild_without(db, "doctor_schedule", ["capacity"])
    _rebuild_without(db, "media_source", ["parent_id"])
    _rebuild_without(db, "appointment", ["code", "booked_by_id", "version", "updated_at"])
    _rebuild_without(db, "follow_up", ["appointment_id"], not_null=["patient_id"])
    db.execute_sql("INSERT INTO department (code, name_zh, name_en, short_zh, short_en, room, "
                   "floor, directions_zh, directions_en, is_emergency, sort, active) VALUES "
                   "('internal', '内科', 'Internal', '内', 'I', '', '', '', '', 0, 0, 1)")
    db.execute_sql("INSERT INTO media_source (code, name_zh, name_en, sort, active) "
                   "VALUES ('search', '网络搜索', 'Web search', 2, 1)")
    db.execute_sql("INSERT INTO appointment (patient_name, phone, department_id, date, time, "
                   "complaint, status, created_at) VALUES ('王芳', '13800138000', 1, "
                   "'2026-11-24', '09:00', '', 'booked', '2026-11-20 10:00:00')")
    SchemaVersion.delete().where(SchemaVersion.version > 6).execute()
    SchemaVersion.insert(version=6, app_version="0.1.0").on_conflict_ignore().execute()
    report = migrations.migrate(db, backup_dir=tmp_path / "bk",
                                migrations=migrations.MIGRATIONS[:7])
    assert report.from_version == 6 and report.to_version == 7
    tables = set(db.get_tables())
    assert {"consultation", "complaint", "calendar_day", "satisfaction_rating",
            "appointment_slot", "complaint_approval", "complaint_revisit"} <= tables
    assert "code" in {c.name for c in db.get_columns("appointment")}
    from frontdesk.db.models import Appointment

    assert len(Appointment.get().code) == 6  # an old booking gets a code to scan
    assert [c.null for c in db.get_columns("follow_up") if c.name == "patient_id"] == [True]
    assert MediaSource.get(MediaSource.code == "baidu").parent.code == "search_engine"
    assert MediaSource.get(MediaSource.code == "search").parent.code == "search_engine"
    assert desk_rules.current()["complaints"]["close_days"] == 6
    connection.close()


def test_registration_lists_the_two_levels_with_their_group(desk):
    from frontdesk import triage

    names = dict(triage.media_sources())
    assert names[baidu().id] == "搜索引擎 / 百度"
    assert names[MediaSource.get(MediaSource.code == "friend").id] == "亲友介绍"
