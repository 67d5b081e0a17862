"""Gentle guidance: the hints beside a card and the completeness of the map, in the framework's own words."""

from __future__ import annotations

import pytest

from sos_desktop.models import Category, MapItem, Meeting, Network, NetworkPerson, Scale, ScaleRating
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.guidance import Completeness, Hint, completeness, danger_count_hint, hints_for

WHO = "Say who is worried."
IMPACT = "Say what the impact on the child could be."
TIME = "Give a time span, such as 'for six months'."
HARM = "Harm is about the past; a worry about the future is a danger statement."


def messages(category: Category, text: str, **labels: str) -> list[str]:
    """The hints of a lone card (so also its pairing hint, for danger statements and goals)."""
    card = MapItem(category, text, id=1)
    return [hint.message for hint in hints_for(card, [card], **labels)]


def paired(danger: str, goal: str) -> tuple[MapItem, MapItem, list[MapItem]]:
    d = MapItem(Category.DANGER, danger, id=1, pairs_with=2)
    g = MapItem(Category.GOAL, goal, id=2, pairs_with=1)
    return d, g, [d, g]


# Danger statements ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sam and Nan are worried that if Mum and Dad keep arguing, Lily could be hurt",
        "Sam (social worker) and Nan are worried that if Mum and Dad keep arguing in front of Lily and the arguments "
        "turn physical, Lily could be hurt and grow up frightened at home.",
        "School are concerned that Mum's drinking means Jay misses school and goes hungry.",
        "Children's social care are worried that Mum's new partner, who has hurt children before, is living in the "
        "house and Lily may be sexually abused.",
        "The health visitor is worried that Mum's low mood means Ava is left alone in her cot for hours.",
        "Nan’s worry is that Jay won’t get to school while Dad is using drugs.",
        "We are worried that Dad's drinking will affect Lily's development.",
        "The police are afraid that Lily will end up in hospital if the fights carry on.",
        "The nursery is concerned that Kai feels scared to go home.",
    ],
)
def test_a_good_danger_statement_gets_no_wording_hint(text: str) -> None:
    assert WHO not in messages(Category.DANGER, text)
    assert IMPACT not in messages(Category.DANGER, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dad drinks too much.", [WHO, IMPACT]),
        ("Mum and Dad argue a lot.", [WHO, IMPACT]),
        ("The social worker is worried that Dad drinks every night.", [IMPACT]),
        ("Nan is worried that Dad shouts at Mum.", [IMPACT]),
        ("Miss Khan is concerned that Dad shouts at Mum.", [IMPACT]),
        ("We are worried that Dad will go back to drinking.", [IMPACT]),
        ("School are worried that Mum misses appointments.", [IMPACT]),
        ("School are worried that Mum drinks and Jay misses school.", []),
        ("Lily could be hurt if Dad keeps drinking.", [WHO]),
        ("If Dad keeps drinking, Lily will grow up frightened.", [WHO]),
        ("Mum's drinking is affecting Jay's schoolwork.", [WHO]),
    ],
)
def test_a_danger_statement_is_told_what_it_leaves_out(text: str, expected: list[str]) -> None:
    hints = messages(Category.DANGER, text)
    assert [m for m in hints if m in (WHO, IMPACT)] == expected


def test_miss_as_a_title_is_not_an_impact_but_missing_school_is() -> None:
    assert IMPACT in messages(Category.DANGER, "Miss Khan is worried that Dad shouts.")
    assert IMPACT not in messages(Category.DANGER, "Miss Khan is worried that Jay is missing meals.")


def test_an_empty_card_is_not_told_about_its_wording_yet() -> None:
    assert messages(Category.DANGER, "   ") == ["Pair this danger statement with a safety goal."]
    assert messages(Category.GOAL, "") == ["Pair this safety goal with a danger statement."]


def test_a_danger_statement_and_a_goal_that_are_paired_get_no_pairing_hint() -> None:
    danger, goal, items = paired(
        "Sam and Nan are worried that if Mum and Dad keep arguing, Lily could be hurt",
        "Mum and Dad will sort out disagreements calmly for six months",
    )
    assert hints_for(danger, items) == []
    assert hints_for(goal, items) == []


@pytest.mark.parametrize("partner", [None, 99])
def test_an_unpaired_danger_statement_or_one_pointing_at_a_missing_card_is_flagged(partner: int | None) -> None:
    danger = MapItem(Category.DANGER, "Nan is worried Lily could be hurt.", id=1, pairs_with=partner)
    assert hints_for(danger, [danger]) == [Hint("danger_unpaired", "Pair this danger statement with a safety goal.")]


def test_a_pairing_with_a_card_of_the_wrong_kind_does_not_count() -> None:
    danger = MapItem(Category.DANGER, "Nan is worried Lily could be hurt.", id=1, pairs_with=2)
    harm = MapItem(Category.HARM, "Dad hit Mum in March.", id=2, pairs_with=1)
    assert [h.code for h in hints_for(danger, [danger, harm])] == ["danger_unpaired"]


# Safety goals ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mum and Dad will sort out disagreements calmly for six months",
        "Mum and Dad will sort out disagreements calmly, away from Lily, and Nan will see this when she visits, "
        "for six months.",
        "Dad will stay sober until the case closes.",
        "Lily will go to school every day.",
        "By March, Mum will have a safety plan that Nan and school know about.",
        "Mum will show she can keep Lily safe over the next six months.",
        "Mum and Dad will resolve arguments calmly and Lily will tell her teacher she feels safe, for at least a year.",
        "Over a 12-week period, Dad will come to every contact on time.",
        "Dad will be sober by 1 June 2027.",
        "Mum will resolve arguments calmly within three months.",
        "Jay will be in school for 18 months with no more than two days missed each term.",
        "Ava will be fed and changed on time, seen by Nan each week.",
        "For a year, Lily will live with Mum and have no bruises.",
    ],
)
def test_a_goal_with_a_time_span_gets_no_time_hint(text: str) -> None:
    assert TIME not in messages(Category.GOAL, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mum will keep Lily safe.",
        "Mum and Dad will resolve arguments calmly.",
        "Dad will stop drinking and Lily will feel safe at home.",
        "Nan will check in with Lily 3-4 times a week.",
        "Everyone will know the safety plan, by Nan's account.",
        "Mum will be there for Lily.",
    ],
)
def test_a_goal_without_a_time_span_is_asked_for_one(text: str) -> None:
    assert TIME in messages(Category.GOAL, text)


# Harm -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In September Lily was in the room when Dad pushed Mum into a door during an argument; Mum's arm was bruised "
        "and Lily was crying.",
        "Lily may have been hit on the arm last week.",
        "Lily could have been hurt when the glass broke.",
        "Ava might have gone without food for two days.",
        "Lily could hear Dad shouting from her room.",
        "Lily could not sleep after the fight.",
        "Dad was going to hit Mum when the police arrived.",
        "Jay was going to school hungry most days in May.",
        "In May Dad hit Mum in front of Lily.",
        "Dad forced Mum against her will.",
        "Dad would hit Mum every Friday night.",
        "Will hit Lily with a belt in March.",
    ],
)
def test_harm_in_the_past_gets_no_hint(text: str) -> None:
    assert messages(Category.HARM, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dad will hit Mum again.",
        "Dad might hurt Lily.",
        "Lily could get hurt if the fights carry on.",
        "Mum may leave Lily alone again.",
        "Mum is going to leave Lily with strangers.",
        "Dad is likely to drink again.",
        "He'll do it again.",
        "Lily won’t be safe at home.",
    ],
)
def test_harm_about_the_future_is_pointed_to_the_danger_statements(text: str) -> None:
    assert messages(Category.HARM, text) == [HARM]


@pytest.mark.parametrize(
    "category", [Category.COMPLICATING, Category.STRENGTH, Category.SAFETY, Category.NEXT_STEP, Category.GREY]
)
def test_other_categories_get_no_hints(category: Category) -> None:
    assert messages(category, "Dad drinks too much and will keep drinking.") == []


# The framework's words ------------------------------------------------------------------------------------------


def test_signs_of_wellbeing_hints_speak_of_worry_statements_and_wellbeing_goals() -> None:
    labels = {"danger_label": "worry statement", "goal_label": "wellbeing goal"}
    assert "Pair this worry statement with a wellbeing goal." in messages(Category.DANGER, "Dad drinks.", **labels)
    assert "Pair this wellbeing goal with a worry statement." in messages(Category.GOAL, "Mum copes.", **labels)
    assert messages(Category.HARM, "Dad will drink.", **labels) == [
        "Harm is about the past; a worry about the future is a worry statement."
    ]


def test_a_label_starting_with_a_vowel_takes_an() -> None:
    hints = messages(Category.DANGER, "Nan is worried Lily could be hurt.", goal_label="early help goal")
    assert hints == ["Pair this danger statement with an early help goal."]


def test_hints_read_as_plain_text() -> None:
    hint = hints_for(MapItem(Category.GOAL, "Mum will cope.", id=1), [])[0]
    assert str(hint) == TIME


# How many danger statements -------------------------------------------------------------------------------------


def dangers(count: int) -> list[MapItem]:
    return [MapItem(Category.DANGER, f"Nan is worried about thing {n}.", id=n) for n in range(count)]


def test_three_danger_statements_are_fine_four_are_too_many() -> None:
    assert danger_count_hint(dangers(3)) is None
    hint = danger_count_hint(dangers(4))
    assert hint is not None
    assert hint.message == "Aim for no more than about three danger statements."
    assert danger_count_hint(dangers(5), danger_label="worry statement") == Hint(
        "too_many_danger_statements", "Aim for no more than about three worry statements."
    )


def test_empty_cards_and_other_categories_do_not_count_towards_the_three() -> None:
    items = [*dangers(3), MapItem(Category.DANGER, "  ", id=10), MapItem(Category.GOAL, "Goal", id=11)]
    assert danger_count_hint(items) is None


# Completeness ---------------------------------------------------------------------------------------------------


def test_the_demo_map_is_complete() -> None:
    bundle = demo_bundle()
    state = completeness(bundle.meeting, bundle.network)
    assert state.complete
    assert state.missing() == []


def test_an_empty_map_misses_everything_in_map_order() -> None:
    state = completeness(Meeting(title="New"), Network())
    assert not state.complete
    assert state.missing() == ["a network", "a danger statement", "a safety goal", "a scale with ratings"]


def test_missing_parts_speak_the_framework_s_words() -> None:
    state = completeness(Meeting(title="New"), Network(), danger_label="worry statement", goal_label="success goal")
    assert state.missing() == ["a network", "a worry statement", "a success goal", "a scale with ratings"]


def test_a_network_needs_two_people() -> None:
    meeting = demo_bundle().meeting
    alone = Network(people=[NetworkPerson("Lily Example")])
    assert completeness(meeting, alone).missing() == ["a network"]
    two = Network(people=[NetworkPerson("Lily Example"), NetworkPerson("Jordan Example")])
    assert completeness(meeting, two).complete


def test_blank_cards_and_unrated_scales_do_not_count() -> None:
    bundle = demo_bundle()
    meeting = bundle.meeting
    meeting.items = [MapItem(Category.DANGER, " ", id=1), MapItem(Category.GOAL, "", id=2)]
    meeting.scales = [Scale("Where is this on a scale of 0 to 10?")]
    assert completeness(meeting, bundle.network).missing() == [
        "a danger statement",
        "a safety goal",
        "a scale with ratings",
    ]
    meeting.scales.append(Scale("Willingness", ratings=[ScaleRating("Sam Patel", 6)]))
    assert "a scale with ratings" not in completeness(meeting, bundle.network).missing()


def test_completeness_is_complete_only_when_all_four_are_there() -> None:
    assert Completeness(True, True, True, True).complete
    assert not Completeness(network=False, danger=True, goal=True, scale=True).complete
    assert not Completeness(network=True, danger=False, goal=True, scale=True).complete
    assert not Completeness(network=True, danger=True, goal=False, scale=True).complete
    assert not Completeness(network=True, danger=True, goal=True, scale=False).complete


def test_scaling_nudges_name_an_unscaled_pair_and_a_meeting_with_no_ratings() -> None:
    from sos_desktop.models import Meeting, Scale, ScaleRating
    from sos_desktop.models.guidance import NO_RATINGS, PAIR_UNSCALED, scaling_nudges

    danger = MapItem(Category.DANGER, "Nan is worried Lily could be hurt", id=1, pairs_with=2)
    goal = MapItem(Category.GOAL, "Calm evenings for six months", id=2, pairs_with=1)
    meeting = Meeting(title="Review", items=[danger, goal], scales=[Scale("Safety?")])
    assert [hint.code for hint in scaling_nudges(meeting)] == [PAIR_UNSCALED, NO_RATINGS]
    meeting.scales[0].about = 1
    meeting.scales[0].ratings.append(ScaleRating("Sam Patel", 4))
    assert scaling_nudges(meeting) == []
    wellbeing = scaling_nudges(Meeting(title="Review", items=[danger, goal]), danger_label="worry statement")
    assert "worry statement" in wellbeing[0].message
