"""The family's copy of Words and Pictures as bytes, or written to a file all or nothing, on the minutes' marked pages.

As the family's safety plan is made: the plain data is taken (:mod:`.content`, names chosen), the story built from
it (:mod:`.story`) and printed on :class:`~sos_desktop.exporters.minutes.page.MarkedDocument` (the protective
marking, the case and "Page N of M"); a password encrypts the bytes in memory; the file is written atomically. The
file's title is "Words and Pictures", never a story's own title (which may name the child).
"""

from __future__ import annotations

import io
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
    from sos_desktop.exporters.minutes.page import MarkedDocument
    from sos_desktop.exporters.minutes.protection import protect
    from sos_desktop.exporters.words_pictures.story import words_pictures_story

    copy = words_pictures_copy(bundle, pseudonymise=options.pseudonymise)
    buffer = io.BytesIO()
    document = MarkedDocument(
        buffer,
        marking=options.marking,
        left=copy.case_label,
        right=f"{TITLE} · {copy.page_date}" if copy.page_date else TITLE,
        title=TITLE,
        subject=f"Words and Pictures: {copy.case_label}",
        keywords=[options.marking, "words and pictures"],
    )
    document.build(words_pictures_story(copy))
    if options.password:
        return protect(buffer.getvalue(), options.password)
    return buffer.getvalue()


def write_words_pictures_pdf(bundle: MeetingBundle, path: Path, *, options: MinutesOptions = DEFAULT_OPTIONS) -> None:
    """Write the family's copy to ``path``, replacing any file there only once the new one is complete.

    Raises NoStoryError when there is no story, ExportError in one sentence if the file cannot be written.
    """
    data = words_pictures_pdf_bytes(bundle, options=options)
    write_export(Path(path), data, "The Words and Pictures")
