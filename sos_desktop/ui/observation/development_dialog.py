"""A practice leader's development: the observers' rubric ratings across the meetings they facilitated.

Choose a facilitator; a chart shows their ratings meeting by meeting (every criterion, or the mean, or one
criterion against the mean), and a table lists the observed meetings by date with each criterion's rating and the
mean; the selected meeting's written feedback shows below. Names are shown in full: this is the practice leader's
own screen, never the projector.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.scaling import number_text
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import team_rubric
from sos_desktop.ui.observation.development_chart import ChartSeries, DevelopmentChart
from sos_desktop.ui.observation.development_data import ObservedMeeting, criteria_met, date_text, observed_meetings

MEAN = "Mean of the criteria"
EVERY = "Every criterion and the mean"
MEAN_ONLY = "The mean only"
FIXED_COLUMNS = ("Date", "Case", "Observer")


def summary_text(name: str, ran: int, observed: int) -> str:
    if not ran:
        return f"{name} has not facilitated a meeting recorded here."
    meetings = f"{name} facilitated {ran} meeting{'s' if ran != 1 else ''}"
    if not observed:
        return f"{meetings}; none has been observed yet."
    return f"{meetings}; {'all' if observed == ran else observed} {'was' if observed == 1 else 'were'} observed."


class DevelopmentDialog(QDialog):
    plan_asked = Signal(str)
    """The facilitator whose development plan was asked for (the shell opens it: ui/development is a room apart)."""

    def __init__(self, store: Store, parent: QWidget | None = None, facilitator: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[ObservedMeeting] = []
        self.criteria: list[str] = []
        self.setWindowTitle("Facilitator development")
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Facilitator")
        self.chooser.setToolTip("Whose facilitation to look at")
        self.chooser.setMinimumContentsLength(24)
        self.lines = QComboBox()
        self.lines.setAccessibleName("Lines on the chart")
        self.lines.setToolTip("Show every criterion, the mean only, or one criterion against the mean")
        self.lines.setMinimumContentsLength(32)
        self.summary = QLabel()
        self.summary.setAccessibleName("Summary")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("No observed meetings")
        self.empty.setMargin(40)
        larger = QFont(self.empty.font())
        larger.setPointSizeF(larger.pointSizeF() * 1.25)
        self.empty.setFont(larger)
        self.chart = DevelopmentChart()
        self.table = QTableWidget()
        self.table.setAccessibleName("Ratings by meeting")
        self.table.setToolTip("Each observed meeting, oldest first: the observer's rating of each criterion")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(int(Qt.TextFlag.TextWordWrap)))
        self.feedback = QPlainTextEdit()
        self.feedback.setReadOnly(True)
        self.feedback.setAccessibleName("The selected meeting's feedback")
        self.feedback.setToolTip("What went well and even better if, as the observer wrote them")
        self.feedback.setPlaceholderText("Select a meeting to read its written feedback.")

        choose = QHBoxLayout()
        for text, field in (("&Facilitator", self.chooser), ("&Show", self.lines)):
            label = QLabel(text)
            label.setBuddy(field)
            choose.addWidget(label)
            choose.addWidget(field)
            choose.addSpacing(24)
        choose.addStretch()
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.chart)
        upper.addWidget(self.feedback)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        upper.setSizes([960, 300])
        content = QSplitter(Qt.Orientation.Vertical)
        content.addWidget(upper)
        content.addWidget(self.table)
        content.setStretchFactor(0, 3)
        content.setStretchFactor(1, 2)
        content.setSizes([440, 280])
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        plan = buttons.addButton("Development &plan…", QDialogButtonBox.ButtonRole.ActionRole)
        plan.setObjectName("development-plan")
        plan.setToolTip("The chosen facilitator's development plan: goals, their own ratings, sign-offs")
        plan.clicked.connect(lambda: self.plan_asked.emit(self.chooser.currentText()))
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

        self.chooser.currentTextChanged.connect(self.show_facilitator)
        self.lines.currentIndexChanged.connect(self._draw_chart)
        self.table.itemSelectionChanged.connect(self._show_feedback)
        self.resize(1280, 820)
        self._fill_chooser(facilitator)

    # Reading the store --------------------------------------------------------------------------------------------

    def _fill_chooser(self, facilitator: str | None) -> None:
        try:
            names = self.store.facilitators()
        except StoreError as error:
            self._empty(str(error))
            return
        if facilitator and facilitator not in names:
            names.append(facilitator)
        if not names:
            self.chooser.setEnabled(False)
            self._empty("No meeting has a facilitator yet. Add one to a meeting's attendees, with an observer.")
            return
        self.chooser.blockSignals(True)
        self.chooser.addItems(names)
        self.chooser.setCurrentText(facilitator or names[0])
        self.chooser.blockSignals(False)
        self.show_facilitator(self.chooser.currentText())

    def show_facilitator(self, name: str) -> None:
        try:
            ran = self.store.facilitated(name)
            cases = {case.id: case.label for case in self.store.list_cases() if case.id is not None}
            preferred = team_rubric(self.store)
        except StoreError as error:
            self._empty(str(error))
            return
        self.rows = observed_meetings(ran, cases)
        self.criteria = criteria_met(self.rows, preferred)
        self.summary.setText(summary_text(name, len(ran), len(self.rows)))
        if not self.rows:
            self._empty(
                f"No observed meetings for {name} yet.\n\nAn observer's ratings show here once they are given in "
                "the Observer's window (Meeting menu) or merged from the observer's file."
            )
            return
        self.lines.setEnabled(True)
        self.pages.setCurrentIndex(1)
        self._fill_lines()
        self._fill_table()
        self._draw_chart()

    def _empty(self, message: str) -> None:
        self.rows, self.criteria = [], []
        self.lines.clear()
        self.lines.setEnabled(False)
        self.empty.setText(message)
        self.pages.setCurrentIndex(0)

    # Showing ------------------------------------------------------------------------------------------------------

    def _fill_lines(self) -> None:
        chosen = self.lines.currentText()
        self.lines.blockSignals(True)
        self.lines.clear()
        self.lines.addItems([EVERY, MEAN_ONLY, *self.criteria])
        self.lines.setCurrentText(chosen if chosen in (EVERY, MEAN_ONLY, *self.criteria) else EVERY)
        self.lines.blockSignals(False)

    def _fill_table(self) -> None:
        columns = [*FIXED_COLUMNS, *self.criteria, "Mean"]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(self.rows))
        self.table.setHorizontalHeaderLabels(columns)
        for column, criterion in enumerate(self.criteria, start=len(FIXED_COLUMNS)):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(criterion)
        for row, observed in enumerate(self.rows):
            meeting = observed.meeting
            self._cell(row, 0, date_text(meeting.held_on), meeting.title)
            self._cell(row, 1, observed.case_label, meeting.title)
            self._cell(row, 2, observed.observer)
            for column, criterion in enumerate(self.criteria, start=len(FIXED_COLUMNS)):
                score = observed.scores.get(criterion)
                text = "–" if score is None else number_text(score)
                comments = [r.comment for r in observed.observations.ratings if r.criterion == criterion and r.comment]
                tip = f"{criterion}: " + ("not rated" if score is None else text)
                self._cell(row, column, text, "\n".join([tip, *comments]))
            average = observed.mean
            self._cell(row, len(columns) - 1, "–" if average is None else number_text(average), bold=True)
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # a header is bold while its column is highlighted: its longest word must still fit
        metrics = QFontMetrics(bold)
        for column, title in enumerate(columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            longest = max(metrics.horizontalAdvance(word) for word in re.split(r"\s+|(?<=-)", title)) + 16
            width = (96, 110, 104)[column] if column < len(FIXED_COLUMNS) else 88
            self.table.setColumnWidth(column, max(width, longest))
        header.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 10)
        self.table.resizeRowsToContents()
        self.table.selectRow(len(self.rows) - 1)

    def _cell(self, row: int, column: int, text: str, tip: str = "", *, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        if column >= len(FIXED_COLUMNS):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if tip:
            item.setToolTip(tip)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)

    def _draw_chart(self) -> None:
        chosen = self.lines.currentText()
        mean_line = ChartSeries(MEAN, [row.mean for row in self.rows], mean=True)
        series = []
        for index, criterion in enumerate(self.criteria):
            if chosen in (EVERY, criterion):
                series.append(ChartSeries(criterion, [row.scores.get(criterion) for row in self.rows], colour=index))
        self.chart.set_data([date_text(row.meeting.held_on) for row in self.rows], [*series, mean_line])

    def _show_feedback(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            self.feedback.clear()
            return
        observed = self.rows[selected[0].row()]
        notes = observed.observations.notes
        parts = [
            f"{date_text(observed.meeting.held_on)} · {observed.case_label} · {observed.meeting.title}",
            f"Observed by {observed.observer}; {len(notes)} note{'s' if len(notes) != 1 else ''}.",
            "What went well\n" + (observed.observations.went_well or "–"),
            "Even better if\n" + (observed.observations.even_better_if or "–"),
        ]
        self.feedback.setPlainText("\n\n".join(parts))
