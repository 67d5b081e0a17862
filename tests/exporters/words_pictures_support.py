"""A Words and Pictures story for the tests of its PDF, its wall view and its command line: four panels for the demo's
Lily, whose words name the family in full (so that masking shows), one with a small image kept in the store, two with
drawings whose figures stand for network people, one in words alone with accents, Greek and Cyrillic.
"""

from __future__ import annotations

import struct
import zlib

from sos_desktop.models.drawing import Colour, Drawing, Shape, ShapeKind
from sos_desktop.models.network import Network
from sos_desktop.models.words_pictures import Panel, PanelImage, PanelTells, Story, StoryState
from sos_desktop.models.words_pictures_images import PNG
from sos_desktop.store.store import Store

TITLE = "Why Sam visits Lily Example"
WORDS = (
    "Pat Example and Jordan Example love Lily Example very much.",
    "Nan’s garden is a safe place to play.",
    "Zoë’s café — «ça va?» Ελένη, Дмитрий & <b>friends</b>",
    "Mum, Dad and Nan are making a plan.\nSam will come every week.",
)
CAPTION = "Pat Example's garden with the swing"
FULL_NAMES = ("Lily Example", "Jordan Example", "Chris Sample", "Pat Example")


def tiny_png(width: int = 48, height: int = 32) -> bytes:
    """A red and green PNG: enough to be an image a reader can decode."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + (b"\xc0\x30\x20" if y < height // 2 else b"\x30\xa0\x40") * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def person_id(network: Network, display_name: str) -> int:
    return next(p.id for p in network.people if p.display_name == display_name and p.id is not None)


def made_story(network: Network, picture: int) -> Story:
    def figure(who: str, x: float, colour: Colour) -> Shape:
        return Shape(ShapeKind.STICK_FIGURE, x, 0.3, 0.16, 0.32, colour, label=who, person=person_id(network, who))

    family = Drawing(
        [
            figure("Nan", 0.08, Colour.ORANGE),
            figure("Mum", 0.42, Colour.PURPLE),
            figure("L", 0.74, Colour.GREEN),
            Shape(ShapeKind.HEART, 0.42, 0.76, 0.14, 0.13, Colour.RED),
            Shape(ShapeKind.TEXT, 0.1, 0.06, 0.8, 0.1, Colour.BLUE, label="Our family"),
        ]
    )
    plan = Drawing(
        [
            Shape(ShapeKind.HOUSE, 0.55, 0.3, 0.36, 0.4, Colour.BROWN),
            Shape(ShapeKind.ARROW, 0.3, 0.5, 0.2, 0.0, Colour.BLACK),
            figure("Dad", 0.08, Colour.BLUE),
            Shape(ShapeKind.CIRCLE, 0.05, 0.05, 0.14, 0.14, Colour.ORANGE),
            Shape(ShapeKind.RECTANGLE, 0.6, 0.75, 0.3, 0.15, Colour.GREEN),
            Shape(ShapeKind.LINE, 0.1, 0.92, 0.8, 0.0, Colour.BLACK),
        ]
    )
    return Story(
        child=person_id(network, "L"),
        title=TITLE,
        state=StoryState.SHARED_WITH_PARENTS,
        panels=[
            Panel(WORDS[0], PanelTells.GOING_WELL, drawing=family),
            Panel(WORDS[1], PanelTells.GOING_WELL, image=PanelImage(picture, CAPTION)),
            Panel(WORDS[2], PanelTells.OTHER),
            Panel(WORDS[3], PanelTells.NEXT, drawing=plan),
        ],
    )


def give_story(store: Store, meeting_id: int) -> Story:
    """Save the test story as the meeting's only one (its image kept for the case); return it."""
    bundle = store.load_bundle(meeting_id)
    assert bundle.case.id is not None
    picture = store.add_picture(bundle.case.id, tiny_png(), PNG)
    story = made_story(bundle.network, picture)
    store.set_words_pictures(meeting_id, [story])
    return story
