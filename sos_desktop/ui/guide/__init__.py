"""Guidance for newcomers and everyone: help pages, the tour, the welcome and the F1 sheet of keys."""
