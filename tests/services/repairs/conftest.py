"""Fixtures of the repair log's tests: an estate with rooms in two buildings, and an order helper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from estatedesk.services import households, repairs
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.repairs import OrderCreated, OrderInput
from estatedesk.store.db import EstateFile

Opener = Callable[..., OrderCreated]


@dataclass(frozen=True)
class Rooms:
    """The rooms of the estate the tests use, by code."""

    home: int  # 3-2-501, with an owner
    upstairs: int  # 3-2-1002
    other: int  # 5-1-101, another building


@pytest.fixture
def rooms(estate: EstateFile) -> Rooms:
    home = households.create_room(
        RoomInput("3", "2", "501", "89.5", owners=[PersonInput("王玥", "13800138000")])
    )
    upstairs = households.create_room(RoomInput("3", "2", "1002", "120"))
    other = households.create_room(RoomInput("5", "1", "101", "60"))
    return Rooms(home, upstairs, other)


@pytest.fixture
def open_order(rooms: Rooms) -> Opener:
    """Open an order with the usual values, any of them replaced; a time to come is confirmed."""

    def opener(
        received: str = "2026-10-09 09:00", category: str = "in-home", **values: object
    ) -> OrderCreated:
        fields: dict[str, object] = {"description": "卫生间漏水", "room": "3-2-501", **values}
        return repairs.add_order(
            OrderInput(received, category, **fields),  # type: ignore[arg-type]
            confirmed={"received_in_future"},
        )

    return opener
