"""Multi-station run: N desk processes writing full visits, listening stations seeing them.

    python bench/run.py --only stations            # N = 2, 8, 20 on SQLite and PostgreSQL
    python bench/run.py --only stations --smoke    # N = 2 only

For each engine (one SQLite file; one PostgreSQL server, a throw-away cluster as the
tests start it) and each N, in one run:

- N writer processes (`python -m bench.stations writer …`) walk full visits through the
  domain: new arrival → take at desk → triage (queue number) → register a new patient
  (record number) → confirm payment; each step is one transaction, one change-log row.
  After each call a writer notes CLOCK_MONOTONIC (system-wide on Linux, so comparable
  between processes); at the end it reads the seqs its station wrote, in order.
- LISTENERS listening stations (`… listener …`): an offscreen Qt application with the
  app's own LiveBridge (frontdesk/ui/shell/live.py); a change is "seen" when the bridge
  announces it to the screens (ctx.changes, after the queued signal and its coalescing).
  Before the writers start, each listener's CPU time over an idle window is read from
  /proc (the idle cost of a listening station).

Reported: change → seen p50/p95/max over every (change, listener) pair; every seq seen
exactly once by every listener (missing / duplicates counted); duplicate queue numbers,
record numbers and door tickets (0 expected); step p95 under load; writer errors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRITERS_FULL = (2, 8, 20)
WRITERS_SMOKE = (2,)
LISTENERS = 2
VISITS_FULL, VISITS_SMOKE = 10, 4
IDLE_S_FULL, IDLE_S_SMOKE = 10.0, 3.0
STEPS = ("new arrival", "take at desk", "triage", "register", "confirm payment")
TARGET = "p95 ≤ 100 ms; each seen once"


def _now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


# --- the database both engines start from ------------------------------------------------

def prepare(url: str) -> None:
    """A migrated database with the house rules, a door guide and a desk nurse."""
    from frontdesk import rules, settings
    from frontdesk.accounts import auth
    from frontdesk.db import connection
    from frontdesk.db.models import Staff
    from frontdesk.db.session import open_database

    open_database(url)
    rules.load_rules()
    settings.set("hospital.name", "压测医院")
    hashed = auth.hash_secret("pw123456")
    for role in ("guide", "desk"):
        Staff.create(username=f"bench-{role}", display_name=role, role=role,
                     password_hash=hashed, pin_hash=hashed)
    connection.close()


def duplicates(url: str) -> dict[str, int]:
    """Rows sharing a number that must be unique (queue no., record no., door ticket)."""
    from frontdesk.db import connection

    db = connection.connect(url, check_pages=False)
    checks = {
        "queue numbers": "SELECT count(*) FROM (SELECT department_id, visit_date, queue_no "
                         "FROM visit WHERE queue_no IS NOT NULL "
                         "GROUP BY department_id, visit_date, queue_no HAVING count(*) > 1) d",
        "record numbers": "SELECT count(*) FROM (SELECT record_no FROM patient "
                          "GROUP BY record_no HAVING count(*) > 1) d",
        "door tickets": "SELECT count(*) FROM (SELECT visit_date, door_ticket_no FROM visit "
                        "WHERE door_ticket_no IS NOT NULL "
                        "GROUP BY visit_date, door_ticket_no HAVING count(*) > 1) d",
    }
    out = {}
    try:
        for name, sql in checks.items():
            try:
                with db.atomic():
                    out[name] = int(db.execute_sql(sql).fetchone()[0])
            except Exception:  # noqa: BLE001 - a column this tree does not have yet
                out[name] = -1
    finally:
        connection.close()
    return out


# --- a writer process ----------------------------------------------------------------------

def writer_main(url: str, index: int, visits: int) -> None:
    import datetime as dt

    from frontdesk import clock, reception
    from frontdesk.db import change_log, connection
    from frontdesk.db.models import Department, Staff

    # Every desk on one Monday morning (doctors on duty), the clock running.
    clock.set_source(clock.Travel(dt.datetime(2026, 11, 23, 10, 0)))
    db = connection.connect(url, check_pages=False)
    committed: dict[int, int] = {}  # seq -> CLOCK_MONOTONIC just after its COMMIT returned
    db.on_logged = lambda seq: committed.__setitem__(seq, _now_ns())
    guide = Staff.get(Staff.role == "guide")
    desk = Staff.get(Staff.role == "desk")
    depts = list(Department.select().where((Department.active == True)  # noqa: E712
                                           & (Department.is_emergency == False)))  # noqa: E712
    step_ms: dict[str, list[float]] = {s: [] for s in STEPS}
    errors: list[str] = []
    # One visit to warm up (imports, pinyin, triage rules): not measured.
    _visit(reception, guide, desk, depts[index % len(depts)], index, 99, {}, [])
    committed.clear()
    print("ready", flush=True)
    sys.stdin.readline()  # "go"
    for i in range(visits):
        _visit(reception, guide, desk, depts[(index + i) % len(depts)], index, i, step_ms,
               errors)
    connection.close()
    print(json.dumps({"station": change_log.STATION, "committed": committed,
                      "step_ms": step_ms, "errors": errors}), flush=True)


_DIGITS = "零一二三四五六七八九"


def _visit(reception, guide, desk, dept, index: int, i: int, step_ms: dict, errors: list) -> None:
    from frontdesk.patient_form import RegistrationForm

    view = None
    for step in STEPS:
        t = _now_ns()
        try:
            if step == "new arrival":
                view = reception.new_arrival(actor=guide, booked=False, first_visit=True)
            elif step == "take at desk":
                view = reception.take_at_desk(view.id, actor=desk,
                                              expected_version=view.version)
            elif step == "triage":
                view = reception.triage(view.id, actor=desk, expected_version=view.version,
                                        complaint="咳嗽两天", department_id=dept.id)
            elif step == "register":
                name = "压测" + "".join(_DIGITS[int(d)] for d in f"{index}{i}")
                form = RegistrationForm(name=name, sex="F",
                                        phone=f"139{index:04d}{i:04d}", age=40)
                view = reception.register(view.id, actor=desk, expected_version=view.version,
                                          form=form)
            else:
                view = reception.confirm_payment(view.id, actor=desk,
                                                 expected_version=view.version)
        except Exception as exc:  # noqa: BLE001 - counted and reported
            errors.append(f"{step}: {type(exc).__name__}: {exc}"[:300])
            break
        if step in step_ms:
            step_ms[step].append((_now_ns() - t) / 1e6)


# --- a listening station ---------------------------------------------------------------------

def listener_main(url: str, out: str, stop_file: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, QTimer, Slot
    from PySide6.QtWidgets import QApplication

    from frontdesk.db import connection
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.shell.live import LiveBridge

    class Recorder(QObject):
        """Lives on the UI thread: the feed's batches reach it queued, like the bridge."""

        def __init__(self):
            super().__init__()
            self.seen: list[tuple[int, str, int]] = []  # (seq, station, announced)
            self.arrived: dict[int, int] = {}  # seq -> on the UI thread, before coalescing
            self.waiting: list = []

        @Slot(object)
        def record(self, batch) -> None:
            t = _now_ns()
            for c in batch:
                self.arrived.setdefault(c.seq, t)
            self.waiting.extend(batch)

        @Slot(object)
        def announced(self, _rows) -> None:
            # The screens are told now: that is when these changes are "seen".
            t = _now_ns()
            self.seen.extend((c.seq, c.station, t) for c in self.waiting)
            self.waiting.clear()

    recorder = Recorder()

    class TimedBridge(LiveBridge):
        """The app's bridge; each batch is noted as it reaches the UI thread, before the
        bridge handles it (a slot of its own could run after the announcement)."""

        def _arrived(self, changes) -> None:
            recorder.record(changes)
            super()._arrived(changes)

    app = QApplication(sys.argv[:1])
    connection.connect(url, check_pages=False)
    ctx = AppContext(db_url=url)
    bridge = TimedBridge(ctx)
    seen = recorder.seen
    signals = [0]
    ctx.changes.rows_changed.connect(recorder.announced)
    ctx.changes.visits_changed.connect(lambda: signals.__setitem__(0, signals[0] + 1))
    said_ready = [False]
    stop_seen: list[float] = []

    def tick() -> None:
        if bridge.connected and not said_ready[0]:
            said_ready[0] = True
            print("ready", flush=True)
        if os.path.exists(stop_file):
            # The stop file names the last seq written: quit once it was announced here
            # (or after 20 s: then what is missing is reported as missing).
            stop_seen.append(time.monotonic()) if not stop_seen else None
            last = int(Path(stop_file).read_text() or 0)
            done = any(seq >= last for seq, _s, _t in recorder.seen[-50:])
            if done or time.monotonic() - stop_seen[0] > 20:
                app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(500)  # the bench's own stop check: rare, so it hardly adds to idle
    bridge.start()
    app.exec()
    bridge.stop()
    Path(out).write_text(json.dumps({"seen": seen, "arrived": recorder.arrived,
                                     "visits_signals": signals[0]}))


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15)


# --- one configuration: an engine and N writers -----------------------------------------

def run_once(url: str, writers: int, visits: int, idle_s: float, workdir: Path,
             env: dict[str, str]) -> dict:
    cmd = [sys.executable, "-m", "bench.stations"]
    stop_file = workdir / f"stop-{writers}-{_now_ns()}"
    listeners = []
    for k in range(LISTENERS):
        out = workdir / f"seen-{writers}-{k}-{_now_ns()}.json"
        proc = subprocess.Popen([*cmd, "listener", url, str(out), str(stop_file)], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, text=True)
        listeners.append((proc, out))
    for proc, _ in listeners:
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("a listening station did not start")
    procs = [subprocess.Popen([*cmd, "writer", url, str(i), str(visits)], cwd=ROOT, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for i in range(writers)]
    for p in procs:
        if p.stdout.readline().strip() != "ready":
            raise RuntimeError("a writer did not start")
    # Idle: everything is up, nothing is written. What does a listening station cost?
    hz = os.sysconf("SC_CLK_TCK")
    before = [_cpu_ticks(p.pid) for p, _ in listeners]
    t0 = time.monotonic()
    time.sleep(idle_s)
    idle = [(_cpu_ticks(p.pid) - b) / hz / (time.monotonic() - t0) * 100
            for (p, _), b in zip(listeners, before, strict=True)]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        line = p.stdout.readline()
        p.wait(timeout=600)
        results.append(json.loads(line))
    last = max((int(seq) for r in results for seq in r["committed"]), default=0)
    stop_file.write_text(str(last))  # each station stops once it has announced the last one
    seen_by = []
    for proc, out in listeners:
        proc.wait(timeout=60)
        seen_by.append(json.loads(out.read_text()))
    return {"writers": results, "listeners": seen_by, "idle_cpu_pct": idle}


def summarize(run: dict) -> dict:
    """Latencies (ms) per (change, listener), exactly-once and error counts."""
    committed: dict[int, int] = {}
    errors: list[str] = []
    step_ms: dict[str, list[float]] = {s: [] for s in STEPS}
    for w in run["writers"]:
        errors += w["errors"]
        for s in STEPS:
            step_ms[s] += w["step_ms"][s]
        committed.update((int(seq), t) for seq, t in w["committed"].items())
    latencies: list[float] = []
    arrivals: list[float] = []
    missing = dupes = 0
    for listener in run["listeners"]:
        seqs = [s for s, _station, _t in listener["seen"]]
        dupes += len(seqs) - len(set(seqs))
        missing += len(committed.keys() - set(seqs))
        for seq, _station, t in listener["seen"]:
            if seq in committed:
                latencies.append((t - committed[seq]) / 1e6)
        for seq, t in listener["arrived"].items():
            if int(seq) in committed:
                arrivals.append((t - committed[int(seq)]) / 1e6)
    return {"latencies": latencies, "arrivals": arrivals, "events": len(committed),
            "missing": missing,
            "duplicates": dupes, "errors": errors, "step_ms": step_ms,
            "idle_cpu_pct": run["idle_cpu_pct"]}


def engine_rows(name: str, url_for, writers_list, visits: int, idle_s: float, workdir: Path,
                env: dict[str, str]) -> list:
    from bench.harness import Row, percentile

    rows = []
    idle_all: list[float] = []
    for n in writers_list:
        url = url_for(n)
        prepare(url)
        s = summarize(run_once(url, n, visits, idle_s, workdir, env))
        dup = duplicates(url)
        idle_all += s["idle_cpu_pct"]
        steps = [ms for v in s["step_ms"].values() for ms in v]
        step_p95 = percentile(steps, 95) if steps else float("nan")
        dup_text = ", ".join(f"{k} {'n/a' if v < 0 else v}" for k, v in dup.items())
        once = "every event seen exactly once by every station" if not (
            s["missing"] or s["duplicates"]) else (
            f"NOT exactly once: {s['missing']} missing, {s['duplicates']} duplicates")
        arrived = s["arrivals"]
        before = (f"on the UI thread before the bridge's coalescing p50 "
                  f"{percentile(arrived, 50):.1f} / p95 {percentile(arrived, 95):.1f} ms"
                  if arrived else "")
        note = (f"{n} writers × {visits} visits × {len(STEPS)} steps = {s['events']} events, "
                f"{LISTENERS} listening stations; {once}; {before}; "
                f"duplicate numbers: {dup_text}; "
                f"step p95 under load {step_p95:.1f} ms; errors {len(s['errors'])}"
                + (f" (first: {s['errors'][0]})" if s["errors"] else ""))
        if s["missing"] or s["duplicates"] or any(v > 0 for v in dup.values()):
            note = "FAILED CHECK — " + note
        rows.append(Row(f"change → seen by another station, {name}, N={n}", TARGET,
                        samples=s["latencies"] or None, limit=100, note=note,
                        missing="" if s["latencies"] else "no change seen"))
    rows.append(Row(f"listening station idle CPU, {name}", "< 1% of a core", unit="%",
                    samples=idle_all, compare="median", limit=1.0,
                    note=f"CPU time of each listening station (Qt, offscreen, LiveBridge) over "
                         f"{idle_s:.0f} s with nothing written, /proc utime+stime; "
                         f"% of one core; {len(idle_all)} samples"))
    return rows


def rows(bench) -> list:
    """The multi-station rows of bench/run.py (SQLite, then PostgreSQL if a server exists)."""
    writers_list = WRITERS_SMOKE if bench.smoke else WRITERS_FULL
    visits = VISITS_SMOKE if bench.smoke else VISITS_FULL
    idle_s = IDLE_S_SMOKE if bench.smoke else IDLE_S_FULL
    env = bench.env()
    env["PYTHONPATH"] = str(ROOT)
    workdir = bench.workdir / "stations"
    workdir.mkdir(exist_ok=True)
    from frontdesk.db import connection

    connection.close()
    out = engine_rows("SQLite", lambda n: f"sqlite:///{workdir / f'stations-{n}.sqlite3'}",
                      writers_list, visits, idle_s, workdir, env)
    out += postgres_rows(writers_list, visits, idle_s, workdir, env)
    return out


def postgres_rows(writers_list, visits, idle_s, workdir, env) -> list:
    """The same on a throw-away PostgreSQL cluster, started as the tests start theirs."""
    from bench.harness import Row

    try:
        from tests.postgres.conftest import APP_PASSWORD, APP_ROLE, Cluster, find_bindir
    except ImportError as exc:
        return [Row("change → seen by another station, PostgreSQL", TARGET,
                    missing=f"n/a — {exc}")]
    bindir = find_bindir()
    if bindir is None:
        return [Row("change → seen by another station, PostgreSQL", TARGET,
                    missing="n/a — no PostgreSQL server binaries")]
    import shutil

    from tests.postgres.conftest import _server_user

    root = Path(tempfile.mkdtemp(prefix="frontdesk-bench-pg-"))
    cluster = Cluster(bindir=bindir, root=root, user=_server_user())
    try:
        cluster.init()
        cluster.start()
        cluster.sql(f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD %s", (APP_PASSWORD,))
        # The tests' throw-away cluster: fsync and synchronous_commit off (a server's disk
        # adds its commit time to every step, not to the path from commit to station).
        return engine_rows("PostgreSQL", lambda n: cluster.url(cluster.create_database()),
                           writers_list, visits, idle_s, workdir, env)
    finally:
        from frontdesk.db import connection

        connection.close()
        if cluster.data.exists():
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    role = sys.argv[1]
    if role == "writer":
        writer_main(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif role == "listener":
        listener_main(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        raise SystemExit(f"unknown role {role}")
