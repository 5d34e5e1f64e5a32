"""Tables whose rows are appended, never changed, each carrying the hash of the row before it.

The fee ledger (``ledger_entry``) and the entered ballots (``ballot_entry``) are such chains. A
``Chain`` names the table, the columns hashed (the id first) and the setting that records the
chain's head (last id and hash), so that removing the newest rows is found too. ``append_rows``
numbers and chains new rows; ``verify`` walks the whole table and names the first row whose stored
values no longer give its hash, or that does not follow the row before it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from estatedesk.domain.fees import FIELD_SEPARATOR, GENESIS_HASH, NO_VALUE, chain_hash
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import execute, placeholders, put_setting


@dataclass(frozen=True)
class Chain:
    """A hash-chained table: its name, hashed columns (id first), which may be NULL, which are integers."""

    table: str
    columns: tuple[str, ...]
    not_null: frozenset[str]
    integers: frozenset[str]
    head_setting: str
    noun: str  # what one row is called in a finding ("entry", "ballot entry")

    @property
    def insert_sql(self) -> str:
        """The INSERT of one row: the hashed columns, then prev_hash and hash."""
        return (
            f"INSERT INTO {self.table} ({', '.join(self.columns)}, prev_hash, hash)"
            f" VALUES ({placeholders(len(self.columns) + 2)})"
        )

    @property
    def canonical_sql(self) -> str:
        """What chain_hash joins, made by SQLite (NO_VALUE for NULL, || writes integers as str() does).

        Walking millions of rows, SQLite building the text in C costs a fraction of fetching every
        column and joining them in Python.
        """
        return f" || '{FIELD_SEPARATOR}' || ".join(
            column if column in self.not_null else f"COALESCE({column}, '{NO_VALUE}')"
            for column in self.columns
        )

    @property
    def types_sql(self) -> str:
        """True where each hashed column holds the type append wrote.

        SQLite's || writes a BLOB as its bytes, so text or a number turned into a BLOB of the same
        bytes would hash alike, yet compare as another value. A STRICT table refuses such values;
        only a table rebuilt without STRICT needs each row's types read.
        """
        return " AND ".join(
            f"typeof({column}) = '{self._type(column)}'"
            if column in self.not_null
            else f"typeof({column}) IN ('{self._type(column)}', 'null')"
            for column in self.columns
        )

    def _type(self, column: str) -> str:
        return "integer" if column in self.integers else "text"


def last_id(chain: Chain) -> int:
    """The id of the newest row (0 for an empty chain)."""
    row = execute(f"SELECT MAX(id) FROM {chain.table}").fetchone()
    return int(row[0] or 0)


def append_rows(chain: Chain, rows: Sequence[Sequence[object]]) -> list[int]:
    """Append rows (their hashed values after the id, in column order); return their ids.

    Call inside a transaction. Ids follow the newest row, so a caller that knows how many rows
    come before one may name it in a later row of the same call.
    """
    if not rows:
        return []
    last = execute(f"SELECT id, hash FROM {chain.table} ORDER BY id DESC LIMIT 1").fetchone()
    row_id, previous = (int(last[0]), str(last[1])) if last else (0, GENESIS_HASH)
    written = []
    ids = []
    for values in rows:
        row_id += 1
        fields = (row_id, *values)
        digest = chain_hash(previous, fields)
        written.append((*fields, previous, digest))
        ids.append(row_id)
        previous = digest
    connection: sqlite3.Connection = database_proxy.connection()
    connection.executemany(chain.insert_sql, written)
    put_setting(chain.head_setting, f"{row_id}:{previous}")
    return ids


@dataclass(frozen=True)
class BadEntry:
    """The first row ``verify`` found wrong: its id and what is wrong with it (English)."""

    entry: int
    what: str


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found: how many rows it walked, and the first bad one (None: all sound)."""

    entries: int
    first_bad: BadEntry | None

    @property
    def ok(self) -> bool:
        """Whether the whole chain is as the program wrote it."""
        return self.first_bad is None


Progress = Callable[[int, int], None]
Describe = Callable[[sqlite3.Connection, int], str]
_VERIFY_BATCH = 20_000


def verify(
    connection: sqlite3.Connection, chain: Chain, describe: Describe, progress: Progress | None = None
) -> Verification:
    """Walk the chain from its first row; name the first changed, removed or added by hand.

    ``describe`` says, for a row whose values no longer give its hash, what it was.
    """
    total = int(connection.execute(f"SELECT COUNT(*) FROM {chain.table}").fetchone()[0])
    schema = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (chain.table,)).fetchone()
    strict = schema is not None and str(schema[0]).rstrip().upper().endswith("STRICT")
    typed = "1" if strict else chain.types_sql
    cursor = connection.execute(
        f"SELECT id, prev_hash, hash, CAST({chain.canonical_sql} AS BLOB), {typed}"
        f" FROM {chain.table} ORDER BY id"
    )
    previous, expected_id, walked = GENESIS_HASH, 1, 0
    sha256 = hashlib.sha256
    noun = chain.noun
    while batch := cursor.fetchmany(_VERIFY_BATCH):
        for row_id, prev_hash, stored, canonical, typed in batch:
            if row_id < expected_id:  # an id the program never gives (0, or below)
                return Verification(walked, BadEntry(row_id, "it was added outside the program"))
            if row_id != expected_id:
                return Verification(walked, BadEntry(row_id, f"{noun} {expected_id} is missing before it"))
            if prev_hash != previous:
                return Verification(walked, BadEntry(row_id, f"it does not follow the {noun} before it"))
            if sha256(f"{previous}\n".encode() + canonical).hexdigest() != stored:
                return Verification(walked, BadEntry(row_id, describe(connection, row_id)))
            if not typed:
                what = "a stored value was turned into another type (the same text) outside the program"
                return Verification(walked, BadEntry(row_id, what))
            previous = stored
            expected_id += 1
            walked += 1
        if progress is not None:
            progress(walked, total)
    head = connection.execute("SELECT value FROM setting WHERE key = ?", (chain.head_setting,)).fetchone()
    expected_head = f"{walked}:{previous}" if walked else None
    if head is not None and head[0] != expected_head:
        return Verification(walked, _past_the_end(noun, str(head[0]), walked))
    if head is None and walked:
        return Verification(walked, BadEntry(walked, f"the recorded end of the {noun}s is missing"))
    return Verification(walked, None)


def _past_the_end(noun: str, head: str, walked: int) -> BadEntry:
    """What is wrong when a sound chain of ``walked`` rows does not end where its head says."""
    recorded, _, _hash = head.partition(":")
    last = int(recorded) if recorded.isdecimal() else -1
    if last > walked:  # the newest rows were removed: name the first of them
        if last == walked + 1:
            return BadEntry(last, f"{noun} {last}, the recorded end, is missing")
        return BadEntry(walked + 1, f"{noun}s {walked + 1} to {last} (the recorded end) are missing")
    if 0 <= last < walked:  # rows were added after the end the program recorded
        return BadEntry(last + 1, f"{noun} {last + 1} was added after the recorded end")
    return BadEntry(walked, f"the last {noun} is not the one the program recorded as the end")
