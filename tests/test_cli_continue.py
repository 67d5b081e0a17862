"""``sos-desktop continue``: the case's next meeting, carried forward, from meeting files imported in any order; and
the meeting file's case-over-time parts (keys, follows, reviews, the network at the start, the chronology).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sos_desktop.models.chronology import ChronologyEvent, DatePrecision
from tests.conftest import CliRun

DATABASE = "sos-desktop.sqlite3"


def _store(data_dir: Path):  # type: ignore[no-untyped-def]
    from sos_desktop.store.store import Store

    return Store.open(f"sqlite:///{data_dir / DATABASE}")


def _ok(result: tuple[int, str, str]) -> str:
    status, out, err = result
    assert (status, err) == (0, ""), err
    return out.strip()


def _three_meetings(folder: Path, run_cli: CliRun) -> list[Path]:
    """The demo case's three meetings (the follow-up continued from the first, its steps reviewed, and the child
    protection conference continued from the follow-up, with two next steps of its own), exported to files.
    """
    first = _ok(run_cli(folder, "demo"))
    second = str(int(first) + 1)  # the demo's follow-up
    third = str(int(first) + 2)  # the demo's conference, continued from the follow-up
    files = []
    for meeting_id in (first, second, third):
        path = folder / f"meeting-{meeting_id}.json"
        _ok(run_cli(folder, "export", meeting_id, "--json", str(path)))
        files.append(path)
    return files


@pytest.mark.parametrize("order", [(2, 0, 1), (1, 2, 0), (0, 1, 2)])
def test_continuing_the_latest_of_three_imported_meetings_carries_its_map_and_reviews_its_next_steps(
    tmp_path: Path, run_cli: CliRun, order: tuple[int, int, int]
) -> None:
    files = _three_meetings(tmp_path / "made", run_cli)
    here = tmp_path / "here"
    ids = {}
    for index in order:
        ids[index] = _ok(run_cli(here, "import", str(files[index])))
    latest_file = json.loads(files[2].read_text("utf-8"))

    new_id = _ok(run_cli(here, "continue", ids[2], "--held-on", "2027-01-09T10:00"))
    exported = here / "new.json"
    _ok(run_cli(here, "export", new_id, "--json", str(exported)))
    new = json.loads(exported.read_text("utf-8"))

    assert new["meeting"]["follows"] == latest_file["meeting"]["uid"]
    assert new["meeting"]["title"] == "Child protection conference, 9 January 2027"  # the kind carries on
    assert [a["name"] for a in new["meeting"]["attendees"]] == [a["name"] for a in latest_file["meeting"]["attendees"]]
    assert new["meeting"]["agenda"][0]["phase"] == "review"
    assert "decision" in [phase["phase"] for phase in new["meeting"]["agenda"]]  # the conference's own agenda
    # Every card but the next steps, with the same keys, words and pairs.
    carried = [card for card in latest_file["map"] if card["category"] != "next_step"]
    assert [(c["key"], c["category"], c["text"]) for c in new["map"]] == [
        (c["key"], c["category"], c["text"]) for c in carried
    ]

    def pairs(document: dict) -> set[tuple[str, str]]:  # type: ignore[type-arg]
        by_id = {card["id"]: card["key"] for card in document["map"]}
        return {(card["key"], by_id[card["pairs_with"]]) for card in document["map"] if "pairs_with" in card}

    assert pairs(new) == pairs(latest_file) and pairs(new)
    # The scales carried with their questions and keys, unrated.
    assert [(s["key"], s["question"]) for s in new["scales"]] == [
        (s["key"], s["question"]) for s in latest_file["scales"]
    ]
    assert all("ratings" not in scale or scale["ratings"] == [] for scale in new["scales"])
    # A review entry for each of last time's next steps; the latest reviewed the second meeting's two.
    steps = [card for card in latest_file["map"] if card["category"] == "next_step"]
    assert len(steps) == 2 and len(latest_file["reviews"]) == 2
    assert [(r["key"], r["text"], r.get("owner", "")) for r in new["reviews"]] == [
        (s["key"], s["text"], s.get("owner", "")) for s in steps
    ]
    assert "outcome" not in new["reviews"][0]
    # The chronology is the case's: it travels with every meeting file, once.
    assert new["chronology"] == latest_file["chronology"] and len(new["chronology"]) == 6


def test_a_continued_meeting_goes_out_and_back_in_byte_for_byte(tmp_path: Path, run_cli: CliRun) -> None:
    files = _three_meetings(tmp_path / "made", run_cli)
    document = json.loads(files[1].read_text("utf-8"))
    assert [r.get("outcome") for r in document["reviews"]] == [
        "done",
        "carried_forward",
        "partly_done",
        "not_done",
        "dropped",
    ]
    assert document["network_at_start"][0]["person"] == "p1"
    assert [(event["happened_on"], event["precision"]) for event in document["chronology"]] == [
        ("2022-01-01", "year"),
        ("2025-09-01", "month"),
        ("2026-09-01", "month"),
        ("2026-09-01", "month"),
        ("2026-10-14", "day"),
        ("2026-11-29", "day"),
    ]
    harm = next(card for card in document["map"] if card["text"].startswith("On 29 November 2026"))
    assert document["chronology"][-1]["item_key"] == harm["key"]
    here = tmp_path / "here"
    meeting_id = _ok(run_cli(here, "import", str(files[1])))
    again = here / "again.json"
    _ok(run_cli(here, "export", meeting_id, "--json", str(again)))
    assert again.read_bytes() == files[1].read_bytes()


def test_a_file_giving_two_cards_one_key_is_refused_naming_the_card(tmp_path: Path, run_cli: CliRun) -> None:
    files = _three_meetings(tmp_path / "made", run_cli)
    document = json.loads(files[0].read_text("utf-8"))
    document["map"][1]["key"] = document["map"][0]["key"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), "utf-8")
    status, out, err = run_cli(tmp_path / "here", "import", str(broken))
    assert (status, out) == (2, "")
    assert "map[1].key" in err and "already the key of map[0]" in err


def test_continue_names_a_missing_meeting_and_warns_when_it_is_not_the_latest(tmp_path: Path, run_cli: CliRun) -> None:
    status, out, err = run_cli(tmp_path, "continue", "99")
    assert (status, out) == (2, "") and "There is no meeting 99" in err
    first = _ok(run_cli(tmp_path, "demo"))  # and its follow-up, the case's latest
    status, out, err = run_cli(tmp_path, "continue", first, "--held-on", "2026-12-06")
    assert status == 0 and out.strip().isdigit()
    assert f"meeting {first} is not the case's latest" in err


def test_continue_refuses_a_date_it_cannot_read(
    tmp_path: Path, run_cli: CliRun, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_cli(tmp_path, "continue", "1", "--held-on", "next week")
    assert stopped.value.code == 2 and "'next week' is not a date such as 2026-12-05" in capsys.readouterr().err


def test_an_event_of_the_chronology_is_a_day_a_month_or_a_year() -> None:
    event = ChronologyEvent(date(2026, 3, 17), "Moved to Nan's.", precision=DatePrecision.MONTH)
    assert event.happened_on == date(2026, 3, 1)
