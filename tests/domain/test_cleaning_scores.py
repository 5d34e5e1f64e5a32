"""Inspection scores and the month's bands (RULES.md §5: 奖励20%、鼓励70%、淘汰10%), ties included."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.cleaning_scores import Band, band_sizes, parse_score, rank, score_after
from estatedesk.domain.errors import ValidationError


def bands_of(averages: list[int]) -> list[Band]:
    ranked = rank({key: [score] for key, score in enumerate(averages)}, 20, 10)
    return [entry.band for entry in sorted(ranked, key=lambda entry: entry.key)]


def test_ten_distinct_scores_give_two_commended_and_one_flagged() -> None:
    bands = bands_of([91, 95, 60, 88, 72, 80, 77, 85, 66, 93])
    assert bands.count(Band.COMMENDED) == 2 and bands.count(Band.FLAGGED) == 1
    assert bands[1] == bands[9] == Band.COMMENDED and bands[2] == Band.FLAGGED


def test_equals_share_their_band() -> None:
    # five cleaners: one commended, one flagged; two tied for first are both commended, two tied
    # for last both followed up
    assert bands_of([90, 90, 80, 70, 70]) == [
        Band.COMMENDED, Band.COMMENDED, Band.MIDDLE, Band.FLAGGED, Band.FLAGGED
    ]  # fmt: skip
    # a team all scoring alike cannot be told apart: nobody commended, nobody flagged
    assert bands_of([80] * 5) == [Band.MIDDLE] * 5
    ranked = rank({1: [90], 2: [90], 3: [80]}, 20, 10)
    assert [(entry.key, entry.rank) for entry in ranked] == [(1, 1), (2, 1), (3, 3)]


def test_band_sizes_round_half_up_and_never_overlap() -> None:
    assert band_sizes(10, 20, 10) == (2, 1)
    assert band_sizes(5, 20, 10) == (1, 1)
    assert band_sizes(3, 20, 10) == (1, 0)
    assert band_sizes(1, 60, 60) == (1, 0)


@given(st.lists(st.integers(min_value=60, max_value=100), min_size=1, max_size=30))
def test_distinct_averages_fill_the_bands_exactly(scores: list[int]) -> None:
    distinct = sorted(set(scores))
    bands = bands_of(distinct)
    top, bottom = band_sizes(len(distinct), 20, 10)
    assert bands.count(Band.COMMENDED) == top and bands.count(Band.FLAGGED) == bottom
    ranked = rank({key: [score] for key, score in enumerate(distinct)}, 20, 10)
    assert [entry.average for entry in ranked] == sorted((Fraction(s) for s in distinct), reverse=True)


def test_a_score_is_a_whole_number_from_0_to_100() -> None:
    assert parse_score(" 87 ") == 87 and parse_score("0") == 0
    for typed in ("", "101", "-1", "8.5", "abc", "²"):
        with pytest.raises(ValidationError) as refused:
            parse_score(typed)
        assert refused.value.field == "score"
    assert score_after([(5, 2), (3, 1)]) == 87 and score_after([(10, 20)]) == 0
