"""The child's voice: Three Houses entries in the child's exact words."""

from __future__ import annotations

from dataclasses import dataclass

from sos_desktop.models.enums import House


@dataclass
class ChildVoiceEntry:
    """What one child said for one house; ``child`` is the id of the child in the case's network."""

    house: House
    words: str
    child: int | None = None
    consent_to_share: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        self.house = House(self.house)
