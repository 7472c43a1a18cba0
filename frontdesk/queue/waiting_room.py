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
from frontdesk.validation import DB_INT_MAX, clean_text, lookup_code, whole_number

NOTICE_MAX = 200
BROADCAST_MAX = 120
BROADCAST_MAX_MINUTES = 24 * 60
MAX_SCREENS = 16  # screen indexes a PC can have (-1: none chosen)


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
    with database_proxy.atomic():  # one transaction: the change log tells every display
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
    minutes = whole_number(minutes, 5)
    if minutes is None or not 1 <= minutes <= BROADCAST_MAX_MINUTES:
        raise ValidationError(f"广播时长应在 1 到 {BROADCAST_MAX_MINUTES} 分钟之间。",
                              f"The broadcast lasts 1 to {BROADCAST_MAX_MINUTES} minutes.",
                              field="minutes")
    until = server_now() + dt.timedelta(minutes=minutes)
    by = str(getattr(actor, "display_name", "") or "")
    with database_proxy.atomic():
        settings.set("display.broadcast", {"text": value, "until": until.isoformat(), "by": by})
    return Broadcast(value, until, by)


@changes(Changed.SETTINGS)
def clear_broadcast(*, actor) -> None:
    _require_supervisor(actor)
    with database_proxy.atomic():
        settings.set("display.broadcast", {})


def _require_supervisor(actor) -> None:
    # The displays speak for the hospital: supervisors and administrators only.
    if actor is not None and getattr(actor, "role", None) in (Role.SUPERVISOR, Role.ADMIN) \
            and getattr(actor, "active", True):
        return
    raise PermissionDenied("只有主管或管理员可以修改候诊屏的通知和广播。",
                           "Only a supervisor or an administrator can change the waiting-room "
                           "displays' notice and broadcast.")


# --- what one display shows, read in one go on the worker --------------------------------


@dataclass(frozen=True)
class Screen:
    """Everything a waiting-room display shows, read together (one worker round trip)."""

    clinics: list            # clinic.DisplayClinic, per department
    calls: list              # voice.Announcement for each call since `after_event_id`, oldest first
    last_event_id: int       # pass back as `after_event_id` next time
    notice: str
    broadcast: Broadcast | None
    server_time: dt.datetime
    next_count: int = 5      # how many waiting patients each column lists
    hospital: str = ""
    voice: object = None     # frontdesk.voice.prefs.VoicePrefs of this PC


def resolve_departments(tokens: list[str] | tuple[str, ...]) -> list[int]:
    """Department ids from what an admin types after --department: ids, codes or names."""
    from frontdesk.db.models import Department
    from frontdesk.validation import lookup_id

    ids: list[int] = []
    for raw in tokens:
        for token in str(raw).replace("，", ",").split(","):
            token = token.strip()
            if not token:
                continue
            dept = None
            key = lookup_code(token)  # "" for what no department is called (ESC, a page)
            if key.isdigit():
                dept = Department.get_or_none(Department.id == lookup_id(key))
            if dept is None and key:
                dept = Department.get_or_none(
                    (Department.code == key) | (Department.name_zh == key)
                    | (Department.name_en == key) | (Department.short_zh == key))
            if dept is None:
                shown = key[:40] or "?"
                raise ValidationError(f"没有“{shown}”这个科室。",
                                      f"There is no department “{shown}”.",
                                      field="department")
            if dept.id not in ids:
                ids.append(dept.id)
    return ids


@dataclass(frozen=True)
class NewCalls:
    calls: list          # voice.Announcement, oldest first
    last_event_id: int


def new_calls(department_ids: list[int] | None, after_event_id: int) -> NewCalls:
    """Only the calls since `after_event_id`: one cheap read, so the display shows a call and
    the voice starts before the longer lists are read (`screen(..., with_calls=False)`)."""
    from frontdesk.queue import clinic
    from frontdesk.voice.announcement import Announcement, CallKind

    wanted = list(department_ids or [])
    calls: list[Announcement] = []
    last = after_event_id
    for c in _calls(clinic, after_event_id, wanted, server_now().date()):
        kind = {clinic.RECALL: CallKind.RECALL, clinic.MISS: CallKind.MISSED}.get(
            c.action, CallKind.CALL)
        if kind is CallKind.CALL and c.event_id in _back_from_tests(clinic, c):
            kind = CallKind.BACK
        calls.append(Announcement(kind, c.queue_label, c.room, c.name_masked, call_id=c.event_id))
        last = max(last, c.event_id)
    return NewCalls(calls, last)


def screen(department_ids: list[int] | None = None, *, after_event_id: int | None = None,
           next_count: int | None = None, with_calls: bool = True) -> Screen:
    """The display's data for `department_ids` ([] or None = every department with a queue).

    `after_event_id` None (the display just started) reads no past calls, only where the
    call log stands, so a restarted display never re-announces the morning.
    `with_calls=False`: the lists only (the calls were read just before by new_calls).
    """
    from frontdesk.queue import clinic
    from frontdesk.voice import prefs as voice_prefs

    now = server_now()
    count = int(settings.get("display.next_count")) if next_count is None else next_count
    wanted = list(department_ids or [])
    calls: list = []
    if after_event_id is None:
        last = _last_call_event_id(now.date())  # read first: a call meanwhile is new
    elif with_calls:
        found = new_calls(wanted, after_event_id)
        calls, last = found.calls, found.last_event_id
    else:
        last = after_event_id
    if wanted:
        clinics = [c for d in wanted for c in clinic.display_state(d, now=now, next_count=count)]
    else:
        clinics = clinic.display_state(None, now=now, next_count=count)
    return Screen(clinics, calls, last, notice(), broadcast(now), now, count,
                  settings.hospital_name(), voice_prefs.load())


def _calls(clinic, after: int, wanted: list[int], day: dt.date) -> list:
    if not wanted:
        return clinic.calls_since(after, day=day)
    found = [c for d in wanted for c in clinic.calls_since(after, department_id=d, day=day)]
    return sorted(found, key=lambda c: c.event_id)


def _last_call_event_id(day: dt.date) -> int:
    """The newest queue event id (calls before it are history for a display just started)."""
    from peewee import fn

    from frontdesk.db.models import QueueEvent

    return int(QueueEvent.select(fn.MAX(QueueEvent.id)).scalar() or 0)


def _back_from_tests(clinic, call) -> set[int]:
    """{event id} when this call is the first call after the patient came back from tests."""
    from frontdesk.db.models import QueueEvent

    ev = QueueEvent.get_or_none(QueueEvent.id == call.event_id)
    if ev is None or ev.entry_id is None:
        return set()
    before = (QueueEvent.select(QueueEvent.action)
              .where((QueueEvent.entry == ev.entry_id) & (QueueEvent.id < ev.id)
                     & QueueEvent.action.in_((clinic.BACK_FROM_TESTS, clinic.CALL)))
              .order_by(QueueEvent.id.desc()).limit(1).scalar())
    return {ev.id} if before == clinic.BACK_FROM_TESTS else set()


# --- this PC's display: which departments, which screen -------------------------------------


def department_choices() -> list[tuple[int, str, str]]:
    """(id, Chinese name, English name) of the active departments, in the hospital's order."""
    from frontdesk.db.models import Department

    rows = (Department.select(Department.id, Department.name_zh, Department.name_en)
            .where(Department.active == True)  # noqa: E712 - peewee builds SQL from ==
            .order_by(Department.sort, Department.id).tuples())
    return [(i, zh, en or zh) for i, zh, en in rows]


def station_choice() -> tuple[list[int], int]:
    """(department ids, screen index) this PC's display used last."""
    # Read as save_station_choice writes it: a desk file edited by hand (an id past what
    # the database holds left every poll of the display failing, the screen blank) keeps
    # only the ids that can be, and a screen out of range is the default.
    raw = settings.get("display.departments") or []
    ids = [x for x in raw if type(x) is int and 0 < x <= DB_INT_MAX] if isinstance(raw, list) else []
    screen_index = settings.get("display.screen")
    if type(screen_index) is not int or not -1 <= screen_index <= MAX_SCREENS:
        screen_index = -1
    return ids, screen_index


@changes(Changed.SETTINGS)
def save_station_choice(department_ids: list[int], screen_index: int) -> None:
    """Remember this PC's display choice (desk-local: each kiosk has its own)."""
    if not isinstance(department_ids, list | tuple) or not all(
            type(i) is int and 0 < i <= DB_INT_MAX for i in department_ids):
        raise ValidationError("请选择要显示的科室。", "Choose the departments to show.",
                              field="departments")
    if type(screen_index) is not int or not -1 <= screen_index <= MAX_SCREENS:
        raise ValidationError("请选择显示屏。", "Choose the screen.", field="screen")
    settings.set("display.departments", list(department_ids))
    settings.set("display.screen", screen_index)
