"""What a reception PC records: a rotating log file, fatal-error dumps, unhandled exceptions.

`start()` is called once by the command line (and so by the app, which it
opens): log records go to `frontdesk.log` in the log folder (a few files of a
few MB, rotated), Python's fatal-error dumps (`faulthandler`) to `faults.log`
beside it, and an exception nobody caught is logged before Python reports it.
When the folder cannot be written the app still runs: records go to stderr, or
nowhere in the windowed Windows build (which has no stderr).

Nothing recorded may name a patient: every handler carries :class:`ScrubFilter`,
which masks mobile numbers, resident ID numbers, recognisable names and database
passwords; crash reports go through the same :func:`scrub`. Code that logs about
a patient or a visit names it by id, never by name.

Kept light on purpose: the command line imports it on its fast path (no Qt,
nothing heavy).
"""

from __future__ import annotations

import errno
import faulthandler
import functools
import logging
import logging.handlers
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from frontdesk.paths import APP_NAME, data_dir
from frontdesk.privacy import COMPOUND_SURNAMES

LOG_FILE_NAME = "frontdesk.log"
FAULT_FILE_NAME = "faults.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
# faults.log only grows on a hard crash; start it afresh if it ever gets big.
FAULT_FILE_LIMIT = 1024 * 1024
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_dir() -> Path:
    """The folder for the log files.

    Under FRONTDESK_DATA_DIR (tests, kiosks) it is `<data dir>/logs`; on Windows
    the data folder's `logs` (one place for IT to look); elsewhere the platform's
    log directory (~/.local/state/Frontdesk/log, ~/Library/Logs/Frontdesk).
    """
    if os.environ.get("FRONTDESK_DATA_DIR") or sys.platform == "win32":
        return data_dir() / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """Where the current log file is (or would be)."""
    return log_dir() / LOG_FILE_NAME


# --- keeping patients out of the logs ------------------------------------------

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The most common single-character surnames (about nine in ten people), for
# recognising a name that stands alone ("找不到 王小明", "'张三'").
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜"
    "叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶"
    "贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄滕牛"
)
# name, display_name, patient_name (not hostname, filename); Chinese labels for a person.
_NAME_KEY = r"(?:(?i:\b(?:\w+_)?name\b|\bpatient\b)|姓名|患者|病人|病患|就诊人|联系人|家属)"

# Database URLs and libpq strings: the password, never the rest. A password typed with
# an "@" in it (not %40) runs to the last "@" before the host, as urlparse reads it.
_PASSWORD_SCRUBBERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s/]*@"), r"\1:***@"),
    (re.compile(r"(?i)\b(password|passwd|pwd|pgpassword)(\s*[=:]\s*)"
                r"(?:'[^'\n]*'|\"[^\"\n]*\"|[^\s,;&]+)"), r"\1\2***"),
]

_SCRUBBERS: list[tuple[re.Pattern[str], str]] = [
    *_PASSWORD_SCRUBBERS,
    # PostgreSQL's "Key (id_number)=(...)" and "Failing row contains (...)" quote values.
    (re.compile(r"(Key \([^)]*\)=\()[^\n]*?(\) already exists|\) is (?:still )?"
                r"(?:not present|referenced))"), r"\1***\2"),
    (re.compile(r"(Failing row contains \()[^\n]*(\))"), r"\1***\2"),
    # Resident ID numbers (18 characters, the last may be X; the old 15-digit ones).
    (re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"), "<id-number>"),
    (re.compile(r"(?<!\d)\d{15}(?!\d)"), "<id-number>"),
    # Mainland mobile numbers, also written 138-0013-8000 / +86 138 0013 8000.
    (re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"), "<phone>"),
]
# A value labelled as a name: name='张三', "display_name": "Zhang San", 姓名：张三, 患者 张三.
_LABELLED_QUOTED = re.compile(
    r"(" + _NAME_KEY + r"['\"]?\s*[:=：]\s*)(['\"“‘])[^'\"”’\n]*(['\"”’])")
_LABELLED_LATIN = re.compile(
    r"(" + _NAME_KEY + r"['\"]?\s*[:=：]\s*)[A-Za-z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*")


@functools.cache
def _cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name after a label, in Chinese; a short run of CJK characters standing alone
    (between spaces, quotes, punctuation). Compiled on first need: their large character
    classes take ~3 ms to compile, and an ASCII-only line (every line of a normal start)
    cannot match them."""
    labelled = re.compile(
        r"(" + _NAME_KEY + r"['\"]?(?:\s*[:=：]\s*|\s+))[" + _CJK + r"·•]{1,8}")
    standalone = re.compile(
        r"(?<![" + _CJK + r"])([" + _CJK + r"·]{2,4})(?![" + _CJK + r"])")
    return labelled, standalone


def _looks_like_name(token: str) -> bool:
    token = token.replace("·", "")
    if len(token) < 2:
        return False
    return token[0] in _SURNAMES or (len(token) >= 3 and token[:2] in COMPOUND_SURNAMES)


def _scrub_names(text: str) -> str:
    text = _LABELLED_QUOTED.sub(r"\1\2<name>\3", text)
    if not text.isascii():
        text = _cjk_patterns()[0].sub(r"\1<name>", text)
    text = _LABELLED_LATIN.sub(r"\1<name>", text)
    if text.isascii():
        return text
    return _cjk_patterns()[1].sub(
        lambda m: "<name>" if _looks_like_name(m.group(1)) else m.group(1), text)


def _scrub_home(text: str) -> str:
    try:
        home = str(Path.home())
    except (RuntimeError, KeyError):
        return text
    if len(home) <= 1:
        return text
    return re.sub(re.escape(home) + r"(?=[\\/]|$|[^\w])", "~", text)


def mask_passwords(text: str) -> str:
    """`text` with database passwords masked (URLs and libpq key=value strings)."""
    for pattern, replacement in _PASSWORD_SCRUBBERS:
        text = pattern.sub(replacement, text)
    return text


def scrub(text: str) -> str:
    """`text` with patients' phones, ID numbers and recognisable names masked.

    Also masks database passwords and shortens the user's home folder to `~`
    (Windows user folders are often named after the person).
    """
    if not text:
        return text
    text = _scrub_home(text)
    for pattern, replacement in _SCRUBBERS:
        text = pattern.sub(replacement, text)
    return _scrub_names(text)


class ScrubFilter(logging.Filter):
    """Masks patient data in a record before any handler writes it (see :func:`scrub`).

    The message is formatted here and the arguments dropped, so no handler can
    format them again unmasked; a traceback is formatted and masked likewise.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what there is, masked
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


# --- start and stop -------------------------------------------------------------

@dataclass
class Recording:
    """What `start()` set up, so `stop()` can put things back (tests start it many times)."""

    path: Path | None  # the log file; None when it could not be opened
    fault_path: Path | None
    problem: str = ""  # why there is no log file
    handlers: list[logging.Handler] = field(default_factory=list)
    fault_stream: IO[str] | None = None
    previous_level: int = logging.WARNING
    previous_peewee_level: int = logging.NOTSET
    previous_excepthook: object = None
    previous_threading_hook: object = None


_current: Recording | None = None


def current() -> Recording | None:
    """The running recording, if `start()` was called."""
    return _current


def active_log_file() -> Path | None:
    """The log file being written, or None (not started, or the folder is not writable)."""
    return _current.path if _current is not None else None


def _ordinary(path: Path) -> Path:
    """`path`, unless a named pipe or a device sits there: opening a pipe to append waits
    for a reader for ever (every command and the app's start hung); no log file then."""
    from frontdesk.files import is_special_file

    if is_special_file(path):
        raise OSError(errno.EINVAL, "not an ordinary file (a pipe or a device)", str(path))
    return path


def _open_log_file(folder: Path, level: int) -> logging.Handler:
    folder.mkdir(parents=True, exist_ok=True)
    _ordinary(folder / LOG_FILE_NAME)
    # backslashreplace: a message holding a lone surrogate (a file name given in bytes that
    # are not UTF-8 reaches Python as \udcff) is written escaped, never a "Logging error".
    handler = logging.handlers.RotatingFileHandler(
        folder / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
        errors="backslashreplace")
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


def _open_fault_file(folder: Path) -> IO[str]:
    path = _ordinary(folder / FAULT_FILE_NAME)
    mode = "w" if path.exists() and path.stat().st_size > FAULT_FILE_LIMIT else "a"
    return open(path, mode, encoding="utf-8",  # noqa: SIM115 - open for the process's life
                errors="backslashreplace")


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (it may be replaced, or None)."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)

    def format(self, record: logging.LogRecord) -> str:
        # A replaced stderr (a GUI's, a test's) may not take lone surrogates: escape them.
        text = super().format(record)
        if not text.isprintable():
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        return text


def start(*, verbose: bool = False) -> Recording:
    """Send log records to the rotating file (and warnings to stderr); idempotent.

    A second call first undoes the first (the tests run the command line many
    times in one process, each with its own data folder).
    """
    global _current
    if _current is not None:
        stop()
    level = logging.DEBUG if verbose else logging.INFO
    root = logging.getLogger()
    folder = log_dir()
    rec = Recording(path=None, fault_path=None, previous_level=root.level)
    try:
        handler = _open_log_file(folder, level)
    except OSError as exc:
        rec.problem = f"{folder}: {exc.strerror or exc}"
    else:
        rec.handlers.append(handler)
        rec.path = folder / LOG_FILE_NAME
    if sys.stderr is not None:
        console = _Stderr()
        console.setLevel(logging.DEBUG if verbose else logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        rec.handlers.append(console)
    for handler in rec.handlers:
        handler.addFilter(ScrubFilter())
        root.addHandler(handler)
    root.setLevel(level)
    # peewee logs every query with its parameters (names, phones) at DEBUG: never record them.
    peewee_log = logging.getLogger("peewee")
    rec.previous_peewee_level = peewee_log.level
    peewee_log.setLevel(logging.INFO)

    # Fatal errors (a crash inside Qt) dump the Python stacks to faults.log, unless
    # someone (a developer's -X faulthandler, the test runner) already chose a place.
    if rec.path is not None and not faulthandler.is_enabled():
        try:
            rec.fault_stream = _open_fault_file(folder)
            faulthandler.enable(file=rec.fault_stream, all_threads=True)
            rec.fault_path = folder / FAULT_FILE_NAME
        except OSError:
            rec.fault_stream = None

    rec.previous_excepthook = sys.excepthook
    rec.previous_threading_hook = threading.excepthook
    sys.excepthook = _log_then(sys.excepthook)
    threading.excepthook = _log_thread_then(threading.excepthook)
    _current = rec
    if rec.problem:
        # Not a warning: the command's own message (e.g. "the data folder cannot be
        # written") must be the first thing on stderr; --verbose shows this one.
        log.info("no log file (%s); logging to stderr only", rec.problem)
    from frontdesk import __version__

    log.info("Frontdesk %s, Python %s on %s", __version__, sys.version.split()[0], sys.platform)
    return rec


def stop() -> None:
    """Undo `start()`: close the files, restore the hooks and levels it changed."""
    global _current
    rec, _current = _current, None
    if rec is None:
        return
    root = logging.getLogger()
    for handler in rec.handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(rec.previous_level)
    logging.getLogger("peewee").setLevel(rec.previous_peewee_level)
    if rec.fault_stream is not None:
        faulthandler.disable()
        rec.fault_stream.close()
    if getattr(sys.excepthook, "_frontdesk_logs", False):
        sys.excepthook = rec.previous_excepthook
    if getattr(threading.excepthook, "_frontdesk_logs", False):
        threading.excepthook = rec.previous_threading_hook


def log_unhandled(exc_type, exc, tb, *, thread_name: str | None = None) -> None:
    """Record an exception nobody caught (masked by the handlers' filter)."""
    import traceback

    where = f" in thread {thread_name}" if thread_name else ""
    # Masked here too, not only by the handlers' filter: whoever else listens gets no patient.
    trace = scrub("".join(traceback.format_exception(exc_type, exc, tb)).rstrip())
    logging.getLogger("frontdesk.unhandled").critical(
        "unhandled %s%s\n%s", exc_type.__name__, where, trace)


def _log_then(previous):
    def hook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            log_unhandled(exc_type, exc, tb)
        previous(exc_type, exc, tb)

    hook._frontdesk_logs = True  # type: ignore[attr-defined]
    return hook


def _log_thread_then(previous):
    def hook(args):
        if args.exc_type is not SystemExit:
            log_unhandled(args.exc_type, args.exc_value, args.exc_traceback,
                          thread_name=getattr(args.thread, "name", None))
        previous(args)

    hook._frontdesk_logs = True  # type: ignore[attr-defined]
    return hook
