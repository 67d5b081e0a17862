"""Scales on the projector: the 0 to 10 line with everyone's mark, private rounds, and the trajectory chart."""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from sos_desktop.models import Attendee, AttendeeRole, Meeting
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.scaling import Scale, ScaleRating, Spread
from sos_desktop.models.trajectory import scale_identity
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import (
    THEMES,
    ProjectorView,
    ScalesMode,
    TrajectoryMode,
    load_theme,
    mark_x,
    next_mode,
    render_projector,
    render_trajectory,
)
from sos_desktop.ui.projector.chart_shapes import BoxShape, DiscShape
from sos_desktop.ui.projector.scale_content import ONE_MEETING
from sos_desktop.ui.projector.scales import PRIVATE, spread_text, stack_rows
from sos_desktop.ui.projector.scene import TextShape
from sos_desktop.ui.projector.themes import contrast_ratio

FULL_HD = QSize(1920, 1080)
RATERS = {
    "Sam Patel": 4.0,
    "Alex Morgan": 5.5,
    "Jo Reid": 4.5,
    "Priya Shah": 3.0,
    "Tom Evans": 4.5,
    "Aisha Khan": 7.0,
    "Ben Carter": 4.5,
    "Robin Neighbour": 6.0,  # a friend of the family, asked to rate: shown by display name only
}
ATTENDEES = ["Alex Morgan", "Sam Patel", "Jo Reid", "Priya Shah", "Tom Evans", "Aisha Khan", "Ben Carter", "Kim Lowe"]
EARLIER = [  # (when, ratings) of the case's earlier meetings on the safety scale
    (datetime(2026, 3, 5, 10), [2.0, 3.0, 2.5, 1.0]),
    (datetime(2026, 5, 14, 10), [3.0, 3.5, 4.0, 2.0, 3.0]),
    (datetime(2026, 7, 23, 10), [3.0, 4.5, 5.0, 2.5]),
    (datetime(2026, 9, 17, 10), [4.0, 5.0, 3.5, 4.5, 6.0]),
]


def save_meeting(store: Store, ratings: dict[str, float], private: bool = False) -> int:
    bundle = demo_bundle()
    bundle.meeting.attendees = [Attendee(name, AttendeeRole.PARTICIPANT) for name in ATTENDEES]
    scale = bundle.meeting.scales[0]
    scale.ratings = [ScaleRating(rater, value) for rater, value in ratings.items()]
    scale.private_round = private
    bundle.meeting.scales.append(Scale("How willing is Dad to work with us?", "Not at all", "Completely"))
    saved = store.save_bundle(bundle)
    assert saved.meeting.id is not None
    return saved.meeting.id


@pytest.fixture
def document(qtbot: QtBot, store: Store) -> MeetingDocument:
    return MeetingDocument(store, save_meeting(store, RATERS))


def case_meetings(store: Store, document: MeetingDocument) -> list[Meeting]:
    """Four earlier meetings of the open meeting's case, then all of them as the console reads them."""
    scale = document.meeting.scales[0]
    for held_on, values in EARLIER:
        ratings = [ScaleRating(f"Rater {n}", value) for n, value in enumerate(values)]
        rated = Scale(scale.question, scale.zero_means, scale.ten_means, ratings=ratings)
        store.add_meeting(Meeting("Review with Jordan Example", document.case.id, held_on=held_on, scales=[rated]))
    return [store.get_meeting(m.id) for m in store.list_meetings(document.case.id) if m.id is not None]


@pytest.fixture
def view(qtbot: QtBot, document: MeetingDocument) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_mode(ScalesMode())
    return view


def text_shapes(view: ProjectorView) -> list[TextShape]:
    scene = view.projection.scene(view.width(), view.height())
    return [shape for shape in scene.shapes if isinstance(shape, TextShape)]


def save_snapshot(image: QImage, name: str) -> None:
    """Keep a picture to look at by hand; "SOS_DESKTOP_SNAPSHOTS=/tmp" writes /tmp/<name>.png."""
    folder = os.environ.get("SOS_DESKTOP_SNAPSHOTS")
    if folder:
        image.save(str(Path(folder) / f"{name}.png"))


# The line and the marks ------------------------------------------------------------------------------------------


def test_half_points_sit_halfway_between_whole_numbers() -> None:
    left, right = 100.0, 1100.0
    assert mark_x(0, left, right) == left
    assert mark_x(10, left, right) == right
    assert mark_x(4.5, left, right) == pytest.approx((mark_x(4, left, right) + mark_x(5, left, right)) / 2)
    assert mark_x(4, left, right) < mark_x(4.5, left, right) < mark_x(5, left, right)


def test_chips_that_would_overlap_go_up_a_row() -> None:
    assert stack_rows([(0, 100), (200, 300)], 10) == [0, 0]
    assert stack_rows([(0, 100), (95, 200), (50, 150), (205, 300), (105, 190)], 10) == [0, 1, 2, 0, 3]


def test_the_scale_shows_its_question_anchors_raters_and_spread(document: MeetingDocument, view: ProjectorView) -> None:
    drawn = view.drawn_texts()
    scale = document.meeting.scales[0]
    assert scale.question in drawn
    assert scale.zero_means in drawn and scale.ten_means in drawn
    assert [str(n) for n in range(11)] == [text for text in drawn if text.isdigit()]
    for name in RATERS.keys() - {"Robin Neighbour"}:
        assert name in drawn
    assert "RN" in drawn
    assert "Lowest 3 · Median 4.5 · Highest 7" in drawn
    assert spread_text(Spread(0.5, 10, 5.25)) == "Lowest 0.5 · Median 5.25 · Highest 10"


def test_names_and_labels_are_large_and_never_overlap(view: ProjectorView) -> None:
    shapes = text_shapes(view)
    names = [s for s in shapes if s.laid.text in set(RATERS) | {"RN"}]
    assert len(names) == len(RATERS)
    assert min(s.laid.layout.font().pixelSize() for s in names) >= 28
    boxes = [(s.origin.x(), s.origin.y(), s.laid.width, s.laid.height) for s in shapes]
    for index, (x, y, w, h) in enumerate(boxes):
        for a, b, c, d in boxes[index + 1 :]:
            assert x + w <= a or a + c <= x or y + h <= b or b + d <= y, "two texts overlap"
    for x, y, w, h in boxes:
        assert x >= 0 and x + w <= view.width() and y >= 0 and y + h <= view.height()


def test_the_same_number_stacks_names_on_one_stem(view: ProjectorView) -> None:
    found = {s.laid.text: s for s in text_shapes(view)}
    fours = sorted((found[name] for name in ("Jo Reid", "Tom Evans", "Ben Carter")), key=lambda s: s.origin.y())
    assert len({round(s.origin.y()) for s in fours}) == 3  # one above the other
    centres = [s.origin.x() + s.laid.width / 2 for s in fours]
    assert max(centres) - min(centres) < 60  # on one stem, give or take the width of the chips' dots


def test_every_theme_draws_the_marks_in_colours_the_room_can_tell_apart() -> None:
    for name in THEMES:
        theme = load_theme(name)
        assert len(set(colour.name() for colour in theme.raters)) >= 8
        for colour in (*theme.raters, theme.median):
            assert contrast_ratio(colour, theme.background) >= 3, (name, colour.name())
            assert contrast_ratio(colour, theme.card_fill) >= 3, (name, colour.name())


def test_a_new_rating_is_on_the_projector_from_the_next_frame(document: MeetingDocument, view: ProjectorView) -> None:
    document.meeting.scales[0].ratings.append(ScaleRating("Kim Lowe", 9.5))
    view.projection.refresh_scales()
    assert "Kim Lowe" in view.drawn_texts()
    assert "Lowest 3 · Median 4.5 · Highest 9.5" in view.drawn_texts()


def test_no_ratings_shows_the_line_and_says_so(document: MeetingDocument, view: ProjectorView) -> None:
    view.set_mode(ScalesMode(1))
    drawn = view.drawn_texts()
    assert "How willing is Dad to work with us?" in drawn
    assert "No ratings yet" in drawn and "Not at all" in drawn and "Completely" in drawn
    assert not any("Median" in text for text in drawn)


def test_a_meeting_with_no_scales_says_so(qtbot: QtBot, store: Store) -> None:
    document = MeetingDocument(store, save_meeting(store, {}))
    document.meeting.scales.clear()
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.set_mode(ScalesMode())
    assert view.drawn_texts() == ["This meeting has no scales yet."]


def test_v_goes_from_a_scale_or_its_trajectory_back_to_the_whole_map() -> None:
    assert next_mode(ScalesMode(3)) is None
    assert next_mode(TrajectoryMode("x"), -1) is None


# A private round -------------------------------------------------------------------------------------------------


def test_a_private_round_shows_who_has_rated_and_no_number(qtbot: QtBot, store: Store) -> None:
    ratings = {name: RATERS[name] for name in ("Sam Patel", "Alex Morgan", "Jo Reid", "Aisha Khan", "Robin Neighbour")}
    document = MeetingDocument(store, save_meeting(store, ratings, private=True))
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_mode(ScalesMode())
    drawn = view.drawn_texts()
    question = document.meeting.scales[0].question
    assert question in drawn and PRIVATE in drawn
    rated = drawn.index("Rated so far (5 of 9)")
    waiting = drawn.index("Still to rate")
    assert drawn[rated + 1 : waiting] == ["Sam Patel", "Alex Morgan", "Jo Reid", "Aisha Khan", "RN"]
    assert drawn[waiting + 1 :] == ["Priya Shah", "Tom Evans", "Ben Carter", "Kim Lowe"]
    rest = [text.replace("(5 of 9)", "") for text in drawn if text != question]
    assert not any(re.search(r"\d", text) for text in rest), rest
    assert not any(word in text for text in drawn for word in ("Median", "Lowest", "Highest", "Robin"))
    for shape in view.projection.scene(1920, 1080).shapes:  # no line, no marks: text and name chips only
        assert isinstance(shape, TextShape | BoxShape | DiscShape)
    save_snapshot(render_projector(document, FULL_HD, mode=ScalesMode()), "proj-private")


def test_revealing_shows_every_number_at_once(store: Store, qtbot: QtBot) -> None:
    document = MeetingDocument(store, save_meeting(store, RATERS, private=True))
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.set_mode(ScalesMode())
    assert not any("Median" in text for text in view.drawn_texts())
    document.meeting.scales[0].private_round = False
    view.projection.refresh_scales()
    assert "Lowest 3 · Median 4.5 · Highest 7" in view.drawn_texts()


# The picture -----------------------------------------------------------------------------------------------------


def colours(image: QImage, step: int = 4) -> Counter[int]:
    return Counter(image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step))


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_paints_the_line_and_the_marks(document: MeetingDocument, name: str) -> None:
    image = render_projector(document, FULL_HD, name, ScalesMode())
    theme = load_theme(name)
    counts = colours(image)
    assert counts.most_common(1)[0][0] == theme.background.rgb()
    assert counts[theme.text.rgb()] > 500  # the line, its ticks and numbers
    assert counts[theme.median.rgb()] > 3  # the median bar
    assert sum(counts[colour.rgb()] for colour in theme.raters) > 500
    if name == "projector":
        save_snapshot(image, "proj-scales")


# The trajectory --------------------------------------------------------------------------------------------------


def test_the_trajectory_charts_five_meetings(store: Store, document: MeetingDocument, qtbot: QtBot) -> None:
    meetings = case_meetings(store, document)
    assert len(meetings) == 5
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_mode(TrajectoryMode())
    assert ONE_MEETING in view.drawn_texts()
    view.set_case_meetings(meetings)
    drawn = view.drawn_texts()
    assert document.meeting.scales[0].question in drawn
    assert f"Trajectory · {document.case.label} · Pair 1" in drawn  # the scale is about the first pair's danger
    assert [t for t in drawn if re.fullmatch(r"\d+ \w{3}", t)] == ["5 Mar", "14 May", "23 Jul", "17 Sep", "21 Nov"]
    assert "This meeting" in drawn
    assert [t for t in drawn if re.fullmatch(r"[\d.]+", t)][11:] == ["2.25", "3", "3.75", "4.5", "4.5"]
    image = render_trajectory(document, meetings, FULL_HD)
    theme = load_theme("projector")
    counts = colours(image)
    assert counts[theme.median.rgb()] > 300 and counts[theme.spread_band.rgb()] > 1000
    save_snapshot(image, "proj-trajectory")
    key = scale_identity(document.meeting.scales[0])
    assert render_trajectory(document, meetings, FULL_HD, question_key=key) == image


def test_the_trajectory_follows_the_open_meeting_and_masks_titles(
    store: Store, document: MeetingDocument, qtbot: QtBot
) -> None:
    meetings = case_meetings(store, document)
    for meeting in meetings[:-1]:
        meeting.held_on = None  # undated: the chart names them by title
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.set_case_meetings(meetings)
    view.set_mode(TrajectoryMode())
    drawn = "\n".join(view.drawn_texts())
    assert "Jordan" not in drawn and "Review with Mum" in drawn
    document.meeting.scales[0].ratings = [ScaleRating("Sam Patel", 8), ScaleRating("Jo Reid", 9)]
    view.projection.refresh_scales()
    assert "8.5" in view.drawn_texts()
