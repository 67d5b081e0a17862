"""One rater's row on the Scaling page: a 0 to 10 slider in half points, the number as written everywhere, and the
two follow-up answers in the rater's words.

The slider starts at "not rated", one notch below 0. The arrow keys move half a point; Page Up and Page Down (and a
click on the groove) move a whole point, and the first Page Up from "not rated" gives 1, so four presses give 4.
Every notch is a half point: the number is always on the half-point grid.

The row keeps its size whatever is in it (the number's column is as wide as "not rated", the answers are three
lines tall and wrap), so the rows stand still when the first number lands.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QAbstractSlider, QGridLayout, QLabel, QSizePolicy, QSlider, QWidget

from sos_desktop.models import Scale
from sos_desktop.models.scaling import number_text, paged_rating
from sos_desktop.ui.common.fields import PlainTextField
from sos_desktop.ui.document.meeting import MeetingDocument

NOT_RATED = -1
"""The slider's lowest notch: this person has not given a number yet."""
NOT_RATED_TEXT = "not rated"
HIGHEST = 20
"""The slider's highest notch: 10, counted in half points."""
WHOLE_POINT = 2
"""Notches in a whole point."""
ANSWER_LINES = 3
"""How many lines of an answer show at once: enough for a sentence or two at the console's narrowest."""


def rating_label(value: float | None) -> str:
    """A rater's number as the row shows it: "not rated", or the number written as everywhere else."""
    return NOT_RATED_TEXT if value is None else number_text(value)


def paged_notch(notch: int, up: bool) -> int:
    """Where a whole-point step (Page Up or Down) from ``notch`` lands: the rule of ``paged_rating``, in notches."""
    landed = paged_rating(None if notch == NOT_RATED else notch / WHOLE_POINT, up)
    return NOT_RATED if landed is None else round(landed * WHOLE_POINT)


class RatingSlider(QSlider):
    """A horizontal slider from "not rated" to 10 in half points; whole-point steps land on whole numbers."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(NOT_RATED, HIGHEST)
        self.setSingleStep(1)
        self.setPageStep(WHOLE_POINT)
        self.setTickInterval(WHOLE_POINT)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setMinimumWidth(150)
        self.setAccessibleName(f"Rating by {name}, 0 to 10 in half points")
        self.setToolTip(
            f"{name}'s number, 0 to 10: drag, or use the arrow keys (half points) or Page Up and Down (whole points)"
        )
        self.actionTriggered.connect(self._stepped)

    def _stepped(self, action: int) -> None:
        # Emitted after Qt has moved the position and before it sets the value: the value is still where it was.
        if action == QAbstractSlider.SliderAction.SliderPageStepAdd.value:
            self.setSliderPosition(paged_notch(self.value(), up=True))
        elif action == QAbstractSlider.SliderAction.SliderPageStepSub.value:
            self.setSliderPosition(paged_notch(self.value(), up=False))


class RaterRow:
    """One rater's slider, number and follow-up answers, in row ``row`` of the scale editor's grid."""

    def __init__(
        self,
        document: MeetingDocument,
        current_scale: Callable[[], Scale | None],
        name: str,
        grid: QGridLayout,
        row: int,
    ) -> None:
        self.document = document
        self.current_scale = current_scale
        self.name = name
        self.label = QLabel(name)
        self.label.setWordWrap(True)
        self.slider = RatingSlider(name)
        self.value = QLabel()
        self.value.setFixedWidth(self.value.fontMetrics().horizontalAdvance(NOT_RATED_TEXT) + 12)
        self.reason = self._answer(
            "What makes it this number and not 0?", f"What makes it this number and not 0, for {name}"
        )
        self.reason.setToolTip(f"In {name}'s words: what makes it this number and not 0")
        self.higher = self._answer(
            "What would make it one point higher?", f"What would make it one point higher, for {name}"
        )
        self.higher.setToolTip(f"In {name}'s words: what would need to happen for one point higher")
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.label, row, 0, top)
        grid.addWidget(self.slider, row, 1, top)
        grid.addWidget(self.value, row, 2, top)
        grid.addWidget(self.reason, row, 3)
        grid.addWidget(self.higher, row, 4)
        self.slider.valueChanged.connect(self._slid)
        self.reason.textChanged.connect(self._answered)
        self.higher.textChanged.connect(self._answered)

    @staticmethod
    def _answer(placeholder: str, accessible_name: str) -> PlainTextField:
        field = PlainTextField(accessible_name)
        field.setPlaceholderText(placeholder)
        field.setFixedHeight(field.fontMetrics().lineSpacing() * ANSWER_LINES + 12)
        field.setMinimumWidth(120)
        field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return field

    def widgets(self) -> tuple[QWidget, ...]:
        return self.label, self.slider, self.value, self.reason, self.higher

    def show(self, scale: Scale) -> None:
        rating = next((r for r in scale.ratings if r.rater == self.name), None)
        with QSignalBlocker(self.slider):
            self.slider.setValue(NOT_RATED if rating is None else round(rating.value * 2))
        self.value.setText(rating_label(None if rating is None else rating.value))
        for field, text in (
            (self.reason, rating.reason if rating else ""),
            (self.higher, rating.one_point_higher if rating else ""),
        ):
            if not field.hasFocus():
                field.show_text(text)
            field.setEnabled(rating is not None)

    def _slid(self, notch: int) -> None:
        scale = self.current_scale()
        if scale is None or scale.id is None:
            return
        if notch == NOT_RATED:
            self.document.remove_rating(scale.id, self.name)
        else:
            self.document.set_rating(
                scale.id, self.name, notch / 2, self.reason.toPlainText(), self.higher.toPlainText()
            )

    def _answered(self) -> None:
        scale = self.current_scale()
        if scale is None or scale.id is None or self.slider.value() == NOT_RATED:
            return
        self.document.set_rating(
            scale.id, self.name, self.slider.value() / 2, self.reason.toPlainText(), self.higher.toPlainText()
        )
