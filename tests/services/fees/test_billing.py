"""The billing run (services/fees/billing.py): one charge per room, item and month, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.fees import Month
from estatedesk.services import fees, households
from estatedesk.services.fees import BillingCancelled
from estatedesk.store.models import AuditEntry
from estatedesk.store.sql import execute


def open_rows() -> int:
    return int(execute("SELECT COUNT(*) FROM open_charge").fetchone()[0])


def test_one_charge_per_room_item_and_month_and_a_repeat_makes_none(desk) -> None:
    desk.item("物业费", "area", "0.60")
    desk.item("垃圾清运费", "fixed", "15")
    first = desk.bill("2025-01", "2025-03")
    assert first.created == 3 * 2 * 3 and first.rooms == 3
    entries, head = desk.entries(), desk.head()
    again = desk.bill("2025-01", "2025-03")
    assert (again.created, again.total_fen, again.rooms) == (0, 0, 0)
    assert (desk.entries(), desk.head()) == (entries, head)
    keys = list(desk.charges())
    assert len(keys) == len(set(keys)) == 18
    assert desk.verify().ok and desk.verify().entries == entries
    assert desk.stale() == 0


def test_archived_rooms_are_not_billed_and_a_room_added_later_is(desk) -> None:
    item = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-01")
    assert households.remove_room(desk.rooms["1-1-201"]) == "archived"  # billed: kept for the ledger
    new = desk.add_room("1-1-301", "75")
    result = desk.bill("2025-01", "2025-02")
    assert result.created == 1 + 3  # the new room's January; February for the three rooms on file
    charged = desk.charges()
    assert ("1-1-201", item, "2025-01") in charged and ("1-1-201", item, "2025-02") not in charged
    assert ("1-1-301", item, "2025-01") in charged and ("1-1-301", item, "2025-02") in charged
    assert new == desk.rooms["1-1-301"]


def test_a_year_is_billed_in_one_run_across_the_new_year(desk) -> None:
    desk.item("物业费", "area", "0.60")
    desk.item("车位管理费", "parking", "60")
    result = desk.bill("2025-07", "2026-06")
    months = sorted({key[2] for key in desk.charges()})
    assert months[0] == "2025-07" and months[-1] == "2026-06" and len(months) == 12
    assert result.created == 12 * (3 + 2)
    assert result.total_fen == 12 * (5370 + 7203 + 3600 + 6000 + 12000)
    assert open_rows() == result.created
    with pytest.raises(ValidationError):
        desk.bill("2025-07", "2025-06")


def test_a_cancelled_run_writes_nothing(desk) -> None:
    desk.item("物业费", "area", "0.60")
    desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2024-12")
    desk.pay("1-1-101", "500", date(2025, 1, 2))  # a prepayment the run would have spent
    entries, head, opened, audits = desk.entries(), desk.head(), open_rows(), AuditEntry.select().count()
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= 4  # midway: after three of the twelve months

    seen: list[tuple[int, int]] = []
    with pytest.raises(BillingCancelled):
        desk.bill(
            "2025-01", "2025-12", progress=lambda done, total: seen.append((done, total)), cancelled=cancelled
        )
    assert seen == [(5, 60), (10, 60), (15, 60)]  # it had charged three months when it was cancelled
    assert (desk.entries(), desk.head(), open_rows(), AuditEntry.select().count()) == (
        entries,
        head,
        opened,
        audits,
    )
    assert desk.prepaid("1-1-101") > 0 and desk.verify().ok and desk.stale() == 0
    # The same run, not cancelled, then bills the whole year.
    assert desk.bill("2025-01", "2025-12").created == 3 * 2 * 12


def test_progress_is_told_up_to_the_whole(desk) -> None:
    desk.item("物业费", "area", "0.60")
    seen: list[tuple[int, int]] = []
    desk.bill("2025-01", "2025-04", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(5, 20), (10, 20), (15, 20), (20, 20)]  # rooms × months, every room looked at


def test_a_run_on_a_file_with_no_items_or_rooms_bills_nothing(estate) -> None:
    result = fees.bill(Month(2025, 1), Month(2025, 12), date(2025, 1, 1))
    assert (result.created, result.total_fen, result.rooms, result.prepaid_applied_fen) == (0, 0, 0, 0)
    assert fees.open_charges(1) == []


def test_a_run_is_audited_with_what_it_made(desk) -> None:
    desk.item("物业费", "area", "0.60")
    result = desk.bill("2025-01", "2025-02")
    entry = AuditEntry.select().where(AuditEntry.entity == "fee_run").get()
    assert entry.action == "bill"
    assert '"created": 6' in entry.after and f'"total_fen": {result.total_fen}' in entry.after


def test_open_charges_list_a_room_oldest_first_in_item_order(desk) -> None:
    area = desk.item("物业费", "area", "0.60")
    fixed = desk.item("垃圾清运费", "fixed", "15")
    desk.bill("2025-02")
    desk.bill("2025-01")
    lines = fees.open_charges(desk.rooms["1-1-101"])
    assert [(str(line.month), line.item_id, line.owed_fen) for line in lines] == [
        ("2025-01", area, 5370),
        ("2025-01", fixed, 1500),
        ("2025-02", area, 5370),
        ("2025-02", fixed, 1500),
    ]
