"""The README's pictures, made from the demo meeting by the program itself, so they stay true to it.

Run from the checkout:  .venv/bin/python scripts/screenshots.py [--out docs/images]

Everything happens offscreen (Qt's offscreen platform) in a throwaway data folder: the console is the real main
window, the projector pictures are the real projector painting, the minutes are the real PDF rendered by poppler's
``pdftoppm``. Nothing of the user's own data folder is read or written. Each picture keeps a stable file name, so a
re-run after a change to the screens updates the README without editing it. PNGs are reduced to a 256-colour
palette when that costs nothing visible (screens are flat colours and text), which keeps the front page light.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported anywhere

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QMessageLogContext, QSize, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from sos_desktop.app import build_window  # noqa: E402
from sos_desktop.exporters.minutes import write_minutes_pdf  # noqa: E402
from sos_desktop.ui.projector import (  # noqa: E402
    ChangesMode,
    NetworkMode,
    ReviewMode,
    ScalesMode,
    render_projector,
)
from sos_desktop.ui.projector.modes import PlanMode, TrajectoryPlanMode  # noqa: E402
from sos_desktop.ui.shell.main_window import MainWindow  # noqa: E402
from sos_desktop.ui.shell.snapshot import ensure_application  # noqa: E402

CONSOLE = QSize(1440, 900)
PROJECTOR = QSize(1920, 1080)
OBSERVER = QSize(1100, 760)
PDF_DPI = 80

# The stable names the README refers to, in the order they are made.
NAMES = {
    "console": "console-map.png",
    "projector": "projector-map.png",
    "network": "console-network.png",
    "projector_network": "projector-network.png",
    "scaling": "console-scaling.png",
    "projector_scale": "projector-scale.png",
    "agenda": "console-agenda.png",
    "observer": "observer-window.png",
    "minutes_first": "minutes-page-1.png",
    "minutes_map": "minutes-map-page.png",
    "since_last_time": "console-since-last-time.png",
    "projector_review": "projector-review.png",
    "projector_changes": "projector-changes.png",
    "chronology": "console-chronology.png",
    "safety_plan": "console-safety-plan.png",
    "projector_plan": "projector-safety-plan.png",
    "projector_trajectory_plan": "projector-trajectory-plan.png",
    "projector_words_pictures": "projector-words-pictures.png",
    "safety_house": "console-safety-house.png",
    "projector_safety_house": "projector-safety-house.png",
    "words_pictures": "console-words-pictures.png",
    "projector_genogram": "projector-genogram.png",
    "agreement": "console-agreement.png",
    "development_plan": "development-plan.png",
}


def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform cannot raise windows or size them by hints, and says so each time: not news here.
    if "propagateSizeHints" not in message and "does not support raise" not in message:
        sys.stderr.write(message + "\n")


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let layouts, lazily built pages and background work (the network's layout) finish and paint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def save(image: QImage, out: Path) -> Path:
    """Write ``image`` as a compact PNG: a 256-colour palette if the picture survives it, else full colour."""
    from PIL import Image

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sos-shot-") as folder:
        raw = Path(folder) / "raw.png"
        if not image.save(str(raw)):  # PNG, from the suffix
            raise OSError(f"Qt could not write the picture {out.name}.")
        save_compact(Image.open(raw), out)
    return out


def save_compact(picture: object, out: Path) -> None:
    from PIL import Image

    assert isinstance(picture, Image.Image)
    rgb = picture.convert("RGB")
    # Screens have few colours; a median-cut palette without dithering keeps text crisp and edges clean.
    small = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(out, "PNG", optimize=True)


def grab(window: QWidget, app: QApplication, size: QSize, seconds: float = 0.3) -> QImage:
    window.resize(size)
    window.show()
    settle(app, seconds)
    return window.grab().toImage()


class StoppedClock:
    """A clock the script moves by hand, so the agenda shows a meeting part-way through, the same on every run."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def run_the_clock(window: MainWindow) -> StoppedClock:
    """Start the demo meeting and move through its first phases, leaving the three-column mapping under way."""
    document = window.document
    assert document is not None
    clock = StoppedClock(datetime(2026, 11, 21, 10, 0, tzinfo=UTC))
    document.clock = clock
    document.start_agenda()  # purpose and roles, confidentiality, the focus question
    for minutes in (6, 9):  # then the case overview and network, then the mapping
        clock.advance(minutes)
        document.next_agenda_phase()
    clock.advance(12.5)
    window.meeting_menu.show_time()
    return clock


def finish_the_meeting(window: MainWindow, clock: StoppedClock) -> None:
    """Run the remaining phases to the end, so the minutes show a whole meeting's planned and actual times."""
    document = window.document
    assert document is not None
    for minutes in (8, 9, 5, 6, 5):  # mapping (the rest), statements and goals, scaling, next steps, reflection
        clock.advance(minutes)
        document.next_agenda_phase()


def rate_around_the_room(window: MainWindow) -> None:
    """The rest of the group gives its numbers, so the Scaling page and the projector's scale show a real spread."""
    document = window.document
    assert document is not None
    if not document.meeting.scales or document.meeting.scales[0].id is None:
        return
    scale_id = document.meeting.scales[0].id
    for rater, value, reason in (
        ("Priya Shah", 4.5, "Nan is close by and knows the worries."),
        ("Tom Evans", 3, "Dad has not been seen yet."),
        ("Aisha Khan", 5, "Mum took Lily to safety the same night."),
    ):
        document.set_rating(scale_id, rater, value, reason)


def take_observer_notes(window: MainWindow, clock: StoppedClock) -> QWidget | None:
    """Open the observer's window and write what an observer might have noted by the middle of the mapping."""
    document = window.document
    assert document is not None
    observer = window.meeting_menu.open_observer()
    if observer is None:
        return None
    document.set_observer("Jo Reid")
    for text in (
        "Agreed confidentiality and roles before anything else; everyone knew why they were there.",
        "Brought the group back from case detail to the map twice, kindly.",
        "Asked what Mum has already done to keep Lily safe: the group found existing safety nobody had named.",
    ):
        clock.advance(1.5)
        document.add_observation_note(text)
    criteria = document.rubric_criteria()
    for criterion, value in zip(criteria[:3], (8, 6.5, 7), strict=False):
        document.set_rubric_rating(criterion, value)
    document.set_went_well("Kept to process and time; the worker kept ownership of the case.")
    document.set_even_better_if("Ask the quieter participants for their view before the presenter's.")
    return observer


def pdf_pages(pdf: Path, folder: Path) -> tuple[Path | None, Path | None]:
    """Page 1 and the page with the map, as PNGs at a modest resolution; (None, None) without poppler."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is not installed: the minutes pictures were skipped.", file=sys.stderr)
        return None, None
    first = folder / "first"
    subprocess.run(
        ["pdftoppm", "-r", str(PDF_DPI), "-png", "-f", "1", "-l", "1", "-singlefile", pdf, first], check=True
    )
    map_page = find_map_page(pdf)
    other = None
    if map_page is not None:
        other = folder / "map"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(PDF_DPI),
                "-png",
                "-f",
                str(map_page),
                "-l",
                str(map_page),
                "-singlefile",
                pdf,
                other,
            ],
            check=True,
        )
    return first.with_suffix(".png"), (other.with_suffix(".png") if other else None)


def find_map_page(pdf: Path) -> int | None:
    """The number of the page where the three columns are printed (found by the first column's question)."""
    if shutil.which("pdftotext") is None:
        return 2
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    for number, page in enumerate(text.split("\f"), start=1):
        if "working well" in page and "needs to happen" in page:
            return number
    return None


def make_all(out: Path) -> list[Path]:
    app = ensure_application()
    qInstallMessageHandler(quiet)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sos-desktop-screenshots-") as folder:
        data = Path(folder) / "data"
        args = argparse.Namespace(db=None, data_dir=data, command=None)
        window, problem = build_window(args)
        if window is None:
            raise SystemExit(f"The console could not be built: {problem}")
        try:
            written += console_pictures(window, app, out)
            written += minutes_pictures(window, Path(folder), out)
            written += over_time_pictures(window, app, out)
            written += practice_pictures(window, app, out)
        finally:
            window.close()
            window.store.close()
            window.deleteLater()
            settle(app, 0.1)
    return written


def console_pictures(window: MainWindow, app: QApplication, out: Path) -> list[Path]:
    written: list[Path] = []

    def shot(name: str, make: Callable[[], QImage]) -> None:
        written.append(save(make(), out / NAMES[name]))

    document = window.document
    if document is None:  # the first run opens the demo meeting; make sure of it
        meetings = window.store.list_meetings()
        if not meetings or meetings[0].id is None:
            raise SystemExit("The demo meeting was not created on the first run.")
        window.open_meeting(meetings[0].id)
        document = window.document
    assert document is not None
    # The agenda's clock goes first, so every console picture shows the meeting under way in its status bar.
    clock = run_the_clock(window)
    rate_around_the_room(window)
    window.tabs.setCurrentIndex(0)
    shot("console", lambda: grab(window, app, CONSOLE))
    shot("projector", lambda: render_projector(document, PROJECTOR, "projector"))
    window.show_network()
    shot("network", lambda: grab(window, app, CONSOLE, seconds=1.5))
    shot("projector_network", lambda: render_projector(document, PROJECTOR, "projector", NetworkMode()))
    if window.scales_panel is not None:
        panel = window.scales_panel
        window.tabs.setCurrentWidget(panel)
        if panel.list.count():
            panel.list.setCurrentRow(0)
        shot("scaling", lambda: grab(window, app, CONSOLE))
    shot("projector_scale", lambda: render_projector(document, PROJECTOR, "projector", ScalesMode()))
    agenda = window.show_agenda()
    if agenda is not None:
        agenda.refresh()
    shot("agenda", lambda: grab(window, app, CONSOLE))
    window.tabs.setCurrentIndex(0)
    observer = take_observer_notes(window, clock)
    if observer is not None:
        shot("observer", lambda: grab(observer, app, OBSERVER))
        observer.close()
    finish_the_meeting(window, clock)
    return written


def over_time_pictures(window: MainWindow, app: QApplication, out: Path) -> list[Path]:
    """The demo's follow-up meeting: its Since last time page, the review and the changes on the wall, and the
    case chronology.
    """
    meetings = window.store.list_meetings()
    if len(meetings) < 2 or meetings[1].id is None:
        raise SystemExit("The demo's follow-up meeting was not created on the first run.")
    window.open_meeting(meetings[1].id)
    document = window.document
    assert document is not None
    written = []
    window.pages.show("review")
    written.append(save(grab(window, app, CONSOLE), out / NAMES["since_last_time"]))
    written.append(
        save(render_projector(document, PROJECTOR, "projector", ReviewMode()), out / NAMES["projector_review"])
    )
    written.append(
        save(render_projector(document, PROJECTOR, "projector", ChangesMode()), out / NAMES["projector_changes"])
    )
    window.pages.show("chronology")
    written.append(save(grab(window, app, CONSOLE), out / NAMES["chronology"]))
    window.pages.show("plan")
    written.append(save(grab(window, app, CONSOLE), out / NAMES["safety_plan"]))
    written.append(save(render_projector(document, PROJECTOR, "projector", PlanMode()), out / NAMES["projector_plan"]))
    written.append(
        save(
            render_projector(document, PROJECTOR, "projector", TrajectoryPlanMode()),
            out / NAMES["projector_trajectory_plan"],
        )
    )
    written.append(words_pictures_picture(window, out))
    window.pages.show("words_pictures")
    written.append(save(grab(window, app, CONSOLE), out / NAMES["words_pictures"]))
    written += safety_house_pictures(window, app, out)
    written.append(genogram_picture(window, out))
    written += conference_pictures(window, app, out)
    return written


def genogram_picture(window: MainWindow, out: Path) -> Path:
    """The open follow-up's network on the wall as a genogram: the family tree with its marks."""
    from sos_desktop.ui.projector.modes import NetworkMode

    document = window.document
    assert document is not None
    wall = render_projector(document, PROJECTOR, "projector", NetworkMode(genogram=True))
    return save(wall, out / NAMES["projector_genogram"])


def conference_pictures(window: MainWindow, app: QApplication, out: Path) -> list[Path]:
    """The demo's child protection conference: its Agreement page, with the chair's decision."""
    meetings = window.store.list_meetings()
    if len(meetings) < 3 or meetings[2].id is None:
        raise SystemExit("The demo's conference was not created on the first run.")
    window.open_meeting(meetings[2].id)
    window.pages.show("agreement")
    return [save(grab(window, app, CONSOLE), out / NAMES["agreement"])]


def safety_house_pictures(window: MainWindow, app: QApplication, out: Path) -> list[Path]:
    """The open follow-up's Safety House page (Noah's house) and the house on the wall."""
    from sos_desktop.ui.projector.modes import SafetyHouseMode

    document = window.document
    assert document is not None
    window.pages.show("safety_house")
    console = save(grab(window, app, CONSOLE), out / NAMES["safety_house"])
    wall = save(
        render_projector(document, PROJECTOR, "projector", SafetyHouseMode()), out / NAMES["projector_safety_house"]
    )
    return [console, wall]


def words_pictures_picture(window: MainWindow, out: Path) -> Path:
    """The open follow-up's Words and Pictures story on the wall: Lily's first panel."""
    from sos_desktop.ui.projector.modes import WordsPicturesMode

    document = window.document
    assert document is not None
    wall = render_projector(document, PROJECTOR, "projector", WordsPicturesMode())
    return save(wall, out / NAMES["projector_words_pictures"])


def practice_pictures(window: MainWindow, app: QApplication, out: Path) -> list[Path]:
    """Beyond one meeting: the demo facilitator Alex Morgan's development plan."""
    from sos_desktop.ui.development.plan_window import DevelopmentPlanWindow

    plan = DevelopmentPlanWindow(window.store, window, leader="Alex Morgan")
    picture = save(grab(plan, app, CONSOLE), out / NAMES["development_plan"])
    plan.close()
    return [picture]


def minutes_pictures(window: MainWindow, folder: Path, out: Path) -> list[Path]:
    from PIL import Image

    store = window.store
    document = window.document
    assert document is not None
    bundle = store.load_bundle(document.meeting_id)
    case_meetings = store.case_meetings(bundle.case.id) if bundle.case.id is not None else None
    pdf = folder / "minutes.pdf"
    write_minutes_pdf(bundle, pdf, case_meetings=case_meetings)
    written: list[Path] = []
    first, map_page = pdf_pages(pdf, folder)
    for name, page in (("minutes_first", first), ("minutes_map", map_page)):
        if page is None:
            continue
        target = out / NAMES[name]
        save_compact(Image.open(page), target)
        written.append(target)
    if first is not None and map_page is None:
        print("No page of the minutes carries the map's three columns: that picture was skipped.", file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the README's pictures from the demo meeting, offscreen.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images", help="folder for the PNGs")
    options = parser.parse_args(argv)
    for path in make_all(options.out):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
