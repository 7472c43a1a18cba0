"""Errors meant for the person at the desk: one clear, translated sentence.

Anything else that escapes is a bug and is logged with its traceback.
"""

from __future__ import annotations

from frontdesk.i18n import text


class FrontdeskError(Exception):
    """A problem the user can understand and act on."""

    def __init__(self, zh: str, en: str, *, field: str | None = None):
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.field = field  # the form field to show it at, when there is one

    def message(self, lang: str | None = None) -> str:
        return text(self.zh, self.en, lang)

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
