"""Words and Pictures, as a part of the meeting document (a mixin of the document).

Every edit makes the stories anew from the ones shown and pushes one undo step holding both; a burst of typing in
one panel's words (or a story's title, an image's caption) merges into one step, and so does a run of nudges of one
shape. The stories are written through to the store whole as each step applies. An image is kept in the database
(for the case, once) when it is added; undoing takes it off the panel and leaves it kept, so redo needs no copy.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtGui import QImage

from sos_desktop.models.drawing import Drawing, Shape
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.words_pictures import (
    Panel,
    PanelImage,
    PanelTells,
    Story,
    StoryHint,
    StoryState,
    check_stories,
    pictures_of,
    story_hints,
)
from sos_desktop.models.words_pictures_images import Picture, checked_picture
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange


class WordsPicturesChange(ValueChange):
    """One change of the meeting's stories, from ``old`` to ``new`` (typing in one field merges)."""

    def __init__(
        self, document: WordsPicturesEditing, text: str, target: object, old: list[Story], new: list[Story]
    ) -> None:
        super().__init__(text, target, old, new)
        self.document = document
        self.merge_id = MergeId.WORDS_PICTURES_TEXT if target is not None else MergeId.NEVER

    def redo(self) -> None:
        self.document.apply_words_pictures(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_words_pictures(copy.deepcopy(self.old))


def _story(stories: list[Story], key: str) -> Story:
    return next(story for story in stories if story.key == key)


class WordsPicturesEditing(DocumentPart):
    """The meeting's Words and Pictures stories, for ``MeetingDocument``."""

    # Reading

    @property
    def words_pictures(self) -> list[Story]:
        return self.meeting.words_pictures

    def words_pictures_story(self, key: str) -> Story:
        return _story(self.meeting.words_pictures, key)

    def words_pictures_hints(self, key: str, jargon_in: Callable[[str], Any] | None = None) -> list[StoryHint]:
        return story_hints(self.words_pictures_story(key), jargon_in)

    def picture_image(self, picture_id: int) -> QImage | None:
        """The image kept by the picture id, read once from the store (None when it is gone or unreadable)."""
        cache: dict[int, QImage | None] = self.__dict__.setdefault("_picture_cache", {})
        if picture_id not in cache:
            kept = self._read(lambda: self.store.picture(picture_id), None)
            image = None if kept is None else QImage.fromData(kept[1])
            cache[picture_id] = None if image is None or image.isNull() else image
        return cache[picture_id]

    def words_pictures_pictures(self) -> dict[int, Picture]:
        """The images the stories show, by picture id, for a bundle going out (one the store lost is left out)."""
        found: dict[int, Picture] = {}
        for picture_id in pictures_of(self.meeting.words_pictures):
            kept = self._read(lambda picture_id=picture_id: self.store.picture(picture_id), None)  # type: ignore[misc]
            if kept is not None:
                found[picture_id] = Picture(media_type=kept[0], data=kept[1])
        return found

    # Changing

    def _change_stories(self, text: str, change: Callable[[list[Story]], None], target: object = None) -> None:
        old = copy.deepcopy(self.meeting.words_pictures)
        new = copy.deepcopy(old)
        change(new)
        # Each story checked again as a whole (limits, keys), and the stories together (one per child).
        new = check_stories(
            [
                Story(
                    child=s.child,
                    title=s.title,
                    state=s.state,
                    panels=[
                        Panel(
                            p.words,
                            p.tells,
                            p.key,
                            p.image,
                            None if p.drawing is None else Drawing(p.drawing.shapes),
                            p.extra,
                        )
                        for p in s.panels
                    ],
                    shared_with_parents_on=s.shared_with_parents_on,
                    shared_with_child_on=s.shared_with_child_on,
                    key=s.key,
                    extra=s.extra,
                )
                for s in new
            ]
        )
        if new != old:
            self.undo_stack.push(WordsPicturesChange(self, text, target, old, new))

    def add_story(self, child: int | None, title: str = "") -> str:
        """Start a story for the child (None: for the family); return its key (ValueError if it has one)."""
        story = Story(child=child, title=title)
        self._change_stories("Start a Words and Pictures story", lambda stories: stories.append(story))
        return story.key

    def remove_story(self, key: str) -> None:
        self._change_stories(
            "Take a Words and Pictures story off", lambda stories: stories.remove(_story(stories, key))
        )

    def set_story_title(self, key: str, title: str) -> None:
        def change(stories: list[Story]) -> None:
            _story(stories, key).title = self._bounded(title, 200)

        self._change_stories("Change the story's title", change, (key, "title"))

    def set_story_state(self, key: str, state: StoryState, on: date | None = None) -> None:
        """Set how far the story has been shared; a share is dated ``on`` (by default the meeting's day, else
        today) unless it already has a day; going back to an earlier state keeps the days of shares already made.
        """
        state = StoryState(state)
        day = on or (self.meeting.held_on.date() if self.meeting.held_on is not None else self.clock().date())

        def change(stories: list[Story]) -> None:
            story = _story(stories, key)
            story.state = state
            if state is not StoryState.DRAFT and story.shared_with_parents_on is None:
                story.shared_with_parents_on = day
            if state is StoryState.SHARED_WITH_CHILD and story.shared_with_child_on is None:
                story.shared_with_child_on = day

        self._change_stories("Set how far the story is shared", change)

    def add_panel(self, key: str, tells: PanelTells = PanelTells.OTHER, words: str = "", at: int | None = None) -> str:
        """Add a panel to the story (at ``at``, by default at the end); return its key."""
        panel = Panel(self._bounded(words, MAX_TEXT_LENGTH), PanelTells(tells))

        def change(stories: list[Story]) -> None:
            panels = _story(stories, key).panels
            panels.insert(len(panels) if at is None else max(0, min(at, len(panels))), panel)

        self._change_stories("Add a panel", change)
        return panel.key

    def _change_panel(
        self, text: str, key: str, panel_key: str, edit: Callable[[Panel], None], target: object = None
    ) -> None:
        def change(stories: list[Story]) -> None:
            edit(_story(stories, key).panel(panel_key))

        self._change_stories(text, change, target)

    def set_panel_words(self, key: str, panel_key: str, words: str) -> None:
        words = self._bounded(words, MAX_TEXT_LENGTH)
        self._change_panel(
            "Change a panel's words", key, panel_key, lambda panel: setattr(panel, "words", words), (panel_key, "words")
        )

    def set_panel_tells(self, key: str, panel_key: str, tells: PanelTells) -> None:
        self._change_panel(
            "Change what a panel tells", key, panel_key, lambda panel: setattr(panel, "tells", PanelTells(tells))
        )

    def move_panel(self, key: str, panel_key: str, offset: int) -> None:
        def change(stories: list[Story]) -> None:
            panels = _story(stories, key).panels
            at = panels.index(_story(stories, key).panel(panel_key))
            panels.insert(max(0, min(len(panels) - 1, at + offset)), panels.pop(at))

        self._change_stories("Move a panel", change)

    def remove_panel(self, key: str, panel_key: str) -> None:
        def change(stories: list[Story]) -> None:
            story = _story(stories, key)
            story.panels.remove(story.panel(panel_key))

        self._change_stories("Take a panel off", change)

    # The panel's picture

    def add_panel_image(self, key: str, panel_key: str, data: bytes, caption: str = "") -> None:
        """Keep the image in the database and put it on the panel (in place of any picture it had).

        ValueError (one sentence) when the bytes are not a PNG or JPEG image we keep; StoreError when the store
        cannot keep it now (nothing changes then).
        """
        picture = checked_picture(data)
        if self.case.id is None:
            raise StoreError("The case is not saved yet.")
        picture_id = self.store.add_picture(self.case.id, picture.data, picture.media_type)

        def edit(panel: Panel) -> None:
            panel.drawing = None
            panel.image = PanelImage(picture_id, caption)

        self._change_panel("Add an image", key, panel_key, edit)

    def set_image_caption(self, key: str, panel_key: str, caption: str) -> None:
        def edit(panel: Panel) -> None:
            if panel.image is not None:
                panel.image = PanelImage(panel.image.picture, self._bounded(caption, 500))

        self._change_panel("Change the image's caption", key, panel_key, edit, (panel_key, "caption"))

    def set_panel_drawing(
        self, key: str, panel_key: str, drawing: Drawing | None, text: str = "Change the drawing"
    ) -> None:
        """Give the panel this drawing (in place of any image); None takes the drawing off."""

        def edit(panel: Panel) -> None:
            panel.image = None if drawing is not None else panel.image
            panel.drawing = copy.deepcopy(drawing)

        self._change_panel(text, key, panel_key, edit)

    def remove_panel_picture(self, key: str, panel_key: str) -> None:
        def edit(panel: Panel) -> None:
            panel.image, panel.drawing = None, None

        self._change_panel("Take the picture off", key, panel_key, edit)

    def _drawing(self, key: str, panel_key: str) -> Drawing:
        found = self.words_pictures_story(key).panel(panel_key).drawing
        return copy.deepcopy(found) if found is not None else Drawing()

    def add_shape(self, key: str, panel_key: str, shape: Shape) -> int:
        """Add a shape on top of the panel's drawing (starting one); return its place in the drawing."""
        drawing = self._drawing(key, panel_key)
        drawing.shapes.append(shape)
        self.set_panel_drawing(key, panel_key, Drawing(drawing.shapes), f"Draw a {shape.kind.value.replace('_', ' ')}")
        return len(drawing.shapes) - 1

    def change_shape(self, key: str, panel_key: str, index: int, shape: Shape, text: str = "Change a shape") -> None:
        """Put ``shape`` in place of the drawing's shape at ``index`` (moved, resized, recoloured, relabelled)."""
        drawing = self._drawing(key, panel_key)
        drawing.shapes[index] = shape
        self.set_panel_drawing(key, panel_key, drawing, text)

    def remove_shape(self, key: str, panel_key: str, index: int) -> None:
        drawing = self._drawing(key, panel_key)
        del drawing.shapes[index]
        self.set_panel_drawing(key, panel_key, drawing, "Rub out a shape")

    def apply_words_pictures(self, stories: list[Story]) -> None:
        self.meeting.words_pictures = stories
        saved = copy.deepcopy(stories)
        self._write(lambda: self.store.set_words_pictures(self.meeting_id, saved))
        self.wordsPicturesChanged.emit()
