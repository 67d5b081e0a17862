"""Migration scripts, one per schema revision, oldest first; each is written (or checked) by hand."""
