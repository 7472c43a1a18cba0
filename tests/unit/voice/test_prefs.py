"""This PC's voice settings: stored, read back, refused at the field when wrong."""

import pytest

from frontdesk.errors import ValidationError
from frontdesk.voice import prefs


def test_defaults_then_saved_values(db):
    p = prefs.load()
    assert (p.engine, p.repeat, p.chime, p.name_mode) == ("auto", 2, True, "masked")
    prefs.save(prefs.VoicePrefs(engine="clips", voice="", repeat=3, chime=False, volume=50,
                                name_mode="none"))
    p = prefs.load()
    assert (p.engine, p.repeat, p.chime, p.volume, p.name_mode) == ("clips", 3, False, 50, "none")


@pytest.mark.parametrize("change, field", [
    ({"engine": "cloud"}, "engine"), ({"repeat": 0}, "repeat"), ({"repeat": "x"}, "repeat"),
    ({"volume": 101}, "volume"), ({"name_mode": "full"}, "name_mode"),
])
def test_bad_values_are_refused_at_their_field(db, change, field):
    with pytest.raises(ValidationError) as err:
        prefs.save(prefs.VoicePrefs(**{**prefs.VoicePrefs().__dict__, **change}))
    assert err.value.field == field
