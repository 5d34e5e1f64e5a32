"""The repair log's printed documents from a real file: the work order sheet, the daily sheet, the month."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.services.repairs.conftest import Opener, Rooms

from estatedesk.domain.errors import FileNotWritten, InputRejected
from estatedesk.domain.repairs import LimitKind, TimeLimit
from estatedesk.services import households, repairs
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.repairs import DoneInput, Holidays
from estatedesk.services.repairs.documents import masked_phone

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")


def pages(path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def test_phones_are_masked_whatever_their_kind() -> None:
    assert masked_phone("13800138000") == "138****8000"
    assert masked_phone("0571-88886666") == "0571-****6666"
    assert masked_phone("88886666-12") == "****6666-12"
    assert masked_phone("") == ""


@needs_pdftotext
def test_the_work_order_masks_the_owners_phone_and_names_the_worker(
    open_order: Opener, rooms: Rooms, tmp_path: Path
) -> None:
    made = open_order("2026-10-09 09:00", "in-home", description="卫生间漏水，楼下张堃家渗水")
    repairs.dispatch(made.order_id, "李喆", "13900001111", contractor=True, at="2026-10-09 09:10")
    path = tmp_path / "派工单.pdf"
    repairs.print_work_order(made.order_id, path)
    [page] = pages(path)
    assert "测试小区" in page and "派工单" in page and f"No.{made.number}" in page
    assert "138****8000" in page and "13800138000" not in page  # 王玥's phone, from the households file
    assert "张堃" in page and "李喆（外单位）" in page and "13900001111" in page
    assert "户内维修（报修）" in page and "一般" in page
    assert "完成时限2026-10-1924:00" in page  # the 7th working day, the swapped Saturday 10-10 counted
    assert "节假日" not in page  # the statutory calendar needs no word


@needs_pdftotext
def test_a_caller_s_landline_is_masked_and_a_later_year_says_its_calendar(
    open_order: Opener, rooms: Rooms, tmp_path: Path
) -> None:
    made = open_order(
        "2031-05-06 22:30",
        "public-glass-door-light",
        room="",
        reporter_name="王玥",
        reporter_phone="0571-88886666",
        place_kind="stairwell",
        building="3",
        unit="2",
        urgency="emergency",
        description="楼道门禁坏了",
    )
    path = tmp_path / "2031.pdf"
    repairs.print_work_order(made.order_id, path)
    [page] = pages(path)
    assert "0571-****6666" in page and "88886666" not in page
    assert "王玥" in page and "急修" in page and "到场时限2031-05-0623:00" in page
    assert page.count("（按周末推算，未含法定节假日）") == 2  # beside each deadline
    repairs.save_holidays(Holidays(2032, holidays=(date(2032, 1, 1),)))
    entered = open_order("2032-03-01 09:00", "common-part")
    repairs.print_work_order(entered.order_id, path)
    assert "（按本处录入的节假日安排）" in pages(path)[0]


@needs_pdftotext
def test_the_daily_sheet_lists_every_open_order_the_late_first(
    open_order: Opener, rooms: Rooms, tmp_path: Path
) -> None:
    late = open_order("2026-10-08 09:00", "water", description="水管爆裂")
    today = open_order("2026-10-09 09:00", "water", description="龙头滴水")
    later = open_order("2026-10-09 10:00", "in-home")
    done = open_order("2026-10-09 08:00", "enquiry", kind="enquiry", description="咨询停水时间")
    repairs.finish(done.order_id, DoneInput("已答复", at="2026-10-09 08:10"))
    closed = open_order("2026-10-09 08:00", "enquiry", kind="enquiry", description="咨询物业费")
    repairs.finish(closed.order_id, DoneInput("已答复", at="2026-10-09 08:10"))
    repairs.close(closed.order_id, at="2026-10-09 08:20")
    repairs.dispatch(late.order_id, "张堃", at="2026-10-08 09:30")
    repairs.note(late.order_id, "李喆说零件明天到")
    path = tmp_path / "日清日审.pdf"
    listed = repairs.print_daily_sheet(path, datetime(2026, 10, 9, 15, 0))
    assert listed == 4
    [page] = pages(path)
    assert "未完结4单" in page and "■已超时1单" in page and "▲今日到期1单" in page
    assert page.index(late.number) < page.index(today.number) < page.index(later.number)
    assert "超15小时" in page and "李喆说零件明天到" in page and "张堃" in page and "待回访" in page
    assert closed.number not in page


@needs_pdftotext
def test_the_daily_sheet_of_300_open_orders_is_one_page(open_order: Opener, tmp_path: Path) -> None:
    for number in range(300):
        open_order(f"2026-10-{1 + number % 9:02d} {8 + number % 12:02d}:{number % 60:02d}", "common-part")
    path = tmp_path / "300.pdf"
    listed = repairs.print_daily_sheet(path, datetime(2026, 10, 9, 15, 0))
    [page] = pages(path)
    assert 20 < listed < 300
    assert f"另有{300 - listed}单未列出，见系统" in page and "未完结300单" in page


@needs_pdftotext
def test_the_month_report_gives_the_rates_as_percents(
    open_order: Opener, rooms: Rooms, tmp_path: Path
) -> None:
    orders = [open_order("2026-10-09 09:00", "water", description=f"第{n}处漏水") for n in range(3)]
    for number, order in enumerate(orders):
        repairs.dispatch(order.order_id, "李喆", at="2026-10-09 09:10")
        repairs.start(order.order_id, at="2026-10-09 09:30")
        done_at = "2026-10-10 10:00" if number == 2 else "2026-10-09 12:00"  # the third misses 24:00
        repairs.finish(order.order_id, DoneInput("换管", at=done_at))
    repairs.visit(orders[0].order_id, True, "满意", at="2026-10-11 09:00")
    cancelled = open_order("2026-10-12 09:00", "in-home")
    repairs.cancel(cancelled.order_id, "业主自行修好")
    current = repairs.limits()
    repairs.save_limits(
        dataclasses.replace(current, finish={**current.finish, "lift": TimeLimit(LimitKind.MINUTES, 120)}),
        {"lift": "电梯困人（张堃）"},
    )
    open_order("2026-11-13 09:00", "lift", room="", place_kind="other", place_text="3号楼电梯")  # next month
    path = tmp_path / "月报.pdf"
    repairs.print_month_report("2026-10", path, datetime(2026, 11, 1, 8, 0))
    [page] = pages(path)
    assert "报修服务月报（2026年10月）" in page and "已取消1单，不计入" in page
    assert "及时率66.7%≥99%" in page and "未达标" in page  # 2 of 3 on time
    assert "回访率33.3%≥30%" in page and "满意率100.0%" in page and "返修率0.0%≤2%" in page
    assert "电梯困人（张堃）0" in page and "水路维修3" in page  # every category, the office's own too
    repairs.print_month_report("2026-11", path, datetime(2026, 12, 1, 8, 0))
    assert "电梯困人（张堃）1" in pages(path)[0]


def test_a_month_is_written_yyyy_mm(rooms: Rooms, tmp_path: Path) -> None:
    with pytest.raises(InputRejected) as refused:
        repairs.print_month_report("2026-13", tmp_path / "x.pdf")
    assert refused.value.errors[0].field == "month"
    assert not (tmp_path / "x.pdf").exists()


def test_a_document_that_cannot_be_written_says_so(open_order: Opener, tmp_path: Path) -> None:
    made = open_order()
    with pytest.raises(FileNotWritten, match="cannot write"):
        repairs.print_work_order(made.order_id, tmp_path / "missing" / "派工单.pdf")
    with pytest.raises(FileNotWritten):
        repairs.print_daily_sheet(tmp_path / "missing" / "日清.pdf")
    with pytest.raises(FileNotWritten):
        repairs.print_month_report("2026-10", tmp_path / "missing" / "月报.pdf")


def test_a_reporter_without_any_phone_prints_none(rooms: Rooms, tmp_path: Path) -> None:
    households.create_room(RoomInput("5", "1", "102", "60", owners=[PersonInput("张堃", "")]))
    made = repairs.add_order(repairs.OrderInput("2026-10-09 09:00", "in-home", "门锁坏了", room="5-1-102"))
    document = repairs.documents.work_order_document(made.order_id)
    assert document.reporter_phone == "" and document.reporter == "5-1-102"
