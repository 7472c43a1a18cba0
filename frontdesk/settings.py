"""Settings: hospital-wide ones in the database, so every desk sharing it agrees;
desk-local ones (this PC's printers, paper and language) in a small file in the
user data directory, so one desk's printer never receives another desk's slips.

A desk-local key not yet set on this PC falls back to the database value, which
serves as the hospital's default.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from frontdesk.changes import Changed, changes
from frontdesk.db import prepared
from frontdesk.db.models import Setting, database_proxy
from frontdesk.errors import ConfigError
from frontdesk.i18n import LANGUAGES

log = logging.getLogger(__name__)

# Every known setting with its default; unknown keys are refused to catch typos.
DEFAULTS: dict[str, Any] = {
    "hospital.name": "",
    "hospital.demo": False,
    "ui.language": "zh_CN",
    "security.idle_lock_minutes": 5,
    "security.pin_length": 4,  # a PIN set or changed has this many digits (4-6); older ones still work
    "security.min_password_length": 8,
    "security.lockout_after": 5,  # consecutive failures before the account waits
    "security.lockout_seconds": 30,  # first wait; doubles with each further failure
    "queue.amber_minutes": 15,
    "queue.red_minutes": 30,
    "queue.clinic": {},  # clinic queue rules (frontdesk.queue.clinic_rules); {} = the defaults
    # The desk list's colours, per stage (minutes in that step; DONE = escort not back yet).
    "desk.amber_minutes": {"GREETING": 3, "TRIAGE": 5, "REGISTRATION": 10, "BILLING": 5,
                           "ESCORT": 10, "DONE": 15},
    "desk.red_minutes": {"GREETING": 8, "TRIAGE": 10, "REGISTRATION": 20, "BILLING": 10,
                         "ESCORT": 20, "DONE": 30},
    "door.ticket_prefix": "A",  # door tickets read A001, A002 … (one sequence per day)
    "door.child_below_age": 14,  # the door's age bands: child below this age …
    "door.elder_min_age": 60,  # … elder from this age (the house's 老年人)
    "slips.ticket.format": "roll80",
    "printing.ticket.printer": "",
    "slips.guide.format": "roll80",
    "slips.billing.format": "roll80",
    "printing.guide.printer": "",
    "printing.billing.printer": "",
    "printing.report.printer": "",
    "printing.print_without_asking": False,
    "backup.folder": "",
    "backup.keep_days": 30,
    "backup.last_run": "",
    "backup.claim": "",  # which desk takes this hour's automatic backup (backup.claim_turn)
    "rules.lateness": {},
    "rules.staffing": {},  # roster, swaps, leave (frontdesk.staffing.staffing_rules); {} = defaults
    "rules.fee_waivers": [],
    "rules.triage": {},  # the triage rule document (rules.triage_document); {} = bundled file
    # Voice calls (frontdesk.voice.prefs): the engine and voice are this PC's speakers'.
    "voice.engine": "auto",  # auto | qt | espeak | clips | off
    "voice.voice": "",  # a voice name of the Qt engine; "" = the first Mandarin one
    "voice.repeat": 2,  # each call is said this many times
    "voice.chime": True,
    "voice.volume": 90,  # percent
    "voice.name": "masked",  # masked (王某芳) | none: a hospital-wide privacy choice
    # The waiting-room display (frontdesk.queue.waiting_room).
    "display.notice": "",  # the scrolling line at the foot of every display
    "display.broadcast": {},  # {"text", "until", "by"}: a supervisor's emergency message
    "display.next_count": 5,  # how many waiting patients each column lists
    "display.departments": [],  # this PC's display: department ids ([] = all)
    "display.screen": -1,  # this PC's display: screen index (-1 = the last screen)
}


# Choices that belong to one PC: its printers, its paper, the language its staff read.
DESK_LOCAL = frozenset({
    "ui.language",
    "slips.guide.format",
    "slips.billing.format",
    "slips.ticket.format",
    "printing.ticket.printer",
    "printing.guide.printer",
    "printing.billing.printer",
    "printing.report.printer",
    "printing.print_without_asking",
    "voice.engine", "voice.voice", "voice.repeat", "voice.chime", "voice.volume",
    "display.departments", "display.screen",
})
DESK_FILE = "desk-settings.json"


def _desk_file() -> Path:
    from frontdesk.paths import data_dir

    return data_dir() / DESK_FILE


DESK_FILE_MAX_BYTES = 1024 * 1024  # a few printers and a language: far less than this


def _read_desk() -> dict[str, Any]:
    from frontdesk.files import read_text

    path = _desk_file()
    if not path.exists():
        return {}
    try:
        # read_text: a named pipe or a device put there is refused, not waited on for ever
        # (every command and the app's start hung), and a huge file is not read whole.
        data = json.loads(read_text(path, "本机设置文件", "desk settings file",
                                    max_bytes=DESK_FILE_MAX_BYTES))
    except (ConfigError, ValueError, RecursionError) as exc:
        log.warning("desk settings %s not used: %s", path, getattr(exc, "en", exc))
        return {}  # unreadable: the hospital defaults apply
    return data if isinstance(data, dict) else {}


# Settings that are one of a few words: any other word is as damaged as a wrong type
# (an unknown ui.language stopped every command and the display before they began).
_SLIP_FORMATS = ("roll80", "a5", "a4")  # frontdesk.slips.model.SlipFormat
CHOICES: dict[str, tuple[str, ...]] = {
    "ui.language": LANGUAGES,
    "slips.ticket.format": _SLIP_FORMATS,
    "slips.guide.format": _SLIP_FORMATS,
    "slips.billing.format": _SLIP_FORMATS,
    "voice.engine": ("auto", "qt", "espeak", "clips", "off"),  # frontdesk.voice.prefs.ENGINES
    "voice.name": ("masked", "none"),  # frontdesk.voice.prefs.NameMode
}


# Whole-number settings and the values they can take, as the admin screen checks them
# (frontdesk.admin.EDITABLE_SETTINGS) or their reader clamps them. A number outside, edited
# into the database by hand, is damaged too: a keep_days of 10**13 stopped every backup
# with an OverflowError.
RANGES: dict[str, tuple[int, int]] = {
    "security.idle_lock_minutes": (1, 120),
    "security.pin_length": (4, 6),
    "security.min_password_length": (4, 128),
    "security.lockout_after": (1, 1000),
    "security.lockout_seconds": (1, 86_400),
    "queue.amber_minutes": (1, 480),
    "queue.red_minutes": (1, 480),
    # (door.child_below_age / elder_min_age: the door's reader copes with any pair itself)
    "backup.keep_days": (1, 3650),
    "voice.repeat": (1, 5),  # frontdesk.voice.prefs.MAX_REPEAT
    "voice.volume": (0, 100),
    "display.next_count": (1, 50),
    "display.screen": (-1, 16),  # frontdesk.queue.waiting_room.MAX_SCREENS
}


def fits(key: str, value: Any) -> bool:
    """Whether `value` has the shape of `key`'s default (a bool, a whole number, a text,
    a mapping or a list), and is one of its words if it has a few: what every reader of
    the setting counts on."""
    if key in CHOICES:
        return isinstance(value, str) and value in CHOICES[key]
    default = DEFAULTS[key]
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        low, high = RANGES.get(key, (-2**63, 2**63 - 1))
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return isinstance(value, type(default))


def _damage(key: str, raw: Any) -> str | None:
    """What is wrong with the stored text `raw` of `key` (None: it reads as a value that fits)."""
    return _read(key, raw)[1]


def _read(key: str, raw: Any) -> tuple[Any, str | None]:
    """(value, None) when the stored text reads as a value that fits `key`, else (None, what
    is wrong): parsed once (a rules document is tens of kilobytes of JSON)."""
    try:
        value = json.loads(raw)
    except (TypeError, ValueError, RecursionError):
        return None, "not JSON"
    if fits(key, value):
        return value, None
    return None, _misfit(key, value)


def _misfit(key: str, value: Any) -> str:
    """What is wrong with a parsed value that does not fit `key`."""
    if isinstance(value, str) and key in CHOICES:
        return "an unknown word"
    if type(value) is int and isinstance(DEFAULTS[key], int) and not isinstance(DEFAULTS[key], bool):
        return "out of range"
    return f"a {type(value).__name__}"


def damaged_rule(key: str) -> ConfigError:
    """The sentence for a rules document in the database that cannot be read."""
    if key == "rules.triage":  # the one document a command puts back from the installed file
        return ConfigError(
            f"数据库中保存的规则“{key}”已损坏，无法使用（其他功能不受影响）。请联系信息科运行 "
            "frontdesk rules reload 重新载入分诊规则。",
            f"The rules '{key}' stored in the database are damaged and cannot be used (the "
            "rest of Frontdesk still works). Ask IT to run frontdesk rules reload.")
    return ConfigError(
        f"数据库中保存的规则“{key}”已损坏，无法使用（其他功能不受影响）。请联系信息科从备份恢复"
        "（frontdesk restore），或运行 frontdesk check 查看详情。",
        f"The rules '{key}' stored in the database are damaged and cannot be used (the rest "
        "of Frontdesk still works). Ask IT to restore a backup (frontdesk restore), or run "
        "frontdesk check for details.")


def decode(key: str, raw: Any) -> Any:
    """The stored text of `key` as its value. A value that is not JSON, or not of the
    setting's shape (edited by hand, a half-written row), is never handed on to code that
    would fail on it: a rules document is a ConfigError (fines and fees are not guessed),
    any other setting its default, with a warning in the log; `frontdesk check` names both."""
    value, what = _read(key, raw)
    if what is None:
        return value
    if key.startswith("rules."):
        log.warning("setting %s in the database is damaged (%s)", key, what)
        raise damaged_rule(key)
    log.warning("setting %s in the database is damaged (%s): its default is used", key, what)
    return DEFAULTS[key]


@contextmanager
def reading_rule(key: str) -> Iterator[None]:
    """Read a rules document inside this: an entry of the wrong shape (a missing name, a
    number that is text) is the damaged-rules sentence, not an exception of the reader."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        log.warning("setting %s in the database is damaged: %s: %s", key, type(exc).__name__,
                    exc)
        raise damaged_rule(key) from exc


# Rules documents stored as settings rows by their own module (frontdesk.service.desk_rules),
# without a default here: checked by damaged() all the same.
OTHER_DOCUMENTS = {"rules.service": {}}


def damaged() -> list[tuple[str, str]]:
    """(key, what is wrong) for every stored setting that cannot be read as its shape."""
    shapes = {**OTHER_DOCUMENTS, **DEFAULTS}
    found = []
    for row in Setting.select().where(Setting.key.in_(list(shapes))).order_by(Setting.key):
        if row.key in DEFAULTS:
            what = _damage(row.key, row.value)
            if what is not None:
                found.append((row.key, what))
            continue
        try:
            value = json.loads(row.value)
        except (TypeError, ValueError, RecursionError):
            found.append((row.key, "not JSON"))
            continue
        if not isinstance(value, type(shapes[row.key])):
            found.append((row.key, f"a {type(value).__name__}"))
    return found


def get(key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    if key in DESK_LOCAL:
        local = _read_desk()
        if key in local:
            if fits(key, local[key]):
                return local[key]
            # This PC's file edited by hand: the hospital's value instead.
            log.warning("desk setting %s is damaged (%.40r): the hospital's value is used",
                        key, local[key])
    return hospital_default(key)


@changes(Changed.SETTINGS)
def set(key: str, value: Any) -> None:  # noqa: A001 - mirrors get()
    if key not in DEFAULTS:
        raise KeyError(key)
    if key in DESK_LOCAL:
        _set_desk(key, value)
        return
    set_hospital_default(key, value)


def _set_desk(key: str, value: Any) -> None:
    from frontdesk.files import write_atomic

    data = _read_desk()
    data[key] = value
    path = _desk_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), path)


def hospital_default(key: str) -> Any:
    """The database value of `key`, ignoring this desk's own choice."""
    if key not in DEFAULTS:
        raise KeyError(key)
    # A prepared one-row read: the desk steps read rules (a VIP's fee waiver) inside their
    # transaction, where peewee's query building cost more than the row (issue 20).
    row = prepared.execute(f"SELECT value FROM setting WHERE key = {database_proxy.obj.param}",
                           [key]).fetchone()
    return decode(key, row[0]) if row else DEFAULTS[key]


def set_hospital_default(key: str, value: Any) -> None:
    """Store `key` in the database: for desk-local keys, the default of desks not yet set."""
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
