"""The offline voices: a real espeak-ng rendering, and the clip set that works everywhere."""

import shutil

import pytest

from frontdesk.voice import clips, espeak, wav
from frontdesk.voice.announcement import Announcement, CallKind, all_clips, pinyin_text


def announcement(kind=CallKind.CALL):
    return Announcement(kind, "A012", "3", "王小芳")


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_renders_a_call_to_a_wav_of_sensible_length(tmp_path):
    assert espeak.available(), "espeak-ng without its cmn-latn-pinyin voice"
    out = espeak.render(pinyin_text(announcement()), tmp_path / "call.wav")
    samples, rate = wav.read(out)
    seconds = len(samples) / rate
    # 15 syllables at 150 words a minute: a few seconds, neither a click nor a minute.
    assert 2.0 < seconds < 12.0
    assert wav.peak(samples) > 3000  # speech, not silence


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_takes_the_text_as_text_never_as_options(tmp_path):
    out = espeak.render("--help -w /tmp/x qing3", tmp_path / "odd.wav")
    assert wav.duration(out) > 0.3


def test_the_committed_clip_set_is_complete_and_in_one_format():
    assert clips.available()
    assert clips.missing() == []
    for key in ("chime", *all_clips()):
        samples, rate = wav.read(clips.clip_path(key))
        assert rate == wav.RATE
        assert 0.1 < len(samples) / rate < 3.0, key


def test_clip_fallback_says_a_call_without_any_engine(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no espeak-ng on this PC
    assert not espeak.available()
    sentence = clips.sentence(announcement())
    seconds = len(sentence) / wav.RATE
    assert 2.0 < seconds < 10.0 and wav.peak(sentence) > 3000
    longer = clips.sentence(Announcement(CallKind.RECALL, "A012", "3", "王小芳"))
    assert len(longer) > len(sentence)  # 再次呼叫 … 请到 is said too


def test_clip_set_in_another_folder_falls_back_to_a_generated_chime(tmp_path):
    assert not clips.available(tmp_path)
    assert len(clips.chime(tmp_path)) > wav.RATE  # over a second of ding-dong
    assert len(clips.sentence(announcement(), base=tmp_path)) == 0  # nothing to say it with


def test_chime_is_audible_and_does_not_clip():
    data = wav.chime_samples()
    assert 1.0 < len(data) / wav.RATE < 2.0
    assert 8000 < wav.peak(data) < 32767
