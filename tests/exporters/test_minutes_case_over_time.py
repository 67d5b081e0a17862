"""The minutes of a continued meeting: the review of last time's next steps (outcomes, the overdue counted and
marked), what changed since last time, and the case chronology; pseudonymised, no full name of the family.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.snapshot import minutes_snapshot
from sos_desktop.store.demo import DemoMeetings
from sos_desktop.store.store import Store

FAMILY = ("Lily", "Jordan", "Chris Sample", "Pat Example", "Grace", "Adeyemi", "Robin", "Noah")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Store, DemoMeetings]]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield store, store.save_demo()
    store.close()


def test_the_follow_up_s_minutes_hold_the_review_the_changes_and_the_chronology(
    demo: tuple[Store, DemoMeetings],
) -> None:
    store, made = demo
    bundle = store.load_bundle(made.follow_up)
    over_time = minutes_snapshot(bundle, MinutesOptions()).over_time
    assert over_time is not None and over_time.review is not None and over_time.changes is not None
    review = over_time.review
    assert [(row.outcome, row.overdue) for row in review.rows] == [
        ("Done", False),
        ("Carried forward", False),
        ("Partly done", True),
        ("Not done", True),
        ("Dropped", False),
    ]
    assert review.overdue_count == 2 and review.previous == "Group supervision (demo), 21 Nov 2026"
    changes = over_time.changes
    assert [label for label, _ in changes.categories] == [
        "Harm",
        "Complicating factors",
        "Existing strengths",
        "Next steps",
        "Grey areas",
    ]
    complicating = dict(changes.categories)["Complicating factors"][0]
    assert (complicating.kind, complicating.before) == (
        "Changed",
        "Dad works nights and has not met the social worker yet.",
    )
    [scale] = changes.scales
    assert (scale.then, scale.now, scale.raters) == ("4.75", "5", "Sam Patel 4 → 5, Alex Morgan 5.5 → 6")
    assert changes.network == (
        ("Joined the network", "Grace Adeyemi"),
        ("Now know the worries", "Chris Sample, Grace Adeyemi"),
    )
    assert [event.when for event in over_time.chronology] == [
        "2022",
        "September 2025",
        "September 2026",
        "September 2026",
        "14 October 2026",
        "29 November 2026",
    ]


@pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")
def test_the_pdf_lists_outcomes_and_overdue_and_pseudonymised_names_nobody_in_full(
    demo: tuple[Store, DemoMeetings],
) -> None:
    store, made = demo
    bundle = store.load_bundle(made.follow_up)
    text = " ".join(all_text(minutes_pdf_bytes(bundle)).split())
    for words in (
        "Review of last time's next steps",
        "2 of 5 were overdue.",
        "Partly done · Overdue",
        "Not done · Overdue",
        "Carried forward",
        "What changed since last time",
        "(It said: Dad works nights and has not met the social worker yet.)",
        "4.75 → 5",
        "Chronology",
        "14 October 2026 Mum told the social worker about the arguments.",
    ):
        assert words in text, words
    assert text.index("2 of 5 were overdue.") < text.index("The assessment and planning map")

    hidden = " ".join(all_text(minutes_pdf_bytes(bundle, options=MinutesOptions(pseudonymise=True))).split())
    assert "Joined the network Aunt" in hidden and "Now know the worries Dad, Aunt" in hidden
    assert "Ask the health visitor how L is developing." in hidden
    for name in FAMILY:
        assert name not in hidden, name


@pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")
def test_a_first_meeting_has_no_review_and_no_changes(demo: tuple[Store, DemoMeetings]) -> None:
    store, made = demo
    text = " ".join(all_text(minutes_pdf_bytes(store.load_bundle(made.first))).split())
    assert "What changed since last time" not in text and "2 of 5 were overdue" not in text
    assert "Chronology When What happened Source" in text  # the case's chronology is in every meeting's minutes
