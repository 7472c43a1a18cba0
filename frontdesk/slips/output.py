"""Writing a slip PDF to disk atomically (see frontdesk.files)."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.files import write_atomic


def write_pdf(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write `data` to `path` all at once or not at all, owner-only; return the path.

    A slip carries a patient's name and record number, so the file is private
    (0600) like the reports. A missing or unwritable folder, or a path that is a folder, raises
    ValidationError (field ``out``) and leaves nothing behind.
    """
    return write_atomic(data, path, private=True)
