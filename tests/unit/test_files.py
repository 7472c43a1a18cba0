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
    assert "No space left" in err.value.message("en")
    assert list(tmp_path.iterdir()) == []
