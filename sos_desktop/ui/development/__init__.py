"""The development room: a practice leader's development plan over the two-year trajectory (Practice ›
Development plan…), with their own ratings beside the observers' and the report PDF for their appraisal.
"""
