"""The households roster (房屋与住户名册): the list as shown, printed for door-to-door work.

Each building starts on a new page and ends with its subtotal (rooms and exclusive area), so
that the pages of one building can be handed to whoever walks it; the last page has the total.
The roster is laid out once (``lay_out_roster``): the PDF and the window's print preview draw
the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from estatedesk.domain.households import (
    FLAG_WORDS,
    OCCUPANCY_WORDS,
    ROOM_USE_WORDS,
    Flag,
    Occupancy,
    RoomUse,
    format_area,
    mask_phone_slots,
)
from estatedesk.domain.sorting import natural_key
from estatedesk.reports.pdf import (
    A4_LANDSCAPE,
    FONT,
    Box,
    LaidOut,
    Page,
    fit_text,
    measuring_document,
    write_laid_out,
)

TITLE = "房屋与住户名册"
COLUMNS = (
    ("房号", 24),
    ("面积（㎡）", 20),
    ("用途", 14),
    ("状态", 14),
    ("业主", 44),
    ("业主电话", 46),
    ("租户", 30),
    ("租户电话", 34),
    ("标记", 47),
)  # widths in mm: together the 273 mm between the margins of A4 landscape
ROW_HEIGHT = 6.5
MARGIN = 12.0  # mm around the page's content
BOTTOM = 15.0  # mm below the last row: the page number goes there
WIDTH = sum(width for _title, width in COLUMNS)


class RosterRoom(Protocol):
    """What the roster needs of a room (the households list's rows have it)."""

    @property
    def code(self) -> str: ...
    @property
    def building(self) -> str: ...
    @property
    def area_centi(self) -> int: ...
    @property
    def use(self) -> str: ...
    @property
    def occupancy(self) -> str: ...
    @property
    def owners(self) -> str: ...
    @property
    def owner_phones(self) -> str: ...
    @property
    def tenants(self) -> str: ...
    @property
    def tenant_phones(self) -> str: ...
    @property
    def flags(self) -> frozenset[Flag]: ...


def roster_cells(room: RosterRoom) -> tuple[str, ...]:
    """The printed texts of one room, in Chinese whatever the interface language."""
    return (
        room.code,
        format_area(room.area_centi),
        ROOM_USE_WORDS[RoomUse(room.use)][0],
        OCCUPANCY_WORDS[Occupancy(room.occupancy)][0],
        room.owners,
        mask_phone_slots(room.owner_phones),  # paper leaves the office: phones are always masked
        room.tenants,
        mask_phone_slots(room.tenant_phones),
        "、".join(FLAG_WORDS[flag][0] for flag in Flag if flag in room.flags),
    )


def building_title(building: str) -> str:
    """How the roster names a building: 3号楼, or a name such as 商业楼 as it is."""
    return f"{building}号楼" if building.isdigit() else building


def _area_text(centi: int) -> str:
    return f"{Decimal(centi).scaleb(-2):,.2f}"


class _Pages:
    """The roster's pages as they fill: a page header on each, rows until the bottom margin."""

    def __init__(self, estate_name: str, printed_on: date) -> None:
        self.pdf = measuring_document(landscape=True)
        self.estate_name = estate_name
        self.printed_on = printed_on
        self.pages: list[list[Box]] = []
        self.y = 0.0

    @property
    def boxes(self) -> list[Box]:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append([])
        self.boxes.append(Box(MARGIN, MARGIN, WIDTH, 8, f"{self.estate_name} {TITLE}", "C", 14, bold=True))
        self.boxes.append(Box(MARGIN, MARGIN + 8, WIDTH, 5, f"打印日期：{self.printed_on:%Y年%m月%d日}", "R"))
        self.y = MARGIN + 15

    def line(self, text: str, height: float, size: float = 9, bold: bool = False) -> None:
        self.boxes.append(Box(MARGIN, self.y, WIDTH, height, text, "L", size, bold))
        self.y += height

    def room_for(self, height: float) -> bool:
        return self.y + height <= A4_LANDSCAPE[1] - BOTTOM

    def header_row(self) -> None:
        x = MARGIN
        for title, width in COLUMNS:
            self.boxes.append(Box(x, self.y, width, ROW_HEIGHT, title, "C", 9, True, True, True))
            x += width
        self.y += ROW_HEIGHT

    def row(self, cells: Sequence[str]) -> None:
        self.pdf.set_font(FONT, "", 8.5)
        x = MARGIN
        for (title, width), text in zip(COLUMNS, cells, strict=True):
            align = "R" if title.startswith("面积") else "L"
            self.boxes.append(
                Box(
                    x,
                    self.y,
                    width,
                    ROW_HEIGHT,
                    fit_text(self.pdf, text, width),
                    align,
                    8.5,
                    border=True,
                )
            )
            x += width
        self.y += ROW_HEIGHT

    def total(self, text: str) -> None:
        """A subtotal or total line: one framed grey cell across the table."""
        self.boxes.append(Box(MARGIN, self.y, WIDTH, ROW_HEIGHT, text, "L", 9, True, True, True))
        self.y += ROW_HEIGHT

    def finish(self) -> LaidOut:
        count = len(self.pages)
        pages = tuple(
            Page(
                (
                    *boxes,
                    Box(
                        MARGIN, A4_LANDSCAPE[1] - MARGIN, WIDTH, 6, f"第 {number} 页 / 共 {count} 页", "C", 8
                    ),
                )
            )
            for number, boxes in enumerate(self.pages, start=1)
        )
        return LaidOut(f"{self.estate_name} {TITLE}", *A4_LANDSCAPE, pages)


def _summary(label: str, rooms: Sequence[RosterRoom]) -> str:
    area = _area_text(sum(room.area_centi for room in rooms))
    return f"{label}：{len(rooms)} 户，专有面积 {area} ㎡"


def lay_out_roster(
    estate_name: str, rooms: Sequence[RosterRoom], scope: str = "", printed_on: date | None = None
) -> LaidOut:
    """The roster's pages: a building per page run, in natural order, rooms as given within it."""
    pages = _Pages(estate_name, printed_on or date.today())
    buildings: dict[str, list[RosterRoom]] = {}
    for room in rooms:
        buildings.setdefault(room.building, []).append(room)
    pages.new_page()
    area = _area_text(sum(room.area_centi for room in rooms))
    summary = f"共 {len(rooms)} 户，专有面积合计 {area} ㎡"
    pages.line(f"{scope}　{summary}" if scope else summary, 6)
    for index, building in enumerate(sorted(buildings, key=natural_key)):
        if index:
            pages.new_page()
        title = building_title(building)
        pages.line(title, 7, 11, bold=True)
        pages.header_row()
        members = buildings[building]
        for room in members:
            if not pages.room_for(ROW_HEIGHT):
                pages.new_page()
                pages.line(f"{title}（续）", 7, 11, bold=True)
                pages.header_row()
            pages.row(roster_cells(room))
        if not pages.room_for(ROW_HEIGHT):
            pages.new_page()
            pages.line(f"{title}（续）", 7, 11, bold=True)
        pages.total(_summary(f"{title}小计", members))
    if len(buildings) > 1:
        if not pages.room_for(ROW_HEIGHT * 2):
            pages.new_page()
        pages.y += 2
        pages.total(_summary("合计", rooms))
    return pages.finish()


def write_roster(path: Path, estate_name: str, rooms: Sequence[RosterRoom], scope: str = "") -> int:
    """Write the roster PDF; ``scope`` says which part of the estate it covers. Returns the pages."""
    return write_laid_out(lay_out_roster(estate_name, rooms, scope), path)
