"""Pinyin search keys and query folding (domain/search.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estatedesk.domain.search import (
    is_digit_word,
    landline_matches,
    normalize_query,
    phone_matches,
    pinyin_keys,
    query_words,
)


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


# ---------------------------------------------------------------- rooms as written, phones by their ends


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("3号楼2单元502室", "32502"),
        ("3号楼-2单元-502室", "32502"),
        ("3栋2单元502", "32502"),
        ("３－２－５０２", "32502"),  # full-width, from a Chinese input method
        ("3-2-502", "32502"),
        ("502室", "502"),
        ("3号楼", "3"),
        ("A座", "a"),
        ("１３８００１３８０００", "13800138000"),
        ("ＺＳ", "zs"),
        ("1号楼张三", "1号楼张三"),  # not a room: searched as typed
        ("3号楼2单元", "32"),  # a unit, read as the dialog reads the number box
        ("3栋2单元", "32"),
    ],
)
def test_rooms_are_searched_as_the_dialog_and_the_import_read_them(typed: str, folded: str) -> None:
    assert normalize_query(typed) == folded


def test_digits_typed_in_groups_are_one_number() -> None:
    assert query_words("138 0013 8000") == ["13800138000"]
    assert query_words("张三 138 0013") == ["张三", "1380013"]
    assert query_words("3 2 502") == ["32502"]
    assert query_words("zs  3-2-502") == ["zs", "32502"]
    assert query_words(" · ") == []


@pytest.mark.parametrize(
    "typed",
    ["3 号楼 2 单元 502 室", "3号楼 2单元 502室", "3 号楼2单元502室", "３ 号楼 ２ 单元 ５０２ 室"],
)
def test_a_room_written_with_spaces_is_one_word(typed: str) -> None:
    assert query_words(typed) == ["32502"]


@pytest.mark.parametrize(
    ("word", "found"),
    [
        ("0571", True),  # from the start of the whole number
        ("05718888", True),
        ("057188886666", True),
        ("8888", True),  # from the start of the local number
        ("88886666", True),
        ("6666", True),  # the local number's last four
        ("571", False),  # three digits find nothing
        ("5718", False),  # inside the area code
        ("8886", False),  # the hidden middle: 0571-****6666
        ("8866", False),
        ("18888", False),
        ("886666", False),  # the last four and hidden ones
    ],
)
def test_a_landline_is_found_by_either_start_or_its_last_four_digits(word: str, found: bool) -> None:
    assert landline_matches(word, "057188886666") is found


def test_landlines_with_three_digit_area_codes_local_numbers_alone_and_extensions() -> None:
    assert landline_matches("6234", "01062345678")  # 010-62345678
    assert landline_matches("5678", "01062345678")
    assert not landline_matches("1062", "01062345678")
    assert landline_matches("8888", "88886666") and landline_matches("6666", "88886666")
    assert not landline_matches("8886", "88886666")
    # 0571-88886666-123, folded: found by its starts and the local number's last four, not the extension
    assert landline_matches("0571", "057188886666123") and landline_matches("8888", "057188886666123")
    assert landline_matches("6666", "057188886666123")
    assert landline_matches("88886666123", "057188886666123")
    assert not landline_matches("6123", "057188886666123")


landlines = st.builds(
    lambda area, local: (area, local),
    st.sampled_from(["", "010", "021", "0571", "0755"]),
    st.text(alphabet="0123456789", min_size=7, max_size=8).map(lambda rest: "8" + rest[1:]),
)


@given(landlines, st.integers(0, 12), st.integers(1, 12))
def test_only_a_start_of_four_or_more_digits_or_the_last_four_find_a_landline(
    number: tuple[str, str], start: int, length: int
) -> None:
    area, local = number
    whole = area + local
    word = whole[start : start + length]
    expected = len(word) >= 4 and (whole.startswith(word) or local.startswith(word) or local[-4:] == word)
    assert landline_matches(word, whole) is expected


def test_a_phone_is_found_by_its_start_or_its_last_four_digits() -> None:
    phones = "13812345678、、19500003962"
    assert phone_matches("1381", phones)
    assert phone_matches("13812345678", phones)
    assert phone_matches("5678", phones)
    assert phone_matches("3962", phones)
    assert phone_matches("1950000", phones)
    assert not phone_matches("138", phones)  # three digits find no phone
    assert not phone_matches("2345", phones)  # the hidden middle, 138****5678
    assert not phone_matches("45678", phones)  # the last four and a hidden one
    assert not phone_matches("1234567", phones)


mobiles = st.text(alphabet="0123456789", min_size=10, max_size=10).map(lambda rest: "1" + rest)


@given(mobiles, st.integers(0, 10), st.integers(1, 11))
def test_only_a_start_of_four_or_more_digits_or_the_last_four_find_a_phone(
    phone: str, start: int, length: int
) -> None:
    word = phone[start : start + length]
    expected = len(word) >= 4 and (phone.startswith(word) or phone[-4:] == word)
    assert phone_matches(word, phone) is expected
    assert phone_matches(word, f"、{phone}、13900000000") is (expected or phone_matches(word, "13900000000"))


@given(st.text(max_size=12))
def test_digit_words_are_ascii_digits_only(word: str) -> None:
    assert is_digit_word(word) == (word != "" and all(char in "0123456789" for char in word))
