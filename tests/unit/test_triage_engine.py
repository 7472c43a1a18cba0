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


@pytest.mark.parametrize("patterns, complaint", [
    (["(?i)QWZX", "(?i)ZXQW"], "qwzx since noon"),  # global inline flags (Latin, no synonym)
    (["(?P<where>胸)痛", "(?P<where>心)痛"], "今天胸痛"),  # one group name in two patterns
])
def test_patterns_valid_alone_but_not_joined_are_searched_one_by_one(rules_db, patterns,
                                                                       complaint):
    # The rules validator compiles each pattern alone (triage_rules._regexes): a red flag
    # whose patterns cannot be joined into one screen must still load, and still fire.
    flag = engine.RedFlag("joined", "合", "joined", [re.compile(p) for p in patterns], [])
    assert flag.screen is None
    rules = triage._engine().rules
    rules.red_flags.append(flag)
    try:
        fired = engine.analyse(rules, complaint).red_flags
    finally:
        rules.red_flags.remove(flag)
    assert any(f[0] == "joined" for f in fired), fired
