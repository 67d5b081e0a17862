"""The demo follow-up's Words and Pictures story for Lily: six panels (the worries, what is going well, what happens
next), most with drawings whose stick figures stand for the family's network people, one with a small picture of
Nan's house made here (a valid PNG written with zlib and struct, so the demo needs no file). Shared with the parents.

The image is named by a provisional picture id (:data:`DEMO_PICTURE_ID`); the store keeps :func:`demo_pictures`
for the case and gives the story its id when the demo is saved.
"""

from __future__ import annotations

import struct
import zlib
from datetime import date

from sos_desktop.models.drawing import Colour, Drawing, Shape, ShapeKind
from sos_desktop.models.network import Network
from sos_desktop.models.words_pictures import Panel, PanelImage, PanelTells, Story, StoryState
from sos_desktop.models.words_pictures_images import PNG, Picture

DEMO_PICTURE_ID = -1
SHARED_WITH_PARENTS_ON = date(2026, 12, 10)

_SKY, _SUN, _GRASS = (135, 200, 240), (255, 205, 40), (90, 170, 70)
_WALL, _ROOF, _DOOR, _WINDOW = (235, 220, 190), (190, 60, 45), (110, 70, 40), (255, 255, 255)


def png(width: int, height: int, pixel: object) -> bytes:
    """A PNG image (8-bit RGB) whose colour at each ``x``, ``y`` is ``pixel(x, y)``: pure Python, for the demo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width))  # type: ignore[operator]
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def _nan_s_house(x: int, y: int) -> tuple[int, int, int]:
    """Nan's house in the sun, on 160 x 120 pixels."""
    if (x - 132) ** 2 + (y - 22) ** 2 <= 14**2:
        return _SUN
    if 50 <= x <= 110 and 40 <= y <= 62 and abs(x - 80) <= (y - 40) * 30 / 22 + 1:
        return _ROOF
    if 54 <= x <= 106 and 62 < y <= 100:
        if 74 <= x <= 86 and y >= 78:
            return _DOOR
        if (59 <= x <= 69 or 91 <= x <= 101) and 68 <= y <= 78:
            return _WINDOW
        return _WALL
    return _GRASS if y > 92 else _SKY


def demo_png() -> bytes:
    return png(160, 120, _nan_s_house)


def demo_pictures() -> dict[int, Picture]:
    return {DEMO_PICTURE_ID: Picture(PNG, demo_png())}


def _person(network: Network, display_name: str) -> int | None:
    return next((p.id for p in network.people if p.display_name == display_name), None)


def _figure(network: Network, who: str, x: float, y: float, colour: Colour, small: bool = False) -> Shape:
    width, height = (0.11, 0.22) if small else (0.15, 0.32)
    return Shape(ShapeKind.STICK_FIGURE, x, y, width, height, colour, label=who, person=_person(network, who))


def _somebody(label: str, x: float, y: float, colour: Colour) -> Shape:
    return Shape(ShapeKind.STICK_FIGURE, x, y, 0.15, 0.32, colour, label=label)


def follow_up_story(network: Network) -> Story:
    """Lily's story (her network person: display name "L"), as the follow-up holds it."""
    lily = _person(network, "L")
    arguing = Drawing(
        [
            _figure(network, "Mum", 0.12, 0.25, Colour.PURPLE),
            _figure(network, "Dad", 0.7, 0.25, Colour.BLUE),
            Shape(ShapeKind.ARROW, 0.3, 0.31, 0.18, 0.0, Colour.RED),
            Shape(ShapeKind.ARROW, 0.68, 0.4, -0.18, 0.0, Colour.RED),
            Shape(ShapeKind.TEXT, 0.3, 0.12, 0.4, 0.09, Colour.RED, label="Shouting"),
            _figure(network, "L", 0.45, 0.62, Colour.GREEN, small=True),
        ]
    )
    worried = Drawing(
        [
            Shape(ShapeKind.HOUSE, 0.6, 0.3, 0.36, 0.4, Colour.BROWN),
            _somebody("Social worker", 0.1, 0.28, Colour.BLACK),
            _figure(network, "Nan", 0.38, 0.28, Colour.ORANGE),
            Shape(ShapeKind.TEXT, 0.05, 0.08, 0.6, 0.09, Colour.BLACK, label="We are worried"),
        ]
    )
    nursery = Drawing(
        [
            Shape(ShapeKind.RECTANGLE, 0.5, 0.3, 0.42, 0.38, Colour.BLUE),
            Shape(ShapeKind.TEXT, 0.52, 0.4, 0.38, 0.1, Colour.BLUE, label="Nursery"),
            _figure(network, "L", 0.18, 0.42, Colour.GREEN, small=True),
            Shape(ShapeKind.CIRCLE, 0.06, 0.05, 0.16, 0.16, Colour.ORANGE),
            Shape(ShapeKind.HEART, 0.33, 0.3, 0.12, 0.11, Colour.RED),
        ]
    )
    listened = Drawing(
        [
            Shape(ShapeKind.HOUSE, 0.02, 0.25, 0.36, 0.42, Colour.BROWN),
            _figure(network, "Dad", 0.42, 0.28, Colour.BLUE),
            _somebody("Social worker", 0.68, 0.28, Colour.BLACK),
            Shape(ShapeKind.TEXT, 0.45, 0.08, 0.5, 0.09, Colour.GREEN, label="Listening"),
        ]
    )
    plan = Drawing(
        [
            _figure(network, "Mum", 0.05, 0.3, Colour.PURPLE),
            _figure(network, "Dad", 0.24, 0.3, Colour.BLUE),
            _figure(network, "Nan", 0.43, 0.3, Colour.ORANGE),
            Shape(ShapeKind.ARROW, 0.6, 0.46, 0.14, 0.0, Colour.BLACK),
            Shape(ShapeKind.HOUSE, 0.76, 0.3, 0.2, 0.24, Colour.BROWN),
            Shape(ShapeKind.HEART, 0.8, 0.62, 0.12, 0.11, Colour.RED),
            Shape(ShapeKind.TEXT, 0.05, 0.08, 0.9, 0.09, Colour.GREEN, label="Our safety plan"),
        ]
    )
    panels = [
        Panel(
            "Mum and Dad both love Lily. Sometimes they argue and shout. In September Dad pushed Mum, "
            "and Lily was in the room. She was very scared.",
            PanelTells.WORRY,
            drawing=arguing,
        ),
        Panel(
            "Sam is Lily's social worker. Sam's job is to help grown-ups keep children safe. "
            "Sam and Nan are worried that Lily could get hurt if the fighting happens again.",
            PanelTells.WORRY,
            drawing=worried,
        ),
        Panel(
            "Lily goes to nursery every day. The nursery say she is happy there, and she plays with her friends.",
            PanelTells.GOING_WELL,
            drawing=nursery,
        ),
        Panel(
            "After the argument, Mum took Lily to Nan's house straight away. Nan's house is a safe place.",
            PanelTells.GOING_WELL,
            image=PanelImage(DEMO_PICTURE_ID, "Nan's house in the sun, with its red roof and garden"),
        ),
        Panel(
            "Dad came to a home visit. He listened to the worries and wants to help.",
            PanelTells.GOING_WELL,
            drawing=listened,
        ),
        Panel(
            "Mum, Dad and Nan are making a safety plan so that Lily is always safe. "
            "Sam will come every week to see how everyone is doing.",
            PanelTells.NEXT,
            drawing=plan,
        ),
    ]
    return Story(
        child=lily,
        title="Why Sam comes to see Lily",
        state=StoryState.SHARED_WITH_PARENTS,
        panels=panels,
        shared_with_parents_on=SHARED_WITH_PARENTS_ON,
    )
