"""What the meeting-file tests share: the specification's example document, and writing a text to a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
SPEC_EXAMPLE = DATA / "spec-example.json"


def spec_example() -> dict[str, Any]:
    """A fresh copy of the specification's example meeting file, as parsed JSON."""
    document: dict[str, Any] = json.loads(SPEC_EXAMPLE.read_text("utf-8"))
    return document


def write_text(tmp_path: Path, text: str, name: str = "meeting.json") -> Path:
    """``text`` written to a file in ``tmp_path``; its path."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path
