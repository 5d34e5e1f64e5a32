"""Each cleaner's daily task sheet (保洁每日任务单, RULES.md §5): what to do that day, ticked off by hand.

One A4 portrait page per cleaner per working day with work: the cleaner, the day, the rota it
comes from, a table of the day's tasks (area, what, which time of the day for a task that comes
more than once, standard minutes, a box □ 完成 to tick and room for a note), the day's total, a box
for the inspector's remarks and the signatures of the cleaner and the inspector. A task taken over
from an absent colleague says whose area it is (代班). The rows are 8 mm, tall enough to write in;
a long day shrinks them to 6 mm, and a day longer still goes on to a second page.

A4 rather than A5 two-up: a busy day holds some 25 tasks, and the note column needs room for a pen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from fpdf import FPDF

from estatedesk.reports.cleaning_paper import Paper
from estatedesk.reports.cleaning_words import date_words, month_words, occurrence_words
from estatedesk.reports.pdf import BLACK, new_document, write_pdf
from estatedesk.reports.repair_words import time_text


@dataclass(frozen=True)
class SheetLine:
    """A task occurrence on a cleaner's sheet."""

    area: str
    what: str
    occurrence: int
    times: int  # how many times the task comes that day
    minutes: int
    covering_for: str = ""  # the responsible cleaner whose area this is, when it is not the sheet's own


@dataclass(frozen=True)
class TaskSheet:
    """A cleaner's tasks on one day."""

    cleaner: str
    day: date
    minutes_per_day: int
    lines: tuple[SheetLine, ...]

    @property
    def minutes(self) -> int:
        """The day's standard minutes."""
        return sum(line.minutes for line in self.lines)


@dataclass(frozen=True)
class TaskSheetsDocument:
    """The task sheets to print, by day then cleaner, and the rota they come from."""

    estate_name: str
    month: str  # YYYY-MM
    sheets: tuple[TaskSheet, ...]
    confirmed: bool  # the month's rota was accepted and nothing re-planned since
    printed: datetime


TITLE = "保洁每日任务单"
TICK = "□ 完成"
NOTE = "完成一项在“完成”栏打 ✓；未完成或有异常的，请在备注栏写明原因。当日交回物业服务中心。"
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
SIDE = 12.0
WIDTH = PAGE_WIDTH - 2 * SIDE  # 186 mm
COLUMNS = (
    ("序号", 10.0, "C"),
    ("区域", 44.0, "L"),
    ("工作内容", 44.0, "L"),
    ("次数", 13.0, "C"),
    ("用时(分)", 15.0, "R"),
    ("完成", 18.0, "C"),
    ("备注", 42.0, "L"),
)
INFO_TOP = 31.0
INFO_ROW = 8.0
TABLE_TOP = INFO_TOP + 2 * INFO_ROW + 7.0  # the two rows of who and when, then the rota it comes from
LABEL = 24.0
HEADER_ROW = 7.0
ROW = 8.0
LEAST_ROW = 6.0
BOTTOM = PAGE_HEIGHT - 10.0
REMARKS = 14.0  # the least height of the inspector's box (a long day)
COMFORTABLE_REMARKS = 30.0  # what it keeps before a short day's page gets blank rows
LARGEST_REMARKS = 40.0
FOOT = 21.0  # the signatures and the note, under the inspector's box
BELOW_TABLE = ROW + 3 + REMARKS + FOOT  # the total row, the inspector's box, the signatures and the note
EXTRA_ROWS = 8  # at most, blank rows for work given on the day
EXTRA_TITLE = 7.0
EXTRA_WORDS = "临时任务（当日另行安排的工作，由保洁员或检查人手填）"

GREY = (100, 100, 100)
RED = (200, 30, 30)


def pages_of(count: int) -> list[tuple[int, float]]:
    """How a table of ``count`` rows goes on pages: (rows, row height) for each page.

    8 mm rows when they fit above what follows the table, else 6 mm; more rows than that go on
    to further pages, full ones first, the last keeping room under its rows for the total, the
    inspector's box and the signatures.
    """
    room = BOTTOM - BELOW_TABLE - TABLE_TOP - HEADER_ROW
    if count * ROW <= room:
        return [(count, ROW)]
    last_page = int(room // LEAST_ROW)
    if count <= last_page:
        return [(count, LEAST_ROW)]
    per_page = int((BOTTOM - TABLE_TOP - HEADER_ROW) // LEAST_ROW)
    pages: list[tuple[int, float]] = []
    left = count
    while left > last_page:
        taken = min(per_page, left - 1)  # at least one row goes with the foot
        pages.append((taken, LEAST_ROW))
        left -= taken
    pages.append((left, LEAST_ROW))
    return pages


class _Sheet:
    """Draws one cleaner's day on one page or more."""

    def __init__(self, paper: Paper, document: TaskSheetsDocument, sheet: TaskSheet) -> None:
        self.pdf = paper.pdf
        self.paper = paper
        self.document = document
        self.sheet = sheet

    def head(self, page: int, pages: int) -> None:
        document, sheet = self.document, self.sheet
        self.paper.cell(SIDE, 10, WIDTH, 7, document.estate_name, 12, True, "C", smallest=9)
        title = TITLE if page == 1 else f"{TITLE}（续）"
        self.paper.cell(SIDE, 17, WIDTH, 11, title, 19, True, "C")
        if pages > 1:
            self.paper.cell(SIDE + WIDTH - 30, 20, 30, 6, f"第 {page}/{pages} 页", 9, align="R", colour=GREY)
        y = INFO_TOP
        self.label(SIDE, y, "保 洁 员")
        value = WIDTH / 2 - LABEL
        self.paper.cell(SIDE + LABEL, y, value, INFO_ROW, sheet.cleaner, 12, True, border=True, smallest=8)
        self.label(SIDE + WIDTH / 2, y, "日　　期")
        self.paper.cell(
            SIDE + WIDTH / 2 + LABEL,
            y,
            value,
            INFO_ROW,
            date_words(sheet.day),
            11,
            True,
            border=True,
            smallest=8,
        )
        y += INFO_ROW
        self.label(SIDE, y, "任 务 数")
        self.paper.cell(SIDE + LABEL, y, value, INFO_ROW, f"{len(sheet.lines)} 项", 10.5, border=True)
        self.label(SIDE + WIDTH / 2, y, "标准用时")
        minutes = f"合计 {sheet.minutes} 分钟（每日工时 {sheet.minutes_per_day} 分钟）"
        self.paper.cell(SIDE + WIDTH / 2 + LABEL, y, value, INFO_ROW, minutes, 10.5, border=True, smallest=8)
        y += INFO_ROW + 1
        basis = f"依据：{month_words(document.month)}保洁排班表"
        if not document.confirmed:
            basis += "（排班未确认，如有调整以确认后的排班为准）"
        self.paper.cell(
            SIDE, y, WIDTH, 5, basis, 8.5, colour=RED if not document.confirmed else GREY, smallest=7
        )

    def label(self, x: float, y: float, text: str) -> None:
        self.paper.cell(x, y, LABEL, INFO_ROW, text, 10, True, "C", border=True, fill=True)

    def table(self, top: float, lines: Sequence[SheetLine], first_number: int, height: float) -> float:
        x = SIDE
        for title, width, _align in COLUMNS:
            self.paper.cell(
                x, top, width, HEADER_ROW, title, 9.5, True, "C", border=True, fill=True, smallest=7
            )
            x += width
        y = top + HEADER_ROW
        size = 10.0 if height >= ROW else 9.0
        for number, line in enumerate(lines, start=first_number):
            note = f"代班（{line.covering_for}）" if line.covering_for else ""
            texts = (
                str(number),
                line.area,
                line.what,
                occurrence_words(line.occurrence, line.times),
                str(line.minutes),
                TICK,
                note,
            )
            x = SIDE
            for index, (text, (_title, width, align)) in enumerate(zip(texts, COLUMNS, strict=True)):
                color = GREY if index == 6 else BLACK
                shown = size - 1.5 if index == 6 else size
                self.paper.cell(
                    x, y, width, height, text, shown, False, align, True, colour=color, smallest=7
                )
                x += width
            y += height
        return y

    def foot(self, y: float) -> None:
        pdf, sheet, paper = self.pdf, self.sheet, self.paper
        widths = [width for _title, width, _align in COLUMNS]
        before = sum(widths[:4])
        paper.cell(SIDE, y, before, ROW, "合　　计", 10, True, "C", border=True, fill=True)
        paper.cell(
            SIDE + before, y, widths[4], ROW, str(sheet.minutes), 10, True, "R", border=True, fill=True
        )
        paper.cell(SIDE + before + widths[4], y, sum(widths[5:]), ROW, border=True, fill=True)
        y += ROW
        y = self.extra_rows(y)
        y += 3
        remarks = max(REMARKS, min(LARGEST_REMARKS, BOTTOM - FOOT - y))
        paper.cell(SIDE, y, LABEL, remarks, "检查情况", 10, True, "C", border=True, fill=True)
        paper.cell(SIDE + LABEL, y, WIDTH - LABEL, remarks, border=True)
        y += remarks + 5
        half = WIDTH / 2
        for x, who in ((SIDE, "保洁员（签名）："), (SIDE + half + 4, "检查人（签名）：")):
            paper.cell(x, y, 34, 8, who, 10.5)
            pdf.line(x + 34, y + 6.5, x + half - 8, y + 6.5)
        y += 11
        paper.cell(SIDE, y, WIDTH - 50, 5, NOTE, 8, colour=GREY, smallest=6.5)
        printed = f"打印：{time_text(self.document.printed)}"
        paper.cell(SIDE + WIDTH - 50, y, 50, 5, printed, 8, align="R", colour=GREY)

    def extra_rows(self, y: float) -> float:
        """Blank rows for work given on the day (snow, a spill), where a short day leaves the page room."""
        room = BOTTOM - FOOT - COMFORTABLE_REMARKS - 3 - y - EXTRA_TITLE
        count = min(EXTRA_ROWS, int(room // ROW))
        if count < 2:
            return y
        paper = self.paper
        paper.cell(SIDE, y, WIDTH, EXTRA_TITLE, EXTRA_WORDS, 9.5, True, border=True, fill=True)
        y += EXTRA_TITLE
        for _row in range(count):
            x = SIDE
            for index, (_title, width, align) in enumerate(COLUMNS):
                paper.cell(x, y, width, ROW, TICK if index == 5 else "", 10, False, align, True)
                x += width
            y += ROW
        return y

    def draw(self) -> None:
        pdf, sheet = self.pdf, self.sheet
        layout = pages_of(len(sheet.lines))
        start, y = 0, TABLE_TOP
        for page, (count, height) in enumerate(layout, start=1):
            pdf.add_page()
            self.head(page, len(layout))
            y = self.table(TABLE_TOP, sheet.lines[start : start + count], start + 1, height)
            start += count
        self.foot(y)


def task_sheets_pdf(document: TaskSheetsDocument) -> FPDF:
    """Every sheet of the document drawn, one cleaner's day on a page (or more for a long day)."""
    pdf = new_document(f"{document.estate_name} {document.month} {TITLE}")
    pdf.set_line_width(0.2)
    paper = Paper(pdf)  # one for every page: it measures each character once
    for sheet in document.sheets:
        _Sheet(paper, document, sheet).draw()
    return pdf


def write_task_sheets(document: TaskSheetsDocument, path: Path) -> int:
    """Write the task sheets' PDF at ``path`` (whole or not at all); return its pages."""
    pdf = task_sheets_pdf(document)
    write_pdf(pdf, path)
    return pdf.pages_count
