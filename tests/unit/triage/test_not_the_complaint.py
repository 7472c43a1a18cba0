"""What a complaint says that is not the patient's emergency now (frontdesk.triage.negation):

a) denials said first, then the real complaint ("no chest pain, no fainting, just …");
b) someone else's illness, over and past, told by a patient who came for something else
   ("my dad had a heart attack two years ago, I want a check-up");
c) an event long over with a mild symptom left ("hit by a car years ago, my hip aches"),
   and a one-sided weakness of months or years with nothing new (a stroke is sudden).

Each kind both ways, in wordings of their own: what must not be a red flag, and the
look-alikes that must stay one (a relative's emergency now, the patient's own, an event of
an hour ago, a weakness of days or with something sudden). Through triage.suggest, so the
rules, the safety net and the backstop are all asked.
"""

from __future__ import annotations

import pytest

from frontdesk import triage
from frontdesk.triage import negation


def red(complaint: str) -> bool:
    return triage.suggest(complaint, learn=False).red_flag


CALM = [
    # a) denials, then "just/only X"
    "haven't fainted, no chest pain, only feel tired all the time",
    "didn't black out, no fits, just a bad hangover headache",
    "no slurred speech, no weakness, just pins and needles in my fingers after typing",
    "no head injury, didn't pass out, just a sprained ankle",
    "wasn't knocked out, just a bruised knee",
    "没晕倒，也没抽筋，只是有点累",
    "不喘，不胸闷，就是嗓子痒咳嗽",
    "没有摔跤，没有撞到头，就是腰酸",
    "no lip or tongue swelling, just an itchy rash",
    "I haven't had any chest pain, I just get heartburn",
    "chest pain? no. breathless? no. I just have a cough",
    "胸口疼？没有。出汗？没有。就是有点反酸",
    "nothing like chest pain or fainting, just tiredness",
    # b) someone else's, over
    "my dad died of a heart attack two years ago and I want my cholesterol checked",
    "my best friend took an overdose last month, I can't stop crying and need to talk",
    "a colleague collapsed at work last week, I'd like my blood pressure checked",
    "my neighbour was stabbed last month and I can't sleep",
    "my wife had a seizure last month, I need a repeat prescription",
    "我同学上个月出车祸走了，我心里难受想找医生聊聊",
    "我舅舅几年前脑梗了，我最近有点头晕想查查血压",
    "朋友上周吃药自杀了，我想找人聊聊",
    "同事上周在单位晕倒了，我想量血压",
    "my grandad had a stroke in the summer, I'm here about my eczema",
    "my flatmate took an overdose a few weeks ago and I keep having nightmares",
    "my cousin had a fit at christmas, I need a sick note",
    "我同事前几周被车撞了，我就是来体检的",
    "my dad had a heart attack, but I'm here for my own cough",
    "my friend overdosed once, I just want to talk to someone about my stress",
    "我妈心梗放过支架，我自己是来看膝盖的",
    "a man at work had a cardiac arrest last month, I want to learn CPR",
    "my uncle had a cardiac arrest years ago, I'm here for my knee",
    # c) long over, a mild symptom left; a weakness of months or years
    "I was in a car crash 3 years ago and my neck still aches",
    "fell off a ladder two years ago and my back still hurts sometimes",
    "两年前从梯子上摔下来，腰到现在还疼",
    "去年车祸腿骨折，现在走路还有点不得劲",
    "left arm weak for 2 years",
    "my left hand has been numb for years from carpal tunnel",
    "right arm weakness for the past six months, slowly getting better",
    "左腿没劲好多年了，来开药",
    "左手没力气两年了",
    "前几年煤气中毒过，现在记性不太好",
    "numbness in my right hand for about a year, worse when I type",
    "右手发麻大半年了",
    "weakness in my left leg for the last two years since my back operation",
    "I was hit by a car as a teenager and my knee clicks",
    "my knee still clicks from a motorbike crash in my twenties",
    "左手一直没劲，好些年了",
    "my left side has been weak since my stroke 5 years ago",
]

RED = [
    # a) what follows the denials is an emergency
    "no fever, only he won't wake up",
    "没有发烧，只是突然一边手脚没力气",
    "no chest pain, just suddenly can't speak properly",
    "not vomiting, just coughing up blood",
    "没有外伤，就是突然说不出话",
    # b) someone else's emergency now, or lately, or still going on
    "my husband is having chest pain",
    "my neighbour just collapsed in the street",
    "my brother was stabbed, he's bleeding a lot",
    "我爸刚才倒地上叫不醒",
    "我朋友刚割腕了",
    "my mum had a seizure last month and she is fitting again now",
    "my son fell off his bike last week and now he keeps vomiting and is drowsy",
    "my wife took an overdose last week and I'm worried she is still drowsy",
    "my friend was stabbed last week and the wound is bleeding again",
    "我爸上周摔了一跤，我看他今天一直迷迷糊糊的",
    "friend overdosed last week and now I want to kill myself",
    # c) an event of today, or the old one back; a weakness of days or with something new
    "fell off a ladder an hour ago, neck hurts",
    "I was in a car crash an hour ago and my neck hurts",
    "两个小时前出了车祸，脖子疼",
    "胸口压着疼，跟两年前心梗的时候一样",
    "I had a stroke two years ago and this morning my face started drooping again",
    "had a stent last year, now crushing chest pain",
    "left leg weak for 3 days",
    "右腿无力两天了",
    "left arm weak for 2 years, suddenly much worse today and I can't talk",
    "右手突然没力气，我高血压好多年了",
    "chest pain? yes, crushing, and I'm sweating",
    "chest pain? no idea why but it's crushing me",
    "my flatmate took an overdose and won't wake up",
    "我同事刚被车撞了，腿断了",
    "昨天煤气中毒了，现在头晕恶心",
    "right hand numb since this morning, I've had carpal tunnel for years",
    "右手发麻半天了",
    "my grandad had a stroke in the summer and now his speech is slurred again",
    "numbness in my right hand for about a year, suddenly my face is drooping today",
    "my dad just collapsed, I'm here for my dad",
    "my husband collapsed, I'm here with him",
    "我爸吐血了，我来拿药",
    "nothing helps the chest pain, it's crushing",
    "I was hit by a car an hour ago as I crossed the road",
    "left arm weak, diabetic for years",
    "左手没劲，高血压好些年了",
    # the heart stopped, said in English
    "a man at work just had a cardiac arrest",
    "my dad just had a cardiac arrest",
    "her heart stopped",
    # lips and tongue swelling together, after a denial or alone
    "no rash, only my lips and tongue are swelling",
    "嘴唇和舌头肿了",
]


# The past come back, or compared with: what is said of now is read as now.
BACK = [
    "两年前从梯子上摔过，今天又摔了",
    "had a seizure 2 years ago, and another one this morning",
    "fell off a ladder two years ago and again today",
    "crushing chest pain like when I had my heart attack years ago",
    "胸口压着疼，像两年前心梗那次一样",
]
OVER = [
    "几年前抽过一次，之后没再犯，这次是来看感冒",
    "fainted once years ago, never again, here for a sore throat",
]


@pytest.mark.parametrize("complaint", BACK)
def test_the_past_said_again_or_compared_with_is_now(rules_db, complaint):
    assert red(complaint), complaint


@pytest.mark.parametrize("complaint", OVER)
def test_the_past_said_not_to_come_back_stays_over(rules_db, complaint):
    assert not red(complaint), complaint


@pytest.mark.parametrize("complaint", CALM)
def test_what_is_not_the_patients_emergency_now_is_no_red_flag(rules_db, complaint):
    assert not red(complaint), complaint


@pytest.mark.parametrize("complaint", RED)
def test_look_alikes_of_it_stay_red(rules_db, complaint):
    assert red(complaint), complaint


@pytest.mark.parametrize("complaint, story", [
    ("i was in a car crash 3 years ago and my neck still aches", "car crash 3 years ago"),
    ("a friend overdosed last week, i want to talk to someone", "friend overdosed last week"),
    ("我妈去年放了支架,我来看膝盖", "我妈去年放了支架"),
    ("crushing pain like my heart attack two years ago", "heart attack two years ago"),
])
def test_a_story_is_the_part_of_the_clause_that_tells_it(complaint, story):
    told = [complaint[a:b] for a, b in negation.stories(complaint)]
    assert len(told) == 1 and story in told[0], told
    # … never the part that says what is wrong now
    assert "neck" not in told[0] and "talk" not in told[0] and "crushing" not in told[0]


@pytest.mark.parametrize("complaint", [
    "my husband is having chest pain", "chest pain that started three months ago",
    "my friend took an overdose last night and is drowsy",  # lately: maybe the patient
    "my son fell last week, he keeps vomiting",  # still spoken of: maybe the patient
    "my dad had a stroke last month",  # nothing of the speaker's own: maybe the patient
    "fell off a ladder two years ago and again today",
])
def test_what_goes_on_or_may_be_the_patients_is_no_story(complaint):
    assert negation.stories(complaint) == [], complaint


@pytest.mark.parametrize("complaint, lasting", [
    ("left arm weak for 2 years", True), ("右腿无力好几年了", True),
    ("left arm weak for 3 days", False), ("left arm weak for 2 years, worse today", False),
    ("my right side went weak, i've had diabetes for years", False),
])
def test_a_sign_of_long_standing_needs_months_or_years_and_nothing_new(complaint, lasting):
    assert negation.long_standing(complaint) is lasting
