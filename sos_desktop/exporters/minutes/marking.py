"""The protective marking printed on every page of the minutes, by default: light enough for the command line's
parser to name it in its help without importing the exporters.
"""

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
"""The Government Security Classifications marking that councils put on case records."""
