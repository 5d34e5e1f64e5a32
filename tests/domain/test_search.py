"""Pinyin search keys and query folding (domain/search.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estatedesk.domain.search import normalize_query, pinyin_keys


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
