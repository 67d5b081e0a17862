"""The Scaling page of the console: the meeting's scales, and a 0 to 10 slider for each rater.

Every rater has a row, the presenter first (who rates follows the attendees' roles: observers only when added):
slide, or use the keys, from "not rated" to their number, and write the two follow-up answers beside it. In a
private round the projector shows only who has rated; Reveal shows every number at once.

The page fits the console at 1280 by 720 with no sideways scrolling: the answers wrap within their columns, the
headings wrap, and the practice nudges sit under the list of scales, so the rows stay put when they change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Category, Meeting, Scale, spread
from sos_desktop.models.guidance import scaling_nudges
from sos_desktop.models.raters import may_be_added, raters
from sos_desktop.models.scaling import number_text
from sos_desktop.models.trajectory import scale_identity
from sos_desktop.ui.common.empty_state import hint_when_empty
from sos_desktop.ui.common.fields import PlainTextField
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.scaling.rater_row import RaterRow

TrajectoryOpener = Callable[[list[Meeting], str | None, QWidget], QDialog]
"""Makes the window that shows a scale's trajectory: (the case's meetings, the scale's key, the parent)."""


class ScalesPanel(QSplitter):
    def __init__(
        self,
        document: MeetingDocument,
        parent: QWidget | None = None,
        *,
        open_trajectory: TrajectoryOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.open_trajectory = open_trajectory
        self.setObjectName("scales-panel")
        self.rows: list[RaterRow] = []

        left = QWidget()
        self.list = QListWidget()
        self.list.setAccessibleName("Scales")
        hint_when_empty(self.list, "No scales yet: add the framework's scale below.")
        self.list.setToolTip("The meeting's scales: choose one to rate it and to show it on the projector")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _: self.show_scale())
        add_standard = QPushButton("Add the framework's scale")
        add_standard.setToolTip("Add the standard scale of the case's framework, with its wording")
        add_standard.clicked.connect(lambda: self._select_new(document.add_standard_scale()))
        add_custom = QPushButton("Add your own scale")
        add_custom.setToolTip("Add a scale with your own question, such as the family's willingness")
        add_custom.clicked.connect(self._add_custom)
        self.up = QPushButton("▲")
        self.up.setAccessibleName("Move scale up")
        self.up.setToolTip("Move the chosen scale up the list")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton("▼")
        self.down.setAccessibleName("Move scale down")
        self.down.setToolTip("Move the chosen scale down the list")
        self.down.clicked.connect(lambda: self._move(1))
        self.delete = QPushButton("Delete")
        self.delete.setToolTip("Delete the chosen scale and its ratings (Ctrl+Z brings it back)")
        self.delete.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.delete):
            buttons.addWidget(button)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(add_standard)
        left_layout.addWidget(add_custom)
        left_layout.addLayout(buttons)

        editor = QWidget()
        self.question = PlainTextField("Scale question")
        self.question.setToolTip("The question the group is asked, in plain words")
        self.question.textChanged.connect(lambda: self._field("question", self.question.toPlainText()))
        self.zero = QLineEdit()
        self.zero.setAccessibleName("What 0 means")
        self.zero.setToolTip("What a 0 means on this scale")
        self.zero.textEdited.connect(lambda text: self._field("zero_means", text))
        self.ten = QLineEdit()
        self.ten.setAccessibleName("What 10 means")
        self.ten.setToolTip("What a 10 means on this scale")
        self.ten.textEdited.connect(lambda text: self._field("ten_means", text))
        self.about = QComboBox()
        self.about.setAccessibleName("Danger statement this scale is about")
        self.about.setToolTip("The danger statement this scale measures, if it is a scale for one pair")
        fit_narrow(self.about)
        self.about.activated.connect(lambda _: self._field("about", self.about.currentData()))
        self.private = QCheckBox("Private round")
        self.private.setToolTip(
            "Everyone rates privately: the projector shows who has rated, not the numbers, "
            "until you reveal them all at once."
        )
        self.private.toggled.connect(lambda on: self._field("private_round", on))
        self.reveal = QPushButton("Reveal the numbers")
        self.reveal.clicked.connect(lambda: self._field("private_round", False))
        self.spread = QLabel()
        self.spread.setObjectName("spread")
        self.trajectory = QPushButton("Trajectory…")
        self.trajectory.setToolTip("This scale's median and spread across the case's meetings")
        self.trajectory.clicked.connect(self.show_trajectory)
        if open_trajectory is None:
            self.trajectory.hide()  # no window to show it in (a page built on its own, as in a picture)
        self.nudges = QLabel()
        self.nudges.setObjectName("scaling-nudges")
        self.nudges.setWordWrap(True)
        self.nudges.setStyleSheet("color: #8a5200;")
        left_layout.insertWidget(1, self.nudges)  # under the list: when a nudge goes, the rater rows stay put
        form = QFormLayout()
        form.addRow("&Question", self.question)
        form.addRow("&0 means", self.zero)
        form.addRow("10 &means", self.ten)
        form.addRow("&About", self.about)
        round_row = QHBoxLayout()
        round_row.addWidget(self.private, 1)
        round_row.addWidget(self.reveal)
        round_row.addWidget(self.trajectory)
        self.grid_host = QWidget()
        self.grid = QGridLayout()
        host_layout = QVBoxLayout(self.grid_host)
        host_layout.addLayout(self.grid)
        host_layout.addStretch(1)  # rows sit at the top, however few
        for column, heading in enumerate(("Rater", "0 … 10", "", "What makes it this and not 0?", "One point higher?")):
            label = QLabel(f"<b>{heading}</b>")
            label.setWordWrap(True)
            self.grid.addWidget(label, 0, column)
        for column, stretch in ((1, 2), (3, 3), (4, 3)):  # the answers take what the slider does not need
            self.grid.setColumnStretch(column, stretch)
        self.add_rater = QComboBox()
        self.add_rater.setAccessibleName("Someone else to rate")
        self.add_rater.setToolTip("An observer, or someone in the network, to ask for a number on this scale too")
        fit_narrow(self.add_rater)
        add_rater = QPushButton("Add rater")
        add_rater.setToolTip("Give the person chosen beside it a row to rate this scale")
        add_rater.clicked.connect(self._add_rater)
        adder = QHBoxLayout()
        adder.addWidget(QLabel("Also rating:"))
        adder.addWidget(self.add_rater, 1)
        adder.addWidget(add_rater)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addLayout(round_row)
        editor_layout.addWidget(self.spread)
        editor_layout.addWidget(scroll, 1)
        editor_layout.addLayout(adder)
        self.editor = editor

        self.addWidget(left)
        self.addWidget(editor)
        self.setStretchFactor(1, 3)
        document.scalesChanged.connect(self.refresh)
        document.attendeesChanged.connect(self.refresh)
        document.networkChanged.connect(self.refresh)  # the people offered as raters
        document.itemsChanged.connect(self.refresh)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)

    # Reading ---------------------------------------------------------------------------------------------------

    def current_scale(self) -> Scale | None:
        row = self.list.currentRow()
        scales = self.document.meeting.scales
        return scales[row] if 0 <= row < len(scales) else None

    def raters(self) -> list[str]:
        """Who rates the chosen scale, as ``models.raters.raters`` has it: the presenter first."""
        return raters(self.document.meeting.attendees, self.current_scale())

    # From the document -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        row = self.list.currentRow()
        with QSignalBlocker(self.list):
            self.list.clear()
            for number, scale in enumerate(self.document.meeting.scales, start=1):
                rated = f"{len(scale.ratings)} rated" + (", private round" if scale.private_round else "")
                item = QListWidgetItem(f"{number}. {' '.join(scale.question.split())[:90]}\n    {rated}")
                self.list.addItem(item)
            if self.list.count():
                self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.show_scale()

    def show_scale(self) -> None:
        template = self.document.template
        nudges = scaling_nudges(
            self.document.meeting,
            danger_label=template.one(Category.DANGER),
            goal_label=template.one(Category.GOAL),
        )
        self.nudges.setText("\n".join(f"⚠ {hint.message}" for hint in nudges))
        self.nudges.setVisible(bool(nudges))
        scale = self.current_scale()
        self.editor.setEnabled(scale is not None)
        has = scale is not None
        self.delete.setEnabled(has)
        self.up.setEnabled(has and self.list.currentRow() > 0)
        self.down.setEnabled(has and self.list.currentRow() < self.list.count() - 1)
        if scale is None:
            self.spread.setText("No scale yet: add the safety scale, or a scale of your own.")
            return
        self.question.show_text(scale.question)
        for field, text in ((self.zero, scale.zero_means), (self.ten, scale.ten_means)):
            if field.text() != text:
                field.setText(text)
        with QSignalBlocker(self.about):
            self.about.clear()
            self.about.addItem("(the whole situation)", None)
            for item in self.document.items(Category.DANGER):
                self.about.addItem(" ".join(item.text.split())[:80], item.id)
            self.about.setCurrentIndex(max(0, self.about.findData(scale.about)))
        with QSignalBlocker(self.private):
            self.private.setChecked(scale.private_round)
        self.reveal.setEnabled(scale.private_round)
        result = spread(scale.ratings)
        self.spread.setText(
            "No ratings yet."
            if result is None
            else f"Lowest {number_text(result.lowest)} · Median {number_text(result.median)} · "
            f"Highest {number_text(result.highest)}  ({len(scale.ratings)} rated)"
        )
        self._show_rows(scale)

    def _show_rows(self, scale: Scale) -> None:
        names = self.raters()
        if [row.name for row in self.rows] != names:
            for row in self.rows:  # rebuilt only when who rates changes, never under a slider being dragged
                for widget in row.widgets():
                    self.grid.removeWidget(widget)  # out of the grid and out of sight now, gone when Qt is idle
                    widget.hide()
                    widget.deleteLater()
            self.rows = [
                RaterRow(self.document, self.current_scale, name, self.grid, index + 1)
                for index, name in enumerate(names)
            ]
        for row in self.rows:
            row.show(scale)
        people = [person.name for person in self.document.network.people]
        with QSignalBlocker(self.add_rater):
            self.add_rater.clear()
            self.add_rater.addItems(may_be_added(self.document.meeting.attendees, people, scale))

    def show_trajectory(self) -> QDialog | None:
        """The chosen scale across the case's meetings (this meeting as it stands now), in the window the console
        gave this page for it (the trajectory is drawn as the projector draws it, so the page does not draw it).
        """
        if self.open_trajectory is None:
            return None
        meetings = self.document.store.case_meetings(self.document.meeting.case_id or 0)
        scale = self.current_scale()
        dialog = self.open_trajectory(meetings, scale_identity(scale) if scale else None, self)
        dialog.show()
        return dialog

    # To the document ---------------------------------------------------------------------------------------------

    def _field(self, name: str, value: object) -> None:
        scale = self.current_scale()
        if scale is not None and scale.id is not None:
            self.document.set_scale_field(scale.id, name, value)

    def _select_new(self, scale: Scale) -> None:
        if scale in self.document.meeting.scales:
            self.list.setCurrentRow(self.document.meeting.scales.index(scale))

    def _add_custom(self) -> None:
        scale = self.document.add_scale("A new scale: what are we rating?", "", "")
        self._select_new(scale)
        self.question.setFocus()
        self.question.selectAll()

    def _move(self, step: int) -> None:
        scale = self.current_scale()
        if scale is not None and scale.id is not None:
            target = self.list.currentRow() + step
            self.document.move_scale(scale.id, target)
            self.list.setCurrentRow(max(0, min(target, self.list.count() - 1)))

    def _delete(self) -> None:
        scale = self.current_scale()
        if scale is not None and scale.id is not None:
            self.document.delete_scale(scale.id)

    def _add_rater(self) -> None:
        scale = self.current_scale()
        name = self.add_rater.currentText().strip()
        if name and scale is not None and scale.id is not None:
            self.document.add_rater(scale.id, name)


def fit_narrow(box: QComboBox) -> None:
    """Let a combo box of long entries (a danger statement) shrink with the page rather than widen it."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(16)
