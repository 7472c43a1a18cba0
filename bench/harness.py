"""The benchmark harness: timing, statistics, the result rows and the one table.

A benchmark is one function `fn(bench: Bench) -> list[Row]` registered with
`@benchmark("key")` in bench/run.py. It measures the app and, in the same run,
its baseline; a feature that has not landed raises NotLanded and its row says
so instead of showing a made-up figure.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

NOT_LANDED = "n/a — not landed"


class ProcessKilled(RuntimeError):
    """A benchmarked process died from a signal (not an error exit of its own)."""


class NotLanded(Exception):
    """The feature a benchmark measures does not exist (yet) in the tree."""


def need(module: str, *attrs: str):
    """Import `module` and check it has `attrs`, or raise NotLanded naming what is missing."""
    if importlib.util.find_spec(module) is None:
        raise NotLanded(module)
    mod = importlib.import_module(module)
    missing = [a for a in attrs if not hasattr(mod, a)]
    if missing:
        raise NotLanded(f"{module}.{missing[0]}")
    return mod


# --- statistics ----------------------------------------------------------------------


def percentile(samples: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (numpy's default), of a non-empty sample."""
    data = sorted(samples)
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * pct / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


@dataclass
class Stat:
    median: float
    p95: float
    n: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stat:
        return cls(statistics.median(samples), percentile(samples, 95), len(samples))


# --- a row of the table ---------------------------------------------------------------


@dataclass
class Row:
    """One line of the table. Samples are in `unit` (ms or MB) already."""

    name: str
    target: str  # as printed, e.g. "p95 ≤ 10 ms and ≤ 2×"
    unit: str = "ms"
    samples: list[float] | None = None
    baseline: list[float] | None = None
    compare: str = "p95"  # which statistic the limits apply to: "p95" or "median"
    limit: float | None = None  # absolute limit on `compare`, in `unit`
    max_ratio: float | None = None  # limit on app / baseline (same statistic)
    note: str = ""
    missing: str = ""  # why there is no figure (NOT_LANDED …)

    @property
    def stat(self) -> Stat | None:
        return Stat.of(self.samples) if self.samples else None

    @property
    def base(self) -> Stat | None:
        return Stat.of(self.baseline) if self.baseline else None

    def figure(self) -> float | None:
        s = self.stat
        return None if s is None else getattr(s, self.compare)

    def ratio(self) -> float | None:
        s, b = self.stat, self.base
        if s is None or b is None or getattr(b, self.compare) <= 0:
            return None
        return getattr(s, self.compare) / getattr(b, self.compare)

    def verdict(self) -> str:
        fig = self.figure()
        if fig is None:
            return "n/a"
        if self.limit is None and self.max_ratio is None:
            return "—"  # a row for context: it has no target to pass
        ok = self.limit is None or fig <= self.limit
        ratio = self.ratio()
        if self.max_ratio is not None:
            ok = ok and ratio is not None and ratio <= self.max_ratio
        return "pass" if ok else "FAIL"

    def as_dict(self) -> dict:
        s, b = self.stat, self.base
        return {
            "name": self.name, "target": self.target, "unit": self.unit,
            "compare": self.compare, "limit": self.limit, "max_ratio": self.max_ratio,
            "median": s and s.median, "p95": s and s.p95, "n": s and s.n,
            "baseline_median": b and b.median, "baseline_p95": b and b.p95,
            "baseline_n": b and b.n, "ratio": self.ratio(), "verdict": self.verdict(),
            "note": self.note, "missing": self.missing,
        }


def _num(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 100:
        return f"{value:.0f} {unit}"
    if value >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}"


def spread(samples: Sequence[float] | None, unit: str) -> str:
    """How far the samples spread: the middle half (p25–p75) and the worst one."""
    if not samples:
        return "—"
    lo, hi = percentile(samples, 25), percentile(samples, 75)
    return f"{_num(lo, unit)}–{_num(hi, unit)}, max {_num(max(samples), unit)}"


def table(rows: list[Row]) -> str:
    """The one markdown table: benchmark | median | p95 | baseline | ratio | spreads | target
    | result. A spread is the middle half of the samples (p25–p75) and the worst sample."""
    out = ["| benchmark | median | p95 | baseline (median / p95) | ratio "
           "| spread app (p25–p75, max) | spread baseline | target | result |",
           "|---|---:|---:|---:|---:|---|---|---|---|"]
    for r in rows:
        s, b = r.stat, r.base
        if s is None:
            base = f"{_num(b.median, r.unit)} / {_num(b.p95, r.unit)}" if b else "—"
            out.append(f"| {r.name} | {r.missing or 'n/a'} | | {base} | | | | {r.target} "
                       "| n/a |")
            continue
        base = f"{_num(b.median, r.unit)} / {_num(b.p95, r.unit)}" if b else "—"
        ratio = r.ratio()
        out.append(
            f"| {r.name} (n={s.n}) | {_num(s.median, r.unit)} | {_num(s.p95, r.unit)} | {base} "
            f"| {f'{ratio:.2f}× ({r.compare})' if ratio is not None else '—'} "
            f"| {spread(r.samples, r.unit)} | {spread(r.baseline, r.unit)} | {r.target} "
            f"| {r.verdict()} |")
    return "\n".join(out)


# --- the run's context ---------------------------------------------------------------------


@dataclass
class Bench:
    """Everything a benchmark needs: the pristine DB, copies of it, run counts."""

    db: Path  # the cached database: never written
    meta: object  # generate.Meta
    workdir: Path
    runs: int
    process_runs: int
    warmup: int
    smoke: bool
    memo: dict = field(default_factory=dict)  # results shared between benchmarks
    _copies: dict = field(default_factory=dict)

    def copy(self, name: str) -> Path:
        """A private copy of the cached database (made once per name per run)."""
        if name not in self._copies:
            dst = self.workdir / f"{name}.sqlite3"
            shutil.copyfile(self.db, dst)
            self._copies[name] = dst
        return self._copies[name]

    def env(self) -> dict[str, str]:
        """Environment for app subprocesses: offscreen Qt, a throw-away data dir."""
        data = self.workdir / "data"
        data.mkdir(exist_ok=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
               "FRONTDESK_DATA_DIR": str(data)}
        # An installed Frontdesk runs from compiled bytecode (pip compiles at install, the
        # bundle ships .pyc): if the shell forbids writing bytecode, every start would time
        # compiling the app's source instead. The warm-up runs fill a private cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.workdir / "pycache")
        return env


def time_calls(fn: Callable[[], object], runs: int, warmup: int = 3) -> list[float]:
    """Milliseconds per call of `fn`, warm-up calls excluded, GC paused while timing."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        gc.disable()
        t = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t) / 1e6)
        gc.enable()
    return out


def alternate(app: Callable[[], object], base: Callable[[], object], runs: int,
              warmup: int = 3) -> tuple[list[float], list[float]]:
    """Time `app` and `base` call by call, alternating (noise hits both alike)."""
    a, b = [], []
    for i in range(warmup + runs):
        ta = time_calls(app, 1, warmup=0)
        tb = time_calls(base, 1, warmup=0)
        if i >= warmup:
            a += ta
            b += tb
    return a, b


@dataclass
class ProcessRun:
    seconds: float  # spawn to exit
    max_rss_mb: float  # wait4 ru_maxrss: NOT the process's own peak (see first_paint.py)
    stdout: str
    spawned_ns: int = 0  # CLOCK_MONOTONIC just before the spawn
    painted: dict = field(default_factory=dict)  # the first-paint line (first_paint.parse)


def run_process(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> ProcessRun:
    """Run a whole process; wall time from spawn to exit, and its own peak RSS (wait4)."""
    spawned_ns = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    if proc.stdout:
        proc.stdout.close()
    if proc.returncode < 0:
        raise ProcessKilled(f"{' '.join(cmd)} killed by signal {-proc.returncode}:\n{out[-2000:]}")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{out[-2000:]}")
    # ru_maxrss is in KiB on Linux
    return ProcessRun(seconds, usage.ru_maxrss / 1024, out, spawned_ns)


def sqlite_connect(path: Path) -> sqlite3.Connection:
    """A raw connection tuned exactly like the app's (frontdesk.db.connection.SQLITE_PRAGMAS)."""
    from frontdesk.db.connection import SQLITE_PRAGMAS

    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for key, value in SQLITE_PRAGMAS.items():
        con.execute(f"PRAGMA {key}={value}")
    return con


def machine() -> dict[str, str]:
    """What the figures were measured on (and how busy it was)."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "?"
    return {
        "cpu": cpu or platform.processor(), "cores": str(os.cpu_count()), "memory": mem,
        "os": platform.platform(), "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "pyside6": qt,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
