"""The display's own data: server clock, notice, emergency broadcast (supervisors only)."""

import datetime as dt

import pytest

from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.queue import waiting_room


def test_on_sqlite_the_display_clock_is_the_apps_clock(db, clock):
    clock.freeze(dt.datetime(2026, 11, 23, 9, 30, 15))
    assert waiting_room.server_now() == dt.datetime(2026, 11, 23, 9, 30, 15)


def test_supervisor_sets_a_notice_and_a_broadcast_that_expires(db, make_staff, clock):
    boss = make_staff("supervisor")
    clock.freeze(dt.datetime(2026, 11, 23, 10, 0))
    waiting_room.set_notice("  请保持安静，\n按号就诊。 ", actor=boss)
    assert waiting_room.notice() == "请保持安静， 按号就诊。"
    sent = waiting_room.send_broadcast("急诊通道请勿停留", minutes=15, actor=boss)
    assert sent.until == dt.datetime(2026, 11, 23, 10, 15)
    now = waiting_room.broadcast()
    assert now is not None and now.text == "急诊通道请勿停留" and now.by == boss.display_name
    clock.advance(minutes=16)
    assert waiting_room.broadcast() is None
    waiting_room.send_broadcast("火警演习", minutes=5, actor=boss)
    waiting_room.clear_broadcast(actor=boss)
    assert waiting_room.broadcast() is None


def test_desk_staff_cannot_broadcast(db, make_staff):
    desk = make_staff("desk")
    with pytest.raises(PermissionDenied):
        waiting_room.send_broadcast("hello", actor=desk)
    with pytest.raises(PermissionDenied):
        waiting_room.set_notice("hello", actor=None)


@pytest.mark.parametrize("text, minutes, field", [
    ("", 10, "broadcast"), ("x" * 500, 10, "broadcast"), ("ok", 0, "minutes"),
    ("ok", "soon", "minutes"), ("bad\x1b[2J", 10, "broadcast"),
])
def test_bad_broadcasts_are_refused_at_the_field(db, make_staff, text, minutes, field):
    with pytest.raises(ValidationError) as err:
        waiting_room.send_broadcast(text, minutes=minutes, actor=make_staff("admin"))
    assert err.value.field == field


def test_new_calls_say_each_kind_once_in_order(rules_db, make_staff, clock):
    from frontdesk.queue import clinic
    from frontdesk.voice.announcement import CallKind
    from tests.helpers.reception_flow import dept, make_env
    from tests.ui.queue.display_data import queue_patients

    env = make_env(make_staff, clock)
    queue_patients(env, clock, "internal", ["王小芳", "李明"])
    start = waiting_room.screen([], after_event_id=None)
    assert start.calls == []  # a display that starts now says nothing of the past
    internal = dept("internal").id
    row = clinic.call_next(internal, None, actor=env.desk, room="3")
    row = clinic.recall(row.entry_id, actor=env.desk, expected_version=row.version)
    row = clinic.start_consultation(row.entry_id, actor=env.desk, expected_version=row.version)
    row = clinic.send_for_tests(row.entry_id, actor=env.desk, expected_version=row.version)
    row = clinic.back_from_tests(row.entry_id, actor=env.desk, expected_version=row.version)
    row = clinic.call(row.entry_id, actor=env.desk, expected_version=row.version, room="3")
    other = clinic.call_next(internal, None, actor=env.desk, room="5")
    clinic.mark_missed(other.entry_id, actor=env.desk, expected_version=other.version)
    found = waiting_room.new_calls([], start.last_event_id)
    assert [(a.kind, a.ticket, a.name) for a in found.calls] == [
        (CallKind.CALL, "内-001", "王*芳"), (CallKind.RECALL, "内-001", "王*芳"),
        (CallKind.BACK, "内-001", "王*芳"), (CallKind.CALL, "内-002", "李*"),
        (CallKind.MISSED, "内-002", "李*")]
    assert waiting_room.new_calls([], found.last_event_id).calls == []
    assert waiting_room.new_calls([dept("surgery").id], start.last_event_id).calls == []


def test_a_display_choice_edited_by_hand_keeps_only_what_can_be(db):
    """This PC's desk file with a department id past the database's integers (or a screen
    of 2**70): every poll of the waiting-room display failed ('Python int too large to
    convert to SQLite INTEGER') and the screen stayed blank; now such values are dropped."""
    import json

    from frontdesk import settings
    from frontdesk.paths import data_dir

    path = data_dir() / settings.DESK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"display.departments": [2**70, -1, 0, 3, "x", None, True],
                                "display.screen": 2**70}), encoding="utf-8")
    assert waiting_room.station_choice() == ([3], -1)
