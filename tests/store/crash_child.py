"""The child process of the crash-safety test: edits a SQLite database through the real Store until killed.

Run as ``python crash_child.py DATABASE FIRST_NUMBER``. After each edit has been committed (the Store method has
returned) one JSON line is printed and flushed: an acknowledgement the parent may hold the database to. The parent
kills this process with SIGKILL at a moment of its choosing, which may be in the middle of a commit.
"""

from __future__ import annotations

import json
import sys

from sos_desktop.models import Case, Category, MapItem, Meeting, Scale, ScaleRating
from sos_desktop.store import Store

CASE_LABEL = "Crash-test case"


def acknowledge(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main(database: str, first: int) -> None:
    store = Store.open(f"sqlite:///{database}")
    case = next((c for c in store.list_cases() if c.label == CASE_LABEL), None)
    if case is None:
        case = store.add_case(Case(label=CASE_LABEL))
    assert case.id is not None
    meetings = store.list_meetings(case.id)
    meeting = meetings[0] if meetings else store.add_meeting(Meeting(title="Mapping", case_id=case.id))
    assert meeting.id is not None
    scales = store.get_meeting(meeting.id).scales
    scale = scales[0] if scales else store.add_scale(meeting.id, Scale(question="How safe?"))
    acknowledge(op="ready")
    card: MapItem | None = None
    number = first
    while True:
        step = number % 4
        if step == 0:
            added = store.add_case(Case(label=f"case-{number}"))
            acknowledge(op="case", n=number, id=added.id)
        elif step == 1 or card is None:
            card = store.add_item(meeting.id, MapItem(category=Category.HARM, text=f"card-{number}"))
            acknowledge(op="card", n=number, id=card.id)
        elif step == 2:
            card.text = f"edited-{number}"
            store.update_item(card)
            acknowledge(op="edit", n=number, id=card.id)
        else:
            scale.ratings.append(ScaleRating(rater=f"rater-{number}", value=number % 11))
            store.update_scale(scale)
            acknowledge(op="rate", n=number, id=scale.id)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
