"""The team's library of best questions (Practice › Best questions…): newest first, searched by words and filtered
by tag; a question's words and tags edited, a question added or deleted; the library exported as a file a colleague
can import, or a colleague's file imported (what the library lacks is added, nothing twice).

The library is team-wide data, not a meeting's: every change is saved at once through the store and has no undo
(deleting asks first). A change that cannot be saved says why and keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.exporters.best_questions.file import read_questions_file, write_questions_file
from sos_desktop.exporters.errors import ExportError, InterchangeError
from sos_desktop.models.best_questions import BestQuestion, QuestionError, matches
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.questions.tags import all_tags, tag_label

TITLE = "Best questions"


class LibraryWindow(QDialog):
    """The library window over ``store``; ``changed`` tells the console its prompts should read the library again."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("best-questions-library")
        self.setWindowTitle(f"{TITLE} — the team's library")
        self.store = store
        self.questions: list[BestQuestion] = []
        layout = QVBoxLayout(self)
        find = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("library-search")
        self.search.setPlaceholderText("Search the questions")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show)
        find.addWidget(self.search, 1)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("library-tag-filter")
        self.tag_filter.setAccessibleName("Only questions with this tag")
        self.tag_filter.addItem("Any tag", None)
        for tag, label in all_tags().items():
            self.tag_filter.addItem(label, tag)
        self.tag_filter.currentIndexChanged.connect(self._show)
        find.addWidget(self.tag_filter)
        layout.addLayout(find)
        self.list = QListWidget()
        self.list.setObjectName("library-list")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._chosen)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("The question's words:"))
        self.words = QPlainTextEdit()
        self.words.setObjectName("library-words")
        self.words.setFixedHeight(70)
        layout.addWidget(self.words)
        tags_line = QHBoxLayout()
        tags_line.addWidget(QLabel("Tags:"))
        self.tags = QListWidget()
        self.tags.setObjectName("library-tags")
        self.tags.setFlow(QListWidget.Flow.LeftToRight)
        self.tags.setWrapping(True)
        self.tags.setFixedHeight(110)
        for tag, label in all_tags().items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tags.addItem(item)
        tags_line.addWidget(self.tags, 1)
        layout.addLayout(tags_line)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("save", "&Save changes", self.save_chosen),
            ("add", "&Add as new", self.add_new),
            ("delete", "&Delete…", self.delete_chosen),
            ("export", "&Export…", self.export_file),
            ("import", "&Import…", self.import_file),
        ):
            button = QPushButton(text)
            button.setObjectName(f"library-{name}")
            button.clicked.connect(lambda _checked=False, run=slot: run())
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel("Changes are saved at once for the whole team (there is no undo).")
        self.status.setObjectName("library-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.resize(760, 620)
        self.reload()

    # Reading -----------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the library again (newest first)."""
        try:
            self.questions = self.store.best_questions()
        except StoreError as error:
            self.say(f"The library could not be read: {error}", error=True)
            self.questions = []
        self._show()

    def shown(self) -> list[BestQuestion]:
        """The questions listed now, as the search and the tag filter leave them."""
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]

    def _show(self) -> None:
        chosen = self.chosen()
        tag = self.tag_filter.currentData()
        self.list.clear()
        for question in self.questions:
            if matches(question, search=self.search.text(), tag=tag):
                tags = ", ".join(tag_label(t) for t in question.tags)
                item = QListWidgetItem(f"{question.text}\n    {tags}" if tags else question.text)
                item.setData(Qt.ItemDataRole.UserRole, question)
                self.list.addItem(item)
                if chosen is not None and question.uid == chosen.uid:
                    self.list.setCurrentItem(item)
        self._update_buttons()

    def chosen(self) -> BestQuestion | None:
        item = self.list.currentItem()
        question = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return question if isinstance(question, BestQuestion) else None

    def _chosen(self) -> None:
        question = self.chosen()
        if question is not None:
            self.words.setPlainText(question.text)
            self.set_tags(question.tags)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.chosen() is not None
        self.buttons["save"].setEnabled(has)
        self.buttons["delete"].setEnabled(has)

    def set_tags(self, tags: tuple[str, ...]) -> None:
        for row in range(self.tags.count()):
            item = self.tags.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in tags
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked_tags(self) -> tuple[str, ...]:
        items = (self.tags.item(row) for row in range(self.tags.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    def say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #B00020;" if error else "")

    # Changing ----------------------------------------------------------------------------------------------------

    def _saved(self, message: str) -> None:
        self.say(message)
        self.reload()
        self.changed.emit()

    def save_chosen(self) -> bool:
        """Save the words and tags typed into the chosen question."""
        question = self.chosen()
        if question is None:
            return False
        try:
            edited = BestQuestion(
                self.words.toPlainText(),
                self.ticked_tags(),
                added_by=question.added_by,
                added_at=question.added_at,
                meeting_uid=question.meeting_uid,
                uid=question.uid,
                id=question.id,
            )
            self.store.update_best_question(edited)
        except (QuestionError, StoreError) as error:
            self.say(f"Not saved: {error}", error=True)
            return False
        self._saved("Saved.")
        return True

    def add_new(self) -> BestQuestion | None:
        """Add the words and tags typed as a new question."""
        try:
            added = self.store.add_best_question(BestQuestion(self.words.toPlainText(), self.ticked_tags()))
        except (QuestionError, StoreError) as error:
            self.say(f"Not added: {error}", error=True)
            return None
        self._saved("Added to the library.")
        return added

    def delete_chosen(self) -> bool:
        question = self.chosen()
        if question is None or question.id is None:
            return False
        short = question.text if len(question.text) <= 80 else question.text[:79] + "…"
        if not dialogs.confirm(self, TITLE, f"Delete “{short}” from the team's library? This cannot be undone."):
            return False
        try:
            self.store.delete_best_question(question.id)
        except StoreError as error:
            self.say(f"Not deleted: {error}", error=True)
            return False
        self.words.clear()
        self._saved("Deleted.")
        return True

    def export_file(self) -> bool:
        path = dialogs.ask_save_path(self, "Export the best questions", "best-questions.json")
        if path is None:
            return False
        try:
            write_questions_file(self.questions, path)
        except ExportError as error:
            dialogs.tell(self, TITLE, str(error))
            return False
        count = len(self.questions)
        self.say(f"{count} question{'s' if count != 1 else ''} exported to {path.name}.")
        return True

    def import_file(self) -> bool:
        path = dialogs.ask_open_path(self, "Import best questions")
        if path is None:
            return False
        try:
            result = self.store.import_best_questions(read_questions_file(path))
        except (InterchangeError, StoreError) as error:
            dialogs.tell(self, TITLE, f"Nothing was imported. {error}")
            return False
        dialogs.inform(self, TITLE, result.sentence())
        self._saved(result.sentence())
        return True
