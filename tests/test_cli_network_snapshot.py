"""``sos-desktop snapshot MEETING_ID --view network``: the projector's safety network as a PNG, any size and theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QImage

Run = Callable[..., tuple[int, str, str]]


def test_the_network_view_is_written_at_the_size_asked_for(tmp_path: Path, run_cli: Run, demo_meeting_id: str) -> None:
    picture = tmp_path / "network.png"
    status, out, err = run_cli(tmp_path, "snapshot", demo_meeting_id, "--view", "network", "--out", str(picture),
                               "--size", "1280x720")  # fmt: skip
    assert (status, err) == (0, "")
    assert out.strip() == f"Saved the network view of meeting {demo_meeting_id} to {picture}"
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 720)
    # Markers in the roles' colours are drawn, not a message on a bare background.
    colours = {QColor(image.pixel(x, y)).name().upper() for x in range(0, 1280, 4) for y in range(0, 720, 4)}
    assert {"#FFD23F", "#F28B66"} <= colours  # a child and the family
    assert len(colours) > 20


def test_the_network_view_in_each_theme_paints_that_theme(tmp_path: Path, run_cli: Run, demo_meeting_id: str) -> None:
    corners = {}
    for theme in ("projector", "light", "dark"):
        picture = tmp_path / f"network-{theme}.png"
        status, _, err = run_cli(tmp_path, "snapshot", demo_meeting_id, "--view", "network", "--theme", theme,
                                 "--out", str(picture))  # fmt: skip
        assert (status, err) == (0, ""), theme
        image = QImage(str(picture))
        assert (image.width(), image.height()) == (1920, 1080)
        corners[theme] = QColor(image.pixel(2, 2)).lightness()
    assert corners["projector"] < 40 < 200 < corners["light"]
    assert corners["dark"] < 80


def test_an_unknown_meeting_writes_nothing(tmp_path: Path, run_cli: Run, demo_meeting_id: str) -> None:
    picture = tmp_path / "nothing.png"
    status, _, err = run_cli(tmp_path, "snapshot", "999", "--view", "network", "--out", str(picture))
    assert status == 2 and "no meeting 999" in err
    assert not picture.exists()
