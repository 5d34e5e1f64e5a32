"""The list and its filters, the daily board's order, a month's figures and how rates are printed."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

from estatedesk.domain.repairs import OrderKind, State
from estatedesk.services import repairs
from estatedesk.services.repairs import DoneInput, OrderFilter
from services.repairs.conftest import Opener


def ids(rows: list[repairs.OrderRow]) -> list[int]:
    return [row.order_id for row in rows]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_every_filter(open_order: Opener) -> None:
    leak = open_order("2026-10-01 08:00", "water", description="厨房水管爆裂").order_id
    lamp = open_order(
        "2026-10-05 10:00",
        "public-glass-door-light",
        room="",
        place_kind="stairwell",
        building="5",
        description="楼道灯不亮",
        reporter_name="赵先生",
    ).order_id
    door = open_order("2026-10-20 18:30", "in-home", room="3-2-1002", description="入户门锁坏").order_id
    repairs.dispatch(leak, "李师傅", at="2026-10-01 08:10")
    repairs.dispatch(door, "张师傅", at="2026-10-20 19:00")
    repairs.start(door, at="2026-10-21 09:00")
    repairs.finish(door, DoneInput("换锁芯", at="2026-10-21 10:00"))
    repairs.close(door, at="2026-10-21 11:00")

    assert ids(repairs.list_orders()) == [door, lamp, leak]  # newest first
    assert ids(repairs.list_orders(OrderFilter(states=frozenset({State.DISPATCHED})))) == [leak]
    assert ids(repairs.list_orders(OrderFilter(states=frozenset({State.CLOSED, State.RECEIVED})))) == [
        door,
        lamp,
    ]
    assert ids(repairs.list_orders(OrderFilter(open_only=True))) == [lamp, leak]
    assert repairs.list_orders(OrderFilter(open_only=True, states=frozenset({State.CLOSED}))) == []
    assert ids(repairs.list_orders(OrderFilter(category="water"))) == [leak]
    assert ids(repairs.list_orders(OrderFilter(building="3"))) == [door, leak]
    assert ids(repairs.list_orders(OrderFilter(building="5"))) == [lamp]
    assert repairs.list_orders(OrderFilter(building="99")) == []
    assert ids(repairs.list_orders(OrderFilter(worker="张师傅"))) == [door]
    assert ids(repairs.list_orders(OrderFilter(received_from=date(2026, 10, 5)))) == [door, lamp]
    assert ids(repairs.list_orders(OrderFilter(received_to=date(2026, 10, 5)))) == [lamp, leak]
    only_5th = OrderFilter(received_from=date(2026, 10, 5), received_to=date(2026, 10, 5))
    assert ids(repairs.list_orders(only_5th)) == [lamp]
    assert ids(repairs.list_orders(OrderFilter(search=repairs.order_number(lamp)))) == [lamp]
    assert ids(repairs.list_orders(OrderFilter(search="水管"))) == [leak]
    assert ids(repairs.list_orders(OrderFilter(search="3-2-1002"))) == [door]
    assert ids(repairs.list_orders(OrderFilter(search="赵先生"))) == [lamp]
    assert ids(repairs.list_orders(OrderFilter(search="李师傅"))) == [leak]
    assert ids(repairs.list_orders(OrderFilter(limit=2))) == [door, lamp]
    both = OrderFilter(category="water", building="5")
    assert repairs.list_orders(both) == []
    # Overdue at a time: water by 24:00 of 1 Oct; two working days over the holiday: by 24:00 of 9 Oct
    assert ids(repairs.list_orders(OrderFilter(overdue_as_of=at("2026-10-02 00:00")))) == []
    assert ids(repairs.list_orders(OrderFilter(overdue_as_of=at("2026-10-02 00:01")))) == [leak]
    assert ids(repairs.list_orders(OrderFilter(overdue_as_of=at("2026-10-10 00:01")))) == [lamp, leak]
    assert ids(repairs.list_orders(OrderFilter(overdue_as_of=at("2030-01-01 00:00"), category="water"))) == [
        leak
    ]


def test_overdue_follows_the_pending_deadline(open_order: Opener) -> None:
    # An emergency: on site within 30 minutes, done by 24:00
    late_arrival = open_order("2026-10-09 09:00", "water", urgency="emergency").order_id
    came = open_order("2026-10-09 09:00", "water", urgency="emergency").order_id
    repairs.dispatch(came, "李师傅", at="2026-10-09 09:05")
    repairs.start(came, at="2026-10-09 09:20")
    paused = open_order("2026-10-09 09:00", "water").order_id
    repairs.pause(paused, "等配件", at="2026-10-09 10:00")
    rows = repairs.list_orders(OrderFilter(overdue_as_of=at("2026-10-09 09:31")))
    assert ids(rows) == [late_arrival]
    assert ids(repairs.list_orders(OrderFilter(overdue_as_of=at("2026-10-10 00:01")))) == [
        paused,
        came,
        late_arrival,
    ]
    row = repairs.order_row(came)
    assert row.due == at("2026-10-10 00:00") and row.timing.arrival(at("2026-10-10")) is not None


def test_the_board_shows_open_orders_the_overdue_first_then_by_their_deadline(open_order: Opener) -> None:
    as_of = at("2026-10-12 12:00")
    soon = open_order("2026-10-12 11:50", "enquiry", kind="enquiry", description="问停水").order_id  # 12:20
    later = open_order("2026-10-12 09:00", "in-home").order_id  # 7 working days
    very_late = open_order("2026-10-01 09:00", "water").order_id  # due 2 Oct
    late = open_order("2026-10-11 09:00", "water").order_id  # due 12 Oct 00:00
    today = open_order("2026-10-12 09:00", "water").order_id  # due 13 Oct 00:00
    done = open_order("2026-10-12 09:00", "water").order_id
    repairs.dispatch(done, "李师傅", at="2026-10-12 09:05")
    repairs.start(done, at="2026-10-12 09:20")
    repairs.finish(done, DoneInput("修好", at="2026-10-12 10:00"))
    closed = open_order("2026-10-12 09:00", "water").order_id
    repairs.cancel(closed, "重复", at="2026-10-12 09:01")
    repairs.note(late, "业主不在家，明早再去")

    board = repairs.board(as_of)
    assert ids(board) == [very_late, late, soon, today, later, done]
    assert [row.overdue(as_of) for row in board] == [True, True, False, False, False, False]
    assert board[1].last_note == "业主不在家，明早再去"


def test_month_figures_on_a_constructed_month(open_order: Opener) -> None:
    # on time: done within the day, visited and satisfied, closed
    fine = open_order("2026-10-09 09:00", "water").order_id
    repairs.dispatch(fine, "李师傅", at="2026-10-09 09:05")
    repairs.start(fine, at="2026-10-09 09:30")
    repairs.finish(fine, DoneInput("修好", at="2026-10-09 10:00"))
    repairs.visit(fine, True, at="2026-10-10 09:00")
    repairs.close(fine, at="2026-10-10 09:05")
    # late: water done the next morning
    late = open_order("2026-10-10 09:00", "water").order_id
    repairs.dispatch(late, "李师傅", at="2026-10-10 09:05")
    repairs.start(late, at="2026-10-11 09:00")
    repairs.finish(late, DoneInput("修好", at="2026-10-11 10:00"))
    # a neighbour's noise, seen in 10 minutes, reworked once after an unhappy visit
    noise = open_order(
        "2026-10-12 22:00", "noise-smell", kind="complaint", description="楼上装修噪音"
    ).order_id
    repairs.dispatch(noise, "保安王", at="2026-10-12 22:02")
    repairs.start(noise, at="2026-10-12 22:10")
    repairs.finish(noise, DoneInput("已劝停", at="2026-10-12 23:00"))
    repairs.visit(noise, False, "又开始了", at="2026-10-13 09:00")
    repairs.start(noise, at="2026-10-13 09:10")
    repairs.finish(noise, DoneInput("约定施工时间", at="2026-10-13 10:00"))
    repairs.visit(noise, True, at="2026-10-13 15:00")
    # pending at the end of the month: not judged
    open_order("2026-10-28 09:00", "in-home")
    # overdue, never done: judged as missed
    open_order("2026-10-05 09:00", "water")
    # cancelled: left out
    dropped = open_order("2026-10-15 09:00", "water").order_id
    repairs.cancel(dropped, "重复报修", at="2026-10-15 09:10")
    # another month
    open_order("2026-11-01 00:00", "water")
    open_order("2026-09-30 23:59", "water")

    figures = repairs.month_figures("2026-10", at("2026-10-31 23:00"))
    assert (figures.month, figures.orders, figures.cancelled) == ("2026-10", 5, 1)
    assert figures.by_category == (("in-home", 1), ("noise-smell", 1), ("water", 3))
    assert figures.by_kind == ((OrderKind.COMPLAINT, 1), (OrderKind.REPAIR, 4))
    assert (figures.judged, figures.on_time, figures.done) == (4, 2, 3)
    assert (figures.visited, figures.visits, figures.satisfied_visits, figures.reworked) == (2, 3, 2, 1)
    assert figures.on_time_rate == Fraction(1, 2)
    assert figures.visit_rate == Fraction(2, 3) and figures.satisfaction == Fraction(2, 3)
    assert figures.rework_rate == Fraction(1, 3)
    assert figures.hours_to_done == Fraction(1 + 25 + 1, 3)
    assert [repairs.format_rate(rate) for rate in (figures.on_time_rate, figures.visit_rate)] == [
        "0.5000",
        "0.6667",
    ]
    assert repairs.months_with_orders() == ["2026-11", "2026-10", "2026-09"]
    # once the in-home order's seven working days have run out, it is judged too (missed)
    later = repairs.month_figures("2026-10", at("2026-11-30 12:00"))
    assert (later.judged, later.on_time, repairs.format_rate(later.on_time_rate)) == (5, 2, "0.4000")


def test_an_empty_month_has_no_rates(open_order: Opener) -> None:
    figures = repairs.month_figures("2026-02", at("2026-03-01"))
    assert (figures.orders, figures.judged, figures.done) == (0, 0, 0)
    assert figures.on_time_rate is figures.visit_rate is figures.satisfaction is figures.rework_rate is None
    assert figures.hours_to_done is None and repairs.format_rate(figures.on_time_rate) is None


@pytest.mark.parametrize(
    ("rate", "printed"),
    [
        (Fraction(99, 100), "0.9900"),
        (Fraction(1), "1.0000"),
        (Fraction(0), "0.0000"),
        (Fraction(1, 3), "0.3333"),
        (Fraction(2, 3), "0.6667"),
        (Fraction(12345, 100000), "0.1235"),  # half up, not to even
        (Fraction(12335, 100000), "0.1234"),
        (Fraction(1, 20000), "0.0001"),
        (Fraction(3, 80000), "0.0000"),
        (Fraction(199999, 200000), "1.0000"),
    ],
)
def test_rates_are_printed_with_four_decimals_half_up(rate: Fraction, printed: str) -> None:
    assert repairs.format_rate(rate) == printed
