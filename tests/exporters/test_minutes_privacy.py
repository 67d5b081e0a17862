"""Privacy of the minutes: pseudonyms leave no family member's full name anywhere in the file, words a child has
not agreed to share stay out, and a password keeps the file shut.
"""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from minutes_pdf_support import (
    UNICODE_ATTENDEES,
    all_text,
    has_text_reader,
    metadata,
    page_texts,
    qpdf_check,
    searchable_bytes,
    spellings,
    unicode_bundle,
)

from sos_desktop.exporters.minutes import MinutesOptions, feedback_pdf_bytes, minutes_pdf_bytes
from sos_desktop.models import AttendeeRole, ChildVoiceEntry, House, MeetingBundle, ObservationNote, Observations
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.meeting import Attendee

pytestmark = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")

PSEUDONYMS = MinutesOptions(pseudonymise=True, include_feedback=True)


def _full_names(bundle: MeetingBundle) -> list[str]:
    return [person.name for person in bundle.network.people]


def _assert_no_full_name(data: bytes, bundle: MeetingBundle) -> None:
    text = all_text(data)
    info = " ".join(metadata(data).values())
    raw = searchable_bytes(data)
    for name in _full_names(bundle):
        assert name not in text, f"{name} is in the text"
        assert name not in info, f"{name} is in the metadata"
        for form in spellings(name):
            assert form not in raw, f"{name} is in the file's bytes"


def _with_a_name_in_everything(bundle: MeetingBundle) -> MeetingBundle:
    """The demo meeting with the family's names typed into every kind of free text the minutes print."""
    meeting = bundle.meeting
    meeting.title = "Supervision about Lily Example"
    meeting.summary = "Jordan Example and Chris Sample agreed to meet; Pat Example will help."
    meeting.scales[0].ratings[0].reason = "Jordan Example protected Lily Example."
    meeting.scales[0].ratings[0].one_point_higher = "Chris Sample meets the worker."
    meeting.items[-2].owner = "Pat Example"
    meeting.observations = Observations(
        observer="Jo Reid",
        notes=[ObservationNote("The group said Lily Example's full name twice.", 12, "mapping")],
        went_well="Kept Frank Example's view in mind.",
    )
    meeting.child_voice.append(ChildVoiceEntry(House.DREAMS, "Live with Noah Example and Mum.", -1, True))
    return bundle


def test_pseudonymised_minutes_hold_no_full_name_of_the_network() -> None:
    bundle = _with_a_name_in_everything(demo_bundle())
    data = minutes_pdf_bytes(bundle, options=PSEUDONYMS)
    _assert_no_full_name(data, bundle)
    text = all_text(data)
    # The people are there all the same, by the names the projector shows.
    for display_name in ("Mum", "Dad", "Nan", "Grandad", "Aunt K", "Teacher", "FSW", "HV"):
        assert display_name in text
    assert "Live with N and Mum." in text
    assert metadata(data)["title"] == "Supervision about L"
    # Attendees are the professionals at the meeting: they keep their names, as on the projector.
    for attendee in ("Alex Morgan", "Sam Patel", "Jo Reid", "Priya Shah"):
        assert attendee in text


def test_pseudonymised_minutes_hold_no_full_name_in_any_script() -> None:
    bundle = unicode_bundle()
    data = minutes_pdf_bytes(bundle, options=PSEUDONYMS)
    _assert_no_full_name(data, bundle)
    text = all_text(data)
    assert "Z cannot live at home." in text
    assert all(name in text for name in UNICODE_ATTENDEES)


def test_an_attendee_who_is_in_the_network_goes_by_their_display_name() -> None:
    bundle = demo_bundle()
    bundle.meeting.attendees.append(Attendee("Jordan Example", AttendeeRole.PARTICIPANT))
    data = minutes_pdf_bytes(bundle, options=PSEUDONYMS)
    _assert_no_full_name(data, bundle)
    assert "Mum Participant" in all_text(data)


def test_minutes_without_pseudonyms_name_people_in_full() -> None:
    bundle = _with_a_name_in_everything(demo_bundle())
    text = all_text(minutes_pdf_bytes(bundle))
    assert "Jordan Example protected Lily Example." in text
    assert "Jordan Example" in text and "Dana Rivers" in text


def test_the_feedback_report_is_pseudonymised_too() -> None:
    bundle = _with_a_name_in_everything(demo_bundle())
    data = feedback_pdf_bytes(bundle, options=MinutesOptions(pseudonymise=True))
    _assert_no_full_name(data, bundle)
    assert "The group said L's full name twice." in all_text(data)


def test_words_the_child_has_not_agreed_to_share_stay_out() -> None:
    bundle = demo_bundle()
    secret = "Daddy hurt Mummy's arm and I am not to tell."
    bundle.meeting.child_voice.append(ChildVoiceEntry(House.WORRIES, secret, -1, consent_to_share=False))
    data = minutes_pdf_bytes(bundle)
    text = all_text(data)
    assert "When Daddy shouts I hide under the table." in text
    assert "not to tell" not in text
    assert b"not to tell" not in searchable_bytes(data)
    assert "1 entry is left out: the child has not agreed to share it." in text


def test_the_childs_words_are_grouped_by_child_and_house() -> None:
    bundle = demo_bundle()
    bundle.meeting.child_voice.append(ChildVoiceEntry(House.DREAMS, "To be a footballer.", -6, True))
    text = all_text(minutes_pdf_bytes(bundle))
    lily, noah = text.index("Lily Example: Three Houses"), text.index("Noah Example: Three Houses")
    assert lily < text.index("House of Worries") < text.index("House of Good Things") < noah
    assert noah < text.index("House of Dreams") < text.index("To be a footballer.")


def test_a_password_protected_file_cannot_be_read_without_its_password(tmp_path: Path) -> None:
    data = minutes_pdf_bytes(demo_bundle(), options=MinutesOptions(password="correct horse"))
    assert b"/Encrypt" in data
    # Nothing of the meeting can be found in the file's bytes, even once its streams are inflated.
    assert b"OFFICIAL-SENSITIVE" not in searchable_bytes(data)
    assert b"Family Demo" not in searchable_bytes(data)
    if shutil.which("pdftotext"):
        refused = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
        assert refused.returncode != 0
        wrong = subprocess.run(["pdftotext", "-upw", "wrong", "-", "-"], input=data, capture_output=True)
        assert wrong.returncode != 0
    else:
        pypdf = pytest.importorskip("pypdf")
        reader = pypdf.PdfReader(BytesIO(data))
        assert reader.is_encrypted
        try:
            assert not reader.decrypt("wrong")
        except pypdf.errors.DependencyError:
            pytest.skip("pypdf cannot decrypt this file without the cryptography package")
    pages = page_texts(data, password="correct horse")
    assert "OFFICIAL-SENSITIVE" in pages[0] and "Page 1 of" in pages[0]
    target = tmp_path / "locked.pdf"
    target.write_bytes(data)
    if shutil.which("qpdf"):
        refused = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
        assert refused.returncode != 0 and "invalid password" in refused.stderr
        shown = ["qpdf", "--show-encryption", "--password=correct horse", str(target)]
        done = subprocess.run(shown, capture_output=True, text=True)
        assert "R = 6" in done.stdout  # PDF 2.0's AES-256 security handler, not RC4
        assert "stream encryption method: AESv3" in done.stdout and "RC4" not in done.stdout
        assert "modify other: not allowed" in done.stdout
        assert "print high resolution: allowed" in done.stdout
        checked = subprocess.run(["qpdf", "--check", "--password=correct horse", str(target)], capture_output=True)
        assert checked.returncode == 0
    else:
        qpdf_check(target)
