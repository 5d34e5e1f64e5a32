"""Reductions (services/fees/reductions.py, billing's standing rules): own entries, never below zero."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.fees import Month
from estatedesk.domain.households import Flag, Occupancy
from estatedesk.services import fees
from estatedesk.services.fees import FeeSettings
from estatedesk.store.sql import execute


def reductions() -> list[tuple[int, str, int, str, str, str]]:
    """(room, month, fen, rule, reason, approver) of every reduction entry, in order."""
    return [
        tuple(row)  # type: ignore[misc]
        for row in execute(
            "SELECT room_id, month, amount_fen, rule, reason, approver FROM ledger_entry"
            " WHERE kind = 'reduction' ORDER BY id"
        )
    ]


def test_a_percent_reduction_is_its_own_entry_and_the_charge_stays(desk) -> None:
    item = desk.item("物业费", "area", "0.60")
    desk.bill("2025-01", "2025-04")
    charges = desk.charges()
    result = desk.reduce("1-1-101", item, "2025-02", "2025-03", percent="50")
    assert result.reduced_fen == 2 * 2685
    assert result.months == ((Month(2025, 2), 2685), (Month(2025, 3), 2685)) and result.skipped == ()
    assert desk.charges() == charges  # the charges are as they were: the reduction is an entry of its own
    room = desk.rooms["1-1-101"]
    assert reductions() == [
        (room, "2025-02", 2685, "manual", "低保户", "业委会主任"),
        (room, "2025-03", 2685, "manual", "低保户", "业委会主任"),
    ]
    owed = desk.owed("1-1-101")
    assert [owed[(item, f"2025-0{m}")] for m in range(1, 5)] == [5370, 2685, 2685, 5370]
    account = fees.account(room)
    assert (account.due_fen, account.reduced_fen, account.owed_fen) == (4 * 5370, 5370, 3 * 5370)
    texts = [line.text for line in account.entries if line.kind == "减免"]
    assert texts == ["减免：低保户（批准：业委会主任）"] * 2
    assert desk.stale() == 0 and desk.verify().ok


def test_an_amount_reduction_is_per_month_and_capped_at_what_is_owed(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-03")
    desk.pay("1-1-101", "20")  # January paid, February 5 yuan
    result = desk.reduce("1-1-101", item, "2025-01", "2025-03", amount="12")
    assert result.skipped == (Month(2025, 1),)  # paid in full: nothing to reduce
    assert result.months == ((Month(2025, 2), 1000), (Month(2025, 3), 1200))  # February owed 10 only
    assert desk.owed("1-1-101") == {(item, "2025-01"): 0, (item, "2025-02"): 0, (item, "2025-03"): 300}
    with pytest.raises(InputRejected) as refused:
        desk.reduce("1-1-101", item, "2025-02", amount="1")
    assert [error.field for error in refused.value.errors] == ["from"]
    skipped = desk.reduce("1-1-101", item, "2025-03", "2025-05", percent="100")
    assert skipped.months == ((Month(2025, 3), 300),) and skipped.skipped == (Month(2025, 4), Month(2025, 5))
    assert desk.owed_total("1-1-101") == 0 and desk.stale() == 0


@pytest.mark.parametrize(
    ("typed", "fields"),
    [
        ({"percent": "", "amount": ""}, {"percent"}),
        ({"percent": "10", "amount": "5"}, {"percent"}),
        ({"percent": "120"}, {"percent"}),
        ({"amount": "0"}, {"amount"}),
        ({"percent": "10", "reason": " "}, {"reason"}),
        ({"percent": "10", "approver": ""}, {"approver"}),
        ({"percent": "10", "approver": "王\x07李"}, {"approver"}),
    ],
)
def test_a_reduction_needs_a_percent_or_an_amount_a_reason_and_an_approver(
    desk, typed: dict[str, str], fields: set[str]
) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    entries = desk.entries()
    with pytest.raises(InputRejected) as refused:
        desk.reduce("1-1-101", item, "2025-01", **typed)
    assert {error.field for error in refused.value.errors} == fields
    assert desk.entries() == entries


operation = st.one_of(
    st.tuples(st.just("percent"), st.decimals(Decimal("0.01"), Decimal(100), places=2)),
    st.tuples(st.just("amount"), st.integers(1, 50_000)),
    st.tuples(st.just("pay"), st.integers(1, 50_000)),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(price=st.integers(1, 99_999), operations=st.lists(operation, min_size=1, max_size=8))
def test_reductions_and_payments_never_take_a_charge_below_zero(
    desk, price: int, operations: list[tuple[str, object]]
) -> None:
    with desk.scratch():
        item = desk.item("物业费", "fixed", f"{price // 100}.{price % 100:02d}")
        desk.bill("2025-01", "2025-02")
        for kind, value in operations:
            try:
                if kind == "pay":
                    desk.pay("1-1-101", f"{value / 100:.2f}")
                elif kind == "percent":
                    desk.reduce("1-1-101", item, "2025-01", "2025-02", percent=str(value))
                else:
                    desk.reduce("1-1-101", item, "2025-01", "2025-02", amount=f"{value / 100:.2f}")
            except InputRejected:
                assert kind != "pay"  # nothing left to reduce
            account = fees.account(desk.rooms["1-1-101"], with_entries=False)
            for line in account.lines:
                assert line.amount_fen == price
                assert 0 <= line.reduced_fen <= price and line.paid_fen >= 0
                assert line.owed_fen >= 0
            assert account.owed_fen == account.due_fen - account.reduced_fen - account.paid_fen >= 0
        assert desk.stale() == 0


# ---------------------------------------------------------------- standing reductions at billing


def test_standing_reductions_are_off_by_default(desk) -> None:
    desk.item("物业费", "area", "0.60")
    result = desk.bill("2025-01")
    assert result.reduced_fen == 0 and reductions() == []


def test_vacant_and_hardship_reductions_are_lines_naming_their_rule(desk) -> None:
    item = desk.item("物业费", "area", "0.60")
    fees.save_fee_settings(FeeSettings(vacant_percent=Decimal(50), hardship_percent=Decimal(100)))
    result = desk.bill("2025-01")
    vacant, hardship = desk.rooms["1-1-201"], desk.rooms["1-1-102"]
    assert reductions() == [
        (hardship, "2025-01", 7203, "hardship", "低保/特困减免 100%", ""),
        (vacant, "2025-01", 1800, "vacant", "空置房优惠 50%", ""),
    ]
    assert result.reduced_fen == 7203 + 1800 and result.created == 3
    assert desk.owed("1-1-102") == {(item, "2025-01"): 0}  # fully reduced: nothing open
    assert desk.owed("1-1-201") == {(item, "2025-01"): 1800}
    assert fees.open_charges(hardship) == []
    assert desk.stale() == 0 and desk.verify().ok


def test_a_percent_setting_is_stored_and_printed_in_plain_digits(desk) -> None:
    desk.item("物业费", "area", "0.60")
    fees.save_fee_settings(FeeSettings(vacant_percent=Decimal("5E+1"), hardship_percent=Decimal("12.50")))
    assert str(fees.fee_settings().vacant_percent) == "50"
    typed = fees.parse_percent("50", "vacant_percent")
    fees.save_fee_settings(FeeSettings(vacant_percent=typed))
    desk.bill("2025-01")
    assert [row[4] for row in reductions()] == ["空置房优惠 50%"]


def test_both_rules_on_one_room_never_take_more_than_the_charge(desk) -> None:
    item = desk.item("物业费", "area", "0.60")
    desk.add_room("1-1-202", "60", occupancy=Occupancy.VACANT, flags=frozenset({Flag.HARDSHIP}))
    fees.save_fee_settings(FeeSettings(vacant_percent=Decimal(70), hardship_percent=Decimal(50)))
    desk.bill("2025-01", on=date(2025, 1, 1))
    rows = [row for row in reductions() if row[0] == desk.rooms["1-1-202"]]
    assert [(row[2], row[3]) for row in rows] == [(2520, "vacant"), (1080, "hardship")]  # 70%, then the rest
    assert desk.owed("1-1-202") == {(item, "2025-01"): 0}
