"""The command line as a user or a script runs it: demo, list, import, export, and its refusals."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

from sos_desktop import __version__
from sos_desktop.cli import main

BIN = Path(sys.executable).parent


def test_demo_then_list_then_export_then_import(tmp_path: Path) -> None:
    status, out, err = run(tmp_path, "demo")
    assert (status, err) == (0, "")
    meeting_id = int(out)

    status, out, _ = run(tmp_path, "list")
    assert status == 0
    assert "Family Demo (invented) [DEMO-0001] (Signs of Safety)" in out
    assert f"meeting {meeting_id}: Group supervision (demo) (2026-11-21 10:00, group_supervision)" in out

    exported = tmp_path / "out" / "meeting.json"
    exported.parent.mkdir()
    status, out, err = run(tmp_path, "export", str(meeting_id), "--json", str(exported))
    assert (status, err) == (0, "")
    document = json.loads(exported.read_text("utf-8"))
    assert document["format"] == "sos-desktop/meeting"
    assert document["case"]["reference"] == "DEMO-0001"
    assert len(document["map"]) == 12

    # Into another database: the meeting comes back as it was, its uid too, so exporting it gives the same bytes.
    status, out, err = run(tmp_path / "elsewhere", "import", str(exported))
    assert (status, err) == (0, "")
    again = tmp_path / "again.json"
    run(tmp_path / "elsewhere", "export", out.strip(), "--json", str(again))
    assert again.read_bytes() == exported.read_bytes()

    # Into its own database it is already there: refused, unless asked for as a copy.
    status, out, err = run(tmp_path, "import", str(exported))
    assert (status, out) == (2, "") and f"(meeting {meeting_id})" in err
    status, out, err = run(tmp_path, "import", str(exported), "--as-copy")
    assert (status, err) == (0, "")
    new_id = int(out)
    assert new_id != meeting_id
    # The same case reference: the meeting joined the existing case rather than making a second one.
    _, listing, _ = run(tmp_path, "list")
    assert listing.count("case ") == 1
    assert listing.count("meeting ") == 4  # the demo's three and the copy


def test_an_invalid_file_is_refused_whole_with_its_path_and_status_2(tmp_path: Path) -> None:
    run(tmp_path, "demo")
    _, before, _ = run(tmp_path, "list")
    bad = {
        "format": "sos-desktop/meeting",
        "version": 1,
        "case": {"label": "Family Q", "reference": "Q-1"},
        "meeting": {"title": "Mapping"},
        "map": [{"category": "harm", "text": "ok"}] * 3 + [{"category": "danger_statment", "text": "typo"}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), "utf-8")
    status, out, err = run(tmp_path, "import", str(path))
    assert status == 2
    assert out == ""
    assert err.startswith("sos-desktop: map[3].category: 'danger_statment' is not one of")
    assert "Traceback" not in err and err.count("\n") == 1
    _, after, _ = run(tmp_path, "list")
    assert after == before

    path.write_text("{ not json", "utf-8")
    status, _, err = run(tmp_path, "import", str(path))
    assert status == 2 and "line 1" in err


def test_errors_are_one_sentence_never_a_traceback(tmp_path: Path) -> None:
    status, _, err = run(tmp_path, "export", "999", "--json", str(tmp_path / "x.json"))
    assert status != 0 and "999" in err and "Traceback" not in err
    assert not (tmp_path / "x.json").exists()

    status, _, err = run(tmp_path, "import", str(tmp_path / "missing.json"))
    assert status != 0 and "missing.json" in err and err.count("\n") == 1

    garbage = tmp_path / "garbage"
    garbage.mkdir()
    database = garbage / "sos-desktop.sqlite3"
    database.write_bytes(b"this is not a database at all" * 100)
    status, _, err = run(garbage, "list")
    assert status == 2 and "not" in err.lower() and err.count("\n") == 1  # a bad file: status 2, as for imports
    assert database.read_bytes() == b"this is not a database at all" * 100


def test_db_url_and_environment_choose_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", url, "demo"], out=out, err=err) == 0
    assert (tmp_path / "team.sqlite3").exists()
    monkeypatch.setenv("SOS_DESKTOP_DB", url)
    out = io.StringIO()
    assert main(["list"], out=out, err=err) == 0
    assert "Family Demo" in out.getvalue()


def test_the_installed_command_and_python_dash_m_both_answer_version() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for command in ([str(BIN / "sos-desktop"), "--version"], [sys.executable, "-m", "sos_desktop", "--version"]):
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"SoS Desktop {__version__}"


def test_listing_cases_does_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from sos_desktop.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'demo']); "
        "assert 'PySide6' not in sys.modules, 'the command line loaded Qt'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_the_format_s_own_example_imports_leaving_out_only_its_dangling_tie(tmp_path: Path) -> None:
    example = Path(__file__).parent / "exporters" / "data" / "spec-example-verbatim.json"
    status, out, err = run(tmp_path, "import", str(example))
    assert status == 0
    assert err == (
        "sos-desktop: warning: ties[0].from: 'p2' is not the id of any person in this file; the tie was left out.\n"
    )
    exported = tmp_path / "back.json"
    run(tmp_path, "export", out.strip(), "--json", str(exported))
    document = json.loads(exported.read_text("utf-8"))
    assert [item["category"] for item in document["map"]] == ["harm", "danger", "goal", "next_step"]
    assert document["map"][1]["pairs_with"] == document["map"][2]["id"]
    assert document["scales"][0]["ratings"] == [{"rater": "Sam Patel", "value": 4, "reason": "..."}]
    assert document["ties"] == []


def test_merge_observations_adds_an_observer_s_notes_and_touches_nothing_else(tmp_path: Path) -> None:
    _, out, _ = run(tmp_path, "demo")
    meeting_id = out.strip()
    mine = tmp_path / "mine.json"
    run(tmp_path, "export", meeting_id, "--json", str(mine))
    observer_file = json.loads(mine.read_text("utf-8"))
    observer_file["map"] = [{"category": "harm", "text": "The observer's copy may differ; it must not be merged."}]
    observer_file["observations"] = {
        "observer": "Jo Reid",
        "notes": [{"at_minute": 12, "phase": "mapping", "text": "Kept the group on process — well done."}],
        "ratings": [{"criterion": "Kept to process", "value": 7.5, "comment": "Brought it back twice"}],
        "went_well": "Calm pace",
        "even_better_if": "Ask the presenter to scale first",
    }
    theirs = tmp_path / "observer.json"
    theirs.write_text(json.dumps(observer_file, ensure_ascii=False), "utf-8")

    status, out, err = run(tmp_path, "import", str(theirs), "--merge-observations")
    assert (status, err, out.strip()) == (0, "", meeting_id)
    after = tmp_path / "after.json"
    run(tmp_path, "export", meeting_id, "--json", str(after))
    merged = json.loads(after.read_text("utf-8"))
    before = json.loads(mine.read_text("utf-8"))
    assert merged["map"] == before["map"]
    assert merged["observations"]["notes"][0]["text"] == "Kept the group on process — well done."
    assert merged["observations"]["ratings"][0]["value"] == 7.5
    # Handing the same file over twice adds nothing more.
    run(tmp_path, "import", str(theirs), "--merge-observations")
    again = tmp_path / "again.json"
    run(tmp_path, "export", meeting_id, "--json", str(again))
    assert json.loads(again.read_text("utf-8")) == merged

    observer_file["meeting"]["title"] = "A meeting that is not here"
    theirs.write_text(json.dumps(observer_file), "utf-8")
    status, _, err = run(tmp_path, "import", str(theirs), "--merge-observations")
    assert status == 1 and "nothing was changed" in err
