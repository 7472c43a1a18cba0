"""What a domain operation changed, so the UI can tell every screen once (no Qt here).

A domain function that writes declares the kinds of data it changes::

    @changes(Changed.VISITS)
    def take_at_desk(visit_id, *, actor, expected_version): ...

Its return value stays what it was; the declaration is read by whoever runs
the call inside :func:`collecting` (the UI's one runner, ``AppContext.run``):
every declared operation that returns normally adds its kinds to the box, so a
composite call (save a doctor, then the schedule) reports the union of what
actually ran. A :class:`~frontdesk.errors.ConflictError` also reports the
operation's kinds: someone else changed that data first, so screens showing it
are stale. Outside :func:`collecting` the declaration costs one flag test.

While a declared operation runs, :func:`writing` names its kinds (and the entity id
of its first required ``*_id`` argument): the database writes that into the change
log when the operation's transaction commits, so other stations hear of it
(frontdesk/db/change_log.py, frontdesk/live).
"""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from frontdesk.errors import ConflictError

F = TypeVar("F", bound=Callable[..., Any])


class Changed(enum.Flag):
    """Kinds of data a screen may show; each maps to one "what changed" signal in the UI."""

    NONE = 0
    VISITS = enum.auto()
    PATIENTS = enum.auto()
    STAFF = enum.auto()
    RULES = enum.auto()
    GROOMING = enum.auto()
    SETTINGS = enum.auto()
    SESSION = enum.auto()
    QUEUE = enum.auto()     # door tickets, the queues after the desk, calls
    ROSTER = enum.auto()    # roster, swaps, leave, the rules ledger
    SERVICE = enum.auto()   # consultations, appointments, complaints, satisfaction


# After a restore every table may differ (the session is the UI's own business).
ALL_DATA = (Changed.VISITS | Changed.PATIENTS | Changed.STAFF | Changed.RULES
            | Changed.GROOMING | Changed.SETTINGS | Changed.QUEUE | Changed.ROSTER
            | Changed.SERVICE)


@dataclass
class ChangeBox:
    """Collects what the operations run inside :func:`collecting` changed."""

    changed: Changed = Changed.NONE


_box: ContextVar[ChangeBox | None] = ContextVar("frontdesk_changes", default=None)


@contextmanager
def collecting(box: ChangeBox | None = None) -> Iterator[ChangeBox]:
    """Collect the changes declared by the operations that run in this block (this thread)."""
    box = box if box is not None else ChangeBox()
    token = _box.set(box)
    try:
        yield box
    finally:
        _box.reset(token)


def _note(kinds: Changed) -> None:
    box = _box.get()
    if box is not None:
        box.changed |= kinds


# What the declared operations running now (this thread) change, and the id of the
# innermost one's entity: the database writes it into the change log when their
# transaction commits (frontdesk/db/change_log.py), for the other stations.
_writing: ContextVar[tuple[Changed, int | None]] = ContextVar(
    "frontdesk_writing", default=(Changed.NONE, None))
_NONE = Changed.NONE


def writing() -> tuple[Changed, int | None]:
    """(kinds, entity id or None) of the declared operations running in this thread now."""
    return _writing.get()


def _entity_parameter(fn: Callable[..., Any]) -> tuple[str, int | None] | None:
    """(name, position or None if keyword-only) of fn's first required `*_id` parameter:
    the entity it changes (an optional one, `dept_id=None`, `appointment_id=None`, is
    a "create" or a side reference)."""
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return None
    for i, p in enumerate(params):
        if p.name.endswith("_id") and p.default is p.empty:
            positional = p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            return p.name, (i if positional else None)
    return None


def _entity_of(param: tuple[str, int | None] | None, args: tuple, kwargs: dict) -> int | None:
    if param is None:
        return None
    name, position = param
    value = kwargs.get(name)
    if value is None and position is not None and position < len(args):
        value = args[position]
    return value if type(value) is int and 0 < value < 2**63 else None  # a real row's id


def changes(kinds: Changed, *, when: Callable[[Any], bool] | None = None) -> Callable[[F], F]:
    """Declare what the decorated domain operation changes.

    `when(result)` narrows it: e.g. ``when=bool`` for a call that returns what it
    changed and may change nothing. The function and its return value are unchanged.
    While it runs, :func:`writing` names its kinds (and its first ``*_id`` argument):
    the transactions it commits leave that in the change log for the other stations.
    """

    def declare(fn: F) -> F:
        # Read from the signature on the first call, not at import: inspect.signature
        # for every declared operation cost the desk's start-up (two threads reading it
        # at once find the same answer).
        entity_param: list = []

        @functools.wraps(fn)
        def operation(*args, **kwargs):
            if not entity_param:
                entity_param.append(_entity_parameter(fn))
            outer, outer_id = _writing.get()
            entity = _entity_of(entity_param[0], args, kwargs)
            # (Flag's | runs Python code: skipped when nothing outer is declared.)
            token = _writing.set((kinds if outer is _NONE else outer | kinds,
                                  outer_id if entity is None else entity))
            try:
                result = fn(*args, **kwargs)
            except ConflictError:
                _note(kinds)
                raise
            finally:
                _writing.reset(token)
            if when is None or when(result):
                _note(kinds)
            return result

        operation.changes = kinds  # type: ignore[attr-defined]
        return operation  # type: ignore[return-value]

    return declare


def declared(fn: Callable[..., Any]) -> Changed:
    """What `fn` declares it changes (Changed.NONE for an undeclared function)."""
    return getattr(fn, "changes", Changed.NONE)
