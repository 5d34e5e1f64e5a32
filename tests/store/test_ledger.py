"""The fee ledger's hash chain (store/ledger.py): what was changed behind the program's back is found.

Each test builds a small ledger through the services (items, a billing run, reductions, payments,
a void), then tampers with the file as someone with an SQLite browser would: plain SQL on the
open connection, foreign keys off where they would be in the way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from estatedesk.domain.fees import GENESIS_HASH, Month, chain_hash
from estatedesk.domain.households import Occupancy
from estatedesk.services import estate as estate_service
from estatedesk.services import fees, households
from estatedesk.services.fees import FeeItemInput, FeeSettings, PaymentInput, ReductionInput
from estatedesk.services.households import RoomInput
from estatedesk.store import ledger
from estatedesk.store.db import EstateFile
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import execute, transaction


def connection() -> sqlite3.Connection:
    opened: sqlite3.Connection = database_proxy.connection()
    return opened


@contextmanager
def tampered() -> Iterator[sqlite3.Connection]:
    """Plain SQL on the file, undone afterwards (a savepoint), foreign keys off as a tamperer has them."""
    sql = connection()
    sql.execute("PRAGMA foreign_keys = OFF")
    sql.execute("SAVEPOINT tamper")
    try:
        yield sql
    finally:
        sql.execute("ROLLBACK TO tamper")
        sql.execute("RELEASE tamper")
        sql.execute("PRAGMA foreign_keys = ON")


@pytest.fixture
def posted(estate: EstateFile) -> EstateFile:
    """A ledger with every kind of entry: charges, standing and manual reductions, payments, a void."""
    rooms = [
        households.create_room(RoomInput("1", "1", "101", "89.5")),
        households.create_room(RoomInput("1", "1", "102", "60", occupancy=Occupancy.VACANT)),
    ]
    area = fees.add_item(FeeItemInput("物业费", "area", "0.60", date(2025, 1, 1)))
    fees.add_item(FeeItemInput("垃圾清运费", "fixed", "15", date(2025, 1, 1)))
    fees.save_fee_settings(FeeSettings(vacant_percent=Decimal(50)))
    fees.bill(Month(2025, 1), Month(2025, 2), date(2025, 1, 1))
    fees.reduce(
        ReductionInput(
            rooms[0], area, Month(2025, 2), Month(2025, 2), amount="10", reason="维修扰民", approver="主任"
        ),
        date(2025, 2, 1),
    )
    first = fees.pay(PaymentInput(rooms[0], "100", "cash", paid_on=date(2025, 2, 3)))
    fees.pay(PaymentInput(rooms[1], "200", "wechat", "420000001", date(2025, 2, 4)))
    fees.void(first.receipt, "金额录错", date(2025, 2, 5))
    fees.pay(PaymentInput(rooms[0], "50", "alipay", "2025020622", date(2025, 2, 6)))
    fees.bill(Month(2025, 3), Month(2025, 3), date(2025, 3, 1))  # spends room 102's prepayment
    return estate


def entry_ids() -> list[int]:
    return [int(row[0]) for row in execute("SELECT id FROM ledger_entry ORDER BY id")]


def test_a_sound_ledger_verifies_with_its_entry_count(posted: EstateFile) -> None:
    kinds = {str(row[0]) for row in execute("SELECT DISTINCT kind FROM ledger_entry")}
    assert kinds == {"charge", "reduction", "payment", "allocation", "prepaid", "void"}
    seen: list[tuple[int, int]] = []
    result = ledger.verify(connection(), lambda done, total: seen.append((done, total)))
    assert result.ok and result.first_bad is None
    assert result.entries == len(entry_ids()) == seen[-1][0] == seen[-1][1]
    assert estate_service.verify(estate_service.Estate(posted)).ok


def test_an_empty_ledger_verifies(estate: EstateFile) -> None:
    assert ledger.verify(connection()) == ledger.Verification(0, None)


def test_each_entry_chains_to_the_one_before(posted: EstateFile) -> None:
    rows = execute("SELECT id, prev_hash, hash FROM ledger_entry ORDER BY id").fetchall()
    assert rows[0][1] == GENESIS_HASH
    assert all(later[1] == earlier[2] for earlier, later in pairwise(rows))
    head = execute("SELECT value FROM setting WHERE key = ?", (ledger.HEAD_SETTING,)).fetchone()[0]
    assert head == f"{rows[-1][0]}:{rows[-1][2]}"


# A new value for a column, given the row's (so that it really changes, and stays a valid value).
EDITS = {
    "amount_fen": "amount_fen + 1",
    "on_date": "CASE WHEN on_date = '2020-01-01' THEN '2020-01-02' ELSE '2020-01-01' END",
    "room_id": "room_id + 100",  # foreign keys are off: any number will do
    "month": "CASE WHEN month = '2020-01' THEN '2020-02' ELSE '2020-01' END",
    "receipt": "CASE WHEN receipt = '2020-000001' THEN '2020-000002' ELSE '2020-000001' END",
    "item_id": "COALESCE(item_id, 0) + 100",
}


@pytest.mark.parametrize("column", list(EDITS))
def test_an_update_of_any_row_is_found_at_that_row(posted: EstateFile, column: str) -> None:
    for entry in entry_ids():
        with tampered() as sql:
            sql.execute(f"UPDATE ledger_entry SET {column} = {EDITS[column]} WHERE id = ?", (entry,))
            result = ledger.verify(sql)
        assert result.first_bad is not None, (column, entry)
        assert result.first_bad.entry == entry and result.entries == entry - 1
        assert "changed outside the program" in result.first_bad.what
    assert ledger.verify(connection()).ok  # each edit was undone


@pytest.mark.parametrize(
    "column", ["kind", "charge_id", "payment_id", "reason", "at", "actor", "prev_hash", "hash"]
)
def test_an_update_of_any_other_column_is_found_too(posted: EstateFile, column: str) -> None:
    entry = entry_ids()[len(entry_ids()) // 2]
    with tampered() as sql:
        value = (
            "'void'"
            if column == "kind"
            else "'x'"
            if column in {"reason", "at", "actor", "prev_hash", "hash"}
            else "1"
        )
        sql.execute(f"UPDATE ledger_entry SET {column} = {value} WHERE id = ?", (entry,))
        result = ledger.verify(sql)
    assert result.first_bad is not None and result.first_bad.entry == entry


def test_a_deleted_middle_row_is_found(posted: EstateFile) -> None:
    ids = entry_ids()
    for entry in ids[1:-1]:
        with tampered() as sql:
            sql.execute("DELETE FROM ledger_entry WHERE id = ?", (entry,))
            result = ledger.verify(sql)
        assert result.first_bad is not None and result.first_bad.entry == entry + 1
        assert result.entries == entry - 1 and f"entry {entry} is missing" in result.first_bad.what


def test_a_deleted_first_row_is_found(posted: EstateFile) -> None:
    with tampered() as sql:
        sql.execute("DELETE FROM ledger_entry WHERE id = 1")
        result = ledger.verify(sql)
    assert result.first_bad is not None and result.first_bad.entry == 2 and result.entries == 0


@pytest.mark.parametrize("removed", [1, 2, 5])
def test_deleting_the_last_rows_is_found_by_the_recorded_end(posted: EstateFile, removed: int) -> None:
    ids = entry_ids()
    with tampered() as sql:
        sql.execute("DELETE FROM ledger_entry WHERE id > ?", (ids[-1] - removed,))
        result = ledger.verify(sql)
    assert result.entries == len(ids) - removed
    assert result.first_bad is not None and result.first_bad.entry == ids[-1] - removed + 1
    assert "missing" in result.first_bad.what


def test_deleting_every_row_is_found(posted: EstateFile) -> None:
    with tampered() as sql:
        sql.execute("DELETE FROM ledger_entry")
        result = ledger.verify(sql)
    assert result.entries == 0 and result.first_bad is not None and result.first_bad.entry == 1


def test_a_removed_or_garbled_recorded_end_is_found(posted: EstateFile) -> None:
    last = entry_ids()[-1]
    for value in (None, "garbage", f"{last}:{'0' * 64}", ":"):
        with tampered() as sql:
            if value is None:
                sql.execute("DELETE FROM setting WHERE key = ?", (ledger.HEAD_SETTING,))
            else:
                sql.execute("UPDATE setting SET value = ? WHERE key = ?", (value, ledger.HEAD_SETTING))
            result = ledger.verify(sql)
        assert result.first_bad is not None and result.first_bad.entry == last, value
        assert result.entries == last


def _forge(sql: sqlite3.Connection, entry_id: int, prev_hash: str, digest: str | None = None) -> None:
    """Insert a payment of 1 yuan with ``entry_id``, its hash made as the program would unless given."""
    fields = (
        entry_id,
        "payment",
        1,
        None,
        None,
        100,
        "2025-03-02",
        None,
        None,
        "2025-999999",
        None,
        None,
        "cash",
        None,
        "伪造",
        None,
        None,
        None,
        "2025-03-02T00:00:00+00:00",
        "x",
    )
    made = digest or chain_hash(prev_hash, fields)
    columns = ", ".join(ledger.HASHED_COLUMNS)
    sql.execute(
        f"INSERT INTO ledger_entry ({columns}, prev_hash, hash) VALUES ({', '.join('?' * 22)})",
        (*fields, prev_hash, made),
    )


def test_a_forged_row_is_found(posted: EstateFile) -> None:
    last, last_hash = execute("SELECT id, hash FROM ledger_entry ORDER BY id DESC LIMIT 1").fetchone()
    cases = [
        (last + 1, last_hash, "junk", last + 1),  # a made-up hash
        (last + 1, "f" * 64, None, last + 1),  # chained to nothing
        (last + 1, last_hash, None, last + 1),  # hashed as the program would: past the recorded end
        (last + 5, last_hash, None, last + 5),  # with a gap before it
        (0, GENESIS_HASH, None, 0),  # before the first
    ]
    for entry_id, prev_hash, digest, named in cases:
        with tampered() as sql:
            _forge(sql, entry_id, prev_hash, digest)
            result = ledger.verify(sql)
        assert result.first_bad is not None and result.first_bad.entry == named, (entry_id, digest)


def test_a_forged_row_with_its_recorded_end_moved_along_breaks_nothing_before_it(posted: EstateFile) -> None:
    """What a hash chain cannot find: a forger who writes the hash and the head as the program does."""
    last, last_hash = execute("SELECT id, hash FROM ledger_entry ORDER BY id DESC LIMIT 1").fetchone()
    with tampered() as sql:
        _forge(sql, last + 1, last_hash)
        digest = sql.execute("SELECT hash FROM ledger_entry WHERE id = ?", (last + 1,)).fetchone()[0]
        sql.execute(
            "UPDATE setting SET value = ? WHERE key = ?", (f"{last + 1}:{digest}", ledger.HEAD_SETTING)
        )
        assert ledger.verify(sql).ok  # no key in the file: this is what a signed copy would be for


# ---------------------------------------------------------------- the check of open amounts


def test_check_is_ok_on_a_sound_file_and_counts_the_ledger(posted: EstateFile) -> None:
    report = estate_service.check(estate_service.Estate(posted))
    assert report.ok and report.stale_open_charges == 0
    assert report.counts["receipts"] == 3 and report.counts["void_receipts"] == 1
    assert report.counts["ledger_entries"] == len(entry_ids())


@pytest.mark.parametrize(
    "edit",
    [
        f"UPDATE open_charge SET {change} WHERE charge_id = (SELECT MIN(charge_id) FROM open_charge)"
        for change in (
            "owed_fen = owed_fen + 1",
            "month = '2030-01'",
            "room_id = room_id + 1",
            "item_id = 99",
        )
    ]
    + [
        "DELETE FROM open_charge WHERE charge_id = (SELECT MAX(charge_id) FROM open_charge)",
        "INSERT INTO open_charge SELECT id, room_id, item_id, month, 1 FROM ledger_entry"
        " WHERE kind = 'charge' AND id NOT IN (SELECT charge_id FROM open_charge) LIMIT 1",
    ],
)
def test_check_finds_open_amounts_changed_behind_the_programs_back(posted: EstateFile, edit: str) -> None:
    with tampered() as sql:
        changed = sql.execute(edit).rowcount
        assert changed == 1
        assert ledger.stale_open_charges(sql) == 1
        report = estate_service.check(estate_service.Estate(posted))
        assert report.stale_open_charges == 1 and not report.ok
    assert ledger.stale_open_charges(connection()) == 0


def test_settle_keeps_open_amounts_and_refuses_to_owe_below_zero(posted: EstateFile) -> None:
    charge_id, room_id, owed = execute(
        "SELECT charge_id, room_id, owed_fen FROM open_charge ORDER BY charge_id LIMIT 1"
    ).fetchone()
    with pytest.raises(ledger.LedgerOutOfStep), transaction():
        ledger.append([ledger.Entry("allocation", room_id, owed + 1, "2025-06-01", charge_id=charge_id)])
        ledger.settle([charge_id])
    assert execute("SELECT owed_fen FROM open_charge WHERE charge_id = ?", (charge_id,)).fetchone()[0] == owed
    assert ledger.stale_open_charges(connection()) == 0


def test_a_payment_pays_what_the_entries_say_is_owed_whatever_open_charge_says(posted: EstateFile) -> None:
    """A row slipped into open_charge for a charge paid long ago is never paid a second time."""
    paid_charge, room_id, month, item_id = execute(
        """SELECT c.id, c.room_id, c.month, c.item_id FROM ledger_entry AS c
           WHERE c.kind = 'charge' AND c.id NOT IN (SELECT charge_id FROM open_charge)
           ORDER BY c.id LIMIT 1"""
    ).fetchone()
    sql = connection()
    sql.execute(
        "INSERT INTO open_charge (charge_id, room_id, item_id, month, owed_fen) VALUES (?, ?, ?, ?, 10000)",
        (paid_charge, room_id, item_id, month),
    )
    assert ledger.stale_open_charges(sql) == 1
    paid = fees.pay(fees.PaymentInput(room_id, "100", "cash", paid_on=date(2025, 6, 1)))
    assert (
        execute(
            "SELECT COUNT(*) FROM ledger_entry WHERE charge_id = ? AND payment_id = ?",
            (paid_charge, paid.payment_id),
        ).fetchone()[0]
        == 0
    )
    account = fees.account(room_id)
    assert all(line.owed_fen >= 0 for line in account.lines)


@pytest.mark.parametrize(
    "column",
    ["on_date", "month", "receipt", "room_id", "item_id", "charge_id", "payment_id", "quantity", "reason"],
)
def test_a_value_turned_into_bytes_of_the_same_text_is_found(posted: EstateFile, column: str) -> None:
    """SQLite joins a BLOB by its bytes, so the hashed text stays the same; the value compares as another.

    The entries' table is STRICT and refuses it; a table rebuilt without STRICT takes it, and then
    ``verify`` reads each row's types.
    """
    with tampered() as sql, pytest.raises(sqlite3.IntegrityError):
        sql.execute(f"UPDATE ledger_entry SET {column} = CAST({column} AS BLOB) WHERE {column} IS NOT NULL")
    changed = 0
    for entry in entry_ids():
        with tampered() as sql:
            rebuild_without_strict(sql)
            assert ledger.verify(sql).ok  # the rebuilt table alone is no change of an entry
            sql.execute(
                f"UPDATE ledger_entry SET {column} = CAST({column} AS BLOB)"
                f" WHERE id = ? AND {column} IS NOT NULL",
                (entry,),
            )
            if sql.execute("SELECT changes()").fetchone()[0] == 0:
                continue  # NULL there: nothing to turn
            changed += 1
            result = ledger.verify(sql)
        assert result.first_bad is not None, f"{column} of entry {entry} as bytes went unnoticed"
        assert result.first_bad.entry == entry
    assert changed > 0


def rebuild_without_strict(sql: sqlite3.Connection) -> None:
    """What a tamperer could do to store values of another type: copy the entries into a loose table."""
    sql.execute("CREATE TABLE loose AS SELECT * FROM ledger_entry")
    sql.execute("DROP TABLE ledger_entry")
    sql.execute("ALTER TABLE loose RENAME TO ledger_entry")


def test_a_date_turned_into_bytes_would_unpay_a_charge(posted: EstateFile) -> None:
    """Why the type matters: a BLOB date is after every text date, so the payment no longer counts."""
    allocation = execute(
        "SELECT MIN(id) FROM ledger_entry WHERE kind = 'allocation' AND amount_fen > 0"
    ).fetchone()[0]
    before = fees.arrears(date(2025, 2, 28)).total_fen
    with tampered() as sql:
        rebuild_without_strict(sql)
        sql.execute("UPDATE ledger_entry SET on_date = CAST(on_date AS BLOB) WHERE id = ?", (allocation,))
        assert fees.arrears(date(2025, 2, 28)).total_fen > before
        found = ledger.verify(sql).first_bad
    assert found is not None and found.entry == allocation


def test_the_newest_payment_removed_with_the_recorded_end_rewritten_is_found(posted: EstateFile) -> None:
    """The chain alone cannot tell; the audit trail, written with each payment, still names it."""
    payment = execute("SELECT MAX(id) FROM ledger_entry WHERE kind = 'payment'").fetchone()[0]
    with tampered() as sql:
        sql.execute("DELETE FROM ledger_entry WHERE id >= ?", (payment,))
        sql.execute(
            "UPDATE setting SET value = (SELECT id || ':' || hash FROM ledger_entry ORDER BY id DESC LIMIT 1)"
            " WHERE key = ?",
            (ledger.HEAD_SETTING,),
        )
        found = ledger.verify(sql).first_bad
    assert found is not None and found.entry == payment and "audit trail" in found.what
