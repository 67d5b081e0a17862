"""The minutes' Safety House: per child, who lives in the house, who visits, who the child does not feel safe with,
the house rules and where the child put themselves on the path to the door, in the child's words.

As the child's voice is minuted, only what the child agreed to share is written (the rest is counted); people and
words go through the minutes' ``Namer``, so pseudonymised minutes give display names and masked words. ``houses_view``
makes the plain snapshot (``story_safety_house`` its flowables).
"""

from __future__ import annotations

from dataclasses import dataclass

from sos_desktop.exporters.minutes.naming import Namer
from sos_desktop.models import MeetingBundle, PersonRole
from sos_desktop.models.safety_house import PLACEMENT_TITLES, Placement


@dataclass(frozen=True)
class HouseView:
    child: str
    places: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    """Each place with somebody shared in it: its title, and each person's name with the child's words."""
    rules: tuple[str, ...]
    path: str
    """ "6 of 10", or "" when the child was not placed on the path or did not agree to share it."""
    path_words: str
    not_shared: int


def _value(value: float) -> str:
    whole = int(value)
    return f"{whole}½" if value != whole else str(whole)


def houses_view(bundle: MeetingBundle, namer: Namer) -> tuple[HouseView, ...]:
    """The meeting's Safety Houses, children in the network's order (children no longer in it left out)."""
    people = {person.id: person for person in bundle.network.people if person.id is not None}
    order = [p.id for p in bundle.network.people if p.role is PersonRole.CHILD] + list(people)
    by_child = {house.child: house for house in bundle.meeting.safety_houses if house.child in people}
    views = []
    for child in dict.fromkeys(order):
        house = by_child.get(child)  # type: ignore[arg-type]
        if house is None:
            continue
        present = [placed for placed in house.people if placed.person in people]
        places = []
        for where in Placement:
            shown = tuple(
                (namer.person(people[p.person]), namer.text(p.words))
                for p in present
                if p.where is where and p.consent_to_share
            )
            if shown:
                places.append((PLACEMENT_TITLES[where], shown))
        rules = tuple(namer.text(rule.words) for rule in house.rules if rule.consent_to_share)
        shared_path = house.path_consent and house.path is not None
        path = f"{_value(house.path)} of 10" if shared_path and house.path is not None else ""
        path_words = namer.text(house.path_words) if house.path_consent else ""
        not_shared = sum(not p.consent_to_share for p in present) + sum(not r.consent_to_share for r in house.rules)
        not_shared += int(not house.path_consent and (house.path is not None or bool(house.path_words)))
        views.append(HouseView(namer.person(people[house.child]), tuple(places), rules, path, path_words, not_shared))
    return tuple(views)
