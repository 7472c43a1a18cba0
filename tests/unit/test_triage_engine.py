"""triage_engine's red-flag screen: one search over the complaint may skip a flag only when
no pattern of it could match in any clause, so it never changes which flags fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontdesk import triage
from frontdesk import triage_engine as engine
from frontdesk.triage_eval import read_cases

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("pattern, free", [
    ("胸[^。]{0,30}(下巴|下颌|左臂)", True), ("(胸|心脏).{0,3}(痛|闷)", True), ("a|b+c?", True),
    ("(没有|停止)呼吸(?!困难)", False), ("(?<!不)痛", False), ("^胸痛", False), ("胸痛$", False),
    (r"\bchest", False), (r"(痛)\1", False), (r"(a)?(?(1)b|c)", False),
])
def test_a_pattern_is_context_free_only_when_it_looks_at_its_match_alone(pattern, free):
    assert engine._context_free(re.compile(pattern)) is free


def test_the_screen_never_changes_which_red_flags_fire(rules_db):
    rules = triage._engine().rules
    assert any(f.screen is not None for f in rules.red_flags)
    complaints = [c.complaint for path in sorted(DATA.glob("triage_*.tsv"))
                  for c in read_cases(path)]
    complaints += ["胸口痛，出冷汗，脸色苍白", "没有呼吸困难", "想死了", "咳嗽两天"]
    screens = [f.screen for f in rules.red_flags]
    try:
        screened = [engine.analyse(rules, c).red_flags for c in complaints]
        for f in rules.red_flags:
            f.screen = None
        searched = [engine.analyse(rules, c).red_flags for c in complaints]
    finally:
        for f, screen in zip(rules.red_flags, screens, strict=True):
            f.screen = screen
    assert screened == searched
    assert sum(bool(r) for r in searched) > 100  # the set holds red flags to find
