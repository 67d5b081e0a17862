"""The mouse wheel changes only the control that has the keyboard focus: over any other combo box, spin box (dates
and times included) or slider (the scaling sliders too), it scrolls the page the control sits in, as if the control
were not there. Without it, scrolling down a form changed whatever passed under the pointer ("Inner circle" became
"Outer circle").

One filter on the whole application (:func:`guard_the_wheel`, installed by ``make_application``): it passes such
a wheel event on to the control's parents until one takes it (the scroll area), and it gives those controls the
focus policy ``StrongFocus`` as they are polished, so that the wheel does not give them the focus either (Qt's
default for combo and spin boxes is ``WheelFocus``). A click or Tab focuses the control; then the wheel changes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
"""The controls a wheel changes; a scroll bar is not one of them (scrolling is what a wheel over it is for)."""


def _guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def pass_wheel_on(control: QWidget, event: QWheelEvent) -> bool:
    """Offer ``event`` to ``control``'s parents, nearest first, until one takes it; whether one did."""
    position, widget = QPointF(event.position()), control
    while not widget.isWindow():
        parent = widget.parentWidget()
        if parent is None:
            return False
        position += QPointF(widget.pos())
        widget = parent
        if _guarded(widget):
            continue  # a control inside a control: the outer one is not changed either
        passed = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
            event.pointingDevice(),
        )
        if QApplication.sendEvent(widget, passed) and passed.isAccepted():
            return True
    return False


class WheelGuard(QObject):
    """The application's filter: see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if not _guarded(watched) or not isinstance(event, QWheelEvent):
                return False
            control: QWidget = watched  # type: ignore[assignment]
            if control.hasFocus():
                return False
            pass_wheel_on(control, event)
            event.accept()  # taken here: neither the control nor (again) its parents get it
            return True
        if kind == QEvent.Type.Polish and _guarded(watched):
            _no_wheel_focus(watched)  # type: ignore[arg-type]
        return False


def _no_wheel_focus(control: QWidget) -> None:
    # Qt's namespace is read here, not at import: the console's first paint has no such control to wait for it.
    from PySide6.QtCore import Qt

    if control.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def guard_the_wheel(app: QApplication) -> WheelGuard:
    """Install the filter on ``app`` (once: a second call gives back the first filter)."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
