"""What the projector shows of the case chronology, already masked: each event's date as people write it, what
happened and its source, oldest first.

What happened and the source are free text that may name the family, so both go through the projection's masker,
as every card on the wall does; the chart is given this snapshot, never a ``ChronologyEvent``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sos_desktop.models.chronology import ChronologyEvent, date_label, in_date_order

Mask = Callable[[str], str]

HEADING = "Chronology"
SUB = "Significant events in the child's life, oldest first"
NO_EVENTS = "Nothing is on the case's chronology yet."


@dataclass(frozen=True)
class EventLine:
    when: str
    what: str
    source: str = ""

    @property
    def source_line(self) -> str:
        return f"Source: {self.source}" if self.source else ""


@dataclass(frozen=True)
class ChronologyContent:
    title: str
    events: tuple[EventLine, ...]
    """Oldest first."""


def earlier_line(count: int) -> str:
    return f"{count} earlier {'event' if count == 1 else 'events'} not shown"


def chronology_content(events: Iterable[ChronologyEvent], title: str, mask: Mask) -> ChronologyContent:
    """The projector's snapshot of the case's ``events``; ``title`` is masked too."""
    lines = tuple(
        EventLine(date_label(event), mask(event.what.strip()), mask(event.source.strip()))
        for event in in_date_order(events)
    )
    return ChronologyContent(mask(title), lines)
