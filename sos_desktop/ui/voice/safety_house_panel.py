"""The Safety House page: one child's house, drawn with them, in their exact words.

The facilitator chooses one of the case's children (full name and age: this is their screen), places people of the
network in the house (living there, visiting) or outside it (the child does not feel safe with them), writes what
the child said about each, the house's rules, and where the child put themselves on the path to the door. Each entry
carries the child's consent to share it; the projector shows only the shared ones. "Put the house's rules into the
safety plan" takes each rule not yet there into the plan in one undo step. The page follows the document:
``safetyHousesChanged`` for the houses, ``safetyPlanChanged`` for what is already in the plan, ``networkChanged``
for the children and the people who can be placed.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import NetworkPerson
from sos_desktop.models.network import initials
from sos_desktop.models.safety_house import PATH_TITLE, Placement, SafetyHouse, plan_rules_from
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.voice.house import WordsField, typed_text
from sos_desktop.ui.voice.panel import child_label
from sos_desktop.ui.voice.path_control import PathControl, path_words
from sos_desktop.ui.voice.safety_house_places import HouseEdits, PlaceColumn, RulesBox, consent_box, not_shown_marker

HINT = (
    "Draw the house with the child: who lives there, who visits, who stays outside, the rules, and where they are on "
    "the path to the door. Write their exact words; only what the child agreed to share is shown on the projector."
)
NO_CHILD = (
    "There is no child in this case's network yet.\n"
    "Add the child on the Network page (with the role Child), then draw their Safety House here."
)


def person_label(person: NetworkPerson) -> str:
    """How the console names somebody to place: full name, and their relationship when known."""
    return f"{person.name} ({person.relationship})" if person.relationship else person.name


class SafetyHousePanel(QWidget):
    """The chooser of the case's children above the chosen child's Safety House."""

    childChosen = Signal(object)  # Qt signal naming; the chosen child's person id, or None

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("safety-house-panel")
        self._children: list[NetworkPerson] = []
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Child")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.currentIndexChanged.connect(self._child_changed)
        chooser_label = QLabel("&Child:")
        chooser_label.setBuddy(self.chooser)
        self.projector_name = QLabel()
        self.projector_name.setToolTip("The room sees this name, never the child's full name")
        chooser_row = QHBoxLayout()
        chooser_row.addWidget(chooser_label)
        chooser_row.addWidget(self.chooser)
        chooser_row.addSpacing(12)
        chooser_row.addWidget(self.projector_name)
        chooser_row.addStretch(1)

        edits = HouseEdits(
            placement_words=lambda key, words: self._on_child(document.change_placement, key, words=words),
            placement_consent=lambda key, on: self._on_child(document.change_placement, key, consent_to_share=on),
            move=lambda key, where: self._on_child(document.change_placement, key, where=where),
            remove_placement=lambda key: self._on_child(document.remove_placement, key),
            rule_words=lambda key, words: self._on_child(document.change_house_rule, key, words=words),
            rule_consent=lambda key, on: self._on_child(document.change_house_rule, key, consent_to_share=on),
            remove_rule=lambda key: self._on_child(document.remove_house_rule, key),
        )
        self.places = {where: PlaceColumn(where, edits) for where in Placement}
        places = QWidget()
        row = QHBoxLayout(places)
        row.setContentsMargins(0, 0, 0, 0)
        for column in self.places.values():
            column.placeRequested.connect(self._place)
            row.addWidget(column, 1)
        self.rules = RulesBox(edits)
        self.rules.addRequested.connect(self._add_rule)
        self.rules.to_plan.clicked.connect(self._rules_to_plan)

        self.path = PathControl()
        self.path.valueChosen.connect(lambda value: self._on_child(document.set_path, value))
        self.path_value = QLabel()
        self.path_value.setStyleSheet("font-weight: bold;")
        self.path_marker = not_shown_marker()
        self.path_words = WordsField()
        self.path_words.setAccessibleName("The child's words about where they are on the path")
        self.path_words.setPlaceholderText("What the child said about where they are on the path…")
        self.path_words.textChanged.connect(
            lambda: self._on_child(document.set_path_words, typed_text(self.path_words))
        )
        self.path_consent = consent_box("where they are on the path")
        self.path_consent.toggled.connect(lambda on: self._on_child(document.set_path_consent, on))
        path_box = QFrame()
        path_box.setObjectName("path-box")
        path_layout = QVBoxLayout(path_box)
        path_title = QLabel(PATH_TITLE)
        path_title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        heading = QHBoxLayout()
        heading.addWidget(path_title)
        heading.addWidget(self.path_value)
        heading.addStretch(1)
        heading.addWidget(self.path_marker)
        path_layout.addLayout(heading)
        path_layout.addWidget(self.path)
        path_layout.addWidget(self.path_words)
        path_layout.addWidget(self.path_consent)

        lower = QWidget()
        lower_row = QHBoxLayout(lower)
        lower_row.setContentsMargins(0, 0, 0, 0)
        lower_row.addWidget(self.rules, 1)
        lower_row.addWidget(path_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(places)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.empty_state = QLabel(NO_CHILD)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        house = QWidget()
        house_layout = QVBoxLayout(house)
        house_layout.setContentsMargins(0, 0, 0, 0)
        house_layout.addLayout(chooser_row)
        house_layout.addWidget(splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(house)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.stack, 1)

        document.safetyHousesChanged.connect(self.refresh)
        document.safetyPlanChanged.connect(self.refresh)
        document.networkChanged.connect(self.refresh_children)
        self.refresh_children()

    # Reading -----------------------------------------------------------------------------------------------------

    def current_child(self) -> int | None:
        index = self.chooser.currentIndex()
        return self._children[index].id if 0 <= index < len(self._children) else None

    def choose_child(self, person_id: int) -> None:
        ids = [child.id for child in self._children]
        if person_id not in ids:
            raise KeyError(person_id)
        self.chooser.setCurrentIndex(ids.index(person_id))

    def house(self) -> SafetyHouse | None:
        child = self.current_child()
        return None if child is None else self.document.safety_house(child)

    # Following the document --------------------------------------------------------------------------------------

    def refresh_children(self) -> None:
        before = self.current_child()
        self._children = self.document.case_children()
        with QSignalBlocker(self.chooser):
            self.chooser.clear()
            for child in self._children:
                self.chooser.addItem(child_label(child))
            ids = [child.id for child in self._children]
            # At first, the first child who has drawn a house (as the wall shows), else the first child.
            drawn = [i for i, child in enumerate(ids) if child is not None and self.document.safety_house(child)]
            first = drawn[0] if drawn else 0
            self.chooser.setCurrentIndex(ids.index(before) if before in ids else first if ids else -1)
        self.stack.setCurrentIndex(1 if self._children else 0)
        self.refresh()
        if self.current_child() != before:
            self.childChosen.emit(self.current_child())

    def refresh(self) -> None:
        child = self.current_child()
        if child is None:
            return
        person = next(p for p in self._children if p.id == child)
        self.projector_name.setText(f"On the projector: {person.display_name.strip() or initials(person.name)}")
        house = self.document.safety_house(child) or SafetyHouse(child)
        names = {p.id: person_label(p) for p in self.document.network.people if p.id is not None}
        placed_ids = {placed.person for placed in house.people}
        choices = [(pid, name) for pid, name in names.items() if pid != child and pid not in placed_ids]
        for where, column in self.places.items():
            column.set_choices(choices)
            column.show_people([(p, names[p.person]) for p in house.placed(where) if p.person in names])
        self.rules.show_rules(house.rules, len(plan_rules_from(house, self.document.meeting.safety_plan)))
        self.path.show_value(house.path)
        self.path_value.setText(path_words(house.path))
        self.path_words.show_text(house.path_words)
        with QSignalBlocker(self.path_consent):
            self.path_consent.setChecked(house.path_consent)
        self.path_marker.setVisible(not house.path_consent and (house.path is not None or bool(house.path_words)))

    def _child_changed(self, _index: int) -> None:
        self.refresh()
        self.childChosen.emit(self.current_child())

    # Edits -------------------------------------------------------------------------------------------------------

    def _on_child(self, edit: object, *args: object, **values: object) -> None:
        child = self.current_child()
        if child is None or not callable(edit):
            return
        try:
            edit(child, *args, **values)
        except ValueError as refused:
            self.document.noticed.emit(str(refused))
            self.refresh()  # the widgets show again what the document holds

    def _place(self, where: Placement, person: int) -> None:
        self._on_child(self.document.place_person, person, where)

    def _add_rule(self, words: str, consent: bool) -> None:
        self._on_child(self.document.add_house_rule, words, consent)

    def _rules_to_plan(self) -> None:
        child = self.current_child()
        if child is None:
            return
        taken = self.document.take_house_rules_into_plan(child)
        if taken:
            rules = "rule" if taken == 1 else "rules"
            self.document.noticed.emit(f"{taken} {rules} of the Safety House put into the safety plan.")
