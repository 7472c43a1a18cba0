"""A limb, a side, speech or waking lost, said in plain English: a red flag (possible stroke,
cord or unconscious), through triage.suggest, so the rules, the safety net and the backstop
are all asked. "No feeling / strength / sensation in" is the complaint itself, not a denial;
calm look-alikes (a denial, a sore throat, years of it, an injury) stay calm."""

from __future__ import annotations

import pytest

from frontdesk import triage


def red(complaint: str) -> bool:
    return triage.suggest(complaint).red_flag


@pytest.mark.parametrize("complaint", [
    "unable to speak or move her right side",
    "not able to speak or move",
    "dad is unable to talk and keeps dropping things",
    "she is not able to speak properly since an hour",
    "there's no feeling in his right hand since he woke up",
    "no sensation in her left leg, came on this afternoon",
    "no strength in his right arm",
    "lost all strength in my left leg an hour ago",
    "he has lost the strength in his left arm and his smile is lopsided",
    "unable to move his right leg all of a sudden",
    "not able to lift her left arm",
    "can not lift her right arm suddenly",
    "her mouth droops and she can not move her left side",
    "mum's words are all jumbled and her mouth droops on one side",
    "can't feel my legs or move them",
    "两条腿没知觉了，动不了",
    "半边身子动不了",
    "说话不清",
    "叫不醒",
    "my baby is floppy and not responding",
    "he collapsed and isn't responding",
])
def test_a_loss_said_in_plain_english_is_a_red_flag(rules_db, complaint):
    assert red(complaint), complaint


@pytest.mark.parametrize("complaint", [
    "no weakness or numbness, just a headache",
    "not numb, just tired",
    "can't move my arm much because of a frozen shoulder for months",
    "can't feel my fingers when it's cold",
    "my arm was numb after sleeping on it, fine now",
    "no feeling in my gums after the dentist injection",
    "no strength in my legs after the flu, feel tired",
    "unable to move my ankle after I twisted it, swollen",
    "lost strength in my right hand grip from arthritis for years",
    "unable to speak loudly because of a sore throat",
    "my voice is hoarse, can't speak much",
    "not able to move my neck much since I slept wrong",
    "my legs feel numb when I sit too long",
])
def test_a_look_alike_stays_calm(rules_db, complaint):
    assert not red(complaint), complaint


# --- an English event said as over: last night, and fine straight after ----------------

@pytest.mark.parametrize("complaint", [
    "my daughter choked on some water at dinner last night but was fine straight away",
    "he fainted last night but was fine right after, just want a check",
    "had a bit of chest tightness last night, fine afterwards, here for a check",
])
def test_an_event_last_night_that_was_over_at_once_is_calm(rules_db, complaint):
    assert not red(complaint), complaint


@pytest.mark.parametrize("complaint", [
    "choked on a sweet last night and he is still coughing and wheezing now",
    "she had chest pain last night and it is still there",
    "my son choked on a grape last night and now he can't breathe",
    "chest pain since last night",
    "he was fine last night but this morning he won't wake up",
])
def test_an_event_last_night_that_goes_on_stays_red(rules_db, complaint):
    assert red(complaint), complaint
