"""The arrears reminder (reports/reminder.py): polite, one page each, and never a threat to cut supplies."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from estatedesk.domain.fees import SUPPLY_CUT_WORDS, mentions_supply_cut
from estatedesk.reports import reminder as module
from estatedesk.reports.reminder import ReminderDocument, ReminderLine, reminders_pdf
from helpers.pdf_reading import overlapping, words

LINES = (
    ReminderLine("物业费", "2026-01 至 2026-06", 32220),
    ReminderLine("垃圾清运费", "2026-01 至 2026-06", 6000),
    ReminderLine("车位管理费", "2026-03 至 2026-06", 12000),
)
HOW_TO_PAY = (
    "地址：幸福里小区 5 号楼 1 单元 101 室（物业办公室）\n"
    "时间：周一至周六 8:30—17:30\n"
    "方式：现金、银行转账、微信、支付宝均可；转账请注明房号，以便我们及时为您开具收据。"
)
MANY_OWNERS = (
    "王玥、李喆、张堃、欧阳娜娜、司马相如、诸葛孔明、上官婉儿、慕容复、东方不败、令狐冲、任盈盈、岳灵珊"
)


def reminder(**changes: object) -> ReminderDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "room": "3-2-501",
        "addressee": "王玥、李喆",
        "lines": LINES,
        "total_fen": 50220,
        "as_of": date(2026, 12, 1),
        "how_to_pay": HOW_TO_PAY,
        "office_phone": "010-12345678",
    }
    fields.update(changes)
    return ReminderDocument(**fields)  # type: ignore[arg-type]


def water_lines(count: int) -> tuple[ReminderLine, ...]:
    return tuple(
        ReminderLine(f"代收水费（{n}号表）", f"2025-{n % 12 + 1:02d}", 1000 * n) for n in range(1, count + 1)
    )


def long_reminder(count: int, **changes: object) -> ReminderDocument:
    lines = water_lines(count)
    return reminder(lines=lines, total_fen=sum(line.amount_fen for line in lines), **changes)


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "催缴通知单.pdf"
    path.write_bytes(data)
    return path


def page_texts(data: bytes, tmp_path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(write(tmp_path, data)), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def assert_laid_out_cleanly(data: bytes, tmp_path: Path) -> None:
    for width, height, found in words(write(tmp_path, data)):
        for word, (x0, y0, x1, y1) in found:
            assert 0 < x0 < x1 < width and 0 < y0 < y1 < height, word
        assert not overlapping(found)


@needs_pdftotext
def test_the_reminder_is_polite_and_names_every_item(tmp_path: Path) -> None:
    (text,) = page_texts(reminders_pdf([reminder()]), tmp_path)
    assert "催缴通知单" in text and "房号3-2-501" in text
    assert "尊敬的王玥、李喆业主：您好！截至2026年12月01日，您的房屋3-2-501尚有以下费用未缴纳：" in text
    assert "项目期间金额（元）" in text
    assert "物业费2026-01至2026-06322.20" in text
    assert "垃圾清运费2026-01至2026-0660.00" in text
    assert "车位管理费2026-03至2026-06120.00" in text
    assert "合计¥502.20" in text
    assert "合计金额（大写）：人民币伍佰零贰元贰角整" in text
    assert "请您在方便时按以下方式缴纳：" in text
    assert "地址：幸福里小区5号楼1单元101室（物业办公室）" in text
    assert "时间：周一至周六8:30—17:30" in text
    assert "以便我们及时为您开具收据。" in text
    assert "如有疑问，请致电：010-12345678" in text
    assert "感谢您对小区管理工作的理解与支持！" in text
    assert text.endswith("幸福里小区2026年12月01日如已缴纳，请忽略本通知。")


@needs_pdftotext
def test_no_reminder_ever_speaks_of_cutting_supplies(tmp_path: Path) -> None:
    documents = [reminder(), reminder(how_to_pay="", office_phone=""), long_reminder(60)]
    text = "".join(page_texts(reminders_pdf(documents), tmp_path))
    for word in ("停水", "停电", "停气", "断水", "断电", "断气", "限电", "限水"):
        assert word not in text
    # The module's own printed words, wherever they are used.
    printed = [value for value in vars(module).values() if isinstance(value, str)]
    assert not any(mentions_supply_cut(value) for value in printed)


def test_supply_cut_words_are_recognised_in_the_office_s_own_text() -> None:
    assert set(SUPPLY_CUT_WORDS) >= {"停水", "停电", "停气", "断水", "断电", "断气", "限电", "限水"}
    assert mentions_supply_cut("逾期不缴将停水停电")
    for threat in (
        "逾期将停止供水供电。",
        "暂停供电",
        "停止供气",
        "断供水电",
        "停止水电供应",
        "停暖",
        "停 水",
        "水电将被停止",
        "燃气暂停供应",
        "（欠费停水停电）",
    ):
        assert mentions_supply_cut(threat), threat
    for polite in (
        "可用现金、银行转账、微信或支付宝支付",
        "电话 010-12345678",
        "水电费请另行缴纳",
        "停车费",
        "供暖费",
    ):
        assert not mentions_supply_cut(polite), polite
    assert not mentions_supply_cut(HOW_TO_PAY)


@needs_pdftotext
def test_one_page_per_reminder_in_the_order_given(tmp_path: Path) -> None:
    documents = [
        reminder(room="3-2-501"),
        reminder(room="3-2-502", addressee=MANY_OWNERS),
        reminder(room="3-2-503", addressee="", how_to_pay="", office_phone=""),
        long_reminder(20, room="3-2-504"),
    ]
    data = reminders_pdf(documents)
    assert page_count(data) == 4
    pages = page_texts(data, tmp_path)
    for page, room in zip(pages, ("3-2-501", "3-2-502", "3-2-503", "3-2-504"), strict=True):
        assert f"房号{room}" in page and f"您的房屋{room}" in page
        assert "如已缴纳，请忽略本通知。" in page


@needs_pdftotext
def test_many_owners_a_long_list_and_no_how_to_pay_lay_out_cleanly(tmp_path: Path) -> None:
    documents = [
        reminder(addressee=MANY_OWNERS),
        long_reminder(25, addressee=MANY_OWNERS),
        reminder(addressee="", how_to_pay="", office_phone=""),
    ]
    data = reminders_pdf(documents)
    assert page_count(data) == 3
    many, long, plain = page_texts(data, tmp_path)
    assert f"尊敬的{MANY_OWNERS}业主：" in many
    for n in range(1, 26):
        assert f"代收水费（{n}号表）" in long
    assert "¥3,250.00" in long and "人民币叁仟贰佰伍拾元整" in long
    assert "尊敬的业主：" in plain
    assert "请您在方便时到小区物业办公室缴纳。" in plain
    assert "按以下方式" not in plain and "致电" not in plain
    assert_laid_out_cleanly(data, tmp_path)


@needs_pdftotext
def test_a_list_too_long_for_a_page_goes_on_with_the_column_titles(tmp_path: Path) -> None:
    data = reminders_pdf([long_reminder(80)])
    pages = page_texts(data, tmp_path)
    assert len(pages) == page_count(data) > 1
    assert all("房号3-2-501" in page and "项目期间金额（元）" in page for page in pages)
    assert "催缴通知单（续）" in pages[1]
    every = "".join(pages)
    assert all(f"代收水费（{n}号表）" in every for n in range(1, 81))
    assert "如已缴纳，请忽略本通知。" in pages[-1]
    assert_laid_out_cleanly(data, tmp_path)


def test_a4_portrait_with_the_font_embedded() -> None:
    data = reminders_pdf([reminder()])
    match = re.search(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", data)
    assert match and (round(float(match.group(1))), round(float(match.group(2)))) == (595, 842)
    assert b"/FontFile2" in data and b"EstateDeskSansSC" in data


@needs_pdftotext
def test_rare_name_characters_print(tmp_path: Path) -> None:
    (text,) = page_texts(reminders_pdf([reminder(addressee="王玥、李喆、张堃")]), tmp_path)
    assert "尊敬的王玥、李喆、张堃业主" in text


def test_a_total_that_does_not_add_up_is_refused() -> None:
    with pytest.raises(ValueError, match="total"):
        reminder(total_fen=1)


@needs_pdftotext
def test_nothing_to_print_gives_a_page_that_says_so(tmp_path: Path) -> None:
    data = reminders_pdf([])
    assert page_count(data) == 1
    assert page_texts(data, tmp_path) == ["没有欠费的房屋，无需打印催缴通知单。"]
