"""Frontdesk: the hospital reception desk companion."""

__version__ = "0.1.0"
