"""The family's copy of the safety plan as bytes, or written to a file all or nothing, on the minutes' marked pages.

As the minutes are made: the plain data is taken (:mod:`.content`, names chosen), the story built from it
(:mod:`.story`) and printed on :class:`~sos_desktop.exporters.minutes.page.MarkedDocument` (the protective marking,
the case and "Page N of M"); a password encrypts the bytes in memory; the file is written atomically.
"""

from __future__ import annotations

from pathlib import Path

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.family_plan.content import family_plan
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.models import MeetingBundle

DEFAULT_OPTIONS = MinutesOptions()
TITLE = "Our safety plan"


def family_plan_pdf_bytes(bundle: MeetingBundle, *, options: MinutesOptions = DEFAULT_OPTIONS) -> bytes:
    """The family's copy of ``bundle``'s safety plan as a PDF: real names unless ``options.pseudonymise``.

    Raises NoSafetyPlanError when the meeting has no safety plan.
    """
    from sos_desktop.exporters.family_plan.story import family_plan_story
    from sos_desktop.exporters.minutes.page import marked_pdf

    plan = family_plan(bundle, pseudonymise=options.pseudonymise)
    right = f"{TITLE} · {plan.page_date}" if plan.page_date else TITLE
    return marked_pdf(
        family_plan_story(plan),
        options,
        left=plan.case_label,
        right=right,
        title=TITLE,
        subject=f"The family's safety plan: {plan.case_label}",
        keyword="safety plan",
    )


def write_family_plan_pdf(bundle: MeetingBundle, path: Path, *, options: MinutesOptions = DEFAULT_OPTIONS) -> None:
    """Write the family's copy to ``path``, replacing any file there only once the new one is complete.

    Raises NoSafetyPlanError when there is no plan, ExportError in one sentence if the file cannot be written.
    """
    data = family_plan_pdf_bytes(bundle, options=options)
    write_export(Path(path), data, "The family's safety plan")
