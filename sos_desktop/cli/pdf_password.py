"""Where ``sos-desktop export`` gets the password that encrypts its PDFs, without showing it to other users.

An argument on the command line (``--password PW``) can be read by every user of the computer in the process list
(``ps``, ``/proc/*/cmdline``), so it still works but two private ways come first in the help:
``--password-prompt`` asks for it on the terminal (never echoed, twice to be sure of it) or reads one line from
standard input when that is not a terminal (for scripts), and ``$SOS_DESKTOP_PDF_PASSWORD`` holds it for a
script's whole run. At most one of the two options may be given; either wins over the variable.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

PDF_PASSWORD_ENV_VAR = "SOS_DESKTOP_PDF_PASSWORD"
TRIES = 3


class PdfPasswordError(Exception):
    """No usable password could be had; the message is one sentence for the user (status 2)."""


def pdf_password(args: argparse.Namespace) -> str | None:
    """The PDFs' password from ``--password``, ``--password-prompt`` or the environment; None for no password."""
    if args.password is not None and args.password_prompt:
        raise PdfPasswordError("Give --password or --password-prompt, not both.")
    if args.password is not None:
        if not args.password:
            raise PdfPasswordError("An empty --password would protect nothing; give a password or none.")
        return str(args.password)
    if args.password_prompt:
        return _asked()
    given = os.environ.get(PDF_PASSWORD_ENV_VAR)
    if given is None:
        return None
    if not given:
        raise PdfPasswordError(
            f"{PDF_PASSWORD_ENV_VAR} is set but empty, which would protect nothing: set a password in it, or unset "
            "it for PDFs without one. Nothing was written."
        )
    return given


def _asked() -> str:
    """A password typed twice on the terminal, or one line of standard input when it is not a terminal."""
    if sys.stdin is None or not sys.stdin.isatty():
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n")
        if not password:
            raise PdfPasswordError(
                "--password-prompt found no password on standard input (one line); nothing was written."
            )
        return password
    for _ in range(TRIES):
        first = getpass.getpass("Password for the PDFs: ")
        if not first:
            print("An empty password would protect nothing; type one.", file=sys.stderr)
            continue
        if getpass.getpass("The same password again: ") == first:
            return first
        print("The two passwords differ; try again.", file=sys.stderr)
    raise PdfPasswordError("No password was agreed, so nothing was written.")
