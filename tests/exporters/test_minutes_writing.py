"""Writing the minutes and the feedback report to disk: complete files or none, one clear sentence on failure,
and the feedback report's contents.
"""

from __future__ import annotations

import errno
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader, qpdf_check

from sos_desktop.exporters import atomic
from sos_desktop.exporters.errors import ExportError
from sos_desktop.exporters.minutes import (
    MinutesOptions,
    feedback_pdf_bytes,
    write_feedback_pdf,
    write_minutes_pdf,
)
from sos_desktop.models import AttendeeRole, Meeting, ObservationNote, Observations, RubricRating
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.meeting import Attendee

needs_text = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")


def test_the_minutes_are_written_as_a_complete_pdf(tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    write_minutes_pdf(demo_bundle(), target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]
    qpdf_check(target)


def test_a_missing_folder_fails_in_one_sentence_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "minutes.pdf"
    with pytest.raises(ExportError) as caught:
        write_minutes_pdf(demo_bundle(), target)
    assert str(caught.value) == f"The minutes could not be written to {target}: no such file or directory."
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_fails_cleanly_and_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    target = tmp_path / "minutes.pdf"
    with pytest.raises(ExportError) as caught:
        write_minutes_pdf(demo_bundle(), target)
    assert str(caught.value) == f"The minutes could not be written to {target}: no space left on device."
    assert list(tmp_path.iterdir()) == []


def test_a_write_refused_halfway_keeps_the_earlier_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"the earlier minutes")
    real_fdopen = atomic.os.fdopen

    class _FullStream:
        def __init__(self, descriptor: int, mode: str) -> None:
            self._stream = real_fdopen(descriptor, mode)

        def __enter__(self) -> _FullStream:
            return self

        def __exit__(self, *exc: object) -> None:
            self._stream.close()

        def write(self, data: bytes) -> int:
            self._stream.write(data[:100])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", _FullStream)
    with pytest.raises(ExportError, match=r"no space left on device\.$"):
        write_feedback_pdf(demo_bundle(), target)
    assert target.read_bytes() == b"the earlier minutes"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_a_bad_marking_or_an_empty_password_is_refused() -> None:
    with pytest.raises(ValueError, match="marking cannot be empty"):
        MinutesOptions(marking="  ")
    with pytest.raises(ValueError, match="at most 80 characters"):
        MinutesOptions(marking="X" * 81)
    with pytest.raises(ValueError, match="empty password"):
        MinutesOptions(password="")
    assert MinutesOptions(marking="  OFFICIAL   SENSITIVE ").marking == "OFFICIAL SENSITIVE"


def _facilitated() -> list[tuple[Meeting, Observations]]:
    runs = []
    for number, (month, value) in enumerate([(3, 4.0), (6, 6.0), (9, 7.5)], start=1):
        meeting = Meeting(
            f"Supervision {number}",
            id=number,
            held_on=datetime(2026, month, 4, 10),
            attendees=[Attendee("Alex Morgan", AttendeeRole.FACILITATOR)],
        )
        observations = Observations(
            observer="Jo Reid",
            ratings=[RubricRating("Time-keeping", value), RubricRating("Plain language", value + 1)],
        )
        meeting.observations = observations
        runs.append((meeting, observations))
    return runs


@needs_text
def test_the_feedback_report_shows_the_notes_the_rubric_and_the_development(tmp_path: Path) -> None:
    bundle = demo_bundle()
    bundle.meeting.observations = Observations(
        observer="Jo Reid",
        notes=[ObservationNote("Asked what Sam wanted from the group", 3.6, "purpose")],
        ratings=[RubricRating("Time-keeping", 8, "Kept the mapping to 25 minutes")],
        went_well="Appreciative questions throughout",
        even_better_if="Ask the presenter to scale first",
    )
    target = tmp_path / "feedback.pdf"
    write_feedback_pdf(bundle, target, facilitated=_facilitated())
    text = all_text(target.read_bytes())
    assert "Feedback on the facilitation: Group supervision (demo)" in text
    assert "Facilitator Alex Morgan" in text
    assert "3′ Purpose and roles Asked what Sam wanted from the group" in text
    assert "Time-keeping 8 Kept the mapping to 25 minutes" in text
    assert "Appreciative questions throughout" in text and "Ask the presenter to scale first" in text
    assert "Development across the meetings Alex Morgan facilitated" in text
    for when in ("4 Mar 2026", "4 Jun 2026", "4 Sep 2026"):
        assert when in text
    assert "Supervision 2" in text
    assert "Ratings by meeting" in text
    assert "Time-keeping 4 6 7.5" in text  # the facilitator's rating on one criterion, meeting by meeting
    assert "Average" in text and "4.5 6.5 8" in text  # each meeting's average, as the console writes it
    assert "Mum acted to protect Lily" not in text  # the report is about the facilitation, not the case
    qpdf_check(target)


@needs_text
def test_a_pseudonymised_feedback_report_names_other_meetings_by_their_kind_only() -> None:
    runs = _facilitated()
    runs[0][0].title = "Supervision about Mia Spencer"
    text = all_text(feedback_pdf_bytes(demo_bundle(), facilitated=runs, options=MinutesOptions(pseudonymise=True)))
    assert "Mia Spencer" not in text
    assert "Group supervision" in text


def test_importing_the_exporters_does_not_import_reportlab() -> None:
    code = (
        "import sys, sos_desktop.exporters, sos_desktop.exporters.minutes, sos_desktop.exporters.interchange.files;"
        "print('reportlab' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
