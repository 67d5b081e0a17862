"""The mapping canvas as a facilitator uses it: keys, drag and drop, pairing, guidance and completeness."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.cli import main
from sos_desktop.models import Case, Category, Framework
from sos_desktop.ui.guide.shortcuts_sheet import ShortcutsSheet, sheet_rows
from sos_desktop.ui.map.model import CARD_MIME_TYPE, HintsRole, PairNumberRole
from sos_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def demo(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window, _ = build_window(argparse.Namespace(data_dir=tmp_path, db=None, command=None))
    assert window is not None and window.document is not None and window.map_panel is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.store.close()


def stored(window: MainWindow, category: Category) -> list[str]:
    assert window.document is not None
    return [i.text for i in window.store.get_meeting(window.document.meeting_id).items if i.category == category]


def test_ctrl_number_goes_to_a_category_and_enter_adds_card_after_card(qtbot: QtBot, demo: MainWindow) -> None:
    assert demo.map_panel is not None
    box = demo.map_panel.box(Category.HARM)
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # 4th in map order: grey areas
    grey = demo.map_panel.box(Category.GREY).entry
    assert grey.hasFocus()
    qtbot.keyClick(grey, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # 5th: existing strengths
    entry = demo.map_panel.box(Category.STRENGTH).entry
    assert entry.hasFocus()
    for text in ("Nan visits every Sunday", "Lily sleeps well"):
        qtbot.keyClicks(entry, text)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert stored(demo, Category.STRENGTH)[-2:] == ["Nan visits every Sunday", "Lily sleeps well"]
    assert entry.hasFocus() and entry.text() == ""


def test_dragging_a_card_to_another_category_moves_it_in_one_undo_step(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    source = demo.map_panel.box(Category.COMPLICATING).model
    target = demo.map_panel.box(Category.HARM).model
    data = source.mimeData([source.index(0, 0)])
    assert data.hasFormat(CARD_MIME_TYPE)
    assert target.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert stored(demo, Category.HARM)[0] == "Dad works nights and has not met the social worker yet."
    assert stored(demo, Category.COMPLICATING) == []
    assert not source.removeRows(0, 1)  # the view's own removal after a drop is refused: nothing moves twice
    demo.document.undo_stack.undo()
    assert stored(demo, Category.COMPLICATING) == ["Dad works nights and has not met the social worker yet."]

    steps = demo.map_panel.box(Category.NEXT_STEP).model
    first = steps.data(steps.index(0, 0))
    below_last = steps.rowCount()
    assert steps.dropMimeData(
        steps.mimeData([steps.index(0, 0)]), Qt.DropAction.MoveAction, below_last, 0, QModelIndex()
    )
    assert stored(demo, Category.NEXT_STEP)[-1] == first  # dropped below the last card: now last
    bad = QMimeData()
    bad.setData(CARD_MIME_TYPE, b"not json")
    assert not steps.dropMimeData(bad, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_pairing_numbers_both_cards_and_unpaired_statements_are_flagged(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    danger_box = demo.map_panel.box(Category.DANGER)
    goal_box = demo.map_panel.box(Category.GOAL)
    assert danger_box.model.index(0, 0).data(PairNumberRole) == 1
    assert goal_box.model.index(0, 0).data(PairNumberRole) == 1

    new = demo.document.add_item(Category.DANGER, "We are worried that Lily could be hurt by Dad's drinking")
    row = danger_box.model.rowCount() - 1
    hints = danger_box.model.index(row, 0).data(HintsRole)
    assert any("Pair this danger statement with a safety goal" in hint for hint in hints)
    danger_box.select_row(row)
    assert "Pair this danger statement" in danger_box.hint.text() and danger_box.hint.isVisibleTo(danger_box)

    goal = demo.document.add_item(Category.GOAL, "Dad stays sober when caring for Lily, for six months")
    menu = danger_box.pair_menu()
    assert menu is not None
    choice = next(a for a in menu.actions() if "stays sober" in a.text())
    choice.trigger()
    assert new.id is not None and goal.id is not None
    assert demo.document.item(new.id).pairs_with == goal.id
    stored_items = demo.store.get_meeting(demo.document.meeting_id).items
    assert next(i for i in stored_items if i.id == goal.id).pairs_with == new.id
    assert danger_box.model.index(row, 0).data(PairNumberRole) == 2
    assert not any("Pair" in hint for hint in danger_box.model.index(row, 0).data(HintsRole))
    demo.document.undo_stack.undo()
    assert demo.document.item(new.id).pairs_with is None
    assert next(i for i in demo.store.get_meeting(demo.document.meeting_id).items if i.id == goal.id).pairs_with is None
    with pytest.raises(ValueError):
        demo.document.pair_items(new.id, demo.document.items(Category.HARM)[0].id or 0)


def test_guidance_is_gentle_and_never_blocks(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    harm = demo.document.add_item(Category.HARM, "Dad will hit Lily again")
    box = demo.map_panel.box(Category.HARM)
    row = box.model.rowCount() - 1
    assert any("future" in hint for hint in box.model.index(row, 0).data(HintsRole))
    assert stored(demo, Category.HARM)[-1] == "Dad will hit Lily again"  # kept as written: a hint, not a block
    assert harm.id is not None


def test_completeness_bar_says_what_is_missing(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    bar = demo.map_panel.completeness
    assert bar.text().startswith("✔ The map is complete")
    for item in list(demo.document.items(Category.GOAL)):
        assert item.id is not None
        demo.document.delete_item(item.id)
    assert "safety goal" in bar.text() and "not yet complete" in bar.text()


def test_framework_switch_relabels_cards_hints_and_headings(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    case = demo.document.case
    demo.document.add_item(Category.DANGER, "Teachers are worried Lily misses meals")
    wellbeing = Case(case.label, case.reference, Framework.WELLBEING, id=case.id)
    demo.store.update_case(wellbeing)
    demo.document.replace_case(wellbeing)
    box = demo.map_panel.box(Category.DANGER)
    assert box.title() == "Worry statements"
    hints = box.model.index(box.model.rowCount() - 1, 0).data(HintsRole)
    assert any("worry statement with a wellbeing goal" in hint for hint in hints)


def test_grey_areas_are_optional_but_never_hide_cards(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    grey = demo.map_panel.box(Category.GREY)
    demo.map_panel.show_grey_areas(False)
    assert grey.isVisibleTo(demo)  # the demo has a grey-area card, so it stays
    for item in list(demo.document.items(Category.GREY)):
        assert item.id is not None
        demo.document.delete_item(item.id)
    demo.map_panel.show_grey_areas(False)
    assert not grey.isVisibleTo(demo)


def test_the_shortcuts_sheet_lists_the_keys_of_every_frequent_action(qtbot: QtBot) -> None:
    rows = {keys: what for _, section in sheet_rows() for keys, what in section}
    for keys in ("Ctrl+1 … Ctrl+8", "Delete", "Alt+Left / Alt+Right", "Ctrl+P", "B or .", "F5", "F1"):
        assert keys in rows, keys
    sheet = ShortcutsSheet()
    qtbot.addWidget(sheet)
    assert sheet.minimumWidth() >= 720


def test_snapshot_of_the_console_from_the_command_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--data-dir", str(tmp_path), "demo"], out=out, err=err) == 0
    meeting_id = out.getvalue().strip()
    picture = tmp_path / "console.png"
    status = main(
        ["--data-dir", str(tmp_path), "snapshot", meeting_id, "--view", "console", "--out", str(picture),
         "--size", "1280x800"],
        out=io.StringIO(), err=err,
    )  # fmt: skip
    assert (status, err.getvalue()) == (0, "")
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 800)
    assert len({image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}) > 5  # not blank
    status = main(["--data-dir", str(tmp_path), "snapshot", "999", "--out", str(picture)], out=out, err=err)
    assert status == 2 and "no meeting 999" in err.getvalue()


def test_snapshot_of_the_projector_in_a_theme_and_size(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    main(["--data-dir", str(tmp_path), "demo"], out=out, err=err)
    meeting_id = out.getvalue().strip()
    pictures = {}
    for theme in ("projector", "light"):
        picture = tmp_path / f"{theme}.png"
        args = ["--data-dir", str(tmp_path), "snapshot", meeting_id, "--out", str(picture), "--theme", theme]
        assert main([*args, "--size", "1280x720"], out=io.StringIO(), err=err) == 0, err.getvalue()
        pictures[theme] = QImage(str(picture))
        assert (pictures[theme].width(), pictures[theme].height()) == (1280, 720)
    dark_corner = QColor(pictures["projector"].pixel(2, 2))
    light_corner = QColor(pictures["light"].pixel(2, 2))
    assert dark_corner.lightness() < 40 < 200 < light_corner.lightness()
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal, with its usage line, status 2
        main(["--data-dir", str(tmp_path), "snapshot", meeting_id, "--out", "x.png", "--size", "big"])
    assert refused.value.code == 2


def test_review_fixes_f2_edits_the_card_and_grey_areas_never_swallow_a_moved_card(
    qtbot: QtBot, demo: MainWindow
) -> None:
    assert demo.map_panel is not None and demo.document is not None
    harm = demo.map_panel.box(Category.HARM)
    harm.list.setFocus()
    harm.select_row(0)
    qtbot.keyClick(harm.list, Qt.Key.Key_F2)
    assert harm.list.state() == harm.list.State.EditingState  # the card editor, not a rename dialog
    qtbot.keyClick(harm.list.focusWidget(), Qt.Key.Key_Escape)

    for item in list(demo.document.items(Category.GREY)):
        assert item.id is not None
        demo.document.delete_item(item.id)
    demo.map_panel.show_grey_areas(False)
    grey = demo.map_panel.box(Category.GREY)
    assert not grey.isVisibleTo(demo)
    complicating = demo.map_panel.box(Category.COMPLICATING)
    complicating.list.setFocus()
    complicating.select_row(0)
    qtbot.keyClick(complicating.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # into grey areas
    assert grey.isVisibleTo(demo)  # the card is not hidden away
    assert grey.list.hasFocus() and grey.selected_row() == 0  # and stays selected for the next key


def test_a_paired_danger_statement_moved_to_harm_leaves_its_pair_in_the_same_step(demo: MainWindow) -> None:
    assert demo.document is not None
    danger = demo.document.items(Category.DANGER)[0]
    goal = demo.document.items(Category.GOAL)[0]
    assert danger.id is not None and goal.id is not None and danger.pairs_with == goal.id
    demo.document.move_item(danger.id, Category.HARM, 0)
    stored = {i.id: i.pairs_with for i in demo.store.get_meeting(demo.document.meeting_id).items}
    assert stored[danger.id] is None and stored[goal.id] is None
    demo.document.undo_stack.undo()
    stored = {i.id: i.pairs_with for i in demo.store.get_meeting(demo.document.meeting_id).items}
    assert stored[danger.id] == goal.id and stored[goal.id] == danger.id


def test_completeness_follows_the_scales_and_counts_danger_statements(demo: MainWindow) -> None:
    assert demo.map_panel is not None and demo.document is not None
    bar = demo.map_panel.completeness
    scale = demo.document.meeting.scales[0]
    assert scale.id is not None
    for rating in list(scale.ratings):
        demo.document.remove_rating(scale.id, rating.rater)
    assert "a scale with ratings" in bar.text()  # refreshed by the scales, not only by the cards
    for n in range(3):
        demo.document.add_item(Category.DANGER, f"Nan is worried Lily could be hurt ({n})")
    assert "no more than about three danger statements" in bar.text()
