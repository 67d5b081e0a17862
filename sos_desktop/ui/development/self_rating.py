"""The self-rating table of the development plan window: for one observed meeting, each criterion with the
observer's rating (read-only) beside the leader's own (and their comment), which they type in.

The figures come from ``models.development_plan.self_vs_observer``, as the development report's do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sos_desktop.models.development_plan import MeetingComparison
from sos_desktop.models.scaling import check_rating_value, number_text

CRITERION, OBSERVER, OWN, GAP, COMMENT = range(5)


def parse_rating(text: str) -> float | None:
    """A typed rating: "" (or the table's "–") for none, else 0 to 10 in half points (ValueError otherwise)."""
    text = text.strip().replace(",", ".")
    if text in ("", "–", "-"):  # the table writes "–" for not rated
        return None
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"A rating is a number from 0 to 10 in half points, not {text[:20]!r}.") from None
    return check_rating_value(number)


class SelfRatingTable(QTableWidget):
    """One meeting's criteria; ``rated`` (criterion, rating or None, comment) when the leader changes their own."""

    rated = Signal(str, object, str)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("self-ratings")
        self.setAccessibleName("Your own rating beside the observer's")
        self.setHorizontalHeaderLabels(["Criterion", "Observer's", "Your own", "Gap", "Your comment"])
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(CRITERION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        self._filling = False
        self.itemChanged.connect(self._changed)

    def show_meeting(self, meeting: MeetingComparison | None, comments: dict[str, str]) -> None:
        self._filling = True
        try:
            rows = meeting.rows if meeting is not None else ()
            self.setRowCount(len(rows))
            for row, figure in enumerate(rows):
                self._set(row, CRITERION, figure.criterion, editable=False)
                self._set(row, OBSERVER, _number(figure.observer), editable=False)
                self._set(row, OWN, _number(figure.leader))
                self._set(row, GAP, _number(figure.gap, signed=True), editable=False)
                self._set(row, COMMENT, comments.get(figure.criterion, ""))
        finally:
            self._filling = False

    def _set(self, row: int, column: int, text: str, *, editable: bool = True) -> None:
        item = QTableWidgetItem(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip("The observer's rating: read only")
        if column in (OBSERVER, OWN, GAP):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItem(row, column, item)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (OWN, COMMENT):
            return
        row = item.row()
        named = self.item(row, CRITERION)
        criterion = named.text() if named is not None else ""
        own, comment = self.item(row, OWN), self.item(row, COMMENT)
        try:
            value = parse_rating(own.text() if own is not None else "")
        except ValueError as error:
            self.refused.emit(str(error))
            return
        said = comment.text().strip() if comment is not None else ""
        if value is None and said:
            self.refused.emit("Give your own rating of this criterion first; the comment goes with it.")
            return
        self.rated.emit(criterion, value, said)


def _number(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return "–"
    if signed and value > 0:
        return f"+{number_text(value)}"
    return number_text(value) if value >= 0 else f"−{number_text(-value)}"
