"""Households rules (domain/households.py, RULES.md §2): identifiers, areas, codes, names, words."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.domain.households import (
    FLAG_WORDS,
    MAX_AREA_CENTI,
    OLDEST_BIRTH_YEAR,
    PROVINCE_CODES,
    Flag,
    Occupancy,
    RoomUse,
    compose_room_code,
    format_area,
    id_check_character,
    mask_id_number,
    mask_landline,
    mask_phone,
    normalize_id_number,
    normalize_mobile,
    normalized_room_code,
    parse_area,
    parse_flags,
    parse_occupancy,
    parse_room_use,
    read_room_text,
    room_code_parts,
    room_search_key,
    split_list,
    split_room_code,
    typed_room_code,
    validate_code_part,
    validate_lease,
    validate_parking_code,
    validate_person_name,
    validate_room_code,
)

ASCII_DIGITS = "0123456789"
CHECK_CHARS = ASCII_DIGITS + "X"
VALID_ID = "11010519491231002X"  # the example ID of GB 11643
MOBILE = re.compile(r"1[0-9]{10}")

digits17 = st.text(alphabet=ASCII_DIGITS, min_size=17, max_size=17)
TODAY = date(2026, 6, 1)
birth_dates = st.dates(min_value=date(OLDEST_BIRTH_YEAR, 1, 1), max_value=TODAY)
# The first 17 characters of a real ID number: province, district, birth date, serial.
real17 = st.builds(
    lambda province, district, born, serial: province + district + born.strftime("%Y%m%d") + serial,
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.text(alphabet=ASCII_DIGITS, min_size=4, max_size=4),
    birth_dates,
    st.text(alphabet=ASCII_DIGITS, min_size=3, max_size=3),
)
mobiles = st.text(alphabet=ASCII_DIGITS, min_size=10, max_size=10).map(lambda rest: "1" + rest)


# ---------------------------------------------------------------- ID numbers


def test_known_id_number_validates() -> None:
    assert id_check_character(VALID_ID[:17]) == "X"
    assert normalize_id_number(VALID_ID) == VALID_ID


def test_lowercase_x_and_spaces_are_normalised() -> None:
    assert normalize_id_number(" 110105 19491231 002x ") == VALID_ID


@given(real17)
def test_computed_check_character_validates_and_every_other_fails(first17: str) -> None:
    check = id_check_character(first17)
    assert check in CHECK_CHARS
    assert normalize_id_number(first17 + check, today=TODAY) == first17 + check
    for other in CHECK_CHARS.replace(check, ""):
        with pytest.raises(ValidationError) as caught:
            normalize_id_number(first17 + other, today=TODAY)
        assert caught.value.field == "id_number"


def with_check(first17: str) -> str:
    return first17 + id_check_character(first17)


@given(real17, st.integers(0, 99))
def test_an_id_number_starts_with_a_real_province_code(first17: str, code: int) -> None:
    number = with_check(f"{code:02d}" + first17[2:])
    mainland = {province for province in PROVINCE_CODES if province < "70"}
    permit = code == 83 or (number[0] == "9" and number[1:3] in mainland)
    known = f"{code:02d}" in PROVINCE_CODES or permit
    try:
        normalize_id_number(number, "owners[0].id_number", today=TODAY)
    except ValidationError as error:
        assert not known
        assert error.field == "owners[0].id_number"
        assert error.message == f"no province has the code {code:02d} that starts this ID number"
    else:
        assert known


@pytest.mark.parametrize(
    ("first17", "accepted"),
    [
        ("81000019800101001", True),  # Hong Kong resident's residence permit
        ("83000019800101001", True),  # Taiwan resident's residence permit
        ("91184019800101001", True),  # foreigner's permanent residence card issued in Beijing (11)
        ("94484019800101001", True),  # … in Guangdong (44)
        ("90084019800101001", False),  # 9 and no province
        ("97184019800101001", False),  # 9 and Taiwan (71): no mainland office issued it
        ("00010519491231002", False),
        ("99010519491231002", False),
    ],
)
def test_permits_built_like_id_numbers_are_accepted(first17: str, accepted: bool) -> None:
    number = with_check(first17)
    if accepted:
        assert normalize_id_number(number, today=TODAY) == number
    else:
        with pytest.raises(ValidationError, match="province"):
            normalize_id_number(number, today=TODAY)


@given(real17, st.text(alphabet=ASCII_DIGITS, min_size=8, max_size=8))
@example("11010519491231002", "19000229")  # 1900 was no leap year
@example("11010519491231002", "20000229")  # 2000 was
@example("11010519491231002", "19491301")
@example("11010519491231002", "00000000")
@example("11010519491231002", "18860101")  # the oldest on record were born in the 1880s
@example("11010519491231002", "18791231")  # a mistyped century
def test_the_birth_date_must_be_a_real_day(first17: str, born: str) -> None:
    number = with_check(first17[:6] + born + first17[14:])
    try:
        day: date | None = date(int(born[:4]), int(born[4:6]), int(born[6:]))
    except ValueError:
        day = None
    real = day is not None and date(OLDEST_BIRTH_YEAR, 1, 1) <= day <= TODAY
    try:
        normalize_id_number(number, today=TODAY)
    except ValidationError as error:
        assert not real
        assert born in error.message or (day is not None and day.isoformat() in error.message)
    else:
        assert real


def test_a_birth_date_after_today_is_refused() -> None:
    born_today = with_check("110105" + TODAY.strftime("%Y%m%d") + "001")
    assert normalize_id_number(born_today, today=TODAY) == born_today
    tomorrow = with_check("110105" + date(2026, 6, 2).strftime("%Y%m%d") + "001")
    with pytest.raises(ValidationError, match="2026-06-02, is in the future"):
        normalize_id_number(tomorrow, today=TODAY)
    # Without ``today`` the computer's date counts: a baby born next year has no ID number yet.
    next_year = with_check(f"110105{date.today().year + 1}0101001")
    with pytest.raises(ValidationError, match="future"):
        normalize_id_number(next_year)


@given(digits17, st.integers(0, 16), st.integers(1, 9))
def test_a_single_mistyped_digit_is_caught(first17: str, position: int, shift: int) -> None:
    number = first17 + id_check_character(first17)
    wrong_digit = str((int(number[position]) + shift) % 10)
    mistyped = number[:position] + wrong_digit + number[position + 1 :]
    with pytest.raises(ValidationError):
        normalize_id_number(mistyped)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1101051949123100",  # 16 characters
        "11010519491231002",  # 17
        "11010519491231002X1",  # 19
        "11010519491231002Y",  # check character not a digit or X
        "X10105194912310020",  # X in front
        "1101051949123100X2",
        "１１０１０５１９４９１２３１００２X",  # full-width digits are not stored
        "110105-19491231-002X",
        "110105\t19491231002X",
    ],
)
def test_malformed_id_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_id_number(text, "owners[0].id_number")
    assert caught.value.field == "owners[0].id_number"


@given(st.text(max_size=25))
def test_whatever_the_id_number_text_the_result_is_valid_or_refused(text: str) -> None:
    try:
        value = normalize_id_number(text)
    except ValidationError:
        return
    assert re.fullmatch(r"[0-9]{17}[0-9X]", value)
    assert id_check_character(value[:17]) == value[17]


# ---------------------------------------------------------------- mobile numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("+86-13800138000", "13800138000"),
        ("0086 13800138000", "13800138000"),
        ("(138)00138000", "13800138000"),
        ("  19912345678\n", "19912345678"),
    ],
)
def test_mobile_numbers_are_normalised(text: str, expected: str) -> None:
    assert normalize_mobile(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1380013800",
        "138001380001",
        "23800138000",
        "03800138000",
        "1380013800a",
        "010-12345678",
        "+1 3800138000 0",
        "86 13800138000",
        "+8713800138000",
        "1３８００１３８０００",  # full-width digits would break the stored shape
        "１３８００１３８０００",
        "13800138000x",
    ],
)
def test_bad_mobile_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_mobile(text, "owners[1].phone")
    assert caught.value.field == "owners[1].phone"


@given(
    mobiles,
    st.sampled_from(["", "+86", "0086", "+86 ", "+86-"]),
    st.lists(st.sampled_from([" ", "-", "  "]), min_size=10, max_size=10),
)
def test_decorated_mobiles_come_back_as_eleven_digits(
    number: str, prefix: str, separators: list[str]
) -> None:
    decorated = prefix + "".join(d + s for d, s in zip(number, [*separators, ""], strict=False))
    assert normalize_mobile(decorated) == number


@given(st.text(max_size=20))
@example("1３８００１３８０００")
@example("13800138000\n")
def test_whatever_the_phone_text_the_result_is_eleven_ascii_digits_or_refused(text: str) -> None:
    try:
        value = normalize_mobile(text)
    except ValidationError:
        return
    assert MOBILE.fullmatch(value)
    assert value in re.sub(r"\D", "", text)


@given(st.text(alphabet=ASCII_DIGITS, max_size=14))
def test_digit_strings_pass_only_with_eleven_digits_starting_with_1(digits: str) -> None:
    accepted = len(digits) == 11 and digits.startswith("1")
    try:
        normalize_mobile(digits)
    except ValidationError:
        assert not accepted
    else:
        assert accepted


# ---------------------------------------------------------------- masking


def test_phone_and_id_masks_look_like_the_office_expects() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number(VALID_ID) == "110105********002X"
    assert mask_phone(None) == mask_phone("") == ""
    assert mask_id_number(None) == mask_id_number("") == ""


@given(st.text(min_size=1, max_size=30))
def test_mask_phone_never_reveals_the_middle(text: str) -> None:
    masked = mask_phone(text)
    assert len(masked) == len(text)
    assert "*" in masked  # something is always hidden
    shown = [i for i, ch in enumerate(masked) if ch != "*"]
    assert all(masked[i] == text[i] for i in shown)
    if len(text) < 8:
        assert shown == []
    else:
        assert set(masked[3:-4]) == {"*"}


@given(mobiles)
def test_masked_mobile_hides_four_middle_digits(phone: str) -> None:
    masked = mask_phone(phone)
    assert masked == phone[:3] + "****" + phone[-4:]


@given(digits17)
def test_mask_id_number_hides_the_birth_date(first17: str) -> None:
    number = first17 + id_check_character(first17)
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[6:14] == "********"  # YYYYMMDD
    assert masked[:6] == number[:6]
    assert masked[-4:] == number[-4:]


@given(st.text(min_size=1, max_size=30))
@example("0123456789")  # six in front and four behind used to show all ten
@example("01234567890")
def test_mask_id_number_never_reveals_the_middle(text: str) -> None:
    masked = mask_id_number(text)
    assert len(masked) == len(text)
    assert "*" in masked  # something is always hidden
    if len(text) <= 10:
        assert set(masked) == {"*"}
    else:
        assert set(masked[6:-4]) == {"*"}


# ---------------------------------------------------------------- areas


@pytest.mark.parametrize(
    ("value", "centi"),
    [
        ("89.5", 8950),
        ("89.50", 8950),
        (" 89.50 ㎡", 8950),
        ("89.5m²", 8950),
        ("1,234.56", 123456),
        ("0.01", 1),
        ("9999.99", 999999),
        ("89.5000001", 8950),  # spreadsheet float noise
        (89.5, 8950),
        (120, 12000),
        (Decimal("72.38"), 7238),
        ("８０．５", 8050),  # typed with a Chinese input method's full-width characters
        ("８９．５０㎡", 8950),
        ("80.5平方米", 8050),
        ("80.5 平方米", 8050),
        ("80.5㎡", 8050),
        ("80.5 m2", 8050),
        ("80.5M²", 8050),
        ("89平米", 8900),
        ("1,234.5", 123450),
        ("1,234", 123400),
        ("１，２３４．５", 123450),
    ],
)
def test_areas_are_read_in_hundredths(value: str | float | int | Decimal, centi: int) -> None:
    assert parse_area(value) == centi


def test_a_decimal_comma_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_area("80,5", "area")
    assert caught.value.message == (
        "'80,5' is not an area: decimals take a point (80.5); a comma may only group thousands (1,234.5)"
    )


@given(st.integers(1, MAX_AREA_CENTI - 1), st.sampled_from(["", "㎡", "m²", "平方米", " 平方米"]))
def test_areas_with_thousands_separators_and_units_read_back(centi: int, unit: str) -> None:
    grouped = f"{centi / 100:,.2f}{unit}"
    assert parse_area(grouped) == centi
    full_width = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in grouped)
    assert parse_area(full_width) == centi


@given(st.integers(0, 9999), st.integers(1, 99))
def test_a_comma_before_one_or_two_decimals_is_never_read_as_a_number(whole: int, fraction: int) -> None:
    for text in (f"{whole},{fraction}", f"{whole},{fraction:02d}"):
        with pytest.raises(ValidationError, match="a comma may only group thousands"):
            parse_area(text)


def test_every_area_round_trips_through_its_display() -> None:
    # All 999,999 storable values, not a sample: the display is what clerks type back in.
    for centi in range(1, MAX_AREA_CENTI):
        text = format_area(centi)
        if parse_area(text) != centi:
            pytest.fail(f"{centi} shown as {text} reads back as {parse_area(text)}")


@given(st.integers(1, MAX_AREA_CENTI - 1))
def test_area_display_has_two_decimals(centi: int) -> None:
    text = format_area(centi)
    assert re.fullmatch(r"[0-9]{1,4}\.[0-9]{2}", text)
    assert Decimal(text) * 100 == centi


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "0.00",
        "-1",
        "-0.01",
        "-89.5",
        "10000",
        "10000.00",
        "10000.01",
        "99999",
        "1e5",
        "0.001",
        "89.505",
        "89.123",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "sNaN",
        "",
        "  ",
        "abc",
        "八十九",
        "89,5.5.5",
        "89平方",
        "1/2",
        # a comma only groups thousands: these are decimal commas or typos, never 805 or 123
        "80,5",
        "80,50",
        "1,23",
        "1,2345",
        "12,34.5",
        ",5",
        "1,234,5",
        "８０，５",
        float("nan"),
        float("inf"),
        -float("inf"),
        0,
        -5,
        0.0,
        10000,
        10000.0,
        # values that only round to 0 or to 10,000.00 m²: never storable
        "0.0001",
        "0.0009",
        "0.00001",
        "9999.9999",
        "9999.99999",
    ],
)
def test_bad_areas_are_refused(value: str | float | int) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_area(value, "area")
    assert caught.value.field == "area"


@pytest.mark.parametrize(
    "text",
    [
        "80_5",  # Decimal("80_5") is 805
        "1_000",
        "1e2",  # Decimal("1e2") is 100
        "1E1",
        "8.05e1",
        "١٢٣",  # Arabic-Indic digits, which NFKC leaves as they are and Decimal reads
        "۸۰.۵",  # Persian digits
        "८०",  # Devanagari digits
        "80.",
        ".5",
        "0x50",
        "80 .5",
        "1,234_5",
    ],
)
def test_only_a_plain_decimal_is_an_area(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_area(text, "area")
    assert caught.value.field == "area"


_AREA_TEXT = st.text(
    alphabet=st.sampled_from([*"0123456789", *"٠١٢٣", *"０１２", *".．,，_eE+- "]),
    max_size=10,
)


@given(_AREA_TEXT, st.sampled_from(["", "㎡", "平方米", " m2"]))
def test_text_read_as_an_area_is_a_plain_decimal_with_that_value(text: str, unit: str) -> None:
    try:
        centi = parse_area(text + unit)
    except ValidationError:
        return
    digits = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    assert re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", digits), text  # a sign, then the range check
    assert round(Decimal(digits) * 100) == centi


@given(st.decimals(allow_nan=True, allow_infinity=True, places=None))
def test_any_decimal_reads_as_a_storable_area_or_is_refused(value: Decimal) -> None:
    try:
        centi = parse_area(value)
    except ValidationError:
        return
    assert 0 < centi < MAX_AREA_CENTI
    assert abs(value * 100 - centi) < Decimal("0.1")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_reads_as_a_storable_area_or_is_refused(value: float) -> None:
    try:
        centi = parse_area(value)
    except ValidationError:
        assert not (
            math.isfinite(value)
            and 1 <= value * 100 < MAX_AREA_CENTI - 1
            and abs(value * 100 - round(value * 100)) < 1e-6
        )
        return
    assert 0 < centi < MAX_AREA_CENTI


@given(st.integers(1, MAX_AREA_CENTI - 1), st.integers(1, 9))
def test_a_third_decimal_is_refused(centi: int, thousandth: int) -> None:
    with pytest.raises(ValidationError):
        parse_area(f"{format_area(centi)}{thousandth}")


# ---------------------------------------------------------------- codes and names


def test_room_codes_compose_and_split() -> None:
    assert compose_room_code("3", "2", "501") == "3-2-501"
    assert compose_room_code("3", "", "501") == "3-501"
    assert compose_room_code("", "", "S1") == "S1"
    assert split_room_code("3-2-501") == ("3", "2", "501")
    assert split_room_code("3-501") == ("3", "", "501")
    assert split_room_code("S1") == ("", "", "S1")
    assert split_room_code("3-2-5-01") == ("3", "2", "5-01")


@given(st.lists(st.text(alphabet="0123456789AB东", min_size=1, max_size=4), min_size=3, max_size=3))
def test_compose_then_split_gives_the_parts_back(parts: list[str]) -> None:
    assert split_room_code(compose_room_code(*parts)) == tuple(parts)


@pytest.mark.parametrize("code", ["3-2-501", "A-1-101", "商铺-12", "S1", " 3-2-501 ", "10-3-1002"])
def test_good_room_codes(code: str) -> None:
    assert validate_room_code(code) == code.strip()


@pytest.mark.parametrize(
    "code",
    [
        "",
        "   ",
        "3 2 501",
        "3--501",
        "-3-501",
        "3-501-",
        "3_2_501",
        "3/2/501",
        "3-2-501！",
        "1" * 33,
        "3\t2",
    ],
)
def test_bad_room_codes(code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_room_code(code, "number")
    assert caught.value.field == "number"


def test_code_parts() -> None:
    assert validate_code_part(" 3 ", "building") == "3"
    assert validate_code_part("", "unit") == ""
    assert validate_code_part("东区", "building") == "东区"
    for bad in ("3-2", "3 2", "3.", "#3"):
        with pytest.raises(ValidationError) as caught:
            validate_code_part(bad, "building")
        assert caught.value.field == "building"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张三", "张三"),
        ("  王玥 ", "王玥"),
        ("买买提·艾力", "买买提·艾力"),
        ("John   Smith", "John Smith"),
        ("李\t喆", "李 喆"),
        ("张" * 40, "张" * 40),
    ],
)
def test_person_names(text: str, expected: str) -> None:
    assert validate_person_name(text) == expected


@pytest.mark.parametrize("text", ["王1", "A1", "Ø", "1号楼张三"])
def test_a_name_with_a_letter_and_digits_is_a_name(text: str) -> None:
    assert validate_person_name(text) == text


@pytest.mark.parametrize("text", ["13800000001", "202", "50", "1-202", "138 0013 8000", "·", "--"])
def test_a_name_without_any_letter_is_refused(text: str) -> None:
    # What a stray quote or delimiter moves into a name column: phones, room numbers, areas.
    with pytest.raises(ValidationError) as caught:
        validate_person_name(text, "owners[1].name")
    assert caught.value.field == "owners[1].name"
    assert caught.value.message.endswith("is not a name: it needs a letter or a Chinese character")


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "张" * 41])
def test_bad_person_names(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_person_name(text, "owners[2].name")
    assert caught.value.field == "owners[2].name"


def test_leases() -> None:
    validate_lease(None, None)
    validate_lease(date(2025, 1, 1), None)
    validate_lease(None, date(2025, 1, 1))
    validate_lease(date(2025, 1, 1), date(2025, 1, 1))
    validate_lease(date(2025, 1, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError) as caught:
        validate_lease(date(2025, 1, 2), date(2025, 1, 1), "residents[0].lease_to")
    assert caught.value.field == "residents[0].lease_to"


# ---------------------------------------------------------------- spreadsheet words


def test_room_use_words() -> None:
    assert parse_room_use("") is RoomUse.RESIDENTIAL
    assert parse_room_use("住宅") is RoomUse.RESIDENTIAL
    assert parse_room_use(" 商铺 ") is RoomUse.SHOP
    assert parse_room_use("门面") is RoomUse.SHOP
    assert parse_room_use("Garage") is RoomUse.GARAGE
    with pytest.raises(ValidationError) as caught:
        parse_room_use("仓库", "rows[3].use")
    assert caught.value.field == "rows[3].use"
    assert caught.value.params["value"] == "仓库"


def test_occupancy_words() -> None:
    assert parse_occupancy("") is Occupancy.SELF_OCCUPIED
    assert parse_occupancy("自住") is Occupancy.SELF_OCCUPIED
    assert parse_occupancy("出租") is Occupancy.RENTED
    assert parse_occupancy("空置") is Occupancy.VACANT
    with pytest.raises(ValidationError):
        parse_occupancy("借住")


def test_flag_words() -> None:
    assert parse_flags("") == frozenset()
    assert parse_flags("低保、独居老人") == {Flag.HARDSHIP, Flag.ELDERLY_ALONE}
    assert parse_flags("特困，残疾人") == {Flag.HARDSHIP, Flag.DISABLED}
    assert parse_flags("低保/特困") == {Flag.HARDSHIP}
    with pytest.raises(ValidationError) as caught:
        parse_flags("低保、优抚", "flags")
    assert caught.value.params["value"] == "优抚"


@pytest.mark.parametrize("word", ["开发商", "建设单位", "开发商持有", "未售", "developer", "Developer"])
def test_a_room_held_by_the_developer_is_read_from_its_words(word: str) -> None:
    assert parse_flags(word) == {Flag.DEVELOPER}
    assert parse_flags(f"低保、{word}") == {Flag.HARDSHIP, Flag.DEVELOPER}


def test_the_developer_is_written_as_开发商_and_named_when_a_flag_is_unknown() -> None:
    assert FLAG_WORDS[Flag.DEVELOPER][0] == "开发商"  # what exports write
    with pytest.raises(ValidationError) as caught:
        parse_flags("物业")
    assert "developer" in caught.value.template


def test_split_list() -> None:
    assert split_list("张三、李四, 王五；赵六 / 钱七") == ["张三", "李四", "王五", "赵六", "钱七"]
    assert split_list("  ") == []
    assert split_list("王玥") == ["王玥"]
    assert split_list("张三\n李四\r\n王五") == ["张三", "李四", "王五"]  # one per line in the cell


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("John Smith", ["John Smith"]),
        ("欧阳 娜娜", ["欧阳 娜娜"]),
        ("欧阳 娜娜、John Smith", ["欧阳 娜娜", "John Smith"]),
        ("Mary Ann Lee ， 王玥", ["Mary Ann Lee", "王玥"]),
        ("张三；李四;王五/赵六／钱七,孙八，周九", ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"]),
    ],
)
def test_a_list_is_split_at_its_separators_never_at_spaces(text: str, people: list[str]) -> None:
    assert split_list(text) == people


@given(st.lists(st.text(alphabet="张李王 AbC", min_size=1).map(str.strip).filter(bool), max_size=4))
def test_names_with_spaces_survive_a_list_cell(names: list[str]) -> None:
    assert split_list("、".join(names)) == names


def test_flag_words_hold_no_space_so_a_space_separates_them() -> None:
    assert parse_flags("低保 独居老人") == {Flag.HARDSHIP, Flag.ELDERLY_ALONE}
    assert split_list("P-001 P-002", at_spaces=True) == ["P-001", "P-002"]


# ---------------------------------------------------------------- errors


def test_input_rejected_lists_every_error() -> None:
    errors = [ValidationError("area", "bad {x}", x=1), ValidationError("owners[0].phone", "worse")]
    rejected = InputRejected(errors)
    assert rejected.errors == errors
    assert str(rejected) == "area: bad 1; owners[0].phone: worse"
    assert rejected.message == str(rejected)


@given(st.text(alphabet="0123456789", min_size=1, max_size=6))
def test_check_character_needs_exactly_17_digits(digits: str) -> None:
    assume(len(digits) != 17)
    with pytest.raises(ValueError):
        id_check_character(digits)


@settings(max_examples=50)
@given(digits17)
def test_check_character_is_iso_7064_mod_11_2(first17: str) -> None:
    # ISO 7064 MOD 11-2 over all 18 positions: the weighted sum including the check is 1 mod 11.
    check = id_check_character(first17)
    value = 10 if check == "X" else int(check)
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17)) + value
    assert total % 11 == 1


@pytest.mark.parametrize(
    ("cells", "parts"),
    [
        (("3号楼", "2单元", "501室"), ("3", "2", "501")),
        (("3栋", "", "12号"), ("3", "", "12")),
        (("A座", "", "101"), ("A", "", "101")),
        (("", "", "3-2-501"), ("3", "2", "501")),
        (("3", "2", "3号楼-2单元-501室"), ("3", "2", "501")),
        (("商业街", "", "商铺1"), ("商业街", "", "商铺1")),
        ((" 3号楼 ", " 2单元", "502室 "), ("3", "2", "502")),
        (("３号楼", "２单元", "５０２室"), ("3", "2", "502")),  # full-width, as a Chinese IME types
        (("3 号楼", "2 单元", "502 室"), ("3", "2", "502")),
        (("", "", "3号楼2单元502室"), ("3", "2", "502")),
        (("", "", "3栋2单元502"), ("3", "2", "502")),
        (("3号楼", "", "2单元502室"), ("3", "2", "502")),  # the building from its own box
        (("3", "2", "3号楼2单元502室"), ("3", "2", "502")),
        (("3", "", "3栋502"), ("3", "", "502")),
        (("", "", "3号楼-2单元-502室"), ("3", "2", "502")),
    ],
)
def test_room_code_parts_read_what_clerks_write(
    cells: tuple[str, str, str], parts: tuple[str, str, str]
) -> None:
    problems: list[ValidationError] = []
    assert room_code_parts(*cells, problems) == parts
    assert problems == []


def test_normalized_room_code_is_the_code_the_parts_name() -> None:
    assert normalized_room_code("3号楼", "2单元", "502室") == "3-2-502"
    assert normalized_room_code("", "", "3号楼2单元502室") == "3-2-502"
    assert normalized_room_code("A座", "", "101") == "A-101"


@given(
    st.text(alphabet="0123456789AB", min_size=1, max_size=3),
    st.text(alphabet="0123456789", max_size=2),
    st.text(alphabet="0123456789AB", min_size=1, max_size=4),
    st.sampled_from(["号楼", "栋", "幢", "座", "号"]),
    st.sampled_from(["室", "号", ""]),
)
def test_rooms_written_any_way_name_one_code(
    building: str, unit: str, number: str, building_word: str, number_word: str
) -> None:
    code = compose_room_code(building, unit, number)
    unit_cell = f"{unit}单元" if unit else ""
    written = [
        (building, unit, number),
        (building + building_word, unit_cell, number + number_word),
        ("", "", code),
        ("", "", f"{building}{building_word}{unit_cell}{number}{number_word}"),
    ]
    for cells in written:
        problems: list[ValidationError] = []
        assert compose_room_code(*room_code_parts(*cells, problems)) == code, cells
        assert problems == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("3号楼2单元502室", ("3", "2", "502")),
        ("3 号楼 2 单元 502 室", ("3", "2", "502")),
        ("３－２－５０２", ("3", "2", "502")),
        ("3号楼2单元", ("3", "2", "")),  # a place without a number: what a search may look for
        ("3号楼", ("3", "", "")),
        ("2单元", ("", "2", "")),
        ("A座", ("A", "", "")),
        ("502室", ("", "", "502")),
        ("3号", ("", "", "3")),  # 号 after a number alone is the room's, as in a number box
        ("501", None),
        ("张三", None),
        ("1号楼张三", None),
        ("", None),
    ],
)
def test_one_reader_for_rooms_written_in_one_text(text: str, parts: tuple[str, str, str] | None) -> None:
    assert read_room_text(text) == parts
    assert room_search_key(text) == (None if parts is None else "".join(parts))


def test_a_place_without_a_number_in_the_number_box_wants_a_number() -> None:
    problems: list[ValidationError] = []
    assert room_code_parts("3", "", "3号楼2单元", problems) == ("3", "2", "")
    assert problems == []


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1-101", "1-101"),
        ("11-01", "11-01"),
        ("1101", None),
        ("3号楼2单元502室", "3-2-502"),
        ("3 号楼 2 单元 502 室", "3-2-502"),
        ("3号楼 2单元 502室", "3-2-502"),
        ("3 2 502", "3-2-502"),
        ("３－２－５０２", "3-2-502"),
        ("3号楼2单元", None),
        ("张三", None),
    ],
)
def test_the_room_a_search_names_is_its_real_code(typed: str, code: str | None) -> None:
    assert typed_room_code(typed) == code


@pytest.mark.parametrize("code", ["P-001", "B2-010", "车位-12", " P1 "])
def test_good_parking_codes(code: str) -> None:
    assert validate_parking_code(code) == code.strip()


@pytest.mark.parametrize("code", ["P 1", "P_1", "P-", "", "P" * 33])
def test_bad_parking_codes_are_named_as_parking_codes(code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_parking_code(code)
    assert caught.value.field == "parking"
    assert caught.value.message == f"'{code.strip()}' is not a parking space code such as P-001"


def test_a_building_or_unit_that_contradicts_the_whole_code_is_a_problem() -> None:
    problems: list[ValidationError] = []
    assert room_code_parts("4", "1", "3-2-501", problems) == ("3", "2", "501")
    assert [(p.field, p.message) for p in problems] == [
        ("building", "room code 3-2-501 does not match the building 4"),
        ("unit", "room code 3-2-501 does not match the unit 1"),
    ]


@pytest.mark.parametrize(
    ("landline", "masked"),
    [
        ("0571-88886666", "0571-****6666"),
        ("010-62345678-123", "010-****5678-123"),
        ("88886666", "****6666"),
        ("0571-****6666", "0571-****6666"),  # masking twice changes nothing
        ("", ""),
    ],
)
def test_a_landline_keeps_its_area_code_and_last_four_digits(landline: str, masked: str) -> None:
    assert mask_landline(landline) == masked
