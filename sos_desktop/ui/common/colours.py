"""The console's signal colours, one place for every page: amber for a gentle flag (a check to think about, a
late milestone, an overdue step), dark enough on white to pass WCAG AA for bold text.
"""

from __future__ import annotations

AMBER = "#9a5500"
"""A flag the facilitator should notice: never a block, always readable (5.7 : 1 on white)."""
