"""Landline numbers (domain/households.py): normalize_landline, and read_phone for fields taking either."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.households import normalize_landline, read_phone

ASCII_DIGITS = "0123456789"
# Beijing's 010 and 02x are the three-digit area codes; every other one has four (0 and 3-9…).
area_codes = st.one_of(
    st.sampled_from(["010", *(f"02{digit}" for digit in ASCII_DIGITS)]),
    st.builds(
        lambda first, rest: "0" + first + rest,
        st.sampled_from("3456789"),
        st.text(alphabet=ASCII_DIGITS, min_size=2, max_size=2),
    ),
)
local_numbers = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("23456789"),
    st.text(alphabet=ASCII_DIGITS, min_size=6, max_size=7),
)
extensions = st.text(alphabet=ASCII_DIGITS, min_size=1, max_size=6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0571-88886666", "0571-88886666"),
        ("88886666", "88886666"),
        ("8888666", "8888666"),
        ("010-62345678", "010-62345678"),
        ("0571 8888 6666", "0571-88886666"),
        ("(0571)88886666", "0571-88886666"),
        ("（010）62345678", "010-62345678"),
        ("057188886666", "0571-88886666"),  # no separator: 0571 is a four-digit area code
        ("01062345678", "010-62345678"),  # 010 is one of the three-digit ones
        ("0571-88886666-123", "0571-88886666-123"),
        ("0571-88886666转123", "0571-88886666-123"),
        ("0571-88886666 转 123", "0571-88886666-123"),
        ("0571-88886666分机8", "0571-88886666-8"),
        ("0571-88886666 ext 123", "0571-88886666-123"),
        ("0571-88886666 Ext.123", "0571-88886666-123"),
        ("0571-88886666x123", "0571-88886666-123"),
        ("88886666-123", "88886666-123"),
        ("88886666转123", "88886666-123"),
        ("+86 571 8888 6666", "0571-88886666"),
        ("+86-10-62345678", "010-62345678"),
        ("0086 571 88886666", "0571-88886666"),
        (" 0571-88886666 ", "0571-88886666"),
    ],
)
def test_landlines_as_clerks_write_them(text: str, expected: str) -> None:
    assert normalize_landline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "0571",
        "0571-888",
        "888866",  # six digits: too short for a local number
        "888866667",  # nine digits: too long
        "0571-08886666",  # a local number does not start with 0
        "0571-18886666",  # nor with 1
        "5710-88886666",  # an area code starts with 0
        "00571-88886666",  # and is 0 and 2-3 digits
        "0571-88886666-1234567",
        "0571-88886666转",
        "0571—88886666",  # a dash that is not a hyphen
        "０５７１-88886666",  # full-width digits are not what the file stores
        "8888-6666",
        "0571-8888-6666",
        "电话0571-88886666",
        "tel",
    ],
)
def test_what_is_not_a_landline_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normalize_landline(text, "owners[1].landline")
    assert refused.value.field == "owners[1].landline"
    assert text.strip() in refused.value.message


@pytest.mark.parametrize("text", ["13812345678", "138 1234 5678", "+86 138-1234-5678"])
def test_a_mobile_in_a_landline_field_is_refused_saying_where_it_goes(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normalize_landline(text)
    assert refused.value.template == "'{value}' is a mobile number: enter it as the mobile"


@given(area_codes, local_numbers, st.one_of(st.none(), extensions), st.sampled_from(["-", " ", ""]))
def test_any_landline_comes_back_in_one_form_that_reads_as_itself(
    area: str, local: str, extension: str | None, separator: str
) -> None:
    canonical = f"{area}-{local}" + (f"-{extension}" if extension else "")
    written = f"{area}{separator}{local}" + (f"转{extension}" if extension else "")
    assert normalize_landline(written) == canonical
    assert normalize_landline(canonical) == canonical
    assert read_phone(canonical) == (None, canonical)


@given(st.text(max_size=24))
def test_whatever_is_typed_a_landline_is_digits_and_hyphens_or_refused(text: str) -> None:
    try:
        value = normalize_landline(text)
    except ValidationError:
        return
    assert value and set(value) <= set(ASCII_DIGITS + "-")
    assert 7 <= len(value) <= 24  # what the estate file's CHECK accepts
    assert not value.startswith("-") and "--" not in value
    assert normalize_landline(value) == value


def test_a_phone_field_reads_a_mobile_or_a_landline() -> None:
    assert read_phone("138 1234 5678") == ("13812345678", None)
    assert read_phone("0571-88886666转12") == (None, "0571-88886666-12")
    assert read_phone("88886666") == (None, "88886666")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1381234567", "mobile"),  # ten digits starting with 1: a mobile short of a digit
        ("2381234567", "mobile"),
        ("12345", "mobile"),
        ("0571-888", "landline"),  # an area code: meant as a landline
        ("888866", "mobile"),
        ("8888666-", "landline"),
        ("88886666 转 1234567", "landline"),
    ],
)
def test_a_refused_phone_is_explained_as_the_kind_it_looks_like(text: str, kind: str) -> None:
    with pytest.raises(ValidationError) as refused:
        read_phone(text, "owners[0].phone")
    assert refused.value.field == "owners[0].phone"
    assert ("is not a mobile number" in refused.value.message) == (kind == "mobile")
    assert ("is not a landline number" in refused.value.message) == (kind == "landline")
