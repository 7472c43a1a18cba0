"""Frontdesk: the hospital reception desk companion."""

from frontdesk.db.drivers import install_import_hook as _install_import_hook

__version__ = "0.1.0"

# First thing, before any module can import peewee with every driver it knows.
_install_import_hook()
