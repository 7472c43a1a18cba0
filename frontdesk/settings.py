"""Settings stored in the database, so every desk sharing it agrees.

Only per-machine choices (which printer is attached) would belong elsewhere;
they are still kept here, keyed by nothing more than their name, until a
second desk needs its own.
"""

from __future__ import annotations

import json
from typing import Any

from frontdesk.db.models import Setting

# Every known setting with its default; unknown keys are refused to catch typos.
DEFAULTS: dict[str, Any] = {
    "hospital.name": "",
    "hospital.demo": False,
    "ui.language": "zh_CN",
    "security.idle_lock_minutes": 5,
    "security.pin_length": 4,  # PINs are exactly this many digits (4-6)
    "security.min_password_length": 8,
    "security.lockout_after": 5,  # consecutive failures before the account waits
    "security.lockout_seconds": 30,  # first wait; doubles with each further failure
    "queue.amber_minutes": 15,
    "queue.red_minutes": 30,
    "slips.guide.format": "roll80",
    "slips.billing.format": "roll80",
    "printing.guide.printer": "",
    "printing.billing.printer": "",
    "printing.report.printer": "",
    "printing.print_without_asking": False,
    "backup.folder": "",
    "backup.keep_days": 30,
    "backup.last_run": "",
    "rules.lateness": {},
    "rules.fee_waivers": [],
}


def get(key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else DEFAULTS[key]


def set(key: str, value: Any) -> None:  # noqa: A001 - mirrors get()
    if key not in DEFAULTS:
        raise KeyError(key)
    payload = json.dumps(value, ensure_ascii=False)
    Setting.insert(key=key, value=payload).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: payload}
    ).execute()


# Rules stored as JSON settings read the same way; the aliases say so at call sites.
get_json = get
set_json = set


def hospital_name() -> str:
    return get("hospital.name")
