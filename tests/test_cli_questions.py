"""``sos-desktop questions --export`` and ``--import``: the team's best questions out to a file and back in."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_support import run


def test_the_demo_s_questions_go_out_to_a_file_and_another_database_takes_them_once(tmp_path: Path) -> None:
    assert run(tmp_path / "a", "demo")[0] == 0
    out_file = tmp_path / "team.json"
    status, out, err = run(tmp_path / "a", "questions", "--export", str(out_file))
    assert (status, err) == (0, "") and out.startswith("Wrote 4 questions")
    assert len(json.loads(out_file.read_text("utf-8"))["questions"]) == 4
    assert run(tmp_path / "b", "list")[0] == 0
    status, out, err = run(tmp_path / "b", "questions", "--import", str(out_file))
    assert (status, out.strip(), err) == (0, "4 questions added.", "")
    status, out, _ = run(tmp_path / "b", "questions", "--import", str(out_file))
    assert (status, out.strip()) == (0, "0 questions added; 4 already in the library.")


def test_a_bad_file_or_an_empty_library_is_told_in_one_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    status, out, err = run(tmp_path, "questions", "--import", str(bad))
    assert status == 2 and out == "" and "not a best questions file" in err
    status, _, err = run(tmp_path, "questions", "--export", str(tmp_path / "out.json"))
    assert status == 2 and "no best questions yet" in err and not (tmp_path / "out.json").exists()
