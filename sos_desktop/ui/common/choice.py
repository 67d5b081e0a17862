"""A question with buttons of its own (not just Yes and No), answered by the choice of the button clicked.

Escape and closing the box give the safe choice, which is also the default button, so that a stray Enter or
Escape never does the irreversible thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

Choice = TypeVar("Choice")


def ask_choice(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    texts: tuple[str, str],
    buttons: Sequence[tuple[str, QMessageBox.ButtonRole, Choice]],
    safe: Choice,
) -> Choice:
    """Ask ``texts`` (the question, then what it means) with ``buttons`` (label, role, choice); ``safe`` on Escape.

    The button whose choice is ``safe`` is the default; give one.
    """
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(texts[0])
    box.setInformativeText(texts[1])
    chosen: dict[QAbstractButton, Choice] = {}
    for label, role, choice in buttons:
        button = box.addButton(label, role)
        chosen[button] = choice
        if choice == safe:
            box.setDefaultButton(button)
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    return chosen.get(clicked, safe)
