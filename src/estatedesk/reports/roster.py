"""The households roster (房屋与住户名册): the list as shown, printed for door-to-door work."""

from __future__ import annotations

from collections.abc import Sequence
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
from estatedesk.reports.pdf import FONT, EstateDocument

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


class RosterRoom(Protocol):
    """What the roster needs of a room (the households list's rows have it)."""

    @property
    def code(self) -> str: ...
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


def write_roster(path: Path, estate_name: str, rooms: Sequence[RosterRoom], scope: str = "") -> int:
    """Write the roster PDF; ``scope`` says which part of the estate it covers. Returns the pages."""
    pdf = EstateDocument(estate_name, TITLE, landscape=True)
    pdf.add_page()
    pdf.set_font(FONT, "", 9)
    summary = f"共 {len(rooms)} 户"
    pdf.cell(0, 5, f"{scope}　{summary}" if scope else summary, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    _header_row(pdf)
    for room in rooms:
        if pdf.will_page_break(ROW_HEIGHT):
            pdf.add_page()
            _header_row(pdf)
        pdf.set_font(FONT, "", 8.5)
        for (_title, width), text in zip(COLUMNS, roster_cells(room), strict=True):
            pdf.cell(
                width,
                ROW_HEIGHT,
                _fit(pdf, text, width),
                border=1,
                align="R" if _title.startswith("面积") else "L",
            )
        pdf.ln(ROW_HEIGHT)
    return pdf.save(path)


def _header_row(pdf: EstateDocument) -> None:
    pdf.set_font(FONT, "B", 9)
    pdf.set_fill_color(235, 235, 235)
    for title, width in COLUMNS:
        pdf.cell(width, ROW_HEIGHT, title, border=1, align="C", fill=True)
    pdf.ln(ROW_HEIGHT)


def _fit(pdf: EstateDocument, text: str, width: float) -> str:
    """Shorten a cell's text with … so a long list of names never overflows its column."""
    room = width - 2 * pdf.c_margin
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text + "…") > room:
        text = text[:-1]
    return text + "…"
