"""A family to test the network's maths on: Mia, 4, and the eleven people around her, as a mapping meeting might
first draw them (her parents apart, Mum's partner, Mum's parents and sister, a neighbour, a friend, professionals).

Shared by the layout and the findings tests, so both speak of the same people and ties.
"""

from __future__ import annotations

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
