"""Printed documents of the households file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from estatedesk.services.households.records import RoomRow


def print_roster(path: Path, estate_name: str, rooms: Sequence[RoomRow], scope: str = "") -> int:
    """Write the rooms given (the list as shown) as the PDF roster 房屋与住户名册; return its pages.

    ``scope`` says in Chinese which part of the estate the list covers. Phones are masked:
    paper leaves the office.
    """
    from estatedesk.reports.roster import write_roster  # fpdf2 loads only when something is printed

    return write_roster(Path(path), estate_name, rooms, scope)
