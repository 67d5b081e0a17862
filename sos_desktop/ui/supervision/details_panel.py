"""The meeting's details: title, kind, date, focus question, confidentiality, summary and the attendees.

Each widget edit becomes one document call (an undo command); the widgets refresh from the document's signals,
so undo and redo show at once. A new attendee is added with Enter in their name or in their role box (or the
button); then the role box is back at "Participant" (most of a group are) and the name field is ready for the next.
The date is the shared optional date field with the time beside it: typed day first or as ISO, or picked from a
calendar that opens at today when there is no date; a new date keeps the meeting's time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Attendee, AttendeeRole, MeetingKind, NetworkPerson, PersonRole
from sos_desktop.models.labels import MEETING_KIND_LABELS, ROLE_LABELS
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.raters import same_person
from sos_desktop.models.supervision import group_size_warning
from sos_desktop.ui.common.date_field import OptionalDateTimeField
from sos_desktop.ui.common.empty_state import hint_when_empty
from sos_desktop.ui.common.fields import PlainTextField, limit_length
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument

NEW_ROLE = AttendeeRole.PARTICIPANT
"""The role box's role for each new attendee: most of a group take part as participants."""


class DetailsPanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("details-panel")

        self.title = QLineEdit()
        self.title.setAccessibleName("Meeting title")
        self.title.setToolTip("The meeting's title, as the list of cases and the minutes show it")
        limit_length(self.title, MAX_LABEL_LENGTH)
        self.title.textEdited.connect(self._title_edited)
        self.title.editingFinished.connect(self.refresh)
        route_undo_keys(self.title)

        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of meeting")
        self.kind.setToolTip("Group supervision, a mapping, network or review meeting")
        for kind, label in MEETING_KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind.activated.connect(lambda: document.set_detail("kind", MeetingKind(self.kind.currentData())))

        self.held_on = OptionalDateTimeField("the meeting")
        self.held_on.setToolTip("When the meeting is held: type the date (or open the calendar) and the time")
        self.held_on.dateTimeEdited.connect(lambda held_on: document.set_detail("held_on", held_on))

        self.focus_question = PlainTextField("Focus question")
        self.focus_question.setPlaceholderText("What do you want from the group today?")
        self.focus_question.setToolTip("The presenter's question for the group; Ctrl+Alt+F shows it on the projector")
        self.focus_question.textChanged.connect(lambda: self._text_edited("focus_question", self.focus_question))
        self.confidentiality = QCheckBox("Confidentiality agreed")
        self.confidentiality.setAccessibleName("Confidentiality agreed")
        self.confidentiality.toggled.connect(lambda on: document.set_detail("confidentiality_agreed", on))
        self.summary = PlainTextField("Summary for the child's file")
        self.summary.setPlaceholderText("A short summary for the child's file.")
        self.summary.setToolTip("A brief summary for the child's file; it opens the minutes")
        self.summary.textChanged.connect(lambda: self._text_edited("summary", self.summary))

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Kind", self.kind)
        form.addRow("&Date", self.held_on)
        form.addRow("&Focus question", self.focus_question)
        form.addRow("", self.confidentiality)
        form.addRow("&Summary", self.summary)

        self.attendees = QTableWidget(0, 2)
        self.attendees.setAccessibleName("Attendees")
        hint_when_empty(self.attendees, "Nobody listed yet: type a name below, choose their role and press Enter.")
        self.attendees.setToolTip("Who is at the meeting and their role; double-click a name to correct it")
        self.attendees.setHorizontalHeaderLabels(["Name", "Role"])
        self.attendees.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attendees.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.attendees.verticalHeader().setVisible(False)
        self.attendees.itemChanged.connect(self._attendee_name_edited)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText("Name of a new attendee")
        self.new_name.setAccessibleName("Name of a new attendee")
        self.new_name.setToolTip("Type a name and press Enter to add them to the attendees")
        limit_length(self.new_name, MAX_LABEL_LENGTH)
        self.new_name.returnPressed.connect(self._add_attendee)
        self.new_role = self._role_box(NEW_ROLE)
        self.new_role.setAccessibleName("Role of the new attendee")
        self.new_role.setToolTip(
            "Their role at the meeting: facilitator, presenter, observer, manager, participant…; Enter adds them"
        )
        self.new_role.installEventFilter(self)
        add = QPushButton("Add attendee")
        add.clicked.connect(self._add_attendee)
        self.remove_button = QPushButton("Remove selected")
        self.remove_button.clicked.connect(self._remove_attendee)
        self.family_button = QPushButton("Add family or network member…")
        self.family_button.setToolTip("Add somebody from the case's network: they take part and rate the scales")
        self.family_menu = QMenu(self.family_button)
        self.family_menu.aboutToShow.connect(self._fill_family_menu)
        self.family_button.setMenu(self.family_menu)
        adder = QHBoxLayout()
        adder.addWidget(self.new_name, 2)
        adder.addWidget(self.new_role, 1)
        adder.addWidget(add)
        adder.addWidget(self.remove_button)
        family_row = QHBoxLayout()
        family_row.addWidget(self.family_button)
        family_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        heading = QLabel("Attendees")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.group_warning = QLabel()
        self.group_warning.setObjectName("group-size-warning")
        self.group_warning.setWordWrap(True)
        self.group_warning.setStyleSheet("color: #8a5200;")
        layout.addWidget(self.group_warning)
        layout.addWidget(self.attendees, 1)
        layout.addLayout(adder)
        layout.addLayout(family_row)

        document.detailsChanged.connect(self.refresh)
        document.detailsChanged.connect(self.refresh_warning)  # the kind of meeting decides the group's size
        document.attendeesChanged.connect(self.refresh_attendees)
        self.refresh()
        self.refresh_attendees()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the (closed) role box of a new attendee adds them, as the hint says."""
        pressed = watched is self.new_role and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
            self._add_attendee()
            self.new_name.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next name
            return True
        return super().eventFilter(watched, event)

    def _role_box(self, role: AttendeeRole) -> QComboBox:
        box = QComboBox()
        for value, label in ROLE_LABELS.items():
            box.addItem(label, value.value)
        box.setCurrentIndex(box.findData(role.value))
        return box

    # From the document -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        meeting = self.document.meeting
        typed = self.title.text().strip()
        # While the user types, a blank field or trailing space is theirs to keep; otherwise show the document.
        if typed != meeting.title and not (self.title.hasFocus() and not typed):
            self.title.setText(meeting.title)
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        self.held_on.set_value(meeting.held_on)  # not reported as an edit; leaves a half-typed date alone
        self.focus_question.show_text(meeting.focus_question)
        with QSignalBlocker(self.confidentiality):
            self.confidentiality.setChecked(meeting.confidentiality_agreed)
        self.summary.show_text(meeting.summary)

    def refresh_warning(self) -> None:
        warning = group_size_warning(self.document.meeting)
        self.group_warning.setText(f"⚠ {warning}" if warning else "")
        self.group_warning.setVisible(warning is not None)

    def refresh_attendees(self) -> None:
        self.refresh_warning()
        attendees = self.document.meeting.attendees
        with QSignalBlocker(self.attendees):
            self.attendees.setRowCount(len(attendees))
            for row, attendee in enumerate(attendees):
                cell = QTableWidgetItem(attendee.name)
                person = next((p for p in self.document.network.people if p.id == attendee.person), None)
                if attendee.person is not None and person is not None:
                    cell.setToolTip(f"{person.display_name or person.name} in the case's network")
                self.attendees.setItem(row, 0, cell)
                box = self._role_box(attendee.role)
                box.setAccessibleName(f"Role of {attendee.name}")
                box.activated.connect(lambda _=0, r=row, b=box: self._role_changed(r, b))
                self.attendees.setCellWidget(row, 1, box)
        self.remove_button.setEnabled(bool(attendees))

    # To the document -------------------------------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        if text.strip():
            self.document.set_detail("title", text.strip())

    def _text_edited(self, name: str, field: PlainTextField) -> None:
        self.document.set_detail(name, field.toPlainText())
        field.show_text(getattr(self.document.meeting, name))  # shows the cut when a paste was too long

    def _attendees(self) -> list[Attendee]:
        return [Attendee(a.name, a.role, a.person) for a in self.document.meeting.attendees]

    def _add_attendee(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        attendees = self._attendees()
        attendees.append(Attendee(name, AttendeeRole(self.new_role.currentData())))
        self.document.set_attendees(attendees, f"Add attendee {name}")
        self.new_name.clear()
        self.new_role.setCurrentIndex(self.new_role.findData(NEW_ROLE.value))

    def family_to_add(self) -> list[NetworkPerson]:
        """The network's people not at the meeting yet (children are not asked to a meeting by this menu)."""
        present = {a.person for a in self.document.meeting.attendees if a.person is not None}
        named = {same_person(a.name) for a in self.document.meeting.attendees}
        return [
            person
            for person in self.document.network.people
            if person.id not in present
            and same_person(person.name) not in named
            and person.role is not PersonRole.CHILD
        ]

    def _fill_family_menu(self) -> None:
        self.family_menu.clear()
        people = self.family_to_add()
        if not people:
            self.family_menu.addAction("Everyone in the network is here already").setEnabled(False)
        for person in people:
            shown = f"{person.name} ({person.display_name})" if person.display_name else person.name
            action = self.family_menu.addAction(shown)
            action.triggered.connect(lambda _=False, p=person: self.add_family_member(p))

    def add_family_member(self, person: NetworkPerson) -> None:
        """Add ``person`` of the network as a family or network member at the meeting (one undo step)."""
        attendees = self._attendees()
        attendees.append(Attendee(person.name, AttendeeRole.FAMILY, person.id))
        self.document.set_attendees(attendees, f"Add {person.display_name or person.name} to the meeting")

    def _remove_attendee(self) -> None:
        row = self.attendees.currentRow()
        attendees = self._attendees()
        if not 0 <= row < len(attendees):
            return
        removed = attendees.pop(row)
        self.document.set_attendees(attendees, f"Remove attendee {removed.name}")

    def _attendee_name_edited(self, cell: QTableWidgetItem) -> None:
        attendees = self._attendees()
        name = cell.text().strip()
        if cell.column() != 0 or not 0 <= cell.row() < len(attendees):
            return
        if not name:
            self.refresh_attendees()
            return
        attendees[cell.row()].name = name
        self.document.set_attendees(attendees, "Rename attendee")

    def _role_changed(self, row: int, box: QComboBox) -> None:
        attendees = self._attendees()
        if 0 <= row < len(attendees):
            attendees[row].role = AttendeeRole(box.currentData())
            self.document.set_attendees(attendees, "Change role")
