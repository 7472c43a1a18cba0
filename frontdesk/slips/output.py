"""Writing a slip PDF to disk atomically (see frontdesk.files)."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.files import write_atomic


def write_pdf(data: bytes, path: str | os.PathLike[str], *, replace: bool = True) -> Path:
    """Write `data` to `path` all at once or not at all, owner-only; return the path.

    A slip carries a patient's name and record number, so the file is private
    (0600) like the reports. A missing or unwritable folder, or a path that is a folder, raises
    ValidationError (field ``out``) and leaves nothing behind. A database, a backup
    or a file of another kind is never replaced; with `replace` False no file is.
    """
    return write_atomic(data, path, private=True, replace=replace)
