"""The console graph's items: a person (``PersonNode``: their marker, the tick when they know the worries, their
name beneath; on a genogram the shape of their gender, the cross, the double outline) and a tie (``TieLine``: its
kind's line, an arrow from parent to child; on a genogram the bond's line and the couple's slashes).

They report nothing to the document themselves; the scene (``scene.py``) places them and turns gestures into
document calls.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
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
    QStyleOptionGraphicsItem,
    QWidget,
)

from sos_desktop.models import NetworkPerson, PersonRole, Tie, TieKind
from sos_desktop.models.genogram import bond_label, person_marks
from sos_desktop.models.genogram_look import bond_look, genogram_marker
from sos_desktop.models.network import kind_is_guessed
from sos_desktop.models.tie_routes import CHILD_MARKER, CLEARANCE, MARKER, Zone, zone_of
from sos_desktop.ui.network.genogram_items import paint_cross, paint_double_outline, slash_lines
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

    def show_genogram(self, on: bool) -> None:
        """Draw the person with the genogram's marks (``on``) or by role: only the marker and its marks change, so a
        network of hundreds switches look quickly (the index child's wider outline needs the whole refresh).
        """
        if on == self.genogram:
            return
        self.genogram = on
        if self.person.index_child:
            self.refresh(self.person)
            return
        person = self.person
        self.marker = genogram_marker(person.role, person.gender) if on else ROLE_STYLES[person.role].marker
        self.marks = {"cross"} if on and person.deceased else set()
        self._outline = marker_path(self.marker, QPointF(0, 0), self.marker_size)
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
