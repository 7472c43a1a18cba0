"""The triage rule document: triage.toml read and validated for the engine.

`triage_document(path, data, departments)` checks triage.toml (every problem
names the entry, and the pattern or department, in both languages) and returns
the keyword rows and the rule document frontdesk.triage.engine compiles; it is
kept in settings as `rules.triage`. frontdesk.rules (loading all the rule
files) and frontdesk.triage (the bundled file when a database has no document
yet) both use this module, so triage does not import rules.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from frontdesk.paths import resource_path
from frontdesk.rule_files import Reader as _Reader
from frontdesk.rule_files import bad as _bad
from frontdesk.rule_files import entries as _entries
from frontdesk.rule_files import read_toml  # noqa: F401 - triage reads its bundled file with it


def rules_dir() -> Path:
    return resource_path("rules")


def _terms(r: _Reader, key: str) -> list[str]:
    value = r.entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise r._fail(key, "必须是非空文字的列表", "must be a list of non-empty texts")
    return value


def _regexes(r: _Reader, key: str) -> list[str]:
    patterns = _terms(r, key)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise r._fail(key, f"中的规则“{pattern}”不是有效的正则表达式（{exc}）",
                          f"has a pattern '{pattern}' that is not a valid regular expression "
                          f"({exc})") from exc
    return patterns


def _department_weights(r: _Reader, key: str, dept_codes: set[str]) -> dict[str, float]:
    value = r.entry.get(key, {})
    if not isinstance(value, dict):
        raise r._fail(key, "必须是 科室代码 = 权重 的表", "must be a table of department = weight")
    for code, weight in value.items():
        if code not in dept_codes:
            raise r._fail(key, f"中的科室不存在（{code}）", f"names no department ({code})")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise r._fail(key, f"中 {code} 的权重必须是非负数", f"weight of {code} must be a number >= 0")
    return {code: float(w) for code, w in value.items()}


def triage_document(path: Path, triage: dict[str, Any], departments: list[dict[str, Any]]
                    ) -> tuple[list[tuple[str, str, bool]], dict[str, Any]]:
    """Validate triage.toml: (keyword rows, the rule document the engine compiles).

    Every problem names the entry (and the pattern or department) in both languages:
    an invalid regular expression, an unknown department or concept, a missing name.
    """
    dept_codes = {d["code"] for d in departments}
    red = _Reader(path, triage.get("red_flags", {}), "[red_flags]")
    red_dept = red.str("department")
    if red_dept not in dept_codes:
        raise red._fail("department", f"不存在（{red_dept}）", f"names no department ({red_dept})")
    if not any(d["code"] == red_dept and d["is_emergency"] for d in departments):
        # Red flags go to this department; the desk refuses any other for them.
        raise red._fail("department", f"（{red_dept}）必须是急诊科室：在 departments.toml 中"
                        "为它写 is_emergency = true",
                        f"({red_dept}) must be an emergency department: give it "
                        "is_emergency = true in departments.toml")
    keywords = [(k, red_dept, True) for k in red.entry.get("keywords", [])]
    for r in _entries(path, triage, "department"):
        code = r.str("code")
        if code not in dept_codes:
            raise r._fail("code", f"不存在（{code}）", f"names no department ({code})")
        keywords += [(k, code, False) for k in r.entry.get("keywords", [])]
    if not all(isinstance(k, str) and k.strip() for k, _, _ in keywords):
        raise _bad(path, "关键词必须是非空文字", "keywords must be non-empty text")

    synonyms = triage.get("synonyms", {})
    if not isinstance(synonyms, dict) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in synonyms.items()):
        raise _bad(path, "[synonyms] 必须是 “口语” = “规范词” 的文字表",
                   "[synonyms] must be a table of \"everyday\" = \"clinical\" texts")
    concepts, kinds = [], {}
    for r in _entries(path, triage, "concept"):
        code, kind = r.str("code"), r.str("kind", "symptom")
        if kind not in ("body", "symptom"):
            raise r._fail("kind", "只能是 body 或 symptom", "must be body or symptom")
        kinds[code] = kind
        concepts.append({"code": code, "kind": kind, "terms": _terms(r, "terms"),
                         "departments": _department_weights(r, "departments", dept_codes),
                         "pairs": bool(r.entry.get("pairs", True)),
                         "child_moves": bool(r.entry.get("child_moves", False))})
    combinations = []
    for r in _entries(path, triage, "combination"):
        body, symptom = _terms(r, "body"), _terms(r, "symptom")
        for key, codes, kind in (("body", body, "body"), ("symptom", symptom, "symptom")):
            unknown = [c for c in codes if kinds.get(c) != kind]
            if unknown:
                raise r._fail(key, f"中的概念不存在（{unknown[0]}）", f"names no {kind} concept "
                              f"({unknown[0]})")
        dept = r.str("department")
        if dept not in dept_codes:
            raise r._fail("department", f"不存在（{dept}）", f"names no department ({dept})")
        weight = r.entry.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise r._fail("weight", "必须是非负数", "must be a number >= 0")
        # "clause" (default): both said in one clause; "text": anywhere in the complaint.
        scope = r.str("scope", "clause")
        if scope not in ("clause", "text"):
            raise r._fail("scope", "只能是 clause 或 text", "must be clause or text")
        combinations.append({"body": body, "symptom": symptom, "department": dept,
                             "weight": float(weight), "scope": scope})
    flags = []
    for r in _entries(path, triage, "red_flag"):
        name = r.bilingual("name")
        scope = r.str("scope", "clause")
        if scope not in ("clause", "text"):
            raise r._fail("scope", "只能是 clause 或 text", "must be clause or text")
        patterns = _regexes(r, "patterns")
        if not patterns:
            raise r._fail("patterns", "至少需要一个规则", "needs at least one pattern")
        # "sudden": the flag's signs come on suddenly (a stroke's); said to have lasted
        # months or years, with nothing new, they raise no flag.
        onset = r.str("onset", "")
        if onset not in ("", "sudden"):
            raise r._fail("onset", "只能是 sudden", "must be sudden")
        flags.append({"code": r.str("code"), "name_zh": name.zh, "name_en": name.en,
                      "patterns": patterns, "except": _regexes(r, "except"), "scope": scope,
                      **({"onset": onset} if onset else {})})
    patient = _Reader(path, triage.get("patient", {}), "[patient]")
    paeds = patient.str("paediatrics", "")
    if paeds and paeds not in dept_codes:
        raise patient._fail("paediatrics", f"不存在（{paeds}）", f"names no department ({paeds})")
    for key in ("child_moves", "women_only"):
        unknown = [c for c in _terms(patient, key) if c not in dept_codes]
        if unknown:
            raise patient._fail(key, f"中的科室不存在（{unknown[0]}）",
                                f"names no department ({unknown[0]})")
    doc = {
        "version": 3, "emergency": red_dept, "synonyms": dict(synonyms), "concepts": concepts,
        "combinations": combinations, "red_flags": flags,
        "patient": {"paediatrics": paeds, "child_age": patient.whole("child_age", 14, minimum=1),
                    "child_words": _terms(patient, "child_words"),
                    "adult_words": _terms(patient, "adult_words"),
                    "not_a_child": _terms(patient, "not_a_child"),
                    "child_moves": _terms(patient, "child_moves"),
                    "women_only": _terms(patient, "women_only")},
        "safety": _safety(path, triage.get("safety", {})),
        "fallback": _fallback(path, triage.get("fallback", {}), dept_codes),
    }
    return keywords, doc


_VITALS = {"fever_high": 39.5, "fever_alone": 41.0, "infant_months": 3, "bp_alone": 200,
           "bp_high": 180, "bp_low": 90, "hr_alone": 150, "hr_high": 130, "hr_low": 40,
           "spo2_low": 90, "rr_high": 30, "rr_low": 8, "gcs_low": 12}
_VITAL_WORDS = ("fever_words", "confusion_words", "bp_symptoms", "low_symptoms")


def _safety(path: Path, data: Any) -> dict[str, Any]:
    """[safety]: danger words, families of word groups, vital-sign thresholds."""
    if not isinstance(data, dict):
        raise _bad(path, "[safety] 必须是表", "[safety] must be a table")
    r = _Reader(path, data, "[safety]")
    name = r.bilingual("name", required=False)
    vitals_r = _Reader(path, data.get("vitals", {}), "[safety.vitals]")
    if not isinstance(vitals_r.entry, dict):
        raise _bad(path, "[safety.vitals] 必须是表", "[safety.vitals] must be a table")
    vitals: dict[str, Any] = {k: vitals_r.number(k, v) for k, v in _VITALS.items()}
    for key in _VITAL_WORDS:
        vitals[key] = _terms(vitals_r, key)
    families = []
    for f in _entries(path, data, "family"):
        fname = f.bilingual("name")
        scope = f.str("scope", "text")
        if scope not in ("clause", "text"):
            raise f._fail("scope", "只能是 clause 或 text", "must be clause or text")
        who = f.str("who", "")
        if who not in ("", "child", "infant"):
            raise f._fail("who", "只能是 child 或 infant", "must be child or infant")
        groups = f.entry.get("groups")
        if not isinstance(groups, list) or not groups or not all(
                isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g)
                for g in groups):
            raise f._fail("groups", "必须是非空词组的列表", "must be a list of non-empty word lists")
        onset = f.str("onset", "")
        if onset not in ("", "sudden"):
            raise f._fail("onset", "只能是 sudden", "must be sudden")
        families.append({"code": f.str("code"), "name_zh": fname.zh, "name_en": fname.en,
                         "groups": groups, "scope": scope, "who": who, "mask": _terms(f, "mask"),
                         **({"onset": onset} if onset else {})})
    return {"name": {"zh": name.zh or "危险信号", "en": name.en or "danger sign"},
            "words": _terms(r, "words"), "mask": _terms(r, "mask"), "families": families,
            "vitals": vitals}


def _fallback(path: Path, data: Any, dept_codes: set[str]) -> dict[str, Any]:
    """[fallback]: where a complaint that matches nothing goes (the staff still choose)."""
    if not isinstance(data, dict):
        raise _bad(path, "[fallback] 必须是表", "[fallback] must be a table")
    r = _Reader(path, data, "[fallback]")
    out: dict[str, Any] = {}
    for key in ("adult", "child", "pregnancy"):
        code = r.str(key, "")
        if code and code not in dept_codes:
            raise r._fail(key, f"不存在（{code}）", f"names no department ({code})")
        out[key] = code
    out["pregnancy_words"] = _terms(r, "pregnancy_words")
    return out
