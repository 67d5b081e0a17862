"""The meeting document's hold on the observer's feedback: a mixin of ``MeetingDocument``."""

from __future__ import annotations


class ObservationEditing:
    """The observer's notes, rubric and comments, edited by undo commands (``observationsChanged`` follows)."""
