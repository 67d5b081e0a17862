"""What the projector and the minutes both draw of a network, worked out once: where people stand, the summary
line under the picture, and the kind of tie the console guesses when two people are connected.
"""

from __future__ import annotations

import math

from sos_desktop.models import Network, NetworkPerson, PersonRole, Tie, TieKind
from sos_desktop.models.network import chosen, guess_again, guessed_tie, guessed_tie_kind, kind_is_guessed
from sos_desktop.models.network_findings import NetworkSummary, summary_line
from sos_desktop.models.network_layout import standing_positions


def _family(*, placed: int) -> Network:
    people = [
        NetworkPerson("Lily", id=1, role=PersonRole.CHILD),
        NetworkPerson("Kelly", id=2, role=PersonRole.PARENT),
        NetworkPerson("Nan", id=3, role=PersonRole.FAMILY),
        NetworkPerson("Sam", id=4, role=PersonRole.PROFESSIONAL),
    ]
    for index, person in enumerate(people[:placed]):
        person.x, person.y = 1000.0 + 100 * index, -500.0
    return Network(people=people, ties=[Tie(1, 2, TieKind.PARENT, id=1), Tie(1, 3, TieKind.FAMILY, id=2)])


def test_people_placed_on_the_console_stand_where_they_were_put() -> None:
    where = standing_positions(_family(placed=4))
    assert where == {1: (1000.0, -500.0), 2: (1100.0, -500.0), 3: (1200.0, -500.0), 4: (1300.0, -500.0)}


def test_people_never_placed_stand_among_those_who_were() -> None:
    where = standing_positions(_family(placed=2))
    assert where[1] == (1000.0, -500.0) and where[2] == (1100.0, -500.0)
    assert set(where) == {1, 2, 3, 4}
    centre_x = (where[1][0] + where[2][0]) / 2
    # Laid out by the circles and shifted onto the placed people, not left round the layout's own origin.
    assert all(abs(where[i][0] - centre_x) < 1000 and abs(where[i][1] + 500) < 1000 for i in (3, 4))
    assert all(math.isfinite(value) for point in where.values() for value in point)


def test_the_summary_line_counts_in_words() -> None:
    assert summary_line(NetworkSummary(children=1, natural=0, natural_knowing=0, professionals=0)) == (
        "No naturally connected people yet"
    )
    assert summary_line(NetworkSummary(children=1, natural=1, natural_knowing=1, professionals=1)) == (
        "1 naturally connected person · 1 knows the worries · 1 professional"
    )
    assert summary_line(NetworkSummary(children=2, natural=6, natural_knowing=4, professionals=3)) == (
        "6 naturally connected people · 4 know the worries · 3 professionals"
    )


def test_a_tie_s_kind_is_guessed_from_the_two_roles() -> None:
    def kind(first: PersonRole, second: PersonRole) -> TieKind:
        return guessed_tie_kind(NetworkPerson("A", role=first), NetworkPerson("B", role=second))

    assert kind(PersonRole.CHILD, PersonRole.PARENT) is TieKind.PARENT
    assert kind(PersonRole.CHILD, PersonRole.CARER) is TieKind.FAMILY  # foster and kinship carers are not parents
    assert kind(PersonRole.CHILD, PersonRole.CHILD) is TieKind.SIBLING
    assert kind(PersonRole.PARENT, PersonRole.CARER) is TieKind.PARTNER
    assert kind(PersonRole.FAMILY, PersonRole.PROFESSIONAL) is TieKind.PROFESSIONAL
    assert kind(PersonRole.CHILD, PersonRole.FRIEND) is TieKind.SUPPORT
    assert kind(PersonRole.CHILD, PersonRole.FAMILY) is TieKind.FAMILY
    assert kind(PersonRole.OTHER, PersonRole.OTHER) is TieKind.OTHER


def test_a_connection_is_marked_as_a_guess_with_the_parent_as_its_source() -> None:
    child = NetworkPerson("Lily", id=1, role=PersonRole.CHILD)
    mum = NetworkPerson("Jo", id=3, role=PersonRole.PARENT)
    tie = guessed_tie(child, mum)
    assert (tie.source, tie.target, tie.kind) == (3, 1, TieKind.PARENT) and kind_is_guessed(tie)
    assert guess_again(tie, mum, child) is None  # the guess stands
    mum.role = PersonRole.CARER
    again = guess_again(tie, mum, child)
    assert again is not None and (again.kind, again.id, kind_is_guessed(again)) == (TieKind.FAMILY, tie.id, True)
    mine = chosen(tie)
    assert mine.kind is TieKind.PARENT and not kind_is_guessed(mine)
    assert guess_again(mine, mum, child) is None  # a chosen kind is never guessed again
