"""The one clock of the reception flow (private).

Every part of the package reads the time through now(), which looks up
frontdesk.reception._now when it runs, not when it is imported: a test that
patches `reception._now` (monkeypatch.setattr or plain assignment) pins the
clock of every step, view and check at once.
"""

from __future__ import annotations

import datetime as dt

import frontdesk.reception as _package


def now() -> dt.datetime:
    """The current time as frontdesk.reception._now gives it (tests patch that one)."""
    return _package._now()
