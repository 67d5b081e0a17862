"""``sos-desktop audit --csv``: the team's audit as a de-identified CSV from the command line (the demo's row, the
headers, nothing of the demo family's in the file, the period filter, and clear failures).
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path

import pytest
from cli_support import run

from sos_desktop.exporters.audit.csv import HEADERS
from sos_desktop.models.demo import DEMO_TEAM
from sos_desktop.store.paths import DATABASE_FILE_NAME
from sos_desktop.store.store import Store


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def strings(value: object) -> Iterator[str]:
    """Every piece of text in ``value`` (dataclasses, lists and dicts walked), but the closed vocabularies'."""
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from strings(item)


def demo_texts(data_dir: Path) -> set[str]:
    """Every text the demo put in the database: its case, meetings, network and chronology."""
    store = Store.open(f"sqlite:///{data_dir / DATABASE_FILE_NAME}")
    try:
        texts: set[str] = set()
        for case in store.list_cases():
            assert case.id is not None
            texts |= set(strings(case))
            texts |= set(strings(store.case_meetings(case.id)))
            texts |= set(strings(store.get_network(case.id)))
    finally:
        store.close()
    return {text.strip() for text in texts if len(text.strip()) >= 3} - {DEMO_TEAM}


def test_the_demo_audited_to_csv(tmp_path: Path) -> None:
    assert run(tmp_path, "demo")[0] == 0
    out = tmp_path / "audit.csv"
    status, said, err = run(tmp_path, "audit", "--csv", str(out))
    assert (status, err) == (0, "")
    assert said == f"Wrote the audit of 1 case to {out}.\n"
    rows = read(out)
    assert list(rows[0]) == list(HEADERS)
    assert len(rows) == 1
    row = rows[0]
    assert (row["Case"], row["Team"], row["Worker"]) == ("C0001", DEMO_TEAM, "W01")
    assert row["Meetings"] == "3" and row["Map complete"] == "yes" and row["Safety plan"] == "yes"
    assert row["Child's voice used"] == "yes"
    assert int(row["Network size"]) >= int(row["Network knowing the worries"]) > 0
    last = date.fromisoformat(row["Last meeting"])
    assert int(row["Days since last meeting"]) == (date.today() - last).days


def test_nothing_of_the_demo_family_is_in_the_file(tmp_path: Path) -> None:
    assert run(tmp_path, "demo")[0] == 0
    out = tmp_path / "audit.csv"
    assert run(tmp_path, "audit", "--csv", str(out))[0] == 0
    header, *rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert header == ",".join(HEADERS)  # plain English, the same for every file
    text = "\n".join(rows)
    texts = demo_texts(tmp_path)
    assert {"Family Demo (invented)", "DEMO-0001", "Sam Patel"} <= texts  # the walk found the names and words
    assert len(texts) > 50
    assert sorted(found for found in texts if found in text) == []


def test_since_and_until_keep_the_cases_that_met_then(tmp_path: Path) -> None:
    assert run(tmp_path, "demo")[0] == 0
    out = tmp_path / "audit.csv"
    assert run(tmp_path, "audit", "--csv", str(out))[0] == 0
    first, last = read(out)[0]["First meeting"], read(out)[0]["Last meeting"]
    assert run(tmp_path, "audit", "--csv", str(out), "--since", last)[0] == 0
    assert len(read(out)) == 1
    status, said, _ = run(tmp_path, "audit", "--csv", str(out), "--since", "2099-01-01")
    assert (status, read(out), said.startswith("Wrote the audit of 0 cases")) == (0, [], True)
    assert run(tmp_path, "audit", "--csv", str(out), "--until", first)[0] == 0
    assert len(read(out)) == 1
    assert run(tmp_path, "audit", "--csv", str(out), "--team", "Nobody's team")[0] == 0
    assert read(out) == []


def test_a_bad_date_is_told_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "audit.csv"
    with pytest.raises(SystemExit) as stopped:
        run(tmp_path, "audit", "--csv", str(out), "--since", "2026-13-01")
    assert stopped.value.code == 2
    assert "argument --since: '2026-13-01' is not a date such as 2026-12-05" in capsys.readouterr().err
    assert not out.exists()


def test_a_period_back_to_front_an_empty_database_and_an_unwritable_path(tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    status, _, err = run(tmp_path, "audit", "--csv", str(out))
    assert (status, err) == (2, "sos-desktop: The database has no cases to audit yet.\n")
    assert run(tmp_path, "demo")[0] == 0
    status, _, err = run(tmp_path, "audit", "--csv", str(out), "--since", "2026-12-01", "--until", "2026-11-01")
    assert status == 2 and "ends (2026-11-01) before it starts (2026-12-01)" in err
    status, _, err = run(tmp_path, "audit", "--csv", str(tmp_path / "missing" / "audit.csv"))
    assert status == 1 and err.startswith("sos-desktop: The audit could not be written to ")
    assert not out.exists()
