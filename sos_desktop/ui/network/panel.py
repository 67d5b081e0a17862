"""The Network page of the console: the case's safety network as a graph to draw on, with its legend, what the
network tells the group (findings), and the selected person's or tie's details.

Keys on the graph: Insert adds a person, C toggles connecting (or Shift+drag from one person to another), F2
renames the selected person in place, Delete removes the selection, Ctrl+0 fits the network to the view and
Ctrl+wheel zooms. Arrange lays everyone out with one of three layouts, worked out off the UI thread; the result is
one undo step. Every person placed, connected, edited or removed is one undo step, and is saved as it happens.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QMouseEvent, QPainter, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import PersonRole
from sos_desktop.models.network_findings import Finding, findings
from sos_desktop.models.network_layout import LAYOUT_LABELS, NODE_SPACING, LayoutKind, compute_layout
from sos_desktop.ui.common.actions import Key, key_sequences
from sos_desktop.ui.common.empty_state import hint_when_empty
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.network.genogram_legend import GenogramLegend
from sos_desktop.ui.network.layout_runner import LayoutRunner, Positions
from sos_desktop.ui.network.person_editor import SelectionEditor
from sos_desktop.ui.network.scene import NetworkScene
from sos_desktop.ui.network.style import KNOWS_COLOUR, KNOWS_LEGEND, KNOWS_MARK, TIE_STYLES, legend_entries, marker_path

SYNCHRONOUS_LAYOUT_LIMIT = 120
"""Up to this many people, where to show people never placed is worked out at once; beyond, in the background."""
SHORT_LAYOUT_LABELS = {LayoutKind.CIRCLES: "Circles", LayoutKind.FORCE: "Force", LayoutKind.FAMILY_TREE: "Family tree"}
CONCERN_MARK = "⚠"
INFO_MARK = "•"


class NetworkView(QGraphicsView):
    """The graph's view: rubber-band selection, Ctrl+wheel zoom, panning, and fitting the network into sight.

    Fitted, the view scrolls nowhere: it holds exactly the network, so no scroll bar takes room from a small screen
    (1280 by 720). Zoomed in, it holds the network and half a view round it, and scroll bars appear; a drag with
    the middle button pans then too.
    """

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.network_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAccessibleName("Safety network graph")
        self.auto_fit = True
        """Fit the network again whenever the view is resized, until the user zooms by hand."""
        self._panned_from: QPoint | None = None
        self.setToolTip(
            "Double-click empty space to add a person; Shift+drag between two people to connect them; "
            "Ctrl+wheel zooms, and a drag with the middle button pans when zoomed in"
        )

    def network_bounds(self) -> QRectF:
        """Everybody on the graph, with a margin (a stretch of the middle when there is nobody yet)."""
        bounds = self.network_scene.itemsBoundingRect()
        if bounds.isEmpty():
            bounds = QRectF(-300, -200, 600, 400)
        return bounds.adjusted(-40, -40, 40, 40)

    def seen(self) -> QRectF:
        """The part of the scene in sight."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def fit(self) -> None:
        """Show the whole network, never magnified beyond its natural size, with nothing to scroll to."""
        self.auto_fit = True
        bounds = self.network_bounds()
        self.setSceneRect(bounds)
        self.fitInView(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.0:
            self.resetTransform()
            self.centerOn(bounds.center())

    def _make_room_to_pan(self) -> None:
        """Let the view scroll over the network and what is in sight, with half a view to spare on every side."""
        seen = self.seen()
        centre = seen.center()
        room = self.network_bounds().united(seen)
        half_x, half_y = seen.width() / 2, seen.height() / 2
        self.setSceneRect(room.adjusted(-half_x, -half_y, half_x, half_y))
        self.centerOn(centre)  # the scroll range changed under the picture: it stays where it was

    def follow_network(self) -> None:
        """After people come, go or move: fitted, everybody stays in sight; zoomed in, everybody can be reached."""
        if self.auto_fit:
            if not self.seen().contains(self.network_bounds()):
                self.fit()
        elif not self.sceneRect().contains(self.network_bounds()):
            self._make_room_to_pan()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def zoom(self, factor: float) -> None:
        self.auto_fit = False
        scale = self.transform().m11() * factor
        if 0.1 <= scale <= 4.0:
            self._make_room_to_pan()
            self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    # Panning with the middle button (the left one selects with a rubber band) -----------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panned_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panned_from is not None:
            now = event.position().toPoint()
            moved, self._panned_from = now - self._panned_from, now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - moved.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - moved.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panned_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._panned_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class Legend(QWidget):
    """What the shapes, the tick and the lines mean, in two columns."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles = legend_entries()
        self.ties = list(TIE_STYLES.values())
        rows = math.ceil((len(self.roles) + 1) / 2) + math.ceil(len(self.ties) / 2)
        self.setMinimumHeight(self.ROW * rows + 6)
        self.setMinimumWidth(300)
        self.setAccessibleName("Legend")
        self.setToolTip("Shape and colour show a person's role; the lines show the kind of tie")

    def texts(self) -> list[str]:
        return [style.legend for style in self.roles] + [KNOWS_LEGEND] + [tie.label for tie in self.ties]

    def _cell(self, index: int, first_row: int) -> tuple[float, float, float]:
        """Left, middle height and width of the ``index``-th entry of a two-column block starting at a row."""
        width = self.width() / 2
        return (index % 2) * width, (first_row + index // 2 + 0.5) * self.ROW, width

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().text().color()
        align = Qt.AlignmentFlag.AlignVCenter
        for index, style in enumerate(self.roles):
            left, y, width = self._cell(index, 0)
            painter.setPen(QPen(QColor("#202020"), 1.2))
            painter.setBrush(QColor(style.fill))
            painter.drawPath(marker_path(style.marker, QPointF(left + 12, y), 17))
            painter.setPen(ink)
            painter.drawText(QRectF(left + 28, y - self.ROW / 2, width - 28, self.ROW), align, style.legend)
        left, y, width = self._cell(len(self.roles), 0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KNOWS_COLOUR))
        painter.drawEllipse(QPointF(left + 12, y), 9, 9)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(QRectF(left + 3, y - 9, 18, 18), Qt.AlignmentFlag.AlignCenter, KNOWS_MARK)
        painter.setPen(ink)
        painter.drawText(QRectF(left + 28, y - self.ROW / 2, width - 28, self.ROW), align, KNOWS_LEGEND)
        first_tie_row = math.ceil((len(self.roles) + 1) / 2)
        for index, tie in enumerate(self.ties):
            left, y, width = self._cell(index, first_tie_row)
            painter.setPen(QPen(QColor("#505050"), 1.6 * tie.width, tie.pen))
            painter.drawLine(QPointF(left + 2, y), QPointF(left + 24, y))
            painter.setPen(ink)
            painter.drawText(QRectF(left + 30, y - self.ROW / 2, width - 30, self.ROW), align, tie.label)
        painter.end()


class NetworkPanel(QWidget):
    """The case's safety network: the graph, the legend, the findings and the selected person's details."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("network-panel")
        self.scene = NetworkScene(document, self)
        self.view = NetworkView(self.scene)
        hint_when_empty(
            self.view,
            "Nobody in the network yet. Double-click here (or press Insert) to add a person; start with the child. "
            "If the family says there isn't anybody, that is a finding too.",
            lambda: not document.network.people,
        )
        self.runner = LayoutRunner(self)
        self.runner.ready.connect(self._arranged)
        self.runner.failed.connect(document.noticed.emit)
        self.runner.busyChanged.connect(self._busy)
        self._pending: str | None = None
        self.editor = SelectionEditor(document)
        self.editor.person_form.deleteRequested.connect(lambda person_id: document.remove_parts([person_id], []))
        self.legend = Legend()
        self.genogram_legend = GenogramLegend()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Network summary")
        # As high as its words, no more: the findings under it take the rest of the box.
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.findings_list = QListWidget()
        self.findings_list.setAccessibleName("Findings")
        self.findings_list.setWordWrap(True)
        self.findings_list.setToolTip("Select a finding to pick out the people it is about")
        self.findings_list.currentItemChanged.connect(self._finding_chosen)
        # Its height comes from the page's share (3 to the details' 5), not from a list's usual 190 px, which left
        # the details three rows high at 1280 by 720; it scrolls beyond five lines.
        policy = self.findings_list.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        self.findings_list.setSizePolicy(policy)
        self.findings_list.setMinimumHeight(self.findings_list.fontMetrics().lineSpacing() * 5 + 8)
        self.status = QLabel()
        self.toolbar = self._build_toolbar()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        findings_box = QGroupBox("What the network tells us")
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.addWidget(self.summary)
        findings_layout.addWidget(self.findings_list)
        details_box = QGroupBox("Details")
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        details_scroll.setWidget(self.editor)
        QVBoxLayout(details_box).addWidget(details_scroll)
        legend_box = QGroupBox("Legend")
        legend_layout = QVBoxLayout(legend_box)
        legend_layout.addWidget(self.legend)
        legend_layout.addWidget(self.genogram_legend)
        self._legend_box = legend_box
        side_layout.addWidget(findings_box, 3)
        side_layout.addWidget(details_box, 5)
        side_layout.addWidget(legend_box, 0)
        side.setMinimumWidth(340)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 400])
        QHBoxLayout(self).addWidget(splitter)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh_findings)
        document.networkChanged.connect(self._network_changed)
        document.networkMoved.connect(self.view.follow_network)
        document.itemsChanged.connect(self._selection_changed)
        self.scene.selectionSettled.connect(self._selection_changed)
        self.scene.genogramChanged.connect(self._show_genogram_legend)
        self._show_genogram_legend(self.scene.genogram)
        self.place_unplaced()
        self.refresh_findings()
        self._selection_changed()
        QTimer.singleShot(0, self.view.fit)

    # Toolbar -----------------------------------------------------------------------------------------------------

    def _action(self, text: str, tip: str, key: Key | None, slot: object) -> QAction:
        action = QAction(text, self)
        keys = key_sequences(key) if key is not None else []
        action.setToolTip(f"{tip} ({keys[0].toString()})" if keys else tip)
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)  # on the graph only: typing in the details form never fires them
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar("Network")
        bar.setAccessibleName("Network tools")
        self.add_action = self._action("Add person", "Add somebody to the network", Key.ADD_PERSON, self.add_person)
        self.connect_action = self._action(
            "Connect", "Draw ties: drag from one person to another", Key.CONNECT_PEOPLE, self._connect_mode
        )
        self.connect_action.setCheckable(True)
        self.rename_action = self._action(
            "Rename", "Rename the selected person on the graph", Key.RENAME_PERSON, self.rename
        )
        self.delete_action = self._action(
            "Remove", "Remove the selected people and ties", Key.REMOVE_FROM_NETWORK, self.delete_selected
        )
        self.fit_action = self._action("Fit", "Show the whole network", Key.FIT_NETWORK, self.view.fit)
        for action in (self.add_action, self.connect_action, self.rename_action, self.delete_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Arrange: "))
        self.arrange_buttons: dict[LayoutKind, QToolButton] = {}
        for kind in LayoutKind:
            button = QToolButton()
            button.setText(SHORT_LAYOUT_LABELS[kind])
            drawn = ", drawn as a genogram" if kind is LayoutKind.FAMILY_TREE else ""
            button.setToolTip(f"Lay everyone out: {LAYOUT_LABELS[kind].lower()}{drawn} (one undo step)")
            button.setAccessibleName(f"Arrange: {LAYOUT_LABELS[kind]}")
            button.clicked.connect(lambda _checked=False, kind=kind: self.arrange(kind))
            bar.addWidget(button)
            self.arrange_buttons[kind] = button
        bar.addSeparator()
        bar.addAction(self.fit_action)
        return bar

    # Gestures ------------------------------------------------------------------------------------------------------

    def _show_genogram_legend(self, on: bool) -> None:
        """The family tree's legend while the network stands as one, else the legend by role."""
        self.legend.setVisible(not on)
        self.genogram_legend.setVisible(on)
        self._legend_box.setTitle("Legend: family tree (genogram)" if on else "Legend")

    def _connect_mode(self, on: bool) -> None:
        self.scene.connect_mode = on
        self.status.setText("Connecting: drag from one person to another. Press C again to stop." if on else "")

    def add_person(self) -> None:
        """Add a person at a free spot near the middle of the view, and type their name straight away."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        taken = [node.pos() for node in self.scene.nodes.values()]
        spot = QPointF(centre)
        for step in range(400):
            if all(math.dist((spot.x(), spot.y()), (p.x(), p.y())) >= NODE_SPACING * 0.8 for p in taken):
                break
            angle, radius = step * 0.9, NODE_SPACING * (0.6 + step * 0.08)
            spot = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        person = self.document.add_person("", PersonRole.FAMILY, position=(spot.x(), spot.y()))
        self.scene.select([person.id or 0])
        self.view.ensureVisible(QRectF(spot.x() - 80, spot.y() - 60, 160, 140))
        self.view.setFocus()
        self.scene.edit_name(person.id or 0)

    def rename(self) -> None:
        people = self.scene.selected_people()
        if len(people) == 1:
            self.view.setFocus()
            self.scene.edit_name(people[0])

    def delete_selected(self) -> None:
        if self.scene.editing:
            return
        self.document.remove_parts(self.scene.selected_people(), self.scene.selected_ties())

    # Layouts -------------------------------------------------------------------------------------------------------

    def arrange(self, kind: LayoutKind) -> None:
        """Work the layout out in the background; it is applied (one undo step) when it arrives."""
        if not self.document.network.people:
            self.document.noticed.emit("Add people to the network first: there is nobody to arrange.")
            return
        self._pending = kind.value
        self.runner.start(kind.value, self.document.network, lambda network: compute_layout(network, kind))

    def _busy(self, busy: bool) -> None:
        self.status.setText("Arranging the network…" if busy else "")
        for button in self.arrange_buttons.values():
            button.setEnabled(not busy)

    def _arranged(self, name: str, positions: Positions) -> None:
        present = {p.id for p in self.document.network.people}
        found = {person_id: xy for person_id, xy in positions.items() if person_id in present}
        if name == "_fallback":
            self.scene.fallback = found
            self.scene.follow_positions()
            self.view.fit()
            return
        # Moved with the view's painting held, then fitted and painted on the event loop's next turn: moving and
        # painting hundreds of people back to back would hold the UI thread for the two together.
        self.view.viewport().setUpdatesEnabled(False)
        try:
            self.document.move_people(found, f"Arrange: {LAYOUT_LABELS[LayoutKind(name)]}")
        finally:
            QTimer.singleShot(0, self._show_arranged)

    def _show_arranged(self) -> None:
        self.view.viewport().setUpdatesEnabled(True)
        self.view.fit()

    def place_unplaced(self) -> None:
        """Show people never placed by hand (imported, say) where the circles layout puts them, without saving."""
        network = self.document.network
        if all(p.x is not None and p.y is not None for p in network.people):
            return
        if len(network.people) <= SYNCHRONOUS_LAYOUT_LIMIT:
            self.scene.fallback = compute_layout(network, LayoutKind.CIRCLES)
            self.scene.follow_positions()
        else:
            self.runner.start("_fallback", network, lambda copy: compute_layout(copy, LayoutKind.CIRCLES))

    # Following the document ----------------------------------------------------------------------------------------

    def _network_changed(self) -> None:
        self._refresh_timer.start(0)
        self.view.follow_network()
        self._selection_changed()

    def _selection_changed(self) -> None:
        people = [p for p in self.scene.selected_people() if p in self.scene.nodes]
        ties = [t for t in self.scene.selected_ties() if t in self.scene.lines]
        self.editor.show_selection(people, ties)
        self.rename_action.setEnabled(len(people) == 1)
        self.delete_action.setEnabled(bool(people or ties))

    def refresh_findings(self) -> None:
        """Recount the network and list what it tells the group (real names: this is the facilitator's screen)."""
        found = findings(self.document.network)
        self.findings_list.clear()
        for finding in found:
            item = QListWidgetItem(f"{CONCERN_MARK if finding.concern else INFO_MARK} {finding.message}")
            item.setData(Qt.ItemDataRole.UserRole, finding)
            if finding.concern:
                item.setForeground(QColor("#9A5B00"))
            self.findings_list.addItem(item)
        people = len(self.document.network.people)
        ties = len(self.document.network.ties)
        self.summary.setText(
            f"{people} {'person' if people == 1 else 'people'}, {ties} {'tie' if ties == 1 else 'ties'}"
        )

    def _finding_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        finding: Finding | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.scene.highlight(finding.people if finding is not None else ())

    def findings_texts(self) -> list[str]:
        return [self.findings_list.item(row).text() for row in range(self.findings_list.count())]
