"""The minutes of a continued meeting: the review of last time's next steps (every outcome, the overdue counted and
marked, the meeting's own overdue steps marked too), what changed since last time (cards, medians then -> now and
each rater, who joined, left and now knows the worries), and the case chronology in date order; pseudonymised
minutes hold no full name, nickname or spelling of a name of the family in any of them; a first meeting's minutes
have none of the three.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader, page_texts

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.snapshot import minutes_snapshot
from sos_desktop.models import (
    Attendee,
    AttendeeRole,
    Case,
    Category,
    MapItem,
    Meeting,
    NetworkPerson,
    NextStepStatus,
    PersonRole,
    Scale,
    ScaleRating,
)
from sos_desktop.models.chronology import ChronologyEvent, DatePrecision
from sos_desktop.models.continuity import carried_card
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.models.review import StepReview
from sos_desktop.store.demo import DemoMeetings
from sos_desktop.store.store import Store

needs_reader = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")

FAMILY_NAMES = (
    "Zoë Nowak",
    "Zoe",
    "Zozo",
    "Nowak",
    "Agnieszka",
    "Łukasz",
    "Lukasz",
    "Wójcik",
    "Wojcik",
    "Halina",
    "Bartosz",
    "Renata",
    "Kowalczyk",
)
"""Every name, part of a name and nickname of the family's network, to be found in no form in pseudonymised minutes."""
DEMO_FAMILY = ("Lily", "Jordan", "Chris Sample", "Pat Example", "Grace", "Adeyemi", "Robin", "Noah")
QUESTION = "How safe is Zoë at home, where 10 means safe enough to close the case?"


@dataclass(frozen=True)
class OverTimeCase:
    store: Store
    first: int
    second: int


def _folded(text: str) -> str:
    """``text`` in lower case without accents (Ł as L), so that 'ŁUKASZ', 'lukasz' and 'Łukasz' read alike."""
    decomposed = unicodedata.normalize("NFKD", text.replace("Ł", "L").replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _text(data: bytes) -> str:
    """The selectable text, white space collapsed, and none around an arrow (the reader drops it in a short cell)."""
    return " ".join(all_text(data).split()).replace(" → ", "→").replace(" →", "→").replace("→ ", "→")


def _section(text: str, title: str, following: str) -> str:
    """The text of one section: from its heading to the next section's."""
    start = text.index(title)
    return text[start : text.index(following, start + len(title))]


def _first_meeting(store: Store, case_id: int) -> Meeting:
    return store.add_meeting(
        Meeting(
            "Mapping",
            case_id=case_id,
            held_on=datetime(2026, 9, 30, 10, 0),
            attendees=[
                Attendee("Sam Patel", AttendeeRole.FACILITATOR),
                Attendee("Alex Morgan", AttendeeRole.PRESENTER),
            ],
            items=[
                MapItem(Category.HARM, "Łukasz pushed Agnieszka during an argument while Zoë watched.", id=-1),
                MapItem(
                    Category.DANGER, "Sam is worried Zozo will be hurt if the arguments go on.", id=-2, pairs_with=-3
                ),
                MapItem(Category.GOAL, "Mum and Dad will sort out arguments calmly, away from Zoë.", id=-3),
                MapItem(Category.COMPLICATING, "Dad works nights.", id=-4),
                MapItem(Category.STRENGTH, "Bartosz takes Zozo to school every day.", id=-5),
                MapItem(Category.GREY, "Whether HALINA can help at weekends.", id=-6),
                *(
                    MapItem(Category.NEXT_STEP, text, owner=owner, due=due, status=NextStepStatus.AGREED)
                    for text, owner, due in (
                        ("Ring ŁUKASZ about the home visit.", "Alex Morgan", date(2026, 10, 10)),
                        ("Ask Halina to join a safety-planning meeting.", "Alex Morgan", date(2026, 10, 15)),
                        ("Share the worries with Zozo's school.", "Sam Patel", date(2026, 10, 20)),
                        ("Visit Agnieszka at home with Renata.", "Agnieszka Nowak", date(2026, 10, 22)),
                        ("Refer lukasz to a parenting course.", "Alex Morgan", date(2026, 10, 5)),
                        ("Find a nursery place for Zoe.", "Sam Patel", date(2026, 10, 25)),
                    )
                ),
            ],
            scales=[
                Scale(
                    QUESTION,
                    about=-2,
                    ratings=[
                        ScaleRating("Sam Patel", 3),
                        ScaleRating("Alex Morgan", 4),
                        ScaleRating("Agnieszka Nowak", 6),
                    ],
                )
            ],
        )
    )


def _continue(store: Store, case_id: int, first: Meeting, people: dict[str, NetworkPerson]) -> Meeting:
    assert first.id is not None
    second = store.continue_meeting(first.id, title="Review", held_on=datetime(2026, 11, 1, 10, 0), agenda=[])
    assert second.id is not None
    outcomes = [
        (ReviewOutcome.DONE, "Dad came to the visit."),
        (ReviewOutcome.PARTLY_DONE, "Halina said yes; no date yet."),
        (ReviewOutcome.NOT_DONE, "The school was closed for half term."),
        (ReviewOutcome.CARRIED_FORWARD, "Agnieszka asked for a later visit."),
        (ReviewOutcome.DROPPED, "Łukasz started a course himself."),
        (None, ""),
    ]
    for review, (outcome, note) in zip(second.reviews, outcomes, strict=True):
        review.outcome, review.note = outcome, note
    store.set_reviews(second.id, second.reviews)
    store.add_item(second.id, carried_card(second.reviews[3]))  # its date has passed: overdue on the map too
    store.add_item(
        second.id,
        MapItem(
            Category.NEXT_STEP, "Halina to write the first safety rules.", owner="Halina Nowak", due=date(2026, 11, 20)
        ),
    )
    by_category = {item.category: item for item in second.items}
    complicating = by_category[Category.COMPLICATING]
    complicating.text = "Dad works nights; he met Sam at home on 28 October."
    store.update_item(complicating)
    store.delete_item(by_category[Category.STRENGTH].id or 0)
    store.add_item(second.id, MapItem(Category.HARM, "On 20 October 2026 Łukasz shouted at Agnieszka in the street."))
    [scale] = second.scales
    scale.ratings = [ScaleRating("Sam Patel", 5), ScaleRating("Alex Morgan", 5), ScaleRating("Agnieszka Nowak", 7)]
    store.update_scale(scale)
    dad = people["dad"]
    dad.knows_worries = True
    store.update_person(dad)
    store.delete_person(people["uncle"].id or 0)
    store.add_person(
        case_id, NetworkPerson("Renata Kowalczyk", display_name="Aunt", role=PersonRole.FAMILY, knows_worries=True)
    )
    for event in (
        ChronologyEvent(
            date(2026, 10, 20), "Łukasz shouted at Agnieszka in the street; Zozo was with Halina.", "Police"
        ),
        ChronologyEvent(date(2026, 10, 14), "Agnieszka told the health visitor about the arguments.", "Health visitor"),
        ChronologyEvent(date(2026, 10, 1), "Bartosz Wójcik moved away.", "Agnieszka Nowak", DatePrecision.MONTH),
        ChronologyEvent(date(2026, 11, 9), "Zoë started at nursery.", "Nursery"),  # after the meeting's day
    ):
        store.add_event(case_id, event)
    return second


@pytest.fixture
def over_time(tmp_path: Path) -> Iterator[OverTimeCase]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    case = store.add_case(Case(label="Case 42", reference="T-42"))
    assert case.id is not None
    people = {
        key: store.add_person(case.id, person)
        for key, person in (
            ("child", NetworkPerson("Zoë Nowak", display_name="Z", role=PersonRole.CHILD, also_known_as=["Zozo"])),
            ("mum", NetworkPerson("Agnieszka Nowak", display_name="Mum", role=PersonRole.PARENT, knows_worries=True)),
            ("dad", NetworkPerson("Łukasz Wójcik", display_name="Dad", role=PersonRole.PARENT)),
            ("nan", NetworkPerson("Halina Nowak", display_name="Nan", role=PersonRole.FAMILY)),
            ("uncle", NetworkPerson("Bartosz Wójcik", display_name="Uncle B", role=PersonRole.FAMILY)),
        )
    }
    first = _first_meeting(store, case.id)
    second = _continue(store, case.id, first, people)
    assert first.id is not None and second.id is not None
    yield OverTimeCase(store, first.id, second.id)
    store.close()


def test_the_snapshot_of_a_continued_meeting_holds_the_review_the_changes_and_the_chronology(
    over_time: OverTimeCase,
) -> None:
    snapshot = minutes_snapshot(over_time.store.load_bundle(over_time.second), MinutesOptions())
    assert snapshot.over_time is not None
    review, changes = snapshot.over_time.review, snapshot.over_time.changes
    assert review is not None and changes is not None
    assert [(row.outcome, row.overdue) for row in review.rows] == [
        ("Done", False),
        ("Partly done", True),
        ("Not done", True),
        ("Carried forward", True),
        ("Dropped", False),
        ("Not reviewed yet", True),
    ]
    assert review.overdue_count == 4 and review.previous == "Mapping, 30 Sep 2026"
    assert [(row.what, row.status, row.overdue) for row in snapshot.next_steps] == [
        ("Visit Agnieszka at home with Renata.", "Agreed", True),
        ("Halina to write the first safety rules.", "Idea", False),
    ]
    assert [label for label, _ in changes.categories] == [
        "Harm",
        "Complicating factors",
        "Existing strengths",
        "Next steps",
    ]
    assert changes.counts == (("New", 2), ("Changed", 1), ("Dropped", 1))
    [scale] = changes.scales
    assert (scale.then, scale.now, scale.movement) == ("4", "5", "up 1")
    assert scale.raters == ("Sam Patel: 3 → 5", "Alex Morgan: 4 → 5", "Agnieszka Nowak: 6 → 7")
    assert changes.network == (
        ("Joined the network", "Renata Kowalczyk"),
        ("Left the network", "Bartosz Wójcik"),
        ("Now know the worries", "Łukasz Wójcik, Renata Kowalczyk"),
    )
    assert [event.when for event in snapshot.over_time.chronology] == [
        "October 2026",
        "14 October 2026",
        "20 October 2026",
    ]


def test_a_scale_still_rated_privately_shows_neither_its_median_nor_its_raters(over_time: OverTimeCase) -> None:
    store = over_time.store
    [scale] = store.get_meeting(over_time.second).scales
    scale.private_round = True
    store.update_scale(scale)
    over = minutes_snapshot(store.load_bundle(over_time.second), MinutesOptions()).over_time
    assert over is not None and over.changes is not None
    [line] = over.changes.scales
    assert (line.then, line.now, line.movement, line.raters) == ("4", "not revealed yet", "", ())


@needs_reader
def test_the_review_lists_every_outcome_and_marks_and_counts_the_overdue(over_time: OverTimeCase) -> None:
    text = _text(minutes_pdf_bytes(over_time.store.load_bundle(over_time.second)))
    review = _section(text, "Review of last time's next steps", "What changed since last time")
    assert "6 next steps agreed at Mapping, 30 Sep 2026. 4 of 6 were overdue." in review
    for row in (
        "Ring ŁUKASZ about the home visit. Alex Morgan 10 Oct 2026 Done Dad came to the visit.",
        "Ask Halina to join a safety-planning meeting. Alex Morgan 15 Oct 2026 Partly done Overdue Halina said yes",
        "Sam Patel 20 Oct 2026 Not done Overdue The school was closed for half term.",
        "Agnieszka Nowak 22 Oct 2026 Carried forward Overdue Agnieszka asked for a later visit.",
        "Refer lukasz to a parenting course. Alex Morgan 5 Oct 2026 Dropped Łukasz started a course himself.",
        "Find a nursery place for Zoe. Sam Patel 25 Oct 2026 Not reviewed yet Overdue –",
    ):
        assert row in review, row
    assert review.count("Overdue") == 4
    # The review comes before the map; this meeting's own overdue step is marked on the map and in its next steps.
    assert text.index("4 of 6 were overdue.") < text.index("The assessment and planning map")
    assert "Agreed · Agnieszka Nowak · by 22 Oct 2026 Overdue" in _section(
        text, "The assessment and planning map", "Danger statements and safety goals"
    )
    steps = _section(text, "Next steps What Who By when Status", "Summary for the child's file")
    assert "22 Oct 2026 Agreed Overdue" in steps and "20 Nov 2026 Idea" in steps
    assert steps.count("Overdue") == 1


@needs_reader
def test_what_changed_gives_the_cards_the_medians_then_and_now_and_the_network(over_time: OverTimeCase) -> None:
    text = _text(minutes_pdf_bytes(over_time.store.load_bundle(over_time.second)))
    changes = _section(text, "What changed since last time", "The assessment and planning map")
    for words in (
        "Since Mapping, 30 Sep 2026. Cards: 2 new, 1 changed and 1 dropped (4 cards in all).",
        "Harm New On 20 October 2026 Łukasz shouted at Agnieszka in the street.",
        "Complicating factors Changed Dad works nights; he met Sam at home on 28 October. It said: Dad works nights.",
        "Existing strengths Dropped Bartosz takes Zozo to school every day.",
        "Next steps New Halina to write the first safety rules.",
        f"Scales Scale Median then→now Each person who rated both {QUESTION} 4→5",
        "Sam Patel: 3→5 Alex Morgan: 4→5 Agnieszka Nowak: 6→7 up 1",  # the reader reads the shorter cell last
        "Joined the network Renata Kowalczyk",
        "Left the network Bartosz Wójcik",
        "Now know the worries Łukasz Wójcik, Renata Kowalczyk",
    ):
        assert words in changes, words


@needs_reader
def test_the_chronology_lists_the_events_in_date_order_up_to_the_meeting_s_day(over_time: OverTimeCase) -> None:
    text = _text(minutes_pdf_bytes(over_time.store.load_bundle(over_time.second)))
    chronology = text[text.index("Chronology The case's significant events") :]
    assert "up to 1 November 2026, oldest first (3 events). When What happened Source" in chronology
    dates = ["October 2026 Bartosz Wójcik moved away.", "14 October 2026 Agnieszka", "20 October 2026 Łukasz shouted"]
    assert [chronology.index(when) for when in dates] == sorted(chronology.index(when) for when in dates)
    assert "Zoë started at nursery" not in text  # 9 November: for the minutes of a later meeting
    assert text.index("Summary for the child's file") < text.index("Chronology The case's")


@needs_reader
def test_pseudonymised_minutes_of_a_continued_meeting_hold_no_name_of_the_family_in_any_form(
    over_time: OverTimeCase,
) -> None:
    bundle = over_time.store.load_bundle(over_time.second)
    text = _text(minutes_pdf_bytes(bundle, options=MinutesOptions(pseudonymise=True)))
    folded = _folded(text)
    for name in FAMILY_NAMES:
        assert _folded(name) not in folded, name
    review = _section(text, "Review of last time's next steps", "What changed since last time")
    assert "Ring Dad about the home visit." in review and "Ask Nan to join" in review
    assert "Mum 22 Oct 2026 Carried forward Overdue Mum asked for a later visit." in review
    changes = _section(text, "What changed since last time", "The assessment and planning map")
    for words in (
        "Dropped Uncle B takes Z to school every day.",
        "Mum: 6→7",
        "Joined the network Aunt",
        "Left the network Uncle B",
        "Now know the worries Dad, Aunt",
    ):
        assert words in changes, words
    assert "October 2026 Uncle B moved away. Mum" in text


@needs_reader
def test_long_reviews_and_chronologies_start_under_their_headings_and_run_on_over_pages(
    over_time: OverTimeCase,
) -> None:
    store = over_time.store
    outcomes = [*ReviewOutcome, None]
    reviews = [
        StepReview(
            key=f"step-{number}",
            text=f"Step {number}: ask the school whether the plan for the mornings is working. " * (1 + number % 3),
            owner="Alex Morgan",
            due=date(2026, 10, 1 + number % 28),
            outcome=outcomes[number % len(outcomes)],
            note="What happened, and what is next. " * (number % 4),
        )
        for number in range(40)
    ]
    store.set_reviews(over_time.second, reviews)
    case_id = store.get_meeting(over_time.second).case_id or 0
    for number in range(60):
        happened = date(2000 + number % 26, 1 + number % 12, 1 + number % 27)
        store.add_event(case_id, ChronologyEvent(happened, f"Event {number}: a move of home. " * (1 + number % 4)))
    pages = page_texts(minutes_pdf_bytes(store.load_bundle(over_time.second)))
    # Each section starts on the page its heading is on (not on a page of its own after an empty foot) ...
    [review_page] = [page for page in pages if "Review of last time's next steps 40 next steps" in page]
    assert "Step 0:" in review_page
    [chronology_page] = [page for page in pages if "Chronology The case's significant events" in page]
    assert "1 January 2000 Event 0:" in chronology_page
    assert "Summary for the child's file" in chronology_page
    # ... and every row is there once, the header repeated on each page the table runs on to.
    text = " ".join(pages)
    assert all(text.count(f"Step {n}: ask") == 1 + n % 3 for n in range(40))
    assert all(f"Event {n}: a move" in text for n in range(60))
    assert sum("Next step Who By when Outcome Note" in page for page in pages) >= 3


@needs_reader
def test_a_first_meeting_s_minutes_have_none_of_the_three_sections(over_time: OverTimeCase) -> None:
    text = _text(minutes_pdf_bytes(over_time.store.load_bundle(over_time.first)))
    for title in ("Review of last time's next steps", "What changed since last time", "Chronology", "Overdue"):
        assert title not in text, title
    assert "Next steps What Who By when Status" in text  # its own next steps, none past their dates on its day


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Store, DemoMeetings]]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield store, store.save_demo()
    store.close()


@needs_reader
def test_the_demo_follow_up_s_minutes_review_and_compare_and_name_nobody_in_full_pseudonymised(
    demo: tuple[Store, DemoMeetings],
) -> None:
    store, made = demo
    bundle = store.load_bundle(made.follow_up)
    text = _text(minutes_pdf_bytes(bundle))
    for words in (
        "5 next steps agreed at Group supervision (demo), 21 Nov 2026. 2 of 5 were overdue.",
        "Partly done Overdue",
        "Not done Overdue",
        "Carried forward",
        "It said: Dad works nights and has not met the social worker yet.",
        "4.75→5",
        "Sam Patel: 4→5 Alex Morgan: 5.5→6",
        "14 October 2026 Mum told the social worker about the arguments.",
    ):
        assert words in text, words
    hidden = _text(minutes_pdf_bytes(bundle, options=MinutesOptions(pseudonymise=True)))
    assert "Joined the network Aunt" in hidden and "Now know the worries Dad, Aunt" in hidden
    for name in DEMO_FAMILY:
        assert name not in hidden, name
    # The demo's first meeting (21 November) is not told of the police call of 29 November.
    first = _text(minutes_pdf_bytes(store.load_bundle(made.first)))
    assert "What changed since last time" not in first and "were overdue" not in first
    assert "14 October 2026 Mum told" in first and "29 November 2026" not in first
