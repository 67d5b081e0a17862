"""The learning journal's window: the author's reflections by day (newest first), one written or edited at a time.

Each change is saved as it is typed (after a short pause) and sealed at once through the store, and Save saves at
once; closing the window saves what is left and forgets the key, so the journal is locked again. A reflection can
be linked to a meeting: the open meeting is offered first, then every meeting in the database by date and title.
Nothing of the journal goes on the wall, in the minutes or in a meeting file.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.meeting import Meeting
from sos_desktop.models.reflections import PROMPTS, TITLE_LIMIT, MeetingLink, Reflection
from sos_desktop.store import StoreError
from sos_desktop.store.sealing import JournalKey
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.date_field import OptionalDateField, date_text
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.reflections.change import PassphraseChange

SAVE_PAUSE_MS = 800
"""How long typing pauses before the reflection is saved."""


def meeting_link(meeting: Meeting) -> MeetingLink:
    """The link a reflection keeps to ``meeting``."""
    held = meeting.held_on.date() if meeting.held_on is not None else None
    return MeetingLink(meeting.uid, meeting.title, held)


class JournalWindow(QWidget):
    """One author's open journal; the key is forgotten when the window closes."""

    def __init__(
        self, store: Store, key: JournalKey, open_meeting: Meeting | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("learning-journal")
        self.store = store
        self.key: JournalKey | None = key
        self.open_meeting = open_meeting
        self.current: Reflection | None = None
        self.dirty = False
        self.setWindowTitle(f"Learning journal — {key.author}")
        self._headings = sorted(
            store.meeting_headings(), key=lambda heading: (heading.held_on is not None, heading.held_on), reverse=True
        )
        self._links: dict[int, MeetingLink] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_PAUSE_MS)
        self._timer.timeout.connect(self.save)
        self._build()
        self.entries: list[Reflection] = []
        self.reload()
        if self.entries:
            self.list.setCurrentRow(0)
        else:
            self.new_reflection()

    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setAccessibleName("Reflections, newest first")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._pick)
        self.new_button = QPushButton("&New reflection")
        self.new_button.clicked.connect(lambda: self.new_reflection())
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        side = QVBoxLayout(left)
        side.addWidget(self.new_button)
        side.addWidget(self.list, 1)
        side.addWidget(self.delete_button)
        self.day = OptionalDateField("Day", "Today")
        self.day.dateEdited.connect(self._edited)
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("A few words to find it by (optional)")
        limit_length(self.title, TITLE_LIMIT)
        self.title.textEdited.connect(self._edited)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Link to a meeting")
        self.meeting.activated.connect(self._edited)
        self.prompts = QComboBox()
        self.prompts.setAccessibleName("Questions to reflect on")
        self.prompts.addItem("Add a question to reflect on…")
        self.prompts.addItems(PROMPTS)
        self.prompts.activated.connect(self._add_prompt)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Reflection")
        self.text.setPlaceholderText("What happened, what you noticed, what you will try next time…")
        self.text.textChanged.connect(self._typed)
        form = QFormLayout()
        form.addRow("D&ay:", self.day)
        form.addRow("&Title:", self.title)
        form.addRow("&Link to a meeting:", self.meeting)
        form.addRow("&Reflect on:", self.prompts)
        self.status = QLabel()
        self.status.setObjectName("journal-status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton("&Save")
        self.save_button.clicked.connect(self.save)
        self.passphrase_button = QPushButton("Change &passphrase…")
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.lock_button = QPushButton("Close and &lock")
        self.lock_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.passphrase_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.lock_button)
        right = QWidget()
        main = QVBoxLayout(right)
        private = QLabel("Private to you: sealed with your passphrase; never on the wall, in the minutes or in files.")
        private.setWordWrap(True)
        main.addWidget(private)
        main.addLayout(form)
        main.addWidget(self.text, 1)
        main.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1000, 640)

    # The list

    def reload(self) -> None:
        assert self.key is not None
        self.entries = self.store.reflections(self.key)
        lost = self.store.unreadable_reflections(self.key)
        self._show_list()
        if lost:
            self.status.setText(f"{lost} reflection(s) could not be opened: changed or damaged in the database.")

    def _show_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(entry.heading())
            self.list.addItem(item)
        if self.current is not None and self.current in self.entries:
            self.list.setCurrentRow(self.entries.index(self.current))
        self.list.blockSignals(False)

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.entries) and self.entries[row] is not self.current:
            self.save()
            self._show(self.entries[row])

    def new_reflection(self, meeting: Meeting | None = None) -> None:
        """Start a new reflection for today (linked to ``meeting`` if given); kept once something is written."""
        self.save()
        link = meeting_link(meeting) if meeting is not None else None
        self._show(Reflection(date.today(), meeting=link))
        with QSignalBlocker(self.list):
            self.list.setCurrentRow(-1)  # so that choosing any entry, the newest too, shows it
        self.text.setFocus()

    # The reflection shown

    def _show(self, entry: Reflection) -> None:
        self.current = entry
        self.dirty = False
        self.day.set_value(entry.written_on)
        self.title.setText(entry.title)
        self.text.blockSignals(True)
        self.text.setPlainText(entry.text)
        self.text.blockSignals(False)
        self._fill_meetings(entry.meeting)
        self.delete_button.setEnabled(entry.id is not None)

    def _fill_meetings(self, link: MeetingLink | None) -> None:
        self.meeting.clear()
        self.meeting.addItem("No meeting", None)
        uids: set[str] = set()
        if link is not None:
            self.meeting.addItem(link.label(), link)
            uids.add(link.uid)
        open_id = None
        if self.open_meeting is not None:
            open_id = self.open_meeting.id
            if self.open_meeting.uid not in uids:
                opened = meeting_link(self.open_meeting)
                self.meeting.addItem(f"This meeting: {opened.label()}", opened)
        for heading in self._headings:
            if heading.id != open_id:
                day = date_text(heading.held_on.date()) if heading.held_on is not None else "no date"
                self.meeting.addItem(f"{day} — {heading.title}", heading.id)
        self.meeting.setCurrentIndex(1 if link is not None else 0)

    def _chosen_link(self) -> MeetingLink | None:
        data = self.meeting.currentData()
        if isinstance(data, int):
            if data not in self._links:
                self._links[data] = meeting_link(self.store.get_meeting(data))
            return self._links[data]
        return data if isinstance(data, MeetingLink) else None

    def _add_prompt(self, index: int) -> None:
        if index > 0:
            question = PROMPTS[index - 1]
            text = self.text.toPlainText().rstrip("\n")
            self.text.setPlainText(f"{text}\n\n{question}\n" if text else f"{question}\n")
            cursor = self.text.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.text.setTextCursor(cursor)
            self.text.setFocus()
        self.prompts.setCurrentIndex(0)

    def _typed(self) -> None:
        self._edited()

    def _edited(self, *_args: object) -> None:
        self.dirty = True
        self.status.setText("Not saved yet…")
        self._timer.start()

    def save(self) -> bool:
        """Seal and keep the reflection shown, if it changed; say in the window if the store refused it."""
        self._timer.stop()
        if self.current is None or self.key is None or not self.dirty:
            return True
        entry = Reflection(
            self.day.value() or self.current.written_on,
            self.text.toPlainText(),
            self.title.text().strip(),
            self._chosen_link(),
            id=self.current.id,
        )
        if entry.id is None and not (entry.text.strip() or entry.title):
            return True  # nothing written yet: nothing to keep
        try:
            if entry.id is None:
                entry = self.store.add_reflection(self.key, entry)
            else:
                self.store.update_reflection(self.key, entry)
        except StoreError as error:
            self.status.setText(f"Not saved: {error}")
            return False
        self.dirty = False
        self.current = entry
        self.entries = sorted(
            [kept for kept in self.entries if kept.id != entry.id] + [entry],
            key=lambda kept: (kept.written_on, kept.id or 0),
            reverse=True,
        )
        self._show_list()
        self.delete_button.setEnabled(True)
        self.status.setText("Saved and sealed.")
        return True

    def delete_current(self) -> None:
        if self.current is None or self.current.id is None or self.key is None:
            return
        if not dialogs.confirm(self, "Delete the reflection?", "Delete this reflection for good? It cannot be undone."):
            return
        try:
            self.store.delete_reflection(self.key, self.current.id)
        except StoreError as error:
            self.status.setText(f"Not deleted: {error}")
            return
        self.entries = [kept for kept in self.entries if kept.id != self.current.id]
        self.current = None
        self._show_list()
        if self.entries:
            self.list.setCurrentRow(0)
        else:
            self.new_reflection()
        self.status.setText("Deleted.")

    def change_passphrase(self) -> bool:
        """Ask for the present passphrase and a new one, and re-seal the journal under the new one."""
        if self.key is None or not self.save():
            return False
        dialog = PassphraseChange(self.store, self.key.author, self)
        if dialog.exec() != PassphraseChange.DialogCode.Accepted or dialog.key is None:
            return False
        self.key = dialog.key
        self.status.setText("The passphrase was changed; every reflection is sealed with the new one.")
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save() and not dialogs.confirm(
            self, "Close the journal?", f"{self.status.text()}\n\nClose anyway, losing this change?"
        ):
            event.ignore()
            return
        self.key = None  # locked: the key is forgotten with the window
        super().closeEvent(event)
