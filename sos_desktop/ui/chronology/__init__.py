"""The Chronology page: the case's significant events, added, changed and sorted on the console."""
