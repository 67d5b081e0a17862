"""Writing a meeting file: failures surface as ExportError and never leave a broken or stray file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sos_desktop.exporters import atomic
from sos_desktop.exporters.interchange.files import ExportError, read_meeting_file, write_meeting_file
from sos_desktop.models.demo import demo_bundle


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "meeting.json"
    with pytest.raises(ExportError) as caught:
        write_meeting_file(demo_bundle(), target)
    assert str(caught.value) == f"The meeting could not be written to {target}: no such file or directory."
    assert not target.parent.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions that apply to us")
def test_writing_into_a_read_only_folder_fails_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match=r"could not be written to .*: permission denied\.$"):
            write_meeting_file(demo_bundle(), folder / "meeting.json")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_folder_refusing_new_files_fails_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only folder does to us when the tests run as root, for whom every folder is writable."""

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refused)
    target = tmp_path / "meeting.json"
    with pytest.raises(ExportError) as caught:
        write_meeting_file(demo_bundle(), target)
    assert str(caught.value) == f"The meeting could not be written to {target}: permission denied."
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "meeting.json"
    target.write_text("the previous export\n", "utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(ExportError, match=r"could not be written to .*meeting\.json: no space left on device\.$"):
        write_meeting_file(demo_bundle(), target)
    assert target.read_text("utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["meeting.json"]


def test_a_folder_in_the_way_of_the_file_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "meeting.json"
    target.mkdir()
    with pytest.raises(ExportError, match=r"^The meeting could not be written to "):
        write_meeting_file(demo_bundle(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["meeting.json"]
    assert target.is_dir()


def test_writing_replaces_an_earlier_export(tmp_path: Path) -> None:
    target = tmp_path / "meeting.json"
    target.write_text("an older, shorter file", "utf-8")
    write_meeting_file(demo_bundle(), target)
    assert read_meeting_file(target).case.label == "Family Demo (invented)"


def test_a_meeting_the_format_cannot_hold_is_not_written(tmp_path: Path) -> None:
    bundle = demo_bundle()
    bundle.network.people[1].name = "J" * 250  # the model does not limit names; the file format does
    target = tmp_path / "meeting.json"
    with pytest.raises(ExportError) as caught:
        write_meeting_file(bundle, target)
    assert str(caught.value) == (
        "The meeting cannot be exported because of people[1].name: "
        "this text is 250 characters long, more than the 200 allowed."
    )
    assert list(tmp_path.iterdir()) == []
