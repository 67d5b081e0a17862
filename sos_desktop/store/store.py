"""The Store: the one object the rest of the app uses to read and save cases, meetings and networks.

Every public method runs in its own short transaction (write-through saving: one edit, one commit) and hands out
the domain dataclasses of ``sos_desktop.models``, never rows. Database trouble comes out as a StoreError whose
message can be shown to the user as it is.

Opening (:meth:`Store.open`) never deletes, overwrites or repairs a file: an existing SQLite file is first
looked at through a read-only connection, and refused, untouched, if it is damaged, not a database, some other
program's database, or written by a newer version of the app. Only then is it opened for writing, brought up to
date, and checked to be writable, so a read-only file is reported at once rather than at the first edit.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    Case,
    Category,
    ChildVoiceEntry,
    MapItem,
    Meeting,
    MeetingBundle,
    MeetingHeading,
    Network,
    NetworkPerson,
    Observations,
    Scale,
    Tie,
)
from sos_desktop.models.agreement import FamilyMeeting
from sos_desktop.models.audit import CaseFigures
from sos_desktop.models.best_questions import BestQuestion, ImportResult
from sos_desktop.models.case_audit import CaseAudit
from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.chronology import ChronologyEvent
from sos_desktop.models.development_plan import DevelopmentPlan
from sos_desktop.models.reflections import Reflection
from sos_desktop.models.review import StepReview
from sos_desktop.models.safety_house import SafetyHouse
from sos_desktop.models.safety_plan import SafetyPlan
from sos_desktop.models.trajectory_plan import TrajectoryPlan
from sos_desktop.models.words_pictures import Story
from sos_desktop.store import backup as backups
from sos_desktop.store import encryption, live
from sos_desktop.store import engine as engine_settings
from sos_desktop.store.demo import DemoMeetings, save_demo
from sos_desktop.store.engine import (
    WRITE_OPTION,
    make_engine,
    make_read_only_engine,
    read_only_uri,
    run_outside_transaction,
    sqlite_file,
)
from sos_desktop.store.errors import (
    DatabaseReadOnlyError,
    DiskFullError,
    EmptyDatabaseError,
    NotADatabaseError,
    StoreError,
    disk_is_full,
    translate,
)
from sos_desktop.store.migrate import check_database, head_revisions, upgrade_to_head
from sos_desktop.store.paths import PRIVATE_FOLDER_MODE, SIDE_FILE_SUFFIXES, create_private_file, tighten_database
from sos_desktop.store.repo import audit as audit_repo
from sos_desktop.store.repo import best_questions as best_questions_repo
from sos_desktop.store.repo import (
    bundles,
    cases,
    chronology,
    continuity,
    development,
    items,
    meetings,
    network,
    parts,
    plans,
    scales,
    settings,
)
from sos_desktop.store.repo import case_audits as case_audits_repo
from sos_desktop.store.repo import child_tools as child_tools_repo
from sos_desktop.store.repo import development_plans as development_plans_repo
from sos_desktop.store.repo import family_meeting as family_meeting_repo
from sos_desktop.store.repo import reflections as reflections_repo
from sos_desktop.store.repo import words_pictures as words_pictures_repo
from sos_desktop.store.repo.common import VERSIONS_OPTION, MeetingVersions, remember_version
from sos_desktop.store.repo.items import ItemLinks
from sos_desktop.store.sealing import JournalKey

_SQLITE_HEADER = b"SQLite format 3\x00"


def _look_before_opening(path: Path, *, immutable: bool = False) -> None:
    """Refuse an existing SQLite file that this app must not write to (an empty one too), reading it only."""
    if not path.exists():
        return
    if not path.is_file():
        raise NotADatabaseError()
    with path.open("rb") as file:
        header = file.read(len(_SQLITE_HEADER))
    if not header:
        # Never a new database: a crash or a full disk leaves this of one, and its cases may be in a backup.
        raise EmptyDatabaseError()
    if header != _SQLITE_HEADER:
        raise NotADatabaseError()
    uri = read_only_uri(path, immutable=immutable)
    waits = engine_settings.BUSY_TIMEOUT_MS / 1000  # for another program's write, as long as any connection waits
    probe = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, timeout=waits, check_same_thread=False),
        poolclass=NullPool,
    )
    try:
        with probe.connect() as conn:
            if conn.exec_driver_sql("PRAGMA quick_check(1)").scalar() != "ok":
                raise NotADatabaseError()
            check_database(conn)
    finally:
        probe.dispose()


def _create_database(url: str, path: Path, passphrase: str | None) -> None:
    """Make a new, up-to-date SQLite database at ``path``: built beside it, private to the user, then linked into
    place whole. A crash or a full disk part way leaves at most the partial file beside it, never an empty or
    half-made database at ``path``; a database another process made there meanwhile is kept, not replaced.
    """
    from sos_desktop.durable import sync_file, sync_folder

    path.parent.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)  # made here: the user's alone
    partial = path.with_name(f"{path.name}.creating-{os.getpid()}")
    _remove_with_side_files(partial)
    create_private_file(partial)  # SQLite gives the -wal and -shm files the database's own permissions
    partial_url = make_url(url).set(database=str(partial)).render_as_string(hide_password=False)
    engine = make_engine(partial_url, passphrase)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        _remove_with_side_files(partial)
        raise
    engine.dispose()  # the last connection closed folds the write-ahead log into the file
    try:
        sync_file(partial)
        try:
            os.link(partial, path)  # fails if the place was taken meanwhile: theirs is kept
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(partial, path)
        sync_folder(path.parent)
    finally:
        _remove_with_side_files(partial)


def _remove_with_side_files(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILE_SUFFIXES)):
        leftover.unlink(missing_ok=True)


def _opening_error(error: BaseException, path: Path | None) -> BaseException:
    """What a failure to open the database at ``path`` is, for the user (a full disk said as one)."""
    folder = path.parent if path is not None else None
    if isinstance(error, OSError):
        full = error.errno == errno.ENOSPC or disk_is_full(folder)
        return DiskFullError() if full else DatabaseReadOnlyError()
    if isinstance(error, DBAPIError | sqlite3.Error):
        error = translate(error, folder)
    if type(error) is StoreError and disk_is_full(folder):
        return DiskFullError()  # whatever SQLite called it, nothing can be written there now
    return error


def _check_writable(engine: Engine) -> None:
    """Make SQLite try a write (then roll it back), since a read-only file opens without complaint."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin() as transaction:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")
            transaction.rollback()


class Store:
    """Cases, meetings, map items, scales and networks, kept in one database."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose database is already at this version's schema (use :meth:`open` normally)."""
        self._engine = engine
        self._sqlite = engine.dialect.name == "sqlite"
        # The version of each meeting as this Store last read or saved it: a save to a meeting somebody else has
        # saved since is refused (StaleWriteError) rather than silently undoing their change. See repo/common.py.
        self._meeting_versions: dict[int, int] = {}
        self.passphrase: str | None = None
        """The passphrase of an encrypted SQLite database (for backups of it, encrypted too), else None."""
        self.read_only = False
        """Opened with :meth:`open_read_only`: the data can be read out, nothing saved."""

    @classmethod
    def open(cls, url: str, passphrase: str | None = None, *, check_writable: bool = True) -> Store:
        """Open the database at ``url``, creating or upgrading its schema; refuse it (untouched) if unusable.

        ``passphrase`` opens an encrypted SQLite file (PassphraseNeededError or WrongPassphraseError otherwise),
        and encrypts a new one; a plain file stays plain (``sos-desktop encrypt`` converts it). A new SQLite file
        is made whole beside its place and then renamed into it, so no empty or half-made file is ever left there;
        an existing file is made private to the user (see ``store/paths.py``).

        ``check_writable=False``: for a caller that only reads (``sos-desktop list``), which then need not wait
        for another program's write to finish.
        """
        path = sqlite_file(url)
        engine: Engine | None = None
        key: str | None = None
        try:
            if path is not None and not path.exists():
                _create_database(url, path, passphrase)
            if path is not None:
                tighten_database(path)
            if path is not None and encryption.looks_encrypted(path):
                encryption.check_encrypted(path, passphrase, read_only_uri(path))
                key = passphrase
            elif path is not None:
                _look_before_opening(path)
            engine = make_engine(url, key)
            upgrade_to_head(engine)
            if engine.dialect.name == "sqlite" and check_writable:
                _check_writable(engine)
        except BaseException as error:
            if engine is not None:
                engine.dispose()
            raise _opening_error(error, path) from error
        store = cls(engine)
        store.passphrase = key
        return store

    @classmethod
    def open_read_only(cls, url: str, passphrase: str | None = None, *, immutable: bool = False) -> Store:
        """Open the SQLite file at ``url`` for reading only, writing nothing to it or its folder.

        For reading the data out of a database that cannot be written to (a read-only file or folder) or that
        another program holds; every save then fails with DatabaseReadOnlyError. It is refused, untouched, as
        :meth:`open` refuses it, and also when it needs bringing up to date (which would be a write).
        ``immutable``: see :func:`~sos_desktop.store.engine.read_only_uri` (for a folder nobody may write to).
        """
        path = sqlite_file(url)
        if path is None or not path.exists():
            raise DatabaseReadOnlyError()
        engine: Engine | None = None
        key: str | None = None
        try:
            if encryption.looks_encrypted(path):
                encryption.check_encrypted(path, passphrase, read_only_uri(path, immutable=immutable))
                key = passphrase
            else:
                _look_before_opening(path, immutable=immutable)
            engine = make_read_only_engine(path, key, immutable=immutable)
            with engine.connect() as conn, conn.begin():
                if set(check_database(conn)) != set(head_revisions()):
                    raise DatabaseReadOnlyError(
                        "The database must be brought up to date before this version can read it, and it cannot "
                        "be written to now. Nothing was changed; open it once where it can be written to."
                    )
        except BaseException as error:
            if engine is not None:
                engine.dispose()
            raise _opening_error(error, path) from error
        store = cls(engine)
        store.passphrase = key
        store.read_only = True
        return store

    @property
    def url(self) -> str:
        """The database's URL, with any password hidden (an encrypted SQLite file's as if it were plain)."""
        url = self._engine.url
        if url.drivername == "sqlite+pysqlcipher":
            url = url.set(drivername="sqlite", password=None)
        return url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        """Let go of the database (closing every pooled connection)."""
        self._engine.dispose()

    def reopen(self, passphrase: str | None) -> None:
        """Connect afresh to the same SQLite file, now opened with ``passphrase``.

        For after the file was encrypted or its passphrase changed: whoever holds this Store goes on using it.
        """
        plain = self._engine.url.set(drivername="sqlite", password=None).render_as_string(hide_password=False)
        engine = make_engine(plain, passphrase)
        self._engine.dispose()
        self._engine = engine
        self.passphrase = passphrase

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self, *, write: bool = False) -> Iterator[Connection]:
        """One short transaction: committed if the body finishes, rolled back (and translated) if it fails."""
        versions = MeetingVersions(self._meeting_versions)
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{VERSIONS_OPTION: versions})
                if write:
                    conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    yield conn
            self._meeting_versions.update(versions.raised)  # only once committed
        except (DBAPIError, sqlite3.Error) as error:
            raise translate(error) from error

    def _forget_deleted(self) -> None:
        """Empty SQLite's write-ahead log, so deleted content is not left in it (best effort: others may read)."""
        if not self._sqlite:
            return
        try:
            with self._engine.connect() as conn:
                run_outside_transaction(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
        except (DBAPIError, sqlite3.Error):
            pass  # the delete is committed; the log is emptied at the next checkpoint instead

    # Cases

    def list_cases(self) -> list[Case]:
        """All cases, by label."""
        with self._transaction() as conn:
            return cases.list_cases(conn)

    def case_teams(self) -> list[str]:
        """The teams the cases belong to, sorted (for the case dialog's completions and the audit's filter)."""
        with self._transaction() as conn:
            return cases.known_teams(conn)

    def has_cases(self) -> bool:
        """Whether there is any case yet (cheaper than listing them)."""
        with self._transaction() as conn:
            return cases.any_case(conn)

    def get_case(self, case_id: int) -> Case:
        with self._transaction() as conn:
            return cases.get_case(conn, case_id)

    def find_case_by_reference(self, reference: str) -> Case | None:
        with self._transaction() as conn:
            return cases.find_case_by_reference(conn, reference)

    def add_case(self, case: Case) -> Case:
        """Save a new case and return it with its id."""
        with self._transaction(write=True) as conn:
            return cases.add_case(conn, case)

    def update_case(self, case: Case) -> None:
        with self._transaction(write=True) as conn:
            cases.update_case(conn, case)

    def delete_case(self, case_id: int) -> None:
        """Delete the case for good: its meetings, network and everything in them."""
        with self._transaction(write=True) as conn:
            cases.delete_case(conn, case_id)
        self._forget_deleted()

    # Meetings

    def meeting_headings(self) -> list[MeetingHeading]:
        """Every meeting's id, case, title, date and kind, in the order of ``list_meetings`` (quick for thousands)."""
        with self._transaction() as conn:
            return meetings.meeting_headings(conn)

    def list_meetings(self, case_id: int | None = None) -> list[Meeting]:
        """Meetings with their details only (empty lists), by date then id."""
        with self._transaction() as conn:
            return meetings.list_meetings(conn, case_id)

    def get_meeting(self, meeting_id: int) -> Meeting:
        """The whole meeting, cards in map order; later saves to it are refused if somebody else saves it first."""
        with self._transaction() as conn:
            meeting = meetings.get_meeting(conn, meeting_id)
            remember_version(conn, meeting_id)
            return meeting

    def case_meetings(self, case_id: int) -> list[Meeting]:
        """Every meeting of a case in full (scales and ratings too), by date then id, read in one transaction."""
        with self._transaction() as conn:
            return [meetings.get_meeting(conn, m.id) for m in meetings.list_meetings(conn, case_id) if m.id is not None]

    def previous_meeting(self, meeting_id: int) -> Meeting | None:
        """The meeting before this one in its case (the one it was continued from, else the latest before it in
        time), in full; None for a case's first meeting.
        """
        with self._transaction() as conn:
            return continuity.previous_meeting(conn, meeting_id)

    def latest_meeting_id(self, case_id: int) -> int | None:
        """The case's latest meeting by date (then id), which the next meeting continues from; None if it has none."""
        with self._transaction() as conn:
            return continuity.latest_meeting_id(conn, case_id)

    def continue_meeting(
        self,
        meeting_id: int,
        *,
        title: str,
        held_on: datetime | None,
        agenda: list[AgendaPhase],
        attendees: list[Attendee] | None = None,
    ) -> Meeting:
        """Save the case's next meeting with the map of ``meeting_id`` carried forward (the cards' keys and pairs, the
        scales unrated, last time's next steps to review; ``attendees``: by default last time's), in one
        transaction; return it as stored.
        """
        with self._transaction(write=True) as conn:
            return continuity.continue_from(
                conn, meeting_id, title=title, held_on=held_on, agenda=agenda, attendees=attendees
            )

    def chronology(self, case_id: int) -> list[ChronologyEvent]:
        """The case's chronology in date order."""
        with self._transaction() as conn:
            return chronology.get_chronology(conn, case_id)

    def add_event(self, case_id: int, event: ChronologyEvent, reuse_id: int | None = None) -> ChronologyEvent:
        """Put an event on the case's chronology; return it with its id (``reuse_id``: an undone removal's)."""
        with self._transaction(write=True) as conn:
            return chronology.add_event(conn, case_id, event, reuse_id)

    def update_event(self, event: ChronologyEvent) -> None:
        with self._transaction(write=True) as conn:
            chronology.update_event(conn, event)

    def delete_event(self, event_id: int) -> None:
        with self._transaction(write=True) as conn:
            chronology.delete_event(conn, event_id)

    def set_safety_plan(self, meeting_id: int, plan: SafetyPlan) -> None:
        """Save the meeting's version of the case's safety plan, whole (owners and signers are person ids)."""
        with self._transaction(write=True) as conn:
            plans.set_safety_plan(conn, meeting_id, plan)

    def set_trajectory_plan(self, meeting_id: int, plan: TrajectoryPlan) -> None:
        """Save the meeting's version of the case's trajectory plan, whole."""
        with self._transaction(write=True) as conn:
            plans.set_trajectory_plan(conn, meeting_id, plan)

    def set_safety_houses(self, meeting_id: int, houses: list[SafetyHouse]) -> None:
        """Save the meeting's Safety Houses whole (children and placed people are person ids)."""
        with self._transaction(write=True) as conn:
            child_tools_repo.set_safety_houses(conn, meeting_id, houses)

    def set_child_tools(self, meeting_id: int, tools: dict[int, ChildTool]) -> None:
        """Save which tool (Three Houses, Fairy, Wizard) each child's voice is given through at the meeting."""
        with self._transaction(write=True) as conn:
            child_tools_repo.set_child_tools(conn, meeting_id, tools)

    def meeting_part(self, meeting_id: int, part: str) -> dict[str, Any]:
        """One of the meeting's own documents as plain data (see ``repo/parts.py``); {} when it has none."""
        with self._transaction() as conn:
            return parts.get_part(conn, meeting_id, part)

    def set_meeting_part(self, meeting_id: int, part: str, data: dict[str, Any]) -> None:
        """Save one of the meeting's own documents whole, as plain data (people by their ids)."""
        with self._transaction(write=True) as conn:
            parts.set_part(conn, meeting_id, part, data)

    def set_family_meeting(self, meeting_id: int, record: FamilyMeeting) -> None:
        """Save the meeting's family record: who agrees with which statement, the decision, family-present."""
        with self._transaction(write=True) as conn:
            family_meeting_repo.set_family_meeting(conn, meeting_id, record)

    def add_picture(self, case_id: int, data: bytes, media_type: str) -> int:
        """Keep an image inside the database for the case; return its id (the same image again: the same id)."""
        with self._transaction(write=True) as conn:
            return parts.add_picture(conn, case_id, data, media_type)

    def picture(self, picture_id: int) -> tuple[str, bytes] | None:
        """A kept picture's media type and bytes, or None."""
        with self._transaction() as conn:
            return parts.get_picture(conn, picture_id)

    def set_words_pictures(self, meeting_id: int, stories: list[Story]) -> None:
        """Save the meeting's Words and Pictures stories whole (children and figures person ids, images picture
        ids of the case).
        """
        with self._transaction(write=True) as conn:
            words_pictures_repo.set_words_pictures(conn, meeting_id, stories)

    def set_reviews(self, meeting_id: int, reviews: list[StepReview]) -> None:
        """Save the meeting's review of last time's next steps, whole."""
        with self._transaction(write=True) as conn:
            meetings.set_reviews(conn, meeting_id, reviews)

    def add_meeting(self, meeting: Meeting) -> Meeting:
        """Save a new meeting of ``meeting.case_id`` with all it holds; return it as stored, with ids."""
        with self._transaction(write=True) as conn:
            return meetings.add_meeting(conn, meeting)

    def update_meeting_details(self, meeting: Meeting) -> None:
        with self._transaction(write=True) as conn:
            meetings.update_meeting_details(conn, meeting)

    def set_attendees(self, meeting_id: int, attendees: list[Attendee]) -> None:
        with self._transaction(write=True) as conn:
            meetings.set_attendees(conn, meeting_id, attendees)

    def set_agenda(self, meeting_id: int, agenda: list[AgendaPhase]) -> None:
        with self._transaction(write=True) as conn:
            meetings.set_agenda(conn, meeting_id, agenda)

    def set_observations(
        self, meeting_id: int, observations: Observations, base: Observations | None = None
    ) -> Observations:
        """Save the observer's feedback as the change from ``base`` (None: what is stored) to ``observations``,
        merged with what another laptop saved meanwhile, and tell listeners (``store/live.py``); return it as stored.
        """
        with self._transaction(write=True) as conn:
            saved = meetings.set_observations(conn, meeting_id, observations, base)
            live.announce(conn, meeting_id)
            return saved

    def observer_feedback(self, meeting_id: int) -> live.Feedback:
        """The meeting's observations and its own rubric criteria as stored now (another laptop's included)."""
        with self._transaction() as conn:
            return live.read_feedback(conn, meeting_id)

    def watch_observations(self, meeting_id: int, on_change: Callable[[], None]) -> live.ObservationWatch | None:
        """A started watch on the meeting's feedback (``store/live.py``), or None where there is none (SQLite)."""
        if self._sqlite or self.read_only:
            return None
        return live.ObservationWatch(self._engine, meeting_id, on_change).start()

    def set_child_voice(self, meeting_id: int, entries: list[ChildVoiceEntry]) -> list[ChildVoiceEntry]:
        """Replace the meeting's child's-voice entries; return them as stored, with ids."""
        with self._transaction(write=True) as conn:
            return meetings.set_child_voice(conn, meeting_id, entries)

    def delete_meeting(self, meeting_id: int) -> None:
        with self._transaction(write=True) as conn:
            meetings.delete_meeting(conn, meeting_id)
        self._forget_deleted()

    # Map items

    def add_item(
        self, meeting_id: int, item: MapItem, index: int | None = None, links: ItemLinks | None = None
    ) -> MapItem:
        """Insert a card at ``index`` of its category (None: at the end); reuses ``item.id`` if set (undo).

        ``links``, read with :meth:`item_links` before the card was deleted, are restored with it.
        """
        with self._transaction(write=True) as conn:
            return items.add_item(conn, meeting_id, item, index, links)

    def item_links(self, item_id: int) -> ItemLinks:
        """The scales about a card and the people who agree with it."""
        with self._transaction() as conn:
            return items.item_links(conn, item_id)

    def update_item(self, item: MapItem) -> None:
        with self._transaction(write=True) as conn:
            items.update_item(conn, item)

    def delete_item(self, item_id: int) -> None:
        with self._transaction(write=True) as conn:
            items.delete_item(conn, item_id)

    def move_item(self, item_id: int, category: Category, index: int) -> None:
        with self._transaction(write=True) as conn:
            items.move_item(conn, item_id, category, index)

    # Scales

    def add_scale(self, meeting_id: int, scale: Scale, index: int | None = None) -> Scale:
        """Insert a scale with its ratings at ``index`` (None: at the end); reuses ``scale.id`` if set (undo)."""
        with self._transaction(write=True) as conn:
            return scales.add_scale(conn, meeting_id, scale, index)

    def update_scale(self, scale: Scale) -> None:
        """Save a scale's wording, ``about``, extra and ratings."""
        with self._transaction(write=True) as conn:
            scales.update_scale(conn, scale)

    def move_scale(self, scale_id: int, index: int) -> None:
        with self._transaction(write=True) as conn:
            scales.move_scale(conn, scale_id, index)

    def delete_scale(self, scale_id: int) -> None:
        with self._transaction(write=True) as conn:
            scales.delete_scale(conn, scale_id)

    # Settings shared by the team

    def get_setting(self, key: str) -> Any | None:
        """A team-wide setting saved by ``set_setting``, or None when it was never set."""
        with self._transaction() as conn:
            return settings.get_setting(conn, key)

    def set_setting(self, key: str, value: Any | None) -> None:
        with self._transaction(write=True) as conn:
            settings.set_setting(conn, key, value)

    # Network

    def get_network(self, case_id: int) -> Network:
        with self._transaction() as conn:
            return network.get_network(conn, case_id)

    def add_person(self, case_id: int, person: NetworkPerson) -> NetworkPerson:
        with self._transaction(write=True) as conn:
            return network.add_person(conn, case_id, person)

    def update_person(self, person: NetworkPerson) -> None:
        with self._transaction(write=True) as conn:
            network.update_person(conn, person)

    def delete_person(self, person_id: int) -> None:
        with self._transaction(write=True) as conn:
            network.delete_person(conn, person_id)
        self._forget_deleted()

    def remove_person(self, person_id: int) -> network.PersonRemoval:
        """Delete a person, their ties and agreements; return all of it for an undo to hand to ``restore_person``."""
        with self._transaction(write=True) as conn:
            removal = network.remove_person(conn, person_id)
        self._forget_deleted()
        return removal

    def restore_person(self, case_id: int, removal: network.PersonRemoval) -> None:
        with self._transaction(write=True) as conn:
            network.restore_person(conn, case_id, removal)

    def set_positions(self, case_id: int, positions: dict[int, tuple[float | None, float | None]]) -> None:
        """Move several people of the case's network in one transaction (all or none)."""
        with self._transaction(write=True) as conn:
            network.set_positions(conn, case_id, positions)

    def add_tie(self, case_id: int, tie: Tie) -> Tie:
        with self._transaction(write=True) as conn:
            return network.add_tie(conn, case_id, tie)

    def update_tie(self, tie: Tie) -> None:
        with self._transaction(write=True) as conn:
            network.update_tie(conn, tie)

    def delete_tie(self, tie_id: int) -> None:
        with self._transaction(write=True) as conn:
            network.delete_tie(conn, tie_id)

    # Bundles

    def save_bundle(self, bundle: MeetingBundle) -> MeetingBundle:
        """Save a whole bundle in one transaction (all or nothing); return it as stored, with database ids."""
        with self._transaction(write=True) as conn:
            return bundles.save_bundle(conn, bundle)

    def import_bundle(
        self,
        bundle: MeetingBundle,
        mode: bundles.ImportMode = bundles.ImportMode.REFUSE,
        warnings: list[str] | None = None,
    ) -> bundles.Imported:
        """Save a meeting read from a file unless it is already here (DuplicateMeetingError), in one transaction.

        AS_COPY adds it again as a new meeting. REPLACE first makes a backup of the whole database (the way back:
        ``sos-desktop restore`` of it), then puts the file's meeting in place of the stored one, under its id;
        a PostgreSQL database cannot be backed up here, so REPLACE is refused there (BackupError).
        """
        uid = bundles.meeting_identity(bundle)
        backup: Path | None = None
        if mode is bundles.ImportMode.REPLACE:
            with self._transaction() as conn:
                existing = bundles.find_duplicate(conn, bundle, uid)
            if existing is not None:
                if not self._sqlite:
                    raise backups.postgres_refusal()
                made = self.automatic_backup(force=True)
                assert made is not None
                backup = made.path
        try:
            with self._transaction(write=True) as conn:
                stored, replaced = bundles.import_bundle(conn, bundle, mode, warnings)
        except StoreError as error:
            if not bundles.is_uid_clash(error):
                raise
            # Another import of the same meeting committed between our look and our insert.
            with self._transaction() as conn:
                existing = bundles.find_duplicate(conn, bundle, uid)
            if existing is None:
                raise
            raise bundles.DuplicateMeetingError(existing) from error
        return bundles.Imported(stored, replaced, backup if replaced is not None else None)

    def save_demo(self) -> DemoMeetings:
        """Save the demo case (its first meeting, the follow-up continued from it, the child protection conference
        continued from the follow-up, its chronology) in one transaction; return the three meetings' ids.
        """
        with self._transaction(write=True) as conn:
            return save_demo(conn)

    def load_bundle(self, meeting_id: int) -> MeetingBundle:
        with self._transaction() as conn:
            return bundles.load_bundle(conn, meeting_id)

    def find_meeting(self, case_reference: str, title: str, held_on: datetime | None) -> int | None:
        with self._transaction() as conn:
            return bundles.find_meeting(conn, case_reference, title, held_on)

    # A practice leader's development

    def facilitators(self) -> list[str]:
        """Everyone who has facilitated a meeting, by name."""
        with self._transaction() as conn:
            return development.facilitators(conn)

    def facilitated(self, name: str) -> list[tuple[Meeting, Observations]]:
        """The meetings ``name`` facilitated, earliest first, with their attendees and observers' feedback."""
        with self._transaction() as conn:
            return development.facilitated(conn, name)

    def development_plans(self) -> list[str]:
        """The practice leaders who have a development plan, by name."""
        with self._transaction() as conn:
            return development_plans_repo.leaders(conn)

    def development_plan(self, leader: str) -> DevelopmentPlan | None:
        """``leader``'s development plan (None when they have none yet)."""
        with self._transaction() as conn:
            return development_plans_repo.development_plan(conn, leader)

    def save_development_plan(self, plan: DevelopmentPlan, expected_version: int) -> DevelopmentPlan:
        """Save the plan unless someone saved it since ``expected_version`` (StaleWriteError); return it as saved."""
        with self._transaction(write=True) as conn:
            return development_plans_repo.save_development_plan(conn, plan, expected_version)

    def set_rubric(
        self,
        meeting_id: int,
        criteria: list[str] | None,
        observations: Observations,
        base: Observations | None = None,
    ) -> Observations:
        """Save a meeting's own rubric criteria (None: the team's default) and its observations together (merged as
        :meth:`set_observations` merges them); return the observations as stored.
        """
        with self._transaction(write=True) as conn:
            saved = development.set_rubric(conn, meeting_id, criteria, observations, base)
            live.announce(conn, meeting_id)
            return saved

    # The team's audit across cases

    def audit(self, today: date | None = None) -> list[CaseFigures]:
        """Every case's audit figures on ``today`` (the local day when None), by case id, read in a few queries."""
        with self._transaction() as conn:
            return audit_repo.audit_cases(conn, today or date.today())

    # Joint case audits

    def case_audits(self, case_id: int | None = None) -> list[CaseAudit]:
        """The case's joint audits, newest first (every case's when ``case_id`` is None)."""
        with self._transaction() as conn:
            if case_id is None:
                return case_audits_repo.all_case_audits(conn)
            return case_audits_repo.case_audits_of(conn, case_id)

    def add_case_audit(self, case_id: int, audit: CaseAudit) -> CaseAudit:
        """Save a new joint audit of the case; return it with its id."""
        with self._transaction(write=True) as conn:
            return case_audits_repo.add_case_audit(conn, case_id, audit)

    def update_case_audit(self, audit: CaseAudit) -> None:
        with self._transaction(write=True) as conn:
            case_audits_repo.update_case_audit(conn, audit)

    def delete_case_audit(self, audit_id: int) -> None:
        with self._transaction(write=True) as conn:
            case_audits_repo.delete_case_audit(conn, audit_id)
        self._forget_deleted()

    # Learning journals (each entry sealed with its author's passphrase: see store/sealing.py)

    def journal_authors(self) -> list[str]:
        """The names that have a learning journal."""
        with self._transaction() as conn:
            return reflections_repo.journal_authors_of(conn)

    def start_journal(self, author: str, passphrase: str) -> JournalKey:
        """Start ``author``'s journal sealed with ``passphrase``; return its key (keep it in memory only)."""
        with self._transaction(write=True) as conn:
            return reflections_repo.start_journal(conn, author, passphrase)

    def unlock_journal(self, author: str, passphrase: str) -> JournalKey:
        """The key of ``author``'s journal; WrongJournalPassphraseError if ``passphrase`` is not its own."""
        with self._transaction() as conn:
            return reflections_repo.unlock_journal(conn, author, passphrase)

    def reflections(self, key: JournalKey) -> list[Reflection]:
        """The journal's entries, newest first (any that no longer open left out: see unreadable_reflections)."""
        with self._transaction() as conn:
            return reflections_repo.read_journal(conn, key)[0]

    def unreadable_reflections(self, key: JournalKey) -> int:
        """How many of the journal's entries do not open (changed or damaged in the database)."""
        with self._transaction() as conn:
            return reflections_repo.read_journal(conn, key)[1]

    def add_reflection(self, key: JournalKey, reflection: Reflection) -> Reflection:
        with self._transaction(write=True) as conn:
            return reflections_repo.add_reflection(conn, key, reflection)

    def update_reflection(self, key: JournalKey, reflection: Reflection) -> None:
        with self._transaction(write=True) as conn:
            reflections_repo.update_reflection(conn, key, reflection)

    def delete_reflection(self, key: JournalKey, entry_id: int) -> None:
        with self._transaction(write=True) as conn:
            reflections_repo.delete_reflection(conn, key, entry_id)
        self._forget_deleted()

    def change_journal_passphrase(self, author: str, old: str, new: str) -> JournalKey:
        """Re-seal ``author``'s whole journal with ``new`` in one transaction; return the new key."""
        with self._transaction(write=True) as conn:
            return reflections_repo.change_passphrase(conn, author, old, new)

    def delete_journal(self, author: str) -> None:
        """Delete ``author``'s journal and all its entries (a forgotten passphrase: nobody can read them)."""
        with self._transaction(write=True) as conn:
            reflections_repo.delete_journal(conn, author)
        self._forget_deleted()

    # Backups

    @property
    def database_file(self) -> Path | None:
        """The SQLite file this store works on, or None for PostgreSQL and in-memory SQLite."""
        return sqlite_file(self._engine.url.render_as_string(hide_password=False)) if self._sqlite else None

    def backup(self, path: Path) -> Path:
        """Copy the whole database, as it is now, to the SQLite file ``path`` (replaced if it exists)."""
        if not self._sqlite:
            raise backups.postgres_refusal()
        target = Path(path).absolute()
        if target == self.database_file:
            raise backups.BackupError("A backup cannot be written over the database itself. Nothing was changed.")
        try:
            with self._engine.connect() as conn:
                source: Any = conn.connection.dbapi_connection
                backups.copy_database(source, target, self.passphrase)
        except (DBAPIError, sqlite3.Error) as error:
            raise translate(error) from error
        except OSError as error:
            raise backups.backup_os_error(error) from error
        return target

    def newest_backup(self, folder: Path | None = None) -> backups.Backup | None:
        """The newest automatic backup of this database, or None (always None for PostgreSQL)."""
        database = self.database_file
        return backups.newest_backup(database, folder) if database is not None else None

    def automatic_backup(
        self, *, force: bool = False, folder: Path | None = None, keep: int = backups.KEEP
    ) -> backups.Backup | None:
        """Make an automatic backup if one is due (or ``force``), keeping the newest ``keep``; returns it, or None.

        ``folder``: where the backups go, if not the usual ``backups`` folder beside the database.
        """
        database = self.database_file
        if database is None or not (force or backups.backup_due(database, folder=folder)):
            return None
        if not force and not self.has_cases():
            return None  # nothing in it yet worth keeping
        made_at = backups.utc_now()
        target = backups.automatic_backup_path(database, made_at, folder)
        backups.prepare_backup_folder(database, folder)
        path = self.backup(target)
        backups.rotate(database, keep, folder, self.passphrase)
        return backups.Backup(path, made_at)

    # The team's best questions

    def best_questions(self) -> list[BestQuestion]:
        """The team's library of best questions, newest first."""
        with self._transaction() as conn:
            return best_questions_repo.list_questions(conn)

    def add_best_question(self, question: BestQuestion) -> BestQuestion:
        """Save a new best question; return it with its id."""
        with self._transaction(write=True) as conn:
            return best_questions_repo.add_question(conn, question)

    def update_best_question(self, question: BestQuestion) -> None:
        """Save a best question's words and tags."""
        with self._transaction(write=True) as conn:
            best_questions_repo.update_question(conn, question)

    def delete_best_question(self, question_id: int) -> None:
        with self._transaction(write=True) as conn:
            best_questions_repo.delete_question(conn, question_id)

    def import_best_questions(self, questions: list[BestQuestion]) -> ImportResult:
        """Add the questions the library lacks (by uid, then by the same words), all or none."""
        with self._transaction(write=True) as conn:
            return best_questions_repo.import_questions(conn, questions)
