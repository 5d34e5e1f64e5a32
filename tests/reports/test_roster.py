"""The printed roster (reports/roster.py): Chinese whatever the language, phones masked, rare names kept."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from estatedesk.domain.households import Flag, Occupancy
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
                occupancy=Occupancy.RENTED,
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
        "出租",
        "王玥、李喆",
        "138****5678",  # 李喆 has no phone: no placeholder
        "张堃",
        "139****1111",
        "低保",
    )


def test_a_room_held_by_the_developer_is_marked_开发商(estate: EstateFile) -> None:
    households.create_room(RoomInput("3", "2", "501", "89.5", flags=frozenset({Flag.DEVELOPER})))
    households.create_room(
        RoomInput("3", "2", "502", "89.5", flags=frozenset({Flag.DEVELOPER, Flag.HARDSHIP}))
    )
    assert [roster_cells(row)[-1] for row in households.list_rooms()] == ["开发商", "低保、开发商"]


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


def texts(page: object) -> list[str]:
    return [box.text for box in page.boxes]  # type: ignore[attr-defined]


def test_each_building_starts_a_page_and_ends_with_its_subtotal(estate: EstateFile) -> None:
    from estatedesk.reports.roster import lay_out_roster

    for building, number in (("10", "101"), ("2", "101"), ("10", "102"), ("2", "102"), ("2", "103")):
        households.create_room(RoomInput(building, "1", number, "80.25"))
    shown = sorted(households.list_rooms(), key=lambda row: row.number)  # the list sorted otherwise
    document = lay_out_roster("幸福里小区", shown, "搜索“1”")
    assert len(document.pages) == 2
    first, second = map(texts, document.pages)
    assert "搜索“1”　共 5 户，专有面积合计 401.25 ㎡" in first
    assert "2号楼" in first and "2号楼小计：3 户，专有面积 240.75 ㎡" in first
    assert [text for text in first if text.startswith("2-1-")] == ["2-1-101", "2-1-102", "2-1-103"]
    assert "10号楼" in second and "10号楼小计：2 户，专有面积 160.50 ㎡" in second
    assert "合计：5 户，专有面积 401.25 ㎡" in second
    assert "第 2 页 / 共 2 页" in second and not any(text.startswith("2-1-") for text in second)


def test_a_building_longer_than_a_page_goes_on_under_its_name(estate: EstateFile, tmp_path: Path) -> None:
    from estatedesk.reports.roster import lay_out_roster

    rows = rooms_with_rare_names(40)
    document = lay_out_roster("小区", rows)
    first, second = map(texts, document.pages)
    assert "3号楼" in first and "3号楼（续）" in second
    assert first.count("房号") == second.count("房号") == 1  # the column titles again on each page
    assert "3号楼小计：40 户，专有面积 3,580.00 ㎡" in second
    assert not any(text.startswith("合计") for text in second)  # one building: its subtotal is the total
