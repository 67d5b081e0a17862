"""``sos-desktop import`` of a meeting that is already in the database, and of files that say more than we read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_support import run

from sos_desktop.cli import main

EXAMPLE = Path(__file__).parent / "exporters" / "data" / "spec-example.json"


def _meetings(data_dir: Path) -> int:
    return run(data_dir, "list")[1].count("  meeting ")


def test_running_import_again_after_it_committed_is_refused_naming_the_meeting(tmp_path: Path) -> None:
    # As when the first run was killed after its commit but before it printed the id.
    status, out, _ = run(tmp_path, "import", str(EXAMPLE))
    assert status == 0
    meeting_id = int(out)
    status, out, err = run(tmp_path, "import", str(EXAMPLE))
    assert (status, out) == (2, "")
    assert err == (
        "sos-desktop: This meeting is already in the database: 'Group supervision' held on 2026-11-21 in case "
        f"CP-2026-0412 (meeting {meeting_id}). Use --as-copy to add it again as a new meeting, or --replace to "
        "replace it.\n"
    )
    assert _meetings(tmp_path) == 1


def test_an_export_imported_back_is_refused_and_as_copy_adds_one(tmp_path: Path) -> None:
    run(tmp_path, "demo")
    exported = tmp_path / "demo.json"
    run(tmp_path, "export", "1", "--json", str(exported))
    assert run(tmp_path, "import", str(exported))[0] == 2
    status, out, err = run(tmp_path, "import", str(exported), "--as-copy")
    assert (status, err) == (0, "")
    assert int(out) == 4 and _meetings(tmp_path) == 4  # the demo has three meetings, the first now twice


def test_replace_keeps_the_id_and_says_how_to_undo_it(tmp_path: Path) -> None:
    run(tmp_path, "demo")
    exported = tmp_path / "demo.json"
    run(tmp_path, "export", "1", "--json", str(exported))
    document = json.loads(exported.read_text("utf-8"))
    summary = document["meeting"]["summary"]
    document["meeting"]["summary"] = "Written after the meeting"
    exported.write_text(json.dumps(document), "utf-8")
    status, out, err = run(tmp_path, "import", str(exported), "--replace")
    assert (status, out) == (0, "1\n")
    found = re.search(r'To undo it, restore the backup made just before: sos-desktop restore "([^"]+)"', err)
    assert found is not None and Path(found.group(1)).is_file()
    assert _meetings(tmp_path) == 3  # the demo's three, the first replaced in place
    again = tmp_path / "again.json"
    run(tmp_path, "export", "1", "--json", str(again))
    assert json.loads(again.read_text("utf-8"))["meeting"]["summary"] == "Written after the meeting"
    assert run(tmp_path, "restore", found.group(1))[0] == 0
    run(tmp_path, "export", "1", "--json", str(again))
    assert json.loads(again.read_text("utf-8"))["meeting"]["summary"] == summary


def test_as_copy_and_replace_cannot_both_be_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", str(tmp_path), "import", str(EXAMPLE), "--as-copy", "--replace"])
    assert refused.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_case_that_differs_is_kept_and_the_difference_warned(tmp_path: Path) -> None:
    run(tmp_path, "import", str(EXAMPLE))
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["case"].update(label="Family Spencer", framework="wellbeing")
    document["meeting"]["held_on"] = "2026-12-19T10:00:00"
    later = tmp_path / "later.json"
    later.write_text(json.dumps(document), "utf-8")
    status, _, err = run(tmp_path, "import", str(later))
    assert status == 0
    assert err == (
        "sos-desktop: warning: Case CP-2026-0412 is 'Family S' (Signs of Safety) here; the file says "
        "'Family Spencer' (Signs of Wellbeing). The meeting was filed under the existing case, unchanged.\n"
    )
    assert "case 1: Family S [CP-2026-0412] (Signs of Safety)" in run(tmp_path, "list")[1]


def test_a_repeated_key_is_refused_with_its_path_and_nothing_imported(tmp_path: Path) -> None:
    text = EXAMPLE.read_text("utf-8").replace('"label": "Family S",', '"label": "Family S", "label": "Other",')
    path = tmp_path / "twice.json"
    path.write_text(text, "utf-8")
    status, out, err = run(tmp_path, "import", str(path))
    assert (status, out) == (2, "")
    assert err.startswith("sos-desktop: case.label: this key is given twice in the same object")
    assert _meetings(tmp_path) == 0


def test_unknown_top_level_keys_survive_import_and_export(tmp_path: Path) -> None:
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["x_origin"] = {"system": "Mosaic", "id": 4411}
    path = tmp_path / "with-extra.json"
    path.write_text(json.dumps(document), "utf-8")
    status, out, _ = run(tmp_path, "import", str(path))
    assert status == 0
    exported = tmp_path / "out.json"
    run(tmp_path, "export", out.strip(), "--json", str(exported))
    assert json.loads(exported.read_text("utf-8"))["x_origin"] == {"system": "Mosaic", "id": 4411}
