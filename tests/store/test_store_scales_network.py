"""Scales with their ratings, and the case's network of people and ties."""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models import (
    Case,
    Category,
    ChildVoiceEntry,
    Circle,
    House,
    MapItem,
    Meeting,
    NetworkPerson,
    PersonRole,
    Scale,
    ScaleRating,
    Tie,
    TieKind,
)
from sos_desktop.store import DanglingReferenceError, NotFoundError, Store


def _danger(store: Store, meeting: Meeting) -> MapItem:
    return next(i for i in store.get_meeting(meeting.id or 0).items if i.category == Category.DANGER)


def test_scales_keep_their_order_wording_and_half_point_ratings(store: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    danger = _danger(store, meeting)
    ratings = [ScaleRating("Sam", 4), ScaleRating("Alex", 5.5, "Nursery", "Dad meets us"), ScaleRating("Jo", 0.5)]
    first = store.add_scale(mid, Scale("Safety?", "Can't live at home", "Case can close", about=danger.id))
    second = store.add_scale(mid, Scale("Willingness?", ratings=ratings), index=0)
    assert [s.question for s in store.get_meeting(mid).scales] == ["Willingness?", "Safety?"]
    assert store.get_meeting(mid).scales[0].ratings == ratings
    first.ratings = [ScaleRating("Sam", 10.0, extra={"private": True})]
    first.zero_means = "Not safe"
    store.update_scale(first)
    assert store.get_meeting(mid).scales[1] == first
    store.delete_scale(second.id or 0)
    assert store.get_meeting(mid).scales == [first]
    store.add_scale(mid, second, index=0)  # undo of the delete
    assert store.get_meeting(mid).scales == [second, first]


def test_a_scale_about_a_deleted_card_stays_but_is_about_nothing(store: Store, meeting: Meeting) -> None:
    danger = _danger(store, meeting)
    scale = store.add_scale(meeting.id or 0, Scale("Safety?", about=danger.id))
    store.delete_item(danger.id or 0)
    assert store.get_meeting(meeting.id or 0).scales == [Scale("Safety?", id=scale.id)]


def test_a_scale_about_another_meetings_card_is_refused(store: Store, case: Case, meeting: Meeting) -> None:
    other = store.add_meeting(Meeting(title="Other", case_id=case.id))
    with pytest.raises(DanglingReferenceError):
        store.add_scale(other.id or 0, Scale("Safety?", about=_danger(store, meeting).id))
    assert store.get_meeting(other.id or 0).scales == []
    with pytest.raises(NotFoundError):
        store.update_scale(Scale("Ghost", id=404))


def test_people_and_ties_make_up_the_network(store: Store, case: Case, meeting: Meeting) -> None:
    cid = case.id or 0
    danger = _danger(store, meeting)
    nan = store.add_person(
        cid,
        NetworkPerson(
            name="Pat Example",
            display_name="Nan",
            role=PersonRole.FAMILY,
            age=67,
            circle=Circle.INNER,
            knows_worries=True,
            knows_worries_since=date(2026, 10, 20),
            agrees_with=[danger.id or 0],
            rules=["Lily stays with Nan if there is shouting."],
            contact="07700 900123",
            notes="Drives.",
            x=120.5,
            y=-40.25,
            extra={"colour": "green"},
        ),
    )
    mum = store.add_person(cid, NetworkPerson(name="Jordan Example", role=PersonRole.PARENT))
    tie = store.add_tie(cid, Tie(source=nan.id or 0, target=mum.id or 0, kind=TieKind.PARENT))
    network = store.get_network(cid)
    assert network.people == [nan, mum]
    assert network.people[0].agrees_with == [danger.id]
    assert network.ties == [tie]

    nan.circle, nan.agrees_with, nan.x = Circle.OUTER, [], None
    store.update_person(nan)
    tie.kind = TieKind.SUPPORT
    store.update_tie(tie)
    network = store.get_network(cid)
    assert network.people[0] == nan and network.ties == [tie]


def test_removing_a_person_removes_their_ties_but_keeps_the_childs_words(
    store: Store, case: Case, meeting: Meeting
) -> None:
    cid, mid = case.id or 0, meeting.id or 0
    child = store.add_person(cid, NetworkPerson(name="Lily", role=PersonRole.CHILD))
    mum = store.add_person(cid, NetworkPerson(name="Mum"))
    tie = store.add_tie(cid, Tie(source=mum.id or 0, target=child.id or 0, kind=TieKind.PARENT))
    store.set_child_voice(mid, [ChildVoiceEntry(House.WORRIES, "Shouting.", child=child.id)])
    store.delete_person(child.id or 0)
    assert store.get_network(cid).people == [mum]
    assert store.get_network(cid).ties == []
    assert [(v.words, v.child) for v in store.get_meeting(mid).child_voice] == [("Shouting.", None)]
    store.add_person(cid, child)  # undo of the delete
    store.add_tie(cid, tie)
    assert store.get_network(cid).ties == [tie]
    store.delete_tie(tie.id or 0)
    assert store.get_network(cid).ties == []


def test_network_links_outside_the_case_are_refused(store: Store, case: Case, meeting: Meeting) -> None:
    other = store.add_case(Case(label="Other family"))
    stranger = store.add_person(other.id or 0, NetworkPerson(name="Stranger"))
    mum = store.add_person(case.id or 0, NetworkPerson(name="Mum"))
    with pytest.raises(DanglingReferenceError):
        store.add_tie(case.id or 0, Tie(source=mum.id or 0, target=stranger.id or 0))
    stranger.agrees_with = [_danger(store, meeting).id or 0]
    with pytest.raises(DanglingReferenceError):
        store.update_person(stranger)
    assert store.get_network(other.id or 0).people[0].agrees_with == []
    for missing in (
        lambda: store.update_person(NetworkPerson(name="Ghost", id=404)),
        lambda: store.delete_person(404),
        lambda: store.update_tie(Tie(source=1, target=2, id=404)),
        lambda: store.delete_tie(404),
    ):
        with pytest.raises(NotFoundError):
            missing()


def test_move_scale_reorders_the_meeting_s_scales(store: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    ids = [store.add_scale(meeting.id, Scale(question=q)).id for q in ("first", "second", "third")]
    assert ids[2] is not None
    store.move_scale(ids[2], 0)
    questions = [s.question for s in store.get_meeting(meeting.id).scales if s.question in ("first", "second", "third")]
    assert questions == ["third", "first", "second"]
