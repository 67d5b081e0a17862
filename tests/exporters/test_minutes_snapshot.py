"""What the minutes will say, checked on their plain-data snapshot (no PDF made): pairs, times, trajectories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.exporters.minutes.snapshot import minutes_snapshot
from sos_desktop.exporters.minutes.snapshot_parts import agenda_rows
from sos_desktop.models import AgendaPhase, Category, MapItem, Meeting, ObservationNote, Scale, ScaleRating
from sos_desktop.models.demo import demo_bundle


def test_pairs_stand_side_by_side_and_unpaired_statements_are_shown_alone() -> None:
    bundle = demo_bundle()
    bundle.meeting.items += [
        MapItem(Category.DANGER, "A worry with no goal yet.", id=-30),
        MapItem(Category.GOAL, "A goal with no worry yet.", id=-31),
    ]
    snapshot = minutes_snapshot(bundle, MinutesOptions())
    assert snapshot.pair_words == ("Danger statement", "Safety goal")
    assert snapshot.pairs_title == "Danger statements and safety goals"
    assert [(pair.number, pair.danger[:10], pair.goal[:10]) for pair in snapshot.pairs] == [
        (1, "Sam (socia", "Mum and Da"),
        (None, "A worry wi", ""),
        (None, "", "A goal wit"),
    ]
    worries = snapshot.columns[0]
    assert [block.label for block in worries.blocks] == [
        "Harm",
        "Danger statements",
        "Complicating factors",
        "Grey areas",
    ]
    assert worries.blocks[1].cards[0].pair == 1


def test_agenda_times_read_as_clocks_and_an_overrun_is_flagged() -> None:
    now = datetime(2026, 11, 21, 10, 30, tzinfo=UTC)
    agenda = [
        AgendaPhase("purpose", "Purpose and roles", planned_minutes=5, actual_minutes=6.5),
        AgendaPhase("mapping", "Mapping", planned_minutes=25, actual_minutes=2, started_at=now - timedelta(minutes=3)),
        AgendaPhase("scaling", "", planned_minutes=5),
    ]
    rows = agenda_rows(agenda, now)
    assert [(row.title, row.planned, row.actual, row.over) for row in rows] == [
        ("Purpose and roles", "5:00", "6:30", True),
        ("Mapping", "25:00", "5:00 (running)", False),
        ("Scaling", "5:00", "", False),
    ]


def test_the_trajectory_joins_this_meeting_to_earlier_ones_on_the_same_question() -> None:
    bundle = demo_bundle()
    question = bundle.meeting.scales[0].question
    earlier = Meeting(
        "Review",
        id=5,
        held_on=datetime(2026, 9, 1),
        scales=[Scale(f"  {question.upper()} ", ratings=[ScaleRating("A", 2), ScaleRating("B", 3)])],
    )
    private = Meeting(
        "Private", id=6, held_on=datetime(2026, 10, 1), scales=[Scale(question, ratings=[ScaleRating("A", 9)])]
    )
    private.scales[0].private_round = True
    marks = minutes_snapshot(bundle, MinutesOptions(), [earlier, private]).scales[0].trajectory
    assert [(mark.when, mark.median, mark.current) for mark in marks] == [
        ("1 Sep 2026", 2.5, False),
        ("21 Nov 2026", 4.75, True),
    ]


def test_pseudonyms_reach_every_field_but_the_attendees() -> None:
    bundle = demo_bundle()
    bundle.meeting.scales[0].ratings[0].rater = "Jordan Example"
    snapshot = minutes_snapshot(bundle, MinutesOptions(pseudonymise=True))
    assert snapshot.scales[0].ratings[0].rater == "Mum"
    assert "Lily" not in snapshot.focus_question and " L " in snapshot.focus_question
    assert [node.label for node in snapshot.network.nodes][:3] == ["L", "Mum", "Dad"]
    assert snapshot.attendees[0] == ("Alex Morgan", "Facilitator")
    assert snapshot.voice[0].child == "L"
    assert all("Example" not in message for message, _ in snapshot.network.findings)


def test_notes_taken_before_the_start_or_after_the_end_say_so_as_the_observers_window_does() -> None:
    bundle = demo_bundle()
    bundle.meeting.observations.notes = [
        ObservationNote("Room set up early", 0.0),
        ObservationNote("Agreed confidentiality", 3.6, "purpose"),
        ObservationNote("Stayed to talk it through", 71.0),
    ]
    feedback = minutes_snapshot(bundle, MinutesOptions(include_feedback=True)).feedback
    assert feedback is not None
    assert [(minute, phase) for minute, phase, _text in feedback.notes] == [
        ("0′", "Before the start"),  # the minutes showed no phase ("–") for this
        ("3′", "Purpose and roles"),
        ("71′", "After the end"),  # and for this
    ]
