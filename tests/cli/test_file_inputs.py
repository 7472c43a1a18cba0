"""Subcommands that read a file a person names: every bad file is one sentence and exit 2.

Empty, binary garbage, GBK or UTF-8 with a BOM, a folder, a path that does not
exist, a symlink loop, a line of megabytes — never a traceback.
"""

from __future__ import annotations

import os

import pytest

from frontdesk import cli


def _files(tmp_path):
    (tmp_path / "empty.tsv").write_bytes(b"")
    (tmp_path / "garbage.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.tsv").write_bytes("caf\xe9\tNEU\tno\n".encode("latin-1") + b"\xff\xfe")
    (tmp_path / "folder").mkdir()
    os.symlink(tmp_path / "loop_b", tmp_path / "loop_a")
    os.symlink(tmp_path / "loop_a", tmp_path / "loop_b")
    (tmp_path / "huge.tsv").write_text("头" * 300_000 + "\tNEU\tno\n", encoding="utf-8")
    (tmp_path / "age.tsv").write_text("头痛\tNEU\tno\tM\tabc\n", encoding="utf-8")
    (tmp_path / "nan.tsv").write_text("头痛\tNEU\tno\tM\tnan\n", encoding="utf-8")
    (tmp_path / "sex.tsv").write_text("头痛\tNEU\tno\tQ\n", encoding="utf-8")
    (tmp_path / "comments.tsv").write_text("# only a comment\n\n", encoding="utf-8")


BAD = ["empty.tsv", "garbage.bin", "latin1.tsv", "folder", "loop_a", "missing.tsv", "huge.tsv",
       "age.tsv", "nan.tsv", "sex.tsv", "comments.tsv", "n" * 300]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("name", BAD)
def test_triage_eval_refuses_a_bad_file_in_one_sentence(tmp_path, capsys, name, lang):
    _files(tmp_path)
    code = cli.main(["--lang", lang, "triage-eval", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and err.startswith("frontdesk: ") and str(tmp_path) in err
    if lang == "en":
        assert err.isascii() or name == "huge.tsv"  # no Chinese in the English sentence


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_triage_eval_reads_a_bom_and_gbk(tmp_path, capsys, encoding):
    path = tmp_path / "cases.tsv"
    path.write_bytes("胸痛伴大汗\tEMR\tyes\tM\t60\n".encode(encoding))
    code = cli.main(["triage-eval", "--misses", str(path)])
    out = capsys.readouterr().out
    assert code in (0, 1) and "Traceback" not in out
    assert "1" in out  # one case read, not a refusal


@pytest.mark.parametrize("name", ["empty.tsv", "garbage.bin", "folder", "loop_a", "missing.tsv",
                                  "n" * 300])
def test_restore_refuses_a_bad_file_and_changes_nothing(tmp_path, capsys, name):
    _files(tmp_path)
    db = tmp_path / "live.sqlite3"
    assert cli.main(["--db", f"sqlite:///{db}", "init", "--hospital", "测试医院"]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    code = cli.main(["--db", f"sqlite:///{db}", "restore", "--yes", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and err.startswith("frontdesk: ")
    assert db.read_bytes() == before


def test_a_file_name_in_bytes_that_are_not_utf8_is_named_without_a_logging_error(tmp_path):
    """Linux hands such a name to Python as \\udcff: the message, the log line and the audit
    of a written report must all take it (the log and the audit raised before)."""
    import subprocess
    import sys

    env = {**os.environ, "FRONTDESK_DATA_DIR": str(tmp_path / "data")}
    db = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    folder = os.fsencode(tmp_path)
    runs = [[b"triage-eval", folder + b"/\xff\xfe.tsv"],
            [b"--db", db.encode(), b"init", b"--hospital", "测试医院".encode()],
            [b"--db", db.encode(), b"report", b"daily", b"--out", folder + b"/\xff.csv"]]
    codes = []
    for args in runs:
        done = subprocess.run([sys.executable, "-m", "frontdesk", *args], env=env,
                              capture_output=True, timeout=300)
        assert b"Traceback" not in done.stderr and b"Logging error" not in done.stderr, done.stderr
        codes.append(done.returncode)
    assert codes == [2, 0, 0]
    assert (tmp_path / os.fsdecode(b"\xff.csv")).exists()
