"""Words and Pictures in the meeting file: the top-level ``words_pictures`` (the stories, people by their file ids,
images by the ids of ``pictures``) and ``pictures`` (each image the stories show, once: ``{"id": "img1",
"media_type", "sha256", "data": base64}``, numbered in the order the panels first show them).

Reading refuses a picture whose bytes are not base64, not a PNG or JPEG image (by their first bytes), larger than a
case keeps, or not what its ``media_type`` or ``sha256`` says, naming its place; a story, a figure or an image that
names something not in the file is a warning (see ``checks``): the story is the family's, the figure keeps its
label, the panel keeps its words without the image.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator
from datetime import date
from typing import Any

from sos_desktop.exporters.errors import JsonPath
from sos_desktop.models import MeetingBundle
from sos_desktop.models.words_pictures import Story, pictures_of
from sos_desktop.models.words_pictures_data import stories_data, stories_from
from sos_desktop.models.words_pictures_images import Picture, picture_problem

Record = dict[str, Any]
Problem = tuple[JsonPath, str]
TOP_LEVEL_KEYS = frozenset({"words_pictures", "pictures"})

DROPPED = {
    "child": "the story was imported as the family's",
    "person": "the figure was imported with its own label",
    "picture": "the panel was imported without its image",
}
"""What is left out for each kind of broken link, for its warning (the last part of the link's path)."""


def encode_words_pictures(bundle: MeetingBundle, person_ids: dict[int, str]) -> Record:
    """The top-level keys the bundle's stories take in a file ({} when it has none)."""
    stories = bundle.meeting.words_pictures
    if not stories:
        return {}
    shown = [picture for picture in pictures_of(stories) if picture in bundle.pictures]
    refs = {picture: f"img{number}" for number, picture in enumerate(shown, start=1)}
    document: Record = {"words_pictures": stories_data(stories, person_ids.get, refs.get)}
    if shown:
        document["pictures"] = [
            {
                "id": refs[picture],
                "media_type": bundle.pictures[picture].media_type,
                "sha256": bundle.pictures[picture].sha256,
                "data": base64.b64encode(bundle.pictures[picture].data).decode("ascii"),
            }
            for picture in shown
        ]
    return document


def decode_words_pictures(
    document: Record, person_ids: dict[str, int], next_id: Iterator[int]
) -> tuple[list[Story], dict[int, Picture]]:
    """The stories of a checked document and the images they show, by new provisional (negative) picture ids."""
    pictures: dict[int, Picture] = {}
    by_file_id: dict[str, int] = {}
    for record in document.get("pictures") or []:
        data = base64.b64decode(record["data"], validate=True)
        picture_id = next(next_id)
        pictures[picture_id] = Picture(media_type=record["media_type"], data=data)
        by_file_id[record["id"]] = picture_id
    stories = stories_from(document.get("words_pictures") or [], person_ids.get, by_file_id.get)
    return stories, {picture: pictures[picture] for picture in pictures_of(stories)}


def picture_problems(document: Record) -> Iterator[Problem]:
    """Pictures the file cannot keep, and repeated ids and keys: each refuses the file."""
    seen: dict[str, int] = {}
    for index, record in enumerate(document.get("pictures") or []):
        if record["id"] in seen:
            yield (
                ("pictures", index, "id"),
                f"{record['id']!r} is already the id of pictures[{seen[record['id']]}]; each picture needs its own.",
            )
        seen.setdefault(record["id"], index)
        try:
            data = base64.b64decode(record["data"], validate=True)
        except (binascii.Error, ValueError):
            yield ("pictures", index, "data"), "the picture's data is not base64, so its image cannot be read."
            continue
        problem = picture_problem(data, record["media_type"])
        if problem is not None:
            yield ("pictures", index, "data"), problem
        elif record.get("sha256") is not None and record["sha256"].lower() != hashlib.sha256(data).hexdigest():
            yield ("pictures", index, "sha256"), "the picture's bytes are not those its sha256 names: it was changed."
    stories: list[Record] = document.get("words_pictures") or []
    keys: dict[str, int] = {}
    children: dict[str | None, int] = {}
    for index, story in enumerate(stories):
        if story["key"] in keys:
            yield (
                ("words_pictures", index, "key"),
                f"{story['key']!r} is already the key of words_pictures[{keys[story['key']]}].",
            )
        keys.setdefault(story["key"], index)
        child = story.get("child")
        if child in children:
            whose = "the family" if child is None else f"the child {child!r}"
            yield (
                ("words_pictures", index, "child"),
                f"words_pictures[{children[child]}] is already the story of {whose}.",
            )
        children.setdefault(child, index)
        panel_keys: set[str] = set()
        for position, panel in enumerate(story.get("panels") or []):
            if panel["key"] in panel_keys:
                yield (
                    ("words_pictures", index, "panels", position, "key"),
                    f"{panel['key']!r} is already a panel's key.",
                )
            panel_keys.add(panel["key"])
        for field in ("shared_with_parents_on", "shared_with_child_on"):
            yield from _date_problem(("words_pictures", index, field), story.get(field))


def _date_problem(parts: JsonPath, text: str | None) -> Iterator[Problem]:
    if text is None:
        return
    try:
        date.fromisoformat(text)
    except ValueError:
        yield parts, f"{text!r} is not a real date."


def reference_problems(document: Record, person_ids: set[str]) -> Iterator[Problem]:
    """Links of the stories to people and pictures not in the file (warnings: see the module docstring)."""
    picture_ids = {record["id"] for record in document.get("pictures") or []}
    for index, story in enumerate(document.get("words_pictures") or []):
        child = story.get("child")
        if child is not None and child not in person_ids:
            yield ("words_pictures", index, "child"), f"{child!r} is not the id of any person in this file."
        for position, panel in enumerate(story.get("panels") or []):
            image = panel.get("image")
            if image is not None and image["picture"] not in picture_ids:
                yield (
                    ("words_pictures", index, "panels", position, "image", "picture"),
                    f"{image['picture']!r} is not the id of any picture in this file.",
                )
            for number, shape in enumerate((panel.get("drawing") or {}).get("shapes") or []):
                person = shape.get("person")
                if person is not None and person not in person_ids:
                    yield (
                        ("words_pictures", index, "panels", position, "drawing", "shapes", number, "person"),
                        f"{person!r} is not the id of any person in this file.",
                    )


def drop_link(cleaned: Record, parts: JsonPath) -> None:
    """Leave out of ``cleaned`` the broken link at ``parts`` (one :func:`reference_problems` names)."""
    story = cleaned["words_pictures"][parts[1]]
    if parts[2] == "child":
        story.pop("child", None)
        return
    panel = story["panels"][parts[3]]
    if parts[4] == "image":
        panel.pop("image", None)
    else:
        panel["drawing"]["shapes"][parts[6]].pop("person", None)
