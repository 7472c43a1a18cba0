"""A step whose COMMIT reply is lost (the connection breaks) is re-read before anyone is told.

The commit either landed on the server or did not; the desk cannot know from the
error. The step reads the visit again: ours landed → success; it did not → "the
connection failed and nothing was saved" — never "another desk moved this visit".
"""

from __future__ import annotations

import psycopg2
import pytest
from peewee import OperationalError

from frontdesk import reception, stages
from frontdesk.db.models import Visit, database_proxy
from frontdesk.errors import ConflictError, DatabaseUnavailable
from tests.helpers.reception_flow import events, make_env, walk

pytestmark = pytest.mark.postgres
S = stages


@pytest.fixture
def env(pg_rules_db, pg_make_staff, clock):
    return make_env(pg_make_staff, clock)


def lose_the_reply(monkeypatch, *, committed: bool):
    """The next COMMIT (committed=True) or ROLLBACK runs, then the connection breaks."""
    db = database_proxy.obj
    real_commit = db.commit

    def commit(*args, **kwargs):
        monkeypatch.setattr(db, "commit", real_commit)
        if committed:
            real_commit(*args, **kwargs)
        else:
            db.rollback()
        db.connection().close()  # the reply never arrives: the connection is gone
        raise OperationalError(psycopg2.OperationalError(
            "server closed the connection unexpectedly\n\tThis probably means the server "
            "terminated abnormally"))

    monkeypatch.setattr(db, "commit", commit)


def test_a_step_that_landed_is_a_success(env, monkeypatch):
    v = walk(env, S.GREETING)
    lose_the_reply(monkeypatch, committed=True)
    view = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert (view.stage, view.version) == (S.TRIAGE, v.version + 1)
    assert (Visit.get_by_id(v.id).version, len(events(v.id))) == (v.version + 1, 2)
    # And the desk carries on from there (no "another desk moved this visit").
    view = reception.leave(v.id, actor=env.desk, expected_version=view.version, reason="等太久")
    assert view.stage == S.LEFT


def test_a_step_that_did_not_land_says_nothing_was_saved(env, monkeypatch):
    v = walk(env, S.GREETING)
    lose_the_reply(monkeypatch, committed=False)
    with pytest.raises(DatabaseUnavailable) as err:
        reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert not isinstance(err.value, ConflictError)
    assert "not saved" in err.value.en and "没有保存" in err.value.zh
    assert (Visit.get_by_id(v.id).version, len(events(v.id))) == (v.version, 1)
    # Trying again simply works.
    view = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert view.stage == S.TRIAGE


def test_another_desks_step_is_not_taken_for_ours(env, monkeypatch):
    """The version moved on, but by another desk's hand: not ours, so not a success."""
    v = walk(env, S.GREETING)
    db = database_proxy.obj
    real_commit = db.commit

    def commit(*args, **kwargs):
        monkeypatch.setattr(db, "commit", real_commit)
        db.rollback()
        db.connection().close()
        # Meanwhile desk2 took the patient.
        reception.take_at_desk(v.id, actor=env.desk2, expected_version=v.version)
        raise OperationalError(psycopg2.OperationalError("server closed the connection "
                                                         "unexpectedly"))

    monkeypatch.setattr(db, "commit", commit)
    with pytest.raises(DatabaseUnavailable):
        reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert events(v.id)[-1][3] == env.desk2.id


def test_a_server_still_down_says_it_cannot_be_checked_yet(env, monkeypatch):
    from frontdesk.reception import _db

    v = walk(env, S.GREETING)
    lose_the_reply(monkeypatch, committed=True)

    def unreachable(*args):
        raise OperationalError(psycopg2.OperationalError("could not connect to server: "
                                                         "Connection refused"))

    monkeypatch.setattr(_db, "_step_landed", unreachable)
    with pytest.raises(DatabaseUnavailable) as err:
        reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert "cannot be checked yet" in err.value.en
