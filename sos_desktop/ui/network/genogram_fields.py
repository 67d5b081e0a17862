"""The genogram's fields of the network page's details: a person's gender, whether they have died, whether they
are the child the case is about and the household they live in; a parent or partner tie's bond.

Each edit is one document call (an undo command), as in the rest of the form; the fields refresh from the
person or tie shown, except the household being typed in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QFormLayout, QLineEdit, QWidget

from sos_desktop.models import NetworkPerson, PersonRole, Tie, TieBond
from sos_desktop.models.genogram import BONDS, GENDER_LABELS, MAX_HOUSEHOLD_LENGTH, household_names
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument

INDEX_CHILD_TEXT = "The child the case is about"
INDEX_CHILD_TIP = (
    "Drawn with a double outline on the family tree. A case has one: ticking another child unticks this one."
)
NOT_A_CHILD_TIP = "Only a child can be the child the case is about (their role is Child)."


class PersonGenogramFields:
    """The person's genogram rows, added to the person form's layout."""

    def __init__(self, document: MeetingDocument, setter: Callable[[str, object], None]) -> None:
        self.document = document
        self.gender = QComboBox()
        self.gender.setAccessibleName("Gender")
        for gender, label in GENDER_LABELS.items():
            self.gender.addItem(label, gender)
        self.gender.setToolTip("Drawn on the family tree: a square for male, a circle for female, a diamond otherwise")
        self.deceased = QCheckBox("Has died")
        self.deceased.setToolTip("Drawn with a cross through their shape on the family tree")
        self.index_child = QCheckBox(INDEX_CHILD_TEXT)
        self.index_child.setToolTip(INDEX_CHILD_TIP)
        self.household = QLineEdit()
        self.household.setAccessibleName("Household")
        self.household.setPlaceholderText("For example: Mum's flat, Nan's")
        self.household.setToolTip(
            "People with the same household live together: the family tree draws a dotted line round them"
        )
        self.household.setMaxLength(MAX_HOUSEHOLD_LENGTH)
        route_undo_keys(self.household)
        self._names = QStringListModel()
        completer = QCompleter(self._names, self.household)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.household.setCompleter(completer)
        self.gender.activated.connect(lambda _i: setter("gender", self.gender.currentData()))
        self.deceased.toggled.connect(lambda on: setter("deceased", on))
        self.index_child.toggled.connect(lambda on: setter("index_child", on))
        self.household.textEdited.connect(lambda text: setter("household", text))
        # A name picked from the list of the case's households is taken as if typed.
        completer.activated.connect(lambda text: setter("household", text))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow("Gen&der", self.gender)
        form.addRow("", self.deceased)
        form.addRow("", self.index_child)
        form.addRow("&Household", self.household)

    def show_person(self, person: NetworkPerson, typing: QWidget | None) -> None:
        with QSignalBlocker(self.gender), QSignalBlocker(self.deceased), QSignalBlocker(self.index_child):
            self.gender.setCurrentIndex(list(GENDER_LABELS).index(person.gender))
            self.deceased.setChecked(person.deceased)
            self.index_child.setChecked(person.index_child)
        child = person.role is PersonRole.CHILD
        # A child can be chosen; anybody still marked (their role changed since) can be unticked.
        self.index_child.setEnabled(child or person.index_child)
        self.index_child.setToolTip(INDEX_CHILD_TIP if child else NOT_A_CHILD_TIP)
        names = household_names(self.document.network)
        if self._names.stringList() != names:
            self._names.setStringList(names)
        if self.household is not typing and self.household.text() != person.household:
            with QSignalBlocker(self.household):
                self.household.setText(person.household)


class TieBondField:
    """The bond of a parent or partner tie (hidden for the kinds of tie that have none)."""

    def __init__(self, document: MeetingDocument, tie_id: Callable[[], int | None]) -> None:
        self.document = document
        self.combo = QComboBox()
        self.combo.setAccessibleName("Bond")
        self.combo.setToolTip("How the family tree draws the tie: adoptive, foster or step; married, separated, ...")
        self.combo.activated.connect(lambda _i: self._chosen(tie_id()))

    def _chosen(self, tie_id: int | None) -> None:
        if tie_id is None:
            return
        try:
            self.document.set_tie_bond(tie_id, TieBond(self.combo.currentData()))
        except ValueError as refused:
            self.document.noticed.emit(str(refused))

    def show_tie(self, tie: Tie) -> bool:
        """Fill the choices for the tie's kind; whether the kind has bonds (the field is shown only then)."""
        bonds = BONDS.get(tie.kind, {})
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for bond, label in bonds.items():
                self.combo.addItem(label, bond.value)
            self.combo.setCurrentIndex(max(0, self.combo.findData(tie.bond.value)))
        return bool(bonds)
