"""What the ledger says (services/fees/accounts.py): a room's account, arrears on a day, collection rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from estatedesk.domain.errors import NotFound
from estatedesk.domain.fees import AgeBucket, Month
from estatedesk.services import fees
from estatedesk.services.fees import FeeSettings, RateRow


def test_an_account_lists_each_charge_with_what_was_reduced_and_paid(desk) -> None:
    area = desk.item("物业费", "area", "0.60")
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-02")
    desk.reduce("1-1-101", area, "2025-02", percent="50")
    paid = desk.pay("1-1-101", "100", method="alipay", reference="2025060122001")
    account = fees.account(desk.rooms["1-1-101"])
    assert (account.room_code, account.owners) == ("1-1-101", "王玥")
    assert [
        (line.item, str(line.month), line.amount_fen, line.reduced_fen, line.paid_fen)
        for line in account.lines
    ] == [
        ("物业费", "2025-01", 5370, 0, 5370),
        ("垃圾清运费", "2025-01", 1500, 0, 1500),
        ("物业费", "2025-02", 5370, 2685, 2685),
        ("垃圾清运费", "2025-02", 1500, 0, 445),
    ]
    assert (account.due_fen, account.reduced_fen, account.paid_fen) == (13740, 2685, 10000)
    assert account.owed_fen == 13740 - 2685 - 10000 == 1055
    assert account.prepaid_fen == 0
    assert [(line.kind, line.amount_fen, line.receipt) for line in account.entries] == [
        ("减免", 2685, ""),
        ("收款", 10000, paid.receipt),
    ]
    assert account.entries[1].text == "支付宝 2025060122001"
    assert fees.room_balance(desk.rooms["1-1-101"]) == (1055, 0)
    assert fees.account(desk.rooms["1-1-101"], with_entries=False).entries == ()
    with pytest.raises(NotFound):
        fees.account(9999)


# ---------------------------------------------------------------- arrears


@pytest.fixture
def owing(desk):
    """Four homes billed 100 yuan a month from 2026-06 to 2027-06, paid up to different months."""
    desk.add_room("2-1-101", "80")
    desk.item("物业费", "fixed", "100")
    desk.bill("2026-06", "2027-06", on=date(2026, 6, 1))
    desk.pay("1-1-101", "1000", date(2026, 11, 1))  # through 2027-03
    desk.pay("1-1-102", "900", date(2026, 11, 1))  # through 2027-02
    desk.pay("1-1-201", "100", date(2026, 11, 1))  # 2026-06 only
    return desk


def test_arrears_are_aged_by_the_oldest_unpaid_month_counting_both_ends(owing) -> None:
    found = fees.arrears(date(2027, 6, 30))
    rows = {row.room_code: (row.oldest, row.months, row.bucket, row.owed_fen) for row in found.rooms}
    assert rows == {
        "1-1-101": (Month(2027, 4), 3, AgeBucket.UP_TO_3, 30000),
        "1-1-102": (Month(2027, 3), 4, AgeBucket.UP_TO_6, 40000),
        "1-1-201": (Month(2026, 7), 12, AgeBucket.UP_TO_12, 120000),
        "2-1-101": (Month(2026, 6), 13, AgeBucket.OVER_12, 130000),
    }
    assert [row.room_code for row in found.rooms] == ["1-1-101", "1-1-102", "1-1-201", "2-1-101"]
    assert found.total_fen == 320000 and found.as_of == date(2027, 6, 30)
    assert [row.building for row in found.rooms] == ["1", "1", "1", "2"]
    assert found.rooms[0].owners == "王玥"


def test_arrears_count_months_up_to_the_day_only(owing) -> None:
    found = fees.arrears(date(2027, 3, 31))  # April to June are billed but not yet due
    assert {row.room_code: row.owed_fen for row in found.rooms} == {
        "1-1-102": 10000,
        "1-1-201": 90000,
        "2-1-101": 100000,
    }


def test_payments_dated_after_the_day_do_not_count(owing) -> None:
    before = fees.arrears(date(2026, 10, 31))
    assert {row.room_code: (row.owed_fen, row.bucket) for row in before.rooms} == dict.fromkeys(
        ("1-1-101", "1-1-102", "1-1-201", "2-1-101"), (50000, AgeBucket.UP_TO_6)
    )
    on_the_day = fees.arrears(date(2026, 11, 1))
    assert {row.room_code: (row.owed_fen, row.oldest) for row in on_the_day.rooms} == {
        "1-1-201": (50000, Month(2026, 7)),
        "2-1-101": (60000, Month(2026, 6)),
    }


def test_a_payment_voided_later_still_counted_on_the_day(owing) -> None:
    receipt = fees.list_receipts(search="1-1-201")[0].number
    fees.void(receipt, "转账退回", date(2026, 11, 20))
    assert {row.room_code: row.owed_fen for row in fees.arrears(date(2026, 11, 19)).rooms}["1-1-201"] == 50000
    assert {row.room_code: row.owed_fen for row in fees.arrears(date(2026, 11, 20)).rooms}["1-1-201"] == 60000


def test_arrears_of_one_building(owing) -> None:
    found = fees.arrears(date(2027, 6, 30), building="2")
    assert [row.room_code for row in found.rooms] == ["2-1-101"] and found.total_fen == 130000
    assert fees.arrears(date(2027, 6, 30), building="9").rooms == ()


def test_arrears_lines_name_each_item_and_month_owed(owing) -> None:
    lines = fees.arrears_lines(owing.rooms["1-1-101"], date(2027, 5, 15))
    assert lines == [("物业费", Month(2027, 4), 10000), ("物业费", Month(2027, 5), 10000)]
    assert fees.arrears_lines(owing.rooms["1-1-101"], date(2027, 3, 31)) == []


def test_arrears_lines_add_up_to_the_rooms_arrears_on_any_day(owing) -> None:
    owing.item("垃圾清运费", "fixed", "15", date(2026, 6, 1))
    owing.bill("2026-06", "2027-06", on=date(2026, 9, 1))  # billed later than the first item
    owing.pay("2-1-101", "300", date(2026, 11, 30))
    for day in (date(2026, 8, 31), date(2026, 10, 31), date(2026, 11, 30), date(2027, 6, 30)):
        for row in fees.arrears(day).rooms:
            lines = fees.arrears_lines(row.room_id, day)
            assert sum(fen for _item, _month, fen in lines) == row.owed_fen, (day, row.room_code)
            assert min(month for _item, month, _fen in lines) == row.oldest
    # On 31 October 2-1-101 still owed June: the payment of 30 November paid it later.
    assert fees.arrears_lines(owing.rooms["2-1-101"], date(2026, 10, 31))[:2] == [
        ("物业费", Month(2026, 6), 10000),
        ("物业费", Month(2026, 7), 10000),
    ]


def test_a_standing_reduction_counts_whenever_its_charge_does(desk) -> None:
    desk.item("物业费", "area", "0.60")
    fees.save_fee_settings(FeeSettings(vacant_percent=Decimal(50)))
    desk.bill("2025-01", on=date(2025, 2, 5))  # January billed late, the vacant home's discount with it
    for day in (date(2025, 1, 31), date(2025, 2, 5)):
        owed = {row.room_code: row.owed_fen for row in fees.arrears(day).rooms}
        # Never the vacant home owing the charge before its discount: it never did.
        assert owed == {"1-1-101": 5370, "1-1-102": 7203, "1-1-201": 1800}, day
        assert fees.arrears_lines(desk.rooms["1-1-201"], day) == [("物业费", Month(2025, 1), 1800)]
    item = fees.find_item("物业费").id
    desk.reduce("1-1-201", item, "2025-01", amount="10", on=date(2025, 2, 10))  # a clerk's: from its day
    assert fees.arrears_lines(desk.rooms["1-1-201"], date(2025, 2, 9)) == [("物业费", Month(2025, 1), 1800)]
    assert fees.arrears_lines(desk.rooms["1-1-201"], date(2025, 2, 10)) == [("物业费", Month(2025, 1), 800)]


def test_a_prepayment_held_on_the_day_pays_the_charges_billed_after_it(desk) -> None:
    """A room that paid ahead owed nothing on the day, though the run that spent its money came later."""
    desk.item("垃圾清运费", "fixed", "100")
    room = desk.rooms["1-1-101"]
    desk.pay("1-1-101", "500", date(2025, 5, 1))  # nothing billed yet: all kept as prepayment
    desk.bill("2025-05", "2025-06", on=date(2025, 11, 30))  # billed late; the prepayment pays both
    assert "1-1-101" not in {row.room_code for row in fees.arrears(date(2025, 6, 30)).rooms}
    assert fees.arrears_lines(room, date(2025, 6, 30)) == []
    desk.pay("1-1-102", "150", date(2025, 7, 1))  # paid ahead only after the day: it owed then
    owed = {row.room_code: row.owed_fen for row in fees.arrears(date(2025, 6, 30)).rooms}
    assert owed["1-1-102"] == 20_000
    assert fees.arrears_lines(desk.rooms["1-1-102"], date(2025, 6, 30)) == [
        ("垃圾清运费", Month(2025, 5), 10_000),
        ("垃圾清运费", Month(2025, 6), 10_000),
    ]
    desk.pay("1-1-201", "150", date(2025, 6, 1))  # 150 ahead: May paid, half of June still owed
    row = next(row for row in fees.arrears(date(2025, 6, 30)).rooms if row.room_code == "1-1-201")
    assert (row.owed_fen, str(row.oldest)) == (5_000, "2025-06")


# ---------------------------------------------------------------- collection rate


@pytest.fixture
def collected(desk):
    """Four homes in two buildings billed 100 yuan for January and February 2025, paid in part."""
    desk.add_room("10-1-101", "80")
    item = desk.item("物业费", "fixed", "100")
    desk.bill("2025-01", "2025-02")
    desk.reduce("1-1-201", item, "2025-01", percent="50")
    desk.pay("1-1-101", "200", date(2025, 3, 1))  # both months
    desk.pay("1-1-102", "50", date(2025, 1, 20))
    desk.pay("1-1-102", "50", date(2025, 9, 1))  # January, paid late: still collected for the period
    desk.pay("1-1-201", "50", date(2025, 2, 1))  # January after its reduction
    desk.pay("10-1-101", "150", date(2025, 2, 1))  # January and half of February
    return desk


def test_the_collection_rate_is_collected_over_due_net_of_reductions(collected) -> None:
    rate = fees.collection_rate(Month(2025, 1), Month(2025, 2))
    assert (rate.due_fen, rate.collected_fen) == (80000 - 5000, 20000 + 10000 + 5000 + 15000)
    assert rate.rate == "0.6667"  # 50000 / 75000, 4 decimals rounded half-up
    assert (rate.households_billed, rate.households_paid) == (4, 1)
    assert rate.by_month == () and rate.by_building == ()


def test_the_collection_rate_by_month_and_by_building(collected) -> None:
    rate = fees.collection_rate(Month(2025, 1), Month(2025, 2), detail=True)
    assert rate.by_month == (
        RateRow("2025-01", 35000, 35000, 4, 4),
        RateRow("2025-02", 40000, 15000, 4, 1),
    )
    assert rate.by_building == (  # natural order: 1 before 10
        RateRow("1", 55000, 35000, 3, 1),
        RateRow("10", 20000, 15000, 1, 0),
    )
    january = fees.collection_rate(Month(2025, 1), Month(2025, 1))
    assert (january.rate, january.households_paid) == ("1.0000", 4)


def test_a_void_lowers_the_rate_and_a_period_without_charges_has_none(collected) -> None:
    receipt = fees.list_receipts(search="10-1-101")[0].number
    fees.void(receipt, "退款")
    rate = fees.collection_rate(Month(2025, 1), Month(2025, 2))
    assert rate.collected_fen == 35000 and rate.rate == "0.4667"
    nothing = fees.collection_rate(Month(2024, 1), Month(2024, 12), detail=True)
    assert (nothing.due_fen, nothing.rate, nothing.households_billed, nothing.by_month) == (0, None, 0, ())


def test_a_fully_reduced_period_has_no_rate(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    for code in ("1-1-101", "1-1-102", "1-1-201"):
        desk.reduce(code, item, "2025-01", percent="100")
    rate = fees.collection_rate(Month(2025, 1), Month(2025, 1))
    assert (rate.due_fen, rate.collected_fen, rate.rate) == (0, 0, None)
    assert (rate.households_billed, rate.households_paid) == (3, 3)
