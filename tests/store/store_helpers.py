"""Helpers for the store tests: counting rows, comparing bundles whatever their ids, a small meeting to start from."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from sos_desktop.models import Category, ChildVoiceEntry, House, MapItem, Meeting, MeetingBundle
from sos_desktop.store import Store
from sos_desktop.store.tables import metadata


def row_counts(store: Store) -> dict[str, int]:
    """How many rows each table of the schema holds."""
    with store.engine.connect() as conn:
        return {
            table.name: conn.scalar(select(func.count()).select_from(table)) or 0 for table in metadata.sorted_tables
        }


def canonical(bundle: MeetingBundle) -> dict[str, Any]:
    """A bundle's content with every id replaced by what it stands for, so bundles compare across id schemes.

    Cards are named by (category, index in category), people by name; cards are grouped by category in order.
    """
    meeting = bundle.meeting
    card_names: dict[int | None, tuple[str, int]] = {}
    by_category: dict[str, list[MapItem]] = {}
    for item in meeting.items:
        siblings = by_category.setdefault(item.category.value, [])
        card_names[item.id] = (item.category.value, len(siblings))
        siblings.append(item)
    person_names = {person.id: person.name for person in bundle.network.people}

    def card(item_id: int | None) -> tuple[str, int] | None:
        return card_names[item_id] if item_id is not None else None

    return {
        "case": (bundle.case.label, bundle.case.reference, bundle.case.framework, bundle.case.extra),
        "details": (
            meeting.title,
            meeting.kind,
            meeting.held_on,
            meeting.focus_question,
            meeting.confidentiality_agreed,
            meeting.summary,
            meeting.extra,
        ),
        "attendees": meeting.attendees,
        "agenda": meeting.agenda,
        "cards": {
            category: [(i.text, i.said_by, card(i.pairs_with), i.owner, i.due, i.status, i.extra) for i in items]
            for category, items in by_category.items()
        },
        "scales": [(s.question, s.zero_means, s.ten_means, card(s.about), s.ratings, s.extra) for s in meeting.scales],
        "child_voice": [(v.house, v.words, person_names.get(v.child), v.consent_to_share) for v in meeting.child_voice],
        "observations": meeting.observations,
        "people": [
            {
                **{k: v for k, v in vars(p).items() if k not in ("id", "agrees_with")},
                "agrees_with": sorted(card_names[i] for i in p.agrees_with),
            }
            for p in bundle.network.people
        ],
        "ties": [(person_names[t.source], person_names[t.target], t.kind, t.extra) for t in bundle.network.ties],
    }


def small_meeting(case_id: int, title: str = "Mapping") -> Meeting:
    """A meeting with a paired danger statement and goal, a strength and a child's-voice entry (no child)."""
    return Meeting(
        title=title,
        case_id=case_id,
        items=[
            MapItem(id=-1, category=Category.DANGER, text="Danger", pairs_with=-2),
            MapItem(id=-2, category=Category.GOAL, text="Goal", pairs_with=-1),
            MapItem(id=-3, category=Category.STRENGTH, text="Strength"),
        ],
        child_voice=[ChildVoiceEntry(house=House.DREAMS, words="A dog.")],
    )
