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
