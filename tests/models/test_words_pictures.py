"""Words and Pictures as data: the check a facilitator sees, the limits, and the plain form kept byte for byte."""

from __future__ import annotations

import json
import struct
import zlib
from datetime import date

import pytest

from sos_desktop.models.drawing import MAX_SHAPES, Colour, Drawing, Shape, ShapeKind, placed_shape
from sos_desktop.models.words_pictures import (
    MAX_PANELS,
    Panel,
    PanelImage,
    PanelTells,
    Story,
    StoryState,
    check_stories,
    story_hints,
    with_pictures,
)
from sos_desktop.models.words_pictures_data import part_data, part_stories, stories_data, stories_from
from sos_desktop.models.words_pictures_images import checked_picture, picture_problem


def tiny_png() -> bytes:
    row = b"\x00" + b"\xff\x00\x00"
    body = zlib.compress(row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def a_story() -> Story:
    figure = Shape(ShapeKind.STICK_FIGURE, 0.1, 0.2, 0.16, 0.32, Colour.BLUE, "Mum", person=3)
    arrow = Shape(ShapeKind.ARROW, 0.3, 0.5, 0.25, -0.1, Colour.RED)
    return Story(
        child=7,
        title="Why Ana's social worker visits",
        state=StoryState.SHARED_WITH_PARENTS,
        shared_with_parents_on=date(2026, 12, 12),
        panels=[
            Panel(
                "Sometimes Mum and Dad shout.\nAna hides upstairs.", PanelTells.WORRY, drawing=Drawing([figure, arrow])
            ),
            Panel("Nan takes Ana to school — every day 🙂", PanelTells.GOING_WELL, image=PanelImage(5, "Ana's school")),
            Panel("Ana's social worker will come every week.", PanelTells.NEXT),
        ],
    )


def test_a_story_with_worries_and_nothing_going_well_is_told_so() -> None:
    story = Story(panels=[Panel("Dad drinks too much.", PanelTells.WORRY)])
    assert [hint.text for hint in story_hints(story)] == [
        "The story tells the worries but not what is going well: add a panel about it."
    ]


def test_a_story_with_only_what_goes_well_is_told_the_child_needs_the_worries_too() -> None:
    story = Story(panels=[Panel("Nan is there every evening.", PanelTells.GOING_WELL)])
    assert "not the worries" in story_hints(story)[0].text


def test_a_story_with_no_panels_and_a_balanced_story() -> None:
    assert "no panels" in story_hints(Story())[0].text
    assert story_hints(a_story()) == []


def test_panels_without_words_with_jargon_or_long_sentences_are_named() -> None:
    long = " ".join(["word"] * 30) + "."
    story = Story(
        panels=[
            Panel("", PanelTells.WORRY),
            Panel("There is a CP plan.", PanelTells.GOING_WELL),
            Panel(long, PanelTells.NEXT),
        ]
    )
    texts = [hint.text for hint in story_hints(story, lambda text: ["CP plan"] if "CP plan" in text else [])]
    assert texts == [
        "Panel 1 has no words yet.",
        "Panel 2 uses “CP plan”: can it be said in plain words?",
        "Panel 3 has a long sentence: shorter ones are easier for a child.",
    ]


def test_words_keep_every_character_but_control_characters() -> None:
    panel = Panel("  Ana said: \u202eno\x1b[2J  \nلا بأس\t😊 ")
    assert panel.words == "  Ana said: no[2J  \nلا بأس\t😊 "


def test_limits_are_clear() -> None:
    with pytest.raises(ValueError, match="at most 60 panels"):
        Story(panels=[Panel("x") for _ in range(MAX_PANELS + 1)])
    with pytest.raises(ValueError, match="at most 200 shapes"):
        Drawing([Shape(ShapeKind.CIRCLE, 0, 0, 0.1, 0.1) for _ in range(MAX_SHAPES + 1)])
    with pytest.raises(ValueError, match="at most 100,000 characters"):
        Panel("x" * 100_001)
    with pytest.raises(ValueError, match="image or a drawing"):
        Panel("x", image=PanelImage(1), drawing=Drawing())
    with pytest.raises(ValueError, match="two Words and Pictures stories for one child"):
        check_stories([Story(child=1), Story(child=1)])


def test_shapes_stay_on_the_canvas() -> None:
    shape = placed_shape(ShapeKind.HOUSE, 0.99, 0.99)
    assert shape.x + shape.width <= 1 and shape.y + shape.height <= 1
    line = Shape(ShapeKind.LINE, 0.9, 0.5, 0.5, 0.0)
    assert line.x + line.width == 1.0
    assert Shape(ShapeKind.CIRCLE, 0.2, 0.2, label="a\x00b", person=4).person is None


def test_the_plain_form_reads_back_the_same_and_writes_the_same_text() -> None:
    story = a_story()
    data = stories_data([story], lambda person: f"p{person}", lambda picture: f"img{picture}")
    again = stories_from(json.loads(json.dumps(data)), lambda ref: int(ref[1:]), lambda ref: int(ref[3:]))
    assert again == [story]
    assert stories_data(again, lambda person: f"p{person}", lambda picture: f"img{picture}") == data
    assert part_stories(json.loads(json.dumps(part_data([story])))) == [story]
    assert part_data([]) == {}


def test_references_to_nobody_leave_out_the_story_the_person_or_the_image() -> None:
    stories = [a_story(), Story(child=None, title="For the family", panels=[Panel("We all help.")])]
    data = stories_data(stories, lambda person: None if person == 7 else person, lambda picture: None)
    assert [entry.get("title") for entry in data] == ["For the family"]
    data = stories_data([a_story()], lambda person: None if person == 3 else person, lambda picture: None)
    panels = data[0]["panels"]
    assert "person" not in panels[0]["drawing"]["shapes"][0] and panels[0]["drawing"]["shapes"][0]["label"] == "Mum"
    assert "image" not in panels[1]


def test_images_move_to_the_ids_they_are_kept_by() -> None:
    moved = with_pictures([a_story()], {5: 42})
    assert moved[0].panels[1].image == PanelImage(42, "Ana's school")
    assert with_pictures([a_story()], {})[0].panels[1].image is None


def test_only_png_and_jpeg_images_are_accepted() -> None:
    assert checked_picture(tiny_png()).media_type == "image/png"
    assert picture_problem(b"GIF89a....") is not None
    assert "not a PNG or JPEG" in (picture_problem(b"%PDF-1.7") or "")
    assert "said to be image/jpeg" in (picture_problem(tiny_png(), "image/jpeg") or "")
    assert picture_problem(b"") == "the image is empty."
