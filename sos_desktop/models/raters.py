"""Who rates a scale: everyone at the meeting whose role gives a number, and anyone the facilitator adds.

Observers watch the facilitation rather than take part in the case, so they are not asked for a number unless the
facilitator adds them as a rater. The console's rows, the names it offers to add and the projector's "Still to
rate" in a private round all follow this one rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sos_desktop.models.enums import AttendeeRole
from sos_desktop.models.meeting import Attendee
from sos_desktop.models.scaling import Scale

ADDED_RATERS = "added_raters"
"""The key in ``Scale.extra`` of the names the facilitator added as raters of that scale (kept with the scale)."""

NOT_RATING_ROLES = frozenset({AttendeeRole.OBSERVER})
"""Roles that do not rate unless added: an observer gives feedback on the facilitation, not a number on the case."""


def rates_by_role(role: AttendeeRole) -> bool:
    """Whether an attendee in ``role`` is asked for a number without being added."""
    return role not in NOT_RATING_ROLES


def same_person(name: str) -> str:
    """A name as raters are matched: spaces tidied, case ignored ("jo  reid" is Jo Reid)."""
    return " ".join(name.split()).casefold()


def added_raters(scale: Scale) -> list[str]:
    """The names the facilitator added as raters of ``scale``, in the order they were added."""
    names = scale.extra.get(ADDED_RATERS)
    return [name for name in names if isinstance(name, str) and name.strip()] if isinstance(names, list) else []


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    found = []
    for name in names:
        key = same_person(name)
        if key and key not in seen:
            seen.add(key)
            found.append(name.strip())
    return found


def raters(attendees: Sequence[Attendee], scale: Scale | None) -> list[str]:
    """Who rates ``scale``: the presenter first (the worker's number comes first), then the other attendees whose
    role rates, in the order they were listed, then anyone who has rated or was added.
    """
    by_role = [a for a in attendees if rates_by_role(a.role)]
    ordered = [a.name for a in by_role if a.role is AttendeeRole.PRESENTER]
    ordered += [a.name for a in by_role if a.role is not AttendeeRole.PRESENTER]
    if scale is not None:
        ordered += [rating.rater for rating in scale.ratings] + added_raters(scale)
    return _unique(ordered)


def still_to_rate(attendees: Sequence[Attendee], scale: Scale) -> list[str]:
    """The raters of ``scale`` who have not given their number yet."""
    rated = {same_person(rating.rater) for rating in scale.ratings}
    return [name for name in raters(attendees, scale) if same_person(name) not in rated]


def may_be_added(attendees: Sequence[Attendee], others: Iterable[str], scale: Scale | None) -> list[str]:
    """Whom the facilitator may add as a rater: the attendees who do not rate by role (an observer), then
    ``others`` (the people in the network), leaving out everyone who rates already.
    """
    rating = {same_person(name) for name in raters(attendees, scale)}
    offered = [a.name for a in attendees if not rates_by_role(a.role)] + list(others)
    return [name for name in _unique(offered) if same_person(name) not in rating]
