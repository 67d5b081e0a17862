"""The demo case saved whole: its first meeting, the follow-up continued from it (every review outcome, what
changed, the network grown), the child protection conference continued from the follow-up (Mum, Dad and Nan
attending and rating, who agrees with each statement, the decision) and the chronology, with the follow-up's dated
harm card put on it.

One transaction, so a demo is there whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Connection

from sos_desktop.models import TieKind
from sos_desktop.models.chronology import date_in_text, event_from_card
from sos_desktop.models.demo import FOLLOW_UP_HARM, demo_bundle, demo_follow_up, demo_joiner
from sos_desktop.models.demo_conference import demo_conference
from sos_desktop.models.network import Tie
from sos_desktop.models.words_pictures_demo import demo_pictures
from sos_desktop.store.repo import bundles, chronology, network
from sos_desktop.store.repo.best_questions import save_demo_questions
from sos_desktop.store.repo.case_audits import save_demo_case_audit
from sos_desktop.store.repo.development_plans import save_demo_plan
from sos_desktop.store.repo.meetings import add_meeting
from sos_desktop.store.repo.reflections import save_demo_journal
from sos_desktop.store.repo.words_pictures import add_bundle_pictures


@dataclass(frozen=True)
class DemoMeetings:
    first: int
    follow_up: int
    conference: int


def save_demo(conn: Connection) -> DemoMeetings:
    stored = bundles.save_bundle(conn, demo_bundle())
    case_id, first_id = stored.meeting.case_id, stored.meeting.id
    assert case_id is not None and first_id is not None
    follow_up = demo_follow_up(stored.meeting, stored.network)
    # Lily's Words and Pictures story shows a picture of Nan's house: kept for the case, named by its id.
    follow_up.words_pictures = add_bundle_pictures(conn, case_id, follow_up.words_pictures, demo_pictures())
    following = add_meeting(conn, follow_up)
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
    conference = add_meeting(conn, demo_conference(following, network.get_network(conn, case_id)))
    assert conference.id is not None
    save_demo_journal(conn, stored.meeting)  # Alex Morgan's learning journal, sealed (see README)
    save_demo_plan(conn, first_id, following.id)  # Alex Morgan's development plan, Jo Reid's feedback
    save_demo_case_audit(conn, case_id)  # the case's joint audit, Ruth Mensah with Sam Patel
    save_demo_questions(conn, following.uid)  # the team's best questions, one captured in the follow-up
    return DemoMeetings(first_id, following.id, conference.id)
