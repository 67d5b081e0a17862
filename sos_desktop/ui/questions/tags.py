"""A best question's tags in the practice's words: a map category by its heading, an agenda phase by its title."""

from __future__ import annotations

from sos_desktop.models import Category, Framework
from sos_desktop.models.meeting_kinds import KIND_AGENDAS
from sos_desktop.models.templates import template


def phase_titles() -> dict[str, str]:
    """Every agenda phase's key with the title its first meeting kind gives it."""
    titles: dict[str, str] = {}
    for phases in KIND_AGENDAS.values():
        for key, title, _minutes in phases:
            titles.setdefault(key, title)
    return titles


def category_labels() -> dict[str, str]:
    """Every map category's value with its heading (the safety framework's words)."""
    words = template(Framework.SAFETY)
    return {category.value: words.label(category) for category in Category}


def all_tags() -> dict[str, str]:
    """Every tag a question can have, with its label: the map's categories first, then the agenda's phases."""
    categories = category_labels()
    headings = set(categories.values())
    phases = {key: title for key, title in phase_titles().items() if key not in categories}
    return {**categories, **{key: f"{title} (phase)" if title in headings else title for key, title in phases.items()}}


def tag_label(tag: str) -> str:
    """A tag as the console shows it (a tag from a newer version, unknown here, as it is written)."""
    return all_tags().get(tag, tag.replace("_", " "))
