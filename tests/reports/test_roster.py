"""The printed roster (reports/roster.py): Chinese whatever the language, phones masked, rare names kept."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from estatedesk.domain.households import Flag
from estatedesk.reports.roster import roster_cells, write_roster
from estatedesk.services import households
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.store.db import EstateFile


def rooms_with_rare_names(count: int) -> list[households.RoomRow]:
    for number in range(1, count + 1):
        households.create_room(
            RoomInput(
                "3",
                "2",
                f"{number:03d}",
                "89.5",
                owners=[PersonInput("王玥", "13812345678"), PersonInput("李喆")],
                residents=[ResidentInput("张堃", "13900001111")],
                flags=frozenset({Flag.HARDSHIP}) if number == 1 else frozenset(),
            )
        )
    return households.list_rooms()


def test_cells_are_chinese_and_phones_masked(estate: EstateFile) -> None:
    row = rooms_with_rare_names(1)[0]
    assert roster_cells(row) == (
        "3-2-001",
        "89.50",
        "住宅",
        "自住",
        "王玥、李喆",
        "138****5678、—",
        "张堃",
        "139****1111",
        "低保",
    )


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@needs_pdftotext
def test_the_pdf_carries_the_names_and_spans_pages(estate: EstateFile, tmp_path: Path) -> None:
    rows = rooms_with_rare_names(40)
    target = tmp_path / "名册.pdf"
    pages = write_roster(target, "幸福里小区", rows, "3号楼 2单元")
    assert pages == 2
    assert not list(tmp_path.glob("*.partial"))
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    compact = text.replace(" ", "")  # pdftotext drops some spaces between CJK glyphs
    for expected in (
        "幸福里小区房屋与住户名册",
        "3号楼2单元",
        "共40户",
        "王玥、李喆",
        "张堃",
        "138****5678",
        "第2页/共2页",
    ):
        assert expected in compact
    assert "13812345678" not in text


def test_a_long_list_of_names_is_shortened_to_fit(estate: EstateFile, tmp_path: Path) -> None:
    owners = [
        PersonInput(name) for name in ("欧阳娜娜", "司马相如", "诸葛孔明", "上官婉儿", "慕容复", "东方不败")
    ]
    households.create_room(RoomInput("1", "1", "101", "60", owners=owners))
    target = tmp_path / "r.pdf"
    write_roster(target, "小区", households.list_rooms())
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "…" in text and "东方不败" not in text
