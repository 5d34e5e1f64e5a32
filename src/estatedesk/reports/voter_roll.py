"""The voter roll (表决权人名册（签到表）, RULES.md §6): the frozen roll, printed to be signed.

One row per voter of the roll, in roll order: the developer (建设单位) is one row for all its
rooms, and a room with no recorded owner is a row of its own that counts in the totals but
cannot vote, which a warning under the totals says. A row is never split across two pages (its
signature would be), however many rooms it lists; the column titles repeat on every page.

The sheet is laid out first (``lay_out_voter_roll``) so that the window can preview the same
pages. ``lay_out_sheet`` is the table both sign-for sheets of a vote share: this roll and the
ballots' delivery sheet (``reports.ballot``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.voting import Voter, VoterKind
from estatedesk.reports.pdf import (
    A4_PORTRAIT,
    FONT,
    Box,
    LaidOut,
    Page,
    Pen,
    area_text,
    fit_text,
    measuring_document,
    wrap_text,
    write_laid_out,
)

TITLE = "表决权人名册（签到表）"
NO_OWNER_NAME = "（无业主登记）"
DEVELOPER_NAME = "建设单位"


# ---------------------------------------------------------------- a sign-for sheet's table

MARGIN = 15.0  # mm left, right and top
WIDTH = A4_PORTRAIT[0] - 2 * MARGIN  # 180 mm
FOOT = A4_PORTRAIT[1] - 12.0  # the page number's line
BOTTOM = FOOT - 3.0  # the last row ends here at the latest
TABLE_SIZE = 10.0  # points
TABLE_LINE = 4.6  # mm per line of text in a cell
PADDING = 2.2  # mm above the first and below the last line of a cell
SIGN_HEIGHT = 11.0  # mm: the least height of a row, room enough for a signature
HEADER_HEIGHT = 8.0


@dataclass(frozen=True)
class SheetColumn:
    """A column of a sign-for sheet: its title, width in mm and alignment."""

    title: str
    width: float
    align: str = "L"  # L, C or R


# A cell's content: a text, wrapped anywhere, or items (room codes) wrapped only between items.
Cell = str | tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    """A sign-for sheet: its title, lines under it, notes above the table, the table itself."""

    title: str  # 表决权人名册（签到表）
    heading: tuple[str, ...]  # centred under the title: the estate and the vote
    notes: tuple[tuple[str, bool], ...]  # lines above the table, each (text, bold)
    columns: tuple[SheetColumn, ...]  # together WIDTH mm
    rows: tuple[tuple[Cell, ...], ...]


@cache
def _measuring() -> FPDF:
    return measuring_document()  # made on first use: importing the module loads no font


@cache
def _pen() -> Pen:
    return Pen(_measuring())  # what it remembers is characters' widths: a few thousand at most


def _cell_lines(pen: Pen, cell: Cell, width: float) -> list[str]:
    """A cell's lines in the table's type (the pen's font is set to it)."""
    if isinstance(cell, tuple):
        return pen.wrap_items(cell, width)
    return pen.wrap_text(cell, width)


class _Pages:
    """The sheet's pages as they fill: title and column titles on each, whole rows until the bottom."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.pages: list[list[Box]] = []
        self.y = 0.0

    @property
    def boxes(self) -> list[Box]:
        return self.pages[-1]

    def new_page(self) -> None:
        sheet = self.sheet
        self.pages.append([])
        first = len(self.pages) == 1
        title = sheet.title if first else f"{sheet.title}（续）"
        self.y = MARGIN
        self.boxes.append(Box(MARGIN, self.y, WIDTH, 10, title, "C", 17 if first else 12, bold=True))
        self.y += 10 if first else 8
        if first:
            pdf = _measuring()
            pdf.set_font(FONT, "", 12)
            for text in sheet.heading:
                for line in wrap_text(pdf, text, WIDTH):
                    self.boxes.append(Box(MARGIN, self.y, WIDTH, 6.5, line, "C", 12))
                    self.y += 6.5
            self.y += 2
            for text, bold in sheet.notes:
                pdf.set_font(FONT, "B" if bold else "", 10.5)
                for line in wrap_text(pdf, text, WIDTH):
                    self.boxes.append(Box(MARGIN, self.y, WIDTH, 5.5, line, "L", 10.5, bold))
                    self.y += 5.5
            self.y += 2
        else:
            # Which vote a loose page belongs to, in a line.
            pdf = _measuring()
            pdf.set_font(FONT, "", 9)
            heading = fit_text(pdf, "　".join(sheet.heading), WIDTH)
            self.boxes.append(Box(MARGIN, self.y, WIDTH, 5.5, heading, "C", 9))
            self.y += 7
        x = MARGIN
        for column in sheet.columns:
            self.boxes.append(
                Box(x, self.y, column.width, HEADER_HEIGHT, column.title, "C", 10.5, True, True, True)
            )
            x += column.width
        self.y += HEADER_HEIGHT

    def room(self) -> float:
        return BOTTOM - self.y

    def row(self, cells: Sequence[list[str]]) -> None:
        """One row at the current y, its frames and its lines (the caller has made room for it)."""
        lines = max(len(cell) for cell in cells)
        height = max(SIGN_HEIGHT, lines * TABLE_LINE + 2 * PADDING)
        x = MARGIN
        for column, cell in zip(self.sheet.columns, cells, strict=True):
            self.boxes.append(Box(x, self.y, column.width, height, border=True))
            top = self.y + (height - len(cell) * TABLE_LINE) / 2  # the lines centred in the row
            for number, text in enumerate(cell):
                if not text:
                    continue  # an empty cell (the signature's) is its frame alone
                self.boxes.append(
                    Box(
                        x, top + number * TABLE_LINE, column.width, TABLE_LINE, text, column.align, TABLE_SIZE
                    )
                )
            x += column.width
        self.y += height

    def add(self, cells: list[list[str]]) -> None:
        """A row, on a new page if this one has no room for all of it.

        Only a row taller than a whole page (hundreds of rooms) goes on over the next: its lines
        are cut where the page ends, and the frame continues at the top of the next page.
        """
        height = max(SIGN_HEIGHT, max(len(cell) for cell in cells) * TABLE_LINE + 2 * PADDING)
        if height > self.room():
            self.new_page()
        while max(len(cell) for cell in cells) * TABLE_LINE + 2 * PADDING > self.room():
            fits = max(1, int((self.room() - 2 * PADDING) // TABLE_LINE))
            self.row([cell[:fits] for cell in cells])
            cells = [cell[fits:] for cell in cells]
            self.new_page()
        self.row(cells)

    def finish(self) -> LaidOut:
        count = len(self.pages)
        pages = tuple(
            Page((*boxes, Box(MARGIN, FOOT, WIDTH, 6, f"第 {number} 页 共 {count} 页", "C", 9)))
            for number, boxes in enumerate(self.pages, start=1)
        )
        return LaidOut(f"{' '.join(self.sheet.heading)} {self.sheet.title}", *A4_PORTRAIT, pages)


def lay_out_sheet(sheet: Sheet) -> LaidOut:
    """A sign-for sheet's pages: rows whole on one page, column titles and page number on each."""
    if round(sum(column.width for column in sheet.columns), 3) != WIDTH:
        raise ValueError(f"{sheet.title}: the columns are not {WIDTH} mm wide together")
    pages = _Pages(sheet)
    pages.new_page()
    pen = _pen()
    widths = [column.width for column in sheet.columns]
    for row in sheet.rows:
        pen.font(TABLE_SIZE)  # again after a new page's titles
        pages.add([_cell_lines(pen, cell, width) for cell, width in zip(row, widths, strict=True)])
    return pages.finish()


# ---------------------------------------------------------------- the roll


@dataclass(frozen=True)
class VoterRollDocument:
    """Everything the printed roll shows: the vote and its frozen roll, in roll order."""

    estate_name: str
    vote_title: str
    voters: tuple[Voter, ...]  # every voter of the roll, those who cannot vote included
    printed_on: date | None = None  # today when not given


COLUMNS = (
    SheetColumn("序号", 13.0, "C"),
    SheetColumn("业主", 45.0),
    SheetColumn("房号", 66.0),
    SheetColumn("面积（㎡）", 22.0, "R"),
    SheetColumn("签名", 34.0),
)


def voter_name(voter: Voter) -> str:
    """How a roll's voter is named on paper: the owners, 建设单位, or （无业主登记）."""
    if voter.kind is VoterKind.NO_OWNER:
        return NO_OWNER_NAME
    if voter.kind is VoterKind.DEVELOPER:
        return DEVELOPER_NAME
    return voter.name


def _date_text(day: date) -> str:
    # Not strftime: a format with Chinese characters depends on the locale on Windows.
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def lay_out_voter_roll(roll: VoterRollDocument) -> LaidOut:
    """The roll's pages: totals and the warning about rooms without an owner, then one row per voter."""
    voters = roll.voters
    area = sum(voter.area_centi for voter in voters)
    notes = [(f"总人数 {len(voters)} 人，总面积 {area_text(area)} ㎡", True)]
    unowned = sum(len(voter.rooms) for voter in voters if voter.kind is VoterKind.NO_OWNER)
    if unowned:
        notes.append(
            (f"注意：有 {unowned} 套房屋无业主登记，已计入总人数和总面积，登记业主前不能表决。", True)
        )
    printed = roll.printed_on or date.today()
    notes.append((f"打印日期：{_date_text(printed)}", False))
    notes.append(("共有人请推选一人签名；委托他人签到的，由代理人签名并出示业主签字的授权委托书。", False))
    rows = tuple(
        (str(voter.number), voter_name(voter), voter.rooms, area_text(voter.area_centi), "")
        for voter in voters
    )
    sheet = Sheet(TITLE, (roll.estate_name, roll.vote_title), tuple(notes), COLUMNS, rows)
    return lay_out_sheet(sheet)


def write_voter_roll(roll: VoterRollDocument, path: Path) -> None:
    """Write the roll's PDF at ``path`` (whole or not at all; ``FileNotWritten`` if it cannot be)."""
    write_laid_out(lay_out_voter_roll(roll), path)
