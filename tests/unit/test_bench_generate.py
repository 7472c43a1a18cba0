"""bench/generate.py: a tiny hospital that is consistent the way the app's own writes are."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections import Counter

import pytest

from bench import generate
from frontdesk import stages
from frontdesk.validation import parse_resident_id

PARAMS = generate.Params(patients=400, days=4, seed=11, end=dt.date(2026, 11, 23),
                         peak_visits=120)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "tiny.sqlite3"
    meta = generate.generate(path, PARAMS, log=lambda _msg: None)
    con = sqlite3.connect(path)
    yield path, meta, con
    con.close()


def _one(con, sql, *args):
    return con.execute(sql, args).fetchone()[0]


def test_counts_match_the_file(tiny):
    _, meta, con = tiny
    assert meta.counts["patient"] == PARAMS.patients
    for table, count in meta.counts.items():
        assert _one(con, f"SELECT count(*) FROM {table}") == count, table
    assert _one(con, "SELECT count(*) FROM visit WHERE visit_date = ?",
                PARAMS.peak_day.isoformat()) == PARAMS.peak_visits
    dates = {r[0] for r in con.execute("SELECT DISTINCT visit_date FROM visit")}
    assert min(dates) == PARAMS.start.isoformat() and max(dates) == PARAMS.end.isoformat()
    assert _one(con, "SELECT count(*) FROM staff") > 10


def test_resident_ids_are_valid_and_agree_with_the_patient(tiny):
    _, _, con = tiny
    rows = con.execute("SELECT id_number, birth_date, sex FROM patient "
                       "WHERE id_number IS NOT NULL").fetchall()
    assert len(rows) > PARAMS.patients * 0.7
    for number, birth, sex in rows:
        parsed = parse_resident_id(number, today=PARAMS.end)
        assert parsed.birth_date.isoformat() == birth
        assert parsed.sex == sex


def test_queue_numbers_unique_per_department_and_day(tiny):
    _, _, con = tiny
    rows = con.execute("SELECT department_id, visit_date, queue_no FROM visit "
                       "WHERE queue_no IS NOT NULL").fetchall()
    assert rows
    assert max(Counter(rows).values()) == 1
    # Numbers run 1..n within a department's day, with no gaps.
    per_day: dict[tuple, list[int]] = {}
    for dept, day, no in rows:
        per_day.setdefault((dept, day), []).append(no)
    for numbers in per_day.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_events_follow_the_stage_rules_in_time_order(tiny):
    _, _, con = tiny
    events: dict[int, list[tuple]] = {}
    for row in con.execute("SELECT visit_id, from_stage, stage, action, at FROM visit_event "
                           "ORDER BY visit_id, id"):
        events.setdefault(row[0], []).append(row[1:])
    visits = con.execute("SELECT id, stage, version, created_at, updated_at FROM visit").fetchall()
    assert len(events) == len(visits)
    for vid, stage, version, created, updated in visits:
        evs = events[vid]
        assert evs[0][:3] == ("", stages.GREETING, stages.ARRIVED)
        assert [e[3] for e in evs] == sorted(e[3] for e in evs), vid
        for prev, cur in zip(evs, evs[1:], strict=False):
            assert cur[0] == prev[1]
            legal = stages.can_move(prev[1], cur[1]) or cur[2] == stages.BACK_AT_POST
            assert legal, (vid, prev, cur)
        assert stage == evs[-1][1] and version == len(evs)
        assert created <= evs[0][3] and updated == evs[-1][3]


def test_open_visits_only_today(tiny):
    _, _, con = tiny
    open_days = {r[0] for r in con.execute(
        "SELECT DISTINCT visit_date FROM visit WHERE stage NOT IN ('DONE', 'LEFT')")}
    assert open_days <= {PARAMS.end.isoformat()}


def test_search_keys_are_what_the_app_writes(tiny):
    from frontdesk.patients import search_keys_for

    _, _, con = tiny
    for pid, name, phone, rec, idn in con.execute(
            "SELECT id, name, phone, record_no, id_number FROM patient WHERE id % 37 = 1"):
        stored = {r[0] for r in con.execute(
            "SELECT key FROM patient_search_key WHERE patient_id = ?", (pid,))}
        assert stored == search_keys_for(name, phone, rec, idn)


def test_schema_and_indexes_are_the_apps(tiny, tmp_path):
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    fresh = tmp_path / "fresh.sqlite3"
    open_database(f"sqlite:///{fresh}")
    connection.close()
    query = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    with sqlite3.connect(fresh) as ref:
        expected = ref.execute(query).fetchall()
    _, _, con = tiny
    assert con.execute(query).fetchall() == expected
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _one(con, "PRAGMA journal_mode") == "wal"


def test_fines_point_at_failed_items_or_late_sign_ins(tiny):
    _, _, con = tiny
    assert _one(con, "SELECT count(*) FROM grooming_result WHERE passed = 0") == _one(
        con, "SELECT count(*) FROM fine WHERE kind = 'grooming'")
    assert _one(con, "SELECT count(*) FROM fine WHERE kind = 'late' AND sign_in_id IS NULL") == 0
    assert _one(con, "SELECT count(*) FROM fine f JOIN sign_in s ON s.id = f.sign_in_id "
                     "WHERE s.minutes_late <= ?", generate.LATE_GRACE_MINUTES) == 0


def _digest(path) -> str:
    h = hashlib.sha256()
    with sqlite3.connect(path) as con:
        for table in ("patient", "patient_search_key", "visit", "visit_event", "fine"):
            for row in con.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                h.update(repr(row).encode())
    return h.hexdigest()


def test_same_seed_same_hospital(tiny, tmp_path):
    path, _, _ = tiny
    again = tmp_path / "again.sqlite3"
    generate.generate(again, PARAMS, log=lambda _msg: None)
    assert _digest(again) == _digest(path)


def test_cache_name_names_every_parameter():
    name = PARAMS.cache_name(7)
    for part in ("p400", "d4", "s11", "e20261123", "k120", "schema7",
                 f"gen{generate.GENERATOR_VERSION}"):
        assert part in name
