"""Barcodes and QR codes: ONE thin wrapper over reportlab's createBarcodeDrawing.

Making a QR drawing is the most expensive part of a slip (reportlab searches
eight mask patterns and builds one shape per run of modules), so the drawing is
reduced once to a flat tuple of filled rectangles and cached by value and
size; a preview followed by a print, or a reprint, costs nothing extra.
"""

from __future__ import annotations

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


def qr_rects(payload: str, size: float) -> Rects:
    """A square QR code (with its quiet zone) of `size` points carrying `payload`."""
    return barcode_rects("QR", payload, size, size, barLevel="M", barBorder=2)


def code128_rects(value: str, width: float, height: float) -> Rects:
    return barcode_rects("Code128", value, width, height, humanReadable=False, quiet=False)


def code128_natural_width(value: str, bar_width: float) -> float:
    """Width in points of a Code128 symbol with narrow bars of `bar_width` points."""
    d = barcode_drawing("Code128", value, None, None, barWidth=bar_width,
                        humanReadable=False, quiet=False)
    return float(d.width)
