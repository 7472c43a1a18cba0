"""Build and render big reports in a separate process, so the desk's window never waits.

Laying out a 10,000-visit day as a PDF or an XLSX is a second or two of pure
Python. On the worker thread it still holds the GIL: keystrokes on the UI thread
stalled 68–289 ms while a report rendered (issue 20). Here the rendering runs in
one long-lived helper process (multiprocessing "spawn": the same on Windows and
Linux, nothing of the desk's state is inherited); the worker thread only waits
on a pipe, which releases the GIL.

A big day's summary is also *built* there (:func:`build`: the SQL and the 10,000
rows made into dataclasses), reading the same SQLite file on a connection of its
own. A summary crosses the pipe as pickled pieces of at most PACK_ROWS rows
(:func:`pack` / :func:`unpack`): pickling or unpickling 10,000 rows in one call
holds the GIL for ~40 ms, a piece for ~2 ms, and the UI thread gets its turn
between pieces.

Small reports (the common case, and every test's) are made in-thread: starting the
helper costs more than they do. The helper works at the caller's clock time
and language, so the bytes are what an in-thread render gives. A frozen bundle
starts the helper only when its entry script calls multiprocessing.freeze_support()
and says so (HELPER_PROCESSES in frontdesk/__main__.py); a helper that dies or
cannot start leaves the work to this thread. An error of the report itself (a
FrontdeskError, a database error) raised in the helper is raised here at once, not
made again in-thread: the user would wait twice as long to read the same error.
"""

from __future__ import annotations

import atexit
import pickle
import sys
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields, is_dataclass, replace
from operator import attrgetter

from frontdesk import clock, i18n

# Table rows above which a report is rendered in the helper process.
PROCESS_MIN_ROWS = 1500
# Visits of a day above which its summary is built in the helper process.
PROCESS_MIN_VISITS = 1500
# Rows per pickled piece of a summary crossing the pipe (see pack).
PACK_ROWS = 400

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def row_count(summary) -> int:
    """The rows of the summary's lists (calls-back, red flags, days, groups...): about the
    rows of its tables, counted without laying them out."""
    return sum(len(getattr(summary, f.name)) for f in fields(summary)
               if isinstance(getattr(summary, f.name), tuple))


# --- a summary across the pipe ---------------------------------------------------


def pack(summary) -> list[bytes]:
    """`summary` (a frozen dataclass) as pickled pieces: the summary with its long row
    tuples emptied, then those rows PACK_ROWS at a time. Each piece is one short C call.

    Rows of one dataclass travel as plain tuples of their fields and are made again with
    the class: an unpickled instance gets a real __dict__ (two objects for the garbage
    collector to track into its oldest generation instead of one — twice as many full
    collections, each 20+ ms of a stalled window, after a big day arrives).
    """
    long = {f.name: getattr(summary, f.name) for f in fields(summary)}
    long = {name: rows for name, rows in long.items()
            if isinstance(rows, tuple) and len(rows) > PACK_ROWS}
    head = replace(summary, **{name: () for name in long}) if long else summary
    counts = []
    pieces: list[bytes] = []
    for name, rows in long.items():
        cls = type(rows[0])
        names = [f.name for f in fields(cls)] if is_dataclass(cls) else []
        flat = len(names) > 1 and all(type(r) is cls for r in rows)
        get = attrgetter(*names) if flat else None
        counts.append((name, -(-len(rows) // PACK_ROWS), cls if flat else None))
        for i in range(0, len(rows), PACK_ROWS):
            part = rows[i:i + PACK_ROWS]
            pieces.append(pickle.dumps([get(r) for r in part] if get else part,
                                       pickle.HIGHEST_PROTOCOL))
    return [pickle.dumps((head, tuple(counts)), pickle.HIGHEST_PROTOCOL), *pieces]


def unpack(pieces: list[bytes]):
    """The summary :func:`pack` made the pieces of."""
    head, counts = pickle.loads(pieces[0])
    at = 1
    values = {}
    for name, n, cls in counts:
        rows: list = []
        for piece in pieces[at:at + n]:
            part = pickle.loads(piece)
            rows.extend(part if cls is None else [cls(*fields_) for fields_ in part])
        at += n
        values[name] = tuple(rows)
    return replace(head, **values) if values else head


# --- the report's own errors, from the helper ------------------------------------


class _Raised:
    """An exception the report's code raised in the helper, carried back as a value.

    Pickled as raised, it might not unpickle here (a FrontdeskError's args hold only its
    English text, and its __init__ wants both languages): the pool would call that a
    broken helper and the report would be made again in-thread. Here it is remade from
    its class, args and attributes without running __init__, and raised at once.
    """

    def __init__(self, exc: BaseException, where: str = ""):
        self.exc = exc
        self.where = where

    def __reduce__(self):
        return (_raised_again, (type(self.exc), self.exc.args, dict(self.exc.__dict__),
                                self.where))


def _raised_again(cls, args: tuple, state: dict, where: str) -> _Raised:
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    return _Raised(exc, where)


def _captured(fn, *args):
    """In the helper: `fn(*args)`, or its exception as a _Raised (always one that crosses
    the pipe: an exception with an attribute that cannot be pickled goes as a RuntimeError
    naming it)."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - every error of the report goes back to the desk
        box = _Raised(exc, traceback.format_exc())
        try:
            pickle.loads(pickle.dumps(box, pickle.HIGHEST_PROTOCOL))
        except Exception:  # noqa: BLE001 - whatever pickle raises
            box = _Raised(RuntimeError(f"{type(exc).__name__}: {exc}"), box.where)
        return box


def _result(made):
    """What the helper sent: its value, or the report's own error raised here."""
    if isinstance(made, _Raised):
        if made.where:
            made.exc.add_note("Raised in the report helper process:\n" + made.where.rstrip())
        raise made.exc
    return made


def _render_here(render, summary, fmt: str, printed_by_name: str, lang: str | None,
                 at) -> bytes:
    """The rendering itself (also what the helper process runs, with the summary packed)."""
    if at is not None:  # in the helper: the caller's time and language
        clock.set_source(clock.Travel(at, frozen=True))
        if lang:
            i18n.set_language(lang)
        summary = unpack(summary)
    return render(summary, fmt, printed_by_name=printed_by_name, lang=lang)


_child_url: str | None = None  # the database the helper has open


def _build_there(url: str, gather, args: tuple, at, lang: str | None,
                 then=None) -> tuple[list[bytes], object] | _Raised | None:
    """In the helper: `gather(*args)` on the database at `url`, packed, and `then(summary)`
    (or None). None when the helper cannot open the database (the caller then builds
    in-thread); an error of the build itself comes back as a _Raised, for the caller to
    raise at once."""
    global _child_url
    clock.set_source(clock.Travel(at, frozen=True))
    if lang:
        i18n.set_language(lang)
    try:
        if _child_url != url:
            from frontdesk.db import connection

            connection.close()
            _child_url = None
            # The desk migrated and checked the file: only a connection to read it.
            connection.connect(url, check_pages=False)
            _child_url = url
    except Exception:  # noqa: BLE001 - the desk's own connection reports what is wrong
        return None
    return _captured(_gather_packed, gather, args, then)


def _gather_packed(gather, args: tuple, then) -> tuple[list[bytes], object]:
    summary = gather(*args)
    return pack(summary), (then(summary) if then is not None else None)


def _database_url() -> str | None:
    """The open database as a URL the helper can open: SQLite files only (a server's
    connection is the desk's own business; there the build stays in-thread)."""
    from peewee import SqliteDatabase

    from frontdesk.db.models import database_proxy

    db = database_proxy.obj
    if not isinstance(db, SqliteDatabase) or db.database in ("", ":memory:"):
        return None
    return f"sqlite:///{db.database}"


def _child_init(language: str) -> None:
    i18n.set_language(language)
    # The desk may end without saying so (killed, crashed): then the helper ends too.
    threading.Thread(target=_exit_with_parent, daemon=True).start()


def _exit_with_parent() -> None:
    import multiprocessing
    import os
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is not None:
        wait([parent.sentinel])
        os._exit(0)


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            import multiprocessing

            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_child_init, initargs=(i18n.language(),))
            atexit.register(shutdown)
        return _pool


def shutdown() -> None:
    """Stop the helper process (at exit; tests may call it)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def helpers_allowed() -> bool:
    """False in a frozen bundle whose entry does not run multiprocessing.freeze_support():
    there the helper would start a second desk instead."""
    if not getattr(sys, "frozen", False):
        return True
    return bool(getattr(sys.modules.get("__main__"), "HELPER_PROCESSES", False))


def use_process(summary) -> bool:
    return helpers_allowed() and row_count(summary) >= PROCESS_MIN_ROWS


def render(renderer, summary, fmt: str, *, printed_by_name: str = "",
           lang: str | None = None, separate: bool | None = None) -> bytes:
    """`renderer(summary, fmt, printed_by_name=, lang=)` (frontdesk.reports.export.render):
    in the helper process when the report is big (or `separate`), else here."""
    lang = lang or i18n.language()
    if separate is None:
        separate = use_process(summary)
    if not separate:
        return _render_here(renderer, summary, fmt, printed_by_name, lang, None)
    try:
        future = _executor().submit(_captured, _render_here, renderer, pack(summary), fmt,
                                    printed_by_name, lang, clock.now())
    except (BrokenProcessPool, OSError):
        future = None  # the helper could not start
    try:
        made = future.result() if future is not None else None
    except BrokenProcessPool:
        made = None  # the helper died (killed, out of memory)
    if made is None:
        # Render here rather than fail the desk. An error of the rendering itself came
        # back as a _Raised and is raised below, not met a second time here.
        shutdown()
        return _render_here(renderer, summary, fmt, printed_by_name, lang, None)
    return _result(made)


def build(gather, *args, separate: bool, then=None):
    """`gather(*args)` (a summary read from the database): in the helper process when
    `separate` and the database is an SQLite file, else here. The same summary either way
    (`gather` must take its clock time from its arguments).

    With `then` (a module-level function, so the helper can run it): (summary,
    then(summary)), `then` run where the summary was made — the reports screen's charts,
    thousands of short-lived reportlab objects that need not be made in the desk.
    """
    url = _database_url() if separate and helpers_allowed() else None
    made = None
    if url is not None:
        try:
            future = _executor().submit(_build_there, url, gather, args, clock.now(),
                                        i18n.language(), then)
            made = future.result()
        except (BrokenProcessPool, OSError):
            # The helper could not start or died: build here. (An OSError of the build
            # itself comes back as a _Raised, not through here.)
            shutdown()
        made = _result(made)  # the build's own error: at once, not a second build here
    if made is None:
        summary = gather(*args)
        return summary if then is None else (summary, then(summary))
    pieces, extra = made
    return unpack(pieces) if then is None else (unpack(pieces), extra)
