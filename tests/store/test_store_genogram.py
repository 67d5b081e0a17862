"""The genogram marks kept by the store: a person's gender, whether they have died, the index child and their
household, and a tie's bond, saved, changed and read back as they were (SQLite here; PostgreSQL in CI).
"""

from __future__ import annotations

from sos_desktop.models import Case, Gender, NetworkPerson, PersonRole, Tie, TieBond, TieKind
from sos_desktop.store import Store


def test_the_genogram_marks_are_saved_changed_and_read_back(store: Store, case: Case) -> None:
    assert case.id is not None
    nan = store.add_person(
        case.id, NetworkPerson("Nan Example", role=PersonRole.FAMILY, gender=Gender.FEMALE, deceased=True)
    )
    lily = store.add_person(
        case.id,
        NetworkPerson("Lily Example", role=PersonRole.CHILD, index_child=True, household="Mum's flat"),
    )
    plain = store.add_person(case.id, NetworkPerson("Pat Neighbour"))
    assert nan.id is not None and lily.id is not None and plain.id is not None
    tie = store.add_tie(case.id, Tie(nan.id, lily.id, TieKind.PARENT, bond=TieBond.FOSTER))

    network = store.get_network(case.id)
    by_id = {person.id: person for person in network.people}
    assert (by_id[nan.id].gender, by_id[nan.id].deceased) == (Gender.FEMALE, True)
    assert (by_id[lily.id].index_child, by_id[lily.id].household) == (True, "Mum's flat")
    assert (by_id[plain.id].gender, by_id[plain.id].deceased, by_id[plain.id].household) == (None, False, "")
    assert network.ties[0].bond is TieBond.FOSTER

    changed = by_id[lily.id]
    changed.gender, changed.index_child, changed.household = Gender.OTHER, False, ""
    store.update_person(changed)
    tie.bond = TieBond.STEP
    store.update_tie(tie)
    again = store.get_network(case.id)
    lily_again = next(person for person in again.people if person.id == lily.id)
    assert (lily_again.gender, lily_again.index_child, lily_again.household) == (Gender.OTHER, False, "")
    assert again.ties[0].bond is TieBond.STEP
