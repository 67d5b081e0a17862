"""The projector's picture of the safety network: people as markers with their display names, ties as lines.

Below the heading and the summary line, the network is fitted to the screen: the positions the console's graph saved
(or the circles layout's) are scaled to the room left, so that every name shows whole. Names take the largest type
at which everybody has room: where they stand, else nudged apart, else (a crowd too big for that) set on a grid.
Ties go round the people they do not join, their markers and their whole name plates (``models.tie_routes``, as on
the console and in the minutes), worked out where people finally stand on the wall. Names are drawn last, over every
line and marker. A legend strip along the bottom explains the shapes, the tick and the line styles shown. Everything
that looks like a role or a tie comes from ``network_style``, shared with the console's graph, so the room and the
facilitator read the same picture.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont

from sos_desktop.models import TieKind
from sos_desktop.models.genogram_look import BondLook, bond_look
from sos_desktop.models.tie_routes import THOROUGH_ROUNDS, route_ties, zone_of
from sos_desktop.ui.network.style import (
    KNOWS_COLOUR,
    KNOWS_LEGEND,
    KNOWS_MARK,
    ROLE_STYLES,
    TIE_STYLES,
    RoleStyle,
    legend_entries,
    marker_path,
    pen_style,
)
from sos_desktop.ui.projector.chart_shapes import BoxShape, DiscShape, LineShape
from sos_desktop.ui.projector.network_content import NetworkContent, Node
from sos_desktop.ui.projector.network_fit import (
    ROWS_STRETCH,
    Box,
    Point,
    closer_rows,
    coverage,
    crowded,
    fit,
    on_grid,
    separate,
)
from sos_desktop.ui.projector.network_genogram import (
    GenogramSample,
    StrokeShape,
    cross_path,
    household_colour,
    legend_lines,
    legend_people,
    node_marker,
    sample_shapes,
    slashes_path,
)
from sos_desktop.ui.projector.network_households import DOUBLE_OUTLINE, DrawnPerson, HouseholdsFrame
from sos_desktop.ui.projector.network_shapes import MarkerShape, TieShape
from sos_desktop.ui.projector.scene import BadgeShape, Scene, Shape
from sos_desktop.ui.projector.text import LaidText, TextStyle

NETWORK_HEADING = "Safety network"
EMPTY_NETWORK = "Nobody in the safety network yet"
NAME_PX = (40, 36, 33, 30, 27, 24)
"""Display names' type in reference pixels, largest first: the first at which nobody crowds anybody else."""
LEGEND_PX = 28
TIES_CAPTION = "Lines:"
SPREAD_MARKERS = 6.0
"""The farthest apart, in marker widths, that two people the layout set one spacing apart may be drawn: a small
network stays together in the middle rather than flung to the corners."""
ROOMY = 0.8
"""People are nudged apart only if their boxes would cover less than this share of the room: past it they cannot all
have room, and the search goes on to smaller names sooner."""
SPACING_UNITS = 150.0
"""The console's distance between neighbours, in its scene units."""
TREE_ROW_GAP = 1.25
"""On the family tree, the most room between one row and the next, in spacings: the family's friends and
professionals stand a little apart below it, not a whole empty row."""

Sample = RoleStyle | TieKind | str | tuple[str, GenogramSample] | None
"""What a legend entry shows beside its words: a role's marker, a tie's line, the tick (``KNOWS_MARK``), a genogram
entry (``("genogram", sample)``), or nothing."""
SLASH_LENGTH = 1.3
"""A separated or divorced couple's slash, as a share of an adult's marker: it reads across the room as theirs."""
SLASH_WIDTH = 0.08
"""The slash's stroke, as a share of an adult's marker."""
HEADING_PX = 40
"""The heading's type in reference pixels: nobody's name on the wall is set larger."""


class NetworkLayout(HouseholdsFrame):
    """Builds the ``Scene`` of the safety network at one size, theme and zoom (the names are fitted at ``base``,
    then zoomed).
    """

    def draw(self, content: NetworkContent, scene: Scene) -> None:
        self._genogram = content.genogram
        top = self._header(content, scene.shapes)
        if not content.nodes:
            self.message(scene, EMPTY_NETWORK, top)
            return
        bottom = self._legend(content, scene.shapes)
        self._graph(content, QRectF(self.margin, top, self.width - 2 * self.margin, bottom - top), scene.shapes)

    # The heading and the legend ----------------------------------------------------------------------------------

    def _header(self, content: NetworkContent, shapes: list[Shape]) -> float:
        """The meeting's title line, then the heading with the summary beside it (or under it); returns the bottom."""
        u, theme, width = self.u, self.theme, self.width - 2 * self.margin
        y = float(round(20 * u))
        if content.title:
            y = self.put(shapes, self.lay(content.title, 22, width), self.margin, y, theme.muted_text) + round(12 * u)
        heading = self.lay(content.heading or NETWORK_HEADING, HEADING_PX, width, 1, QFont.Weight.Bold)
        if not content.nodes:
            return self.put(shapes, heading, self.margin, y, theme.text)
        summary = self.lay(content.summary, 32, width, 2, QFont.Weight.DemiBold)
        if heading.width + round(60 * u) + summary.width <= width:
            self.put(shapes, heading, self.margin, y, theme.text)
            x = self.width - self.margin - summary.width
            self.put(shapes, summary, x, y + heading.height - summary.height, theme.focus_text)
            y += heading.height
        else:
            y = self.put(shapes, heading, self.margin, y, theme.text) + round(6 * u)
            y = self.put(shapes, summary, self.margin, y, theme.focus_text)
        return y + round(20 * u)

    def _legend(self, content: NetworkContent, shapes: list[Shape]) -> float:
        """The legend strip along the bottom: who is drawn how on one row, the ties' lines on the next (each on more
        rows if it must); returns the top of the room above it.
        """
        u, theme = self.u, self.theme
        sample = LEGEND_PX * self.type * 1.25
        roles = {ROLE_STYLES[node.role] for node in content.nodes}
        kinds = {link.kind for link in content.links}
        people: list[tuple[str, float, Sample]] = [
            (style.legend, sample, style) for style in legend_entries() if style in roles
        ]
        if content.genogram:
            people = [(words, sample, ("genogram", what)) for words, what in legend_people(content)]
        people.append((KNOWS_LEGEND, sample, KNOWS_MARK))
        lines: list[tuple[str, float, Sample]] = [(TIES_CAPTION, 0.0, None)] if kinds else []
        if content.genogram:
            lines += [(words, 80 * u, ("genogram", look)) for words, look in legend_lines(content)]
        else:
            lines += [(style.label, 80 * u, kind) for kind, style in TIE_STYLES.items() if kind in kinds]
        right = self.width - self.margin
        gap, after_sample = round(44 * u), round(14 * u)
        rows: list[list[tuple[float, LaidText, float, Sample]]] = []
        for group in (people, lines):
            x = right
            for text, width, what in group:
                laid = self.lay(text, LEGEND_PX, self.width - 2 * self.margin - width - after_sample)
                whole = width + (after_sample if width else 0) + laid.width
                if not rows or x == right or x + whole > right:
                    if not rows or rows[-1]:
                        rows.append([])
                    x = float(self.margin)
                rows[-1].append((x, laid, width, what))
                x += whole + gap
        row_height = max(sample, max(laid.height for row in rows for _, laid, _, _ in row))
        row_gap = round(10 * u)
        top = self.height - self.margin - len(rows) * row_height - (len(rows) - 1) * row_gap
        rule = top - round(18 * u)
        ends = (QPointF(self.margin, rule), QPointF(right, rule))
        shapes.append(LineShape(ends, theme.gridline, max(1.0, 2 * u)))
        for index, row in enumerate(rows):
            middle = top + index * (row_height + row_gap) + row_height / 2
            for x, laid, width, what in row:
                if what is None:
                    self.put(shapes, laid, x, middle - laid.height / 2, theme.muted_text)
                    continue
                self._sample(what, QRectF(x, middle - sample / 2, width, sample), shapes)
                self.put(shapes, laid, x + width + after_sample, middle - laid.height / 2, theme.text)
        return rule - round(16 * u)

    def _sample(self, what: Sample, rect: QRectF, shapes: list[Shape]) -> None:
        """A legend entry's picture: a role's marker, a tie's line, or the tick."""
        theme, centre = self.theme, rect.center()
        if isinstance(what, tuple):
            ink = theme.muted_text if isinstance(what[1], BondLook) else theme.text
            shapes.extend(sample_shapes(rect, what[1], ink, self.u, household_colour(QColor(theme.background))))
        elif isinstance(what, RoleStyle):
            path = marker_path(what.marker, centre, rect.height() * 0.9)
            shapes.append(MarkerShape(path, QColor(what.fill), theme.text, max(1.5, 2.5 * self.u)))
        elif isinstance(what, TieKind):
            style = TIE_STYLES[what]
            ends = (QPointF(rect.left(), centre.y()), QPointF(rect.right(), centre.y()))
            shapes.append(TieShape(*ends, theme.muted_text, self._tie_width(style.width), style.pen))
        elif what == KNOWS_MARK:
            shapes.append(self._tick(centre, rect.height()))

    def _tick(self, centre: QPointF, size: float) -> BadgeShape:
        """The "knows the worries" badge: a white tick on a strong green disc."""
        font = self.cache.font(TextStyle(self.theme.font_families, max(6, round(size * 0.72)), QFont.Weight.Bold.value))
        rect = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
        return BadgeShape(rect, KNOWS_MARK, QColor(KNOWS_COLOUR), QColor("#FFFFFF"), font)

    def _tie_width(self, relative: float) -> float:
        return max(1.5, 3.2 * self.u * self.zoom * relative)

    # The network -------------------------------------------------------------------------------------------------

    def _people(self, nodes: tuple[Node, ...], px: float) -> list[DrawnPerson]:
        """Everybody drawn with names of ``px`` pixels: a child's marker and name larger than an adult's."""
        adult = 1.6 * px
        badge = 0.62 * adult
        found = []
        for node in nodes:
            weight = QFont.Weight.Bold if node.is_child else QFont.Weight.DemiBold
            size = min(px * (1.1 if node.is_child else 1.0), HEADING_PX * self.type)  # never past the heading
            style = TextStyle(self.theme.font_families, max(6, round(size)), weight.value)
            laid = self.cache.lay(node.name, style, 8 * px, 2)
            marker = adult * 1.4 if node.is_child else adult
            gap, pad = 0.18 * px, 0.22 * px
            corner = 0.354 * marker + badge / 2  # the tick sits on the marker's top right
            reach = marker / 2 * (DOUBLE_OUTLINE if node.index_child else 1.0)
            half = max(reach, laid.width / 2 + pad)
            box = Box(
                left=half,
                right=max(half, corner if node.knows_worries else 0.0),
                top=max(reach, corner if node.knows_worries else 0.0),
                bottom=marker / 2 + gap + laid.height + pad / 2,
            )
            found.append(DrawnPerson(node, laid, marker, badge, gap, box))
        return found

    def _graph(self, content: NetworkContent, area: QRectF, shapes: list[Shape]) -> None:
        nodes = content.nodes
        found = None
        if content.genogram:  # a family tree keeps its rows: smaller names before anybody is nudged out of line
            for reference in NAME_PX:
                found = self._arranged(nodes, area, reference * self.base, as_laid_out=True)
                if found is not None:
                    break
        for reference in () if found is not None else NAME_PX:  # the largest names at which everybody has room
            found = self._arranged(nodes, area, reference * self.base)
            if found is not None:
                break
        if found is None or self.zoom != 1.0:  # zoomed, as large as asked, even if people then come too close
            found = self._arranged(nodes, area, reference * self.base * self.zoom, anyhow=True)
        assert found is not None
        people, centres = found
        where = {person.node.id: QPointF(*centre) for person, centre in zip(people, centres, strict=True)}
        routes = self._routes(content, people, centres)
        if content.households:
            lines = [[QPointF(x, y) for x, y in route] for route in routes]
            self.households(content, people, where, area, lines, shapes)
        for link, route in zip(content.links, routes, strict=True):
            style = TIE_STYLES[link.kind]
            width = self._tie_width(style.width)
            bends = tuple(QPointF(x, y) for x, y in route[1:-1])
            look = bond_look(link.kind, link.bond) if content.genogram else None
            pen = style.pen if look is None else pen_style(look.line)
            ink = self.theme.muted_text
            shapes.append(TieShape(where[link.source], where[link.target], ink, width, pen, bends))
            if look is not None and look.slashes:  # as long and heavy as the people are large
                points = [where[link.source], *bends, where[link.target]]
                marker = min(p.marker for p in people)
                path = slashes_path(points, look.slashes, SLASH_LENGTH * marker)
                shapes.append(StrokeShape(path, ink, max(width * 1.3, SLASH_WIDTH * marker)))
        for person in people:
            self._marker(person, where[person.node.id], shapes)
        for person in people:  # names over every marker: should two people still crowd, no name is hidden
            self._name(person, where[person.node.id], shapes)

    def _routes(self, content: NetworkContent, people: list[DrawnPerson], centres: list[Point]) -> list[list[Point]]:
        """Each tie's path on the wall, round the markers and whole name plates of the people it does not join, and
        beside its own people's names where it can.
        """
        index = {person.node.id: n for n, person in enumerate(people)}
        # Half the widest line and a little air: people may stand only ``_apart`` from each other, and a tie must
        # still find its way between two neighbours' names.
        room = self._tie_width(max(style.width for style in TIE_STYLES.values())) / 2 + max(1.0, 2 * self.u)
        zones = []
        for person, centre in zip(people, centres, strict=True):
            plate = self._plate(person, QPointF(*centre))
            name = (plate.left(), plate.top(), plate.right(), plate.bottom())
            zones.append(zone_of(centre, person.marker, name, room))
        ends = [(index[link.source], index[link.target]) for link in content.links]
        return route_ties(centres, zones, ends, THOROUGH_ROUNDS)

    def _arranged(
        self, nodes: tuple[Node, ...], area: QRectF, px: float, anyhow: bool = False, as_laid_out: bool = False
    ) -> tuple[list[DrawnPerson], list[Point]] | None:
        """Everybody drawn with names of ``px`` pixels and placed in ``area`` with room between them: as the picture
        lays them out, else nudged apart, else on a grid. None if none of these gives everybody room, unless
        ``anyhow``, which takes them nudged apart as far as they go.
        """
        people = self._people(nodes, px)
        boxes = [person.box for person in people]
        apart = self._apart(px)
        points = [(node.x, node.y) for node in nodes]
        limit = SPREAD_MARKERS * 1.6 * px / SPACING_UNITS
        if self._genogram:  # the rows across the whole wall, the empty row above the network narrowed
            centres = fit(closer_rows(points, TREE_ROW_GAP * SPACING_UNITS), boxes, area, limit, ROWS_STRETCH)
        else:
            centres = fit(points, boxes, area, limit)
        if not crowded(centres, boxes, apart):
            return people, centres
        if as_laid_out:
            return None
        children = [node.is_child for node in nodes]
        nudged = (
            separate(centres, boxes, area, apart, children)
            if anyhow or coverage(boxes, area, apart) < ROOMY
            else centres
        )
        if not crowded(nudged, boxes, apart):
            return people, nudged
        tidy = on_grid(centres, boxes, area, apart)
        if tidy is not None:
            return people, tidy
        return (people, nudged) if anyhow else None

    def _apart(self, px: float) -> float:
        """The room kept clear between two people's boxes."""
        return 0.45 * px

    def _name(self, person: DrawnPerson, centre: QPointF, shapes: list[Shape]) -> None:
        """A person's name under their marker, on a plate so that a tie passing behind does not cross the letters."""
        theme, laid = self.theme, person.laid
        behind = QColor(theme.background)
        behind.setAlphaF(0.85)
        shapes.append(BoxShape(self._plate(person, centre), behind, person.gap))
        self.put(shapes, laid, centre.x() - laid.width / 2, centre.y() + person.marker / 2 + person.gap, theme.text)

    def _marker(self, person: DrawnPerson, centre: QPointF, shapes: list[Shape]) -> None:
        """A person's marker, its shape and colour telling their role (on a genogram, the shape their gender),
        with the tick if they know the worries, and on a genogram the cross and the index child's outline.
        """
        theme, marker, node = self.theme, person.marker, person.node
        style = ROLE_STYLES[node.role]
        shape = node_marker(node) if self._genogram else style.marker
        path = marker_path(shape, centre, marker)
        width = max(1.5, marker * 0.045)
        shapes.append(MarkerShape(path, QColor(style.fill), theme.text, width))
        if node.index_child:
            shapes.append(StrokeShape(marker_path(shape, centre, marker * DOUBLE_OUTLINE), theme.text, width * 1.2))
        if node.deceased:
            shapes.append(StrokeShape(cross_path(centre, marker), theme.text, width * 1.6))
        if person.node.knows_worries:  # on the top right, ringed in the background to stand off the marker
            size = person.badge
            corner = QPointF(centre.x() + 0.354 * marker, centre.y() - 0.354 * marker)
            shapes.append(DiscShape(corner, size / 2 + max(1.5, 0.06 * size), (theme.background,), theme.background, 1))
            shapes.append(self._tick(corner, size))
