"""The family's copy of a meeting's Words and Pictures stories, as a PDF: a title page per story, then its panels in
order, each with its picture and its words in large type.

Importing this package imports neither reportlab nor the writer: each name below is loaded when first used, as the
family's safety plan does, so the command line stays quick to start. See :mod:`.write` for the entry points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sos_desktop.lazy_names import homes, loader

if TYPE_CHECKING:
    from sos_desktop.exporters.words_pictures.content import NoStoryError as NoStoryError
    from sos_desktop.exporters.words_pictures.content import has_story as has_story
    from sos_desktop.exporters.words_pictures.write import words_pictures_pdf_bytes, write_words_pictures_pdf

__all__ = ["NoStoryError", "has_story", "words_pictures_pdf_bytes", "write_words_pictures_pdf"]
__getattr__ = loader(
    __name__,
    homes(content=["NoStoryError", "has_story"], write=["words_pictures_pdf_bytes", "write_words_pictures_pdf"]),
)
