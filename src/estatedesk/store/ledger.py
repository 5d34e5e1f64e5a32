"""The fee ledger's entries: appended, never changed, each carrying the hash of the one before it.

Every charge, reduction, payment, allocation, prepayment movement and void is one row of
``ledger_entry``. ``append`` numbers new rows after the last one and chains their hashes;
``verify`` walks the whole chain and names the first row whose stored values no longer give its
hash, or that does not follow the row before it. The chain's head (last id and hash) is also kept
as a setting, so that removing the newest rows is found too.

``open_charge`` is derived from the entries: what each charge still owes, one row while it owes
anything. ``settle`` keeps it in step inside the writing transaction; ``stale_open_charges`` is
what ``check`` compares with the entries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.store import chain
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.chain import BadEntry, Chain, Progress, Verification, append_rows, last_id
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import chunks, execute, placeholders

EntryKind = Literal["charge", "reduction", "payment", "allocation", "prepaid", "void"]

# The columns an entry is hashed over, in this order (the id first, the hash columns not at all).
HASHED_COLUMNS = (
    "id",
    "kind",
    "room_id",
    "item_id",
    "month",
    "amount_fen",
    "on_date",
    "charge_id",
    "payment_id",
    "receipt",
    "price_units",
    "quantity",
    "method",
    "reference",
    "payer",
    "rule",
    "reason",
    "approver",
    "at",
    "actor",
)
HEAD_SETTING = "ledger_head"  # "<last id>:<its hash>"
LEDGER = Chain(
    table="ledger_entry",
    columns=HASHED_COLUMNS,
    not_null=frozenset({"id", "kind", "room_id", "amount_fen", "on_date", "at", "actor"}),
    integers=frozenset(
        {"id", "room_id", "item_id", "amount_fen", "charge_id", "payment_id", "price_units", "quantity"}
    ),
    head_setting=HEAD_SETTING,
    noun="entry",
)


@dataclass(frozen=True)
class Entry:
    """A ledger entry to append: what it is, for which room, how much, on which day, and its links."""

    kind: EntryKind
    room_id: int
    amount_fen: int
    on_date: str  # ISO date: the day it counts for (billing day, payment day, void day)
    item_id: int | None = None
    month: str | None = None
    charge_id: int | None = None  # a reduction's or allocation's charge
    payment_id: int | None = None  # an allocation's, prepayment's or void's payment (None: prepayment)
    receipt: str | None = None
    price_units: int | None = None
    quantity: int | None = None  # a charge's area in 1/100 m², parking spaces, or 1
    method: str | None = None
    reference: str | None = None
    payer: str | None = None
    rule: str | None = None  # a reduction's rule: manual, vacant, hardship
    reason: str | None = None
    approver: str | None = None


def next_id() -> int:
    """The id the next appended entry will have (ids are the chain's order)."""
    return last_id(LEDGER) + 1


def append(entries: Sequence[Entry]) -> list[int]:
    """Append ``entries`` in order, chained to the last one; return their ids. Call inside a transaction.

    The ids are known before the rows are written (``next_id`` onwards), so an entry may name
    one appended earlier in the same call (an allocation its charge).
    """
    at, actor = now_utc(), current_actor()
    return append_rows(LEDGER, [_ordered(entry, at, actor) for entry in entries])


def _ordered(entry: Entry, at: str, actor: str) -> tuple[object, ...]:
    """An entry's values in ``HASHED_COLUMNS`` order, after the id."""
    return (
        entry.kind,
        entry.room_id,
        entry.item_id,
        entry.month,
        entry.amount_fen,
        entry.on_date,
        entry.charge_id,
        entry.payment_id,
        entry.receipt,
        entry.price_units,
        entry.quantity,
        entry.method,
        entry.reference,
        entry.payer,
        entry.rule,
        entry.reason,
        entry.approver,
        at,
        actor,
    )


# What chain_hash joins, made by SQLite (store/chain.py): kept here for the tests that forge entries.
CANONICAL_SQL = LEDGER.canonical_sql


def verify(connection: sqlite3.Connection, progress: Progress | None = None) -> Verification:
    """Walk the chain from the first entry; name the first that was changed, removed or added by hand."""
    result = chain.verify(connection, LEDGER, _what_changed, progress)
    if not result.ok:
        return result
    return Verification(result.entries, _receipt_not_in_ledger(connection))


def _receipt_not_in_ledger(connection: sqlite3.Connection) -> BadEntry | None:
    """A receipt the audit trail recorded as issued that the ledger no longer holds (its entry removed).

    The chain alone cannot tell the newest entries removed with its recorded end rewritten to
    match; the audit trail, written in the same transaction as each payment, still names them.
    """
    row = connection.execute(
        """SELECT a.entity_id, json_extract(a.after, '$.receipt') FROM audit_entry AS a
           WHERE a.entity = 'receipt' AND a.action = 'pay'
             AND NOT EXISTS (SELECT 1 FROM ledger_entry AS p
                             WHERE p.id = a.entity_id AND p.kind = 'payment'
                               AND p.receipt = json_extract(a.after, '$.receipt'))
           ORDER BY a.entity_id LIMIT 1"""
    ).fetchone()
    if row is None:
        return None
    return BadEntry(int(row[0]), f"the payment of receipt {row[1]}, recorded in the audit trail, is missing")


def _what_changed(connection: sqlite3.Connection, entry_id: int) -> str:
    kind, amount = connection.execute(
        "SELECT kind, amount_fen FROM ledger_entry WHERE id = ?", (entry_id,)
    ).fetchone()
    return (
        "its stored values (amount, date, room, item, month, receipt or another) do not match its hash:"
        f" this {kind} of {amount} fen was changed outside the program"
    )


class LedgerOutOfStep(EstateDeskError):
    """The file's record of what charges owe disagrees with their entries: nothing is posted."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "messages",
                "the record of what charges owe was changed outside the program, so nothing was posted:"
                " run the file check",
            )
        )


# What each charge owes by its entries: the amount, less reductions and net allocations. Callers add
# "AND c.…" to narrow it (+kind: narrowed to rooms or ids, the query must take their index, not
# walk every charge by the kind index).
OWED_BY_ENTRIES = """
    SELECT c.id AS charge_id, c.room_id, c.item_id, c.month,
           c.amount_fen - COALESCE((SELECT SUM(e.amount_fen) FROM ledger_entry AS e
                                    WHERE e.charge_id = c.id
                                      AND e.kind IN ('reduction', 'allocation')), 0) AS owed_fen
    FROM ledger_entry AS c WHERE +c.kind = 'charge'
"""


def settle(charge_ids: Iterable[int]) -> None:
    """Record what the given charges owe now, as their entries say (after new ones were appended).

    A charge that owes nothing any more leaves ``open_charge``; one put back to unpaid (a void)
    comes back. A charge its entries would take below zero means the amounts the entries were
    worked out from were not the entries' own: ``LedgerOutOfStep``, and the transaction is undone.
    """
    for part in chunks(sorted(set(charge_ids))):
        rows = execute(f"{OWED_BY_ENTRIES} AND c.id IN ({placeholders(len(part))})", part).fetchall()
        if any(row[4] < 0 for row in rows):
            raise LedgerOutOfStep()
        execute(f"DELETE FROM open_charge WHERE charge_id IN ({placeholders(len(part))})", part)
        connection: sqlite3.Connection = database_proxy.connection()
        connection.executemany(
            "INSERT INTO open_charge (charge_id, room_id, item_id, month, owed_fen) VALUES (?, ?, ?, ?, ?)",
            [tuple(row) for row in rows if row[4] > 0],
        )


def stale_open_charges(connection: sqlite3.Connection) -> int:
    """How many charges' stored open amount differs from what their entries say (``check``).

    Their room, item and month too: payments find a room's open charges, and arrears and rates
    their months, by what ``open_charge`` holds. A charge that differs is counted once.
    """
    columns = "charge_id, room_id, item_id, month, owed_fen"
    owed = f"SELECT {columns} FROM ({OWED_BY_ENTRIES}) WHERE owed_fen <> 0"
    stored = f"SELECT {columns} FROM open_charge"
    row = connection.execute(
        f"""SELECT COUNT(DISTINCT charge_id) FROM (SELECT * FROM ({owed} EXCEPT {stored})
                                                   UNION ALL SELECT * FROM ({stored} EXCEPT {owed}))"""
    ).fetchone()
    return int(row[0])
