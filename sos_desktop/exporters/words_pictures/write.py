"""The family's copy of Words and Pictures as bytes, or written to a file all or nothing, on the minutes' marked pages.

As the family's safety plan is made: the plain data is taken (:mod:`.content`, names chosen), the story built from
it (:mod:`.story`) and printed on :class:`~sos_desktop.exporters.minutes.page.MarkedDocument` (the protective
marking, the case and "Page N of M"); a password encrypts the bytes in memory; the file is written atomically. The
file's title is "Words and Pictures", never a story's own title (which may name the child).
"""

from __future__ import annotations

from pathlib import Path

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.exporters.words_pictures.content import words_pictures_copy
from sos_desktop.models import MeetingBundle

DEFAULT_OPTIONS = MinutesOptions()
TITLE = "Words and Pictures"


def words_pictures_pdf_bytes(bundle: MeetingBundle, *, options: MinutesOptions = DEFAULT_OPTIONS) -> bytes:
    """The family's copy of ``bundle``'s Words and Pictures as a PDF: real names unless ``options.pseudonymise``.

    Raises NoStoryError when the meeting has no story with panels.
    """
    from sos_desktop.exporters.minutes.page import marked_pdf
    from sos_desktop.exporters.words_pictures.story import words_pictures_story

    copy = words_pictures_copy(bundle, pseudonymise=options.pseudonymise)
    right = f"{TITLE} · {copy.page_date}" if copy.page_date else TITLE
    return marked_pdf(
        words_pictures_story(copy),
        options,
        left=copy.case_label,
        right=right,
        title=TITLE,
        subject=f"Words and Pictures: {copy.case_label}",
        keyword="words and pictures",
    )


def write_words_pictures_pdf(bundle: MeetingBundle, path: Path, *, options: MinutesOptions = DEFAULT_OPTIONS) -> None:
    """Write the family's copy to ``path``, replacing any file there only once the new one is complete.

    Raises NoStoryError when there is no story, ExportError in one sentence if the file cannot be written.
    """
    data = words_pictures_pdf_bytes(bundle, options=options)
    write_export(Path(path), data, "The Words and Pictures")
