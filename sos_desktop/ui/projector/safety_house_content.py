"""What the projector shows of a child's Safety House: display names only, shared entries only, words masked.

This is the Safety House view's privacy boundary. The chart is given a ``SafetyHouseContent``, never a
``SafetyHouse`` nor a ``NetworkPerson``: the child and each person placed by their display name, the child's words
through the projection's masker (a name the child said reaches the wall as it does on the map), and only the
entries the child agreed to share: a placement, a rule or the path without consent is counted, never carried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sos_desktop.models import Meeting, Network, NetworkPerson, PersonRole
from sos_desktop.models.network import initials
from sos_desktop.models.safety_house import PLACEMENT_TITLES, Placement, house_of

Mask = Callable[[str], str]


@dataclass(frozen=True)
class PlacedContent:
    name: str
    """The person's display name."""
    words: str
    """What the child said about them, masked ("" when they only placed them)."""


@dataclass(frozen=True)
class PlaceContent:
    where: Placement
    title: str
    people: tuple[PlacedContent, ...]


@dataclass(frozen=True)
class SafetyHouseContent:
    title: str
    child: str
    places: tuple[PlaceContent, ...]
    rules: tuple[str, ...]
    path: float | None
    """Where the child is on the path, if they agreed to share it (None: not shared, or not placed)."""
    path_words: str
    not_shared: int
    """How many of the house's entries are left out, the child not having agreed to share them."""

    @property
    def heading(self) -> str:
        return f"{self.child}'s Safety House" if self.child else "The child's Safety House"

    @property
    def shared(self) -> int:
        return sum(len(place.people) for place in self.places) + len(self.rules) + (self.path is not None)


def display_name(person: NetworkPerson) -> str:
    return person.display_name.strip() or initials(person.name)


def house_child(meeting: Meeting, network: Network, child: int | None) -> NetworkPerson | None:
    """The child ``child`` names if a child of the network; else the first child with a house; else the first."""
    children = [person for person in network.people if person.role is PersonRole.CHILD]
    chosen = next((person for person in children if person.id == child), None)
    if chosen is not None:
        return chosen
    drawn = {house.child for house in meeting.safety_houses}
    return next((p for p in children if p.id in drawn), children[0] if children else None)


def safety_house_content(
    meeting: Meeting, network: Network, title: str, child: int | None, mask: Mask
) -> SafetyHouseContent:
    person = house_child(meeting, network, child)
    names = {p.id: display_name(p) for p in network.people if p.id is not None}
    house = None if person is None or person.id is None else house_of(meeting.safety_houses, person.id)
    places: list[PlaceContent] = []
    rules: tuple[str, ...] = ()
    path, path_words, not_shared = None, "", 0
    if house is not None:
        present = [placed for placed in house.people if placed.person in names]
        for where in Placement:
            shown = tuple(
                PlacedContent(names[p.person], mask(p.words))
                for p in present
                if p.where is where and p.consent_to_share
            )
            places.append(PlaceContent(where, PLACEMENT_TITLES[where], shown))
        rules = tuple(mask(rule.words) for rule in house.rules if rule.consent_to_share and rule.words.strip())
        if house.path_consent:
            path, path_words = house.path, mask(house.path_words)
        not_shared = sum(not p.consent_to_share for p in present) + sum(not r.consent_to_share for r in house.rules)
        not_shared += not house.path_consent and (house.path is not None or bool(house.path_words))
    else:
        places = [PlaceContent(where, PLACEMENT_TITLES[where], ()) for where in Placement]
    name = "" if person is None else display_name(person)
    return SafetyHouseContent(mask(title), name, tuple(places), rules, path, path_words, int(not_shared))
