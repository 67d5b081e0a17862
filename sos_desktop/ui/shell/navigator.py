"""The case and meeting navigator: a tree of cases with their meetings, and the actions on them.

Creating, renaming and deleting cases and meetings are not undo steps of a meeting: they act on the store
directly, and deleting asks first.

The tree is a view over a small model of what the store lists (:class:`NavigatorModel`), not a widget holding an
item per row: a database of 10,000 meetings is listed in the time its two queries take, and each row's words are
worked out only when it is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from sos_desktop.ui.common.empty_state import hint_when_empty

if TYPE_CHECKING:
    from sos_desktop.models import Case, MeetingHeading
    from sos_desktop.store.store import Store

CASE = "case"
MEETING = "meeting"
_TOP = 0  # the internal id of a case's index; a meeting's is its case's row + 1
UNFOLDED_UP_TO = 400
"""Up to this many meetings every case is shown unfolded; beyond, only the open meeting's case is, so a database of
thousands of meetings opens at once and reads as a list of cases."""

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class _CaseRow:
    case: Case
    meetings: list[MeetingHeading] = field(default_factory=list)


class NavigatorModel(QAbstractItemModel):
    """Cases at the top level, each with its meetings, as the store last listed them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_CaseRow] = []
        self._where: dict[tuple[str, int], tuple[int, int]] = {}  # (kind, id) -> (case row, meeting row or -1)

    def fill(self, cases: list[Case], headings: list[MeetingHeading]) -> None:
        by_case: dict[int | None, list[MeetingHeading]] = {}
        for heading in headings:
            by_case.setdefault(heading.case_id, []).append(heading)
        self.beginResetModel()
        self._rows = [_CaseRow(case, by_case.get(case.id, [])) for case in cases]
        self._where = {}
        for case_row, row in enumerate(self._rows):
            self._where[(CASE, row.case.id or 0)] = (case_row, -1)
            for meeting_row, heading in enumerate(row.meetings):
                self._where[(MEETING, heading.id)] = (case_row, meeting_row)
        self.endResetModel()

    def index_of(self, kind: str, item_id: int) -> QModelIndex:
        """The index of a case or meeting; an invalid one if the model does not list it."""
        place = self._where.get((kind, item_id))
        if place is None:
            return QModelIndex()
        case_row, meeting_row = place
        if meeting_row < 0:
            return self.createIndex(case_row, 0, _TOP)
        return self.createIndex(meeting_row, 0, case_row + 1)

    def identify(self, index: AnyIndex) -> tuple[str, int] | None:
        """("case", id) or ("meeting", id) of ``index``; None for an invalid one."""
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return CASE, self._rows[index.row()].case.id or 0
        return MEETING, self._rows[index.internalId() - 1].meetings[index.row()].id

    def case_count(self) -> int:
        return len(self._rows)

    # QAbstractItemModel ------------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOP) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != _TOP or row >= len(self._rows[parent.row()].meetings):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's names
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == _TOP:
            return len(self._rows[parent.row()].meetings)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's names
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 - Qt's names
        return self.rowCount(parent) > 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        from sos_desktop.models.labels import MEETING_KIND_LABELS
        from sos_desktop.models.templates import template

        if index.internalId() == _TOP:
            case = self._rows[index.row()].case
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{case.label} ({template(case.framework).name})"
            return f"{case.label} · {case.reference}" if case.reference else case.label
        heading = self._rows[index.internalId() - 1].meetings[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return MEETING_KIND_LABELS[heading.kind]
        return meeting_line(heading)


def meeting_line(heading: MeetingHeading) -> str:
    """How the navigator lists a meeting: its title and date."""
    when = heading.held_on.strftime("%d %b %Y") if heading.held_on else "no date"
    return f"{heading.title} — {when}"


class Navigator(QTreeView):
    """Cases at the top level, their meetings below; choosing a meeting opens it."""

    meetingActivated = Signal(int)
    selectionMoved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tree = NavigatorModel(self)
        self.setModel(self.tree)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every row is one line: Qt then lays out thousands of meetings without measuring each row.
        self.setUniformRowHeights(True)
        self.setAccessibleName("Cases and meetings")
        hint_when_empty(self, "No cases yet. File › New case (Ctrl+Shift+N) starts one.")
        self.setToolTip("Cases and their meetings: double-click or Enter opens a meeting, F2 renames")
        self.setObjectName("navigator")
        self._quiet = False
        selection = self.selectionModel()
        assert selection is not None
        selection.currentChanged.connect(self._current_moved)

    def reload(self, select_meeting: int | None = None) -> None:
        """Fill the tree from the store, keeping the open meeting selected."""
        # One query for all the meetings, not one per case: a database of thousands of meetings opens quickly.
        headings = self.store.meeting_headings()
        cases = self.store.list_cases()
        self._quiet = True
        try:
            self.tree.fill(cases, headings)
            if len(headings) <= UNFOLDED_UP_TO:
                self.expandAll()
            if select_meeting is not None:
                self.select(MEETING, select_meeting)
        finally:
            self._quiet = False

    def _current_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        self.selectionMoved.emit()
        chosen = self.tree.identify(current)
        if chosen is not None and chosen[0] == MEETING:
            self.meetingActivated.emit(chosen[1])

    def selected(self) -> tuple[str, int] | None:
        """What is selected: ("case", id) or ("meeting", id)."""
        return self.tree.identify(self.currentIndex())

    def selected_case_id(self) -> int | None:
        current = self.currentIndex()
        if not current.isValid():
            return None
        case_index = current if current.internalId() == _TOP else current.parent()
        chosen = self.tree.identify(case_index)
        return None if chosen is None else chosen[1]

    def selected_text(self) -> str:
        """The words of the selected row, as shown; empty with nothing selected."""
        return str(self.currentIndex().data() or "")

    def case_count(self) -> int:
        return self.tree.case_count()

    def case_text(self, row: int) -> str:
        return str(self.tree.index(row, 0).data() or "")

    def shows(self, kind: str, item_id: int) -> bool:
        """Whether the tree, as last filled from the store, lists this case or meeting."""
        return self.tree.index_of(kind, item_id).isValid()

    def select(self, kind: str, item_id: int) -> None:
        index = self.tree.index_of(kind, item_id)
        if index.isValid():
            if kind == MEETING:
                self.expand(index.parent())
            self.setCurrentIndex(index)
            self.scrollTo(index)
