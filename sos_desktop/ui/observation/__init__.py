"""The observer: their window, notes and rubric, and a practice leader's development across meetings."""
