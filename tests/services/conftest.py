"""Fixtures shared by the services tests: households spreadsheets to import, and an estate to export.

The helpers are plain functions, each handed to tests by a fixture of the same name (test modules
cannot import one another).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse, id_check_character
from estatedesk.services import households, interchange
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.services.households.sheet import CANONICAL_HEADERS, FIELDS, preview_households
from estatedesk.services.interchange import run_import as import_households
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry, Ownership, Person, Resident, Room

KEYS = [f.key for f in FIELDS]


def make_id(first17: str) -> str:
    return first17 + id_check_character(first17)


ID_ZHANG = make_id("11010519491231002")
ID_WANG = make_id("44010619850307123")


def cells(**values: object) -> list[object]:
    """One row in canonical column order; fields not given are empty."""
    unknown = set(values) - set(KEYS)
    assert not unknown, unknown
    return [values.get(key, "") for key in KEYS]


GOOD: dict[str, object] = {
    "building": "3",
    "unit": "2",
    "number": "501",
    "area": "89.50",
    "owner_names": "张三",
    "owner_phones": "13812345678",
}


def good(**changes: object) -> list[object]:
    return cells(**{**GOOD, **changes})


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    headers: Sequence[object] = CANONICAL_HEADERS,
    title_rows: Sequence[Sequence[object]] = (),
) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for title in title_rows:
        sheet.append(list(title))
    sheet.append(list(headers))
    for row in rows:
        if row:
            sheet.append([None if value == "" else value for value in row])
        else:
            sheet.append([None])  # an empty row keeps its place in the numbering
    workbook.save(path)
    return path


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    headers: Sequence[object] = CANONICAL_HEADERS,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def counts() -> dict[str, int]:
    return {
        "rooms": Room.select().count(),
        "people": Person.select().count(),
        "owners": Ownership.select().count(),
        "residents": Resident.select().count(),
        "audit": AuditEntry.select().count(),
    }


def detail(code: str) -> households.RoomDetail:
    room_id = households.find_room_id(code)
    assert room_id is not None, code
    return households.room_detail(room_id)


def import_file(path: Path, **options: Any) -> interchange.ImportResult:
    return import_households(preview_households(path), **options)


def error_lines(errors: Sequence[interchange.RowError]) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.reason) for e in errors]


@pytest.fixture(name="cells")
def cells_fixture() -> Callable[..., list[object]]:
    """The ``cells`` helper above."""
    return cells


@pytest.fixture(name="good")
def good_fixture() -> Callable[..., list[object]]:
    """The ``good`` helper above."""
    return good


@pytest.fixture(name="write_xlsx")
def write_xlsx_fixture() -> Callable[..., Path]:
    """The ``write_xlsx`` helper above."""
    return write_xlsx


@pytest.fixture(name="write_csv")
def write_csv_fixture() -> Callable[..., Path]:
    """The ``write_csv`` helper above."""
    return write_csv


@pytest.fixture(name="counts")
def counts_fixture() -> Callable[[], dict[str, int]]:
    """The ``counts`` helper above."""
    return counts


@pytest.fixture(name="detail")
def detail_fixture() -> Callable[[str], households.RoomDetail]:
    """The ``detail`` helper above."""
    return detail


@pytest.fixture(name="import_file")
def import_file_fixture() -> Callable[..., interchange.ImportResult]:
    """The ``import_file`` helper above."""
    return import_file


@pytest.fixture(name="error_lines")
def error_lines_fixture() -> Callable[..., list[tuple[int, str, str]]]:
    """The ``error_lines`` helper above."""
    return error_lines


@pytest.fixture
def furnished(estate: EstateFile) -> Iterator[EstateFile]:
    """An estate with rooms that use every column, including awkward values."""
    households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.HARDSHIP, Flag.DISABLED}),
            note="=见附件, 含逗号\n第二行",
            owners=[PersonInput("张三", "", ID_ZHANG), PersonInput("王玥", "13987654321")],
            residents=[
                ResidentInput("李喆", "13700001111", lease_from=date(2025, 3, 1), lease_to=date(2026, 2, 28)),
                ResidentInput("张堃", "", lease_from=date(2025, 4, 1)),
                ResidentInput("张小三", role=ResidentRole.FAMILY),
            ],
            parking=["P-001"],
        )
    )
    households.create_room(
        RoomInput(
            "1",
            "",
            "101",
            "45.2",
            use=RoomUse.SHOP,
            occupancy=Occupancy.VACANT,
            owners=[PersonInput("刘建国", "13600002222", ID_WANG)],
        )
    )
    households.create_room(RoomInput("3", "2", "1002", "120.05"))
    households.create_room(
        RoomInput(
            "3",
            "10",
            "101",
            "60",
            owners=[PersonInput("赵六")],
            residents=[ResidentInput("钱七", "13500003333")],
        )
    )
    yield estate
