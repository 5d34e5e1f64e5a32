"""The voter roll sign-for sheet (reports/voter_roll.py): totals, who cannot vote, rows never split."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from estatedesk.domain.errors import FileNotWritten
from estatedesk.domain.voting import Holding, Voter, VoterKind, build_roll
from estatedesk.reports.pdf import (
    CELL_PADDING,
    LaidOut,
    Pen,
    area_text,
    fit_text,
    measuring_document,
    new_document,
    wrap_items,
    wrap_paragraph,
    wrap_text,
)
from estatedesk.reports.voter_roll import (
    BOTTOM,
    COLUMNS,
    Sheet,
    SheetColumn,
    VoterRollDocument,
    lay_out_sheet,
    lay_out_voter_roll,
    write_voter_roll,
)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")

NAMES = ("王玥", "李喆", "张堃", "赵敏", "周芷若", "陈家洛")


def developer_rooms(count: int) -> list[str]:
    return [f"5-{1 + index // 20}-{index % 20 // 2 + 1:02d}0{index % 2 + 1}" for index in range(count)]


def roll(owners: int = 20, developer: int = 60, unowned: int = 2) -> tuple[Voter, ...]:
    """A roll as the domain builds it: owners (one with two rooms), the developer, rooms with no owner."""
    holdings = [
        Holding(f"3-1-{number:03d}", 8950 + number, frozenset({number}), (NAMES[number % len(NAMES)],))
        for number in range(1, owners + 1)
    ]
    holdings.append(Holding("3-1-999", 10000, frozenset({1}), (NAMES[1],)))  # owner 1's second room
    holdings += [Holding(code, 8950, frozenset(), (), developer=True) for code in developer_rooms(developer)]
    holdings += [Holding(f"6-1-{number:03d}", 7000, frozenset(), ()) for number in range(1, unowned + 1)]
    return tuple(build_roll(holdings))


def document(voters: tuple[Voter, ...]) -> VoterRollDocument:
    return VoterRollDocument(
        "幸福里小区", "关于使用专项维修资金更换3号楼电梯的决定", voters, date(2027, 3, 1)
    )


def page_texts(path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def page_words(laid_out: LaidOut) -> list[str]:
    return [re.sub(r"\s+", "", "".join(box.text for box in page.boxes)) for page in laid_out.pages]


@needs_pdftotext
def test_the_roll_prints_totals_the_warning_and_every_voter(tmp_path: Path) -> None:
    voters = roll()
    path = tmp_path / "名册.pdf"
    write_voter_roll(document(voters), path)
    pages = page_texts(path)
    first = pages[0]
    assert "表决权人名册（签到表）" in first and "幸福里小区" in first
    assert "关于使用专项维修资金更换3号楼电梯的决定" in first
    area = sum(voter.area_centi for voter in voters)
    assert f"总人数{len(voters)}人，总面积{area_text(area)}㎡" in first
    assert len(voters) == 20 + 1 + 2  # owner 1 counts once for two rooms; the developer once for 60
    assert "有2套房屋无业主登记，已计入总人数和总面积，登记业主前不能表决" in first
    for title in ("序号", "业主", "房号", "面积（㎡）", "签名"):
        assert all(title in page for page in pages)
    text = "".join(pages)
    assert text.count("（无业主登记）") == 2
    assert text.count("建设单位") == 1
    assert "3-1-001、3-1-999" in text  # one voter, both rooms
    for name in ("王玥", "李喆", "张堃"):
        assert name in text
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in page


def test_no_warning_when_every_room_has_an_owner() -> None:
    words = "".join(page_words(lay_out_voter_roll(document(roll(unowned=0)))))
    assert "无业主登记" not in words
    assert "总人数21人" in words


def test_a_row_is_never_split_across_pages() -> None:
    laid_out = lay_out_voter_roll(document(roll(owners=20, developer=60)))
    assert len(laid_out.pages) >= 2
    for page in laid_out.pages:
        for box in page.boxes:
            if box.border:  # a row's frame ends above the bottom margin, never beyond the page
                assert box.y + box.height <= BOTTOM + 1e-6
    words = page_words(laid_out)
    (page,) = [index for index, text in enumerate(words) if "建设单位" in text]
    assert page > 0  # it did not fit under the owners on the first page: it went whole to the next
    for code in developer_rooms(60):
        assert code in words[page]
        assert all(code not in other for index, other in enumerate(words) if index != page)


def test_the_column_titles_repeat_and_rows_stay_in_roll_order() -> None:
    laid_out = lay_out_voter_roll(document(roll(owners=60, developer=3)))
    numbers: list[int] = []
    for page in laid_out.pages:
        titles = [box.text for box in page.boxes if box.fill]
        assert titles == [column.title for column in COLUMNS]
        numbers += [int(box.text) for box in page.boxes if box.x == 15.0 and box.text.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == 60 + 1 + 2


def test_room_codes_are_wrapped_between_codes() -> None:
    pdf = measuring_document()
    pdf.set_font("EstateDeskSans", "", 10)
    codes = developer_rooms(60)
    lines = wrap_items(pdf, codes, 66)
    assert len(lines) > 5
    assert [code for line in lines for code in line.split("、") if code] == codes
    assert all(pdf.get_string_width(line) <= 64 for line in lines)


def test_paragraphs_keep_figures_whole_and_punctuation_off_a_line_start() -> None:
    pdf = measuring_document()
    pdf.set_font("EstateDeskSans", "", 12)
    text = "预算总额人民币肆拾捌万元整（¥480,000.00），由业主委员会公开招标选定施工单位，费用按面积分摊。" * 3
    lines = wrap_paragraph(pdf, text, 80)
    assert "".join(lines) == text
    assert not any(line[0] in "，。、）" for line in lines)
    assert any("¥480,000.00" in line for line in lines)


def test_the_pen_breaks_lines_exactly_where_the_wrapping_functions_do() -> None:
    # The sheets and ballots measure with the pen, which adds up characters' widths: its lines must
    # be those of the functions, also for a text exactly as wide as the cell.
    pdf = measuring_document()
    pen = Pen(pdf)
    texts = (
        "",
        "王玥",
        "欧阳娜娜、司马相如、诸葛孔明、上官婉儿",
        "预算总额人民币肆拾捌万元整（¥480,000.00），由业主委员会公开招标选定施工单位。",
        "Building 3 unit 2, 2027-01 to 2027-12\n第二段：3-2-1502、3-2-1602",
    )
    rooms = tuple(developer_rooms(25))
    for size, bold in ((10, False), (13, False), (15, True)):
        pen.font(size, bold)
        for text in texts:
            assert abs(pen.width(text) - pdf.get_string_width(text)) < 1e-9
            exact = [pdf.get_string_width(text[:end]) + 2 * CELL_PADDING for end in range(1, len(text) + 1)]
            for width in (*exact[::3], 20.0, 45.0, 66.0, 174.0):
                assert pen.wrap_text(text, width) == wrap_text(pdf, text, width)
                assert pen.wrap_paragraph(text, width) == wrap_paragraph(pdf, text, width)
                assert pen.fit_text(text, width) == fit_text(pdf, text, width)
        for width in (20.0, 44.0, 66.0, pdf.get_string_width("、".join(rooms[:4])) + 2 * CELL_PADDING):
            assert pen.wrap_items(rooms, width) == wrap_items(pdf, rooms, width)


@needs_pdftotext
def test_the_pen_puts_a_text_where_a_cell_would(tmp_path: Path) -> None:
    pdf = new_document("位置")
    pen = Pen(pdf)
    cells = (
        (15.0, 30.0, 13.0, 11.0, "12", "C", 10.0, False),
        (28.0, 30.0, 45.0, 4.6, "王玥、李喆", "L", 10.0, False),
        (139.0, 30.0, 22.0, 4.6, "3,580.00", "R", 10.0, False),
        (18.0, 60.0, 174.0, 11.0, "业主大会表决票", "C", 24.0, True),
    )
    for drawn_by_pen in (False, True):
        pdf.add_page()
        for x, y, width, height, text, align, size, bold in cells:
            if drawn_by_pen:
                pen.font(size, bold)
                pen.cell(x, y, width, height, text, align, border=True)
            else:
                pdf.set_font("EstateDeskSans", "B" if bold else "", size)
                pdf.set_xy(x, y)
                pdf.cell(width, height, text, border=1, align=align)
    path = tmp_path / "位置.pdf"
    path.write_bytes(bytes(pdf.output()))
    html = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = [re.findall(r"<word ([^>]*)>([^<]*)</word>", page) for page in html.split("<page")[1:]]
    assert len(pages) == 2 and len(pages[0]) >= len(cells)
    assert pages[0] == pages[1]  # the same words in the same boxes


def test_a_row_taller_than_a_page_goes_on_over_the_next() -> None:
    # Hundreds of rooms of the developer: the one case where a row cannot stay on one page.
    laid_out = lay_out_voter_roll(document(roll(owners=2, developer=400)))
    words = "".join(page_words(laid_out))
    for code in developer_rooms(400):
        assert code in words
    for page in laid_out.pages:
        assert all(box.y + box.height <= BOTTOM + 1e-6 for box in page.boxes if box.border)


def test_a_sheet_must_fill_the_page_width() -> None:
    with pytest.raises(ValueError, match="wide"):
        lay_out_sheet(Sheet("签到表", ("幸福里小区",), (), (SheetColumn("序号", 20),), ()))


def test_the_roll_names_whoever_cannot_sign_and_keeps_rare_names(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    voters = (
        Voter(1, "P1", "王玥、李喆", VoterKind.OWNER, ("3-2-501",), 8950),
        Voter(2, "developer", "建设单位", VoterKind.DEVELOPER, ("5-1-101",), 9000),
        Voter(3, "room:6-1-101", "", VoterKind.NO_OWNER, ("6-1-101",), 7000),
        Voter(4, "P3", "张堃", VoterKind.OWNER, ("3-2-502",), 8950),
    )
    with caplog.at_level(logging.WARNING):
        write_voter_roll(document(voters), tmp_path / "名册.pdf")
    assert not [record for record in caplog.records if "missing" in record.getMessage()]
    words = page_words(lay_out_voter_roll(document(voters)))[0]
    assert (
        words.index("王玥、李喆")
        < words.index("建设单位")
        < words.index("（无业主登记）")
        < words.index("张堃")
    )
    assert "有1套房屋无业主登记" in words
    assert "总面积339.00㎡" in words


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten):
        write_voter_roll(document(roll()), tmp_path / "无此文件夹" / "名册.pdf")
