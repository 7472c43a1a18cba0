"""Pinyin typed with the IME off: "yun dao le", "xiong tong chu han", "haizi fashao".

At rule-compile time every Chinese word of the lexicon (synonym keys and values,
concept terms, danger words, families, child words, the literal Chinese of the
red-flag patterns) is read as toneless pinyin syllables (every reading of its
heteronyms, 血 xue/xie); `PinyinIndex.convert` then replaces, in Latin text, the
longest run of whole syllables that spells a lexicon word by that word. A match
starts at a word start and ends at a word end or where the rest of the word is
still pinyin ("yundaole" → 晕倒 + le), and needs at least two syllables, so
English words ("he", "die", "long") are left alone.

pypinyin is imported only while compiling (its readings of each word are kept
in a module cache, so recompiling after an admin's edit is cheap).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

_INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINALS = ("(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn"
           "|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)")
_SYLLABLE = re.compile(_INITIALS + _FINALS)
_WORD = re.compile(r"[a-z]+")
_SEP = re.compile(r"[\s'’\-]*")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
_READINGS: dict[str, list[str]] = {}  # character → toneless readings (module cache)
_MAX_COMBOS = 16


def _is_pinyin(word: str) -> bool:
    """Can `word` be cut into pinyin syllables (longest first, with backtracking)?"""
    if not word:
        return True
    for length in range(min(6, len(word)), 0, -1):
        head = word[:length]
        if _SYLLABLE.fullmatch(head) and _is_pinyin(word[length:]):
            return True
    return False


def _char_readings(ch: str) -> list[str]:
    found = _READINGS.get(ch)
    if found is None:
        from pypinyin import Style, pinyin

        found = []
        for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]:
            r = r.replace("ü", "v")
            for form in (r, r.replace("v", "u")):
                if form not in found and form.isascii() and form.isalpha():
                    found.append(form)
        _READINGS[ch] = found
    return found


def _spellings(word: str) -> list[str]:
    """The toneless pinyin spellings of a Chinese word, syllables run together."""
    from pypinyin import Style, lazy_pinyin

    usual = "".join(lazy_pinyin(word, style=Style.NORMAL)).replace("ü", "v")
    out = [usual] if usual.isascii() and usual.isalpha() else []
    per_char = [_char_readings(ch) for ch in word]
    if all(per_char):
        for combo in itertools.islice(itertools.product(*per_char), _MAX_COMBOS):
            joined = "".join(combo)
            if joined not in out:
                out.append(joined)
    return out


@dataclass
class PinyinIndex:
    words: dict[str, str] = field(default_factory=dict)  # "xiongtong" → "胸痛"
    lengths: list[int] = field(default_factory=list)  # key lengths, longest first
    # One-character words ("teng" → "疼"): read only as a whole word right after a word
    # already read ("xiong kou teng" → 胸口疼), never on their own ("he", "ma").
    singles: dict[str, str] = field(default_factory=dict)
    # English words of the rules that happen to spell pinyin ("side" = si de, "bite" = bi
    # te): left as English, so "left side" and "snake bite" reach their synonyms.
    english: frozenset = frozenset()

    def convert(self, text: str) -> tuple[str, list[tuple[int, int]]] | None:
        """(text with pinyin words in Chinese, source span of each character); None if none."""
        if not self.words or not any("a" <= c <= "z" for c in text):
            return None
        # Runs of Latin words separated by spaces/hyphens: joined without separators,
        # remembering where each joined letter came from and where each word starts/ends.
        out: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        changed = False
        for run in re.finditer(r"[a-z]+(?:[\s'’\-]+[a-z]+)*", text):
            letters, where, starts, ends = [], [], set(), set()
            for w in _WORD.finditer(run.group()):
                starts.add(len(letters))
                for k in range(w.start(), w.end()):
                    letters.append(run.group()[k])
                    where.append(run.start() + k)
                ends.add(len(letters))
            joined = "".join(letters)
            pieces: list[tuple[int, int, str]] = []  # (start, end in joined, chinese)
            i, n = 0, len(joined)
            while i < n:
                hit = None
                if i in starts and self.english:
                    j = min(e for e in ends if e > i)
                    if joined[i:j] in self.english:
                        i = j
                        continue
                if i in starts or (pieces and pieces[-1][1] == i):
                    for length in self.lengths:
                        j = i + length
                        if j > n:
                            continue
                        word = self.words.get(joined[i:j])
                        if word is None:
                            continue
                        if j in ends or _is_pinyin(joined[j:min(e for e in ends if e > j)]):
                            hit = (i, j, word)
                            break
                if hit is None and pieces and pieces[-1][1] == i and i in starts:
                    j = min(e for e in ends if e > i)
                    single = self.singles.get(joined[i:j])
                    if single is not None:
                        hit = (i, j, single)
                if hit:
                    pieces.append(hit)
                    i = hit[1]
                else:
                    i += 1
            if not pieces:
                continue
            changed = True
            for a, b, word in pieces:
                src_a, src_b = where[a], where[b - 1] + 1
                for k in range(pos, src_a):
                    out.append(text[k])
                    spans.append((k, k + 1))
                # Keep a space around the Chinese so leftover Latin words stay words.
                out.append(word)
                spans += [(src_a, src_b)] * len(word)
                pos = src_b
        if not changed:
            return None
        for k in range(pos, len(text)):
            out.append(text[k])
            spans.append((k, k + 1))
        return "".join(out), spans


def is_pinyin(word: str) -> bool:
    """Can `word` (lower-case letters) be cut into pinyin syllables?"""
    return bool(word) and _is_pinyin(word)


def readings(ch: str) -> list[str]:
    """The toneless readings of one Chinese character."""
    return _char_readings(ch)


def build(words) -> PinyinIndex:
    """The index of a lexicon (Chinese words; others and single characters are skipped)."""
    index = PinyinIndex()
    for word in words:
        if not word or not all("\u4e00" <= c <= "\u9fff" for c in word):
            continue
        if len(word) == 1:
            for spelling in _char_readings(word)[:1]:
                index.singles.setdefault(spelling, word)
            continue
        for spelling in _spellings(word):
            index.words.setdefault(spelling, word)
    index.lengths = sorted({len(k) for k in index.words}, reverse=True)
    return index


def han_runs(pattern: str) -> list[str]:
    """The literal Chinese words of a regular expression ("(胸|心口)痛" → 心口)."""
    return _HAN.findall(pattern)
