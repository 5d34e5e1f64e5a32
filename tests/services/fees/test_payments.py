"""Payments at the counter (services/fees/payments.py): oldest first, ticked lines, prepayment, receipts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.fees import Month
from estatedesk.services import fees
from estatedesk.services.fees import AppliedLine, PaymentMethod
from estatedesk.store.sql import execute


def test_a_payment_pays_the_oldest_month_first_and_items_in_their_order(desk) -> None:
    desk.item("物业费", "area", "0.60")
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-02", "2025-03")
    desk.bill("2025-01")  # billed last, still paid first
    paid = desk.pay("1-1-101", "100")  # 53.70 + 15 for January, then 31.30 of February's 53.70
    assert paid.applied == (
        AppliedLine("物业费", Month(2025, 1), 5370),
        AppliedLine("垃圾清运费", Month(2025, 1), 1500),
        AppliedLine("物业费", Month(2025, 2), 3130),
    )
    assert (paid.amount_fen, paid.kept_as_prepaid_fen, paid.prepaid_fen) == (10000, 0, 0)
    assert paid.amount_words == "人民币壹佰元整"
    assert paid.receipt == "2025-000001"
    owed = {(line.item, str(line.month)): line.owed_fen for line in fees.account(desk.rooms["1-1-101"]).lines}
    assert owed == {
        ("物业费", "2025-01"): 0,
        ("垃圾清运费", "2025-01"): 0,
        ("物业费", "2025-02"): 2240,
        ("垃圾清运费", "2025-02"): 1500,
        ("物业费", "2025-03"): 5370,
        ("垃圾清运费", "2025-03"): 1500,
    }
    assert desk.stale() == 0 and desk.verify().ok


def test_the_item_order_within_a_month_is_the_clerks(desk) -> None:
    desk.item("物业费", "area", "0.60")
    fixed = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-02")
    fees.move_item(fixed, -1)
    paid = desk.pay("1-1-101", "20")
    assert paid.applied == (
        AppliedLine("垃圾清运费", Month(2025, 1), 1500),
        AppliedLine("物业费", Month(2025, 1), 500),
    )


def test_only_the_ticked_lines_are_paid_and_the_rest_is_prepayment(desk) -> None:
    desk.item("物业费", "area", "0.60")
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-03")
    march = [
        line.charge_id for line in fees.open_charges(desk.rooms["1-1-101"]) if line.month == Month(2025, 3)
    ]
    paid = desk.pay("1-1-101", "100", charge_ids=tuple(march))
    assert paid.applied == (
        AppliedLine("物业费", Month(2025, 3), 5370),
        AppliedLine("垃圾清运费", Month(2025, 3), 1500),
    )
    assert paid.kept_as_prepaid_fen == paid.prepaid_fen == 10000 - 6870
    assert sorted({str(line.month) for line in fees.open_charges(desk.rooms["1-1-101"])}) == [
        "2025-01",
        "2025-02",
    ]
    with pytest.raises(InputRejected) as refused:
        desk.pay("1-1-101", "10", charge_ids=tuple(march))  # paid already
    assert [error.field for error in refused.value.errors] == ["lines"]
    other_room = fees.open_charges(desk.rooms["1-1-102"])[0].charge_id
    with pytest.raises(InputRejected):
        desk.pay("1-1-101", "10", charge_ids=(other_room,))


def test_a_prepayment_is_spent_by_the_next_billing_run_oldest_first(desk) -> None:
    area = desk.item("物业费", "area", "0.60")
    fixed = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    paid = desk.pay("1-1-101", "200", charge_ids=())  # nothing ticked: all of it kept
    assert paid.applied == () and paid.prepaid_fen == 20000
    result = desk.bill("2025-02", "2025-03", on=date(2025, 2, 1))
    # January, then February, then March, each month's items in order, while the money lasts.
    assert result.prepaid_applied_fen == 20000
    owed = desk.owed("1-1-101")
    assert [owed[key] for key in sorted(owed, key=lambda key: (key[1], key[0]))] == [0, 0, 0, 0, 0, 610]
    assert owed[(area, "2025-03")] == 0 and owed[(fixed, "2025-03")] == 1500 - 890
    assert desk.prepaid("1-1-101") == 0
    account = fees.account(desk.rooms["1-1-101"])
    assert [(line.text, line.amount_fen) for line in account.entries if line.kind == "预交"] == [
        ("存入预交", 20000),
        ("预交冲抵", -20000),
    ]
    assert desk.stale() == 0 and desk.verify().ok


def test_a_prepayment_larger_than_the_bills_is_kept_for_the_next(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.pay("1-1-101", "40")
    assert desk.bill("2025-01").prepaid_applied_fen == 1500
    assert desk.prepaid("1-1-101") == 2500
    assert desk.bill("2025-02").prepaid_applied_fen == 1500
    assert desk.bill("2025-03").prepaid_applied_fen == 1000
    assert desk.prepaid("1-1-101") == 0 and desk.owed_total("1-1-101") == 500


@pytest.mark.parametrize(
    ("typed", "fields"),
    [
        ({"amount": "0"}, {"amount"}),
        ({"amount": "1.234"}, {"amount"}),
        ({"amount": "abc", "method": "cheque"}, {"amount", "method"}),
        ({"method": "wechat"}, {"reference"}),
        ({"method": "transfer", "reference": " "}, {"reference"}),
        ({"on": date(2099, 1, 1)}, {"date"}),
    ],
)
def test_a_bad_payment_is_refused_and_writes_nothing(
    desk, typed: dict[str, object], fields: set[str]
) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    entries = desk.entries()
    with pytest.raises(InputRejected) as refused:
        desk.pay("1-1-101", **{"amount": "10", **typed})  # type: ignore[arg-type]
    assert {error.field for error in refused.value.errors} == fields
    assert desk.entries() == entries


def test_a_payment_records_its_method_reference_and_payer(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    paid = desk.pay("1-1-101", "15", method="wechat", reference="4200001234")
    row = fees.receipt_row(paid.receipt)
    assert (row.method, row.reference, row.payer, row.room_code) == (
        PaymentMethod.WECHAT,
        "4200001234",
        "王玥",  # the first owner, when no payer was typed
        "1-1-101",
    )
    assert (row.amount_fen, row.paid_on, row.void_reason) == (1500, date(2025, 6, 1), None)


# ---------------------------------------------------------------- money is neither lost nor made

charge_prices = st.lists(st.integers(1, 30_000), min_size=1, max_size=4)  # fixed items, fen a month
payments = st.lists(st.tuples(st.sampled_from(["1-1-101", "1-1-102"]), st.integers(1, 200_000)), max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prices=charge_prices, months=st.integers(1, 4), paid=payments, later=st.booleans())
def test_every_fen_of_a_payment_is_applied_or_kept(
    desk, prices: list[int], months: int, paid: list[tuple[str, int]], later: bool
) -> None:
    with desk.scratch():
        for number, fen in enumerate(prices):
            desk.item(f"项目{number}", "fixed", f"{fen / 100:.2f}")
        desk.bill("2025-01", f"2025-{months:02d}")
        for code, fen in paid:
            open_before = {line.charge_id: line.owed_fen for line in fees.open_charges(desk.rooms[code])}
            prepaid_before = desk.prepaid(code)
            result = desk.pay(code, f"{fen / 100:.2f}")
            applied = execute(
                "SELECT charge_id, amount_fen FROM ledger_entry WHERE kind = 'allocation' AND payment_id = ?",
                (result.payment_id,),
            ).fetchall()
            assert sum(amount for _charge, amount in applied) + result.kept_as_prepaid_fen == fen
            assert all(0 < amount <= open_before[charge] for charge, amount in applied)
            assert result.kept_as_prepaid_fen == 0 or sum(amount for _c, amount in applied) == sum(
                open_before.values()
            )
            assert result.prepaid_fen == prepaid_before + result.kept_as_prepaid_fen == desk.prepaid(code)
        if later:  # the next run spends what was kept
            desk.bill(f"2025-{months + 1:02d}", "2025-06")
        for code in ("1-1-101", "1-1-102"):
            account = fees.account(desk.rooms[code], with_entries=False)
            assert account.owed_fen == account.due_fen - account.reduced_fen - account.paid_fen
            assert all(0 <= line.paid_fen <= line.amount_fen - line.reduced_fen for line in account.lines)
            assert sum(fen for room, fen in paid if room == code) == account.paid_fen + account.prepaid_fen
            assert account.prepaid_fen >= 0
            assert account.prepaid_fen == 0 or account.owed_fen == 0  # never kept while a charge is open
        assert desk.stale() == 0 and desk.verify().ok
