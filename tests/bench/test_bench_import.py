"""Households import and export of 5,000 rows (500 in quick mode).

Target (issue 13): 5,000 rows import in a few seconds (< 5 s on the 2-core build machine).
Printed, not asserted:

    /tmp/venv/bin/python -m pytest tests/bench/test_bench_import.py -s -q
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from estatedesk.domain.households import id_check_character
from estatedesk.services import interchange
from estatedesk.services.households import sheet as households_sheet
from estatedesk.store.db import create_estate

QUICK = os.environ.get("ESTATEDESK_BENCH_QUICK") == "1"
ROWS = 500 if QUICK else 5_000

Report = Callable[..., None]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰玥喆堃"


def _name(n: int) -> str:
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 7) % len(GIVEN)] + GIVEN[(n // 131) % len(GIVEN)]


def _id_number(n: int) -> str:
    first17 = "110105" + (date(1940, 1, 1) + timedelta(days=n)).strftime("%Y%m%d") + f"{n % 1000:03d}"
    return first17 + id_check_character(first17)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A realistic households sheet: numeric cells, co-owners, tenants with date cells, flags."""
    path = tmp_path_factory.mktemp("bench") / f"households_{ROWS}.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    rows = workbook.create_sheet("住户")
    rows.append(list(households_sheet.CANONICAL_HEADERS))
    for n in range(ROWS):
        building, unit, room = n // 120 + 1, (n // 24) % 5 + 1, f"{(n % 24) // 2 + 1}{n % 2 + 1:02d}"
        co_owner = n % 5 == 0
        rented = n % 4 == 0
        rows.append(
            [
                building,
                unit,
                int(room),
                58.72 + (n % 40) * 1.25,
                "住宅",
                "",
                _name(n) + (f"、{_name(n + 100_000)}" if co_owner else ""),
                f"{13800000000 + n}、{13900000000 + n}" if co_owner else 13800000000 + n,
                _id_number(n) if n % 3 == 0 else None,
                _name(n + 200_000) if rented else None,
                13700000000 + n if rented else None,
                date(2025, 3, 1) if rented else None,
                "2026-02-28" if rented else None,
                "低保" if n % 40 == 0 else None,
                "一楼" if room.startswith("1") else None,
            ]
        )
    workbook.save(path)
    return path


def test_import_households(sheet: Path, tmp_path: Path, bench_report: Report) -> None:
    estate = create_estate(tmp_path / "bench.sqlite3", "基准小区")
    try:
        started = time.perf_counter()
        preview = households_sheet.preview_households(sheet)
        previewed = time.perf_counter()
        result = interchange.run_import(preview)
        imported = time.perf_counter()
        assert (result.imported, result.errors) == (ROWS, [])
        again = interchange.run_import(households_sheet.preview_households(sheet))
        reimported = time.perf_counter()
        assert (again.imported, again.updated, again.unchanged) == (0, 0, ROWS)
        exported = households_sheet.export_households(tmp_path / "out.xlsx")
        export_done = time.perf_counter()
        assert exported == ROWS
    finally:
        estate.close()
    bench_report(f"preview_{ROWS}_rows", previewed - started)
    bench_report(f"import_{ROWS}_rows_write", imported - previewed)
    bench_report(f"import_{ROWS}_rows", imported - started)
    bench_report(f"reimport_{ROWS}_rows", reimported - imported)
    bench_report(f"export_xlsx_{ROWS}_rows", export_done - reimported)
