"""The meeting document's hold on the child's voice (Three Houses): a mixin of ``MeetingDocument``."""

from __future__ import annotations


class VoiceEditing:
    """Child's-voice entries of the meeting, edited by undo commands (``voiceChanged`` follows every change)."""
