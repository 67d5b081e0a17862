"""PDF minutes of a meeting and the facilitator's feedback report, printed with reportlab on marked pages.

Importing this package imports neither reportlab nor the writer: each name below is loaded when first used, so
that the options (:mod:`.options`) stay light for the command line's parser and the console's start-up. See
:mod:`.write` for the entry points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sos_desktop.lazy_names import homes, loader

if TYPE_CHECKING:
    from sos_desktop.exporters.minutes.marking import DEFAULT_MARKING as DEFAULT_MARKING
    from sos_desktop.exporters.minutes.options import MinutesOptions as MinutesOptions
    from sos_desktop.exporters.minutes.write import (
        feedback_pdf_bytes,
        minutes_pdf_bytes,
        write_feedback_pdf,
        write_minutes_pdf,
    )

__all__ = [
    "DEFAULT_MARKING",
    "MinutesOptions",
    "feedback_pdf_bytes",
    "minutes_pdf_bytes",
    "write_feedback_pdf",
    "write_minutes_pdf",
]
__getattr__ = loader(
    __name__,
    homes(
        options=["DEFAULT_MARKING", "MinutesOptions"],
        write=["feedback_pdf_bytes", "minutes_pdf_bytes", "write_feedback_pdf", "write_minutes_pdf"],
    ),
)
