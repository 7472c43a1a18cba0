from __future__ import annotations

import os
import stat

import pytest

from frontdesk.errors import ValidationError
from frontdesk.slips import render_guide, write_pdf


def test_write_pdf(guide, tmp_path):
    data = render_guide(guide)
    out = write_pdf(data, tmp_path / "g.pdf")
    assert out.read_bytes() == data
    assert os.listdir(tmp_path) == ["g.pdf"]
    write_pdf(b"%PDF-new", out)  # replaces
    assert out.read_bytes() == b"%PDF-new"


def test_missing_folder(tmp_path):
    with pytest.raises(ValidationError) as err:
        write_pdf(b"%PDF", tmp_path / "nope" / "g.pdf")
    assert "文件夹不存在" in err.value.zh and "does not exist" in err.value.en
    assert err.value.field == "out"
    assert not (tmp_path / "nope").exists()


def test_path_is_a_folder(tmp_path):
    with pytest.raises(ValidationError):
        write_pdf(b"%PDF", tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions and a non-root user")
@pytest.mark.permissions
def test_read_only_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ValidationError):
            write_pdf(b"%PDF", ro / "g.pdf")
        assert os.listdir(ro) == []
    finally:
        ro.chmod(stat.S_IRWXU)


def test_unwritable_folder_simulated(tmp_path, monkeypatch):
    """Root ignores permissions; simulate the OS refusing to create the file."""
    import tempfile

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ValidationError) as err:
        write_pdf(b"%PDF", tmp_path / "g.pdf")
    assert "permission denied" in err.value.en and "没有权限" in err.value.zh
    assert os.listdir(tmp_path) == []


def test_failure_mid_write_leaves_nothing(tmp_path, monkeypatch):
    (tmp_path / "old.pdf").write_bytes(b"%PDF-old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ValidationError) as err:
        write_pdf(b"%PDF-new", tmp_path / "old.pdf")
    assert "the disk is full" in err.value.en and "磁盘已满" in err.value.zh
    assert sorted(os.listdir(tmp_path)) == ["old.pdf"]
    assert (tmp_path / "old.pdf").read_bytes() == b"%PDF-old"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_slip_file_is_owner_only(tmp_path):
    # A slip names the patient and the record number: not for other users of the PC.
    old_umask = os.umask(0o022)
    try:
        out = write_pdf(b"%PDF name+record", tmp_path / "billing.pdf")
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        (tmp_path / "old.pdf").write_bytes(b"%PDF-old")
        (tmp_path / "old.pdf").chmod(0o644)
        replaced = write_pdf(b"%PDF-new", tmp_path / "old.pdf")  # an older public file too
        assert stat.S_IMODE(replaced.stat().st_mode) == 0o600
    finally:
        os.umask(old_umask)
