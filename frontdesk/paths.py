"""The one place that knows where things live: frozen bundle or source tree,
resources, and the per-user data and cache directories."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Frontdesk"
APP_AUTHOR = "Frontdesk"

# PyInstaller sets sys.frozen and unpacks data beside the executable (_MEIPASS).
IS_FROZEN = bool(getattr(sys, "frozen", False))

if IS_FROZEN:
    _ROOT = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
else:
    _ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (rules, fonts, translations, icons)."""
    return _ROOT.joinpath("resources", *parts)


def data_dir() -> Path:
    """Per-user data directory; FRONTDESK_DATA_DIR overrides (tests, kiosks)."""
    override = os.environ.get("FRONTDESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    """Per-user cache directory: files the app rebuilds by itself when they are missing
    (parsed font tables). Under FRONTDESK_DATA_DIR (tests, kiosks) it is `<data dir>/cache`."""
    override = os.environ.get("FRONTDESK_DATA_DIR")
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / "frontdesk.sqlite3"


def backup_dir() -> Path:
    return data_dir() / "backups"


def resolve_url(url: str | None, default_path: Path) -> str:
    """--db beats FRONTDESK_DB beats the default file in the user data directory.

    Here rather than in db.connection: the app resolves it before its first frame,
    and db.connection loads peewee and the models."""
    return url or os.environ.get("FRONTDESK_DB") or f"sqlite:///{default_path}"
