"""A practice leader's development plan over the two-year Practice Leader Development Trajectory: the stages, the
goals they set with their supervisor, the observed supervisions each goal draws its evidence from, the leader's own
rating beside the observer's for each criterion, the next step they set themselves, and the supervisor's sign-offs.

The practice it follows (Wokingham's, in the seeds): after the 5-day Practice Leader training, practice leaders
"facilitate a group supervision outside of their own team with an observer … in line with the 2 year Practice
Leader Development Trajectory", then go on to lead practice and facilitate family meetings and conferences. The four
stages below are six months each.

The "self vs observer" figures are worked out here once, for the development plan window and the development
report PDF, on top of ``models.development`` (the observers' ratings meeting by meeting), so the two never disagree.
A plan is kept as JSON (``to_dict`` / ``plan_from_dict``); a malformed one is refused with one plain sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from statistics import fmean
from typing import Any

from sos_desktop.models.development import DevelopmentFigures, MeetingFigures, development_figures
from sos_desktop.models.meeting import Meeting
from sos_desktop.models.observation import Observations, RubricRating

MAX_TEXT = 4000
"""The longest text a plan keeps in one field (a goal, a note, a comment); longer is refused, not cut."""
MAX_NAME = 200
MAX_ITEMS = 500
"""The most goals, evidence links, self-ratings or sign-offs a plan may hold: far past any real plan."""


class PlanError(ValueError):
    """A plan that cannot be read or kept as given, with one sentence a user can read."""


@dataclass(frozen=True)
class Stage:
    key: str
    name: str
    first_month: int
    last_month: int
    focus: str

    @property
    def label(self) -> str:
        """The stage as the window and the report name it: "Foundation (months 0–6)"."""
        return f"{self.name} (months {self.first_month}–{self.last_month})"


STAGES: tuple[Stage, ...] = (
    Stage(
        "foundation",
        "Foundation",
        0,
        6,
        "The 5-day Practice Leader training; facilitating group supervision in their own team.",
    ),
    Stage(
        "developing",
        "Developing",
        6,
        12,
        "Facilitating a group supervision outside their own team with an observer, monthly.",
    ),
    Stage(
        "consolidating",
        "Consolidating",
        12,
        18,
        "Facilitating family meetings, and supervisions that are filmed to learn from.",
    ),
    Stage(
        "leading",
        "Leading",
        18,
        24,
        "Leading practice: observing and supporting other practice leaders, case consultations.",
    ),
)
"""The two-year Practice Leader Development Trajectory in four stages of six months."""
STAGE_KEYS = tuple(stage.key for stage in STAGES)


def stage(key: str) -> Stage:
    """The stage called ``key``; PlanError if there is none."""
    for found in STAGES:
        if found.key == key:
            return found
    raise PlanError(f"There is no stage called {key[:40]!r} in the two-year trajectory.")


def stage_dates(started_on: date, key: str) -> tuple[date, date]:
    """The first and last day of the stage (its months counted from ``started_on``)."""
    found = stage(key)
    return _months_after(started_on, found.first_month), _months_after(started_on, found.last_month)


def _months_after(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    day = min(start.day, 28)
    return date(start.year + year, month + 1, day)


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"
    WORKING = "working"
    ACHIEVED = "achieved"

    @property
    def label(self) -> str:
        return {"not_started": "Not started", "working": "Working on it", "achieved": "Achieved"}[self.value]


@dataclass
class Evidence:
    """An observed supervision a goal draws on (by the meeting's uid), with what it shows."""

    meeting_uid: str
    note: str = ""


@dataclass
class Goal:
    text: str
    stage: str = STAGES[0].key
    target: date | None = None
    status: GoalStatus = GoalStatus.NOT_STARTED
    evidence: list[Evidence] = field(default_factory=list)
    next_step: str = ""
    """The next step the leader sets themselves towards the goal."""


SelfRating = RubricRating
"""The leader's own rating of a criterion at a meeting: the same 0 to 10 in half points, with a comment, as the
observer's rubric rating."""


@dataclass
class SignOff:
    supervisor: str
    on: date
    comment: str = ""
    stage: str = ""
    """The stage signed off; "" when it is the plan as a whole."""

    @property
    def what(self) -> str:
        return stage(self.stage).label if self.stage else "The whole plan"


@dataclass
class DevelopmentPlan:
    leader: str
    supervisor: str = ""
    started_on: date | None = None
    goals: list[Goal] = field(default_factory=list)
    self_ratings: dict[str, list[SelfRating]] = field(default_factory=dict)
    """The leader's own ratings, by the uid of the observed meeting they rated themselves on."""
    sign_offs: list[SignOff] = field(default_factory=list)
    version: int = 0
    """The stored version this copy was read at (0: never saved); the store refuses a save from a stale copy."""

    def self_rating(self, meeting_uid: str, criterion: str) -> SelfRating | None:
        return next((r for r in self.self_ratings.get(meeting_uid, []) if r.criterion == criterion), None)

    def set_self_rating(self, meeting_uid: str, criterion: str, value: float | None, comment: str = "") -> None:
        """Give (or, with None, take back) the leader's own rating of ``criterion`` at the meeting."""
        kept = [r for r in self.self_ratings.get(meeting_uid, []) if r.criterion != criterion]
        if value is not None:
            kept.append(SelfRating(criterion, value, _text(comment, "A comment")))
        if kept:
            self.self_ratings[meeting_uid] = kept
        else:
            self.self_ratings.pop(meeting_uid, None)

    def meeting_uids(self) -> list[str]:
        """The meetings the plan draws on: evidence for a goal or self-rated, each once, as first named."""
        cited = [e.meeting_uid for goal in self.goals for e in goal.evidence]
        return list(dict.fromkeys([*cited, *self.self_ratings]))

    def sign_off(self, supervisor: str, on: date, comment: str = "", stage_key: str = "") -> SignOff:
        if not supervisor.strip():
            raise PlanError("A sign-off needs the supervisor's name.")
        if stage_key:
            stage(stage_key)
        signed = SignOff(_text(supervisor.strip(), "The supervisor's name", MAX_NAME), on, _text(comment), stage_key)
        self.sign_offs.append(signed)
        return signed

    def to_dict(self) -> dict[str, Any]:
        """The plan as the ``data`` JSON of its row (the leader and the version are columns of their own)."""
        return {
            "supervisor": self.supervisor,
            "started_on": self.started_on.isoformat() if self.started_on else None,
            "goals": [
                {
                    "text": g.text,
                    "stage": g.stage,
                    "target": g.target.isoformat() if g.target else None,
                    "status": g.status.value,
                    "evidence": [{"meeting_uid": e.meeting_uid, "note": e.note} for e in g.evidence],
                    "next_step": g.next_step,
                }
                for g in self.goals
            ],
            "self_ratings": {
                uid: [{"criterion": r.criterion, "value": r.value, "comment": r.comment} for r in ratings]
                for uid, ratings in self.self_ratings.items()
            },
            "sign_offs": [
                {"supervisor": s.supervisor, "on": s.on.isoformat(), "comment": s.comment, "stage": s.stage}
                for s in self.sign_offs
            ],
        }


def plan_from_dict(leader: str, data: Mapping[str, Any], version: int = 0) -> DevelopmentPlan:
    """The plan ``to_dict`` gave; PlanError (one sentence) if anything in it is malformed."""
    try:
        return _plan(leader, data, version)
    except PlanError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise PlanError(f"{_whose(leader)} development plan is damaged and could not be read ({error}).") from None


def _whose(leader: str) -> str:
    return f"{leader.strip()[:MAX_NAME]}'s" if leader.strip() else "This"


def _plan(leader: str, data: Mapping[str, Any], version: int) -> DevelopmentPlan:
    if not isinstance(data, Mapping):
        raise PlanError(f"{_whose(leader)} development plan is damaged: it is not a set of named fields.")
    name = _text(str(leader).strip(), "The practice leader's name", MAX_NAME)
    if not name:
        raise PlanError("A development plan needs the practice leader's name.")
    goals = [_goal(g) for g in _items(data.get("goals", []), "goals")]
    ratings_given = data.get("self_ratings", {})
    if not isinstance(ratings_given, Mapping):
        raise PlanError(f"{_whose(leader)} development plan is damaged: its self-ratings are not by meeting.")
    self_ratings = {
        _text(str(uid), "A meeting's id", MAX_NAME): [
            SelfRating(
                _text(str(r["criterion"]), "A criterion", MAX_NAME), float(r["value"]), _text(r.get("comment", ""))
            )
            for r in _items(ratings, "self-ratings")
        ]
        for uid, ratings in ratings_given.items()
    }
    sign_offs = [
        SignOff(
            _text(str(s["supervisor"]), "The supervisor's name", MAX_NAME),
            date.fromisoformat(s["on"]),
            _text(s.get("comment", "")),
            _stage_key(s.get("stage", "") or ""),
        )
        for s in _items(data.get("sign_offs", []), "sign-offs")
    ]
    started = data.get("started_on")
    return DevelopmentPlan(
        leader=name,
        supervisor=_text(data.get("supervisor", "") or "", "The supervisor's name", MAX_NAME),
        started_on=date.fromisoformat(started) if started else None,
        goals=goals,
        self_ratings=self_ratings,
        sign_offs=sign_offs,
        version=int(version),
    )


def _goal(given: Mapping[str, Any]) -> Goal:
    target = given.get("target")
    return Goal(
        text=_text(given["text"], "A goal"),
        stage=_stage_key(given.get("stage") or STAGES[0].key),
        target=date.fromisoformat(target) if target else None,
        status=GoalStatus(given.get("status", GoalStatus.NOT_STARTED.value)),
        evidence=[
            Evidence(_text(str(e["meeting_uid"]), "A meeting's id", MAX_NAME), _text(e.get("note", "")))
            for e in _items(given.get("evidence", []), "evidence")
        ],
        next_step=_text(given.get("next_step", "") or "", "A next step"),
    )


def _stage_key(key: str) -> str:
    return stage(str(key)).key


def _items(given: Any, what: str) -> list[Any]:
    if not isinstance(given, list):
        raise PlanError(f"A development plan's {what} are damaged: they are not a list.")
    if len(given) > MAX_ITEMS:
        raise PlanError(f"A development plan can hold at most {MAX_ITEMS} {what}.")
    return given


def _text(given: Any, what: str = "A text", limit: int = MAX_TEXT) -> str:
    if not isinstance(given, str):
        raise PlanError(f"{what} in the development plan is not text.")
    if len(given) > limit:
        raise PlanError(f"{what} can be at most {limit} characters long; this one has {len(given)}.")
    return given


def check_plan(plan: DevelopmentPlan) -> None:
    """Raise PlanError if ``plan`` could not be read back as it is (too long, an unknown stage, a bad rating)."""
    plan_from_dict(plan.leader, plan.to_dict(), plan.version)


# Self vs observer


@dataclass(frozen=True)
class CriterionComparison:
    criterion: str
    leader: float | None
    """The leader's own rating (or the mean of their ratings over the plan's meetings), to two places."""
    observer: float | None
    """The observers' rating (or mean), to two places."""

    @property
    def gap(self) -> float | None:
        """How far the leader rated themselves above (+) or below (−) the observer, from the two figures as shown
        (so a reader's own subtraction agrees); None unless both rated.
        """
        if self.leader is None or self.observer is None:
            return None
        return round(self.leader - self.observer, 2)


@dataclass(frozen=True)
class MeetingComparison:
    figures: MeetingFigures
    rows: tuple[CriterionComparison, ...]

    @property
    def meeting(self) -> Meeting:
        return self.figures.meeting


@dataclass(frozen=True)
class PlanComparison:
    """Self vs observer per criterion: meeting by meeting (oldest first) and the mean over the plan's meetings."""

    criteria: tuple[str, ...]
    meetings: tuple[MeetingComparison, ...]
    overall: tuple[CriterionComparison, ...]
    """Per criterion, the mean of the leader's ratings and the mean of the observers' over the plan's meetings
    that both rated; where none was rated by both, each side's mean over the meetings it rated."""

    def meeting(self, uid: str) -> MeetingComparison | None:
        return next((m for m in self.meetings if m.meeting.uid == uid), None)


def self_vs_observer(
    plan: DevelopmentPlan,
    facilitated: Sequence[tuple[Meeting, Observations]],
    preferred: Sequence[str] = (),
    *,
    every_meeting: bool = False,
) -> PlanComparison:
    """The leader's own ratings beside the observers' at the plan's meetings (those cited as evidence or
    self-rated; with ``every_meeting``, every meeting in ``facilitated``).

    The criteria come in the observers' order (``preferred`` first, as ``development_figures`` orders them), then
    any the leader rated that no observer did.
    """
    cited = set(plan.meeting_uids())
    chosen = [pair for pair in facilitated if every_meeting or pair[0].uid in cited]
    figures: DevelopmentFigures = development_figures(chosen, preferred)
    own = [r.criterion for uid in plan.self_ratings for r in plan.self_ratings[uid]]
    criteria = (*figures.criteria, *(c for c in dict.fromkeys(own) if c not in figures.criteria))
    meetings = tuple(
        MeetingComparison(
            row,
            tuple(CriterionComparison(c, _own(plan, row.meeting.uid, c), row.scores.get(c)) for c in criteria),
        )
        for row in figures.meetings
    )
    overall = tuple(_overall(c, [row.rows[i] for row in meetings]) for i, c in enumerate(criteria))
    return PlanComparison(tuple(criteria), meetings, overall)


def _overall(criterion: str, rows: Sequence[CriterionComparison]) -> CriterionComparison:
    """The means over the meetings both sides rated (so the gap compares like with like); where no meeting was
    rated by both, each side's own mean (and no gap).
    """
    paired = [row for row in rows if row.leader is not None and row.observer is not None]
    chosen = paired or rows
    return CriterionComparison(criterion, _mean([r.leader for r in chosen]), _mean([r.observer for r in chosen]))


def _own(plan: DevelopmentPlan, uid: str, criterion: str) -> float | None:
    rating = plan.self_rating(uid, criterion)
    return None if rating is None else rating.value


def _mean(values: Sequence[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return round(fmean(given), 2) if given else None
