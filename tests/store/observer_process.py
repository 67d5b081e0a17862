"""A second process standing for the observer's laptop: it adds notes (and one rating) to a meeting's feedback
through its own Store on the shared database, saying "committed N T" (T its monotonic clock) after each commit.

Run as ``python observer_process.py URL MEETING_ID COUNT LABEL``; COUNT 0 means until it is killed.
"""

from __future__ import annotations

import copy
import itertools
import sys
import time

from sos_desktop.models import ObservationNote, RubricRating
from sos_desktop.store import Store


def main(argv: list[str]) -> None:
    url, meeting_id, count, label = argv[1], int(argv[2]), int(argv[3]), argv[4]
    store = Store.open(url)
    for number in itertools.count() if count == 0 else range(count):
        base = store.observer_feedback(meeting_id)[0]
        changed = copy.deepcopy(base)
        changed.notes.append(ObservationNote(f"{label} {number}", float(number), "purpose"))
        if number == 0:
            changed.ratings.append(RubricRating(f"Rated by {label}", 7.5, "Kept to time"))
        store.set_observations(meeting_id, changed, base)
        print(f"committed {number} {time.monotonic()}", flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv)
