"""Driver errors become one sentence for the desk (frontdesk.db.faults); the original is logged."""

from __future__ import annotations

import logging
import sqlite3

import peewee
import psycopg2
import pytest

from frontdesk.db.faults import driver_errors, is_connection_lost, is_driver_error, translate
from frontdesk.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseFailure,
    DatabaseUnavailable,
    FrontdeskError,
    ValidationError,
)


def wrapped(driver_exc: Exception, peewee_type=peewee.OperationalError) -> Exception:
    """What peewee raises: its own class around the driver's error (as its __exit__ does)."""
    try:
        try:
            raise driver_exc
        except Exception as exc:
            raise peewee_type(exc, *exc.args) from None
    except Exception as outer:
        outer.__context__ = driver_exc
        return outer


@pytest.mark.parametrize(("exc", "kind"), [
    (sqlite3.OperationalError("database is locked"), DatabaseBusy),
    (wrapped(sqlite3.OperationalError("database is locked")), DatabaseBusy),
    (peewee.OperationalError("database table is locked"), DatabaseBusy),
    (sqlite3.DatabaseError("database disk image is malformed"), DatabaseDamaged),
    (wrapped(sqlite3.DatabaseError("file is not a database"), peewee.DatabaseError),
     DatabaseDamaged),
    (psycopg2.OperationalError("server closed the connection unexpectedly\n\tThis probably "
                               "means the server terminated abnormally"), DatabaseUnavailable),
    (wrapped(psycopg2.OperationalError("server closed the connection unexpectedly")),
     DatabaseUnavailable),
    (psycopg2.OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed: '
                               "Connection refused"), DatabaseUnavailable),
    (psycopg2.OperationalError("timeout expired"), DatabaseUnavailable),
    (psycopg2.InterfaceError("connection already closed"), DatabaseUnavailable),
    (peewee.InterfaceError("Error, database connection not opened."), DatabaseUnavailable),
    (psycopg2.errors.DeadlockDetected("deadlock detected"), DatabaseBusy),
    (peewee.IntegrityError("UNIQUE constraint failed: patient.record_no"), DatabaseFailure),
    (sqlite3.OperationalError("no such table: visit"), DatabaseDamaged),  # never "try again"
    (psycopg2.ProgrammingError("syntax error at or near"), DatabaseFailure),
])
def test_each_driver_error_becomes_its_sentence(exc, kind, caplog):
    assert is_driver_error(exc)
    with caplog.at_level(logging.WARNING, logger="frontdesk.db.faults"):
        out = translate(exc, what="register")
    assert type(out) is kind
    assert isinstance(out, FrontdeskError)
    assert out.zh and out.en and out.zh != out.en
    for text in (out.zh, out.en):
        assert "Traceback" not in text and str(exc).split("\n")[0] not in text
    # The original, with its traceback, is in the log.
    record = caplog.records[-1]
    assert record.exc_info and record.exc_info[1] is exc
    assert "register" in record.getMessage()


def test_the_sentences_say_what_to_do():
    busy = translate(sqlite3.OperationalError("database is locked"))
    assert "another desk" in busy.en.lower() and "try again" in busy.en.lower()
    gone = translate(psycopg2.OperationalError("server closed the connection unexpectedly"))
    assert "cannot be reached" in gone.en and "reconnects" in gone.en
    damaged = translate(sqlite3.DatabaseError("database disk image is malformed"))
    assert "call it" in damaged.en.lower() and "信息科" in damaged.zh
    other = translate(sqlite3.OperationalError('near "x": syntax error'))
    assert "refused" in other.en and "log" in other.en


def test_app_errors_and_bugs_are_not_driver_errors():
    err = ValidationError("错", "wrong")
    assert not is_driver_error(err) and translate(err) is err
    assert not is_driver_error(ValueError("x")) and not is_driver_error(KeyError("k"))


def test_connection_lost_is_only_the_connection():
    assert is_connection_lost(psycopg2.OperationalError("server closed the connection unexpectedly"))
    assert is_connection_lost(wrapped(psycopg2.InterfaceError("connection already closed"),
                                      peewee.InterfaceError))
    assert not is_connection_lost(sqlite3.OperationalError("database is locked"))
    assert not is_connection_lost(peewee.IntegrityError("duplicate key"))
    assert not is_connection_lost(ValueError("server closed the connection"))


def test_driver_errors_block_raises_the_translation():
    with pytest.raises(DatabaseBusy) as info, driver_errors("save"):
        raise sqlite3.OperationalError("database is locked")
    assert isinstance(info.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(ValueError), driver_errors():
        raise ValueError("a bug stays a bug")


@pytest.mark.parametrize("exc,name", [
    (wrapped(sqlite3.OperationalError("no such table: fine")), "fine"),
    (wrapped(sqlite3.OperationalError("no such column: t1.door_ticket_no")), "door_ticket_no"),
    (wrapped(psycopg2.errors.UndefinedTable('relation "complaint_revisit" does not exist\nLINE 1')),
     "complaint_revisit"),
    (wrapped(psycopg2.errors.UndefinedColumn("column visit.door_ticket_no does not exist")),
     "visit.door_ticket_no"),
])
def test_a_missing_table_or_column_is_a_damaged_database_not_try_again(exc, name):
    """A table dropped by hand: the desk said 'refused, try again' (it never works) and the
    command line showed the driver's 'no such table: fine'; now it names what is missing
    and says to restore."""
    said = translate(exc)
    assert isinstance(said, DatabaseDamaged)
    assert name in said.message("en") and "frontdesk restore" in said.message("en")
    assert "缺少" in said.message("zh_CN") and "no such" not in said.message("zh_CN")
