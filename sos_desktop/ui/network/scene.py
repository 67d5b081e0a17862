"""The console's graph of the safety network: a QGraphicsScene that fills itself from the document and follows it.

A thin view: people are ``PersonNode`` items, ties are ``TieLine`` items; they report gestures (a drag ended, a
connection drawn, a name typed in place) and the scene turns each into one call on the document, which pushes the
undo command. Nothing here changes domain data itself. The console shows full names; the projector never does.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from sos_desktop.models import NetworkPerson, PersonRole
from sos_desktop.models.tie_routes import route_ties
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.network.genogram_items import HouseholdOutline
from sos_desktop.ui.network.genogram_scene import refresh_genogram
from sos_desktop.ui.network.items import (
    CHILD_MARKER_SIZE,
    HIGHLIGHT,
    LABEL_WIDTH,
    MARKER_SIZE,
    NAMES_FROM_SCALE,
    PersonNode,
    TieLine,
)

__all__ = [
    "CHILD_MARKER_SIZE",
    "HIGHLIGHT",
    "LABEL_WIDTH",
    "MARKER_SIZE",
    "NAMES_FROM_SCALE",
    "NetworkScene",
    "PersonNode",
    "TieLine",
]


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
        self.refresh_genogram()  # the look first: an index child's double outline takes a little more room
        self.route_ties()
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
        self.refresh_genogram()  # the look first, so the ties are routed once, round the markers as drawn
        self.route_ties()  # somebody moved may now stand in the way of ties that are not theirs

    def refresh_genogram(self) -> None:
        """Draw the genogram's marks if the network now stands as a family tree (else the look by role), and
        each household's outline round where its people stand (``genogram_scene``).
        """
        was = self.genogram
        refresh_genogram(self)
        if was != self.genogram:
            self.genogramChanged.emit(self.genogram)

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
