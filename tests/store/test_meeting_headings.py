"""The navigator's light listing of meetings says what the full listing says, in the same order."""

from __future__ import annotations

from datetime import datetime

from sos_desktop.models import Meeting, MeetingKind
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.store import Store


def test_headings_match_the_meetings_they_stand_for(store: Store) -> None:
    saved = store.save_bundle(demo_bundle())
    case_id = saved.case.id or 0
    store.add_meeting(Meeting(title="Review without a date", case_id=case_id, kind=MeetingKind.REVIEW))
    store.add_meeting(Meeting(title="Earlier mapping", case_id=case_id, held_on=datetime(2026, 1, 5, 9, 30)))
    full = [(m.id, m.case_id, m.title, m.held_on, m.kind) for m in store.list_meetings()]
    assert [tuple(heading) for heading in store.meeting_headings()] == full
    assert [title for _, _, title, _, _ in full] == [
        "Earlier mapping",
        "Group supervision (demo)",
        "Review without a date",
    ]
