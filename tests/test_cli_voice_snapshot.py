"""``sos-desktop snapshot MEETING_ID --view voice|focus``: the child's Three Houses and the focus question as PNGs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

Run = Callable[..., tuple[int, str, str]]


def colours(image: QImage) -> set[str]:
    return {
        QColor(image.pixel(x, y)).name().upper()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    }


@pytest.mark.parametrize("view", ["voice", "focus"])
def test_the_view_is_written_at_the_size_asked_for(
    tmp_path: Path, run_cli: Run, demo_meeting_id: str, view: str
) -> None:
    picture = tmp_path / f"{view}.png"
    status, out, err = run_cli(tmp_path, "snapshot", demo_meeting_id, "--view", view, "--out", str(picture),
                               "--size", "1280x720")  # fmt: skip
    assert (status, err) == (0, "")
    assert out.strip() == f"Saved the {view} view of meeting {demo_meeting_id} to {picture}"
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 720)
    assert len(colours(image)) > 10  # drawn, not a bare background


def test_the_houses_are_drawn_in_the_theme_s_colours(tmp_path: Path, run_cli: Run, demo_meeting_id: str) -> None:
    picture = tmp_path / "voice.png"
    status, _, err = run_cli(tmp_path, "snapshot", demo_meeting_id, "--view", "voice", "--out", str(picture))
    assert (status, err) == (0, "")
    found = colours(QImage(str(picture)))
    assert {"#FF6464", "#3FE08A", "#52C8FF"} <= found  # the outlines of worries, good things and dreams


def test_the_focus_question_is_drawn_in_the_theme_s_focus_colour(
    tmp_path: Path, run_cli: Run, demo_meeting_id: str
) -> None:
    for theme, background_is_light in (("projector", False), ("light", True), ("dark", False)):
        picture = tmp_path / f"focus-{theme}.png"
        status, _, err = run_cli(tmp_path, "snapshot", demo_meeting_id, "--view", "focus", "--theme", theme,
                                 "--out", str(picture))  # fmt: skip
        assert (status, err) == (0, ""), theme
        image = QImage(str(picture))
        assert (image.width(), image.height()) == (1920, 1080)
        assert (QColor(image.pixel(2, 2)).lightness() > 200) is background_is_light
    assert "#FFE500" in colours(QImage(str(tmp_path / "focus-projector.png")))


def test_an_unknown_view_is_refused(tmp_path: Path, run_cli: Run, demo_meeting_id: str) -> None:
    picture = tmp_path / "nothing.png"
    with pytest.raises(SystemExit):
        run_cli(tmp_path, "snapshot", demo_meeting_id, "--view", "houses", "--out", str(picture))
    assert not picture.exists()
