"""Words and Pictures in the store: a meeting's stories kept whole in its part "words_pictures" (people and
pictures by their database ids), and the images they show kept once per case in the pictures table.

A bundle read from a file brings its images with it (by provisional ids): :func:`add_bundle_pictures` keeps each
for the case and gives the stories the ids the case keeps them by; :func:`stories_pictures` reads them back for a
bundle going out. An image naming a picture the bundle does not bring is left out; its panel keeps its words.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.engine import Connection

from sos_desktop.models.words_pictures import Story, pictures_of, with_pictures
from sos_desktop.models.words_pictures_data import PART, part_data, part_stories, stories_data, stories_from
from sos_desktop.models.words_pictures_images import Picture
from sos_desktop.store.repo.parts import add_picture, get_part, get_picture, set_part, write_part


def get_words_pictures(conn: Connection, meeting_id: int) -> list[Story]:
    return part_stories(get_part(conn, meeting_id, PART))


def write_words_pictures(
    conn: Connection, meeting_id: int, stories: list[Story], person_ids: Mapping[int, int]
) -> None:
    """Save a new meeting's stories; ``person_ids`` maps the people they name to database ids (a story of a child
    not in it is left out, a figure of somebody not in it keeps its label). Their pictures are the case's already.
    """
    mapped = stories_from(stories_data(stories, person_ids.get, lambda picture: picture), int, int)
    write_part(conn, meeting_id, PART, part_data(mapped))


def set_words_pictures(conn: Connection, meeting_id: int, stories: list[Story]) -> None:
    """Save the meeting's stories whole, as one change of the meeting (people and pictures by database ids)."""
    set_part(conn, meeting_id, PART, part_data(stories))


def add_bundle_pictures(
    conn: Connection, case_id: int, stories: list[Story], pictures: Mapping[int, Picture]
) -> list[Story]:
    """Keep the bundle's images for the case; return the stories naming them by the ids the case keeps them by."""
    picture_ids = {
        given: add_picture(conn, case_id, pictures[given].data, pictures[given].media_type)
        for given in pictures_of(stories)
        if given in pictures
    }
    return with_pictures(stories, picture_ids)


def stories_pictures(conn: Connection, stories: list[Story]) -> dict[int, Picture]:
    """The images the stories show, by picture id (a picture the case no longer has is left out)."""
    found: dict[int, Picture] = {}
    for picture_id in pictures_of(stories):
        kept = get_picture(conn, picture_id)
        if kept is not None:
            found[picture_id] = Picture(media_type=kept[0], data=kept[1])
    return found
