"""What the person exporting chooses about a PDF: the protective marking, pseudonyms, a password, the feedback."""

from __future__ import annotations

from dataclasses import dataclass

from sos_desktop.exporters.minutes.marking import DEFAULT_MARKING

MAX_MARKING_LENGTH = 80


@dataclass(frozen=True)
class MinutesOptions:
    """How the minutes (or the feedback report) are written.

    ``marking`` is printed at the top and the bottom of every page. ``pseudonymise`` writes every person of the
    family's network by their display name, as the projector does, so that no full name of theirs is anywhere in
    the file. ``password`` encrypts the file: it cannot be opened without it. ``include_feedback`` adds the
    observer's feedback on the facilitation to the minutes (it is usually kept out of the child's file).
    """

    marking: str = DEFAULT_MARKING
    pseudonymise: bool = False
    password: str | None = None
    include_feedback: bool = False

    def __post_init__(self) -> None:
        marking = " ".join(self.marking.split())
        if not marking:
            raise ValueError("The protective marking cannot be empty; the default is OFFICIAL-SENSITIVE.")
        if len(marking) > MAX_MARKING_LENGTH:
            raise ValueError(f"The protective marking can be at most {MAX_MARKING_LENGTH} characters long.")
        object.__setattr__(self, "marking", marking)
        if self.password is not None and not self.password:
            raise ValueError("An empty password would protect nothing; give a password or none.")
