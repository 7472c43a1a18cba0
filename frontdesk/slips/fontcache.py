"""The slip font's parsed tables, kept on disk between sessions (issue 20).

reportlab reads a TrueType font's character map, advance widths, horizontal
metrics and glyph locations in Python, value by value, every time a process
registers the font: about 55 ms of the session's first slip for the bundled
5 MB WenQuanYi collection (34,600 characters, 49,500 glyphs). Those tables
depend only on the font file and on reportlab, so once reportlab has parsed
them they are written to the cache folder as flat arrays of numbers (no pickle:
nothing in the file is ever executed) and read back by the next session in a
few milliseconds. reportlab itself still opens the font file and reads its
small tables (names, head, OS/2, post, hhea, maxp: ``charInfo=0``) and keeps
the whole file for subsetting, as it does without the cache; the PDF is the
same byte for byte.

The character map and the widths (what every line of text looks up) are built
at once; the glyph locations and metrics (used when the PDF embeds its glyph
subset) and the glyph-to-character map (used only to shape text with
uharfbuzz) when first used.

The cache is a shortcut and nothing more. It is used only when it was written
for this font file (path, size, modification time, and the table directory with
every table's checksum), this reportlab version and the same layout of
reportlab's font objects; a cache file that is missing, stale, truncated or
corrupt is ignored and written again, and a cache folder that cannot be written
leaves every slip as it was (only not faster).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import struct
import sys
import tempfile
import zlib
from array import array
from contextlib import contextmanager
from functools import cached_property
from itertools import chain, groupby
from pathlib import Path

from frontdesk.paths import cache_dir

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the file layout or what is stored changes
MAGIC = b"FDFONTCACHE\n"
_HEADER_LEN = struct.Struct("<I")
# The face's tables made on first use (subsetting, shaping), not when the font is loaded.
LAZY = ("glyphToChar", "hmetrics", "glyphPos")
_COLUMNS = "_cached_columns"
_TYPECODES = ("H", "I", "q", "d")  # what _typed writes


def cache_file(font_path: Path, subfont_index: int) -> Path:
    # The folder's path in the name too: two installs sharing one user cache (an old and a
    # new version side by side) would otherwise rewrite each other's file every session.
    where = zlib.crc32(os.fsencode(os.path.abspath(font_path)))
    return cache_dir() / "fonts" / f"{font_path.name}-{subfont_index}-{where:08x}.tables"


STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a writer that died


def _remove_stale_temps(where: Path) -> None:
    """Temporary files of `where` that a crashed writer left (a live writer's is young)."""
    cutoff = os.stat(where).st_mtime - STALE_TEMP_SECONDS
    for tmp in where.parent.glob(where.name + "*.tmp"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
        except OSError:
            pass  # another process removed or replaced it: nothing to do


def load_font(name: str, font_path: Path, subfont_index: int = 0):
    """reportlab's ``TTFont(name, font_path, subfontIndex=…)``: its big tables from the
    cache when the cache is good for this font file, else parsed by reportlab and cached.

    Raises what ``TTFont`` raises for a font it cannot read (OSError, TTFError).
    """
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        st = os.stat(font_path)
    except OSError:
        # No cache for a font that cannot be opened: reportlab raises and words the error
        # (the print-font message the desk shows) as it did before the cache.
        return TTFont(name, str(font_path), subfontIndex=subfont_index)
    where = cache_file(font_path, subfont_index)
    try:
        font = _cached_font(name, font_path, subfont_index, st, where)
    except Exception as exc:  # noqa: BLE001 - a bad cache never costs a slip
        log.info("font cache %s not used: %s", where, exc)
        font = None
    if font is not None:
        return font
    font = TTFont(name, str(font_path), subfontIndex=subfont_index)
    try:
        _write(where, font, _key(font_path, subfont_index, st))
    except Exception as exc:  # noqa: BLE001 - an unwritable cache never costs a slip
        log.info("font cache %s not written: %s", where, exc)
    return font


def _key(font_path: Path, subfont_index: int, st: os.stat_result) -> dict:
    import reportlab

    return {"format": FORMAT, "reportlab": reportlab.Version, "font": str(font_path),
            "size": st.st_size, "mtime_ns": st.st_mtime_ns, "subfont": subfont_index,
            "byteorder": sys.byteorder}


# --- reading -------------------------------------------------------------------------------


def _read(where: Path) -> tuple[dict, memoryview] | None:
    from frontdesk.files import is_special_file

    if is_special_file(where):  # a pipe would wait for a writer for ever: rebuilt instead
        raise ValueError("not a font cache file (a pipe or a device)")
    try:
        data = where.read_bytes()
    except FileNotFoundError:
        return None
    if not data.startswith(MAGIC):
        raise ValueError("not a font cache file")
    start = len(MAGIC) + _HEADER_LEN.size
    (n,) = _HEADER_LEN.unpack_from(data, len(MAGIC))
    header = json.loads(data[start:start + n].decode("utf-8"))
    payload = memoryview(data)[start + n:]
    if len(payload) != header["payload_size"] or zlib.crc32(payload) != header["crc32"]:
        raise ValueError("truncated or damaged")
    return header, payload


def _columns(header: dict, payload: memoryview) -> dict[str, tuple[array, list]]:
    out: dict[str, tuple[array, list]] = {}
    pos = 0
    for name, typecode, count, kinds in header["arrays"]:
        if typecode not in _TYPECODES or any(k not in ("i", "f") for _, k in kinds):
            raise ValueError(f"column {name} is not numbers")
        a = array(typecode)
        size = a.itemsize * count
        a.frombytes(payload[pos:pos + size])
        pos += size
        if len(a) != count or (kinds and sum(n for n, _ in kinds) != count):
            raise ValueError(f"column {name} is short")
        out[name] = (a, kinds)
    if pos != len(payload):
        raise ValueError("the columns do not fill the file")
    return out


def _values(column: tuple[array, list]) -> list:
    """A column as reportlab made it: a mixed column's whole numbers back to int."""
    a, kinds = column
    values = a.tolist()
    i = 0
    for n, kind in kinds:
        if kind == "i":
            values[i:i + n] = map(int, values[i:i + n])
        i += n
    return values


def _check_lengths(cols: dict[str, tuple[array, list]], num_glyphs: int) -> None:
    """The columns fit together and the font (so the tables made on first use, inside
    reportlab's subsetting, cannot fail)."""
    n = {name: len(a) for name, (a, _) in cols.items()}
    if (n["c2g_keys"] != n["c2g_values"] or n["cw_keys"] != n["cw_values"]
            or n["g2c_glyphs"] != n["g2c_counts"]
            or sum(cols["g2c_counts"][0]) != n["g2c_chars"]
            or not n["hm_advance"] == n["hm_lsb"] == num_glyphs
            or n["glyph_pos"] != num_glyphs + 1):
        raise ValueError("the columns do not fit the font")


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off while tens of thousands of small containers
    (pairs of numbers, one-character lists) are made: they hold no cycles, but their
    count alone set off a full collection of the desk's heap (~10 ms) in the first slip."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _face_class():
    from reportlab.pdfbase.ttfonts import TTFontFace

    class CachedFace(TTFontFace):
        """reportlab's face, its tables from the cache; the three that only subsetting
        and shaping use are made on first use, as reportlab would have made them."""

        @cached_property
        def glyphToChar(self) -> dict[int, list[int]]:
            cols = getattr(self, _COLUMNS)
            chars = _values(cols["g2c_chars"])
            out: dict[int, list[int]] = {}
            i = 0
            with _gc_paused():
                for glyph, n in zip(_values(cols["g2c_glyphs"]), _values(cols["g2c_counts"]),
                                    strict=True):
                    out[glyph] = chars[i:i + n]
                    i += n
            return out

        @cached_property
        def hmetrics(self) -> list[tuple]:
            cols = getattr(self, _COLUMNS)
            advance, lsb = _values(cols["hm_advance"]), _values(cols["hm_lsb"])
            with _gc_paused():
                return list(zip(advance, lsb, strict=True))

        @cached_property
        def glyphPos(self) -> list[int]:
            return _values(getattr(self, _COLUMNS)["glyph_pos"])

    return CachedFace


_CachedFace = None


def _cached_font(name: str, font_path: Path, subfont_index: int, st: os.stat_result,
                 where: Path):
    global _CachedFace
    found = _read(where)
    if found is None:
        return None
    header, payload = found
    if header.get("key") != _key(font_path, subfont_index, st):
        return None  # another font file, reportlab or format: parse and rewrite
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFile
    from reportlab.rl_config import ttfAsciiReadable, unShapedFontGlob

    if _CachedFace is None:
        _CachedFace = _face_class()
    # TTFontFace.__init__, with charInfo=0: reportlab reads the file and its small tables.
    face = _CachedFace.__new__(_CachedFace)
    pdfmetrics.TypeFace.__init__(face, None)
    TTFontFile.__init__(face, str(font_path), charInfo=0, validate=0,
                        subfontIndex=subfont_index)
    if face.table != header["table"]:
        return None  # same size and time, other tables: parse and rewrite
    cols = _columns(header, payload)
    _check_lengths(cols, face.numGlyphs)
    face.charToGlyph = dict(zip(_values(cols["c2g_keys"]), _values(cols["c2g_values"]),
                                strict=True))
    face.charWidths = dict(zip(_values(cols["cw_keys"]), _values(cols["cw_values"]),
                               strict=True))
    face.defaultWidth = header["default_width"]
    setattr(face, _COLUMNS, cols)
    # TTFont.__init__ around that face, with reportlab's defaults.
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in unShapedFontGlob)
    attrs = (set(vars(face)) - {_COLUMNS}) | set(LAZY)
    if sorted(attrs) != header["face_attrs"] or sorted(vars(font)) != header["font_attrs"]:
        return None  # reportlab's objects changed shape: parse and rewrite
    return font


# --- writing -------------------------------------------------------------------------------


def _typed(values: list) -> tuple[array, list[list]]:
    """A column of whole numbers in the narrowest array that holds them, of floats as
    doubles. A column that mixes the two (reportlab's hmetrics: the advances past
    numberOfHMetrics repeat the last one scaled to 1/1000 em) is stored as doubles with
    the runs of each kind, so every value comes back with the type reportlab gave it.
    Anything else is not cached."""
    try:
        whole = array("q", values)  # raises for a float (and for anything not a number)
    except (TypeError, OverflowError):
        pass
    else:
        if not all(map(int.__instancecheck__, values)):
            raise TypeError("font table holds values other than numbers")
        lo, hi = (min(values), max(values)) if values else (0, 0)
        for code in ("H", "I"):
            if lo >= 0 and hi < 1 << (8 * array(code).itemsize):
                return array(code, values), []
        return whole, []
    kinds = [[len(list(run)), t] for t, run in groupby(map(type, values))]
    if any(t not in (int, float) for _, t in kinds):
        raise TypeError("font table holds values other than numbers")
    column = array("d", values)
    kinds = [[n, "i" if t is int else "f"] for n, t in kinds]
    if all(k == "f" for _, k in kinds):
        kinds = []  # floats only
    if _values((column, kinds)) != values:
        raise ValueError("font table value not held exactly")
    return column, kinds


def _write(where: Path, font, key: dict) -> None:
    face = font.face
    if not isinstance(face.hmetrics, list) or not isinstance(face.glyphPos, list):
        raise TypeError("unexpected font table layout")
    if type(face.defaultWidth) not in (int, float):
        raise TypeError("unexpected default width")
    c2g, cw, g2c = face.charToGlyph, face.charWidths, face.glyphToChar
    # pairs, all of them (else zip or the unpacking raises)
    advance, lsb = zip(*face.hmetrics, strict=True) if face.hmetrics else ((), ())
    typed = {name: _typed(values) for name, values in {
        "c2g_keys": list(c2g), "c2g_values": list(c2g.values()),
        "cw_keys": list(cw), "cw_values": list(cw.values()),
        "g2c_glyphs": list(g2c), "g2c_counts": list(map(len, g2c.values())),
        "g2c_chars": list(chain.from_iterable(g2c.values())),
        "hm_advance": list(advance), "hm_lsb": list(lsb),
        "glyph_pos": list(face.glyphPos),
    }.items()}
    payload = b"".join(a.tobytes() for a, _ in typed.values())
    header = {
        "key": key,
        "table": face.table,
        "default_width": face.defaultWidth,
        "face_attrs": sorted(vars(face)),
        "font_attrs": sorted(vars(font)),
        "arrays": [[name, a.typecode, len(a), kinds] for name, (a, kinds) in typed.items()],
        "payload_size": len(payload),
        "crc32": zlib.crc32(payload),
    }
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    where.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=where.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + _HEADER_LEN.pack(len(head)) + head + payload)
        os.replace(tmp, where)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _remove_stale_temps(where)
