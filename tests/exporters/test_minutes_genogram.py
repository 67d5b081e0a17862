"""The genogram in the minutes: laid out as a family tree, the demo network is drawn with the genogram's marks (a
square for Dad, a circle for Mum, Lily's double outline, a cross for somebody who has died, a slash across Mum and
Dad's line, the households' dotted outlines with their names) and a legend of them; pseudonymised minutes name
nobody in full, a household named after somebody included; in the circles layout the drawing keeps its look by role.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader, searchable_bytes, spellings
from reportlab.graphics.shapes import Circle, Line, Polygon, Rect

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.fonts import register_fonts
from sos_desktop.exporters.minutes.genogram_legend import genogram_legend_entries
from sos_desktop.exporters.minutes.naming import Namer
from sos_desktop.exporters.minutes.network_drawing import HOUSEHOLD_COLOUR, network_drawing
from sos_desktop.exporters.minutes.snapshot import minutes_snapshot
from sos_desktop.exporters.minutes.snapshot_parts import network_view
from sos_desktop.models import MeetingBundle
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.enums import TieBond
from sos_desktop.models.network_layout import LayoutKind, compute_layout

PSEUDONYMS = MinutesOptions(pseudonymise=True)


def arranged(kind: LayoutKind) -> MeetingBundle:
    """The demo meeting with its network laid out as ``kind``, Grandad marked as having died."""
    bundle = demo_bundle()
    where = compute_layout(bundle.network, kind)
    for person in bundle.network.people:
        person.x, person.y = where[person.id or 0]
        person.deceased = person.display_name == "Grandad"
    return bundle


def namer(bundle: MeetingBundle, pseudonymise: bool = False) -> Namer:
    return Namer(bundle, pseudonymise=pseudonymise)


def test_the_family_tree_is_drawn_as_a_genogram_with_its_legend() -> None:
    register_fonts()
    bundle = arranged(LayoutKind.FAMILY_TREE)
    view = network_view(bundle.network, namer(bundle))
    assert view.genogram
    assert sorted(name for name, _ in view.households) == ["Mum's home", "Nan's house"]
    legend = [words for words, _ in genogram_legend_entries(view)]
    for words in ("Male", "Female", "Died", "Index child", "Live together", "Married", "Separated", "Birth parent"):
        assert words in legend
    drawing = network_drawing(view, 480)
    shapes = drawing.contents
    by_label = {node.label: node for node in view.nodes}
    assert by_label["Chris Sample"].gender is not None and by_label["Lily Example"].index_child
    outlines = [s for s in shapes if isinstance(s, Polygon) and s.strokeColor == HOUSEHOLD_COLOUR]
    assert len(outlines) == 2
    assert any(isinstance(s, Rect) for s in shapes)  # Dad's square (a man)
    circles = [s for s in shapes if isinstance(s, Circle)]
    assert any(s.fillColor is None for s in circles)  # Lily's second outline
    assert len([s for s in shapes if isinstance(s, Line)]) >= 3  # Grandad's cross, the couple's slash, ties
    names = [text for _, _, text, _ in drawing.names]
    assert "Mum's home" in names and "Nan's house" in names


def test_in_the_circles_layout_the_drawing_keeps_its_look_by_role() -> None:
    bundle = arranged(LayoutKind.CIRCLES)
    view = network_view(bundle.network, namer(bundle))
    assert not view.genogram and not view.households and not any(node.deceased for node in view.nodes)


@pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")
def test_pseudonymised_minutes_of_the_genogram_hold_no_full_name(tmp_path: Path) -> None:
    bundle = arranged(LayoutKind.FAMILY_TREE)
    for person in bundle.network.people:
        if person.household == "Nan's house":
            person.household = "Pat Example's house"
    data = minutes_pdf_bytes(bundle, options=PSEUDONYMS)
    text = all_text(data)
    raw = searchable_bytes(data)
    for person in bundle.network.people:
        for name in (person.name, *person.also_known_as):
            assert name not in text
            for form in spellings(name):
                assert form not in raw, name
    assert "Nan's house" in text and "Mum's home" in text  # the household named after Nan, by her display name
    assert "Index child" in text and "Separated" in text and "Died" in text
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(data)
    if subprocess.run(["which", "pdftoppm"], capture_output=True).returncode == 0:
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
        for page in sorted(tmp_path.glob("page-*.png")):
            (Path("/tmp") / f"genogram-minutes-{page.name}").write_bytes(page.read_bytes())


def test_a_network_drawn_in_circles_gets_its_genogram_as_a_family_tree_of_its_own() -> None:
    bundle = arranged(LayoutKind.CIRCLES)
    snapshot = minutes_snapshot(bundle, MinutesOptions())
    assert not snapshot.network.genogram
    tree = snapshot.family_tree
    assert tree is not None and tree.genogram
    assert sorted(name for name, _ in tree.households) == ["Mum's home", "Nan's house"]
    assert any(node.deceased for node in tree.nodes)
    if has_text_reader():
        text = all_text(minutes_pdf_bytes(bundle, options=MinutesOptions()))
        assert "Family tree" in text and "Live together" in text


def test_no_family_tree_is_added_when_no_genogram_is_recorded_or_the_network_is_one_already() -> None:
    plain = arranged(LayoutKind.CIRCLES)
    for person in plain.network.people:
        person.gender, person.deceased, person.index_child, person.household = None, False, False, ""
    for tie in plain.network.ties:
        tie.bond = TieBond.BIRTH_OR_TOGETHER
    assert minutes_snapshot(plain, MinutesOptions()).family_tree is None
    assert minutes_snapshot(arranged(LayoutKind.FAMILY_TREE), MinutesOptions()).family_tree is None
