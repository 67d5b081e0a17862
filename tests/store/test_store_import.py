"""Importing a meeting file into the store: a meeting already there is never added again without being asked for.

A meeting is known by its uid (written in its file); a file without one by its case reference, title and time.
A second import is refused naming the meeting there, unless it is added as a copy (a new uid) or replaces the
one there (after a backup, keeping its id and uid); two imports racing leave one meeting.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from sos_desktop.models import Category, Framework, MapItem, MeetingBundle
from sos_desktop.models.demo import DEMO_REFERENCE, demo_bundle
from sos_desktop.store import Store
from sos_desktop.store import backup as backups
from sos_desktop.store.errors import StaleWriteError
from sos_desktop.store.repo import bundles
from sos_desktop.store.repo.bundles import DuplicateMeetingError, ImportMode
from sos_desktop.store.tables import meetings


def _count(store: Store) -> int:
    return len(store.meeting_headings())


def _existing_id(refusal: DuplicateMeetingError) -> int | None:
    """The id of the meeting already in the database that ``refusal`` names."""
    return refusal.existing.id if refusal.existing is not None else None


def _exported(store: Store, meeting_id: int) -> MeetingBundle:
    """The meeting as its exported file reads back (ids provisional again, the uid kept)."""
    from sos_desktop.exporters.interchange.files import bundle_to_dict, parse_meeting

    return parse_meeting(bundle_to_dict(store.load_bundle(meeting_id)))


def test_every_meeting_gets_its_own_uid_and_an_export_keeps_it(store: Store) -> None:
    first = store.save_bundle(demo_bundle())
    second = store.save_bundle(demo_bundle())
    assert first.meeting.uid != second.meeting.uid
    assert str(uuid.UUID(first.meeting.uid)) == first.meeting.uid
    assert store.get_meeting(first.meeting.id or 0).uid == first.meeting.uid
    assert _exported(store, first.meeting.id or 0).meeting.uid == first.meeting.uid


def test_importing_an_export_into_its_own_database_is_refused_naming_the_meeting(store: Store) -> None:
    saved = store.save_bundle(demo_bundle())
    again = _exported(store, saved.meeting.id or 0)
    with pytest.raises(DuplicateMeetingError) as refused:
        store.import_bundle(again)
    assert str(refused.value) == (
        "This meeting is already in the database: 'Group supervision (demo)' held on 2026-11-21 in case "
        f"{DEMO_REFERENCE} (meeting {saved.meeting.id}). Nothing was changed."
    )
    assert _existing_id(refused.value) == saved.meeting.id
    assert _count(store) == 1


def test_the_same_file_imported_twice_is_refused_the_second_time(store: Store) -> None:
    # As when `import` was killed after its commit but before it printed the id, and is run again.
    file_bundle = _file_without_uid()
    first = store.import_bundle(file_bundle).bundle
    with pytest.raises(DuplicateMeetingError) as refused:
        store.import_bundle(_file_without_uid())
    assert _existing_id(refused.value) == first.meeting.id
    assert _count(store) == 1


def test_a_file_without_uid_is_known_by_case_reference_title_and_time(store: Store) -> None:
    made_here = store.save_bundle(demo_bundle())  # the same meeting, typed in here: its own, random uid
    with pytest.raises(DuplicateMeetingError) as refused:
        store.import_bundle(_file_without_uid())
    assert _existing_id(refused.value) == made_here.meeting.id
    later = _file_without_uid()
    later.meeting.held_on = datetime(2026, 12, 19, 10, 0)  # another meeting of the case
    assert store.import_bundle(later).bundle.meeting.id != made_here.meeting.id
    assert _count(store) == 2


def test_a_file_whose_pairing_was_dropped_is_still_the_same_meeting(store: Store) -> None:
    saved = store.save_bundle(demo_bundle())
    again = _exported(store, saved.meeting.id or 0)
    for item in again.meeting.items:
        item.pairs_with = None  # what a warning about a broken pairing leaves of the file
    again.meeting.items.append(MapItem(category=Category.HARM, text="An edit made in the file"))
    with pytest.raises(DuplicateMeetingError):
        store.import_bundle(again)
    assert _count(store) == 1


def test_as_copy_adds_exactly_one_meeting_with_a_new_uid(store: Store) -> None:
    saved = store.save_bundle(demo_bundle())
    copy = store.import_bundle(_exported(store, saved.meeting.id or 0), ImportMode.AS_COPY).bundle
    assert _count(store) == 2
    assert copy.meeting.id != saved.meeting.id and copy.meeting.uid != saved.meeting.uid
    # The copy is a meeting of its own: its export is refused as itself, not as the original.
    with pytest.raises(DuplicateMeetingError) as refused:
        store.import_bundle(_exported(store, copy.meeting.id or 0))
    assert _existing_id(refused.value) == copy.meeting.id


def test_two_imports_racing_leave_one_meeting_and_the_second_is_told_why(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.import_bundle(_file_without_uid()).bundle
    # The second import looked before the first committed: inside its transaction it sees nothing there.
    looked = bundles.find_duplicate
    calls: list[int] = []

    def too_early(conn: object, bundle: MeetingBundle, uid: str) -> object:
        calls.append(1)
        return None if len(calls) == 1 else looked(conn, bundle, uid)  # type: ignore[arg-type]

    monkeypatch.setattr(bundles, "find_duplicate", too_early)
    with pytest.raises(DuplicateMeetingError) as refused:
        store.import_bundle(_file_without_uid())
    assert _existing_id(refused.value) == first.meeting.id
    assert _count(store) == 1


def test_the_database_refuses_a_second_meeting_with_the_same_uid(store: Store) -> None:
    saved = store.save_bundle(demo_bundle())
    row = {
        "case_id": saved.case.id,
        "title": "Another",
        "kind": "mapping",
        "focus_question": "",
        "confidentiality_agreed": False,
        "summary": "",
        "extra": "{}",
        "created_at": datetime(2026, 1, 1),
        "updated_at": datetime(2026, 1, 1),
        "uid": saved.meeting.uid,
    }
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(insert(meetings).values(row))


def test_two_imports_at_once_on_two_connections_give_one_meeting(sqlite_url: str) -> None:
    Store.open(sqlite_url).close()
    outcomes: list[str] = []

    def run() -> None:
        with Store.open(sqlite_url) as store:
            try:
                store.import_bundle(_file_without_uid())
                outcomes.append("added")
            except DuplicateMeetingError:
                outcomes.append("refused")

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["added", "refused"]
    with Store.open(sqlite_url) as store:
        assert _count(store) == 1


def test_replace_backs_up_first_then_keeps_the_id_and_uid_and_the_backup_undoes_it(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        saved = store.save_bundle(demo_bundle())
        meeting_id = saved.meeting.id or 0
        edited = _exported(store, meeting_id)
        edited.meeting.summary = "Summary written after the meeting"
        imported = store.import_bundle(edited, ImportMode.REPLACE)
        assert imported.replaced is not None and imported.replaced.id == meeting_id
        assert imported.bundle.meeting.id == meeting_id
        assert imported.bundle.meeting.uid == saved.meeting.uid
        assert store.get_meeting(meeting_id).summary == "Summary written after the meeting"
        assert _count(store) == 1
        assert imported.backup is not None and imported.backup.exists()
        database = store.database_file
        assert database is not None
    backups.restore(imported.backup, database)
    with Store.open(sqlite_url) as store:
        assert store.get_meeting(meeting_id).summary == saved.meeting.summary


def test_replace_makes_a_console_holding_the_old_meeting_reload_before_saving(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as importer, Store.open(sqlite_url) as console:
        meeting_id = importer.save_bundle(demo_bundle()).meeting.id or 0
        shown = console.get_meeting(meeting_id)
        importer.import_bundle(_exported(importer, meeting_id), ImportMode.REPLACE)
        shown.summary = "typed on the old copy"
        with pytest.raises(StaleWriteError):
            console.update_meeting_details(shown)


def test_replace_with_nothing_to_replace_just_imports(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        imported = store.import_bundle(_file_without_uid(), ImportMode.REPLACE)
        assert (imported.replaced, imported.backup) == (None, None)
        assert _count(store) == 1


def test_a_case_that_differs_from_the_file_is_kept_and_the_difference_told(store: Store) -> None:
    store.save_bundle(demo_bundle())
    case = store.find_case_by_reference(DEMO_REFERENCE)
    assert case is not None
    case.label = "Family Demo"
    store.update_case(case)
    file_bundle = _file_without_uid()
    file_bundle.case.label = "Family D"
    file_bundle.case.framework = Framework.WELLBEING
    file_bundle.meeting.held_on = datetime(2026, 12, 19, 10, 0)
    warnings: list[str] = []
    store.import_bundle(file_bundle, warnings=warnings)
    assert warnings == [
        f"Case {DEMO_REFERENCE} is 'Family Demo' (Signs of Safety) here; the file says 'Family D' (Signs of "
        "Wellbeing). The meeting was filed under the existing case, unchanged."
    ]
    assert store.list_cases() == [case]


def test_the_same_case_in_the_file_gives_no_warning(store: Store) -> None:
    store.save_bundle(demo_bundle())
    later = _file_without_uid()
    later.meeting.held_on = datetime(2026, 12, 19, 10, 0)
    warnings: list[str] = []
    store.import_bundle(later, warnings=warnings)
    assert warnings == []


def _file_without_uid() -> MeetingBundle:
    """The demo meeting as a file from another system gives it: no uid."""
    bundle = demo_bundle()
    bundle.meeting.uid = ""
    return bundle


def test_a_uid_is_written_in_lower_case_whatever_the_file_gave(store: Store) -> None:
    given = _file_without_uid()
    given.meeting.uid = "1B4E28BA-2FA1-41D2-883F-0016D3CCA427"
    stored = store.import_bundle(given).bundle
    assert stored.meeting.uid == "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
    again = _file_without_uid()
    again.meeting.uid = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
    again.meeting.title = "Renamed in the other system"
    with pytest.raises(DuplicateMeetingError):
        store.import_bundle(again)


def test_the_backup_of_a_replace_is_an_ordinary_automatic_backup(sqlite_url: str, tmp_path: Path) -> None:
    with Store.open(sqlite_url) as store:
        meeting_id = store.save_bundle(demo_bundle()).meeting.id or 0
        imported = store.import_bundle(_exported(store, meeting_id), ImportMode.REPLACE)
        newest = store.newest_backup()
    assert newest is not None and newest.path == imported.backup
