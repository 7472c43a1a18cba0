"""The speaker on this PC: the real engines behind one queue, and the settings panel."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QTimer

from frontdesk.ui.queue.voice import players
from frontdesk.ui.queue.voice.settings_panel import VoiceSettingsPanel
from frontdesk.ui.queue.voice.speaker import Speaker, choose_player
from frontdesk.voice import prefs as voice_prefs
from frontdesk.voice import wav
from frontdesk.voice.announcement import Announcement, CallKind
from frontdesk.voice.speech_queue import CHIME, PAUSE, SPEECH

pytestmark = pytest.mark.gui


def call(n=12, kind=CallKind.CALL):
    return Announcement(kind, f"A{n:03d}", "3", "王小芳", call_id=n)


class QtTimerEngine:
    """A fake engine on Qt timers (like an audio device finishing later on the UI thread)."""

    engine = "fake"

    def __init__(self, ms=5):
        self.ms, self.playing, self.overlaps, self.log = ms, 0, 0, []

    def play(self, segment, done):
        self.playing += 1
        self.overlaps += self.playing > 1
        self.log.append((segment.job_id, segment.kind))

        def finish():
            self.playing -= 1
            done()

        QTimer.singleShot(self.ms, finish)

    def expected_seconds(self, segment):
        return 0.01

    def close(self):
        pass


def test_calls_from_the_ui_thread_never_overlap(qtbot):
    engine = QtTimerEngine()
    speaker = Speaker(player=engine)
    started = []
    speaker.announcement_started.connect(started.append)
    for n in range(1, 6):
        speaker.announce(call(n, CallKind.RECALL if n % 2 else CallKind.CALL))
    qtbot.waitUntil(lambda: not speaker.busy(), timeout=5_000)
    assert engine.overlaps == 0
    assert [k for _, k in engine.log].count(CHIME) == 5
    assert started[0] == "再次呼叫 A001 号 王*芳，请到 3 诊室 就诊"
    assert len(started) == 5


def test_a_stuck_engine_is_skipped_by_the_watchdog(qtbot, monkeypatch):
    monkeypatch.setattr("frontdesk.ui.queue.voice.speaker.WATCHDOG_SLACK_S", 0.05)

    class Silent:
        engine = "silent"
        log = []

        def play(self, segment, done):
            self.log.append(segment.kind)  # never calls done(): a dead audio device

        def expected_seconds(self, segment):
            return 0.0

        def close(self):
            pass

    engine = Silent()
    speaker = Speaker(player=engine)
    speaker.queue.repeat = 1
    speaker.announce(call(1))
    speaker.announce(call(2))
    qtbot.waitUntil(lambda: not speaker.busy(), timeout=5_000)
    assert engine.log == [CHIME, SPEECH, CHIME, SPEECH]


def test_clip_player_renders_the_sentence_and_moves_on_without_a_sound_card(qtbot):
    p = voice_prefs.VoicePrefs(engine="clips", repeat=1)
    engine, player = choose_player(p)
    assert engine == "clips"
    speaker = Speaker(player=player)
    speaker.queue.repeat = 1
    kinds = []
    speaker.segment_started.connect(kinds.append)
    speaker.announce(call(7))
    qtbot.waitUntil(lambda: not speaker.busy(), timeout=20_000)
    assert kinds == [CHIME, SPEECH]
    samples, rate = wav.read(player.last_queued)
    assert 2.0 < len(samples) / rate < 10.0
    speaker.close()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_player_says_the_name_too(qtbot):
    p = voice_prefs.VoicePrefs(engine="espeak", repeat=2)
    engine, player = choose_player(p)
    assert engine == "espeak"
    speaker = Speaker(player=player)
    speaker.prefs = p
    speaker.queue.repeat = 2
    kinds = []
    speaker.segment_started.connect(kinds.append)
    speaker.announce(call(12))
    qtbot.waitUntil(lambda: not speaker.busy(), timeout=30_000)
    assert kinds == [CHIME, SPEECH, PAUSE, SPEECH]
    assert wav.duration(player.last_queued) > 2.0
    speaker.close()


def test_qt_text_to_speech_engine_speaks_through_the_same_queue(qtbot):
    tts = players.make_tts("mock", require_chinese=False)  # Qt's own test engine
    if tts is None:
        pytest.skip("Qt's mock text-to-speech engine is not shipped here")
    player = players.QtSpeechPlayer(tts)
    speaker = Speaker(player=player)
    speaker.queue.repeat = 2
    kinds = []
    speaker.segment_started.connect(kinds.append)
    speaker.announce(call(3, CallKind.BACK))
    speaker.announce(call(4, CallKind.MISSED))
    qtbot.waitUntil(lambda: not speaker.busy(), timeout=30_000)
    assert kinds == [CHIME, SPEECH, PAUSE, SPEECH] * 2
    speaker.close()


def test_voice_off_still_lets_the_screen_follow(qtbot):
    speaker = Speaker()
    assert speaker.configure(voice_prefs.VoicePrefs(engine="off")) == "off"
    started = []
    speaker.announcement_started.connect(started.append)
    speaker.announce(call(5))
    assert not speaker.busy() and len(started) == 1


def test_settings_panel_saves_and_tests_the_voice(qtbot, ctx, db):
    panel = VoiceSettingsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.engine.setCurrentIndex(panel.engine.findData("clips"))
    panel.repeat.setValue(3)
    panel.name_mode.setCurrentIndex(panel.name_mode.findData("none"))
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert "预录" in panel.result.text() or "clips" in panel.result.text()
    assert panel.test_speaker.engine == "clips"
    qtbot.waitUntil(lambda: not panel.test_speaker.busy(), timeout=20_000)
    with qtbot.waitSignal(panel.saved, timeout=5_000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    p = voice_prefs.load()
    assert (p.engine, p.repeat, p.name_mode) == ("clips", 3, "none")


def test_settings_panel_shows_a_refusal_at_the_field(qtbot, ctx, db, monkeypatch):
    panel = VoiceSettingsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    monkeypatch.setattr(panel, "prefs", lambda: voice_prefs.VoicePrefs(volume=150))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.fields["volume"].error_text()


def test_speaker_follows_the_settings_the_display_reads(qtbot):
    speaker = Speaker()
    assert speaker.follow(voice_prefs.VoicePrefs(engine="clips")) == "clips"
    player = speaker.player
    assert speaker.follow(voice_prefs.VoicePrefs(engine="clips")) == "clips"
    assert speaker.player is player  # unchanged settings: the same engine goes on
    assert speaker.follow(voice_prefs.VoicePrefs(engine="off")) == "off"
    speaker.close()


def test_without_qt_audio_the_systems_player_says_the_wav(qtbot, tmp_path, monkeypatch):
    """A Linux bundle has no Qt audio backend: paplay/aplay play the same WAVs, one at a time."""
    log = tmp_path / "played.txt"
    fake = tmp_path / "aplay"
    fake.write_text(f"#!/bin/sh\necho \"$1\" >> {log}\nsleep 0.05\n")
    fake.chmod(0o755)
    monkeypatch.setattr(players, "system_player", lambda: str(fake))
    player = players.ClipPlayer()
    player._out._has_output = False
    speaker = Speaker(player=player)
    speaker.queue.repeat = 1
    speaker.announce(call(1))
    speaker.announce(call(2))
    qtbot.waitUntil(lambda: not speaker.busy(), timeout=20_000)
    played = log.read_text().split()
    assert len(played) == 4 and all(p.endswith(".wav") for p in played)  # chime + call, twice
    speaker.close()
