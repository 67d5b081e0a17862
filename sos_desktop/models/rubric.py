"""The observers' rubric as a list of criteria: how a list typed in the Settings dialog, an observer's window or a
merged file is kept (trimmed, not empty, each once, at most a label's length).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_desktop.models.meeting import MAX_LABEL_LENGTH


def clean_criteria(names: Iterable[Any]) -> list[str]:
    """Criteria as a rubric keeps them: trimmed, not empty, each once, at most a label's length."""
    cleaned: list[str] = []
    for name in names:
        text = str(name).strip()[:MAX_LABEL_LENGTH] if isinstance(name, str) else ""
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned
