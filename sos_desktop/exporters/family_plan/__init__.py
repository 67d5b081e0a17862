"""The family's own copy of the safety plan, as a PDF in plain words and large type, with space to sign.

Importing this package imports neither reportlab nor the writer: each name below is loaded when first used, as the
minutes' package does, so the command line stays quick to start. See :mod:`.write` for the entry points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sos_desktop.lazy_names import homes, loader

if TYPE_CHECKING:
    from sos_desktop.exporters.family_plan.content import NoSafetyPlanError as NoSafetyPlanError
    from sos_desktop.exporters.family_plan.write import family_plan_pdf_bytes, write_family_plan_pdf

__all__ = ["NoSafetyPlanError", "family_plan_pdf_bytes", "write_family_plan_pdf"]
__getattr__ = loader(
    __name__,
    homes(content=["NoSafetyPlanError"], write=["family_plan_pdf_bytes", "write_family_plan_pdf"]),
)
