"""The Child's voice page: Three Houses per child (or, for a younger child, the Fairy or the Wizard), in the child's
own words.

The facilitator chooses one of the case's children (by full name and age: this is their screen, not the room's) and
writes what the child said in the house of worries, of good things or of dreams, exactly as said. Each entry carries
the child's consent to share it; the projector shows only the shared ones, and this page marks the others plainly.
The tool chooser gives the chosen child's voice through the Three Houses, the Fairy or the Wizard (one undo step);
the three titles follow it. The page follows the document: ``voiceChanged`` for the entries and the tool,
``networkChanged`` for the children.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from sos_desktop.models import House, NetworkPerson, PersonRole
from sos_desktop.models.child_tools import CHILD_TOOL_LABELS, ChildTool, house_titles
from sos_desktop.models.network import initials
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.voice.house import HouseColumn, HouseEdits

HINT = "Write the child's exact words. Only entries the child agreed to share are shown on the projector."
NO_CHILD = (
    "There is no child in this case's network yet.\n"
    "Add the child on the Network page (with the role Child), then write down their words here."
)
NO_CHILD_NAMED = "Words naming no child"


def child_label(person: NetworkPerson) -> str:
    """How the chooser names a child: full name, and age when known."""
    return person.name if person.age is None else f"{person.name}, aged {person.age}"


class VoicePanel(QWidget):
    """The chooser of the case's children above the three houses of the chosen child."""

    childChosen = Signal(object)  # Qt signal naming; the chosen child's person id, or None

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("voice-panel")
        self._choices: list[tuple[str, int | None, str]] = []  # label, person id, name on the projector

        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("How to write the child's voice")
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Child")
        self.chooser.setToolTip("Whose words to show: the children of the case's network")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.currentIndexChanged.connect(self._child_changed)
        chooser_label = QLabel("&Child:")
        chooser_label.setBuddy(self.chooser)
        self.tool_chooser = QComboBox()
        self.tool_chooser.setAccessibleName("Tool")
        self.tool_chooser.setToolTip(
            "The Three Houses, or for a younger child the Fairy or the Wizard: the same three questions"
        )
        for tool, label in CHILD_TOOL_LABELS.items():
            self.tool_chooser.addItem(label, tool.value)
        self.tool_chooser.currentIndexChanged.connect(self._tool_changed)
        tool_label = QLabel("&Tool:")
        tool_label.setBuddy(self.tool_chooser)
        self.projector_name = QLabel()
        self.projector_name.setAccessibleName("The child's name on the projector")
        self.projector_name.setToolTip("The room sees this name, never the child's full name")
        self.chooser_row = QWidget()
        chooser_row = QHBoxLayout(self.chooser_row)
        chooser_row.setContentsMargins(0, 0, 0, 0)
        chooser_row.addWidget(chooser_label)
        chooser_row.addWidget(self.chooser)
        chooser_row.addSpacing(12)
        chooser_row.addWidget(tool_label)
        chooser_row.addWidget(self.tool_chooser)
        chooser_row.addSpacing(12)
        chooser_row.addWidget(self.projector_name)
        chooser_row.addStretch(1)

        self.empty_state = QLabel(NO_CHILD)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.empty_state.setAccessibleName("No child yet")
        edits = HouseEdits(
            words=document.set_voice_words,
            consent=document.set_voice_consent,
            move=document.set_voice_house,
            delete=document.delete_voice_entry,
            titles=lambda: house_titles(document.child_tool(self.current_child())),
        )
        self.houses = {house: HouseColumn(house, edits) for house in House}
        houses = QWidget()
        row = QHBoxLayout(houses)
        row.setContentsMargins(0, 0, 0, 0)
        for column in self.houses.values():
            column.addRequested.connect(self._add)
            row.addWidget(column, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(houses)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.chooser_row)
        layout.addWidget(self.stack, 1)

        document.voiceChanged.connect(self.refresh)
        document.networkChanged.connect(self.refresh_children)
        self.refresh_children()

    # Reading -----------------------------------------------------------------------------------------------------

    def current_child(self) -> int | None:
        """The chosen child's person id (None: none chosen, or the words naming no child)."""
        index = self.chooser.currentIndex()
        return self._choices[index][1] if 0 <= index < len(self._choices) else None

    def choose_child(self, person_id: int | None) -> None:
        for index, (_, choice, _) in enumerate(self._choices):
            if choice == person_id:
                self.chooser.setCurrentIndex(index)
                return
        raise KeyError(person_id)

    # Following the document --------------------------------------------------------------------------------------

    def _choices_now(self) -> list[tuple[str, int | None, str]]:
        """The children of the network, then anybody else whose words were written, then words naming nobody."""
        document = self.document
        found = [(child_label(p), p.id, p.display_name.strip() or initials(p.name)) for p in document.case_children()]
        named = {entry.child for entry in document.meeting.child_voice}
        for person in document.network.people:
            if person.id in named and person.role is not PersonRole.CHILD:
                found.append((f"{child_label(person)} (not a child in the network)", person.id, ""))
        if None in named:
            found.append((NO_CHILD_NAMED, None, ""))
        return found

    def refresh_children(self) -> None:
        """Fill the chooser afresh (children added, renamed, removed), keeping the chosen child if still there."""
        before = self.current_child() if self._choices else -1
        self._choices = self._choices_now()
        with QSignalBlocker(self.chooser):
            self.chooser.clear()
            for label, _, _ in self._choices:
                self.chooser.addItem(label)
            ids = [choice for _, choice, _ in self._choices]
            self.chooser.setCurrentIndex(ids.index(before) if before in ids else 0 if ids else -1)
        self.stack.setCurrentIndex(1 if self._choices else 0)
        self.chooser_row.setVisible(bool(self._choices))
        self.refresh()
        if self._choices and self.current_child() != before:
            self.childChosen.emit(self.current_child())

    def refresh(self) -> None:
        """Show the chosen child's entries in their houses (and a child newly named by an entry in the chooser)."""
        if [choice for _, choice, _ in self._choices_now()] != [choice for _, choice, _ in self._choices]:
            self.refresh_children()
            return
        index = self.chooser.currentIndex()
        shown = self._choices[index][2] if 0 <= index < len(self._choices) else ""
        self.projector_name.setText(f"On the projector: {shown}" if shown else "")
        child = self.current_child()
        tool = self.document.child_tool(child)
        with QSignalBlocker(self.tool_chooser):
            self.tool_chooser.setCurrentIndex(self.tool_chooser.findData(tool.value))
        self.tool_chooser.setEnabled(child is not None)
        titles = house_titles(tool)
        for house, column in self.houses.items():
            column.retitle(titles[house])
            column.show_entries(self.document.voice_entries(child, house) if self._choices else [])

    def _tool_changed(self, _index: int) -> None:
        child = self.current_child()
        if child is not None:
            self.document.set_child_tool(child, ChildTool(self.tool_chooser.currentData()))

    def _child_changed(self, _index: int) -> None:
        self.refresh()
        self.childChosen.emit(self.current_child())

    # Edits -------------------------------------------------------------------------------------------------------

    def _add(self, house: House, words: str, consent: bool) -> None:
        if self._choices:
            self.document.add_voice_entry(self.current_child(), house, words, consent)
