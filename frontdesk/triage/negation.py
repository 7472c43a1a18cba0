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
  a stroke"), and so do symptoms: only the name of an illness is ruled out this way;
* `stories(text)`: parts of a clause that tell what is not the patient's now, whatever
  they name: an event long over ("I was in a car crash 3 years ago and my neck still
  aches": the crash), someone else's of weeks ago when the speaker says what they came
  for ("a friend overdosed last week, I want to talk to someone");
* `long_standing(text)`: a sign said to have lasted months or years with nothing new
  ("left arm weak for 2 years"): not a sudden one (a stroke's).

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
_ENGLISH_NEG = re.compile(r"\b(no|not|without|denies|never|neither|don't have|doesn't have|isn't|no more|"
                          r"nothing (?:like|像|such as))"
                          r"\s+(\w+\s+)?$")


def question(text: str, pos: int) -> bool:
    """Is the negation at `pos` part of an A-not-A question ("是不是怀上了", "有没有发烧")?"""
    if pos <= 0 or pos + 1 >= len(text) or text[pos] not in "不没无":
        return False
    if text[pos - 1].isspace():
        return False  # English "not" between two words ("i'm not suicidal"), not 是不是
    return text[pos - 1] == text[pos + 1] or (text[pos] == "无" and text[pos - 1] == "有")


# … and said in the past ("didn't pass out", "wasn't knocked out", "haven't fainted"),
# unless what is not done is the danger itself ("didn't wake up", "hasn't moved").
_ENGLISH_PAST_NEG = re.compile(r"\b(?:didn't|did not|hasn't|has not|haven't|have not|hadn't|"
                               r"wasn't|was not|weren't|were not)\s+(?:(\w+)\s+)?"
                               r"(?:(?:any|a|an)\s+)?$")
_UNDONE = frozenset(("wake", "woke", "woken", "come", "came", "respond", "responded", "react",
                     "reacted", "answer", "answered", "open", "opened", "stop", "stopped",
                     "know", "recognise", "recognize", "make", "made", "pee", "peed", "wee",
                     "eat", "eaten", "drink", "drunk", "feed", "fed", "moved", "cried", "cry"))


# Chinese functions whose loss is the emergency ("突然不说话了", "摔了就没醒过", "没呼吸了",
# "没动静了"): a cue right before one inside a red flag's match is the sign, not a denial
# (unless the function word starts a longer symptom that the cue denies: "没呼吸困难").
ZH_FUNCTIONS = ("说话", "讲话", "吭声", "出声", "醒", "睁眼", "呼吸", "喘气", "动静", "反应", "认人")


def function_at(text: str, at: int) -> str | None:
    """The function named at `at` whose negation is the sign itself, if any: a Chinese one
    ("醒", "说话") or an English one ("woken", "responding", "breathing")."""
    word = next((w for w in ZH_FUNCTIONS if text.startswith(w, at)), None)
    if word is None:
        m = _TOKEN.match(text, at)
        if m and (m.group() in _FUNCTIONS or m.group() in _UNDONE):
            word = m.group()
    return word


def denied(text: str, start: int, clause_start: int, covered: list[bool], reach: int = 5) -> bool:
    """Is the word at `start` denied: by a cue just before it in its clause, or as an item
    of an English list a cue heads ("no fever, chest pain or shortness of breath")?"""
    return _cue_before(text, start, clause_start, covered, reach) \
        or _ENGLISH_NEG.search(text[max(0, start - 24):start]) is not None \
        or _past_denied(text, start) or list_denied(text, start) or _answered_no(text, start)


# Asked and answered: "chest pain? no.", "breathless? none", "胸痛？没有。", "发烧：无".
_QUESTION_END = re.compile(r"[^,，.。;；!！?？:：\n]*")
_ANSWER_NO = re.compile(r"\s*[?？:：]+\s*(?:no|nope|none|never|not really|negative|没有|没|无|否|不)"
                        r"\s*(?:[,，.。;；!！?？\n]|$)")


def _answered_no(text: str, start: int) -> bool:
    return _ANSWER_NO.match(text, _QUESTION_END.match(text, start).end()) is not None


def _past_denied(text: str, start: int) -> bool:
    m = _ENGLISH_PAST_NEG.search(text[max(0, start - 30):start])
    if m is None:
        return False
    word = _TOKEN.match(text, start)
    said = [w for w in (m.group(1), word.group() if word else None) if w]
    return not any(w in _FUNCTIONS or w in _UNDONE for w in said)


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
            # A cue read from English keeps the spaces between the words it reaches ("no
            # crushing chest pain" → "没有 压榨 胸痛"): they are no distance.
            between = window[at + len(cue):]
            gap = len(between.replace(" ", "")) if between.startswith(" ") else len(between)
            if phrase_ok and not covered[absolute] and gap <= reach:
                return True
            at = window.rfind(cue, 0, at)
    return False


# --- English lists: "no A, B or C" ------------------------------------------------------
# A cue said in English (as typed, or read: "no" → "没有 ", "denies" → "否认 ", "not" → "不 ").
_LIST_CUE_IN = re.compile(r"(?:\b(?:no|not|without|denies|denied|deny|denying|never|neither)\b"
                          r"|\bnothing (?:like|像|such as)"
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
              "心衰", "心力衰竭", "心脏骤停", "心跳骤停", "stroke", "heart attack", "cardiac arrest", "aneurysm")
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
                     r"儿子|女儿|叔|舅|姨|姑|伯|亲戚|家里人|家人|侄|外甥|孙子|孙女|对象|前夫|前妻|公公|婆婆|"
                     r"岳父|岳母|\b(?:dad|father|mom|mum|mother|grandma|grandpa|grandad|granddad|"
                     r"grandfather|grandmother|gran|nan|nana|brother|sister|husband|wife|son|daughter|"
                     r"uncle|aunt|auntie|cousin|nephew|niece|grandson|granddaughter|stepdad|stepmum|"
                     r"stepmom|partner|boyfriend|girlfriend|fianc[eé]e?|ex|relatives?|in-laws?|"
                     r"family|parents?)\b")
_OTHERS = re.compile(r"邻居|朋友|同事|同学|室友|舍友|闺蜜|老乡|熟人|领导|老板|别人|有人|\b(?:friend|"
                     r"friends|neighbou?r|colleague|co-?worker|classmate|room-?mate|flat-?mate|"
                     r"house-?mate|boss|someone|somebody|mate|buddy|guy|lady|pal|man|woman|stranger)\b")
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


# --- Stories: what a complaint tells that is not the patient's now ------------------------
# Read on the folded original (English as typed: "I", "my" and time words are still there),
# in parts of a clause: a clause splits where a new statement starts ("… 3 years ago and my
# neck still aches", "两年前摔的，腰到现在还疼") or a comparison does ("chest pain like my
# heart attack two years ago": the pain is now, the heart attack is the story).
_PART_BREAK = re.compile(
    r"[,，.。;；:：!！?？\n]|\b(?:and|but|so|because|cos|coz|now|then|though|although|while|"
    r"which|who|like|since|until|after|before|except|apart from|from|"
    r"when(?! i was)|as(?! a (?:child|kid|baby|teenager|teen|boy|girl|student)))\b|但是|但|可是|不过|"
    r"然后|后来|所以|因为|而且|现在|至今|到现在|如今|目前|这次|这回|这两天|最近|好像|像|跟|就是|只是")
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|" \
          r"thirty|forty|fifty|several|many|a few|few|some|a couple of|couple of|a couple)"
_ZH_COUNT = r"(?:\d+|[一二两三四五六七八九十几多好]+)"
# A time long past: months or years ago ("3 years ago", "two months ago", "last year",
# "去年", "三年前", "几个月前", "小时候"). Not "last month", "last week": a fall or an
# overdose of then may still be the patient's emergency now.
_LONG_AGO_AT = re.compile(
    rf"\b(?:{_NUMBER}\s+(?:years?|yrs?|decades?)\s+(?:ago|back)|years ago|decades ago|"
    rf"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|several|many|a few|some)"
    rf"\s+)?months\s+(?:ago|back)|last year|the year before last|"
    rf"as a (?:child|kid|baby|teenager)|when i was (?:young|little|a kid|a child|younger|"
    rf"a teenager|at school)|in my (?:teens|twenties|thirties|forties|fifties|youth|childhood))\b|"
    rf"{_ZH_COUNT}年(?:以)?前|{_ZH_COUNT}年多前|去年|前年|早年|小时候|年轻(?:的)?时|"
    rf"前(?:几|两|三|些|些)年|早些年|那几年|(?:大)?半年(?:多)?前|"
    rf"(?:[2-9]|\d\d|[两三四五六七八九十几多好]+)个(?:多)?月(?:以)?前")
# … and, for what happened to someone else, a week or more ago ("a friend overdosed last
# week", "同事上周晕倒了"), or a death.
_WEEK_AGO_AT = re.compile(
    rf"\b(?:last (?:week|month)|{_NUMBER}\s+(?:weeks?|months?)\s+(?:ago|back)|a week ago|"
    rf"a month ago|the other week|a while (?:ago|back)|some time ago|"
    rf"(?:in|over|during|at) (?:the )?(?:summer|spring|autumn|fall|winter|holidays|christmas|"
    rf"easter|new year)|in (?:january|february|march|april|may|june|july|august|september|"
    rf"october|november|december))\b|上周|上个?星期|上个?礼拜|上个月|"
    rf"{_ZH_COUNT}(?:个)?(?:星期|礼拜|周)前|前(?:几|两|三)个?(?:星期|礼拜|周)|前阵子|前段时间|前一阵|"
    rf"{_ZH_COUNT}个(?:多)?月前|(?:今年|去年)?(?:春天|夏天|秋天|冬天|过年|春节|年初)(?:的时候|时|那会)?|"
    rf"以前|之前|曾经|有一次|那次|\b(?:once|before|previously|in the past|used to)\b")
# The speaker says plainly they came for themselves ("I'm here for my own cough",
# "我自己是来看膝盖的"): someone else's illness told with it is a story, dated or not.
_FOR_MYSELF = re.compile(r"\b(?:i'm|i am|im) (?:only |just )?here (?:for|about) (?:(?:a|an|me)\b|"
                         r"my (?!(?:" + _PERSON.pattern.replace("\\b", "") + r")\b))|"
                         r"\bfor (?:myself|my own)\b|\bmy own\b|我自己|我本人")
# In the same part, the story is not over: a time of now, a start ("started", "开始"), more.
_STILL_NOW = re.compile(
    r"\b(?:now|today|tonight|this (?:morning|afternoon|evening|week)|just|just now|right now|"
    r"currently|still|again|suddenly|sudden|started|starting|starts|began|begun|keeps?|"
    r"keeping|getting|worse|worsening|ongoing|yesterday|last night|hours?|minutes?|mins?|"
    r"since(?!\s+(?:my|a|an|childhood|birth|i was|the (?:operation|accident|surgery|stroke|"
    r"crash|injury|fall)))|"
    r"is|are|am|i'm|im|it's|has been|have been|'s been)\b|"
    r"现在|今天|今早|今晚|昨天|昨晚|刚才|刚刚|突然|忽然|正在|还在|还是|仍|一直|开始|起|又|再次|"
    r"还|越来越|加重|小时|分钟|这会")
_SPEAKER = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|myself)\b|我(?!的?(?:" + _FAMILY.pattern
                      + "|" + _OTHERS.pattern + "))")
_AGAIN = re.compile(r"\b(?:again|once more|another (?:one|attack|fit|seizure|fall|episode)|"
                    r"recurr\w*|relaps\w*|back again)\b|又|再次|再一次|复发|再犯|又犯")
_MY = re.compile(r"\bmy\s+([a-z]+)")
_THIRD = re.compile(r"\b(?:he|she|him|her|his|hers|he's|she's|hes|shes|they|them|their)\b|他|她")


_PUNCTUATION = frozenset(",，.。;；:：!！?？\n")


def _parts(text: str) -> list[tuple[int, int]]:
    """The parts of each clause (start, end), split where a new statement starts."""
    out, last = [], 0
    for m in _PART_BREAK.finditer(text):
        if m.start() > last:
            out.append((last, m.start()))
        # A word that starts a new statement stays with it ("… and my neck still aches",
        # "现在还疼"); a mark of punctuation belongs to neither part.
        last = m.end() if m.group() in _PUNCTUATION else m.start()
    if last < len(text):
        out.append((last, len(text)))
    return out


def _speaks_of_self(text: str, lo: int, hi: int) -> bool:
    """Does the complaint outside [lo, hi) say what the speaker has or wants ("I'm here for
    my knee", "I can't sleep", "我想找人聊聊")?"""
    outside = text[:lo] + " " + text[hi:]
    if _THIRD.search(outside):
        return False  # the other one is still spoken of: maybe the patient ("…, he keeps vomiting")
    if _SPEAKER.search(outside):
        return True
    return any(_PERSON.fullmatch(m.group(1)) is None for m in _MY.finditer(outside))


def stories(text: str) -> list[tuple[int, int]]:
    """Parts of the (folded, original) complaint that tell of what is not the patient's now:
    an event long over ("I was in a car crash 3 years ago", "两年前从梯子上摔下来"), or what
    happened to someone else, over, when the speaker says what they have come for ("a
    friend overdosed last week, I want to talk to someone", "我妈去年放了支架，我来看膝盖").

    A part that says it goes on ("started 3 months ago", "still", "现在", "又") is no
    story; nor is someone else's illness now ("my husband is having chest pain") or lately
    ("my son fell last night"), nor the patient's own of weeks ago.
    """
    if _AGAIN.search(text):
        return []  # "fell off a ladder two years ago and again today": the story is back
    found = []
    for lo, hi in _parts(text):
        part = text[lo:hi]
        if not part.strip() or _STILL_NOW.search(part):
            continue
        if _LONG_AGO_AT.search(part):
            found.append((lo, hi))
            continue
        who = _PERSON.search(part)
        if who is None or _SPEAKER.search(part, who.end()):
            continue
        if (_WEEK_AGO_AT.search(part) or _DEATH.search(part)) and _speaks_of_self(text, lo, hi) \
                or _FOR_MYSELF.search(text, hi) and not _THIRD.search(text, hi):
            found.append((lo, hi))
    return found


def story_mask(text: str) -> list[bool]:
    """For each character of `text`, whether it lies in one of its `stories`."""
    mask = [False] * len(text)
    for lo, hi in stories(text):
        mask[lo:hi] = [True] * (hi - lo)
    return mask


# --- A sign of long standing --------------------------------------------------------------
# How long a sign has lasted, in months or years ("left arm weak for 2 years", "for the past
# few months", "右腿无力好几年了", "左手没劲两年多了").
_MONTHS = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few|" \
          r"few|some|a couple of|couple of)"
_ABOUT = r"(?:(?:about|around|nearly|almost|over|more than|at least|roughly|like|well over)\s+)?"
_LASTING = re.compile(
    rf"\bfor\s+(?:the\s+(?:past|last)\s+)?{_ABOUT}(?:{_NUMBER}\s+)?(?:years?|decades?)\b|"
    rf"\bfor\s+(?:the\s+(?:past|last)\s+)?{_ABOUT}(?:{_MONTHS}\s+)?months\b|"
    rf"(?:大)?半年(?:多)?了|(?:大)?半年多|一年多|好些年|很多年|十几年|几十年|"
    rf"\bsince\b[^,.;]*\b(?:years?|months?) ago\b|"
    rf"\b{_NUMBER}\s+years?\s+now\b|"
    rf"{_ZH_COUNT}年(?:多)?了|好几年|多年|这几年|这些年|"
    rf"(?:[2-9]|\d\d|[两三四五六七八九十几多好]+)个(?:多)?月了|好几个月")
# Anywhere in the complaint: something sudden, new or worse, or a time of today.
_NEW = re.compile(
    r"\b(?:sudden|suddenly|today|tonight|this (?:morning|afternoon|evening)|yesterday|"
    r"last night|just|now|hours?|minutes?|mins?|worsening|new|again|went|gone|came on|"
    r"started|began|woke|worse(?!\s+(?:when|with|in|at|after|if|during|on|by|whenever|"
    r"first))|since(?!\s+(?:my|a|an|childhood|birth|i was|surgery|the (?:operation|accident|"
    r"surgery|stroke|crash|injury|fall))))\b|突然|忽然|今天|今早|今晚|昨天|昨晚|刚才|刚刚|早上|现在|加重|"
    r"越来越|更|又|再次|一下子|猛地|小时|分钟|开始|变得|醒来")


def long_standing(text: str, start: int | None = None) -> bool:
    """Is the sign at `start` of the complaint said to have lasted months or years, in its
    own part of the clause, with nothing sudden, new or worse said anywhere ("left arm weak
    for 2 years", "左手没力气两年了")? A stroke comes on suddenly; a weakness of years is not
    one, unless something changed ("…, worse since this morning"). `start` None: a part
    anywhere in the complaint says so."""
    if _NEW.search(text):
        return False
    parts = _parts(text)
    for i, (lo, hi) in enumerate(parts):
        if start is None or lo <= start < hi:
            if _LASTING.search(text, lo, hi) is not None:
                return True
            # … or said right after it, on its own: "左手一直没劲，好些年了", "…, for years now"
            if i + 1 < len(parts):
                nlo, nhi = parts[i + 1]
                m = _LASTING.search(text, nlo, nhi)
                if m and not _BARE_DURATION.sub("", text[nlo:m.start()] + text[m.end():nhi]):
                    return True
    return False


_BARE_DURATION = re.compile(r"[\s了已经都有快差不多]|\b(?:it's|it has|has|have|been|now|already|"
                            r"about|like|so|and)\b")
