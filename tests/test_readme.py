"""The README is the front door: these checks keep what it promises true of the program.

Every picture it shows exists; every link of it and of ``docs/`` leads to a file of the repository (a clone has
nothing beside it); every ``sos-desktop COMMAND`` it writes in code is a real sub-command of the parser; the
quick-start commands it names are branches of ``./dev``, and CI runs the very test command the README gives.
Nothing here needs Qt: the parser is built, not run.
"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"`([^`\n]+)`")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*([^)\s]+)[^)]*\)|<img\b[^>]*\bsrc=\"([^\"]+)\"", re.IGNORECASE)
_DEV = re.compile(r"\./dev\s+([a-z][\w-]*)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)")


def readme_text() -> str:
    return README.read_text(encoding="utf-8")


def code_snippets(text: str) -> list[str]:
    """Every line of the README's code blocks, and every inline code span outside them."""
    lines: list[str] = []
    for block in _FENCE.findall(text):
        lines.extend(block.splitlines())
    prose = _FENCE.sub("", text)
    lines.extend(_INLINE.findall(prose))
    return lines


def build_parser() -> argparse.ArgumentParser:
    from sos_desktop.cli import build_parser as cli_parser

    return cli_parser()


def sub_commands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions  # argparse offers no public way to list sub-parsers
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def options_taking_a_value(parser: argparse.ArgumentParser) -> set[str]:
    """The program's own options (before the sub-command) that are followed by a value, such as ``--db URL``."""
    return {
        option
        for action in parser._actions
        if action.option_strings and action.nargs != 0 and not isinstance(action, argparse._SubParsersAction)
        for option in action.option_strings
    }


def commands_named(snippet: str, takes_value: set[str]) -> list[str]:
    """The sub-command named after each ``sos-desktop`` in ``snippet``; "" where only options follow it."""
    named: list[str] = []
    for match in re.finditer(r"(?:^|[\s(`$])sos-desktop(?=\s|$)", snippet):
        rest = snippet[match.end() :].split("#", 1)[0]
        rest = rest.replace("[", " ").replace("]", " ").replace("|", " ")
        try:
            words = shlex.split(rest)
        except ValueError:
            words = rest.split()
        command = ""
        skip = False
        for word in words:
            if skip:
                skip = False
                continue
            if word.startswith("-"):
                skip = "=" not in word and word in takes_value
                continue
            command = word
            break
        named.append(command)
    return named


def test_every_picture_the_readme_shows_exists() -> None:
    text = readme_text()
    pictures = [first or second for first, second in _IMAGE.findall(text)]
    assert pictures, "The README shows no pictures; the screenshots belong on the front page."
    local = [picture for picture in pictures if not picture.startswith(("http:", "https:"))]
    missing = [picture for picture in local if not (ROOT / picture).is_file()]
    assert not missing, f"The README shows pictures that are not in the repository: {missing}"


def _documents() -> list[Path]:
    return [README, *sorted((ROOT / "docs").glob("*.md"))]


def test_every_link_of_the_readme_and_the_docs_leads_to_a_file_of_the_repository() -> None:
    broken = []
    for document in _documents():
        text = document.read_text(encoding="utf-8")
        for target in _LINK.findall(_FENCE.sub("", text)):
            if target.startswith(("http:", "https:", "mailto:", "#")):
                continue
            found = (document.parent / target.split("#", 1)[0]).resolve()
            if not found.exists() or not found.is_relative_to(ROOT):
                broken.append(f"{document.relative_to(ROOT)}: {target}")
    assert not broken, f"Links that lead nowhere in a clone of the repository: {broken}"


def test_nothing_points_outside_the_repository() -> None:
    for document in _documents():
        text = document.read_text(encoding="utf-8")
        assert "../shared" not in text and "shared/spec" not in text, document.relative_to(ROOT)


def test_every_sub_command_the_readme_writes_is_real() -> None:
    parser = build_parser()
    known = sub_commands(parser)
    takes_value = options_taking_a_value(parser)
    written = [
        command
        for snippet in code_snippets(readme_text())
        for command in commands_named(snippet, takes_value)
        if command
    ]
    assert written, "The README names no sub-command in its code."
    unknown = sorted({command for command in written if command not in known})
    assert not unknown, f"The README names sub-commands the program does not have: {unknown} (it has {sorted(known)})"


def test_the_quick_start_commands_are_branches_of_dev() -> None:
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    branches = set(re.findall(r"^\s*([a-z][\w|-]*)\)\s*$", dev, re.MULTILINE))
    branches = {name for branch in branches for name in branch.split("|")}
    named = set(_DEV.findall(readme_text()))
    assert {"run", "test"} <= named, "The README must give the two quick-start commands, ./dev run and ./dev test."
    assert named <= branches, f"The README names ./dev commands that ./dev does not have: {sorted(named - branches)}"


def test_ci_runs_the_test_command_the_readme_gives() -> None:
    ci = ROOT / ".ci" / "run"
    if not ci.is_file():
        pytest.skip("this checkout has no .ci/run")
    assert "./dev test" in ci.read_text(encoding="utf-8")
    assert "./dev test" in readme_text()


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("sos-desktop list", ["list"]),
        ("sos-desktop --db postgresql+psycopg://me@host/sos list", ["list"]),
        ("sos-desktop [--db URL] [--data-dir DIR] export 3 --json out.json  # a comment", ["export"]),
        ("sos-desktop --version", [""]),
        ("SOS_DESKTOP_PASSPHRASE=x sos-desktop --data-dir=/tmp/d backup out.sqlite3", ["backup"]),
    ],
)
def test_the_readme_reader_finds_the_sub_command(snippet: str, expected: list[str]) -> None:
    assert commands_named(snippet, options_taking_a_value(build_parser())) == expected
