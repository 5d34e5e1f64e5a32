"""An order through its flow: each step kept, out-of-order steps and bad times refused, the owner charged."""

from __future__ import annotations

from datetime import datetime

import pytest

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.repairs import State, Step
from estatedesk.domain.workdays import CalendarSource
from estatedesk.services import households, repairs
from estatedesk.services.fees import account
from estatedesk.services.households import RoomInput
from estatedesk.services.repairs import DoneInput, OrderInput
from estatedesk.store.db import EstateFile
from estatedesk.store.sql import IntegrityError, execute


@pytest.fixture
def room(estate: EstateFile) -> int:
    return households.create_room(RoomInput("3", "2", "501", "89.5"))


def test_an_order_goes_through_every_step_and_keeps_its_history(room: int) -> None:
    made = repairs.add_order(OrderInput("2026-10-09 09:00", "in-home", "卫生间漏水", room="3-2-501"))
    assert made.calendar is CalendarSource.STATUTORY
    repairs.dispatch(made.order_id, "李师傅", "13800001111", at="2026-10-09 09:10")
    repairs.start(made.order_id, at="2026-10-09 10:00")
    repairs.finish(
        made.order_id, DoneInput("换密封圈", "密封圈", "12.50", "50", "owner", at="2026-10-09 11:00")
    )
    repairs.visit(made.order_id, True, "满意", at="2026-10-10 09:00")
    closed = repairs.close(made.order_id, at="2026-10-10 09:05")
    assert closed.state is State.CLOSED and closed.charge_fen == 6250
    detail = repairs.order_detail(made.order_id)
    assert [step.kind for step in detail.steps] == [
        Step.RECEIVE,
        Step.DISPATCH,
        Step.START,
        Step.DONE,
        Step.VISIT,
        Step.CLOSE,
    ]
    assert account(room).owed_fen == 6250
    with pytest.raises(IntegrityError, match="never changed"):
        execute("UPDATE repair_step SET text = 'x' WHERE order_id = ?", (made.order_id,))


def test_a_visit_before_done_is_refused(room: int) -> None:
    made = repairs.add_order(OrderInput("2026-10-09 09:00", "water", "水管爆裂", room="3-2-501"))
    with pytest.raises(InputRejected) as refused:
        repairs.visit(made.order_id, True, at="2026-10-09 10:00")
    assert refused.value.errors[0].field == "step"


def test_done_before_received_is_refused(room: int) -> None:
    made = repairs.add_order(OrderInput("2026-10-09 09:00", "water", "水管爆裂", room="3-2-501"))
    repairs.dispatch(made.order_id, "李师傅", at="2026-10-09 09:05")
    repairs.start(made.order_id, at="2026-10-09 09:20")
    with pytest.raises(InputRejected) as refused:
        repairs.finish(made.order_id, DoneInput("修好", at="2026-10-09 08:00"))
    assert refused.value.errors[0].field == "at"
    with pytest.raises(InputRejected) as refused:
        repairs.finish(made.order_id, DoneInput("修好", labour_cost="1.234", at="2026-10-09 10:00"))
    assert refused.value.errors[0].field == "labour_cost"


def test_an_unsatisfied_visit_reopens_as_rework_and_the_list_says_overdue(room: int) -> None:
    made = repairs.add_order(OrderInput("2026-10-09 09:00", "water", "水管爆裂", room="3-2-501"))
    rows = repairs.list_orders(repairs.OrderFilter(overdue_as_of=datetime(2026, 10, 10, 1, 0)))
    assert [row.order_id for row in rows] == [made.order_id]
    repairs.dispatch(made.order_id, "李师傅", at="2026-10-09 09:05")
    repairs.start(made.order_id, at="2026-10-09 09:20")
    repairs.finish(made.order_id, DoneInput("修好", at="2026-10-09 10:00"))
    reopened = repairs.visit(made.order_id, False, "还在滴", at="2026-10-09 12:00")
    assert reopened.state is State.DISPATCHED
    figures = repairs.month_figures("2026-10", datetime(2026, 10, 31))
    assert (
        figures.reworked == 1
        and figures.on_time == 1
        and repairs.format_rate(figures.rework_rate) == "1.0000"
    )
