"""The case over time on the console: Meeting › New meeting from the last one, the "Since last time" page (the
review of last time's next steps, what changed), and the map's marks (new, changed, overdue).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.store.store import Store
from sos_desktop.ui.common.actions import ActionId
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.map.model import ActionRole, MarkedRole
from sos_desktop.ui.review.panel import SinceLastTimePanel
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.navigator import CASE
from sos_desktop.ui.supervision.continue_dialog import ContinueMeetingDialog


@pytest.fixture
def follow_up(store: Store) -> MeetingDocument:
    """The demo case's follow-up meeting (continued from the first), open as a document."""
    made = store.save_demo()
    return MeetingDocument(store, made.follow_up)


def test_the_follow_up_reviews_each_of_last_times_next_steps_and_flags_the_overdue(follow_up: MeetingDocument) -> None:
    reviews = follow_up.meeting.reviews
    assert [r.outcome for r in reviews] == [
        ReviewOutcome.DONE,
        ReviewOutcome.CARRIED_FORWARD,
        ReviewOutcome.PARTLY_DONE,
        ReviewOutcome.NOT_DONE,
        ReviewOutcome.DROPPED,
    ]
    overdue = [r.text for i, r in enumerate(reviews) if follow_up.review_overdue(i)]
    assert overdue == [
        "Share the danger statement with Mum and Dad in plain words.",
        "Ask the health visitor how Lily is developing.",
    ]


def test_carrying_a_next_step_forward_adds_it_to_this_meeting_in_one_undo_step(follow_up: MeetingDocument) -> None:
    steps = lambda: [i.text for i in follow_up.items(Category.NEXT_STEP)]  # noqa: E731
    index = 3  # "Ask the health visitor …", not done
    before = steps()
    follow_up.set_review_outcome(index, ReviewOutcome.CARRIED_FORWARD)
    assert steps() == [*before, "Ask the health visitor how Lily is developing."]
    carried = follow_up.items(Category.NEXT_STEP)[-1]
    assert (carried.key, carried.owner, carried.due) == (
        follow_up.meeting.reviews[index].key,
        "Alex Morgan",
        date(2026, 11, 30),
    )
    stored = follow_up.store.get_meeting(follow_up.meeting_id)
    assert stored.reviews[index].outcome is ReviewOutcome.CARRIED_FORWARD
    assert "Ask the health visitor how Lily is developing." in [i.text for i in stored.items]

    follow_up.undo_stack.undo()
    assert steps() == before and follow_up.meeting.reviews[index].outcome is ReviewOutcome.NOT_DONE
    assert follow_up.store.get_meeting(follow_up.meeting_id).reviews[index].outcome is ReviewOutcome.NOT_DONE
    follow_up.undo_stack.redo()
    assert steps()[-1] == "Ask the health visitor how Lily is developing."
    # Changing the outcome again takes the untouched card off, in one step.
    follow_up.set_review_outcome(index, ReviewOutcome.DONE)
    assert steps() == before
    follow_up.undo_stack.undo()
    assert steps()[-1] == "Ask the health visitor how Lily is developing."


def test_a_burst_of_typing_in_a_review_note_is_one_undo_step(follow_up: MeetingDocument) -> None:
    old = follow_up.meeting.reviews[0].note
    for text in ("D", "Da", "Dad came"):
        follow_up.set_review_note(0, text)
    assert follow_up.store.get_meeting(follow_up.meeting_id).reviews[0].note == "Dad came"
    follow_up.undo_stack.undo()
    assert follow_up.meeting.reviews[0].note == old


def test_the_page_shows_the_review_and_what_changed(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    panel = SinceLastTimePanel(follow_up)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    assert len(panel.rows) == 5
    assert [row.overdue.isVisible() for row in panel.rows] == [False, False, True, True, False]
    assert [row.outcome.currentText() for row in panel.rows] == [
        "Done",
        "Carried forward",
        "Partly done",
        "Not done",
        "Dropped",
    ]
    assert "5 of 5 reviewed" in panel.summary.text() and "2 overdue" in panel.summary.text()
    changes = panel.changes.text()
    assert "Changed:</b> Dad works nights; he met Sam" in changes
    assert "It said: Dad works nights and has not met the social worker yet." in changes
    assert "Dropped:</b> Whether Dad&#x27;s drinking plays a part." in changes
    assert "New:</b> On 29 November 2026 the police were called" in changes
    assert "Sam Patel 4 → 5" in changes and "Alex Morgan 5.5 → 6" in changes
    assert "Joined the network</h4><p>Grace Adeyemi" in changes
    assert "Now know the worries</h4><p>Chris Sample, Grace Adeyemi" in changes
    panel.grab().save("/tmp/since-last-time.png")

    # Choosing an outcome on the page is the document's undo step; undo shows at once.
    row = panel.rows[3]
    row.outcome.setCurrentIndex(row.outcome.findText("Done"))
    row.outcome.activated.emit(row.outcome.currentIndex())
    assert follow_up.meeting.reviews[3].outcome is ReviewOutcome.DONE and not row.overdue.isVisible()
    follow_up.undo_stack.undo()
    assert row.outcome.currentText() == "Not done" and row.overdue.isVisible()
    # A card edited now is a change since last time at once.
    strength = follow_up.items(Category.STRENGTH)[0]
    assert strength.id is not None
    follow_up.set_item_text(strength.id, "Lily goes to nursery every day.")
    assert "Changed:</b> Lily goes to nursery every day." in panel.changes.text()


def test_map_cards_say_what_is_new_changed_or_overdue(follow_up: MeetingDocument, qtbot: QtBot) -> None:
    from sos_desktop.ui.map.panel import MapPanel

    panel = MapPanel(follow_up)
    qtbot.addWidget(panel)

    def foot(category: Category, row: int) -> tuple[str, bool]:
        model = panel.box(category).model
        index = model.index(row, 0)
        return str(index.data(ActionRole)), bool(index.data(MarkedRole))

    assert foot(Category.COMPLICATING, 0) == ("Changed since last time", True)
    harm_rows = [i.text for i in follow_up.items(Category.HARM)]
    assert foot(Category.HARM, harm_rows.index(follow_up.items(Category.HARM)[-1].text)) == (
        "New since last time",
        True,
    )
    assert foot(Category.SAFETY, 0) == ("", False)  # carried, unchanged
    step = follow_up.items(Category.NEXT_STEP)[-1]
    assert step.id is not None
    follow_up.set_next_step(step.id, due=date(2026, 12, 1))  # before the meeting's day, not done
    line, marked = foot(Category.NEXT_STEP, len(follow_up.items(Category.NEXT_STEP)) - 1)
    assert marked and line.endswith("· Overdue · New since last time")


def test_new_meeting_from_the_last_one_continues_the_latest_and_opens_its_review(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def answer(dialog: ContinueMeetingDialog) -> int:
        shown.append(dialog.summary.text())
        offered = dialog.when.value()
        # Never before the meeting it continues (the demo's conference is dated ahead, 17 December 2026).
        assert offered is not None and offered > datetime(2026, 12, 17, 10, 0)
        dialog.when.set_value(datetime(2027, 1, 9, 14, 0))
        dialog._date_changed(datetime(2027, 1, 9, 14, 0))
        dialog.attendees.item(5).setCheckState(dialog.attendees.item(5).checkState().Unchecked)
        return int(dialog.DialogCode.Accepted)

    monkeypatch.setattr(ContinueMeetingDialog, "exec", answer)
    assert window.document is not None
    case_id = window.document.meeting.case_id
    assert case_id is not None
    window.navigator.select(CASE, case_id)
    latest = window.store.latest_meeting_id(case_id)
    window.actions_by_id[ActionId.CONTINUE_MEETING].trigger()
    document = window.document
    assert document is not None and document.meeting_id != latest
    assert shown == [
        "Continues from “Child protection conference (demo)” (17 December 2026): its 12 cards with their pairs, "
        "1 scale to rate again, and 2 next steps to review first. It starts from the safety plan (5 rules) and "
        "the trajectory plan (4 milestones) as they stand."
    ]
    assert document.meeting.title == "Child protection conference, 9 January 2027"
    assert document.previous is not None and document.previous.id == latest
    assert [a.name for a in document.meeting.attendees][-1] == "Chris Sample"  # Nan was not ticked
    assert len(document.meeting.reviews) == 2 and all(not s.ratings for s in document.meeting.scales)
    assert len(document.meeting.safety_plan.rules) == 5  # the plan as it stood, to refine
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Since &last time"
    assert window.actions_by_id[ActionId.CONTINUE_MEETING] in window.meeting_menu.menu.actions()
