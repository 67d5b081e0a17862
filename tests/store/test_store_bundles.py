"""Meeting bundles (one interchange file's worth): saved whole or not at all, joining a case by its reference."""

from __future__ import annotations

from datetime import datetime

import pytest
from store_helpers import canonical, row_counts

from sos_desktop.models import Category, NetworkPerson, PersonRole, Tie, TieKind
from sos_desktop.models.demo import DEMO_REFERENCE, demo_bundle
from sos_desktop.store import DanglingReferenceError, Store
from sos_desktop.store.repo import network as network_repo


def test_the_demo_bundle_comes_back_with_the_same_content(store: Store) -> None:
    given = demo_bundle()
    saved = store.save_bundle(demo_bundle())
    assert canonical(saved) == canonical(given)
    assert store.load_bundle(saved.meeting.id or 0) == saved
    ids = [saved.case.id, saved.meeting.id, *(i.id for i in saved.meeting.items), *(p.id for p in saved.network.people)]
    assert all(isinstance(i, int) and i > 0 for i in ids)
    lily = saved.network.people[0]
    assert {v.child for v in saved.meeting.child_voice} == {lily.id}


def test_a_second_meeting_of_the_same_case_reuses_the_case_and_its_people(store: Store) -> None:
    first = store.save_bundle(demo_bundle())
    second_bundle = demo_bundle()
    second_bundle.case.label = "A different label"
    second_bundle.meeting.held_on = datetime(2026, 12, 19, 10, 0)
    second_bundle.network.people.append(NetworkPerson(id=-99, name="Ms Teacher", role=PersonRole.PROFESSIONAL))
    second_bundle.network.ties.append(Tie(source=-99, target=-1, kind=TieKind.PROFESSIONAL))
    second_bundle.network.people[3].agrees_with = [-12]  # Nan agrees with the danger statement
    second = store.save_bundle(second_bundle)

    assert store.list_cases() == [first.case]
    assert second.case == first.case  # label kept
    assert [m.id for m in store.list_meetings(first.case.id)] == [first.meeting.id, second.meeting.id]
    first_ids = {p.name: p.id for p in first.network.people}
    second_ids = {p.name: p.id for p in second.network.people}
    assert {name: second_ids[name] for name in first_ids} == first_ids
    assert "Ms Teacher" in second_ids
    assert len(store.get_network(first.case.id or 0).ties) == len(first.network.ties) + 1
    danger = next(i for i in second.meeting.items if i.category == Category.DANGER)
    nan = next(p for p in second.network.people if p.name == "Pat Example")
    assert nan.agrees_with == [danger.id]
    assert next(p for p in store.load_bundle(first.meeting.id or 0).network.people if p.id == nan.id).agrees_with == []


def test_bundles_without_a_reference_make_separate_cases(store: Store) -> None:
    for _ in range(2):
        bundle = demo_bundle()
        bundle.case.reference = ""
        store.save_bundle(bundle)
    assert len(store.list_cases()) == 2


def test_a_failure_half_way_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("the disk fell off")

    monkeypatch.setattr(network_repo, "insert_tie", broken)
    with pytest.raises(RuntimeError):
        store.save_bundle(demo_bundle())
    assert set(row_counts(store).values()) == {0}


def test_a_bundle_with_a_broken_reference_writes_nothing(store: Store) -> None:
    store.save_bundle(demo_bundle())
    before = row_counts(store)
    bundle = demo_bundle()
    bundle.meeting.scales[0].about = -999
    with pytest.raises(DanglingReferenceError):
        store.save_bundle(bundle)
    bundle = demo_bundle()
    bundle.network.ties.append(Tie(source=-1, target=-999))
    with pytest.raises(DanglingReferenceError):
        store.save_bundle(bundle)
    assert row_counts(store) == before


def test_find_meeting_by_case_reference_title_and_time(store: Store) -> None:
    saved = store.save_bundle(demo_bundle())
    held_on = saved.meeting.held_on
    assert store.find_meeting(DEMO_REFERENCE, "Group supervision (demo)", held_on) == saved.meeting.id
    assert store.find_meeting(DEMO_REFERENCE, "Group supervision (demo)", datetime(2026, 11, 21, 10, 1)) is None
    assert store.find_meeting(DEMO_REFERENCE, "Another title", held_on) is None
    assert store.find_meeting("CP-NONE", "Group supervision (demo)", held_on) is None
    assert store.find_meeting("", "Group supervision (demo)", held_on) is None
