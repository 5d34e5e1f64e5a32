"""The daily task sheets (reports/task_sheet.py): a cleaner's day on an A4 page, boxes to tick, signatures."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

import pytest

from estatedesk.domain.errors import FileNotWritten
from estatedesk.reports.task_sheet import (
    BELOW_TABLE,
    BOTTOM,
    HEADER_ROW,
    LEAST_ROW,
    ROW,
    TABLE_TOP,
    SheetLine,
    TaskSheet,
    TaskSheetsDocument,
    pages_of,
    write_task_sheets,
)
from helpers.pdf_reading import (
    font_embedded,
    needs_pdftotext,
    outside_page,
    overlapping,
    page_count,
    page_size_mm,
    page_texts,
    words,
)

PRINTED = datetime(2026, 12, 6, 17, 0)
DAY = date(2026, 12, 7)  # a Monday


def lines(count: int) -> tuple[SheetLine, ...]:
    return tuple(
        SheetLine(f"{number + 1}号楼1单元楼道", "清扫楼道及门厅", 1, 1, 20) for number in range(count)
    )


def sheet(cleaner: str = "王玥", day: date = DAY, shown: tuple[SheetLine, ...] | None = None) -> TaskSheet:
    default = (
        SheetLine("1号楼1单元楼道", "清扫楼道及门厅", 1, 1, 20),
        SheetLine("西门垃圾点", "清运垃圾桶", 1, 2, 20),
        SheetLine("2号楼1单元楼道", "擦拭扶手", 1, 1, 10, covering_for="张堃"),
        SheetLine("西门垃圾点", "清运垃圾桶", 2, 2, 20),
    )
    return TaskSheet(cleaner, day, 480, default if shown is None else shown)


def document(*sheets: TaskSheet, confirmed: bool = True) -> TaskSheetsDocument:
    return TaskSheetsDocument("幸福里小区", "2026-12", sheets or (sheet(),), confirmed, PRINTED)


def written(shown: TaskSheetsDocument, tmp_path: Path, name: str = "任务单.pdf") -> Path:
    path = tmp_path / name
    assert write_task_sheets(shown, path) == page_count(path)
    return path


@needs_pdftotext
def test_a_sheet_names_the_cleaner_the_day_and_each_task_with_a_box_to_tick(tmp_path: Path) -> None:
    path = written(document(), tmp_path)
    assert page_size_mm(path) == (210, 297)  # A4 portrait
    [page] = page_texts(path)
    assert "幸福里小区" in page and "保洁每日任务单" in page
    assert "保洁员王玥" in page and "2026年12月7日（星期一）" in page
    assert "任务数4项" in page and "合计70分钟（每日工时480分钟）" in page
    assert "11号楼1单元楼道清扫楼道及门厅20□完成" in page
    assert "2西门垃圾点清运垃圾桶第1次20□完成" in page
    assert "4西门垃圾点清运垃圾桶第2次20□完成" in page
    assert "代班（张堃）" in page  # 李喆's area taken over: whose it is
    assert page.count("□完成") >= 4
    assert "合计70" in page
    assert "临时任务" in page  # a short day leaves rows for work given on the day
    assert "检查情况" in page and "保洁员（签名）" in page and "检查人（签名）" in page
    assert "依据：2026年12月保洁排班表" in page and "排班未确认" not in page


@needs_pdftotext
def test_a_sheet_from_a_rota_not_yet_accepted_says_so(tmp_path: Path) -> None:
    [page] = page_texts(written(document(confirmed=False), tmp_path))
    assert "排班未确认" in page


@needs_pdftotext
def test_one_page_per_cleaner_and_day(tmp_path: Path) -> None:
    sheets = (sheet("王玥"), sheet("李喆"), sheet("王玥", date(2026, 12, 8)))
    pages = page_texts(written(document(*sheets), tmp_path))
    assert len(pages) == 3
    assert "保洁员王玥" in pages[0] and "2026年12月7日" in pages[0]
    assert "保洁员李喆" in pages[1]
    assert "2026年12月8日（星期二）" in pages[2]


def test_rows_shrink_for_a_long_day_then_go_on_to_another_page() -> None:
    assert pages_of(4) == [(4, ROW)]
    room = BOTTOM - BELOW_TABLE - TABLE_TOP - HEADER_ROW
    at_eight = int(room // ROW)
    assert pages_of(at_eight) == [(at_eight, ROW)]
    assert pages_of(at_eight + 1) == [(at_eight + 1, LEAST_ROW)]
    at_least = int(room // LEAST_ROW)
    more = pages_of(at_least + 1)
    assert len(more) == 2 and sum(count for count, _height in more) == at_least + 1
    assert all(height == LEAST_ROW for _count, height in more)
    assert more[-1][0] >= 1  # the last page always has rows above its total
    assert sum(count for count, _height in pages_of(100)) == 100


@needs_pdftotext
def test_a_day_too_long_for_one_page_goes_on_with_the_header_again(tmp_path: Path) -> None:
    path = written(document(sheet(shown=lines(45))), tmp_path)
    pages = page_texts(path)
    assert len(pages) == 2
    assert "第1/2页" in pages[0] and "第2/2页" in pages[1] and "保洁每日任务单（续）" in pages[1]
    assert "序号区域工作内容" in pages[1]  # the table's header again
    assert "45号楼1单元楼道" in pages[1] and "合计900" in pages[1]
    assert "保洁员（签名）" in pages[1] and "保洁员（签名）" not in pages[0]
    assert all(f"{number}号楼1单元楼道" in "".join(pages) for number in range(1, 46))
    assert not outside_page(path)


@needs_pdftotext
def test_long_names_are_shortened_not_spilled(tmp_path: Path) -> None:
    long = SheetLine(
        "物业服务中心及业主活动室（含二楼会议室、走廊及卫生间）",
        "清洁桌椅门窗并拖地、倒垃圾、补充洗手液",
        1,
        1,
        45,
    )
    path = written(document(sheet("欧阳娜娜", shown=(long,))), tmp_path)
    [(_width, _height, found)] = words(path)
    assert not overlapping(found)
    assert not outside_page(path)
    assert "…" in page_texts(path)[0]


@needs_pdftotext
def test_rare_name_characters_print_and_the_font_is_embedded(tmp_path: Path) -> None:
    path = written(document(sheet("张堃"), sheet("李喆")), tmp_path)
    assert font_embedded(path)
    pages = page_texts(path)
    assert "保洁员张堃" in pages[0] and "保洁员李喆" in pages[1] and "王玥" not in "".join(pages)


def test_no_glyph_is_missing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        written(document(confirmed=False), tmp_path)
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten):
        write_task_sheets(document(), tmp_path / "无此文件夹" / "任务单.pdf")
