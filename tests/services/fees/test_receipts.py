"""Receipts and voids (services/fees/payments.py): numbers gapless per year; voids reverse, never delete."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.services import fees
from estatedesk.services.fees import payments
from estatedesk.store import audit
from estatedesk.store.sql import execute


class Today(date):
    """A clock at the end of 2027, so that the counter can take payments dated then."""

    @classmethod
    def today(cls) -> Today:
        return cls(2027, 12, 31)


@pytest.fixture
def end_of_2027(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(payments, "date", Today)


def test_receipt_numbers_run_gapless_per_year_of_the_payment_date(desk, end_of_2027: None) -> None:
    numbers = [
        desk.pay("1-1-101", "10", date(2026, 12, 30)).receipt,
        desk.pay("1-1-102", "10", date(2026, 12, 31)).receipt,
        desk.pay("1-1-101", "10", date(2027, 1, 1)).receipt,
        desk.pay("1-1-101", "10", date(2026, 11, 2)).receipt,  # entered late: the next of its own year
        desk.pay("2-S01", "10", date(2027, 3, 1)).receipt,
    ]
    assert numbers == ["2026-000001", "2026-000002", "2027-000001", "2026-000003", "2027-000002"]
    assert [row.number for row in fees.list_receipts()] == sorted(numbers, reverse=True)
    assert [row.number for row in fees.list_receipts(year=2026)] == [
        "2026-000003",
        "2026-000002",
        "2026-000001",
    ]


def test_a_void_needs_a_reason_and_records_who_and_when(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-02")
    paid = desk.pay("1-1-101", "30")
    entries = desk.entries()
    for reason in ("", "  "):
        with pytest.raises(InputRejected) as refused:
            fees.void(paid.receipt, reason)
        assert [error.field for error in refused.value.errors] == ["reason"]
    with pytest.raises(InputRejected) as refused:
        fees.void("2025-1", "录错")
    assert [error.field for error in refused.value.errors] == ["receipt"]
    with pytest.raises(NotFound):
        fees.void("2025-000009", "录错")
    assert desk.entries() == entries

    audit.set_actor("李会计")
    voided = fees.void(paid.receipt, "金额录错", date(2025, 6, 2))
    assert (voided.receipt, voided.reopened_fen, voided.prepaid_fen) == (paid.receipt, 3000, 0)
    row = fees.receipt_row(paid.receipt)
    assert (row.void_reason, row.voided_by) == ("金额录错", "李会计")
    assert row.voided_at.startswith(str(date.today().year))  # when it was done, UTC
    assert row.amount_fen == 3000  # the payment itself stays as it was posted
    with pytest.raises(InputRejected) as again:
        fees.void(paid.receipt, "再次作废")
    assert [error.field for error in again.value.errors] == ["receipt"]
    trail = [(entry.action, entry.entity) for entry in audit.room_history(desk.rooms["1-1-101"])]
    assert trail[0] == ("void", "receipt")


def test_a_void_is_dated_on_or_after_its_payment_and_never_in_the_future(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    paid = desk.pay("1-1-101", "15", date(2025, 2, 10))
    entries = desk.entries()
    for day in (date(2025, 2, 9), date(2099, 1, 1)):
        with pytest.raises(InputRejected) as refused:
            fees.void(paid.receipt, "录错", day)
        assert [error.field for error in refused.value.errors] == ["date"]
    assert desk.entries() == entries

    # Had it been taken, arrears between the two days would count the charge twice over.
    def owed_on(day: date) -> int:
        return {row.room_code: row.owed_fen for row in fees.arrears(day).rooms}.get("1-1-101", 0)

    fees.void(paid.receipt, "录错", date(2025, 2, 10))
    assert (owed_on(date(2025, 2, 9)), owed_on(date(2025, 2, 10))) == (1500, 1500)


def test_a_receipt_number_typed_with_full_width_digits_is_found(desk) -> None:
    paid = desk.pay("1-1-101", "15")
    typed = " ２０２５-０００００１ "
    assert fees.receipt_row(typed).number == paid.receipt == "2025-000001"
    assert fees.void(typed, "录错").receipt == "2025-000001"
    assert fees.receipt_row(paid.receipt).void_reason == "录错"
    with pytest.raises(InputRejected):
        fees.void("２０２５-０００００１", "再次作废")


def test_a_void_reverses_with_new_entries_and_the_number_stays_used(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-02")
    paid = desk.pay("1-1-101", "40")  # both months, 10 yuan kept
    posted = execute("SELECT * FROM ledger_entry ORDER BY id").fetchall()
    fees.void(paid.receipt, "收错房间")
    assert (
        execute("SELECT * FROM ledger_entry ORDER BY id").fetchall()[: len(posted)] == posted
    )  # nothing changed
    kinds = [
        row[0] for row in execute("SELECT kind FROM ledger_entry WHERE id > ? ORDER BY id", (len(posted),))
    ]
    assert kinds == ["void", "allocation", "allocation", "prepaid"]
    assert desk.owed("1-1-101") == {(item, "2025-01"): 1500, (item, "2025-02"): 1500}  # unpaid again
    assert desk.prepaid("1-1-101") == 0
    assert desk.pay("1-1-101", "15").receipt == "2025-000002"  # the voided number is never reused
    rows = fees.list_receipts()
    assert [(row.number, row.void_reason) for row in rows] == [
        ("2025-000002", None),
        ("2025-000001", "收错房间"),
    ]
    assert desk.stale() == 0 and desk.verify().ok


def test_voiding_a_prepayment_a_billing_run_spent_puts_those_charges_back(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    paid = desk.pay("1-1-101", "40", date(2025, 1, 2))  # all kept: nothing billed yet
    desk.bill("2025-01", "2025-03", on=date(2025, 1, 5))  # spends 15 + 15 + 10
    assert desk.owed("1-1-101") == {(item, "2025-01"): 0, (item, "2025-02"): 0, (item, "2025-03"): 500}
    voided = fees.void(paid.receipt, "转账未到账")
    assert desk.owed("1-1-101") == {(item, "2025-01"): 1500, (item, "2025-02"): 1500, (item, "2025-03"): 1500}
    assert voided.prepaid_fen == desk.prepaid("1-1-101") == 0
    assert voided.reopened_fen == 4000
    assert desk.stale() == 0 and desk.verify().ok


def test_voiding_one_of_two_prepayments_keeps_the_other(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    first = desk.pay("1-1-101", "20", date(2025, 1, 2))
    desk.pay("1-1-101", "20", date(2025, 1, 3))
    desk.bill("2025-01", "2025-02")  # spends 30 of the 40
    fees.void(first.receipt, "重复收款")
    # As if only the second had been made: 20 spent on January and 5 of February.
    assert desk.owed("1-1-101") == {(item, "2025-01"): 0, (item, "2025-02"): 1000}
    assert desk.prepaid("1-1-101") == 0
    desk.bill("2025-03")
    assert desk.owed_total("1-1-101") == 2500 and desk.prepaid("1-1-101") == 0
    assert desk.stale() == 0


def test_voiding_a_payment_whose_prepayment_is_partly_spent(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    paid = desk.pay("1-1-101", "50")  # January, 35 kept
    desk.bill("2025-02")  # spends 15: 20 left
    fees.void(paid.receipt, "假币")
    assert desk.owed("1-1-101") == {(item, "2025-01"): 1500, (item, "2025-02"): 1500}
    assert desk.prepaid("1-1-101") == 0
    desk.bill("2025-03")
    assert desk.owed_total("1-1-101") == 4500 and desk.stale() == 0


def test_a_prepayment_the_room_holds_pays_what_a_void_puts_back(desk) -> None:
    item = desk.item("物业费", "fixed", "35")
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-02")
    first = desk.pay("1-1-101", "47.54")  # January's 35, and 12.54 of its 15
    second = desk.pay("1-1-101", "52.47")  # the rest: 0.01 kept
    assert second.kept_as_prepaid_fen == 1
    voided = fees.void(first.receipt, "重复录入")
    # As if only the second had been made: 52.47 paid, nothing held while the room owes.
    assert (desk.owed_total("1-1-101"), desk.prepaid("1-1-101")) == (10000 - 5247, 0)
    assert (voided.reopened_fen, voided.prepaid_fen) == (4754 - 1, 0)
    assert desk.owed("1-1-101")[(item, "2025-01")] == 3500 - 1  # the oldest first
    assert desk.stale() == 0 and desk.verify().ok


# ---------------------------------------------------------------- voids leave the account as if never paid

ROOMS = ("1-1-101", "1-1-102")
Step = tuple[object, ...]
paying = st.tuples(
    st.just("pay"), st.sampled_from(ROOMS), st.integers(1, 12_000), st.sampled_from([2025, 2026])
)
billing = st.tuples(st.just("bill"), st.integers(1, 3))
any_void = st.tuples(st.just("void"), st.integers(0, 20))  # the n-th live receipt, counted round
last_void = st.tuples(st.just("void"), st.just(-1))  # the newest live receipt


def replay(desk, steps: list[Step], skip: set[int]) -> tuple[list[str], set[str], dict[str, object]]:
    """Run ``steps``, leaving out those in ``skip``; the receipts, the voided ones, each room's account."""
    desk.item("物业费", "fixed", "35")
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01", "2025-02")
    receipts: list[str] = []
    voided: set[str] = set()
    billed = 2
    for number, (kind, *args) in enumerate(steps):
        if number in skip:
            continue
        if kind == "pay":
            code, fen, year = args
            receipts.append(desk.pay(code, f"{fen / 100:.2f}", date(year, 3, 1)).receipt)  # type: ignore[arg-type]
        elif kind == "void":
            live = [receipt for receipt in receipts if receipt not in voided]
            if live:
                chosen = live[args[0] % len(live)]  # type: ignore[operator]
                fees.void(chosen, "作废")
                voided.add(chosen)
        else:
            billed = min(12, billed + args[0])  # type: ignore[operator]
            desk.bill("2025-01", f"2025-{billed:02d}")
    state = {code: (desk.owed(code), desk.owed_total(code), desk.prepaid(code)) for code in ROOMS}
    return receipts, voided, state


def voided_steps(steps: list[Step]) -> set[int]:
    """The steps to leave out to do the same work without the voided payments: them and their voids."""
    live: list[int] = []
    left_out: set[int] = set()
    for number, (kind, *args) in enumerate(steps):
        if kind == "pay":
            live.append(number)
        elif kind == "void" and live:
            left_out |= {live.pop(args[0] % len(live)), number}  # type: ignore[operator]
    return left_out


def check_pays_and_voids(desk, steps: list[Step], per_charge: bool) -> None:
    with desk.scratch():
        receipts, voided, with_voids = replay(desk, steps, set())
        assert desk.stale() == 0 and desk.verify().ok
        listed = fees.list_receipts()
        assert sorted(row.number for row in listed) == sorted(receipts)  # every number listed, void ones too
        assert {row.number for row in listed if row.void_reason is not None} == voided
        for year in (2025, 2026):
            serials = sorted(int(number[5:]) for number in receipts if number.startswith(str(year)))
            assert serials == list(range(1, len(serials) + 1))  # gapless, none reused
    with desk.scratch():
        _receipts, _voided, without = replay(desk, steps, voided_steps(steps))
    for code in ROOMS:
        lines, owed, prepaid = with_voids[code]  # type: ignore[misc]
        assert (owed, prepaid) == without[code][1:]  # type: ignore[index]
        assert prepaid >= 0
        if per_charge:
            assert lines == without[code][0]  # type: ignore[index]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(paying, billing, any_void), max_size=12))
def test_voided_payments_leave_each_room_owing_and_holding_as_if_never_made(desk, steps: list[Step]) -> None:
    check_pays_and_voids(desk, steps, per_charge=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(paying, billing, last_void), max_size=12))
def test_voiding_the_newest_payments_leaves_every_charge_as_if_never_paid(desk, steps: list[Step]) -> None:
    check_pays_and_voids(desk, steps, per_charge=True)


def test_a_receipt_says_which_months_were_paid_in_part_or_after_a_reduction(desk) -> None:
    item = desk.item("物业费", "area", "0.60")  # 1-1-101: 89.50 m² → 53.70 a month
    desk.bill("2025-01", "2025-03")
    desk.reduce("1-1-101", item, "2025-01", "2025-01", percent="50")
    paid = desk.pay("1-1-101", "100")  # January 26.85 (reduced), February 53.70, March 19.45 of 53.70
    lines = [
        (line.period, line.quantity, line.amount_fen) for line in fees.receipt_document(paid.receipt).lines
    ]
    assert lines == [
        ("2025-01（减免后）", "89.50㎡×1月", 2685),
        ("2025-02", "89.50㎡×1月", 5370),
        ("2025-03（部分）", "89.50㎡×1月", 1945),
    ]
    assert sum(amount for _period, _quantity, amount in lines) == 10_000


def test_a_void_receipt_prints_why_by_whom_and_when(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    paid = desk.pay("1-1-101", "15")
    fees.void(paid.receipt, "收错房间")
    printed = fees.receipt_document(paid.receipt, copy=True)
    assert printed.void_reason is not None and printed.void_reason.startswith("收错房间（")
    assert fees.receipt_row(paid.receipt).voided_by in printed.void_reason


def test_a_payment_dated_before_2000_is_a_slip(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    with pytest.raises(InputRejected) as refused:
        desk.pay("1-1-101", "15", date(1, 1, 1))
    assert [error.field for error in refused.value.errors] == ["date"]


def test_a_receipt_carries_its_payments_check_code_and_a_changed_entry_prints_another(desk) -> None:
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    paid = desk.pay("1-1-101", "15")
    code = fees.receipt_document(paid.receipt).check_code
    digest = execute("SELECT hash FROM ledger_entry WHERE id = ?", (paid.payment_id,)).fetchone()[0]
    assert code == f"{digest[:4]}-{digest[4:8]}".upper()
    assert fees.receipt_document(paid.receipt, copy=True).check_code == code  # a reprint of the same entry
    # An entry changed and its hash recomputed (by someone who knows how): the paper no longer matches.
    execute("UPDATE ledger_entry SET hash = ? WHERE id = ?", ("f" * 64, paid.payment_id))
    assert fees.receipt_document(paid.receipt, copy=True).check_code != code
