"""The demo case's child's other tools: Noah's Safety House and Lily's Fairy.

Lily is four, so from the follow-up her words are given through the Fairy (the Three Houses' questions under the
Bad, Good and Dream Fairy); Noah is nine and draws a Safety House. At the first meeting he only put himself on the
path (4); at the follow-up his house holds people inside, visiting and outside, three rules and the path at 6, one
entry (what he said about Dad) without his consent, so the wall leaves it out.
"""

from __future__ import annotations

from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.network import Network
from sos_desktop.models.safety_house import HousePerson, HouseRule, Placement, SafetyHouse

FIRST_PATH_WORDS = "In the middle. Not near the door yet."
FOLLOW_UP_PATH_WORDS = "Nearer the door now, because Dad listens to Sam."
NOAH_RULES = (
    "Nobody shouts at Lily.",
    "Grown-ups don't drink beer in our house.",
    "If someone is shouting I can ring Nan.",
)
NOT_SHARED_WORDS = "When Dad has had beer he shouts and I don't want him in the house then."


def _id(network: Network, display_name: str) -> int:
    found = next(person.id for person in network.people if person.display_name == display_name)
    assert found is not None
    return found


def first_meeting_child_tools(network: Network) -> tuple[list[SafetyHouse], dict[int, ChildTool]]:
    """What the first meeting holds (``network`` by the bundle's own ids): Noah on the path at 4; Lily still gives
    her words through the Three Houses (the team chooses the Fairy for her at the follow-up).
    """
    noah = _id(network, "N")
    house = SafetyHouse(child=noah, path=4, path_words=FIRST_PATH_WORDS, path_consent=True)
    return [house], {}


def follow_up_safety_house(network: Network) -> SafetyHouse:
    """Noah's Safety House at the follow-up (``network`` as stored)."""
    noah = _id(network, "N")
    placed = [
        HousePerson(_id(network, "Mum"), Placement.INSIDE, "Mum makes my tea and reads to Lily.", True),
        HousePerson(_id(network, "L"), Placement.INSIDE, "My little sister. She hides when it's loud.", True),
        HousePerson(_id(network, "Nan"), Placement.VISITING, "Nan comes on Sundays with cake.", True),
        HousePerson(_id(network, "Aunt K"), Placement.VISITING, "Aunt K takes me to football.", True),
        HousePerson(_id(network, "Dad"), Placement.OUTSIDE, NOT_SHARED_WORDS, False),
    ]
    rules = [HouseRule(words, consent_to_share=True) for words in NOAH_RULES]
    return SafetyHouse(
        child=noah, people=placed, rules=rules, path=6, path_words=FOLLOW_UP_PATH_WORDS, path_consent=True
    )
