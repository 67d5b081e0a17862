"""The team's best questions on the console: kept in one keystroke during a meeting (``capture``), offered as prompts
for the phase and category in hand (``prompts``), and kept in the team's library (``library``).

The room never reaches the projector itself: the prompts ask for a question to go on the wall by a signal, and the
shell puts it there only then.
"""
