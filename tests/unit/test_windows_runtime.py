"""Windows, by construction: no POSIX-only call on a runtime path, and the Windows branches run.

Nothing here runs Windows. The Windows branches are chosen by module flags
(files.POSIX_MODES) or by a missing module (fcntl), which the tests set; a
static scan keeps POSIX-only calls out of frontdesk/ except behind such a guard.
"""

from __future__ import annotations

import ast
import logging
import os
import sys
from pathlib import Path

import pytest

from frontdesk import files
from frontdesk.admin import backup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def windows_files(monkeypatch):
    """files.py as on Windows: modes are not applied, and os.chmod must not be reached."""
    monkeypatch.setattr(files, "POSIX_MODES", False)
    monkeypatch.setattr(files, "_said_windows", False)

    def no_chmod(*_args, **_kwargs):
        raise AssertionError("os.chmod called on the Windows branch")

    monkeypatch.setattr(os, "chmod", no_chmod)


def test_windows_writes_without_modes_and_says_so_once(windows_files, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="frontdesk.files")
    old = tmp_path / "张三-report.csv"
    old.write_bytes(b"old")
    files.write_atomic(b"phones", tmp_path / "张三-report.csv", private=True)
    files.write_atomic(b"slip", tmp_path / "slip.pdf")
    files.write_atomic(b"slip again", tmp_path / "slip.pdf")
    made = files.create_private(tmp_path / "copy.sqlite3")
    assert old.read_bytes() == b"phones" and made.exists()
    assert (tmp_path / "slip.pdf").read_bytes() == b"slip again"
    said = [r for r in caplog.records if r.name == "frontdesk.files"]
    assert len(said) == 1 and said[0].levelno == logging.INFO
    assert "Windows" in said[0].getMessage() and "access rules" in said[0].getMessage()
    assert "张三" not in said[0].getMessage() and str(tmp_path) not in said[0].getMessage()


def test_set_mode_reports_what_it_did(tmp_path, monkeypatch):
    target = tmp_path / "f"
    target.write_bytes(b"")
    assert files.set_mode(target, 0o600) is (os.name != "nt")
    monkeypatch.setattr(files, "POSIX_MODES", False)
    monkeypatch.setattr(files, "_said_windows", True)
    assert files.set_mode(target, 0o644) is False


def test_posix_modes_follow_os_name():
    assert files.POSIX_MODES is (os.name != "nt")


def test_without_fcntl_the_lock_probe_leaves_it_to_sqlite(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
    db = tmp_path / "x.sqlite3"
    db.write_bytes(b"")
    assert backup._locked_by_another_process(db) is False
    backup.ensure_not_in_use(db)  # nobody has it open: no error


def test_restore_over_damaged_on_windows(rules_db, tmp_path, monkeypatch, windows_files):
    monkeypatch.setitem(sys.modules, "fcntl", None)
    good = backup.make_backup(tmp_path).path
    live = tmp_path / "live" / "frontdesk.sqlite3"
    live.parent.mkdir()
    live.write_bytes(b"garbage that is not a database" * 100)
    result = backup.restore_over_damaged(good, live)
    assert backup.verify(live) == []
    assert result.kept_aside.read_bytes().startswith(b"garbage")


# --- the static rule ----------------------------------------------------------------------

POSIX_ONLY_MODULES = {"pwd", "grp", "fcntl", "termios", "tty", "pty", "resource", "posix",
                      "syslog", "crypt"}
POSIX_ONLY_OS = {"chmod", "fchmod", "lchmod", "chown", "fchown", "lchown", "getuid", "geteuid",
                 "getgid", "getegid", "setuid", "setgid", "fork", "setsid", "killpg", "getpgid",
                 "setpgid", "O_NOFOLLOW", "O_NONBLOCK", "mkfifo", "statvfs", "uname", "sync",
                 "getloadavg", "sched_getaffinity", "WNOHANG"}
POSIX_ONLY_SIGNAL = {"SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD",
                     "SIGPIPE", "alarm", "pause", "setitimer"}
# The guarded places: a function that checks the platform before the call.
ALLOWED = {("frontdesk/files.py", "chmod")}


def _guarded_by_import_error(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                for h in node.handlers):
            return True
    return False


def _posix_only_uses(rel: str, source: str) -> list[str]:
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module.split(".")[0]]
            if node.module == "os":
                names += [a.name for a in node.names if a.name in POSIX_ONLY_OS]
        for name in names:
            if name in POSIX_ONLY_MODULES | POSIX_ONLY_OS and not _guarded_by_import_error(
                    node, parents):
                found.append(f"{rel}:{node.lineno}: import {name}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module, attr = node.value.id, node.attr
            if (module == "os" and attr in POSIX_ONLY_OS) or (
                    module == "signal" and attr in POSIX_ONLY_SIGNAL):
                if (rel, attr) not in ALLOWED:
                    found.append(f"{rel}:{node.lineno}: {module}.{attr}")
    return sorted(found, key=lambda use: int(use.split(":")[1]))


def test_no_posix_only_call_in_frontdesk():
    found = [use for path in sorted((ROOT / "frontdesk").rglob("*.py"))
             for use in _posix_only_uses(path.relative_to(ROOT).as_posix(),
                                         path.read_text(encoding="utf-8"))]
    assert not found, ("POSIX-only calls (Windows has none): guard them like files.set_mode, "
                       f"or import inside try/except ImportError like backup's fcntl: {found}")


def test_the_scan_finds_what_it_looks_for():
    text = ("import os, signal\nimport pwd\nos.chmod('x', 0o600)\nos.getuid()\n"
            "signal.SIGKILL\ntry:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n")
    uses = _posix_only_uses("frontdesk/sample.py", text)
    assert [u.split(": ", 1)[1] for u in uses] == [
        "import pwd", "os.chmod", "os.getuid", "signal.SIGKILL"]
    assert _posix_only_uses("frontdesk/files.py", "import os\nos.chmod('x', 0o600)\n") == []
