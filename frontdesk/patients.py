"""Patient records: as-you-type lookup, duplicates, create/update, merge.

Lookup is one range scan on the PatientSearchKey index (`key >= q AND key <
q || '\\uffff'`) plus one batch fetch of the patients found. Keys per patient:
the name, its pinyin (full, initials, surname + initials, for every reading of
every heteronym — see frontdesk.pinyin), the phone, the phone reversed behind
a "#" (so the last four digits are a prefix too), the record number and the
ID number; all in `pinyin.query_key` form (lower case, no spaces). Neither
LIKE '%x%' nor an FTS trigram index would do: the first scans the table, the
second finds nothing for a two-character name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import PostgresqlDatabase

from frontdesk import audit, clock, pinyin
from frontdesk.db import prepared
from frontdesk.db.models import (
    VIP_TIERS,
    Appointment,
    FollowUp,
    Patient,
    PatientSearchKey,
    Visit,
    database_proxy,
)
from frontdesk.errors import NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.patient_form import FormInvalid, RegistrationForm
from frontdesk.permissions import Perm, require
from frontdesk.validation import lookup_id

TAIL_MARK = "#"  # reversed-phone keys: "#0008310083" for 13800138000
TAIL_MIN_DIGITS = 4  # "the last four digits of the phone" — shorter is too vague
TAIL_MAX_DIGITS = 6
RECORD_PREFIX = "P"
RECORD_DIGITS = 8
_UPPER_BOUND = "\uffff"


# --- Search keys -----------------------------------------------------------------


def search_keys_for(name: str, phone: str = "", record_no: str = "",
                    id_number: str | None = "") -> set[str]:
    """Every lookup key for one patient (see the module docstring)."""
    keys = set(pinyin.search_keys(name or ""))
    for value in (name, phone, record_no, id_number):
        key = pinyin.query_key(value or "")
        if key:
            keys.add(key)
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= TAIL_MIN_DIGITS:
        keys.add(TAIL_MARK + digits[::-1])
    return {k[: pinyin.MAX_KEY_LENGTH] for k in keys if k}


_keys_loaded = False


def load_search_keys() -> None:
    """Load what search keys need (pypinyin) before a write transaction begins.

    Registration computes keys inside its transaction; loading the library there
    would hold SQLite's write lock for the length of an import. Once loaded it stays
    loaded: later calls cost nothing (pinyin.load() converts two samples each time).
    """
    global _keys_loaded
    if not _keys_loaded:
        pinyin.load()
        _keys_loaded = True


def _write_keys(patient: Patient, *, new: bool = False) -> None:
    """The patient's search keys, replacing any stored (a `new` record has none yet)."""
    db = database_proxy.obj
    p = db.param
    if not new:
        prepared.execute(f"DELETE FROM patient_search_key WHERE patient_id = {p}", [patient.id])
    keys = sorted(search_keys_for(patient.name, patient.phone, patient.record_no,
                                  patient.id_number))
    if keys:
        # One multi-row INSERT, as PatientSearchKey.insert_many wrote it, without peewee
        # building it (registration is timed: bench/).
        prepared.execute("INSERT INTO patient_search_key (patient_id, key) VALUES "
                         + ", ".join([f"({p}, {p})"] * len(keys)),
                         [v for k in keys for v in (patient.id, k)])


# --- Lookup ------------------------------------------------------------------------


@dataclass(slots=True)
class PatientHit:
    id: int
    record_no: str
    name: str
    sex: str
    age: int | None
    phone_masked: str
    phone: str
    id_number_masked: str
    vip_tier: str
    last_visit: dt.date | None
    matched_on: str  # name / pinyin / phone / phone_tail / record_no / id_number
    birth_date: dt.date | None = None
    birth_date_estimated: bool = False


def mask_phone(phone: str) -> str:
    """13800138000 -> 138****8000."""
    if len(phone or "") < 7:
        return phone or ""
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id(id_number: str | None) -> str:
    """110105199001011234 -> 110105********1234."""
    if not id_number:
        return ""
    if len(id_number) < 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def age_on(birth: dt.date | None, day: dt.date | None = None) -> int | None:
    if birth is None:
        return None
    day = day or clock.today()
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return max(years, 0)


def search_ranges(query: str) -> list[tuple[str, str]]:
    """The index ranges [low, high) one query stands for; [] for nothing to search."""
    key = pinyin.query_key(query)
    if not key:
        return []
    ranges = [(key, key + _UPPER_BOUND)]
    if key.isdigit() and TAIL_MIN_DIGITS <= len(key) <= TAIL_MAX_DIGITS:
        tail = TAIL_MARK + key[::-1]
        ranges.append((tail, tail + _UPPER_BOUND))
    return ranges


def _search_sql(branches: int, param: str) -> str:
    one = (f"SELECT patient_id, key FROM patient_search_key "
           f"WHERE key >= {param} AND key < {param} ORDER BY key LIMIT {param}")
    if branches == 1:
        return one
    # Each branch is its own limited index range scan; UNION ALL keeps them apart.
    # (PostgreSQL before 16 wants an alias on every subquery in FROM.)
    return " UNION ALL ".join(f"SELECT * FROM ({one}) AS b{i}" for i in range(branches))


MAX_HITS = 500  # more than any screen lists


def search_ids(query: str, *, limit: int = 20) -> list[int]:
    """Patient ids matching `query`, in key order: one indexed range-scan query.

    This is the per-keystroke unit of work (and what bench/ times). Raw SQL on
    purpose: no model objects are built for rows that are only ids.
    """
    if not isinstance(query, str):
        return []  # pasted or scanned junk finds nobody
    query = query.encode("utf-8", "ignore").decode("utf-8")  # a lone surrogate cannot be bound
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_HITS:
        limit = 20
    ranges = search_ranges(query)
    if not ranges:
        return []
    db = database_proxy.obj
    # A patient has several keys under one prefix (zhangsan, zhangs …): read a few more.
    per_branch = limit * 4
    params: list = []
    for low, high in ranges:
        params += [low, high, per_branch]
    cursor = db.execute_sql(_search_sql(len(ranges), db.param), params)
    ids: dict[int, None] = {}
    for pid, _key in cursor:
        ids[pid] = None
        if len(ids) == limit:
            break
    return list(ids)


def _matched_on(key: str, record_no: str, name: str, phone: str, id_number: str | None) -> str:
    if phone and phone.startswith(key):
        return "phone"
    if key.isdigit() and phone and phone.endswith(key):
        return "phone_tail"
    if record_no.lower().startswith(key):
        return "record_no"
    if id_number and id_number.lower().startswith(key):
        return "id_number"
    if pinyin.query_key(name).startswith(key):
        return "name"
    return "pinyin"


def _fetch_sql(count: int, param: str) -> str:
    marks = ",".join([param] * count)
    # The last visit comes from a correlated subquery on visit(patient_id): still one query.
    return ("SELECT p.id, p.record_no, p.name, p.sex, p.birth_date, p.birth_date_estimated, "
            "p.phone, p.id_number, p.vip_tier, p.merged_into_id, "
            "(SELECT MAX(v.visit_date) FROM visit v WHERE v.patient_id = p.id) "
            f"FROM patient p WHERE p.id IN ({marks})")


def search(query: str, *, actor, limit: int = 20) -> list[PatientHit]:
    """As-you-type lookup by phone (prefix or last 4+ digits), name, pinyin, record or ID number.

    Needs Perm.VIEW_PATIENT (hits carry names and phone numbers). Two round
    trips per keystroke: the index range scan (search_ids) and one batch fetch
    of at most `limit` patients, both raw SQL so a keystroke costs little more
    than the queries themselves.
    """
    require(actor, Perm.VIEW_PATIENT)
    ids = search_ids(query, limit=limit)
    if not ids:
        return []
    query = str(query)
    # One entry per search session (coalesced), not per keystroke; never what was typed.
    audit.viewed(actor, "patient_search", "", {"hits": len(ids)})
    key = pinyin.query_key(query)
    db = database_proxy.obj
    rows = {row[0]: row for row in db.execute_sql(_fetch_sql(len(ids), db.param), ids)}
    today = clock.today()
    ty, tmd = today.year, (today.month, today.day)
    fromiso = dt.date.fromisoformat
    hits = []
    # A tight loop on purpose: this runs for every keystroke (see bench/).
    for pid in ids:
        row = rows.get(pid)
        if row is None or row[9] is not None:  # merged records have no keys; belt and braces
            continue
        _, record_no, name, sex, birth, estimated, phone, id_number, vip, _m, last = row
        if birth is not None and not isinstance(birth, dt.date):
            birth = fromiso(birth[:10])
        if last is not None and not isinstance(last, dt.date):
            last = fromiso(last[:10])
        age = None
        if birth is not None:
            age = max(ty - birth.year - (tmd < (birth.month, birth.day)), 0)
        hits.append(PatientHit(
            pid, record_no, name, sex, age, mask_phone(phone), phone, mask_id(id_number), vip,
            last, _matched_on(key, record_no, name, phone, id_number), birth, bool(estimated),
        ))
    return hits


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _hit(p: Patient, today: dt.date, last_visit: dt.date | None = None) -> PatientHit:
    return PatientHit(
        id=p.id, record_no=p.record_no, name=p.name, sex=p.sex,
        age=age_on(p.birth_date, today), phone_masked=mask_phone(p.phone), phone=p.phone,
        id_number_masked=mask_id(p.id_number), vip_tier=p.vip_tier, last_visit=last_visit,
        matched_on="", birth_date=p.birth_date, birth_date_estimated=p.birth_date_estimated,
    )


# --- Viewing -----------------------------------------------------------------------


@dataclass(frozen=True)
class PatientView:
    id: int
    record_no: str
    name: str
    sex: str
    birth_date: dt.date | None
    birth_date_estimated: bool
    age: int | None
    phone: str
    id_number: str
    address: str
    medical_history: str
    person_type: str
    economic_status: str
    vip_tier: str
    media_source_id: int | None
    merged_into_id: int | None
    visits: list[tuple[int, dt.date, str]] = field(default_factory=list)  # (id, date, stage)


def get_patient(patient_id: int, *, actor) -> Patient:
    """The patient row (every field): needs Perm.VIEW_PATIENT."""
    require(actor, Perm.VIEW_PATIENT)
    return _get_patient(patient_id)


def _not_found(patient_id) -> NotFound:
    return NotFound(f"找不到患者（编号 {patient_id}）。", f"No patient with id {patient_id}.")


def _get_patient(patient_id: int) -> Patient:
    p = prepared.get_or_none(Patient, lookup_id(patient_id))
    if p is None:
        raise _not_found(patient_id)
    return p


def view_patient(patient_id: int, *, actor) -> PatientView:
    """Open a record at the desk: permission checked and the view audited."""
    require(actor, Perm.VIEW_PATIENT)
    p = _get_patient(patient_id)
    visits = [
        (v.id, v.visit_date, v.stage)
        for v in Visit.select(Visit.id, Visit.visit_date, Visit.stage)
        .where(Visit.patient == p.id)
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
        .limit(50)
    ]
    audit.record(actor, "view", "patient", p.id, {"record_no": p.record_no})
    return PatientView(
        id=p.id, record_no=p.record_no, name=p.name, sex=p.sex, birth_date=p.birth_date,
        birth_date_estimated=p.birth_date_estimated, age=age_on(p.birth_date), phone=p.phone, id_number=p.id_number or "",
        address=p.address, medical_history=p.medical_history, person_type=p.person_type,
        economic_status=p.economic_status, vip_tier=p.vip_tier,
        media_source_id=p.media_source_id, merged_into_id=p.merged_into_id, visits=visits,
    )


# --- Duplicates ----------------------------------------------------------------------


def _similar(a: str, b: str) -> bool:
    """Same surname and at most one other character different (张晓明 ~ 张小明)."""
    if not a or not b or a == b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_ANY = "\0"  # one any-character in a name pattern (no name holds a NUL)


def _near_name_patterns(name: str) -> list[str]:
    """Patterns (_ANY = any one character) covering every name _similar to `name`.

    The first character stays (same surname); one later character is replaced,
    dropped or added. A prefilter only: the rows found are checked with _similar.
    """
    out = [name]
    for i in range(1, len(name) + 1):
        if i < len(name):
            out.append(name[:i] + _ANY + name[i + 1:])  # one character replaced
            out.append(name[:i] + name[i + 1:])  # one dropped
        out.append(name[:i] + _ANY + name[i:])  # one added
    return list(dict.fromkeys(p for p in out if p))


def _pattern_sql(pattern: str, postgres: bool) -> tuple[str, str]:
    """(operator, operand) for a pattern: GLOB on SQLite, LIKE on PostgreSQL (both
    case-sensitive), the name's own wildcard characters escaped."""
    if postgres:
        escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "LIKE", escaped.replace(_ANY, "_")
    escaped = "".join(f"[{c}]" if c in "*?[" else c for c in pattern)
    return "GLOB", escaped.replace(_ANY, "?")


def _similar_candidates(name: str, sex: str, age: int) -> list[tuple[int, str, object, bool]]:
    """(id, name, birth_date, sounds_alike) of every unmerged record that could be a
    "similar name, same sex and age" match, narrowed in SQL.

    Same sex and a birth date giving an age within one year, and either a name one
    character from the form's (same surname; patterns on the (name, birth_date)
    index) or the form's reading among the record's stored search keys (the
    sounds-alike test: pypinyin runs once, for the form's name, never per record).
    No cap: a capped list of a common surname would drop the true duplicate.
    Rows are tuples: no model object per candidate.
    """
    today = clock.today()
    # age_on(b) in [age-1, age+1]  <=>  today-(age+2)y < b <= today-(age-1)y
    oldest = estimated_birth(age + 2, today).isoformat()
    youngest = estimated_birth(max(age - 1, 0), today).isoformat()
    db = database_proxy.obj
    q = db.param
    postgres = isinstance(db, PostgresqlDatabase)
    # "+": without ANALYZE statistics SQLite would scan the merged_into index (all NULL).
    window = (f"p.birth_date > {q} AND p.birth_date <= {q} AND p.sex = {q} "
              "AND +p.merged_into_id IS NULL")
    found: dict[int, tuple[int, str, object, bool]] = {}
    reading = pinyin.primary_key(name)
    if reading:
        for pid, pname, birth in db.execute_sql(
                "SELECT p.id, p.name, p.birth_date FROM patient_search_key k "
                f"JOIN patient p ON p.id = k.patient_id WHERE k.key = {q} AND {window}",
                [reading, oldest, youngest, sex]):
            found[pid] = (pid, pname, birth, pname != name)
    rows = (_near_names_sqlite(db, name, window, [oldest, youngest, sex]) if not postgres
            else _near_names_scan(db, name, window, [oldest, youngest, sex]))
    for pid, pname, birth in rows:
        found.setdefault(pid, (pid, pname, birth, False))
    return sorted(found.values())


def _near_names_scan(db, name: str, window: str, window_params: list):
    """Rows whose name matches a near-name pattern: one scan of the surname's names."""
    q = db.param
    patterns = [_pattern_sql(p, True) for p in _near_name_patterns(name)]
    alternatives = " OR ".join(f"p.name {op} {q}" for op, _ in patterns)
    first = name[:1]
    return db.execute_sql(
        f"SELECT p.id, p.name, p.birth_date FROM patient p WHERE p.name >= {q} "
        f"AND p.name < {q} AND ({alternatives}) AND {window}",
        [first, first + _UPPER_BOUND, *(operand for _, operand in patterns), *window_params])


def _near_names_sqlite(db, name: str, window: str, window_params: list):
    """The same rows by index seeks only, however common the surname (SQLite).

    A pattern fixed up to its second character or further is a short range of the
    (name, birth_date) index. One with "any character" second (张?明, 张?小明) would
    scan every 张: instead a recursive query skips from one second character to the
    next (one seek each) and looks up 张X明 / 张X小明 for each X it finds.
    """
    first = name[:1]
    narrow, rests = [], []
    for p in _near_name_patterns(name):
        if p[1:2] == _ANY:
            rests.append(p[2:])
        else:
            narrow.append(p)
    cols = "SELECT p.id, p.name, p.birth_date FROM patient p"
    parts, params = [], []
    exact = [p for p in narrow if _ANY not in p]
    if exact:
        parts.append(f"{cols} WHERE p.name IN ({','.join('?' * len(exact))}) AND {window}")
        params += [*exact, *window_params]
    for p in narrow:
        if _ANY in p:
            prefix = p[:p.index(_ANY)]
            parts.append(f"{cols} WHERE p.name >= ? AND p.name < ? AND p.name GLOB ? AND {window}")
            params += [prefix, prefix + _UPPER_BOUND, _pattern_sql(p, False)[1], *window_params]
    if rests:
        second = "substr(nxt.name, 2, 1)"
        names = ", ".join(f"? || {second} || ?" for _ in rests)
        parts.append(
            "SELECT * FROM (WITH RECURSIVE nxt(name) AS ("
            "SELECT (SELECT name FROM patient WHERE name > ? ORDER BY name LIMIT 1) "
            "UNION ALL SELECT (SELECT name FROM patient WHERE name >= ? || "
            f"char(unicode({second}) + 1) ORDER BY name LIMIT 1) FROM nxt "
            "WHERE substr(nxt.name, 1, 1) = ?) "
            f"SELECT p.id, p.name, p.birth_date FROM nxt JOIN patient p ON p.name IN ({names}) "
            f"WHERE substr(nxt.name, 1, 1) = ? AND {window})")
        params += [first, first, first]
        for rest in rests:
            params += [first, rest]
        params += [first, *window_params]
    return db.execute_sql(" UNION ALL ".join(parts), params)


def _ids(sql: str, params: list) -> list[int]:
    return [row[0] for row in database_proxy.obj.execute_sql(sql, params)]


def _check_comparable(form: RegistrationForm) -> None:
    """The fields find_duplicates compares are of their kind (the screen validated them;
    anything else is a message at the field, not a driver error)."""
    for name in ("name", "sex", "phone", "id_number"):
        value = getattr(form, name)
        if value is not None and (not isinstance(value, str) or len(value) > 200
                                  or value != value.encode("utf-8", "ignore").decode("utf-8")):
            raise ValidationError("请输入文字。", "Please enter text.", field=name)
    if form.birth_date is not None and not isinstance(form.birth_date, dt.date):
        raise ValidationError("请填写出生日期。", "Enter the birth date.", field="birth_date")
    if form.age is not None and (type(form.age) is not int or not 0 <= form.age <= 200):
        raise ValidationError("年龄应为整数（周岁）。", "The age must be a whole number of years.",
                              field="age")


# Why an existing record may be the same person (find_duplicates' reasons).
DUPLICATE_REASONS = (_SAME_PHONE, _SAME_ID, _SAME_NAME_BIRTH, _SIMILAR) = (
    Msg("手机号相同", "Same phone number"), Msg("身份证号相同", "Same ID number"),
    Msg("姓名和出生日期相同", "Same name and birth date"),
    Msg("姓名相近且性别、年龄相同", "Similar name, same sex and age"))


def duplicate_reason_now(reason: str) -> str:
    """A reason find_duplicates gave, in the current language (a screen switched since)."""
    for msg in DUPLICATE_REASONS:
        if reason in (msg.zh, msg.en):
            return msg.text()
    return reason


def find_duplicates(form: RegistrationForm, *, actor, exclude_id: int | None = None,
                    limit: int = 10) -> list[tuple[PatientHit, list[str]]]:
    """Existing records that may be the same person, each with the reasons (zh/en by i18n;
    `duplicate_reason_now` says one again in the language of a later moment).

    Checks: same phone; same name and birth date; same ID number; similar name
    (one character apart, or the same pinyin) with the same sex and age.
    The form should have been validated (normalised phone, birth from the ID).
    Needs Perm.VIEW_PATIENT. A few indexed queries returning ids and names
    (issue 20): the record objects are built for the `limit` records shown only.
    """
    require(actor, Perm.VIEW_PATIENT)
    _check_comparable(form)
    reasons: dict[int, list[str]] = {}

    def add(pid: int, reason: str) -> None:
        if pid != exclude_id and reason not in reasons.setdefault(pid, []):
            reasons[pid].append(reason)

    q = database_proxy.obj.param
    unmerged = "+merged_into_id IS NULL"  # see _similar_candidates
    if form.phone:
        for pid in _ids(f"SELECT id FROM patient WHERE phone = {q} AND {unmerged} ORDER BY id",
                        [form.phone]):
            add(pid, _SAME_PHONE.text())
    if form.id_number:
        for pid in _ids(f"SELECT id FROM patient WHERE id_number = {q} AND {unmerged} "
                        "ORDER BY id", [form.id_number.upper()]):
            add(pid, _SAME_ID.text())
    birth = form.birth_date
    if form.name and birth:
        for pid in _ids(f"SELECT id FROM patient WHERE name = {q} AND birth_date = {q} "
                        f"AND {unmerged} ORDER BY id", [form.name, birth.isoformat()]):
            add(pid, _SAME_NAME_BIRTH.text())
    age = form.age if form.age is not None else age_on(birth)
    if form.name and form.sex and age is not None:
        for pid, name, p_birth, alike in _similar_candidates(form.name, form.sex, int(age)):
            if alike or name == form.name or _similar(name, form.name):
                p_age = age_on(_as_date(p_birth))
                if p_age is not None and abs(p_age - age) <= 1:
                    add(pid, _SIMILAR.text())
    if not reasons:
        return []
    ids = list(reasons)[:limit]
    audit.viewed(actor, "patient_duplicates", "", {"patients": ids})
    rows = {p.id: p for p in Patient.select().where(Patient.id.in_(ids))}
    today = clock.today()
    return [(_hit(rows[i], today), reasons[i]) for i in ids if i in rows]


# --- Create, update, merge -------------------------------------------------------------


RECORD_LOCK_KEY = 0x46440003  # PostgreSQL advisory lock ("FD" 3): new record numbers


def _take_record_number_turn() -> None:
    """On PostgreSQL, desks creating patients take turns until their transaction ends.

    A number is max + 1. On SQLite the creating transaction holds the write lock,
    so two desks cannot read the same max. On PostgreSQL two desks did, and the
    loser's INSERT failed on the unique index (a raw error at the desk, and the
    failed statement — the patient's name and phone — in the server's log). The
    lock is transaction-scoped, like the queue numbers' (frontdesk.queue): the
    next desk reads max after our commit. Numbers stay gapless.
    """
    db = database_proxy.obj
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql(f"SELECT pg_advisory_xact_lock({db.param})", (RECORD_LOCK_KEY,))


def next_record_no() -> str:
    """The next record number, "P00000001" style (call inside the creating transaction).

    On PostgreSQL call _take_record_number_turn() first, in the same transaction.
    """
    db = database_proxy.obj
    row = prepared.execute(
        f"SELECT record_no FROM patient WHERE record_no >= {db.param} AND record_no <= {db.param} "
        "ORDER BY record_no DESC LIMIT 1",
        [RECORD_PREFIX + "0" * RECORD_DIGITS, RECORD_PREFIX + "9" * RECORD_DIGITS]).fetchone()
    top = row[0] if row else None
    number = int(top[len(RECORD_PREFIX):]) + 1 if top else 1
    return f"{RECORD_PREFIX}{number:0{RECORD_DIGITS}d}"


def estimated_birth(age: int, today: dt.date) -> dt.date:
    """`today`'s date `age` years ago (28 Feb for a 29 Feb `today` in a common year).

    `today` is the day the age was true on: for an age typed while registering a
    visit, the visit's day (a night arrival registered after midnight is aged on the
    day it arrived, as the visit list, the banner and the clinic queue show it).
    """
    try:
        return today.replace(year=today.year - age)
    except ValueError:
        return today.replace(year=today.year - age, day=28)


def _birth(form: RegistrationForm, current: Patient | None,
           day: dt.date | None = None) -> tuple[dt.date | None, bool]:
    """(birth_date, estimated) to store: a real date wins; an age alone gives an estimate.

    The age is the age on `day`: the visit's day when registering a visit, else today
    (form_for gives the age on the same day, so a form saved unchanged keeps the record).
    """
    day = day or clock.today()
    if form.birth_date is not None:
        same_estimate = (current is not None and current.birth_date_estimated
                         and current.birth_date == form.birth_date)
        return form.birth_date, same_estimate
    if form.age is None:
        return (current.birth_date, current.birth_date_estimated) if current else (None, False)
    if current is not None and current.birth_date and age_on(current.birth_date, day) == form.age:
        # The age still fits what is stored: keep it rather than drift by re-estimating.
        return current.birth_date, current.birth_date_estimated
    return estimated_birth(int(form.age), day), True


def _patient_fields(form: RegistrationForm, current: Patient | None = None,
                    day: dt.date | None = None) -> dict:
    birth, estimated = _birth(form, current, day)
    return {
        "name": form.name,
        "sex": form.sex,
        "birth_date": birth,
        "birth_date_estimated": estimated,
        "phone": form.phone,
        "id_number": form.id_number or None,
        "address": form.address,
        "medical_history": form.medical_history,
        "person_type": form.person_type,
        "economic_status": form.economic_status,
        "media_source": form.media_source_id,
    }


def _checked(form: RegistrationForm) -> RegistrationForm:
    errors = form.validate()
    if errors:
        raise FormInvalid(errors)
    return form


def create_patient(*, actor, form: RegistrationForm, day: dt.date | None = None) -> Patient:
    """A new record from a validated form, with its search keys; audited.

    `day`: the day a typed age is true on (the visit's day; today when None).
    """
    require(actor, Perm.RUN_VISIT)
    form = _checked(form)
    load_search_keys()  # not while holding the write lock
    with database_proxy.atomic():
        return _create(actor, form, day)


def _create(actor, form: RegistrationForm, day: dt.date | None = None) -> Patient:
    """create_patient's writes, inside the caller's transaction: the permission checked,
    the form validated and the search keys loaded (registration does all three)."""
    if form.media_source_id is not None:
        db = database_proxy.obj
        if prepared.execute(f"SELECT 1 FROM media_source WHERE id = {db.param}",
                            [lookup_id(form.media_source_id)]).fetchone() is None:
            raise ValidationError("请选择媒体来源。", "Choose a media source.", field="media_source_id")
    _take_record_number_turn()
    # Patient.create, with the INSERT prepared once (registration is timed: bench/).
    patient = prepared.insert(Patient, record_no=next_record_no(), **_patient_fields(form, None, day))
    _write_keys(patient, new=True)
    audit.record(actor, "create", "patient", patient.id, {"record_no": patient.record_no})
    return patient


def update_patient(patient_id: int, *, actor, form: RegistrationForm,
                   day: dt.date | None = None) -> Patient:
    """Write the fields of a validated form that differ from the record; audited by name.

    Nothing changed → nothing written and no audit entry. The desk shows the record
    (form_for, with the same `day`) for review before this, so an unchanged field stays
    as it was. `day`: the day a typed age is true on (the visit's day; today when None).
    """
    require(actor, Perm.RUN_VISIT)
    form = _checked(form)
    load_search_keys()  # not while holding the write lock
    with database_proxy.atomic():
        return _update(patient_id, actor, form, day)


def _merged_error() -> ValidationError:
    return ValidationError(
        "该档案已合并到另一份档案，请打开合并后的档案。",
        "This record was merged into another; open that record instead.",
    )


class _Stored:
    """The columns of a patient row a registration compares the form with (no model)."""

    __slots__ = ("name", "sex", "birth_date", "birth_date_estimated", "phone", "id_number",
                 "address", "medical_history", "person_type", "economic_status",
                 "media_source_id", "vip_tier", "merged_into_id")


# What _patient_fields compares, plus the tier the fee is quoted with and the merge mark
# (the columns of _Stored, in its order); the values converted as the Patient model does.
STORED_COLUMNS = _Stored.__slots__
_STORED_SQL = f"SELECT {', '.join(STORED_COLUMNS)} FROM patient WHERE id = {{p}}"
_STORED_BIRTH = Patient.birth_date.python_value


def stored_from(values: tuple) -> _Stored:
    """A _Stored from STORED_COLUMNS' values as the driver gives them."""
    stored = _Stored()
    for name, value in zip(STORED_COLUMNS, values, strict=True):
        setattr(stored, name, value)
    stored.birth_date = _STORED_BIRTH(stored.birth_date)
    stored.birth_date_estimated = bool(stored.birth_date_estimated)
    return stored


def _stored(patient_id: int) -> _Stored:
    db = database_proxy.obj
    row = prepared.execute(_STORED_SQL.format(p=db.param), [lookup_id(patient_id)]).fetchone()
    if row is None:
        raise _not_found(patient_id)
    return stored_from(row)


def _update_for_visit(patient_id: int, actor, form: RegistrationForm,
                      stored: _Stored | None = None,
                      day: dt.date | None = None) -> tuple[int, str]:
    """_update for registration: (id, VIP tier) of the record saved with `form`.

    A returning patient's form usually holds the record unchanged (the desk shows it
    for review): then the record is read as plain values (`stored`, when the caller
    read them with its own row: STORED_COLUMNS), compared, and nothing is written (no
    model is built; bench/ times registration). A changed field is written by _update,
    as update_patient writes it. `day`: the visit's day (a typed age is true on it).
    """
    if stored is None:
        stored = _stored(patient_id)
    if stored.merged_into_id is not None:
        raise _merged_error()
    for name, value in _patient_fields(form, stored, day).items():
        if getattr(stored, "media_source_id" if name == "media_source" else name) != value:
            patient = _update(patient_id, actor, form, day)
            return patient.id, patient.vip_tier
    return lookup_id(patient_id), stored.vip_tier


def _update(patient_id: int, actor, form: RegistrationForm,
            day: dt.date | None = None) -> Patient:
    """update_patient's writes, inside the caller's transaction (as _create)."""
    patient = _get_patient(patient_id)
    if patient.merged_into_id is not None:
        raise _merged_error()
    changed = {}
    for name, value in _patient_fields(form, patient, day).items():
        attr = "media_source_id" if name == "media_source" else name
        if getattr(patient, attr) != value:
            changed[name] = [getattr(patient, attr), value]
            setattr(patient, name, value)
    if changed:
        patient.updated_at = clock.now()
        # Only the changed columns: a field the desk did not touch is never rewritten.
        fields_ = Patient._meta.fields
        patient.save(only=[fields_[n] for n in changed] + [Patient.updated_at])
        if changed.keys() & {"name", "phone", "id_number"}:
            _write_keys(patient)
        # Only which fields changed: the audit log is not a second copy of the record.
        audit.record(actor, "update", "patient", patient.id, {"fields": sorted(changed)})
    return patient


def set_vip_tier(*, actor, patient_id: int, tier: str) -> Patient:
    """Record the patient's VIP card ("" none, "gold", "diamond"); supervisors and admins.

    Audited as an update of the patient with the tier before and after. The
    same tier again writes nothing. Call inside the caller's transaction or alone.
    """
    require(actor, Perm.SET_VIP)
    tier = (tier or "").strip().lower()
    if tier not in VIP_TIERS:
        raise ValidationError("VIP 卡只能是：无、金卡或钻石卡。",
                              "The VIP card must be none, gold or diamond.", field="vip_tier")
    with database_proxy.atomic():
        patient = _get_patient(patient_id)
        if patient.merged_into_id is not None:
            raise ValidationError(
                "该档案已合并到另一份档案，请打开合并后的档案。",
                "This record was merged into another; open that record instead.",
                field="vip_tier")
        before = patient.vip_tier or ""
        if before == tier:
            return patient
        patient.vip_tier, patient.updated_at = tier, clock.now()
        patient.save(only=[Patient.vip_tier, Patient.updated_at])
        audit.record(actor, "update", "patient", patient.id,
                     {"vip_tier": {"before": before, "after": tier}})
    return patient


def merge_patients(*, actor, keep_id: int, merge_id: int) -> Patient:
    """Fold record `merge_id` into `keep_id`: visits, appointments and follow-ups move over.

    The merged record stays (history keeps pointing at it) with merged_into set,
    and loses its search keys so lookups find only the kept record. Admin only.
    """
    require(actor, Perm.MERGE_PATIENTS)
    if keep_id == merge_id:
        raise ValidationError("不能把档案合并到它自己。", "A record cannot be merged into itself.")
    load_search_keys()  # not while holding the write lock
    with database_proxy.atomic():
        keep, gone = _get_patient(keep_id), _get_patient(merge_id)
        for p in (keep, gone):
            if p.merged_into_id is not None:
                raise ValidationError(
                    f"档案 {p.record_no} 已被合并过。",
                    f"Record {p.record_no} has already been merged.",
                )
        moved = {
            "visits": Visit.update(patient=keep.id).where(Visit.patient == gone.id).execute(),
            "appointments": Appointment.update(patient=keep.id)
            .where(Appointment.patient == gone.id)
            .execute(),
            "follow_ups": FollowUp.update(patient=keep.id)
            .where(FollowUp.patient == gone.id)
            .execute(),
        }
        # Fill gaps in the kept record from the merged one; never overwrite.
        for name in ("birth_date", "id_number", "address", "medical_history", "person_type",
                     "economic_status"):
            if not getattr(keep, name) and getattr(gone, name):
                value = getattr(gone, name)
                if name == "id_number":
                    gone.id_number = None  # free the value first: it is indexed
                    Patient.update(id_number=None).where(Patient.id == gone.id).execute()
                setattr(keep, name, value)
        if not keep.vip_tier and gone.vip_tier:
            keep.vip_tier = gone.vip_tier
        keep.updated_at = clock.now()
        keep.save()
        Patient.update(merged_into=keep.id, updated_at=clock.now()).where(Patient.id == gone.id).execute()
        PatientSearchKey.delete().where(PatientSearchKey.patient == gone.id).execute()
        _write_keys(keep)
        audit.record(actor, "merge", "patient", keep.id,
                     {"kept": keep.record_no, "merged": gone.record_no, "moved": moved})
    return keep


def form_for(patient_id: int, *, actor, day: dt.date | None = None) -> RegistrationForm:
    """A registration form pre-filled from a record (returning patient), audited as a view.

    An estimated birth date is given back as the age on `day` (the day of the visit
    being registered; today when None): register() compares it on the same day, so
    saving the form unchanged keeps the estimate.
    """
    view = view_patient(patient_id, actor=actor)
    estimated = view.birth_date_estimated or view.birth_date is None
    return RegistrationForm(
        name=view.name, sex=view.sex, phone=view.phone, id_number=view.id_number,
        birth_date=None if view.birth_date_estimated else view.birth_date,
        age=age_on(view.birth_date, day) if estimated else None,
        address=view.address, medical_history=view.medical_history,
        economic_status=view.economic_status, person_type=view.person_type,
        media_source_id=view.media_source_id,
    )
