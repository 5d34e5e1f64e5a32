"""The fee ledger overview's texts and numbers (gui/presenters/fee_reports.py), without Qt."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from fractions import Fraction

import pytest

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.fees import AgeBucket, FeeKind, Month
from estatedesk.domain.households import RoomUse
from estatedesk.domain.search import query_words
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.services.fees import (
    ArrearsRow,
    BillResult,
    CollectionRate,
    FeeItemView,
    PaymentMethod,
    PriceView,
    RateRow,
    ReceiptRow,
)
from estatedesk.services.fees.overview_queries import BillingPreview, BillingRun

TODAY = date(2027, 3, 15)


def fee_item(
    prices: tuple[tuple[date, int], ...] = ((date(2027, 1, 1), 6000),),
    kind: FeeKind = FeeKind.AREA,
    once: Month | None = None,
    stopped: Month | None = None,
) -> FeeItemView:
    return FeeItemView(
        1,
        "物业费",
        kind,
        frozenset({RoomUse.RESIDENTIAL}),
        0,
        tuple(PriceView(day, units) for day, units in prices),
        once,
        stopped,
    )


def receipt(**changes: object) -> ReceiptRow:
    values: dict[str, object] = {
        "number": "2027-000012",
        "payment_id": 5,
        "paid_on": date(2027, 3, 1),
        "room_id": 1,
        "room_code": "3-2-501",
        "payer": "王玥",
        "amount_fen": 17_400,
        "method": PaymentMethod.WECHAT,
        "reference": "WX778",
        "clerk": "小李",
    }
    values.update(changes)
    return ReceiptRow(**values)  # type: ignore[arg-type]


def arrears_row(
    code: str, owed: int, building: str = "3", bucket: AgeBucket = AgeBucket.UP_TO_3
) -> ArrearsRow:
    return ArrearsRow(1, code, building, "王玥", owed, Month(2027, 1), bucket, 3)


def collection(**changes: object) -> CollectionRate:
    values: dict[str, object] = {
        "first": Month(2027, 1),
        "last": Month(2027, 3),
        "due_fen": 52_200,
        "collected_fen": 26_600,
        "rate": "0.5096",
        "households_billed": 3,
        "households_paid": 1,
        "by_month": (RateRow("2027-01", 17_400, 10_400, 3, 2),),
        "by_building": (RateRow("1", 38_400, 17_400, 2, 1), RateRow("2", 13_800, 9_200, 1, 0)),
    }
    values.update(changes)
    return CollectionRate(**values)  # type: ignore[arg-type]


def test_the_fee_texts_need_no_qt() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, estatedesk.gui.presenters.fee_reports; "
            "print(any(m.split('.')[0] in ('PySide6', 'shiboken6', 'qtawesome') for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


# ---------------------------------------------------------------- numbers


def test_money_has_the_yuan_sign_and_separators() -> None:
    assert present.money(123_456_789) == "¥1,234,567.89"
    assert present.money(0) == "¥0.00"


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (Fraction(49, 50), "98.00%"),
        (Fraction(98125, 100_000), "98.13%"),  # half-up, as the ledger rounds
        (Fraction(98124, 100_000), "98.12%"),
        (Fraction(1, 3), "33.33%"),
        (Fraction(2, 3), "66.67%"),
        (Fraction(1), "100.00%"),
        (Fraction(0), "0.00%"),
        (Fraction(21, 20), "105.00%"),
        (None, "—"),
    ],
)
def test_percent_text_has_two_decimals_rounded_half_up(rate: Fraction | None, text: str) -> None:
    assert present.percent_text(rate) == text


def test_a_rate_of_nothing_due_is_none() -> None:
    assert present.rate_of(1, 0) is None
    assert present.rate_of(266, 522) == Fraction(266, 522)


# ---------------------------------------------------------------- fee items


def test_kinds_and_uses_in_words() -> None:
    assert [present.kind_title(kind) for kind in FeeKind] == [
        "By area",
        "Fixed per room",
        "Per parking space",
        "One-off",
    ]
    assert present.uses_text({RoomUse.GARAGE, RoomUse.RESIDENTIAL}) == "Residential、Garage"


def test_the_price_now_or_the_first_to_come() -> None:
    assert present.price_text(FeeKind.AREA, 6125) == "0.6125 元/㎡/月"
    assert present.current_price_text(fee_item(), TODAY) == "0.60 元/㎡/月"
    later = fee_item(((date(2027, 6, 1), 6500),))
    assert present.current_price_text(later, TODAY) == "0.65 元/㎡/月 from 2027-06-01"
    assert present.current_price_text(fee_item(()), TODAY) == "—"
    # A price from the middle of this month applies to the whole month, as billing reads it.
    assert present.current_price_text(fee_item(((date(2027, 3, 20), 7000),)), TODAY) == "0.70 元/㎡/月"


def test_when_an_item_is_billed() -> None:
    assert present.billing_text(fee_item()) == "Every month"
    assert present.billing_text(fee_item(kind=FeeKind.ONE_OFF, once=Month(2027, 6))) == "Once, for 2027-06"
    assert present.billing_text(fee_item(stopped=Month(2027, 7))) == "Stopped from 2027-07"


def test_prices_over_time_newest_first_with_the_current_one_marked() -> None:
    item = fee_item(((date(2026, 1, 1), 5000), (date(2027, 1, 1), 6000), (date(2027, 9, 1), 6500)))
    lines = present.price_lines(item, TODAY)
    assert [(line.effective_from, line.price, line.note) for line in lines] == [
        (date(2027, 9, 1), "0.65 元/㎡/月", "coming"),
        (date(2027, 1, 1), "0.60 元/㎡/月", "current"),
        (date(2026, 1, 1), "0.50 元/㎡/月", ""),
    ]


def test_items_status_counts_those_billed_this_month() -> None:
    items = [fee_item(), fee_item(stopped=Month(2027, 3))]
    assert present.items_status(items, TODAY) == "2 fee items, 1 billed for this month"


# ---------------------------------------------------------------- billing


def test_a_period_is_read_with_each_bad_month_named() -> None:
    assert present.read_period("2027-01", "2027-12") == (Month(2027, 1), Month(2027, 12))
    assert present.read_period("２０２７-３", "2027-03") == (Month(2027, 3), Month(2027, 3))
    with pytest.raises(InputRejected) as refused:
        present.read_period("2027-13", "nope")
    assert [error.field for error in refused.value.errors] == ["from", "to"]
    with pytest.raises(InputRejected) as backwards:
        present.read_period("2027-06", "2027-01")
    assert [error.field for error in backwards.value.errors] == ["to"]
    with pytest.raises(InputRejected):
        present.read_period("2000-01", "2027-01")  # more than a run covers


def test_the_months_a_run_offers() -> None:
    assert present.default_billing_months(None, TODAY) == (Month(2027, 3), Month(2027, 3))
    assert present.default_billing_months(Month(2026, 12), TODAY) == (Month(2027, 3), Month(2027, 3))
    assert present.default_billing_months(Month(2027, 3), TODAY) == (Month(2027, 4), Month(2027, 4))
    assert present.default_billing_months(Month(2027, 12), TODAY) == (Month(2028, 1), Month(2028, 1))
    assert present.year_of(Month(2027, 5)) == (Month(2027, 1), Month(2027, 12))
    assert present.span_text(Month(2027, 1), Month(2027, 12)) == "2027-01 … 2027-12"
    assert present.span_text(Month(2027, 1), Month(2027, 1)) == "2027-01"


def test_the_preview_of_a_run() -> None:
    assert "No fee item" in present.preview_text(BillingPreview(0, 0, 0))
    assert "No room" in present.preview_text(BillingPreview(2, 0, 0))
    assert "already" in present.preview_text(BillingPreview(2, 300, 0))
    assert (
        present.preview_text(BillingPreview(2, 4977, 11172))
        == "About 11,172 new charges for 4,977 rooms, 2 fee items."
    )


def test_what_a_run_made() -> None:
    made = present.bill_result_text(BillResult(54, 156_600, 6_000, 2_500, 3), Month(2027, 1), Month(2027, 12))
    assert made.splitlines() == [
        "2027-01 … 2027-12 billed: 54 charges for 3 rooms, ¥1,566.00 in all.",
        "Standing reductions (vacant rooms, hardship households): ¥60.00.",
        "Prepayments used on open charges: ¥25.00.",
    ]
    nothing = present.bill_result_text(BillResult(0, 0, 0, 0, 0), Month(2027, 1), Month(2027, 1))
    assert nothing == "2027-01: nothing new to bill, every room had its charges already."


def test_an_earlier_run_in_local_time(shanghai: None) -> None:
    run = BillingRun(7, "2027-01-05T01:30:00+00:00", "小李", Month(2027, 1), Month(2027, 12), 54, 156_600, 0)
    line = present.run_line(run)
    assert (line.when, line.clerk, line.months, line.created, line.total, line.reduced) == (
        "2027-01-05 09:30",
        "小李",
        "2027-01 … 2027-12",
        "54",
        "1,566.00",
        "",
    )
    assert present.run_line(BillingRun(8, "x", "a", None, None, 0, 0, 5)).months == "—"


# ---------------------------------------------------------------- receipts


def test_a_receipts_status_and_method(shanghai: None) -> None:
    assert present.receipt_status(receipt()) == ""
    void = receipt(void_reason="房号录错", voided_by="小王", voided_at="2027-03-02T02:00:00+00:00")
    assert present.receipt_status(void) == "Void: 房号录错 (小王, 2027-03-02 10:00)"
    assert present.method_title(PaymentMethod.ALIPAY) == "Alipay"


def test_the_receipts_total_leaves_void_ones_out() -> None:
    rows = [receipt(), receipt(number="2027-000013", amount_fen=100, void_reason="x")]
    assert present.receipts_status(rows) == "2 receipts, ¥174.00 (void ones not counted)"


def test_a_reprints_file_name() -> None:
    at = datetime(2027, 3, 15, 15, 30, 12)
    assert present.reprint_name(["2027-000012"], at) == "收据补打 2027-000012 153012.pdf"
    assert present.reprint_name(["2027-000013", "2027-000012"], at) == "收据补打 2027-000012 等2张 153012.pdf"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("2027-000012", True),
        ("000012", True),
        ("3-2-501", True),
        ("王玥", True),
        ("wy", True),
        ("wx778", True),
        ("李", False),
    ],
)
def test_a_receipt_is_found_as_typed(typed: str, found: bool) -> None:
    text = present.receipt_search_text(receipt())
    assert all(word in text for word in query_words(typed)) is found


# ---------------------------------------------------------------- arrears


def test_ages_and_scopes_in_words() -> None:
    assert [present.bucket_title(bucket) for bucket in AgeBucket] == [
        "Up to 3 months",
        "3–6 months",
        "6–12 months",
        "Over 12 months",
    ]
    assert present.arrears_scope(None, None) == "All buildings"
    assert present.arrears_scope("3", AgeBucket.OVER_12) == "Building 3 · Over 12 months"


def test_the_arrears_total_line() -> None:
    rows = [arrears_row("3-2-501", 21_000), arrears_row("3-2-502", 4_600)]
    scope = present.arrears_scope("3", None)
    assert present.arrears_total_text(rows, date(2027, 5, 31), scope) == (
        "Building 3: 2 rooms owe ¥256.00 as of 2027-05-31."
    )
    assert present.arrears_total_text([], date(2027, 5, 31), scope) == (
        "Building 3: no room owes anything as of 2027-05-31."
    )


def test_a_reminder_batchs_file_name() -> None:
    day = date(2027, 5, 31)
    assert present.reminders_name(None, day) == "催缴通知单 2027-05-31.pdf"
    assert present.reminders_name("3", day) == "催缴通知单 3号楼 2027-05-31.pdf"
    assert present.reminders_name("3", day, ["3-2-501"]) == "催缴通知单 3-2-501 2027-05-31.pdf"


# ---------------------------------------------------------------- collection rate


def test_the_rate_period_starts_in_january() -> None:
    assert present.default_rate_period(TODAY) == (Month(2027, 1), Month(2027, 3))


def test_the_rate_totals() -> None:
    assert [figure for _title, figure in present.rate_totals(collection())] == [
        "¥522.00",
        "¥266.00",
        "50.96%",
        "3",
        "1",
        "33.33%",
    ]
    nothing = collection(due_fen=0, collected_fen=0, rate=None, households_billed=0, households_paid=0)
    assert [figure for _title, figure in present.rate_totals(nothing)][2::3] == ["—", "—"]
    assert present.rate_status(collection()) == "Collection rate 2027-01 … 2027-03: 50.96%"


def test_rate_lines_by_month_and_by_building() -> None:
    (month,) = present.rate_lines(collection(), by_building=False)
    assert (
        month.label,
        month.due,
        month.collected,
        month.rate,
        month.billed,
        month.paid,
        month.household_rate,
    ) == (
        "2027-01",
        "174.00",
        "104.00",
        "59.77%",
        "3",
        "2",
        "66.67%",
    )
    assert (month.money_rate, month.households_rate) == (Fraction(104, 174), Fraction(2, 3))
    first, second = present.rate_lines(collection(), by_building=True)
    assert (first.label, first.rate, second.label, second.household_rate) == (
        "Building 1",
        "45.31%",
        "Building 2",
        "0.00%",
    )
    empty = present.rate_line(RateRow("2027-02", 0, 0, 0, 0))
    assert (empty.rate, empty.household_rate, empty.money_rate) == ("—", "—", None)


def test_the_chart_shows_the_lowest_rates_of_many_buildings() -> None:
    rows = tuple(RateRow(str(number), 100, number, 1, 0) for number in range(1, 61))
    lines = present.rate_lines(collection(by_building=rows), by_building=True)
    drawn = present.chart_lines(lines, by_building=True)
    assert len(drawn) == present.CHART_BUILDINGS
    assert [line.label for line in drawn[:3]] == ["Building 1", "Building 2", "Building 3"]  # lowest first
    assert present.chart_lines(lines[:12], by_building=True) == lines[:12]  # few: all, in their order
    title = present.rate_title(collection(), True, len(drawn), len(lines))
    assert title == "The 40 buildings with the lowest collection rate (of 60), 2027-01 … 2027-03"
    assert present.rate_title(collection(), False) == "Collection rate by month, 2027-01 … 2027-03"
    assert present.rate_title(collection(), True, 2, 2) == "Collection rate by building, 2027-01 … 2027-03"
