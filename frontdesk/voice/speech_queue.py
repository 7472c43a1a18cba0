"""One announcement queue per speaker: calls are said one after another, never on top
of each other and never cut off (no Qt, no engine).

Each announcement becomes a job of segments — the chime, then the sentence as
many times as the repeat count asks, with a short pause between — and the
queue hands the engine ONE segment at a time. The engine (a :class:`Player`)
says it and calls `done()` when it has finished (or failed); only then does
the next segment start. A new call while one is being said waits its turn.
A `done()` that comes twice, or late (after a watchdog moved on), is ignored,
so a stuck audio device can delay the queue but never make two calls overlap.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from frontdesk.voice.announcement import Announcement

log = logging.getLogger(__name__)

CHIME, SPEECH, PAUSE = "chime", "speech", "pause"
PAUSE_SECONDS = 0.6  # between repeats, so the second reading is heard as a repeat


@dataclass(frozen=True)
class Segment:
    kind: str                 # CHIME, SPEECH or PAUSE
    job_id: int
    announcement: Announcement
    index: int                # position in the job
    seconds: float = 0.0      # PAUSE only


@dataclass
class Job:
    id: int
    announcement: Announcement
    segments: list[Segment] = field(default_factory=list)


class Player(Protocol):
    def play(self, segment: Segment, done: Callable[[], None]) -> None:
        """Start saying `segment`; call `done()` once it has finished or failed."""


def segments_for(job_id: int, a: Announcement, *, repeat: int, chime: bool) -> list[Segment]:
    kinds: list[tuple[str, float]] = [(CHIME, 0.0)] if chime else []
    for i in range(max(1, int(repeat))):
        if i:
            kinds.append((PAUSE, PAUSE_SECONDS))
        kinds.append((SPEECH, 0.0))
    return [Segment(k, job_id, a, n, s) for n, (k, s) in enumerate(kinds)]


class SpeechQueue:
    """Serialises announcements for one speaker.

    `repeat` and `chime` are read when an announcement is submitted (a settings
    change applies to the next call). Listeners: `on_job_started(job)`,
    `on_job_finished(job)`, `on_segment_started(segment)`.
    """

    def __init__(self, player: Player, *, repeat: int = 2, chime: bool = True):
        self.player = player
        self.repeat = repeat
        self.chime = chime
        self._lock = threading.RLock()
        self._pending: deque[Segment] = deque()
        self._jobs: dict[int, Job] = {}
        self._current: Segment | None = None
        self._ids = itertools.count(1)
        self._tokens = itertools.count(1)
        self._token = 0
        self._running = False  # a drain loop is active in some frame (re-entrancy guard)
        self.on_job_started: list[Callable[[Job], None]] = []
        self.on_job_finished: list[Callable[[Job], None]] = []
        self.on_segment_started: list[Callable[[Segment], None]] = []

    # --- state -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._current is not None

    @property
    def current(self) -> Segment | None:
        return self._current

    def pending_jobs(self) -> int:
        """Jobs submitted and not finished (the one being said included)."""
        with self._lock:
            return len(self._jobs)

    # --- input -------------------------------------------------------------------

    def submit(self, announcement: Announcement) -> Job:
        """Queue `announcement`; it starts at once if nothing is being said."""
        with self._lock:
            job = Job(next(self._ids), announcement)
            job.segments = segments_for(job.id, announcement, repeat=self.repeat, chime=self.chime)
            self._jobs[job.id] = job
            self._pending.extend(job.segments)
        self._drain()
        return job

    def clear(self) -> int:
        """Drop what has not started yet (the segment being said finishes). Returns jobs dropped."""
        with self._lock:
            keep = self._current.job_id if self._current else None
            dropped = {s.job_id for s in self._pending} - {keep}
            self._pending = deque(s for s in self._pending if s.job_id == keep)
            for job_id in dropped:
                self._jobs.pop(job_id, None)
            return len(dropped)

    # --- the loop ----------------------------------------------------------------

    def _drain(self) -> None:
        """Start the next segment if none is playing. Re-entrant calls only flag the loop."""
        with self._lock:
            if self._running:
                return
            self._running = True
        try:
            while True:
                with self._lock:
                    if self._current is not None or not self._pending:
                        return
                    seg = self._current = self._pending.popleft()
                    self._token = token = next(self._tokens)
                    job = self._jobs.get(seg.job_id)
                    first = seg.index == 0
                if first and job is not None:
                    self._tell(self.on_job_started, job)
                self._tell(self.on_segment_started, seg)
                try:
                    self.player.play(seg, self._done_callback(token))
                except Exception:
                    log.exception("speech engine failed to start a %s segment", seg.kind)
                    self._finish(token)
        finally:
            with self._lock:
                self._running = False
            # A done() that arrived from another thread while we were inside the loop.
            with self._lock:
                again = self._current is None and bool(self._pending)
            if again:
                self._drain()

    def _done_callback(self, token: int) -> Callable[[], None]:
        def done() -> None:
            self._finish(token)
        return done

    def _finish(self, token: int) -> None:
        with self._lock:
            if token != self._token or self._current is None:
                return  # a second or late done(): the segment was already over
            seg, self._current = self._current, None
            job = self._jobs.get(seg.job_id)
            last = job is not None and seg.index == len(job.segments) - 1
            if last:
                self._jobs.pop(seg.job_id, None)
        if last and job is not None:
            self._tell(self.on_job_finished, job)
        self._drain()

    def skip_current(self) -> None:
        """The engine is stuck (the watchdog says so): end the current segment."""
        with self._lock:
            token = self._token if self._current is not None else None
        if token is not None:
            self._finish(token)

    @staticmethod
    def _tell(listeners, arg) -> None:
        for fn in list(listeners):
            try:
                fn(arg)
            except Exception:
                log.exception("speech queue listener failed")
