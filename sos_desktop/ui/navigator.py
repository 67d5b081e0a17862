"""The case and meeting navigator: a tree of cases with their meetings, and the actions on them.

Creating, renaming and deleting cases and meetings are not undo steps of a meeting: they act on the store
directly, and deleting asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from sos_desktop.models.templates import template
from sos_desktop.store.store import Store
from sos_desktop.ui.labels import MEETING_KIND_LABELS

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
        self.setAccessibleName("Cases and meetings")
        self.setObjectName("navigator")
        self.currentItemChanged.connect(self._current_changed)

    def reload(self, select_meeting: int | None = None) -> None:
        """Fill the tree from the store, keeping the open meeting selected."""
        self.blockSignals(True)
        try:
            self.clear()
            for case in self.store.list_cases():
                reference = f" · {case.reference}" if case.reference else ""
                case_item = QTreeWidgetItem([f"{case.label}{reference}"])
                case_item.setData(0, KindRole, CASE)
                case_item.setData(0, IdRole, case.id)
                case_item.setToolTip(0, f"{case.label} ({template(case.framework).name})")
                self.addTopLevelItem(case_item)
                for meeting in self.store.list_meetings(case.id):
                    when = meeting.held_on.strftime("%d %b %Y") if meeting.held_on else "no date"
                    item = QTreeWidgetItem([f"{meeting.title} — {when}"])
                    item.setData(0, KindRole, MEETING)
                    item.setData(0, IdRole, meeting.id)
                    item.setToolTip(0, MEETING_KIND_LABELS[meeting.kind])
                    case_item.addChild(item)
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

    def select(self, kind: str, item_id: int) -> None:
        for i in range(self.topLevelItemCount()):
            case_item = self.topLevelItem(i)
            assert case_item is not None
            candidates = [case_item] + [case_item.child(j) for j in range(case_item.childCount())]
            for item in candidates:
                if item is not None and item.data(0, KindRole) == kind and item.data(0, IdRole) == item_id:
                    self.setCurrentItem(item)
                    return
