"""A question with buttons of its own: the safe choice is the default, and Escape or closing the box gives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sos_desktop.ui.common.choice import ask_choice

BUTTONS = [
    ("&Go ahead", QMessageBox.ButtonRole.DestructiveRole, "go"),
    ("&Leave it", QMessageBox.ButtonRole.RejectRole, "leave"),
]


def _ask(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, answer: str) -> str:
    def run(box: QMessageBox) -> int:
        qtbot.addWidget(box)
        box.show()
        assert box.defaultButton().text() == "&Leave it"
        if answer == "escape":
            QTest.keyClick(box, Qt.Key.Key_Escape)
        elif answer == "close":
            box.reject()
        else:
            next(button for button in box.buttons() if button.text() == answer).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)
    return ask_choice(None, QMessageBox.Icon.Question, "Title", ("Question?", "What it means."), BUTTONS, "leave")


@pytest.mark.parametrize(
    ("answer", "chosen"), [("&Go ahead", "go"), ("&Leave it", "leave"), ("escape", "leave"), ("close", "leave")]
)
def test_the_button_clicked_gives_its_choice_and_escape_the_safe_one(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, answer: str, chosen: str
) -> None:
    assert _ask(monkeypatch, qtbot, answer) == chosen
