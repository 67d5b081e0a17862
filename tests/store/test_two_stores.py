"""Two Store objects on one database (two windows, or a window and the command line): every edit is its own
transaction, so interleaved edits from both are all kept. Runs on SQLite and, when configured, PostgreSQL.
"""

from __future__ import annotations

from sos_desktop.models import Case, Category, MapItem, Meeting
from sos_desktop.store import Store


def test_interleaved_edits_from_two_stores_on_one_database_all_survive(database_url: str) -> None:
    first = Store.open(database_url)
    second = Store.open(database_url)
    try:
        case = first.add_case(Case(label="Family T"))
        assert case.id is not None
        meeting = second.add_meeting(Meeting(title="Mapping", case_id=case.id))
        assert meeting.id is not None
        for number in range(10):
            (first if number % 2 else second).add_item(
                meeting.id, MapItem(category=Category.HARM, text=f"card {number}")
            )
        card = first.get_meeting(meeting.id).items[0]
        card.text = "edited in the first window"
        first.update_item(card)
        second.add_case(Case(label="Family U"))
        renamed = second.get_case(case.id)
        renamed.reference = "CP-9"
        second.update_case(renamed)
    finally:
        first.close()
        second.close()
    with Store.open(database_url) as store:
        texts = [item.text for item in store.get_meeting(meeting.id).items]
        assert texts == ["edited in the first window", *(f"card {n}" for n in range(1, 10))]
        assert [(c.label, c.reference) for c in store.list_cases()] == [("Family T", "CP-9"), ("Family U", "")]
