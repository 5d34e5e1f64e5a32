"""Entered ballots: appended, never changed or deleted, each carrying the hash of the one before.

Every ballot entered, every second entry of one (double entry) and every void is one row of
``ballot_entry``, chained as the fee ledger is (store/chain.py), so that ``verify`` finds a ballot
changed, removed or slipped in behind the program's back. A void names the ballot it takes out of
the count; the ballot itself stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from estatedesk.store import chain
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.chain import Chain, Progress, Verification, append_rows

BallotKind = Literal["ballot", "check", "void"]

BALLOTS = Chain(
    table="ballot_entry",
    columns=(
        "id",
        "kind",
        "vote_id",
        "voter_number",
        "serial",
        "choice",
        "marks",
        "proxy_name",
        "proxy_id",
        "ballot_id",
        "reason",
        "at",
        "actor",
    ),
    not_null=frozenset({"id", "kind", "vote_id", "voter_number", "at", "actor"}),
    integers=frozenset({"id", "vote_id", "voter_number", "ballot_id"}),
    head_setting="ballots_head",
    noun="ballot entry",
)


@dataclass(frozen=True)
class BallotRecord:
    """A row to append: a ballot (what it says), a second entry of one, or a void of one (why)."""

    kind: BallotKind
    vote_id: int
    voter_number: int
    serial: str | None = None
    choice: str | None = None
    marks: str | None = None  # an election's marked candidates: their positions, ascending, comma-separated
    proxy_name: str | None = None
    proxy_id: str | None = None
    ballot_id: int | None = None  # the ballot a second entry or a void is of
    reason: str | None = None


def append(records: Sequence[BallotRecord]) -> list[int]:
    """Append the records in order, chained to the last one; return their ids. Call inside a transaction."""
    at, actor = now_utc(), current_actor()
    return append_rows(
        BALLOTS,
        [
            (
                record.kind,
                record.vote_id,
                record.voter_number,
                record.serial,
                record.choice,
                record.marks,
                record.proxy_name,
                record.proxy_id,
                record.ballot_id,
                record.reason,
                at,
                actor,
            )
            for record in records
        ],
    )


def verify(connection: sqlite3.Connection, progress: Progress | None = None) -> Verification:
    """Walk the ballots' chain; name the first entry changed, removed or added outside the program."""
    return chain.verify(connection, BALLOTS, _what_changed, progress)


def _what_changed(connection: sqlite3.Connection, entry_id: int) -> str:
    kind, vote_id, serial = connection.execute(
        "SELECT kind, vote_id, serial FROM ballot_entry WHERE id = ?", (entry_id,)
    ).fetchone()
    return (
        "its stored values (answer, marks, voter, proxy or another) do not match its hash:"
        f" this {kind} of vote {vote_id} (serial {serial}) was changed outside the program"
    )
