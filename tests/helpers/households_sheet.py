"""Households spreadsheets for the import tests: rows in canonical column order, files, counts.

Plain functions for the tests under tests/services (``pythonpath`` in pyproject.toml puts tests/
on the path, so that ``from helpers.households_sheet import good`` works in importlib mode).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from estatedesk.domain.households import id_check_character
from estatedesk.services import households, interchange
from estatedesk.services.households.sheet import CANONICAL_HEADERS, FIELDS, preview_households
from estatedesk.services.interchange import run_import as import_households
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
