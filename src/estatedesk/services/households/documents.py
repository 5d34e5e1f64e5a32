"""Printed documents of the households file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.services.households.records import RoomRow

if TYPE_CHECKING:
    from estatedesk.reports.pdf import LaidOut


def print_roster(path: Path, estate_name: str, rooms: Sequence[RoomRow], scope: str = "") -> int:
    """Write the rooms given (the list as shown) as the PDF roster 房屋与住户名册; return its pages.

    ``scope`` says in Chinese which part of the estate the list covers. Phones are masked:
    paper leaves the office. Each building starts on a new page and ends with its subtotal.
    """
    from estatedesk.reports.roster import write_roster  # fpdf2 loads only when something is printed

    return write_roster(Path(path), estate_name, rooms, scope)


def roster_pages(estate_name: str, rooms: Sequence[RoomRow], scope: str = "") -> LaidOut:
    """The roster's pages, laid out as the PDF has them, for the window's print preview and printer."""
    from estatedesk.reports.roster import lay_out_roster

    return lay_out_roster(estate_name, rooms, scope)
