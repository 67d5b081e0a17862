"""The larger parts of the minutes' snapshot: the agenda's times, the scales with their trajectories, the network
and the observer's feedback. Plain data, names already chosen by a :class:`~.naming.Namer`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sos_desktop.exporters.minutes.naming import Namer, short_date
from sos_desktop.models import AgendaPhase, Category, Meeting, Network, PersonRole, TieKind, pair_numbers, spread
from sos_desktop.models.agenda import clock_text, minute_text, note_phase, phase_name, spent
from sos_desktop.models.enums import Gender, TieBond
from sos_desktop.models.genogram import arranged_as_family_tree, households
from sos_desktop.models.network_findings import findings, summarise, summary_line
from sos_desktop.models.network_layout import standing_positions
from sos_desktop.models.trajectory import scale_identity, trajectory


@dataclass(frozen=True)
class AgendaRow:
    title: str
    planned: str
    actual: str
    over: bool
    """The phase ran past its planned time."""


@dataclass(frozen=True)
class RatingRow:
    rater: str
    value: float
    reason: str
    one_point_higher: str


@dataclass(frozen=True)
class TrajectoryMark:
    """One meeting's ratings on a scale: when, the lowest, median and highest, and whether it is this meeting."""

    when: str
    lowest: float
    median: float
    highest: float
    current: bool


@dataclass(frozen=True)
class ScaleView:
    question: str
    zero_means: str
    ten_means: str
    about: str
    """The danger statement the scale is about, with its pair number ("Danger statement 1: ..."), or ""."""
    ratings: tuple[RatingRow, ...]
    spread: tuple[float, float, float] | None
    """Lowest, highest and median, or None when nobody rated."""
    private_round: bool
    trajectory: tuple[TrajectoryMark, ...]
    """The case's meetings rated on the same question, oldest first; empty unless an earlier meeting rated it."""


@dataclass(frozen=True)
class NetworkNode:
    id: int
    label: str
    role: PersonRole
    knows_worries: bool
    x: float
    y: float
    gender: Gender | None = None
    deceased: bool = False
    index_child: bool = False


@dataclass(frozen=True)
class NetworkView:
    nodes: tuple[NetworkNode, ...]
    links: tuple[tuple[int, int, TieKind], ...]
    summary: str
    findings: tuple[tuple[str, bool], ...]
    """Each finding's sentence, and whether it is a concern."""
    genogram: bool = False
    """The network stands as a family tree: the drawing has the genogram's marks (``models.genogram``)."""
    bonds: tuple[TieBond, ...] = ()
    """Each link's bond, in the links' order (on a genogram)."""
    households: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Each household's name as the minutes give it, and who lives there (on a genogram)."""


@dataclass(frozen=True)
class FeedbackView:
    observer: str
    notes: tuple[tuple[str, str, str], ...]
    """Minute, phase and text of each note."""
    ratings: tuple[tuple[str, float, str], ...]
    """Criterion, value and comment of each rubric rating."""
    went_well: str
    even_better_if: str

    def is_empty(self) -> bool:
        return not (self.notes or self.ratings or self.went_well or self.even_better_if)


def agenda_rows(agenda: list[AgendaPhase], now: datetime | None = None) -> tuple[AgendaRow, ...]:
    """Each phase's planned and actual time as clocks read ("5:00", "6:30"); a phase still running is timed to now."""
    rows = []
    for phase in agenda:
        actual = None
        if phase.started_at is not None:
            # The app stamps phases in UTC; a naive stamp (an older file) is compared with a naive clock.
            moment = now or datetime.now(UTC if phase.started_at.tzinfo is not None else None)
            actual = spent(phase, moment)
        elif phase.actual_minutes is not None:
            actual = phase.actual_minutes
        title = phase_name(phase)
        rows.append(
            AgendaRow(
                title,
                clock_text(phase.planned_minutes) if phase.planned_minutes is not None else "",
                "" if actual is None else clock_text(actual) + (" (running)" if phase.started_at else ""),
                actual is not None and phase.planned_minutes is not None and actual > phase.planned_minutes,
            )
        )
    return tuple(rows)


def _trajectory_marks(meeting: Meeting, case_meetings: list[Meeting]) -> dict[str, tuple[TrajectoryMark, ...]]:
    others = [m for m in case_meetings if meeting.id is None or m.id != meeting.id]
    lines = trajectory([*others, meeting])
    marks: dict[str, tuple[TrajectoryMark, ...]] = {}
    for key, points in lines.items():
        if len(points) < 2:
            continue

        def is_current(meeting_id: int | None, held_on: datetime | None, title: str) -> bool:
            if meeting.id is not None:
                return meeting_id == meeting.id
            return meeting_id is None and (held_on, title) == (meeting.held_on, meeting.title)

        found = tuple(
            TrajectoryMark(
                short_date(p.held_on), p.lowest, p.median, p.highest, is_current(p.meeting_id, p.held_on, p.title)
            )
            for p in points
        )
        if any(not mark.current for mark in found):
            marks[key] = found
    return marks


def scale_views(meeting: Meeting, case_meetings: list[Meeting], namer: Namer) -> tuple[ScaleView, ...]:
    numbers = pair_numbers(meeting.items)
    dangers = {item.id: item for item in meeting.items if item.category is Category.DANGER and item.id is not None}
    marks = _trajectory_marks(meeting, case_meetings) if case_meetings else {}
    views = []
    for scale in meeting.scales:
        about = dangers.get(scale.about) if scale.about is not None else None
        about_text = ""
        if about is not None:
            number = numbers.get(about.id) if about.id is not None else None
            about_text = f"{'' if number is None else f'{number}: '}{namer.text(about.text)}"
        found = spread(scale.ratings)
        views.append(
            ScaleView(
                question=namer.text(scale.question),
                zero_means=namer.text(scale.zero_means),
                ten_means=namer.text(scale.ten_means),
                about=about_text,
                ratings=tuple(
                    RatingRow(namer.name(r.rater), r.value, namer.text(r.reason), namer.text(r.one_point_higher))
                    for r in scale.ratings
                ),
                spread=None if found is None else (found.lowest, found.highest, found.median),
                private_round=scale.private_round,
                trajectory=marks.get(scale_identity(scale), ()),
            )
        )
    return tuple(views)


def network_view(network: Network, namer: Namer, where: Mapping[int, tuple[float, float]] | None = None) -> NetworkView:
    """The network as the minutes draw it, where its people stand (``where``: laid out afresh, e.g. as a family
    tree); a genogram when they stand as a family tree.
    """
    where = standing_positions(network) if where is None else dict(where)
    genogram = arranged_as_family_tree(network, where)
    nodes = tuple(
        NetworkNode(
            person.id,
            namer.person(person),
            person.role,
            person.knows_worries,
            *where[person.id],
            gender=person.gender if genogram else None,
            deceased=person.deceased and genogram,
            index_child=person.index_child and genogram,
        )
        for person in network.people
        if person.id is not None and person.id in where
    )
    present = {node.id for node in nodes}
    shown = [
        tie for tie in network.ties if tie.source in present and tie.target in present and tie.source != tie.target
    ]
    links = tuple((tie.source, tie.target, tie.kind) for tie in shown)
    found = tuple((finding.message, finding.concern) for finding in findings(network, namer.person))
    if not genogram:
        return NetworkView(nodes, links, summary_line(summarise(network)), found)
    homes = tuple(
        (namer.text(household.name), members)
        for household in households(network)
        if (members := tuple(member for member in household.members if member in present))
    )
    bonds = tuple(tie.bond for tie in shown)
    return NetworkView(nodes, links, summary_line(summarise(network)), found, True, bonds, homes)


def feedback_view(meeting: Meeting, namer: Namer) -> FeedbackView:
    observations = meeting.observations
    return FeedbackView(
        observer=namer.name(observations.observer),
        notes=tuple(
            (minute_text(note.at_minute), note_phase(meeting.agenda, note), namer.text(note.text))
            for note in observations.notes
        ),
        ratings=tuple((namer.text(r.criterion), r.value, namer.text(r.comment)) for r in observations.ratings),
        went_well=namer.text(observations.went_well),
        even_better_if=namer.text(observations.even_better_if),
    )
