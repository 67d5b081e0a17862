"""The console graph's switch between the look by role and the genogram: the scene asks, after every change and
move, whether the network now stands as a family tree (``models.genogram.arranged_as_family_tree``), redraws its
people and ties that way, and runs each household's dotted outline round where its people stand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from sos_desktop.models.genogram import arranged_as_family_tree, households
from sos_desktop.ui.network.genogram_items import HouseholdOutline

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem

    from sos_desktop.ui.document.meeting import MeetingDocument
    from sos_desktop.ui.network.items import PersonNode, TieLine


class GenogramScene(Protocol):
    """What the genogram's redrawing uses of the Network page's scene (``scene.NetworkScene``, which calls it)."""

    document: MeetingDocument
    nodes: dict[int, PersonNode]
    lines: dict[int, TieLine]
    genogram: bool
    household_outlines: dict[str, HouseholdOutline]

    def addItem(self, item: QGraphicsItem) -> None: ...

    def removeItem(self, item: QGraphicsItem) -> None: ...


def refresh_genogram(scene: GenogramScene) -> None:
    """Set ``scene.genogram`` from where people stand, redraw whoever changed look, and the households; the scene
    routes its ties afterwards (an index child's double outline takes a little more room).
    """
    where = {person_id: (node.pos().x(), node.pos().y()) for person_id, node in scene.nodes.items()}
    scene.genogram = arranged_as_family_tree(scene.document.network, where)
    for node in scene.nodes.values():
        node.show_genogram(scene.genogram)
    for line in scene.lines.values():
        if line.genogram != scene.genogram:
            line.genogram = scene.genogram
            line.refresh(line.tie)
    surround_households(scene)


def _round(node: PersonNode) -> tuple[list[tuple[float, float]], float]:
    """Points to run an outline round so that it clears the person's marker and their whole name, and how far."""
    x, y = node.pos().x(), node.pos().y()
    reach = node.marker_size / 2 + (22 if "double outline" in node.marks else 12)
    name = node.name_rect()
    low = y + name.bottom() - node.marker_size / 2
    sides = (min(x, x + name.left() + 0.7 * reach), max(x, x + name.right() - 0.7 * reach))
    return [(x, y), (x, low), *((side, y + name.center().y()) for side in sides)], reach


def surround_households(scene: GenogramScene) -> None:
    """One dotted outline per household round its people (none unless the scene is a genogram)."""
    found = households(scene.document.network) if scene.genogram else []
    wanted = {household.name.casefold(): household for household in found}
    outlines = scene.household_outlines
    for key in [key for key in outlines if key not in wanted]:
        scene.removeItem(outlines.pop(key))
    for key, household in wanted.items():
        centres: list[tuple[float, float]] = []
        radius = 0.0
        for person_id in household.members:
            node = scene.nodes.get(person_id)
            if node is not None:
                points, reach = _round(node)
                centres += points
                radius = max(radius, reach)
        outline = outlines.get(key)
        if outline is not None and (not centres or outline.name != household.name):
            scene.removeItem(outlines.pop(key))
            outline = None
        if not centres:
            continue
        if outline is None:
            outline = outlines[key] = HouseholdOutline(household.name)
            scene.addItem(outline)
        outline.surround(centres, radius)
