"""Words and Pictures stories as plain data (JSON objects), one form for the store part "words_pictures" and the
meeting file.

People and pictures are written by references the caller chooses, as ``models.plans_data`` does: the store writes
database ids, a meeting file its own ids (a person "p3", a picture "img1" of the file's ``pictures``). A story whose
child has no reference is left out; a figure whose person has none keeps its label; an image whose picture has none
is left out and its panel keeps its words. Words are written exactly as kept; empty values are left out (whole
numbers written as integers), so stories written, read and written again are the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import date
from typing import Any

from sos_desktop.models.drawing import Drawing, Shape
from sos_desktop.models.words_pictures import Panel, PanelImage, Story, check_stories

Record = dict[str, Any]
PART = "words_pictures"
"""The store's name for the meeting part that holds the stories."""
STORY_KEYS = frozenset({"key", "child", "title", "state", "shared_with_parents_on", "shared_with_child_on", "panels"})
PANEL_KEYS = frozenset({"key", "words", "tells", "image", "drawing"})
SHAPE_KEYS = frozenset({"kind", "x", "y", "width", "height", "colour", "label", "person"})


def _kept(fields: Record, extra: Record, keep: tuple[str, ...]) -> Record:
    record = {key: value for key, value in fields.items() if key in keep or value not in (None, "", [])}
    for key, value in extra.items():
        record.setdefault(key, deepcopy(value))
    return record


def _extra(raw: Record, known: frozenset[str]) -> Record:
    return {key: deepcopy(value) for key, value in raw.items() if key not in known}


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def shape_data(shape: Shape, person_ref: Callable[[int], Any]) -> Record:
    fields = {
        "kind": shape.kind.value,
        "x": _number(shape.x),
        "y": _number(shape.y),
        "width": _number(shape.width),
        "height": _number(shape.height),
        "colour": shape.colour.value,
        "label": shape.label,
        "person": None if shape.person is None else person_ref(shape.person),
    }
    return _kept(fields, {}, ("kind", "x", "y", "width", "height", "colour"))


def shape_from(raw: Record, person_of: Callable[[Any], int | None]) -> Shape:
    person = raw.get("person")
    return Shape(
        kind=raw["kind"],
        x=raw["x"],
        y=raw["y"],
        width=raw.get("width", 0.0),
        height=raw.get("height", 0.0),
        colour=raw.get("colour", "black"),
        label=raw.get("label") or "",
        person=None if person is None else person_of(person),
    )


def _panel_data(panel: Panel, person_ref: Callable[[int], Any], picture_ref: Callable[[int], Any]) -> Record:
    image = None
    if panel.image is not None and (ref := picture_ref(panel.image.picture)) is not None:
        image = _kept({"picture": ref, "caption": panel.image.caption}, {}, ("picture",))
    drawing = None
    if panel.drawing is not None:
        drawing = {"shapes": [shape_data(shape, person_ref) for shape in panel.drawing.shapes]}
    fields = {"key": panel.key, "words": panel.words, "tells": panel.tells.value, "image": image, "drawing": drawing}
    return _kept(fields, panel.extra, ("key", "words", "tells"))


def stories_data(
    stories: list[Story], person_ref: Callable[[int], Any], picture_ref: Callable[[int], Any]
) -> list[Record]:
    """The stories as plain data; ``person_ref`` / ``picture_ref`` give the reference written for an id (None: the
    thing is left out, see the module docstring).
    """
    records = []
    for story in stories:
        child = None
        if story.child is not None:
            child = person_ref(story.child)
            if child is None:
                continue
        fields = {
            "key": story.key,
            "child": child,
            "title": story.title,
            "state": story.state.value,
            "shared_with_parents_on": _iso(story.shared_with_parents_on),
            "shared_with_child_on": _iso(story.shared_with_child_on),
            "panels": [_panel_data(panel, person_ref, picture_ref) for panel in story.panels],
        }
        records.append(_kept(fields, story.extra, ("key", "state", "panels")))
    return records


def _panel_from(raw: Record, person_of: Callable[[Any], int | None], picture_of: Callable[[Any], int | None]) -> Panel:
    image = None
    raw_image = raw.get("image")
    if raw_image is not None and (picture := picture_of(raw_image["picture"])) is not None:
        image = PanelImage(picture=picture, caption=raw_image.get("caption") or "")
    raw_drawing = raw.get("drawing")
    drawing = None
    if raw_drawing is not None:
        drawing = Drawing([shape_from(shape, person_of) for shape in raw_drawing.get("shapes") or []])
    return Panel(
        words=raw.get("words") or "",
        tells=raw.get("tells", "other"),
        key=raw.get("key") or "",
        image=image,
        drawing=drawing,
        extra=_extra(raw, PANEL_KEYS),
    )


def stories_from(
    raw: list[Record], person_of: Callable[[Any], int | None], picture_of: Callable[[Any], int | None]
) -> list[Story]:
    """The stories plain data describes (ValueError if a value is refused); ``person_of`` and ``picture_of`` read
    a reference (None: it names nothing, see the module docstring).
    """
    stories = []
    for entry in raw:
        child = None
        if entry.get("child") is not None:
            child = person_of(entry["child"])
            if child is None:
                continue
        stories.append(
            Story(
                child=child,
                title=entry.get("title") or "",
                state=entry.get("state", "draft"),
                panels=[_panel_from(panel, person_of, picture_of) for panel in entry.get("panels") or []],
                shared_with_parents_on=_day(entry.get("shared_with_parents_on")),
                shared_with_child_on=_day(entry.get("shared_with_child_on")),
                key=entry.get("key") or "",
                extra=_extra(entry, STORY_KEYS),
            )
        )
    return check_stories(stories)


def part_data(stories: list[Story]) -> Record:
    """The store's part "words_pictures" ({} when there are no stories: no row)."""
    if not stories:
        return {}
    return {"stories": stories_data(stories, lambda person: person, lambda picture: picture)}


def part_stories(part: Record) -> list[Story]:
    """The stories of the store's part (people and pictures by their database ids)."""
    return stories_from(part.get("stories") or [], int, int)
