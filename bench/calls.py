"""Calls to the waiting room: call → display shown → first audio queued; an hour of calls.

    python bench/run.py --only calls            # 40 timed calls, then 360 calls (an hour)
    python bench/run.py --only calls --smoke    # 10 timed calls, then 60

1. Latency, across processes as in a clinic. One SQLite file with patients queued in
   two departments (40 still waiting in each at the end: a busy morning; the display's
   read grows with the queue — clinic.display_state orders every waiting patient). A *display* process (`python -m bench.calls display …`): an offscreen
   Qt application with the app's LiveBridge, the real DisplayWindow and a Speaker with the
   clip-set engine. A *calling station* process (`… station …`) calls the next patient
   every second (clinic.call_next, one transaction) and notes CLOCK_MONOTONIC just before
   each call (system-wide on Linux, so comparable between processes). The display notes
   when a call is on screen (its refresh done, the hero box set) and when the speaker
   hands the first audio (the chime) to QtMultimedia. Reported: p50/p95/max of both.
   With no sound card (CI) QtMultimedia refuses at once; "queued" is the moment the
   engine was asked to play, which is what the app controls.
2. An hour of calls at one every 10 s, simulated 100× faster: 360 real calls through the
   display (ctx.run, as a calling panel in the same process would), each announced with
   chime + sentence twice by an engine that takes the real durations ÷ 100 on Qt timers.
   Checked: no two segments ever overlap, every call announced exactly once, in order;
   resident memory sampled every 60 calls (flat = the last sample within a few MB of the
   first after warm-up).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-23T10:00:00"  # a Monday morning: doctors on duty
DEPTS = ("internal", "surgery")
TIMED_FULL, TIMED_SMOKE = 40, 10
SOAK_FULL, SOAK_SMOKE = 360, 60
INTERVAL_S = 1.0  # longer than one announcement without a sound card: the speaker is idle
SPEED = 100  # the soak runs this many times faster than real time
TARGET_LATENCY = "p95 ≤ 300 ms"
WAITING = 40  # patients still waiting per department when the timed calls end


def _now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def prepare(url: str, per_dept: int) -> None:
    """Rules, a guide and a desk nurse, and `per_dept` patients queued in each department."""
    from frontdesk import reception, rules, settings
    from frontdesk.accounts import auth
    from frontdesk.db import connection
    from frontdesk.db.models import Department, Doctor, Staff
    from frontdesk.db.session import open_database
    from frontdesk.patient_form import RegistrationForm

    open_database(url)
    rules.load_rules()
    settings.set("hospital.name", "压测医院")
    hashed = auth.hash_secret("pw123456")
    guide, desk = (Staff.create(username=f"bench-{r}", display_name=r, role=r,
                                password_hash=hashed, pin_hash=hashed) for r in ("guide", "desk"))
    surnames = "王李张刘陈杨赵黄周吴"
    for code in DEPTS:
        dept = Department.get(Department.code == code)
        doctor = Doctor.select().where(Doctor.department == dept).order_by(Doctor.id).first()
        for i in range(per_dept):
            v = reception.new_arrival(actor=guide, booked=False, first_visit=True)
            v = reception.take_at_desk(v.id, actor=desk, expected_version=v.version)
            v = reception.triage(v.id, actor=desk, expected_version=v.version, complaint="头痛",
                                 department_id=dept.id, doctor_id=doctor.id)
            form = RegistrationForm(name=surnames[i % 10] + "小" + "明芳华"[i % 3], sex="F",
                                    phone=f"138{i:08d}", age=30 + i % 40)
            v = reception.register(v.id, actor=desk, expected_version=v.version, form=form)
            v = reception.confirm_payment(v.id, actor=desk, expected_version=v.version)
            v = reception.hand_to_doctor(v.id, actor=desk, expected_version=v.version,
                                         escort_id=guide.id)
            reception.back_at_post(v.id, actor=desk)
    connection.close()


# --- the calling station (a process of its own) ---------------------------------------------

def station_main(url: str, calls: int, interval: float) -> None:
    from frontdesk.db import connection
    from frontdesk.db.models import Department, Staff
    from frontdesk.queue import clinic

    connection.connect(url, check_pages=False)
    desk = Staff.get(Staff.role == "desk")
    depts = [Department.get(Department.code == c).id for c in DEPTS]
    print("ready", flush=True)
    sys.stdin.readline()  # "go"
    out = []
    for i in range(calls):
        dept = depts[i % len(depts)]
        t = _now_ns()
        row = clinic.call_next(dept, None, actor=desk, room=f"{1 + i % 9} 诊室")
        out.append((row.queue_label, t))
        time.sleep(interval)
    connection.close()
    print(json.dumps({"pressed": out}), flush=True)


# --- the display (a process of its own) ------------------------------------------------------

def display_main(url: str, out: str, stop_file: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from frontdesk.db import connection
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.queue.display import DisplayWindow
    from frontdesk.ui.queue.voice import players
    from frontdesk.ui.queue.voice.speaker import Speaker
    from frontdesk.ui.shell.live import LiveBridge
    from frontdesk.voice.speech_queue import CHIME

    app = QApplication(sys.argv[:1])
    connection.connect(url, check_pages=False)
    ctx = AppContext(db_url=url)
    speaker = Speaker(player=players.ClipPlayer())
    shown: dict[str, int] = {}
    audio: dict[str, int] = {}
    speaker.queue.on_segment_started.append(
        lambda seg: audio.setdefault(seg.announcement.ticket, _now_ns()) if seg.kind == CHIME
        else None)
    window = DisplayWindow(ctx, [], speaker, hospital="压测医院")
    window.resize(1920, 1080)
    window.show()

    def on_shown(a) -> None:
        if a is not None:
            shown.setdefault(a.ticket, _now_ns())

    window.call_shown.connect(on_shown)
    bridge = LiveBridge(ctx, None, window)
    bridge.status.connect(window.live_status)
    said_ready = [False]

    def tick() -> None:
        if bridge.connected and window.screen_data is not None and not said_ready[0]:
            said_ready[0] = True
            print("ready", flush=True)
        if os.path.exists(stop_file):
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(100)
    window.refresh()
    bridge.start()
    app.exec()
    bridge.stop()
    ctx.tasks.wait()
    Path(out).write_text(json.dumps({"shown": shown, "audio": audio}))


def latency(url: str, calls: int, workdir: Path, env: dict) -> dict:
    """Run display + calling station; return the per-call latencies in ms."""
    stop = workdir / "calls.stop"
    result = workdir / "calls-display.json"
    stop.unlink(missing_ok=True)
    display = subprocess.Popen([sys.executable, "-m", "bench.calls", "display", url, str(result),
                                str(stop)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    station = subprocess.Popen([sys.executable, "-m", "bench.calls", "station", url, str(calls),
                                str(INTERVAL_S)], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        for proc in (display, station):
            line = proc.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"calls bench: a process did not start ({line!r})")
        station.stdin.write("go\n")
        station.stdin.flush()
        pressed = json.loads(station.stdout.readline())["pressed"]
        station.wait(timeout=120)
        time.sleep(1.5)  # the last call reaches the display
    finally:
        stop.write_text("stop")
        display.wait(timeout=60)
        for proc in (display, station):
            if proc.poll() is None:
                proc.kill()
    seen = json.loads(result.read_text())
    shown_ms, audio_ms, lost = [], [], 0
    for ticket, t in pressed:
        if ticket not in seen["shown"]:
            lost += 1
            continue
        shown_ms.append((seen["shown"][ticket] - t) / 1e6)
        if ticket in seen["audio"]:
            audio_ms.append((seen["audio"][ticket] - t) / 1e6)
    return {"shown_ms": shown_ms, "audio_ms": audio_ms, "lost": lost, "calls": len(pressed)}


# --- an hour of calls, 100× faster, in one process ------------------------------------------

class ScaledEngine:
    """Says each segment for its real duration ÷ SPEED, on Qt timers; counts overlaps."""

    engine = "scaled"

    def __init__(self):
        from frontdesk.voice import clips, wav

        self.chime_s = len(clips.chime()) / wav.RATE
        self.playing = 0
        self.overlaps = 0
        self.segments = 0
        self.order: list[str] = []

    def play(self, segment, done) -> None:
        from PySide6.QtCore import QTimer

        from frontdesk.voice.speech_queue import CHIME, PAUSE

        self.playing += 1
        self.segments += 1
        if self.playing > 1:
            self.overlaps += 1
        if segment.kind == CHIME:
            self.order.append(segment.announcement.ticket)
            seconds = self.chime_s
        elif segment.kind == PAUSE:
            seconds = segment.seconds
        else:
            seconds = 4.5  # a spoken call, as the clip set says it

        def finish() -> None:
            self.playing -= 1
            done()

        QTimer.singleShot(max(1, int(seconds * 1000 / SPEED)), finish)

    def expected_seconds(self, segment) -> float:
        return 5.0

    def close(self) -> None:
        pass


def soak_main(url: str, calls: int, out: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from frontdesk.db import connection
    from frontdesk.db.models import Department, Staff
    from frontdesk.queue import clinic
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.queue.display import DisplayWindow
    from frontdesk.ui.queue.voice.speaker import Speaker

    app = QApplication(sys.argv[:1])
    connection.connect(url, check_pages=False)
    ctx = AppContext(db_url=url)
    engine = ScaledEngine()
    speaker = Speaker(player=engine)
    speaker.queue.repeat = 2
    window = DisplayWindow(ctx, [], speaker, hospital="压测医院")
    window.resize(1920, 1080)
    window.show()
    desk = Staff.get(Staff.role == "desk")
    depts = [Department.get(Department.code == c).id for c in DEPTS]
    called: list[str] = []
    rss: list[float] = []
    errors: list[str] = []
    state = {"i": 0, "previous": {}}
    every = max(10, calls // 6)  # six memory samples over the run

    def one_call() -> None:
        i = state["i"]
        if i >= calls:
            if not speaker.busy() and not window._in_flight:
                app.quit()
            return
        state["i"] += 1
        dept = depts[i % len(depts)]
        prev = state["previous"].get(dept)
        if prev is not None:  # the doctor finishes the last patient before the next call
            ctx.run(clinic.start_consultation, prev.entry_id, actor=desk,
                    expected_version=prev.version,
                    on_done=lambda row: ctx.run(clinic.finish, row.entry_id, actor=desk,
                                                expected_version=row.version,
                                                on_error=lambda e: errors.append(str(e))),
                    on_error=lambda e: errors.append(str(e)))
        row = ctx.run(clinic.call_next, dept, None, actor=desk, room=f"{1 + i % 9} 诊室",
                      on_error=lambda e: errors.append(str(e)))
        if row is not None:
            state["previous"][dept] = row
            called.append(row.queue_label)
        if (i + 1) % every == 0:
            gc.collect()
            rss.append(_rss_mb())

    timer = QTimer()
    timer.timeout.connect(one_call)
    # The first call only once the display has read where the call log stands (a call
    # made while a display starts counts as history: it is already on the screens).
    window.refreshed.connect(lambda: timer.isActive() or timer.start(int(10_000 / SPEED)))
    window.refresh()
    app.exec()
    ctx.tasks.wait()
    Path(out).write_text(json.dumps({
        "called": called, "announced": engine.order, "overlaps": engine.overlaps,
        "segments": engine.segments, "rss": rss, "errors": errors}))


def soak(url: str, calls: int, workdir: Path, env: dict) -> dict:
    out = workdir / "calls-soak.json"
    proc = subprocess.run([sys.executable, "-m", "bench.calls", "soak", url, str(calls), str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"calls soak failed:\n{proc.stderr[-2000:]}")
    return json.loads(out.read_text())


# --- the rows of bench/run.py -----------------------------------------------------------------

TITLES = (("call → display shows it (other process)", TARGET_LATENCY),
          ("call → first audio queued (chime)", TARGET_LATENCY),
          ("an hour of calls, 1 per 10 s (100× faster)", "no overlap, none lost, memory flat"))


def rows(bench) -> list:
    from bench.harness import Row

    timed = TIMED_SMOKE if bench.smoke else TIMED_FULL
    soak_calls = SOAK_SMOKE if bench.smoke else SOAK_FULL
    env = bench.env()
    env["PYTHONPATH"] = str(ROOT)
    env["FRONTDESK_NOW"] = NOW
    workdir = bench.workdir / "calls"
    workdir.mkdir(exist_ok=True)
    from frontdesk.db import connection

    connection.close()
    # Latency on a clinic morning's queue (WAITING per department after the last call);
    # the soak needs one waiting patient per call, so its queues start long and shrink.
    url = f"sqlite:///{workdir / 'calls.sqlite3'}"
    soak_url = f"sqlite:///{workdir / 'calls-soak.sqlite3'}"
    for u, per_dept in ((url, timed // 2 + WAITING), (soak_url, soak_calls // 2 + 5)):
        subprocess.run([sys.executable, "-m", "bench.calls", "prepare", u, str(per_dept)],
                       cwd=ROOT, env=env, check=True, timeout=1800)
    lat = latency(url, timed, workdir, env)
    s = soak(soak_url, soak_calls, workdir, env)
    lost = len(s["called"]) - len(s["announced"])
    in_order = s["announced"] == s["called"]
    # Growth after warm-up: the last sample against the second (the first holds the imports,
    # caches and first allocations of the display).
    growth = (s["rss"][-1] - s["rss"][1]) if len(s["rss"]) >= 3 else 0.0
    note_lat = (f"{lat['calls']} calls, 1 per {INTERVAL_S} s, SQLite, display + station processes,"
                f" two departments with {timed // 2 + WAITING}→{WAITING} waiting; lost {lat['lost']}")
    return [
        Row(*TITLES[0], samples=lat["shown_ms"], limit=300, note=note_lat),
        Row(*TITLES[1], samples=lat["audio_ms"], limit=300,
            note="clip engine; the chime is the first sample, the sentence follows it"),
        Row(*TITLES[2], unit="MB", samples=[max(0.0, growth)], compare="median", limit=10,
            note=(f"{len(s['called'])} calls, {s['segments']} segments: overlaps {s['overlaps']},"
                  f" lost {lost}, in order {in_order}, errors {len(s['errors'])};"
                  f" RSS {[round(x, 1) for x in s['rss']]} MB; figure = growth after warm-up")),
    ]


def main(argv: list[str]) -> None:
    os.environ.setdefault("FRONTDESK_NOW", NOW)  # read when frontdesk.clock is imported
    mode, rest = argv[0], argv[1:]
    if mode == "prepare":
        prepare(rest[0], int(rest[1]))
    elif mode == "station":
        station_main(rest[0], int(rest[1]), float(rest[2]))
    elif mode == "display":
        display_main(rest[0], rest[1], rest[2])
    elif mode == "soak":
        soak_main(rest[0], int(rest[1]), rest[2])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
