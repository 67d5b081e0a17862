"""The navigator lists every case with its meetings, as the store does, and opens the meeting chosen."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models import Case, Meeting, MeetingKind
from sos_desktop.store.store import Store
from sos_desktop.ui.shell import navigator as navigator_module
from sos_desktop.ui.shell.navigator import CASE, MEETING, Navigator


def _fill(store: Store) -> dict[str, int]:
    """Two cases (one with a reference) with three meetings between them, and an empty third case."""
    ids: dict[str, int] = {}
    for label, reference, titles in (("Family S", "S-1", ["First", "Second"]), ("Family T", "", ["Only"])):
        case = store.add_case(Case(label=label, reference=reference))
        assert case.id is not None
        ids[label] = case.id
        for day, title in enumerate(titles, start=1):
            meeting = store.add_meeting(
                Meeting(title=title, case_id=case.id, kind=MeetingKind.MAPPING, held_on=datetime(2026, 11, day, 10))
            )
            assert meeting.id is not None
            ids[title] = meeting.id
    empty = store.add_case(Case(label="Family U"))
    assert empty.id is not None
    ids["Family U"] = empty.id
    return ids


def _rows(navigator: Navigator) -> list[tuple[str, list[str]]]:
    model = navigator.tree
    listed = []
    for row in range(model.rowCount()):
        case = model.index(row, 0)
        meetings = [str(model.index(child, 0, case).data()) for child in range(model.rowCount(case))]
        listed.append((str(case.data()), meetings))
    return listed


def test_every_case_is_listed_with_its_meetings_in_the_stores_order(qtbot: QtBot, store: Store) -> None:
    _fill(store)
    navigator = Navigator(store)
    qtbot.addWidget(navigator)
    navigator.reload()
    assert _rows(navigator) == [
        ("Family S · S-1", ["First — 01 Nov 2026", "Second — 02 Nov 2026"]),
        ("Family T", ["Only — 01 Nov 2026"]),
        ("Family U", []),
    ]
    assert navigator.case_count() == 3 and navigator.case_text(1) == "Family T"
    first_case = navigator.tree.index(0, 0)
    assert "Family S" in str(first_case.data(Qt.ItemDataRole.ToolTipRole))
    assert navigator.tree.index(0, 0, first_case).data(Qt.ItemDataRole.ToolTipRole)  # the meeting's kind
    assert all(navigator.isExpanded(navigator.tree.index(row, 0)) for row in range(2))


def test_choosing_a_meeting_opens_it_and_selection_is_told(qtbot: QtBot, store: Store) -> None:
    ids = _fill(store)
    navigator = Navigator(store)
    qtbot.addWidget(navigator)
    navigator.reload()
    moved: list[bool] = []
    navigator.selectionMoved.connect(lambda: moved.append(True))
    with qtbot.waitSignal(navigator.meetingActivated) as opened:
        navigator.select(MEETING, ids["Second"])
    assert opened.args == [ids["Second"]]
    assert navigator.selected() == (MEETING, ids["Second"])
    assert navigator.selected_case_id() == ids["Family S"]
    assert navigator.selected_text() == "Second — 02 Nov 2026"
    assert moved
    with qtbot.assertNotEmitted(navigator.meetingActivated):
        navigator.select(CASE, ids["Family U"])
    assert navigator.selected() == (CASE, ids["Family U"]) and navigator.selected_case_id() == ids["Family U"]


def test_reloading_keeps_the_open_meeting_selected_without_opening_it_again(qtbot: QtBot, store: Store) -> None:
    ids = _fill(store)
    navigator = Navigator(store)
    qtbot.addWidget(navigator)
    with qtbot.assertNotEmitted(navigator.meetingActivated):
        navigator.reload(select_meeting=ids["Only"])
    assert navigator.selected() == (MEETING, ids["Only"])
    assert navigator.shows(MEETING, ids["Only"]) and navigator.shows(CASE, ids["Family U"])
    assert not navigator.shows(MEETING, 10_000)
    store.delete_meeting(ids["Only"])
    navigator.reload()
    assert not navigator.shows(MEETING, ids["Only"]) and navigator.selected() is None


def test_a_long_list_opens_folded_but_the_open_meetings_case(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _fill(store)
    monkeypatch.setattr(navigator_module, "UNFOLDED_UP_TO", 2)  # three meetings are then "many"
    navigator = Navigator(store)
    qtbot.addWidget(navigator)
    navigator.reload(select_meeting=ids["Only"])
    assert not navigator.isExpanded(navigator.tree.index(0, 0))
    assert navigator.isExpanded(navigator.tree.index(1, 0))
    assert navigator.selected() == (MEETING, ids["Only"])
