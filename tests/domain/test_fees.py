"""The fee ledger's rules (domain/fees.py): months, prices, monthly amounts, reductions, allocation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.fees import (
    GENESIS_HASH,
    MAX_MONTHS_PER_RUN,
    FeeKind,
    Month,
    OpenLine,
    age_bucket,
    allocate,
    chain_hash,
    format_period,
    format_unit_price,
    group_months,
    month_range,
    monthly_amount,
    parse_month,
    parse_receipt_number,
    parse_unit_price,
    rate_text,
    receipt_number,
    reduction_by_percent,
    round_half_up,
)


@pytest.mark.parametrize(("text", "month"), [("2027-01", Month(2027, 1)), ("２０２７-１２", Month(2027, 12))])
def test_a_month_reads_as_written(text: str, month: Month) -> None:
    assert parse_month(text) == month
    assert str(month) == f"{month.year}-{month.month:02d}"


@pytest.mark.parametrize("text", ["2027-13", "2027-00", "2027/01", "27-01", "", "2027-1-1", "1899-12"])
def test_a_month_in_the_wrong_form_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_month(text, "from")
    assert refused.value.field == "from"


def test_a_run_of_a_whole_year_has_twelve_months_across_the_new_year() -> None:
    months = month_range(Month(2026, 11), Month(2027, 10))
    assert [str(m) for m in months[:3]] == ["2026-11", "2026-12", "2027-01"] and len(months) == 12
    with pytest.raises(ValidationError):
        month_range(Month(2027, 2), Month(2027, 1))
    with pytest.raises(ValidationError):
        month_range(Month(2020, 1), Month(2020 + MAX_MONTHS_PER_RUN // 12, 1))


@pytest.mark.parametrize(
    ("text", "units"), [("0.60", 6000), ("0.6125", 6125), ("15", 150000), ("¥1.5元", 15000)]
)
def test_a_unit_price_has_up_to_four_decimals(text: str, units: int) -> None:
    assert parse_unit_price(text) == units


@pytest.mark.parametrize("text", ["0.61255", "0", "-1", "1e2", "1,5", "abc", ""])
def test_a_bad_unit_price_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_unit_price(text)


def test_a_unit_price_shows_two_to_four_decimals() -> None:
    assert [format_unit_price(u) for u in (6000, 6125, 150000, 6100)] == ["0.60", "0.6125", "15.00", "0.61"]


def test_monthly_amounts_are_rounded_half_up_once() -> None:
    # 0.60 元/m² × 89.50 m² = 53.70 元; 0.6125 × 89.51 = 54.824875 → 54.82; × 89.52 = 54.831 → 54.83
    assert monthly_amount(FeeKind.AREA, 6000, area_centi=8950) == 5370
    assert monthly_amount(FeeKind.AREA, 6125, area_centi=8951) == 5482
    assert monthly_amount(FeeKind.AREA, 6125, area_centi=8952) == 5483
    assert monthly_amount(FeeKind.AREA, 5, area_centi=1000) == 1  # 0.0005 × 10 = 0.005 元: half a fen up
    assert monthly_amount(FeeKind.FIXED, 150000) == 1500
    assert monthly_amount(FeeKind.PARKING, 1000000, spaces=2) == 20000
    assert monthly_amount(FeeKind.PARKING, 1000000, spaces=0) == 0
    assert monthly_amount(FeeKind.ONE_OFF, 50) == 1  # 0.005 元


@given(st.integers(0, 10**9), st.integers(1, 10**6))
def test_half_up_is_the_nearest_whole_with_halves_up(numerator: int, denominator: int) -> None:
    rounded = round_half_up(numerator, denominator)
    assert (
        Decimal(numerator) / denominator - Decimal("0.5")
        < rounded
        <= Decimal(numerator) / denominator + Decimal("0.5")
    )


@given(st.integers(0, 10**7), st.decimals(min_value=Decimal("0.01"), max_value=100, places=2))
def test_a_reduction_never_makes_a_charge_negative(amount: int, percent: Decimal) -> None:
    reduced = reduction_by_percent(amount, percent)
    assert 0 <= reduced <= amount
    if percent == 100:
        assert reduced == amount


def test_a_percent_reduction_rounds_half_up() -> None:
    assert reduction_by_percent(5370, Decimal(50)) == 2685
    assert reduction_by_percent(1001, Decimal("12.5")) == 125  # 125.125
    with pytest.raises(ValueError):
        reduction_by_percent(100, Decimal(0))


def _lines(owed: list[tuple[int, int, int]]) -> list[OpenLine[int]]:
    return [OpenLine(key, Month(2026, month), order, fen) for key, (month, order, fen) in enumerate(owed)]


def test_a_payment_pays_the_oldest_month_first_and_items_in_order() -> None:
    lines = _lines([(3, 1, 5000), (1, 2, 1500), (1, 1, 5370), (2, 1, 5370)])
    paid = allocate(12000, lines)
    assert paid.applied == ((2, 5370), (1, 1500), (3, 5130))
    assert paid.prepaid_fen == 0


def test_what_is_paid_beyond_the_charges_is_prepayment() -> None:
    paid = allocate(10000, _lines([(1, 1, 5370)]))
    assert paid.applied == ((0, 5370),) and paid.prepaid_fen == 4630
    assert allocate(500, []).prepaid_fen == 500


line_owed = st.tuples(st.integers(1, 12), st.integers(0, 5), st.integers(0, 100_000))


@given(st.integers(1, 2_000_000), st.lists(line_owed, max_size=40))
def test_allocation_never_pays_more_than_owed_nor_loses_a_fen(
    payment: int, owed: list[tuple[int, int, int]]
) -> None:
    lines = _lines(owed)
    paid = allocate(payment, lines)
    by_key = {line.key: line for line in lines}
    assert sum(fen for _key, fen in paid.applied) + paid.prepaid_fen == payment
    assert all(0 < fen <= by_key[key].owed_fen for key, fen in paid.applied)
    assert len({key for key, _fen in paid.applied}) == len(paid.applied)
    partly = [key for key, fen in paid.applied if fen < by_key[key].owed_fen]
    assert len(partly) <= 1 and (not partly or paid.applied[-1][0] == partly[0])  # only the last in part
    if paid.prepaid_fen:
        assert sum(fen for _key, fen in paid.applied) == sum(line.owed_fen for line in lines)


def test_receipt_numbers_run_per_year() -> None:
    assert receipt_number(2026, 1) == "2026-000001"
    assert parse_receipt_number("2026-000001") == (2026, 1)
    for bad in ("2026-0001", "2026-000000", "26-000001", ""):
        with pytest.raises(ValidationError):
            parse_receipt_number(bad)
    with pytest.raises(ValueError):
        receipt_number(2026, 0)


def test_a_ledger_hash_chains_each_entry_to_the_one_before() -> None:
    first = (1, "charge", 7, 2, "2027-01", 5370, "2027-01-01", None)
    second = (2, "payment", 7, None, None, 5370, "2027-01-05", "2027-000001")
    h1 = chain_hash(GENESIS_HASH, first)
    h2 = chain_hash(h1, second)
    assert len(h1) == 64 and h1 != h2
    assert chain_hash(GENESIS_HASH, first) == h1  # the same fields give the same hash
    edited = (1, "charge", 7, 2, "2027-01", 5371, "2027-01-01", None)
    assert chain_hash(GENESIS_HASH, edited) != h1  # an edited amount is found
    assert chain_hash(chain_hash(GENESIS_HASH, edited), second) != h2  # and breaks the rest
    assert chain_hash(GENESIS_HASH, (*first[:7], "")) != h1  # an empty text is not a missing value


def test_consecutive_months_are_grouped_for_a_receipt() -> None:
    months = [Month(2027, m) for m in (1, 2, 3, 5, 12)] + [Month(2028, 1), Month(2027, 2)]
    runs = group_months(months)
    assert [format_period(*run) for run in runs] == ["2027-01 至 2027-03", "2027-05", "2027-12 至 2028-01"]
    assert group_months([]) == []


@pytest.mark.parametrize(
    ("oldest", "as_of", "bucket"),
    [
        ("2027-06", "2027-06", "0-3"),
        ("2027-04", "2027-06", "0-3"),
        ("2027-03", "2027-06", "3-6"),
        ("2027-01", "2027-06", "3-6"),
        ("2026-12", "2027-06", "6-12"),
        ("2026-07", "2027-06", "6-12"),
        ("2026-06", "2027-06", "12+"),
    ],
)
def test_arrears_are_aged_by_the_months_owed_counting_both_ends(oldest: str, as_of: str, bucket: str) -> None:
    assert age_bucket(parse_month(oldest), parse_month(as_of)) == bucket


def test_a_rate_has_four_decimals_rounded_half_up() -> None:
    assert rate_text(9812, 10_000) == "0.9812"
    assert rate_text(1, 3) == "0.3333"
    assert rate_text(2, 3) == "0.6667"
    assert rate_text(1, 20_000) == "0.0001"  # half a ten-thousandth rounds up
    assert rate_text(5, 5) == "1.0000"
    assert rate_text(0, 0) is None
