"""Opening a database: the schema is created by the migrations exactly as tables.py says, and files this version
must not write to are refused and left byte for byte as they were.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from sos_desktop.exporters.interchange.files import bundle_to_dict
from sos_desktop.models import Case
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import DatabaseTooNewError, MigrationError, NotADatabaseError, Store
from sos_desktop.store.engine import make_engine
from sos_desktop.store.errors import DatabaseTooOldError, EmptyDatabaseError
from sos_desktop.store.migrate import alembic_config, head_revisions, known_revisions, upgrade_to_head
from sos_desktop.store.tables import metadata


def _path(sqlite_url: str) -> Path:
    return Path(sqlite_url.removeprefix("sqlite:///"))


def test_a_new_database_is_at_head_with_exactly_the_schema_of_tables_py(database_url: str) -> None:
    Store.open(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert context.get_current_heads() == head_revisions()
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_reopening_keeps_the_data(database_url: str) -> None:
    with Store.open(database_url) as store:
        saved = store.save_bundle(demo_bundle())
    with Store.open(database_url) as store:
        assert store.load_bundle(saved.meeting.id or 0) == saved


def test_an_empty_file_is_refused_as_damaged_and_left_as_it_is(sqlite_url: str) -> None:
    path = _path(sqlite_url)
    path.parent.mkdir(parents=True)
    path.touch()  # what a crash or a full disk can leave of a database
    with pytest.raises(EmptyDatabaseError) as raised:
        Store.open(sqlite_url)
    assert isinstance(raised.value, NotADatabaseError)  # damaged: the newest backup is offered for it
    assert "empty" in str(raised.value) and "left untouched" in str(raised.value)
    assert path.stat().st_size == 0 and sorted(path.parent.iterdir()) == [path]


def test_a_new_database_is_made_whole_beside_its_place_leaving_nothing_else(sqlite_url: str) -> None:
    path = _path(sqlite_url)
    with Store.open(sqlite_url) as store:
        assert store.list_cases() == []
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert [leftover.name for leftover in path.parent.iterdir() if ".creating" in leftover.name] == []


def _at_revision(sqlite_url: str, revision: str) -> Path:
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
    path = _path(sqlite_url)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    raw.close()
    return path


def test_a_database_older_than_the_first_revision_says_which_and_what_to_do(sqlite_url: str) -> None:
    path = _at_revision(sqlite_url, "0000")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooOldError) as raised:
        Store.open(sqlite_url)
    message = str(raised.value)
    assert "revision 0000" in message and "starts from revision 0001" in message
    assert "earlier version of SoS Desktop" in message and "newer" not in message
    assert path.read_bytes() == before


def test_a_database_from_a_numbered_newer_revision_says_which(sqlite_url: str) -> None:
    path = _at_revision(sqlite_url, "0999")
    with pytest.raises(DatabaseTooNewError) as raised:
        Store.open(sqlite_url)
    assert "revision 0999" in str(raised.value) and f"up to revision {head_revisions()[0]}" in str(raised.value)
    assert path.exists()


def test_an_upgrade_the_tables_refuse_names_both_revisions_and_changes_nothing(sqlite_url: str) -> None:
    path = _at_revision(sqlite_url, "0002")  # says 0002, holds the head's tables: 0003's new column is there
    before = path.read_bytes()
    with pytest.raises(MigrationError) as raised:
        Store.open(sqlite_url)
    message = str(raised.value)
    assert "from revision 0002 to " + head_revisions()[0] in message and "could not do that" not in message
    assert "left untouched" in message and "restore a backup" in message
    assert path.read_bytes() == before


def _refused_untouched(url: str, path: Path, error: type[Exception]) -> None:
    before = path.read_bytes()
    with pytest.raises(error) as raised:
        Store.open(url)
    assert "left untouched" in str(raised.value)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_and_untouched(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
    path = _path(sqlite_url)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.close()
    _refused_untouched(sqlite_url, path, DatabaseTooNewError)


def test_garbage_bytes_are_refused_and_untouched(sqlite_url: str) -> None:
    path = _path(sqlite_url)
    path.parent.mkdir(parents=True)
    path.write_bytes(bytes(range(256)) * 40)
    _refused_untouched(sqlite_url, path, NotADatabaseError)


def test_a_truncated_database_is_refused_and_untouched(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        for number in range(30):
            store.save_bundle(demo_bundle())
            store.add_case(Case(label=f"Case {number}"))
    path = _path(sqlite_url)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _refused_untouched(sqlite_url, path, NotADatabaseError)


def test_another_programs_database_is_refused_and_untouched(sqlite_url: str) -> None:
    path = _path(sqlite_url)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        raw.execute("INSERT INTO invoices (total) VALUES (12.5)")
    raw.close()
    _refused_untouched(sqlite_url, path, NotADatabaseError)
    with sqlite3.connect(path) as raw:
        assert [name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]
    raw.close()


def test_upgrade_to_head_refuses_an_unknown_revision_and_does_nothing(database_url: str) -> None:
    with Store.open(database_url) as store:
        store.add_case(Case(label="Family S"))
    plain = create_engine(database_url)
    with plain.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        conn.execute(text("DROP TABLE observation_ratings"))  # as if the newer version had changed the schema
    engine = make_engine(database_url)
    with pytest.raises(DatabaseTooNewError):
        upgrade_to_head(engine)
    engine.dispose()
    with plain.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "9999_from_the_future"
        assert "observation_ratings" not in inspect(conn).get_table_names()
        assert conn.scalar(text("SELECT label FROM cases")) == "Family S"
    plain.dispose()


def _revisions_oldest_first() -> list[str]:
    from alembic.script import ScriptDirectory

    from sos_desktop.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def test_the_revisions_stay_in_one_line_each_following_the_one_before() -> None:
    from alembic.script import ScriptDirectory

    from sos_desktop.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    revisions = _revisions_oldest_first()
    assert len(script.get_heads()) == 1 and script.get_heads()[0] == revisions[-1]
    assert len(script.get_bases()) == 1 and script.get_bases()[0] == revisions[0]
    previous = None
    for name in revisions:
        revision = script.get_revision(name)
        assert revision is not None and revision.down_revision == previous, f"{name} does not follow {previous}"
        assert not revision.is_merge_point and not revision.branch_labels
        previous = name


@pytest.mark.parametrize("revision", _revisions_oldest_first()[:-1])
def test_a_database_of_every_earlier_revision_with_data_in_it_comes_up_to_head_intact(
    database_url: str, revision: str
) -> None:
    from alembic import command

    from sos_desktop.store.engine import WRITE_OPTION
    from sos_desktop.store.migrate import alembic_config

    engine = make_engine(database_url)
    config = alembic_config()
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, revision)  # the schema as the release of that revision wrote it
        with connection.begin():
            case_id = connection.execute(
                text(
                    "INSERT INTO cases (reference, label, framework, extra, created_at) "
                    "VALUES ('R-1', 'Family Old', 'safety', '{}', '2026-01-01') RETURNING id"
                )
            ).scalar_one()
            uid = ", uid" if revision >= "0006" else ""  # from 0006 a meeting must have its uid
            meeting_id = connection.execute(
                text(
                    f"INSERT INTO meetings (case_id, title, kind, held_on, focus_question, confidentiality_agreed, "
                    f"summary, extra, created_at, updated_at{uid}) VALUES (:c, 'Old meeting', 'mapping', NULL, '', "
                    f"false, '', '{{}}', '2026-01-01', '2026-01-01'{uid and ', :u'}) RETURNING id"
                ),
                {"c": case_id, "u": str(uuid.uuid4())},
            ).scalar_one()
            key = ", key" if revision >= "0008" else ""  # from 0008 a scale must have its key
            connection.execute(
                text(
                    f"INSERT INTO scales (meeting_id, position, question, zero_means, ten_means, about, extra{key}) "
                    f"VALUES (:m, 0, 'How safe?', 'Not at all', 'Safe enough', NULL, '{{}}'{key and ', :k'})"
                ),
                {"m": meeting_id, "k": str(uuid.uuid4())},
            )
            connection.execute(
                text(
                    "INSERT INTO people (case_id, name, display_name, role, age, circle, knows_worries, "
                    "knows_worries_since, rules, contact, notes, x, y, extra) VALUES (:c, 'Nan Spencer', 'NS', "
                    "'family', NULL, 'inner', true, NULL, '[]', '', '', 10.0, 20.0, '{}')"
                ),
                {"c": case_id},
            )
    engine.dispose()
    store = Store.open(database_url)
    try:
        meeting = store.get_meeting(meeting_id)
        assert meeting.title == "Old meeting"
        assert str(uuid.UUID(meeting.uid)) == meeting.uid and meeting.file_extra == {}  # given by 0006
        assert [(s.question, s.private_round) for s in meeting.scales] == [("How safe?", False)]
        [nan] = store.get_network(case_id).people
        assert (nan.name, nan.relationship, nan.knows_worries, nan.x, nan.y) == ("Nan Spencer", "", True, 10.0, 20.0)
        assert nan.also_known_as == []  # given by 0007
        assert all(scale.key for scale in meeting.scales)  # given by 0008
        assert store.chronology(case_id) == []  # the table 0009 makes
    finally:
        store.close()


def test_the_revisions_read_without_alembic_are_alembics_own() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert known_revisions() == {revision.revision for revision in script.walk_revisions()}
    assert set(head_revisions()) == set(script.get_heads())


def test_opening_an_up_to_date_database_imports_no_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    Store.open(url).close()  # created and migrated once
    probe = (
        "import sys; from sos_desktop.store.store import Store; "
        f"Store.open({url!r}).close(); print('alembic' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_0010_moves_people_s_rules_into_the_latest_meeting_s_safety_plan(database_url: str) -> None:
    from alembic import command

    from sos_desktop.store.engine import WRITE_OPTION

    engine = make_engine(database_url)
    config = alembic_config()
    person_sql = text(
        "INSERT INTO people (case_id, name, display_name, role, age, circle, knows_worries, knows_worries_since, "
        "rules, contact, notes, x, y, extra) VALUES (:c, :n, '', 'family', NULL, NULL, true, NULL, :r, '', '', "
        "NULL, NULL, '{}') RETURNING id"
    )
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "0009")  # people own rules one by one, as before the safety plan
        with connection.begin():
            case_sql = text(
                "INSERT INTO cases (reference, label, framework, extra, created_at) "
                "VALUES (:r, :l, 'safety', '{}', '2026-01-01') RETURNING id"
            )
            case_id = connection.execute(case_sql, {"r": "R-1", "l": "Family Old"}).scalar_one()
            lonely_case = connection.execute(case_sql, {"r": "R-2", "l": "No meetings"}).scalar_one()
            meeting_ids = [
                connection.execute(
                    text(
                        "INSERT INTO meetings (case_id, title, kind, held_on, focus_question, confidentiality_agreed, "
                        "summary, extra, created_at, updated_at, uid) VALUES (:c, :t, 'mapping', :h, '', false, '', "
                        "'{}', '2026-01-01', '2026-01-01', :u) RETURNING id"
                    ),
                    {"c": case_id, "t": title, "h": held_on, "u": str(uuid.uuid4())},
                ).scalar_one()
                # The later meeting is saved first: the latest is judged by date, not by id.
                for title, held_on in (("Follow-up", "2026-12-12T10:00:00"), ("First", "2026-11-21T10:00:00"))
            ]
            nan, dad, pat = (
                connection.execute(person_sql, {"c": case_id, "n": name, "r": rules}).scalar_one()
                for name, rules in (
                    ("Nan", '["Nan will ring Dad each evening", "Babcia zostaje na noc ☾"]'),
                    ("Dad", '["  Nan will ring Dad each evening  "]'),
                    ("Pat", "[]"),
                )
            )
            alone = connection.execute(
                person_sql, {"c": lonely_case, "n": "Aunt", "r": '["Aunt collects the children"]'}
            ).scalar_one()
    engine.dispose()
    store = Store.open(database_url)
    try:
        follow_up, first = (store.get_meeting(meeting_id) for meeting_id in meeting_ids)
        assert [(rule.words, rule.owners) for rule in follow_up.safety_plan.rules] == [
            ("Nan will ring Dad each evening", [nan, dad]),
            ("Babcia zostaje na noc ☾", [nan]),
        ]
        assert len({rule.key for rule in follow_up.safety_plan.rules}) == 2
        assert first.safety_plan.rules == [] and follow_up.trajectory_plan.milestones == []
        assert [person.rules for person in store.get_network(case_id).people] == [[], [], []]
        assert pat in {person.id for person in store.get_network(case_id).people}
        # A case with no meeting has no plan to hold them: its people keep their rules.
        assert [(p.id, p.rules) for p in store.get_network(lonely_case).people] == [
            (alone, ["Aunt collects the children"])
        ]
        # The meeting file still gives each person the rules they own, as before.
        exported = bundle_to_dict(store.load_bundle(meeting_ids[0]))
        assert [(p["name"], p.get("rules", [])) for p in exported["people"]] == [
            ("Nan", ["Nan will ring Dad each evening", "Babcia zostaje na noc ☾"]),
            ("Dad", ["Nan will ring Dad each evening"]),
            ("Pat", []),
        ]
    finally:
        store.close()

    # Going back to 0009 gives each person the latest plan's rules they own, as they had them.
    engine = make_engine(database_url)
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0009")
        rows = connection.execute(text("SELECT id, rules FROM people ORDER BY id")).all()
    engine.dispose()
    assert {row.id: json.loads(row.rules) for row in rows} == {
        nan: ["Nan will ring Dad each evening", "Babcia zostaje na noc ☾"],
        dad: ["Nan will ring Dad each evening"],
        pat: [],
        alone: ["Aunt collects the children"],
    }
