"""Two practice leaders, each facilitating three observed supervisions with ratings and each with a development plan
of goals and self-ratings: the database the development plan's store, report and command-line tests share.

The cases' labels and the family names in the meetings' titles are the words the development report must never
print (it is about the facilitation; it names meetings by date and kind).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from sos_desktop.models import Attendee, AttendeeRole, Case, Meeting, Observations, RubricRating
from sos_desktop.models.development_plan import DevelopmentPlan, Evidence, Goal, GoalStatus
from sos_desktop.store import Store

FAMILY_WORDS = ("Abbott", "Brennan", "CP-501", "CP-502")
"""Case labels, references and family names that appear in the cases and titles, never in a development report."""
OBSERVED = {
    "Alex Morgan": [
        {"Time-keeping": 5.0, "Plain language": 6.0, "Appreciative questions": 4.0},
        {"Time-keeping": 6.0, "Plain language": 7.0, "Appreciative questions": 5.0},
        {"Time-keeping": 7.0, "Plain language": 8.0, "Appreciative questions": 6.0},
    ],
    "Priya Shah": [
        {"Time-keeping": 8.0, "Plain language": 5.0},
        {"Time-keeping": 8.0, "Plain language": 6.0},
        {"Time-keeping": 9.0, "Plain language": 7.0},
    ],
}
SELF_RATED = {
    "Alex Morgan": [
        {"Time-keeping": 7.0, "Plain language": 6.0},
        {"Time-keeping": 7.0, "Plain language": 6.0, "Appreciative questions": 6.0},
        {"Time-keeping": 8.0, "Plain language": 7.0, "Appreciative questions": 7.0},
    ],
    "Priya Shah": [
        {"Time-keeping": 6.0, "Plain language": 5.0},
        {"Time-keeping": 7.0, "Plain language": 5.0},
        {"Time-keeping": 7.0, "Plain language": 6.0},
    ],
}
GOALS = {
    "Alex Morgan": "Keep the group to process rather than case detail",
    "Priya Shah": "Use plainer words in danger statements",
}
NEXT_STEPS = {
    "Alex Morgan": "Name the time left at each phase",
    "Priya Shah": "Ask the group to read the statement aloud",
}


def build_two_leaders(store: Store) -> dict[str, list[Meeting]]:
    """Save the two leaders' meetings and plans; return each leader's meetings, oldest first."""
    abbott = store.add_case(Case(label="Family Abbott", reference="CP-501"))
    brennan = store.add_case(Case(label="Family Brennan", reference="CP-502"))
    assert abbott.id is not None and brennan.id is not None
    made: dict[str, list[Meeting]] = {}
    for offset, (leader, ratings) in enumerate(OBSERVED.items()):
        made[leader] = []
        for month, given in enumerate(ratings, start=1):
            case_id = abbott.id if month % 2 else brennan.id
            family = "Abbott" if month % 2 else "Brennan"
            meeting = Meeting(
                title=f"{family} group supervision",
                case_id=case_id,
                held_on=datetime(2026, month + offset * 3, 10, 10),
                attendees=[
                    Attendee(leader, AttendeeRole.FACILITATOR),
                    Attendee("Jo Reid", AttendeeRole.OBSERVER),
                ],
                observations=Observations(
                    observer="Jo Reid",
                    ratings=[RubricRating(c, v) for c, v in given.items()],
                    went_well=f"{leader.split()[0]} kept roles clear in session {month}.",
                    even_better_if=f"Check the scaling question earlier in session {month}.",
                ),
            )
            made[leader].append(store.add_meeting(meeting))
        plan = DevelopmentPlan(leader=leader, supervisor="Ruth Mensah", started_on=date(2025, 12, 1))
        plan.goals.append(
            Goal(
                GOALS[leader],
                stage="developing",
                target=date(2026, 9, 1),
                status=GoalStatus.WORKING,
                evidence=[Evidence(m.uid, f"Session {i}") for i, m in enumerate(made[leader], start=1)],
                next_step=NEXT_STEPS[leader],
            )
        )
        plan.goals.append(Goal("Facilitate a family meeting", stage="consolidating"))
        for meeting, own in zip(made[leader], SELF_RATED[leader], strict=True):
            for criterion, value in own.items():
                plan.set_self_rating(meeting.uid, criterion, value)
        saved = store.save_development_plan(plan, 0)
        saved.sign_off("Ruth Mensah", date(2026, 6, 30), "Foundation done well.", "foundation")
        store.save_development_plan(saved, saved.version)
    return made


@contextmanager
def two_leaders_database(folder: Path) -> Iterator[Store]:
    """A SQLite database in ``folder`` holding the two leaders, open for the test and closed after."""
    opened = Store.open(f"sqlite:///{folder / 'sos.sqlite3'}")
    try:
        build_two_leaders(opened)
        yield opened
    finally:
        opened.close()
