"""The facilitator development dialog: a practice leader's observed meetings by date, each criterion's rating and the
mean in a table, drawn as lines on a chart; empty states when nobody, or nobody observed, is there yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from sos_desktop.models import Attendee, AttendeeRole, Case, Meeting, Observations, RubricRating
from sos_desktop.store.store import Store
from sos_desktop.ui.observation.development_dialog import EVERY, MEAN_ONLY, DevelopmentDialog


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'sos.sqlite3'}")
    yield opened
    opened.close()


def add_meeting(
    store: Store, case: Case, held_on: datetime, facilitator: str, ratings: list[RubricRating], observer: str = ""
) -> None:
    people = [Attendee(facilitator, AttendeeRole.FACILITATOR), Attendee("Jo Reid", AttendeeRole.OBSERVER)]
    observations = Observations(observer=observer, ratings=ratings, went_well="Clear roles." if ratings else "")
    meeting = Meeting(title="Group supervision", case_id=case.id, held_on=held_on, attendees=people)
    meeting.observations = observations
    store.add_meeting(meeting)


@pytest.fixture
def observed(store: Store) -> Store:
    family_s = store.add_case(Case(label="Family S", reference="CP-1"))
    family_t = store.add_case(Case(label="Family T", reference="CP-2"))
    september = [RubricRating("Time-keeping", 8)]
    add_meeting(store, family_t, datetime(2026, 9, 17, 10), "Alex Morgan", september, "Tom Evans")
    add_meeting(
        store,
        family_s,
        datetime(2026, 3, 12, 10),
        "Alex Morgan",
        [RubricRating("Time-keeping", 4, "Ran over"), RubricRating("Plain language", 6), RubricRating("Warmth", 7)],
    )
    add_meeting(store, family_s, datetime(2026, 5, 7, 10), "Alex Morgan", [])  # not observed
    add_meeting(store, family_t, datetime(2026, 6, 1, 10), "Priya Shah", [])
    return store


def cells(dialog: DevelopmentDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [item.text() if (item := table.item(row, column)) is not None else "" for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def headers(dialog: DevelopmentDialog) -> list[str]:
    table = dialog.table
    return [item.text() if (item := table.horizontalHeaderItem(c)) else "" for c in range(table.columnCount())]


def colours_in(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def test_the_table_lists_a_facilitators_observed_meetings_by_date_with_each_criterion_and_the_mean(
    qtbot: QtBot, observed: Store, tmp_path: Path
) -> None:
    dialog = DevelopmentDialog(observed, facilitator="Alex Morgan")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.chooser.itemText(i) for i in range(dialog.chooser.count())] == ["Alex Morgan", "Priya Shah"]
    assert dialog.summary.text() == "Alex Morgan facilitated 3 meetings; 2 were observed."
    # The team's rubric order first (Time-keeping before Plain language), then criteria of the meeting's own.
    assert headers(dialog) == ["Date", "Case", "Observer", "Time-keeping", "Plain language", "Warmth", "Mean"]
    assert cells(dialog) == [
        ["12 Mar 2026", "Family S", "Jo Reid", "4", "6", "7", "5.7"],
        ["17 Sep 2026", "Family T", "Tom Evans", "8", "–", "–", "8"],
    ]
    tip = dialog.table.item(0, 3)
    assert tip is not None and "Ran over" in tip.toolTip()
    assert dialog.feedback.toPlainText().startswith("17 Sep 2026 · Family T")  # the latest meeting is selected
    dialog.table.selectRow(0)
    assert "Observed by Jo Reid" in dialog.feedback.toPlainText() and "Clear roles." in dialog.feedback.toPlainText()

    chart = dialog.chart
    assert chart.dates == ["12 Mar 2026", "17 Sep 2026"]
    assert (chart.series[0].name, chart.series[0].values) == ("Time-keeping", [4, 8])
    assert chart.series[-1].mean and chart.series[-1].values == [5.7, 8]
    picture = chart.grab()
    assert picture.save(str(tmp_path / "chart.png"))
    assert len(colours_in(picture.toImage())) > 20  # lines, markers, labels: not a blank square

    dialog.lines.setCurrentText(MEAN_ONLY)
    assert [s.name for s in chart.series] == ["Mean of the criteria"]
    dialog.lines.setCurrentText("Warmth")
    assert [(s.name, s.values) for s in chart.series] == [("Warmth", [7, None]), ("Mean of the criteria", [5.7, 8])]
    dialog.lines.setCurrentText(EVERY)
    assert len(chart.series) == 4


def test_empty_states_say_so_plainly(qtbot: QtBot, observed: Store, store: Store) -> None:
    dialog = DevelopmentDialog(observed, facilitator="Priya Shah")
    qtbot.addWidget(dialog)
    assert dialog.pages.currentWidget() is dialog.empty
    assert dialog.empty.text().startswith("No observed meetings for Priya Shah yet.")
    assert dialog.summary.text() == "Priya Shah facilitated 1 meeting; none has been observed yet."
    assert not dialog.lines.isEnabled()
    dialog.chooser.setCurrentText("Alex Morgan")
    assert dialog.pages.currentIndex() == 1 and dialog.table.rowCount() == 2


def test_a_database_without_facilitators_says_what_to_do(qtbot: QtBot, store: Store) -> None:
    dialog = DevelopmentDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.empty.text().startswith("No meeting has a facilitator yet.")
    assert not dialog.chooser.isEnabled()
