"""Pinyin order (domain/collation.py): as Excel and WPS sort a column of Chinese names."""

from __future__ import annotations

from estatedesk.domain.collation import pinyin_sort_key


def ordered(*names: str) -> list[str]:
    return sorted(names, key=pinyin_sort_key)


def test_names_sort_by_the_pinyin_of_each_character_in_turn() -> None:
    assert ordered("张三", "李四", "王五", "赵六", "安宁") == ["安宁", "李四", "王五", "张三", "赵六"]
    assert ordered("张伟", "张三", "张安") == ["张安", "张三", "张伟"]  # second character decides


def test_one_syllable_sorts_by_tone() -> None:
    assert ordered("骂", "马", "麻", "妈") == ["妈", "麻", "马", "骂"]  # mā má mǎ mà


def test_a_shorter_syllable_comes_first_and_a_name_before_its_longer_form() -> None:
    assert ordered("满", "马") == ["马", "满"]  # ma before man
    assert ordered("张三丰", "张三") == ["张三", "张三丰"]


def test_latin_names_are_mixed_in_by_letter_and_digits_come_first() -> None:
    assert ordered("Mary", "马丽", "Zoe", "安宁", "3号商铺", "lily") == [
        "3号商铺",
        "安宁",
        "lily",
        "马丽",
        "Mary",
        "Zoe",
    ]


def test_co_owners_sort_by_the_first_then_the_next() -> None:
    assert ordered("张三、李四", "张三", "张、王五") == ["张、王五", "张三", "张三、李四"]


def test_characters_outside_gb2312_sort_by_their_reading() -> None:
    assert ordered("王玥", "王月", "王喆") == ["王月", "王玥", "王喆"]  # yuè yuè zhé: alike read, then fixed


def test_the_same_name_always_gets_the_same_key() -> None:
    assert pinyin_sort_key("欧阳娜娜") == pinyin_sort_key("欧阳娜娜")
    assert pinyin_sort_key("") == ""
