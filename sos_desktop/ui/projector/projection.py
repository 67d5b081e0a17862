"""The projector's state over one open meeting: theme, mode, zoom and blank, and the caches that make it fast.

It follows the document's signals (never a copy of the meeting): content is re-read and masked when the document
says it changed (the network too: who is in it decides what is masked, and the network view draws it; the child's
voice when its entries change; the focus question with the meeting's details; the review of last time's next steps
and the chronology when they change), the frame
is laid out again only when content, size, mode, theme or zoom changed, and laid-out texts are kept between frames.
A card's new words change only that card of the snapshot, and the fitting of the map starts from the card size that
fitted last time, so typing on the console does not re-read and re-fit the whole map at each keystroke.
It needs no widget, so a snapshot can be rendered offscreen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QPainter, QRegion

from sos_desktop.models import Column, Meeting, NetworkPerson
from sos_desktop.models.names import NameMasker
from sos_desktop.models.network_layout import LayoutKind, compute_layout, standing_positions
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.clock_overlay import paint_clock
from sos_desktop.ui.projector.content import MapContent, map_content, with_card_reworded
from sos_desktop.ui.projector.focus_chart import FocusContent, FocusLayout
from sos_desktop.ui.projector.layout import MODE_KINDS, NO_MEETING, Layout, ProjectorMode
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
from sos_desktop.ui.projector.network_chart import NetworkLayout
from sos_desktop.ui.projector.network_content import (
    GENOGRAM_HEADING,
    NetworkContent,
    Positions,
    layout_key,
    network_content,
)
from sos_desktop.ui.projector.over_time_views import OverTimeMode, over_time_scene
from sos_desktop.ui.projector.question_banner import paint_question
from sos_desktop.ui.projector.safety_house_chart import SafetyHouseLayout
from sos_desktop.ui.projector.safety_house_content import safety_house_content
from sos_desktop.ui.projector.scale_content import scale_content, trajectory_content
from sos_desktop.ui.projector.scales import ScalesLayout
from sos_desktop.ui.projector.scene import Scene
from sos_desktop.ui.projector.text import TextCache
from sos_desktop.ui.projector.themes import DEFAULT_THEME, Theme, load_theme, next_theme
from sos_desktop.ui.projector.trajectory_chart import TrajectoryLayout
from sos_desktop.ui.projector.voice_chart import VoiceLayout
from sos_desktop.ui.projector.voice_content import voice_content
from sos_desktop.ui.projector.words_pictures_chart import words_pictures_scene

MODES: tuple[ProjectorMode, ...] = (None, *Column)
"""The order the V key steps through: the whole map, then each column."""
ZOOM_STEP = 1.2
ZOOM_STEPS = range(-4, 7)
"""Zoom from 1.2⁻⁴ (about half) to 1.2⁶ (about three times) the fitted size."""


def next_mode(mode: ProjectorMode, step: int = 1) -> ProjectorMode:
    """The mode ``step`` places after ``mode`` in ``MODES``, wrapping round; from one category, the whole map.

    Were ``MODES`` to hold ``ScalesMode()`` and ``TrajectoryMode()``, any scale or trajectory would stand there.
    """
    if isinstance(mode, ScalesMode | TrajectoryMode):
        mode = type(mode)()
    return MODES[(MODES.index(mode) + step) % len(MODES)] if mode in MODES else None


class Projection(QObject):
    """What the projector shows and how; ``changed`` asks every view of it to repaint."""

    changed = Signal()
    modeChanged = Signal(object)  # Qt signal naming; the new mode (see ``ProjectorMode``)
    themeChanged = Signal(str)
    zoomChanged = Signal(float)
    blankChanged = Signal(bool)

    def __init__(
        self, document: MeetingDocument | None, theme: str = DEFAULT_THEME, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._type_scale = 1.0
        self._theme: Theme = self._scaled(theme)
        self._mode: ProjectorMode = None
        self._zoom_step = 0
        self._blank = False
        self._texts = TextCache()
        self._masked: dict[str, str] = {}
        self._masker: NameMasker | None = None
        self._content: MapContent | None = None
        self._fitted_sizes: dict[tuple[object, int], int] = {}
        """The card size that fitted last, by mode and arrangement of the map: where the next fitting starts."""
        self._scene: Scene | None = None
        self._scene_size: tuple[int, int] = (0, 0)
        self._document: MeetingDocument | None = None
        self._case_meetings: list[Meeting] | None = None
        self._network_where: tuple[object, Positions] | None = None
        self.clock: Callable[[], tuple[str, bool] | None] | None = None
        """The meeting's clock as (text, over time), painted in a corner when the facilitator shows it."""
        self._question: str | None = None
        """A best question the facilitator put on the wall, painted over the view until taken off."""
        self.set_document(document)

    # The document ------------------------------------------------------------------------------------------------

    @property
    def document(self) -> MeetingDocument | None:
        return self._document

    def set_document(self, document: MeetingDocument | None) -> None:
        """Show ``document`` (or nothing); the projector follows whichever meeting the console has open."""
        old = self._document
        if old is not None:
            for signal in (old.detailsChanged, old.itemsChanged, old.pairsChanged):
                signal.disconnect(self._content_changed)
            old.itemTextChanged.disconnect(self._item_text_changed)
            for signal in (old.attendeesChanged, old.caseChanged, old.networkChanged):
                signal.disconnect(self.refresh_names)
            old.networkMoved.disconnect(self._network_moved)
            if hasattr(old, "scalesChanged"):
                old.scalesChanged.disconnect(self.refresh_scales)
            if hasattr(old, "voiceChanged"):
                old.voiceChanged.disconnect(self.refresh_voice)
            if hasattr(old, "wordsPicturesChanged"):
                old.wordsPicturesChanged.disconnect(self.refresh_words_pictures)
            if hasattr(old, "safetyHousesChanged"):
                old.safetyHousesChanged.disconnect(self.refresh_safety_houses)
            if hasattr(old, "reviewsChanged"):
                old.reviewsChanged.disconnect(self.refresh_reviews)
            if hasattr(old, "chronologyChanged"):
                old.chronologyChanged.disconnect(self.refresh_chronology)
            for name in ("safetyPlanChanged", "trajectoryPlanChanged"):
                if hasattr(old, name):
                    getattr(old, name).disconnect(self.refresh_plans)
            if hasattr(old, "familyMeetingChanged"):
                old.familyMeetingChanged.disconnect(self._content_changed)
            old.destroyed.disconnect(self._document_destroyed)
        self._document = document
        self._network_where = None
        if document is not None:
            for signal in (document.detailsChanged, document.itemsChanged, document.pairsChanged):
                signal.connect(self._content_changed)  # pairs: their numbers and the flags of lone cards
            document.itemTextChanged.connect(self._item_text_changed)
            # Who is in the network decides what is masked, and the network view draws them.
            for signal in (document.attendeesChanged, document.caseChanged, document.networkChanged):
                signal.connect(self.refresh_names)
            document.networkMoved.connect(self._network_moved)
            if hasattr(document, "scalesChanged"):  # scales, ratings, a private round begun or revealed
                document.scalesChanged.connect(self.refresh_scales)
            if hasattr(document, "voiceChanged"):  # the child's words added, reworded, moved, shared or not
                document.voiceChanged.connect(self.refresh_voice)
            if hasattr(document, "wordsPicturesChanged"):  # a story's panels, words or pictures
                document.wordsPicturesChanged.connect(self.refresh_words_pictures)
            if hasattr(document, "safetyHousesChanged"):  # a child's Safety House: placed, reworded, shared or not
                document.safetyHousesChanged.connect(self.refresh_safety_houses)
            if hasattr(document, "reviewsChanged"):  # an outcome or a note of last time's next steps
                document.reviewsChanged.connect(self.refresh_reviews)
            if hasattr(document, "chronologyChanged"):  # events added, changed or taken off
                document.chronologyChanged.connect(self.refresh_chronology)
            for name in ("safetyPlanChanged", "trajectoryPlanChanged"):  # a rule, a sign or a milestone
                if hasattr(document, name):
                    getattr(document, name).connect(self.refresh_plans)
            if hasattr(document, "familyMeetingChanged"):  # the family came or went; a card made professional-only
                document.familyMeetingChanged.connect(self._content_changed)
            document.destroyed.connect(self._document_destroyed)
        self.refresh_names()

    def _document_destroyed(self) -> None:
        self._document = None
        self.refresh_names()

    def refresh_names(self) -> None:
        """Build the masker afresh (the document's network, attendees and case are followed: call it for others)."""
        self._masker = None
        self._masked.clear()
        self._content_changed()

    def _network_moved(self) -> None:
        if isinstance(self._mode, NetworkMode):
            self._invalidate()

    def refresh_scales(self) -> None:
        """Show the scales, the trajectory and what changed afresh: call it when a scale, a rating or a private round
        changes.
        """
        if isinstance(self._mode, ScalesMode | TrajectoryMode | TrajectoryPlanMode | ChangesMode):
            self._invalidate()

    def refresh_reviews(self) -> None:
        """Show the review of last time's next steps afresh: call it when an outcome or a note changes."""
        if isinstance(self._mode, ReviewMode):
            self._invalidate()

    def refresh_chronology(self) -> None:
        """Show the chronology afresh: call it when an event is added, changed or taken off."""
        if isinstance(self._mode, ChronologyMode):
            self._invalidate()

    def refresh_words_pictures(self) -> None:
        """Show the Words and Pictures afresh: call it when a story, a panel or its picture changes."""
        if isinstance(self._mode, WordsPicturesMode):
            self._invalidate()

    def refresh_voice(self) -> None:
        """Show the child's voice afresh: call it when an entry, or the consent to share it, changes."""
        if isinstance(self._mode, VoiceMode | SafetyHouseMode):
            self._invalidate()

    def refresh_safety_houses(self) -> None:
        """Show the Safety House and the child's path afresh: call it when a house changes."""
        if isinstance(self._mode, SafetyHouseMode | TrajectoryMode):
            self._invalidate()

    @property
    def case_meetings(self) -> list[Meeting] | None:
        return self._case_meetings

    def set_case_meetings(self, meetings: list[Meeting] | None) -> None:
        """The case's meetings, with their scales, for the trajectory (the open one is followed live in any case)."""
        self._case_meetings = list(meetings) if meetings is not None else None
        if isinstance(self._mode, TrajectoryMode | TrajectoryPlanMode):
            self._invalidate()

    def refresh_plans(self) -> None:
        """Show the safety plan and the trajectory plan afresh: call it when either changes."""
        if isinstance(self._mode, PlanMode | TrajectoryPlanMode):
            self._invalidate()

    def _item_text_changed(self, item_id: int) -> None:
        content, document = self._content, self._document
        if content is None or document is None:
            self._content_changed()
            return
        # Only the card's words changed (its text, or a next step's details), not its pair: change that card alone.
        try:
            item = document.item(item_id)
            index, day = document.index_of(item), document.review_day()
            jargon = self._family_jargon()
            if jargon is not None and any(card.professional_only for card in document.meeting.items):
                raise IndexError("cards left out: the snapshot's places are not the meeting's")
            self._content = with_card_reworded(content, item, index, self.mask, self.name, day, jargon)
        except (KeyError, ValueError, IndexError):
            self._content = None  # not where the snapshot has it: read the meeting afresh
        self._invalidate()

    def _content_changed(self) -> None:
        self._content = None
        self._invalidate()

    def _invalidate(self) -> None:
        self._scene = None
        self.changed.emit()

    def masker(self) -> NameMasker | None:
        """The masker of the document's network and attendees (None without a document), built once per change."""
        document = self._document
        if document is None:
            return None
        if self._masker is None:
            self._masker = wall_masker(document)
        return self._masker

    def name(self, name: str) -> str:
        """A rater's, attendee's or owner's name as the room may see it: a network person's display name."""
        masker = self.masker()
        return name if masker is None else masker.name(name)

    def mask(self, text: str) -> str:
        """``text`` as the room may see it: each person of the case's network by their display name."""
        masker = self.masker()
        if masker is None:
            return text
        masked = self._masked.get(text)
        if masked is None:
            if len(self._masked) > 10_000:
                self._masked.clear()
            masked = self._masked[text] = masker.mask(text)
        return masked

    def content(self) -> MapContent | None:
        """The masked snapshot of the meeting, re-read only after the document said it changed."""
        document = self._document
        if self._content is None and document is not None:
            meeting, day, jargon = document.meeting, document.review_day(), self._family_jargon()
            self._content = map_content(meeting, document.case, document.template, self.mask, self.name, day, jargon)
        return self._content

    def _family_jargon(self) -> list[str] | None:
        """The team's jargon list while the family is present (the wall then flags it and hides professional-only
        cards); None otherwise.
        """
        document = self._document
        if document is None or not document.family_present:
            return None
        return document.jargon_words()

    def network(self, genogram: bool = False) -> NetworkContent | None:
        """The case's network as the room sees it; laid out again only after people or ties came, went or moved.

        With ``genogram``, laid out as a family tree with the genogram's marks, whatever the console shows.
        """
        document = self._document
        if document is None:
            return None
        key = (layout_key(document.network), genogram)
        if self._network_where is None or self._network_where[0] != key:
            network = document.network
            where = compute_layout(network, LayoutKind.FAMILY_TREE) if genogram else standing_positions(network)
            self._network_where = (key, where)
        if genogram:
            return network_content(
                document.network, _title(document), self.mask, self._network_where[1], True, GENOGRAM_HEADING
            )
        return network_content(document.network, _title(document), self.mask, self._network_where[1])

    # How it is shown ---------------------------------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, name: str) -> None:
        if name == self._theme.name:
            return
        self._theme = self._scaled(name)
        self._invalidate()
        self.themeChanged.emit(name)

    @property
    def type_scale(self) -> float:
        return self._type_scale

    def set_type_scale(self, factor: float) -> None:
        """Make every theme's type ``factor`` times its own size (the room's setting for its wall and its distance)."""
        if factor != self._type_scale:
            self._type_scale = factor
            self._theme = self._scaled(self._theme.name)
            self._invalidate()

    def _scaled(self, name: str) -> Theme:
        theme = load_theme(name)
        if self._type_scale == 1.0:
            return theme
        return dataclasses.replace(theme, type_scale=theme.type_scale * self._type_scale)

    def cycle_theme(self) -> str:
        self.set_theme(next_theme(self._theme.name))
        return self._theme.name

    @property
    def mode(self) -> ProjectorMode:
        return self._mode

    def set_mode(self, mode: ProjectorMode) -> None:
        """The whole map (None), one ``Column``, one ``Category``, a ``ScalesMode``, a ``TrajectoryMode``, the
        ``NetworkMode``, a ``VoiceMode``, the ``FocusMode``, or the case over time: ``ChangesMode``,
        ``ChronologyMode``, ``ReviewMode``.
        """
        if mode is not None and not isinstance(mode, MODE_KINDS):
            raise ValueError(
                f"{mode!r} is neither a column nor a category of the map, nor a scale, trajectory, network, the "
                "child's voice, the focus question, what changed, the chronology or the review."
            )
        if mode == self._mode:
            return
        self._mode = mode
        self._invalidate()
        self.modeChanged.emit(mode)

    def cycle_mode(self, step: int = 1) -> ProjectorMode:
        self.set_mode(next_mode(self._mode, step))
        return self._mode

    @property
    def zoom(self) -> float:
        return float(ZOOM_STEP**self._zoom_step)

    def _set_zoom_step(self, step: int) -> None:
        step = max(ZOOM_STEPS.start, min(ZOOM_STEPS.stop - 1, step))
        if step != self._zoom_step:
            self._zoom_step = step
            self._invalidate()
            self.zoomChanged.emit(self.zoom)

    def zoom_in(self) -> None:
        self._set_zoom_step(self._zoom_step + 1)

    def zoom_out(self) -> None:
        self._set_zoom_step(self._zoom_step - 1)

    def reset_zoom(self) -> None:
        self._set_zoom_step(0)

    @property
    def blank(self) -> bool:
        return self._blank

    def set_blank(self, blank: bool) -> None:
        """Blank: only the background is painted, so the room sees nothing of the case."""
        if blank != self._blank:
            self._blank = blank
            self.changed.emit()
            self.blankChanged.emit(blank)

    def toggle_blank(self) -> bool:
        self.set_blank(not self._blank)
        return self._blank

    @property
    def question(self) -> str | None:
        """The best question on the wall (None: none)."""
        return self._question

    def set_question(self, text: str | None) -> None:
        """Put a best question on the wall over the view (its words only), or take it off with None."""
        if text != self._question:
            self._question = text
            self.changed.emit()

    # Frames ------------------------------------------------------------------------------------------------------

    def scene(self, width: int, height: int) -> Scene:
        """The frame at this size, laid out again only if something changed since the last one."""
        if self._blank:
            return Scene(self._theme.background)
        if self._scene is None or self._scene_size != (width, height):
            self._scene, self._scene_size = self._layout(width, height), (width, height)
        return self._scene

    def _layout(self, width: int, height: int) -> Scene:
        mode, theme, document = self._mode, self._theme, self._document
        if isinstance(mode, ScalesMode):
            if document is None:
                return ScalesLayout(None, theme, width, height, self.zoom, self._texts, NO_MEETING).scene()
            content = scale_content(document.meeting, document.case, mode.scale_index, self.mask, self.name)
            return ScalesLayout(content, theme, width, height, self.zoom, self._texts).scene()
        if isinstance(mode, TrajectoryMode):
            meeting, case = (document.meeting, document.case) if document is not None else (None, None)
            network = document.network if document is not None else None
            found = trajectory_content(meeting, case, self._case_meetings, mode.question_key, self.mask, network)
            return TrajectoryLayout(found, theme, width, height, self.zoom, self._texts).scene()
        if isinstance(mode, NetworkMode):
            return NetworkLayout(self.network(mode.genogram), theme, width, height, self.zoom, self._texts).scene()
        if isinstance(mode, VoiceMode):  # the chosen child's shared words only, masked
            voice = (
                None
                if document is None
                else voice_content(document.meeting, document.network, _title(document), mode.child, self.mask)
            )
            return VoiceLayout(voice, theme, width, height, self.zoom, self._texts).scene()
        if isinstance(mode, SafetyHouseMode):  # the chosen child's shared entries only, display names, masked
            house = (
                None
                if document is None
                else safety_house_content(document.meeting, document.network, _title(document), mode.child, self.mask)
            )
            return SafetyHouseLayout(house, theme, width, height, self.zoom, self._texts).scene()
        if isinstance(mode, WordsPicturesMode):  # one panel of a story, display names only, words masked
            size = (float(width), float(height))
            return words_pictures_scene(mode, document, self.mask, theme, size, self.zoom, self._texts)
        if isinstance(mode, OverTimeMode):  # the case over time and its plans, masked
            size = (float(width), float(height))
            return over_time_scene(
                mode, document, self.mask, self.name, theme, size, self.zoom, self._texts, self._case_meetings
            )
        if isinstance(mode, FocusMode):
            focus = (
                None
                if document is None
                else FocusContent(self.mask(_title(document)), self.mask(document.meeting.focus_question))
            )
            return FocusLayout(focus, theme, width, height, self.zoom, self._texts).scene()
        layout = Layout(self.content(), theme, width, height, mode, self.zoom, self._texts, self._fitted_sizes)
        return layout.scene()

    def paint(self, painter: QPainter, rect: QRectF, region: QRegion | None = None) -> Scene:
        """Paint the frame in ``rect`` (only what reaches into ``region``, if given, in the painter's coordinates);
        returns the frame painted.
        """
        painter.save()
        painter.translate(rect.topLeft())
        local = QRectF(0, 0, rect.width(), rect.height())
        if region is not None:
            region = region.translated(-rect.topLeft().toPoint())
        scene = self.scene(round(rect.width()), round(rect.height()))
        scene.paint(painter, local, region)
        shown = self.clock() if self.clock is not None and not self._blank else None
        if shown is not None:
            paint_clock(painter, local, self._theme, *shown)
        if self._question is not None and not self._blank:
            paint_question(painter, local, self._theme, self._question)
        painter.restore()
        return scene


def wall_masker(document: MeetingDocument) -> NameMasker:
    """The masker of what the wall shows of ``document``: its network, keeping the attendees' names (an attendee who
    is a network person is not kept: the masker gives them their display name).

    People who were in the network when the meeting began and are no longer in it are still hidden, by the display
    name they had: last time's cards and next steps, which the case over time shows, may name them.
    """
    people = list(document.network.people)
    present = {person.id for person in people if person.id is not None}
    for then in document.meeting.network_at_start:
        if then.person is None or then.person not in present:
            people.append(NetworkPerson(then.name, display_name=then.display_name))
    return NameMasker(people, keep=[attendee.name for attendee in document.meeting.attendees])


def _title(document: MeetingDocument) -> str:
    """The title line of the views beyond the map, before it is masked."""
    return f"{document.meeting.title} · {document.case.label}"
