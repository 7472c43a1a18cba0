"""The waiting-room display's own data: the server's clock, the notice, the emergency broadcast.

Screens in an intranet lose their clock after a power cut, so a display shows
the database server's time (:func:`server_now`): PostgreSQL's
CURRENT_TIMESTAMP, or on SQLite — a file on this PC or a shared folder, no
server — the app's one clock. The scrolling notice and a supervisor's
emergency broadcast are hospital-wide settings (every display shows the same),
so they need no table of their own; writing one is a SETTINGS change that the
live path carries to every display.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import SqliteDatabase

from frontdesk import clock, settings
from frontdesk.changes import Changed, changes
from frontdesk.db.models import Role, database_proxy
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.validation import clean_text

NOTICE_MAX = 200
BROADCAST_MAX = 120
BROADCAST_MAX_MINUTES = 24 * 60


def server_now() -> dt.datetime:
    """The database server's time as local naive time, to the second (SQLite: clock.now())."""
    db = database_proxy.obj
    if db is None or isinstance(db, SqliteDatabase):
        return clock.now()
    value = db.execute_sql("SELECT CURRENT_TIMESTAMP").fetchone()[0]
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)  # the display's own time zone
    return value.replace(microsecond=0)


@dataclass(frozen=True)
class Broadcast:
    text: str
    until: dt.datetime
    by: str = ""


def notice() -> str:
    return str(settings.get("display.notice") or "")


@changes(Changed.SETTINGS)
def set_notice(text: str, *, actor) -> str:
    """The scrolling line under every display (one line; "" hides it)."""
    _require_supervisor(actor)
    value = clean_text(text, "notice", NOTICE_MAX, single_line=True, strict=True)
    settings.set("display.notice", value)
    return value


def broadcast(now: dt.datetime | None = None) -> Broadcast | None:
    """The emergency message in force, or None (none sent, cleared or expired)."""
    raw = settings.get("display.broadcast") or {}
    if not isinstance(raw, dict) or not raw.get("text"):
        return None
    try:
        until = dt.datetime.fromisoformat(str(raw.get("until")))
    except ValueError:
        return None
    at = now or clock.now()
    if until <= at:
        return None
    return Broadcast(str(raw["text"]), until, str(raw.get("by") or ""))


@changes(Changed.SETTINGS)
def send_broadcast(text: str, *, minutes: int = 30, actor) -> Broadcast:
    """Show `text` across every display for `minutes` (supervisors and administrators)."""
    _require_supervisor(actor)
    value = clean_text(text, "broadcast", BROADCAST_MAX, single_line=True, strict=True)
    if not value:
        raise ValidationError("请填写要广播的内容。", "Enter the message to broadcast.",
                              field="broadcast")
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = 0
    if not 1 <= minutes <= BROADCAST_MAX_MINUTES:
        raise ValidationError(f"广播时长应在 1 到 {BROADCAST_MAX_MINUTES} 分钟之间。",
                              f"The broadcast lasts 1 to {BROADCAST_MAX_MINUTES} minutes.",
                              field="minutes")
    until = server_now() + dt.timedelta(minutes=minutes)
    by = str(getattr(actor, "display_name", "") or "")
    settings.set("display.broadcast", {"text": value, "until": until.isoformat(), "by": by})
    return Broadcast(value, until, by)


@changes(Changed.SETTINGS)
def clear_broadcast(*, actor) -> None:
    _require_supervisor(actor)
    settings.set("display.broadcast", {})


def _require_supervisor(actor) -> None:
    # The displays speak for the hospital: supervisors and administrators only.
    if actor is not None and getattr(actor, "role", None) in (Role.SUPERVISOR, Role.ADMIN) \
            and getattr(actor, "active", True):
        return
    raise PermissionDenied("只有主管或管理员可以修改候诊屏的通知和广播。",
                           "Only a supervisor or an administrator can change the waiting-room "
                           "displays' notice and broadcast.")
