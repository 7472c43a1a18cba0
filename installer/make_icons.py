"""Render resources/icons/frontdesk.svg into the raster icons the installers need.

frontdesk.png (256 px, Linux desktop entry and window icon fallback) and
frontdesk.ico (16-256 px, Windows executable, installer and shortcuts). Qt
draws the SVG (the same renderer the app uses), Pillow writes the
multi-size ICO. Run after editing the SVG and commit the results:

    .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size pixels on a transparent background, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def main() -> int:
    from PIL import Image

    svg = ICONS / "frontdesk.svg"
    png = render_png(svg, 256)
    (ICONS / "frontdesk.png").write_bytes(png)
    # Each ICO size rendered from the vector, not scaled down from 256 px: sharper small icons.
    images = [Image.open(io.BytesIO(render_png(svg, s))).convert("RGBA") for s in ICO_SIZES]
    images[-1].save(ICONS / "frontdesk.ico", format="ICO",
                    sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print(f"make_icons: wrote {ICONS / 'frontdesk.png'} and {ICONS / 'frontdesk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
