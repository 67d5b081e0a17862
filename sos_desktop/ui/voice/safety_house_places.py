"""The Safety House page's parts: the three places (living in the house, visiting, outside) with the people the
child put there and their words, and the house's rules.

Each entry shows the child's words exactly as written, editable in place, the consent tick and, when not shared,
the plain marker the Child's voice page uses. Widgets never change domain data: every change is one call on the
page's ``HouseEdits`` (an undo step of the document); they only show what the document holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.safety_house import PLACEMENT_TITLES, HousePerson, HouseRule, Placement
from sos_desktop.ui.voice.house import NOT_SHOWN, NOT_SHOWN_COLOUR, DraftField, WordsField, typed_text

PLACE_ACCENTS = {Placement.INSIDE: "#2e7d32", Placement.VISITING: "#1565c0", Placement.OUTSIDE: "#c62828"}
PLACE_HINTS = {
    Placement.INSIDE: "Who lives in the house with the child",
    Placement.VISITING: "Who comes to the house",
    Placement.OUTSIDE: "Who the child does not feel safe with",
}


@dataclass(frozen=True)
class HouseEdits:
    """What the entries may ask of the document, for the child the page shows (keys name the entries)."""

    placement_words: Callable[[str, str], None]
    placement_consent: Callable[[str, bool], None]
    move: Callable[[str, Placement], None]
    remove_placement: Callable[[str], None]
    rule_words: Callable[[str, str], None]
    rule_consent: Callable[[str, bool], None]
    remove_rule: Callable[[str], None]


def consent_box(what: str) -> QCheckBox:
    box = QCheckBox("Agreed to share")
    box.setAccessibleName(f"The child agreed to share {what}")
    box.setToolTip("Tick when the child agreed that the group may see this on the projector.")
    return box


def not_shown_marker() -> QLabel:
    marker = QLabel(f"⊘ {NOT_SHOWN}")
    marker.setAccessibleName(NOT_SHOWN)
    marker.setStyleSheet(f"color: {NOT_SHOWN_COLOUR}; font-weight: bold;")
    return marker


def _frame_style(widget: QFrame, name: str, shared: bool) -> None:
    line = "2px solid #9e9e9e" if shared else f"2px dashed {NOT_SHOWN_COLOUR}"
    widget.setStyleSheet(f"QFrame#{name} {{ border: {line}; border-radius: 6px; }}")


def _settle(entry_list: QWidget) -> None:
    """Grow a scrolled list to hold what was just added (its scroll area does not, for a widget added while shown)."""
    layout = entry_list.layout()
    if layout is not None:
        layout.activate()
    wanted = entry_list.minimumSizeHint().height()
    if entry_list.height() < wanted:
        entry_list.resize(entry_list.width(), wanted)


class PlacementWidget(QFrame):
    """Somebody the child placed: their name (full, on the console), the child's words, consent, move, take out."""

    def __init__(self, placed: HousePerson, name: str, edits: HouseEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = placed.key
        self.setObjectName("house-person")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # the list scrolls, never squeezes
        self.name = QLabel(name)
        self.name.setStyleSheet("font-weight: bold;")
        self.marker = not_shown_marker()
        self.words = WordsField()
        self.words.setAccessibleName(f"The child's words about {name}")
        self.words.setPlaceholderText("What the child said about them…")
        self.words.textChanged.connect(lambda: edits.placement_words(self.key, typed_text(self.words)))
        self.consent = consent_box(f"what they said about {name}")
        self.consent.toggled.connect(lambda on: edits.placement_consent(self.key, on))
        self.move_button = QToolButton()
        self.move_button.setText("Move to…")
        self.move_button.setAccessibleName(f"Move {name} to another place")
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.move_button)
        for where, title in PLACEMENT_TITLES.items():
            if where is not placed.where:
                action = menu.addAction(title)
                action.triggered.connect(lambda _=False, w=where: edits.move(self.key, w))
        self.move_button.setMenu(menu)
        self.remove_button = QToolButton()
        self.remove_button.setText("Take out")
        self.remove_button.setAccessibleName(f"Take {name} out of the Safety House")
        self.remove_button.setToolTip("Take them out of the house (Undo puts them back)")
        self.remove_button.clicked.connect(lambda: edits.remove_placement(self.key))
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.marker)
        row = QHBoxLayout()
        row.addWidget(self.consent)
        row.addStretch(1)
        row.addWidget(self.move_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.words)
        layout.addLayout(row)
        self.show_placement(placed, name)

    def show_placement(self, placed: HousePerson, name: str) -> None:
        self.name.setText(name)
        self.words.show_text(placed.words)
        with QSignalBlocker(self.consent):
            self.consent.setChecked(placed.consent_to_share)
        self.marker.setVisible(not placed.consent_to_share)
        _frame_style(self, "house-person", placed.consent_to_share)


class PlaceColumn(QFrame):
    """One of the three places: its title, the people placed there, and a chooser to place somebody more."""

    placeRequested = Signal(object, int)  # Qt signal naming; the place, the person id

    def __init__(self, where: Placement, edits: HouseEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where, self.edits = where, edits
        self.entries: dict[str, PlacementWidget] = {}
        self.setObjectName(f"place-{where.value}")
        accent = PLACE_ACCENTS[where]
        self.setStyleSheet(f"QFrame#place-{where.value} {{ border-top: 4px solid {accent}; }}")
        self.title = QLabel(PLACEMENT_TITLES[where])
        self.title.setStyleSheet(f"color: {accent}; font-weight: bold; font-size: 13pt;")
        self.title.setToolTip(PLACE_HINTS[where])
        self.entry_list = QWidget()
        self.list_layout = QVBoxLayout(self.entry_list)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.empty = QLabel("Nobody here yet.")
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.entry_list)
        self.person_chooser = QComboBox()
        self.person_chooser.setAccessibleName(f"Who to place: {PLACEMENT_TITLES[where]}")
        self.person_chooser.setToolTip("People of the case's network (add somebody new on the Network page)")
        self.place_button = QPushButton("Place")
        self.place_button.setAccessibleName(f"Place them: {PLACEMENT_TITLES[where]}")
        self.place_button.clicked.connect(self._place)
        adder = QHBoxLayout()
        adder.addWidget(self.person_chooser, 1)
        adder.addWidget(self.place_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.title)
        hint = QLabel(PLACE_HINTS[where])
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(hint)
        layout.addWidget(scroller, 1)
        layout.addLayout(adder)

    def set_choices(self, people: list[tuple[int, str]]) -> None:
        """Who may be placed (person id, name), keeping the one chosen if still there."""
        before = self.person_chooser.currentData()
        with QSignalBlocker(self.person_chooser):
            self.person_chooser.clear()
            for person_id, name in people:
                self.person_chooser.addItem(name, person_id)
            at = self.person_chooser.findData(before)
            self.person_chooser.setCurrentIndex(at if at >= 0 else 0 if people else -1)
        self.place_button.setEnabled(bool(people))

    def _place(self) -> None:
        person = self.person_chooser.currentData()
        if isinstance(person, int):
            self.placeRequested.emit(self.where, person)

    def show_people(self, placed: list[tuple[HousePerson, str]]) -> None:
        """Show ``placed`` (each with the person's name) in order, keeping each widget still there."""
        wanted = [entry.key for entry, _ in placed]
        for key in [key for key in self.entries if key not in wanted]:
            gone = self.entries.pop(key)
            self.list_layout.removeWidget(gone)
            gone.deleteLater()
        for position, (entry, name) in enumerate(placed):
            widget = self.entries.get(entry.key)
            if widget is None:
                widget = self.entries[entry.key] = PlacementWidget(entry, name, self.edits)
            else:
                widget.show_placement(entry, name)
            if self.list_layout.indexOf(widget) != position + 1:
                self.list_layout.removeWidget(widget)
                self.list_layout.insertWidget(position + 1, widget)
        self.empty.setVisible(not placed)
        _settle(self.entry_list)


class RuleWidget(QFrame):
    def __init__(self, rule: HouseRule, edits: HouseEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = rule.key
        self.setObjectName("house-rule")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.marker = not_shown_marker()
        self.words = WordsField()
        self.words.setAccessibleName("A rule of the house, in the child's words")
        self.words.textChanged.connect(lambda: edits.rule_words(self.key, typed_text(self.words)))
        self.consent = consent_box("this rule")
        self.consent.toggled.connect(lambda on: edits.rule_consent(self.key, on))
        self.remove_button = QToolButton()
        self.remove_button.setText("Delete")
        self.remove_button.setAccessibleName("Delete this rule of the house")
        self.remove_button.clicked.connect(lambda: edits.remove_rule(self.key))
        row = QHBoxLayout()
        row.addWidget(self.consent)
        row.addWidget(self.marker)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.words)
        layout.addLayout(row)
        self.show_rule(rule)

    def show_rule(self, rule: HouseRule) -> None:
        self.words.show_text(rule.words)
        with QSignalBlocker(self.consent):
            self.consent.setChecked(rule.consent_to_share)
        self.marker.setVisible(not rule.consent_to_share)
        _frame_style(self, "house-rule", rule.consent_to_share)


class RulesBox(QFrame):
    """The house's rules in the child's words, a field to add one, and the button taking them into the plan."""

    addRequested = Signal(str, bool)  # the words, consent

    def __init__(self, edits: HouseEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.entries: dict[str, RuleWidget] = {}
        self.title = QLabel("The house rules")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.entry_list = QWidget()
        self.list_layout = QVBoxLayout(self.entry_list)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.empty = QLabel("No rules yet.")
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch(1)
        self.scroller = scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.entry_list)
        self._adding = False
        """Add rule was pressed: the rule it makes is scrolled into view, so the facilitator sees it is there."""
        self._reveal: RuleWidget | None = None
        """The rule just added, kept in view while the list settles around it (until the user scrolls)."""
        bar = scroller.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: self._keep_in_view())
        bar.actionTriggered.connect(lambda _action: setattr(self, "_reveal", None))
        self.draft = DraftField()
        self.draft.setPlaceholderText("A rule of the house, in the child's words…")
        self.draft.setAccessibleName("New rule of the house")
        self.draft.setToolTip("Write the rule exactly as the child said it; Ctrl+Enter adds it.")
        self.draft.submitted.connect(self._add)
        self.draft_consent = consent_box("the new rule")
        self.add_button = QPushButton("Add rule")
        self.add_button.clicked.connect(self._add)
        self.to_plan = QPushButton("Put the house's rules into the safety plan")
        self.to_plan.setToolTip(
            "Each rule not yet in the safety plan goes into it in the child's words (one undo step)"
        )
        adder = QHBoxLayout()
        adder.addWidget(self.draft_consent)
        adder.addStretch(1)
        adder.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.draft)
        layout.addLayout(adder)
        layout.addWidget(self.to_plan)

    def _add(self) -> None:
        words = typed_text(self.draft)
        if not words.strip():
            return
        self._adding = True
        try:
            self.addRequested.emit(words, self.draft_consent.isChecked())
        finally:
            self._adding = False
        self.draft.clear()
        self.draft_consent.setChecked(False)

    def _keep_in_view(self) -> None:
        if self._reveal is not None and self._reveal in self.entries.values():
            self.scroller.ensureWidgetVisible(self._reveal)
        else:
            self._reveal = None

    def show_rules(self, rules: list[HouseRule], untaken: int) -> None:
        wanted = [rule.key for rule in rules]
        for key in [key for key in self.entries if key not in wanted]:
            gone = self.entries.pop(key)
            self.list_layout.removeWidget(gone)
            gone.deleteLater()
        added: RuleWidget | None = None
        for position, rule in enumerate(rules):
            widget = self.entries.get(rule.key)
            if widget is None:
                widget = added = self.entries[rule.key] = RuleWidget(rule, self.edits)
            else:
                widget.show_rule(rule)
            if self.list_layout.indexOf(widget) != position + 1:
                self.list_layout.removeWidget(widget)
                self.list_layout.insertWidget(position + 1, widget)
        self.empty.setVisible(not rules)
        _settle(self.entry_list)
        if added is not None and self._adding:
            self._reveal = added
        self._keep_in_view()
        self.to_plan.setEnabled(untaken > 0)
        self.to_plan.setText(
            "Put the house's rules into the safety plan"
            if untaken or not rules
            else "The house's rules are in the safety plan"
        )
