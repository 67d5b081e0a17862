"""The ``sos-desktop`` sub-commands, run from :func:`sos_desktop.cli.main` once the arguments are parsed.

Sub-commands: ``list``, ``import FILE`` (``--as-copy`` or ``--replace`` for a meeting already there),
``continue MEETING_ID`` (the case's next meeting, carried forward), ``export MEETING_ID --json OUT`` (and/or
``--pdf OUT`` for the minutes, ``--feedback-pdf OUT`` for the facilitator's feedback report, ``--safety-plan-pdf
OUT`` for the family's copy of the safety plan, ``--words-pictures-pdf OUT`` for the family's copy of the Words and
Pictures), ``demo``, ``development-report LEADER OUT.pdf``, ``audit --csv OUT.csv`` (and/or ``--pdf``), ``questions
--export OUT.json`` or ``--import FILE.json``. With none, the facilitator's console opens. Errors go
to stderr as one plain sentence with a non-zero status, never a traceback: 1 for a store or file-system problem, 2
for bad arguments or an invalid meeting file.
"""

from __future__ import annotations

import argparse
import errno
import os
import warnings
from datetime import datetime
from typing import TextIO

from sos_desktop.cli import audit, development, opening, questions
from sos_desktop.cli import encryption as cli_encryption
from sos_desktop.cli.pdf_password import PdfPasswordError, pdf_password
from sos_desktop.exporters.family_plan import write_family_plan_pdf
from sos_desktop.exporters.interchange.files import (
    ExportError,
    InterchangeError,
    read_meeting_file,
    read_observations,
    write_meeting_file,
)
from sos_desktop.exporters.minutes import DEFAULT_MARKING, MinutesOptions, write_feedback_pdf, write_minutes_pdf
from sos_desktop.exporters.minutes.fonts import MissingGlyphWarning
from sos_desktop.exporters.words_pictures import has_story, write_words_pictures_pdf
from sos_desktop.models import merge_observations
from sos_desktop.models.continuity import following_title
from sos_desktop.models.control_characters import escape_controls
from sos_desktop.models.development import facilitator_of
from sos_desktop.models.templates import template
from sos_desktop.store.backup import RESTORE_COMMAND, BackupError
from sos_desktop.store.engine import PASSPHRASE_ENV_VAR, resolve_database_url, sqlite_file
from sos_desktop.store.errors import DiskFullError, NotFoundError, StoreError
from sos_desktop.store.repo.bundles import DuplicateMeetingError, ImportMode
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import team_agenda

EXIT_ERROR = 1
EXIT_INVALID = 2


class CommandError(Exception):
    """A failure to report to the user as one sentence, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


def open_store(args: argparse.Namespace, err: TextIO) -> Store:
    return opening.open_store(args, err)


def _list(store: Store, out: TextIO) -> None:
    cases = store.list_cases()
    if not cases:
        print("No cases yet. Try 'sos-desktop demo' or 'sos-desktop import FILE.json'.", file=out)
        return
    # Names and titles are the users': a control character in one (an escape, a bidi override) is shown, not obeyed.
    for case in cases:
        reference = f" [{escape_controls(case.reference)}]" if case.reference else ""
        label = escape_controls(case.label)
        print(f"case {case.id}: {label}{reference} ({template(case.framework).name})", file=out)
        for meeting in store.list_meetings(case.id):
            when = meeting.held_on.strftime("%Y-%m-%d %H:%M") if meeting.held_on else "no date"
            title = escape_controls(meeting.title)
            print(f"  meeting {meeting.id}: {title} ({when}, {meeting.kind.value})", file=out)


def _import(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    if args.merge_observations:
        reference, title, held_on, observations = read_observations(args.file)
        meeting_id = store.find_meeting(reference, title, held_on)
        if meeting_id is None:
            raise CommandError(
                f"No meeting titled '{title}' of case '{reference}' on that date is in the database; "
                "nothing was changed."
            )
        meeting = store.get_meeting(meeting_id)
        merged = merge_observations(meeting.observations, observations)
        store.set_observations(meeting_id, merged, meeting.observations)  # a change: a live observer's notes stay
        print(meeting_id, file=out)
        return
    warnings: list[str] = []
    bundle = read_meeting_file(args.file, warnings)
    mode = ImportMode.AS_COPY if args.as_copy else ImportMode.REPLACE if args.replace else ImportMode.REFUSE
    try:
        imported = store.import_bundle(bundle, mode, warnings)
    except DuplicateMeetingError as error:
        raise CommandError(
            f"{error.headline} Use --as-copy to add it again as a new meeting, or --replace to replace it.",
            EXIT_INVALID,
        ) from error
    except BackupError as error:  # --replace on a database SoS Desktop cannot back up
        raise CommandError(f"--replace backs the database up first, and could not: {error}") from error
    for warning in warnings:
        print(f"sos-desktop: warning: {warning}", file=err)
    if imported.replaced is not None and imported.backup is not None:
        print(
            f"sos-desktop: replaced meeting {imported.replaced.id} with the file's meeting (same id). To undo it, "
            f'restore the backup made just before: {RESTORE_COMMAND} "{imported.backup}" (this also undoes any '
            "later change).",
            file=err,
        )
    print(imported.bundle.meeting.id, file=out)


def _export(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    pdfs = args.pdf is not None or args.feedback_pdf is not None or args.safety_plan_pdf is not None
    pdfs = pdfs or args.words_pictures_pdf is not None
    family_copy = " For the family's copy of the safety plan: --safety-plan-pdf OUT.pdf."
    if args.json is None and not pdfs:
        raise CommandError(
            f"Say what to export: --json OUT.json, --pdf OUT.pdf or --feedback-pdf OUT.pdf.{family_copy}", EXIT_INVALID
        )
    pdf_only = [flag for flag, given in _pdf_flags(args) if given]
    if pdf_only and not pdfs:
        raise CommandError(
            f"{pdf_only[0]} applies to the PDFs only: add --pdf or --feedback-pdf.{family_copy}", EXIT_INVALID
        )
    if args.with_feedback and args.pdf is None:
        raise CommandError("--with-feedback adds the feedback to the minutes: add --pdf OUT.pdf.", EXIT_INVALID)
    try:
        password = pdf_password(args) if pdfs else None
    except PdfPasswordError as error:
        raise CommandError(str(error), EXIT_INVALID) from None
    options = MinutesOptions(
        marking=args.marking,
        pseudonymise=args.pseudonymise,
        password=password,
        include_feedback=args.with_feedback,
    )
    try:
        bundle = store.load_bundle(args.meeting_id)
    except NotFoundError:
        raise CommandError(
            f"There is no meeting {args.meeting_id} in the database; 'sos-desktop list' shows the ids.", EXIT_INVALID
        ) from None
    if args.safety_plan_pdf is not None and bundle.meeting.safety_plan.is_empty():
        raise CommandError(
            f"Meeting {args.meeting_id} has no safety plan yet, so there is no family copy to write; nothing was "
            "written.",
            EXIT_INVALID,
        )
    if args.words_pictures_pdf is not None and not has_story(bundle):
        raise CommandError(
            f"Meeting {args.meeting_id} has no Words and Pictures story with panels yet, so there is nothing to "
            "print; nothing was written.",
            EXIT_INVALID,
        )
    if args.json is not None:
        write_meeting_file(bundle, args.json)
        print(f"Exported meeting {args.meeting_id} to {args.json}", file=out)
    with warnings.catch_warnings(record=True) as unprintable:
        warnings.simplefilter("always", MissingGlyphWarning)
        if args.pdf is not None:
            case_meetings = store.case_meetings(bundle.case.id) if bundle.case.id is not None else []
            write_minutes_pdf(bundle, args.pdf, case_meetings=case_meetings, options=options)
            print(f"Wrote the minutes of meeting {args.meeting_id} to {args.pdf}", file=out)
        if args.feedback_pdf is not None:
            facilitator = facilitator_of(bundle.meeting)
            facilitated = store.facilitated(facilitator) if facilitator else []
            write_feedback_pdf(bundle, args.feedback_pdf, facilitated=facilitated, options=options)
            print(f"Wrote the feedback report on meeting {args.meeting_id} to {args.feedback_pdf}", file=out)
        if args.safety_plan_pdf is not None:
            write_family_plan_pdf(bundle, args.safety_plan_pdf, options=options)
            print(f"Wrote the family's safety plan of meeting {args.meeting_id} to {args.safety_plan_pdf}", file=out)
        if args.words_pictures_pdf is not None:
            write_words_pictures_pdf(bundle, args.words_pictures_pdf, options=options)
            print(f"Wrote the Words and Pictures of meeting {args.meeting_id} to {args.words_pictures_pdf}", file=out)
    for caught in unprintable:  # any other warning goes on as it came
        if not issubclass(caught.category, MissingGlyphWarning):
            warnings.warn_explicit(caught.message, caught.category, caught.filename, caught.lineno)
    for message in dict.fromkeys(str(w.message) for w in unprintable if issubclass(w.category, MissingGlyphWarning)):
        print(f"sos-desktop: warning: {message}", file=err)


def _pdf_flags(args: argparse.Namespace) -> list[tuple[str, bool]]:
    """The options that only shape a PDF, and whether each was given."""
    return [
        ("--pseudonymise", args.pseudonymise),
        ("--password", args.password is not None),
        ("--password-prompt", args.password_prompt),
        ("--marking", args.marking != DEFAULT_MARKING),
        ("--with-feedback", args.with_feedback),
    ]


def _snapshot(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    try:
        store.get_meeting(args.meeting_id)
    except NotFoundError:
        raise CommandError(
            f"There is no meeting {args.meeting_id} in the database; 'sos-desktop list' shows the ids.", EXIT_INVALID
        ) from None
    if not args.out.parent.is_dir():
        raise CommandError(f"The folder for {args.out} does not exist; nothing was written.")
    from PySide6.QtCore import QSize

    from sos_desktop.ui.shell.snapshot import render_view, save_png

    image = render_view(store, args.meeting_id, args.view, QSize(*args.size), args.theme, panel=args.panel)
    save_png(image, args.out)
    print(f"Saved the {args.view} view of meeting {args.meeting_id} to {args.out}", file=out)


def _continue(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    """Create the case's next meeting from ``args.meeting_id`` and print its id (alone, for scripts)."""
    try:
        previous = store.get_meeting(args.meeting_id)
    except NotFoundError:
        raise CommandError(
            f"There is no meeting {args.meeting_id} in the database; 'sos-desktop list' shows the ids.", EXIT_INVALID
        ) from None
    assert previous.case_id is not None
    latest = store.latest_meeting_id(previous.case_id)
    if latest is not None and latest != previous.id:
        print(
            f"sos-desktop: warning: meeting {previous.id} is not the case's latest (meeting {latest} is); the new "
            f"meeting continues from {previous.id}, as asked.",
            file=err,
        )
    held_on = args.held_on or datetime.now().replace(minute=0, second=0, microsecond=0)
    title = args.title if args.title is not None else following_title(previous, held_on.date())
    following = store.continue_meeting(
        previous.id or 0, title=title, held_on=held_on, agenda=team_agenda(store, previous.kind)
    )
    print(following.id, file=out)


def _backup(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    print(f"Backed up the database to {store.backup(args.out)}", file=out)


def _restore(args: argparse.Namespace, out: TextIO) -> None:
    """Restore without opening the database first: it may be the damaged file the backup replaces."""
    from sos_desktop.store import backup

    database = sqlite_file(resolve_database_url(args.db, args.data_dir))
    if database is None:
        raise CommandError(backup.POSTGRES_MESSAGE)
    holder = backup.lock_holder(database)
    if holder is not None:
        raise CommandError(
            f"SoS Desktop is open on this database (process {holder}); close it, then restore. Nothing was changed."
        )
    try:
        # A backup of an encrypted database is encrypted with its passphrase, given as for opening it.
        aside = backup.restore(args.file, database, passphrase=os.environ.get(PASSPHRASE_ENV_VAR) or None)
    except backup.InvalidBackupError as error:
        raise CommandError(str(error), EXIT_INVALID) from error
    print(f"Restored {args.file} as the database {database}.", file=out)
    if aside is not None:
        print(f"The file that was there is kept as {aside}.", file=out)


def run_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    if args.command == "restore":
        _restore(args, out)
        return
    if args.command == "encrypt":
        cli_encryption.run_encrypt(args, out)
        return
    if args.command == "import" and (refusal := opening.special_file_refusal(args.file)) is not None:
        raise CommandError(refusal, EXIT_INVALID)
    store = open_store(args, err)
    try:
        if args.command == "list":
            _list(store, out)
        elif args.command == "import":
            _import(store, args, out, err)
        elif args.command == "export":
            _export(store, args, out, err)
        elif args.command == "demo":
            # The first meeting's id, as ever (scripts read it); the follow-up continued from it is the next meeting.
            print(store.save_demo().first, file=out)
        elif args.command == "snapshot":
            _snapshot(store, args, out)
        elif args.command == "continue":
            _continue(store, args, out, err)
        elif args.command == "backup":
            _backup(store, args, out)
        elif args.command == development.COMMAND:
            development.run_report(store, args, out)
        elif args.command == audit.COMMAND:
            audit.run_audit(store, args, out)
        elif args.command == questions.COMMAND:
            questions.run_questions(store, args, out)
    finally:
        store.close()


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the sub-command ``args`` names; return the exit status, each failure told in one sentence on ``err``."""
    try:
        run_command(args, out, err)
    except CommandError as error:
        opening.say(err, str(error))
        return error.status
    except (InterchangeError, NotFoundError) as error:  # NotFoundError before StoreError, its base
        opening.say(err, str(error))
        return EXIT_INVALID
    except StoreError as error:
        message, status = opening.store_failure(error, args)
        opening.say(err, message)
        return status
    except ExportError as error:
        opening.say(err, str(error))
        return EXIT_ERROR
    except OSError as error:
        if error.errno == errno.ENOSPC:
            opening.say(err, f"{DiskFullError()}")
            return EXIT_ERROR
        opening.say(
            err,
            f"{error.strerror or 'the operating system refused'}{f': {error.filename}' if error.filename else ''}.",
        )
        return EXIT_ERROR
    except ValueError as error:
        opening.say(err, str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("sos-desktop: interrupted.", file=err)
        return 130
    except Exception as error:
        print(
            f"sos-desktop: the command stopped with an unexpected error ({type(error).__name__}); please report it.",
            file=err,
        )
        return EXIT_ERROR
    return 0
