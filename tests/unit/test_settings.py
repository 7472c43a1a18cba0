"""Hospital-wide settings live in the database; a desk's printers, paper and language on the PC."""

import json

import pytest

from frontdesk import settings
from frontdesk.paths import data_dir


def test_desk_choices_stay_on_this_pc(db):
    settings.set("printing.guide.printer", "Desk-2-Receipt")
    assert settings.get("printing.guide.printer") == "Desk-2-Receipt"
    # Not in the shared database: another desk on the same database still sees the default.
    assert settings.hospital_default("printing.guide.printer") == ""
    stored = json.loads((data_dir() / settings.DESK_FILE).read_text(encoding="utf-8"))
    assert stored == {"printing.guide.printer": "Desk-2-Receipt"}


def test_hospital_default_applies_until_a_desk_chooses(db):
    settings.set_hospital_default("ui.language", "en")
    assert settings.get("ui.language") == "en"
    settings.set("ui.language", "zh_CN")
    assert settings.get("ui.language") == "zh_CN"
    assert settings.hospital_default("ui.language") == "en"


def test_hospital_wide_settings_are_shared(db):
    settings.set("queue.amber_minutes", 20)
    assert settings.hospital_default("queue.amber_minutes") == 20
    assert not (data_dir() / settings.DESK_FILE).exists()


def test_damaged_desk_file_falls_back_to_defaults(db):
    path = data_dir() / settings.DESK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert settings.get("slips.guide.format") == "roll80"
    settings.set("slips.guide.format", "a5")  # rewrites it whole
    assert settings.get("slips.guide.format") == "a5"


def test_unknown_keys_are_refused(db):
    with pytest.raises(KeyError):
        settings.get("printing.colour")
    with pytest.raises(KeyError):
        settings.set("printing.colour", 1)
