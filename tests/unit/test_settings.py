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


# --- a settings row damaged in the database (edited by hand, half-written) ---------------

from frontdesk.db.models import Setting  # noqa: E402
from frontdesk.errors import ConfigError  # noqa: E402


def _store_raw(key: str, raw: str) -> None:
    Setting.insert(key=key, value=raw).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: raw}).execute()


@pytest.mark.parametrize("raw", ["{not json", "", "12345", "[1, 2]", "null", "true"])
def test_a_damaged_setting_reads_as_its_default_not_an_exception(db, raw):
    """hospital.name stored as '{not json' (JSONDecodeError) or as 12345 (AttributeError in
    every PDF title) stopped the app's start and every report; now the default is used."""
    _store_raw("hospital.name", raw)
    _store_raw("security.lockout_after", "\"five\"")
    assert settings.get("hospital.name") == ""
    assert settings.get("security.lockout_after") == settings.DEFAULTS["security.lockout_after"]
    assert [key for key, _ in settings.damaged()] == ["hospital.name", "security.lockout_after"]
    assert Setting.get(Setting.key == "hospital.name").value == raw  # left for IT to see


def test_a_bool_is_no_number_and_a_number_no_bool(db):
    _store_raw("queue.amber_minutes", "true")
    _store_raw("printing.print_without_asking", "1")
    assert settings.get("queue.amber_minutes") == 15
    assert settings.get("printing.print_without_asking") is False


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", "\"x\"", "5"])
def test_a_damaged_rules_document_is_a_sentence_not_a_guess(db, raw):
    _store_raw("rules.lateness", raw)
    with pytest.raises(ConfigError) as err:
        settings.get("rules.lateness")
    assert "rules.lateness" in err.value.message("en") and "损坏" in err.value.message("zh_CN")


def test_a_desk_file_value_of_the_wrong_kind_gives_the_hospital_value(db):
    path = data_dir() / settings.DESK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"display.screen": "abc", "ui.language": 5}), encoding="utf-8")
    assert settings.get("display.screen") == -1
    assert settings.get("ui.language") == "zh_CN"


def test_a_word_setting_outside_its_words_is_damaged_too(db):
    """An unknown ui.language (desk file or database) stopped every command and the
    waiting-room display with 'ValueError: unsupported language'; now the default is used."""
    _store_raw("ui.language", '"xx"')
    assert settings.get("ui.language") == "zh_CN"
    assert ("ui.language", "an unknown word") in settings.damaged()
    path = data_dir() / settings.DESK_FILE
    path.write_text(json.dumps({"ui.language": "klingon", "slips.guide.format": "letter"}),
                    encoding="utf-8")
    assert settings.get("ui.language") == "zh_CN"
    assert settings.get("slips.guide.format") == "roll80"


def test_the_word_lists_are_the_readers_own():
    from frontdesk.i18n import LANGUAGES
    from frontdesk.slips.model import SlipFormat
    from frontdesk.voice.prefs import ENGINES, NameMode

    assert settings.CHOICES["ui.language"] == LANGUAGES
    assert settings.CHOICES["slips.guide.format"] == tuple(f.value for f in SlipFormat)
    assert settings.CHOICES["voice.engine"] == ENGINES
    assert settings.CHOICES["voice.name"] == tuple(m.value for m in NameMode)
    assert all(settings.fits(key, settings.DEFAULTS[key]) for key in settings.DEFAULTS)


@pytest.mark.parametrize("key", sorted(settings.RANGES))
def test_a_number_outside_its_range_is_damaged(db, key):
    """backup.keep_days of 10**13 in the database stopped every backup (the automatic one
    too) with OverflowError; any number outside what the admin screen allows is the default."""
    low, high = settings.RANGES[key]
    default = settings.DEFAULTS[key]
    for raw in (str(low - 1), str(high + 1), "10000000000000", "-10000000000000"):
        _store_raw(key, raw)
        assert settings.hospital_default(key) == default
        assert (key, "out of range") in settings.damaged()
    for fine in (low, high):
        _store_raw(key, str(fine))
        assert settings.hospital_default(key) == fine


def test_the_ranges_are_what_the_admin_screen_allows():
    from frontdesk import admin
    from frontdesk.errors import ValidationError
    from frontdesk.voice.prefs import MAX_REPEAT

    for key, check in admin.EDITABLE_SETTINGS.items():
        if key not in settings.RANGES:
            continue
        low, high = settings.RANGES[key]
        assert check(low, key) == low and check(high, key) == high
        for outside in (low - 1, high + 1):
            with pytest.raises(ValidationError):
                check(outside, key)
    assert settings.RANGES["voice.repeat"] == (1, MAX_REPEAT)


def test_backups_go_on_when_keep_days_is_damaged(db, tmp_path):
    from frontdesk.admin import backup

    settings.set("backup.folder", str(tmp_path))
    _store_raw("backup.keep_days", "10000000000000")
    assert backup.prune(tmp_path, keep_days=settings.get("backup.keep_days")) == []


def test_damaged_triage_rules_point_at_the_command_that_puts_them_back(db):
    _store_raw("rules.triage", "{not json")
    with pytest.raises(ConfigError) as err:
        settings.get("rules.triage")
    assert "frontdesk rules reload" in err.value.message("zh_CN")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_huge_file_in_place_of_the_desk_file_is_not_waited_on(db):
    """A named pipe at desk-settings.json hung every command and the app's start (the
    read waited for a writer for ever); a huge file was read whole at every setting."""
    import os

    path = data_dir() / settings.DESK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    assert settings.get("slips.guide.format") == "roll80"
    path.unlink()
    path.write_text('{"slips.guide.format": "a5", "x": "' + "y" * settings.DESK_FILE_MAX_BYTES
                    + '"}', encoding="utf-8")
    assert settings.get("slips.guide.format") == "roll80"
