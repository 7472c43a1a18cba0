"""An overdose said with the pack the tablets came in (the eleventh probe's one miss after
the backstop was retrained: 'swallowed a whole strip of paracetamol' was red only by the
backstop; the rules now read it themselves)."""

from __future__ import annotations

import pytest

from frontdesk import triage


@pytest.mark.parametrize("complaint", [
    "swallowed a whole strip of paracetamol about 2 hrs ago after a fight with my bf, feel sick",
    "she took a packet of sleeping pills after the argument",
    "my son swallowed a whole bottle of his antidepressants, he's drowsy",
    "took an entire box of ibuprofen this morning",
    "he swallowed a blister pack of aspirin",
])
def test_a_pack_of_tablets_taken_at_once_is_red(rules_db, complaint):
    assert triage.suggest(complaint).red_flag, complaint


@pytest.mark.parametrize("complaint", [
    "took a box of tissues to the clinic for my cold, runny nose",
    "the doctor gave me a strip of antibiotics last week, I'm taking one twice a day",
    "I need a new packet of my blood pressure tablets",
    "took my pills with a bottle of water, just here for a check up",
])
def test_a_pack_said_without_taking_it_all_stays_calm(rules_db, complaint):
    assert not triage.suggest(complaint).red_flag, complaint
