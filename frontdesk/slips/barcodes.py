"""Barcodes and QR codes, drawn as flat tuples of filled rectangles.

Code128 goes through ONE thin wrapper over reportlab's createBarcodeDrawing. The
QR code takes its modules straight from reportlab's QR encoder
(``reportlab.graphics.barcode.qrencoder``, the one QrCodeWidget uses) and lays
them out exactly as QrCodeWidget inside createBarcodeDrawing would: importing
anything under ``reportlab.graphics.barcode`` first imports every barcode widget
reportlab has, and platypus through them (about 45 ms of the session's first
slip, issue 20), while the encoder module itself needs only ``re``.

Encoding a QR code is the most expensive part of a slip (reportlab searches
eight mask patterns), so the rectangles are cached by value and size; a preview
followed by a print, or a reprint, costs nothing extra.
"""

from __future__ import annotations

import itertools
import sys
import threading
from functools import lru_cache

Rects = tuple[tuple[float, float, float, float], ...]


@lru_cache(maxsize=256)
def barcode_drawing(kind: str, value: str, width: float, height: float, **options):
    """The project's only call of ``createBarcodeDrawing`` (sizes in points).

    `kind` is a reportlab barcode name such as ``"QR"`` or ``"Code128"``. The
    returned Drawing is cached and shared: do not modify it.
    """
    from reportlab.graphics.barcode import createBarcodeDrawing

    return createBarcodeDrawing(kind, value=value, width=width, height=height, **options)


@lru_cache(maxsize=256)
def barcode_rects(kind: str, value: str, width: float, height: float, **options) -> Rects:
    """The dark areas of :func:`barcode_drawing` as ``(x, y, w, h)`` in points.

    Coordinates are relative to the drawing's lower-left corner. Drawing these
    as one filled path is much faster than walking the shape tree per slip.
    """
    from reportlab.graphics.shapes import Group, Rect

    drawing = barcode_drawing(kind, value, width, height, **options)
    out: list[tuple[float, float, float, float]] = []

    def walk(node, m):
        if isinstance(node, Group) or hasattr(node, "contents"):
            t = getattr(node, "transform", (1, 0, 0, 1, 0, 0))
            m2 = _mul(m, t)
            for child in node.getContents():
                walk(child, m2)
            return
        if hasattr(node, "provideNode"):  # a widget: expand it once
            walk(node.provideNode(), m)
            return
        if isinstance(node, Rect) and node.fillColor is not None and node.width and node.height:
            a, b, c, d, e, f = m
            if b or c:  # rotation is never used by our barcodes
                raise ValueError("rotated barcode shapes are not supported")
            x0, y0 = a * node.x + e, d * node.y + f
            x1, y1 = a * (node.x + node.width) + e, d * (node.y + node.height) + f
            out.append((min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))

    walk(drawing, (1, 0, 0, 1, 0, 0))
    return tuple(out)


def _mul(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


@lru_cache(maxsize=256)
def _path_ops(rects: Rects) -> str:
    """PDF operators filling `rects` as one path (formatted once, then cached)."""
    ops = [f"{rx:.3f} {ry:.3f} {rw:.3f} {rh:.3f} re" for rx, ry, rw, rh in rects]
    ops.append("f")
    return "\n".join(ops)


def draw_rects(canvas, rects: Rects, x: float, y: float) -> None:
    """Fill all `rects` (offset by x, y) as a single path on a reportlab canvas.

    The operators are cached per barcode, so a reprint costs no float formatting.
    """
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.translate(x, y)
    canvas.addLiteral(_path_ops(rects))
    canvas.restoreState()


QR_LEVEL = "M"  # error correction: 15 % of the symbol may be smudged
QR_BORDER = 2  # quiet zone, in modules
_QRENCODER = "reportlab.graphics.barcode.qrencoder"
_qr_lock = threading.Lock()
_qrencoder_module = None


def _load_qrencoder_alone():
    """reportlab's ``qrencoder`` module, executed from reportlab's own file (or frozen
    bundle) found by the import system's path finder, without its package's ``__init__``;
    kept private to this module (not in ``sys.modules``)."""
    import importlib.machinery
    import importlib.util
    import os

    import reportlab.graphics  # its __init__ imports nothing

    path = [os.path.join(p, "barcode") for p in reportlab.graphics.__path__]
    spec = importlib.machinery.PathFinder.find_spec(_QRENCODER, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _qrencoder():
    """reportlab's QR encoder module, without the ``reportlab.graphics.barcode`` package.

    The package's ``__init__`` imports every barcode widget (and platypus through
    them); the encoder module imports only the standard library. If loading it
    alone ever fails, the ordinary import serves: slower, never different.
    """
    global _qrencoder_module
    if _qrencoder_module is not None:
        return _qrencoder_module
    with _qr_lock:
        if _qrencoder_module is None:
            module = sys.modules.get(_QRENCODER)
            if module is None:
                try:
                    module = _load_qrencoder_alone()
                except Exception:  # noqa: BLE001 - the package import below always works
                    from reportlab.graphics.barcode import qrencoder as module
            _qrencoder_module = module
    return _qrencoder_module


@lru_cache(maxsize=256)
def qr_modules(payload: str, level: str = QR_LEVEL) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the QR code reportlab encodes for `payload`,
    row by row from the top (version chosen by reportlab, as QrCodeWidget does)."""
    enc = _qrencoder()
    qr = enc.QRCode(None, getattr(enc.QRErrorCorrectLevel, level))
    qr.addData(payload)
    qr.make()
    return tuple(tuple(map(bool, row)) for row in qr.modules)


@lru_cache(maxsize=256)
def qr_rects(payload: str, size: float) -> Rects:
    """A square QR code (with its quiet zone) of `size` points carrying `payload`.

    The same rectangles, to the last bit, as :func:`barcode_rects` of
    ``createBarcodeDrawing("QR", barLevel="M", barBorder=2)`` (a test compares
    them): QrCodeWidget draws each run of dark modules in a row as one rectangle
    of its 32 mm square, and the drawing scales that square to `size`.
    """
    from reportlab.lib.units import mm

    modules = qr_modules(payload, QR_LEVEL)
    border = QR_BORDER
    width = height = 32 * mm  # QrCodeWidget's own size; the drawing scales it to `size`
    minwh = float(min(width, height))
    box = minwh / (len(modules) + border * 2.0)
    # the widget's bounds are its background square: (0, 0, width, height)
    sx, sy = size / float(width), size / float(height)
    out: list[tuple[float, float, float, float]] = []
    # The float operations of QrCodeWidget.draw, then of barcode_rects under the drawing's
    # transform (sx, 0, 0, sy, 0.0, 0.0), in their order: the bits agree.
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                x = 0.0 + (c + border) * box
                y = 0.0 + height - (r + border + 1) * box
                x0, y0 = sx * x + 0.0, sy * y + 0.0
                x1, y1 = sx * (x + count * box) + 0.0, sy * (y + box) + 0.0
                out.append((min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))
            c += count
    return tuple(out)


def code128_rects(value: str, width: float, height: float) -> Rects:
    return barcode_rects("Code128", value, width, height, humanReadable=False, quiet=False)


def code128_natural_width(value: str, bar_width: float) -> float:
    """Width in points of a Code128 symbol with narrow bars of `bar_width` points."""
    d = barcode_drawing("Code128", value, None, None, barWidth=bar_width,
                        humanReadable=False, quiet=False)
    return float(d.width)
