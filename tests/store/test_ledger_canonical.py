"""``verify`` has SQLite write each entry's hashed text: it must be exactly what ``append`` hashed."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estatedesk.domain.fees import FIELD_SEPARATOR, NO_VALUE
from estatedesk.services import households
from estatedesk.store import ledger
from estatedesk.store.db import EstateFile
from estatedesk.store.sql import execute, transaction

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12
)  # what check_text lets through: no control characters, so never the separator


def canonical_in_sql(entry_id: int) -> str:
    row = execute(f"SELECT {ledger.CANONICAL_SQL} FROM ledger_entry WHERE id = ?", (entry_id,)).fetchone()
    return str(row[0])


def canonical_in_python(entry_id: int) -> str:
    row = execute(
        f"SELECT {', '.join(ledger.HASHED_COLUMNS)} FROM ledger_entry WHERE id = ?", (entry_id,)
    ).fetchone()
    return FIELD_SEPARATOR.join(NO_VALUE if value is None else str(value) for value in row)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    amount=st.integers(min_value=-(10**14), max_value=10**14),
    reason=st.none() | TEXT,
    payer=st.none() | TEXT,
    month=st.none() | st.just("2027-01"),
    quantity=st.none() | st.integers(min_value=0, max_value=10**6),
)
def test_sql_writes_an_entry_as_python_hashed_it(
    estate: EstateFile,
    amount: int,
    reason: str | None,
    payer: str | None,
    month: str | None,
    quantity: int | None,
) -> None:
    if not execute("SELECT 1 FROM room").fetchone():
        households.create_room(households.RoomInput("1", "1", "101", "50"))
    room_id = int(execute("SELECT id FROM room").fetchone()[0])
    with transaction():
        (entry_id,) = ledger.append(
            [
                ledger.Entry(
                    "prepaid",
                    room_id,
                    amount,
                    "2027-01-05",
                    month=month,
                    quantity=quantity,
                    reason=reason,
                    payer=payer,
                )
            ]
        )
    assert canonical_in_sql(entry_id) == canonical_in_python(entry_id)
    connection: sqlite3.Connection = estate.database.connection()  # type: ignore[no-untyped-call]
    assert ledger.verify(connection).ok


def test_a_missing_value_and_the_word_none_hash_apart(estate: EstateFile) -> None:
    households.create_room(households.RoomInput("1", "1", "101", "50"))
    room_id = int(execute("SELECT id FROM room").fetchone()[0])
    with transaction():
        ledger.append([ledger.Entry("prepaid", room_id, 100, "2027-01-05")])
    connection: sqlite3.Connection = estate.database.connection()  # type: ignore[no-untyped-call]
    assert ledger.verify(connection).ok
    connection.execute("UPDATE ledger_entry SET reference = 'None' WHERE reference IS NULL")
    found = ledger.verify(connection).first_bad
    assert found is not None and found.entry == 1
