"""frontdesk.db.prepared writes and reads exactly what Model.create / get_or_none do."""

from __future__ import annotations

import datetime as dt

from frontdesk import stages
from frontdesk.db import prepared
from frontdesk.db.models import (
    AuditLog,
    Department,
    Patient,
    Payment,
    QueueEntry,
    Visit,
    database_proxy,
)
from tests.helpers.reception_flow import FIXED_NOW, make_env


def _stored(model, pk) -> dict:
    """The row as stored (driver values), id left out."""
    db = database_proxy.obj
    cur = db.execute_sql(f'SELECT * FROM "{model._meta.table_name}" WHERE id = ?', [pk])
    row = dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))
    row.pop("id")
    return row


def _same_as_create(model, **values):
    a = model.create(**values)
    want, data = _stored(model, a.id), dict(a.__data__)
    model.delete_by_id(a.id)  # unique columns: the second row takes the first one's place
    b = prepared.insert(model, **values)
    assert b.id is not None
    assert _stored(model, b.id) == want
    assert b.__data__ == {**data, "id": b.id}
    assert not b._dirty
    return b


def test_inserted_rows_equal_what_create_writes(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    at = FIXED_NOW.replace(microsecond=123456)  # microseconds kept, as create keeps them
    dept = Department.select().first()
    v = _same_as_create(Visit, visit_date=at.date(), stage=stages.GREETING, version=1,
                        first_visit=True, has_appointment=False, door_sex="F",
                        door_age_band="elder", door_name="王", priority="", created_at=at,
                        updated_at=at, department=dept.id)
    p = _same_as_create(Patient, record_no="P00000077", name="李雷", sex="M",
                        birth_date=dt.date(1990, 2, 3), birth_date_estimated=True,
                        phone="13800138000", id_number=None, address="", medical_history="",
                        person_type="", economic_status="", media_source=None)
    _same_as_create(AuditLog, at=at, staff=env.desk, action="create", entity="patient",
                    entity_id=str(p.id), detail='{"record_no": "P00000077"}')
    _same_as_create(Payment, visit=v.id, amount_fen=1500, waived=False, waiver_reason="",
                    confirmed_by=env.desk.id, confirmed_at=at)
    q = QueueEntry.create(visit=v.id, day=at.date(), department=dept.id, state="waiting",
                          joined_at=at, updated_at=at)
    v2 = Visit.create(visit_date=at.date(), stage=stages.DONE, created_at=at, updated_at=at)
    b = prepared.insert(QueueEntry, visit=v2.id, day=at.date(), department=dept.id,
                        state="waiting", joined_at=at, updated_at=at)
    expect = _stored(QueueEntry, q.id)
    expect["visit_id"] = v2.id
    assert _stored(QueueEntry, b.id) == expect


def test_a_row_read_equals_get_or_none(rules_db):
    p = Patient.create(record_no="P00000001", name="韩梅梅", sex="F",
                       birth_date=dt.date(1985, 12, 31), birth_date_estimated=False,
                       phone="13900139000", vip_tier="gold")
    got = prepared.get_or_none(Patient, p.id)
    want = Patient.get_or_none(Patient.id == p.id)
    assert got.__data__ == want.__data__ and not got._dirty
    assert isinstance(got.birth_date, dt.date) and got.vip_tier == "gold"
    assert prepared.get_or_none(Patient, p.id + 1000) is None


def test_the_first_row_of_an_ordered_select_equals_peewees(rules_db):
    from frontdesk.db.models import FeeClass

    got = prepared.first(FeeClass, "ORDER BY amount_fen, id LIMIT 1")
    want = FeeClass.select().order_by(FeeClass.amount_fen, FeeClass.id).first()
    assert got is not None and got.__data__ == want.__data__ and not got._dirty
    assert prepared.first(FeeClass, "WHERE amount_fen < 0") is None


# --- prepared.execute: a statement on the connection itself ---------------------------


def test_execute_in_a_transaction_is_logged_and_fails_as_execute_sql_does(rules_db):
    """Inside a transaction prepared.execute skips peewee's execute_sql; what that did
    must still happen: a declared write is in the change log once at COMMIT, and a driver
    error is peewee's (what the desks' driver_errors turn into a sentence)."""
    import peewee

    from frontdesk.changes import Changed, changes
    from frontdesk.db.models import ChangeLog
    from frontdesk.db.transaction import write_tx

    @changes(Changed.SETTINGS)
    def write(in_tx: bool) -> None:
        sql = "UPDATE department SET name_zh = name_zh WHERE id = ?"
        if not in_tx:
            prepared.execute(sql, [1])  # autocommit: execute_sql, which logs it
            return
        with write_tx():
            prepared.execute(sql, [1])
            prepared.execute(sql, [1])

    for in_tx in (True, False):
        before = ChangeLog.select().count()
        write(in_tx)
        rows = list(ChangeLog.select().order_by(ChangeLog.seq.desc()).limit(1))
        assert ChangeLog.select().count() == before + 1, in_tx
        assert rows[0].kinds == "SETTINGS"
    for sql in ("SELECT * FROM no_such_table", "INSERT INTO department (id) VALUES (NULL)"):
        with write_tx():
            try:
                prepared.execute(sql)
            except peewee.DatabaseError as exc:
                assert type(exc).__module__ == "peewee", exc
            else:
                raise AssertionError(f"{sql} ran")
