import os
import stat

import pytest

from frontdesk.errors import ValidationError
from frontdesk.files import write_atomic


@pytest.mark.permissions
def test_private_files_are_owner_only(tmp_path):
    path = write_atomic(b"phone numbers", tmp_path / "r.csv", private=True)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_bytes() == b"phone numbers"


@pytest.mark.permissions
def test_public_files_keep_the_mode_of_the_file_they_replace(tmp_path):
    target = tmp_path / "slip.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(b"new", target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert target.read_bytes() == b"new"


def test_failures_leave_nothing_behind(tmp_path, monkeypatch):
    with pytest.raises(ValidationError) as err:
        write_atomic(b"x", tmp_path / "missing" / "a.pdf")
    assert err.value.field == "out" and "does not exist" in err.value.message("en")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ValidationError) as err:
        write_atomic(b"x", tmp_path / "a.pdf")
    assert "the disk is full" in err.value.message("en")
    assert "磁盘已满" in err.value.message("zh_CN")  # not the system's English
    assert list(tmp_path.iterdir()) == []


# --- read_text: a file a person hands Frontdesk ---------------------------------------

from frontdesk.errors import ConfigError  # noqa: E402
from frontdesk.files import read_text  # noqa: E402


def test_read_text_drops_a_bom_and_reads_gbk_when_asked(tmp_path):
    (tmp_path / "bom.txt").write_bytes("头痛".encode("utf-8-sig"))
    (tmp_path / "gbk.txt").write_bytes("头痛三天".encode("gbk"))
    assert read_text(tmp_path / "bom.txt", "文件", "file") == "头痛"
    assert read_text(tmp_path / "gbk.txt", "文件", "file", gbk=True) == "头痛三天"
    with pytest.raises(ConfigError, match="UTF-8"):
        read_text(tmp_path / "gbk.txt", "文件", "file")


def test_read_text_names_every_unreadable_file(tmp_path):
    (tmp_path / "bin").write_bytes(b"abc\0def")
    (tmp_path / "big").write_bytes(b"x" * 101)
    (tmp_path / "dir").mkdir()
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    for name, words in [("bin", "not a text file"), ("big", "too big"), ("dir", "folder"),
                        ("a", "loop"), ("none", "does not exist"), ("x\0y", "")]:
        with pytest.raises(ConfigError) as err:
            read_text(tmp_path / name, "测试文件", "test file", max_bytes=100)
        assert words in err.value.message("en") and "test file" in err.value.message("en")
        assert "测试文件" in err.value.message("zh_CN")


@pytest.mark.parametrize("name", ["CON.pdf", "nul.csv", "Com1.xlsx", "lpt9.tar.gz", "aux", "PRN .pdf"])
def test_windows_device_names_are_refused_as_outputs(tmp_path, name):
    from frontdesk.files import check_output

    with pytest.raises(ValidationError) as err:
        check_output(tmp_path / name, "pdf")
    assert err.value.field == "out" and "device" in err.value.message("en")


@pytest.mark.parametrize("name", ["console.pdf", "con-report.pdf", "nullable.csv", "报表.pdf"])
def test_names_that_only_start_like_a_device_are_fine(tmp_path, name):
    from frontdesk.files import check_output

    assert check_output(tmp_path / name, "pdf").name == name


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    """A rules or evaluation file, or an output, that is a named pipe: opening it to read
    waited for a writer for ever (the command hung); now it is a sentence at once."""
    from frontdesk.files import check_output

    os.mkfifo(tmp_path / "pipe.tsv")
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(ConfigError) as err:
        read_text(tmp_path / "pipe.tsv", "测试文件", "test file")
    assert "not an ordinary file" in err.value.message("en")
    assert "不是普通文件" in err.value.message("zh_CN")
    for replace in (True, False):
        with pytest.raises(ValidationError) as out:
            check_output(tmp_path / "pipe.csv", "text", replace=replace)
        assert out.value.field == "out" and "not an ordinary file" in out.value.message("en")


def test_a_device_is_no_text_file_to_read():
    with pytest.raises(ConfigError) as err:
        read_text(os.devnull, "测试文件", "test file")
    assert "not an ordinary file" in err.value.message("en")


@pytest.mark.parametrize("exc,zh,en", [
    (FileNotFoundError(2, "No such file or directory"), "不存在", "no such file or folder"),
    (PermissionError(13, "Permission denied"), "没有权限", "permission denied"),
    (OSError(30, "Read-only file system"), "只读", "read-only"),
    (OSError(36, "File name too long"), "太长", "too long"),
    (ValueError("embedded null byte"), "NUL", "NUL"),
])
def test_system_reasons_are_said_in_the_users_language(exc, zh, en):
    """The system's strerror is English on every PC; it was put into the Chinese sentence
    as it was ('无法写入 …：No such file or directory'), and a backup showed Python's
    '[Errno 2] No such file or directory: …partial'."""
    from frontdesk.files import os_reason

    said_zh, said_en = os_reason(exc)
    assert zh in said_zh and en in said_en
    assert "Errno" not in said_zh + said_en and not any(c.isascii() and c.isalpha()
                                                        for c in said_zh.replace("NUL", ""))


@pytest.mark.parametrize("name", ["r\n.csv", "r\x1b[31m.csv", "r\t.pdf", "\u202etxt.csv",
                                  "r\u200b.xlsx", "a\x00b.pdf"])
def test_an_output_name_with_control_or_invisible_characters_is_refused(tmp_path, name):
    """'r\\n.csv', an ESC sequence or a right-to-left override ('\\u202etxt.csv' reads
    'vsc.txt') were written as they were, and the name echoed to the terminal."""
    with pytest.raises(ValidationError) as err:
        write_atomic(b"x", tmp_path / name)
    assert err.value.field == "out" and "control or invisible" in err.value.message("en")
    for lang in ("zh_CN", "en"):
        assert err.value.message(lang).isprintable()
    assert list(tmp_path.iterdir()) == []


def test_a_name_in_bytes_that_are_not_utf8_is_still_a_file_name(tmp_path):
    target = os.fsdecode(os.fsencode(str(tmp_path)) + b"/r\xff.csv")
    write_atomic(b"x", target)
    assert os.path.exists(target)


def test_read_text_does_not_allocate_its_limit_for_a_small_file(tmp_path):
    # read(n) allocates n bytes before reading: a 20 kB file read with the 64 MB limit
    # made a 64 MB peak at every start-up (the phrasebook).
    import tracemalloc

    small = tmp_path / "phrases.toml"
    small.write_text("[stages]\n" + "x = 1\n" * 3000, encoding="utf-8")
    tracemalloc.start()
    try:
        assert read_text(small, "话术文件", "phrases file").startswith("[stages]")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024


def test_read_text_still_refuses_a_file_over_the_limit_read_in_chunks(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (3 * 1024 * 1024 + 5))
    assert read_text(big, "文件", "file", max_bytes=3 * 1024 * 1024 + 5) == "a" * (3 * 1024 * 1024 + 5)
    with pytest.raises(ConfigError, match="too big|太大"):
        read_text(big, "文件", "file", max_bytes=3 * 1024 * 1024 + 4)
