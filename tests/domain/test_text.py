"""Control characters in typed or pasted text (domain/text.py): refused in every field."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.text import check_text, control_character, without_control_characters

CONTROLS = [chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))]


def is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def test_the_control_characters_are_unicode_category_cc() -> None:
    assert all(is_control(char) for char in CONTROLS)
    assert sum(is_control(chr(code)) for code in range(0x110000)) == len(CONTROLS)


@pytest.mark.parametrize("char", CONTROLS)
def test_every_control_character_is_refused_in_a_single_line_field(char: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_text(f"王{char}玥", "owners[0].name", name="姓名")
    assert caught.value.field == "owners[0].name"
    assert caught.value.message == (
        f"姓名 holds an invisible control character (U+{ord(char):04X}); type it again"
    )


def test_a_multi_line_field_keeps_line_breaks_and_tabs_only() -> None:
    assert check_text("第一行\n\t第二行\r\n", "note", multiline=True) == "第一行\n\t第二行\r\n"
    with pytest.raises(ValidationError, match=r"U\+0000"):
        check_text("第一行\x00", "note", multiline=True)
    with pytest.raises(ValidationError, match=r"U\+001B"):
        check_text("\x1b[31m", "note", multiline=True)


def test_the_field_names_itself_when_no_label_is_given() -> None:
    with pytest.raises(ValidationError, match=r"^note holds"):
        check_text("\x00", "note")


def is_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def test_every_invisible_format_character_is_refused_in_a_single_line_field() -> None:
    formats = [chr(code) for code in range(0x110000) if is_format(chr(code))]
    assert "\u200b" in formats and "\ufeff" in formats
    assert [char for char in formats if control_character(f"李{char}四") != char] == []
    # What the pattern refuses beyond Cc and Cf is only what this Python's Unicode has not assigned
    # yet (the pattern follows Unicode 15).
    refused = [chr(code) for code in range(0x110000) if control_character(chr(code)) is not None]
    assert {unicodedata.category(char) for char in refused} <= {"Cc", "Cf", "Cn"}


def test_a_zero_width_space_in_a_name_is_refused_and_a_note_keeps_it() -> None:
    with pytest.raises(ValidationError) as caught:
        check_text("李\u200b四", "owners[0].name", name="姓名")
    assert caught.value.message == "姓名 holds an invisible control character (U+200B); type it again"
    with pytest.raises(ValidationError, match=r"U\+FEFF"):
        check_text("\ufeff3-2-501", "number")
    assert check_text("好👍\u200d", "note", multiline=True) == "好👍\u200d"


@given(st.text(max_size=30), st.booleans())
def test_text_passes_exactly_when_it_holds_no_control_character_it_may_not(
    text: str, multiline: bool
) -> None:
    allowed = "\n\r\t" if multiline else ""
    bad = [
        char
        for char in text
        if (is_control(char) and char not in allowed) or (is_format(char) and not multiline)
    ]
    assert control_character(text, multiline) == (bad[0] if bad else None)
    cleaned = without_control_characters(text, multiline)
    assert control_character(cleaned, multiline) is None
    assert cleaned == "".join(char for char in text if char not in bad)
