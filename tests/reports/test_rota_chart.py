"""The wall chart (reports/rota_chart.py): the month's grid on one A4 landscape page, the lists under it."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from estatedesk.domain.errors import FileNotWritten
from estatedesk.domain.rota import Why
from estatedesk.reports.rota_chart import (
    ALL_COVERED,
    ChartRow,
    Presence,
    RotaChartDocument,
    UncoveredLine,
    write_rota_chart,
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

FIRST, LAST = date(2026, 12, 1), date(2026, 12, 31)  # a Tuesday; 31 days
DAYS = [FIRST + timedelta(days=offset) for offset in range(31)]
PRINTED = datetime(2026, 11, 28, 9, 30)
NAMES = (
    "王玥",
    "李喆",
    "张堃",
    "欧阳娜娜",
    "赵敏",
    "周芷若",
    "陈家洛",
    "霍青桐",
    "司马相如",
    "刘建国",
    "孙丽",
    "吴桂芳",
)


def row(
    name: str,
    off: int = 6,
    leave: tuple[date, date] | None = None,
    minutes: int = 240,
    areas: tuple[str, ...] = (),
    within: bool = True,
) -> ChartRow:
    """A cleaner off on weekday ``off`` (Sunday), on leave over ``leave``, working ``minutes`` a day."""
    presence = tuple(
        Presence.DAY_OFF
        if day.weekday() == off
        else Presence.ON_LEAVE
        if leave and leave[0] <= day <= leave[1]
        else Presence.WORKING
        for day in DAYS
    )
    per_day = tuple(minutes if shown is Presence.WORKING else 0 for shown in presence)
    working = sum(1 for shown in presence if shown is Presence.WORKING)
    return ChartRow(name, presence, per_day, working, Fraction(sum(per_day), working), within, areas)


def chart(**changes: object) -> RotaChartDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "month": "2026-12",
        "first": FIRST,
        "last": LAST,
        "rows": (
            row("王玥", areas=("1号楼1单元楼道", "中心广场")),
            row("李喆", off=5, leave=(date(2026, 12, 7), date(2026, 12, 10)), areas=("1号楼2单元楼道",)),
            row("张堃", off=2, minutes=1190, within=False),
        ),
        "uncovered": (),
        "occurrences": 120,
        "average": Fraction(2500, 9),
        "tolerance": Fraction(40),
        "accepted": True,
        "changes": 0,
        "unassigned_areas": (),
        "printed": PRINTED,
    }
    fields.update(changes)
    return RotaChartDocument(**fields)  # type: ignore[arg-type]


def written(document: RotaChartDocument, tmp_path: Path, name: str = "排班表.pdf") -> Path:
    path = tmp_path / name
    write_rota_chart(document, path)
    return path


def uncovered(
    count: int, day: date = date(2026, 12, 16), why: Why = Why.NO_MINUTES_LEFT
) -> tuple[UncoveredLine, ...]:
    return tuple(
        UncoveredLine(day, f"{number % 10 + 1}号楼{number // 10 + 1}单元楼道", "清扫楼道及门厅", 1, 1, why)
        for number in range(count)
    )


@needs_pdftotext
def test_the_grid_says_minutes_days_off_and_leave_with_totals(tmp_path: Path) -> None:
    path = written(chart(), tmp_path)
    assert page_count(path) == 1
    assert page_size_mm(path) == (297, 210)  # A4 landscape
    [page] = page_texts(path)
    assert "幸福里小区2026年12月保洁排班表" in page
    assert "未确认" not in page and "本月排班已确认" in page
    assert "共3人；本月任务120次，已安排120次" in page
    assert "王玥" in page and "李喆" in page and "张堃" in page
    assert "休" in page and "假" in page
    # 王玥: off on the 4 Sundays, 27 working days of 240 minutes.
    assert "648027240.0" in page
    # 李喆: off on the 4 Saturdays, on leave 4 days: 23 working days.
    assert "552023240.0" in page
    assert "1190" in page  # a long day's figure keeps its four digits
    assert "全队日均277.8分钟，允许偏差±40.0分钟" in page
    assert "日均分钟为红字者超出允许偏差" in page  # 张堃 is outside
    assert "责任区域" in page and "王玥：1号楼1单元楼道、中心广场" in page and "张堃：（无）" in page
    assert ALL_COVERED.rstrip("。") in page
    assert "制表（签名）" in page


@needs_pdftotext
def test_the_weekdays_are_under_the_days(tmp_path: Path) -> None:
    path = written(chart(), tmp_path)
    [(_width, _height, found)] = words(path)
    tops = {word: box for word, box in found}
    # The 1st is a Tuesday: 二 under 1; the month's last day, the 31st, a Thursday.
    day_one = next(box for word, box in found if word == "1")
    under = [word for word, box in found if abs(box[0] - day_one[0]) < 4 and 0 < box[1] - day_one[3] < 10]
    assert under[:1] == ["二"]
    assert "31" in tops


@needs_pdftotext
def test_a_rota_never_accepted_or_changed_since_is_stamped(tmp_path: Path) -> None:
    [fresh] = page_texts(written(chart(accepted=False), tmp_path, "新.pdf"))
    assert "未确认" in fresh and "本月排班尚未确认" in fresh
    [changed] = page_texts(written(chart(changes=13), tmp_path, "变.pdf"))
    assert "未确认" in changed and "重排13处，尚待确认" in changed


@needs_pdftotext
def test_every_uncovered_occurrence_is_listed_with_why(tmp_path: Path) -> None:
    lines = (
        UncoveredLine(date(2026, 12, 16), "西门垃圾点", "清运垃圾桶", 2, 2, Why.NO_MINUTES_LEFT),
        UncoveredLine(date(2026, 12, 16), "中心广场", "清扫道路及广场", 1, 1, Why.NO_MINUTES_LEFT),
        UncoveredLine(date(2026, 12, 15), "主干道", "冲洗路面", 1, 1, Why.TOO_LONG),
        UncoveredLine(date(2026, 12, 20), "中心广场", "清扫道路及广场", 1, 1, Why.NO_ONE_WORKING),
    )
    [page] = page_texts(written(chart(uncovered=lines), tmp_path))
    assert "未安排4次" in page and "未安排的任务（4次）" in page
    assert "12月15日（二）用时超过在岗人员每日工时（1次）：主干道冲洗路面" in page
    assert (
        "12月16日（三）在岗人员当日工时已排满（2次）：西门垃圾点清运垃圾桶第2次、中心广场清扫道路及广场"
        in page
    )
    assert "12月20日（日）当天无人上班（1次）：中心广场清扫道路及广场" in page
    assert "共4次" in page  # the grid's count of the uncovered
    assert ALL_COVERED.rstrip("。") not in page


@needs_pdftotext
def test_a_long_list_of_uncovered_goes_on_to_a_second_page_and_the_grid_stays_whole(tmp_path: Path) -> None:
    path = written(chart(rows=tuple(row(name) for name in NAMES), uncovered=uncovered(300)), tmp_path)
    pages = page_texts(path)
    assert len(pages) >= 2
    assert "吴桂芳" in pages[0] and "当日合计" in pages[0] and "未安排(次)" in pages[0]
    assert "保洁排班表（续）" in pages[1]
    assert "制表（签名）" in pages[-1] and "制表（签名）" not in pages[0]
    listed = "".join(pages).count("清扫楼道及门厅")
    assert listed == 300  # never dropped


@needs_pdftotext
def test_twelve_cleaners_and_a_short_month_keep_one_page_with_nothing_overlapping(tmp_path: Path) -> None:
    rows = tuple(
        row(name, off=index % 7, areas=tuple(f"{index + 1}号楼{unit}单元楼道" for unit in (1, 2, 3)))
        for index, name in enumerate(NAMES)
    )
    document = chart(rows=rows, unassigned_areas=("物业服务中心及业主活动室",), uncovered=uncovered(12))
    path = written(document, tmp_path)
    assert page_count(path) == 1
    [page] = page_texts(path)
    assert "任务区域未指定责任人：物业服务中心及业主活动室" in page
    assert not outside_page(path)
    [(_width, _height, found)] = words(path)
    assert not overlapping(found)
    february = [date(2027, 2, 1) + timedelta(days=offset) for offset in range(28)]
    short = dataclasses.replace(
        document,
        month="2027-02",
        first=february[0],
        last=february[-1],
        rows=tuple(
            dataclasses.replace(shown, presence=shown.presence[:28], minutes=shown.minutes[:28])
            for shown in rows
        ),
        uncovered=(),
    )
    path = written(short, tmp_path, "二月.pdf")
    [page] = page_texts(path)
    assert "2027年2月保洁排班表" in page and "31" not in page.split("保洁员")[1][:120]


@needs_pdftotext
def test_a_large_team_gets_lower_rows_and_still_one_grid(tmp_path: Path) -> None:
    rows = tuple(row(f"保洁员{number:02d}") for number in range(30))
    path = written(chart(rows=rows), tmp_path)
    pages = page_texts(path)
    assert "保洁员29" in pages[0] and "当日合计" in pages[0]
    assert not outside_page(path)


@needs_pdftotext
def test_rare_name_characters_print_and_the_font_is_embedded(tmp_path: Path) -> None:
    path = written(chart(), tmp_path)
    assert font_embedded(path)
    [page] = page_texts(path)
    assert "王玥" in page and "李喆" in page and "张堃" in page


def test_no_glyph_is_missing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        written(chart(uncovered=uncovered(5), accepted=False), tmp_path)
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten):
        write_rota_chart(chart(), tmp_path / "无此文件夹" / "排班表.pdf")
