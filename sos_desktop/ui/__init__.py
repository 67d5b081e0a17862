"""Everything Qt: the facilitator's console, the meeting document with its undo stack, and the views on it."""
