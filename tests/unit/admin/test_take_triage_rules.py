"""An admin takes the installed triage.toml into the database (what `frontdesk rules reload`
does on a command line): refused without the right, audited, every desk told."""

from __future__ import annotations

import shutil

import pytest

from frontdesk import admin, rules, settings
from frontdesk.db.models import AuditLog
from frontdesk.errors import ConfigError, PermissionDenied
from frontdesk.triage import rules_version


@pytest.fixture
def installed(rules_db):
    return settings.get_json("rules.triage")


@pytest.fixture
def older(installed):
    """The stored document as a database made before the installed file would hold it."""
    doc = {**installed, "red_flags": installed["red_flags"][:3], "synonyms": {}}
    settings.set_json("rules.triage", doc)
    return doc


def _audits() -> int:
    return AuditLog.select().where((AuditLog.entity == "setting")
                                   & (AuditLog.entity_id == "rules.triage")).count()


def test_only_an_admin_takes_the_installed_rules(older, make_staff):
    desk = make_staff("desk")
    with pytest.raises(PermissionDenied):
        admin.take_installed_triage_rules(actor=desk)
    with pytest.raises(PermissionDenied):
        admin.triage_rules_current(actor=desk)
    assert settings.get_json("rules.triage") == older and _audits() == 0


def test_an_admin_replaces_an_older_document_and_every_desk_is_told(installed, older, make_staff):
    boss = make_staff("admin")
    assert admin.triage_rules_current(actor=boss) is False
    version = rules_version()
    admin.take_installed_triage_rules(actor=boss)
    assert settings.get_json("rules.triage") == installed
    assert rules_version() != version
    assert _audits() == 1
    assert admin.triage_rules_current(actor=boss) is True


def test_a_broken_installed_file_is_a_config_error_and_changes_nothing(older, make_staff,
                                                                      tmp_path, monkeypatch):
    folder = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), folder)
    (folder / "triage.toml").write_text("[[red_flag]]\ncode = 'x'\npatterns = ['(']\n",
                                        encoding="utf-8")
    monkeypatch.setattr(rules, "rules_dir", lambda: folder)
    version = rules_version()
    with pytest.raises(ConfigError, match="triage.toml"):
        admin.take_installed_triage_rules(actor=make_staff("admin"))
    assert settings.get_json("rules.triage") == older
    assert rules_version() == version and _audits() == 0


def two_admins_take_at_once(make_staff) -> None:
    """Two admins press the button at the same moment (on two desks, each its own
    connection): both are done, the document is the installed one, the rules version went
    up once for each and each is audited; no desk sees an error."""
    from tests.unit.staffing.test_staffing_races import desk, two_desks

    installed = settings.get_json("rules.triage")
    settings.set_json("rules.triage", {**installed, "red_flags": installed["red_flags"][:3]})
    bosses = [make_staff("admin"), make_staff("admin")]
    version = int(rules_version() or 0)
    out = two_desks(*(desk(b.id, lambda actor: admin.take_installed_triage_rules(actor=actor))
                      for b in bosses))
    assert all(isinstance(doc, dict) for doc in out), out
    assert settings.get_json("rules.triage") == installed
    assert int(rules_version()) == version + 2
    assert _audits() == 2


def test_two_admins_take_the_installed_rules_at_once(rules_db, make_staff):
    two_admins_take_at_once(make_staff)
