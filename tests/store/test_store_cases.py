"""Cases: listing, finding, changing, and deleting a case for good."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import row_counts

from sos_desktop.models import Case, Framework
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import NotFoundError, Store


def test_cases_are_listed_by_label_whatever_the_capitals(store: Store) -> None:
    for label in ("family b", "Family C", "Family A"):
        store.add_case(Case(label=label))
    assert [case.label for case in store.list_cases()] == ["Family A", "family b", "Family C"]


def test_a_case_comes_back_as_saved(store: Store) -> None:
    added = store.add_case(Case(label="Family W", reference="EH-7", framework=Framework.WELLBEING, extra={"a": [1]}))
    assert added.id is not None
    assert store.get_case(added.id) == Case(
        label="Family W", reference="EH-7", framework=Framework.WELLBEING, id=added.id, extra={"a": [1]}
    )


def test_cases_are_found_by_reference_and_only_by_a_real_one(store: Store) -> None:
    added = store.add_case(Case(label="Family S", reference="CP-9"))
    store.add_case(Case(label="No reference 1"))
    store.add_case(Case(label="No reference 2"))  # several cases may have no reference
    assert store.find_case_by_reference(" CP-9 ") == added
    assert store.find_case_by_reference("CP-10") is None
    assert store.find_case_by_reference("") is None


def test_update_case_changes_label_reference_and_framework(store: Store) -> None:
    added = store.add_case(Case(label="Family S", reference="CP-9"))
    added.label, added.reference, added.framework = "Family S (renamed)", "", Framework.SUCCESS
    store.update_case(added)
    assert added.id is not None
    assert store.get_case(added.id) == added
    assert store.find_case_by_reference("CP-9") is None


def test_missing_cases_are_reported(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_case(404)
    with pytest.raises(NotFoundError):
        store.update_case(Case(label="Ghost", id=404))
    with pytest.raises(NotFoundError):
        store.delete_case(404)
    with pytest.raises(NotFoundError):
        store.get_network(404)


def test_deleting_a_case_deletes_everything_of_it_and_nothing_else(store: Store) -> None:
    kept = store.save_bundle(demo_bundle())
    other = demo_bundle()
    other.case.reference = "CP-OTHER"
    gone = store.save_bundle(other)
    assert gone.case.id is not None
    store.delete_case(gone.case.id)
    with pytest.raises(NotFoundError):
        store.get_meeting(gone.meeting.id or 0)
    assert store.list_cases() == [kept.case]
    assert store.load_bundle(kept.meeting.id or 0) == kept
    kept_counts = row_counts(store)
    assert kept.case.id is not None
    store.delete_case(kept.case.id)
    assert set(row_counts(store).values()) == {0}
    assert kept_counts["map_items"] == len(kept.meeting.items)


def test_a_deleted_case_cannot_be_read_from_the_file_afterwards(sqlite_url: str) -> None:
    marker = "Zebedee-Quartermaine-7341"
    with Store.open(sqlite_url) as store:
        bundle = demo_bundle()
        bundle.meeting.items[0].text = f"{marker} was hurt."
        bundle.network.people[0].name = marker
        saved = store.save_bundle(bundle)
        folder = Path(sqlite_url.removeprefix("sqlite:///")).parent
        assert any(marker.encode() in file.read_bytes() for file in folder.iterdir())
        assert saved.case.id is not None
        store.delete_case(saved.case.id)
        for file in folder.iterdir():
            assert marker.encode() not in file.read_bytes(), file.name
