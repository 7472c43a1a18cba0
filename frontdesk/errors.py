"""Errors meant for the person at the desk: one clear, translated sentence.

Anything else that escapes is a bug and is logged with its traceback.
"""

from __future__ import annotations

from frontdesk.i18n import Msg


class FrontdeskError(Exception):
    """A problem the user can understand and act on.

    Raised as `FrontdeskError(zh, en, field=...)` or `FrontdeskError(msg, field=...)`;
    either way it carries one `Msg` (`.msg`).
    """

    def __init__(self, zh: str | Msg, en: str | None = None, *, field: str | None = None):
        if isinstance(zh, Msg):
            if en is not None:
                raise TypeError("FrontdeskError takes a Msg or (zh, en), not both")
            msg = zh
        elif en is None:
            raise TypeError("FrontdeskError needs both the Chinese and the English text")
        else:
            msg = Msg(zh, en)
        super().__init__(msg.en)
        self.msg = msg
        self.field = field  # the form field to show it at, when there is one

    @property
    def zh(self) -> str:
        return self.msg.zh

    @property
    def en(self) -> str:
        return self.msg.en

    def message(self, lang: str | None = None) -> str:
        return self.msg.text(lang)

    def __str__(self) -> str:
        return self.message()


class ValidationError(FrontdeskError):
    """Bad input at a form field or CLI argument."""


class PermissionDenied(FrontdeskError):
    """The acting staff member's role does not allow the action."""


class ConflictError(FrontdeskError):
    """Someone else changed the record first (another desk advanced the visit)."""


class NotFound(FrontdeskError):
    """A record asked for by id does not exist."""


class ConfigError(FrontdeskError):
    """Database, data directory or rules files are unusable; names the file."""


class DatabaseDamaged(ConfigError):
    """The database file itself is damaged (not a database, malformed pages).

    Only this, never a lock or a newer schema, lets `frontdesk restore` set the
    file aside raw and write the backup in its place.
    """


class DatabaseFailure(FrontdeskError):
    """The database could not do the action (a driver error, translated by frontdesk.db.faults).

    Nothing the user typed is wrong: screens keep every field as it was.
    """


class DatabaseBusy(DatabaseFailure):
    """Another desk holds the write lock (SQLite "database is locked", a lock wait on the server)."""


class BusyRetrying(DatabaseBusy):
    """Not a refusal: the write lock was busy and the runner is trying the step again.

    `AppContext.run` hands it to on_error at once, then re-runs the step on its worker
    and calls on_done or on_error again with the outcome. Screens show it as a notice.
    """


class DatabaseUnavailable(DatabaseFailure):
    """The database server cannot be reached, or the connection to it was lost."""
