"""The case form's Team: kept and changed with the case, the database's known teams offered as completions, and a
window without a store still asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from sos_desktop.models import Case
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.case_dialog import CaseDialog


def test_the_team_is_kept_and_tidied(qtbot) -> None:  # type: ignore[no-untyped-def]
    base = Case("Family T (invented)", "CP-1", id=4, team="North")
    dialog = CaseDialog(None, base, teams=["North", "South"])
    qtbot.addWidget(dialog)
    assert dialog.team.text() == "North"
    dialog.team.setText("  Edge   of Care ")
    changed = dialog.case(base)
    assert (changed.id, changed.label, changed.team) == (4, "Family T (invented)", "Edge of Care")
    model = dialog.team.completer().model()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["North", "South"]
    dialog.team.setText("")
    assert dialog.case(base).team == ""


def test_a_new_case_has_no_team_until_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CaseDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.label.setText("Family N (invented)")
    assert dialog.team.text() == "" and dialog.case(None).team == ""


def test_the_known_teams_come_from_the_windows_store(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        store.add_case(Case("A (invented)", team="south"))
        store.add_case(Case("B (invented)", team="North"))
        store.add_case(Case("C (invented)"))
        window = QWidget()
        qtbot.addWidget(window)
        window.store = store  # type: ignore[attr-defined]
        assert dialogs._known_teams(window) == ["North", "south"]
        assert dialogs._known_teams(QWidget()) == []
    finally:
        store.close()
