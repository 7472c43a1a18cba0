"""Writing an output file all at once or not at all: temp file in the same folder, then rename.

Every file Frontdesk writes for people (slips, reports, exports) goes through
here, so a full disk, a missing folder or a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from frontdesk.errors import ConfigError, ValidationError

log = logging.getLogger(__name__)

# An operating system's reason (errno) as the desk says it: strerror is English on every PC.
_REASONS = {
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EACCES: ("没有权限", "permission denied"),
    errno.EPERM: ("没有权限", "permission denied"),
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.EROFS: ("磁盘是只读的", "the disk is read-only"),
    errno.ENAMETOOLONG: ("文件名太长", "the name is too long"),
    errno.EISDIR: ("这是一个文件夹", "that is a folder"),
    errno.ENOTDIR: ("路径中有一段不是文件夹", "part of the path is not a folder"),
    errno.EEXIST: ("同名的文件已存在", "a file of that name exists"),
    errno.EIO: ("磁盘读写出错", "a disk read or write error"),
    errno.ELOOP: ("符号链接循环指向自身", "a symbolic link loop"),
    errno.EBUSY: ("文件正被占用", "the file is busy"),
    errno.EINVAL: ("文件名或位置无效", "the name or place is not valid"),
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = ("磁盘配额已用完", "the disk quota is used up")


def os_reason(exc: BaseException) -> tuple[str, str]:
    """(zh, en) of why a file operation failed: an OSError's errno, a NUL in a name
    (ValueError), an SQLite error writing a copy; never the raw '[Errno 2] ...' text."""
    import sqlite3

    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, ValueError):
        return ("名称中含有不允许的字符（如 NUL）", "the name holds a character that is not "
                                                "allowed (such as NUL)")
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "full" in text:
            return _REASONS[errno.ENOSPC]
        if "readonly" in text or "read-only" in text:
            return ("文件不可写", "the file cannot be written")
        if "unable to open" in text:
            return ("无法打开文件", "the file cannot be opened")
        if "disk i/o" in text:
            return _REASONS[errno.EIO]
        return ("数据库副本出错（详情已记录在日志中）", "the database copy failed (details are "
                                                 "in the log)")
    reason = getattr(exc, "strerror", None) or type(exc).__name__
    return (str(reason), str(reason))


PRIVATE_MODE = 0o600  # reports with phone numbers, fines: for the file's owner only
PUBLIC_MODE = 0o644

# Windows keeps nothing of a POSIX mode but the read-only flag: who may read a file is
# decided by the access rules (ACLs) of its folder, i.e. the user's profile, or
# C:\ProgramData\Frontdesk, which the installer opens to the PC's users. There the modes
# are not applied at all (a copied read-only flag would only make the next replace fail).
POSIX_MODES = os.name != "nt"
_said_windows = False


def set_mode(path: str | os.PathLike[str], mode: int) -> bool:
    """chmod `path` to `mode` on POSIX and return True; on Windows do nothing and return False.

    The first time on Windows, one log line says that the folder's access rules apply instead.
    """
    global _said_windows
    if POSIX_MODES:
        os.chmod(path, mode)
        return True
    if not _said_windows:
        _said_windows = True
        log.info("file permissions: Windows does not apply POSIX modes (such as %s for private "
                 "files); who may read Frontdesk's files is decided by their folder's access "
                 "rules", oct(PRIVATE_MODE))
    return False


PRIVATE_DIR_MODE = 0o700  # the data and backup folders: the database and its copies live there
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def make_private_dir(path: str | os.PathLike[str]) -> Path:
    """Create folder `path` (and missing parents) owner-only; an existing folder is left as is.

    Raises OSError like Path.mkdir.
    """
    folder = Path(path)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in reversed(missing):
        with contextlib.suppress(OSError):  # made by someone else meanwhile
            set_mode(created, PRIVATE_DIR_MODE)
    return folder


def make_owner_only(path: str | os.PathLike[str], mode: int = PRIVATE_MODE) -> bool:
    """Tighten an existing file or folder we own to `mode` (0600 / 0700); True if changed.

    For what Frontdesk itself keeps (the database, its -wal/-shm, its folders): files
    made by an older version, or by SQLite under the user's umask, were 0644/0755.
    Someone else's file, or one missing, is left alone; so is Windows (see set_mode).
    """
    if not POSIX_MODES:
        return False
    try:
        if (os.stat(path).st_mode & 0o777) == mode:
            return False
        os.chmod(path, mode)
    except OSError:  # missing, or not ours (EPERM): leave it
        return False
    return True


def make_database_private(db_path: str | os.PathLike[str]) -> None:
    """The SQLite file and its side files (-wal, -shm, -journal): owner-only.

    SQLite creates the side files with the database file's own mode, so once the
    file is 0600 the ones it makes later are too.
    """
    make_owner_only(db_path)
    for suffix in SQLITE_SIDE_FILES:
        make_owner_only(f"{os.fspath(db_path)}{suffix}")


def create_private(path: str | os.PathLike[str]) -> Path:
    """Create `path` as a new empty file readable by its owner only, before any data goes in.

    For copies of the database (backups, files kept aside) that SQLite then
    fills: the mode is set at creation, so patient data is never readable by
    others, not even for a moment. Raises FileExistsError if `path` exists.
    """
    target = Path(path)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    set_mode(target, PRIVATE_MODE)  # the umask or an odd file system may have changed it
    return target


# --- what an output may replace ------------------------------------------------------

_SQLITE_HEADER = b"SQLite format 3\x00"
# Names of databases, their journals and Frontdesk's copies of them: never an output's name.
_DATABASE_NAME = re.compile(
    r"(\.(sqlite3?|db|partial|restoring)$)|(\.(sqlite3?|db)-(wal|shm|journal)$)|"
    r"(\.sqlite3\.\d+$)|(before-(migration|restore))", re.IGNORECASE)


# Device names Windows reserves in every folder, with any extension ("CON.pdf", "nul.csv"):
# a report "saved" there goes to a device or nowhere. Refused on every system, so a path
# typed on Linux means the same on the desk's Windows PC.
_WINDOWS_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *(\.[^.]*)*[ .]*",
                             re.IGNORECASE)


def _kind_of_bytes(head: bytes) -> str:
    if head.startswith(_SQLITE_HEADER):
        return "database"
    if head[:4] in (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83"):
        return "database"  # a write-ahead log
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"  # xlsx
    if not head:
        return "empty"
    return "binary" if b"\0" in head else "text"


def is_special_file(path: str | os.PathLike[str]) -> bool:
    """True for a named pipe, a device or a socket: something that exists but is no file
    to read or replace (opening a pipe to read waits for a writer for ever)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _kind_of_file(path: Path) -> str:
    if is_special_file(path):
        return "special"
    try:
        with open(path, "rb") as fh:
            return _kind_of_bytes(fh.read(512))
    except OSError:
        return "unreadable"


def _in_backup_folder(target: Path) -> bool:
    from frontdesk.paths import backup_dir

    try:
        return target.resolve().parent == backup_dir().resolve()
    except (OSError, RuntimeError):
        return False


def check_name(path: str | os.PathLike[str]) -> None:
    """Refuse an output path holding a control character (a line break, a tab, ESC) or an
    invisible format character (a right-to-left override makes "\u202etxt.csv" read
    "vsc.txt"): such a file was written and its name, echoed, could rewrite the terminal.
    Bytes that are not UTF-8 (surrogate escapes) are a real file name and pass."""
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in os.fspath(path)):
        raise ValidationError(
            "文件名中不能包含控制字符或不可见的格式字符（如换行、制表符、ESC、方向控制符）。"
            "请换一个文件名。",
            "A file name cannot hold control or invisible formatting characters (a line "
            "break, a tab, ESC, a direction mark). Choose another file name.", field="out")


def check_output(path: str | os.PathLike[str], data_kind: str | None = None, *,
                 replace: bool = True) -> Path:
    """Refuse an output path that would replace a database, a backup or a file of another kind.

    `data_kind` is what will be written ("pdf", "zip", "text"; None: not checked).
    With `replace` False an existing file is refused too (the command line's
    --force). Raises ValidationError (field "out"); returns the expanded path.
    """
    check_name(path)
    target = Path(path).expanduser()
    try:
        os.stat(target)
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte, no access
        zh, en = os_reason(exc)
        shown = str(target)[:80].replace("\x00", "?")
        raise ValidationError(f"无法使用文件名 {shown}：{zh}",
                              f"Cannot use the file name {shown}: {en}",
                              field="out") from exc
    if _WINDOWS_DEVICE.fullmatch(target.name):
        raise ValidationError(
            f"不能使用文件名 {target.name}：这是 Windows 保留的设备名。请换一个文件名。",
            f"Cannot use the file name {target.name}: Windows reserves it for a device. "
            "Choose another file name.", field="out")
    if _DATABASE_NAME.search(target.name) or _in_backup_folder(target):
        raise ValidationError(
            f"不能写入 {target}：这是数据库或备份的名称或文件夹。请换一个文件名。",
            f"Will not write {target}: that is the name or folder of a database or a backup. "
            "Choose another file name.", field="out")
    if is_special_file(target):
        raise ValidationError(
            f"不能写入 {target}：它不是普通文件（而是设备、管道或套接字）。请换一个文件名。",
            f"Will not write {target}: it is not an ordinary file (a device, a pipe or a "
            "socket). Choose another file name.", field="out")
    if not target.exists() or target.is_dir():
        return target
    existing = _kind_of_file(target)
    if existing == "database":
        raise ValidationError(
            f"不能覆盖 {target}：它是一个数据库文件。请换一个文件名。",
            f"Will not overwrite {target}: it is a database file. Choose another file name.",
            field="out")
    if data_kind is not None and existing not in ("empty", data_kind):
        raise ValidationError(
            f"不能覆盖 {target}：它是另一种类型的文件。请换一个文件名。",
            f"Will not overwrite {target}: it is a file of another kind. Choose another file "
            "name.", field="out")
    if not replace:
        raise ValidationError(
            f"文件 {target} 已存在。要替换它请加 --force，或换一个文件名。",
            f"The file {target} already exists. Add --force to replace it, or choose another "
            "name.", field="out")
    return target


def write_atomic(data: bytes, path: str | os.PathLike[str], *, private: bool = False,
                 replace: bool = True) -> Path:
    """Write `data` to `path`; on failure raise ValidationError (field "out") and leave nothing.

    A missing folder, a folder given as the file, or a folder we may not write
    to gives a clear message in both languages. An existing file is replaced
    only once the new one is complete, and never when it is a database, a backup
    or a file of another kind (`check_output`); with `replace` False not at all.
    `private` files are readable by their owner only; others keep the mode of
    the file they replace.
    """
    target = check_output(path, _kind_of_bytes(bytes(data[:512])), replace=replace)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"文件夹不存在：{folder}", f"The folder does not exist: {folder}",
                              field="out")
    if target.is_dir():
        raise ValidationError(f"这是一个文件夹，不是文件：{target}",
                              f"That is a folder, not a file: {target}", field="out")
    if private:
        mode = PRIVATE_MODE
    elif POSIX_MODES and target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        mode = PUBLIC_MODE
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        set_mode(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        zh, en = os_reason(exc)
        raise ValidationError(
            f"无法写入 {target}：{zh}（请检查文件夹权限和磁盘空间）",
            f"Cannot write {target}: {en} (check the folder's permissions and free space)",
            field="out") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


TEXT_FILE_MAX_BYTES = 64 * 1024 * 1024  # far more than any rules or evaluation file
_CHUNK = 1024 * 1024


def _read_up_to(fh, limit: int) -> bytes:
    """At most `limit` bytes of `fh`, in chunks: read(n) allocates n bytes before it reads,
    and a 20 kB phrases file read with the 64 MB limit made a 64 MB peak at start-up."""
    chunks, total = [], 0
    while total < limit:
        chunk = fh.read(min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_text(path: str | os.PathLike[str], what_zh: str, what_en: str, *,
              gbk: bool = False, max_bytes: int = TEXT_FILE_MAX_BYTES) -> str:
    """The text of a file a person hands Frontdesk (rules, an evaluation set), or a ConfigError.

    Every way such a file can be wrong ends in one sentence naming it and what to do: a
    path that does not exist, a folder, a symlink loop, no access, a file too big, binary
    content (a NUL byte), text that is not UTF-8. A UTF-8 byte-order mark (Notepad, Excel)
    is dropped; with `gbk`, text that is not UTF-8 is read as GB18030 (GBK), as Chinese
    Windows saves it. Line ends are left as they are.
    """
    where = str(path)[:200].replace("\x00", "?")

    def refuse(zh: str, en: str) -> ConfigError:
        return ConfigError(f"无法读取{what_zh} {where}：{zh}",
                           f"Cannot read the {what_en} {where}: {en}")

    try:
        # Without blocking: a named pipe would otherwise wait for a writer for ever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, "Is a directory")
            if not stat.S_ISREG(mode):
                raise refuse("这不是普通文件（而是设备、管道或套接字）。",
                             "it is not an ordinary file (a device, a pipe or a socket).")
            with os.fdopen(fd, "rb") as fh:
                fd = -1  # the file object closes it
                data = _read_up_to(fh, max_bytes + 1)
        finally:
            if fd >= 0:
                os.close(fd)
    except FileNotFoundError:
        raise refuse("文件不存在。", "the file does not exist.") from None
    except IsADirectoryError:
        raise refuse("这是一个文件夹，不是文件。", "that is a folder, not a file.") from None
    except PermissionError:
        raise refuse("没有读取权限。", "permission denied.") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refuse("符号链接循环指向自身。", "a symbolic link loop.") from None
        zh, en = os_reason(exc)
        raise refuse(f"{zh}。", f"{en}.") from None
    except ValueError as exc:  # a NUL in the name
        zh, en = os_reason(exc)
        raise refuse(f"{zh}。", f"{en}.") from None
    if len(data) > max_bytes:
        raise refuse(f"文件太大（超过 {max_bytes // (1024 * 1024)} MB）。",
                     f"the file is too big (over {max_bytes // (1024 * 1024)} MB).")
    if b"\0" in data:
        raise refuse("这不是文本文件。", "it is not a text file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if gbk:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    raise refuse("文件不是 UTF-8 编码的文本，请另存为 UTF-8 后重试。",
                 "the file is not UTF-8 text; save it as UTF-8 and try again.")
