"""Fixtures of the fee ledger's tests: an estate with rooms of every use, and a desk that works it.

``desk`` is the clerk at the counter: it adds fee items, runs billing, takes payments and reads
back what the ledger says, through the services only (rooms by code, dates as dates, amounts in
yuan as typed). ``scratch()`` runs a block of work and rolls it back, so that a hypothesis test
may try many examples on one file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest

from estatedesk.domain.fees import parse_month
from estatedesk.domain.households import Flag, Occupancy, RoomUse
from estatedesk.services import fees, households
from estatedesk.services.changes import Records, writing
from estatedesk.services.fees import (
    BillResult,
    FeeItemInput,
    PaymentInput,
    PaymentResult,
    ReductionInput,
    ReductionResult,
)
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store import ledger
from estatedesk.store.db import EstateFile
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import execute

RESIDENTIAL = frozenset({RoomUse.RESIDENTIAL})

# The rooms of the ledger estate: code → (area, use, occupancy, flags, parking spaces).
ROOMS: dict[str, tuple[str, RoomUse, Occupancy, frozenset[Flag], list[str]]] = {
    "1-1-101": ("89.50", RoomUse.RESIDENTIAL, Occupancy.SELF_OCCUPIED, frozenset(), ["P-001"]),
    "1-1-102": (
        "120.05",
        RoomUse.RESIDENTIAL,
        Occupancy.SELF_OCCUPIED,
        frozenset({Flag.HARDSHIP}),
        ["P-002", "P-003"],
    ),
    "1-1-201": ("60", RoomUse.RESIDENTIAL, Occupancy.VACANT, frozenset(), []),
    "2-S01": ("45.20", RoomUse.SHOP, Occupancy.SELF_OCCUPIED, frozenset(), []),
    "9-G01": ("15.20", RoomUse.GARAGE, Occupancy.SELF_OCCUPIED, frozenset(), []),
}
OWNERS = {"1-1-101": "王玥", "1-1-102": "李喆", "1-1-201": "张堃", "2-S01": "刘建国", "9-G01": "赵六"}


class _Undo(Exception):
    """Raised at the end of a scratch block to roll its work back."""


@dataclass
class Desk:
    """The fee ledger as a clerk works it in a test: rooms by code, the services underneath."""

    estate: EstateFile
    rooms: dict[str, int]

    # ---------------------------------------------------------------- writing

    def add_room(
        self, code: str, area: str = "50", use: RoomUse = RoomUse.RESIDENTIAL, **extra: object
    ) -> int:
        building, *rest = code.split("-")
        unit, number = rest if len(rest) == 2 else ("", rest[0])
        room_id = households.create_room(RoomInput(building, unit, number, area, use=use, **extra))  # type: ignore[arg-type]
        self.rooms[code] = room_id
        return room_id

    def item(
        self,
        name: str,
        kind: str,
        price: str,
        start: date = date(2025, 1, 1),
        uses: frozenset[RoomUse] = RESIDENTIAL,
    ) -> int:
        return fees.add_item(FeeItemInput(name, kind, price, start, uses))

    def bill(
        self, first: str, last: str | None = None, on: date = date(2025, 1, 1), **kwargs: object
    ) -> BillResult:
        return fees.bill(parse_month(first), parse_month(last or first), on, **kwargs)  # type: ignore[arg-type]

    def pay(
        self,
        code: str,
        amount: str,
        on: date = date(2025, 6, 1),
        method: str = "cash",
        reference: str = "",
        charge_ids: tuple[int, ...] | None = None,
    ) -> PaymentResult:
        return fees.pay(PaymentInput(self.rooms[code], amount, method, reference, on, "", charge_ids))

    def reduce(
        self,
        code: str,
        item: int,
        first: str,
        last: str | None = None,
        on: date = date(2025, 6, 1),
        **typed: str,
    ) -> ReductionResult:
        typed = {"reason": "低保户", "approver": "业委会主任", **typed}
        return fees.reduce(
            ReductionInput(self.rooms[code], item, parse_month(first), parse_month(last or first), **typed),
            on,
        )

    # ---------------------------------------------------------------- reading

    def charges(self, code: str | None = None) -> dict[tuple[str, int, str], int]:
        """Every charge's amount by (room code, item id, month)."""
        codes = {room_id: room_code for room_code, room_id in self.rooms.items()}
        rows = execute("SELECT room_id, item_id, month, amount_fen FROM ledger_entry WHERE kind = 'charge'")
        found = {(codes[room], item, month): fen for room, item, month, fen in rows}
        return {key: fen for key, fen in found.items() if code is None or key[0] == code}

    def owed(self, code: str) -> dict[tuple[int, str], int]:
        """What each charge of a room still owes, by (item id, month), from its account (0: paid)."""
        account = fees.account(self.rooms[code], with_entries=False)
        items = {item.name: item.id for item in fees.list_items()}
        return {(items[line.item], str(line.month)): line.owed_fen for line in account.lines}

    def owed_total(self, code: str) -> int:
        return fees.account(self.rooms[code], with_entries=False).owed_fen

    def prepaid(self, code: str) -> int:
        return fees.prepaid_balances([self.rooms[code]]).get(self.rooms[code], 0)

    def entries(self, kind: str | None = None) -> int:
        sql = "SELECT COUNT(*) FROM ledger_entry" + (" WHERE kind = ?" if kind else "")
        return int(execute(sql, (kind,) if kind else ()).fetchone()[0])

    def head(self) -> str | None:
        row = execute("SELECT value FROM setting WHERE key = ?", (ledger.HEAD_SETTING,)).fetchone()
        return None if row is None else str(row[0])

    def connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection = database_proxy.connection()
        return connection

    def verify(self) -> ledger.Verification:
        return ledger.verify(self.connection())

    def stale(self) -> int:
        return ledger.stale_open_charges(self.connection())

    @contextmanager
    def scratch(self) -> Iterator[None]:
        """Work done inside is rolled back when the block ends (one file, many hypothesis examples)."""
        try:
            with writing(Records.FEES):
                yield
                raise _Undo
        except _Undo:
            pass


@pytest.fixture
def desk(estate: EstateFile) -> Desk:
    """An estate with five rooms: two homes with parking, a vacant home, a shop and a garage."""
    rooms = {}
    for code, (area, use, occupancy, flags, parking) in ROOMS.items():
        building, *rest = code.split("-")
        unit, number = rest if len(rest) == 2 else ("", rest[0])
        rooms[code] = households.create_room(
            RoomInput(
                building,
                unit,
                number,
                area,
                use=use,
                occupancy=occupancy,
                flags=flags,
                owners=[PersonInput(OWNERS[code])],
                parking=parking,
            ),
            confirmed={f"new_parking:{space}" for space in parking},
        )
    return Desk(estate, rooms)
