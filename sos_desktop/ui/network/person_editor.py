"""Beside the network graph: the selected person's details, or the selected tie, as the practitioners record them.

Every widget edit is one document call (an undo command). The form refreshes from the document's signals, except
the field being typed in, so undo shows at once and typing is never interrupted.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Category, Circle, NetworkPerson, PersonRole, TieKind
from sos_desktop.models.labels import PERSON_ROLE_LABELS
from sos_desktop.models.network import kind_is_guessed
from sos_desktop.ui.common.date_field import OptionalDateField
from sos_desktop.ui.common.fields import PlainTextField
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.network.genogram_fields import PersonGenogramFields, TieBondField
from sos_desktop.ui.network.style import TIE_STYLES

CIRCLE_CHOICES: tuple[tuple[str, Circle | None], ...] = (
    ("Not decided", None),
    ("Inner circle", Circle.INNER),
    ("Outer circle", Circle.OUTER),
)
GUESSED = "(guessed)"
GUESS_NOTE = (
    "Guessed from their roles, and changed with them. Choose the kind (even the same one) to make it yours: "
    "a kind you chose never changes by itself."
)
EMPTY_HINT = (
    "Select a person or a tie to see its details.\n\n"
    "• Double-click empty space to add a person.\n"
    "• Shift+drag from one person to another to connect them.\n"
    "• Drag people to place them; Arrange lays everyone out.\n"
    "• F2 renames the selected person on the graph; Delete removes."
)


def _line(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setPlaceholderText(placeholder)
    route_undo_keys(field)
    return field


class PersonForm(QWidget):
    """The details of one person of the network."""

    deleteRequested = Signal(int)  # the person's id

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.person_id: int | None = None
        self.name = _line("Name", "Full name (shown only on this screen)")
        self.display_name = _line("Shown on the projector as", "Initials or a pseudonym")
        self.display_name.setToolTip("What the room sees on the projector, in place of the full name")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in PersonRole:
            self.role.addItem(PERSON_ROLE_LABELS[role], role)
        self.relationship = _line("Relationship to the child", "For example: Nan, Mum's partner, teacher")
        self.also_known_as = _line("Also known as", "Nicknames, separated by commas: Zosia, Daz")
        self.also_known_as.setToolTip(
            "Other names the family uses for this person, separated by commas. They are hidden on the projector "
            "and in pseudonymised minutes, as the full name is."
        )
        self.age = QSpinBox()
        self.age.setAccessibleName("Age")
        self.age.setRange(-1, 130)
        self.age.setSpecialValueText("Not recorded")
        self.circle = QComboBox()
        self.circle.setAccessibleName("Circle")
        for label, circle in CIRCLE_CHOICES:
            self.circle.addItem(label, circle)
        self.knows = QCheckBox("Knows the worries")
        self.knows.setToolTip("Has been told the danger statements, in words they understand")
        self.since = OptionalDateField("Knows the worries since", empty_text="Not recorded")
        self.agrees = QListWidget()
        self.agrees.setAccessibleName("Agrees with these worries")
        self.agrees.setToolTip("The danger statements of this meeting the person agrees with")
        self.agrees.setMaximumHeight(110)
        self.agrees.setWordWrap(True)  # a worry reads whole, down the list, not sideways past the form's edge
        self.agrees.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The rules a person owns are the safety plan's (its page edits them); shown here so the network page says
        # who makes sure of what.
        self.rules = QLabel()
        self.rules.setObjectName("person-rules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.PlainText)
        self.rules.setAccessibleName("Rules of the safety plan they own")
        self.contact = PlainTextField("How to contact them")
        self.notes = PlainTextField("Notes")
        for field in (self.contact, self.notes):
            field.setFixedHeight(field.fontMetrics().lineSpacing() * 3 + 12)
        self.delete = QPushButton("Remove from the network")
        self.delete.setToolTip("Remove this person and their ties (Ctrl+Z puts them back)")
        self.genogram = PersonGenogramFields(document, self._set)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Name", self.name)
        form.addRow("On the &projector", self.display_name)
        form.addRow("&Role", self.role)
        form.addRow("Re&lationship", self.relationship)
        form.addRow("Also kno&wn as", self.also_known_as)
        form.addRow("&Age", self.age)
        form.addRow("&Circle", self.circle)
        self.genogram.add_rows(form)
        form.addRow("", self.knows)
        form.addRow("Knows &since", self.since)
        form.addRow("A&grees with", self.agrees)
        form.addRow("Rules they own", self.rules)
        form.addRow("C&ontact", self.contact)
        form.addRow("No&tes", self.notes)
        form.addRow("", self.delete)

        for key, line in (
            ("name", self.name),
            ("display_name", self.display_name),
            ("relationship", self.relationship),
        ):
            line.textEdited.connect(lambda text, key=key: self._set(key, text))
        self.also_known_as.textEdited.connect(lambda text: self._set("also_known_as", text.split(",")))
        self.role.activated.connect(lambda _i: self._set("role", self.role.currentData()))
        self.circle.activated.connect(lambda _i: self._set("circle", self.circle.currentData()))
        self.age.valueChanged.connect(lambda value: self._set("age", None if value < 0 else value))
        self.knows.toggled.connect(lambda on: self._set("knows_worries", on))
        self.since.dateEdited.connect(self._since_edited)
        self.agrees.itemChanged.connect(lambda _item: self._set("agrees_with", self._agreements()))
        self.contact.textChanged.connect(lambda: self._set("contact", self.contact.toPlainText()))
        self.notes.textChanged.connect(lambda: self._set("notes", self.notes.toPlainText()))
        self.delete.clicked.connect(lambda: self.person_id is not None and self.deleteRequested.emit(self.person_id))
        document.safetyPlanChanged.connect(self._show_rules)

    def _show_rules(self) -> None:
        """The safety plan's rules the person owns (the plan changes on its own page)."""
        owned = [rule.words for rule in self.document.safety_plan.rules if self.person_id in rule.owners]
        self.rules.setText(
            "\n".join(f"• {words}" for words in owned) if owned else "None yet (add them on the Safety plan page)"
        )

    def _set(self, name: str, value: object) -> None:
        if self.person_id is None:
            return
        try:
            self.document.set_person_field(self.person_id, name, value)
        except ValueError as refused:
            self.document.noticed.emit(str(refused))

    def _since_edited(self, value: date | None) -> None:
        self.since.line.setModified(False)  # taken: what the field shows is the person's date again
        self._set("knows_worries_since", value)

    def _agreements(self) -> list[int]:
        shown = {self.agrees.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.agrees.count())}
        person = self.document.person(self.person_id or 0)
        # Agreements with cards of the case's other meetings are kept as they are.
        kept = [item_id for item_id in person.agrees_with if item_id not in shown]
        ticked = [
            self.agrees.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.agrees.count())
            if self.agrees.item(row).checkState() == Qt.CheckState.Checked
        ]
        return kept + ticked

    def show_person(self, person: NetworkPerson) -> None:
        """Fill the form from ``person``, leaving alone the field the user is typing in."""
        self.person_id = person.id
        typing = self.focusWidget()
        for line, value in (
            (self.name, person.name),
            (self.display_name, person.display_name),
            (self.relationship, person.relationship),
            (self.also_known_as, ", ".join(person.also_known_as)),
        ):
            if line is not typing and line.text() != value:
                with QSignalBlocker(line):
                    line.setText(value)
        self._show_rules()
        for field, text in (
            (self.contact, person.contact),
            (self.notes, person.notes),
        ):
            if field is not typing:
                field.show_text(text)
        with QSignalBlocker(self.role), QSignalBlocker(self.circle), QSignalBlocker(self.age):
            self.role.setCurrentIndex(self.role.findData(person.role))
            self.circle.setCurrentIndex([c for _l, c in CIRCLE_CHOICES].index(person.circle))
            self.age.setValue(-1 if person.age is None else person.age)
        with QSignalBlocker(self.knows):
            self.knows.setChecked(person.knows_worries)
        typing_a_date = self.since.line is typing and (self.since.line.isModified() or self.since.is_invalid())
        if not typing_a_date:  # a date half typed is taken on Enter or on leaving the field, not overwritten
            self.since.set_value(person.knows_worries_since)  # not reported as an edit
        self._fill_agreements(person)
        self.genogram.show_person(person, typing)

    def _fill_agreements(self, person: NetworkPerson) -> None:
        label = self.document.template.label(Category.DANGER)
        with QSignalBlocker(self.agrees):
            self.agrees.clear()
            for item in self.document.items(Category.DANGER):
                number = self.document.pair_number(item.id)
                prefix = f"{number}. " if number is not None else ""
                entry = QListWidgetItem(prefix + " ".join(item.text.split())[:90])
                entry.setData(Qt.ItemDataRole.UserRole, item.id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                agreed = item.id in person.agrees_with
                entry.setCheckState(Qt.CheckState.Checked if agreed else Qt.CheckState.Unchecked)
                self.agrees.addItem(entry)
            if not self.agrees.count():
                entry = QListWidgetItem(f"No {label.lower()} in this meeting yet")
                entry.setFlags(Qt.ItemFlag.NoItemFlags)
                self.agrees.addItem(entry)


class TieForm(QWidget):
    """The kind and direction of one tie."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tie_id: int | None = None
        self.between = QLabel()
        self.between.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of tie")
        for kind in TieKind:
            self.kind.addItem(TIE_STYLES[kind].label, kind)
        self.guess_note = QLabel(GUESS_NOTE)
        self.guess_note.setWordWrap(True)
        self.guess_note.setAccessibleName("The kind is a guess")
        note_font = self.guess_note.font()
        note_font.setItalic(True)
        self.guess_note.setFont(note_font)
        self.bond = TieBondField(document, lambda: self.tie_id)
        self.swap = QPushButton("Swap who is the parent")
        self.swap.setToolTip("The arrow points from the parent to the child")
        self.delete = QPushButton("Remove the tie")
        layout = QVBoxLayout(self)
        layout.addWidget(self.between)
        form = QFormLayout()
        form.addRow("&Kind", self.kind)
        form.addRow("&Bond", self.bond.combo)
        self._form = form
        layout.addLayout(form)
        layout.addWidget(self.guess_note)
        layout.addWidget(self.swap)
        layout.addWidget(self.delete)
        layout.addStretch(1)
        self.kind.activated.connect(lambda _i: self._edit(lambda t: document.set_tie_kind(t, self.kind.currentData())))
        self.swap.clicked.connect(lambda: self._edit(document.reverse_tie))
        self.delete.clicked.connect(lambda: self._edit(document.delete_tie))

    def _edit(self, action: object) -> None:
        if self.tie_id is not None and callable(action):
            action(self.tie_id)

    def show_tie(self, tie_id: int) -> None:
        self.tie_id = tie_id
        tie = self.document.tie(tie_id)
        source, target = self.document.person(tie.source), self.document.person(tie.target)
        if tie.kind is TieKind.PARENT:
            self.between.setText(f"{source.name} is a parent of {target.name}")
        else:
            self.between.setText(f"{TIE_STYLES[tie.kind].label}: {source.name} and {target.name}")
        guessed = kind_is_guessed(tie)
        with QSignalBlocker(self.kind):
            for index in range(self.kind.count()):
                kind = TieKind(self.kind.itemData(index))
                label = TIE_STYLES[kind].label
                self.kind.setItemText(index, f"{label} {GUESSED}" if guessed and kind is tie.kind else label)
            self.kind.setCurrentIndex(self.kind.findData(tie.kind))
        self.guess_note.setVisible(guessed)
        has_bonds = self.bond.show_tie(tie)
        self._form.setRowVisible(self.bond.combo, has_bonds)
        self.swap.setVisible(tie.kind is TieKind.PARENT)


class SelectionEditor(QStackedWidget):
    """A hint when nothing is selected, a person's form, or a tie's."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.hint = QLabel(EMPTY_HINT)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.person_form = PersonForm(document)
        self.tie_form = TieForm(document)
        for page in (self.hint, self.person_form, self.tie_form):
            self.addWidget(page)

    def show_selection(self, people: list[int], ties: list[int]) -> None:
        if len(people) == 1 and not ties:
            self.person_form.show_person(self.document.person(people[0]))
            self.setCurrentWidget(self.person_form)
        elif len(ties) == 1 and not people:
            self.tie_form.show_tie(ties[0])
            self.setCurrentWidget(self.tie_form)
        else:
            self.person_form.person_id = None
            self.tie_form.tie_id = None
            many = len(people) + len(ties)
            self.hint.setText(f"{many} selected: Delete removes them all in one step." if many > 1 else EMPTY_HINT)
            self.setCurrentWidget(self.hint)
