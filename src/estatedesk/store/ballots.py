"""The life of every vote as one chain: appended, never changed or deleted, each row hashing the one before.

A vote's opening (with a digest of its rules, roll and candidates), every ballot entered, every
second entry of one (double entry) and every void, an owner taken onto the roll (a new digest), the
scrutineers' counts and the close are rows of ``ballot_entry``, chained as the fee ledger is
(store/chain.py). ``verify`` walks the chain, then checks each vote against it: its rules, roll and
candidates against the last digest, its counts against the last count, its state against the close,
so that a ballot, a voter's area or a threshold changed behind the program's back is found.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from estatedesk.domain.fees import FIELD_SEPARATOR, NO_VALUE
from estatedesk.store import chain
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.chain import BadEntry, Chain, Progress, Verification, append_rows
from estatedesk.store.models import database_proxy

BallotKind = Literal["open", "ballot", "check", "void", "owner", "count", "close"]

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
        "issued",
        "found",
        "digest",
        "at",
        "actor",
    ),
    not_null=frozenset({"id", "kind", "vote_id", "at", "actor"}),
    integers=frozenset({"id", "vote_id", "voter_number", "ballot_id", "issued", "found"}),
    head_setting="ballots_head",
    noun="ballot entry",
)


@dataclass(frozen=True)
class BallotRecord:
    """A row to append: a vote opened, a ballot, a second entry or void of one, an owner, counts, a close."""

    kind: BallotKind
    vote_id: int
    voter_number: int | None = None
    serial: str | None = None
    choice: str | None = None
    marks: str | None = None  # an election's marked candidates: their positions, ascending, comma-separated
    proxy_name: str | None = None
    proxy_id: str | None = None
    ballot_id: int | None = None  # the ballot a second entry or a void is of
    reason: str | None = None
    issued: int | None = None  # the scrutineers' counts
    found: int | None = None
    digest: str | None = None  # the vote's rules, roll and candidates (``vote_digest``)


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
                record.issued,
                record.found,
                record.digest,
                at,
                actor,
            )
            for record in records
        ],
    )


# What a vote's digest covers, table by table, in a fixed order: the rules and totals, then the
# frozen roll (voters, their rooms, their owners) and the candidates.
_DIGESTED = (
    "SELECT id, title, kind, seats, participation, follow_majority, objection_numerator,"
    " objection_denominator, objection_combine, double_entry, proxy_limit, heads, area_centi,"
    " opened_at, opened_by FROM vote WHERE id = ?",
    "SELECT number, key, name, kind, area_centi FROM vote_voter WHERE vote_id = ? ORDER BY number",
    "SELECT code, voter_number, area_centi FROM vote_room WHERE vote_id = ? ORDER BY code",
    "SELECT voter_number, position, person_id, name FROM vote_owner WHERE vote_id = ?"
    " ORDER BY voter_number, position",
    "SELECT position, name, voter_number FROM vote_candidate WHERE vote_id = ? ORDER BY position",
)


def vote_digest(vote_id: int, connection: sqlite3.Connection | None = None) -> str:
    """SHA-256 of everything a vote is counted by but its ballots: rules, totals, roll, candidates."""
    sql: sqlite3.Connection = connection or database_proxy.connection()
    digest = hashlib.sha256()
    for query in _DIGESTED:
        for row in sql.execute(query, (vote_id,)):
            line = FIELD_SEPARATOR.join(NO_VALUE if value is None else str(value) for value in row)
            digest.update(f"{line}\n".encode())
        digest.update(b"\x1d")  # the tables apart: a row cannot pass for one of the next table
    return digest.hexdigest()


def verify(connection: sqlite3.Connection, progress: Progress | None = None) -> Verification:
    """Walk the chain; then check each vote's rules, roll, counts and state against what it recorded."""
    walked = chain.verify(connection, BALLOTS, _what_changed, progress)
    if not walked.ok:
        return walked
    return Verification(walked.entries, _vote_out_of_step(connection))


def _one(connection: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> tuple[object, ...] | None:
    """The first row of a query, its statement finished (a caller may roll back right after)."""
    rows = connection.execute(sql, params).fetchall()
    return tuple(rows[0]) if rows else None


def _vote_out_of_step(connection: sqlite3.Connection) -> BadEntry | None:
    """The first vote whose stored rules, roll, counts or state differ from its chain."""
    for vote_id, issued, found, closed_at in connection.execute(
        "SELECT id, ballots_issued, ballots_found, closed_at FROM vote ORDER BY id"
    ).fetchall():
        recorded = _one(
            connection,
            "SELECT id, digest FROM ballot_entry WHERE vote_id = ? AND kind IN ('open', 'owner')"
            " ORDER BY id DESC LIMIT 1",
            (vote_id,),
        )
        if recorded is None:
            return BadEntry(0, f"vote {vote_id} was added outside the program: the chain never opened it")
        if recorded[1] != vote_digest(vote_id, connection):
            return BadEntry(
                int(str(recorded[0])),
                f"vote {vote_id}: its rules, roll or candidates were changed outside the program",
            )
        count = _one(
            connection,
            "SELECT id, issued, found FROM ballot_entry WHERE vote_id = ? AND kind = 'count'"
            " ORDER BY id DESC LIMIT 1",
            (vote_id,),
        )
        counted = (None, None) if count is None else (count[1], count[2])
        if counted != (issued, found):
            return BadEntry(
                int(str(count[0] if count else recorded[0])),
                f"vote {vote_id}: the scrutineers' counts were changed outside the program",
            )
        closed = _one(
            connection, "SELECT id FROM ballot_entry WHERE vote_id = ? AND kind = 'close'", (vote_id,)
        )
        if (closed is None) != (closed_at is None):
            return BadEntry(
                int(str(closed[0] if closed else recorded[0])),
                f"vote {vote_id} was {'reopened' if closed else 'closed'} outside the program",
            )
    return None


def _what_changed(connection: sqlite3.Connection, entry_id: int) -> str:
    kind, vote_id, serial = connection.execute(
        "SELECT kind, vote_id, serial FROM ballot_entry WHERE id = ?", (entry_id,)
    ).fetchone()
    what = f"this {kind} of vote {vote_id}" + (f" (serial {serial})" if serial else "")
    return f"its stored values (answer, marks, voter, proxy, counts or another) do not match its hash: {what}"
