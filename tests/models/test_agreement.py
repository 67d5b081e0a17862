"""Who agrees with which danger statement and safety goal, and the conference's decision, as the minutes and the
meeting file read them.
"""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models import Category, MapItem
from sos_desktop.models.agreement import (
    Agreement,
    Decision,
    Dissent,
    FamilyMeeting,
    Outcome,
    View,
    agreement_lines,
    family_meeting_data,
    family_meeting_from,
    statements,
)

DANGER = MapItem(Category.DANGER, "Mum and Dad shout and push each other when L is in the room.", id=1, key="k-d")
GOAL = MapItem(Category.GOAL, "L is safe when her parents argue.", id=2, key="k-g")
STRENGTH = MapItem(Category.STRENGTH, "Nan visits every day.", id=3, key="k-s")


def test_a_view_is_set_changed_and_removed_and_names_match_as_raters_do() -> None:
    record = FamilyMeeting().with_view("k-d", "Chris Sample", View.DISAGREES, "We don't push.")
    assert record.view("k-d", "chris  sample") == Agreement("k-d", "Chris Sample", View.DISAGREES, "We don't push.")
    record = record.with_view("k-d", "Chris Sample", View.AGREES, "")
    assert [(a.view, a.words) for a in record.agreements] == [(View.AGREES, "")]
    assert record.with_view("k-d", "Chris Sample", View.NOT_SAID, "").agreements == []
    assert record.view("k-g", "Chris Sample").view is View.NOT_SAID


def test_only_danger_statements_and_goals_are_asked_about_and_each_is_listed() -> None:
    record = FamilyMeeting(
        [
            Agreement("k-d", "Jordan Example", View.AGREES),
            Agreement("k-d", "Chris Sample", View.DISAGREES, "It happened once."),
            Agreement("k-d", "Pat Example", View.NOT_SAID, "Needs to think"),
        ]
    )
    assert statements([STRENGTH, GOAL, DANGER]) == [DANGER, GOAL]
    lines = agreement_lines([STRENGTH, GOAL, DANGER], record)
    assert [line.statement for line in lines] == [DANGER, GOAL]
    assert [a.attendee for a in lines[0].agrees] == ["Jordan Example"]
    assert [(a.attendee, a.words) for a in lines[0].disagrees] == [("Chris Sample", "It happened once.")]
    assert lines[1].agrees == lines[1].disagrees == ()


def test_the_record_goes_to_plain_data_and_back_unchanged() -> None:
    record = FamilyMeeting(
        [Agreement("k-d", "Chris Sample", View.DISAGREES, "Ünïcode — “quoted”\nsecond line")],
        Decision(
            Outcome.CHILD_PROTECTION_PLAN,
            reasons="The worries about the fighting.",
            dissent=[Dissent("Chris Sample", "He thinks a child in need plan is enough."), Dissent("Pat Example")],
            decided_on=date(2026, 12, 17),
            chair="Morgan Lee",
        ),
        family_present=True,
    )
    data = family_meeting_data(record)
    assert data["decision"]["decided_on"] == "2026-12-17"
    assert family_meeting_from(data) == record
    assert family_meeting_data(FamilyMeeting()) == {}
    assert family_meeting_from({}) == FamilyMeeting()


def test_an_other_decision_is_given_in_its_own_words() -> None:
    assert Decision(Outcome.OTHER, other="Legal planning meeting").outcome_text() == "Legal planning meeting"
    assert Decision(Outcome.NO_FURTHER_ACTION).outcome_text() == "No further action"
    assert Decision().outcome_text() == ""


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "must be an object"),
        ({"agreements": [{"item_key": "k", "attendee": "A", "view": "maybe"}]}, "view must be one of"),
        ({"agreements": [{"item_key": "", "attendee": "A"}]}, "names its statement"),
        ({"decision": {"outcome": "prison"}}, "outcome must be one of"),
        ({"decision": {"decided_on": "17/12/2026"}}, "a date such as 2026-12-17"),
        ({"decision": {"reasons": 4}}, "must be text"),
        ({"decision": {"reasons": "x" * 10_001}}, "at most 10,000 characters"),
        ({"family_present": "yes"}, "true or false"),
    ],
)
def test_data_that_is_not_a_record_is_refused_saying_why(raw: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        family_meeting_from(raw)
