"""Natural order of room codes and other texts (domain/sorting.py)."""

from __future__ import annotations

import itertools
import random

from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.sorting import natural_key


def test_natural_key_orders_room_codes_like_people_read_them() -> None:
    codes = ["3-2-1002", "10-1-101", "3-2-501", "2-1-101", "3-10-101", "3-2-502", "3-2-99", "A-1-1"]
    expected = ["2-1-101", "3-2-99", "3-2-501", "3-2-502", "3-2-1002", "3-10-101", "10-1-101", "A-1-1"]
    shuffled = codes[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=natural_key) == expected


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_natural_key_compares_numbers_by_value(a: int, b: int) -> None:
    left, right = natural_key(f"3-2-{a}"), natural_key(f"3-2-{b}")
    assert (left < right) == (a < b)
    assert (left == right) == (a == b)


@given(st.lists(st.text(alphabet="0123456789-AB东", max_size=8), max_size=20))
def test_natural_key_sorts_any_mix_of_texts_without_error(texts: list[str]) -> None:
    ordered = sorted(texts, key=natural_key)
    assert sorted(ordered) == sorted(texts)
    assert all(natural_key(a) <= natural_key(b) for a, b in itertools.pairwise(ordered))
