"""Benchmark of the PDF minutes: a large meeting's minutes, from bundle to bytes.

Run: ``.venv/bin/python bench/bench_minutes.py`` (``--quick`` for fewer runs; no Qt needed). The large meeting has
300 map items, a network of 60 people, 20 scales of 12 ratings each and 5 earlier meetings of the case rated on the
same questions, so every scale has a trajectory. Target: the minutes in <= 1 s (median of the runs). The first
run, which registers the fonts and imports reportlab, is timed apart and not counted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta

from sos_desktop.models import (
    AttendeeRole,
    Case,
    Category,
    ChildVoiceEntry,
    Circle,
    House,
    MapItem,
    Meeting,
    MeetingBundle,
    Network,
    NetworkPerson,
    NextStepStatus,
    PersonRole,
    Scale,
    ScaleRating,
    Tie,
    TieKind,
)
from sos_desktop.models.demo import default_agenda
from sos_desktop.models.meeting import Attendee

TARGET_S = 1.0
RUNS = 7
QUICK_RUNS = 3
ITEMS, PEOPLE, SCALES, RATINGS, EARLIER = 300, 60, 20, 12, 5

_WORDS = (
    "Mum Dad Nan said that the children were at home when the argument started and the neighbour called the "
    "police school reports Lily arrives hungry on Mondays health visitor saw bruising family support worker visits"
)


def _sentence(rng: random.Random, words: int) -> str:
    vocabulary = _WORDS.split()
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def _network(rng: random.Random) -> Network:
    roles = [PersonRole.CHILD] * 3 + [PersonRole.PARENT] * 2
    roles += [rng.choice([PersonRole.FAMILY, PersonRole.FRIEND, PersonRole.COMMUNITY]) for _ in range(PEOPLE - 15)]
    roles += [PersonRole.PROFESSIONAL] * 10
    people = [
        NetworkPerson(
            f"Person{number} Surname{number}",
            id=number,
            role=role,
            circle=rng.choice([Circle.INNER, Circle.OUTER, None]),
            knows_worries=rng.random() < 0.5,
        )
        for number, role in enumerate(roles, start=1)
    ]
    ties = [Tie(4, 1, TieKind.PARENT), Tie(5, 1, TieKind.PARENT), Tie(4, 5, TieKind.PARTNER)]
    ties += [Tie(number, rng.randint(1, number - 1), rng.choice(list(TieKind))) for number in range(6, PEOPLE + 1)]
    return Network(people=people, ties=ties)


def _scales(rng: random.Random, shift: float = 0.0) -> list[Scale]:
    def value() -> float:
        return max(0.0, min(10.0, round(rng.uniform(2, 8) + shift)))

    return [
        Scale(
            question=f"Scale {number}: where do you rate this situation?",
            zero_means="The children cannot live at home.",
            ten_means="The case can close.",
            id=number,
            ratings=[ScaleRating(f"Rater {k}", value(), _sentence(rng, 12), _sentence(rng, 8)) for k in range(RATINGS)],
        )
        for number in range(1, SCALES + 1)
    ]


def large_meeting(seed: int = 3) -> tuple[MeetingBundle, list[Meeting]]:
    """The large meeting's bundle and the case's meetings (the earlier five and this one)."""
    rng = random.Random(seed)
    categories = list(Category)
    items = []
    for number in range(1, ITEMS + 1):
        category = categories[number % len(categories)]
        item = MapItem(category, _sentence(rng, rng.randint(8, 40)), id=number, said_by=f"Rater {number % 12}")
        if category is Category.NEXT_STEP:
            item.owner, item.due, item.status = "Rater 1", date(2026, 12, 5), rng.choice(list(NextStepStatus))
        items.append(item)
    dangers = [item for item in items if item.category is Category.DANGER]
    goals = [item for item in items if item.category is Category.GOAL]
    for danger, goal in zip(dangers, goals, strict=False):
        danger.pairs_with, goal.pairs_with = goal.id, danger.id
    held_on = datetime(2026, 11, 21, 10, 0)
    meeting = Meeting(
        "Review (large)",
        id=100,
        held_on=held_on,
        focus_question=_sentence(rng, 20),
        attendees=[Attendee(f"Rater {k}", AttendeeRole.PARTICIPANT) for k in range(RATINGS)],
        agenda=default_agenda(),
        items=items,
        scales=_scales(rng),
        child_voice=[ChildVoiceEntry(rng.choice(list(House)), _sentence(rng, 10), 1, True) for _ in range(12)],
        summary=_sentence(rng, 60),
    )
    earlier = [
        Meeting(f"Review {k}", id=k, held_on=held_on - timedelta(weeks=6 * (EARLIER - k + 1)), scales=_scales(rng, -2))
        for k in range(1, EARLIER + 1)
    ]
    bundle = MeetingBundle(Case("Family Large (invented)", "BENCH-1"), meeting, _network(rng))
    return bundle, [*earlier, meeting]


def measure(runs: int) -> tuple[float, list[float], int]:
    """The first run's seconds (imports, fonts), the later runs' seconds, and the PDF's size in bytes."""
    from sos_desktop.exporters.minutes import minutes_pdf_bytes

    bundle, meetings = large_meeting()
    started = time.perf_counter()
    data = minutes_pdf_bytes(bundle, case_meetings=meetings)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        minutes_pdf_bytes(bundle, case_meetings=meetings)
        times.append(time.perf_counter() - started)
    return first, times, len(data)


def bare_reportlab_pdf(bundle: MeetingBundle) -> bytes:
    """The baseline: plain reportlab (built-in Helvetica, SimpleDocTemplate) setting the same words in a comparable
    document: a heading, every card as a paragraph, every scale as a table of its ratings.
    """
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    meeting = bundle.meeting
    story: list[object] = [
        Paragraph(meeting.title, styles["Title"]),
        Paragraph(meeting.focus_question, styles["BodyText"]),
    ]
    story += [Paragraph(f"{item.category.value}: {item.text}", styles["BodyText"]) for item in meeting.items]
    for scale in meeting.scales:
        story.append(Paragraph(scale.question, styles["Heading3"]))
        rows = [
            [
                Paragraph(r.rater, styles["BodyText"]),
                f"{r.value:g}",
                Paragraph(f"{r.reason} {r.one_point_higher}", styles["BodyText"]),
            ]
            for r in scale.ratings
        ]
        story.append(Table(rows, colWidths=[100, 40, 300]))
    story += [Paragraph(person.name, styles["BodyText"]) for person in bundle.network.people]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)  # type: ignore[arg-type]
    return out.getvalue()


def measure_bare(runs: int) -> list[float]:
    """Seconds for each plain-reportlab build of the comparable document (after one untimed warm-up)."""
    bundle, _ = large_meeting()
    bare_reportlab_pdf(bundle)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        bare_reportlab_pdf(bundle)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    first, times, size = measure(QUICK_RUNS if args.quick else RUNS)
    median = statistics.median(times)
    bare = statistics.median(measure_bare(QUICK_RUNS if args.quick else RUNS))
    verdict = "OK" if median <= TARGET_S else "TOO SLOW"
    print(f"first run (imports, fonts): {first:.2f} s; {size / 1024:.0f} KiB")
    print(
        f"minutes of {ITEMS} items, {PEOPLE} people, {SCALES}x{RATINGS} ratings, {EARLIER} earlier meetings: "
        f"median {median:.2f} s of {len(times)} runs (target <= {TARGET_S:.1f} s) {verdict}; "
        f"bare reportlab, a comparable document: {bare:.2f} s"
    )
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
