"""The rubric in the observer's window: each criterion with a 0–10 rating in half points (or "Not rated") and a
comment, and the criteria themselves editable for this meeting (add, remove, rename), or made the team's default.

A view of the document: it shows ``document.rubric_criteria()`` and the meeting's ratings, sends every change to
the document, and follows ``observationsChanged``, updating fields in place so typing is never interrupted.

A rating box steps as the Scaling page's sliders do: the arrow keys move half a point, Page Up and Down a whole
point (``models.scaling.paged_rating``), so the first Page Up from "Not rated" gives 1, not 4.5.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.scaling import number_text, paged_rating
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument

NOT_RATED = -0.5
"""The spin box's value below 0, shown as "Not rated"."""
PAGE_STEPS = 10
"""The steps Qt asks for at Page Up or Down (and Ctrl with an arrow or the wheel): a whole point here."""


class HalfPointBox(QDoubleSpinBox):
    """0 to 10 in half points, with "Not rated" below 0; "7" rather than "7.0"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(NOT_RATED, 10.0)
        self.setSingleStep(0.5)
        self.setDecimals(1)
        self.setSpecialValueText("Not rated")
        self.setKeyboardTracking(False)  # a typed "7.5" is one change, not "7" then "7.5"
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setValue(NOT_RATED)

    def textFromValue(self, value: float) -> str:
        return number_text(value)

    def stepBy(self, steps: int) -> None:
        """Half a point a step; a page (Qt's ten steps) is a whole point, by the sliders' rule."""
        if steps == 0 or steps % PAGE_STEPS != 0:
            super().stepBy(steps)
            return
        rating = self.rating()
        for _ in range(abs(steps) // PAGE_STEPS):
            rating = paged_rating(rating, up=steps > 0)
        self.setValue(NOT_RATED if rating is None else rating)
        self.selectAll()

    def rating(self) -> float | None:
        value = round(self.value() * 2) / 2
        return None if value < 0 else value


class RubricTable(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.shown: list[str] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Criterion", "Rating", "Comment"])
        self.table.setAccessibleName("Rubric")
        self.table.setToolTip("Rate each criterion 0 to 10 in half points; double-click a criterion to rename it")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 280)
        self.table.setColumnWidth(1, 110)
        self.others = QLabel()
        self.others.setWordWrap(True)
        self.others.setAccessibleName("Other ratings from merged files")

        self.new_criterion = QLineEdit()
        limit_length(self.new_criterion, MAX_LABEL_LENGTH)
        self.new_criterion.setPlaceholderText("A new criterion")
        self.new_criterion.setAccessibleName("New criterion")
        self.new_criterion.setToolTip("Type a criterion and press Enter to add it to this meeting's rubric")
        route_undo_keys(self.new_criterion, only_when_empty=True)
        self.add_button = self._button("Add &criterion", "Add the criterion to this meeting's rubric")
        self.remove_button = self._button(
            "&Remove criterion", "Remove the selected criterion (and its rating) from this meeting's rubric"
        )
        self.default_button = self._button(
            "Make these the team's &default", "Rate meetings to come against these criteria, for the whole team"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_criterion, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.default_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.others)
        layout.addLayout(buttons)

        self.new_criterion.returnPressed.connect(self.add_criterion)
        self.add_button.clicked.connect(self.add_criterion)
        self.remove_button.clicked.connect(self.remove_selected)
        self.default_button.clicked.connect(self.make_team_default)
        self.table.itemChanged.connect(self._renamed)
        self.table.itemSelectionChanged.connect(self._enable)
        document.observationsChanged.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        return button

    # Showing ------------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        criteria = self.document.rubric_criteria()
        if criteria != self.shown:
            self._rebuild(criteria)
        for row, criterion in enumerate(criteria):
            rating = self.document.rubric_rating(criterion)
            box = self.rating_box(row)
            box.blockSignals(True)
            box.setValue(NOT_RATED if rating is None else rating.value)
            box.blockSignals(False)
            comment = self.comment_field(row)
            text = "" if rating is None else rating.comment
            if comment.text() != text:
                position = comment.cursorPosition()
                comment.setText(text)
                comment.setCursorPosition(min(position, len(text)))
            comment.setEnabled(rating is not None)
            comment.setPlaceholderText("Rate it first" if rating is None else "What you saw (optional)")
        self._show_other_ratings()
        self._enable()

    def _rebuild(self, criteria: list[str]) -> None:
        """Show ``criteria`` row by row, reusing the rows' fields (so a field keeps focus through a rename)."""
        self.table.blockSignals(True)
        self.table.setRowCount(len(criteria))
        for row, criterion in enumerate(criteria):
            item = self.table.item(row, 0)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, 0, item)
            item.setText(criterion)
            item.setToolTip(f"{criterion}\nDouble-click to rename it in this meeting's rubric")
            if not isinstance(self.table.cellWidget(row, 1), HalfPointBox):
                self._add_fields(row)
            box, comment = self.rating_box(row), self.comment_field(row)
            box.setAccessibleName(f"Rating for {criterion}")
            box.setToolTip(f"{criterion}: 0 to 10 in half points; step below 0 for “Not rated”")
            comment.setAccessibleName(f"Comment on {criterion}")
            comment.setToolTip(f"What you saw, for “{criterion}” (give a rating first)")
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.shown = list(criteria)

    def _add_fields(self, row: int) -> None:
        box = HalfPointBox()
        box.valueChanged.connect(lambda _value: self._rate(box))
        self.table.setCellWidget(row, 1, box)
        comment = QLineEdit()
        limit_length(comment, MAX_TEXT_LENGTH)
        comment.setFrame(False)
        route_undo_keys(comment)
        comment.textEdited.connect(lambda _text: self._rate(comment))
        self.table.setCellWidget(row, 2, comment)

    def rating_box(self, row: int) -> HalfPointBox:
        box = self.table.cellWidget(row, 1)
        assert isinstance(box, HalfPointBox)
        return box

    def comment_field(self, row: int) -> QLineEdit:
        field = self.table.cellWidget(row, 2)
        assert isinstance(field, QLineEdit)
        return field

    def _show_other_ratings(self) -> None:
        """Further ratings of a criterion (merged from a second observer's file) are listed under the table."""
        seen: set[str] = set()
        others = []
        for rating in self.document.observations.ratings:
            if rating.criterion in seen:
                comment = f" – {rating.comment}" if rating.comment else ""
                others.append(f"{rating.criterion}: {number_text(rating.value)}{comment}")
            seen.add(rating.criterion)
        self.others.setText("Also rated, from a merged file: " + "; ".join(others) if others else "")
        self.others.setVisible(bool(others))

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    # Changing -----------------------------------------------------------------------------------------------------

    def _rate(self, field: QWidget) -> None:
        """The rating or comment of ``field``'s row was changed by the user."""
        for row, criterion in enumerate(self.shown):
            if field in (self.table.cellWidget(row, 1), self.table.cellWidget(row, 2)):
                rating = self.rating_box(row).rating()
                self.document.set_rubric_rating(criterion, rating, self.comment_field(row).text())
                return

    def _renamed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if item.column() != 0 or row >= len(self.shown):
            return
        before = list(self.shown)
        old, new = before[row], item.text().strip()
        try:
            self.document.rename_rubric_criterion(old, new)
        except ValueError as error:
            self.document.noticed.emit(str(error))
        if self.document.rubric_criteria() == before:  # refused or unchanged: show the name as it is
            self.table.blockSignals(True)
            item.setText(old)
            self.table.blockSignals(False)

    def add_criterion(self) -> None:
        name = self.new_criterion.text().strip()
        if not name:
            return
        if name in self.shown:
            self.document.noticed.emit(f"“{name}” is already in the rubric.")
            return
        self.document.set_rubric_criteria([*self.shown, name])
        self.new_criterion.clear()
        self.table.scrollToBottom()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.shown):
            removed = self.shown[rows[0].row()]
            self.document.set_rubric_criteria([name for name in self.shown if name != removed])

    def make_team_default(self) -> None:
        if self.document.save_rubric_as_team_default(self.shown):
            self.document.noticed.emit("These criteria are now the team's default for meetings to come.")
