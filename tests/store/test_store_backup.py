"""Backups: made with SQLite's online backup API, rotated, checked before use, and restored without losing the
file they replace. SQLite only, except the plain refusal for PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from sos_desktop.models import Case
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import Store, backup
from sos_desktop.store.backup import BackupError, InvalidBackupError


def _path(sqlite_url: str) -> Path:
    return Path(sqlite_url.removeprefix("sqlite:///"))


def _labels(path: Path) -> list[str]:
    with Store.open(f"sqlite:///{path}") as store:
        return [case.label for case in store.list_cases()]


def test_a_backup_holds_every_committed_edit_even_those_still_in_the_write_ahead_log(sqlite_url: str) -> None:
    target = _path(sqlite_url).parent / "out" / "copy.sqlite3"
    with Store.open(sqlite_url) as store:
        store.save_bundle(demo_bundle())
        store.add_case(Case(label="Family S"))
        assert _path(sqlite_url).with_name("sos-desktop.sqlite3-wal").stat().st_size > 0
        assert store.backup(target) == target
    raw = sqlite3.connect(target)
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    raw.close()
    assert not target.with_name("copy.sqlite3-wal").exists()
    assert _labels(target) == ["Family Demo (invented)", "Family S"]


def test_restoring_keeps_the_current_file_and_its_log_aside_then_puts_the_backup_in_place(sqlite_url: str) -> None:
    database = _path(sqlite_url)
    saved = database.parent / "saved.sqlite3"
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Before the backup"))
        store.backup(saved)
        store.add_case(Case(label="After the backup"))
    moment = datetime(2026, 11, 22, 10, 15, tzinfo=UTC)
    aside = backup.restore(saved, database, now=moment)
    assert aside == database.with_name("sos-desktop.sqlite3.before-restore-20261122T101500Z")
    assert _labels(database) == ["Before the backup"]
    assert set(_labels(aside)) == {"Before the backup", "After the backup"}  # nothing lost: it is kept aside
    assert saved.exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000],
    ids=["empty", "text", "damaged"],
)
def test_a_backup_that_is_not_intact_is_refused_and_nothing_is_touched(sqlite_url: str, content: bytes) -> None:
    database = _path(sqlite_url)
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
    before = database.read_bytes()
    bad = database.parent / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(InvalidBackupError) as raised:
        backup.restore(bad, database)
    assert "left untouched" in str(raised.value)
    assert database.read_bytes() == before
    assert (
        sorted(p.name for p in database.parent.iterdir() if "before-restore" in p.name or "restoring" in p.name) == []
    )


def test_another_programs_database_or_a_newer_ones_is_not_restored(sqlite_url: str) -> None:
    database = _path(sqlite_url)
    Store.open(sqlite_url).close()
    other = database.parent / "other.sqlite3"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    raw.close()
    with pytest.raises(InvalidBackupError):
        backup.restore(other, database)
    newer = database.parent / "newer.sqlite3"
    with Store.open(f"sqlite:///{newer}") as store:
        store.add_case(Case(label="Family S"))
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.close()
    with pytest.raises(InvalidBackupError):
        backup.restore(newer, database)


def test_automatic_backups_are_made_at_most_once_an_hour_and_only_the_newest_ten_are_kept(sqlite_url: str) -> None:
    database = _path(sqlite_url)
    with Store.open(sqlite_url) as store:
        assert store.automatic_backup() is None  # nothing in it yet
        store.add_case(Case(label="Family S"))
        made = store.automatic_backup()
        assert made is not None and made.path.parent == database.parent / "backups"
        assert store.automatic_backup() is None  # one already made within the hour
        assert store.newest_backup() == made
        assert _labels(made.path) == ["Family S"]
    later = made.made_at + timedelta(hours=1)
    assert backup.backup_due(database, now=later)
    for hours in range(1, 15):
        old = backup.automatic_backup_path(database, made.made_at - timedelta(hours=hours))
        old.write_bytes(made.path.read_bytes())
    (database.parent / "backups" / "notes.txt").write_text("someone's own file", "utf-8")
    backup.rotate(database)
    kept = backup.backups_of(database)
    assert len(kept) == backup.KEEP and kept[0] == made
    assert (database.parent / "backups" / "notes.txt").exists()  # not one of ours: left alone


def test_rotation_keeps_the_last_backup_with_the_cases_after_many_demo_only_ones(sqlite_url: str) -> None:
    database = _path(sqlite_url)
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with Store.open(sqlite_url) as store:
        for number in range(6):
            store.add_case(Case(label=f"Family {number}"))
        real = backup.automatic_backup_path(database, start)
        store.backup(real)
    database.unlink()  # lost (say, emptied by a crash and moved away): the app starts again with the demo
    with Store.open(sqlite_url) as store:
        store.save_bundle(demo_bundle())
        for hours in range(1, 13):  # twelve hourly backups of the demo alone, each rotating
            store.backup(backup.automatic_backup_path(database, start + timedelta(hours=hours)))
            backup.rotate(database)
    kept = backup.backups_of(database)
    assert real in [made.path for made in kept]  # the only copy of the six families was not pushed out
    assert len(kept) == backup.KEEP + 1 and backup.case_count(real) == 6
    assert [backup.case_count(made.path) for made in kept[: backup.KEEP]] == [1] * backup.KEEP

    with Store.open(sqlite_url) as store:  # once a newer backup holds as many cases, the old one goes as usual
        for number in range(5):
            store.add_case(Case(label=f"Family {number}"))
        store.backup(backup.automatic_backup_path(database, start + timedelta(hours=13)))
    assert real in backup.rotate(database)
    assert len(backup.backups_of(database)) == backup.KEEP


def test_rotation_counts_the_cases_of_encrypted_backups_with_the_passphrase(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    database = tmp_path / "sos-desktop.sqlite3"
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with Store.open(f"sqlite:///{database}", "correct horse") as store:
        for number in range(3):
            store.add_case(Case(label=f"Family {number}"))
        real = backup.automatic_backup_path(database, start)
        store.backup(real)
        for _ in range(3):
            store.delete_case(store.list_cases()[0].id or 0)
        for hours in range(1, 4):
            store.backup(backup.automatic_backup_path(database, start + timedelta(hours=hours)))
    assert backup.case_count(real) == 0 and backup.case_count(real, "correct horse") == 3
    assert real not in backup.rotate(database, keep=2, passphrase="correct horse")
    assert real in backup.rotate(database, keep=2)  # uncounted, it holds nothing that outweighs the kept ones


def test_restore_advice_names_the_newest_backup_and_the_command(sqlite_url: str) -> None:
    database = _path(sqlite_url)
    assert backup.restore_advice(database) == ""
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
        made = store.automatic_backup(force=True)
    assert made is not None
    advice = backup.restore_advice(database)
    assert str(made.path) in advice and f'sos-desktop restore "{made.path}"' in advice


def test_a_full_disk_while_backing_up_is_said_plainly_and_leaves_no_partial_file(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _path(sqlite_url).parent / "copy.sqlite3"

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
        monkeypatch.setattr(backup, "sync_file", full)
        with pytest.raises(BackupError, match="disk is full"):
            store.backup(target)
        assert [case.label for case in store.list_cases()] == ["Family S"]
    assert not target.exists() and not target.with_name("copy.sqlite3.partial").exists()


def test_a_backup_is_never_written_over_the_database_itself(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
        with pytest.raises(BackupError):
            store.backup(_path(sqlite_url))
        assert [case.label for case in store.list_cases()] == ["Family S"]


def test_postgresql_is_not_backed_up_by_the_app_and_it_says_so() -> None:
    store = Store(create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"))  # never connects
    with pytest.raises(BackupError, match="pg_dump"):
        store.backup(Path("anywhere.sqlite3"))
    assert store.newest_backup() is None and store.automatic_backup(force=True) is None
    store.close()
