"""The speaker of this PC: one serialized announcement queue, whatever the engine.

`Speaker.announce(a)` queues a call; the queue (frontdesk.voice.speech_queue)
hands the chosen engine one segment at a time, so calls never overlap or cut
each other off. A watchdog ends a segment the engine never finishes (a stuck
or missing audio device), so one dead speaker cannot hold every later call.

The engine follows the settings (frontdesk.voice.prefs): `auto` tries, per
platform, Qt's text-to-speech with a Mandarin voice (Windows: winrt, then
SAPI), espeak-ng (Linux), and always ends at the clip set, which works on any PC.
"""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QObject, QTimer, Signal

from frontdesk.ui.queue.voice import players
from frontdesk.voice import clips, espeak
from frontdesk.voice import prefs as voice_prefs
from frontdesk.voice.announcement import Announcement, display_text
from frontdesk.voice.speech_queue import Job, Segment, SpeechQueue

log = logging.getLogger(__name__)

WATCHDOG_SLACK_S = 3.0


def auto_order() -> tuple[str, ...]:
    if sys.platform.startswith("linux"):
        return ("espeak", "qt", "clips")
    return ("qt", "espeak", "clips")


def make_player(engine: str, p: voice_prefs.VoicePrefs, parent: QObject | None = None):
    """The player for `engine`, or None when this PC cannot run it."""
    if engine == "clips":
        return players.ClipPlayer(name_mode=p.name_mode, volume=p.volume, parent=parent) \
            if clips.available() else None
    if engine == "espeak":
        return players.EspeakPlayer(name_mode=p.name_mode, volume=p.volume, parent=parent) \
            if espeak.available() else None
    if engine == "qt" or engine.startswith("qt:"):
        names = [engine[3:]] if engine.startswith("qt:") else players.qt_engines()
        for name in names:
            tts = players.make_tts(name, p.voice, require_chinese=not engine.startswith("qt:"))
            if tts is not None:
                return players.QtSpeechPlayer(tts, name_mode=p.name_mode, volume=p.volume,
                                              parent=parent)
    return None


def choose_player(p: voice_prefs.VoicePrefs, parent: QObject | None = None):
    """(engine name, player) for the settings; ("off", None) when the voice is off."""
    if p.engine == "off":
        return "off", None
    order = auto_order() if p.engine == "auto" else (p.engine, "clips")
    for engine in order:
        player = make_player(engine, p, parent)
        if player is not None:
            return engine, player
    return "off", None


class Speaker(QObject):
    """One queue for this PC's speakers. Signals say what is being said, for screens and logs."""

    announcement_started = Signal(str)   # the display text of the call now being said
    segment_started = Signal(str)        # "chime" | "speech" | "pause"
    failed = Signal(str)                 # the engine could not say something (no audio …)
    engine_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, player=None, engine: str = ""):
        super().__init__(parent)
        self.prefs = voice_prefs.VoicePrefs()
        self.engine = engine
        self.player = None
        self.queue = SpeechQueue(_NoPlayer(), repeat=self.prefs.repeat, chime=self.prefs.chime)
        self.queue.on_segment_started.append(self._segment_started)
        self.queue.on_job_started.append(self._job_started)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._stuck)
        self.last_segment_at: float | None = None  # time.perf_counter() of the last segment
        self._told: set[str] = set()
        self._configured = player is not None
        if player is not None:
            self.use(player, engine or getattr(player, "engine", "custom"))

    # --- configuration ---------------------------------------------------------------

    def configure(self, p: voice_prefs.VoicePrefs | None = None) -> str:
        """Pick the engine from the settings (read them when `p` is None). Returns its name."""
        p = p or voice_prefs.load()
        self.prefs = p
        self._configured = True
        engine, player = choose_player(p, self)
        self.use(player, engine)
        return engine

    def follow(self, p: voice_prefs.VoicePrefs) -> str:
        """Take these settings if they differ from the ones in use (the display reads them
        on its worker with the rest of the screen, so the UI thread never waits for them)."""
        if p != self.prefs or not self._configured:
            return self.configure(p)
        return self.engine

    def use(self, player, engine: str) -> None:
        old = self.player
        self.player, self.engine = player, engine
        self.queue.player = player if player is not None else _NoPlayer()
        self.queue.repeat, self.queue.chime = self.prefs.repeat, self.prefs.chime
        if player is not None and hasattr(player, "failed"):
            player.failed.connect(self._failed)
        if old is not None and old is not player and not self.queue.busy:
            old.close()
            old.deleteLater()
        self.engine_changed.emit(engine)

    # --- calls -----------------------------------------------------------------------

    def announce(self, a: Announcement) -> Job:
        """Queue a call; it is said after any call already queued."""
        return self.queue.submit(a)

    def busy(self) -> bool:
        return self.queue.busy or self.queue.pending_jobs() > 0

    def close(self) -> None:
        self.queue.clear()
        self._watchdog.stop()
        if self.player is not None:
            self.player.close()

    # --- queue hooks --------------------------------------------------------------------

    def _job_started(self, job: Job) -> None:
        text = display_text(job.announcement, name_mode=self.prefs.name_mode)
        log.info("announcing call %s", job.announcement.call_id)
        self.announcement_started.emit(text)

    def _segment_started(self, seg: Segment) -> None:
        self.last_segment_at = time.perf_counter()
        self.segment_started.emit(seg.kind)
        expected = 1.0
        if self.player is not None and hasattr(self.player, "expected_seconds"):
            try:
                expected = float(self.player.expected_seconds(seg))
            except (OSError, ValueError):
                expected = 15.0
        self._watchdog.start(int((expected + WATCHDOG_SLACK_S) * 1000))

    def _stuck(self) -> None:
        if self.queue.busy:
            log.warning("speech engine %s did not finish a segment: skipped", self.engine)
            self.queue.skip_current()

    def _failed(self, why: str) -> None:
        # A PC without a sound card fails every segment: say it once in the log.
        level = logging.DEBUG if why in self._told else logging.WARNING
        self._told.add(why)
        log.log(level, "speech engine %s: %s", self.engine, why)
        self.failed.emit(why)


class _NoPlayer:
    """Voice off: every segment ends at once (the screens still show the call)."""

    engine = "off"

    def play(self, segment: Segment, done) -> None:
        done()

    def expected_seconds(self, segment: Segment) -> float:
        return 0.0
