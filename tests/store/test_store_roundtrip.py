"""What users type must come back exactly: any script, emoji, line breaks, long texts, half points, floats."""

from __future__ import annotations

from datetime import date, datetime

from store_helpers import canonical

from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    Case,
    Category,
    ChildVoiceEntry,
    House,
    MapItem,
    Meeting,
    MeetingBundle,
    Network,
    NetworkPerson,
    ObservationNote,
    Observations,
    PersonRole,
    RubricRating,
    Scale,
    ScaleRating,
    Tie,
)
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import Store

WORDS = [
    "Μαμά και μπαμπάς 🏠❤️",
    "Бабушка забирает её из школы",
    "Bà ngoại đưa bé đi học mỗi sáng",
    "أمي تحبني",
    "אבא צועק",
    "Line one\nLine two\r\nLine three\ttabbed  ",
    "👩‍👩‍👧 family emoji with joiners and a flag 🇬🇧",
    "",
]
LONG = ("Nan said: «we will manage» — " * 800)[:20_000]


def _bundle() -> MeetingBundle:
    people = [
        NetworkPerson(id=-1, name="Ленa Σ. Nguyễn 🌟", display_name="Λ", x=0.1 + 0.2, y=-1e-7, agrees_with=[-2]),
        NetworkPerson(
            id=-2, name="דוד", rules=WORDS, notes=LONG, x=123456.789, y=-0.0, extra={"ключ": ["значение", 1.5]}
        ),
    ]
    items = [
        MapItem(id=-1 - i, category=Category.HARM, text=text, said_by=WORDS[i - 1]) for i, text in enumerate(WORDS)
    ]
    items.append(MapItem(id=-100, category=Category.STRENGTH, text=LONG, extra={"nested": {"emoji": "🙂", "n": None}}))
    meeting = Meeting(
        title="Встреча · Συνάντηση · 会议",
        held_on=datetime(2026, 1, 2, 3, 4, 5, 678901),
        focus_question=WORDS[5],
        summary=LONG,
        attendees=[Attendee(name) for name in WORDS[:5]],
        agenda=[AgendaPhase("mapping", WORDS[0], 0.5, 27.25)],
        items=items,
        scales=[
            Scale(
                WORDS[1],
                WORDS[2],
                WORDS[3],
                about=-2,
                ratings=[ScaleRating(f"Rater {v}", v, WORDS[4]) for v in (0, 0.5, 4.5, 9.5, 10)],
            )
        ],
        child_voice=[ChildVoiceEntry(House.DREAMS, words, child=-1, consent_to_share=True) for words in WORDS],
        observations=Observations(
            observer=WORDS[2],
            notes=[ObservationNote(WORDS[5], 12.5, "mapping")],
            ratings=[RubricRating(WORDS[0], 7.5, LONG)],
            went_well=WORDS[6],
            even_better_if=LONG,
        ),
        extra={"unicode": WORDS, "float": 0.1, "big": 10**15},
    )
    network = Network(people=people, ties=[Tie(source=-1, target=-2, extra={"label": WORDS[3]})])
    case = Case(label="Семья · Οικογένεια 🏡", reference="CP-ΑΒΓ-7", extra={"note": WORDS[5]})
    return MeetingBundle(case=case, meeting=meeting, network=network)


def test_everything_typed_comes_back_exactly_after_reopening(database_url: str) -> None:
    with Store.open(database_url) as store:
        saved = store.save_bundle(_bundle())
    with Store.open(database_url) as store:
        loaded = store.load_bundle(saved.meeting.id or 0)
    assert canonical(loaded) == canonical(_bundle())
    assert loaded == saved
    assert loaded.network.people[0].x == 0.1 + 0.2
    assert [r.value for r in loaded.meeting.scales[0].ratings] == [0.0, 0.5, 4.5, 9.5, 10.0]
    assert len(loaded.meeting.summary) == 20_000


def test_edits_survive_reopening(database_url: str) -> None:
    with Store.open(database_url) as store:
        case = store.add_case(Case(label="Family E"))
        meeting = store.add_meeting(Meeting(title="Mapping", case_id=case.id))
        item = store.add_item(meeting.id or 0, MapItem(category=Category.NEXT_STEP, text="Ring Nan"))
        item.text, item.due = "Ring Nan ☎️\nbefore Friday", date(2026, 12, 4)
        store.update_item(item)
    with Store.open(database_url) as store:
        assert store.get_meeting(meeting.id or 0).items == [item]


def test_a_later_file_brings_a_known_person_up_to_date_and_never_merges_namesakes(store: Store) -> None:
    first = demo_bundle()
    store.save_bundle(first)
    later = demo_bundle()
    later.meeting.title = "Review"
    dad = next(p for p in later.network.people if p.display_name == "Dad")
    dad.knows_worries = True
    dad.contact = "07700 900123"
    dad.display_name = ""  # a file that leaves it out: the initials, not "Dad", would be the default
    dad.__post_init__()
    later.network.people.append(NetworkPerson(id=-90, name="Sam Jones", role=PersonRole.FRIEND))
    later.network.people.append(NetworkPerson(id=-91, name="Sam Jones", role=PersonRole.PROFESSIONAL))
    saved = store.save_bundle(later)
    people = saved.network.people
    stored_dad = next(p for p in people if p.name == dad.name)
    assert stored_dad.knows_worries is True
    assert stored_dad.contact == "07700 900123"
    assert stored_dad.display_name == "Dad"  # the stored pseudonym is not replaced by default initials
    assert [p.role for p in people if p.name == "Sam Jones"] == [PersonRole.FRIEND, PersonRole.PROFESSIONAL]
    assert len(people) == len(first.network.people) + 2


def test_case_meetings_reads_every_meeting_of_a_case_in_full_in_date_order(store: Store) -> None:
    first = store.save_bundle(demo_bundle())
    later = demo_bundle()
    later.meeting.title = "Review"
    later.meeting.held_on = datetime(2026, 12, 19, 10, 0)
    later.meeting.scales[0].ratings = [ScaleRating("Sam Patel", 6.5)]
    store.save_bundle(later)
    assert first.case.id is not None
    meetings = store.case_meetings(first.case.id)
    assert [m.title for m in meetings] == ["Group supervision (demo)", "Review"]
    assert [r.value for r in meetings[1].scales[0].ratings] == [6.5]
    assert len(meetings[0].items) == len(first.meeting.items)


def test_has_cases_says_whether_any_case_exists_as_listing_them_would(store: Store) -> None:
    assert not store.has_cases() and store.list_cases() == []
    added = store.add_case(Case(label="Family Q"))
    assert store.has_cases()
    assert added.id is not None
    store.delete_case(added.id)
    assert not store.has_cases()
