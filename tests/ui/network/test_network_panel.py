"""The Network page as a user meets it: drawing people and ties with the mouse, naming them in place, arranging
the network with each layout, reading the findings, and finding it all as left after a restart.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from sos_desktop.models import PersonRole, TieKind
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.network_layout import LayoutKind
from sos_desktop.ui.network.panel import NetworkPanel
from sos_desktop.ui.shell.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parents[2] / "models"))
import route_measure as measure


def demo_window(open_window: Callable[[], MainWindow]) -> MainWindow:
    """A console with the demo meeting open (saved on the first call, reopened on a restart)."""
    window = open_window()
    if window.document is None:
        saved = window.store.save_bundle(demo_bundle())
        window.open_meeting(saved.meeting.id or 0)
    return window


@pytest.fixture
def panel(open_window: Callable[[], MainWindow], qtbot: QtBot) -> NetworkPanel:
    window = demo_window(open_window)
    window.resize(1400, 900)
    found = window.show_network()
    assert found is not None
    qtbot.waitUntil(lambda: found.view.isVisible())
    found.view.fit()
    return found


def at(panel: NetworkPanel, x: float, y: float) -> QPoint:
    return panel.view.mapFromScene(QPointF(x, y))


def node_point(panel: NetworkPanel, person_id: int) -> QPoint:
    position = panel.scene.nodes[person_id].pos()
    return at(panel, position.x(), position.y())


def test_the_page_shows_every_person_and_tie_of_the_case_with_a_legend(panel: NetworkPanel) -> None:
    network = panel.document.network
    assert len(network.people) == 12
    assert set(panel.scene.nodes) == {p.id for p in network.people}
    assert set(panel.scene.lines) == {t.id for t in network.ties}
    assert {"Child", "Family", "Friends and community", "Professional", "Knows the worries"} <= set(
        panel.legend.texts()
    )
    assert any("naturally connected" in text for text in panel.findings_texts())


def test_double_click_on_empty_space_adds_a_person_named_in_place(panel: NetworkPanel, qtbot: QtBot) -> None:
    viewport = panel.view.viewport()
    empty = QPoint(40, viewport.height() - 40)  # the fitted demo family leaves the bottom left corner empty
    spot = panel.view.mapToScene(empty)
    assert panel.scene._node_at(spot) is None
    before = len(panel.document.network.people)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=empty)
    assert len(panel.document.network.people) == before + 1
    assert panel.scene.editing
    qtbot.keyClicks(viewport, "Carla Neighbour")
    qtbot.keyClick(viewport, Qt.Key.Key_Return)
    assert not panel.scene.editing
    added = panel.document.network.people[-1]
    assert added.name == "Carla Neighbour" and added.display_name == "CN"
    assert (added.x, added.y) == pytest.approx((spot.x(), spot.y()), abs=2)
    stored = {p.name for p in panel.document.store.get_network(panel.document.case_id).people}
    assert "Carla Neighbour" in stored
    assert not panel.connect_action.isChecked()  # typing a "c" in the name did not switch connecting on


def test_shift_drag_from_one_person_to_another_connects_them(panel: NetworkPanel, qtbot: QtBot) -> None:
    document = panel.document
    friend = document.add_person("Gwen Friend", PersonRole.FRIEND, position=(-500.0, 400.0))
    nan = next(p for p in document.network.people if p.display_name == "Nan")
    panel.view.fit()
    viewport = panel.view.viewport()
    start, end = node_point(panel, friend.id or 0), node_point(panel, nan.id or 0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    tie = document.tie_between(friend.id or 0, nan.id or 0)
    assert tie is not None and tie.kind is TieKind.SUPPORT
    assert tie.id in panel.scene.lines
    assert panel.scene.selected_ties() == [tie.id]
    assert panel.editor.currentWidget() is panel.editor.tie_form


def test_dragging_a_person_saves_the_place_and_undo_puts_it_back(panel: NetworkPanel, qtbot: QtBot) -> None:
    document = panel.document
    person = document.network.people[4]
    node = panel.scene.nodes[person.id or 0]
    before = node.pos()
    viewport = panel.view.viewport()
    start = node_point(panel, person.id or 0)
    end = start + QPoint(60, 45)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(30, 20))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    moved = node.pos()
    assert moved != before
    saved = next(p for p in document.store.get_network(document.case_id).people if p.id == person.id)
    assert (saved.x, saved.y) == pytest.approx((moved.x(), moved.y()))
    assert document.undo_stack.undoText() == "Move person"
    document.undo_stack.undo()
    assert node.pos() == before


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_each_layout_arranges_everyone_as_one_undo_step(panel: NetworkPanel, qtbot: QtBot, kind: LayoutKind) -> None:
    document = panel.document
    steps = document.undo_stack.count()
    with qtbot.waitSignal(document.networkMoved, timeout=10_000):
        panel.arrange_buttons[kind].click()
    assert document.undo_stack.count() == steps + 1
    placed = [(p.x, p.y) for p in document.store.get_network(document.case_id).people]
    assert all(x is not None and y is not None for x, y in placed)
    assert len(set(placed)) == len(placed)  # nobody on top of anybody
    shown = [c for node in panel.scene.nodes.values() for c in (node.pos().x(), node.pos().y())]
    assert shown == pytest.approx([c for p in document.network.people for c in (p.x, p.y)])
    _assert_ties_follow_their_people(panel)
    # Painting is held while hundreds move, and only until the event loop's next turn: the graph never stays frozen.
    qtbot.waitUntil(panel.view.viewport().updatesEnabled)
    qtbot.waitUntil(lambda: all(button.isEnabled() for button in panel.arrange_buttons.values()))
    document.undo_stack.undo()
    assert all(p.x is None for p in document.store.get_network(document.case_id).people)
    _assert_ties_follow_their_people(panel)  # moved back without following at once, each tie redrawn after


def _assert_ties_follow_their_people(panel: NetworkPanel) -> None:
    lines = list(panel.scene.lines.values())
    assert lines
    for line in lines:
        ends = line.line()
        assert (ends.p1(), ends.p2()) == (line.source.pos(), line.target.pos())


def test_delete_key_removes_the_selection_and_findings_follow(panel: NetworkPanel, qtbot: QtBot) -> None:
    document = panel.document
    nan = next(p for p in document.network.people if p.display_name == "Nan")
    panel.scene.select([nan.id or 0])
    assert panel.editor.currentWidget() is panel.editor.person_form
    assert panel.editor.person_form.name.text() == nan.name
    panel.view.setFocus()
    qtbot.keyClick(panel.view.viewport(), Qt.Key.Key_Delete)
    assert nan.id not in panel.scene.nodes
    qtbot.waitUntil(lambda: not any("Pat Example" in text for text in panel.findings_texts()))
    assert any("2 of them know the worries" in text for text in panel.findings_texts())
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: any("3 of them know the worries" in text for text in panel.findings_texts()))


def test_the_details_form_edits_the_selected_person(panel: NetworkPanel, qtbot: QtBot) -> None:
    document = panel.document
    dad = next(p for p in document.network.people if p.display_name == "Dad")
    panel.scene.select([dad.id or 0])
    form = panel.editor.person_form
    form.knows.setChecked(True)
    qtbot.keyClicks(form.relationship, "Lily's dad")
    assert form.rules.text().startswith("None yet")
    # The rules a person owns are the safety plan's, shown on the form.
    document.add_rule("Dad calls Nan when he feels angry", owners=[dad.id or 0])
    assert form.rules.text() == "• Dad calls Nan when he feels angry"
    saved = next(p for p in document.store.get_network(document.case_id).people if p.id == dad.id)
    assert saved.knows_worries and saved.relationship == "Lily's dad"
    assert [rule.words for rule in document.store.get_meeting(document.meeting_id).safety_plan.rules][-1] == (
        "Dad calls Nan when he feels angry"
    )
    qtbot.waitUntil(lambda: any("4 of them know the worries" in text for text in panel.findings_texts()))
    document.undo_stack.undo()  # the rule
    document.undo_stack.undo()  # the relationship, typed as one step
    assert document.person(dad.id or 0).relationship == ""


def test_a_restart_finds_the_network_as_it_was_left(open_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    window = demo_window(open_window)
    panel = window.show_network()
    assert panel is not None
    with qtbot.waitSignal(panel.document.networkMoved, timeout=10_000):
        panel.arrange(LayoutKind.FAMILY_TREE)
    added = panel.document.add_person("Olu Coach", PersonRole.COMMUNITY, position=(900.0, -300.0))
    places = {p.id: (p.x, p.y) for p in panel.document.network.people}
    window.close()

    again = demo_window(open_window)
    reopened = again.show_network()
    assert reopened is not None
    assert {p.id: (p.x, p.y) for p in reopened.document.network.people} == places
    node = reopened.scene.nodes[added.id or 0]
    assert (node.pos().x(), node.pos().y()) == (900.0, -300.0)


def test_far_out_a_person_is_drawn_without_names_and_close_up_with_them(
    panel: NetworkPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from sos_desktop.ui.network.scene import NAMES_FROM_SCALE

    node = next(iter(panel.scene.nodes.values()))
    node.setCacheMode(node.CacheMode.NoCache)  # painted each time, so each render below calls paint()
    texts: list[str] = []
    draw_text = QPainter.drawText

    def counting(painter: QPainter, *args: object) -> None:
        texts.append(str(args[-1]))
        draw_text(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", counting)
    source = node.sceneBoundingRect()
    for scale in (1.0, NAMES_FROM_SCALE / 2):
        image = QImage(int(source.width() * scale) + 1, int(source.height() * scale) + 1, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        panel.scene.render(painter, QRectF(image.rect()), source)
        painter.end()
        if scale == 1.0:
            assert node.person.name in texts  # the full name under the marker
            texts.clear()
    assert texts == []  # too small to read: neither name is drawn


def test_the_empty_network_hint_goes_entirely_when_a_person_is_added_and_comes_back(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    from PySide6.QtGui import QImage

    from sos_desktop.models import Case
    from sos_desktop.ui.shell.navigator import CASE

    window = open_window()
    window.resize(1280, 800)
    case = window.store.add_case(Case("Family E"))
    window.navigator.reload()
    window.navigator.select(CASE, case.id or 0)
    window.new_meeting("Empty")
    panel = window.show_network()
    assert panel is not None
    viewport = panel.view.viewport()
    qtbot.waitUntil(viewport.isVisible)

    def on_screen() -> QImage:
        # What the screen holds, not a fresh render: a view that repaints only what changed leaves the rest as it was.
        corner = viewport.mapTo(window, viewport.rect().topLeft())
        size = viewport.size()
        grabbed = window.screen().grabWindow(window.winId(), corner.x(), corner.y(), size.width(), size.height())
        return grabbed.toImage().convertToFormat(QImage.Format.Format_RGB32)

    def hint_ink() -> int:
        """Pixels of the hint's words in the left and right quarters of the view (the person added is in the middle)."""
        image = on_screen()
        if image.width() < 100 or image.height() < 100:
            return -1  # not on screen yet
        background = image.pixelColor(2, 2)
        quarter = image.width() // 4
        middle = image.height() // 2
        return sum(
            1
            for x in (*range(4, quarter), *range(3 * quarter, image.width() - 4))
            for y in range(middle - 40, middle + 40)
            if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 40
        )

    qtbot.waitUntil(lambda: hint_ink() > 50)  # "Nobody in the network yet…" across the view
    centre = panel.view.mapToScene(viewport.rect().center())
    person = panel.document.add_person("Lily", PersonRole.CHILD, position=(centre.x(), centre.y()))
    qtbot.waitUntil(lambda: hint_ink() == 0)
    panel.document.delete_person(person.id or 0)
    qtbot.waitUntil(lambda: hint_ink() > 50)


def _choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Pick the entry holding ``data`` from the combo's open list, as a user does (even the entry already shown)."""
    combo.showPopup()
    list_view = combo.view()
    qtbot.waitUntil(list_view.isVisible)
    list_view.setCurrentIndex(combo.model().index(combo.findData(data), 0))
    qtbot.keyClick(list_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not list_view.isVisible())


@pytest.mark.qt_log_ignore(  # the offscreen platform has no window stack and no keyboard to grab for a combo's list
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
def test_a_guessed_tie_kind_is_shown_as_a_guess_and_a_role_never_overrides_a_chosen_one(
    panel: NetworkPanel, qtbot: QtBot
) -> None:
    from sos_desktop.models.network import kind_is_guessed

    document = panel.document
    lily = next(p for p in document.network.people if p.display_name == "L")
    carer = document.add_person("Sam Carer", PersonRole.CARER, position=(-600.0, 500.0))
    panel.view.fit()
    viewport = panel.view.viewport()
    start, end = node_point(panel, carer.id or 0), node_point(panel, lily.id or 0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    tie = document.tie_between(carer.id or 0, lily.id or 0)
    assert tie is not None and tie.kind is TieKind.FAMILY and kind_is_guessed(tie)  # a carer is not "parent of"
    form = panel.editor.tie_form
    assert panel.editor.currentWidget() is form
    assert form.kind.currentText() == "Family (guessed)" and form.guess_note.isVisible()
    assert "(guessed)" in panel.scene.lines[tie.id or 0].toolTip()

    _choose(qtbot, form.kind, TieKind.FAMILY)  # the guess, chosen: now the user's
    assert not kind_is_guessed(document.tie(tie.id or 0))
    assert form.kind.currentText() == "Family" and not form.guess_note.isVisible()
    panel.scene.select([carer.id or 0])
    for role in (PersonRole.PARENT, PersonRole.CARER):
        _choose(qtbot, panel.editor.person_form.role, role)
        assert document.person(carer.id or 0).role is role
        assert document.tie(tie.id or 0).kind is TieKind.FAMILY  # what the user chose stays

    # Where nobody has chosen, the guess follows the role, and still says it is a guess.
    aunt = document.add_person("Ana Example", PersonRole.FAMILY, position=(600.0, 500.0))
    panel.scene.connect_people(aunt.id or 0, lily.id or 0)
    guessed = document.tie_between(aunt.id or 0, lily.id or 0)
    assert guessed is not None and guessed.kind is TieKind.FAMILY
    panel.scene.select([aunt.id or 0])
    _choose(qtbot, panel.editor.person_form.role, PersonRole.PARENT)
    panel.scene.select([], [guessed.id or 0])
    assert (document.tie(guessed.id or 0).source, form.kind.currentText()) == (aunt.id, "Parent of (guessed)")
    assert form.guess_note.isVisible()


@pytest.mark.parametrize("kind", [LayoutKind.FAMILY_TREE, LayoutKind.CIRCLES])
def test_ties_are_drawn_round_the_people_they_do_not_join(panel: NetworkPanel, qtbot: QtBot, kind: LayoutKind) -> None:
    with qtbot.waitSignal(panel.document.networkMoved, timeout=10_000):
        panel.arrange(kind)
    nodes = panel.scene.nodes
    bent = 0
    for line in panel.scene.lines.values():
        route = line.route
        assert (route[0], route[-1]) == (line.source.pos(), line.target.pos())
        bent += len(route) > 2
        for node in nodes.values():
            if node in (line.source, line.target):
                continue
            marker, name = node.mapRectToScene(node.marker_rect()), node.mapRectToScene(node.name_rect())
            boxes = [measure.box_of(r.left(), r.top(), r.right(), r.bottom()) for r in (marker, name)]
            assert not measure.through([(p.x(), p.y()) for p in route], *boxes), (line.toolTip(), node.person.name)
    if kind is LayoutKind.FAMILY_TREE:
        assert bent  # Mum's professionals and friends go round the children below her
    # Dragging a person into a tie's way bends it round them once they are let go.
    first = next(line for line in panel.scene.lines.values() if len(line.route) == 2)
    middle = (first.route[0] + first.route[1]) / 2
    other = next(n for n in nodes.values() if n not in (first.source, first.target))
    panel.document.move_people({other.person_id: (middle.x(), middle.y())}, "Move person")
    assert len(first.route) > 2
