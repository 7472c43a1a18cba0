"""Learning from the desk: past complaints and the department the staff chose.

A character n-gram naive-Bayes model over the hospital's own visits (the most
recent `MAX_VISITS`), trained lazily, updated in memory as the desk confirms
visits, and rebuilt when stale. It only re-ranks departments; red flags never
learn (frontdesk.triage decides them from the rules alone). No network, no
large model: a few dictionaries of counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

MAX_VISITS = 20_000
MIN_EXAMPLES = 3  # below this many confirmed visits the model says nothing
_ALPHA = 0.5
_SKIP = re.compile(r"[\s,，.。;；:：!！?？、()（）\"'“”‘’\-—~·]+")


def features(text: str) -> list[str]:
    """Character unigrams and bigrams of a normalised complaint (punctuation dropped)."""
    grams: list[str] = []
    for piece in _SKIP.split(text):
        grams += list(piece)
        grams += [piece[i:i + 2] for i in range(len(piece) - 1)]
    return grams


@dataclass
class Model:
    """Counts per department code; `add` is the incremental update."""

    docs: Counter = field(default_factory=Counter)
    grams: dict[str, Counter] = field(default_factory=dict)
    totals: Counter = field(default_factory=Counter)
    vocab: set[str] = field(default_factory=set)
    seen_visit_id: int = 0
    added_since_build: int = 0

    @property
    def size(self) -> int:
        return sum(self.docs.values())

    def add(self, text: str, dept: str) -> None:
        grams = features(text)
        if not grams or not dept:
            return
        self.docs[dept] += 1
        bucket = self.grams.setdefault(dept, Counter())
        bucket.update(grams)
        self.totals[dept] += len(grams)
        self.vocab.update(grams)

    def posterior(self, text: str) -> dict[str, float]:
        """P(department | complaint); {} when the model knows too little."""
        if self.size < MIN_EXAMPLES:
            return {}
        grams = [g for g in features(text) if g in self.vocab]
        if not grams:
            return {}
        n, v = self.size, len(self.vocab) + 1
        logs = {}
        for dept, count in self.docs.items():
            bucket, total = self.grams[dept], self.totals[dept]
            denom = math.log(total + _ALPHA * v)
            logs[dept] = math.log(count / n) + sum(
                math.log(bucket.get(g, 0) + _ALPHA) - denom for g in grams)
        top = max(logs.values())
        exp = {d: math.exp(s - top) for d, s in logs.items()}
        norm = sum(exp.values())
        return {d: e / norm for d, e in exp.items()}


def train(rows, normalise) -> Model:
    """A model from (visit id, complaint, department code) rows, newest first."""
    model = Model()
    for visit_id, complaint, dept in rows:
        model.add(normalise(complaint or ""), dept)
        model.seen_visit_id = max(model.seen_visit_id, visit_id)
    return model
