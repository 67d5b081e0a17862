"""Everyday English words that are also first names or surnames ("will", "rose", "mark", "baker").

Name hiding matches a first or last name on its own in any case ("zoë's" is Zoë's), except a name that is also one
of these words: written in lower case it is taken for the word ("they will call", "a rose", "the bell rang"), and
only capitalised or in capitals for the name. The list is deliberately of common words only: a name missing from
it is hidden in lower case too, which errs on the side of the family's privacy.
"""

from __future__ import annotations

COMMON_WORDS = frozenset(
    """
    a an and april art august autumn baker bank banks bell berry bill bird black bloom blossom bond brook brown
    bush butcher butler candy carter chance chase cherry clay cliff coal cook cooper crane crystal daisy dale
    dawn day dean dell dew diamond dot drew duke dusty earl east eve ever faith fern field fields fish fisher
    fletcher ford forest fox frank free gale gay gem gene glen gold golden grace grant gray green grey grove guy
    hale hall hart hazel heath heather hill holly honey hope hunter iris ivy jack jade jay jean jewel jimmy joy
    june just king knight lake lamb lance lane law lea lee lily long love major march mark marsh mason
    may mercy miles mill miller moon moss neat new nick noble north oak page park parker pat patience
    peach pearl penny pepper pierce piper pool poppy porter potter price prince quest rain ray read reed rich
    river rob robin rock rose rowan ruby rush rust sage saint sandy shepherd short silver sky slater
    smith snow south spring star steel sterling stone storm strong summer sun sunny swan tanner taylor
    thatcher tiger tucker turner van violet wade walker wall ward warren water waters wells west white
    wild will willow winter wolf wood woods wren young
    """.split()  # noqa: SIM905 (a list of words reads best as words)
)
"""The words, folded (lower case, no accents), one each."""
