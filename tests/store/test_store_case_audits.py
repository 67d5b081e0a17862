"""Joint case audits in the store: saved with the case, changed, deleted, and gone with the case."""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models import Case
from sos_desktop.models.case_audit import Grade, new_audit
from sos_desktop.store import NotFoundError, Store


def test_an_audit_is_saved_with_its_case_and_comes_back_as_saved(store: Store, case: Case) -> None:
    assert case.id is not None
    audit = new_audit(date(2026, 10, 1), "Ruth Mensah", "Sam Patel")
    audit.answers[2].grade = Grade.GOOD
    audit.answers[2].comment = "Clear: “Dad hits Mum when he drinks” 👍"
    audit.reflection = "Next time I will ask the child first."
    saved = store.add_case_audit(case.id, audit)
    assert saved.id is not None and saved.case_id == case.id
    [back] = store.case_audits(case.id)
    assert back == saved
    assert back.answers[2].comment == audit.answers[2].comment


def test_audits_are_listed_newest_first_and_only_the_case_s_own(store: Store, case: Case) -> None:
    assert case.id is not None
    other = store.add_case(Case(label="Family Q"))
    assert other.id is not None
    store.add_case_audit(case.id, new_audit(date(2026, 1, 1), "Old"))
    store.add_case_audit(case.id, new_audit(date(2026, 6, 1), "New"))
    store.add_case_audit(other.id, new_audit(date(2026, 3, 1), "Other"))
    assert [a.auditor for a in store.case_audits(case.id)] == ["New", "Old"]
    assert [a.auditor for a in store.case_audits()] == ["New", "Other", "Old"]


def test_an_audit_is_changed_and_deleted(store: Store, case: Case) -> None:
    assert case.id is not None
    saved = store.add_case_audit(case.id, new_audit(date(2026, 1, 1), "Ruth"))
    saved.answers[0].grade = Grade.OUTSTANDING
    saved.overall = "A model map"
    store.update_case_audit(saved)
    assert store.case_audits(case.id) == [saved]
    assert saved.id is not None
    store.delete_case_audit(saved.id)
    assert store.case_audits(case.id) == []
    with pytest.raises(NotFoundError):
        store.update_case_audit(saved)


def test_an_audit_of_a_missing_case_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.add_case_audit(9999, new_audit(date(2026, 1, 1), "Ruth"))


def test_the_case_s_audits_go_with_the_case(store: Store, case: Case) -> None:
    assert case.id is not None
    store.add_case_audit(case.id, new_audit(date(2026, 1, 1), "Ruth"))
    store.delete_case(case.id)
    assert store.case_audits() == []


def test_the_demo_case_has_its_joint_audit(store: Store) -> None:
    demo = store.save_demo()
    case_id = store.get_meeting(demo.first).case_id
    assert case_id is not None
    [audit] = store.case_audits(case_id)
    assert (audit.auditor, audit.worker) == ("Ruth Mensah", "Sam Patel")
    assert audit.grade_counts()[Grade.REQUIRES_IMPROVEMENT] == 2
    assert audit.reflection
