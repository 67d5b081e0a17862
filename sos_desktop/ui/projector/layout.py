"""Laying out the projected map: the header, then panels side by side, at the largest type that fits.

Sizes are in "reference pixels" of a 1920x1080 screen, scaled by the view's size, so a 1280x720 window and a 4K
projector show the same picture. Card text is as large as fits between a floor and a cap; below the floor the
view shows what fits and says "+N more" for each category. Zoom multiplies the fitted size.

The search for the largest size that fits starts from the size that fitted last time (kept by the projection), so an
edit that does not change the fit costs two measurements rather than a whole search.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import get_args

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont

from sos_desktop.models import COLUMN_OF, Category, Column
from sos_desktop.ui.projector.content import MapContent, Section
from sos_desktop.ui.projector.modes import (
    ChangesMode,
    ChronologyMode,
    FocusMode,
    NetworkMode,
    PlanMode,
    ReviewMode,
    SafetyHouseMode,
    ScalesMode,
    TrajectoryMode,
    TrajectoryPlanMode,
    VoiceMode,
    WordsPicturesMode,
)
from sos_desktop.ui.projector.panel import Geometry, Panel, PanelSpec
from sos_desktop.ui.projector.scene import Scene, Shape, TextShape
from sos_desktop.ui.projector.text import TextCache, TextStyle
from sos_desktop.ui.projector.themes import Theme

ProjectorMode = (
    Column
    | Category
    | ScalesMode
    | TrajectoryMode
    | NetworkMode
    | VoiceMode
    | SafetyHouseMode
    | FocusMode
    | ChangesMode
    | ChronologyMode
    | ReviewMode
    | PlanMode
    | TrajectoryPlanMode
    | WordsPicturesMode
    | None
)
MODE_KINDS: tuple[type, ...] = tuple(kind for kind in get_args(ProjectorMode) if kind is not type(None))
"""The kinds of mode ``ProjectorMode`` names (for a check at run time), read from the alias itself."""
"""What the projector shows: the whole map (None), one column, one category, a scale, a scale's trajectory, the
safety network, the child's voice (Three Houses), the focus question, what changed since last time, the chronology,
the review of last time's next steps, the safety plan or the trajectory plan."""

REFERENCE_WIDTH, REFERENCE_HEIGHT = 1920, 1080
FLOOR_PX = 14
"""Smallest card text at 1080 lines (times the theme's type scale); below it the view says "+N more" instead."""
CAP_PX = 48
"""Largest card text at 1080 lines: a nearly empty map does not shout."""
MEASURE_EMS = 13
"""A panel is at least this many card-text sizes wide (bar the three columns of the whole map, which are always
there), so that its lines are not a word or two."""
NO_MEETING = "No meeting is open on the console."

Arrangement = Callable[[int, bool], list[Panel]]
"""Panels at a card size; the flag says it is the final placement, which may leave cards out."""


def unit(width: float, height: float) -> float:
    """Pixels per reference pixel: the view's size against 1920x1080, by the tighter of the two sides."""
    return max(0.05, min(width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT))


class Layout:
    """Builds the ``Scene`` of one frame at one size, mode, theme and zoom."""

    def __init__(
        self,
        content: MapContent | None,
        theme: Theme,
        width: float,
        height: float,
        mode: ProjectorMode,
        zoom: float,
        cache: TextCache,
        fitted: dict[tuple[object, int], int] | None = None,
    ) -> None:
        """``fitted`` holds the card size each arrangement of each mode fitted at last: read as where to start the
        search, and updated.
        """
        self.content = content
        self.fitted = {} if fitted is None else fitted
        self.theme = theme
        self.width = width
        self.height = height
        self.mode = mode
        self.zoom = zoom
        self.cache = cache
        self.u = unit(width, height)
        scale = self.u * theme.type_scale
        self.floor = max(6, round(FLOOR_PX * scale))
        self.cap = max(self.floor, round(CAP_PX * scale))
        self.margin = round(30 * self.u)
        self.gap = round(32 * self.u)
        self.header_scale = scale * zoom

    def _style(self, reference_px: float, weight: QFont.Weight = QFont.Weight.Normal) -> TextStyle:
        return TextStyle(self.theme.font_families, max(6, round(reference_px * self.header_scale)), weight.value)

    def _header(self, content: MapContent, shapes: list[Shape]) -> float:
        """Place the title line, the focus question and, in one column or category, its heading; returns the bottom."""
        theme, width, x = self.theme, self.width - 2 * self.margin, self.margin
        y = float(round(20 * self.u))
        lines: list[tuple[str, TextStyle, int, QColor]] = [(content.title, self._style(22), 1, theme.muted_text)]
        if content.focus:
            lines.append((content.focus, self._style(31, QFont.Weight.DemiBold), 2, theme.focus_text))
        if isinstance(self.mode, Column):
            column = content.column(self.mode)
            lines.append((column.title, self._style(40, QFont.Weight.Bold), 1, theme.accent(self.mode)))
            lines.append((column.question, self._style(24), 2, theme.muted_text))
        elif isinstance(self.mode, Category):
            section = content.section(self.mode)
            lines.append((section.label, self._style(40, QFont.Weight.Bold), 1, theme.accent(COLUMN_OF[self.mode])))
            lines.append((section.question, self._style(24), 2, theme.muted_text))
        for text, style, max_lines, colour in lines:
            laid = self.cache.lay(text, style, width, max_lines)
            shapes.append(TextShape(laid, QPointF(x, y), colour))
            y += laid.height + round(10 * self.u)
        return y + round(14 * self.u)

    # Panels ------------------------------------------------------------------------------------------------------

    def _widths(self, weights: list[int], least: float = 0.75, lean: float = 0.0) -> list[float]:
        """Panel widths by how much each holds (``weights``, from ``_weights``), within bounds so that no panel is
        starved or swollen.

        ``lean`` gives that much more of the width to the fullest panel, taken evenly from the others.
        """
        count = len(weights)
        shares = [min(1.6 / count, max(least / count, w / sum(weights))) for w in weights]
        shares = [round(100 * share / sum(shares)) / 100 for share in shares]  # steady while a card is typed
        if lean and count > 1:
            fullest = weights.index(max(weights))
            shares = [share + lean if i == fullest else share - lean / (count - 1) for i, share in enumerate(shares)]
        room = self.width - 2 * self.margin - self.gap * (count - 1)
        return [room * share / sum(shares) for share in shares]

    def _panels(self, specs: list[PanelSpec], widths: list[float], geometry: Geometry) -> list[Panel]:
        panels, x = [], float(self.margin)
        for spec, width in zip(specs, widths, strict=True):
            panels.append(Panel(spec, x, width, geometry, self.theme, self.cache))
            x += width + self.gap
        return panels

    def _geometry(self, card_px: int) -> Geometry:
        titles = (round(24 * self.header_scale), round(40 * self.header_scale))
        return Geometry(card_px, self.floor, self.theme.font_families, titles)

    def _fitted(self, fits: Callable[[int], bool], start: int | None = None) -> tuple[int, bool]:
        """The largest card size from floor to cap for which ``fits(size)`` holds, else the floor (and False).

        ``start`` is a guess (the size that fitted last time): if it fits and one size larger does not, it is the
        answer; else the search goes on above or below it.
        """
        low, high = self.floor, self.cap
        known = False  # whether fits(low) is already known to hold
        if start is not None and low <= start <= high:
            if not fits(start):
                if start == low:
                    return low, False
                high = start - 1
            elif start == high or not fits(start + 1):
                return start, True
            else:
                low, known = start + 1, True
        if not known and not fits(low):
            return low, False
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if fits(middle) else (low, middle - 1)
        return low, True

    def _arrangements(self, content: MapContent, body: float) -> list[tuple[Arrangement, int]]:
        """Ways to set out the panels of the current mode, the one to prefer (if it allows as large a type) first.

        Each comes with the fewest card-text sizes its panels must be wide.
        """
        if isinstance(self.mode, Category):  # more panels side by side: shorter lines
            section = content.section(self.mode)
            counts = range(max(1, min(3, len(section.cards))), 0, -1)
            return [(self._flowed(section, count, body), MEASURE_EMS) for count in counts]
        if isinstance(self.mode, Column):
            column, sections = self.mode, content.column(self.mode).shown()
            found = []
            for count in range(len(sections), 0, -1):
                specs = [PanelSpec("", column, group) for group in _grouped(sections, count)]
                found.append((self._fixed(specs, self._widths(_weights(specs), least=0.6)), MEASURE_EMS))
            return found
        # The three columns always; more room for the fullest only if the others keep lines of a few words.
        specs = [PanelSpec(c.title, c.column, c.shown()) for c in content.columns]
        weights = _weights(specs)
        return [(self._fixed(specs, self._widths(weights, lean=lean)), 12 if lean else 0) for lean in (0.0, 0.05, 0.1)]

    def _fixed(self, specs: list[PanelSpec], widths: list[float]) -> Arrangement:
        return lambda size, _final: self._panels(specs, widths, self._geometry(size))

    def _flowed(self, section: Section, count: int, body: float) -> Arrangement:
        """A category's cards flowing, in order, down ``count`` panels side by side."""
        count = max(1, min(count, len(section.cards)))
        width = (self.width - 2 * self.margin - self.gap * (count - 1)) / count
        column = COLUMN_OF[section.category]

        def arrange(size: int, final: bool) -> list[Panel]:
            geometry = self._geometry(size)
            probe = Panel(PanelSpec("", column, (section,), False), 0, width, geometry, self.theme, self.cache)
            heights = [probe.card_height(section, card) for card in section.cards]
            runs = _flow(heights, count, geometry.card_gap, None)
            if final and max(_run_height(heights, run, geometry.card_gap) for run in runs) > body:
                runs = _flow(heights, count, geometry.card_gap, body)  # too many: fill each panel in turn
            specs = [PanelSpec("", column, (replace(section, cards=section.cards[a:b]),), False) for a, b in runs]
            return self._panels(specs, [width] * len(specs), geometry)

        return arrange

    def _arrange(self, content: MapContent, top: float, body: float, shapes: list[Shape]) -> tuple[int, int]:
        """Place the panels at the largest type that fits, in the arrangement that allows it.

        Returns the card text size and how many cards did not fit.
        """
        best: tuple[tuple[bool, int], Arrangement] | None = None
        for number, (arrangement, ems) in enumerate(self._arrangements(content, body)):

            def fits(size: int, arrangement: Arrangement = arrangement, ems: int = ems) -> bool:
                panels = arrangement(size, False)
                return all(p.width >= ems * size for p in panels) and all(p.fits(body) for p in panels)

            size, fitted = self._fitted(fits, self.fitted.get((self.mode, number)))
            self.fitted[self.mode, number] = size
            if best is None or (fitted, size) > best[0]:
                best = ((fitted, size), arrangement)
        assert best is not None
        size = max(6, round(best[0][1] * self.zoom))
        hidden = 0
        for panel in best[1](size, True):
            hidden += panel.place(top, panel.plan(body), shapes)
        return size, hidden

    def scene(self) -> Scene:
        scene = Scene(self.theme.background)
        if self.content is None:
            laid = self.cache.lay(NO_MEETING, self._style(30), self.width - 2 * self.margin, 2)
            origin = QPointF((self.width - laid.width) / 2, (self.height - laid.height) / 2)
            scene.shapes.append(TextShape(laid, origin, self.theme.muted_text))
            return scene
        top = self._header(self.content, scene.shapes)
        body = max(0.0, self.height - self.margin - top)
        size, hidden = self._arrange(self.content, top, body, scene.shapes)
        scene.card_pixel_size, scene.hidden_cards = size, hidden
        return scene


def _flow(heights: list[float], count: int, gap: float, capacity: float | None) -> list[tuple[int, int]]:
    """Split cards, in order, into at most ``count`` runs: balanced if no ``capacity`` is given, else each run
    filled up to it with the last taking the rest.
    """
    if not heights:
        return [(0, 0)]

    def runs(limit: float, last_takes_rest: bool) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        start, used = 0, 0.0
        for index, height in enumerate(heights):
            added = height + (gap if index > start else 0.0)
            if index > start and used + added > limit and not (last_takes_rest and len(found) == count - 1):
                found.append((start, index))
                start, used = index, height
            else:
                used += added
        return [*found, (start, len(heights))]

    if capacity is not None:
        return runs(capacity, True)
    low, high = max(heights), sum(heights) + gap * (len(heights) - 1)
    for _ in range(24):  # the smallest tallest run that needs no more than ``count`` runs
        middle = (low + high) / 2
        low, high = (low, middle) if len(runs(middle, False)) <= count else (middle, high)
    return runs(high, False)


def _weight(section: Section) -> int:
    """Roughly how much room a section takes: its label and its cards' text."""
    return 60 + sum(40 + len(card.text) + len(card.meta) // 2 for card in section.cards)


def _weights(specs: list[PanelSpec]) -> list[int]:
    """Roughly how much room each panel takes: its sections and its heading."""
    return [sum(_weight(section) for section in spec.sections) + 30 for spec in specs]


def _grouped(sections: tuple[Section, ...], count: int) -> list[tuple[Section, ...]]:
    """``sections`` cut, in order, into ``count`` groups as even in weight as can be."""
    weights = [_weight(section) for section in sections]
    best: list[tuple[Section, ...]] = [sections]
    best_load = float("inf")
    for cuts in itertools.combinations(range(1, len(sections)), count - 1):
        bounds = [0, *cuts, len(sections)]
        load = max(sum(weights[a:b]) for a, b in itertools.pairwise(bounds))
        if load < best_load:
            best, best_load = [sections[a:b] for a, b in itertools.pairwise(bounds)], load
    return best


def _run_height(heights: list[float], run: tuple[int, int], gap: float) -> float:
    start, end = run
    return sum(heights[start:end]) + gap * max(0, end - start - 1)
