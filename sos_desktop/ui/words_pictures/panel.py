"""The Words and Pictures page: a child's story (or the family's) as a storyboard of panels in plain words and
simple pictures, shared first with the parents and then with the child.

Above, whose story it is, its title and how far it is shared; the check's hints in amber (a story that tells the
worries needs what is going well too, and the reverse; words in plain language). Then the storyboard strip and the
chosen panel: its words, what it tells, and its picture (an image added from a file, kept inside the database, or a
drawing made in the drawing editor). A thin view: every change goes through the meeting document as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.enums import PersonRole
from sos_desktop.models.jargon import jargon_in
from sos_desktop.models.words_pictures import (
    MAX_CAPTION_LENGTH,
    MAX_TITLE_LENGTH,
    STATE_LABELS,
    TELLS_LABELS,
    Panel,
    PanelTells,
    Story,
    StoryState,
    story_of,
)
from sos_desktop.models.words_pictures_images import MAX_PICTURE_BYTES
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.common.colours import AMBER
from sos_desktop.ui.common.fields import PlainTextField, console_name, limit_length
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.words_pictures.drawing_editor import DrawingEditor
from sos_desktop.ui.words_pictures.render import paint_panel_picture
from sos_desktop.ui.words_pictures.storyboard import Storyboard

FAMILY = -1
"""The story chooser's value for the family's story (a child's is their person id)."""
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg)"
PREVIEW = 260
PLAIN = "color: palette(window-text); font-weight: normal;"
"""The hints' style when there is nothing to flag (a style set back to none keeps Qt's last colour)."""
EMPTY_HINTS = "The story tells the worries and what is going well, and every panel has words."


def ask_image_path(parent: QWidget) -> Path | None:
    """Which image file to add (a file dialog); None when the user gives none."""
    name, _ = QFileDialog.getOpenFileName(parent, "Add an image to the panel", "", IMAGE_FILTER)
    return Path(name) if name else None


def read_image_file(path: Path) -> bytes:
    """The bytes of an image file Qt can read as PNG or JPEG (ValueError, one sentence, otherwise)."""
    try:
        size = path.stat().st_size
        if size > MAX_PICTURE_BYTES:
            raise ValueError(f"{path.name} is {size / 1024 / 1024:.1f} MB; a case keeps images of up to 20 MB.")
        data = path.read_bytes()
    except OSError as error:
        raise ValueError(f"{path.name} cannot be read: {error.strerror or error}.") from error
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    kind = bytes(reader.format().data()).decode("ascii", "replace")
    if kind not in ("png", "jpeg", "jpg") or reader.read().isNull():
        raise ValueError(f"{path.name} is not a PNG or JPEG image that can be read; save it as PNG or JPEG.")
    return data


class WordsPicturesPanel(QWidget):
    """The page of one meeting's Words and Pictures stories."""

    panelChosen = Signal(str, str)  # the story's key and the chosen panel's key ("" for none)

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.editor: DrawingEditor | None = None

        self.whose = QComboBox()
        self.whose.setAccessibleName("Whose story")
        self.start = QPushButton("Start a story")
        self.title = QLineEdit()
        self.title.setAccessibleName("The story's title")
        self.title.setPlaceholderText("The story's title, such as 'Why Sam comes to see Lily'")
        limit_length(self.title, MAX_TITLE_LENGTH)
        self.state = QComboBox()
        self.state.setAccessibleName("How far the story is shared")
        for state in StoryState:
            self.state.addItem(STATE_LABELS[state], state.value)
        self.shared = QLabel()
        self.shared.setObjectName("words-pictures-shared")
        top = QHBoxLayout()
        for text, widget in (("Story &for", self.whose), ("Title", self.title), ("Shared", self.state)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 2 if widget is self.title else 0)
        top.addWidget(self.start)
        self.hints = QLabel()
        self.hints.setObjectName("words-pictures-hints")
        self.hints.setWordWrap(True)
        self.hints.setTextFormat(Qt.TextFormat.PlainText)
        self.hints.setStyleSheet(f"color: {AMBER}; font-weight: bold;")

        self.storyboard = Storyboard()
        self.add_panel = QPushButton("&Add panel")
        self.move_left = QPushButton("Move left")
        self.move_right = QPushButton("Move right")
        self.remove_panel = QPushButton("Take panel &off")
        strip_buttons = QHBoxLayout()
        for button in (self.add_panel, self.move_left, self.move_right, self.remove_panel):
            strip_buttons.addWidget(button)
        strip_buttons.addStretch(1)

        self.words = PlainTextField("The panel's words, in plain words")
        self.tells = QComboBox()
        self.tells.setAccessibleName("What the panel tells")
        for tells in PanelTells:
            self.tells.addItem(TELLS_LABELS[tells], tells.value)
        self.preview = QLabel()
        self.preview.setAccessibleName("The panel's picture")
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_image = QPushButton("Add an &image…")
        self.draw = QPushButton("&Draw…")
        self.remove_picture = QPushButton("Take the picture off")
        self.caption = QLineEdit()
        self.caption.setAccessibleName("What the image shows")
        self.caption.setPlaceholderText("What the image shows, in words")
        limit_length(self.caption, MAX_CAPTION_LENGTH)
        self.message = QLabel()
        self.message.setObjectName("words-pictures-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {AMBER};")
        form = QFormLayout()
        form.addRow("The panel's words", self.words)
        form.addRow("It &tells", self.tells)
        form.addRow("&Caption", self.caption)
        picture_buttons = QVBoxLayout()
        for button in (self.add_image, self.draw, self.remove_picture):
            picture_buttons.addWidget(button)
        picture_buttons.addStretch(1)
        chosen = QHBoxLayout()
        chosen.addLayout(form, 1)
        chosen.addWidget(self.preview)
        chosen.addLayout(picture_buttons)
        self.chosen_box = QWidget()
        self.chosen_box.setLayout(chosen)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.shared)
        layout.addWidget(self.hints)
        layout.addWidget(self.storyboard)
        layout.addLayout(strip_buttons)
        layout.addWidget(self.chosen_box)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.whose.currentIndexChanged.connect(lambda _index: self.refresh())
        self.start.clicked.connect(self._start)
        self.title.textEdited.connect(lambda text: self._with_story(lambda key: document.set_story_title(key, text)))
        self.state.activated.connect(self._state_chosen)
        self.storyboard.currentRowChanged.connect(lambda _row: self._show_panel())
        self.add_panel.clicked.connect(self._add_panel)
        self.move_left.clicked.connect(lambda: self._move(-1))
        self.move_right.clicked.connect(lambda: self._move(1))
        self.remove_panel.clicked.connect(self._remove_panel)
        self.words.textChanged.connect(self._words_typed)
        self.tells.activated.connect(self._tells_chosen)
        self.caption.textEdited.connect(self._caption_typed)
        self.add_image.clicked.connect(self.choose_image)
        self.draw.clicked.connect(self.open_drawing)
        self.remove_picture.clicked.connect(self._remove_picture)
        document.wordsPicturesChanged.connect(self.refresh)
        document.networkChanged.connect(self._fill_whose)
        self._fill_whose()

    # Whose story, and the story shown

    def _fill_whose(self) -> None:
        chosen = self.whose.currentData()
        with QSignalBlocker(self.whose):
            self.whose.clear()
            children = [p for p in self.document.network.people if p.role == PersonRole.CHILD and p.id is not None]
            with_story = {story.child for story in self.document.words_pictures}
            others = [p for p in self.document.network.people if p.id in with_story and p not in children]
            for person in children + others:
                self.whose.addItem(console_name(person), person.id)
            self.whose.addItem("The family", FAMILY)
            found = self.whose.findData(chosen) if chosen is not None else -1
            self.whose.setCurrentIndex(found if found >= 0 else 0)
        self.refresh()

    def current_child(self) -> int | None:
        value = self.whose.currentData()
        return None if value is None or value == FAMILY else int(value)

    def current_story(self) -> Story | None:
        return story_of(self.document.words_pictures, self.current_child())

    def current_panel_key(self) -> str | None:
        return self.storyboard.current_key()

    def _with_story(self, action: Callable[[str], None]) -> None:
        story = self.current_story()
        if story is not None:
            action(story.key)

    def refresh(self) -> None:
        story = self.current_story()
        has = story is not None
        self.start.setVisible(not has)
        for widget in (self.title, self.state, self.storyboard, self.add_panel):
            widget.setEnabled(has)
        with QSignalBlocker(self.title):
            if self.title.text() != (story.title if story else ""):
                self.title.setText(story.title if story else "")
        with QSignalBlocker(self.state):
            self.state.setCurrentIndex(self.state.findData((story.state if story else StoryState.DRAFT).value))
        self.shared.setText(_shared_text(story))
        self.storyboard.show_story(story, self.document.picture_image, self._names().get)
        self._show_hints()
        self._show_panel()

    def _names(self) -> dict[int, str]:
        return {p.id: p.display_name or p.name for p in self.document.network.people if p.id is not None}

    def _show_hints(self) -> None:
        story = self.current_story()
        if story is None:
            self.hints.setText("No story yet: start one to tell the child, in plain words, what the worries are.")
            self.hints.setStyleSheet(PLAIN)
            return
        words = self.document.jargon_words()  # the team's list, as the map's family-present check uses it

        def jargon(text: str) -> list[str]:
            return jargon_in(text, words)

        hints = [hint.text for hint in self.document.words_pictures_hints(story.key, jargon)]
        self.hints.setText("\n".join(hints) if hints else EMPTY_HINTS)
        self.hints.setStyleSheet(f"color: {AMBER}; font-weight: bold;" if hints else PLAIN)

    def _start(self) -> None:
        child = self.current_child()
        # The wall's name for the child: a title is shown to the room and printed in the family's copy.
        person = next((p for p in self.document.network.people if p.id == child), None)
        name = "the family" if person is None else person.display_name or person.name
        self.document.add_story(child, f"A story for {name}")
        self.message.clear()

    def _state_chosen(self) -> None:
        state = StoryState(self.state.currentData())
        self._with_story(lambda key: self.document.set_story_state(key, state))

    # Panels

    def _panel(self) -> Panel | None:
        story, key = self.current_story(), self.current_panel_key()
        if story is None or key is None:
            return None
        return next((panel for panel in story.panels if panel.key == key), None)

    def _show_panel(self) -> None:
        panel = self._panel()
        story = self.current_story()
        self.chosen_box.setEnabled(panel is not None)
        for button in (self.move_left, self.move_right, self.remove_panel):
            button.setEnabled(panel is not None)
        self.words.show_text(panel.words if panel else "")
        with QSignalBlocker(self.tells):
            self.tells.setCurrentIndex(self.tells.findData((panel.tells if panel else PanelTells.OTHER).value))
        with QSignalBlocker(self.caption):
            caption = panel.image.caption if panel is not None and panel.image is not None else ""
            if self.caption.text() != caption:
                self.caption.setText(caption)
        self.caption.setEnabled(panel is not None and panel.image is not None)
        self.remove_picture.setEnabled(panel is not None and panel.has_picture())
        self.preview.setPixmap(self._preview(panel))
        self.panelChosen.emit(story.key if story else "", panel.key if panel else "")

    def _preview(self, panel: Panel | None) -> QPixmap:
        pixmap = QPixmap(PREVIEW, PREVIEW)
        pixmap.fill(QColor("#f4f4f4"))
        painter = QPainter(pixmap)
        area = QRectF(0, 0, PREVIEW, PREVIEW)
        drawn = panel is not None and paint_panel_picture(
            painter,
            area,
            panel,
            image_of=self.document.picture_image,
            name_of=self._names().get,
        )
        if not drawn:
            painter.setPen(QColor("#616161"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No picture yet")
        painter.end()
        return pixmap

    def _add_panel(self) -> None:
        story = self.current_story()
        if story is None:
            return
        at = self.storyboard.currentRow() + 1 if self.storyboard.currentRow() >= 0 else None
        key = self.document.add_panel(story.key, PanelTells(self.tells.currentData() or PanelTells.OTHER), at=at)
        self.storyboard.choose(key)
        self.words.setFocus()

    def _move(self, offset: int) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is not None and key is not None:
            self.document.move_panel(story.key, key, offset)
            self.storyboard.choose(key)

    def _remove_panel(self) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is not None and key is not None:
            self.document.remove_panel(story.key, key)

    def _words_typed(self) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is not None and key is not None:
            self.document.set_panel_words(story.key, key, self.words.toPlainText())

    def _tells_chosen(self) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is not None and key is not None:
            self.document.set_panel_tells(story.key, key, PanelTells(self.tells.currentData()))

    def _caption_typed(self, text: str) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is not None and key is not None:
            self.document.set_image_caption(story.key, key, text)

    # The picture

    def choose_image(self) -> None:
        """Add an image file to the chosen panel (Add an image…)."""
        path = ask_image_path(self)
        if path is not None:
            self.add_image_file(path)

    def add_image_file(self, path: Path) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is None or key is None:
            return
        try:
            data = read_image_file(path)
            self.document.add_panel_image(story.key, key, data, _caption_of(path))
        except (ValueError, StoreError) as error:
            self.message.setText(f"The image was not added: {error}")
            return
        self.message.clear()

    def open_drawing(self) -> DrawingEditor | None:
        """Open the drawing editor on the chosen panel (Draw…)."""
        story, key = self.current_story(), self.current_panel_key()
        if story is None or key is None:
            return None
        if self.editor is not None:
            self.editor.close()
        self.editor = DrawingEditor(self.document, story.key, key, self)
        self.editor.show()
        return self.editor

    def _remove_picture(self) -> None:
        story, key = self.current_story(), self.current_panel_key()
        if story is not None and key is not None:
            self.document.remove_panel_picture(story.key, key)


def _caption_of(path: Path) -> str:
    """A first caption from the file's name ("nan's-garden.png": "nan's garden"), for the worker to say better."""
    return " ".join(path.stem.replace("_", " ").replace("-", " ").split())


def _shared_text(story: Story | None) -> str:
    if story is None:
        return ""
    days = []
    if story.shared_with_parents_on is not None:
        days.append(f"Shared with the parents on {story.shared_with_parents_on.strftime('%-d %b %Y')}")
    if story.shared_with_child_on is not None:
        days.append(f"with the child on {story.shared_with_child_on.strftime('%-d %b %Y')}")
    return "; ".join(days) + ("." if days else "Not shared yet: a draft.")
