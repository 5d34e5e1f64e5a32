"""Fee items and their prices (services/fees/items.py, RULES.md §3): kinds, uses, effective dates, stops."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from estatedesk.domain.errors import InputRejected, NotFound, ValidationError
from estatedesk.domain.fees import FeeKind, Month
from estatedesk.domain.households import RoomUse
from estatedesk.services import fees
from estatedesk.services.fees import FeeItemInput, FeeSettings
from estatedesk.store.sql import execute


def fields_of(refused: pytest.ExceptionInfo[InputRejected]) -> set[str]:
    return {error.field for error in refused.value.errors}


def test_each_kind_bills_the_rooms_its_uses_name(desk) -> None:
    area = desk.item("物业费", "area", "0.6125", uses=frozenset({RoomUse.RESIDENTIAL, RoomUse.SHOP}))
    fixed = desk.item("垃圾清运费", "fixed", "15")
    parking = desk.item("车位管理费", "parking", "60")
    once = desk.item("公共维修补缴", "one-off", "200", date(2025, 3, 10), frozenset(RoomUse))

    result = desk.bill("2025-03")

    charges = desk.charges()
    assert {key: fen for key, fen in charges.items() if key[1] == area} == {
        ("1-1-101", area, "2025-03"): 5482,  # 89.50 m² × 0.6125 = 54.81875 → 54.82
        ("1-1-102", area, "2025-03"): 7353,  # 120.05 × 0.6125 = 73.530625
        ("1-1-201", area, "2025-03"): 3675,  # 60 × 0.6125 = 36.75
        ("2-S01", area, "2025-03"): 2769,  # 45.20 × 0.6125 = 27.685: half a fen, up
    }
    assert {key[0] for key in charges if key[1] == fixed} == {"1-1-101", "1-1-102", "1-1-201"}
    assert {key[0]: fen for key, fen in charges.items() if key[1] == parking} == {
        "1-1-101": 6000,  # one space
        "1-1-102": 12000,  # two spaces; the vacant home has none and is not charged
    }
    assert {key[0]: fen for key, fen in charges.items() if key[1] == once} == dict.fromkeys(desk.rooms, 20000)
    assert result.created == len(charges) == 4 + 3 + 2 + 5
    assert result.total_fen == sum(charges.values())
    assert result.rooms == 5


def test_the_quantity_and_price_are_kept_on_each_charge(desk) -> None:
    desk.item("物业费", "area", "0.6125")
    desk.item("车位管理费", "parking", "60")
    desk.bill("2025-01")
    account = fees.account(desk.rooms["1-1-102"])
    assert [(line.item, line.amount_fen) for line in account.lines] == [
        ("物业费", 7353),
        ("车位管理费", 12000),
    ]
    rows = execute(
        "SELECT price_units, quantity FROM ledger_entry WHERE kind = 'charge' AND room_id = ? ORDER BY id",
        (desk.rooms["1-1-102"],),
    ).fetchall()
    assert rows == [(6125, 12005), (600000, 2)]


def test_a_monthly_amount_is_rounded_once_per_room_item_and_month(desk) -> None:
    item = desk.item("物业费", "area", "0.6125")
    result = desk.bill("2025-01", "2025-12")
    year = [
        fen
        for (code, charged, _month), fen in desk.charges().items()
        if code == "1-1-101" and charged == item
    ]
    assert year == [5482] * 12  # never 12 × 54.81875 rounded once (657.83), never a sum of rounded parts
    assert result.created == 3 * 12


@pytest.mark.parametrize(
    ("text", "units"), [("0.6", 6000), ("0.6125", 6125), ("１.５", 15000), ("¥2元", 20000)]
)
def test_a_price_has_up_to_four_decimals(desk, text: str, units: int) -> None:
    item = desk.item("物业费", "area", text)
    assert fees.find_item("物业费").prices[0].price_units == units
    assert fees.find_item("物业费").id == item


def test_a_bad_item_is_refused_field_by_field(desk) -> None:
    with pytest.raises(InputRejected) as refused:
        fees.add_item(FeeItemInput("", "hourly", "0.61255", date(2025, 1, 1), frozenset()))
    assert fields_of(refused) == {"name", "kind", "price", "uses"}
    desk.item("物业费", "area", "0.60")
    with pytest.raises(InputRejected) as refused:
        desk.item("物业费", "fixed", "1")
    assert fields_of(refused) == {"name"}
    with pytest.raises(NotFound):
        fees.find_item("水费")
    assert [item.name for item in fees.list_items()] == ["物业费"]


def test_a_one_off_item_is_billed_once_in_the_month_of_its_date(desk) -> None:
    once = desk.item("公共维修补缴", "one-off", "200", date(2025, 3, 10))
    item = fees.find_item("公共维修补缴")
    assert item.kind is FeeKind.ONE_OFF and item.once_month == Month(2025, 3)

    assert desk.bill("2025-01", "2025-02").created == 0  # a run not covering March bills nothing of it
    assert desk.bill("2025-04", "2025-06").created == 0
    assert desk.bill("2025-01", "2025-06").created == 3  # the run covering March, once per room
    assert desk.bill("2025-03").created == 0
    assert {key[2] for key in desk.charges() if key[1] == once} == {"2025-03"}


# ---------------------------------------------------------------- prices over time


def test_a_new_price_applies_from_its_month_and_old_charges_never_change(desk) -> None:
    item = desk.item("物业费", "area", "0.60")
    desk.bill("2025-01", "2025-03")
    before = desk.charges()
    fees.set_price(item, "0.80", date(2025, 4, 15))  # mid-month: April is the first month at 0.80
    assert desk.charges() == before
    desk.bill("2025-01", "2025-05")
    after = desk.charges("1-1-101")
    assert [after[("1-1-101", item, f"2025-0{m}")] for m in range(1, 6)] == [5370, 5370, 5370, 7160, 7160]
    assert {key: fen for key, fen in desk.charges().items() if key in before} == before
    assert [(p.effective_from, p.price_units) for p in fees.find_item("物业费").prices] == [
        (date(2025, 1, 1), 6000),
        (date(2025, 4, 15), 8000),
    ]


@pytest.mark.parametrize("day", [date(2025, 3, 31), date(2025, 3, 1), date(2025, 1, 1), date(2024, 12, 1)])
def test_a_price_dated_in_or_before_a_charged_month_is_refused(desk, day: date) -> None:
    item = desk.item("物业费", "area", "0.60")
    desk.bill("2025-01", "2025-03")
    with pytest.raises(InputRejected) as refused:
        fees.set_price(item, "0.80", day)
    assert [error.field for error in refused.value.errors] == ["from"]
    assert "2025-04" in refused.value.errors[0].message
    assert len(fees.find_item("物业费").prices) == 1


def test_a_price_for_a_month_not_yet_charged_is_taken_and_a_bad_one_is_not(desk) -> None:
    item = desk.item("物业费", "area", "0.60")
    desk.bill("2025-01")
    fees.set_price(item, "0.65", date(2025, 2, 1))
    with pytest.raises(InputRejected) as refused:
        fees.set_price(item, "0.70", date(2025, 2, 1))  # the same day twice
    assert fields_of(refused) == {"from"}
    with pytest.raises(ValidationError) as bad:
        fees.set_price(item, "0,7", date(2025, 3, 1))
    assert bad.value.field == "price"
    desk.bill("2025-02")
    assert desk.charges("1-1-101")[("1-1-101", item, "2025-02")] == 5818  # 89.50 × 0.65 = 58.175


def test_an_item_stops_from_a_month_and_resumes(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-03")
    with pytest.raises(InputRejected) as refused:
        fees.stop_item(item, Month(2025, 3))  # March is charged already
    assert fields_of(refused) == {"from"}
    fees.stop_item(item, Month(2025, 5))
    assert fees.find_item("垃圾清运费").stopped_from == Month(2025, 5)
    assert desk.bill("2025-04", "2025-08").created == 3  # April only
    fees.stop_item(item, None)
    assert fees.find_item("垃圾清运费").stopped_from is None
    assert desk.bill("2025-04", "2025-08").created == 3 * 4  # May to August, now billed
    assert sorted({key[2] for key in desk.charges()}) == [f"2025-0{m}" for m in range(1, 9)]


def test_items_are_paid_in_their_order_which_the_clerk_may_change(desk) -> None:
    first = desk.item("物业费", "area", "0.60")
    second = desk.item("垃圾清运费", "fixed", "15")
    third = desk.item("车位管理费", "parking", "60")
    assert [item.id for item in fees.list_items()] == [first, second, third]
    fees.move_item(third, -1)
    assert [item.id for item in fees.list_items()] == [first, third, second]
    fees.move_item(first, -1)  # already first: stays
    fees.move_item(first, +5)
    assert [(item.id, item.position) for item in fees.list_items()] == [(third, 0), (second, 1), (first, 2)]


# ---------------------------------------------------------------- settings


def test_fee_settings_are_off_by_default_and_travel_with_the_file(desk) -> None:
    assert fees.fee_settings() == FeeSettings()
    fees.save_fee_settings(FeeSettings(Decimal(50), Decimal("12.5"), "到物业办公室缴纳", "0571-88886666"))
    assert fees.fee_settings() == FeeSettings(
        Decimal(50), Decimal("12.5"), "到物业办公室缴纳", "0571-88886666"
    )
    fees.save_fee_settings(FeeSettings())
    assert fees.fee_settings() == FeeSettings()


@pytest.mark.parametrize(
    ("text", "shown"),
    [("50", "50"), ("100", "100"), ("50.00", "50"), ("12.5", "12.5"), ("33.33%", "33.33"), ("10", "10")],
)
def test_a_percent_reads_as_typed_and_shows_as_a_clerk_writes_it(text: str, shown: str) -> None:
    percent = fees.parse_percent(text, "vacant_percent")
    assert percent == Decimal(shown)
    assert str(percent) == shown  # never 5E+1: it is stored and printed on reduction lines


@pytest.mark.parametrize("text", ["0", "100.01", "12.345", "abc", "-5", "NaN", "Infinity"])
def test_a_bad_percent_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        fees.parse_percent(text, "hardship_percent")
    assert refused.value.field == "hardship_percent"
    assert fees.parse_percent("", "x") is None and fees.parse_percent("off", "x") is None


def test_the_reminders_text_may_not_threaten_to_cut_supplies(desk) -> None:
    with pytest.raises(InputRejected) as refused:
        fees.save_fee_settings(FeeSettings(how_to_pay="逾期不缴将停水停电", office_phone="\x07"))
    assert fields_of(refused) == {"how_to_pay", "office_phone"}  # every bad field at once
    assert fees.fee_settings().how_to_pay == ""  # nothing saved
    fees.save_fee_settings(FeeSettings(how_to_pay="请到物业办公室缴纳"))
    assert fees.fee_settings().how_to_pay == "请到物业办公室缴纳"


def test_a_price_is_written_as_amounts_are_and_has_a_ceiling(desk) -> None:
    desk.item("电梯维修分摊", "one-off", "1,200")
    assert fees.find_item("电梯维修分摊").prices[0].price_units == 1200 * 10_000
    for slip in ("1,20", "10000000000000", "99999999999999999999"):
        with pytest.raises(InputRejected) as refused:
            desk.item(f"项目{slip}", "fixed", slip)
        assert fields_of(refused) == {"price"}


def test_a_price_that_rounds_to_nothing_makes_no_charge(desk) -> None:
    desk.item("公共照明", "fixed", "0.0049")
    assert desk.bill("2025-01").created == 0
