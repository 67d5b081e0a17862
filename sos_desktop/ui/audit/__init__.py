"""The team's audit across cases: the audit window (figures per case, filters, charts, exports) and the joint case
audit form.
"""
