"""What the safety network tells the group: thin or empty networks, who knows the worries, the one person the child's
links hang on, and family reached only through professionals, in sentences a facilitator can read out.
"""

from __future__ import annotations

import pytest
from family_network import (
    AUNT,
    DAD,
    FRIEND,
    GRANDAD,
    MUM,
    NAN,
    NEIGHBOUR,
    PARTNER,
    family,
)

from sos_desktop.models.enums import PersonRole, TieKind
from sos_desktop.models.network import Network, NetworkPerson, Tie, initials
from sos_desktop.models.network_findings import (
    THIN_NETWORK,
    Finding,
    NetworkSummary,
    findings,
    listed,
    summarise,
)


def someone(pid: int, name: str, role: PersonRole, *, knows: bool = False) -> NetworkPerson:
    return NetworkPerson(name, id=pid, role=role, knows_worries=knows)


def keys(found: list[Finding]) -> list[str]:
    return [finding.key for finding in found]


def test_a_mapped_family_shows_who_knows_and_who_the_child_depends_on() -> None:
    assert summarise(family()) == NetworkSummary(children=1, natural=8, natural_knowing=3, professionals=3)
    assert findings(family()) == [
        Finding("knowing", "8 naturally connected people, 3 of them know the worries.", (MUM, NAN, FRIEND)),
        Finding(
            "not_knowing",
            "Dad, Grandad, Aunt Sue, Pat next door and Lee do not know the worries yet.",
            (DAD, GRANDAD, AUNT, NEIGHBOUR, PARTNER),
            concern=True,
        ),
        Finding(
            "cut_off",
            "Without Mum, Mia would be cut off from Nan, Grandad, Aunt Sue, Pat next door and Jo.",
            (MUM,),
            concern=True,
        ),
    ]


def test_a_child_tied_only_to_nan_would_be_cut_off_without_her() -> None:
    people = [
        someone(1, "Mia", PersonRole.CHILD),
        someone(2, "Nan", PersonRole.FAMILY),
        someone(3, "Mum", PersonRole.PARENT),
        someone(4, "Dad", PersonRole.PARENT),
        someone(5, "Aunt Sue", PersonRole.FAMILY),
    ]
    ties = [Tie(2, 1, TieKind.FAMILY), Tie(2, 3, TieKind.PARENT), Tie(2, 4, TieKind.SUPPORT), Tie(2, 5, TieKind.PARENT)]
    ties.append(Tie(3, 4, TieKind.PARTNER))
    cut = [finding for finding in findings(Network(people, ties)) if finding.key == "cut_off"]
    assert cut == [Finding("cut_off", "Without Nan, Mia would be cut off from Mum, Dad and Aunt Sue.", (2,), True)]


def test_a_child_with_only_professionals_around_her_and_family_reached_through_them() -> None:
    people = [
        someone(1, "Mia", PersonRole.CHILD),
        someone(2, "Sam the social worker", PersonRole.PROFESSIONAL),
        someone(3, "Mrs Shah", PersonRole.PROFESSIONAL),
        someone(4, "Mum", PersonRole.PARENT, knows=True),
        someone(5, "Dad", PersonRole.PARENT, knows=True),
        someone(6, "Nan", PersonRole.FAMILY, knows=True),
    ]
    ties = [Tie(2, 1, TieKind.PROFESSIONAL), Tie(3, 1, TieKind.PROFESSIONAL), Tie(2, 4, TieKind.PROFESSIONAL)]
    ties += [Tie(4, 5, TieKind.PARTNER), Tie(6, 3, TieKind.OTHER)]
    found = findings(Network(people, ties))
    assert [f for f in found if f.key == "only_professionals"] == [
        Finding(
            "only_professionals",
            "Only professionals are linked to Mia: nobody from the family's own network.",
            (1,),
            True,
        ),
        Finding(
            "only_professionals",
            "Mum, Dad and Nan are linked to the child only through professionals.",
            (4, 5, 6),
            True,
        ),
    ]
    cut = {f.people: f.message for f in found if f.key == "cut_off"}
    assert cut == {
        (2,): "Without Sam the social worker, Mia would be cut off from Mum and Dad.",
        (3,): "Without Mrs Shah, Mia would be cut off from Nan.",
        (4,): "Without Mum, Mia would be cut off from Dad.",
    }


def test_a_child_with_family_nearby_is_not_only_with_professionals() -> None:
    people = [someone(1, "Mia", PersonRole.CHILD), someone(2, "Sam", PersonRole.PROFESSIONAL)]
    people.append(someone(3, "Mum", PersonRole.PARENT))
    ties = [Tie(2, 1, TieKind.PROFESSIONAL), Tie(3, 1, TieKind.PARENT), Tie(3, 2, TieKind.OTHER)]
    assert "only_professionals" not in keys(findings(Network(people, ties)))


def test_an_empty_network_is_a_finding_in_itself() -> None:
    empty = "Nobody from the family's own network has been named yet: an empty network is a finding in itself."
    assert findings(Network()) == [Finding("empty", empty, concern=True)]
    professionals_only = Network(
        [someone(1, "Mia", PersonRole.CHILD), someone(2, "Sam", PersonRole.PROFESSIONAL)],
        [Tie(2, 1, TieKind.PROFESSIONAL)],
    )
    found = findings(professionals_only)
    assert keys(found) == ["empty", "only_professionals"]
    assert found[0].concern


@pytest.mark.parametrize(
    ("natural", "thin", "knowing"),
    [
        (
            1,
            "Only 1 naturally connected person: a thin network.",
            "1 naturally connected person, who knows the worries.",
        ),
        (
            2,
            "Only 2 naturally connected people: a thin network.",
            "2 naturally connected people, 1 of them knows the worries.",
        ),
        (
            4,
            "Only 4 naturally connected people: a thin network.",
            "4 naturally connected people, 1 of them knows the worries.",
        ),
        (THIN_NETWORK, None, "5 naturally connected people, 1 of them knows the worries."),
    ],
)
def test_fewer_than_five_naturally_connected_people_is_a_thin_network(
    natural: int, thin: str | None, knowing: str
) -> None:
    people = [someone(1, "Mia", PersonRole.CHILD), someone(2, "Sam", PersonRole.PROFESSIONAL)]
    people += [someone(n, f"Friend {n}", PersonRole.FRIEND, knows=n == 3) for n in range(3, 3 + natural)]
    found = {f.key: f for f in findings(Network(people))}
    assert (found["thin"].message if "thin" in found else None) == thin
    assert found["knowing"].message == knowing
    assert "empty" not in found


def test_knowing_the_worries_is_counted_in_words_that_read_well() -> None:
    def knowing(*told: bool) -> str:
        people = [someone(n, f"Friend {n}", PersonRole.FRIEND, knows=knows) for n, knows in enumerate(told, 1)]
        return next(f.message for f in findings(Network(people)) if f.key == "knowing")

    assert knowing(False) == "1 naturally connected person, who does not know the worries yet."
    assert knowing(False, False, False) == "3 naturally connected people, none of them knows the worries."
    assert knowing(True, True, False) == "3 naturally connected people, 2 of them know the worries."


def test_a_long_list_of_people_not_told_names_five_then_counts_the_rest() -> None:
    people = [someone(n, f"Friend {n}", PersonRole.FRIEND) for n in range(1, 9)]
    found = next(f for f in findings(Network(people)) if f.key == "not_knowing")
    assert found.message == "Friend 1, Friend 2, Friend 3, Friend 4, Friend 5 and 3 more do not know the worries yet."
    assert found.people == tuple(range(1, 9))
    assert listed(["A"]) == "A" and listed(["A", "B"]) == "A and B" and listed([]) == ""


def test_no_child_in_the_network_is_pointed_out() -> None:
    found = findings(Network([someone(1, "Mum", PersonRole.PARENT)]))
    assert ("no_child", True) in [(f.key, f.concern) for f in found]
    assert "no_child" not in keys(findings(family()))


def test_people_with_no_tie_are_named_once_some_ties_are_drawn() -> None:
    network = family()
    network.people.append(someone(20, "Uncle Ray", PersonRole.FAMILY))
    network.ties.append(Tie(20, 99, TieKind.FAMILY))  # to nobody in the network: no tie at all
    assert findings(network)[-1] == Finding("unconnected", "Uncle Ray is not linked to anybody yet.", (20,))
    untied = Network([someone(1, "Mia", PersonRole.CHILD), someone(2, "Mum", PersonRole.PARENT)], [Tie(1, 1)])
    assert findings(untied)[-1] == Finding("unconnected", "No ties have been drawn yet.")


def test_every_name_in_a_message_comes_through_name_of() -> None:
    full_names = [
        "Mia Spencer",
        "Kerry Spencer",
        "Dean Holt",
        "Margaret Spencer",
        "Alan Spencer",
        "Susan Tate",
        "Patricia Quinn",
        "Joanne Reilly",
        "Farah Shah",
        "Samuel Okoro",
        "Ruth Evans",
        "Lee Barton",
    ]
    network = family()
    for person, name in zip(network.people, full_names, strict=True):
        person.name, person.display_name = name, initials(name)
    network.people.append(someone(13, "Raymond Tate", PersonRole.FAMILY))
    messages = [f.message for f in findings(network, name_of=lambda person: person.display_name)]
    for name in [*full_names, "Raymond Tate"]:
        assert not any(part in message for message in messages for part in name.split())
    assert "Without KS, MS would be cut off from MS, AS, ST, PQ and JR." in messages
    assert "RT is not linked to anybody yet." in messages


def test_people_without_an_id_are_counted_but_cannot_be_highlighted() -> None:
    network = Network([NetworkPerson("New friend", role=PersonRole.FRIEND), someone(1, "Mia", PersonRole.CHILD)])
    found = {f.key: f for f in findings(network)}
    assert found["not_knowing"] == Finding("not_knowing", "New friend does not know the worries yet.", (), True)
    assert summarise(network).natural == 1
