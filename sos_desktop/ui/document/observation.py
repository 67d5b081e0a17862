"""The meeting document's hold on the observer's feedback: a mixin of ``MeetingDocument``.

The observer records feedback on the facilitation (never on the case): timestamped notes, a 0–10 rating with a
comment for each criterion of a rubric, what went well and what would make it even better. Every edit is one undo
step, saved at once; ``observationsChanged`` follows each change. Nothing here touches the map.

Which criteria a meeting is rated against: the meeting's own list once its observer has added, removed or renamed
one (kept in ``meeting.extra["rubric"]``, so it travels in the meeting's interchange file), else the team's default
(the database setting ``rubric/default``, else the practice's ``DEFAULT_RUBRIC``); and after those, any criterion
rated in this meeting that the list lacks (from a merged observer's file, say), so no rating is ever hidden.

Each edit is saved as the change it makes (from the feedback before it to the feedback after), which the store lays
over what it holds now: an observer on another laptop writing the same meeting's feedback on a shared PostgreSQL
database (``store/live.py``) loses nothing to the console and the console nothing to them, and an observer's save
raises no meeting version, so the console's saves of its other parts never go stale because of it. Undo and redo
are changes too, so undoing one's own note leaves the other side's. ``reload_observations`` takes the feedback as
stored (``observation/live_feed.py`` calls it when the other side wrote); it is not an undo step either.

The one change that is not an undo step: the observer's name filled in from the attendee with the observer role
(``name_observer``). That is a default the program gives, not an edit the user made; see its docstring.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import ObservationNote, Observations, RubricRating, merge_observations
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.observation_sync import replay_change
from sos_desktop.models.rubric import clean_criteria
from sos_desktop.store.repo.meetings import RUBRIC_EXTRA_KEY
from sos_desktop.store.team_settings import save_team_rubric, team_rubric
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

Feedback = tuple[Observations, list[str] | None]
"""The observations with the meeting's own criteria (None: the team's default)."""


class ObservationEditing(DocumentPart):
    """The observer's notes, rubric and comments, for ``MeetingDocument``."""

    # Reading ---------------------------------------------------------------------------------------------------

    @property
    def observations(self) -> Observations:
        return self.meeting.observations

    def feedback(self) -> Feedback:
        """A copy of the observations with the meeting's own criteria: what an undo step holds."""
        return copy.deepcopy(self.meeting.observations), self.own_rubric()

    def own_rubric(self) -> list[str] | None:
        """The criteria this meeting's observer settled on, or None while it follows the team's default."""
        value = self.meeting.extra.get(RUBRIC_EXTRA_KEY)
        return clean_criteria(value) if isinstance(value, list) else None

    def team_rubric(self) -> list[str]:
        """The team's default criteria (read once per open meeting), else the practice's."""
        cached: list[str] | None = getattr(self, "_team_rubric", None)
        if cached is None:
            cached = self._team_rubric = team_rubric(self.store)
        return list(cached)

    def rubric_criteria(self) -> list[str]:
        """The criteria this meeting is rated against, in order (see the module's docstring)."""
        own = self.own_rubric()
        criteria = own if own is not None else self.team_rubric()
        extra = [rating.criterion for rating in self.meeting.observations.ratings if rating.criterion not in criteria]
        return criteria + list(dict.fromkeys(extra))

    def rubric_rating(self, criterion: str) -> RubricRating | None:
        """The (first) rating of ``criterion`` in this meeting, if it has one."""
        return next((r for r in self.meeting.observations.ratings if r.criterion == criterion), None)

    # Edits: each pushes one undo command ------------------------------------------------------------------------

    def _push_feedback(
        self,
        observations: Observations,
        text: str,
        target: object = None,
        *,
        criteria: list[str] | None = None,
        typing: bool = False,
    ) -> bool:
        """Push the change to ``observations`` (and to the meeting's own ``criteria``; None: as they are).

        False if nothing would change.
        """
        new: Feedback = (observations, self.own_rubric() if criteria is None else criteria)
        if new == self.feedback():
            return False
        self.undo_stack.push(SetObservationsCommand(self, text, target, new, typing=typing))
        return True

    def add_observation_note(self, text: str) -> ObservationNote:
        """Add a note stamped with the minute into the meeting and the phase under way ("" before the start)."""
        words = self._bounded(text.strip(), MAX_TEXT_LENGTH)
        if not words:
            raise ValueError("A note needs some words.")
        now = self.agenda_state()
        phase = self.meeting.agenda[now.current].phase if now.current is not None else ""
        note = ObservationNote(words, round(now.meeting_minutes, 1), phase)
        changed = copy.deepcopy(self.meeting.observations)
        changed.notes.append(note)
        self._push_feedback(changed, "Add an observer's note")
        return copy.deepcopy(note)

    def set_observation_note(self, index: int, text: str) -> None:
        """Reword a note (its time and phase stay); typing in it is one step."""
        words = self._bounded(text, MAX_TEXT_LENGTH)
        if not words.strip():
            raise ValueError("A note needs some words; delete it instead.")
        changed = copy.deepcopy(self.meeting.observations)
        changed.notes[index].text = words
        self._push_feedback(changed, "Edit an observer's note", ("note", index), typing=True)

    def delete_observation_note(self, index: int) -> None:
        changed = copy.deepcopy(self.meeting.observations)
        del changed.notes[index]
        self._push_feedback(changed, "Delete an observer's note")

    def set_observer(self, name: str) -> None:
        changed = copy.deepcopy(self.meeting.observations)
        changed.observer = self._bounded(name.strip(), MAX_LABEL_LENGTH)
        self._push_feedback(changed, "Change the observer's name", "observer", typing=True)

    def name_observer(self, name: str) -> None:
        """Give the observer's name, while none is given, as the program's default (the one attendee with the
        observer role), written through to the store but not as an undo step.

        Why not an undo command, when every edit is one: the user did not make this change, so Ctrl+Z right after
        the observer's window opens must not take it away (it did, and the name vanished for no reason the user
        could see). Every edit the user makes, the name typed over this one included, is still its own command.
        So that no other step's undo or redo takes the name away either, it is folded into the history: each
        step that left the name empty before and after now holds it on both sides. A step that changed the name
        (typed, cleared, merged from a file) is left as it was.
        """
        name = self._bounded(name.strip(), MAX_LABEL_LENGTH)
        if not name or self.meeting.observations.observer:
            return
        for command in _feedback_commands(self.undo_stack.command(i) for i in range(self.undo_stack.count())):
            (old, _), (new, _) = command.old, command.new
            if old.observer == new.observer == "":
                old.observer = new.observer = name
        changed = copy.deepcopy(self.meeting.observations)
        changed.observer = name
        self.apply_observations(changed, self.own_rubric())

    def set_went_well(self, text: str) -> None:
        changed = copy.deepcopy(self.meeting.observations)
        changed.went_well = self._bounded(text, MAX_TEXT_LENGTH)
        self._push_feedback(changed, "Edit what went well", "went_well", typing=True)

    def set_even_better_if(self, text: str) -> None:
        changed = copy.deepcopy(self.meeting.observations)
        changed.even_better_if = self._bounded(text, MAX_TEXT_LENGTH)
        self._push_feedback(changed, "Edit even better if", "even_better_if", typing=True)

    def set_rubric_rating(self, criterion: str, value: float | None, comment: str = "") -> None:
        """Rate ``criterion`` 0 to 10 in half points with a comment; None takes its rating away.

        A run of quick changes to one rating (its arrows clicked a few times) is one undo step, and so is a burst of
        typing in its comment.
        """
        changed = copy.deepcopy(self.meeting.observations)
        ratings = changed.ratings
        current = next((i for i, rating in enumerate(ratings) if rating.criterion == criterion), None)
        if value is None:
            if current is None:
                return
            del ratings[current]
            target: object = ("value", criterion)
        else:
            rating = RubricRating(criterion, value, self._bounded(comment, MAX_TEXT_LENGTH))
            if current is None:
                order = {name: index for index, name in enumerate(self.rubric_criteria())}
                rank = order.get(criterion, len(order))
                position = sum(1 for r in ratings if order.get(r.criterion, len(order)) <= rank)
                ratings.insert(position, rating)
                target = ("value", criterion)
            else:
                target = ("comment" if ratings[current].value == rating.value else "value", criterion)
                ratings[current] = rating
        self._push_feedback(changed, f"Rate “{criterion}”", target, typing=True)

    def set_rubric_criteria(self, criteria: list[str], renamed: dict[str, str] | None = None) -> None:
        """This meeting's criteria, in order. ``renamed`` maps old names to new so their ratings follow; ratings of
        a criterion no longer in the list go with it (in the same undo step).
        """
        cleaned = clean_criteria(criteria)
        renamed = renamed or {}
        changed = copy.deepcopy(self.meeting.observations)
        for rating in changed.ratings:
            rating.criterion = renamed.get(rating.criterion, rating.criterion)
        dropped = [rating.criterion for rating in changed.ratings if rating.criterion not in cleaned]
        changed.ratings = [rating for rating in changed.ratings if rating.criterion in cleaned]
        if self._push_feedback(changed, "Change the rubric", criteria=cleaned) and dropped:
            names = ", ".join(f"“{name}”" for name in dict.fromkeys(dropped))
            self.noticed.emit(f"The rating of {names} went with it; Undo brings both back.")

    def rename_rubric_criterion(self, old: str, new: str) -> None:
        """Rename a criterion of this meeting's rubric, its rating with it; ValueError if the name is taken."""
        new = new.strip()[:MAX_LABEL_LENGTH]
        criteria = self.rubric_criteria()
        if not new or new == old:
            return
        if new in criteria:
            raise ValueError(f"“{new}” is already in the rubric.")
        self.set_rubric_criteria([new if name == old else name for name in criteria], {old: new})

    def save_rubric_as_team_default(self, criteria: list[str] | None = None) -> bool:
        """Make ``criteria`` (else this meeting's) the team's default rubric for meetings to come.

        A team setting, not a step of this meeting, so it is not undone with it; True if it was saved.
        """
        wanted = self.rubric_criteria() if criteria is None else criteria
        chosen = self._write(lambda: save_team_rubric(self.store, wanted))
        if chosen is None:
            return False
        self._team_rubric = chosen
        self.observationsChanged.emit()
        return True

    def merge_observations_from(self, other: Observations) -> ObservationsAdded:
        """Add another observer's feedback to this meeting's as one undo step (what is here already is not
        repeated, so merging the same feedback twice changes nothing); say what was added.
        """
        mine = self.meeting.observations
        merged = merge_observations(mine, other)
        added = ObservationsAdded(
            notes=len(merged.notes) - len(mine.notes),
            ratings=len(merged.ratings) - len(mine.ratings),
            observer=merged.observer != mine.observer,
            went_well=merged.went_well != mine.went_well,
            even_better_if=merged.even_better_if != mine.even_better_if,
        )
        if added:
            self._push_feedback(merged, "Merge an observer's feedback")
        return added

    # Applying, called by the commands ---------------------------------------------------------------------------

    def apply_observations(
        self, observations: Observations, criteria: list[str] | None, base: Observations | None = None
    ) -> None:
        """Make the change from ``base`` (None: what the document holds) to ``observations``, and save it.

        The store lays the change over what it holds (an observer on another laptop may have written meanwhile;
        ``models.observation_sync``), and the document takes what it stored; while the store cannot take it,
        the same change is laid over what the document holds.
        """
        before = copy.deepcopy(self.meeting.observations if base is None else base)
        saved = copy.deepcopy(observations)
        if criteria != self.own_rubric():
            self._own_rubric_is(criteria)
            stored = self._write(lambda: self.store.set_rubric(self.meeting_id, criteria, saved, before))
        else:
            stored = self._write(lambda: self.store.set_observations(self.meeting_id, saved, before))
        self.meeting.observations = (
            stored if stored is not None else replay_change(self.meeting.observations, before, observations)
        )
        self.observationsChanged.emit()

    def _own_rubric_is(self, criteria: list[str] | None) -> None:
        if criteria is None:
            self.meeting.extra.pop(RUBRIC_EXTRA_KEY, None)
        else:
            self.meeting.extra[RUBRIC_EXTRA_KEY] = list(criteria)

    def reload_observations(self) -> bool:
        """Take the feedback as stored now (an observer on another laptop wrote it), as no undo step; True if it
        changed what the document shows.

        Not while this document's own writes wait for the store: they would vanish from the screen until saved
        (the next change heard after they go through brings the other side's in).
        """
        if self.pending:
            return False
        feedback = self._read(lambda: self.store.observer_feedback(self.meeting_id), None)
        if feedback is None:
            return False
        observations, criteria = feedback
        if observations == self.meeting.observations and criteria == self.own_rubric():
            return False
        self._own_rubric_is(criteria)
        self.meeting.observations = observations
        self.observationsChanged.emit()
        return True


@dataclass(frozen=True)
class ObservationsAdded:
    """What merging another observer's feedback added to this meeting's."""

    notes: int = 0
    ratings: int = 0
    observer: bool = False
    went_well: bool = False
    even_better_if: bool = False

    def __bool__(self) -> bool:
        return bool(self.notes or self.ratings or self.observer or self.went_well or self.even_better_if)


def _feedback_commands(commands: Iterator[QUndoCommand]) -> Iterator[SetObservationsCommand]:
    """The changes of the observer's feedback among ``commands``, those inside a macro step included."""
    for command in commands:
        if isinstance(command, SetObservationsCommand):
            yield command
        yield from _feedback_commands(command.child(i) for i in range(command.childCount()))


class SetObservationsCommand(ValueChange):
    """The observer's feedback (and the meeting's own criteria) replaced by a changed copy; a burst of typing in
    one field (``target``) is one step.
    """

    def __init__(self, document: ObservationEditing, text: str, target: object, new: Feedback, *, typing: bool) -> None:
        super().__init__(text, target, document.feedback(), copy.deepcopy(new))
        self.document = document
        self.merge_id = MergeId.OBSERVATIONS_TYPING if typing else MergeId.NEVER

    def redo(self) -> None:
        self._change(self.old, self.new)

    def undo(self) -> None:
        self._change(self.new, self.old)

    def _change(self, before: Feedback, after: Feedback) -> None:
        """From ``before`` to ``after``: a change, laid over whatever another laptop has added meanwhile."""
        observations, criteria = copy.deepcopy(after)
        self.document.apply_observations(observations, criteria, copy.deepcopy(before[0]))
