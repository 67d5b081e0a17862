"""Reading back the PDFs the minutes tests write: the text a reader can select, page by page, and every byte a
search of the file could find (metadata and decompressed streams).

The text comes from poppler's ``pdftotext`` when it is installed (what a user's PDF reader sees), else from pypdf;
with neither, the tests that need it are skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from contextlib import suppress
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest

from sos_desktop.models import (
    AttendeeRole,
    Case,
    Category,
    ChildVoiceEntry,
    House,
    MapItem,
    Meeting,
    MeetingBundle,
    Network,
    NetworkPerson,
    NextStepStatus,
    PersonRole,
    Scale,
    ScaleRating,
    Tie,
    TieKind,
)
from sos_desktop.models.meeting import Attendee

UNICODE_NAMES = ("Zoë Brontë", "Łukasz Wójcik", "Siobhán Ní Bhriain", "Nguyễn Văn An", "Ayşe Yılmaz")
UNICODE_ATTENDEES = ("Ελένη Παπαδοπούλου", "Дмитрий Иванов")


def has_text_reader() -> bool:
    if shutil.which("pdftotext"):
        return True
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


def page_texts(data: bytes, password: str | None = None) -> list[str]:
    """The selectable text of each page, white space collapsed to single spaces."""
    if shutil.which("pdftotext"):
        command = ["pdftotext", "-enc", "UTF-8"]
        if password is not None:
            command += ["-upw", password]
        done = subprocess.run([*command, "-", "-"], input=data, capture_output=True, check=True)
        pages = done.stdout.decode("utf-8").split("\f")
        pages = pages[:-1] if pages and not pages[-1].strip() else pages
    else:
        pypdf = pytest.importorskip("pypdf")
        reader = pypdf.PdfReader(BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt(password or "")
        pages = [page.extract_text() for page in reader.pages]
    return [" ".join(page.split()) for page in pages]


def all_text(data: bytes, password: str | None = None) -> str:
    return " ".join(page_texts(data, password))


def searchable_bytes(data: bytes) -> bytes:
    """The raw file followed by every stream that inflates: what a search of the file's bytes could find."""
    found = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            continue
        try:
            found.append(zlib.decompressobj().decompress(data[start:end]))
        except zlib.error:
            continue
    return b"\n".join(found)


def spellings(name: str) -> list[bytes]:
    """``name`` as a PDF could hold it: UTF-8, Latin-1 where it can be, and UTF-16 (big-endian, as in metadata)."""
    forms = [name.encode("utf-8"), name.encode("utf-16-be")]
    with suppress(UnicodeEncodeError):
        forms.append(name.encode("latin-1"))
    return forms


def metadata(data: bytes, password: str | None = None) -> dict[str, str]:
    """The document information (title, author, subject, keywords...), from pdfinfo or pypdf."""
    if shutil.which("pdfinfo"):
        command = ["pdfinfo", "-enc", "UTF-8"] + (["-upw", password] if password else [])
        done = subprocess.run([*command, "-"], input=data, capture_output=True, check=True)
        pairs = (line.split(":", 1) for line in done.stdout.decode("utf-8").splitlines() if ":" in line)
        return {key.strip().lower(): value.strip() for key, value in pairs}
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt(password or "")
    info = reader.metadata or {}
    return {str(key).lstrip("/").lower(): str(value) for key, value in info.items()}


def qpdf_check(path: Path) -> None:
    """qpdf's structural check of the file, when qpdf is installed."""
    if not shutil.which("qpdf"):
        pytest.skip("qpdf is not installed")
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def unicode_bundle() -> MeetingBundle:
    """A meeting whose family and professionals have names in Latin with accents, Greek and Cyrillic."""
    people = [
        NetworkPerson(UNICODE_NAMES[0], id=1, display_name="Z", role=PersonRole.CHILD, age=6),
        NetworkPerson(UNICODE_NAMES[1], id=2, display_name="Tata", role=PersonRole.PARENT, knows_worries=True),
        NetworkPerson(UNICODE_NAMES[2], id=3, display_name="Aunt S", role=PersonRole.FAMILY),
        NetworkPerson(UNICODE_NAMES[3], id=4, display_name="Neighbour", role=PersonRole.FRIEND),
        NetworkPerson(UNICODE_NAMES[4], id=5, display_name="Teacher", role=PersonRole.PROFESSIONAL),
    ]
    ties = [Tie(2, 1, TieKind.PARENT), Tie(3, 2, TieKind.FAMILY), Tie(4, 2, TieKind.SUPPORT), Tie(5, 1)]
    items = [
        MapItem(Category.HARM, f"{UNICODE_NAMES[1]} shouted at {UNICODE_NAMES[0]} in March.", id=11),
        MapItem(Category.DANGER, "Ayşe is worried Zoë will be frightened at home.", id=12, pairs_with=13),
        MapItem(Category.GOAL, "Łukasz will speak calmly;\nZoë will feel safe, for six months.", id=13, pairs_with=12),
        MapItem(Category.STRENGTH, "Siobhán collects Zoë from school <every> day & stays for tea.", id=14),
        MapItem(Category.SAFETY, "Nguyễn took Zoë in for the night in March.", id=15),
        MapItem(
            Category.NEXT_STEP,
            "Meet Łukasz at home.",
            id=16,
            owner=UNICODE_ATTENDEES[0],
            due=date(2026, 12, 1),
            status=NextStepStatus.AGREED,
        ),
    ]
    meeting = Meeting(
        "Mapping for Zoë",
        id=7,
        held_on=datetime(2026, 11, 2, 9, 30),
        focus_question="What would tell us Zoë is safe with Łukasz?",
        attendees=[Attendee(UNICODE_ATTENDEES[0], AttendeeRole.FACILITATOR), Attendee(UNICODE_ATTENDEES[1])],
        items=items,
        scales=[
            Scale(
                "How safe is Zoë at home?",
                "Zoë cannot live at home.",
                "The case can close.",
                id=21,
                about=12,
                ratings=[ScaleRating(UNICODE_ATTENDEES[0], 3, "Łukasz has not met us.", "Łukasz meets the worker.")],
            )
        ],
        child_voice=[
            ChildVoiceEntry(House.GOOD_THINGS, "Aunty Siobhán's dog.", child=1, consent_to_share=True),
            ChildVoiceEntry(House.WORRIES, "A secret about Tata.", child=1, consent_to_share=False),
        ],
        summary="Zoë's network is small; Łukasz to be met at home.",
    )
    return MeetingBundle(Case("Family W", "UNI-1"), meeting, Network(people, ties))
