"""The audit trail: who created, changed, viewed, printed or exported what, and when."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from frontdesk.db.models import AuditLog

ACTIONS = ("create", "update", "view", "print", "export", "merge", "rule_change",
           "login", "login_failed", "logout", "lock", "unlock", "backup", "restore", "waive")


def record(actor, action: str, entity: str, entity_id: Any = "", detail: Any = "") -> AuditLog:
    """Append one entry; `detail` may be a dict (stored as JSON). Never store secrets here."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, default=str)
    return AuditLog.create(
        at=dt.datetime.now().replace(microsecond=0),
        staff=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=detail,
    )
