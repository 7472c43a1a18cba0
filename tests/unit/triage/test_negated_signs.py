"""Negations that are not denials, and denials that hold a negation.

Three kinds, each written with wordings of its own (not the probe sentences that found them):

* a denial of one symptom does not reach a real one said after it ("no cough but my chest
  feels crushed", "不咳嗽，就是胸口像压了块石头"), the real one said in any plain words;
* a negated function is the emergency itself, not a denial ("hasn't woken up since the
  fall", "摔了以后就没醒过", "突然不说话了");
* a symptom whose own words hold a negation (喘不上气, 说不出话, can't breathe) said under a
  denial ("也没喘不上气") is denied: a double negative is no red flag.

Each kind has look-alikes that must not flip.
"""

from __future__ import annotations

import pytest

from frontdesk import triage


def flagged(complaint: str) -> bool:
    return triage.suggest(complaint, learn=False).red_flag


# --- 1. A denial, then the real thing ---------------------------------------------------
# Chest pressure said in English participles ("crushed", "squeezed"), with sweating or
# clamminess; the denial before it is of something else.
@pytest.mark.parametrize("complaint", [
    "no cough but my chest feels crushed and I'm sweating",
    "no cough however chest feels crushed and sweaty",
    "no fever but my chest feels squeezed and I'm clammy",
    "not a cold, my chest is being crushed, sweating buckets",
    "didn't faint but his chest feels squashed and he's sweating",
    "no runny nose, my chest feels like it's being squeezed",
    "never had a cough, but my chest feels crushed since this morning",
    "my dad has no fever but says his chest is crushed and he is clammy",
    "no temp, chest feels like it's been crushed, sweaty",
    "no cough, chest feels crushd and im sweating",
    "nothing like a cold, just my chest being squeezed and cold sweat",
    "no cough but there's a heavy weight on my chest and I'm sweating",
    "no fever, heaviness in my chest and sweating",
    "she has no cough but her chest feels crushed and she's clammy",
    "no cough but crushing chest pain and sweating",
    "no cough - chest pain and cold sweats",
    "no fever, severe chest pain and sweating",
    "not feeling well, crushing chest pain",
    "no fever, he can't breathe",
    "no headache but her face is drooping on one side",
    "不咳嗽，就是胸口像压了块石头，一直出冷汗",
    "不咳嗽，但是胸口压得慌，出冷汗",
    "没发烧，可是胸口闷得喘不上气",
    "没咳嗽，不过胸口像压了大石头，浑身冷汗",
    "没有发热，就是胸口疼得厉害，一直冒冷汗",
    "我爸没咳嗽，就是胸口憋得慌，出了一身冷汗",
    "没头疼，就是半边脸歪了，说话不清楚",
    "没有呕吐，可是人突然晕倒了",
    "不烧，就是喘不上气来",
    "不咳，胸口像压了块大石头，冷汗直冒",
    "咳嗽倒没有，胸口像压了石头，冷汗一直冒",
    "他不发烧，就是叫不醒",
    "以前没有心脏病，现在胸口压着疼，出冷汗",
])
def test_a_denial_does_not_reach_the_symptom_said_after_it(rules_db, complaint):
    assert flagged(complaint), complaint


@pytest.mark.parametrize("complaint", [
    "no cough but a runny nose",
    "no fever but a sore throat",
    "no chest pain, just a cough",
    "no chest pain or sweating, just a cough",
    "no chest pain, no sweating, just tired",
    # a cue said in English with an adjective before the symptom still denies it
    "no crushing chest pain, only heartburn",
    "no severe chest pain, just a cough",
    "no sudden weakness, just tired legs",
    "no heavy bleeding, just a little spotting after my smear",
    "my chest isn't crushed or tight, just a tickly cough",
    "not crushed, just bruised my shin",
    "squeezed my finger in the door",
    "crushed my toe under a chair, it's bruised",
    "不咳嗽，就是嗓子有点疼",
    "没发烧，就是有点流鼻涕",
    "没有胸痛，也没出冷汗，就是咳嗽",
    "不胸闷，不出汗，就是头有点晕",
    "没胸口痛，只是背有点酸",
])
def test_true_denials_stay_denials(rules_db, complaint):
    assert not flagged(complaint), complaint


# --- 2. A negated function is the sign ----------------------------------------------------
@pytest.mark.parametrize("complaint", [
    "he hasn't woken up since the fall",
    "she hasn't woken up since she fell",
    "my dad hasn't woken up since he hit his head",
    "he hasn't woke up since the fall",
    "she hasnt woken up",
    "he has not woken up since the accident",
    "she can't be woken",
    "we can't wake him up",
    "he never woke up after the fall",
    "my son isn't waking up",
    "grandma won't wake up properly",
    "he hasn't come round since the fall",
    "she didn't come round after the fit",
    "grandpa doesn't respond when we talk to him",
    "she didn't respond when I shook her",
    "my husband isn't responding to us",
    "no response from him since the fall",
    "he won't open his eyes",
    "she hasn't moved since she fell",
    "my dad suddenly can't talk",
    "she suddenly stopped talking and is staring",
    "she isn't talking anymore since the fall",
    "he hasn't spoken since he hit his head",
    "he's not breathing",
    "no longer breathing",
    "he is not really breathing",
    "she's barely breathing",
    "我爸摔了以后就没醒过",
    "撞了头以后就没醒",
    "他摔了之后再没醒过",
    "奶奶从床上掉下来后就没醒",
    "老人摔了一跤，到现在还没醒",
    "他喝完酒睡着了，怎么叫都叫不醒",
    "摔下来就没动静了",
    "我妈突然不说话了",
    "爷爷突然不会说话了",
    "他一下子不说话了，眼睛发直",
    "我爸突然没反应了",
    "他没呼吸了",
    "老人突然半边身子动不了",
    # typed fast, colloquial
    "he hasnt woke up since he fell over",
    "cant wake my grandad up",
    "my brother hasn't come round since the crash",
    "摔了以后就一直没醒过来",
    "跌倒后再也没醒",
])
def test_a_negated_function_is_the_emergency(rules_db, complaint):
    assert flagged(complaint), complaint


@pytest.mark.parametrize("complaint", [
    "I didn't wake up during the night, slept well, just a sore knee",
    "I can't wake up on time for work, always tired",
    "she never wakes up at night now, just has eczema",
    "his fever isn't responding to paracetamol",
    "the cough hasn't responded to antibiotics",
    "I haven't moved my bowels for three days",
    "she won't talk about it, just has a rash",
    "I can't talk much, my throat is sore",
    "no wound, he didn't pass out, just a bruised arm",
    "宝宝晚上睡得很好，一觉没醒过，就是有点咳嗽",
    "孩子生气了不说话，有点发烧",
    "没有叫不醒，就是睡得多",
    "没摔跤，也没晕，就是膝盖疼",
    "他没摔，就是手腕扭了",
    "no breathing problems, just a cough",
    "no trouble breathing, sore throat",
    "no difficulty breathing, itchy rash",
])
def test_look_alikes_of_a_negated_function_are_not_red(rules_db, complaint):
    assert not flagged(complaint), complaint


# --- 3. A double negative is a denial -----------------------------------------------------
@pytest.mark.parametrize("complaint", [
    "也没喘不上气",
    "咳嗽两天，也没喘不上气",
    "有点咳嗽，没有喘不上气",
    "发烧38度，没喘不过气",
    "胸口有点闷，但没喘不上气",
    "从来没喘不上气过，就是鼻塞",
    "孩子咳嗽，晚上也没憋得喘不上气",
    "感冒了，没喘不过来气",
    "没上不来气，就是嗓子疼",
    "没透不过气，就是鼻子堵",
    "头晕，但是没有说不出话",
    "头晕，没说不出话，也没站不稳",
    "没站不稳，就是有点头晕",
    "没有喘不过气来，就是咳嗽",
    "我爸头疼，没有说不出话，也没有手脚动不了",
    "没说不清话，就是头痛",
    "没抬不起胳膊，就是肩膀疼",
    "也没喘不上起",
    "咳了几天，也没有喘不过起来",
    "他头晕，但也没说不出话",
    "cough for two days, no can't breathe",
    "had a cold, never felt like I couldn't breathe",
    "headache but no can't speak or weakness",
    "my mum has a cough, she's not unable to breathe or anything",
])
def test_a_denied_symptom_that_holds_a_negation_is_denied(rules_db, complaint):
    assert not flagged(complaint), complaint


@pytest.mark.parametrize("complaint", [
    "喘不上气", "我爸喘不上气了", "咳嗽两天，现在喘不上气", "没发烧，就是喘不上气",
    "也不是发烧，就是喘不上气", "没事就喘不上气", "不动也喘不上气", "说不出话了",
    "突然站不稳，说不出话", "没了呼吸", "孩子没呼吸了", "I can't breathe",
    "no fever but I can't breathe", "he can't breathe properly",
])
def test_the_symptom_said_without_a_denial_stays_red(rules_db, complaint):
    assert flagged(complaint), complaint
