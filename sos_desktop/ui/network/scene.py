"""The console's graph of the safety network: a QGraphicsScene that fills itself from the document and follows it.

A thin view: people are ``PersonNode`` items, ties are ``TieLine`` items; they report gestures (a drag ended, a
connection drawn, a name typed in place) and the scene turns each into one call on the document, which pushes the
undo command. Nothing here changes domain data itself. The console shows full names; the projector never does.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from sos_desktop.models import NetworkPerson, PersonRole, Tie, TieKind
from sos_desktop.models.genogram import arranged_as_family_tree, bond_label, households, person_marks
from sos_desktop.models.genogram_look import bond_look, genogram_marker
from sos_desktop.models.network import kind_is_guessed
from sos_desktop.models.tie_routes import CHILD_MARKER, CLEARANCE, MARKER, Zone, route_ties, zone_of
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.network.genogram_items import HouseholdOutline, paint_cross, paint_double_outline, slash_lines
from sos_desktop.ui.network.style import (
    KNOWS_COLOUR,
    KNOWS_MARK,
    ROLE_STYLES,
    TIE_STYLES,
    ink_on,
    marker_path,
    pen_style,
)

MARKER_SIZE = MARKER
CHILD_MARKER_SIZE = CHILD_MARKER
LABEL_WIDTH = 150.0
HIGHLIGHT = QColor("#E8A317")


NAMES_FROM_SCALE = 0.3
"""Below this scale a person's names (10.5 pt) would be about 3 pt on screen, too small to read: the marker is drawn
without them. A network of 60 fitted into the console sits at about 0.4 and keeps its names; 500 sit at 0.2 or less.
"""


class PersonNode(QGraphicsObject):
    """One person: their role's marker, a tick when they know the worries, and their name beneath."""

    def __init__(self, person: NetworkPerson) -> None:
        super().__init__()
        assert person.id is not None
        self.person_id = person.id
        self.person = person
        self.highlighted = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)
        # Painted once into a pixmap and reused while it moves: a layout of hundreds of people stays quick.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.lines: list[TieLine] = []
        self.genogram = False
        """Drawn as on a genogram (the network stands as a family tree): shape by gender, the cross, the double
        outline."""
        self._font = QFont()
        self._font.setPointSizeF(10.5)
        self.refresh(person)

    @property
    def marker_size(self) -> float:
        return CHILD_MARKER_SIZE if self.person.role is PersonRole.CHILD else MARKER_SIZE

    def refresh(self, person: NetworkPerson) -> None:
        self.prepareGeometryChange()
        self.person = person
        self._label = self._measure_label()
        # Kept, not worked out on each call: Qt asks for them for every item whenever it paints or fits the view.
        half = self.marker_size / 2 + (10 if self.genogram and person.index_child else 0)
        self._bounds = QRectF(-half - 6, -half - 6, 2 * half + 12, 2 * half + 12).united(self._label)
        self._bounds.adjust(-2, -2, 2, 2)
        self._shape = QPainterPath()
        self._shape.addRect(QRectF(-half - 4, -half - 4, 2 * half + 8, 2 * half + 8).united(self._label))
        # What paint() draws, worked out here once: after a layout the view repaints every person at a new scale.
        style = ROLE_STYLES[person.role]
        self._fill = QColor(style.fill)
        self.marker = genogram_marker(person.role, person.gender) if self.genogram else style.marker
        self.marks = {
            mark
            for mark, shown in (("cross", person.deceased), ("double outline", person.index_child))
            if shown and self.genogram
        }
        """The genogram's marks drawn on the person, by name (for the tests and the accessibility text)."""
        self._outline = marker_path(self.marker, QPointF(0, 0), self.marker_size)
        self._name_font, self._name_text = self._display_name_fit(2 * half - 6)
        self._backing = self._label_backing(self._label)
        relationship = f" ({person.relationship})" if person.relationship else ""
        marks = "".join(f"\n{mark}" for mark in person_marks(person))
        self.setToolTip(f"{person.name}{relationship}\nOn the projector: {person.display_name}{marks}")
        self.update()

    def _measure_label(self) -> QRectF:
        metrics = QFontMetricsF(self._font)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
        bounds = metrics.boundingRect(QRectF(0, 0, LABEL_WIDTH, 200), int(flags), self.person.name)
        top = self.marker_size / 2 + 4
        return QRectF(-LABEL_WIDTH / 2, top, LABEL_WIDTH, min(bounds.height(), metrics.lineSpacing() * 2) + 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected() or self.highlighted:
            painter.setPen(QPen(HIGHLIGHT if self.highlighted else QColor("#1F5FBF"), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = self.marker_size + (32 if "double outline" in self.marks else 12)
            painter.drawPath(marker_path(self.marker, QPointF(0, 0), ring))
        painter.setPen(QPen(QColor("#202020"), 1.6))
        painter.setBrush(self._fill)
        painter.drawPath(self._outline)
        if "double outline" in self.marks:
            paint_double_outline(painter, self.marker, self.marker_size)
        half = self.marker_size / 2
        # So far out that no name could be read: the marker and the tick's disc alone (and far quicker for hundreds).
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < NAMES_FROM_SCALE
        if not far:
            painter.setFont(self._name_font)
            painter.setPen(ink_on(self._fill))
            painter.drawText(QRectF(-half, -half, 2 * half, 2 * half), Qt.AlignmentFlag.AlignCenter, self._name_text)
        if "cross" in self.marks:
            paint_cross(painter, self.marker_size)
        if self.person.knows_worries:
            badge = QRectF(half * 0.45, -half - 4, 20, 20)
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(QColor(KNOWS_COLOUR))
            painter.drawEllipse(badge)
            if not far:
                painter.setPen(QColor("#FFFFFF"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, KNOWS_MARK)
        if far:
            return
        background = widget.palette().base().color() if widget is not None else QColor("#FFFFFF")
        background.setAlpha(215)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(self._backing, 4, 4)
        painter.setFont(self._font)
        painter.setPen(widget.palette().text().color() if widget is not None else QColor("#000000"))
        painter.drawText(
            self._label,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.person.name,
        )

    def marker_rect(self) -> QRectF:
        """The rectangle the marker is painted in (the item's own coordinates)."""
        return self._outline.boundingRect()

    def name_rect(self) -> QRectF:
        """The rectangle the name is painted in, its backing included (the item's own coordinates)."""
        return QRectF(self._backing)

    def zone(self) -> Zone:
        """The room this person takes up in the scene for routing ties: their marker and their name's backing as
        painted (its whole width and height), where they stand now.
        """
        x, y = self.pos().x(), self.pos().y()
        name = self._backing.translated(x, y)
        box = (name.left(), name.top(), name.right(), name.bottom()) if self.person.name.strip() else None
        return zone_of((x, y), self.marker_size, box, CLEARANCE)

    def _label_backing(self, label: QRectF) -> QRectF:
        """The name's own width (not the whole label box), so the backing hides the lines only behind the words."""
        metrics = QFontMetricsF(self._font)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        used = metrics.boundingRect(label, flags, self.person.name)
        return used.adjusted(-3, -1, 3, 1).intersected(label.adjusted(-3, -1, 3, 1))

    def _display_name_fit(self, room: float) -> tuple[QFont, str]:
        """The projector name for inside the marker: the largest type (down to 7 pt) that fits, else cut short."""
        font = QFont(self._font)
        font.setBold(True)
        text = self.person.display_name
        for size in (11.0, 10.0, 9.0, 8.0, 7.0):
            font.setPointSizeF(size)
            if QFontMetricsF(font).horizontalAdvance(text) <= room:
                return font, text
        return font, QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, room)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for line in self.lines:
                line.follow()
        return super().itemChange(change, value)


class TieLine(QGraphicsLineItem):
    """A tie between two people, drawn in its kind's line style; an arrowhead shows who is whose parent.

    ``line()`` runs from one person to the other; the tie is drawn along ``route``, which bends round anybody else
    in the way (set by the scene, which routes every tie at once).
    """

    def __init__(self, tie: Tie, source: PersonNode, target: PersonNode) -> None:
        super().__init__()
        assert tie.id is not None
        self.tie_id = tie.id
        self.tie = tie
        self.source, self.target = source, target
        self.route: list[QPointF] = []
        self.genogram = False
        self.slashes = 0
        """Strokes across the middle: one for a separated couple, two for divorced or ex-partners (genogram)."""
        source.lines.append(self)
        target.lines.append(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self.refresh(tie)

    def refresh(self, tie: Tie) -> None:
        self.tie = tie
        style = TIE_STYLES[tie.kind]
        look = bond_look(tie.kind, tie.bond)
        self.slashes = look.slashes if self.genogram else 0
        pen = QPen(QColor("#505050"), 2.2 * style.width, pen_style(look.line) if self.genogram else style.pen)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        guess = " (guessed)" if kind_is_guessed(tie) else ""
        bond = bond_label(tie.kind, tie.bond)
        bond = f" ({bond.lower()})" if bond and tie.bond.value else ""
        self.setToolTip(f"{style.label}{bond}{guess}: {self.source.person.name} – {self.target.person.name}")
        self.follow()

    def follow(self) -> None:
        """Straight from one person to the other (while a person is dragged; the scene routes it again after)."""
        self.set_route([self.source.pos(), self.target.pos()])

    def set_route(self, points: list[QPointF]) -> None:
        if points == self.route and self.line().p1() == self.source.pos() and self.line().p2() == self.target.pos():
            return
        self.prepareGeometryChange()
        self.route = points
        self.setLine(QLineF(self.source.pos(), self.target.pos()))
        self._path = QPainterPath()
        self._path.addPolygon(QPolygonF(points))
        self._bounds = self._path.boundingRect().adjusted(-20, -20, 20, 20)  # the pen, the selection and the arrow
        self._shape: QPainterPath | None = None  # worked out when first asked for (a click, a rubber band)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            # A wider band than the line itself, so a thin dotted tie can still be clicked.
            stroker = QPainterPathStroker()
            stroker.setWidth(16)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.pen())
        if self.isSelected():
            pen.setColor(QColor("#1F5FBF"))
            pen.setWidthF(pen.widthF() + 2)
        painter.setPen(pen)
        painter.drawPolyline(QPolygonF(self.route))
        if self.slashes:
            solid = QPen(pen)
            solid.setStyle(Qt.PenStyle.SolidLine)
            painter.setPen(solid)
            painter.drawLines(slash_lines(self.route, self.slashes))
        if self.tie.kind is TieKind.PARENT:
            self._arrow(painter, pen.color())

    def _arrow(self, painter: QPainter, colour: QColor) -> None:
        last = QLineF(self.route[-2], self.route[-1])  # the arrow points along the tie's last stretch
        length = last.length()
        reach = self.target.marker_size / 2 + 4
        if length <= reach + 12:
            return
        tip = last.pointAt(1 - reach / length)
        angle = math.atan2(last.dy(), last.dx())
        wings = [
            QPointF(tip.x() - 14 * math.cos(angle + side), tip.y() - 14 * math.sin(angle + side))
            for side in (0.4, -0.4)
        ]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon([tip, *wings])


def _move_quietly(node: PersonNode, where: QPointF) -> None:
    """Move ``node`` without its ties following at once: the caller redraws them, each once, when all have moved.

    A drag moves a person with ``ItemSendsGeometryChanges`` on, so that their ties follow the mouse; moving hundreds
    of people that way calls back into Python twice per person and redraws each tie twice, once per end.
    """
    node.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, False)
    node.setPos(where)
    node.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)


class NetworkScene(QGraphicsScene):
    """The network of the document's case, kept in step with it."""

    personActivated = Signal(int)  # a person double-clicked: edit them
    selectionSettled = Signal()  # the selection changed (people or a tie)
    genogramChanged = Signal(bool)  # the genogram's marks are now drawn (the network stands as a family tree)

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.nodes: dict[int, PersonNode] = {}
        self.lines: dict[int, TieLine] = {}
        self.fallback: dict[int, tuple[float, float]] = {}
        """Where people never placed by hand are shown, until they are moved (set by the panel)."""
        self._pressed: dict[int, QPointF] = {}
        self._connecting: QGraphicsLineItem | None = None
        self._connect_from: PersonNode | None = None
        self._editor: _NameEditor | None = None
        self._retired: _NameEditor | None = None
        self.connect_mode = False
        self.genogram = False
        """The network stands as a family tree (``models.genogram.arranged_as_family_tree``): the genogram's
        marks are drawn."""
        self.household_outlines: dict[str, HouseholdOutline] = {}
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        document.networkChanged.connect(self.rebuild)
        document.networkMoved.connect(self.follow_positions)
        self.selectionChanged.connect(self.selectionSettled)
        self.rebuild()

    # Following the document ----------------------------------------------------------------------------------

    def position_of(self, person: NetworkPerson) -> QPointF:
        if person.x is not None and person.y is not None:
            return QPointF(person.x, person.y)
        x, y = self.fallback.get(person.id or 0, (0.0, 0.0))
        return QPointF(x, y)

    def rebuild(self) -> None:
        """Bring the items in line with the network: new people and ties added, gone ones removed, others updated."""
        selected_people = self.selected_people()
        selected_ties = self.selected_ties()
        self._finish_editing(commit=False)
        people = {p.id: p for p in self.document.network.people if p.id is not None}
        for person_id in [i for i in self.nodes if i not in people]:
            self.removeItem(self.nodes.pop(person_id))
        ties = {t.id: t for t in self.document.network.ties if t.id is not None}
        for tie_id, old in list(self.lines.items()):
            if tie_id not in ties or old.source.person_id not in people or old.target.person_id not in people:
                self._drop_line(tie_id)
        for person_id, person in people.items():
            node = self.nodes.get(person_id)
            if node is None:
                node = self.nodes[person_id] = PersonNode(person)
                self.addItem(node)
            else:
                node.refresh(person)
            _move_quietly(node, self.position_of(person))  # every tie is redrawn below
        for tie_id, tie in ties.items():
            line: TieLine | None = self.lines.get(tie_id)
            if line is not None and (line.source.person_id, line.target.person_id) != (tie.source, tie.target):
                self._drop_line(tie_id)
                line = None
            if line is None and tie.source in self.nodes and tie.target in self.nodes:
                line = self.lines[tie_id] = TieLine(tie, self.nodes[tie.source], self.nodes[tie.target])
                self.addItem(line)
            elif line is not None:
                line.refresh(tie)
        self.route_ties()
        self.refresh_genogram()
        self.select(selected_people, selected_ties)

    def _drop_line(self, tie_id: int) -> None:
        line = self.lines.pop(tie_id)
        for node in (line.source, line.target):
            if line in node.lines:
                node.lines.remove(line)
        self.removeItem(line)

    def follow_positions(self) -> None:
        """Put everybody where the document says, each tie redrawn once (a layout moves hundreds of people)."""
        touched: dict[int, TieLine] = {}
        for person in self.document.network.people:
            node = self.nodes.get(person.id or 0)
            if node is None:
                continue
            where = self.position_of(person)
            if node.pos() != where:
                _move_quietly(node, where)
                touched.update((line.tie_id, line) for line in node.lines)
        for line in touched.values():
            line.follow()
        self.route_ties()  # somebody moved may now stand in the way of ties that are not theirs
        self.refresh_genogram()

    def refresh_genogram(self) -> None:
        """Draw the genogram's marks if the network now stands as a family tree (else the look by role), and
        each household's outline round where its people stand.
        """
        where = {person_id: (node.pos().x(), node.pos().y()) for person_id, node in self.nodes.items()}
        was, self.genogram = self.genogram, arranged_as_family_tree(self.document.network, where)
        changed = False
        for node in self.nodes.values():
            if node.genogram != self.genogram:
                node.genogram = self.genogram
                node.refresh(node.person)
                changed = True
        for line in self.lines.values():
            if line.genogram != self.genogram:
                line.genogram = self.genogram
                line.refresh(line.tie)
        if changed:
            self.route_ties()  # an index child's double outline takes a little more room
        self._surround_households()
        if was != self.genogram:
            self.genogramChanged.emit(self.genogram)

    def _surround_households(self) -> None:
        found = households(self.document.network) if self.genogram else []
        wanted = {household.name.casefold(): household for household in found}
        for key in [key for key in self.household_outlines if key not in wanted]:
            self.removeItem(self.household_outlines.pop(key))
        for key, household in wanted.items():
            centres: list[tuple[float, float]] = []
            radius = 0.0
            for person_id in household.members:
                node = self.nodes.get(person_id)
                if node is None:
                    continue
                x, y = node.pos().x(), node.pos().y()
                reach = node.marker_size / 2 + (22 if "double outline" in node.marks else 12)
                radius = max(radius, reach)
                # Round the marker and the name under it, so the line never runs through anybody's name.
                name = node.name_rect()
                low = y + name.bottom() - node.marker_size / 2
                sides = (min(x, x + name.left() + 0.7 * reach), max(x, x + name.right() - 0.7 * reach))
                centres += [(x, y), (x, low), *((side, y + name.center().y()) for side in sides)]
            outline = self.household_outlines.get(key)
            if not centres:
                if outline is not None:
                    self.removeItem(self.household_outlines.pop(key))
                continue
            if outline is None or outline.name != household.name:
                if outline is not None:
                    self.removeItem(outline)
                outline = self.household_outlines[key] = HouseholdOutline(household.name)
                self.addItem(outline)
            outline.surround(centres, radius)

    def route_ties(self) -> None:
        """Draw every tie round the people it does not join, their markers and names (straight where nobody is in
        the way), and beside its own people's names rather than through them where it can.
        """
        lines = list(self.lines.values())
        if not lines:
            return
        index = {person_id: n for n, person_id in enumerate(self.nodes)}
        zones = [node.zone() for node in self.nodes.values()]
        starts = [zone.centre for zone in zones]
        ends = [(index[line.source.person_id], index[line.target.person_id]) for line in lines]
        for line, route in zip(lines, route_ties(starts, zones, ends), strict=True):
            line.set_route([QPointF(x, y) for x, y in route])

    # Selection -------------------------------------------------------------------------------------------------

    def selected_people(self) -> list[int]:
        return [item.person_id for item in self.selectedItems() if isinstance(item, PersonNode)]

    def selected_ties(self) -> list[int]:
        return [item.tie_id for item in self.selectedItems() if isinstance(item, TieLine)]

    def select(self, people: Iterable[int], ties: Iterable[int] = ()) -> None:
        wanted_people, wanted_ties = set(people), set(ties)
        self.blockSignals(True)
        try:
            for person_id, node in self.nodes.items():
                node.setSelected(person_id in wanted_people)
            for tie_id, line in self.lines.items():
                line.setSelected(tie_id in wanted_ties)
        finally:
            self.blockSignals(False)
        self.selectionSettled.emit()

    def highlight(self, people: Iterable[int]) -> None:
        wanted = set(people)
        for person_id, node in self.nodes.items():
            if node.highlighted != (person_id in wanted):
                node.highlighted = person_id in wanted
                node.update()

    # Gestures --------------------------------------------------------------------------------------------------

    def _node_at(self, point: QPointF) -> PersonNode | None:
        for item in self.items(point):
            if isinstance(item, PersonNode):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self._node_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and node is not None:
            wants_line = self.connect_mode or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if wants_line:
                self._connect_from = node
                self._connecting = QGraphicsLineItem(QLineF(node.pos(), event.scenePos()))
                self._connecting.setPen(QPen(QColor("#1F5FBF"), 3, Qt.PenStyle.DashLine))
                self.addItem(self._connecting)
                event.accept()
                return
        super().mousePressEvent(event)
        self._pressed = {n.person_id: n.pos() for n in self.nodes.values() if n.isSelected()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting is not None and self._connect_from is not None:
            self._connecting.setLine(QLineF(self._connect_from.pos(), event.scenePos()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting is not None and self._connect_from is not None:
            start = self._connect_from
            self.removeItem(self._connecting)
            self._connecting = self._connect_from = None
            end = self._node_at(event.scenePos())
            if end is not None and end is not start:
                self.connect_people(start.person_id, end.person_id)
            return
        super().mouseReleaseEvent(event)
        self.commit_drag()

    def commit_drag(self) -> None:
        """Save where the dragged people were let go: one undo step for the whole selection."""
        moved = {
            person_id: (self.nodes[person_id].pos().x(), self.nodes[person_id].pos().y())
            for person_id, before in self._pressed.items()
            if person_id in self.nodes and self.nodes[person_id].pos() != before
        }
        self._pressed = {}
        if moved:
            self.document.move_people(moved, "Move people" if len(moved) > 1 else "Move person")
            self.route_ties()  # followed straight while dragged

    def connect_people(self, first: int, second: int) -> None:
        """Tie two people with the kind their roles suggest, as a guess; an existing tie is selected instead."""
        existing = self.document.tie_between(first, second)
        if existing is not None:
            self.select([], [existing.id or 0])
            return
        tie = self.document.add_guessed_tie(first, second)
        self.select([], [tie.id or 0])

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self._node_at(event.scenePos())
        if node is not None:
            self.edit_name(node.person_id)
            self.personActivated.emit(node.person_id)
            return
        person = self.document.add_person("", PersonRole.FAMILY, position=(event.scenePos().x(), event.scenePos().y()))
        self.select([person.id or 0])
        self.edit_name(person.id or 0)

    # Editing a name in place ---------------------------------------------------------------------------------

    def edit_name(self, person_id: int) -> None:
        """Type over the person's name on the graph; Enter keeps it, Escape leaves it as it was."""
        self._finish_editing(commit=True)
        node = self.nodes.get(person_id)
        if node is None:
            return
        editor = _NameEditor(self, person_id)
        editor.setPlainText(node.person.name)
        editor.setTextWidth(LABEL_WIDTH + 30)
        editor.setPos(node.pos() + QPointF(-(LABEL_WIDTH + 30) / 2, node.marker_size / 2 + 2))
        editor.setZValue(5)
        self.addItem(editor)
        self._editor = editor
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        editor.setTextCursor(cursor)

    def _finish_editing(self, commit: bool) -> None:
        editor, self._editor = self._editor, None
        if editor is None:
            return
        # Kept alive until the next edit: this may run inside the editor's own key or focus event.
        self._retired = editor
        text = " ".join(editor.toPlainText().split())
        self.removeItem(editor)
        if commit and text and editor.person_id in self.nodes and text != self.nodes[editor.person_id].person.name:
            self.document.set_person_field(editor.person_id, "name", text)

    @property
    def editing(self) -> bool:
        return self._editor is not None


class _NameEditor(QGraphicsTextItem):
    def __init__(self, scene: NetworkScene, person_id: int) -> None:
        super().__init__()
        self._network_scene = scene
        self.person_id = person_id
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setDefaultTextColor(QColor("#000000"))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(QColor("#1F5FBF"), 2))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._network_scene._finish_editing(commit=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._network_scene._finish_editing(commit=False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        if self._network_scene._editor is self:
            self._network_scene._finish_editing(commit=True)
