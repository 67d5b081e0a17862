"""Projector themes as data: colours and a type scale read from ``resources/themes/<name>.json``.

A council can retune a theme for its own meeting-room projector without touching the program.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from PySide6.QtGui import QColor

from sos_desktop.models import Column

THEMES: tuple[str, ...] = ("projector", "light", "dark")
"""The themes shipped, in the order the T key cycles through them; the first is the default."""

DEFAULT_THEME = THEMES[0]

_COLOUR_KEYS = (
    "background",
    "text",
    "muted_text",
    "focus_text",
    "card_fill",
    "card_border",
    "flag",
    "badge_fill",
    "badge_text",
    "median",
    "spread_band",
    "gridline",
)


class ThemeError(ValueError):
    """A theme that does not exist or whose file is incomplete."""


@dataclass(frozen=True, eq=False)
class Theme:
    """The colours and type scale of one projector theme."""

    name: str
    title: str
    type_scale: float
    font_families: tuple[str, ...]
    background: QColor
    text: QColor
    muted_text: QColor
    focus_text: QColor
    card_fill: QColor
    card_border: QColor
    flag: QColor
    badge_fill: QColor
    badge_text: QColor
    median: QColor
    spread_band: QColor
    gridline: QColor
    accents: dict[Column, QColor]
    raters: tuple[QColor, ...]

    def accent(self, column: Column) -> QColor:
        return self.accents[column]

    def rater(self, index: int) -> QColor:
        """The colour of the ``index``-th rater's mark on a scale (the palette repeats past its end)."""
        return self.raters[index % len(self.raters)]


def _colour(value: object, where: str) -> QColor:
    colour = QColor(str(value))
    if not isinstance(value, str) or not colour.isValid():
        raise ThemeError(f"{where} is not a colour such as #FFFFFF.")
    return colour


@cache
def load_theme(name: str) -> Theme:
    """The theme called ``name`` (one of ``THEMES``), read once from the package's resources."""
    if name not in THEMES:
        raise ThemeError(f"There is no theme called {name!r}; the themes are {', '.join(THEMES)}.")
    text = resources.files("sos_desktop.resources.themes").joinpath(f"{name}.json").read_text("utf-8")
    data = json.loads(text)
    try:
        colours = {key: _colour(data["colours"][key], f"The {key} colour of the {name} theme") for key in _COLOUR_KEYS}
        accents = {
            column: _colour(data["accents"][column.value], f"The {column.value} accent of the {name} theme")
            for column in Column
        }
        raters = tuple(
            _colour(value, f"Rater colour {number} of the {name} theme")
            for number, value in enumerate(data["raters"], start=1)
        )
        if not raters:
            raise ThemeError(f"The {name} theme needs at least one rater colour.")
        scale = float(data["type_scale"])
        families = tuple(str(family) for family in data["font_families"])
        title = str(data["title"])
    except ThemeError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise ThemeError(f"The {name} theme's file is incomplete or malformed ({error!r}).") from error
    if not 0.5 <= scale <= 2.0:
        raise ThemeError(f"The {name} theme's type scale should be between 0.5 and 2, not {scale}.")
    return Theme(
        name=name, title=title, type_scale=scale, font_families=families, accents=accents, raters=raters, **colours
    )


def next_theme(name: str) -> str:
    """The theme after ``name`` in ``THEMES``, wrapping round."""
    index = THEMES.index(name) if name in THEMES else -1
    return THEMES[(index + 1) % len(THEMES)]


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ink_on(theme: Theme, fill: QColor) -> QColor:
    """The theme's background or text colour, whichever stands out more on ``fill`` (the word on a tag)."""
    background, text = theme.background, theme.text
    return background if contrast_ratio(background, fill) >= contrast_ratio(text, fill) else text
