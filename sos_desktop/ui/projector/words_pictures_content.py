"""What the wall shows of a Words and Pictures story: one panel at a time, already masked.

This is the view's privacy boundary. The chart is given a ``WordsPicturesContent``, never the meeting's ``Story``
nor a ``NetworkPerson``: the child by their display name, the story's title, the panel's words, an image's caption
and every label in a drawing through the projection's masker, and each stick figure that stands for somebody of the
network relabelled with that person's display name (the copy of the panel it holds names nobody by id, so no
renderer can look a full name up). The image itself is named by its picture id; the chart asks the document for it.
Pure data: no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sos_desktop.models import Meeting, Network, NetworkPerson
from sos_desktop.models.drawing import Drawing, Shape, ShapeKind
from sos_desktop.models.names import shown_name
from sos_desktop.models.words_pictures import TELLS_LABELS, Panel, PanelImage, PanelTells, Story

Mask = Callable[[str], str]

HEADING = "Words and Pictures"
NO_STORY = "No Words and Pictures story yet."
NO_PANELS = "This story has no panels yet."


@dataclass(frozen=True)
class WordsPicturesContent:
    """The title line, the story's title, for whom, and the panel shown (None when the story has none yet)."""

    title: str
    story: str
    child: str
    """The child's display name ("the child" when they have left the network); "" for the family's story."""
    number: int
    """The panel shown, counting from 1 (0 when there is none)."""
    count: int
    panel: Panel | None

    @property
    def heading(self) -> str:
        return self.story or HEADING

    @property
    def sub(self) -> str:
        """'For L · Panel 3 of 6'."""
        whom = f"For {self.child}" if self.child else "For the family"
        return f"{whom} · Panel {self.number} of {self.count}" if self.count else whom

    @property
    def tells(self) -> str:
        """What the panel tells ('A worry', 'What is going well', ...); "" for something else."""
        if self.panel is None or self.panel.tells is PanelTells.OTHER:
            return ""
        return TELLS_LABELS[self.panel.tells]


def shown_story(stories: Sequence[Story], key: str | None) -> Story | None:
    """The story ``key`` names, else the first with panels, else the first (None when there are none)."""
    found = next((story for story in stories if story.key == key), None) if key is not None else None
    return found or next((story for story in stories if story.panels), stories[0] if stories else None)


def panel_index(story: Story, panel: int) -> int:
    """``panel`` (counting from 0) kept within the story's panels."""
    return max(0, min(panel, len(story.panels) - 1))


def _masked_shape(shape: Shape, people: dict[int, NetworkPerson], mask: Mask) -> Shape:
    person = people.get(shape.person) if shape.person is not None else None
    figure = shape.kind is ShapeKind.STICK_FIGURE and person is not None
    label = shown_name(person) if figure and person is not None else mask(shape.label)
    return Shape(shape.kind, shape.x, shape.y, shape.width, shape.height, shape.colour, label)


def masked_panel(panel: Panel, network: Network, mask: Mask) -> Panel:
    """A copy of ``panel`` that may go on the wall: words, caption and labels masked, figures by display name."""
    people = {person.id: person for person in network.people if person.id is not None}
    image = None if panel.image is None else PanelImage(panel.image.picture, mask(panel.image.caption))
    drawing = None
    if panel.drawing is not None:
        drawing = Drawing([_masked_shape(shape, people, mask) for shape in panel.drawing.shapes])
    return Panel(mask(panel.words), panel.tells, panel.key, image, drawing)


def words_pictures_content(
    meeting: Meeting, network: Network, title: str, story_key: str | None, panel: int, mask: Mask
) -> WordsPicturesContent | None:
    """The wall's snapshot of one panel (``panel`` counting from 0, kept within the story); None with no story."""
    story = shown_story(meeting.words_pictures, story_key)
    if story is None:
        return None
    child = next((person for person in network.people if story.child is not None and person.id == story.child), None)
    whom = shown_name(child) if child is not None else "" if story.child is None else "the child"
    if not story.panels:
        return WordsPicturesContent(mask(title), mask(story.title), whom, 0, 0, None)
    index = panel_index(story, panel)
    shown = masked_panel(story.panels[index], network, mask)
    return WordsPicturesContent(mask(title), mask(story.title), whom, index + 1, len(story.panels), shown)


def picture_texts(panel: Panel) -> tuple[str, ...]:
    """Every word a panel's picture draws: its labels, or the image's caption (shown when the image is missing)."""
    if panel.drawing is not None:
        return tuple(shape.label for shape in panel.drawing.shapes if shape.label)
    if panel.image is not None and panel.image.caption:
        return (panel.image.caption,)
    return ()


def words_pictures_texts(meeting: Meeting, network: Network, mask: Mask) -> list[tuple[str, str]]:
    """(where, what) for every text the wall's Words and Pictures could show: titles, words, captions, labels."""
    texts: list[tuple[str, str]] = []
    for story in meeting.words_pictures:
        if story.title:
            texts.append(("The title of a Words and Pictures story", mask(story.title)))
        for number, panel in enumerate(story.panels, start=1):
            shown = masked_panel(panel, network, mask)
            where = f"Panel {number} of the Words and Pictures"
            if shown.words.strip():
                texts.append((where, shown.words))
            texts += [(f"{where} (its picture)", text) for text in picture_texts(shown)]
    return texts
