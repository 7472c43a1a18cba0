"""One row in, one row out, without peewee building the statement each time (issue 20).

peewee spends far longer building an INSERT or a select-by-id than SQLite takes to run
it, and the desk steps write and read a handful of rows each. These helpers do exactly
what ``Model.create(**values)`` and ``Model.get_or_none(Model.id == pk)`` do — the same
defaults, the same column conversions, the same model instance back — with the SQL text
built once per model and column set and reused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from peewee import PostgresqlDatabase
from peewee import __exception_wrapper__ as _driver_errors

from frontdesk.db.models import database_proxy

M = TypeVar("M")
_new = object.__new__

_INSERTS: dict[tuple, str] = {}
_SELECTS: dict[tuple, tuple[str, list]] = {}


def execute(sql: str, params: list | tuple = ()):
    """``db.execute_sql(sql, params)``, run on the connection itself inside a transaction.

    peewee's execute_sql spends about twice SQLite's time on a one-row statement (query
    log check, hooks, autoconnect, a cursor per call): inside a transaction the
    connection is open and stays so, and this does only what matters there: the change
    log notes the statement (db/change_log.py) and a driver error becomes peewee's, as
    execute_sql raises it. Outside a transaction it is execute_sql (autocommit writes get
    their log row there; the server database reconnects there).
    """
    db = database_proxy.obj
    state = db._state
    if not state.transactions:
        return db.execute_sql(sql, params)
    db.note_statement()
    with _driver_errors:
        cursor = state.conn.cursor()
        cursor.execute(sql, params)
    return cursor


def _driver_value(fld, value: Any, sqlite: bool) -> Any:
    value = fld.db_value(value)
    if sqlite and isinstance(value, dt.datetime | dt.date):
        # What sqlite3's default adapters stored for peewee (isoformat with a space),
        # without the adapters deprecated in Python 3.12.
        value = str(value)
    return value


def insert(model: type[M], **values: Any) -> M:
    """``model.create(**values)``: the instance (defaults applied, id set), one INSERT."""
    obj = model(**values)  # the model's defaults, as create() applies them
    db = database_proxy.obj
    meta = model._meta
    pk = meta.primary_key
    pg = isinstance(db, PostgresqlDatabase)
    data = {name: value for name, value in obj.__data__.items()
            if not (name == pk.name and value is None)}
    names = tuple(data)
    key = (model, names, db.param, pg)
    sql = _INSERTS.get(key)
    if sql is None:
        fields = meta.fields
        columns = ", ".join(f'"{fields[n].column_name}"' for n in names)
        marks = ", ".join([db.param] * len(names))
        sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'
        if pg:
            sql += f' RETURNING "{pk.column_name}"'
        _INSERTS[key] = sql
    fields = meta.fields
    params = [_driver_value(fields[n], data[n], not pg) for n in names]
    cursor = execute(sql, params)
    if pk.name not in data:
        obj.__data__[pk.name] = cursor.fetchone()[0] if pg else cursor.lastrowid
    obj._dirty.clear()
    return obj


def get_or_none(model: type[M], pk_value: Any) -> M | None:
    """``model.get_or_none(model.<pk> == pk_value)``: every column, one prepared select."""
    db = database_proxy.obj
    return first(model, f'WHERE "{model._meta.primary_key.column_name}" = {db.param}',
                 [pk_value])


def first(model: type[M], tail: str, params: list | tuple = ()) -> M | None:
    """The first row of ``SELECT <every column> FROM <model's table> <tail>`` as a model
    instance (as ``get_or_none`` builds it), or None. `tail` is the WHERE / ORDER BY /
    LIMIT text with the driver's parameter marks; the statement is built once per text."""
    key = (model, tail)
    entry = _SELECTS.get(key)
    if entry is None:
        meta = model._meta
        fields = list(meta.sorted_fields)
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        entry = (f'SELECT {columns} FROM "{meta.table_name}" {tail}', fields)
        _SELECTS[key] = entry
    sql, fields = entry
    row = execute(sql, params).fetchone()
    if row is None:
        return None
    # What peewee's select builds (model(__no_default__=1, **values), then _dirty cleared),
    # with the values put in place at once instead of one field accessor call each.
    obj = _new(model)
    obj.__data__ = {f.name: f.python_value(v) for f, v in zip(fields, row, strict=True)}
    obj._dirty = set()
    obj.__rel__ = {}
    return obj
