"""Two admins saving the desk's wait thresholds at once, for the SQLite and PostgreSQL tests."""

from __future__ import annotations

from frontdesk import admin
from frontdesk.admin import rule_edits
from frontdesk.errors import ValidationError
from frontdesk.reception import urgency
from tests.helpers.races import hold_after, race


def amber_and_red_at_once(boss, monkeypatch) -> tuple[list, list, list]:
    """Each save is valid against the stored other half (amber 10 / red 20 everywhere), not
    together: one lowers BILLING's red to 15, the other raises its amber to 18. Both check,
    then both save; returns race()'s (saved, told, errors)."""
    def full(minutes):
        return {stage: minutes for stage in urgency.COUNTED_STAGES}

    admin.update_settings(actor=boss, values={"desk.amber_minutes": full(10),
                                              "desk.red_minutes": full(20)})
    red, amber = full(20), full(10)
    red["BILLING"], amber["BILLING"] = 15, 18
    hold_after(monkeypatch, rule_edits, "_check_together")
    return race(
        [lambda: admin.update_settings(actor=boss, values={"desk.red_minutes": red}),
         lambda: admin.update_settings(actor=boss, values={"desk.amber_minutes": amber})],
        told=(ValidationError,))
