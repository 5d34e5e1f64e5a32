"""Money (domain/money.py, RULES.md §3): yuan typed in, yuan shown, amounts in capitals (大写)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.money import MAX_FEN, capitals, format_yuan, parse_yuan, read_capitals

ONE_YI_YUAN = 10_000_000_000  # fen


# RULES.md §3, verbatim: the form capitals() writes, and the other allowed forms it reads back.
@pytest.mark.parametrize(
    ("fen", "written"),
    [
        (12345, "人民币壹佰贰拾叁元肆角伍分"),
        (168032, "人民币壹仟陆佰捌拾元零叁角贰分"),
        (10700053, "人民币壹拾万柒仟元零伍角叁分"),
        (1000, "人民币壹拾元整"),
    ],
)
def test_rules_examples(fen: int, written: str) -> None:
    assert capitals(fen) == written
    assert read_capitals(written) == fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("人民币壹仟陆佰捌拾元叁角贰分", 168032),  # the 元 place's 零 left out
        ("壹仟陆佰捌拾元零叁角贰分", 168032),  # without the prefix
        ("人民币壹拾万零柒仟元零伍角叁分", 10700053),  # the 万 place's 零 written
        ("人民币壹拾万柒仟元伍角叁分", 10700053),
        ("人民币壹拾元正", 1000),  # 正 for 整
        ("人民币壹角", 10),  # 整 may follow 角, need not
        ("人民币壹佰元伍角", 10050),
    ],
)
def test_reads_the_other_allowed_forms(text: str, fen: int) -> None:
    assert read_capitals(text) == fen


@pytest.mark.parametrize(
    ("fen", "written"),
    [
        (0, "人民币零元整"),
        (1, "人民币壹分"),
        (5, "人民币伍分"),
        (10, "人民币壹角整"),
        (100, "人民币壹元整"),
        (1000, "人民币壹拾元整"),
        (1001, "人民币壹拾元零壹分"),
        (1011, "人民币壹拾元零壹角壹分"),
        (10000, "人民币壹佰元整"),
        (10050, "人民币壹佰元零伍角整"),
        (10102, "人民币壹佰零壹元零贰分"),
        (100005, "人民币壹仟元零伍分"),
        (1000000, "人民币壹万元整"),
        (10050000, "人民币壹拾万零伍佰元整"),
        (10000053, "人民币壹拾万元零伍角叁分"),
        (100000000, "人民币壹佰万元整"),
        (10001000000, "人民币壹亿零壹万元整"),
        (10000000100, "人民币壹亿零壹元整"),
        (11000000000, "人民币壹亿壹仟万元整"),
        (101000000000, "人民币壹拾亿壹仟万元整"),
        (ONE_YI_YUAN, "人民币壹亿元整"),
        (MAX_FEN, "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_tricky_values(fen: int, written: str) -> None:
    assert capitals(fen) == written
    assert read_capitals(written) == fen


@pytest.mark.parametrize("fen", [-1, MAX_FEN + 1])
def test_capitals_refuses_what_it_cannot_write(fen: int) -> None:
    with pytest.raises(ValueError, match="capitals"):
        capitals(fen)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "人民币",
        "拾元整",  # 壹拾, never a bare 拾
        "人民币壹拾元零零壹分",  # several zeros are one 零
        "人民币壹分整",  # never 整 after 分
        "人民币壹元整整",
        "人民币壹仟零元整",  # no 零 at the end of the yuan
        "人民币壹佰万万元整",
        "人民币壹万亿元整",
        "人民币壹壹元整",
        "人民币叁角壹元",
        "人民币一百元整",  # everyday digits are not capitals
        "人民币壹拾元零壹角分",
    ],
)
def test_read_capitals_refuses_malformed_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"capitals|digit|unit"):
        read_capitals(text)


@given(st.integers(0, ONE_YI_YUAN) | st.integers(0, MAX_FEN))
@example(0)
@example(ONE_YI_YUAN)
def test_capitals_round_trip_and_shape(fen: int) -> None:
    written = capitals(fen)
    assert read_capitals(written) == fen
    assert written.startswith("人民币")
    assert "零零" not in written
    assert not written.endswith("零")
    assert "分整" not in written
    assert written.endswith("分") or written.endswith("整")


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("360", 36000),
        ("360.5", 36050),
        ("360.50", 36050),
        ("1,234.56", 123456),
        ("1,234,567", 123456700),
        ("0.01", 1),
        ("３６０．５", 36050),  # full-width digits and point
        ("１，２３４．５６", 123456),
        ("360元", 36000),
        ("¥360", 36000),
        ("￥ 1,234.56", 123456),
        ("  360  ", 36000),
        ("+360", 36000),
    ],
)
def test_parse_yuan_reads(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "enter the amount"),
        ("  ", "enter the amount"),
        ("元", "is not an amount"),
        ("1e3", "is not an amount"),
        ("1_000", "is not an amount"),
        ("12,34", "is not an amount"),
        ("1,2345", "is not an amount"),
        ("360,5", "is not an amount"),
        ("1.234,56", "is not an amount"),
        (".5", "is not an amount"),
        ("360.", "is not an amount"),
        ("三百六十", "is not an amount"),
        ("٣٦٠", "is not an amount"),  # Arabic-Indic digits
        ("360 yuan", "is not an amount"),
        ("NaN", "is not an amount"),
        ("360.505", "at most 2 decimals"),
        ("360.500", "at most 2 decimals"),
        ("0", "above 0"),
        ("0.00", "above 0"),
        ("-5", "above 0"),
        ("-0.50", "above 0"),
        ("1,000,000,000,000", "below"),
    ],
)
def test_parse_yuan_refuses(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_yuan(text, field="paid")
    assert caught.value.field == "paid"
    assert fragment in caught.value.message


def test_parse_yuan_names_the_value_typed() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_yuan(" 1e3 ")
    assert caught.value.field == "amount"
    assert caught.value.params == {"value": "1e3"}
    assert caught.value.template == "'{value}' is not an amount in yuan such as 360 or 1,234.56"


@pytest.mark.parametrize(
    ("fen", "shown"),
    [
        (0, "0.00"),
        (5, "0.05"),
        (36050, "360.50"),
        (123456, "1,234.56"),
        (-5, "-0.05"),
        (-123456, "-1,234.56"),
    ],
)
def test_format_yuan(fen: int, shown: str) -> None:
    assert format_yuan(fen) == shown


@given(st.integers(1, MAX_FEN))
def test_parse_and_format_round_trip(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen
