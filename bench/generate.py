"""A deterministic, realistic hospital database for the benchmarks (1M patients in minutes).

The schema comes from the app itself (`open_database` + the house rules), the
few small tables (staff) go through peewee, and the big ones are bulk-loaded
with raw sqlite3 `executemany` in one transaction, with the secondary indexes
dropped first and recreated afterwards from their exact `sqlite_master` SQL
(building an index once is far cheaper than maintaining it row by row).
During the load only, the journal and fsync are off; the finished file is
switched to WAL like any file the app opens.

Files are cached in bench/.cache/ by parameters, schema version and
generator version; a `.json` sidecar records the counts and the special days
(the peak day with `peak_visits` visits, the last day = "today").

    python bench/generate.py --patients 1000000 --days 730
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import names  # noqa: E402

GENERATOR_VERSION = 1  # bump when the generated data changes, so caches are rebuilt
DEFAULT_PATIENTS = 1_000_000
DEFAULT_DAYS = 730
DEFAULT_SEED = 20261123
DEFAULT_END = dt.date(2026, 11, 23)  # the last generated day ("today"); fixed for determinism
DEFAULT_PEAK_VISITS = 10000  # one free-clinic day (义诊): issue 20 times the daily summary of a 10,000-visit day
TODAY_NOW = dt.time(10, 30)  # on the last day the desk is mid-morning: some visits still open
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
CHUNK = 50_000  # rows per executemany: keeps memory flat at 1M patients

HOSPITAL_NAME = "仁和医院（基准数据）"
BULK_TABLES = ("patient", "patient_search_key", "appointment", "visit", "visit_event", "payment",
               "shift_assignment", "sign_in", "grooming_check", "grooming_result", "fine")

# How the day fills up: hour -> weight (the morning rush, the lunch dip).
HOUR_WEIGHTS = {7: 3, 8: 14, 9: 17, 10: 15, 11: 10, 12: 4, 13: 6, 14: 10, 15: 9, 16: 7,
                17: 5, 18: 3, 19: 2}
WEEKDAY_FACTOR = (1.25, 1.1, 1.0, 1.0, 1.05, 0.85, 0.7)  # Monday busiest, Sunday quietest
DEPT_WEIGHTS = {"internal": 24, "surgery": 10, "gyn": 12, "paeds": 14, "anorectal": 16,
                "derm": 8, "ent": 7, "dental": 7, "emergency": 2}
COMPLAINTS = {
    "internal": ["发烧两天，咳嗽", "头晕乏力一周", "胃痛反复发作", "血压高，想复查", "失眠多梦"],
    "surgery": ["手臂外伤", "腹股沟有肿块", "腰痛", "脚踝扭伤"],
    "gyn": ["月经不调三个月", "痛经", "孕检", "白带异常"],
    "paeds": ["孩子发烧38度", "宝宝咳嗽", "小孩拉肚子", "孩子不爱吃饭"],
    "anorectal": ["便血一周", "痔疮复发", "便秘很久了", "肛门疼痛"],
    "derm": ["手上湿疹", "脸上长痘", "皮肤瘙痒", "脱发"],
    "ent": ["鼻塞流鼻涕", "喉咙痛", "耳鸣", "打鼾"],
    "dental": ["牙疼两天", "想洗牙", "智齿发炎", "牙龈出血"],
    "emergency": ["胸痛半小时", "呼吸困难", "晕倒过一次", "外伤出血不止"],
}
LEFT_REASONS = ["等候时间太长", "临时有事", "去其他医院", "只是咨询"]
DURATIONS = ["1天", "2-3天", "一周", "一个月", "半年以上"]

# (username prefix, role, count, sex)
STAFF_PLAN = (("admin", "admin", 1, "M"), ("sup", "supervisor", 3, "F"),
              ("desk", "desk", 8, "F"), ("guide", "guide", 12, "F"))
STAFF_PASSWORD = "bench1234"
STAFF_PIN = "1234"


@dataclass(frozen=True)
class Params:
    patients: int = DEFAULT_PATIENTS
    days: int = DEFAULT_DAYS
    seed: int = DEFAULT_SEED
    end: dt.date = DEFAULT_END
    peak_visits: int = DEFAULT_PEAK_VISITS

    @property
    def start(self) -> dt.date:
        return self.end - dt.timedelta(days=self.days - 1)

    @property
    def peak_day(self) -> dt.date:
        # The day before "today": complete, and in every 90-day window ending yesterday.
        return self.end - dt.timedelta(days=1) if self.days > 1 else self.end

    def cache_name(self, schema_version: int) -> str:
        return (f"hospital-p{self.patients}-d{self.days}-s{self.seed}-e{self.end:%Y%m%d}"
                f"-k{self.peak_visits}-schema{schema_version}-gen{GENERATOR_VERSION}.sqlite3")


@dataclass
class Meta:
    """What was generated: the sidecar the benchmarks read to pick their days."""

    params: dict
    schema_version: int
    generator_version: int
    counts: dict[str, int] = field(default_factory=dict)
    distinct_names: int = 0
    seconds: float = 0.0
    peak_day: str = ""
    today: str = ""
    staff_password: str = STAFF_PASSWORD
    staff_pin: str = STAFF_PIN


# --- small helpers -----------------------------------------------------------


def _ts(value: dt.datetime) -> str:
    # peewee's DateTimeField storage format (no microseconds: the app drops them too)
    return value.strftime("%Y-%m-%d %H:%M:%S")


class Picker:
    """Fast weighted choice with precomputed cumulative weights."""

    def __init__(self, items: Iterable, weights: Iterable[float]):
        self.items = list(items)
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random):
        return self.items[bisect.bisect(self.cum, rng.random() * self.total)]


def id_number(rng: random.Random, birth: dt.date, sex: str) -> str:
    """An 18-character resident ID with a valid region, birth date, sex digit and checksum."""
    from frontdesk.validation import id_check_char

    seq = rng.randrange(1000)
    # The 17th digit is odd for men, even for women.
    seq = seq - seq % 2 + (1 if sex == "M" else 0)
    body = f"{rng.choice(names.REGION_CODES)}{birth:%Y%m%d}{seq:03d}"
    return body + id_check_char(body)


def key_function() -> Callable[[str, str, str, str | None], set[str]]:
    """Search keys for (name, phone, record_no, id_number), exactly as the app writes them.

    frontdesk.patients.search_keys_for is a union of per-field keys, so the
    name's part (the pinyin: the slow part) is memoised per distinct name and
    joined with the other fields' keys.
    """
    from frontdesk.patients import search_keys_for

    memo: dict[str, frozenset[str]] = {}

    def keys(name: str, phone: str, record: str, idn: str | None) -> set[str]:
        base = memo.get(name)
        if base is None:
            base = memo[name] = frozenset(search_keys_for(name))
        return search_keys_for("", phone, record, idn) | base

    keys.memo = memo  # type: ignore[attr-defined]
    return keys


def insert(con: sqlite3.Connection, table: str, columns: tuple[str, ...],
           rows: Iterable[tuple], counts: dict[str, int]) -> None:
    """executemany in chunks (a generator of rows never sits in memory whole)."""
    sql, extra = insert_sql(con, table, columns)
    it = iter(rows)
    while batch := list(itertools.islice(it, CHUNK)):
        con.executemany(sql, [row + extra for row in batch] if extra else batch)
        counts[table] = counts.get(table, 0) + len(batch)


def _model_defaults(table: str) -> dict[str, object]:
    """Constant (non-callable) model defaults by column name: what peewee would write."""
    from frontdesk.db.models import ALL_MODELS

    for model in ALL_MODELS:
        if model._meta.table_name == table:
            return {f.column_name: f.default for f in model._meta.sorted_fields
                    if f.default is not None and not callable(f.default)}
    return {}


def insert_sql(con: sqlite3.Connection, table: str,
               columns: tuple[str, ...]) -> tuple[str, tuple]:
    """The INSERT for `columns`, plus model defaults for required columns added since.

    A colleague's migration may add a NOT NULL column with a Python-side default
    (SQLite has no default for it); it is filled from the model so the
    generator keeps working. A required column without a constant default
    stops the load, naming it.
    """
    info = con.execute(f"PRAGMA table_info({table})").fetchall()
    have = {row[1] for row in info}
    missing = [c for c in columns if c not in have]
    required = [row[1] for row in info
                if row[3] and row[4] is None and not row[5] and row[1] not in columns]
    defaults = _model_defaults(table)
    unfilled = [c for c in required if c not in defaults]
    if missing or unfilled:
        raise RuntimeError(f"bench/generate.py is out of date for table {table}: unknown "
                           f"columns {missing}, NOT NULL columns without a default {unfilled}")
    extra_cols = tuple(required)
    extra = tuple(int(v) if isinstance(v, bool) else v for v in (defaults[c] for c in required))
    cols = columns + extra_cols
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    return sql, extra


def drop_indexes(con: sqlite3.Connection, tables: Iterable[str]) -> list[tuple[str, str]]:
    """Drop the tables' explicit indexes; return (name, exact SQL) to recreate them."""
    marks = ",".join("?" * len(tuple(tables)))
    found = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name", tuple(tables)).fetchall()
    for name, _ in found:
        con.execute(f'DROP INDEX "{name}"')
    return found


# --- the app's part: schema, rules, staff ------------------------------------


@dataclass
class Hospital:
    """Rule rows as plain tuples, read back from the app-created database."""

    departments: dict[str, int]  # code -> id
    emergency_ids: set[int]
    doctors: dict[int, list[tuple[int, int, str]]]  # dept id -> (doctor id, fee fen, snapshot)
    media: list[int]
    shifts: list[tuple[int, str]]  # (id, start "HH:MM")
    items: list[tuple[str, str, str, int]]  # grooming items: code, zh, en, fine fen
    items_snapshot: str
    staff: dict[str, list[int]]  # role -> ids


def prepare_schema(path: Path, rng: random.Random) -> Hospital:
    """Create the real schema, load the house rules and the staff through the app."""
    from frontdesk import rules, settings
    from frontdesk.accounts import auth
    from frontdesk.db import connection
    from frontdesk.db.models import (
        Department,
        Doctor,
        GroomingItem,
        MediaSource,
        Shift,
        Staff,
        database_proxy,
    )
    from frontdesk.db.session import open_database

    open_database(f"sqlite:///{path}")
    try:
        with database_proxy.atomic():
            rules.load_rules()
            settings.set("hospital.name", HOSPITAL_NAME)
            password, pin = auth.hash_secret(STAFF_PASSWORD), auth.hash_secret(STAFF_PIN)
            surnames = Picker(names.SURNAME_WEIGHTS, names.SURNAME_WEIGHTS.values())
            rows = []
            for prefix, role, count, sex in STAFF_PLAN:
                for n in range(1, count + 1):
                    username = prefix if count == 1 else f"{prefix}{n:02d}"
                    display = surnames(rng) + rng.choice(names.FEMALE_GIVEN) + rng.choice(
                        names.FEMALE_GIVEN)
                    rows.append({"username": username, "display_name": display, "role": role,
                                 "sex": sex, "password_hash": password, "pin_hash": pin})
            Staff.insert_many(rows).execute()
        depts = {d.code: d.id for d in Department.select()}
        emergency = {d.id for d in Department.select() if d.is_emergency}
        doctors: dict[int, list[tuple[int, int, str]]] = {}
        for doc in Doctor.select():
            fee = doc.fee_class
            snap = json.dumps({"fee_class": fee.code, "amount_fen": fee.amount_fen,
                               "name_zh": fee.name_zh}, ensure_ascii=False)
            doctors.setdefault(doc.department_id, []).append((doc.id, fee.amount_fen, snap))
        items = [(i.code, i.name_zh, i.name_en, i.fine_fen)
                 for i in GroomingItem.select().where(GroomingItem.active).order_by(GroomingItem.sort)]
        snapshot = json.dumps([{"code": c, "name_zh": z, "name_en": e, "fine_fen": f}
                               for c, z, e, f in items], ensure_ascii=False)
        staff: dict[str, list[int]] = {}
        for s in Staff.select().order_by(Staff.id):
            staff.setdefault(s.role, []).append(s.id)
        return Hospital(
            departments=depts, emergency_ids=emergency, doctors=doctors,
            media=[m.id for m in MediaSource.select().order_by(MediaSource.sort)],
            shifts=[(s.id, s.start) for s in Shift.select().order_by(Shift.id)],
            items=items, items_snapshot=snapshot, staff=staff,
        )
    finally:
        connection.close()


# --- patients ------------------------------------------------------------------

PATIENT_COLUMNS = ("id", "record_no", "name", "sex", "birth_date", "phone", "id_number",
                   "address", "medical_history", "person_type", "economic_status", "vip_tier",
                   "media_source_id", "merged_into_id", "created_at", "updated_at")
KEY_COLUMNS = ("patient_id", "key")


def record_no(patient_id: int) -> str:
    from frontdesk.patients import RECORD_DIGITS, RECORD_PREFIX

    return f"{RECORD_PREFIX}{patient_id:0{RECORD_DIGITS}d}"


class PatientMaker:
    """Patients and their search keys, one chunk at a time."""

    def __init__(self, rng: random.Random, params: Params, media: list[int]):
        self.rng = rng
        self.params = params
        self.media = media
        self.surname = Picker(names.SURNAME_WEIGHTS, names.SURNAME_WEIGHTS.values())
        self.male = Picker(names.MALE_GIVEN, names.given_weights(names.MALE_GIVEN))
        self.female = Picker(names.FEMALE_GIVEN, names.given_weights(names.FEMALE_GIVEN))
        self.keys = key_function()
        self.recent_phones: list[str] = []
        self.vip = Picker(("", "gold", "diamond"), (94, 4.5, 1.5))
        self.names: list[str] = [""]  # by patient id, for appointments
        self.phones: list[str] = [""]
        self.tiers = bytearray(1)  # 1 = VIP (fee waived)

    def name(self, sex: str) -> str:
        given = self.male if sex == "M" else self.female
        rng = self.rng
        first = given(rng)
        return self.surname(rng) + (first + given(rng) if rng.random() < names.TWO_CHAR_GIVEN_SHARE
                                    else first)

    def phone(self) -> str:
        rng = self.rng
        # Family members often leave one shared number.
        if self.recent_phones and rng.random() < 0.04:
            return rng.choice(self.recent_phones)
        p = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        self.recent_phones.append(p)
        if len(self.recent_phones) > 500:
            self.recent_phones = self.recent_phones[-250:]
        return p

    def rows(self) -> Iterator[tuple[tuple, list[tuple[int, str]]]]:
        rng = self.rng
        end = self.params.end
        registry_start = dt.datetime.combine(self.params.start, dt.time(8)) - dt.timedelta(
            days=3650)
        span = int((dt.datetime.combine(self.params.start, dt.time(8)) - registry_start)
                   .total_seconds())
        for pid in range(1, self.params.patients + 1):
            sex = "M" if rng.random() < 0.47 else "F"
            name = self.name(sex)
            birth = end - dt.timedelta(days=rng.randrange(30, 90 * 365))
            phone = self.phone() if rng.random() < 0.97 else ""
            idn = id_number(rng, birth, sex) if rng.random() < 0.85 else None
            tier = self.vip(rng)
            created = _ts(registry_start + dt.timedelta(seconds=rng.randrange(span)))
            address = (f"{rng.choice(names.DISTRICTS)}{rng.choice(names.STREETS)}"
                       f"{rng.randrange(1, 300)}号")
            media = self.media[rng.randrange(len(self.media))] if rng.random() < 0.6 else None
            self.names.append(name)
            self.phones.append(phone)
            self.tiers.append(1 if tier else 0)
            rec = record_no(pid)
            row = (pid, rec, name, sex, birth.isoformat(), phone, idn, address, "",
                   "", "", tier, media, None, created, created)
            yield row, [(pid, k) for k in self.keys(name, phone, rec, idn)]


def load_patients(con: sqlite3.Connection, maker: PatientMaker, counts: dict[str, int],
                  log: Callable[[str], None]) -> None:
    p_sql, p_extra = insert_sql(con, "patient", PATIENT_COLUMNS)
    k_sql, k_extra = insert_sql(con, "patient_search_key", KEY_COLUMNS)
    it = maker.rows()
    t0 = time.perf_counter()
    while chunk := list(itertools.islice(it, CHUNK)):
        con.executemany(p_sql, [row + p_extra for row, _ in chunk])
        keys = [k + k_extra for _, ks in chunk for k in ks]
        con.executemany(k_sql, keys)
        counts["patient"] = counts.get("patient", 0) + len(chunk)
        counts["patient_search_key"] = counts.get("patient_search_key", 0) + len(keys)
        if counts["patient"] % 200_000 == 0:
            log(f"  patients {counts['patient']:,} ({time.perf_counter() - t0:.0f}s)")


# --- staff rota: shifts, sign-ins, grooming checks, fines ---------------------------

ASSIGN_COLUMNS = ("staff_id", "shift_id", "date")
SIGNIN_COLUMNS = ("id", "staff_id", "shift_id", "date", "signed_at", "minutes_late")
CHECK_COLUMNS = ("id", "staff_id", "supervisor_id", "shift_id", "date", "checked_at",
                 "recheck_of_id", "off_shift_reason", "items_snapshot", "notes", "photo",
                 "acknowledged_at")
RESULT_COLUMNS = ("check_id", "item_code", "item_name_zh", "item_name_en", "passed",
                  "corrected", "note", "fine_fen")
FINE_COLUMNS = ("staff_id", "kind", "amount_fen", "reason_zh", "reason_en", "date",
                "grooming_check_id", "sign_in_id", "rule_snapshot", "created_by_id",
                "created_at", "waived_at", "waived_by_id", "waive_reason")
LATE_FINE_FEN = 1000
LATE_GRACE_MINUTES = 5


def load_rota(con: sqlite3.Connection, rng: random.Random, params: Params, h: Hospital,
              counts: dict[str, int]) -> None:
    workers = h.staff.get("guide", []) + h.staff.get("desk", [])
    sups = h.staff.get("supervisor", [])
    assigns, signins, checks, results, fines = [], [], [], [], []
    sign_id = check_id = 0
    for offset in range(params.days + 7):  # a week of future rota, as a planner would have
        day = params.start + dt.timedelta(days=offset)
        past = day <= params.end
        sup = sups[offset % len(sups)]
        for i, staff_id in enumerate(workers + sups):
            if (i + offset) % 7 == 0:
                continue  # day off
            shift_id, start = h.shifts[(i + offset // 7) % len(h.shifts)]
            assigns.append((staff_id, shift_id, day.isoformat()))
            if not past or rng.random() < 0.02:
                continue  # future, or absent
            t_start = dt.datetime.combine(day, dt.time.fromisoformat(start))
            late = rng.randrange(1, 26) if rng.random() < 0.06 else 0
            signed = t_start + dt.timedelta(minutes=late, seconds=rng.randrange(60)) if late \
                else t_start - dt.timedelta(seconds=rng.randrange(60, 900))
            sign_id += 1
            signins.append((sign_id, staff_id, shift_id, day.isoformat(), _ts(signed), late))
            if late > LATE_GRACE_MINUTES:
                fines.append((staff_id, "late", LATE_FINE_FEN, f"迟到 {late} 分钟",
                              f"Late by {late} minutes", day.isoformat(), None, sign_id,
                              json.dumps({"grace_minutes": LATE_GRACE_MINUTES,
                                          "fine_fen": LATE_FINE_FEN}),
                              sup, _ts(signed), None, None, ""))
            if staff_id in sups:
                continue
            check_id += 1
            checked = signed + dt.timedelta(minutes=rng.randrange(2, 15))
            checks.append((check_id, staff_id, sup, shift_id, day.isoformat(), _ts(checked),
                           None, "", h.items_snapshot, "", None,
                           _ts(checked + dt.timedelta(minutes=2))))
            for code, zh, en, fine in h.items:
                passed = rng.random() >= 0.012
                results.append((check_id, code, zh, en, int(passed),
                                int(not passed and rng.random() < 0.5), "",
                                0 if passed else fine))
                if not passed:
                    waived = rng.random() < 0.05
                    fines.append((staff_id, "grooming", fine, f"仪容仪表检查：{zh}",
                                  f"Grooming check: {en}", day.isoformat(), check_id, None,
                                  json.dumps({"item": code, "fine_fen": fine}), sup,
                                  _ts(checked),
                                  _ts(checked + dt.timedelta(hours=3)) if waived else None,
                                  sups[0] if waived else None, "首次违规，口头警告" if waived else ""))
    insert(con, "shift_assignment", ASSIGN_COLUMNS, assigns, counts)
    insert(con, "sign_in", SIGNIN_COLUMNS, signins, counts)
    insert(con, "grooming_check", CHECK_COLUMNS, checks, counts)
    insert(con, "grooming_result", RESULT_COLUMNS, results, counts)
    insert(con, "fine", FINE_COLUMNS, fines, counts)


# --- visits, events, payments, appointments --------------------------------------

VISIT_COLUMNS = ("id", "visit_date", "stage", "version", "patient_id", "first_visit",
                 "has_appointment", "appointment_id", "department_id", "doctor_id", "queue_no",
                 "complaint", "red_flag", "triage_reason", "illness_duration",
                 "disease_category", "intention", "concerns", "health_question",
                 "price_comparison", "habits", "media_source_id", "fee_fen", "fee_snapshot",
                 "fee_waived", "waiver_reason", "escort_id", "left_reason", "created_at",
                 "updated_at")
EVENT_COLUMNS = ("visit_id", "from_stage", "stage", "action", "at", "staff_id", "note")
PAYMENT_COLUMNS = ("visit_id", "amount_fen", "waived", "waiver_reason", "confirmed_by_id",
                   "confirmed_at")
APPT_COLUMNS = ("id", "patient_id", "patient_name", "phone", "department_id", "doctor_id",
                "date", "time", "complaint", "status", "created_at")


class VisitMaker:
    """Each day's walk-ins with the events the reception flow writes (frontdesk/stages.py)."""

    def __init__(self, rng: random.Random, params: Params, h: Hospital, pm: PatientMaker):
        self.rng, self.params, self.h, self.pm = rng, params, h, pm
        codes = [c for c in DEPT_WEIGHTS if c in h.departments]
        self.dept = Picker([h.departments[c] for c in codes], [DEPT_WEIGHTS[c] for c in codes])
        self.code_of = {v: k for k, v in h.departments.items()}
        self.hour = Picker(HOUR_WEIGHTS, HOUR_WEIGHTS.values())
        self.seen: list[int] = []  # patients who have visited: returning visits draw from them
        self.visit_id = 0
        self.appt_id = 0
        self.guides = h.staff.get("guide", [])
        self.desks = h.staff.get("desk", [])

    def day_count(self, day: dt.date) -> int:
        if day == self.params.peak_day:
            return self.params.peak_visits
        base = self.rng.uniform(360, 480) * WEEKDAY_FACTOR[day.weekday()]
        return max(300, min(600, round(base)))

    def patient(self) -> tuple[int, bool]:
        rng = self.rng
        if self.seen and rng.random() < 0.55:
            return self.seen[rng.randrange(len(self.seen))], False
        pid = rng.randrange(1, self.params.patients + 1)
        self.seen.append(pid)
        return pid, True

    def events(self, t0: dt.datetime, red: bool, waived: bool, left: bool, escort: int,
               desk: int, guide: int) -> list[tuple[str, str, str, dt.datetime, int]]:
        """(from_stage, stage, action, at, staff) in time order, as stages.TRANSITIONS allows.

        The demo hospital's event path, without the deferred billing catch-up events."""
        from frontdesk.demo import event_path

        return event_path(self.rng, t0, red=red, waived=waived, left=left, escort=escort,
                          desk=desk, guide=guide, late_billing=False)

    def day(self, day: dt.date) -> tuple[list, list, list, list]:
        from frontdesk import stages as s

        rng, h = self.rng, self.h
        visits, events, payments, appts = [], [], [], []
        queue: dict[int, int] = {}
        is_today = day == self.params.end
        now = dt.datetime.combine(day, TODAY_NOW)
        arrivals = sorted(
            dt.datetime.combine(day, dt.time(self.hour(rng), rng.randrange(60), rng.randrange(60)))
            for _ in range(self.day_count(day)))
        for t0 in arrivals:
            if is_today and t0 >= now:
                break  # nobody has arrived yet after "now"
            dept = self.dept(rng)
            red = dept in h.emergency_ids
            pid, first = self.patient()
            waived = bool(self.pm.tiers[pid])
            left = not red and rng.random() < 0.05
            desk, guide, escort = (rng.choice(self.desks), rng.choice(self.guides),
                                   rng.choice(self.guides))
            evs = self.events(t0, red, waived, left, escort, desk, guide)
            if is_today:
                evs = [e for e in evs if e[3] < now]
                if not evs:
                    continue  # walking in through the door right now
            stage = evs[-1][1]
            triaged = any(e[2] in (s.TRIAGED, s.DEFERRED) for e in evs)
            docs = h.doctors.get(dept, [])
            doc_id, fee, snap = docs[rng.randrange(len(docs))] if docs else (None, 0, "{}")
            code = self.code_of[dept]
            self.visit_id += 1
            vid = self.visit_id
            has_appt = not first and rng.random() < 0.25 and not red
            appt_id = None
            if has_appt:
                self.appt_id += 1
                appt_id = self.appt_id
                booked = t0 - dt.timedelta(days=rng.randrange(1, 8), hours=rng.randrange(8))
                appts.append((appt_id, pid, self.pm.names[pid], self.pm.phones[pid], dept,
                              doc_id, day.isoformat(), f"{t0.hour:02d}:{30 if t0.minute >= 30 else 0:02d}",
                              rng.choice(COMPLAINTS[code]), "arrived", _ts(booked)))
            if triaged:
                queue[dept] = queue.get(dept, 0) + 1
            paid_ev = next((e for e in evs if e[2] in (s.PAID, s.WAIVED)), None)
            visits.append((
                vid, day.isoformat(), stage, len(evs), pid, int(first), int(has_appt), appt_id,
                dept if triaged else None, doc_id if triaged else None,
                queue[dept] if triaged else None,
                rng.choice(COMPLAINTS[code]), int(red), "胸痛/呼吸困难：先救治后缴费" if red else "",
                rng.choice(DURATIONS), "", "", "", "", "", "",
                h.media[rng.randrange(len(h.media))] if first and rng.random() < 0.7 else None,
                0 if waived else fee, snap, int(waived), "VIP" if waived else "",
                escort if any(e[1] == s.ESCORT for e in evs) else None,
                rng.choice(LEFT_REASONS) if stage == s.LEFT else "",
                _ts(t0), _ts(evs[-1][3]),
            ))
            for frm, stg, action, at, who in evs:
                events.append((vid, frm, stg, action, _ts(at), who, ""))
            if paid_ev is not None:
                payments.append((vid, 0 if waived else fee, int(waived), "VIP" if waived else "",
                                 paid_ev[4], _ts(paid_ev[3])))
        appts += self.bookings(day)
        return visits, events, payments, appts

    def bookings(self, day: dt.date) -> list[tuple]:
        """Appointments that never became visits: no-shows, cancellations, future bookings."""
        rng = self.rng
        out = []
        future = day > self.params.end
        count = rng.randrange(40, 70) if future else rng.randrange(10, 25)
        for _ in range(count):
            pid = rng.randrange(1, self.params.patients + 1)
            dept = self.dept(rng)
            if dept in self.h.emergency_ids:
                continue  # nobody books the emergency room
            self.appt_id += 1
            docs = self.h.doctors.get(dept, [])
            status = "booked" if future or day == self.params.end else rng.choice(
                ("booked", "cancelled", "cancelled"))
            booked = dt.datetime.combine(day, dt.time(9)) - dt.timedelta(days=rng.randrange(1, 10))
            out.append((self.appt_id, pid, self.pm.names[pid], self.pm.phones[pid], dept,
                        docs[rng.randrange(len(docs))][0] if docs else None, day.isoformat(),
                        f"{rng.randrange(8, 18):02d}:{rng.choice(('00', '30'))}",
                        rng.choice(COMPLAINTS[self.code_of[dept]]), status, _ts(booked)))
        return out


def load_visits(con: sqlite3.Connection, vm: VisitMaker, params: Params,
                counts: dict[str, int], log: Callable[[str], None]) -> None:
    pending: dict[str, list] = {"visit": [], "visit_event": [], "payment": [], "appointment": []}
    cols = {"visit": VISIT_COLUMNS, "visit_event": EVENT_COLUMNS, "payment": PAYMENT_COLUMNS,
            "appointment": APPT_COLUMNS}

    def flush() -> None:
        for table, rows in pending.items():
            insert(con, table, cols[table], rows, counts)
            rows.clear()

    for offset in range(params.days):
        day = params.start + dt.timedelta(days=offset)
        v, e, p, a = vm.day(day)
        pending["visit"] += v
        pending["visit_event"] += e
        pending["payment"] += p
        pending["appointment"] += a
        if len(pending["visit_event"]) > CHUNK * 4:
            flush()
        if offset and offset % 180 == 0:
            log(f"  days {offset}/{params.days}, visits {vm.visit_id:,}")
    for offset in range(1, 8):
        pending["appointment"] += vm.bookings(params.end + dt.timedelta(days=offset))
    flush()


# --- orchestration ----------------------------------------------------------------


def schema_version() -> int:
    from frontdesk.db.migrations import latest_version

    return latest_version()


def generate(path: Path, params: Params, log: Callable[[str], None] = print) -> Meta:
    """Write a fresh database for `params` at `path` (replaced if it exists)."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    rng = random.Random(params.seed)
    hospital = prepare_schema(tmp, rng)
    meta = Meta(params={**asdict(params), "end": params.end.isoformat()},
                schema_version=schema_version(), generator_version=GENERATOR_VERSION,
                peak_day=params.peak_day.isoformat(), today=params.end.isoformat())
    counts: dict[str, int] = {}
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        # Load-time only: the file is disposable until it is renamed into place.
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-400000")
        con.execute("PRAGMA temp_store=MEMORY")
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN")
        indexes = drop_indexes(con, BULK_TABLES)
        pm = PatientMaker(rng, params, hospital.media)
        log(f"generating {params.patients:,} patients, {params.days} days -> {path.name}")
        load_patients(con, pm, counts, log)
        meta.distinct_names = len(getattr(pm.keys, "memo", {}))
        load_rota(con, rng, params, hospital, counts)
        load_visits(con, VisitMaker(rng, params, hospital, pm), params, counts, log)
        t_idx = time.perf_counter()
        for _, sql in indexes:
            con.execute(sql)
        con.execute("COMMIT")
        log(f"  {len(indexes)} indexes rebuilt in {time.perf_counter() - t_idx:.0f}s")
        con.execute("PRAGMA locking_mode=NORMAL")
        con.execute("PRAGMA journal_mode=WAL")  # what the app would leave behind
    finally:
        con.close()
    tmp.replace(path)
    meta.counts = counts
    meta.seconds = round(time.perf_counter() - started, 1)
    meta_path(path).write_text(json.dumps(asdict(meta), ensure_ascii=False, indent=1),
                               encoding="utf-8")
    rows = sum(counts.values())
    log(f"done: {rows:,} rows in {meta.seconds:.0f}s ({rows / max(meta.seconds, 0.1):,.0f} rows/s)")
    return meta


def meta_path(db_path: Path) -> Path:
    return db_path.with_suffix(".json")


def ensure_database(params: Params, cache_dir: Path = CACHE_DIR,
                    log: Callable[[str], None] = print) -> tuple[Path, Meta]:
    """The cached database for `params`, generated first if missing."""
    path = cache_dir / params.cache_name(schema_version())
    mp = meta_path(path)
    if path.exists() and mp.exists():
        return path, Meta(**json.loads(mp.read_text(encoding="utf-8")))
    return path, generate(path, params, log)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--patients", type=int, default=DEFAULT_PATIENTS)
    p.add_argument("--days", type=int, default=DEFAULT_DAYS)
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--end", type=dt.date.fromisoformat, default=DEFAULT_END,
                   help="last generated day, YYYY-MM-DD (default %(default)s)")
    p.add_argument("--peak-visits", type=int, default=DEFAULT_PEAK_VISITS)
    p.add_argument("--out", type=Path, help="write here instead of the cache")
    p.add_argument("--force", action="store_true", help="regenerate even if cached")
    args = p.parse_args(argv)
    params = Params(args.patients, args.days, args.seed, args.end, args.peak_visits)
    if args.out:
        generate(args.out, params)
        print(args.out)
        return 0
    if args.force:
        path = CACHE_DIR / params.cache_name(schema_version())
        generate(path, params)
    else:
        path, _ = ensure_database(params)
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
