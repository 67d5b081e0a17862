"""The demo case saved whole: its first meeting, the follow-up continued from it (every review outcome, what
changed, the network grown) and the chronology, with the follow-up's dated harm card put on it.

One transaction, so a demo is there whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Connection

from sos_desktop.models import TieKind
from sos_desktop.models.chronology import date_in_text, event_from_card
from sos_desktop.models.demo import FOLLOW_UP_HARM, demo_bundle, demo_follow_up, demo_joiner
from sos_desktop.models.network import Tie
from sos_desktop.store.repo import bundles, chronology, network
from sos_desktop.store.repo.meetings import add_meeting


@dataclass(frozen=True)
class DemoMeetings:
    first: int
    follow_up: int


def save_demo(conn: Connection) -> DemoMeetings:
    stored = bundles.save_bundle(conn, demo_bundle())
    case_id, first_id = stored.meeting.case_id, stored.meeting.id
    assert case_id is not None and first_id is not None
    following = add_meeting(conn, demo_follow_up(stored.meeting, stored.network))
    assert following.id is not None
    # Since the first meeting: Dad knows the worries now, and Mum's sister has joined the network.
    dad = next(person for person in stored.network.people if person.display_name == "Dad")
    dad.knows_worries, dad.knows_worries_since = True, date(2026, 12, 4)
    network.update_person(conn, dad)
    joiner = network.insert_person(conn, case_id, demo_joiner(), keep_id=False)
    mum = next(person for person in stored.network.people if person.display_name == "Mum")
    assert mum.id is not None
    network.insert_tie(
        conn, case_id, Tie(source=joiner, target=mum.id, kind=TieKind.FAMILY), joiner, mum.id, keep_id=False
    )
    harm = next(item for item in following.items if item.text == FOLLOW_UP_HARM)
    found = date_in_text(harm.text)
    assert found is not None
    event = event_from_card(harm, source=f"Case map, {following.title}", on=found[0], precision=found[1])
    chronology.add_event(conn, case_id, event)
    return DemoMeetings(first_id, following.id)
