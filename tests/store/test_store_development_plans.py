"""Development plans in the store, on SQLite and PostgreSQL alike: saved and read back, listed by leader, a stale
save from a second laptop refused with a clear message, a damaged row reported in one sentence.
"""

from __future__ import annotations

from datetime import date

import pytest
from development_plan_support import GOALS, build_two_leaders
from sqlalchemy import update

from sos_desktop.models.development_plan import DevelopmentPlan, Goal, self_vs_observer
from sos_desktop.store import StaleWriteError, Store
from sos_desktop.store.errors import StoreError
from sos_desktop.store.tables import development_plans


def test_a_plan_is_saved_and_read_back_with_its_self_ratings(store: Store) -> None:
    made = build_two_leaders(store)

    assert store.development_plans() == ["Alex Morgan", "Priya Shah"]
    plan = store.development_plan("Alex Morgan")
    assert plan is not None and plan.version == 2
    assert plan.goals[0].text == GOALS["Alex Morgan"]
    assert [e.meeting_uid for e in plan.goals[0].evidence] == [m.uid for m in made["Alex Morgan"]]
    assert [(s.supervisor, s.on, s.stage) for s in plan.sign_offs] == [("Ruth Mensah", date(2026, 6, 30), "foundation")]
    figures = self_vs_observer(plan, store.facilitated("Alex Morgan"))
    overall = {r.criterion: (r.leader, r.observer) for r in figures.overall}
    assert overall == {
        "Time-keeping": (7.33, 6.0),
        "Plain language": (6.33, 7.0),
        "Appreciative questions": (6.5, 5.5),  # the two meetings both rated
    }
    assert store.development_plan("Nobody") is None


def test_a_save_from_a_stale_copy_is_refused_and_keeps_the_other(database_url: str) -> None:
    first, second = Store.open(database_url), Store.open(database_url)
    try:
        saved = first.save_development_plan(DevelopmentPlan("Alex Morgan", supervisor="Ruth Mensah"), 0)
        mine = second.development_plan("Alex Morgan")
        assert mine is not None
        saved.goals.append(Goal("Theirs"))
        first.save_development_plan(saved, saved.version)
        mine.goals.append(Goal("Mine"))
        with pytest.raises(StaleWriteError, match="Someone else saved this development plan"):
            second.save_development_plan(mine, mine.version)
        with pytest.raises(StaleWriteError):
            second.save_development_plan(DevelopmentPlan("Alex Morgan"), 0)  # a second "first" plan
        kept = first.development_plan("Alex Morgan")
        assert kept is not None and [g.text for g in kept.goals] == ["Theirs"]
    finally:
        first.close()
        second.close()


def test_a_damaged_plan_is_reported_in_one_sentence(store: Store) -> None:
    store.save_development_plan(DevelopmentPlan("Alex Morgan"), 0)
    with store._engine.begin() as conn:
        conn.execute(update(development_plans).values(data='{"goals": [{"stage": "mastery", "text": "x"}]}'))
    with pytest.raises(StoreError, match="could not be read: There is no stage called 'mastery'"):
        store.development_plan("Alex Morgan")


def test_a_plan_too_long_to_keep_is_not_saved(store: Store) -> None:
    plan = DevelopmentPlan("Alex Morgan", supervisor="x" * 201)
    with pytest.raises(StoreError, match=r"at most 200 characters.*not saved"):
        store.save_development_plan(plan, 0)
    assert store.development_plans() == []
