"""Report files are written atomically and privately (see frontdesk.files)."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.files import PRIVATE_MODE as FILE_MODE  # noqa: F401 - tests read it
from frontdesk.files import write_atomic as _write


def write_atomic(data: bytes, path: str | os.PathLike[str]) -> Path:
    """The call-back list holds patients' phone numbers: owner-only, all or nothing."""
    return _write(data, path, private=True)
