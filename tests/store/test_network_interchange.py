"""A network drawn in one database travels through the interchange file into another and arrives whole:
people with every detail and their places on the graph, and ties with their kind and direction.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sos_desktop.exporters.interchange.files import read_meeting_file, write_meeting_file
from sos_desktop.models import Circle, Network, NetworkPerson, PersonRole
from sos_desktop.models.demo import NAN_RULE, demo_bundle
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.store.store import Store


def described(network: Network) -> tuple[list[tuple[object, ...]], set[tuple[str, str, str]]]:
    """The network in words: each person's details by name, and ties as (from, to, kind) by name."""
    names = {p.id: p.name for p in network.people}
    people = [
        (
            p.name,
            p.display_name,
            p.role,
            p.relationship,
            p.age,
            p.circle,
            p.knows_worries,
            p.knows_worries_since,
            p.contact,
            p.notes,
            p.x,
            p.y,
        )
        for p in network.people
    ]
    return people, {(names[t.source], names[t.target], t.kind.value) for t in network.ties}


def test_a_drawn_network_round_trips_through_the_interchange_file(store: Store, tmp_path: Path) -> None:
    saved = store.save_bundle(demo_bundle())
    case_id = saved.case.id or 0
    added = store.add_person(
        case_id,
        NetworkPerson(
            name="Zoë Łukasiewicz-Nguyễn",
            display_name="Aunt Z",
            role=PersonRole.FAMILY,
            relationship="Mum's cousin",
            circle=Circle.OUTER,
            knows_worries=True,
            knows_worries_since=date(2026, 11, 3),
            rules=["Collects Lily from nursery on Fridays"],
            contact="07700 900123\nEvenings only",
        ),
    )
    layout = compute_layout(store.get_network(case_id), LayoutKind.FAMILY_TREE)
    store.set_positions(case_id, {person_id: (x, y) for person_id, (x, y) in layout.items()})
    before = store.get_network(case_id)
    assert all(p.x is not None for p in before.people) and added.id is not None

    path = tmp_path / "meeting.json"
    write_meeting_file(store.load_bundle(saved.meeting.id or 0), path)
    other = Store.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        arrived = other.save_bundle(read_meeting_file(path))
        after = other.get_network(arrived.case.id or 0)
        plan = other.get_meeting(arrived.meeting.id or 0).safety_plan
    finally:
        other.close()
    assert described(after) == described(before)
    assert len(after.people) == 13 and len(after.ties) == len(before.ties)
    # A rule given to a person on their own (as before the safety plan) arrives as a rule of the plan they own.
    aunt = next(person for person in after.people if person.display_name == "Aunt Z")
    nan = next(person for person in after.people if person.display_name == "Nan")
    assert [(rule.words, rule.owners) for rule in plan.rules] == [
        (NAN_RULE, [nan.id]),
        ("Collects Lily from nursery on Fridays", [aunt.id]),
    ]
    assert aunt.rules == []
