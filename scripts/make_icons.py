"""Render SoS Desktop's application icon from its SVG into the PNG, ICO and ICNS files the app and bundles use.

Run it after changing ``sos_desktop/resources/icons/sos-desktop.svg`` and commit what it writes::

    .venv/bin/python scripts/make_icons.py

It writes, next to the SVG, ``sos-desktop-N.png`` for each size in :data:`PNG_SIZES` (the window icon and the
Linux hicolor theme use them), and into ``packaging/icons/`` a Windows ``sos-desktop.ico`` and a macOS
``sos-desktop.icns`` for the PyInstaller spec. Both containers hold PNG images, which Windows Vista onwards and
macOS 10.7 onwards read, so no platform tool (iconutil, ImageMagick) is needed. Rendering uses Qt's SVG renderer
on the offscreen platform, so it runs on a machine without a screen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "sos_desktop" / "resources" / "icons"
SVG = ICON_DIR / "sos-desktop.svg"
PACKAGING_ICONS = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
"""ICNS element types that hold a PNG, by pixel size (Apple's icns format)."""


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file holding the given PNG images (ICONDIR, one ICONDIRENTRY each, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file holding the given PNG images, each as an element of its size's type."""
    elements = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: {SVG} is not an SVG Qt can draw", file=sys.stderr)
        return 1
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        target = ICON_DIR / f"sos-desktop-{size}.png"
        target.write_bytes(pngs[size])
        print(f"wrote {target.relative_to(ROOT)}")
    PACKAGING_ICONS.mkdir(parents=True, exist_ok=True)
    for name, data in (
        ("sos-desktop.ico", ico({size: pngs[size] for size in ICO_SIZES})),
        ("sos-desktop.icns", icns({size: pngs[size] for size in ICNS_TYPES})),
    ):
        (PACKAGING_ICONS / name).write_bytes(data)
        print(f"wrote {(PACKAGING_ICONS / name).relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
