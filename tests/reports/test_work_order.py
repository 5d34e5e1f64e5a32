"""The work order sheet (reports/work_order.py): one page, what the worker needs, boxes to fill in."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from estatedesk.reports.work_order import NO_LIMIT, WorkOrderDocument, write_work_order

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")

ORDER = WorkOrderDocument(
    estate_name="幸福里小区",
    number="000012",
    received=datetime(2027, 3, 5, 9, 0),
    channel="电话",
    kind="报修",
    category="户内维修",
    urgency="一般",
    emergency=False,
    place="3-2-501",
    reporter="3-2-501 王玥",
    reporter_phone="139****4321",
    description="卫生间地漏反水，楼下张堃家天花板渗水。",
    worker="李喆",
    worker_phone="13800001111",
    contractor=True,
    dispatched=datetime(2027, 3, 5, 9, 10),
    arrive_due=None,
    finish_due=datetime(2027, 3, 17, 0, 0),
    calendar_note="（按周末推算，未含法定节假日）",
    reworks=0,
    printed=datetime(2027, 3, 5, 9, 12),
)


def page_texts(path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


@needs_pdftotext
def test_the_sheet_says_the_order_and_leaves_boxes_to_fill_in(tmp_path: Path) -> None:
    path = tmp_path / "派工单.pdf"
    write_work_order(ORDER, path)
    [page] = page_texts(path)
    for text in (
        "幸福里小区",
        "派工单",
        "No.000012",
        "2027-03-0509:00",
        "户内维修（报修）",
        "一般",
        "3-2-501王玥",  # names outside GB2312 print: the font is embedded
        "139****4321",
        "张堃",
        "李喆（外单位）",
        "13800001111",
        "2027-03-0509:10",  # dispatched
        "2027-03-1624:00（按周末推算，未含法定节假日）",  # midnight is 24:00 of the day before
        "维修情况",
        "材料及数量",
        "材料费",
        "人工费",
        "□业主",
        "□小区经费",
        "□维修资金",
        "□应急使用",
        "到场时间",
        "完成时间",
        "维修人员（签名）",
        "业主/报修人（签名）",
    ):
        assert text in page, text


@needs_pdftotext
def test_an_emergency_sent_back_by_a_visit_is_marked_and_has_both_deadlines(tmp_path: Path) -> None:
    order = dataclasses.replace(
        ORDER,
        urgency="急修",
        emergency=True,
        reworks=1,
        arrive_due=datetime(2026, 10, 9, 9, 30),
        finish_due=datetime(2026, 10, 10, 0, 0),
        calendar_note="",
    )
    path = tmp_path / "急修.pdf"
    write_work_order(order, path)
    [page] = page_texts(path)
    assert "急修" in page and "返修" in page
    assert "到场时限2026-10-0909:30" in page and "完成时限2026-10-0924:00" in page
    assert "推算" not in page  # the statutory calendar needs no word


@needs_pdftotext
def test_a_long_description_keeps_the_sheet_on_one_page(tmp_path: Path) -> None:
    order = dataclasses.replace(
        ORDER,
        description="楼上王玥家卫生间漏水，" * 60,
        arrive_due=ORDER.finish_due,
        worker="",
        dispatched=None,
    )
    path = tmp_path / "长.pdf"
    write_work_order(order, path)
    [page] = page_texts(path)
    assert "…" in page and "业主/报修人（签名）" in page
    assert "到场时限" in page and "完成时限" in page


@needs_pdftotext
def test_an_order_without_limits_and_reporter_says_so(tmp_path: Path) -> None:
    order = dataclasses.replace(ORDER, finish_due=None, reporter="", reporter_phone="")
    path = tmp_path / "无时限.pdf"
    write_work_order(order, path)
    [page] = page_texts(path)
    assert NO_LIMIT in page and "（匿名）" in page
