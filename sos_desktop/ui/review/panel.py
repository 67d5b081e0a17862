"""The "Since last time" page: the review of last time's next steps, and what changed since the meeting before.

The review comes first, as the meeting does it: one row per earlier next step with its words, who and by when, an
"Overdue" flag in amber for a step past its date and neither done nor dropped, the outcome (done, partly done, not
done, carried forward, dropped) and a note. Each choice and each burst of typing is one undo step of the meeting;
the rows follow the document's signals, so undo shows at once, and a row being typed in is never rebuilt.

Beside it, "What changed since last time": the cards new, changed and dropped per category, the scales' movement
and the network's changes, worked out by ``models.changes`` as the wall and the minutes have them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Category
from sos_desktop.models.changes import CHANGE_LABELS, Changes
from sos_desktop.models.continuity import OUTCOME_LABELS, outcome_label
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.models.review import MAX_NOTE_LENGTH, StepReview
from sos_desktop.models.scaling import number_text as format_rating
from sos_desktop.ui.common.colours import AMBER
from sos_desktop.ui.common.fields import PlainTextField
from sos_desktop.ui.document.meeting import MeetingDocument

FIRST_MEETING = "This is the case's first meeting: there is nothing from last time to review or compare yet."
NOTHING_TO_REVIEW = "Last time agreed no next steps, so there is nothing to review."


def _day(value: object) -> str:
    return f"{value.day} {value:%b %Y}" if value is not None else ""  # type: ignore[attr-defined]


def step_line(review: StepReview) -> str:
    """Who does an earlier next step and by when: 'Sam Patel · by 5 Dec 2026'."""
    parts = [review.owner] if review.owner else []
    if review.due is not None:
        parts.append(f"by {_day(review.due)}")
    return " · ".join(parts)


class ReviewRow(QFrame):
    """One of last time's next steps, with its outcome and note."""

    def __init__(self, document: MeetingDocument, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.index = index
        self.setObjectName("review-row")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.text.font()
        bold.setBold(True)
        self.text.setFont(bold)
        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.overdue = QLabel("Overdue")
        self.overdue.setObjectName("review-overdue")
        self.overdue.setStyleSheet(f"color: white; background: {AMBER}; font-weight: bold; padding: 2px 8px;")
        self.overdue.setToolTip("Past its date and neither done nor dropped")
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("What became of this next step")
        self.outcome.addItem(outcome_label(None), None)
        for outcome, label in OUTCOME_LABELS.items():
            self.outcome.addItem(label, outcome.value)
        self.outcome.setToolTip("Carried forward makes it a next step of this meeting again, with its owner and date")
        self.outcome.activated.connect(self._outcome_chosen)
        self.note = PlainTextField("Note on this next step")
        self.note.setPlaceholderText("What happened (optional)")
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 2 + 14)
        self.note.textChanged.connect(self._note_typed)
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.overdue, 0, Qt.AlignmentFlag.AlignTop)
        grid = QGridLayout(self)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.who, 1, 0, 1, 2)
        grid.addWidget(self.outcome, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.note, 2, 1)
        grid.setColumnStretch(1, 1)
        self.refresh()

    def refresh(self) -> None:
        review = self.document.meeting.reviews[self.index]
        self.text.setText(review.text)
        self.who.setText(step_line(review) or "No owner or date was given")
        self.overdue.setVisible(self.document.review_overdue(self.index))
        with QSignalBlocker(self.outcome):
            self.outcome.setCurrentIndex(
                self.outcome.findData(None if review.outcome is None else review.outcome.value)
            )
        self.note.show_text(review.note)

    def _outcome_chosen(self, position: int) -> None:
        value = self.outcome.itemData(position)
        self.document.set_review_outcome(self.index, None if value is None else ReviewOutcome(value))

    def _note_typed(self) -> None:
        text = self.note.toPlainText()
        if len(text) > MAX_NOTE_LENGTH:
            self.note.show_text(text[:MAX_NOTE_LENGTH])
        self.document.set_review_note(self.index, self.note.toPlainText())


def changes_html(document: MeetingDocument, changes: Changes | None) -> str:
    """What changed since last time, as the page shows it (every text escaped)."""
    if changes is None:
        return f"<p>{html.escape(FIRST_MEETING)}</p>"
    template = document.template
    when = f" ({_day(changes.previous_held_on.date())})" if changes.previous_held_on is not None else ""
    parts = [f"<p>Since <b>{html.escape(changes.previous_title)}</b>{html.escape(when)}:</p>"]
    if changes.is_empty():
        parts.append("<p>Nothing has changed on the map, the scales or the network.</p>")
    for category in Category:
        found = changes.cards.get(category)
        if not found:
            continue
        parts.append(f"<h4>{html.escape(template.label(category))}</h4><ul>")
        for change in found:
            label = CHANGE_LABELS[change.kind]
            line = f"<b>{label}:</b> {html.escape(change.text)}"
            if change.before and change.before != change.text:
                line += f"<br/><i>It said: {html.escape(change.before)}</i>"
            if change.moved_from is not None:
                line += f"<br/><i>Moved from {html.escape(template.label(change.moved_from))}</i>"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    if changes.scales:
        parts.append("<h4>Scales</h4><ul>")
        for movement in changes.scales:
            then = "not rated" if movement.median_then is None else format_rating(movement.median_then)
            now = "not rated yet" if movement.median_now is None else format_rating(movement.median_now)
            line = f"{html.escape(movement.question)}<br/><b>Median {then} → {now}</b>"
            if movement.new:
                line = f"<b>New:</b> {html.escape(movement.question)}<br/><b>Median {now}</b>"
            raters = ", ".join(
                f"{html.escape(r.rater)} {format_rating(r.then)} → {format_rating(r.now)}" for r in movement.raters
            )
            parts.append(f"<li>{line}{f'<br/>{raters}' if raters else ''}</li>")
        parts.append("</ul>")
    network = changes.network
    for title, people in (
        ("Joined the network", network.joined),
        ("Left the network", network.left),
        ("Now know the worries", network.now_know),
    ):
        if people:
            names = ", ".join(html.escape(person.name or person.display_name) for person in people)
            parts.append(f"<h4>{title}</h4><p>{names}</p>")
    return "".join(parts)


class SinceLastTimePanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("since-last-time-panel")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setObjectName("review-summary")
        self.summary.setWordWrap(True)
        self.rows: list[ReviewRow] = []
        rows_holder = QWidget()
        self.rows_layout = QVBoxLayout(rows_holder)
        for index in range(len(document.meeting.reviews)):
            row = ReviewRow(document, index)
            self.rows.append(row)
            self.rows_layout.addWidget(row)
        self.rows_layout.addStretch(1)
        review_scroll = QScrollArea()
        review_scroll.setWidgetResizable(True)
        review_scroll.setWidget(rows_holder)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        title = QLabel("<h3>Review of last time's next steps</h3>")
        left_layout.addWidget(title)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(review_scroll, 1)

        self.changes = QLabel()
        self.changes.setObjectName("changes-since-last-time")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        changes_scroll = QScrollArea()
        changes_scroll.setWidgetResizable(True)
        changes_scroll.setWidget(self.changes)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("<h3>What changed since last time</h3>"))
        right_layout.addWidget(changes_scroll, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        document.reviewsChanged.connect(self.refresh_reviews)
        document.detailsChanged.connect(self.refresh_reviews)
        for signal in (document.itemsChanged, document.scalesChanged, document.networkChanged, document.caseChanged):
            signal.connect(self.refresh_changes)
        document.itemTextChanged.connect(lambda _item_id: self.refresh_changes())
        self.refresh_reviews()
        self.refresh_changes()

    def refresh_reviews(self) -> None:
        reviews = self.document.meeting.reviews
        previous = self.document.previous
        if previous is None:
            self.heading.setText(FIRST_MEETING)
        elif not reviews:
            self.heading.setText(NOTHING_TO_REVIEW)
        else:
            self.heading.setText(f"The next steps of {previous.title}. Mark what became of each.")
        reviewed = sum(1 for review in reviews if review.outcome is not None)
        overdue = len(self.document.overdue_reviews())
        if reviews:
            text = f"{reviewed} of {len(reviews)} reviewed"
            if overdue:
                text += f" · <span style='color:{AMBER}; font-weight:bold'>{overdue} overdue</span>"
            self.summary.setText(text)
        self.summary.setVisible(bool(reviews))
        for row in self.rows:
            row.refresh()

    def refresh_changes(self) -> None:
        self.changes.setText(changes_html(self.document, self.document.changes()))
