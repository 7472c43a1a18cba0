"""Two `rules reload`s at the same moment, for the SQLite and PostgreSQL tests."""

from __future__ import annotations

import json

from frontdesk import rules, settings, triage
from frontdesk.db.models import AuditLog, Setting
from frontdesk.permissions import SYSTEM
from tests.helpers.races import hold_after, race


def two_reloads_at_once(monkeypatch) -> None:
    """Both reload the installed triage.toml into a database holding an older document;
    each waits inside its transaction for the other (hold_after), so they overlap. Both
    succeed: the file's document is stored, the version went up by two, two audit entries."""
    file_doc = rules.reload_triage_rules()  # what the installed file gives
    older = {**file_doc, "red_flags": file_doc["red_flags"][:2], "synonyms": {}}
    settings.set_json("rules.triage", older)
    version = int(triage.rules_version() or 0)
    audits = AuditLog.select().where(AuditLog.entity_id == "rules.triage").count()
    hold_after(monkeypatch, rules, "reload_triage_rules")
    done, told, errors = race([lambda: rules.reload_triage(actor=SYSTEM)] * 2, told=())
    assert errors == [] and told == [] and len(done) == 2
    stored = json.loads(Setting.get(Setting.key == "rules.triage").value)
    assert stored == file_doc
    assert int(triage.rules_version()) == version + 2  # every desk is told, twice is harmless
    assert AuditLog.select().where(AuditLog.entity_id == "rules.triage").count() == audits + 2
