"""The room rows' list summaries (store/summaries.py): their refresh, and the file check vouching for them."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estatedesk.cli import EXIT_OK, EXIT_REJECTED, main
from estatedesk.domain.households import Occupancy
from estatedesk.domain.search import SEARCH_SEPARATORS, normalize_query, pinyin_keys
from estatedesk.services import households
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.store.backup import check_estate
from estatedesk.store.db import EstateFile
from estatedesk.store.models import database_proxy
from estatedesk.store.summaries import SUMMARY_COLUMNS, folded_sql, refresh_room_summaries


def behind_the_programs_back(path: Path, sql: str) -> None:
    """Change the file as another tool could, outside EstateDesk."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


def two_rooms() -> None:
    owners = [PersonInput("王玥", "13800138000"), PersonInput("李喆")]
    tenants = [ResidentInput("张堃", "13700137000")]
    households.create_room(
        RoomInput("3", "2", "501", "89.5", occupancy=Occupancy.RENTED, owners=owners, residents=tenants)
    )
    households.create_room(RoomInput("3", "2", "502", "60"))


def stored(code: str) -> tuple[str, ...]:
    columns = ", ".join(SUMMARY_COLUMNS)
    row = database_proxy.execute_sql(f"SELECT {columns} FROM room WHERE code = ?", (code,)).fetchone()
    return tuple(row)


def test_a_saved_room_carries_its_summaries(estate: EstateFile) -> None:
    two_rooms()
    keys = {name: pinyin_keys(name).replace(" ", "\x1f") for name in ("王玥", "李喆", "张堃")}
    assert stored("3-2-501") == (
        "王玥、李喆",
        "13800138000、",
        "张堃",
        "13700137000",
        f"32501\x1f王玥\x1f13800138000\x1f{keys['王玥']}\x1f李喆\x1f\x1f{keys['李喆']}"
        f"\x1f张堃\x1f13700137000\x1f{keys['张堃']}",
    )
    assert stored("3-2-502") == ("", "", "", "", "32502\x1f\x1f")
    report = check_estate(estate)
    assert report.stale_summaries == 0 and report.ok


@pytest.mark.parametrize("column", SUMMARY_COLUMNS)
def test_check_counts_a_summary_changed_behind_the_programs_back(estate: EstateFile, column: str) -> None:
    two_rooms()
    behind_the_programs_back(
        estate.path, f"UPDATE room SET {column} = {column} || 'x' WHERE code = '3-2-502'"
    )
    report = check_estate(estate)
    assert report.stale_summaries == 1
    assert not report.ok
    assert report.integrity == ["ok"] and report.foreign_key_problems == 0  # nothing else is wrong


def test_check_counts_people_changed_behind_the_programs_back(estate: EstateFile) -> None:
    two_rooms()
    behind_the_programs_back(estate.path, "UPDATE person SET phone = '13900000000' WHERE name = '王玥'")
    assert check_estate(estate).stale_summaries == 1


def test_a_refresh_of_every_room_or_of_many_ids_mends_them(estate: EstateFile) -> None:
    two_rooms()
    spoilt = "UPDATE room SET owners_text = '?', search_text = ''"
    behind_the_programs_back(estate.path, spoilt)
    assert check_estate(estate).stale_summaries == 2
    with database_proxy.atomic():
        refresh_room_summaries()
    assert check_estate(estate).stale_summaries == 0
    behind_the_programs_back(estate.path, spoilt)
    with database_proxy.atomic():  # more ids than one statement takes, most of them of no room
        refresh_room_summaries([*range(1000, 2200), *(row.id for row in households.list_rooms())])
    assert check_estate(estate).stale_summaries == 0
    assert [row.owners for row in households.list_rooms()] == ["王玥、李喆", ""]


def test_the_check_command_rejects_a_stale_summary(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--households", "20"], out=io.StringIO()) == EXIT_OK
    out = io.StringIO()
    assert main(["--db", str(path), "check", "--json"], out=out) == EXIT_OK
    assert json.loads(out.getvalue())["stale_summaries"] == 0

    behind_the_programs_back(path, "UPDATE room SET tenant_phones = '13800000000' WHERE id = 3")
    out = io.StringIO()
    assert main(["--db", str(path), "check", "--json"], out=out) == EXIT_REJECTED
    report = json.loads(out.getvalue())
    assert (report["ok"], report["stale_summaries"], report["foreign_key_problems"]) == (False, 1, 0)
    assert report["counts"]["rooms"] == 20
    out = io.StringIO()
    assert main(["--db", str(path), "check"], out=out) == EXIT_REJECTED
    assert "stale list summaries: 1" in out.getvalue()
    assert out.getvalue().strip().endswith("PROBLEMS FOUND")


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from("abcXYZ019王玥李喆张堃" + SEARCH_SEPARATORS), max_size=24))
def test_the_stored_search_text_folds_names_as_the_search_box_folds_queries(name: str) -> None:
    # The stored side is SQL, the typed side Python: a name typed exactly as stored must find itself.
    folded = sqlite3.connect(":memory:").execute(f"SELECT lower({folded_sql('?')})", (name,)).fetchone()[0]
    assert folded == normalize_query(name)
