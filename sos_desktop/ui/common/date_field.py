"""An optional date, typed the British way or picked from a calendar: the field every page uses when it asks for a
date that may be left out (a next step's "By when").

Typing: the day comes first, as in the UK: "5/3/2027", "05/03/2027", "5.3.27", "5 Mar 2027", "5th March 2027",
and ISO "2027-03-05" all give 5 March 2027. The date is taken when Enter is pressed or the field is left; then it is
written back as "5 Mar 2027". Something that is not a date is marked as such under the field, and the date stays
what it was until a real one is typed (Escape puts the old one back in the field).

Clearing: the field cleared is no date, at once: Tab into the field (which selects it all) and press Delete or
Backspace. The calendar (the button beside the field, or Alt+Down / F4) opens at the date set, or at today when
there is none; a click or Enter on a day takes it, and "No date" in it clears the date.

A date and a time (``OptionalDateTimeField``, the meeting's "Date"): the same date field with a time beside it,
typed "10:00", "10.30", "930", "2pm" or "2:30 pm". A new date keeps the time the value had (and its time zone); a
time left empty is midnight, which is how a date without a time is held (the minutes print no time at midnight).
A time typed before there is a date waits in its field and joins the date when one is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.ui.common.actions import Key, make_shortcuts

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")
_IN_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?[\s\-]+(\d{4}|\d{2})")

_TIME = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?(am|pm)?")
_TIME_RUN = re.compile(r"(\d{1,2})(\d{2})(am|pm)?")  # "930", "1030": hours and minutes with nothing between
TYPING_TIP = "Type a date, day first (5/3/2027, 5 Mar 2027 or 2027-03-05), or open the calendar (Alt+Down or F4)"
CLEARING_TIP = "To clear it, select it all (Tab into the field does) and press Delete or Backspace"


def _month(word: str) -> int:
    """The month a name or its abbreviation of three letters or more stands for ("Mar", "march", "Sept"); 0 if none."""
    matching = [number for number, name in enumerate(_MONTH_NAMES, start=1) if len(word) >= 3 and name.startswith(word)]
    return matching[0] if matching else 0


def parse_typed_date(text: str) -> date:
    """The date ``text`` gives, read day first as in the UK (or as ISO); ValueError if it is not a real date."""
    typed = " ".join(text.strip().lower().split())
    if found := _ISO.fullmatch(typed):
        year, month, day = found[1], int(found[2]), int(found[3])
    elif found := _DAY_FIRST.fullmatch(typed):
        day, month, year = int(found[1]), int(found[2]), found[3]
    elif found := _IN_WORDS.fullmatch(typed):
        day, month, year = int(found[1]), _month(found[2]), found[3]
    else:
        raise ValueError(f"“{text.strip()}” is not a date")
    try:
        return date(int(year) + (2000 if len(year) == 2 else 0), month, day)  # "5/3/27": this century
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a real date") from None


def parse_typed_time(text: str) -> time:
    """The time ``text`` gives, 24-hour or with am/pm ("10:00", "9.30", "930", "2pm"); ValueError if none."""
    typed = "".join(text.lower().split()).replace(".m.", "m").replace("a.m", "am").replace("p.m", "pm")
    found = _TIME.fullmatch(typed) or _TIME_RUN.fullmatch(typed)
    if found is None:
        raise ValueError(f"“{text.strip()}” is not a time")
    hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValueError(f"“{text.strip()}” is not a real time")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"“{text.strip()}” is not a real time")
    return time(hour, minute)


def time_text(value: datetime | None) -> str:
    """The time of ``value`` as the field writes it, "09:30"; "" for none or midnight (a date with no time)."""
    return "" if value is None or (value.hour, value.minute) == (0, 0) else f"{value:%H:%M}"


def date_text(value: date | None) -> str:
    """A date as the field writes it: "5 Mar 2027" (English month names, whatever the system's language)."""
    return "" if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


class CalendarPopup(QFrame):
    """The calendar under the field, with "Today" and "No date"; it closes once a choice is made."""

    chosen = Signal(object)  # a date, or None for "No date"

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setAccessibleName("Calendar")
        self.today = QPushButton("&Today")
        self.clear = QPushButton("&No date")
        self.clear.setToolTip("Leave the date out")
        buttons = QHBoxLayout()
        buttons.addWidget(self.today)
        buttons.addStretch(1)
        buttons.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)
        self.calendar.clicked.connect(self._day_taken)
        self.calendar.activated.connect(self._day_taken)
        self.clear.clicked.connect(lambda: self._choose(None))
        self._today: date = date.today()
        self.today.clicked.connect(lambda: self._choose(self._today))

    def open_at(self, shown: date, below: QWidget, today: date) -> None:
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self._today = today
        self.adjustSize()
        self.move(below.mapToGlobal(QPoint(0, below.height())))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _day_taken(self, day: QDate) -> None:
        self._choose(date(day.year(), day.month(), day.day()))

    def _choose(self, value: date | None) -> None:
        self.close()
        self.chosen.emit(value)


class _EscapeRestores(QObject):
    """Escape in the field puts back the date it holds (the field's own key, as Escape is in any editor)."""

    def __init__(self, field: OptionalDateField) -> None:
        super().__init__(field)
        self.field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if pressed and event.key() == Qt.Key.Key_Escape and self.field.is_invalid():  # type: ignore[attr-defined]
            self.field.set_value(self.field.value())
            return True
        return False


class OptionalDateField(QWidget):
    """A date that may be left out: typed (day first) or picked from a calendar, cleared by emptying the field.

    ``dateEdited`` reports the user's own changes only (a date, or None), never those made with ``set_value``.
    """

    dateEdited = Signal(object)

    def __init__(self, accessible_name: str, empty_text: str = "No date", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: Callable[[], date] = date.today
        """Where the calendar opens when there is no date (a test sets the day)."""
        self._value: date | None = None
        self._invalid = False
        self.empty_text = empty_text
        self.line = QLineEdit()
        self.line.setAccessibleName(accessible_name)
        self.line.setPlaceholderText(f"{empty_text} (type 5/3/2027 or pick)")
        self.line.setToolTip(f"{TYPING_TIP}. {CLEARING_TIP}.")
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setAccessibleName(f"Calendar for {accessible_name.lower()}")
        self.button.setToolTip("Open the calendar (Alt+Down or F4)")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("date-problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.line)
        self.popup: CalendarPopup | None = None
        self.line.editingFinished.connect(self._typing_finished)
        self.line.textEdited.connect(self._text_edited)
        self.line.installEventFilter(_EscapeRestores(self))
        self.button.clicked.connect(self.open_calendar)
        make_shortcuts(Key.OPEN_CALENDAR, self.line, self.open_calendar)

    # Reading and setting -----------------------------------------------------------------------------------------

    def value(self) -> date | None:
        return self._value

    def is_invalid(self) -> bool:
        """Whether the field shows typing that is not a date (the date it holds is still ``value()``)."""
        return self._invalid

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: no date); not reported as an edit."""
        self._value = value
        self._show_valid()

    # The user's edits --------------------------------------------------------------------------------------------

    def _text_edited(self, text: str) -> None:
        if not text.strip():
            self._take(None)  # emptied: no date, at once (one key on a selected field)

    def _typing_finished(self) -> None:
        text = self.line.text()
        if not text.strip():
            self._take(None)
            return
        if not self._invalid and text == date_text(self._value):
            return  # only passing through
        try:
            typed = parse_typed_date(text)
        except ValueError as refused:
            self._show_invalid(str(refused))
            return
        self._take(typed)

    def _take(self, value: date | None) -> None:
        changed = value != self._value
        self._value = value
        self._show_valid()
        if changed:
            self.dateEdited.emit(value)

    def _show_valid(self) -> None:
        text = date_text(self._value)
        if self.line.text() != text:
            self.line.setText(text)
        self._invalid = False
        self.problem.hide()
        self.line.setStyleSheet("")
        self.line.setAccessibleDescription("")

    def _show_invalid(self, reason: str) -> None:
        self._invalid = True
        kept = date_text(self._value) or self.empty_text.lower()
        message = f"{reason}: it stays {kept}. Type it day first, such as 5/3/2027."
        self.problem.setText(message)
        self.problem.show()
        self.line.setStyleSheet("QLineEdit { border: 2px solid #b00020; }")
        self.line.setAccessibleDescription(message)

    # The calendar ------------------------------------------------------------------------------------------------

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.chosen.connect(self._picked)
        self.popup.open_at(self._value or self.today(), self.line, self.today())

    def _picked(self, value: date | None) -> None:
        self._take(value)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)


class OptionalDateTimeField(QWidget):
    """A date that may be left out (``OptionalDateField``) with the time beside it; see the module's docstring.

    ``dateTimeEdited`` reports the user's own changes only (a datetime, or None), never those made with ``set_value``.
    """

    dateTimeEdited = Signal(object)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: datetime | None = None
        self._waiting: time | None = None  # a time typed while there was no date
        self.date = OptionalDateField(f"Date of {accessible_name}", "No date set")
        self.time = QLineEdit()
        self.time.setAccessibleName(f"Time of {accessible_name}")
        self.time.setPlaceholderText("No time (type 10:00)")
        self.time.setToolTip("Type the time, such as 10:00, 9.30 or 2pm; leave it empty for no time")
        self.time.setMaximumWidth(self.time.fontMetrics().horizontalAdvance("No time (type 10:00)") + 16)
        self.time_problem = QLabel()
        self.time_problem.setWordWrap(True)
        self.time_problem.setObjectName("time-problem")
        self.time_problem.setStyleSheet("color: #b00020;")
        self.time_problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date, 2)
        row.addWidget(QLabel("at"))
        row.addWidget(self.time, 1)
        row.setAlignment(self.time, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.time_problem)
        self.setFocusProxy(self.date)
        self.date.dateEdited.connect(self._date_edited)
        self.time.editingFinished.connect(self._time_finished)
        self.time.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in the time puts back the time held, as it does in the date."""
        pressed = watched is self.time and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if pressed and event.key() == Qt.Key.Key_Escape and not self.time_problem.isHidden():  # type: ignore[attr-defined]
            self._show_time()
            return True
        return super().eventFilter(watched, event)

    def value(self) -> datetime | None:
        return self._value

    def set_value(self, value: datetime | None) -> None:
        """Show ``value`` (None: no date); not reported as an edit. The value shown already leaves typing alone."""
        if value == self._value:
            return
        self._value = value
        self._waiting = None
        self.date.set_value(None if value is None else value.date())
        self._show_time()

    def _date_edited(self, day: date | None) -> None:
        if day is None:
            self._take(None)
            return
        old = self._value
        kept = old.timetz() if old is not None else (self._waiting or time())
        self._take(datetime.combine(day, kept))

    def _time_finished(self) -> None:
        text = self.time.text()
        if self.time_problem.isHidden() and text == time_text(self._value):
            return  # only passing through
        try:
            typed = parse_typed_time(text) if text.strip() else time()
        except ValueError as refused:
            self._show_time_problem(str(refused))
            return
        if self._value is None:
            self._waiting = typed  # joins the date when one is given
            self._show_time()
            return
        self._take(self._value.replace(hour=typed.hour, minute=typed.minute, second=0, microsecond=0))

    def _take(self, value: datetime | None) -> None:
        changed = value != self._value
        self._value = value
        self._waiting = None
        self._show_time()
        if changed:
            self.dateTimeEdited.emit(value)

    def _show_time(self) -> None:
        waiting = "" if self._waiting is None else f"{self._waiting:%H:%M}"
        self.time.setText(time_text(self._value) or waiting)
        self.time_problem.hide()
        self.time.setStyleSheet("")
        self.time.setAccessibleDescription("")

    def _show_time_problem(self, reason: str) -> None:
        kept = time_text(self._value) or "no time"
        message = f"{reason}: it stays {kept}. Type it as 10:00, 9.30 or 2pm."
        self.time_problem.setText(message)
        self.time_problem.show()
        self.time.setStyleSheet("QLineEdit { border: 2px solid #b00020; }")
        self.time.setAccessibleDescription(message)
