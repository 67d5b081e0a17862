"""The console's development view and the feedback report give the same figures for a meeting two observers rated
(their files merged, so one criterion has two ratings): each criterion's mean, and the meeting's mean over the
criteria rated.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.minutes import feedback_pdf_bytes
from sos_desktop.models import Attendee, AttendeeRole, Case, Meeting, Observations, RubricRating, merge_observations
from sos_desktop.store.store import Store
from sos_desktop.ui.observation.development_dialog import DevelopmentDialog


def _add_meeting(store: Store, case: Case, held_on: datetime, observations: Observations) -> int:
    people = [Attendee("Alex Morgan", AttendeeRole.FACILITATOR), Attendee("Jo Reid", AttendeeRole.OBSERVER)]
    meeting = Meeting(title="Group supervision", case_id=case.id, held_on=held_on, attendees=people)
    meeting.observations = observations
    saved = store.add_meeting(meeting)
    assert saved.id is not None
    return saved.id


def _pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def test_the_console_and_the_feedback_report_agree_on_a_meeting_two_observers_rated(qtbot: QtBot, store: Store) -> None:
    case = store.add_case(Case(label="Family S", reference="CP-1"))
    _add_meeting(store, case, datetime(2026, 3, 12, 10), Observations("Jo Reid", ratings=[RubricRating("Warmth", 5)]))
    jo = Observations("Jo Reid", ratings=[RubricRating("Time-keeping", 4)])
    tom = Observations("Tom Evans", ratings=[RubricRating("Time-keeping", 8), RubricRating("Warmth", 9)])
    merged = _add_meeting(store, case, datetime(2026, 5, 7, 10), merge_observations(jo, tom))

    dialog = DevelopmentDialog(store, facilitator="Alex Morgan")
    qtbot.addWidget(dialog)
    table = dialog.table
    shown = [[item.text() if (item := table.item(r, c)) else "" for c in range(table.columnCount())] for r in (0, 1)]
    # Date, case, observer, Time-keeping, Warmth, mean: the merged meeting's Time-keeping is the mean of 4 and 8.
    assert shown[1][3:] == ["6", "9", "7.5"]

    report = feedback_pdf_bytes(store.load_bundle(merged), facilitated=store.facilitated("Alex Morgan"))
    text = _pdf_text(report)
    assert "Time-keeping – 6 " in text  # not rated in March, the mean of the two ratings in May
    assert "Warmth 5 9 " in text
    assert "Average 5 7.5" in text  # the console's means, written as the console writes them (not "5.0")
    assert "Jo Reid, Tom Evans" in text
