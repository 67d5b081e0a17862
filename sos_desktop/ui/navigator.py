"""The case and meeting navigator: a tree of cases with their meetings, and the actions on them.

Creating, renaming and deleting cases and meetings are not undo steps of a meeting: they act on the store
directly, and deleting asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from sos_desktop.ui.empty_state import hint_when_empty

if TYPE_CHECKING:
    from sos_desktop.models import MeetingHeading
    from sos_desktop.store.store import Store

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
CASE = "case"
MEETING = "meeting"


class Navigator(QTreeWidget):
    """Cases at the top level, their meetings below; activating a meeting opens it."""

    meetingActivated = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setHeaderHidden(True)
        # Every row is one line: Qt then lays out thousands of meetings without measuring each row.
        self.setUniformRowHeights(True)
        self.setAccessibleName("Cases and meetings")
        hint_when_empty(self, "No cases yet. File › New case (Ctrl+Shift+N) starts one.")
        self.setToolTip("Cases and their meetings: double-click or Enter opens a meeting, F2 renames")
        self.setObjectName("navigator")
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._current_changed)

    def reload(self, select_meeting: int | None = None) -> None:
        """Fill the tree from the store, keeping the open meeting selected."""
        # Imported here: the console imports this module before its first paint, which must not wait for them.
        from sos_desktop.models.templates import template
        from sos_desktop.ui.labels import MEETING_KIND_LABELS

        self.blockSignals(True)
        try:
            self.clear()
            self._items.clear()
            # One query for all the meetings, not one per case: a database of thousands of meetings opens quickly.
            by_case: dict[int | None, list[MeetingHeading]] = {}
            for meeting in self.store.meeting_headings():
                by_case.setdefault(meeting.case_id, []).append(meeting)
            for case in self.store.list_cases():
                reference = f" · {case.reference}" if case.reference else ""
                case_item = QTreeWidgetItem([f"{case.label}{reference}"])
                case_item.setData(0, KindRole, CASE)
                case_item.setData(0, IdRole, case.id)
                case_item.setToolTip(0, f"{case.label} ({template(case.framework).name})")
                self.addTopLevelItem(case_item)
                self._items[(CASE, case.id or 0)] = case_item
                for meeting in by_case.get(case.id, []):
                    when = meeting.held_on.strftime("%d %b %Y") if meeting.held_on else "no date"
                    item = QTreeWidgetItem([f"{meeting.title} — {when}"])
                    item.setData(0, KindRole, MEETING)
                    item.setData(0, IdRole, meeting.id)
                    item.setToolTip(0, MEETING_KIND_LABELS[meeting.kind])
                    case_item.addChild(item)
                    self._items[(MEETING, meeting.id or 0)] = item
                    if meeting.id == select_meeting:
                        self.setCurrentItem(item)
                case_item.setExpanded(True)
        finally:
            self.blockSignals(False)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and current.data(0, KindRole) == MEETING:
            self.meetingActivated.emit(int(current.data(0, IdRole)))

    def selected(self) -> tuple[str, int] | None:
        """What is selected: ("case", id) or ("meeting", id)."""
        item = self.currentItem()
        if item is None:
            return None
        return str(item.data(0, KindRole)), int(item.data(0, IdRole))

    def selected_case_id(self) -> int | None:
        item = self.currentItem()
        if item is None:
            return None
        if item.data(0, KindRole) == MEETING:
            item = item.parent()
        return None if item is None else int(item.data(0, IdRole))

    def shows(self, kind: str, item_id: int) -> bool:
        """Whether the tree, as last filled from the store, lists this case or meeting."""
        return (kind, item_id) in self._items

    def select(self, kind: str, item_id: int) -> None:
        item = self._items.get((kind, item_id))
        if item is not None:
            self.setCurrentItem(item)
