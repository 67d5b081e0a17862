"""How the development plan is reached: Practice › Development plan… on the demo (Alex Morgan's plan, Jo Reid's
ratings beside theirs), and the Facilitator development dialog's Development plan… for the leader it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from sos_desktop.ui.development.plan_window import DevelopmentPlanWindow
from sos_desktop.ui.development.self_rating import CRITERION, OBSERVER, OWN
from sos_desktop.ui.shell.main_window import MainWindow


def test_the_practice_menu_opens_the_demo_leader_s_plan(qtbot: QtBot, window: MainWindow) -> None:
    [action] = [a for a in window.practice_menu.menu.actions() if a.objectName() == "practice-development"]
    action.trigger()
    [plan] = [w for w in QApplication.topLevelWidgets() if isinstance(w, DevelopmentPlanWindow) and w.isVisible()]
    assert plan.leader.currentText() == "Alex Morgan"
    goals = plan.goal_editor.goals
    assert [goals.item(i).text().split(":")[0] for i in range(goals.count())] == ["Foundation", "Developing"]
    plan.rating_meeting.setCurrentIndex(1)  # the follow-up, which Jo Reid rated
    table = plan.ratings
    rows = {table.item(r, CRITERION).text(): r for r in range(table.rowCount())}
    assert (table.item(rows["Time-keeping"], OBSERVER).text(), table.item(rows["Time-keeping"], OWN).text()) == (
        "6.5",
        "6",
    )
    assert plan.sign_offs.count() == 1
    plan.resize(1440, 900)
    plan.grab().save("/tmp/h3_plan_window.png")
    plan.close()


def test_the_facilitator_development_dialog_offers_the_plan(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.meeting_menu.show_development()
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "development-plan")
    assert button is not None
    button.click()
    [plan] = [w for w in QApplication.topLevelWidgets() if isinstance(w, DevelopmentPlanWindow) and w.isVisible()]
    assert plan.leader.currentText() == dialog.chooser.currentText() == "Alex Morgan"
    plan.close()
