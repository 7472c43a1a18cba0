"""Report files are written atomically and privately (see frontdesk.files)."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.files import PRIVATE_MODE as FILE_MODE  # noqa: F401 - tests read it
from frontdesk.files import write_atomic as _write


def write_atomic(data: bytes, path: str | os.PathLike[str], *, replace: bool = True) -> Path:
    """The call-back list holds patients' phone numbers: owner-only, all or nothing.

    Never over a database, a backup or a file of another kind (frontdesk.files.check_output).
    """
    return _write(data, path, private=True, replace=replace)
