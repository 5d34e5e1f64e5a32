"""What the rest of the file keeps of repair orders: rooms they name stay, and ``check`` finds edits."""

from __future__ import annotations

import sqlite3

import pytest

from estatedesk.services import households, repairs
from estatedesk.services.households import RoomInput
from estatedesk.services.repairs import DoneInput, OrderInput
from estatedesk.store import backup
from estatedesk.store.db import EstateFile
from estatedesk.store.repair_log import stale_orders


@pytest.fixture
def order(estate: EstateFile) -> int:
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    made = repairs.add_order(OrderInput("2026-10-09 09:00", "in-home", "门锁坏了", room="3-2-501"))
    repairs.dispatch(made.order_id, "李师傅", at="2026-10-09 09:10")
    repairs.start(made.order_id, at="2026-10-09 10:00")
    repairs.finish(made.order_id, DoneInput("换锁芯", at="2026-10-09 11:00"))
    repairs.visit(made.order_id, False, "钥匙不好用", at="2026-10-10 09:00")
    repairs.note(made.order_id, "约明早再去")
    return made.order_id


def test_a_room_a_repair_order_names_is_archived_not_deleted(order: int) -> None:
    room_id = households.find_room_id("3-2-501")
    assert room_id is not None
    assert households.remove_room(room_id) == "archived"
    assert repairs.order_detail(order).room_code == "3-2-501"


def test_check_finds_an_order_whose_state_was_changed_outside_the_program(
    estate: EstateFile, order: int
) -> None:
    connection: sqlite3.Connection = estate.database.connection()
    assert stale_orders(connection) == 0 and backup.check_estate(estate).ok
    connection.execute("UPDATE repair_order SET state = 'closed' WHERE id = ?", (order,))
    assert stale_orders(connection) == 1
    report = backup.check_estate(estate)
    assert report.stale_repair_orders == 1 and not report.ok
    assert report.counts["repair_orders"] == 1
