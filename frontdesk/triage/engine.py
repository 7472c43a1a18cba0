"""The triage engine: reads a complaint the way a patient says it (no database, no Qt).

`compile_rules(doc)` turns the rule document (triage.toml, validated by
frontdesk.rules) into a `Rules` object once; `analyse(rules, complaint, ...)`
then takes well under a millisecond per complaint:

1. normalise: NFKC (full-width → half-width), traditional → simplified, lower
   case, then the synonyms, longest first ("肚子疼" → "腹痛"). Every normalised
   character remembers the original text it came from, so a reason can say
   "肚子疼 → 腹痛";
2. find the concepts (body parts, symptoms, department words), longest first;
3. drop what is denied ("没有胸痛", "不发烧", "no fever") and weaken what is
   history ("以前…现在好了");
4. score departments: concept weights, body part × symptom in one clause,
   combination rules; then the patient (a child → paediatrics, women-only
   departments);
5. red flags: regular-expression patterns; recall first — only a clear
   negation or a resolved past silences one.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from frontdesk.triage import negation
from frontdesk.triage import pinyin as triage_pinyin
from frontdesk.triage import safety as triage_safety

# Common traditional characters a patient or an IME may type, → simplified.
_TRAD = (
    "頭腦暈嘔瀉發燒熱嚨齒腫癢膚經婦懷兒寶歲個脹腸陰帶來過還沒無車禍從樓觸電傷燙藥農說話麼嗎臉邊"
    "壓塊氣難緊悶厲癥狀醫診顆嚴鮮紅黃膿瘡皰濕癬蟲齦聽聲啞驚語體溫兩週覺頸腳關節斷陣擔膽闌們媽爺"
    "孫貓槍墜殺輕滅誤幣鈕釦嗆視見淚為這會後開對時間現點幾讓給舊樣種裡裏東處總隻條張癤瘍潰爛臟鬆"
    "劇瘋癲癇餵飯喫嚥魚噴涕瘀換術吐嗽膝喉歪塊紋麵線層鼻們痠瘋癱瘓"
)
_SIMP = (
    "头脑晕呕泻发烧热咙齿肿痒肤经妇怀儿宝岁个胀肠阴带来过还没无车祸从楼触电伤烫药农说话么吗脸边"
    "压块气难紧闷厉症状医诊颗严鲜红黄脓疮疱湿癣虫龈听声哑惊语体温两周觉颈脚关节断阵担胆阑们妈爷"
    "孙猫枪坠杀轻灭误币钮扣呛视见泪为这会后开对时间现点几让给旧样种里里东处总只条张疖疡溃烂脏松"
    "剧疯癫痫喂饭吃咽鱼喷涕瘀换术吐嗽膝喉歪块纹面线层鼻们酸疯瘫痪"
)
assert len(_TRAD) == len(_SIMP)
_VARIANTS = str.maketrans(_TRAD, _SIMP)

# Negation (cues, their reach, English lists): frontdesk.triage.negation, shared with the
# safety net so every reader of a complaint rules out the same words.
_STRONG_NEG = negation.STRONG_NEG
_NOT = negation.NOT
_CLAUSE = re.compile(r"[,，.。;；!！?？\n]+")
_HISTORY = ("以前", "之前", "过去", "曾经", "去年", "前年", "小时候", "年前", "上次", "早年",
            "以往", "既往", "病史", "上个月", "年轻时", "年轻的时候", "多年前", "几年前", "那年",
            "history of", "previously", "last night", "last week", "last month", "weeks ago", "a while ago",
            "a while back", "in the past", "as a child", "as a kid", "as a baby", "when i was")
_RESOLVED = ("好了", "治好", "已经好", "痊愈", "没事了", "康复", "没再", "不痛了", "不发作",
             "没复发", "fine now", "better now", "recovered", "went away", "gone away", "cleared up",
             "stopped by itself", "none since", "not since", "nothing since", "no more since",
             "now fine", "ok now", "fine since", "no longer", "not anymore", "anymore",
             "hasn't had one", "haven't had one", "hasn't had any", "haven't had any",
             "fine straight away", "fine right away", "fine straight after", "fine right after",
             "fine afterwards", "fine after that", "okay straight away", "ok straight away")
_CURRENT = ("现在", "又", "再次", "这次", "今天", "刚才", "刚刚", "突然", "还在", "一直",
            "now", "today", "tonight", "again", "this morning", "still", "since", "keeps")
# English that puts a clause long in the past by itself ("had a stroke five years ago",
# "fainted once last year"): no word that it is over is needed, as "以前…过" needs 过.
_LONG_AGO = ("years ago", "year ago", "months ago", "month ago", "decades ago", "last year",
             "years back", "in the past", "as a child", "when i was young", "when i was a kid",
             "when i was little")
_TEMPERATURE = re.compile(r"(3[7-9]|4[0-2])(\.\d)?\s*(度|°c|℃|°)")
_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10, "半": 0}
_AGE_YEARS = re.compile(r"(\d{1,3}|[一二两俩三四五六七八九十]{1,3})\s*(周岁|岁半|岁|-year-old|"
                        r" year old| years old|yo\b)")
# "才两个月" is an age only after a baby ("宝宝才40天", "出生才二十天"); after an illness it
# is how long it has lasted ("发烧才两天", "怀孕才两个月").
_BABY_BEFORE = r"(?:(?:宝宝|宝贝|孩子|小孩|婴儿|娃|儿子|女儿|闺女|孙子|孙女|外孙|囡囡|崽)\s*(?:才|刚|刚满|刚刚)|出生|生下来)"
_AGE_MONTHS = re.compile(r"(?:" + _BABY_BEFORE + r"\s*(?:才|刚|刚满|刚刚)?\s*(\d{1,2}|[一二两俩三四五六七八九十]{1,3})\s*(?:个)?"
                         r"(?:多)?(?:月|天|周)|(\d{1,2}|[一二两俩三四五六七八九十]{1,3})\s*(?:个)?(?:多)?"
                         r"(?:月|天|周)\s*(?:大|的(?:宝|孩|婴|娃|小)|宝宝|婴儿)|(\d{1,2})[- ]?"
                         r"(?:month|week|day)s?[- ]old)")


def _zh_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        value = _ZH_DIGITS.get(ch)
        if value is None:
            return None
        if value == 10:
            total += (current or 1) * 10
            current = 0
        else:
            current = value
    return total + current


@dataclass
class Concept:
    code: str
    kind: str  # "body", "symptom" or "keyword"
    departments: dict[str, float]
    pairs: bool = True
    # For a child, this concept's weight counts towards paediatrics like the departments
    # of [patient] child_moves (a child's constipation is paediatrics', a grown-up's the
    # anorectal clinic's).
    child_moves: bool = False


@dataclass
class RedFlag:
    code: str
    name_zh: str
    name_en: str
    patterns: list[re.Pattern]
    excepts: list[re.Pattern]
    scope: str = "clause"
    # "sudden": a sign that comes on suddenly (a stroke's); said to have lasted months or
    # years, with nothing sudden, new or worse, it raises no flag (negation.long_standing).
    onset: str = ""
    # All patterns in one, searched once over the whole complaint before the per-clause,
    # per-pattern search (_red_flags): None when a pattern depends on what surrounds its
    # match (see _context_free), and the flag is always searched pattern by pattern.
    screen: re.Pattern | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Each pattern as a context-free one that matches at least where it does (its
        # look-arounds and anchors dropped): the screen may match more often, never less.
        loose = [_loosened(p) for p in self.patterns]
        if self.patterns and all(p is not None for p in loose) and \
                len({p.flags for p in loose}) == 1:
            try:
                self.screen = re.compile("|".join(f"(?:{p.pattern})" for p in loose),
                                         loose[0].flags)
            except re.error:
                # Patterns valid one by one need not be valid joined: a global inline flag
                # ("(?i)…") must start the expression, a group name may be used once. The
                # rules stay as the admin wrote them; this flag is searched the long way.
                self.screen = None


# What may make a pattern match inside a clause but not at the same place in the whole
# complaint (or the reverse): anchors and word boundaries, look-arounds, back-references.
_CONTEXT_OPS = frozenset((_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT, _sre.GROUPREF,
                          _sre.GROUPREF_EXISTS))


_LOOK_AROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _loosened(pattern: re.Pattern) -> re.Pattern | None:
    """`pattern` if it is context-free; else the same pattern without its look-arounds,
    anchors and word boundaries when that one is (it matches wherever `pattern` does, and
    maybe more: "死(?!了)" → "死"); None when neither is (a back-reference)."""
    if _context_free(pattern):
        return pattern
    src, out, i, n, in_class = pattern.pattern, [], 0, len(pattern.pattern), False
    while i < n:
        c = src[i]
        if c == "\\":
            if not in_class and src[i + 1:i + 2] in ("b", "B", "A", "Z"):
                i += 2
                continue
            out.append(src[i:i + 2])
            i += 2
        elif in_class:
            in_class = c != "]"
            out.append(c)
            i += 1
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            for literal in ("^", "]"):  # "[^…", "[]…": not the class's end
                if src[i:i + 1] == literal:
                    out.append(literal)
                    i += 1
        elif src.startswith(_LOOK_AROUNDS, i):
            depth, j, cls = 0, i, False
            while j < n:
                ch = src[j]
                if ch == "\\":
                    j += 2
                    continue
                if cls:
                    cls = ch != "]"
                elif ch == "[":
                    cls = True
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            i = j + 1
        elif c in "^$":
            i += 1
        else:
            out.append(c)
            i += 1
    try:
        loose = re.compile("".join(out), pattern.flags)
    except re.error:
        return None
    return loose if _context_free(loose) else None


def _context_free(pattern: re.Pattern) -> bool:
    """True when any match of `pattern` inside a piece of a text is also a match of the
    whole text at the same place: the pattern looks only at the characters it matches.

    Then no match in the whole text means no match in any of its pieces, and a red flag
    whose every pattern is context-free can be skipped on one search (the same flags).
    """
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - anything unexpected: searched the long way
        return False

    def free(node) -> bool:
        if isinstance(node, _sre_parse.SubPattern):
            return all(op not in _CONTEXT_OPS and free(av) for op, av in node)
        if isinstance(node, list | tuple):
            return all(free(x) for x in node)
        return True

    return free(tree)


@dataclass
class Rules:
    synonyms: dict[str, str]
    syn_lengths: dict[str, list[int]]  # first character → key lengths, longest first
    terms: dict[str, list[Concept]]
    term_lengths: dict[str, list[int]]
    combinations: list[tuple[frozenset, frozenset, str, float]]
    red_flags: list[RedFlag]
    emergency: str
    paediatrics: str
    child_age: int
    child_words: list[str]
    adult_words: list[str]
    child_moves: frozenset
    women_only: frozenset
    # Combinations whose body and symptom may be said in different clauses (scope = "text").
    text_combinations: list[tuple[frozenset, frozenset, str, float]] = field(default_factory=list)
    safety: triage_safety.Safety = field(default_factory=triage_safety.Safety)
    # Where a complaint that matches nothing goes: {"adult", "child", "pregnancy",
    # "pregnancy_words"}; the staff still choose.
    fallback: dict[str, Any] = field(default_factory=dict)
    # Pinyin typed with the IME off → the lexicon's Chinese words (triage_pinyin).
    pinyin: triage_pinyin.PinyinIndex | None = None
    # Phrases that hold a child word but name a grown-up ("孩子他爸", "娃他妈"): a child
    # word inside one of them says nothing about the patient.
    not_a_child: list[str] = field(default_factory=list)
    # English as typed at a desk (_english_read): the words of the rules' English synonyms
    # and safety words, their single deletions (for one-letter typos), and each word's
    # reading once worked out.
    english_vocab: frozenset = frozenset()
    english_deletes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    english_cache: dict[str, str] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Match:
    """One concept found in the normalised text."""

    start: int
    end: int
    term: str
    concepts: list[Concept]
    clause: int
    weight: float = 1.0  # 0 when denied, less than 1 when only history


@dataclass
class Analysis:
    """What the engine understood: department scores with reasons, red flags."""

    text: str
    scores: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    red_flags: list[tuple[str, str, str, str]] = field(default_factory=list)  # code, zh, en, words
    child: bool = False
    # Red-flag patterns that matched but were silenced: denied ("i'm not suicidal", "没有胸痛")
    # or over ("had a stroke five years ago"). The rules have read these words and ruled
    # them out; a net that knows no negation (the backstop) should not raise them again.
    silenced: list[str] = field(default_factory=list)


# --- compiling ---------------------------------------------------------------------------


def _index(keys) -> dict[str, list[int]]:
    lengths: dict[str, set[int]] = {}
    for k in keys:
        lengths.setdefault(k[0], set()).add(len(k))
    return {c: sorted(v, reverse=True) for c, v in lengths.items()}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower().translate(_VARIANTS)


def compile_rules(doc: dict[str, Any]) -> Rules:
    """Build the engine's lookup tables from a validated rule document (see rules.py)."""
    # A key in any person or with its apostrophe dropped reads as the complaint will
    # ("catch her breath" and "catch his breath" are one key: "catch my breath").
    synonyms = {_english_person(_fold(k)): _fold(v) for k, v in doc.get("synonyms", {}).items()
                if k.strip()}
    # A synonym whose clinical word holds its own everyday word ("痒" → "瘙痒") would read
    # the clinical word itself twice over ("瘙痒" → "瘙瘙痒"), so a term written in the
    # clinical word and a complaint that says it would no longer meet: the clinical word
    # stays as it is.
    for key, value in list(synonyms.items()):
        if key != value and key in value and value not in synonyms:
            synonyms[value] = value
    partial = Rules(synonyms, _index(synonyms), {}, {}, [], [], "", "", 14, [], [], frozenset(),
                    frozenset())
    terms: dict[str, list[Concept]] = {}
    for c in doc.get("concepts", []):
        concept = Concept(c["code"], c.get("kind", "symptom"),
                          {k: float(v) for k, v in c.get("departments", {}).items()},
                          bool(c.get("pairs", True)), bool(c.get("child_moves", False)))
        for term in c.get("terms", []):
            key = normalise(partial, term)[0].strip()
            if key:
                terms.setdefault(key, []).append(concept)
    combos = [(frozenset(c["body"]), frozenset(c["symptom"]), c["department"], float(c["weight"]))
              for c in doc.get("combinations", []) if c.get("scope", "clause") == "clause"]
    text_combos = [(frozenset(c["body"]), frozenset(c["symptom"]), c["department"],
                    float(c["weight"])) for c in doc.get("combinations", [])
                   if c.get("scope", "clause") == "text"]
    flags = [RedFlag(f["code"], f["name_zh"], f["name_en"],
                     [re.compile(p) for p in f.get("patterns", [])],
                     [re.compile(p) for p in f.get("except", [])], f.get("scope", "clause"),
                     f.get("onset", ""))
             for f in doc.get("red_flags", [])]
    patient = doc.get("patient", {})

    def forms(word: str) -> list[str]:
        return list(dict.fromkeys(f for f in (_fold(word).strip(),
                                              normalise(partial, word)[0].strip()) if f))

    fallback = dict(doc.get("fallback", {}))
    fallback["pregnancy_words"] = [f for w in fallback.get("pregnancy_words", []) for f in forms(w)]
    rules = Rules(
        synonyms=synonyms, syn_lengths=partial.syn_lengths, terms=terms,
        term_lengths=_index(terms), combinations=combos, text_combinations=text_combos,
        red_flags=flags,
        emergency=doc.get("emergency", "emergency"),
        paediatrics=patient.get("paediatrics", "paeds"),
        child_age=int(patient.get("child_age", 14)),
        child_words=[_fold(w) for w in patient.get("child_words", [])],
        adult_words=[_fold(w) for w in patient.get("adult_words", [])],
        child_moves=frozenset(patient.get("child_moves", ["internal"])),
        women_only=frozenset(patient.get("women_only", [])),
        safety=triage_safety.compile_safety(doc.get("safety"), forms),
        fallback=fallback,
        not_a_child=[f for w in patient.get("not_a_child", []) for f in forms(w)],
    )
    rules.pinyin = triage_pinyin.build(_lexicon(doc, rules))
    rules.pinyin.english = _english_words(rules)
    safety_words = [w for w in (doc.get("safety") or {}).get("words", []) if w.isascii()]
    vocab = set(rules.pinyin.english) | _ENGLISH_FILLERS | _ENGLISH_COMMON | {
        w for phrase in safety_words for w in re.findall(r"[a-z]+", _fold(phrase))}
    rules.english_vocab = frozenset(vocab)
    deletes: dict[str, set[str]] = {}
    for word in rules.pinyin.english:
        if len(word) >= 4 and word not in _ENGLISH_COMMON:
            for i in range(len(word)):
                deletes.setdefault(word[:i] + word[i + 1:], set()).add(word)
            deletes.setdefault(word, set()).add(word)
    rules.english_deletes = {k: tuple(sorted(v)) for k, v in deletes.items()}
    return rules


def _english_words(rules: Rules) -> frozenset:
    """The words of the English synonyms ("left side", "snake bite"); the synonyms typed
    in pinyin ("fa shao", "hunmi") are not English and stay readable as pinyin."""
    words: set[str] = set()
    for key, value in rules.synonyms.items():
        if not key.isascii():
            continue
        parts = re.findall(r"[a-z]+", key)
        joined = "".join(parts)
        first = value[:1]
        if first and "\u4e00" <= first <= "\u9fff" and triage_pinyin.is_pinyin(joined) and (
                any(joined.startswith(r) for r in triage_pinyin.readings(first))
                or (len(parts) > 1 and all(triage_pinyin.is_pinyin(p) for p in parts))):
            continue  # a pinyin key: "tou teng" → 头痛, "du zi teng" → 腹痛
        words.update(parts)
    return frozenset(words)


def _lexicon(doc: dict[str, Any], rules: Rules) -> list[str]:
    """Every Chinese word the rules know, for reading pinyin (most specific first)."""
    words: list[str] = []
    safety = doc.get("safety") or {}
    words += [_fold(w) for w in safety.get("words", [])]
    for fam in safety.get("families", []):
        words += [_fold(w) for g in fam.get("groups", []) for w in g]
    for v in (safety.get("vitals") or {}).values():
        if isinstance(v, list):
            words += [_fold(w) for w in v]
    words += list(rules.synonyms) + list(rules.synonyms.values())
    words += [_fold(t) for c in doc.get("concepts", []) for t in c.get("terms", [])]
    words += list(rules.terms)
    words += rules.child_words + rules.adult_words + rules.not_a_child + list(rules.fallback.get("pregnancy_words", []))
    for f in doc.get("red_flags", []):
        for p in f.get("patterns", []):
            words += triage_pinyin.han_runs(p)
    return list(dict.fromkeys(words))


def add_keywords(rules: Rules, keywords: list[tuple[str, str, bool, float]]) -> None:
    """Add an admin's single words: (word, department code, red flag?, weight)."""
    for word, dept, red, weight in keywords:
        key = normalise(rules, word)[0].strip()
        if not key:
            continue
        if red:
            rules.red_flags.append(RedFlag("keyword", key, key, [re.compile(re.escape(key))], []))
            continue
        concept = Concept("keyword:" + key, "keyword", {dept: 4.0 * weight}, False)
        rules.terms.setdefault(key, []).append(concept)
        lengths = rules.term_lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)


# --- reading a complaint -----------------------------------------------------------------


# English words that carry nothing a rule reads (never a negation, a time or an amount).
_ENGLISH_WORD = re.compile(r"[a-z']+")
_ENGLISH_FILLERS = frozenset(
    "is are was were am be been being his her hers my mine the a an its their our your has "
    "have had got gotten really very so just quite kind of sort looks look looked seems "
    "seemed went gone goes become becomes became turned turning getting gets all with on in at "
    "of from some this that it he she they we i me him them us".split())


def _ascii_word_ok(text: str, start: int, end: int) -> bool:
    """An English key matches whole words only ("ear" is not in "year")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _english_key(rules: Rules, key: str) -> bool:
    """Is this synonym key English (not pinyin typed with the IME off)?"""
    english = rules.pinyin.english if rules.pinyin is not None else frozenset()
    last = re.findall(r"[a-z]+", key)
    return bool(last) and last[-1] in english


# English as it is typed at a desk, read as the words the rules know before anything else:
# an apostrophe dropped ("cant", "im"), any person ("killing himself" is "kill myself",
# "catch her breath" is "catch my breath"), an inflection ("wants", "killing", "swallowing")
# and a one-letter typo ("siezure", "breth", "alergic", "pian") of a word of the rules'
# English synonyms. Reasons still quote what the patient typed.
_CONTRACTIONS = {
    "cant": "can't", "wont": "won't", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "werent": "weren't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "hadnt": "hadn't", "aint": "ain't", "im": "i'm", "ive": "i've",
    "theyre": "they're", "youre": "you're", "thats": "that's", "whats": "what's",
}
_PERSON = {
    "his": "my", "her": "my", "their": "my", "your": "my", "our": "my", "hers": "mine",
    "himself": "myself", "herself": "myself", "themselves": "myself", "themself": "myself",
    "yourself": "myself", "ourselves": "myself",
}
_CANON = {**_CONTRACTIONS, **_PERSON}
_LATIN = re.compile(r"[a-z][a-z']*")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
# Everyday English words one letter away from a word of the rules: never read as a typo
# ("could" is not "cold", "sever" stays a word only where the rules know it).
_ENGLISH_COMMON = frozenset(
    "could would should about after again also back been before being both came come does "
    "done down each even ever every feel feels felt from gave give goes going gone good have "
    "having here into just keep kept know last left like little long look made make many more "
    "most much must need never next once only other over said same says seen seem some soon "
    "still such sure take than that them then there these they thing think this those though "
    "time told took tried very want well went were what when where which while will with "
    "work worse would year years your yours hours days weeks months week month minutes "
    "since today night morning tonight lunch dinner food water home house work school care "
    "help find fine okay better hold held call called calls else cold colds hand hands "
    "bent bend best test tests pill pills sick dead deep dear hear hair heat hole hold side "
    "sides wide wider ride rode road cough lose lost most past fast rest safe case cast "
    "mild mind kind wind find line live life lift lips slip slips tips drop drops "
    "went want wants wash wish with wife wifes sister brother mother father mum mom dad "
    "grandma grandpa grandad nan nana son sons friend friends baby babies kid kids stuff "
    "string strings stream table tables stats rights reasons thrown throws marking tuning "
    "arches polo parent raised raises".split())


# Small words no pinyin complaint holds, that tell a complaint is written in English.
_ENGLISH_MARKERS = frozenset(w for w in _ENGLISH_FILLERS | frozenset(
    "and the since for with but from this that when after before then".split()) if len(w) >= 3)


def _english_person(text: str) -> str:
    """Apostrophes dropped or curled, and pronouns of any person, as one spelling."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    if not any(w in _CANON for w in _LATIN.findall(text)):
        return text
    return _LATIN.sub(lambda m: _CANON.get(m.group(), m.group()) if _latin_edge(
        text, m.start(), m.end()) else m.group(), text)


def _latin_edge(text: str, start: int, end: int) -> bool:
    return (start == 0 or not (text[start - 1].isascii() and text[start - 1].isalnum())) and \
        (end == len(text) or not (text[end].isascii() and text[end].isalnum()))


def _stems(word: str):
    """What an English inflection may stand for: "wants" → want, "killing" → kill,
    "swallowing" → swallow, "bleeds" → bleed, "choked" → choke, "dies" → die."""
    if word.endswith("ies") or word.endswith("ied"):
        yield word[:-3] + "y"
        yield word[:-1]
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[:-len(suffix)]
            yield stem
            yield stem + "e"
            if len(stem) >= 2 and stem[-1] == stem[-2]:
                yield stem[:-1]  # "slurred" → slur, "dropping" → drop
    if word.endswith("ly"):
        yield word[:-2]


def _one_edit(a: str, b: str) -> bool:
    """One letter left out, one too many, or two neighbours swapped, after the same first
    letter: the slips of typing. A letter for another is not one: it mostly makes another
    word ("sitting" is not "fitting", "three" not "threw")."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _typo(rules: Rules, word: str) -> str | None:
    """The one word of the rules' English that `word` is a one-letter typo of, if any."""
    if len(word) < 4 or word in _ENGLISH_COMMON or "'" in word:
        return None
    if any(s in rules.english_vocab for s in _stems(word)):
        return None  # an inflection of a word the rules know ("backed" is not "blacked")
    found = set(rules.english_deletes.get(word, ()))
    for i in range(len(word)):
        found.update(rules.english_deletes.get(word[:i] + word[i + 1:], ()))
    found = {w for w in found if _one_edit(word, w)
             and (min(len(w), len(word)) >= 5 or len(w) == len(word))}
    return found.pop() if len(found) == 1 else None


def _english_word(rules: Rules, word: str, english_around: bool) -> str:
    """How the rules read one English word typed at the desk."""
    key = word if english_around else "\0" + word
    hit = rules.english_cache.get(key)
    if hit is not None:
        return hit
    read = _CANON.get(word, word)
    vocab = rules.english_vocab
    if read == word and vocab and word not in vocab and len(word) >= 4:
        read = next((s for s in _stems(word) if s in vocab and len(s) >= 3), word)
        if read == word and (english_around or not triage_pinyin.is_pinyin(word)):
            read = _typo(rules, word) or word
    if len(rules.english_cache) < 20_000:
        rules.english_cache[key] = read
    return read


def _english_read(rules: Rules, text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """(text with its English words read as the rules' words, source span of each
    character); None when nothing changed."""
    if not any("a" <= c <= "z" for c in text):
        return None
    if not text.isascii():
        text_q = text.translate(_QUOTES)
        if len(text_q) == len(text):
            text = text_q
    words = [m for m in _LATIN.finditer(text) if _latin_edge(text, m.start(), m.end())]
    vocab = rules.english_vocab

    # A word that may be pinyin ("pian", "siezure" cut as si-e-zu-re) is read as an English
    # typo only in a complaint written in English: two or more words that only English
    # has, and no fewer than the words only pinyin has.
    plain = sum(1 for m in words if m.group() in _ENGLISH_MARKERS or (
        m.group() in vocab and not triage_pinyin.is_pinyin(m.group())))
    pinyin = sum(1 for m in words if m.group() not in vocab and triage_pinyin.is_pinyin(m.group()))
    around = plain >= 2 and plain >= pinyin
    out: list[str] = []
    base: list[tuple[int, int]] = []
    pos = 0
    for m in words:
        word = m.group()
        read = _english_word(rules, word, around)
        if read == word:
            continue
        out.append(text[pos:m.start()])
        base += [(i, i + 1) for i in range(pos, m.start())]
        out.append(read)
        base += [(m.start(), m.end())] * len(read)
        pos = m.end()
    if not out:
        return None
    out.append(text[pos:])
    base += [(i, i + 1) for i in range(pos, len(text))]
    return "".join(out), base


def _stemmed_key(rules: Rules, src: str, m: re.Match) -> tuple[str, int] | None:
    """The synonym an English phrase reaches when its first word is read as its stem:
    (value, end in `src`), or None. Only for a word no key starts with as it is."""
    word = m.group(0)
    vocab = rules.english_vocab
    if not vocab:
        return None
    tail = src[m.end():m.end() + 60]
    for stem in _stems(word):
        if stem not in vocab or len(stem) < 3:
            continue
        cand = stem + tail
        for length in rules.syn_lengths.get(stem[0], ()):
            if length < len(stem) or length > len(cand):
                continue
            key = cand[:length]
            if key in rules.synonyms and _ascii_word_ok(cand, 0, length):
                return rules.synonyms[key], m.end() + length - len(stem)
    return None


def normalise(rules: Rules, complaint: str) -> tuple[str, list[tuple[int, int]], str]:
    """(normalised text, original span of each normalised character, folded original)."""
    folded = src = _fold(complaint)
    english = _english_read(rules, src)
    base = english[1] if english else None
    if english:
        src = english[0]
    read = rules.pinyin.convert(src) if rules.pinyin is not None else None
    if read:
        src = read[0]
        base = read[1] if base is None else [(base[a][0], base[b - 1][1]) for a, b in read[1]]
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(src)
    syn, lengths = rules.synonyms, rules.syn_lengths
    while i < n:
        replaced = False
        for length in lengths.get(src[i], ()):
            key = src[i:i + length]
            if len(key) != length or key not in syn:
                continue
            end = i + length
            if key[0].isascii() and not _ascii_word_ok(src, i, end):
                # an English plural or third person ("wrists", "pills", "looks") reads as
                # its word; only for English words of three letters or more
                if not (length >= 3 and key[-1].isalpha() and src[end:end + 1] == "s"
                        and _english_key(rules, key) and _ascii_word_ok(src, i, end + 1)):
                    continue
                end += 1
            value = syn[key]
            out.append(value)
            spans += [(i, end)] * len(value)
            i = end
            replaced = True
            break
        if not replaced and src[i].isascii() and src[i].isalpha() and \
                (i == 0 or not (src[i - 1].isascii() and src[i - 1].isalnum())):
            m = _ENGLISH_WORD.match(src, i)
            found = _stemmed_key(rules, src, m) if len(m.group(0)) >= 4 else None
            if found is not None:
                # "ended it all" reads as "end it all", "choking on" as "choke on": an
                # inflected first word of an English phrase the rules know.
                value, end = found
                out.append(value)
                spans += [(i, end)] * len(value)
                i = end
                replaced = True
            elif m.group(0) in _ENGLISH_FILLERS:
                # "his lips are swollen" → "唇 肿": the words between two understood ones
                # carry nothing, and the rules' windows are measured in Chinese characters.
                i = m.end()
                replaced = True
        if not replaced:
            out.append(src[i])
            spans.append((i, i + 1))
            i += 1
    if base is not None:
        spans = [(base[a][0], base[b - 1][1]) for a, b in spans]
    return "".join(out), spans, folded


def _clauses(text: str) -> list[int]:
    """Clause number of every character."""
    ids, clause, last = [], 0, 0
    for m in _CLAUSE.finditer(text):
        ids += [clause] * (m.end() - last)
        clause += 1
        last = m.end()
    ids += [clause] * (len(text) - last)
    return ids


def _find_terms(rules: Rules, text: str, clause_of: list[int]) -> list[Match]:
    found, i, n = [], 0, len(text)
    while i < n:
        for length in rules.term_lengths.get(text[i], ()):
            key = text[i:i + length]
            if len(key) == length and key in rules.terms and (not key[0].isascii() or _ascii_word_ok(text, i, i + length)):
                found.append(Match(i, i + length, key, rules.terms[key], clause_of[i]))
                i += length
                break
        else:
            i += 1
    return found


_denied = negation.denied
# An English cue as typed, or read ("not" → "不 "), right before a part of a match.
_INNER_NEG = re.compile(r"(?:\b(?:isn't|wasn't|aren't|weren't|not|no|never)|不|没有) ?$")
# A negation at the head of a red flag's match ("没呼吸", "没了呼吸").
_LEAD_CUE = re.compile(r"(?:没有|没|无|未|不)(?:了)?")


def _word_ends(rules: Rules, text: str, spans: list[tuple[int, int]], matches: list[Match]
               ) -> list[int]:
    """For each character, the end of the longest word said that starts there (0: none): a
    term, the reading of one everyday phrase ("喘不上气" → "呼吸困难": one word however it
    reads) or a danger word of the safety net."""
    ends = [0] * len(text)
    for m in matches:
        ends[m.start] = max(ends[m.start], m.end)
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and spans[j] == spans[i]:
            j += 1
        if j - i > 1:
            ends[i] = max(ends[i], j)
        i = j
    for word in rules.safety.words:
        if len(word) > 1 and not word.isascii():
            at = text.find(word)
            while at >= 0:
                ends[at] = max(ends[at], at + len(word))
                at = text.find(word, at + 1)
    return ends


def _lost_function(piece: str, at: int, offset: int, word_end: list[int]) -> bool:
    """Is the word at `at` a function whose negation is the sign ("突然不说话了", "就没醒过",
    "has not woken"), not the head of a longer symptom a cue would deny ("没呼吸困难")?"""
    word = negation.function_at(piece, at)
    return word is not None and word_end[offset + at] <= offset + at + len(word)


# The past come back: "had a seizure 2 years ago, and another one this morning",
# "两年前从梯子上摔过，今天又摔了" (the event of now is said only by reference).
_RECURS = re.compile(r"\b(?:again|another one|another (?:fit|seizure|attack|fall|episode|bleed)|"
                     r"once more)\b|(?<![没不未无])(?:又|再次|再一次|复发)")
# A comparison with the past: "crushing chest pain like when I had my heart attack years
# ago", "胸口压着疼，像两年前心梗那次": what comes before it is now.
_NOT_AGAIN = re.compile(r"\b(?:never|not|no|nothing|none)\b|n't\b|没有 |不 |否认 ")
_COMPARED = re.compile(r"\b(?:like|same as|similar to|as when|as bad as|just as)\b|像|跟")


def _history_clauses(text: str, clause_texts: list[str]) -> set[int]:
    """Clauses about the past that the patient says are over ("以前…现在好了")."""
    resolved = any(r in text for r in _RESOLVED)
    past = set()
    for i, clause in enumerate(clause_texts):
        marks = [clause.find(h) for h in (*_HISTORY, *_LONG_AGO) if h in clause]
        compared = _COMPARED.search(clause)
        if compared and marks and compared.start() < min(marks) and clause[:compared.start()].strip():
            continue
        if any(h in clause for h in _HISTORY) and not any(c in clause for c in _CURRENT):
            if resolved or "过" in clause or "得过" in clause:
                past.add(i)
        if any(h in clause for h in _LONG_AGO) and not any(c in clause for c in _CURRENT):
            past.add(i)
    if past and any(_recurs(c) for i, c in enumerate(clause_texts) if i not in past):
        return set()
    return past


def _recurs(clause: str) -> bool:
    """Does the clause say the past has come back ("another one this morning", "今天又摔了"),
    not that it has not ("never again", "hasn't happened again", "没再犯")? An English word
    is denied by a cue a few words before it (as typed, or read: "never" → "没有")."""
    return any(not m.group().isascii() or not _NOT_AGAIN.search(clause[max(0, m.start() - 24):m.start()])
               for m in _RECURS.finditer(clause))


def _patient_age(text: str) -> float | None:
    m = _AGE_MONTHS.search(text)
    if m:
        return 0.5
    for m in _AGE_YEARS.finditer(text):
        value = _zh_number(m.group(1).strip())
        if value is not None:
            return float(value)
    return None


def _reason(text: str, spans: list[tuple[int, int]], src: str, start: int, end: int) -> str:
    a, b = spans[start][0], spans[end - 1][1]
    original = src[a:b].strip()
    normal = text[start:end].strip()
    return original if original == normal else f"{original} → {normal}"


def analyse(rules: Rules, complaint: str, *, sex: str | None = None,
            age: float | None = None) -> Analysis:
    """Understand one complaint: department scores with reasons, and red flags."""
    text, spans, src = normalise(rules, complaint)
    result = Analysis(text)
    if not text.strip():
        return result
    clause_of = _clauses(text)
    clause_start: dict[int, int] = {}
    for pos, c in enumerate(clause_of):
        clause_start.setdefault(c, pos)
    clause_texts = _CLAUSE.split(text)
    matches = _find_terms(rules, text, clause_of)
    covered = [False] * len(text)
    for m in matches:
        for p in range(m.start, m.end):
            covered[p] = True
    past = _history_clauses(text, clause_texts)
    # What the complaint tells that is not the patient's now ("a friend overdosed last week",
    # "I was in a car crash 3 years ago"): read on the original, where "I" and "my" are.
    story_src = negation.story_mask(src)
    story = [b > a and all(story_src[a:b]) for a, b in spans] if any(story_src) \
        else [False] * len(text)
    for m in matches:
        if _denied(text, m.start, clause_start[m.clause], covered):
            m.weight = 0.0
        elif m.clause in past or all(story[m.start:m.end]):
            m.weight = 0.2

    scores: dict[str, float] = {}
    why: dict[str, list[tuple[int, int]]] = {}

    def add(dept: str, amount: float, *ms: Match) -> None:
        if amount <= 0:
            return
        scores[dept] = scores.get(dept, 0.0) + amount
        for m in ms:
            why.setdefault(dept, []).append((m.start, m.end))

    by_clause: dict[int, list[Match]] = {}
    child_moving = 0.0  # weight of child_moves concepts
    for m in matches:
        if m.weight <= 0:
            continue
        by_clause.setdefault(m.clause, []).append(m)
        for c in m.concepts:
            for dept, w in c.departments.items():
                add(dept, w * m.weight, m)
            if c.child_moves:
                child_moving += max(c.departments.values(), default=0.0) * m.weight
    for clause, ms in by_clause.items():
        bodies = [(m, c) for m in ms for c in m.concepts if c.kind == "body"]
        symptoms = [(m, c) for m in ms for c in m.concepts if c.kind == "symptom"]
        if symptoms and not bodies:
            # "屁股眼那儿老是潮乎乎的，痒": how it feels, said after a pause, is about the
            # place just named (when that clause named a place and no symptom of its own).
            before = [(m, c) for m in by_clause.get(clause - 1, ()) for c in m.concepts
                      if c.kind == "body" or c.departments]
            if all(c.kind == "body" for _m, c in before):
                bodies = before
        for bm, body in bodies:
            for sm, symptom in symptoms:
                weight = min(bm.weight, sm.weight)
                if symptom.pairs:
                    for dept, w in body.departments.items():
                        add(dept, min(w, 3.0) * weight, bm, sm)
                for b_codes, s_codes, dept, w in rules.combinations:
                    if body.code in b_codes and symptom.code in s_codes:
                        add(dept, w * weight, bm, sm)
    for b_codes, s_codes, dept, w in rules.text_combinations:
        # Once per complaint, by its strongest pair: "感冒了，流鼻涕嗓子疼" (a cold named, its
        # throat said in the next clause).
        pairs = [(min(bm.weight, sm.weight), bm, sm)
                 for bm in matches if bm.weight > 0 for body in bm.concepts
                 if body.kind == "body" and body.code in b_codes
                 for sm in matches if sm.weight > 0 for symptom in sm.concepts
                 if symptom.kind == "symptom" and symptom.code in s_codes]
        if pairs:
            weight, bm, sm = max(pairs, key=lambda p: p[0])
            add(dept, w * weight, bm, sm)

    # Who the patient is.
    stated_age = age if age is not None else triage_safety.patient_age(src)
    if age is None:
        age = _patient_age(text)
    if age is not None:
        child = age < rules.child_age
    else:
        said = text
        cue = next((w for w in rules.child_words if _word_present(said, w, covered)), None)
        if cue is not None and any(p in text for p in rules.not_a_child):
            # "孩子他爸胃疼" is the father's complaint; "孩子他爸说孩子咳嗽" still a child's.
            for phrase in rules.not_a_child:
                said = said.replace(phrase, " " * len(phrase))
            cue = next((w for w in rules.child_words if _word_present(said, w, covered)), None)
        child = cue is not None and not any(w in said for w in rules.adult_words)
        if child:
            at = said.find(cue)
            why.setdefault(rules.paediatrics, []).append((at, at + len(cue)))
    result.child = child
    if sex and sex.upper().startswith("M"):
        for dept in rules.women_only:
            scores.pop(dept, None)
    if child and rules.paediatrics:
        top = max(scores.values(), default=0.0)
        moving = sum(scores.get(d, 0.0) for d in rules.child_moves) + child_moving
        if top == 0 or moving >= 0.5 * top:
            scores[rules.paediatrics] = max(top, scores.get(rules.paediatrics, 0.0)) + 3.0
            for d in rules.child_moves:
                why.setdefault(rules.paediatrics, []).extend(why.get(d, []))
        elif scores.get(rules.paediatrics, 0.0) < 0.5 * top:
            # Teeth, an injury, the ear stay with their department, but a child's
            # department is always among the suggestions (just below the first).
            scores[rules.paediatrics] = 0.5 * top
    for dept, items in why.items():
        result.reasons[dept] = _merge_reasons(text, spans, src, items)
    if not any(v > 0 for v in scores.values()):
        dept = _fallback(rules, text, src, child, sex)
        if dept:
            scores[dept] = 1.0
            result.reasons[dept] = [NO_MATCH]
    result.scores = scores
    result.red_flags = _red_flags(rules, text, spans, src, clause_of, clause_start, covered, past,
                                  result.silenced, story, _word_ends(rules, text, spans, matches))
    if not result.red_flags:
        _denied_in_context(rules, text, matches, clause_texts, result.silenced)
    if not result.red_flags:
        # The safety net: general danger concepts for what no pattern was written for.
        views = triage_safety.views([src, text], rules.safety, _history_clauses)
        masks = {text: story, src: story_src}

        def ruled_out(said: str, at: int, clause_start: int, covered: list[bool],
                      reach: int = 5) -> bool:
            mask = masks.get(said)
            return negation.ruled_out(said, at, clause_start, covered, reach) or (
                mask is not None and at < len(mask) and mask[at])

        result.red_flags = triage_safety.check(rules.safety, views, child=child, age=stated_age,
                                               denied=ruled_out)
    return result


NO_MATCH = "<no specific match>"  # the reason of a fallback suggestion (frontdesk.triage translates it)


def _fallback(rules: Rules, text: str, src: str, child: bool, sex: str | None) -> str | None:
    """A sensible default for a complaint that matched nothing: the staff still choose."""
    fb = rules.fallback
    if not fb or not any(ch.isalnum() for ch in src):
        return None
    if not (sex and sex.upper().startswith("M")) and fb.get("pregnancy") and any(
            w in text or w in src for w in fb.get("pregnancy_words", [])):
        return fb["pregnancy"]
    if child and fb.get("child"):
        return fb["child"]
    return fb.get("adult") or None


def _word_present(text: str, word: str, covered: list[bool]) -> bool:
    at = text.find(word)
    while at >= 0:
        if not word[0].isascii() or _ascii_word_ok(text, at, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _merge_reasons(text, spans, src, items: list[tuple[int, int]]) -> list[str]:
    """Adjacent matched words read as one phrase ("肚子疼 → 腹痛"), in text order."""
    merged: list[list[int]] = []
    for start, end in sorted(set(items)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    for start, end in merged:
        reason = _reason(text, spans, src, start, end)
        if reason not in out:
            out.append(reason)
    return out


def _red_flags(rules: Rules, text, spans, src, clause_of, clause_start, covered, past,
               silenced: list[str] | None = None, story: list[bool] | None = None,
               word_end: list[int] | None = None):
    fired: list[tuple[str, str, str, str]] = []
    seen_spans: list[tuple[int, int]] = []
    pieces = [(m.start(), m.group()) for m in re.finditer(r"[^,，.。;；!！?？\n]+", text)]
    for flag in rules.red_flags:
        if flag.screen is not None and flag.screen.search(text) is None:
            continue  # no pattern matches anywhere in the text, so in no clause either
        scopes = [(0, text)] if flag.scope == "text" else pieces
        for offset, piece in scopes:
            hit = False
            for pattern in flag.patterns:
                if hit:  # one reason per flag and clause: the first pattern that fires
                    break
                for m in pattern.finditer(piece):
                    start, end = offset + m.start(), offset + m.end()
                    if end <= start:
                        continue
                    if _silenced(flag, m, piece, offset, text, clause_of, clause_start,
                                 covered, past, word_end) \
                            or (story is not None and all(story[start:end])) \
                            or (flag.onset == "sudden"
                                and negation.long_standing(src, spans[start][0])):
                        if silenced is not None and flag.code not in silenced:
                            silenced.append(flag.code)
                        continue
                    if any(a <= start and end <= b for a, b in seen_spans) and flag.code == "keyword":
                        continue
                    seen_spans.append((start, end))
                    words = _reason(text, spans, src, start, end)
                    if not any(f[0] == flag.code and f[3] == words for f in fired):
                        fired.append((flag.code, flag.name_zh, flag.name_en, words))
                    hit = True
                    break
    return fired


def _denied_in_context(rules: Rules, text: str, matches: list[Match], clause_texts: list[str],
                       silenced: list[str]) -> None:
    """Red flags the complaint rules out where its patterns never met: a danger word denied
    in one clause that would raise a flag with what another clause says ("20 weeks
    pregnant, here for my scan, baby moving fine, no bleeding": pregnant + bleeding). Said
    as silenced, so the backstop, which knows no negation, does not raise them again."""
    denied = [m for m in matches if m.weight == 0.0]
    if not denied or len(clause_texts) < 2:
        return
    for m in denied:
        for i, clause in enumerate(clause_texts):
            if i == m.clause or not clause.strip():
                continue
            probe = clause.strip() + m.term
            for flag in rules.red_flags:
                if flag.code in silenced or flag.scope != "text":
                    continue
                if flag.screen is not None and flag.screen.search(probe) is None:
                    continue
                if any(p.search(probe) for p in flag.patterns):
                    silenced.append(flag.code)


def _silenced(flag: RedFlag, m: re.Match, piece: str, offset: int, text: str, clause_of,
              clause_start, covered, past, word_end: list[int] | None = None) -> bool:
    start = offset + m.start()
    clause = clause_of[start]
    if clause in past:
        return True
    word_end = word_end or [0] * len(text)
    # A cue that heads the match and denies a longer word than the match reads: "没呼吸" of
    # "也没呼吸困难" ("nor short of breath": 喘不上气 said under a denial) is no arrest.
    lead = _LEAD_CUE.match(piece, m.start(), m.end())
    if lead and lead.end() < m.end() and word_end[offset + lead.end()] > offset + m.end():
        return True
    if negation.ruled_out(text, start, clause_start[clause], covered, reach=3):
        return True
    # A denial inside the match, just before its last part: "怀孕没有出血", "chest isn't
    # crushed". Not before a function whose loss is the sign ("突然不说话了", "has not woken").
    # (Only the last: a cue before an earlier part is mostly the pattern's own, "喘不(上)气".)
    inner = m.start(m.lastindex) if m.lastindex else -1
    if m.start() < inner < m.end():
        before = piece[max(m.start(), inner - 3):inner]
        said = _INNER_NEG.search(piece, m.start(), inner) or any(
            before.endswith(c) for c in _STRONG_NEG) or before.endswith(_NOT)
        if said and not _lost_function(piece, inner, offset, word_end):
            return True
        # … or the term it ends in denied as a term on its own is ("孕32周产检，没有阴道
        # 出血", "pregnant, no headaches or swelling", "itchy, no swelling of face or
        # trouble breathing"): the same reading as everywhere else. A cue just before
        # a part that is no known term is the pattern's own ("喊他也不怎么应", "没气了"):
        # the danger itself, so there only a list is read.
        at = offset + inner
        if covered[at]:
            while at > start and covered[at - 1]:
                at -= 1
            if negation.denied(text, at, clause_start[clause_of[at]], covered, reach=3):
                return True
        elif negation.list_denied(text, at):
            return True
    if flag.excepts:
        around = piece if flag.scope != "text" else text
        if flag.scope == "text":
            lo = clause_start[clause]
            hi = lo
            while hi < len(text) and clause_of[hi] == clause:
                hi += 1
            around = text[lo:hi]
        if any(e.search(around) for e in flag.excepts):
            return True
    return False
