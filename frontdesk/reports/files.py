"""Writing a report file all at once or not at all (temp file in the same folder + os.replace)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from frontdesk.errors import ValidationError

# The call-back list holds patients' phone numbers: the file is for its owner only.
FILE_MODE = 0o600


def write_atomic(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write `data` to `path`; on any failure raise ValidationError (field "out"), leave nothing.

    A missing folder, a folder given as the file, or a folder we may not write
    to gives a clear message in both languages. An existing file is replaced
    only when the new one is complete.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"文件夹不存在：{folder}", f"The folder does not exist: {folder}",
                              field="out")
    if target.is_dir():
        raise ValidationError(f"这是一个文件夹，不是文件：{target}",
                              f"That is a folder, not a file: {target}", field="out")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ValidationError(
            f"无法写入 {target}：{reason}（请检查文件夹权限和磁盘空间）",
            f"Cannot write {target}: {reason} (check the folder's permissions and free space)",
            field="out") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target
