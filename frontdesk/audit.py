"""The audit trail: who created, changed, viewed, printed or exported what, and when.

Features write entries with `record` (or `patient_access` for a patient record
viewed, printed or exported); admins read them back through `query`, which is
permission-checked. Entries are never updated or deleted.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from frontdesk import clock
from frontdesk.db import prepared
from frontdesk.db.models import AuditLog, Staff
from frontdesk.i18n import Msg
from frontdesk.permissions import SYSTEM, Perm, require

# action -> its name in the audit browser
ACTION_NAMES: dict[str, Msg] = {
    "create": Msg("新建", "created"),
    "update": Msg("修改", "changed"),
    "view": Msg("查看", "viewed"),
    "print": Msg("打印", "printed"),
    "export": Msg("导出", "exported"),
    "merge": Msg("合并", "merged"),
    "rule_change": Msg("修改规则", "rule changed"),
    "login": Msg("登录", "logged in"),
    "login_failed": Msg("登录失败", "log-in failed"),
    "pin_failed": Msg("PIN 确认失败", "PIN confirmation failed"),
    "logout": Msg("退出登录", "logged out"),
    "lock": Msg("锁屏", "screen locked"),
    "unlock": Msg("解锁", "unlocked"),
    "backup": Msg("备份", "backed up"),
    "restore": Msg("恢复", "restored"),
    "waive": Msg("免除", "waived"),
    "deactivate": Msg("停用", "deactivated"),
    "reactivate": Msg("重新启用", "reactivated"),
    "delete": Msg("删除", "deleted"),
    "approve": Msg("批准", "approved"),
    "reject": Msg("驳回", "refused"),
    "withdraw": Msg("撤回", "withdrawn"),
    "acknowledge": Msg("确认", "acknowledged"),
    "paid": Msg("已缴纳", "paid"),
}
ACTIONS = tuple(ACTION_NAMES)

MAX_ROWS = 5000  # the browser pages through a filtered view; nobody reads more at once


def _storable(text: str) -> str:
    """`text` as the database can store it: a lone surrogate (a file name given in bytes that
    are not UTF-8 reaches Python as \udcff) is written as its escape, not refused by the driver
    after the export it records was written."""
    if text.isprintable():  # most text; surrogates never are
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def record(actor, action: str, entity: str, entity_id: Any = "", detail: Any = "") -> AuditLog:
    """Append one entry; `detail` may be a dict (stored as JSON). Never store secrets here."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, default=str)
    detail, entity_id = _storable(detail), _storable(str(entity_id))
    # AuditLog.create, with the INSERT prepared once (written by timed desk steps: bench/).
    return prepared.insert(
        AuditLog,
        at=clock.now(),
        staff=None if actor is SYSTEM else actor,  # the system is no staff row
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
    )


# One "view" entry per actor and thing seen within this window: a search session or a
# screen opened (and refreshed), not every keystroke or refresh.
VIEW_COALESCE = dt.timedelta(minutes=5)
_last_views: dict[tuple, dt.datetime] = {}
_MAX_REMEMBERED = 2000


def viewed(actor, entity: str, entity_id: Any = "", detail: Any = "") -> AuditLog | None:
    """Record that `actor` read patient data (`entity`: what was seen), coalesced.

    The first read of `entity`/`entity_id` by this actor writes a "view" entry;
    further reads within VIEW_COALESCE of it write nothing (remembered in this
    process, per database). Returns the entry written, or None. Never put what
    was typed or shown (names, phones) in `detail`.
    """
    from frontdesk.db.models import database_proxy

    db = database_proxy.obj
    staff_id = None if actor is None or actor is SYSTEM else getattr(actor, "id", None)
    key = (id(db), getattr(db, "database", None), staff_id, entity, str(entity_id))
    at = clock.now()
    last = _last_views.get(key)
    if last is not None and last <= at < last + VIEW_COALESCE:
        return None
    if len(_last_views) >= _MAX_REMEMBERED:
        _last_views.clear()  # a desk runs for days: forget, at worst one extra entry each
    entry = record(actor, "view", entity, entity_id, detail)
    _last_views[key] = at
    return entry


def patient_access(actor, action: str, patient_id: Any, detail: Any = "") -> AuditLog:
    """A patient record was viewed, printed or exported (the privacy rules want to know who)."""
    if action not in ("view", "print", "export"):
        raise ValueError(f"patient_access is for view/print/export, not {action!r}")
    return record(actor, action, "patient", patient_id, detail)


def action_name(action: str, lang: str | None = None) -> str:
    return ACTION_NAMES.get(action, Msg.same(action)).text(lang)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    staff_id: int | None
    staff_name: str  # "" for the system (automatic backups, unknown user names)
    action: str
    entity: str
    entity_id: str
    detail: str


def query(*, actor, since: dt.date | None = None, until: dt.date | None = None,
          staff_id: int | None = None, action: str | None = None, entity: str | None = None,
          limit: int = MAX_ROWS) -> list[AuditEntry]:
    """Entries newest first, filtered by day range (inclusive), staff member, action, entity."""
    require(actor, Perm.VIEW_AUDIT)
    from frontdesk.validation import picked_day

    since = picked_day(since, "since") if since is not None else None
    until = picked_day(until, "until") if until is not None else None
    q = (AuditLog.select(AuditLog, Staff.display_name)
         .join(Staff, join_type=JOIN.LEFT_OUTER, on=(AuditLog.staff == Staff.id))
         .order_by(AuditLog.at.desc(), AuditLog.id.desc()))
    if since is not None:
        q = q.where(AuditLog.at >= dt.datetime.combine(since, dt.time.min))
    if until is not None:
        q = q.where(AuditLog.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    if staff_id is not None:
        q = q.where(AuditLog.staff == staff_id)
    if action:
        q = q.where(AuditLog.action == action)
    if entity:
        q = q.where(AuditLog.entity == entity)
    rows = []
    for row in q.limit(max(1, min(limit, MAX_ROWS))).objects():
        rows.append(AuditEntry(row.id, row.at, row.staff_id, row.display_name or "",
                               row.action, row.entity, row.entity_id, row.detail))
    return rows


def staff_choices(*, actor) -> list[tuple[int, str]]:
    """(id, name) of everyone who appears in the log, for the browser's staff filter."""
    require(actor, Perm.VIEW_AUDIT)
    return [(s.id, f"{s.display_name} ({s.username})")
            for s in Staff.select().order_by(Staff.username)]
