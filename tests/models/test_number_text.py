"""Numbers are written one way everywhere (console, projector, pictures, minutes): decimals, at most two places."""

from __future__ import annotations

import pytest

from sos_desktop.models.scaling import ScaleRating, number_text, spread


@pytest.mark.parametrize(
    ("value", "text"),
    [(4, "4"), (4.0, "4"), (4.5, "4.5"), (4.75, "4.75"), (10, "10"), (0, "0"), (0.5, "0.5"), (4.666, "4.67")],
)
def test_numbers_are_decimals_with_no_trailing_zeros(value: float, text: str) -> None:
    assert number_text(value) == text


def test_the_median_of_two_middle_numbers_is_their_mean_and_is_written_out() -> None:
    found = spread([ScaleRating("Sam Patel", 4), ScaleRating("Alex Morgan", 5.5)])
    assert found is not None
    assert number_text(found.median) == "4.75"  # not "4½", and not rounded to a half
