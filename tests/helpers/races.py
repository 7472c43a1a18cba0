"""Several stations doing the same thing in the same millisecond: threads on their own
connections, released together by a barrier."""

from __future__ import annotations

import threading

from frontdesk.errors import ConflictError


def race(calls, told: tuple[type[BaseException], ...] = (ConflictError,)
         ) -> tuple[list, list, list[BaseException]]:
    """Run each callable in its own thread (its own connection), released together.

    Returns (results, told, other errors): `told` holds the exceptions of the `told`
    types (a station refused in a sentence), errors anything else (a raw driver error).
    """
    barrier = threading.Barrier(len(calls))
    results, refused, errors = [], [], []
    lock = threading.Lock()

    def run(fn):
        from frontdesk.db.models import database_proxy

        try:
            barrier.wait(timeout=30)
            out = fn()
            with lock:
                results.append(out)
        except told as exc:
            with lock:
                refused.append(exc)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            with lock:
                errors.append(exc)
        finally:
            database_proxy.obj.close()  # this thread's connection

    threads = [threading.Thread(target=run, args=(fn,)) for fn in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, refused, errors


def hold_after(monkeypatch, owner, name: str, parties: int = 2, timeout: float = 2.0) -> None:
    """Make a race certain: each racer that has run `owner.name` waits (up to `timeout`)
    until the others have run it too. Unguarded, every racer acts on what it read before
    anyone wrote; guarded (a lock held to the commit), the others cannot get there before
    the first has committed, the wait times out and the first goes on."""
    barrier, real = threading.Barrier(parties), getattr(owner, name)

    def then_wait(*args, **kwargs):
        out = real(*args, **kwargs)
        try:
            barrier.wait(timeout=timeout)
        except threading.BrokenBarrierError:
            pass  # the others wait for our commit
        return out

    monkeypatch.setattr(owner, name, then_wait)
