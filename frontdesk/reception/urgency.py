"""What needs attention at the desk: wait levels per stage, the list's order, counts per stage.

Each stage has its own thresholds (settings desk.amber_minutes / desk.red_minutes,
minutes in that step): a patient nobody has taken from the door is late after
minutes, one filling in the form only after a quarter of an hour. The list puts
red flags and emergencies first, then everyone by how far past their stage's
amber threshold they are (the longest over first), then by arrival.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from frontdesk import settings, stages
from frontdesk.queue.priority import PriorityClass

OK, AMBER, RED = "ok", "amber", "red"
# The stages the desk list counts, in the order of the flow (DONE: escort not back yet).
COUNTED_STAGES = (stages.GREETING, stages.TRIAGE, stages.REGISTRATION, stages.BILLING,
                  stages.ESCORT, stages.DONE)


@dataclass(frozen=True)
class Thresholds:
    """Minutes in a stage from which a wait is amber, and red."""

    amber: int
    red: int


def thresholds() -> dict[str, Thresholds]:
    """Per stage, from settings (a stage missing there, or mistyped, keeps the default)."""
    return _build(settings.get("desk.amber_minutes"), settings.get("desk.red_minutes"))


def default_thresholds() -> dict[str, Thresholds]:
    """The defaults alone (no database): what a list shows before its first refresh."""
    return _build({}, {})


def _build(amber, red) -> dict[str, Thresholds]:
    default_amber = settings.DEFAULTS["desk.amber_minutes"]
    default_red = settings.DEFAULTS["desk.red_minutes"]
    amber = {**default_amber, **(amber if isinstance(amber, dict) else {})}
    red = {**default_red, **(red if isinstance(red, dict) else {})}
    out = {}
    for stage in COUNTED_STAGES:
        a = _minutes(amber.get(stage), default_amber[stage])
        r = _minutes(red.get(stage), default_red[stage])
        out[stage] = Thresholds(a, max(a, r))
    return out


def _minutes(value, default: int) -> int:
    """A threshold as stored; a value that is no whole number of minutes keeps the default
    (the desk list must never fail over a typo in the settings)."""
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return default
    return minutes if minutes >= 0 else default


def minutes_between(start: dt.datetime | None, now: dt.datetime) -> int:
    if start is None:
        return 0
    return max(0, int((now - start).total_seconds() // 60))


def step_minutes(view, now: dt.datetime) -> int:
    """Minutes in the current step (since the stage began; since arrival at the door)."""
    return minutes_between(view.stage_since or view.arrived_at, now)


def total_minutes(view, now: dt.datetime) -> int:
    """Minutes since the patient arrived at the door."""
    return minutes_between(view.arrived_at, now)


def is_urgent(view) -> bool:
    """A red flag (treat first) or an emergency priority from the door."""
    return bool(view.red_flag) or getattr(view, "priority", "") == PriorityClass.EMERGENCY


def level(view, now: dt.datetime, limits: dict[str, Thresholds] | None = None) -> str:
    """OK, AMBER or RED for the time in the current step, by that stage's thresholds."""
    limits = limits if limits is not None else thresholds()
    t = limits.get(view.stage)
    if t is None:
        return OK
    minutes = step_minutes(view, now)
    if minutes >= t.red:
        return RED
    if minutes >= t.amber:
        return AMBER
    return OK


def over_by(view, now: dt.datetime, limits: dict[str, Thresholds] | None = None) -> int:
    """Minutes past the stage's amber threshold (negative: still within it)."""
    limits = limits if limits is not None else thresholds()
    t = limits.get(view.stage)
    if t is None:
        return -10**6
    return step_minutes(view, now) - t.amber


def by_attention(views: Iterable, now: dt.datetime,
                 limits: dict[str, Thresholds] | None = None) -> list:
    """Urgent first, then by how far over the stage's threshold, then who came first."""
    limits = limits if limits is not None else thresholds()
    far = dt.datetime.max

    def key(v):
        return (0 if is_urgent(v) else 1, -over_by(v, now, limits), v.arrived_at or far, v.id)

    return sorted(views, key=key)


def stage_counts(views: Iterable) -> dict[str, int]:
    """How many visits are at each counted stage, in the flow's order (zeros included)."""
    counted = Counter(v.stage for v in views)
    return {stage: counted.get(stage, 0) for stage in COUNTED_STAGES}
