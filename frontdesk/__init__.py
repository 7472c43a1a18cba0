"""Frontdesk: the hospital reception desk companion."""

from frontdesk.db.drivers import import_peewee as _import_peewee

__version__ = "0.1.0"

# First thing, before any module can import peewee with every driver it knows.
_import_peewee()
