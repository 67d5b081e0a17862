"""The genogram on the console's Network page: arranged as a family tree, the demo family is drawn with its marks
(a square for a man, a circle for a woman, a double outline for Lily, a slash across Mum and Dad's line, a dotted
line round Mum's home), the details edit gender, death, the index child, the household and a tie's bond, each one
undo step, and the circles layout keeps the look by role.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.models import Gender, PersonRole, TieBond, TieKind
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.models.network_look import Marker
from sos_desktop.ui.network.panel import NetworkPanel
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def panel(open_window: Callable[[], MainWindow], qtbot: QtBot) -> NetworkPanel:
    window = open_window()
    saved = window.store.save_bundle(demo_bundle())
    window.open_meeting(saved.meeting.id or 0)
    found = window.show_network()
    assert found is not None
    qtbot.wait_until(found.view.isVisible)
    return found


def arrange(panel: NetworkPanel, qtbot: QtBot, kind: LayoutKind) -> None:
    with qtbot.waitSignal(panel.runner.ready, timeout=10000):
        panel.arrange(kind)
    qtbot.wait_until(lambda: not panel.runner.busy)


def person_id(panel: NetworkPanel, display_name: str) -> int:
    return next(p.id or 0 for p in panel.document.network.people if p.display_name == display_name)


def test_arranged_as_a_family_tree_the_demo_family_is_drawn_with_its_marks(panel: NetworkPanel, qtbot: QtBot) -> None:
    arrange(panel, qtbot, LayoutKind.FAMILY_TREE)
    scene = panel.scene
    assert scene.genogram
    node = {name: scene.nodes[person_id(panel, name)] for name in ("Mum", "Dad", "L", "N", "RN", "FSW")}
    assert node["Dad"].marker is Marker.SQUARE and node["N"].marker is Marker.SQUARE
    assert node["Mum"].marker is Marker.CIRCLE and node["L"].marker is Marker.CIRCLE
    assert node["RN"].marker is Marker.DIAMOND  # the neighbour's gender is not recorded
    assert node["FSW"].marker is Marker.HEXAGON  # professionals keep theirs
    assert node["L"].marks == {"double outline"} and not node["Mum"].marks
    couple = next(line for line in scene.lines.values() if {line.source, line.target} == {node["Mum"], node["Dad"]})
    assert couple.slashes == 1 and "(separated)" in couple.toolTip()
    assert sorted(outline.name for outline in scene.household_outlines.values()) == ["Mum's home", "Nan's house"]
    home = scene.household_outlines["mum's home"].path()
    for member in ("Mum", "L", "N"):
        assert home.contains(node[member].pos())
    assert not home.contains(node["Dad"].pos())
    assert panel.genogram_legend.isVisibleTo(panel) and not panel.legend.isVisibleTo(panel)
    assert {"Separated", "Index child", "Died", "Live together"} <= set(panel.genogram_legend.texts())
    qtbot.wait_until(panel.view.viewport().updatesEnabled)
    panel.resize(1400, 800)
    panel.view.fit()
    panel.grab().save("/tmp/genogram-console.png")

    arrange(panel, qtbot, LayoutKind.CIRCLES)
    assert not scene.genogram
    assert node["Mum"].marker is Marker.SQUARE and not node["L"].marks and couple.slashes == 0
    assert not scene.household_outlines
    assert panel.legend.isVisibleTo(panel) and not panel.genogram_legend.isVisibleTo(panel)


def test_a_person_s_gender_death_and_household_are_each_one_undo_step(panel: NetworkPanel, qtbot: QtBot) -> None:
    document = panel.document
    positions = compute_layout(document.network, LayoutKind.FAMILY_TREE)
    document.move_people({pid: xy for pid, xy in positions.items()})
    robin = person_id(panel, "RN")
    panel.scene.select([robin])
    form = panel.editor.person_form
    fields = form.genogram
    fields.gender.setCurrentIndex(fields.gender.findText("Male"))
    fields.gender.activated.emit(fields.gender.currentIndex())
    assert document.person(robin).gender is Gender.MALE
    assert panel.scene.nodes[robin].marker is Marker.SQUARE
    fields.deceased.setChecked(True)
    assert document.person(robin).deceased and "cross" in panel.scene.nodes[robin].marks
    assert "Died" in panel.scene.nodes[robin].toolTip()
    panel.editor.person_form.grab().save("/tmp/genogram-person-form.png")
    fields.household.setFocus()
    qtbot.keyClicks(fields.household, "Nan's")
    assert document.person(robin).household == "Nan's"
    document.undo_stack.undo()  # the typing, whole
    assert document.person(robin).household == ""
    document.undo_stack.undo()
    assert not document.person(robin).deceased and not panel.scene.nodes[robin].marks
    assert not fields.deceased.isChecked()
    document.undo_stack.undo()
    assert document.person(robin).gender is None and panel.scene.nodes[robin].marker is Marker.DIAMOND
    document.undo_stack.redo()
    assert document.person(robin).gender is Gender.MALE
    assert fields.gender.currentText() == "Male"


def test_ticking_another_index_child_unticks_lily_in_the_same_undo_step(panel: NetworkPanel) -> None:
    document = panel.document
    lily, noah, mum = (person_id(panel, name) for name in ("L", "N", "Mum"))
    panel.scene.select([noah])
    fields = panel.editor.person_form.genogram
    assert fields.index_child.isEnabled() and not fields.index_child.isChecked()
    fields.index_child.setChecked(True)
    assert document.person(noah).index_child and not document.person(lily).index_child
    document.undo_stack.undo()
    assert document.person(lily).index_child and not document.person(noah).index_child
    document.undo_stack.redo()
    assert document.person(noah).index_child and not document.person(lily).index_child
    panel.scene.select([mum])
    assert not fields.index_child.isEnabled()
    assert "Only a child" in fields.index_child.toolTip()
    with pytest.raises(ValueError, match="Only a child"):
        document.set_person_field(mum, "index_child", True)
    document.set_person_field(noah, "role", PersonRole.FAMILY)  # no longer a child: no longer the index child
    assert not document.person(noah).index_child
    document.undo_stack.undo()
    assert document.person(noah).index_child and document.person(noah).role is PersonRole.CHILD


def test_a_couple_s_bond_is_chosen_in_the_tie_s_details_and_undone(panel: NetworkPanel) -> None:
    document = panel.document
    mum, dad = person_id(panel, "Mum"), person_id(panel, "Dad")
    tie = document.tie_between(mum, dad)
    assert tie is not None and tie.id is not None
    panel.scene.select([], [tie.id])
    form = panel.editor.tie_form
    assert form.bond.combo.isVisibleTo(form)
    assert [form.bond.combo.itemText(n) for n in range(form.bond.combo.count())] == [
        "Together, not married",
        "Married",
        "Separated",
        "Divorced",
        "Ex-partners (never married)",
    ]
    assert form.bond.combo.currentText() == "Separated"
    form.grab().save("/tmp/genogram-tie-form.png")
    form.bond.combo.setCurrentIndex(form.bond.combo.findText("Divorced"))
    form.bond.combo.activated.emit(form.bond.combo.currentIndex())
    assert document.tie(tie.id).bond is TieBond.DIVORCED
    document.undo_stack.undo()
    assert document.tie(tie.id).bond is TieBond.SEPARATED
    assert form.bond.combo.currentText() == "Separated"
    document.set_tie_kind(tie.id, TieKind.SIBLING)  # a sibling tie has no bond: the field goes
    assert document.tie(tie.id).bond is TieBond.BIRTH_OR_TOGETHER
    assert not form.bond.combo.isVisibleTo(form)
    with pytest.raises(ValueError, match="sibling tie cannot be 'step'"):
        document.set_tie_bond(tie.id, TieBond.STEP)
