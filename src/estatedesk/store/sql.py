"""The open estate file at the level of SQL: what every bulk or hot path shares, each defined once.

Statements, bulk inserts, IN lists in chunks, dates as SQLite keeps them, transactions, and the
error a refused constraint raises (peewee's, whichever way the statement was sent).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from peewee import IntegrityError

from estatedesk.store.models import database_proxy

__all__ = [
    "CHUNK",
    "IntegrityError",
    "as_date",
    "chunks",
    "execute",
    "in_transaction",
    "insert",
    "insert_rows",
    "iso_date",
    "placeholders",
    "put_setting",
    "transaction",
]

# Values per IN (...) list: well under SQLite's limit of 32,766 bound variables even when a
# statement binds the same list three times.
CHUNK = 500
T = TypeVar("T")


def execute(sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Run one statement on the open estate file and return its cursor."""
    cursor: sqlite3.Cursor = database_proxy.execute_sql(sql, tuple(params))
    return cursor


def insert(sql: str, params: Sequence[Any]) -> int:
    """Run one INSERT and return the new row's id."""
    row_id = execute(sql, params).lastrowid
    assert row_id is not None  # an INSERT always sets it
    return row_id


def insert_rows(table: str, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert many rows, all with the columns of the first, in one ``executemany``.

    The statement is prepared once for all rows: a bulk write pays no SQL building per row.
    """
    if not rows:
        return
    columns = list(rows[0])
    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders(len(columns))})"
    connection: sqlite3.Connection = database_proxy.connection()
    connection.executemany(statement, [tuple(row[column] for column in columns) for row in rows])


def placeholders(count: int) -> str:
    """``?,?,?`` for an IN list of ``count`` values."""
    return ",".join("?" * count)


def chunks(items: Sequence[T], size: int | None = None) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size`` (default ``CHUNK``), for IN lists under SQLite's limits."""
    size = size or CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


def iso_date(value: date | None) -> str | None:
    """A date as SQLite stores it (ISO 8601), None for none."""
    return value.isoformat() if value else None


def as_date(value: object) -> date | None:
    """A stored date (ISO text, or a date peewee already made) back as a date; empty is None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def estate_name() -> str:
    """The estate's name as the file holds it (printed on every document)."""
    row = execute("SELECT value FROM setting WHERE key = 'estate_name'").fetchone()
    return str(row[0]) if row else ""


def put_setting(key: str, value: str) -> None:
    """Store an estate-wide setting (a row of ``setting``), replacing what it held."""
    execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def transaction() -> Any:
    """A transaction on the open estate file (a savepoint when one is already open)."""
    return database_proxy.atomic()


def in_transaction() -> bool:
    """Whether this thread has a transaction open on the estate file."""
    return bool(database_proxy.in_transaction())
