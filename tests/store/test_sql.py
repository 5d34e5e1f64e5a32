"""store.sql: the raw-SQL helpers every bulk or hot path shares."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.store import sql
from estatedesk.store.db import EstateFile
from estatedesk.store.models import database_proxy


class Boom(Exception):
    """Raised on purpose to roll a block back."""


@pytest.fixture
def things(estate: EstateFile) -> EstateFile:
    """The test estate with a small table of its own."""
    sql.execute("CREATE TABLE thing (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
    return estate


def names() -> list[str]:
    return [row[0] for row in sql.execute("SELECT name FROM thing ORDER BY id")]


# ---------------------------------------------------------------- execute and insert


def test_execute_runs_a_statement_with_parameters_and_returns_its_cursor(things: EstateFile) -> None:
    sql.execute("INSERT INTO thing (name) VALUES (?), (?)", ("a", "b"))
    cursor = sql.execute("SELECT name FROM thing WHERE name = ?", ["b"])
    assert cursor.fetchall() == [("b",)]


def test_insert_returns_the_id_of_each_new_row(things: EstateFile) -> None:
    first = sql.insert("INSERT INTO thing (name) VALUES (?)", ("a",))
    second = sql.insert("INSERT INTO thing (name) VALUES (?)", ("b",))
    assert second == first + 1
    assert sql.execute("SELECT name FROM thing WHERE id = ?", (second,)).fetchone() == ("b",)
    sql.execute("INSERT INTO thing (id, name) VALUES (?, ?)", (40, "c"))
    assert sql.insert("INSERT INTO thing (name) VALUES (?)", ("d",)) == 41


def test_a_broken_constraint_is_the_integrity_error_sql_exports(things: EstateFile) -> None:
    sql.insert("INSERT INTO thing (name) VALUES (?)", ("a",))
    with pytest.raises(sql.IntegrityError):
        sql.insert("INSERT INTO thing (name) VALUES (?)", ("a",))


def test_insert_rows_writes_every_row_with_one_prepared_statement(estate: EstateFile) -> None:
    statements: list[str] = []
    connection = database_proxy.connection()
    connection.set_trace_callback(statements.append)
    try:
        sql.insert_rows("setting", [{"key": f"k{n:02d}", "value": str(n)} for n in range(10)])
    finally:
        connection.set_trace_callback(None)
    inserts = [text for text in statements if text.lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 10  # one executemany: the statement is run per row, built once
    assert len({text.split("VALUES")[0] for text in inserts}) == 1
    stored = dict(sql.execute("SELECT key, value FROM setting WHERE key LIKE 'k%'"))
    assert stored == {f"k{n:02d}": str(n) for n in range(10)}


def test_insert_rows_of_nothing_writes_nothing(estate: EstateFile) -> None:
    before = sql.execute("SELECT COUNT(*) FROM setting").fetchone()
    sql.insert_rows("setting", [])
    assert sql.execute("SELECT COUNT(*) FROM setting").fetchone() == before


def test_insert_rows_is_part_of_the_transaction_it_runs_in(estate: EstateFile) -> None:
    with pytest.raises(RuntimeError), sql.transaction():
        sql.insert_rows("setting", [{"key": "gone", "value": "1"}])
        raise RuntimeError("roll back")
    assert sql.execute("SELECT COUNT(*) FROM setting WHERE key = 'gone'").fetchone()[0] == 0


# ---------------------------------------------------------------- placeholders and chunks


@pytest.mark.parametrize(("count", "marks"), [(0, ""), (1, "?"), (3, "?,?,?")])
def test_placeholders_gives_one_question_mark_per_value(count: int, marks: str) -> None:
    assert sql.placeholders(count) == marks


def test_placeholders_fit_an_in_list(things: EstateFile) -> None:
    for name in "abcde":
        sql.insert("INSERT INTO thing (name) VALUES (?)", (name,))
    wanted = ["b", "d", "e"]
    found = sql.execute(
        f"SELECT name FROM thing WHERE name IN ({sql.placeholders(len(wanted))}) ORDER BY name", wanted
    )
    assert [row[0] for row in found] == wanted


def test_chunks_cut_slices_of_500_by_default() -> None:
    assert sql.CHUNK == 500
    items = list(range(1201))
    slices = list(sql.chunks(items))
    assert [len(part) for part in slices] == [500, 500, 201]
    assert [value for part in slices for value in part] == items


def test_chunks_take_a_size() -> None:
    assert [list(part) for part in sql.chunks("abcdefg", 3)] == [list("abc"), list("def"), ["g"]]
    assert [len(part) for part in sql.chunks(list(range(10)), 5)] == [5, 5]


def test_chunks_of_nothing_are_none() -> None:
    assert list(sql.chunks([])) == []


def test_chunks_read_chunk_when_called_so_a_test_can_make_it_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql, "CHUNK", 4)
    assert [len(part) for part in sql.chunks(list(range(10)))] == [4, 4, 2]


# ---------------------------------------------------------------- dates


@given(st.dates())
def test_a_date_comes_back_from_its_stored_text(value: date) -> None:
    stored = sql.iso_date(value)
    assert stored == value.isoformat()
    assert sql.as_date(stored) == value


@given(st.dates())
def test_a_date_stored_with_midnight_reads_as_the_date(value: date) -> None:
    assert sql.as_date(f"{value.isoformat()} 00:00:00") == value
    assert sql.as_date(f"{value.isoformat()}T08:30:00") == value


def test_as_date_takes_iso_text_datetime_text_and_dates() -> None:
    assert sql.as_date("2025-03-01") == date(2025, 3, 1)
    assert sql.as_date("2025-03-01 00:00:00") == date(2025, 3, 1)
    assert sql.as_date(date(2024, 2, 29)) == date(2024, 2, 29)


@pytest.mark.parametrize("empty", [None, ""])
def test_nothing_stored_is_no_date(empty: object) -> None:
    assert sql.as_date(empty) is None


def test_no_date_is_stored_as_null() -> None:
    assert sql.iso_date(None) is None


def test_bad_date_text_is_refused() -> None:
    with pytest.raises(ValueError):
        sql.as_date("2025-13-01")


def test_as_date_of_a_datetime_is_its_date() -> None:
    value = sql.as_date(datetime(2025, 3, 1, 0, 0))
    assert value == sql.as_date("2025-03-01 00:00:00")
    assert type(value) is date


def test_dates_round_trip_through_the_estate_file(things: EstateFile) -> None:
    sql.execute("CREATE TABLE dated (id INTEGER PRIMARY KEY, day TEXT)")
    first = sql.insert("INSERT INTO dated (day) VALUES (?)", (sql.iso_date(date(2025, 3, 1)),))
    second = sql.insert("INSERT INTO dated (day) VALUES (?)", (sql.iso_date(None),))
    read = dict(sql.execute("SELECT id, day FROM dated"))
    assert sql.as_date(read[first]) == date(2025, 3, 1)
    assert sql.as_date(read[second]) is None


# ---------------------------------------------------------------- transactions


def test_a_transaction_commits_its_work(things: EstateFile) -> None:
    with sql.transaction():
        sql.insert("INSERT INTO thing (name) VALUES (?)", ("kept",))
    assert names() == ["kept"]


def test_a_failed_transaction_leaves_nothing(things: EstateFile) -> None:
    with pytest.raises(Boom), sql.transaction():
        sql.insert("INSERT INTO thing (name) VALUES (?)", ("lost",))
        raise Boom
    assert names() == []


def test_a_nested_transaction_is_a_savepoint_whose_rollback_keeps_the_outer_work(things: EstateFile) -> None:
    with sql.transaction():
        sql.insert("INSERT INTO thing (name) VALUES (?)", ("outer",))
        with pytest.raises(Boom), sql.transaction():
            sql.insert("INSERT INTO thing (name) VALUES (?)", ("inner",))
            assert names() == ["outer", "inner"]
            raise Boom
        assert names() == ["outer"]
        sql.insert("INSERT INTO thing (name) VALUES (?)", ("after",))
    assert names() == ["outer", "after"]


def test_an_outer_rollback_undoes_a_committed_inner_savepoint(things: EstateFile) -> None:
    with pytest.raises(Boom), sql.transaction():
        with sql.transaction():
            sql.insert("INSERT INTO thing (name) VALUES (?)", ("inner",))
        raise Boom
    assert names() == []
