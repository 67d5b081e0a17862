"""The development report PDF for a practice leader's appraisal: their plan over the two-year trajectory, their own
ratings beside the observers', what the observers said of the evidence meetings, and the sign-offs.
"""

from sos_desktop.exporters.development_plan.write import development_report_bytes, write_development_report

__all__ = ["development_report_bytes", "write_development_report"]
