"""Triage: departments suggested from the complaint, red flags, doctors on duty.

The app only suggests; the staff choose. A suggestion always says which
words matched, so the desk can see why. Keywords come from the rules
(TriageKeyword rows loaded from resources/rules/triage.toml).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from frontdesk.db.models import (
    Department,
    Doctor,
    DoctorSchedule,
    FeeClass,
    MediaSource,
    TriageKeyword,
)
from frontdesk.i18n import localized

# A keyword directly after one of these is denied ("没有胸痛"), not reported. Only
# directly: "头晕不舒服，胸痛" must still raise the red flag.
_NEGATIONS = ("没有", "没", "无", "否认", "未见")


@dataclass(frozen=True)
class TriageSuggestion:
    red_flag: bool
    red_flag_words: list[str] = field(default_factory=list)
    # (department_id, name, matched_keywords, score), best first
    departments: list[tuple[int, str, list[str], int]] = field(default_factory=list)

    def reason_for(self, department_id: int | None) -> str:
        """The matched words that point to `department_id`, as stored on the visit."""
        for dept_id, _name, words, _score in self.departments:
            if dept_id == department_id:
                return "、".join(words)
        return ""


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


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def _negated(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return any(before.endswith(n) for n in _NEGATIONS)


def _matches(text: str, keyword: str, latin: bool) -> bool:
    if latin:
        # "ear" must not match "year"; "pregnan" is meant as a word prefix.
        pattern = re.compile(r"\b" + re.escape(keyword))
        return any(not _negated(text, m.start()) for m in pattern.finditer(text))
    start = text.find(keyword)
    while start >= 0:
        if not _negated(text, start):
            return True
        start = text.find(keyword, start + 1)
    return False


def suggest(complaint: str) -> TriageSuggestion:
    """Departments the complaint points to, best first, with the words that matched."""
    text = _normalise(complaint)
    if not text.strip():
        return TriageSuggestion(False)
    depts = {d.id: d for d in Department.select().where(Department.active == True)}  # noqa: E712
    scores: dict[int, int] = {}
    words: dict[int, list[str]] = {}
    red_words: list[str] = []
    for kw in TriageKeyword.select().order_by(TriageKeyword.id):
        keyword = _normalise(kw.keyword)
        # A red flag is about the patient, not about which department is switched on:
        # its keywords count even when their department was deactivated by an admin.
        if not keyword or (kw.department_id not in depts and not kw.red_flag):
            continue
        if not _matches(text, keyword, kw.lang != "zh" and keyword.isascii()):
            continue
        if kw.red_flag and kw.keyword not in red_words:
            red_words.append(kw.keyword)
        if kw.department_id not in depts:
            continue
        # A longer keyword weighs more: "便血不止" says more than "便血".
        scores[kw.department_id] = scores.get(kw.department_id, 0) + kw.weight * len(keyword)
        words.setdefault(kw.department_id, []).append(kw.keyword)
    ranked = sorted(scores, key=lambda d: (-scores[d], depts[d].sort, d))
    return TriageSuggestion(
        red_flag=bool(red_words),
        red_flag_words=red_words,
        departments=[(d, localized(depts[d], "name"), words[d], scores[d]) for d in ranked],
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
    """Answers to "how did you hear of us?" in the rules' order."""
    query = MediaSource.select().where(MediaSource.active == True).order_by(  # noqa: E712
        MediaSource.sort, MediaSource.id
    )
    return [(m.id, localized(m, "name")) for m in query]
