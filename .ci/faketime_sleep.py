"""Loaded into every Python process of the faketime run (see .ci/faketime.sh).

libfaketime 0.9.10 (Debian 12) corrupts clock_nanosleep(CLOCK_MONOTONIC,
TIMER_ABSTIME) when the monotonic clock is left alone, and Python 3.11's
time.sleep uses exactly that call, so every sleep fails with EINVAL. Sleep on
select()'s relative timeout instead, measured on the real monotonic clock.
"""

import select
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        select.select([], [], [], left)


time.sleep = _sleep
