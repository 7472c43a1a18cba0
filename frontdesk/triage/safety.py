"""The red-flag safety net: danger concepts, families and vital signs (no database, no Qt).

The [[red_flag]] patterns of triage.toml catch the ways emergencies were seen
phrased; this layer catches what they were not written for, in general terms:

* danger words that raise the flag on their own ("昏迷", "吐血", "割腕") unless
  clearly denied ("没有胸痛") or clearly past ("以前吐过血，现在好了");
* families: one word of every group, in one clause or anywhere in the
  complaint (chest-family part × pain word × sweating or radiation; bleeding ×
  "止不住"/"一直"…; bleeding × "生完孩子"…), optionally only for an infant or a
  child;
* numbers: temperature ("39度8", "四十度", "40.2"), blood pressure ("200/120",
  "血压一百八"), heart rate, and the patient's age ("3个月", "八十多岁").

Every word list is matched against both the folded original text and the
normalised one (after [synonyms]), so "心口窝疼" and "胸痛" both work.
Recall first: a false alarm costs a minute, a miss can cost a life.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from frontdesk.triage import negation

_CLAUSE_SPLIT = re.compile(r"[,，.。;；!！?？\n]+")
_ZH_NUM = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_ZH_NUMERAL = "零〇一二两三四五六七八九十百"

# Temperatures: "39度8", "39.8度", "39.8", "四十度", "三十九度五", "40°C".
_TEMP_DIGITS = re.compile(r"(?<![\d.])(3[4-9]|4[0-4])(?:\s*(?:\.|点)\s*(\d))?\s*(度|℃|°c|°|c\b)?\s*"
                          r"(?:(\d)(?![\d]))?")
_TEMP_ZH = re.compile(r"([三四]十[一二三四五六七八九]?)\s*度\s*(?:([一二三四五六七八九])(?!十))?")
_TEMP_CONTEXT = ("体温", "烧", "热", "fever", "temp", "温度", "量了", "测了", "发热")
# Blood pressure, heart rate.
_BP = re.compile(r"(?:血压|高压|收缩压|bp|blood pressure)[^\d零〇一二两三四五六七八九十百，,。]{0,6}"
                 r"(\d{2,3}|[零〇一二两三四五六七八九十百]{2,5})(?:\s*[/／]\s*(\d{2,3}))?")
_BP_BARE = re.compile(r"(?<!\d)(\d{2,3})\s*[/／]\s*(\d{2,3})(?!\d)")
# Oxygen saturation, breathing rate, coma scale (a nurse's note: "SpO2 85%", "RR 35", "GCS 8").
_SPO2 = re.compile(r"(?:spo2|sao2|sp02|o2\s*sat|sats?\b|血氧饱和度|血氧|氧饱和度|指脉氧)[^\d，,。]{0,6}"
                   r"(\d{2,3})(?!\d)")
_RR = re.compile(r"(?:\brr\b|呼吸频率|呼吸)[\s:：=]{0,3}(\d{1,2})(?!\d)(?!\s*(?:天|日|周|月|年|小时|分钟|d\b|h\b))")
_GCS = re.compile(r"\bgcs[\s:：=]{0,3}(\d{1,2})(?!\d)")
_T_PREFIX = re.compile(r"(?<![a-z])t\s*[:：=]?\s*$")
_HR = re.compile(r"(?:心率|心跳|脉搏|脉率|\bhr\b|pulse|heart rate)[^\d零〇一二两三四五六七八九十百，,。]{0,8}"
                 r"(\d{2,3}|[零〇一二两三四五六七八九十百]{2,5})")
# "心跳得跟打鼓一样，一分钟得有一百八": a count a minute, when the heart is what is counted.
_HR_MINUTE = re.compile(r"(?:每分钟|一分钟|per minute)[^\d零〇一二两三四五六七八九十百，,。]{0,4}"
                        r"(\d{2,3}|[零〇一二两三四五六七八九十百]{2,5})")
_HEART_WORDS = ("心跳", "心率", "心慌", "心悸", "脉", "heart", "pulse")
# Ages.
_AGE_MONTHS = re.compile(r"(\d{1,2}|[一二两俩三四五六七八九十]{1,3})\s*(个|個)?\s*(多)?\s*(月|星期|周|礼拜|天)"
                         r"(?:大|的|宝|孩|婴|娃|小|半)")
# "宝宝才40天", "出生二十天": the age right after a baby (not "发烧才两天", a duration).
_AGE_AFTER_BABY = re.compile(r"(?:(?:宝宝|宝贝|孩子|小孩|婴儿|娃|儿子|女儿|闺女|孙子|孙女|外孙|囡囡|崽)"
                             r"\s*(?:才|刚|刚满|刚刚)|出生|生下来)\s*(?:才|刚|刚满|刚刚)?\s*"
                             r"(\d{1,2}|[一二两俩三四五六七八九十]{1,3})\s*(个|個)?\s*(多)?\s*(月|星期|周|礼拜|天)")
_AGE_MONTHS_OLD = re.compile(r"(\d{1,2})[- ]?(month|week|day)s?[- ]old")
_AGE_YEARS = re.compile(r"(\d{1,3}|[一二两俩三四五六七八九十]{1,3})\s*(多)?\s*(周岁|岁)")
_NEWBORN = ("新生儿", "刚出生", "刚生下", "月子里的", "满月", "刚满月", "newborn", "出生没几天")


def zh_number(text: str) -> int | None:
    """"一百八" → 180, "八十" → 80, "四十" → 40, "39" → 39; None when it is not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current, last_unit = 0, 0, 1
    for ch in text:
        if ch in _ZH_NUM:
            current = _ZH_NUM[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current, last_unit = 0, 10
        elif ch == "百":
            total += (current or 1) * 100
            current, last_unit = 0, 100
        else:
            return None
    if current and last_unit == 100:  # "一百八" = 180
        return total + current * 10
    return total + current


@dataclass
class Family:
    code: str
    name_zh: str
    name_en: str
    groups: list[list[str]]
    scope: str = "text"  # "clause" or "text"
    who: str = ""  # "", "child" or "infant"
    mask: list[str] = field(default_factory=list)  # any of these in its scope: it does not fire
    # "sudden": signs that come on suddenly (a stroke's); said to have lasted months or years
    # with nothing new (frontdesk.triage.negation.long_standing), they do not fire.
    onset: str = ""


@dataclass
class Safety:
    name_zh: str = "危险信号"
    name_en: str = "danger sign"
    words: list[str] = field(default_factory=list)
    mask: list[str] = field(default_factory=list)
    families: list[Family] = field(default_factory=list)
    vitals: dict[str, Any] = field(default_factory=dict)
    fever_words: list[str] = field(default_factory=list)
    confusion_words: list[str] = field(default_factory=list)
    bp_symptoms: list[str] = field(default_factory=list)
    low_symptoms: list[str] = field(default_factory=list)
    child_words: list[str] = field(default_factory=list)
    history: tuple = ()
    resolved: tuple = ()
    current: tuple = ()


def compile_safety(doc: dict[str, Any] | None, forms) -> Safety:
    """`forms(word)` gives the spellings to look for (folded and normalised)."""
    doc = doc or {}

    def expand(words) -> list[str]:
        out: list[str] = []
        for w in words:
            for f in forms(w):
                if f and f not in out:
                    out.append(f)
        return out

    vitals = dict(doc.get("vitals", {}))
    families = []
    for f in doc.get("families", []):
        raw = [[w.strip().lower() for w in g] for g in f["groups"]]
        groups = [expand(g) for g in f["groups"]]
        # A normalised spelling that another group has as written is no longer this
        # group's word ("往外冒" reads "出血" after [synonyms]): drop it, or one word
        # would satisfy two groups.
        groups = [[w for w in g if not any(w in other for j, other in enumerate(raw) if j != i)
                   or w in raw[i]] for i, g in enumerate(groups)]
        families.append(Family(f["code"], f["name_zh"], f["name_en"], groups,
                               f.get("scope", "text"), f.get("who", ""), expand(f.get("mask", [])),
                               f.get("onset", "")))
    name = doc.get("name", {})
    return Safety(
        name_zh=name.get("zh", "危险信号"), name_en=name.get("en", "danger sign"),
        words=expand(doc.get("words", [])), mask=expand(doc.get("mask", [])), families=families,
        vitals=vitals, fever_words=expand(vitals.get("fever_words", [])),
        confusion_words=expand(vitals.get("confusion_words", [])),
        bp_symptoms=expand(vitals.get("bp_symptoms", [])),
        low_symptoms=expand(vitals.get("low_symptoms", [])),
    )


@dataclass
class _View:
    """One reading of the complaint (folded original or normalised) with its clauses."""

    text: str
    clause_of: list[int]
    clause_start: dict[int, int]
    past: set[int]
    blocked: list[tuple[int, int]]  # spans of mask phrases
    clauses: list[str] = field(default_factory=list)
    hits: dict[str, list[int]] = field(default_factory=dict)  # word → clauses where it counts

    def clause_text(self, clause: int) -> str:
        return self.clauses[clause] if clause < len(self.clauses) else ""


def _view(text: str, mask: list[str], history_clauses) -> _View:
    clause_of, clause, last = [], 0, 0
    for m in _CLAUSE_SPLIT.finditer(text):
        clause_of += [clause] * (m.end() - last)
        clause += 1
        last = m.end()
    clause_of += [clause] * (len(text) - last)
    clause_start: dict[int, int] = {}
    for pos, c in enumerate(clause_of):
        clause_start.setdefault(c, pos)
    blocked: list[tuple[int, int]] = []
    for phrase in mask:
        at = text.find(phrase)
        while at >= 0:
            blocked.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    clauses = [text[clause_start[c]:clause_start.get(c + 1, len(text))] for c in range(clause + 1)
               if c in clause_start]
    return _View(text, clause_of, clause_start, history_clauses(text, _CLAUSE_SPLIT.split(text)),
                 blocked, clauses)


def _occurrences(view: _View, word: str, denied):
    """Clauses where `word` is said, not denied, not past, not inside a mask phrase."""
    text = view.text
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        # Inside a mask phrase ("眼皮抽搐" hides "抽搐"), unless the word holds the whole
        # phrase itself ("血压掉" is not hidden by "血压").
        ok = not any(a < end and at < b and not (at <= a and b <= end) for a, b in view.blocked)
        if ok and word[0].isascii():
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            ok = not (before.isascii() and before.isalnum()) and \
                not (after.isascii() and after.isalnum())
        if ok:
            clause = view.clause_of[at]
            # `denied` is frontdesk.triage.negation's (English "no …" as typed included).
            if clause not in view.past and not denied(text, at, view.clause_start[clause],
                                                      [False] * len(text), 3):
                yield clause, at
        at = text.find(word, end)


def _clauses_saying(view: _View, word: str, denied) -> list[int]:
    """The clauses where `word` counts (memoised per reading)."""
    found = view.hits.get(word)
    if found is None:
        found = [c for c, _at in _occurrences(view, word, denied)] if word in view.text else []
        view.hits[word] = found
    return found


def _first(view: _View, words: list[str], denied, clause: int | None = None) -> str | None:
    text = view.text
    for w in words:
        if w in text:
            found = _clauses_saying(view, w, denied)
            if found and (clause is None or clause in found):
                return w
    return None


def _group_clauses(view: _View, words: list[str], denied) -> dict[int, str]:
    out: dict[int, str] = {}
    text = view.text
    for w in words:
        if w in text:
            for c in _clauses_saying(view, w, denied):
                out.setdefault(c, w)
    return out


def _current_numbers(view: _View, pattern: re.Pattern):
    """Matches of `pattern` outside past clauses ("以前血压180，现在130")."""
    for m in pattern.finditer(view.text):
        clause = view.clause_of[m.start()] if m.start() < len(view.clause_of) else 0
        if clause in view.past:
            continue
        clause_text = view.clause_text(clause)
        if any(h in clause_text for h in ("以前", "之前", "原来", "过去", "平时", "曾经", "上次",
                                          "去年", "前年")) \
                and not any(c in clause_text for c in ("现在", "今天", "刚才", "刚刚", "又")):
            continue
        yield m


def temperatures(view: _View) -> list[float]:
    out: list[float] = []
    text = view.text
    for m in _current_numbers(view, _TEMP_DIGITS):
        whole, dec, unit, dec2 = m.group(1), m.group(2), m.group(3), m.group(4)
        value = float(whole) + (int(dec or dec2 or 0) / 10 if (dec or (unit and dec2)) else 0)
        before = text[max(0, m.start() - 8):m.start()]
        # "#41", "第40", "No.39": a number, not a reading (only a unit makes it one then).
        counted = before.rstrip()[-1:] in ("#", "第", "号", ".", "no")
        if unit or (not counted and (any(c in before for c in _TEMP_CONTEXT)
                                     or _T_PREFIX.search(before))):
            out.append(value)
    for m in _current_numbers(view, _TEMP_ZH):
        whole = zh_number(m.group(1))
        if whole is not None and 34 <= whole <= 44:
            out.append(whole + (_ZH_NUM.get(m.group(2) or "", 0) / 10))
    return out


def blood_pressures(view: _View) -> list[int]:
    out = []
    for m in _current_numbers(view, _BP):
        value = zh_number(m.group(1))
        if value is not None and 40 <= value <= 300:
            out.append(value)
    if not out and any(w in view.text for w in ("血压", "bp", "高压")):
        for m in _current_numbers(view, _BP_BARE):
            high = int(m.group(1))
            if 50 <= high <= 300 and int(m.group(2)) < high:
                out.append(high)
    return out


def _numbers(view: _View, pattern: re.Pattern, low: int, high: int) -> list[int]:
    return [int(m.group(1)) for m in _current_numbers(view, pattern)
            if low <= int(m.group(1)) <= high]


def heart_rates(view: _View) -> list[int]:
    found = [zh_number(m.group(1)) for m in _current_numbers(view, _HR)]
    if any(w in view.text for w in _HEART_WORDS):
        found += [zh_number(m.group(1)) for m in _current_numbers(view, _HR_MINUTE)]
    return [n for n in found if n is not None and 20 <= n <= 300]


def patient_age(text: str) -> float | None:
    """The age the complaint states, in years (months as fractions); None when unsaid."""
    for w in _NEWBORN:
        if w in text:
            return 1 / 12 if "满月" in w else 0.02
    m = _AGE_MONTHS.search(text) or _AGE_AFTER_BABY.search(text)
    if m:
        n = zh_number(m.group(1))
        unit = m.group(4)
        if n is not None:
            if unit == "月":
                return (n + (0.5 if m.group(3) else 0)) / 12
            if unit in ("周", "星期", "礼拜"):
                return n / 52
            return n / 365
    m = _AGE_MONTHS_OLD.search(text)
    if m:
        n = int(m.group(1))
        return n / 12 if m.group(2) == "month" else (n / 52 if m.group(2) == "week" else n / 365)
    m = _AGE_YEARS.search(text)
    if m:
        n = zh_number(m.group(1))
        if n is not None:
            return float(n)
    return None


def check(safety: Safety, views: list[_View], *, child: bool, age: float | None, denied
          ) -> list[tuple[str, str, str, str]]:
    """Red flags the safety net raises: (code, name zh, name en, words)."""
    fired: list[tuple[str, str, str, str]] = []
    if not views:
        return fired

    def fire(code, zh, en, words):
        if not any(f[0] == code for f in fired):
            fired.append((code, zh, en, words))

    for view in views:
        word = _first(view, safety.words, denied)
        if word:
            fire("danger_word", safety.name_zh, safety.name_en, word)
            break
    infant = age is not None and age <= safety.vitals.get("infant_months", 3) / 12 + 1e-6
    for fam in safety.families:
        if fam.who == "infant" and not infant:
            continue
        if fam.who == "child" and not child:
            continue
        if fam.onset == "sudden" and negation.long_standing(views[0].text):
            continue  # read on the complaint as typed (the first view: "since my operation")
        for view in views:
            if fam.scope == "clause":
                found = [None]
                per_group = []
                for g in fam.groups:
                    per_group.append(_group_clauses(view, g, denied))
                    if not per_group[-1]:
                        break
                else:
                    common = set.intersection(*(set(p) for p in per_group))
                    for c in sorted(common):
                        if fam.mask and any(m in view.clause_text(c) for m in fam.mask):
                            continue
                        found = [p[c] for p in per_group]
                        break
            elif fam.mask and any(m in view.text for m in fam.mask):
                found = [None]
            else:
                found = [_first(view, g, denied) for g in fam.groups]
            if all(found):
                fire(fam.code, fam.name_zh, fam.name_en, "+".join(found))
                break
    v = safety.vitals
    for view in views:
        temps = temperatures(view)
        top = max(temps, default=0.0)
        fever = top >= 38.0 or _first(view, safety.fever_words, denied) is not None
        confused = _first(view, safety.confusion_words, denied)
        if top >= v.get("fever_alone", 41.0):
            fire("vital_fever", "超高热", "very high fever", f"{top:g}℃")
        elif top >= v.get("fever_high", 39.5) and (child or confused):
            fire("vital_fever", "高热（儿童或意识改变）", "high fever in a child or with confusion",
                 f"{top:g}℃" + (f"+{confused}" if confused else ""))
        elif fever and confused:
            fire("vital_fever", "发热伴意识改变", "fever with confusion", confused)
        if fever and infant:
            fire("vital_infant_fever", "小婴儿发热", "fever in a young infant",
                 f"{top:g}℃" if top else (_first(view, safety.fever_words, denied) or ""))
        for bp in blood_pressures(view):
            symptom = _first(view, safety.bp_symptoms, denied)
            low_symptom = _first(view, safety.low_symptoms, denied)
            if bp >= v.get("bp_alone", 200) or (bp >= v.get("bp_high", 180) and symptom):
                fire("vital_bp", "血压过高", "very high blood pressure", f"{bp}")
            elif bp <= v.get("bp_low", 90) and low_symptom:
                fire("vital_bp", "血压过低伴症状", "low blood pressure with symptoms", f"{bp}")
        for hr in heart_rates(view):
            symptom = _first(view, safety.low_symptoms, denied)
            if hr >= v.get("hr_alone", 150) or (hr >= v.get("hr_high", 130) and symptom) \
                    or (hr <= v.get("hr_low", 40) and symptom):
                fire("vital_hr", "心率异常", "abnormal heart rate", f"{hr}")
        for sat in _numbers(view, _SPO2, 40, 100):
            if sat < v.get("spo2_low", 90):
                fire("vital_spo2", "血氧饱和度低", "low oxygen saturation", f"SpO2 {sat}")
        for rr in _numbers(view, _RR, 1, 80):
            if rr >= v.get("rr_high", 30) or rr <= v.get("rr_low", 8):
                fire("vital_rr", "呼吸频率异常", "abnormal breathing rate", f"RR {rr}")
        for gcs in _numbers(view, _GCS, 3, 15):
            if gcs <= v.get("gcs_low", 12):
                fire("vital_gcs", "意识评分低", "low coma score", f"GCS {gcs}")
    return fired


def views(texts: list[str], safety: Safety, history_clauses) -> list[_View]:
    out, seen = [], set()
    for t in texts:
        if t and t not in seen:
            seen.add(t)
            out.append(_view(t, safety.mask, history_clauses))
    return out
