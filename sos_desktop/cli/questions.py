"""The ``questions`` sub-command: the team's best questions out to a file another team can import
(``--export OUT.json``), or a colleague's file into the library (``--import FILE.json``: what the library lacks by
uid or by the same words is added, and the command says how many were added and how many were already there).

The parser part is light (``cli/__init__`` must not import SQLAlchemy before the console paints); the file is read
and written by :func:`run_questions`, which imports the exporter only when asked.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sos_desktop.store.store import Store

COMMAND = "questions"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    questions = commands.add_parser(COMMAND, help="export the team's best questions to a file, or import a file")
    which = questions.add_mutually_exclusive_group(required=True)
    which.add_argument("--export", type=Path, metavar="OUT.json", help="write the library to this file")
    which.add_argument("--import", dest="import_file", type=Path, metavar="FILE.json", help="add a file's questions")


def run_questions(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    """Export the library to ``args.export`` or import ``args.import_file`` into it; say what was done on ``out``."""
    from sos_desktop.exporters.best_questions.file import read_questions_file, write_questions_file

    if args.export is not None:
        questions = store.best_questions()
        if not questions:
            raise ValueError("The library has no best questions yet; capture some in a meeting first.")
        write_questions_file(questions, args.export)
        count = "1 question" if len(questions) == 1 else f"{len(questions)} questions"
        print(f"Wrote {count} to {args.export}.", file=out)
        return
    result = store.import_best_questions(read_questions_file(args.import_file))
    print(result.sentence(), file=out)
