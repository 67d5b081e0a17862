"""Names that reach the wall, a picture or a pseudonymised file: a network person is only ever their display name.

A family member who rates is shown by display name on the scale view (as the minutes show them), and every form
of a name a reader sees as the name (lower or upper case, without accents, possessive, a nickname, with invisible
characters inside or round it, or stored with them) is hidden on the projector, in its pictures and in the
pseudonymised minutes alike.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.models import Attendee, AttendeeRole, Category, MapItem, MeetingBundle, NetworkPerson, PersonRole
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.name_folding import folded
from sos_desktop.models.scaling import Scale, ScaleRating
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView, ScalesMode, name_check
from sos_desktop.ui.projector.name_check import unhidden_names
from sos_desktop.ui.projector.pictures import picture_bytes
from sos_desktop.ui.shell.main_window import MainWindow

PSEUDONYMS = MinutesOptions(pseudonymise=True)


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


def _opened(store: Store, bundle: MeetingBundle) -> MeetingDocument:
    saved = store.save_bundle(bundle)
    assert saved.meeting.id is not None
    return MeetingDocument(store, saved.meeting.id)


def _view(qtbot: QtBot, document: MeetingDocument) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    return view


# A family member who rates ---------------------------------------------------------------------------------------


@pytest.fixture
def nan_rates(store: Store) -> MeetingDocument:
    """The demo meeting with Nan (Pat Example, a network person) at it, rating the first scale in full name and
    still to rate a second one in a private round, and owning a next step as "Pat".
    """
    bundle = demo_bundle()
    meeting = bundle.meeting
    meeting.attendees.append(Attendee("Pat Example", AttendeeRole.PARTICIPANT))
    meeting.scales[0].ratings.append(ScaleRating("Pat Example", 7, "Lily is safe with me."))
    meeting.scales.append(Scale("How willing is Dad to work with us?", "Not at all", "Completely", private_round=True))
    meeting.items.append(MapItem(Category.NEXT_STEP, "Ask about the weekend.", owner="Pat"))
    return _opened(store, bundle)


def test_a_family_member_who_rates_is_shown_by_display_name_on_the_wall_and_in_the_minutes(
    qtbot: QtBot, nan_rates: MeetingDocument
) -> None:
    view = _view(qtbot, nan_rates)
    view.set_mode(ScalesMode(0))
    drawn = view.drawn_texts()
    assert "Nan" in drawn and "Sam Patel" in drawn  # an attendee from outside the network keeps their name
    assert not any("Pat" in text for text in drawn if text != "Sam Patel"), drawn
    view.set_mode(ScalesMode(1))  # the private round: Nan is still to rate
    drawn = view.drawn_texts()
    assert "Nan" in drawn and not any("Pat Example" in text for text in drawn)
    view.set_mode(None)
    assert any("Nan" in text for text in view.drawn_texts() if "·" in text or text == "Nan")
    assert not any(re.search(r"\bPat\b", text) for text in view.drawn_texts())

    text = _pdf_text(minutes_pdf_bytes(nan_rates.bundle(), options=PSEUDONYMS))
    assert "Pat" not in text.replace("Patel", "")
    assert "Nan Participant" in text  # the attendee list, as on the wall


# Every form of a name --------------------------------------------------------------------------------------------

FORMS = {
    "lower case": ("zoë's bike is at home.", "Z's bike is at home."),
    "upper case": ("ZOË NÚÑEZ shouted.", "Z shouted."),
    "no accents": ("Siobhan Kelly visited.", "SK visited."),
    "possessive": ("Zoës' coat and Zoë’s hat.", "Z's coat and Z’s hat."),
    "also known as": ("Zosia and Daz came.", "Z and Dad came."),
    "zero-width space": ("Li\u200bly cried.", "L cried."),
    "soft hyphen": ("Li\u00adly laughed.", "L laughed."),
    "bidi-wrapped": ("\u202eLily Example\u202c slept.", "L slept."),
    "stored with invisibles": ("Zara Holt met Noor Haddad.", "ZH met NH."),
}
HIDDEN = ("zoe", "nunez", "siobhan", "kelly", "zosia", "daz", "darren", "lily", "zara", "noor", "haddad", "lils")


def leaks(text: str) -> list[str]:
    """The hidden names that ``text`` still shows a reader (folded: case, accents and invisibles do not count)."""
    shown = folded(text)
    return [name for name in HIDDEN if re.search(rf"(?<!\w){name}(?!\w)", shown)]


@pytest.fixture
def every_form(store: Store) -> MeetingDocument:
    bundle = demo_bundle()
    bundle.network.people += [
        NetworkPerson(id=-31, name="Zoë Núñez", display_name="Z", role=PersonRole.CHILD, also_known_as=["Zosia"]),
        NetworkPerson(id=-32, name="Siobhán Kelly", display_name="SK", role=PersonRole.FAMILY),
        NetworkPerson(id=-33, name="Darren Holt", display_name="Dad", role=PersonRole.PARENT, also_known_as=["Daz"]),
        NetworkPerson(id=-34, name="Zara\u200b Holt", display_name="ZH", role=PersonRole.FAMILY),
        NetworkPerson(id=-35, name="\u202eNoor Haddad\u202c", display_name="NH", role=PersonRole.FRIEND),
    ]
    bundle.meeting.items += [MapItem(Category.GREY, text, id=-100 - n) for n, (text, _) in enumerate(FORMS.values())]
    bundle.meeting.scales[0].ratings[0].reason = " ".join(text for text, _ in FORMS.values())
    return _opened(store, bundle)


def test_every_form_of_a_name_is_hidden_on_the_wall_in_pictures_and_in_pseudonymised_minutes(
    qtbot: QtBot, every_form: MeetingDocument
) -> None:
    nicknames = [p.also_known_as for p in every_form.network.people if p.also_known_as]
    assert nicknames == [["Lils"], ["Frankie"], ["Zosia"], ["Daz"]]  # kept by the store
    view = _view(qtbot, every_form)
    view.set_mode(Category.GREY)
    drawn = view.drawn_texts()
    for form, (_, shown) in FORMS.items():
        assert shown in drawn, form
    assert [text for text in drawn if leaks(text)] == []

    svg = picture_bytes(every_form, ".svg", Category.GREY).decode("utf-8")
    assert "Z's bike is at home." in svg.replace("&apos;", "'").replace("&#39;", "'")
    assert leaks(svg) == []

    text = _pdf_text(minutes_pdf_bytes(every_form.bundle(), options=PSEUDONYMS))
    assert "Z's bike is at home." in text and "ZH met NH." in text
    assert leaks(text) == []


# Full names that masking cannot hide -----------------------------------------------------------------------------


def test_nothing_is_reported_when_every_name_is_hidden(demo_document: MeetingDocument) -> None:
    demo_document.meeting.title = "Supervision about Lily Example"  # masked on the wall: "Supervision about L"
    assert unhidden_names(demo_document) == []


def test_a_display_name_that_is_a_full_name_is_reported_with_each_text_that_shows_it(
    demo_document: MeetingDocument, person_id: Callable[[MeetingDocument, str], int]
) -> None:
    demo_document.set_person_field(person_id(demo_document, "Lily Example"), "display_name", "Lily Example")
    demo_document.meeting.title = "Supervision about LILY"
    found = dict(unhidden_names(demo_document))
    assert found["The meeting's title"] == ["Lily Example"]
    assert found["The focus question"] == ["Lily Example"]
    assert found["A name on the safety network"] == ["Lily Example"]
    assert "The case label" not in found  # "Family Demo (invented)" names nobody
    assert any(where.startswith("A card in Danger statements “") for where in found)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_f5_warns_before_projecting_full_names_and_cancel_projects_nothing(
    monkeypatch: pytest.MonkeyPatch,
    console: MainWindow,
    project_with_names: list[list[tuple[str, list[str]]]],
    person_id: Callable[[MeetingDocument, str], int],
) -> None:
    control = console.projector
    control.show_action.trigger()  # the demo as it is: nothing to warn about
    assert project_with_names == [] and control.window is not None and control.window.isVisible()
    control.close()

    document = console.document
    assert document is not None
    document.set_person_field(person_id(document, "Jordan Example"), "display_name", "Jordan Example")
    answers: list[list[tuple[str, list[str]]]] = []

    def cancel(parent: object, found: list[tuple[str, list[str]]]) -> bool:
        answers.append(found)
        return False

    monkeypatch.setattr(name_check, "ask_project_with_names", cancel)
    control.show_action.trigger()
    assert len(answers) == 1 and ("A name on the safety network", ["Jordan Example"]) in answers[0]
    assert not control.window.isVisible() and not control.show_action.isChecked()
    assert control.chip.text() == "Projector off"
