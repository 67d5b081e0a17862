"""Smoke test of the PyInstaller one-folder bundle: what a user of the built program would do first.

Slow (the build takes about a minute), so it runs only with ``SOS_DESKTOP_TEST_BUNDLE=1``; CI runs it through
``./dev test``. It uses the bundle at ``$SOS_DESKTOP_BUNDLE`` (the folder, or the program in it) when given, and
otherwise builds one from ``packaging/sos-desktop.spec`` into ``build/dist`` first. Every run is isolated in a
temporary ``--data-dir``; the GUI runs on Qt's offscreen platform.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("SOS_DESKTOP_TEST_BUNDLE") != "1", reason="set SOS_DESKTOP_TEST_BUNDLE=1 to test the bundle"
    ),
]

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "sos-desktop.spec"
PROGRAM_NAME = "sos-desktop.exe" if sys.platform == "win32" else "sos-desktop"
TIMEOUT = 120


@pytest.fixture(scope="module")
def program() -> Path:
    """The bundled sos-desktop program, built first unless $SOS_DESKTOP_BUNDLE names one."""
    given = os.environ.get("SOS_DESKTOP_BUNDLE")
    if given:
        path = Path(given)
        found = path / PROGRAM_NAME if path.is_dir() else path
        assert found.is_file(), f"$SOS_DESKTOP_BUNDLE names no sos-desktop program: {given}"
        return found
    build = ROOT / "build"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--distpath",
            str(build / "dist"),
            "--workpath",
            str(build / "work"),
            "--noconfirm",
            "--log-level",
            "WARN",
        ],
        cwd=ROOT,
        check=True,
        timeout=900,
    )
    return build / "dist" / "sos-desktop" / PROGRAM_NAME


def run(program: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("SOS_DESKTOP_DB", None)
    return subprocess.run(
        [str(program), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=TIMEOUT,
        check=False,
    )


def test_demo_list_and_export_minutes(program: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo = run(program, data, "demo")
    assert demo.returncode == 0, demo.stderr
    meeting_id = demo.stdout.strip()
    assert meeting_id.isdigit(), demo.stdout

    listing = run(program, data, "list")
    assert listing.returncode == 0, listing.stderr
    match = re.search(rf"^\s+meeting {meeting_id}: (.+) \(", listing.stdout, re.MULTILINE)
    assert match, listing.stdout
    title = match.group(1)

    pdf = tmp_path / "minutes.pdf"
    export = run(program, data, "export", meeting_id, "--pdf", str(pdf))
    assert export.returncode == 0, export.stderr
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    # The bundled DejaVu fonts embed; the meeting's own title is in the minutes.
    assert title in text
    fonts = {str(font) for page in reader.pages for font in _font_names(page)}
    assert any("DejaVu" in font for font in fonts), fonts


def _font_names(page: object) -> list[object]:
    resources = page["/Resources"]  # type: ignore[index]
    fonts = resources.get("/Font", {})
    return [fonts[key].get_object()["/BaseFont"] for key in fonts]


def test_network_snapshot_uses_the_bundled_layout(program: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    meeting_id = run(program, data, "demo").stdout.strip()
    picture = tmp_path / "network.png"
    snapshot = run(
        program, data, "snapshot", meeting_id, "--view", "network", "--out", str(picture), "--size", "800x600"
    )
    assert snapshot.returncode == 0, snapshot.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_gui_starts_paints_and_quits(program: Path, tmp_path: Path) -> None:
    painted = run(program, tmp_path / "data", "--exit-after-first-paint")  # the frame, before the store opens
    assert painted.returncode == 0, painted.stderr
    started = run(program, tmp_path / "data", "--exit-when-ready")
    assert started.returncode == 0, started.stderr
    # The first run made the demo meeting in the new data folder, through the bundled migrations, and opened it.
    assert (tmp_path / "data" / "sos-desktop.sqlite3").is_file()
    assert "ready: meeting 1 open" in started.stdout


def test_postgresql_driver_is_bundled(program: Path, tmp_path: Path) -> None:
    # Port 1 on loopback has no server: with the driver bundled the failure is the server's not answering, never
    # a missing driver.
    result = run(program, tmp_path / "data", "--db", "postgresql+psycopg://sos@127.0.0.1:1/none", "list")
    assert result.returncode == 1
    assert "The database server at 127.0.0.1:1 did not answer" in result.stderr, result.stderr
    assert "driver" not in result.stderr.lower()


def test_bundle_ships_resources_and_migrations(program: Path) -> None:
    internal = program.parent / "_internal"
    package = (internal if internal.is_dir() else program.parent) / "sos_desktop"
    assert (package / "resources" / "icons" / "sos-desktop-256.png").is_file()
    assert (package / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (package / "store" / "migrations" / "env.py").is_file()
    assert list((package / "store" / "migrations" / "versions").glob("0001_*.py"))


def test_bundled_installer_puts_the_bundle_in_the_menu(program: Path, tmp_path: Path) -> None:
    script = program.parent / "_internal" / "linux" / "install-desktop-entry.sh"
    if not sys.platform.startswith("linux"):
        pytest.skip("the menu entry is for Linux desktops")
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        ["bash", str(script)], capture_output=True, text=True, env=environment, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "applications" / "sos-desktop.desktop"
    assert f"Exec={program.resolve()}\n" in entry.read_text("utf-8")
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "sos-desktop.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "sos-desktop.svg").is_file()
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
        assert validated.returncode == 0, validated.stdout + validated.stderr
