"""A property of importing: whatever the meeting, importing its file again never adds it a second time.

For generated meetings m (with a case reference or none, dated or not, with or without a uid): import(export(m))
adds one meeting; importing the same file again, or the export of what was stored, is refused and adds none;
``as copy`` adds exactly one more.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sos_desktop.exporters.interchange.files import read_meeting_file, write_meeting_file
from sos_desktop.models import Case, Category, MapItem, Meeting, MeetingBundle
from sos_desktop.store import Store
from sos_desktop.store.repo.bundles import DuplicateMeetingError, ImportMode

_label = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=30).filter(str.strip)
_moment = st.one_of(
    st.none(),
    st.builds(
        lambda moment, zone: moment.replace(microsecond=0, tzinfo=zone),
        st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
        st.sampled_from([None, UTC, timezone(timedelta(hours=5, minutes=30))]),
    ),
)
_cards = st.lists(st.tuples(st.sampled_from(list(Category)), _label), max_size=4)
_uid = st.one_of(st.just(""), st.uuids(version=4).map(str))


@st.composite
def meetings(draw: st.DrawFn) -> MeetingBundle:
    meeting = Meeting(
        title=draw(_label),
        held_on=draw(_moment),
        items=[MapItem(category=category, text=text) for category, text in draw(_cards)],
        uid=draw(_uid),
    )
    case = Case(label=draw(_label), reference=draw(st.sampled_from(["", "CP-1", "CP-2026-0412"])))
    return MeetingBundle(case=case, meeting=meeting)


def _count(store: Store) -> int:
    return len(store.meeting_headings())


def _existing_id(refusal: DuplicateMeetingError) -> int | None:
    """The id of the meeting already in the database that ``refusal`` names."""
    return refusal.existing.id if refusal.existing is not None else None


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_importing_a_meeting_again_never_adds_it_and_as_copy_adds_exactly_one(bundle: MeetingBundle) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{Path(folder) / 'db.sqlite3'}") as store:
        exported = Path(folder) / "meeting.json"
        write_meeting_file(bundle, exported)
        stored = store.import_bundle(read_meeting_file(exported)).bundle
        assert _count(store) == 1

        with pytest.raises(DuplicateMeetingError) as refused:
            store.import_bundle(read_meeting_file(exported))
        assert _existing_id(refused.value) == stored.meeting.id
        assert _count(store) == 1

        assert stored.meeting.id is not None
        write_meeting_file(store.load_bundle(stored.meeting.id), exported)  # what the database exports of it
        with pytest.raises(DuplicateMeetingError):
            store.import_bundle(read_meeting_file(exported))
        assert _count(store) == 1

        store.import_bundle(read_meeting_file(exported), ImportMode.AS_COPY)
        assert _count(store) == 2
