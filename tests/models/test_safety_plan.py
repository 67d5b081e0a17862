"""The safety plan's rules and warning signs, and the gentle checks a facilitator sees beside the plan."""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models import Category, MapItem
from sos_desktop.models.network import Network, NetworkPerson
from sos_desktop.models.safety_plan import (
    MAX_RULES,
    MAX_WORDS_LENGTH,
    PlanRule,
    SafetyPlan,
    SignKind,
    SignUp,
    WarningSign,
    owners,
    person_rules,
    rules_answering,
    signers,
    with_people_rules,
)
from sos_desktop.models.safety_plan_checks import (
    DANGER_WITHOUT_RULE,
    NOBODY_SIGNED,
    OWNER_NOT_TOLD,
    RULE_ONLY_PROHIBITS,
    RULE_WITHOUT_OWNER,
    only_prohibits,
    plan_hints,
    rule_hints,
)

NAN, DAD, PAT = 1, 2, 3


def network() -> Network:
    return Network(
        people=[
            NetworkPerson("Nan", id=NAN, knows_worries=True),
            NetworkPerson("Dad", id=DAD, knows_worries=True),
            NetworkPerson("Pat next door", id=PAT, knows_worries=False),
        ]
    )


def dangers() -> list[MapItem]:
    return [
        MapItem(category=Category.DANGER, text="We worry Dad will drink and hurt Mia.", key="drink"),
        MapItem(category=Category.DANGER, text="We worry Mia will be left alone at night.", key="alone"),
        MapItem(category=Category.HARM, text="Mia was hurt in May.", key="harm"),
    ]


def good_plan() -> SafetyPlan:
    return SafetyPlan(
        rules=[
            PlanRule("Dad won't drink; Nan will ring him each evening", key="r1", answers=["drink"], owners=[NAN, DAD]),
            PlanRule("Nan stays with Mia every night Mum works", key="r2", answers=["alone"], owners=[NAN]),
        ],
        sign_ups=[SignUp(NAN, date(2026, 12, 1))],
    )


def codes(hints: list) -> list[tuple[str, str | int]]:  # type: ignore[type-arg]
    return [(hint.code, hint.about) for hint in hints]


def test_a_good_plan_raises_no_hint() -> None:
    assert plan_hints(good_plan(), dangers(), network()) == []


def test_a_danger_statement_no_rule_answers_is_named_with_its_words() -> None:
    plan = good_plan()
    plan.rules[1].answers = []
    hints = plan_hints(plan, dangers(), network())
    assert codes(hints) == [(DANGER_WITHOUT_RULE, "alone")]
    assert hints[0].message == "No rule answers this danger statement yet: We worry Mia will be left alone at night."
    # Harm is not a danger statement: it needs no rule.
    assert all(hint.about != "harm" for hint in hints)


def test_a_rule_nobody_owns_is_flagged_and_so_is_an_owner_who_has_left_the_network() -> None:
    plan = good_plan()
    plan.rules[1].owners = []
    assert codes(plan_hints(plan, dangers(), network())) == [(RULE_WITHOUT_OWNER, "r2")]
    plan.rules[1].owners = [99]  # somebody no longer in the network
    assert codes(plan_hints(plan, dangers(), network())) == [(RULE_WITHOUT_OWNER, "r2")]


def test_a_rule_that_only_prohibits_is_flagged_but_one_that_says_who_does_what_is_not() -> None:
    assert only_prohibits("Dad won't drink at home")
    assert not only_prohibits("Dad won't drink; Nan will ring him each evening")
    rule = PlanRule("Dad won't drink at home", key="r", owners=[DAD])
    assert [hint.code for hint in rule_hints(rule, network())] == [RULE_ONLY_PROHIBITS]
    assert rule_hints(PlanRule("Dad won't drink; Nan will ring him each evening", owners=[NAN]), network()) == []


@pytest.mark.parametrize(
    "words",
    ["Mia must not be left alone", "No shouting.", "Dad never drives after drinking", "Dad stops drinking"],
)
def test_other_prohibitions_are_flagged(words: str) -> None:
    assert only_prohibits(words)


@pytest.mark.parametrize(
    "words",
    [
        "Nan collects Mia from school",
        "Mum will text Nan when she gets home",
        "Dad won't go out; he stays in",
        "Nan stops by every evening",
        "Pat is stopping in at bedtime",
    ],
)
def test_rules_that_say_what_somebody_does_are_not_flagged(words: str) -> None:
    assert not only_prohibits(words)


def test_an_owner_who_does_not_know_the_worries_is_named() -> None:
    rule = PlanRule("Pat will knock on the door at bedtime", key="r3", owners=[NAN, PAT])
    hints = rule_hints(rule, network())
    assert codes(hints) == [(OWNER_NOT_TOLD, "r3")]
    assert hints[0].message == "Pat next door owns this rule but does not know the worries yet."


def test_a_plan_nobody_has_signed_up_to_says_so() -> None:
    plan = good_plan()
    plan.sign_ups = []
    assert codes(plan_hints(plan, dangers(), network())) == [(NOBODY_SIGNED, "")]
    assert plan_hints(SafetyPlan(), [], network()) == []  # an empty plan asks for no signatures


def test_owners_and_signers_are_the_people_still_in_the_network_in_the_plan_s_order() -> None:
    plan = good_plan()
    plan.rules[0].owners = [DAD, 99, NAN]
    plan.sign_ups.append(SignUp(99, date(2026, 12, 2)))
    assert [person.name for person in owners(plan.rules[0], network())] == ["Dad", "Nan"]
    assert [(person.name, day) for person, day in signers(plan, network())] == [("Nan", date(2026, 12, 1))]
    assert [rule.key for rule in rules_answering(plan, "drink")] == ["r1"]


def test_words_are_trimmed_and_a_rule_needs_words_within_the_limit() -> None:
    assert PlanRule("  Nan will ring  \n").words == "Nan will ring"
    with pytest.raises(ValueError, match="needs some words"):
        PlanRule("   ")
    with pytest.raises(ValueError, match="at most 2,000 characters"):
        PlanRule("x" * (MAX_WORDS_LENGTH + 1))
    with pytest.raises(ValueError, match="at most 2,000 characters"):
        WarningSign("Dad slurring", response="x" * 2001)
    with pytest.raises(ValueError, match=f"at most {MAX_RULES} rules"):
        SafetyPlan(rules=[PlanRule(f"Rule {n}") for n in range(MAX_RULES + 1)])


def test_two_rules_with_one_key_are_refused() -> None:
    with pytest.raises(ValueError, match="'same'"):
        SafetyPlan(rules=[PlanRule("a", key="same"), PlanRule("b", key="same")])


def test_unicode_words_are_kept_exactly() -> None:
    words = "Zosia dzwoni do babci każdego wieczoru — ☎️ 👵🏽"
    assert PlanRule(words).words == words
    assert WarningSign(words, kind=SignKind.TRIGGER).words == words


def test_people_s_own_rules_join_the_plan_once_with_everybody_given_them_as_owners() -> None:
    people = network()
    people.people[0].rules = ["Nan will ring him each evening", "Nan stays with Mia every night Mum works"]
    people.people[2].rules = ["Nan will ring him each evening"]
    plan = SafetyPlan(rules=[PlanRule("Nan stays with Mia every night Mum works", key="r2", owners=[DAD])])
    merged = with_people_rules(plan, people)
    assert [(rule.words, rule.owners) for rule in merged.rules] == [
        ("Nan stays with Mia every night Mum works", [DAD, NAN]),
        ("Nan will ring him each evening", [NAN, PAT]),
    ]
    assert merged.rules[0].key == "r2"
    assert plan.rules[0].owners == [DAD]  # the plan given is left as it was
    assert person_rules(merged, people.people[2]) == ["Nan will ring him each evening"]
