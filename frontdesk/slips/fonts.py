"""The bundled CJK font, registered with reportlab once per process.

WenQuanYi Micro Hei is a TrueType collection (subfontIndex=0); reportlab embeds
a subset of the glyphs actually used, so the PDF reads the same on a machine
without Chinese fonts. reportlab's built-in CID fonts (STSong-Light) are never
used: they are not embedded. What reportlab parses of the font is kept on disk
between sessions (frontdesk.slips.fontcache), so a session's first slip does not
pay for parsing 5 MB of TrueType in Python.
"""

from __future__ import annotations

import threading

from frontdesk.errors import ConfigError
from frontdesk.paths import resource_path

FONT_NAME = "FrontdeskCJK"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_SUBFONT_INDEX = 0

_lock = threading.Lock()
_registered = False


def ensure_font() -> str:
    """Register the CJK font (first call only, thread-safe); return its reportlab name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if _registered:
            return FONT_NAME
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError

        from frontdesk.slips.fontcache import load_font

        path = resource_path(*FONT_FILE)
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            try:
                font = load_font(FONT_NAME, path, FONT_SUBFONT_INDEX)
            except (OSError, TTFError) as exc:
                raise ConfigError(
                    f"无法读取打印字体 {path}：{exc}",
                    f"Cannot read the print font {path}: {exc}",
                ) from exc
            pdfmetrics.registerFont(font)
        _registered = True
    return FONT_NAME


def has_glyph(char: str) -> bool:
    """True when the bundled font can draw `char` (else it would print as a box)."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(ensure_font()).face
    return ord(char) in face.charToGlyph
