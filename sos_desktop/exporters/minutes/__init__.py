"""PDF minutes of a meeting and the facilitator's feedback report, printed with reportlab on marked pages.

Importing this package does not import reportlab: only making a PDF does. See :mod:`.write` for the entry points.
"""

from sos_desktop.exporters.minutes.options import DEFAULT_MARKING, MinutesOptions
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
