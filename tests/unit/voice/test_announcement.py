"""What the waiting room hears: the sentence of each kind of call, for each engine."""

import pytest

from frontdesk.voice.announcement import (
    Announcement,
    CallKind,
    NameMode,
    all_clips,
    clip_keys,
    display_text,
    pinyin_text,
    speech_text,
)


def call(kind=CallKind.CALL, ticket="A012", room="3", name="王小芳"):
    return Announcement(kind, ticket, room, name)


def test_call_reads_as_the_house_says_it():
    assert display_text(call()) == "请 A012 号 王*芳 到 3 诊室 就诊"


@pytest.mark.parametrize("kind, text", [
    (CallKind.RECALL, "再次呼叫 A012 号 王*芳，请到 3 诊室 就诊"),
    (CallKind.MISSED, "A012 号 王*芳 已过号，请到 分诊台 报到"),
    (CallKind.BACK, "检查返回 A012 号 王*芳，请到 3 诊室 就诊"),
])
def test_recall_missed_and_back_from_tests_have_their_own_wording(kind, text):
    assert display_text(call(kind)) == text


def test_name_can_be_left_out_and_is_never_said_whole():
    assert display_text(call(), name_mode=NameMode.NONE) == "请 A012 号 到 3 诊室 就诊"
    for text in (display_text(call()), speech_text(call()), pinyin_text(call())):
        assert "小" not in text and "xiao" not in text


def test_numbers_are_said_digit_by_digit():
    spoken = speech_text(call(ticket="A112", room="12"))
    assert "一一二" in spoken and "十" not in spoken
    assert "一二 诊室" in spoken
    assert speech_text(call()) == "请 A 零一二 号 王某芳 到 三 诊室 就诊"


def test_pinyin_for_espeak_has_tone_numbers_and_surname_readings():
    text = pinyin_text(call(name="单田芳", room="内科2诊室", ticket="内-012"))
    assert text.startswith("qing3 nei4 ling2 yi1 er4 hao4 shan4 mou3 fang1 dao4 nei4 ke1 er4")
    assert text.endswith("jiu4 zhen3")
    assert all(w[-1] in "12345," for w in text.split())


def test_clip_keys_say_number_and_room_never_the_name():
    assert clip_keys(call()) == ["chime", "qing", "lA", "d0", "d1", "d2", "hao", "dao", "d3",
                                 "zhenshi", "jiuzhen"]
    assert clip_keys(call(CallKind.MISSED), chime=False)[-4:] == [
        "pause", "qingdao", "fenzhentai", "baodao"]
    keys = clip_keys(call(ticket="内-007", room="B超室"))
    assert keys[1:6] == ["qing", "nei", "d0", "d0", "d7"] and "bchaoshi" in keys


def test_every_clip_key_of_an_announcement_is_in_the_set():
    known = set(all_clips()) | {"chime", "pause"}
    for kind in CallKind:
        for room in ("3", "内科2诊室", "B超室", "抽血室", "5楼3诊区"):
            assert set(clip_keys(call(kind, room=room))) <= known


def test_hostile_text_stays_one_line():
    a = Announcement(CallKind.CALL, "A0\n12", "3\x1b[2J", "王\u202e小芳")
    text = display_text(a)
    assert "\n" not in text and "\x1b" not in text and "\u202e" not in text


@pytest.mark.parametrize("room, said", [("①", "一"), ("３", "三"), ("²", "二")])
def test_a_room_typed_as_a_circled_full_width_or_superscript_digit_is_said_as_that_digit(
        room, said):
    # str.isdigit() accepts these but int() refuses them: the call used to fail unspoken.
    a = call(room=room)
    assert speech_text(a) == f"请 A 零一二 号 王某芳 到 {said} 诊室 就诊"
    assert pinyin_text(a).split()[-5:] == [
        {"一": "yi1", "三": "san1", "二": "er4"}[said], "zhen3", "shi4", "jiu4", "zhen3"]
    known = set(all_clips()) | {"chime", "pause"}
    assert set(clip_keys(a)) <= known
    assert display_text(a) == f"请 A012 号 王*芳 到 {room} 诊室 就诊"  # shown as typed


def test_a_full_width_ticket_number_is_said_digit_by_digit():
    assert "零一二" in speech_text(call(ticket="Ａ０１２"))
    assert clip_keys(call(ticket="Ａ０１２"))[1:6] == ["qing", "lA", "d0", "d1", "d2"]
