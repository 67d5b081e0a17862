"""The demo's practice leader: Alex Morgan, who facilitated the demo's two group supervisions with Jo Reid
observing, has a development plan with goals in two stages, evidence from those meetings, their own ratings beside
Jo Reid's (her feedback is on the follow-up), and the Foundation stage signed off by their supervisor.

Jo Reid's feedback speaks of the facilitation only, never of the family.
"""

from __future__ import annotations

from datetime import date

from sos_desktop.models.development_plan import DevelopmentPlan, Evidence, Goal, GoalStatus, SignOff
from sos_desktop.models.observation import Observations, RubricRating

LEADER = "Alex Morgan"
OBSERVER = "Jo Reid"
SUPERVISOR = "Ruth Mensah"
PROCESS = "Kept to process rather than case detail"
TIME = "Time-keeping"
APPRECIATIVE = "Appreciative questions"
SCORES = "A score from everyone"


def demo_observations() -> Observations:
    """Jo Reid's feedback on the demo's follow-up meeting (the first meeting is left for the observer to rate)."""
    return Observations(
        observer=OBSERVER,
        ratings=[
            RubricRating(PROCESS, 7),
            RubricRating(TIME, 6.5),
            RubricRating(APPRECIATIVE, 7.5),
            RubricRating(SCORES, 8),
        ],
        went_well="The review of last time's next steps was brisk and kind; the group stayed with process.",
        even_better_if="Invite the quieter members to suggest a next step before the presenter does.",
    )


def demo_plan(first_uid: str, follow_up_uid: str) -> DevelopmentPlan:
    """Alex Morgan's plan, its evidence the two demo meetings (by their uids)."""
    plan = DevelopmentPlan(LEADER, supervisor=SUPERVISOR, started_on=date(2026, 6, 1))
    plan.goals = [
        Goal(
            "Keep the group to process rather than case detail",
            stage="foundation",
            target=date(2026, 11, 30),
            status=GoalStatus.ACHIEVED,
            evidence=[Evidence(first_uid, "Brought the group back to the map twice")],
            next_step="Keep a card for case detail to come back to after the meeting",
        ),
        Goal(
            "Facilitate a group supervision outside my own team with an observer",
            stage="developing",
            target=date(2027, 5, 31),
            status=GoalStatus.WORKING,
            evidence=[
                Evidence(first_uid, "Time-keeping was the weakest part"),
                Evidence(follow_up_uid, "Time-keeping better; review kept brisk"),
            ],
            next_step="Name the time left at each phase",
        ),
    ]
    for uid, own in (
        (first_uid, {PROCESS: 7.0, TIME: 6.0, APPRECIATIVE: 6.0, SCORES: 8.0}),
        (follow_up_uid, {PROCESS: 7.0, TIME: 6.0, APPRECIATIVE: 7.0, SCORES: 8.0}),
    ):
        for criterion, value in own.items():
            plan.set_self_rating(uid, criterion, value)
    plan.sign_offs = [SignOff(SUPERVISOR, date(2026, 12, 14), "A strong first six months.", "foundation")]
    return plan
