"""What a complaint rules out: denied words and illnesses that are not the patient's now.

One set of answers for the three readers of a complaint (the engine's department
matching, its red-flag patterns and the safety net), so they never disagree:

* `denied(text, start, ...)`: the word at `start` is denied — a cue just before it in
  its clause ("没有胸痛", "不发热", "no chest pain"), or an English list the cue heads
  ("no fever, chest pain or shortness of breath", "denies chest pain or dizziness",
  "no swelling of face or trouble breathing": every item is denied, not only the first);
* `not_the_patients(text, start, ...)`: the illness named at `start` is feared, not had
  ("担心自己会得心梗", "怕自己中风", "worried I might have a heart attack"), or someone
  else's, over ("邻居上个月心梗走了", "my friend had a stroke so I'm worried").
  A suspicion of now stays the patient's ("担心是心梗", "怕是中风了", "scared I'm having
  a stroke"), and so do symptoms: only the name of an illness is ruled out this way.

Works on the normalised text (English read into Chinese terms: "no" → "没有 ") and on the
folded original (English as typed). No database, no Qt.
"""

from __future__ import annotations

import re

# Negation cues: strong ones reach over a few characters ("没有发热、咳嗽"), 不
# only the next word ("不发热"), and not in set phrases ("不止", "血止不住").
STRONG_NEG = ("没有", "没", "无", "否认", "未", "并无", "不是", "不再", "没再")
NOT = "不"
_NOT_FOLLOWERS = set("止停退住清醒适了断过到出起动开下得用够见少")
_NOT_AFTER_CUE = ("无法", "无力", "没事", "没多久", "没几天", "未来")
# Words after which a denial no longer reaches: "没有发热，但是咳嗽" / "没发热就是咳嗽".
SCOPE_BREAKS = ("但是", "但", "可是", "不过", "就是", "只是", "只有", "却", "而且", "还有",
                "又", "现在", "今天", "这次", "反而")
# English as typed: a cue and at most one word before the denied one ("no chest pain",
# "not really dizzy").
_ENGLISH_NEG = re.compile(r"\b(no|not|without|denies|never|neither|don't have|doesn't have|isn't|no more)"
                          r"\s+(\w+\s+)?$")


def question(text: str, pos: int) -> bool:
    """Is the negation at `pos` part of an A-not-A question ("是不是怀上了", "有没有发烧")?"""
    if pos <= 0 or pos + 1 >= len(text) or text[pos] not in "不没无":
        return False
    if text[pos - 1].isspace():
        return False  # English "not" between two words ("i'm not suicidal"), not 是不是
    return text[pos - 1] == text[pos + 1] or (text[pos] == "无" and text[pos - 1] == "有")


def denied(text: str, start: int, clause_start: int, covered: list[bool], reach: int = 5) -> bool:
    """Is the word at `start` denied: by a cue just before it in its clause, or as an item
    of an English list a cue heads ("no fever, chest pain or shortness of breath")?"""
    return _cue_before(text, start, clause_start, covered, reach) \
        or _ENGLISH_NEG.search(text[max(0, start - 24):start]) is not None \
        or list_denied(text, start)


def _cue_before(text: str, start: int, clause_start: int, covered: list[bool], reach: int) -> bool:
    before = text[clause_start:start]
    for brk in SCOPE_BREAKS:
        at = before.rfind(brk)
        if at >= 0:
            before = before[at + len(brk):]
    offset = start - len(before)
    stripped = before.rstrip()
    # 不 right before the word: "不发热", "不太咳嗽".
    for gap in (0, 1, 2):
        pos = len(stripped) - 1 - gap
        if pos >= 0 and stripped[pos] == NOT and not covered[offset + pos] \
                and not question(text, offset + pos):
            follower = stripped[pos + 1] if pos + 1 < len(stripped) else text[start]
            if follower not in _NOT_FOLLOWERS and (gap == 0 or stripped[pos + 1:] in ("太", "怎么", "再", "怎", "很", "会")):
                return True
    window = before[-reach - 3:]
    base = len(before) - len(window)
    for cue in STRONG_NEG:
        at = window.rfind(cue)
        while at >= 0:
            absolute = offset + base + at
            phrase_ok = not any(text.startswith(p, absolute) for p in _NOT_AFTER_CUE) \
                and not question(text, absolute)
            if phrase_ok and not covered[absolute] and len(window) - at - len(cue) <= reach:
                return True
            at = window.rfind(cue, 0, at)
    return False


# --- English lists: "no A, B or C" ------------------------------------------------------
# A cue said in English (as typed, or read: "no" → "没有 ", "denies" → "否认 ", "not" → "不 ").
_LIST_CUE_IN = re.compile(r"(?:\b(?:no|not|without|denies|denied|deny|denying|never|neither)\b"
                          r"|n't (?:have|had|got)\b|negative for|free of|(?:没有|否认|不|无) )")
_SENTENCE = re.compile(r"[.。;；!！?？\n]")
_TOKEN = re.compile(r"[a-z']+|[\u4e00-\u9fff]+|\d+")
_FILLERS = frozenset("a an the my his her their your any of in on at to with some".split())
# An item holding one of these is a statement, not a noun in a list: "no fever, chest pain
# since this morning or so" says the chest pain.
_STOP = frozenset((
    "but", "however", "though", "although", "except", "apart", "and", "since", "for", "started",
    "start", "starts", "began", "begun", "ago", "now", "today", "tonight", "yesterday", "still",
    "again", "keeps", "then", "when", "after", "before", "because", "so", "is", "are", "was",
    "were", "am", "be", "been", "has", "have", "had", "i", "i'm", "im", "i've", "it", "it's",
    "he", "she", "they", "feel", "feels", "felt", "hurts", "hurt", "getting", "got", "just",
    "worse", "bad", "badly", "really", "very", "hurting", "aching", "killing", "can't", "cannot",
    "won't", "couldn't", "keep", "kept", "going", "coming", "came", "went", "woke", "collapsed",
    *SCOPE_BREAKS))


# Right after the cue, these make the negation the complaint itself, not a denial: "not
# waking up or responding", "no pulse or breathing", "not able to speak or move", "no
# feeling in the left arm or leg".
_FUNCTIONS = frozenset((
    "breathing", "breathe", "breath", "waking", "wake", "awake", "responding", "respond",
    "responsive", "response", "moving", "move", "movement", "talking", "talk", "speaking",
    "speak", "speech", "eating", "feeding", "drinking", "answering", "making", "conscious",
    "able", "feeling", "sensation", "strength", "power", "control", "pulse", "use", "reacting",
    "recognising", "recognizing", "peeing", "urine", "focus", "focusing"))


def _item_ok(item: str) -> bool:
    """A short noun phrase of a list: one to four words, none of them a statement's."""
    words = [w for w in _TOKEN.findall(item) if w not in _FILLERS]
    return 0 < len(words) <= 4 and not any(
        w in _STOP or w.isdigit() or len(w) > 8 and not w.isascii() or
        (not w.isascii() and any(b in w for b in SCOPE_BREAKS)) for w in words)


# A list joiner: a comma, or "or"/"nor" (with a comma before it or not: "A, B, or C").
_JOINER = re.compile(r"[,，、/]?\s*\b(?:or|nor)(?=\s|$)|[,，、/]")


def _is_or(joiner: re.Match) -> bool:
    return joiner.group().rstrip().endswith("or")


def _last_joiner(text: str) -> re.Match | None:
    found = None
    for m in _JOINER.finditer(text):
        found = m
    return found


def list_denied(text: str, start: int) -> bool:
    """Is the word at `start` an item of an English list headed by a denial ("no fever,
    chest pain or shortness of breath": each of the three)? Items joined by commas need an
    "or"/"nor" before the list's last item ("no fever, chest pain since morning" says the
    chest pain); each item is a short noun phrase."""
    left = _SENTENCE.split(text[max(0, start - 160):start])[-1].rstrip()
    joiner = _last_joiner(left)
    if joiner is None or joiner.end() != len(left):
        return False  # the word does not follow a list's joiner
    right = _SENTENCE.split(text[start:start + 120])[0]
    nxt = _JOINER.search(right)
    if not _item_ok(right[:nxt.start()] if nxt else right):
        return False  # the word's own item
    if not _is_or(joiner) and not _closed_by_or(right):
        return False
    before = left[:joiner.start()]
    commas = not _is_or(joiner)
    for _ in range(8):
        # The previous item: back to the joiner before it, or to a cue that heads the list.
        prev = _last_joiner(before)
        segment = before[prev.end():] if prev else before
        cues = list(_LIST_CUE_IN.finditer(segment))
        if cues:
            # "not" (不) denies a list only joined by "or" ("not dizzy or short of breath");
            # "is not feeding, floppy or blue" says the floppiness.
            weak = cues[-1].group().strip() in ("not", "不")
            head = segment[cues[-1].end():]
            words = [w for w in _TOKEN.findall(head) if w not in _FILLERS]
            return _item_ok(head) and not (weak and commas) and words[0] not in _FUNCTIONS
        if prev is None or not _item_ok(segment):
            return False
        commas = commas or not _is_or(prev)
        before = before[:prev.start()]
    return False


def _closed_by_or(right: str) -> bool:
    """Does the list that goes on in `right` ("chest pain, cough or shortness of breath")
    reach an "or"/"nor" before its last item, every item short?"""
    rest = right
    for _ in range(8):
        m = _JOINER.search(rest)
        if m is None or not _item_ok(rest[:m.start()]):
            return False
        if _is_or(m):
            tail = rest[m.end():]
            after = _JOINER.search(tail)
            return _item_ok(tail[:after.start()] if after else tail)
        rest = rest[m.end():]
    return False


# --- Illnesses that are not the patient's now -------------------------------------------
# Names of illnesses (as read and as typed), not symptoms: a symptom said is the patient's.
_ILLNESSES = ("心梗", "心肌梗", "心脏病", "中风", "脑梗", "脑卒中", "卒中", "脑出血", "脑溢血", "猝死",
              "心衰", "心力衰竭", "stroke", "heart attack", "cardiac arrest", "aneurysm")
_WORRY = re.compile(r"担心|担忧|害怕|恐惧|焦虑|吓|(?<![恐哪])怕(?!是|不是)|\b(?:worried|worry|worrying|"
                    r"worries|afraid|scared|fear|fearful|frightened|terrified|anxious|nervous|"
                    r"paranoid|concerned)\b")
# Between the worry and the illness, or just after it: a suspicion of now ("担心是心梗",
# "怕他中风了", "scared I'm having a stroke", "worried it's a heart attack").
_NOW = re.compile(r"是|已经|正在|可能|好像|像|\b(?:it|it's|its|this|that|be|been|had|is|am|i'm|im|"
                  r"he's|she's|just|now|having)\b")
# "afraid of having a heart attack" (read: "afraid  having"): a fear, not a suspicion.
_FEARED_HAVING = re.compile(r"^\s*(?:(?:of|about)\s+)?having\b")
_AFTER_NOW = re.compile(r"^\s*(?:了|发作|犯了|\b(?:now|right now|again)\b)")
_CURRENT = re.compile(r"现在|刚才|刚刚|突然|正在|今天|这会|今早|今晚|早上|\b(?:now|just|today|tonight|"
                      r"this morning|this evening|suddenly|right now)\b")
_FAMILY = re.compile(r"爸|妈|父亲|母亲|爷爷|奶奶|外公|外婆|姥姥|姥爷|哥|姐|弟|妹|老公|老婆|丈夫|妻子|"
                     r"儿子|女儿|叔|舅|姨|姑|伯|亲戚|家里人|家人|\b(?:dad|father|mom|mum|mother|"
                     r"grandma|grandpa|grandfather|grandmother|gran|nan|brother|sister|husband|wife|"
                     r"son|daughter|uncle|aunt|cousin|family|parents?)\b")
_OTHERS = re.compile(r"邻居|朋友|同事|同学|室友|老乡|熟人|领导|老板|别人|有人|\b(?:friend|friends|"
                     r"neighbou?r|colleague|co-?worker|classmate|room-?mate|boss|someone|somebody|"
                     r"mate|buddy|guy|lady)\b")
_DEATH = re.compile(r"走了|去世|过世|没了|死了|死的|走的|病逝|\b(?:died|die|passed away|passed|dead|"
                    r"killed)\b")
_PAST = re.compile(r"以前|之前|过去|曾经|去年|前年|小时候|年前|上次|早年|以往|既往|病史|上个月|上周|"
                   r"年轻时|多年前|几年前|那年|前几年|前些年|中过|得过|犯过|\b(?:years? ago|months? "
                   r"ago|weeks? ago|last (?:year|month|week)|in the past|used to|history of|"
                   r"back in)\b")
_PERSON = re.compile(_FAMILY.pattern + "|" + _OTHERS.pattern)
_SELF_CONCERN = re.compile(_WORRY.pattern + r"|体检|查查|查一下|检查一下|\b(?:check-?up|screening|"
                           r"checked)\b")
_CLAUSE_MARK = re.compile(r"[,，.。;；!！?？\n]")


def _illness_at(text: str, start: int) -> str | None:
    return next((w for w in _ILLNESSES if text.startswith(w, start)), None)


def not_the_patients(text: str, start: int) -> bool:
    """Is the illness named at `start` feared, or someone else's and over, rather than the
    patient's now? Only names of illnesses ("心梗", "stroke"), never symptoms."""
    illness = _illness_at(text, start)
    if illness is None:
        return False
    lo = start
    while lo > 0 and not _CLAUSE_MARK.match(text, lo - 1):
        lo -= 1
    end = start + len(illness)
    hi = _CLAUSE_MARK.search(text, end)
    hi = hi.start() if hi else len(text)
    before, after = text[lo:start], text[end:hi]
    # A new statement in the same clause: "dad had a stroke years ago and now she …".
    cut = re.search(r"\b(?:and|but|so)\b|但是|可是|不过|而且", after)
    if cut:
        after = after[:cut.start()]
    if _CURRENT.search(before) or _CURRENT.search(after) or _AFTER_NOW.match(after):
        return False
    # Feared: "担心自己会得心梗", "怕自己中风", "worried I might have a heart attack".
    worries = list(_WORRY.finditer(before))
    if worries and not _NOW.search(_FEARED_HAVING.sub("", before[worries[-1].end():])):
        return True
    # Someone else's: "邻居上个月心梗走了", "my friend had a stroke so I'm worried".
    who = None
    for m in _PERSON.finditer(before):
        who = m
    if who is None or re.search(r"我|\b(?:i|me|myself|i'm)\b", before[who.end():]):
        return False
    if _DEATH.search(after) or _DEATH.search(before, who.end()) or _PAST.search(before) \
            or _PAST.search(after):
        return True
    return not _FAMILY.fullmatch(who.group()) and _SELF_CONCERN.search(text) is not None


def ruled_out(text: str, start: int, clause_start: int, covered: list[bool], reach: int = 5) -> bool:
    """A danger word that does not count: denied, or an illness not the patient's now."""
    return denied(text, start, clause_start, covered, reach) or not_the_patients(text, start)
