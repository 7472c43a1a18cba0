"""Triage understands families of wording it was not shown (issue 13's held-out set).

Each table is one kind of understanding, written with phrasings of its own: the rules
must get them from the category (a synonym class, a body part, a red-flag concept),
not from a listed sentence.
"""

from __future__ import annotations

import pytest

from frontdesk import triage
from frontdesk.db.models import Department


def ranked(complaint: str, **kw) -> tuple[list[str], bool]:
    by_id = {d.id: d.code for d in Department.select()}
    s = triage.suggest(complaint, **kw)
    return [by_id[d] for d, _name, _words, _score in s.departments], s.red_flag


@pytest.mark.parametrize("complaint, first_code", [
    # The clinical word holds the everyday one ("痒" → "瘙痒"): said either way, it is
    # the same symptom.
    ("胳膊上痒得很", "derm"), ("皮肤瘙痒好几天", "derm"), ("腿上痒，抓出了血印子", "derm"),
    # An itch inside the ear or nose belongs to that organ.
    ("耳朵眼里痒痒的", "ent"), ("鼻子里面发痒", "ent"),
])
def test_a_symptom_is_read_the_same_however_it_is_said(rules_db, complaint, first_code):
    codes, red = ranked(complaint)
    assert codes[0] == first_code and not red
