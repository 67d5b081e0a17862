"""The frames of the case over time on the wall, taken from the open document: what changed since last time, the
chronology, the review of last time's next steps, the safety plan and the trajectory plan.

Each snapshot is made here, through the projection's ``mask`` and ``name`` (the wall's name hiding), and handed to
its chart; with no document open, each says so as the other views do. While the family is present, what changed
leaves out the cards kept for the professionals only, as the map does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sos_desktop.models import Meeting
from sos_desktop.models.changes import Changes
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.changes_chart import ChangesLayout
from sos_desktop.ui.projector.changes_content import changes_content
from sos_desktop.ui.projector.chronology_chart import ChronologyLayout
from sos_desktop.ui.projector.chronology_content import chronology_content
from sos_desktop.ui.projector.modes import ChangesMode, ChronologyMode, PlanMode, ReviewMode, TrajectoryPlanMode
from sos_desktop.ui.projector.plan_chart import PlanLayout
from sos_desktop.ui.projector.plan_content import plan_content
from sos_desktop.ui.projector.review_chart import ReviewLayout
from sos_desktop.ui.projector.review_content import from_line, review_content
from sos_desktop.ui.projector.scene import Scene
from sos_desktop.ui.projector.text import TextCache
from sos_desktop.ui.projector.themes import Theme
from sos_desktop.ui.projector.trajectory_plan_chart import TrajectoryPlanLayout
from sos_desktop.ui.projector.trajectory_plan_content import trajectory_plan_content

Mask = Callable[[str], str]
OverTimeMode = ChangesMode | ChronologyMode | ReviewMode | PlanMode | TrajectoryPlanMode


def for_the_family(changes: Changes | None, document: MeetingDocument) -> Changes | None:
    """``changes`` without the cards kept for the professionals only (now or last time), while the family is there."""
    if changes is None or not document.family_present:
        return changes
    meetings = [document.meeting] + ([document.previous] if document.previous is not None else [])
    hidden = {item.key for meeting in meetings for item in meeting.items if item.professional_only and item.key}
    cards = {category: tuple(c for c in found if c.key not in hidden) for category, found in changes.cards.items()}
    return replace(changes, cards={category: found for category, found in cards.items() if found})


def over_time_scene(
    mode: OverTimeMode,
    document: MeetingDocument | None,
    mask: Mask,
    name: Mask,
    theme: Theme,
    size: tuple[float, float],
    zoom: float,
    cache: TextCache,
    meetings: list[Meeting] | None = None,
) -> Scene:
    """The frame of ``mode`` at ``size`` (width, height); ``meetings``: the case's, for the trajectory plan's
    medians (the open meeting is followed as it is now in any case).
    """
    width, height = size
    title = "" if document is None else f"{document.meeting.title} · {document.case.label}"
    if isinstance(mode, PlanMode):
        plan = None if document is None else plan_content(document.meeting.safety_plan, document.network, title, mask)
        return PlanLayout(plan, theme, width, height, zoom, cache).scene()
    if isinstance(mode, TrajectoryPlanMode):
        road = None
        if document is not None:
            road = trajectory_plan_content(document.meeting, document.case, meetings, date.today(), mask)
        return TrajectoryPlanLayout(road, theme, width, height, zoom, cache).scene()
    if isinstance(mode, ChangesMode):
        changes = None
        if document is not None:
            private = {scale.key for scale in document.meeting.scales if scale.private_round and scale.key}
            found = for_the_family(document.changes(), document)
            changes = changes_content(found, title, document.template, mask, name, private)
        return ChangesLayout(changes, theme, width, height, zoom, cache).scene()
    if isinstance(mode, ChronologyMode):
        events = None if document is None else chronology_content(document.events(), title, mask)
        return ChronologyLayout(events, theme, width, height, zoom, cache).scene()
    reviews = None
    if document is not None:
        late = [document.review_overdue(index) for index in range(len(document.meeting.reviews))]
        since = from_line(document.previous, mask)
        reviews = review_content(document.meeting.reviews, late, title, since, mask, name)
    return ReviewLayout(reviews, theme, width, height, zoom, cache).scene()
