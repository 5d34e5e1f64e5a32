"""Pinyin search keys, query folding and natural order of codes."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estatedesk.domain.search import normalize_query, pinyin_keys
from estatedesk.domain.sorting import natural_key


def keys(name: str) -> list[str]:
    return pinyin_keys(name).split(" ")


def test_pinyin_keys_give_full_spelling_and_initials() -> None:
    assert keys("张三") == ["zhangsan", "zs"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("王玥", {"wangyue", "wy"}),
        ("李喆", {"lizhe", "lz"}),
        ("张堃", {"zhangkun", "zk"}),
    ],
)
def test_rare_characters_outside_gb2312_have_pinyin(name: str, expected: set[str]) -> None:
    assert expected <= set(keys(name))


def test_polyphonic_surnames_get_every_reading() -> None:
    zeng = set(keys("曾伟"))
    assert {"zengwei", "zw", "cengwei", "cw"} <= zeng
    shan = set(keys("单雄"))
    assert {"shanxiong", "sx"} <= shan
    # only the surname is polyphonic here; the given name keeps one reading
    assert all(key.endswith(("xiong", "x")) for key in shan)


def test_pinyin_keys_of_nothing_and_of_non_chinese() -> None:
    assert pinyin_keys("") == ""
    assert "张" not in pinyin_keys("张三")
    assert pinyin_keys("买买提·艾力").split(" ")[0] == "maimaitiaili"


def test_normalize_query_folds_case_spaces_and_separators() -> None:
    assert normalize_query(" ZS ") == "zs"
    assert normalize_query("3-2-501") == "32501"
    assert normalize_query("138 0013-8000") == "13800138000"
    assert normalize_query("买买提·艾力") == "买买提艾力"
    assert normalize_query("王玥（租户）") == "王玥租户"


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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mary Smith", ""),
        ("A王", "wang w"),
        ("1号楼张三", "haolouzhangsan hlzs"),
        ("·", ""),
    ],
)
def test_names_that_do_not_start_with_a_chinese_character(name: str, expected: str) -> None:
    assert pinyin_keys(name) == expected


@settings(deadline=None)
@given(st.text(max_size=12))
def test_pinyin_keys_never_fail_and_are_ascii_words(name: str) -> None:
    for key in pinyin_keys(name).split():
        assert key.isascii() and key.isalpha()
