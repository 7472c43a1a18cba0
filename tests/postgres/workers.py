"""Code run in separate processes by the PostgreSQL tests (importable under `spawn`)."""

from __future__ import annotations

import datetime as dt
import traceback


def register_many(url: str, guide_id: int, desk_id: int, department_id: int, count: int,
                  at_iso: str, barrier, results) -> None:
    """One desk: `count` arrivals triaged to one department, each on its own connection.

    Puts ("ok", [queue numbers]) or ("error", traceback) on `results`.
    """
    try:
        from frontdesk import clock, reception
        from frontdesk.db import connection
        from frontdesk.db.models import Staff

        at = dt.datetime.fromisoformat(at_iso)
        clock.set_source(clock.Travel(at, frozen=True))  # both desks on one day (own process)
        connection.connect(url)
        guide, desk = Staff.get_by_id(guide_id), Staff.get_by_id(desk_id)
        barrier.wait(timeout=60)  # both desks start together
        numbers = []
        for _ in range(count):
            v = reception.new_arrival(actor=guide, booked=False, first_visit=True)
            v = reception.take_at_desk(v.id, actor=desk, expected_version=v.version)
            v = reception.triage(v.id, actor=desk, expected_version=v.version,
                                 complaint="便血一周", department_id=department_id)
            numbers.append(v.queue_no)
        connection.close()
        results.put(("ok", numbers))
    except BaseException:  # noqa: BLE001 - reported to the test, which fails with it
        results.put(("error", traceback.format_exc()))


def open_and_migrate(url: str, barrier, results) -> None:
    """One desk starting up: open (and migrate) the database at the same moment as others."""
    try:
        from frontdesk.db import connection, migrations
        from frontdesk.db.session import open_database

        barrier.wait(timeout=60)
        db = open_database(url)
        results.put(("ok", migrations.current_version(db)))
        connection.close()
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put(("error", traceback.format_exc()))


def _outcome(exc: BaseException) -> tuple[str, str]:
    """("refused", message) for the app's own errors; ("raw", traceback) for anything else."""
    from frontdesk.errors import FrontdeskError

    if isinstance(exc, FrontdeskError):
        return "refused", f"{type(exc).__name__}: {exc}"
    return "raw", "".join(traceback.format_exception(exc))


def desk_race(url: str, job: dict, at_iso: str, barrier, results) -> None:
    """One desk of a race on a shared server; `job["kind"]` says what it does.

    - "register": `count` new patients, each a whole visit from the door to BILLING,
      names and phones from `job["names"]` / `job["phones"]`;
    - "escort": name escort `job["escort_id"]` on visit `job["visit_id"]` (at ESCORT);
    - "login": log in as `job["username"]` with each secret of `job["secrets"]`.
    Puts (desk, [(outcome, detail), ...]) on `results`; outcome is "ok", "refused" or "raw".
    """
    desk_no = job.get("desk", 0)
    outcomes: list[tuple[str, str]] = []
    try:
        from frontdesk import accounts, clock, reception
        from frontdesk.db import connection
        from frontdesk.db.models import Staff

        clock.set_source(clock.Travel(dt.datetime.fromisoformat(at_iso), frozen=True))
        connection.connect(url)
        actor = Staff.get_by_id(job["actor_id"]) if job.get("actor_id") else None
        barrier.wait(timeout=120)
        if job["kind"] == "register":
            for name, phone in zip(job["names"], job["phones"], strict=True):
                try:
                    v = reception.new_arrival(actor=actor, booked=False, first_visit=True)
                    v = reception.take_at_desk(v.id, actor=actor, expected_version=v.version)
                    v = reception.triage(v.id, actor=actor, expected_version=v.version,
                                         complaint="头痛两天", department_id=job["department_id"])
                    form = reception.RegistrationForm(name=name, sex="F", phone=phone, age=40)
                    v = reception.register(v.id, actor=actor, expected_version=v.version,
                                           form=form)
                    outcomes.append(("ok", str(v.patient_id)))
                except Exception as exc:  # noqa: BLE001 - counted by the test
                    outcomes.append(_outcome(exc))
        elif job["kind"] == "escort":
            try:
                v = reception.assign_escort(job["visit_id"], actor=actor,
                                            expected_version=job["version"],
                                            escort_id=job["escort_id"])
                outcomes.append(("ok", str(v.id)))
            except Exception as exc:  # noqa: BLE001
                outcomes.append(_outcome(exc))
        elif job["kind"] == "login":
            for secret in job["secrets"]:
                try:
                    accounts.login(job["username"], secret)
                    outcomes.append(("ok", ""))
                except Exception as exc:  # noqa: BLE001
                    outcomes.append(_outcome(exc))
        connection.close()
    except BaseException as exc:  # noqa: BLE001 - set-up failed: reported as raw
        outcomes.append(("raw", "".join(traceback.format_exception(exc))))
    results.put((desk_no, outcomes))


def run_desks(url: str, jobs: list[dict], at: dt.datetime, *, timeout: float = 240
              ) -> dict[int, list[tuple[str, str]]]:
    """Start one process per job, release them together, collect every desk's outcomes."""
    import multiprocessing

    mp = multiprocessing.get_context("spawn")
    barrier, results = mp.Barrier(len(jobs)), mp.Queue()
    procs = []
    for i, job in enumerate(jobs):
        job = {**job, "desk": i}
        procs.append(mp.Process(target=desk_race, args=(url, job, at.isoformat(), barrier,
                                                         results)))
    for p in procs:
        p.start()
    out = dict(results.get(timeout=timeout) for _ in procs)
    for p in procs:
        p.join(timeout=30)
    return out
