"""slips.fontcache: the slip font's parsed tables kept on disk (issue 20).

The cache must give reportlab exactly the font it would have parsed, and a
cache that is stale, damaged or cannot be written must never cost a slip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.paths import resource_path
from frontdesk.slips import fontcache
from frontdesk.slips.fonts import FONT_FILE, FONT_SUBFONT_INDEX

ROOT = Path(__file__).resolve().parents[3]
FONT = resource_path(*FONT_FILE)


def parsed(name: str = "Parsed", path: Path = FONT):
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(name, str(path), subfontIndex=FONT_SUBFONT_INDEX)


def load(path: Path = FONT, name: str = "Loaded"):
    return fontcache.load_font(name, path, FONT_SUBFONT_INDEX)


def is_cached(font) -> bool:
    return type(font.face).__name__ == "CachedFace"


def same_value(a, b) -> bool:
    """Equal, and of the same types all the way down (1000 is not 1000.0 here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def test_the_cached_font_is_the_font_reportlab_parses():
    first = load()
    assert not is_cached(first)  # nothing cached yet: parsed, then written
    assert fontcache.cache_file(FONT, FONT_SUBFONT_INDEX).is_file()
    cached = load()
    assert is_cached(cached)
    ref = parsed()
    face, ref_face = cached.face, ref.face
    for name in fontcache.LAZY:
        getattr(face, name)  # made on first use
    mine = {k: v for k, v in vars(face).items() if k != fontcache._COLUMNS}
    theirs = vars(ref_face)
    assert sorted(mine) == sorted(theirs)
    for key in theirs:
        if key in ("_pos", "_pdfScale"):  # the read position; a lambda
            continue
        assert same_value(mine[key], theirs[key]), key
    for x in (0, 1, 2048, 1234.5):
        assert face._pdfScale(x) == ref_face._pdfScale(x)
    assert sorted(vars(cached)) == sorted(vars(ref))
    assert cached._asciiReadable == ref._asciiReadable
    assert cached.shapable == ref.shapable
    assert type(cached.encoding) is type(ref.encoding)
    assert cached.stringWidth("王小明 内科 305", 9) == ref.stringWidth("王小明 内科 305", 9)


SLIP = """
import hashlib, sys
from frontdesk.slips import fonts, render_guide, render_billing
from frontdesk.slips.samples import sample_billing_slip, sample_guide_slip
from reportlab.pdfbase import pdfmetrics
fonts.ensure_font()
print(type(pdfmetrics.getFont(fonts.FONT_NAME).face).__name__)
sys.stdout.flush()
sys.stdout.buffer.write(render_guide(sample_guide_slip()) + b"%%SPLIT%%"
                        + render_billing(sample_billing_slip()))
"""


def slip_in_a_new_process(data_dir: Path) -> tuple[str, bytes, bytes]:
    out = subprocess.run([sys.executable, "-c", SLIP], cwd=ROOT, capture_output=True,
                         timeout=120, env=dict(os.environ, FRONTDESK_DATA_DIR=str(data_dir),
                                               PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr.decode()
    kind, rest = out.stdout.split(b"\n", 1)
    guide, billing = rest.split(b"%%SPLIT%%")
    return kind.decode(), guide, billing


def test_slips_from_the_cache_are_byte_for_byte_the_slips_without_it(tmp_path, pdf):
    """First session: parsed and cached; second: from the cache; the same PDFs, the
    Chinese still text (extracted by pdftotext) in the embedded font."""
    first = slip_in_a_new_process(tmp_path)
    second = slip_in_a_new_process(tmp_path)
    assert first[0] == "TTFontFace" and second[0] == "CachedFace"
    assert second[1:] == first[1:]
    text = re.sub(r"\s+", "", pdf.text(second[1]))
    for expected in ("仁济社区医院", "导诊单", "内-012", "内科", "出电梯左转，走廊尽头右手边",
                     "王*明", "祝您健康"):
        assert expected in text, expected
    assert "WenQuanYi" in pdf.tool("pdffonts", second[1])
    assert "挂号费" in re.sub(r"\s+", "", pdf.text(second[2]))


def damaged(data: bytes) -> list[bytes]:
    """A cache file spoilt in the ways a disk, a crash or a person spoils one."""
    header_end = data.index(b"}", data.index(b'"crc32"')) + 1
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    return [b"", b"garbage", data[: len(data) // 2], data[:header_end], bytes(flipped),
            data.replace(b'"default_width":', b'"default_width":"x",', 1),
            data.replace(b'"arrays":[["c2g_keys","', b'"arrays":[["c2g_keys","u', 1),
            b"\0" * len(data)]


def test_a_damaged_cache_is_parsed_again_and_rewritten():
    load()
    where = fontcache.cache_file(FONT, FONT_SUBFONT_INDEX)
    good = where.read_bytes()
    ref = parsed()
    for bad in damaged(good):
        where.write_bytes(bad)
        font = load()
        assert not is_cached(font)
        assert font.face.charToGlyph == ref.face.charToGlyph
        assert font.face.charWidths == ref.face.charWidths
        assert is_cached(load()), "the cache was written again"


def test_a_cache_for_another_font_file_or_reportlab_is_not_used(tmp_path):
    font_copy = tmp_path / "copy.ttc"
    shutil.copyfile(FONT, font_copy)
    load(font_copy)
    assert is_cached(load(font_copy))
    st = font_copy.stat()
    os.utime(font_copy, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # the font was replaced
    assert not is_cached(load(font_copy))
    assert is_cached(load(font_copy))

    where = fontcache.cache_file(font_copy, FONT_SUBFONT_INDEX)
    data = where.read_bytes()
    import reportlab

    version = json.dumps(reportlab.Version).encode()
    where.write_bytes(data.replace(b'"reportlab":' + version, b'"reportlab":"0.0"', 1))
    assert not is_cached(load(font_copy))
    # same size and time, but the font's table directory (with its checksums) differs
    data = where.read_bytes()
    where.write_bytes(data.replace(b'"checksum":', b'"checksum":1', 1))
    assert not is_cached(load(font_copy))
    assert is_cached(load(font_copy))


def test_an_unwritable_cache_folder_costs_no_slip(tmp_path, monkeypatch, pdf):
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / "cache").write_text("a file where the cache folder should be")
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(blocked))
    font = load()
    assert not is_cached(font)
    assert font.face.charToGlyph == parsed().face.charToGlyph
    kind, guide, _ = slip_in_a_new_process(blocked)
    assert kind == "TTFontFace"
    assert "仁济社区医院" in re.sub(r"\s+", "", pdf.text(guide))


@pytest.mark.parametrize("values, typecode", [
    ([0, 1, 65535], "H"), ([0, 0x10FFFF], "I"), ([-1, 5], "q"), ([1.5, 2.0], "d"), ([], "H"),
    ([2**63, 1], "d"),
])
def test_columns_keep_numbers_and_their_types(values, typecode):
    a, kinds = fontcache._typed(values)
    assert a.typecode == typecode
    assert same_value(fontcache._values((a, kinds)), values)


def test_a_mixed_column_comes_back_with_each_values_type():
    values = [1000, 1024, 500.0, 500.0, 7]
    a, kinds = fontcache._typed(values)
    assert same_value(fontcache._values((a, kinds)), values)
    with pytest.raises(TypeError):
        fontcache._typed([1, "2"])


def test_the_tables_made_on_first_use_leave_the_garbage_collector_as_it_was():
    import gc

    load()
    for enabled in (True, False):
        font = load()
        assert is_cached(font)
        (gc.enable if enabled else gc.disable)()
        try:
            assert len(font.face.hmetrics) == font.face.numGlyphs
            assert font.face.glyphToChar
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


def test_a_full_disk_leaves_no_partial_cache_file_and_costs_no_slip(monkeypatch):
    # The cache is written to a temporary file and renamed over the old one: a write that
    # fails (disk full) or a rename that fails (another desk's process holds the file on
    # Windows) leaves neither a half-written cache nor the temporary file behind.
    import errno

    where = fontcache.cache_file(FONT, FONT_SUBFONT_INDEX)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(fontcache.os, "replace", disk_full)
        font = load()
    assert not is_cached(font)
    assert font.stringWidth("王小明 内科", 9) == parsed().stringWidth("王小明 内科", 9)
    assert list(where.parent.iterdir()) == []
    load()
    assert is_cached(load())
    assert [p.name for p in where.parent.iterdir()] == [where.name]


def test_a_font_that_cannot_be_opened_fails_as_reportlab_words_it(tmp_path):
    # The print-font error the desk shows (slips.fonts.ensure_font) carries reportlab's
    # words, with or without the cache in between; and nothing is cached.
    from reportlab.pdfbase.ttfonts import TTFError

    missing = tmp_path / "moved-away.ttc"
    with pytest.raises(TTFError) as bare:
        parsed(path=missing)
    with pytest.raises(TTFError) as cached:
        load(missing)
    assert str(cached.value) == str(bare.value)
    assert not fontcache.cache_file(missing, FONT_SUBFONT_INDEX).exists()


def test_two_installs_sharing_one_cache_folder_keep_a_file_each(tmp_path):
    # Same font file name in two folders (an old and a new install side by side): two
    # cache files, so neither session rewrites the other's every time.
    import shutil

    copy = tmp_path / "other-install" / FONT.name
    copy.parent.mkdir()
    shutil.copy(FONT, copy)
    assert fontcache.cache_file(copy, FONT_SUBFONT_INDEX) != \
        fontcache.cache_file(FONT, FONT_SUBFONT_INDEX)
    assert is_cached(load()) is False and is_cached(load(copy)) is False
    assert is_cached(load()) and is_cached(load(copy))


def test_a_writer_that_died_leaves_its_temporary_file_only_until_the_next_write():
    import os

    where = fontcache.cache_file(FONT, FONT_SUBFONT_INDEX)
    where.parent.mkdir(parents=True, exist_ok=True)
    dead = where.parent / (where.name + "crashed.tmp")
    live = where.parent / (where.name + "writing.tmp")  # another process, writing now
    dead.write_bytes(b"half a cache")
    live.write_bytes(b"half a cache")
    old = dead.stat().st_mtime - 2 * fontcache.STALE_TEMP_SECONDS
    os.utime(dead, (old, old))
    load()
    assert where.is_file() and not dead.exists() and live.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_in_place_of_the_cache_is_not_waited_on():
    """A named pipe at the cache file's name: reading it waited for a writer for ever and
    the first slip never printed; now the font is parsed and the cache written over it."""
    load()
    where = fontcache.cache_file(FONT, FONT_SUBFONT_INDEX)
    where.unlink()
    os.mkfifo(where)
    font = load()
    assert not is_cached(font)
    assert where.is_file() and is_cached(load())
