"""The Safety plan page: the family's rules in their own words, what each answers, who makes sure of it and what
happens if it is broken; the warning signs; who has signed up; when it is looked at again. The gentle checks are
shown above, in amber, and never block anything.

A thin view: every change goes through the meeting document as an undo step; the page follows its signals.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.safety_plan import MAX_NOTE_LENGTH, MAX_WORDS_LENGTH, SIGN_KIND_LABELS, SignKind, owners
from sos_desktop.models.safety_plan_checks import danger_statements
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.colours import AMBER
from sos_desktop.ui.common.date_field import OptionalDateField
from sos_desktop.ui.common.fields import PlainTextField, limit_length
from sos_desktop.ui.document.meeting import MeetingDocument

KeyRole = Qt.ItemDataRole.UserRole + 1
EMPTY_HINTS = "The plan answers every danger statement, and every rule has somebody who makes sure of it."


def _checked_ids(widget: QListWidget) -> list[object]:
    return [
        widget.item(row).data(KeyRole)
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


class SafetyPlanPanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.hints = QLabel()
        self.hints.setObjectName("plan-hints")
        self.hints.setWordWrap(True)
        self.hints.setTextFormat(Qt.TextFormat.PlainText)

        # The rules
        self.rules = _list("Rules of the safety plan")
        self.new_rule = QLineEdit()
        self.new_rule.setAccessibleName("New rule, in the family's words")
        self.new_rule.setPlaceholderText("A new rule, in the family's own words, then Enter")
        limit_length(self.new_rule, MAX_WORDS_LENGTH)
        add = QPushButton("&Add rule")
        self.remove = QPushButton("Take rule off")
        up, down = QPushButton("Up"), QPushButton("Down")
        buttons = QHBoxLayout()
        for button in (add, self.remove, up, down):
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(QLabel("&Rules, in the family's words"))
        left.itemAt(0).widget().setBuddy(self.rules)  # type: ignore[union-attr]
        left.addWidget(self.rules, 1)
        left.addWidget(self.new_rule)
        left.addLayout(buttons)

        # The rule chosen
        self.words = PlainTextField("The rule's words")
        self.answers = _list("Danger statements the rule answers")
        self.owners = _list("Who makes sure it happens")
        self.if_broken = PlainTextField("What happens if the rule is broken")
        editor = QFormLayout()
        editor.addRow("The &rule", self.words)
        editor.addRow("&Answers", self.answers)
        editor.addRow("&Who makes sure\n(and how to reach them)", self.owners)
        editor.addRow("If it is &broken", self.if_broken)
        self.editor_box = QGroupBox("The rule chosen")
        self.editor_box.setLayout(editor)

        # Warning signs, sign-ups and review
        self.signs = _list("Warning signs: triggers and red flags")
        self.sign_kind = QComboBox()
        self.sign_kind.setAccessibleName("Kind of warning sign")
        for kind in SignKind:
            self.sign_kind.addItem(SIGN_KIND_LABELS[kind], kind)
        self.sign_kind.setCurrentIndex(list(SignKind).index(SignKind.RED_FLAG))
        self.sign_words = QLineEdit()
        self.sign_words.setAccessibleName("The warning sign")
        self.sign_words.setPlaceholderText("What the network watches for")
        limit_length(self.sign_words, MAX_WORDS_LENGTH)
        self.sign_response = QLineEdit()
        self.sign_response.setAccessibleName("What to do when it is seen")
        self.sign_response.setPlaceholderText("What to do when it is seen, then Enter")
        limit_length(self.sign_response, MAX_NOTE_LENGTH)
        remove_sign = QPushButton("Take sign off")
        sign_row = QHBoxLayout()
        for widget in (self.sign_kind, self.sign_words, self.sign_response, remove_sign):
            sign_row.addWidget(widget)
        self.signed = _list("Who has signed up to the plan")
        self.review_on = OptionalDateField("When the plan is looked at again", "Not set")
        self.review_on.today = document.plan_day
        lower = QFormLayout()
        lower.addRow("&Warning signs", self.signs)
        lower.addRow("", _wrapped(sign_row))
        lower.addRow("Si&gned up\n(tick on the day)", self.signed)
        lower.addRow("Looked at again &on", self.review_on)

        right = QVBoxLayout()
        right.addWidget(self.editor_box)
        right.addLayout(lower)
        splitter = QSplitter()
        splitter.addWidget(_wrapped(left))
        splitter.addWidget(_wrapped(right))
        splitter.setStretchFactor(1, 2)
        # A long list of checks scrolls in its own strip (the heading and four lines show), so the page below it is
        # never squeezed past its fields or pushed off a small screen.
        hints_strip = QScrollArea()
        hints_strip.setObjectName("plan-hints-strip")
        hints_strip.setWidget(self.hints)
        hints_strip.setWidgetResizable(True)
        hints_strip.setFrameShape(QFrame.Shape.NoFrame)
        hints_strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hints_strip.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        hints_strip.setMaximumHeight(self.hints.fontMetrics().lineSpacing() * 5 + 8)
        layout = QVBoxLayout(self)
        layout.addWidget(hints_strip)
        layout.addWidget(splitter, 1)

        self.new_rule.returnPressed.connect(self._add_rule)
        add.clicked.connect(self._add_rule)
        self.remove.clicked.connect(self._remove_rule)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        self.rules.currentRowChanged.connect(lambda _row: self._show_rule())
        self.words.textChanged.connect(lambda: self._edit_rule(words=self.words.toPlainText()))
        self.if_broken.textChanged.connect(lambda: self._edit_rule(if_broken=self.if_broken.toPlainText()))
        self.answers.itemChanged.connect(lambda _item: self._edit_rule(answers=_checked_ids(self.answers)))
        self.owners.itemChanged.connect(lambda _item: self._edit_rule(owners=_checked_ids(self.owners)))
        self.sign_response.returnPressed.connect(self._add_sign)
        self.sign_words.returnPressed.connect(self._add_sign)
        remove_sign.clicked.connect(self._remove_sign)
        self.signed.itemChanged.connect(self._signed_changed)
        self.review_on.dateEdited.connect(document.set_plan_review)
        for signal in (document.safetyPlanChanged, document.networkChanged, document.itemsChanged):
            signal.connect(self.refresh)
        document.itemTextChanged.connect(lambda _item_id: self.refresh())
        self.refresh()

    # Following the document

    def _key(self) -> str | None:
        item = self.rules.currentItem()
        return None if item is None else str(item.data(KeyRole))

    def refresh(self) -> None:
        plan = self.document.safety_plan
        hints = self.document.plan_hints()
        if hints:
            numbered = {rule.key: n for n, rule in enumerate(plan.rules, start=1)}
            lines = [f"• Rule {numbered[h.about]}: {h}" if h.about in numbered else f"• {h}" for h in hints]
            self.hints.setText("Still to think about:\n" + "\n".join(lines))
            self.hints.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
        else:
            self.hints.setText(EMPTY_HINTS)
            self.hints.setStyleSheet("")
        chosen = self._key()
        with QSignalBlocker(self.rules):
            self.rules.clear()
            for number, rule in enumerate(plan.rules, start=1):
                names = ", ".join(person.name for person in owners(rule, self.document.network)) or "nobody yet"
                item = QListWidgetItem(f"{number}. {rule.words}\n     Who makes sure: {names}")
                item.setData(KeyRole, rule.key)
                self.rules.addItem(item)
                if rule.key == chosen:
                    self.rules.setCurrentItem(item)
            if self.rules.currentRow() < 0 and self.rules.count():
                self.rules.setCurrentRow(0)
        with QSignalBlocker(self.signs):
            self.signs.clear()
            for sign in plan.signs:
                text = f"{SIGN_KIND_LABELS[sign.kind]}: {sign.words}"
                item = QListWidgetItem(text + (f"\n     What to do: {sign.response}" if sign.response else ""))
                item.setData(KeyRole, sign.key)
                self.signs.addItem(item)
        with QSignalBlocker(self.signed):
            self.signed.clear()
            for person in self.document.network.people:
                entry = plan.signed_up(person.id or 0)
                item = QListWidgetItem(person.name + (f", {entry.signed_on:%d/%m/%Y}" if entry else ""))
                item.setData(KeyRole, person.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if entry else Qt.CheckState.Unchecked)
                self.signed.addItem(item)
        self.review_on.set_value(plan.review_on)
        self._show_rule()

    def _show_rule(self) -> None:
        key = self._key()
        rule = None if key is None else self.document.safety_plan.rule(key)
        self.editor_box.setEnabled(rule is not None)
        self.remove.setEnabled(rule is not None)
        self.words.show_text("" if rule is None else rule.words)
        self.if_broken.show_text("" if rule is None else rule.if_broken)
        with QSignalBlocker(self.answers):
            self.answers.clear()
            for number, card in enumerate(danger_statements(self.document.meeting.items), start=1):
                item = QListWidgetItem(f"{number}. {card.text}")
                item.setData(KeyRole, card.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = rule is not None and card.key in rule.answers
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.answers.addItem(item)
        with QSignalBlocker(self.owners):
            self.owners.clear()
            for person in self.document.network.people:
                reach = f" ({person.contact.splitlines()[0]})" if person.contact.strip() else ""
                told = "" if person.knows_worries else " (does not know the worries yet)"
                item = QListWidgetItem(f"{person.name}{reach}{told}")
                item.setData(KeyRole, person.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = rule is not None and person.id in rule.owners
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.owners.addItem(item)

    # The user's gestures

    def _refused(self, error: ValueError) -> None:
        dialogs.tell(self, "Safety plan", str(error))

    def _add_rule(self) -> None:
        words = self.new_rule.text()
        if not words.strip():
            return
        try:
            key = self.document.add_rule(words)
        except ValueError as error:
            self._refused(error)
            return
        self.new_rule.clear()
        for row in range(self.rules.count()):
            if self.rules.item(row).data(KeyRole) == key:
                self.rules.setCurrentRow(row)

    def _remove_rule(self) -> None:
        key = self._key()
        if key is not None:
            self.document.remove_rule(key)

    def _move(self, offset: int) -> None:
        key = self._key()
        if key is not None:
            self.document.move_rule(key, offset)

    def _edit_rule(self, **values: object) -> None:
        key = self._key()
        if key is None:
            return
        if "words" in values and not str(values["words"]).strip():
            return  # a rule emptied while retyping keeps its last words until new ones come
        try:
            self.document.change_rule(key, **values)
        except ValueError as error:
            self._refused(error)

    def _add_sign(self) -> None:
        words = self.sign_words.text()
        if not words.strip():
            self.sign_words.setFocus()
            return
        try:
            self.document.add_sign(words, self.sign_kind.currentData(), self.sign_response.text())
        except ValueError as error:
            self._refused(error)
            return
        self.sign_words.clear()
        self.sign_response.clear()
        self.sign_words.setFocus()

    def _remove_sign(self) -> None:
        item = self.signs.currentItem()
        if item is not None:
            self.document.remove_sign(str(item.data(KeyRole)))

    def _signed_changed(self, item: QListWidgetItem) -> None:
        person_id = int(item.data(KeyRole))
        ticked = item.checkState() == Qt.CheckState.Checked
        self.document.sign_up(person_id, self.document.plan_day() if ticked else None)


def _list(name: str) -> QListWidget:
    """A list whose entries wrap down the page rather than run past its edge."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    return widget


def _wrapped(layout: QHBoxLayout | QVBoxLayout | QFormLayout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    return widget
