"""Fixtures shared by the services tests: an estate with rooms that use every export column."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.services import households
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.store.db import EstateFile
from helpers.households_sheet import ID_WANG, ID_ZHANG


@pytest.fixture
def furnished(estate: EstateFile) -> Iterator[EstateFile]:
    """An estate with rooms that use every column, including awkward values."""
    households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.HARDSHIP, Flag.DISABLED}),
            note="=见附件, 含逗号\n第二行",
            owners=[
                PersonInput("张三", "", ID_ZHANG),
                PersonInput("王玥", "13987654321", landline="0571-88886666"),
            ],
            residents=[
                ResidentInput("李喆", "13700001111", lease_from=date(2025, 3, 1), lease_to=date(2026, 2, 28)),
                ResidentInput("张堃", "", lease_from=date(2025, 4, 1), landline="88886666-12"),
                ResidentInput("张小三", role=ResidentRole.FAMILY),
            ],
            parking=["P-001"],
        ),
        confirmed={"new_parking:P-001"},
    )
    households.create_room(
        RoomInput(
            "1",
            "",
            "101",
            "45.2",
            use=RoomUse.SHOP,
            occupancy=Occupancy.VACANT,
            owners=[PersonInput("刘建国", "13600002222", ID_WANG)],
        )
    )
    households.create_room(RoomInput("3", "2", "1002", "120.05"))
    households.create_room(
        RoomInput(
            "3",
            "10",
            "101",
            "60",
            occupancy=Occupancy.RENTED,
            owners=[PersonInput("赵六")],
            residents=[ResidentInput("钱七", "13500003333")],
        )
    )
    yield estate
