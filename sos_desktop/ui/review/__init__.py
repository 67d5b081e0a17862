"""The "Since last time" page: the review of last time's next steps and what changed since the meeting before."""
