"""A database in a bad state: a rules document whose entries were edited by hand or
half-written. Every reader of it answers with one sentence (ConfigError naming the rules),
never a ValueError or AttributeError out of the reader, and nothing stored is changed."""

import pytest

from frontdesk import fees, settings
from frontdesk.db.models import Setting
from frontdesk.errors import ConfigError
from frontdesk.service import desk_rules
from frontdesk.staffing import attendance, staffing_rules


def _store_raw(key: str, raw: str) -> None:
    Setting.insert(key=key, value=raw).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: raw}).execute()


CASES = [
    ("rules.lateness", '{"fine_fen": "abc"}', attendance.lateness_rule),
    ("rules.lateness", '{"grace_minutes": null}', attendance.lateness_rule),
    ("rules.staffing", '{"swaps_per_month": "x"}', staffing_rules.current),
    ("rules.staffing", '{"seasons": 5}', staffing_rules.current),
    ("rules.staffing", '{"leave_types": [{"code": "sick"}]}', staffing_rules.current),
    ("rules.fee_waivers", '[5, {"vip_tier": "gold"}]', lambda: fees.waiver_for("gold")),
    ("rules.fee_waivers", '[{"vip_tier": "gold"}]', lambda: fees.waiver_for("gold")),
    ("rules.service", '"x"', desk_rules.current),
    ("rules.service", '{not json', desk_rules.current),
]


@pytest.mark.parametrize("key,raw,read", CASES)
def test_damaged_rules_entries_are_a_sentence(rules_db, key, raw, read):
    _store_raw(key, raw)
    with pytest.raises(ConfigError) as err:
        read()
    assert key in err.value.message("en") and "损坏" in err.value.message("zh_CN")
    assert Setting.get(Setting.key == key).value == raw


def test_rules_as_loaded_still_read(rules_db):
    assert attendance.lateness_rule().fine_fen >= 0
    assert staffing_rules.current().leave_types
    assert desk_rules.current()
    assert settings.damaged() == []
