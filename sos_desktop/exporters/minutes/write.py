"""The public ways to the minutes and the feedback report: as bytes, or written to a file all or nothing.

reportlab is imported only when a PDF is made, so importing the exporters (which the app does at start-up) stays
cheap. The template method: the snapshot is taken (plain data, names chosen), the story is built from it, and the
marked page template prints it; a password encrypts the bytes in memory (AES-256, :mod:`.protection`); the bytes
are written atomically, so a failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.minutes.naming import Namer
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.exporters.minutes.snapshot import Heading, heading_of, minutes_snapshot
from sos_desktop.exporters.minutes.snapshot_parts import feedback_view
from sos_desktop.models import Meeting, MeetingBundle, Observations

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

DEFAULT_OPTIONS = MinutesOptions()


def minutes_pdf_bytes(
    bundle: MeetingBundle,
    *,
    case_meetings: Sequence[Meeting] | None = None,
    options: MinutesOptions = DEFAULT_OPTIONS,
) -> bytes:
    """The minutes of ``bundle``'s meeting as a PDF; ``case_meetings`` (the case's meetings, this one among them or
    not) give each scale its trajectory.
    """
    from sos_desktop.exporters.minutes.story import minutes_story

    snapshot = minutes_snapshot(bundle, options, case_meetings)
    heading = snapshot.heading
    return _render(
        minutes_story(snapshot),
        options,
        heading,
        title=heading.title,
        subject=f"Minutes of a {heading.kind.lower()}: {heading.case_label}",
    )


def write_minutes_pdf(
    bundle: MeetingBundle,
    path: Path,
    *,
    case_meetings: Sequence[Meeting] | None = None,
    options: MinutesOptions = DEFAULT_OPTIONS,
) -> None:
    """Write the minutes to ``path``, replacing any file there only once the new one is complete.

    Raises ExportError, in one sentence, if the file cannot be written; nothing is left behind then.
    """
    data = minutes_pdf_bytes(bundle, case_meetings=case_meetings, options=options)
    write_export(Path(path), data, "The minutes")


def feedback_pdf_bytes(
    bundle: MeetingBundle,
    *,
    facilitated: Sequence[tuple[Meeting, Observations]] = (),
    options: MinutesOptions = DEFAULT_OPTIONS,
) -> bytes:
    """The facilitator's feedback report on ``bundle``'s meeting, with their development across ``facilitated``
    (each meeting they ran with its observations, as ``Store.facilitated(name)`` gives them).
    """
    from sos_desktop.exporters.minutes.development import development_view
    from sos_desktop.exporters.minutes.feedback import FeedbackReport, feedback_story, report_title
    from sos_desktop.models.development import facilitator_of

    namer = Namer(bundle, pseudonymise=options.pseudonymise)
    heading = heading_of(bundle, namer)
    facilitator = facilitator_of(bundle.meeting)
    report = FeedbackReport(
        heading=heading,
        facilitator=namer.name(facilitator),
        feedback=feedback_view(bundle.meeting, namer),
        development=development_view(namer.name(facilitator), list(facilitated), pseudonymise=options.pseudonymise),
    )
    return _render(
        feedback_story(report),
        options,
        heading,
        title=report_title(report),
        subject=f"Feedback on the facilitation of a {heading.kind.lower()}",
    )


def write_feedback_pdf(
    bundle: MeetingBundle,
    path: Path,
    *,
    facilitated: Sequence[tuple[Meeting, Observations]] = (),
    options: MinutesOptions = DEFAULT_OPTIONS,
) -> None:
    """Write the feedback report to ``path`` all or nothing; ExportError in one sentence if it cannot be."""
    data = feedback_pdf_bytes(bundle, facilitated=facilitated, options=options)
    write_export(Path(path), data, "The feedback report")


def _render(story: list[Flowable], options: MinutesOptions, heading: Heading, *, title: str, subject: str) -> bytes:
    from sos_desktop.exporters.minutes.page import marked_pdf

    right = f"{heading.title} · {heading.date}" if heading.date else heading.title
    return marked_pdf(
        story, options, left=heading.case_label, right=right, title=title, subject=subject, keyword=heading.framework
    )
