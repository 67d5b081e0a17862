"""The minutes as plain data: everything the PDF shows, already named, masked, ordered and worded.

This is the minutes' privacy boundary, as the projector's content modules are the wall's: the page template and
the story are given a :class:`MinutesSnapshot`, never a ``NetworkPerson``, so whatever is not in here (a
person's full name in pseudonymised minutes, words a child has not agreed to share) cannot reach the file. It needs
no reportlab, so what the minutes say is testable on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sos_desktop.exporters.minutes.family_meeting import FamilyMeetingView, family_meeting_view
from sos_desktop.exporters.minutes.naming import Namer, long_date, short_date
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.exporters.minutes.over_time import OverTimeView, over_time_view
from sos_desktop.exporters.minutes.plans import PlansView, plans_view
from sos_desktop.exporters.minutes.safety_house import HouseView, houses_view
from sos_desktop.exporters.minutes.snapshot_parts import (
    AgendaRow,
    FeedbackView,
    NetworkView,
    ScaleView,
    agenda_rows,
    feedback_view,
    network_view,
    scale_views,
)
from sos_desktop.models import (
    COLUMN_ORDER,
    Category,
    House,
    MapItem,
    Meeting,
    MeetingBundle,
    Network,
    NextStepStatus,
    PersonRole,
    items_in,
    pair_numbers,
)
from sos_desktop.models.child_tools import CHILD_TOOL_LABELS, house_titles, tool_of
from sos_desktop.models.continuity import reference_day, step_is_overdue
from sos_desktop.models.genogram import has_genogram_marks
from sos_desktop.models.labels import ROLE_LABELS, meeting_kind_label
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.models.supervision import IDEAS_ONLY, STATUS_WORDS, action_line, may_agree
from sos_desktop.models.templates import FrameworkTemplate, template


@dataclass(frozen=True)
class Heading:
    case_label: str
    reference: str
    title: str
    kind: str
    held_on: str
    date: str
    """The date alone, short ("21 Nov 2026"), for the page header; "" when the meeting has none."""
    framework: str
    confidentiality_agreed: bool


@dataclass(frozen=True)
class Card:
    """One map item as printed: its text, its pair number (danger statements and goals), who said it."""

    text: str
    pair: int | None = None
    said_by: str = ""
    action: str = ""
    """For a next step: "Agreed · Sam Patel · by 5 Dec 2026"."""
    overdue: bool = False
    """A next step past its date on the meeting's day and not done (``models.continuity.step_is_overdue``)."""


@dataclass(frozen=True)
class CategoryBlock:
    label: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class MapColumn:
    title: str
    question: str
    blocks: tuple[CategoryBlock, ...]


@dataclass(frozen=True)
class Pair:
    number: int | None
    danger: str
    goal: str


@dataclass(frozen=True)
class NextStepRow:
    what: str
    who: str
    due: str
    status: str
    overdue: bool = False


@dataclass(frozen=True)
class VoiceGroup:
    """One child's shared words, house by house (houses with no shared words are left out)."""

    child: str
    houses: tuple[tuple[str, tuple[str, ...]], ...]
    tool: str = "Three Houses"
    """The tool the child's voice was given through: "Three Houses", "Fairy" or "Wizard" (the houses' titles follow)."""


@dataclass(frozen=True)
class MinutesSnapshot:
    marking: str
    heading: Heading
    attendees: tuple[tuple[str, str], ...]
    focus_question: str
    agenda: tuple[AgendaRow, ...]
    columns: tuple[MapColumn, ...]
    pair_words: tuple[str, str]
    """The framework's names for the two sides of a pair: ("Danger statement", "Safety goal")."""
    pairs_title: str
    """"Danger statements and safety goals", in the framework's words."""
    pairs: tuple[Pair, ...]
    scales: tuple[ScaleView, ...]
    network: NetworkView
    voice: tuple[VoiceGroup, ...]
    voice_not_shared: int
    next_steps: tuple[NextStepRow, ...]
    next_steps_note: str
    summary: str
    feedback: FeedbackView | None
    over_time: OverTimeView | None = None
    """The review of last time's next steps, what changed since last time and the case chronology."""
    plans: PlansView | None = None
    """The meeting's safety plan and trajectory plan; None when both are empty."""
    family: FamilyMeetingView | None = None
    family_tree: NetworkView | None = None
    """The network laid out as a genogram, when its genogram has been recorded and the network itself does not
    stand as a family tree (then ``network`` is the genogram already)."""
    safety_houses: tuple[HouseView, ...] = ()
    """Each child's Safety House at this meeting, shared entries only."""
    """Who agrees with each statement, and a conference's decision; None when neither was recorded."""

    @property
    def document_title(self) -> str:
        return self.heading.title


PROFESSIONALS_ONLY = "professionals only"
"""How the minutes mark a card the family never sees on the wall."""


def _private(item: MapItem) -> str:
    return PROFESSIONALS_ONLY if item.professional_only else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _columns(meeting: Meeting, words: FrameworkTemplate, namer: Namer, on: date) -> tuple[MapColumn, ...]:
    numbers = pair_numbers(meeting.items)
    columns = []
    for column, categories in COLUMN_ORDER.items():
        blocks = []
        for category in categories:
            cards = tuple(
                Card(
                    namer.text(item.text),
                    numbers.get(item.id) if item.id is not None else None,
                    namer.name(item.said_by),
                    " · ".join(part for part in (namer.text(action_line(item)), _private(item)) if part),
                    step_is_overdue(item, on),
                )
                for item in items_in(meeting.items, category)
            )
            if cards or category is not Category.GREY:
                blocks.append(CategoryBlock(words.label(category), cards))
        columns.append(MapColumn(words.column_titles[column], words.column_questions[column], tuple(blocks)))
    return tuple(columns)


def _pairs(meeting: Meeting, namer: Namer) -> tuple[Pair, ...]:
    numbers = pair_numbers(meeting.items)
    goals = {item.id: item for item in items_in(meeting.items, Category.GOAL) if item.id is not None}
    pairs = []
    used: set[int] = set()
    for danger in items_in(meeting.items, Category.DANGER):
        goal = goals.get(danger.pairs_with) if danger.pairs_with is not None else None
        if goal is not None and goal.id is not None:
            used.add(goal.id)
        number = numbers.get(danger.id) if danger.id is not None else None
        pairs.append(Pair(number, namer.text(danger.text), namer.text(goal.text) if goal else ""))
    pairs += [Pair(None, "", namer.text(goal.text)) for goal_id, goal in goals.items() if goal_id not in used]
    return tuple(pairs)


def _next_steps(meeting: Meeting, namer: Namer, on: date) -> tuple[NextStepRow, ...]:
    return tuple(
        NextStepRow(
            namer.text(item.text),
            namer.name(item.owner),
            short_date(item.due) if item.due is not None else "",
            STATUS_WORDS[item.status or NextStepStatus.IDEA],
            step_is_overdue(item, on),
        )
        for item in items_in(meeting.items, Category.NEXT_STEP)
    )


def _voice(bundle: MeetingBundle, namer: Namer) -> tuple[tuple[VoiceGroup, ...], int]:
    shared = [entry for entry in bundle.meeting.child_voice if entry.consent_to_share and entry.words.strip()]
    not_shared = sum(1 for entry in bundle.meeting.child_voice if not entry.consent_to_share)
    children = [person for person in bundle.network.people if person.role is PersonRole.CHILD]
    known = {person.id: person for person in bundle.network.people if person.id is not None}
    order = [person.id for person in children] + [entry.child for entry in shared]
    groups = []
    for child_id in dict.fromkeys(order):
        entries = [entry for entry in shared if entry.child == child_id]
        if not entries:
            continue
        person = known.get(child_id) if child_id is not None else None
        child = namer.person(person) if person is not None else "A child not named in the network"
        tool = tool_of(bundle.meeting.child_tools, child_id)
        titles = house_titles(tool)
        houses = tuple(
            (titles[house], tuple(namer.text(entry.words) for entry in entries if entry.house is house))
            for house in House
        )
        groups.append(VoiceGroup(child, tuple(house for house in houses if house[1]), CHILD_TOOL_LABELS[tool]))
    return tuple(groups), not_shared


def heading_of(bundle: MeetingBundle, namer: Namer) -> Heading:
    meeting = bundle.meeting
    return Heading(
        case_label=namer.text(bundle.case.label),
        reference=bundle.case.reference,
        title=namer.text(meeting.title),
        kind=meeting_kind_label(meeting.kind),
        held_on=long_date(meeting.held_on),
        date=short_date(meeting.held_on) if meeting.held_on is not None else "",
        framework=template(bundle.case.framework).name,
        confidentiality_agreed=meeting.confidentiality_agreed,
    )


def minutes_snapshot(
    bundle: MeetingBundle,
    options: MinutesOptions,
    case_meetings: Sequence[Meeting] | None = None,
    today: date | None = None,
) -> MinutesSnapshot:
    """What the minutes of ``bundle`` say, with ``case_meetings`` (the case's meetings) for the trajectories;
    ``today`` (default: today) is the day next steps are judged overdue on when the meeting has no date.
    """
    meeting, case = bundle.meeting, bundle.case
    today = today or date.today()
    on = reference_day(meeting, today)
    namer = Namer(bundle, pseudonymise=options.pseudonymise)
    words = template(case.framework)
    heading = heading_of(bundle, namer)
    steps = _next_steps(meeting, namer, on)
    ideas = any(row.status == STATUS_WORDS[NextStepStatus.IDEA] for row in steps)
    voice, not_shared = _voice(bundle, namer)
    network = network_view(bundle.network, namer)
    return MinutesSnapshot(
        marking=options.marking,
        heading=heading,
        attendees=tuple((namer.name(a.name), ROLE_LABELS[a.role]) for a in meeting.attendees),
        focus_question=namer.text(meeting.focus_question),
        agenda=agenda_rows(meeting.agenda),
        columns=_columns(meeting, words, namer, on),
        pair_words=(_capital(words.one(Category.DANGER)), _capital(words.one(Category.GOAL))),
        pairs_title=f"{words.label(Category.DANGER)} and {words.one(Category.GOAL)}s",
        pairs=_pairs(meeting, namer),
        scales=scale_views(meeting, list(case_meetings or ()), namer),
        network=network,
        family_tree=_family_tree(bundle.network, network, namer),
        voice=voice,
        voice_not_shared=not_shared,
        next_steps=steps,
        next_steps_note=IDEAS_ONLY if ideas and not may_agree(meeting) else "",
        summary=namer.text(meeting.summary),
        feedback=feedback_view(meeting, namer) if options.include_feedback else None,
        over_time=over_time_view(bundle, namer, today),
        plans=plans_view(bundle, namer, today),
        family=family_meeting_view(bundle, namer),
        safety_houses=houses_view(bundle, namer),
    )


def _family_tree(network: Network, drawn: NetworkView, namer: Namer) -> NetworkView | None:
    """The genogram the minutes add beside the network's own drawing (None: nothing recorded, or drawn already)."""
    if drawn.genogram or not has_genogram_marks(network):
        return None
    tree = network_view(network, namer, compute_layout(network, LayoutKind.FAMILY_TREE))
    return tree if tree.genogram else None
