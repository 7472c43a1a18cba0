"""Triage: departments suggested from the complaint, red flags, doctors on duty.

Import from `frontdesk.triage` (this module: suggest, TriageSuggestion, invalidate,
remember_choice, doctors_on_duty, emergency_department …); the parts below serve it.

The parts:
- engine.py    the reading of a complaint: normalising how patients talk, body part ×
               symptom, negation, age/sex; the red-flag screen of the rules
- safety.py    the red-flag safety net: danger words, families, vital signs
- negation.py  what a complaint rules out (denied words, English lists, an illness feared
               or someone else's, events long over or another's, signs of years), one
               reading for the engine and the safety net
- rules.py     triage.toml read and validated into the rule document (no database)
- pinyin.py    pinyin typed with the IME off → the lexicon's Chinese words
- backstop.py  the red-flag backstop trained on the labelled sets
- learning.py  naive Bayes over past visits re-ranks departments, never red flags
- eval.py      `frontdesk triage-eval`: top-1/top-3/red-flag recall on a labelled TSV

The app only suggests; the staff choose. A suggestion always says which
words matched ("肚子疼 → 腹痛"), so the desk can see why. The understanding is
frontdesk.triage.engine's, from the rule document (resources/rules/triage.toml,
validated by frontdesk.triage.rules and kept in settings as `rules.triage`) plus an
admin's TriageKeyword rows; both are compiled once and cached in memory per
rules version (`invalidate()` on an admin edit or a rules reload bumps the
version stored in the database, so other desks rebuild at their next
suggestion; a suggestion itself reads one setting row, never the keywords). Past visits re-rank departments (frontdesk.triage.learning);
red flags never learn from them.

Red flags come from the rules, with one backstop under them (frontdesk.triage.backstop):
when no rule raised a flag but the complaint reads like the emergencies of the project's
labelled sets (a logistic regression over character 1–3 grams, trained on
resources/triage/red_flag_examples.tsv, which `python -m tools.triage_backstop`
regenerates from tests/data/triage_*.tsv; `--cv` re-picks its threshold by
leave-one-file-out), the suggestion carries the red flag "可能危急，请评估" with the
words that weighed most. It only adds a flag, never removes one, and is built with the
rules (same cache, same normaliser).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field

from peewee import fn

from frontdesk import i18n, settings
from frontdesk.db.models import (
    Department,
    Doctor,
    DoctorSchedule,
    FeeClass,
    MediaSource,
    TriageKeyword,
    Visit,
    database_proxy,
)
from frontdesk.i18n import localized, text
from frontdesk.triage import backstop as triage_backstop
from frontdesk.triage import engine
from frontdesk.triage import learning as triage_learning

VERSION_KEY = "triage.rules_version"  # a Setting row: bumped on every rules change
MODEL_CHECK_SECONDS = 300.0  # how often to look for visits confirmed at other desks
MODEL_STALE_AFTER = 200  # … and rebuild the model when this many are new
LEARNING_WEIGHT = 0.35  # at most this share of a ranking comes from past visits


@dataclass(frozen=True)
class TriageSuggestion:
    red_flag: bool
    # The words that raised it, as typed → as understood ("嘴歪了 → 口角歪斜了").
    red_flag_words: list[str] = field(default_factory=list)
    # (department_id, name, matched_words, score), best first; a matched word reads
    # "肚子疼 → 腹痛" when the patient's words were understood as clinical ones.
    departments: list[tuple[int, str, list[str], int]] = field(default_factory=list)
    # What each red flag means ("疑似卒中"), in the current language.
    red_flag_names: list[str] = field(default_factory=list)
    child: bool = False
    # The complaint as the engine read it (normalised): what past visits learn from.
    understood: str = ""

    def reason_for(self, department_id: int | None) -> str:
        """The matched words that point to `department_id`, as stored on the visit."""
        for dept_id, _name, words, _score in self.departments:
            if dept_id == department_id:
                return "、".join(words)
        return ""

    def red_flag_reason(self) -> str:
        """The red flags with the words that raised them: "疑似卒中（嘴歪 → 口角歪斜）"."""
        names = self.red_flag_names or [""] * len(self.red_flag_words)
        # Punctuation in the language shown: "chest pain (胸口疼), stroke (…)" in English.
        left, right, sep = text("（", " ("), text("）", ")"), text("、", ", ")
        parts = []
        for name, words in zip(names, self.red_flag_words, strict=False):
            parts.append(f"{name}{left}{words}{right}" if name else words)
        return sep.join(parts)


@dataclass(frozen=True)
class DoctorView:
    id: int
    name: str
    title: str
    specialty: str
    fee_fen: int
    department_id: int = 0
    on_duty: bool = True


@dataclass(frozen=True)
class DepartmentView:
    id: int
    code: str
    name: str
    short: str
    room: str
    floor: str
    directions: str
    is_emergency: bool


@dataclass
class _Cache:
    key: tuple = ()
    built: float = -1e9
    rules: engine.Rules | None = None
    # code → (id, name_zh, name_en, sort, is_emergency) of active departments
    active: dict[str, tuple[int, str, str, int, bool]] = field(default_factory=dict)
    model: triage_learning.Model | None = None
    backstop: triage_backstop.Model | None = None  # built with `rules`, from bundled data only
    model_key: tuple = ()
    model_checked: float = -1e9


_cache = _Cache()
_generation = 0

# The last suggestions made, by everything they depend on: the desk's page suggests as
# the complaint is typed, and the triage step asks again for the same text a moment
# later (it must: a red flag is enforced by the step, not by the page); with the same
# rules, model, patient and language the answer is the same, so it is not worked out twice.
_MEMO_SIZE = 32
_memo: dict[tuple, TriageSuggestion] = {}
_memo_lock = threading.Lock()


def invalidate() -> None:
    """Drop the cached rules (an admin edited departments, or the rules were reloaded).

    Also bumps the rules version in the database (in the caller's transaction, if
    any): every other desk rebuilds its rules at its next suggestion.
    """
    global _generation
    _generation += 1
    with _memo_lock:
        _memo.clear()
    db = database_proxy.obj
    if db is None:
        return
    q = db.param
    db.execute_sql(
        f"INSERT INTO setting (key, value) VALUES ({q}, '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(setting.value AS INTEGER) + 1 AS TEXT)", [VERSION_KEY])


def rules_version() -> str:
    """The stored rules version: one primary-key read (what each suggestion checks)."""
    db = database_proxy.obj
    row = db.execute_sql(f"SELECT value FROM setting WHERE key = {db.param}",
                         [VERSION_KEY]).fetchone()
    return row[0] if row else ""


def _db_key() -> tuple:
    db = database_proxy.obj
    return (id(db), getattr(db, "database", None))


def _bundled_document() -> dict:
    """The bundled triage.toml, checked against the database's departments."""
    from frontdesk.triage import rules as triage_rules

    path = triage_rules.rules_dir() / "triage.toml"
    departments = [{"code": d.code, "is_emergency": d.is_emergency} for d in Department.select()]
    return triage_rules.triage_document(path, triage_rules.read_toml(path), departments)[1]


def stored_rules_current() -> bool | None:
    """Whether the database's triage rules are the installed triage.toml's (None: the
    database keeps none of its own, or the installed file cannot be read). An upgrade
    brings a new file; the desks keep the database's rules until `frontdesk rules reload`
    (all desks on one server read the same rules, whatever each PC has installed)."""
    from frontdesk.errors import ConfigError

    stored = settings.get_json("rules.triage")
    if not stored:
        return None
    try:
        return stored == _bundled_document()
    except ConfigError:
        return None


def _rule_document() -> dict:
    doc = settings.get_json("rules.triage")
    if not doc:
        # A database from before rule documents: the bundled file.
        return _bundled_document()
    if "safety" not in doc or "fallback" not in doc:
        # A document from before the safety net: the bundled net and fallback join it
        # (red-flag recall never waits for an admin to reload the rules).
        bundled = _bundled_document()
        doc = {**doc, "safety": doc.get("safety") or bundled.get("safety", {}),
               "fallback": doc.get("fallback") or bundled.get("fallback", {})}
    return doc


def _engine() -> _Cache:
    key = (*_db_key(), rules_version(), _generation)
    now = time.monotonic()
    if _cache.rules is not None and _cache.key == key:
        return _cache
    rules_ = engine.compile_rules(_rule_document())
    depts = {d.id: d for d in Department.select()}
    engine.add_keywords(rules_, [
        (kw.keyword, depts[kw.department_id].code, kw.red_flag, kw.weight)
        for kw in TriageKeyword.select().order_by(TriageKeyword.id) if kw.department_id in depts])
    _cache.active = {d.code: (d.id, d.name_zh, d.name_en, d.sort, d.is_emergency)
                     for d in sorted(depts.values(), key=lambda d: (d.sort, d.id)) if d.active}
    _cache.backstop = triage_backstop.build(lambda c: engine.normalise(rules_, c)[0])
    _cache.rules, _cache.key, _cache.built = rules_, key, now
    return _cache


def _normalised(complaint: str, cache: _Cache | None = None) -> str:
    return engine.normalise((cache or _engine()).rules, complaint)[0]


def _learned(cache: _Cache | None = None) -> triage_learning.Model:
    """The model of past visits: built lazily, rebuilt when other desks added many.

    `cache`: the rules the caller just checked (one version read per suggestion)."""
    cache = cache or _engine()
    key = _db_key()
    now = time.monotonic()
    if cache.model is not None and cache.model_key == key:
        if now - cache.model_checked < MODEL_CHECK_SECONDS:
            return cache.model
        cache.model_checked = now
        newest = Visit.select(fn.MAX(Visit.id)).scalar() or 0
        if newest - cache.model.seen_visit_id < MODEL_STALE_AFTER:
            return cache.model
    rows = (Visit.select(Visit.id, Visit.complaint, Department.code)
            .join(Department, on=(Visit.department == Department.id))
            .where((Visit.red_flag == False) & (Visit.complaint != ""))  # noqa: E712
            .order_by(Visit.id.desc()).limit(triage_learning.MAX_VISITS).tuples())
    cache.model = triage_learning.train(rows, lambda c: _normalised(c, cache))
    cache.model.seen_visit_id = max(cache.model.seen_visit_id,
                                    Visit.select(fn.MAX(Visit.id)).scalar() or 0)
    cache.model_key, cache.model_checked = key, now
    return cache.model


def warm_up() -> None:
    """Compile the rules (training the red-flag backstop with them) and load the model of
    past visits now (the app calls this on its worker at start), so the first complaint
    typed at the desk is answered at once."""
    _learned()


def remember_choice(complaint: str, department_id: int, *, red_flag: bool = False,
                    checked: bool = False, understood: str | None = None) -> None:
    """The desk confirmed a department for a complaint: later suggestions learn from it.

    Red-flag visits teach nothing (they go to Emergency by rule, never by habit).
    `checked`: the caller's suggest() has just read the rules version (the triage step,
    a moment before): the cached rules are used without reading it again.
    `understood`: that suggestion's reading of the complaint (not normalised again).
    """
    if red_flag or not (complaint or "").strip():
        return
    cache = _cache if checked and _cache.rules is not None else _engine()
    if cache.model is None or cache.model_key != _db_key():
        return  # not loaded yet: the next load reads this visit from the database
    code = next((c for c, row in cache.active.items() if row[0] == department_id), None)
    if code:
        cache.model.add(understood if understood is not None
                        else _normalised(complaint, cache), code)


def suggest(complaint: str, *, sex: str | None = None, age: float | None = None,
            learn: bool = True) -> TriageSuggestion:
    """Departments the complaint points to, best first, with the words that matched.

    `sex` ("M"/"F") and `age` (years) when the desk knows them; otherwise the
    complaint's own words decide ("孩子", "五岁"). Red flags come from the rules,
    or, when none fired, from the backstop trained on the labelled sets (never from
    past visits); `learn=False` ranks by the rules alone (what the evaluation measures).
    """
    if not (complaint or "").strip():
        return TriageSuggestion(False)
    cache = _engine()  # reads the rules version: a reloaded rule set is never missed
    model = _learned(cache) if learn else None
    key = (complaint[:2000], sex, None if age is None else float(age), learn, cache.key,
           id(model), model.size if model is not None else 0, i18n.language())
    with _memo_lock:
        found = _memo.get(key)
    if found is not None:
        return found
    made = _suggest(cache, model, complaint[:2000], sex, age)
    with _memo_lock:
        if len(_memo) >= _MEMO_SIZE:
            del _memo[next(iter(_memo))]  # the oldest
        _memo[key] = made
    return made


def _suggest(cache: _Cache, model: triage_learning.Model | None, complaint: str,
             sex: str | None, age: float | None) -> TriageSuggestion:
    result = engine.analyse(cache.rules, complaint, sex=sex, age=age)
    active = cache.active
    rule_scores = {c: s for c, s in result.scores.items() if c in active and s > 0}
    total = sum(rule_scores.values())
    final = {c: s / total for c, s in rule_scores.items()} if total else {}
    no_match = text("无具体匹配", "no specific match")
    reasons = {c: [no_match if w == engine.NO_MATCH else w for w in result.reasons.get(c, [])]
               for c in final}
    posterior = model.posterior(result.text) if model is not None else {}
    if posterior and max(posterior.values()) >= 0.5:
        if all(r == [engine.NO_MATCH] for r in result.reasons.values()):
            final, reasons = {}, {}  # only the fallback: the hospital's own history decides
        size = model.size
        weight = 1.0 if not final else LEARNING_WEIGHT * size / (size + 50)
        learned = text("以往分诊", "past visits")
        for code, p in posterior.items():
            if code not in active or (code not in final and p < 0.3):
                continue
            final[code] = final.get(code, 0.0) * (1 - weight) + weight * p
            if p >= 0.3:
                reasons.setdefault(code, []).append(learned)
        for code in rule_scores:
            if code not in posterior:
                final[code] *= 1 - weight
    red = result.red_flags
    # The backstop knows no negation: where the rules read a danger word and ruled it out
    # ("i'm not suicidal", "had fits as a child, fine since"), it does not raise it again.
    if not red and not result.silenced and cache.backstop is not None:
        words = cache.backstop.check(result.text)
        if words is not None:
            said = "、".join(words) or text("与已知急症的说法相近", "reads like known emergencies")
            red = [(triage_backstop.CODE, *triage_backstop.NAME, said)]
    if red:
        er = next((c for c, row in active.items() if row[4]), None)
        if er:
            final[er] = 2.0 + max(final.values(), default=0.0)
            reasons[er] = list(dict.fromkeys(words for *_x, words in red))
    ranked = sorted(final, key=lambda c: (-final[c], active[c][3], active[c][0]))
    return TriageSuggestion(
        red_flag=bool(red),
        red_flag_words=list(dict.fromkeys(words for *_x, words in red)),
        departments=[(active[c][0], text(active[c][1], active[c][2]), reasons.get(c, []),
                      round(final[c] * 100)) for c in ranked],
        red_flag_names=list(dict.fromkeys(text(zh, en) for _c, zh, en, _w in red)),
        child=result.child,
        understood=result.text,
    )


def _hhmm(at: dt.datetime) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def _doctor_view(doc: Doctor, fee_fen: int, on_duty: bool = True) -> DoctorView:
    return DoctorView(
        id=doc.id, name=doc.name, title=localized(doc, "title"),
        specialty=localized(doc, "specialty"), fee_fen=fee_fen,
        department_id=doc.department_id, on_duty=on_duty,
    )


def doctors_on_duty(department_id: int, at: dt.datetime) -> list[DoctorView]:
    """Active doctors of the department whose schedule covers `at` (weekday and time)."""
    hhmm = _hhmm(at)
    query = (
        Doctor.select(Doctor, FeeClass)
        .join(FeeClass)
        .switch(Doctor)
        .join(DoctorSchedule)
        .where(
            (Doctor.department == department_id)
            & (Doctor.active == True)  # noqa: E712
            & (DoctorSchedule.weekday == at.weekday())
            & (DoctorSchedule.start <= hhmm)
            & (DoctorSchedule.end > hhmm)
        )
        .order_by(FeeClass.amount_fen.desc(), Doctor.id)
        .distinct()
    )
    return [_doctor_view(d, d.fee_class.amount_fen) for d in query]


def doctors(department_id: int, at: dt.datetime | None = None) -> list[DoctorView]:
    """Every active doctor of the department, those on duty at `at` first."""
    on = {d.id for d in doctors_on_duty(department_id, at)} if at else set()
    query = (
        Doctor.select(Doctor, FeeClass)
        .join(FeeClass)
        .where((Doctor.department == department_id) & (Doctor.active == True))  # noqa: E712
        .order_by(FeeClass.amount_fen.desc(), Doctor.id)
    )
    views = [_doctor_view(d, d.fee_class.amount_fen, d.id in on or at is None) for d in query]
    return sorted(views, key=lambda v: not v.on_duty)


def department_view(dept: Department) -> DepartmentView:
    return DepartmentView(
        id=dept.id, code=dept.code, name=localized(dept, "name"), short=localized(dept, "short"),
        room=dept.room, floor=dept.floor, directions=localized(dept, "directions"),
        is_emergency=dept.is_emergency,
    )


def departments() -> list[DepartmentView]:
    """Active departments in the rules' order."""
    query = Department.select().where(Department.active == True).order_by(  # noqa: E712
        Department.sort, Department.id
    )
    return [department_view(d) for d in query]


def emergency_department() -> Department | None:
    """The first active emergency department (where every red flag goes), or None."""
    return (
        Department.select()
        .where((Department.is_emergency == True) & (Department.active == True))  # noqa: E712
        .order_by(Department.sort)
        .first()
    )


def media_sources() -> list[tuple[int, str]]:
    """Answers to "how did you hear of us?" in the rules' order; a source in a group
    (two-level list, frontdesk.service.desk_rules) reads "group / source"."""
    query = MediaSource.select().where(MediaSource.active == True).order_by(  # noqa: E712
        MediaSource.sort, MediaSource.id
    )
    rows = list(query)
    groups = {m.id: m for m in rows}
    return [(m.id, (f"{localized(groups[m.parent_id], 'name')} / "
                    if m.parent_id in groups else "") + localized(m, "name")) for m in rows]
