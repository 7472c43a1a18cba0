"""Writing a PDF to disk atomically: temp file in the same folder, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from frontdesk.errors import ValidationError


def write_pdf(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write `data` to `path` all at once or not at all; return the path.

    A missing or unwritable folder, or a path that is a folder, raises
    ValidationError (field ``out``) and leaves nothing behind.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            f"文件夹不存在：{folder}", f"The folder does not exist: {folder}", field="out"
        )
    if target.is_dir():
        raise ValidationError(
            f"这是一个文件夹，不是文件：{target}", f"That is a folder, not a file: {target}",
            field="out",
        )
    tmp: str | None = None
    try:
        mode = (target.stat().st_mode & 0o777) if target.exists() else 0o644
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.chmod(tmp, mode)  # mkstemp makes 0600; a slip is no secret file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ValidationError(
            f"无法写入 {target}：{reason}（请检查文件夹权限和磁盘空间）",
            f"Cannot write {target}: {reason} (check the folder's permissions and free space)",
            field="out",
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target
