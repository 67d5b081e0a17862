"""The safety network on the projector: display names only, a legend, a summary, room for every name, and live."""

from __future__ import annotations

import argparse
import itertools
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import Circle, Network, PersonRole, TieKind
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import THEMES, NetworkMode, ProjectorView, load_theme, render_projector
from sos_desktop.ui.projector.chart_shapes import LineShape
from sos_desktop.ui.projector.network_chart import EMPTY_NETWORK, LEGEND_PX, NETWORK_HEADING
from sos_desktop.ui.projector.network_shapes import MarkerShape, TieShape
from sos_desktop.ui.projector.scene import TextShape
from sos_desktop.ui.projector.themes import contrast_ratio
from sos_desktop.ui.shell.main_window import MainWindow

FULL_HD = QSize(1920, 1080)
SIZES = (FULL_HD, QSize(1280, 720))
FAMILY = [  # name, display name, role, circle, knows the worries, relationship, notes, contact
    ("Lily Example", "L", PersonRole.CHILD, None, False, "", "", ""),
    ("Noah Example", "N", PersonRole.CHILD, None, False, "Lily's brother", "", ""),
    ("Jordan Example", "Mum", PersonRole.PARENT, Circle.INNER, True, "Mother", "Works nights at the depot", ""),
    ("Chris Sample", "Dad", PersonRole.PARENT, Circle.INNER, False, "Father", "", "07700 900123"),
    ("Pat Example", "Nan", PersonRole.FAMILY, Circle.INNER, True, "Maternal grandmother", "", "12 Acacia Avenue"),
    ("Frank Example", "Grandad", PersonRole.FAMILY, Circle.OUTER, False, "Mum's dad", "", ""),
    ("Kim Sample", "Aunt K", PersonRole.FAMILY, Circle.OUTER, True, "Dad's sister", "", ""),
    ("Robin Neighbour", "RN", PersonRole.FRIEND, Circle.OUTER, False, "Next-door neighbour", "", ""),
    ("Taylor Friend", "TF", PersonRole.COMMUNITY, None, False, "Mum's friend from the mosque", "", ""),
    ("Dana Rivers", "Teacher", PersonRole.PROFESSIONAL, None, False, "Noah's teacher", "", ""),
    ("Jamie Okafor", "FSW", PersonRole.PROFESSIONAL, None, True, "Family support worker", "", ""),
    ("Helen Brooks", "HV", PersonRole.PROFESSIONAL, None, True, "Health visitor", "", ""),
]
TIES = [  # by display name
    ("Mum", "L", TieKind.PARENT),
    ("Dad", "L", TieKind.PARENT),
    ("Mum", "N", TieKind.PARENT),
    ("L", "N", TieKind.SIBLING),
    ("Mum", "Dad", TieKind.PARTNER),
    ("Nan", "Mum", TieKind.PARENT),
    ("Grandad", "Nan", TieKind.PARTNER),
    ("Aunt K", "Dad", TieKind.FAMILY),
    ("RN", "Mum", TieKind.SUPPORT),
    ("TF", "Mum", TieKind.SUPPORT),
    ("Teacher", "N", TieKind.PROFESSIONAL),
    ("FSW", "L", TieKind.PROFESSIONAL),
    ("HV", "L", TieKind.PROFESSIONAL),
]


def empty_case(store: Store) -> MeetingDocument:
    """The demo meeting in a case of its own whose network has nobody in it yet."""
    bundle = demo_bundle()
    bundle.network = Network()
    bundle.meeting.child_voice = []  # the child's words name a child of the demo network
    saved = store.save_bundle(bundle)
    assert saved.meeting.id is not None
    return MeetingDocument(store, saved.meeting.id)


def add_family(document: MeetingDocument) -> dict[str, int]:
    """The twelve people of ``FAMILY`` and their ties, added as the console adds them; their ids by display name."""
    ids = {}
    for name, shown, role, circle, knows, relationship, notes, contact in FAMILY:
        person = document.add_person(name, role, circle=circle, relationship=relationship)
        assert person.id is not None
        document.set_person_field(person.id, "display_name", shown)
        document.set_person_field(person.id, "knows_worries", knows)
        for field, value in (("notes", notes), ("contact", contact)):
            if value:
                document.set_person_field(person.id, field, value)
        ids[shown] = person.id
    for first, second, kind in TIES:
        document.add_tie(ids[first], ids[second], kind)
    return ids


@pytest.fixture
def document(qtbot: QtBot, store: Store) -> MeetingDocument:
    document = empty_case(store)
    add_family(document)
    return document


@pytest.fixture
def view(qtbot: QtBot, document: MeetingDocument) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_mode(NetworkMode())
    return view


def texts_at(view: ProjectorView) -> dict[str, list[TextShape]]:
    """Each text the frame draws, with where it is drawn."""
    found: dict[str, list[TextShape]] = {}
    for shape in view.projection.scene(view.width(), view.height()).shapes:
        if isinstance(shape, TextShape):
            found.setdefault(shape.laid.text, []).append(shape)
    return found


def rect_of(shape: TextShape) -> QRectF:
    return QRectF(shape.origin.x(), shape.origin.y(), shape.laid.width, shape.laid.height)


def name_rects(view: ProjectorView, names: list[str]) -> dict[str, QRectF]:
    drawn = texts_at(view)
    return {name: rect_of(drawn[name][0]) for name in names}


def legend_top(view: ProjectorView) -> float:
    """Where the legend strip starts: its rule across the screen."""
    scene = view.projection.scene(view.width(), view.height())
    rules = [shape for shape in scene.shapes if isinstance(shape, LineShape)]
    assert len(rules) == 1
    return rules[0].points[0].y()


# Privacy ---------------------------------------------------------------------------------------------------------


def test_everybody_appears_by_display_name_and_nothing_private_reaches_the_room(view: ProjectorView) -> None:
    drawn = view.drawn_texts()
    for _, shown, *_ in FAMILY:
        assert shown in drawn
    everything = "\n".join(drawn)
    words = {part for name, *_ in FAMILY for part in name.split()}
    assert {word for word in words if re.search(rf"\b{word}\b", everything)} == set()
    for _, _, _, _, _, relationship, notes, contact in FAMILY:
        for private in (relationship, notes, contact):
            assert not private or private not in everything
    for leak in ("Mother", "grandmother", "depot", "07700", "Acacia", "mosque", "teacher", "worker", "visitor"):
        assert leak not in everything


def test_a_cleared_display_name_falls_back_to_initials_never_the_full_name(
    document: MeetingDocument, view: ProjectorView
) -> None:
    person = next(p for p in document.network.people if p.display_name == "Dad")
    assert person.id is not None
    document.set_person_field(person.id, "display_name", "  ")
    drawn = view.drawn_texts()
    assert "CS" in drawn and "Dad" not in drawn
    assert not any("Chris" in text or "Sample" in text for text in drawn)


def test_the_title_line_is_masked_like_the_map(document: MeetingDocument, view: ProjectorView) -> None:
    document.set_detail("title", "Network meeting with Jordan Example")
    assert view.drawn_texts()[0].startswith("Network meeting with Mum · ")


# What the room reads ---------------------------------------------------------------------------------------------


def test_the_heading_the_summary_and_a_legend_of_what_is_shown(view: ProjectorView) -> None:
    drawn = view.drawn_texts()
    assert drawn[1:3] == [NETWORK_HEADING, "7 naturally connected people · 3 know the worries · 3 professionals"]
    for entry in ("Child", "Family", "Friends and community", "Professional", "Knows the worries"):
        assert entry in drawn
    for line in ("Parent of", "Partners", "Siblings", "Family", "Support", "Professional"):
        assert line in drawn
    assert "Other" not in drawn  # nobody and no tie of that kind: the legend does not explain what is not there
    # A tick beside each of the five who know the worries, and one in the legend.
    assert drawn.count("✓") == 6


def test_children_are_drawn_larger_than_the_adults_around_them(view: ProjectorView) -> None:
    scene = view.projection.scene(view.width(), view.height())
    markers = [shape for shape in scene.shapes if isinstance(shape, MarkerShape)]
    sizes: dict[str, float] = {}
    for shape in markers:  # the largest of each colour: a person's, not the legend's
        colour = shape.fill.name().upper()
        sizes[colour] = max(sizes.get(colour, 0.0), shape.path.boundingRect().width())
    child, family = sizes["#FFD23F"], sizes["#F28B66"]
    assert child > 1.25 * family
    ties = [shape for shape in scene.shapes if isinstance(shape, TieShape)]
    assert len(ties) == len(TIES) + 6  # the drawn ties and the legend's six kinds of line


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size.width()}x{size.height()}")
def test_every_name_is_whole_on_screen_large_and_clear_of_the_others_and_the_legend(
    view: ProjectorView, size: QSize
) -> None:
    view.resize(size)
    names = [shown for _, shown, *_ in FAMILY]
    rects = name_rects(view, names)
    screen = QRectF(0, 0, size.width(), size.height())
    floor = legend_top(view)
    for name, rect in rects.items():
        assert screen.contains(rect), name
        assert rect.bottom() < floor, name
        # Names at least as large as the legend, and as large in a small window as on a full HD screen.
        style = texts_at(view)[name][0].laid
        assert style.height >= LEGEND_PX * size.height() / 1080, name
    for first in names:
        for second in names:
            if first < second:
                assert not rects[first].intersects(rects[second]), (first, second)


def test_forty_people_still_each_have_room_for_their_name(qtbot: QtBot, store: Store) -> None:
    document = empty_case(store)
    children = [document.add_person(f"Child {n} Example", PersonRole.CHILD) for n in range(3)]
    roles = [PersonRole.FAMILY, PersonRole.FRIEND, PersonRole.PROFESSIONAL, PersonRole.COMMUNITY, PersonRole.PARENT]
    names = []
    for n in range(37):
        person = document.add_person(f"Person {n} Example", roles[n % len(roles)])
        assert person.id is not None and children[n % 3].id is not None
        names.append(f"Helper {n}")
        document.set_person_field(person.id, "display_name", names[-1])
        document.add_tie(person.id, children[n % 3].id, TieKind.SUPPORT)
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.set_mode(NetworkMode())
    for size in SIZES:
        view.resize(size)
        rects = list(name_rects(view, names).values())
        floor = legend_top(view)
        assert all(rect.bottom() < floor and rect.left() >= 0 and rect.right() <= size.width() for rect in rects)
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
        assert min(rect.height() for rect in rects) >= 22 * size.height() / 1080


def test_an_empty_network_says_so(qtbot: QtBot, store: Store) -> None:
    view = ProjectorView(empty_case(store))
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_mode(NetworkMode())
    drawn = view.drawn_texts()
    assert EMPTY_NETWORK in drawn
    assert "Knows the worries" not in drawn  # no legend for an empty picture


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_draws_the_network_on_its_own_background_with_names_in_strong_contrast(
    qtbot: QtBot, document: MeetingDocument, name: str
) -> None:
    theme = load_theme(name)
    image = render_projector(document, QSize(1280, 720), name, NetworkMode())
    assert QColor(image.pixel(3, 3)) == theme.background
    view = ProjectorView(document, name)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_mode(NetworkMode())
    mum = texts_at(view)["Mum"][0]
    assert contrast_ratio(mum.colour, theme.background) >= 7


# Live ------------------------------------------------------------------------------------------------------------


def test_it_follows_people_joining_changing_and_leaving(document: MeetingDocument, view: ProjectorView) -> None:
    person = document.add_person("Sam Spencer", PersonRole.FRIEND)
    assert person.id is not None
    assert "SS" in view.drawn_texts()
    assert "8 naturally connected people · 3 know the worries · 3 professionals" in view.drawn_texts()
    document.set_person_field(person.id, "display_name", "Sam S")
    document.set_person_field(person.id, "knows_worries", True)
    drawn = view.drawn_texts()
    assert "Sam S" in drawn and "SS" not in drawn
    assert "8 naturally connected people · 4 know the worries · 3 professionals" in drawn
    assert drawn.count("✓") == 7
    document.delete_person(person.id)
    assert "Sam S" not in view.drawn_texts()
    document.undo_stack.undo()
    assert "Sam S" in view.drawn_texts()


def test_it_follows_people_being_moved(document: MeetingDocument, view: ProjectorView) -> None:
    ids = {p.display_name: p.id for p in document.network.people}
    everybody = {pid: (float(n % 4) * 300, float(n // 4) * 300) for n, pid in enumerate(ids.values()) if pid}
    document.move_people(everybody)
    before = name_rects(view, ["Teacher", "HV"])
    assert before["Teacher"].center().x() < before["HV"].center().x()
    teacher, visitor = ids["Teacher"], ids["HV"]
    assert teacher is not None and visitor is not None
    document.move_people({teacher: everybody[visitor], visitor: everybody[teacher]})  # swapped over
    after = name_rects(view, ["Teacher", "HV"])
    assert after["Teacher"].center().x() == pytest.approx(before["HV"].center().x(), abs=1)
    assert after["HV"].center().x() == pytest.approx(before["Teacher"].center().x(), abs=1)


def test_people_piled_in_one_place_or_never_placed_still_each_show_apart(
    document: MeetingDocument, view: ProjectorView
) -> None:
    names = [shown for _, shown, *_ in FAMILY]
    document.move_people({pid: (500.0, 500.0) for p in document.network.people if (pid := p.id) is not None})
    rects = list(name_rects(view, names).values())
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    document.move_people({p.id: (n * 150.0, 0.0) for n, p in enumerate(document.network.people) if p.id})
    document.add_person("Sam Spencer", PersonRole.FRIEND)  # added with no place on the console's graph
    rects = list(name_rects(view, [*names, "SS"]).values())
    assert all(QRectF(0, 0, 1920, legend_top(view)).contains(rect) for rect in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_zooming_in_makes_names_larger_and_v_goes_back_to_the_map(view: ProjectorView) -> None:
    height = texts_at(view)["Mum"][0].laid.height
    view.zoom_in()
    assert texts_at(view)["Mum"][0].laid.height > height
    assert view.cycle_mode() is None
    assert NETWORK_HEADING not in view.drawn_texts()


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")
def test_ctrl_alt_n_on_the_console_shows_the_network_on_the_projector(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = build_window(argparse.Namespace(data_dir=tmp_path, db=None, command=None))
    assert isinstance(window, MainWindow) and window.document is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    control = window.projector
    projector = control.open()
    assert control.network_action.text().replace("&", "") == "The safety network"
    window.activateWindow()  # the facilitator's keys are on the console
    window.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert projector.view.mode() == NetworkMode()
    assert control.network_action.isChecked()
    drawn = projector.view.drawn_texts()
    assert NETWORK_HEADING in drawn
    for person in window.document.network.people:
        assert person.display_name in drawn
        assert person.name not in "\n".join(drawn)
    control.close()
    window.close()
    window.store.close()


@pytest.mark.parametrize("kind", ["family_tree", "circles"])
def test_ties_on_the_wall_go_round_the_people_they_do_not_join(
    view: ProjectorView, document: MeetingDocument, kind: str
) -> None:
    from PySide6.QtCore import QLineF, QPointF

    from sos_desktop.models.network_layout import LayoutKind, compute_layout

    document.move_people(compute_layout(document.network, LayoutKind(kind)), "Arrange")
    shapes = view.projection.scene(view.width(), view.height()).shapes
    legend = legend_top(view)
    markers = [
        s.path.boundingRect() for s in shapes if isinstance(s, MarkerShape) and s.path.boundingRect().top() < legend
    ]
    ties = [s for s in shapes if isinstance(s, TieShape) and s.start.y() < legend]
    assert len(markers) == len(FAMILY) and len(ties) == len(TIES)
    if kind == "family_tree":
        assert any(tie.bends for tie in ties)
    for tie in ties:
        route = [tie.start, *tie.bends, tie.end]
        for rect in markers:
            if rect.contains(tie.start) or rect.contains(tie.end):
                continue
            centre, reach = rect.center(), 0.5 * max(rect.width(), rect.height())
            for start, stop in itertools.pairwise(route):
                segment = QLineF(start, stop)
                share = QPointF.dotProduct(centre - start, stop - start) / max(segment.length() ** 2, 1e-9)
                assert QLineF(segment.pointAt(min(1.0, max(0.0, share))), centre).length() > reach
