"""triage.engine's red-flag screen: one search over the complaint may skip a flag only when
no pattern of it could match in any clause, so it never changes which flags fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontdesk import triage
from frontdesk.triage import engine
from frontdesk.triage.eval import read_cases

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("pattern, free", [
    ("胸[^。]{0,30}(下巴|下颌|左臂)", True), ("(胸|心脏).{0,3}(痛|闷)", True), ("a|b+c?", True),
    ("(没有|停止)呼吸(?!困难)", False), ("(?<!不)痛", False), ("^胸痛", False), ("胸痛$", False),
    (r"\bchest", False), (r"(痛)\1", False), (r"(a)?(?(1)b|c)", False),
])
def test_a_pattern_is_context_free_only_when_it_looks_at_its_match_alone(pattern, free):
    assert engine._context_free(re.compile(pattern)) is free


@pytest.mark.parametrize("pattern, loose", [
    ("胸[^。]{0,30}(下巴|左臂)", "胸[^。]{0,30}(下巴|左臂)"),  # context-free: itself
    ("(想|要)(去)?死(?!了)", "(想|要)(去)?死"), ("(楼(?!梯)|桥)上?跳", "(楼|桥)上?跳"),
    ("(?<![像似])(着|起)了?火", "(着|起)了?火"), ("喉(鸣|呼噜)(?![^，,。]{0,8}痰)", "喉(鸣|呼噜)"),
    (r"^\bchest\b$", "chest"), ("[^]x(?!]痛(?=了)", "[^]x(?!]痛"), (r"(痛)\1", None),
])
def test_a_pattern_is_loosened_to_a_context_free_one_that_matches_at_least_as_often(pattern,
                                                                                   loose):
    # A flag whose patterns have look-arounds still gets a screen: the screen may let a
    # complaint through to the clause-by-clause search more often, never less.
    found = engine._loosened(re.compile(pattern))
    assert (found.pattern if found is not None else None) == loose


def test_the_screen_never_changes_which_red_flags_fire(rules_db):
    rules = triage._engine().rules
    assert any(f.screen is not None for f in rules.red_flags)
    complaints = [c.complaint for path in sorted(DATA.glob("triage_*.tsv"))
                  for c in read_cases(path)]
    complaints += ["胸口痛，出冷汗，脸色苍白", "没有呼吸困难", "想死了", "咳嗽两天", "我想死",
                   "从楼梯上跳下来崴了脚", "从桥上跳下去了", "喉咙里呼噜呼噜的有痰", "喉咙里呼噜响",
                   "嗓子像着了火一样", "厨房着火了"]
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
    # The rules validator compiles each pattern alone (triage.rules._regexes): a red flag
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
