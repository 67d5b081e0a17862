"""A family to test the network's maths on: Mia, 4, and the eleven people around her, as a mapping meeting might
first draw them (her parents apart, Mum's partner, Mum's parents and sister, a neighbour, a friend, professionals).

Shared by the layout, findings and tie-routing tests, so they speak of the same people and ties; and families made
up at random (the same for the same seed) of any size, for the tests that must hold for every family.
"""

from __future__ import annotations

import itertools
import random

from sos_desktop.models.enums import Circle, PersonRole, TieKind
from sos_desktop.models.network import Network, NetworkPerson, Tie

MIA, MUM, DAD, NAN, GRANDAD, AUNT, NEIGHBOUR, FRIEND, TEACHER, SOCIAL_WORKER, HEALTH_VISITOR, PARTNER = range(1, 13)

_PEOPLE: tuple[tuple[int, str, PersonRole, Circle | None, bool], ...] = (
    # id, name, role, circle, knows the worries
    (MIA, "Mia", PersonRole.CHILD, None, False),
    (MUM, "Mum", PersonRole.PARENT, Circle.INNER, True),
    (DAD, "Dad", PersonRole.PARENT, Circle.OUTER, False),
    (NAN, "Nan", PersonRole.FAMILY, Circle.INNER, True),
    (GRANDAD, "Grandad", PersonRole.FAMILY, Circle.INNER, False),
    (AUNT, "Aunt Sue", PersonRole.FAMILY, Circle.OUTER, False),
    (NEIGHBOUR, "Pat next door", PersonRole.COMMUNITY, Circle.OUTER, False),
    (FRIEND, "Jo", PersonRole.FRIEND, None, True),
    (TEACHER, "Mrs Shah", PersonRole.PROFESSIONAL, None, False),
    (SOCIAL_WORKER, "Sam the social worker", PersonRole.PROFESSIONAL, None, False),
    (HEALTH_VISITOR, "Ruth the health visitor", PersonRole.PROFESSIONAL, None, False),
    (PARTNER, "Lee", PersonRole.CARER, Circle.INNER, False),
)


def family() -> Network:
    """A fresh copy of the family each call: a test may change it."""
    people = [
        NetworkPerson(name, id=pid, role=role, circle=circle, knows_worries=knows)
        for pid, name, role, circle, knows in _PEOPLE
    ]
    ties = [
        Tie(MUM, MIA, TieKind.PARENT),
        Tie(DAD, MIA, TieKind.PARENT),
        Tie(NAN, MUM, TieKind.PARENT),
        Tie(GRANDAD, MUM, TieKind.PARENT),
        Tie(NAN, GRANDAD, TieKind.PARTNER),
        Tie(AUNT, MUM, TieKind.SIBLING),
        Tie(MUM, PARTNER, TieKind.PARTNER),
        Tie(NEIGHBOUR, MUM, TieKind.SUPPORT),
        Tie(FRIEND, MUM, TieKind.SUPPORT),
        Tie(TEACHER, MIA, TieKind.PROFESSIONAL),
        Tie(SOCIAL_WORKER, MIA, TieKind.PROFESSIONAL),
        Tie(SOCIAL_WORKER, MUM, TieKind.PROFESSIONAL),
        Tie(HEALTH_VISITOR, MUM, TieKind.PROFESSIONAL),
        Tie(PARTNER, MIA, TieKind.FAMILY),
    ]
    return Network(people, ties)


def generated_family(size: int, seed: int) -> Network:
    """A made-up network of ``size`` people (at least 5), the same for the same seed: one to three children, their
    parents (a step-parent now and then), grandparents, aunts and uncles with partners of their own, then friends,
    neighbours and professionals each tied to one to three of the family, and now and then somebody tied to nobody.
    """
    chance = random.Random(seed)
    people: list[NetworkPerson] = []
    ties: list[Tie] = []

    def add(role: PersonRole) -> int:
        people.append(NetworkPerson(f"P{len(people) + 1}", id=len(people) + 1, role=role))
        return len(people)

    children = [add(PersonRole.CHILD) for _ in range(chance.randint(1, 3))]
    parents = [add(PersonRole.PARENT) for _ in range(2)]
    ties.append(Tie(parents[0], parents[1], TieKind.PARTNER))
    ties += [Tie(parent, child, TieKind.PARENT) for parent in parents for child in children]
    ties += [Tie(a, b, TieKind.SIBLING) for a, b in itertools.pairwise(children)]
    family = [*children, *parents]
    family_size = max(len(family), round(size * 0.6))
    while len(people) < family_size:
        move = chance.random()
        if move < 0.15:
            carer = add(PersonRole.CARER)
            ties.append(Tie(chance.choice(parents), carer, TieKind.PARTNER))
            ties += [Tie(carer, child, TieKind.FAMILY) for child in children]
        elif move < 0.45:
            elder = add(PersonRole.FAMILY)
            ties.append(Tie(elder, chance.choice(parents), TieKind.PARENT))
        elif move < 0.8:
            relative = add(PersonRole.FAMILY)
            ties.append(Tie(chance.choice(family), relative, chance.choice([TieKind.SIBLING, TieKind.FAMILY])))
        else:
            partner = add(PersonRole.FAMILY)
            ties.append(Tie(chance.choice(family), partner, TieKind.PARTNER))
        family.append(len(people))
    while len(people) < size:
        role = chance.choice([PersonRole.FRIEND, PersonRole.COMMUNITY, PersonRole.PROFESSIONAL, PersonRole.OTHER])
        person = add(role)
        if role is PersonRole.OTHER:
            continue
        kind = TieKind.PROFESSIONAL if role is PersonRole.PROFESSIONAL else TieKind.SUPPORT
        for other in chance.sample(family, chance.randint(1, min(3, len(family)))):
            ties.append(Tie(other, person, kind))
    return Network(people, ties)
