"""The flow at the service: each step allowed or refused, times, costs, pauses, cancels, rework, triggers."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from estatedesk.domain.errors import InputRejected, NotFound, Unconfirmed
from estatedesk.domain.repairs import OrderKind, Payer, PlaceKind, State, Step
from estatedesk.services import repairs
from estatedesk.services.repairs import DoneInput, OrderInput
from estatedesk.store.sql import IntegrityError, execute
from services.repairs.conftest import Opener, Rooms


def fields_of(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [error.field for error in refused.value.errors]


def refused_fields(call: object, *args: object, **kwargs: object) -> list[str]:
    with pytest.raises(InputRejected) as refused:
        call(*args, **kwargs)  # type: ignore[operator]
    return fields_of(refused)


def to_state(order_id: int, state: State) -> None:
    """Take a new order (received 2026-10-09 09:00) to ``state`` by the usual steps."""
    path = {
        State.RECEIVED: [],
        State.DISPATCHED: ["dispatch"],
        State.IN_PROGRESS: ["dispatch", "start"],
        State.PAUSED: ["dispatch", "pause"],
        State.DONE: ["dispatch", "start", "done"],
        State.VISITED: ["dispatch", "start", "done", "visit"],
        State.CLOSED: ["dispatch", "start", "done", "close"],
        State.CANCELLED: ["cancel"],
    }[state]
    for minute, step in enumerate(path, start=1):
        when = f"2026-10-09 09:{minute:02d}"
        if step == "dispatch":
            repairs.dispatch(order_id, "李师傅", "13800001111", at=when)
        elif step == "start":
            repairs.start(order_id, at=when)
        elif step == "done":
            repairs.finish(order_id, DoneInput("修好", at=when))
        elif step == "visit":
            repairs.visit(order_id, True, at=when)
        elif step == "close":
            repairs.close(order_id, at=when)
        elif step == "pause":
            repairs.pause(order_id, "等配件", at=when)
        elif step == "cancel":
            repairs.cancel(order_id, "重复报修", at=when)
    assert repairs.order_row(order_id).state is state


def take(order_id: int, step: Step, when: str = "2026-10-09 10:00") -> State:
    if step is Step.DISPATCH:
        return repairs.dispatch(order_id, "张师傅", at=when).state
    if step is Step.START:
        return repairs.start(order_id, at=when).state
    if step is Step.DONE:
        return repairs.finish(order_id, DoneInput("修好", at=when)).state
    if step is Step.VISIT:
        return repairs.visit(order_id, True, at=when).state
    if step is Step.CLOSE:
        return repairs.close(order_id, at=when).state
    if step is Step.PAUSE:
        return repairs.pause(order_id, "没人在家", at=when).state
    assert step is Step.CANCEL
    return repairs.cancel(order_id, "业主自行修好", at=when).state


ALLOWED = {
    (State.RECEIVED, Step.DISPATCH): State.DISPATCHED,
    (State.RECEIVED, Step.PAUSE): State.PAUSED,
    (State.RECEIVED, Step.CANCEL): State.CANCELLED,
    (State.DISPATCHED, Step.DISPATCH): State.DISPATCHED,
    (State.DISPATCHED, Step.START): State.IN_PROGRESS,
    (State.DISPATCHED, Step.PAUSE): State.PAUSED,
    (State.DISPATCHED, Step.CANCEL): State.CANCELLED,
    (State.IN_PROGRESS, Step.DONE): State.DONE,
    (State.IN_PROGRESS, Step.PAUSE): State.PAUSED,
    (State.IN_PROGRESS, Step.CANCEL): State.CANCELLED,
    (State.PAUSED, Step.DISPATCH): State.DISPATCHED,
    (State.PAUSED, Step.START): State.IN_PROGRESS,  # paused after a dispatch: resumes on site
    (State.PAUSED, Step.CANCEL): State.CANCELLED,
    (State.DONE, Step.VISIT): State.VISITED,
    (State.DONE, Step.CLOSE): State.CLOSED,
    (State.VISITED, Step.CLOSE): State.CLOSED,
}
STEPS = [Step.DISPATCH, Step.START, Step.DONE, Step.VISIT, Step.CLOSE, Step.PAUSE, Step.CANCEL]


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("step", STEPS)
def test_every_step_from_every_state(open_order: Opener, state: State, step: Step) -> None:
    order = open_order().order_id
    to_state(order, state)
    steps_before = len(repairs.order_detail(order).steps)
    expected = ALLOWED.get((state, step))
    if expected is None:
        assert refused_fields(take, order, step) == ["step"]
        assert repairs.order_row(order).state is state
        assert len(repairs.order_detail(order).steps) == steps_before  # nothing written
    else:
        assert take(order, step) is expected
        assert repairs.order_row(order).state is expected
        assert repairs.order_detail(order).steps[-1].kind is step


@pytest.mark.parametrize("state", list(State))
def test_a_note_is_always_taken(open_order: Opener, state: State) -> None:
    order = open_order().order_id
    to_state(order, state)
    assert repairs.note(order, "已电话催促").state is state
    row = repairs.order_row(order)
    assert row.state is state and row.last_note == "已电话催促" and row.last_note_at is not None
    assert repairs.order_detail(order).steps[-1].kind is Step.NOTE
    assert refused_fields(repairs.note, order, "  ") == ["text"]


def test_the_refusals_a_clerk_meets_say_what_is_wrong(open_order: Opener) -> None:
    order = open_order().order_id
    with pytest.raises(InputRejected, match="a return visit comes after the work is done"):
        repairs.visit(order, True, at="2026-10-09 10:00")
    with pytest.raises(InputRejected, match="an order is closed once its work is done"):
        repairs.close(order, at="2026-10-09 10:00")
    with pytest.raises(InputRejected, match="dispatch the order to a worker before the work starts"):
        repairs.start(order, at="2026-10-09 10:00")
    with pytest.raises(InputRejected, match="the work is done after someone started it on site"):
        repairs.finish(order, DoneInput("修好", at="2026-10-09 10:00"))
    with pytest.raises(NotFound):
        repairs.start(999, at="2026-10-09 10:00")


def test_an_enquiry_may_be_done_from_received_a_repair_may_not(open_order: Opener) -> None:
    enquiry = open_order("2026-10-09 09:00", "enquiry", kind="enquiry", description="问停水时间").order_id
    assert (
        repairs.finish(enquiry, DoneInput("已答复：下午三点恢复", at="2026-10-09 09:10")).state is State.DONE
    )
    row = repairs.order_row(enquiry)
    assert row.kind is OrderKind.ENQUIRY and row.timing.done == datetime(2026, 10, 9, 9, 10)
    assert row.timing.on_time(datetime(2026, 10, 10)) is True
    complaint = open_order("2026-10-09 09:00", "complaint", kind="complaint", description="保安态度差")
    assert refused_fields(repairs.finish, complaint.order_id, DoneInput("已处理", at="2026-10-09 09:10")) == [
        "step"
    ]


def test_closed_and_cancelled_orders_take_only_notes_and_photos(open_order: Opener) -> None:
    closed = open_order().order_id
    to_state(closed, State.CLOSED)
    cancelled = open_order().order_id
    to_state(cancelled, State.CANCELLED)
    for order in (closed, cancelled):
        for step in STEPS:
            with pytest.raises(InputRejected, match="it takes only notes"):
                take(order, step)
        repairs.note(order, "业主来电询问")


def test_pause_resumes_by_start_when_it_had_a_worker_else_by_dispatch(open_order: Opener) -> None:
    on_site = open_order().order_id
    repairs.dispatch(on_site, "李师傅", at="2026-10-09 09:05")
    repairs.start(on_site, at="2026-10-09 09:30")
    assert repairs.pause(on_site, "等配件", at="2026-10-09 10:00").state is State.PAUSED
    assert repairs.start(on_site, at="2026-10-10 09:00").state is State.IN_PROGRESS
    row = repairs.order_row(on_site)
    assert row.timing.arrived == datetime(2026, 10, 9, 9, 30)  # the first arrival counts
    assert row.worker == "李师傅"
    pause_step = [s for s in repairs.order_detail(on_site).steps if s.kind is Step.PAUSE]
    assert [s.reason for s in pause_step] == ["等配件"]

    dispatched = open_order().order_id
    repairs.dispatch(dispatched, "李师傅", at="2026-10-09 09:05")
    repairs.pause(dispatched, "没人在家", at="2026-10-09 09:10")
    assert repairs.start(dispatched, at="2026-10-09 15:00").state is State.IN_PROGRESS

    unassigned = open_order().order_id
    repairs.pause(unassigned, "业主出差，下周再约", at="2026-10-09 09:10")
    assert refused_fields(repairs.start, unassigned, at="2026-10-09 10:00") == ["step"]
    assert repairs.dispatch(unassigned, "王师傅", at="2026-10-09 10:00").state is State.DISPATCHED
    assert repairs.start(unassigned, at="2026-10-09 10:30").state is State.IN_PROGRESS
    # a second pause from in progress, resumed by a new dispatch to someone else
    repairs.pause(unassigned, "等配件", at="2026-10-09 11:00")
    repairs.dispatch(unassigned, "外包：顺达水电", "0571-88886666", contractor=True, at="2026-10-10 09:00")
    detail = repairs.order_detail(unassigned)
    assert detail.row.worker == "外包：顺达水电" and detail.worker_phone == "0571-88886666"
    assert detail.steps[-1].contractor is True


def test_a_pause_and_a_cancel_need_a_reason(open_order: Opener) -> None:
    order = open_order().order_id
    assert refused_fields(repairs.pause, order, " ", at="2026-10-09 10:00") == ["reason"]
    assert refused_fields(repairs.cancel, order, "", at="2026-10-09 10:00") == ["reason"]
    done = repairs.cancel(order, "重复报修，见前一单", at="2026-10-09 10:00")
    assert done.state is State.CANCELLED
    detail = repairs.order_detail(order)
    assert detail.steps[-1].kind is Step.CANCEL and detail.steps[-1].reason == "重复报修，见前一单"
    assert not repairs.order_row(order).overdue(datetime(2030, 1, 1))


def test_an_unsatisfied_visit_counts_rework_each_time(open_order: Opener) -> None:
    order = open_order().order_id
    repairs.dispatch(order, "李师傅", at="2026-10-09 09:05")
    repairs.start(order, at="2026-10-09 09:30")
    repairs.finish(order, DoneInput("换阀门", at="2026-10-09 10:00"))
    assert repairs.visit(order, False, "还在滴", "客服小刘", at="2026-10-09 15:00").state is State.DISPATCHED
    row = repairs.order_row(order)
    assert row.reworks == 1 and row.worker == "李师傅"
    repairs.start(order, at="2026-10-10 09:00")
    repairs.finish(order, DoneInput("重新密封", at="2026-10-10 10:00"))
    repairs.visit(order, False, "仍然渗水", at="2026-10-10 16:00")
    repairs.start(order, at="2026-10-11 09:00")
    repairs.finish(order, DoneInput("更换整段水管", at="2026-10-11 11:00"))
    assert repairs.visit(order, True, "满意", at="2026-10-11 16:00").state is State.VISITED
    row = repairs.order_row(order)
    assert row.reworks == 2
    assert row.timing.done == datetime(2026, 10, 9, 10, 0)  # the first time it was done is judged
    visits = [step for step in repairs.order_detail(order).steps if step.kind is Step.VISIT]
    assert [(v.satisfied, v.caller) for v in visits][:1] == [(False, "客服小刘")]
    assert [v.satisfied for v in visits] == [False, False, True]


def test_step_times_before_received_or_before_the_last_step_are_refused_on_at(open_order: Opener) -> None:
    order = open_order().order_id
    assert refused_fields(repairs.dispatch, order, "李师傅", at="2026-10-09 08:59") == ["at"]
    repairs.dispatch(order, "李师傅", at="2026-10-09 09:30")
    assert refused_fields(repairs.start, order, at="2026-10-09 09:29") == ["at"]
    assert refused_fields(repairs.start, order, at="明天上午") == ["at"]
    repairs.start(order, at="2026-10-09 09:30")  # the same minute is fine
    with pytest.raises(InputRejected) as refused:
        repairs.finish(order, DoneInput("修好", at="2026-10-09 08:00"))
    assert fields_of(refused) == ["at"]
    assert "before the order was received" in refused.value.errors[0].message
    for call in (
        lambda: repairs.pause(order, "等配件", at="2026-10-09 09:10"),
        lambda: repairs.cancel(order, "不修了", at="2026-10-09 09:10"),
    ):
        with pytest.raises(InputRejected) as refused:
            call()
        assert fields_of(refused) == ["at"] and "last step" in refused.value.errors[0].message
    repairs.finish(order, DoneInput("修好", at="2026-10-09 11:00"))
    assert refused_fields(repairs.visit, order, True, at="2026-10-09 10:59") == ["at"]
    assert refused_fields(repairs.close, order, at="2026-10-09 10:00") == ["at"]


def test_every_bad_value_of_the_work_done_is_refused_by_its_field(open_order: Opener) -> None:
    order = open_order().order_id
    repairs.dispatch(order, "李师傅", at="2026-10-09 09:05")
    repairs.start(order, at="2026-10-09 09:30")

    def refused(**values: str) -> list[str]:
        typed = {"work": "修好", "at": "2026-10-09 10:00", **values}
        return refused_fields(repairs.finish, order, DoneInput(**typed))  # type: ignore[arg-type]

    assert refused(materials_cost="12.345") == ["materials_cost"]
    assert refused(labour_cost="1.234") == ["labour_cost"]
    assert refused(labour_cost="-5") == ["labour_cost"]
    assert refused(materials_cost="十元") == ["materials_cost"]
    assert refused(materials_cost="abc", labour_cost="0.001") == ["materials_cost", "labour_cost"]
    assert refused(labour_cost=".") == ["labour_cost"]
    assert refused(payer="landlord") == ["payer"]
    assert refused(work="  ") == ["work"]
    assert refused(at="2026-10-09") == ["at"]
    assert repairs.order_row(order).state is State.IN_PROGRESS
    # zero and empty costs are fine: nothing was spent
    repairs.finish(order, DoneInput("拧紧接头", materials_cost="0", labour_cost="", at="2026-10-09 10:00"))
    detail = repairs.order_detail(order)
    assert detail.cost_fen == 0 and detail.payer is Payer.ESTATE
    assert (detail.steps[-1].materials_fen, detail.steps[-1].labour_fen) == (0, None)


def test_costs_add_up_on_the_order(open_order: Opener) -> None:
    order = open_order().order_id
    repairs.dispatch(order, "李师傅", at="2026-10-09 09:05")
    repairs.start(order, at="2026-10-09 09:30")
    repairs.finish(order, DoneInput("换龙头", "龙头一个", "1,234.56", "¥80", "estate", at="2026-10-09 10:00"))
    detail = repairs.order_detail(order)
    assert detail.cost_fen == 123456 + 8000
    done = detail.steps[-1]
    assert (done.work, done.materials, done.materials_fen, done.labour_fen) == (
        "换龙头",
        "龙头一个",
        123456,
        8000,
    )


def test_a_dispatch_needs_a_worker_and_a_good_phone(open_order: Opener) -> None:
    order = open_order().order_id
    assert refused_fields(repairs.dispatch, order, " ", at="2026-10-09 10:00") == ["worker"]
    assert refused_fields(repairs.dispatch, order, "李师傅", "12345", at="2026-10-09 10:00") == [
        "worker_phone"
    ]
    repairs.dispatch(order, "李师傅", "138 0000 1111", at="2026-10-09 10:00")
    assert repairs.order_detail(order).worker_phone == "13800001111"
    assert repairs.workers() == [("李师傅", "13800001111")]


def test_a_new_order_is_refused_field_by_field(rooms: Rooms) -> None:
    def refused(**values: str) -> list[str]:
        typed = {
            "received": "2026-10-09 09:00",
            "category": "water",
            "description": "漏水",
            "room": "3-2-501",
        }
        typed.update(values)
        return refused_fields(repairs.add_order, OrderInput(**typed))  # type: ignore[arg-type]

    assert refused(description="   ") == ["description"]
    assert refused(room="9-9-999") == ["room"]
    assert refused(category="gas") == ["category"]
    assert refused(received="2026-10-09") == ["received"]
    assert refused(urgency="soon") == ["urgency"]
    assert refused(kind="praise") == ["kind"]
    assert refused(channel="letter") == ["channel"]
    assert refused(place_kind="moon") == ["place"]
    assert refused(reporter_phone="12") == ["phone"]
    assert refused(room="", place_kind="") == ["place"]  # nowhere at all
    assert refused(room="", place_kind="room") == ["room"]
    assert refused(room="", place_kind="stairwell") == ["building"]
    assert refused(room="", place_kind="stairwell", building="99") == ["building"]
    assert refused(room="", place_kind="stairwell", building="3", unit="9") == ["unit"]
    assert refused(place_kind="facility") == ["facility"]
    assert sorted(refused(description="", room="1-1-1", category="gas")) == [
        "category",
        "description",
        "room",
    ]
    assert repairs.list_orders() == []


def test_an_order_records_where_and_who(rooms: Rooms) -> None:
    made = repairs.add_order(
        OrderInput(
            "2026-10-09 09:00",
            "common-part",
            "楼道灯不亮",
            channel="group-chat",
            reporter_name="张先生",
            reporter_phone="13912345678",
            place_kind="stairwell",
            building="3",
            unit="2",
        )
    )
    detail = repairs.order_detail(made.order_id)
    assert detail.place_kind is PlaceKind.STAIRWELL and detail.row.place == "3号楼2单元楼道"
    assert detail.row.building == "3" and detail.reporter_name == "张先生"
    assert detail.row.reporter == "张先生" and repairs.reporter_phone(made.order_id) == "13912345678"
    anonymous = repairs.add_order(
        OrderInput(
            "2026-10-09 09:00",
            "common-part",
            "路面塌陷",
            channel="patrol",
            place_kind="road",
            place_text="北门入口",
        )
    )
    row = repairs.order_row(anonymous.order_id)
    assert row.place == "道路 北门入口" and row.reporter == "" and row.building == ""
    assert repairs.reporter_phone(anonymous.order_id) == ""
    by_room = repairs.add_order(OrderInput("2026-10-09 09:00", "in-home", "漏水", room="3-2-501"))
    assert repairs.reporter_phone(by_room.order_id) == "13800138000"  # the room's owner
    assert repairs.order_row(by_room.order_id).place == "3-2-501"


def test_a_received_time_in_the_future_needs_confirming(rooms: Rooms) -> None:
    soon = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    typed = OrderInput(soon, "water", "计划停水检修", room="3-2-501")
    with pytest.raises(Unconfirmed) as unconfirmed:
        repairs.add_order(typed)
    assert [(c.key, c.field) for c in unconfirmed.value.cautions] == [("received_in_future", "received")]
    assert repairs.list_orders() == []
    made = repairs.add_order(typed, confirmed={"received_in_future"})
    assert repairs.order_row(made.order_id).received.strftime("%Y-%m-%d %H:%M") == soon
    past = (datetime.now() - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    repairs.add_order(OrderInput(past, "water", "漏水", room="3-2-501"))  # not in the future: no question


def test_steps_are_never_changed_or_deleted_and_an_order_as_received_never_changes(
    open_order: Opener,
) -> None:
    order = open_order().order_id
    repairs.dispatch(order, "李师傅", at="2026-10-09 09:05")
    with pytest.raises(IntegrityError, match="never changed"):
        execute("UPDATE repair_step SET worker = '王师傅' WHERE order_id = ?", (order,))
    with pytest.raises(IntegrityError, match="never deleted"):
        execute("DELETE FROM repair_step WHERE order_id = ?", (order,))
    for column, value in (
        ("received_at", "2026-10-08 09:00"),
        ("description", "改过的描述"),
        ("finish_due", "2026-12-31 00:00"),
        ("category", "water"),
        ("reporter_room_id", None),
        ("calendar", "office"),
    ):
        with pytest.raises(IntegrityError, match="never changed"):
            execute(f"UPDATE repair_order SET {column} = ? WHERE id = ?", (value, order))
    assert [step.kind for step in repairs.order_detail(order).steps] == [Step.RECEIVE, Step.DISPATCH]
    assert repairs.order_row(order).description == "卫生间漏水"
