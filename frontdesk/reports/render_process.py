"""Render big report files in a separate process, so the desk's window never waits.

Laying out a 10,000-visit day as a PDF or an XLSX is a second or two of pure
Python. On the worker thread it still holds the GIL: keystrokes on the UI thread
stalled 68–289 ms while a report rendered (issue 20). Here the rendering runs in
one long-lived helper process (multiprocessing "spawn": the same on Windows and
Linux, nothing of the desk's state is inherited); the worker thread only waits
on a pipe, which releases the GIL.

Small reports (the common case, and every test's) render in-thread: starting the
helper costs more than they do. The helper renders at the caller's clock time
and language, so the bytes are what an in-thread render gives.
"""

from __future__ import annotations

import atexit
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from frontdesk import clock, i18n

# Table rows above which a report is rendered in the helper process.
PROCESS_MIN_ROWS = 1500

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def row_count(summary) -> int:
    from frontdesk.reports.tables import tables_for

    return sum(len(t.rows) for t in tables_for(summary))


def _render_here(render, summary, fmt: str, printed_by_name: str, lang: str | None,
                 at) -> bytes:
    """The rendering itself (also what the helper process runs)."""
    if at is not None:  # in the helper: the caller's time and language
        clock.set_source(clock.Travel(at, frozen=True))
        if lang:
            i18n.set_language(lang)
    return render(summary, fmt, printed_by_name=printed_by_name, lang=lang)


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


def use_process(summary) -> bool:
    # A frozen bundle would need multiprocessing.freeze_support() at its entry point.
    return not getattr(sys, "frozen", False) and row_count(summary) >= PROCESS_MIN_ROWS


def render(renderer, summary, fmt: str, *, printed_by_name: str = "",
           lang: str | None = None, separate: bool | None = None) -> bytes:
    """`renderer(summary, fmt, printed_by_name=, lang=)` (frontdesk.reports.export.render):
    in the helper process when the report is big (or `separate`), else here."""
    lang = lang or i18n.language()
    if separate is None:
        separate = use_process(summary)
    if not separate:
        return _render_here(renderer, summary, fmt, printed_by_name, lang, None)
    future = None
    try:
        future = _executor().submit(_render_here, renderer, summary, fmt, printed_by_name,
                                    lang, clock.now())
        return future.result()
    except BrokenProcessPool:
        # The helper died (killed, out of memory): render here rather than fail the desk.
        shutdown()
        return _render_here(renderer, summary, fmt, printed_by_name, lang, None)
