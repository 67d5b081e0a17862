"""The ``sos-desktop`` command: parses the arguments, then starts the console or runs a sub-command.

This module stays light on purpose: with no sub-command the console starts, and nothing here may import
SQLAlchemy, reportlab or the exporters before the window has first painted. The sub-commands live in
:mod:`.commands`, imported only when one is asked for. Errors go to stderr as one plain sentence with a non-zero
status, never a traceback: 1 for a store or file-system problem, 2 for bad arguments or an invalid meeting file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from sos_desktop import APP_NAME, __version__
from sos_desktop.cli import audit, development, questions
from sos_desktop.exporters.minutes.marking import DEFAULT_MARKING


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sos-desktop",
        description=f"{APP_NAME}: live Signs of Safety case mapping and group supervision. "
        "With no command, the facilitator's console opens.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: $SOS_DESKTOP_DB, else a SQLite file in the data folder)"
    )
    parser.add_argument("--data-dir", metavar="DIR", type=Path, help="folder for the database and settings")
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="start the console and quit as soon as its window has first painted (for timing start-up)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="start the console and quit once the database is open and the last meeting painted (for timing)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("list", help="list cases and meetings with their ids")
    importing = commands.add_parser("import", help="import a meeting file (prints the new meeting's id)")
    importing.add_argument("file", type=Path, metavar="FILE.json")
    again = importing.add_mutually_exclusive_group()
    again.add_argument(
        "--merge-observations",
        action="store_true",
        help="only add the file's observations to the matching existing meeting",
    )
    again.add_argument(
        "--as-copy",
        action="store_true",
        help="if the meeting is already in the database, add it again as a new meeting",
    )
    again.add_argument(
        "--replace",
        action="store_true",
        help="if the meeting is already in the database, replace it (a backup is made first, to restore if need be)",
    )
    exporting = commands.add_parser("export", help="export a meeting")
    exporting.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    exporting.add_argument("--json", type=Path, metavar="OUT.json", help="write the meeting interchange file here")
    exporting.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the minutes as a PDF here")
    exporting.add_argument(
        "--feedback-pdf", type=Path, metavar="OUT.pdf", help="write the facilitator's feedback report as a PDF here"
    )
    exporting.add_argument(
        "--safety-plan-pdf",
        type=Path,
        metavar="OUT.pdf",
        help="write the family's own copy of the safety plan as a PDF here (large type, plain words, room to sign)",
    )
    exporting.add_argument(
        "--words-pictures-pdf",
        type=Path,
        metavar="OUT.pdf",
        help="write the family's copy of the meeting's Words and Pictures as a PDF here (a page for each story's "
        "title, then its panels with their pictures and words)",
    )
    exporting.add_argument(
        "--pseudonymise", action="store_true", help="in the PDFs, name the family's network by display names only"
    )
    exporting.add_argument(
        "--password-prompt",
        action="store_true",
        help="encrypt the PDFs (AES-256) with a password asked for on the terminal, twice, never shown (or one line "
        "of standard input when it is not a terminal); $SOS_DESKTOP_PDF_PASSWORD, when set, is used the same way",
    )
    exporting.add_argument(
        "--password",
        metavar="PW",
        help="encrypt the PDFs with PW; other users of this computer can see PW in the process list, so prefer "
        "--password-prompt or $SOS_DESKTOP_PDF_PASSWORD",
    )
    exporting.add_argument(
        "--marking", metavar="TEXT", default=DEFAULT_MARKING, help=f"protective marking (default {DEFAULT_MARKING})"
    )
    exporting.add_argument("--with-feedback", action="store_true", help="add the observer's feedback to the minutes")
    continuing = commands.add_parser(
        "continue",
        help="create the case's next meeting from this one: the map carried forward with its keys and pairs, the "
        "scales unrated, last time's next steps to review, the same attendees (prints the new meeting's id)",
    )
    continuing.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    continuing.add_argument("--title", metavar="T", help="the new meeting's title (default: its kind and date)")
    continuing.add_argument(
        "--held-on",
        type=_held_on,
        metavar="DATE",
        help="when it is held: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: today, at this hour)",
    )
    commands.add_parser("demo", help="create the demo case and meeting (prints the meeting's id)")
    backing_up = commands.add_parser("backup", help="copy the whole database, as it is now, to a backup file")
    backing_up.add_argument("out", type=Path, metavar="OUT")
    restoring = commands.add_parser(
        "restore", help="put a backup in the database's place (the current file is kept aside, never deleted)"
    )
    restoring.add_argument("file", type=Path, metavar="FILE")
    encrypting = commands.add_parser(
        "encrypt", help="encrypt the database with a passphrase (asked for, or $SOS_DESKTOP_PASSPHRASE)"
    )
    encrypting.add_argument(
        "--change", action="store_true", help="change the passphrase of an encrypted database instead"
    )
    development.add_parser(commands)
    audit.add_parser(commands)
    questions.add_parser(commands)
    snapshot = commands.add_parser("snapshot", help="render a view of a meeting to a PNG picture, offscreen")
    snapshot.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    snapshot.add_argument(
        "--view",
        choices=(
            "console",
            "projector",
            "scales",
            "trajectory",
            "network",
            "genogram",
            "voice",
            "safety-house",
            "focus",
            "review",
            "changes",
            "chronology",
            "plan",
            "trajectory-plan",
            "words-pictures",
        ),
        default="projector",
    )
    snapshot.add_argument(
        "--panel",
        type=int,
        default=1,
        metavar="N",
        help="with --view words-pictures: which panel of the story to show (default the first)",
    )
    snapshot.add_argument("--out", type=Path, metavar="FILE.png", required=True)
    snapshot.add_argument("--theme", choices=("projector", "light", "dark"), default="projector")
    snapshot.add_argument(
        "--size",
        type=_size,
        default=(1920, 1080),
        metavar="WIDTHxHEIGHT",
        help="picture size in pixels (default 1920x1080)",
    )
    return parser


def _held_on(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date such as 2026-12-05 or 2026-12-05T10:00") from None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size such as 1920x1080") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text} is outside 320x240 to 7680x4320")
    return width, height


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    if args.command is None:
        from sos_desktop.app import run_gui

        return run_gui(args)
    from sos_desktop.cli.commands import run

    return run(args, out, err)
