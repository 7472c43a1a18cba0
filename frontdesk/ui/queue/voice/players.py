"""The engines that say a segment of an announcement, one at a time, fully offline.

Every player has `play(segment, done)` (frontdesk.voice.speech_queue.Player) and
`expected_seconds(segment)` (for the speaker's watchdog). The chime and pauses
are the same everywhere (a WAV and a timer); only the sentence differs:

- QtSpeechPlayer: Qt's QTextToSpeech — on Windows the `winrt` engine (OneCore
  Mandarin voices such as Huihui), `sapi` as a fallback; a Mandarin voice is chosen.
- EspeakPlayer: espeak-ng's cmn-latn-pinyin voice renders a WAV (Linux).
- ClipPlayer: the pre-rendered clip set, joined; works everywhere.

WAVs play through QSoundEffect. A PC with no audio output gets an error at once:
the segment ends (the queue goes on), and `SoundOut.failed` says why.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from frontdesk.voice import clips, espeak, wav
from frontdesk.voice.announcement import Announcement, NameMode, pinyin_text, speech_text
from frontdesk.voice.speech_queue import CHIME, PAUSE, Segment

log = logging.getLogger(__name__)

# Qt's engines in the order they are tried, per platform (all offline).
QT_ENGINES = {"win32": ("winrt", "sapi"), "darwin": ("darwin",), "linux": ("speechd", "flite")}
CHINESE = ("zh_CN", "zh_SG", "zh_TW", "zh_HK")


def has_audio_output() -> bool:
    return bool(QMediaDevices.audioOutputs())


SYSTEM_PLAYERS = ("pw-play", "paplay", "aplay")  # PipeWire, PulseAudio, ALSA (Linux)


def system_player() -> str | None:
    """A command-line WAV player of this system (Linux), for when Qt has no audio backend."""
    if not sys.platform.startswith("linux"):
        return None
    return next((p for p in map(shutil.which, SYSTEM_PLAYERS) if p), None)


class SoundOut(QObject):
    """Plays one WAV file at a time; `finished` when it ends or cannot play."""

    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._effect = QSoundEffect(self)
        self._effect.statusChanged.connect(self._on_status)
        self._effect.playingChanged.connect(self._on_playing)
        self._active = False
        self._started = False
        self.volume = 0.9
        # Speakers plugged in or out while the kiosk runs are noticed.
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._has_output = has_audio_output()

    def _outputs_changed(self) -> None:
        self._has_output = has_audio_output()

    def play(self, path: Path) -> None:
        self._active, self._started = True, False
        if not self._has_output:
            # Qt sees no output: a bundle without Qt's FFmpeg backend, or no sound card.
            # The system's own player (PulseAudio/PipeWire/ALSA) may still reach speakers.
            player = system_player()
            if player is not None:
                self._play_with(player, path)
                return
            # No sound card: end at once (the queue moves on; the screen shows the call).
            self.failed.emit("no audio output on this PC")
            QTimer.singleShot(0, self._end)
            return
        self._effect.setVolume(self.volume)
        url = QUrl.fromLocalFile(str(path))
        if self._effect.source() != url:
            self._effect.setSource(url)  # loading; statusChanged follows
        status = self._effect.status()
        if status == QSoundEffect.Status.Ready:
            self._effect.play()
        elif status == QSoundEffect.Status.Error:
            # The same file failed before (no audio device): no signal will come again.
            QTimer.singleShot(0, self._on_status)

    def _play_with(self, player: str, path: Path) -> None:
        from PySide6.QtCore import QProcess

        proc = QProcess(self)
        proc.finished.connect(lambda code, _status: self._process_done(proc, code))
        proc.errorOccurred.connect(lambda _err: self._process_done(proc, -1))
        self._process = proc
        proc.start(player, [str(path)])  # a file name, never a shell line

    def _process_done(self, proc, code: int) -> None:
        if proc is not getattr(self, "_process", None):
            return
        self._process = None
        proc.deleteLater()
        if code != 0:
            self.failed.emit("the system's audio player failed")
        self._end()

    def stop(self) -> None:
        self._effect.stop()
        proc = getattr(self, "_process", None)
        if proc is not None:
            proc.kill()
        self._end()

    def _on_status(self) -> None:
        status = self._effect.status()
        if not self._active:
            return
        if status == QSoundEffect.Status.Ready and not self._effect.isPlaying():
            self._effect.play()
        elif status == QSoundEffect.Status.Error:
            self.failed.emit("audio output unavailable or format not supported")
            self._end()

    def _on_playing(self) -> None:
        if self._effect.isPlaying():
            self._started = True
        elif self._active and self._started:
            self._end()

    def _end(self) -> None:
        if self._active:
            self._active = False
            self.finished.emit()


class WavPlayerBase(QObject):
    """Chime and pauses; subclasses turn a SPEECH segment into a WAV (or speak it)."""

    failed = Signal(str)

    def __init__(self, *, name_mode: str = NameMode.MASKED, volume: int = 90,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.name_mode = name_mode
        self._out = SoundOut(self)
        self._out.volume = volume / 100
        self._out.failed.connect(self.failed)
        self._done: Callable[[], None] | None = None
        self._out.finished.connect(self._finished)
        self._dir = tempfile.TemporaryDirectory(prefix="frontdesk-voice-")
        self._chime = wav.write(Path(self._dir.name) / "chime.wav", clips.chime())
        self._rendered: dict[tuple, Path] = {}
        self.last_queued: Path | None = None  # the last WAV handed to the audio device

    # --- Player --------------------------------------------------------------------

    def play(self, segment: Segment, done: Callable[[], None]) -> None:
        self._done = done
        if segment.kind == PAUSE:
            QTimer.singleShot(int(segment.seconds * 1000), self._finished)
        elif segment.kind == CHIME:
            self._queue_wav(self._chime)
        else:
            self.say(segment.announcement)

    def expected_seconds(self, segment: Segment) -> float:
        if segment.kind == PAUSE:
            return segment.seconds
        if segment.kind == CHIME:
            return wav.duration(self._chime)
        path = self._rendered.get(self._key(segment.announcement))
        return wav.duration(path) if path else 15.0

    # --- subclasses --------------------------------------------------------------------

    def say(self, a: Announcement) -> None:
        path = self._rendered.get(self._key(a))
        if path is None:
            path = Path(self._dir.name) / f"say{len(self._rendered) % 8}.wav"
            try:
                self.render(a, path)
            except OSError as exc:
                self.failed.emit(str(exc))
                self._finished()
                return
            self._rendered = {self._key(a): path}  # keep only the one being repeated
        self._queue_wav(path)

    def render(self, a: Announcement, path: Path) -> None:
        raise NotImplementedError

    def _key(self, a: Announcement) -> tuple:
        return (a, self.name_mode)

    def _queue_wav(self, path: Path) -> None:
        self.last_queued = path
        self._out.play(path)

    def _finished(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()

    def close(self) -> None:
        self._out.stop()
        self._dir.cleanup()


class ClipPlayer(WavPlayerBase):
    """The pre-rendered clip set: the number and the room, no name (no clip can say it)."""

    engine = "clips"

    def render(self, a: Announcement, path: Path) -> None:
        wav.write(path, clips.sentence(a))


class EspeakPlayer(WavPlayerBase):
    """espeak-ng, cmn-latn-pinyin, rendered to a WAV then played (Linux)."""

    engine = "espeak"

    def render(self, a: Announcement, path: Path) -> None:
        espeak.render(pinyin_text(a, name_mode=self.name_mode), path)


class QtSpeechPlayer(WavPlayerBase):
    """Qt's QTextToSpeech with a Mandarin voice; the chime still plays as a WAV."""

    engine = "qt"

    def __init__(self, tts, *, name_mode: str = NameMode.MASKED, volume: int = 90,
                 parent: QObject | None = None):
        super().__init__(name_mode=name_mode, volume=volume, parent=parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._State = QTextToSpeech.State
        self.tts = tts
        self.tts.setParent(self)
        self.tts.setVolume(volume / 100)
        self.tts.setRate(-0.1)  # a little slower than conversation, for a hall
        self.tts.stateChanged.connect(self._on_state)
        self._speaking = False

    def say(self, a: Announcement) -> None:
        self._speaking = True
        self.tts.say(speech_text(a, name_mode=self.name_mode))

    def expected_seconds(self, segment: Segment) -> float:
        if segment.kind != "speech":
            return super().expected_seconds(segment)
        return 3.0 + 0.4 * len(speech_text(segment.announcement, name_mode=self.name_mode))

    def _on_state(self, state) -> None:
        if not self._speaking:
            return
        if state in (self._State.Ready, self._State.Error):
            if state == self._State.Error:
                self.failed.emit(self.tts.errorString())
            self._speaking = False
            self._finished()

    def close(self) -> None:
        self.tts.stop()
        super().close()


def qt_engines() -> list[str]:
    """Qt's text-to-speech engines this PC has, best first for its platform."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    have = list(QTextToSpeech.availableEngines())
    order = QT_ENGINES.get(sys.platform if sys.platform in QT_ENGINES else "linux", ())
    return [e for e in order if e in have] + [e for e in have if e not in order and e != "mock"]


def mandarin_voices(engine: str) -> list[str]:
    """Names of the engine's Mandarin voices ([] when it has none or does not load)."""
    tts = make_tts(engine)
    if tts is None:
        return []
    try:
        return [v.name() for v in tts.availableVoices() if v.locale().name() in CHINESE]
    finally:
        tts.deleteLater()


def make_tts(engine: str, voice: str = "", *, require_chinese: bool = True):
    """A QTextToSpeech on `engine` set to a Mandarin voice (`voice` if named), or None."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    tts = QTextToSpeech(engine)
    if tts.state() == QTextToSpeech.State.Error:
        tts.deleteLater()
        return None
    for name in CHINESE:
        if QLocale(name) in tts.availableLocales():
            tts.setLocale(QLocale(name))
            break
    voices = list(tts.availableVoices())
    chinese = [v for v in voices if v.locale().name() in CHINESE]
    pool = chinese if (chinese or require_chinese) else voices
    chosen = next((v for v in pool if v.name() == voice), pool[0] if pool else None)
    if chosen is None:
        tts.deleteLater()
        return None
    tts.setVoice(chosen)
    return tts
