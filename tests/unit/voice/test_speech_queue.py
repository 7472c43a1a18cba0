"""One queue per speaker: calls never overlap, never cut each other off, none is lost."""

import threading
import time

from frontdesk.voice.announcement import Announcement, CallKind
from frontdesk.voice.speech_queue import CHIME, PAUSE, SPEECH, SpeechQueue


class TimerEngine:
    """A fake engine that 'says' each segment on a timer thread, like a real audio device."""

    def __init__(self, seconds=0.002):
        self.seconds = seconds
        self.playing = 0
        self.overlaps = 0
        self.log = []
        self.lock = threading.Lock()
        self.all_done = threading.Event()

    def play(self, segment, done):
        with self.lock:
            self.playing += 1
            if self.playing > 1:
                self.overlaps += 1
            self.log.append((segment.job_id, segment.kind, segment.index))

        def finish():
            with self.lock:
                self.playing -= 1
            done()

        threading.Timer(self.seconds, finish).start()


class SyncEngine:
    """Finishes inside play() (a silent engine): must not recurse or reorder."""

    def __init__(self):
        self.log = []

    def play(self, segment, done):
        self.log.append((segment.job_id, segment.kind))
        done()
        done()  # a second done() is ignored


def a(n, kind=CallKind.CALL):
    return Announcement(kind, f"A{n:03d}", "3", "王小芳")


def wait_idle(q, timeout=10.0):
    end = time.monotonic() + timeout
    while (q.busy or q.pending_jobs()) and time.monotonic() < end:
        time.sleep(0.002)
    assert not q.busy and q.pending_jobs() == 0


def test_job_is_chime_then_the_sentence_repeat_times():
    engine = SyncEngine()
    q = SpeechQueue(engine, repeat=3, chime=True)
    q.submit(a(1))
    assert engine.log == [(1, CHIME), (1, SPEECH), (1, PAUSE), (1, SPEECH), (1, PAUSE), (1, SPEECH)]


def test_settings_apply_to_the_next_call():
    engine = SyncEngine()
    q = SpeechQueue(engine, repeat=1, chime=False)
    q.submit(a(1))
    q.repeat, q.chime = 2, True
    q.submit(a(2))
    assert [k for j, k in engine.log if j == 1] == [SPEECH]
    assert [k for j, k in engine.log if j == 2] == [CHIME, SPEECH, PAUSE, SPEECH]


def test_calls_from_many_threads_never_overlap_and_keep_each_callers_order():
    engine = TimerEngine()
    q = SpeechQueue(engine, repeat=2)
    started, finished = [], []
    q.on_job_started.append(lambda job: started.append(job.id))
    q.on_job_finished.append(lambda job: finished.append(job.id))

    def desk(base):
        for i in range(10):
            q.submit(a(base + i, CallKind.RECALL if i % 3 else CallKind.CALL))

    threads = [threading.Thread(target=desk, args=(b,)) for b in (0, 100, 200, 300)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wait_idle(q)
    assert engine.overlaps == 0
    assert len(finished) == 40 and started == finished  # each finished before the next began
    # Each job's segments played contiguously and completely, in order.
    by_job = {}
    order = []
    for job_id, _kind, index in engine.log:
        if not order or order[-1] != job_id:
            order.append(job_id)
        by_job.setdefault(job_id, []).append(index)
    assert len(order) == 40  # never interleaved
    assert all(v == [0, 1, 2, 3] for v in by_job.values())
    assert order == sorted(order)  # said in the order the calls were made


def test_a_call_during_another_waits_for_the_end_of_it():
    engine = TimerEngine(seconds=0.01)
    q = SpeechQueue(engine, repeat=1, chime=True)
    q.submit(a(1))
    q.submit(a(2, CallKind.MISSED))
    q.submit(a(3, CallKind.BACK))
    wait_idle(q)
    assert [(j, k) for j, k, _ in engine.log] == [
        (1, CHIME), (1, SPEECH), (2, CHIME), (2, SPEECH), (3, CHIME), (3, SPEECH)]
    assert engine.overlaps == 0


def test_an_engine_that_raises_does_not_stop_the_queue():
    class Broken:
        def __init__(self):
            self.calls = 0

        def play(self, segment, done):
            self.calls += 1
            raise OSError("no audio device")

    engine = Broken()
    q = SpeechQueue(engine, repeat=1, chime=False)
    q.submit(a(1))
    q.submit(a(2))
    assert engine.calls == 2 and not q.busy and q.pending_jobs() == 0


def test_a_stuck_engine_is_skipped_by_the_watchdog_and_its_late_done_is_ignored():
    held = []

    class Stuck:
        def play(self, segment, done):
            held.append(done)

    q = SpeechQueue(Stuck(), repeat=1, chime=False)
    q.submit(a(1))
    q.submit(a(2))
    assert len(held) == 1 and q.busy
    q.skip_current()  # the watchdog
    assert len(held) == 2
    held[0]()  # the first segment's late done() must not end the second
    assert q.busy and q.current.job_id == 2
    held[1]()
    assert not q.busy


def test_clear_drops_what_has_not_started():
    held = []

    class Stuck:
        def play(self, segment, done):
            held.append(done)

    q = SpeechQueue(Stuck(), repeat=2, chime=True)
    q.submit(a(1))
    q.submit(a(2))
    q.submit(a(3))
    assert q.clear() == 2
    for _ in range(10):
        if held:
            held.pop(0)()
    assert q.pending_jobs() == 0
