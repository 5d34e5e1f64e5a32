"""The daily sheet and the monthly report (reports/repair_sheets.py): one page each, rates as percents."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from estatedesk.domain.workdays import CalendarSource
from estatedesk.reports.repair_sheets import (
    SIZES,
    BoardLine,
    DailySheetDocument,
    MonthPoint,
    MonthReportDocument,
    RateLine,
    daily_layout,
    more_text,
    percent_text,
    recent_months,
    target_text,
    two_lines,
    write_daily_sheet,
    write_month_report,
)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")

AS_OF = datetime(2026, 10, 9, 15, 0)


def page_texts(path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def line(number: int, due: datetime | None, **changes: object) -> BoardLine:
    fields: dict[str, object] = {
        "number": f"{number:06d}",
        "received": datetime(2026, 10, 8, 9, 0),
        "place": "3-2-501",
        "category": "户内维修",
        "emergency": False,
        "state": "已派工",
        "worker": "李喆",
        "due": due,
        "calendar": CalendarSource.STATUTORY,
        "overdue": due is not None and due < AS_OF,
        "due_today": due is not None and AS_OF <= due <= datetime(2026, 10, 10),
        "waiting": "",
        "description": "卫生间漏水",
        "last_note": "",
        "last_note_at": None,
    }
    fields.update(changes)
    return BoardLine(**fields)  # type: ignore[arg-type]


def five() -> tuple[BoardLine, ...]:
    return (
        line(
            1,
            datetime(2026, 10, 9, 0, 0),
            category="水路维修",
            last_note="王玥说明天在家",
            last_note_at=AS_OF,
        ),
        line(2, datetime(2026, 10, 10, 0, 0), emergency=True, worker="张堃"),
        line(3, datetime(2027, 1, 5, 0, 0), calendar=CalendarSource.WEEKENDS_ONLY),
        line(4, None, state="已完工", waiting="待回访"),
        line(5, datetime(2026, 10, 14, 0, 0), worker=""),
    )


def test_the_daily_sheet_shrinks_its_type_before_leaving_orders_out() -> None:
    assert daily_layout(5) == (SIZES[0], 5)
    size, shown = daily_layout(30)
    assert SIZES[-1] < size < SIZES[0] and shown == 30
    floor, room = daily_layout(1000)
    assert floor == SIZES[-1] and room < 1000
    assert daily_layout(room + 1) == (floor, room + 1)  # exactly full: every order, no "另有" line
    assert daily_layout(room + 2) == (floor, room)  # one more: the last row makes way for the count


@needs_pdftotext
def test_a_daily_sheet_of_five_lists_them_all_with_the_counts(tmp_path: Path) -> None:
    sheet = DailySheetDocument("幸福里小区", AS_OF, five())
    path = tmp_path / "日清日审.pdf"
    assert write_daily_sheet(sheet, path) == 5
    [page] = page_texts(path)
    assert "幸福里小区报修日清日审表" in page and "2026-10-09（星期五）" in page
    assert "未完结5单" in page and "■已超时1单" in page and "▲今日到期1单" in page
    for text in ("000001", "超15小时", "10-0824:00", "王玥说明天在家", "【急】户内维修", "张堃", "剩9小时"):
        assert text in page, text
    assert "2027-01-0424:00＊" in page and "＊时限按周末推算，未含法定节假日" in page  # another year, whole
    assert "待回访" in page and "另有" not in page


@needs_pdftotext
def test_a_daily_sheet_of_300_stays_one_page_and_counts_the_rest(tmp_path: Path) -> None:
    lines = tuple(line(number, AS_OF + timedelta(hours=number - 100)) for number in range(1, 301))
    path = tmp_path / "300.pdf"
    shown = write_daily_sheet(DailySheetDocument("幸福里小区", AS_OF, lines), path)
    pages = page_texts(path)
    assert len(pages) == 1 and 20 < shown < 300
    # The overdue fill the page: the count says how many overdue and due today were left off.
    hidden = lines[shown:]
    overdue = sum(1 for one in hidden if one.overdue)
    today = sum(1 for one in hidden if one.due_today and not one.overdue)
    assert overdue and today
    assert more_text(300 - shown, overdue, today).replace(" ", "") in pages[0]
    assert f"（其中已超时{overdue}单、今日到期{today}单）" in pages[0]
    assert f"{shown:06d}" in pages[0] and f"{shown + 1:06d}" not in pages[0]
    assert "未完结300单" in pages[0] and "已超时99单" in pages[0]


@needs_pdftotext
def test_an_empty_board_says_so(tmp_path: Path) -> None:
    path = tmp_path / "空.pdf"
    assert write_daily_sheet(DailySheetDocument("幸福里小区", AS_OF, ()), path) == 0
    [page] = page_texts(path)
    assert "今日没有未完结的工单" in page and "未完结0单" in page


def test_rates_print_as_percents_with_one_decimal_half_up() -> None:
    assert percent_text(Fraction(2, 3)) == "66.7%"
    assert percent_text(Fraction(1, 16)) == "6.3%"
    assert percent_text(Fraction(1)) == "100.0%"
    assert percent_text(Fraction(0)) == "0.0%"
    assert percent_text(None) == "—"
    assert target_text(RateLine("及时率", 1, 1, "", Fraction(99, 100))) == "≥ 99%"
    assert target_text(RateLine("返修率", 0, 1, "", Fraction(2, 100), at_least=False)) == "≤ 2%"
    assert recent_months("2026-03", 4) == ["2025-12", "2026-01", "2026-02", "2026-03"]


def rates() -> tuple[RateLine, ...]:
    return (
        RateLine("及时率", 2, 3, "按时 2 单 / 3 单", Fraction(99, 100)),
        RateLine("回访率", 1, 3, "已回访 1 单 / 已完工 3 单", Fraction(30, 100)),
        RateLine("满意率", 0, 0, "满意 0 次 / 回访 0 次", None),
        RateLine("返修率", 0, 3, "返修 0 单 / 已完工 3 单", Fraction(2, 100), at_least=False),
    )


def report(**changes: object) -> MonthReportDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "month": "2026-10",
        "as_of": datetime(2026, 11, 1, 8, 0),
        "orders": 3,
        "cancelled": 1,
        "by_category": (("水路维修", 2), ("电梯（张堃负责）", 1)),
        "by_kind": (("报修", 3), ("投诉", 0), ("咨询", 0)),
        "rates": rates(),
        "done": 3,
        "hours_to_done": Fraction(25, 2),
        "trend": tuple(
            MonthPoint(month, index, None if index < 3 else Fraction(90 + index, 100))
            for index, month in enumerate(recent_months("2026-10"))
        ),
        "on_time_target": Fraction(99, 100),
    }
    fields.update(changes)
    return MonthReportDocument(**fields)  # type: ignore[arg-type]


@needs_pdftotext
def test_the_month_report_gives_each_rate_against_its_target(tmp_path: Path) -> None:
    path = tmp_path / "月报.pdf"
    write_month_report(report(), path)
    [page] = page_texts(path)
    assert "报修服务月报（2026年10月）" in page and "已取消1单，不计入" in page
    assert "及时率66.7%≥99%" in page and "未达标" in page
    assert "回访率33.3%≥30%" in page and "达标" in page
    assert "满意率—" in page and "无数据" in page
    assert "返修率0.0%≤2%" in page
    assert "12.5小时" in page
    assert "电梯（张堃负责）" in page and "66.7%" in page
    assert "99.0%" not in page.split("近十二个月走势")[0]  # the target is said as 99%, without a decimal
    assert "2025年" in page and "2026年" in page  # the charts' months carry their years


@needs_pdftotext
def test_a_month_without_orders_still_prints(tmp_path: Path) -> None:
    empty = report(
        orders=0,
        cancelled=0,
        by_category=(),
        by_kind=(("报修", 0), ("投诉", 0), ("咨询", 0)),
        rates=tuple(dataclasses.replace(rate, part=0, whole=0) for rate in rates()),
        done=0,
        hours_to_done=None,
        trend=tuple(MonthPoint(month, 0, None) for month in recent_months("2026-10")),
    )
    path = tmp_path / "空月.pdf"
    write_month_report(empty, path)
    [page] = page_texts(path)
    assert "（本月无工单）" in page and "无数据" in page
    assert page.count("未达标") == 1  # the chart's caption only: no rate is judged on nothing


@needs_pdftotext
def test_many_categories_fold_into_one_row_and_keep_one_page(tmp_path: Path) -> None:
    categories = tuple((f"自定义{number}", number) for number in range(1, 31))
    path = tmp_path / "多类别.pdf"
    write_month_report(report(by_category=categories, orders=sum(range(1, 31))), path)
    [page] = page_texts(path)
    assert "自定义30" in page and "自定义16" in page and "自定义15" not in page
    assert "其余15类" in page and "25.8%" in page and "审核（签名）" in page  # 120 of 465 orders


@needs_pdftotext
def test_a_short_board_gives_the_description_and_the_last_note_two_lines(tmp_path: Path) -> None:
    description = "三楼东户卫生间顶部渗水，楼下天花板发黄起皮"  # on one line: "三楼东户卫生间顶…"
    note = "已电话联系楼上业主，约定明天上午九点上门查看"
    lines = (
        line(1, AS_OF + timedelta(hours=3), description=description, last_note=note, last_note_at=AS_OF),
    )
    assert two_lines(len(lines), daily_layout(len(lines))[0])
    path = tmp_path / "short.pdf"
    write_daily_sheet(DailySheetDocument("幸福里小区", AS_OF, lines), path)
    [page] = page_texts(path)
    # Each text on two lines (pdftotext reads the cells' lines in turns), none shortened with ….
    assert "…" not in page and "发黄起皮" in page and "上门查看" in page
    assert "三楼东户卫生间顶部渗水" in page and "已电话联系楼上业主" in page
    # A full board keeps one line each, and so every order on the page.
    size, shown = daily_layout(30)
    assert shown == 30 and not two_lines(30, size)
