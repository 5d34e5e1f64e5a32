"""Repair log figures (issue 9, point 18): 5,000 households, ten years of orders (about 60,000).

The big estate: a demo of 5,000 households without fees (500 in quick mode), its facility register
made through ``services.repairs``, and ten years of calls (two in quick mode), 1.2 a household a
year, written by bulk SQL with the rows the services write: each order as received with its
deadlines from ``domain.repairs.deadlines`` (the statutory calendar), its steps (dispatch, start,
done, a return visit for two in five and rework after one in thirty of them, close; a few paused,
cancelled or late), and the summary its steps give, cut at now, so that the last days' orders are
open and today's board has work on it; open orders carry today's follow-up note. ``check``'s replay
of the steps must find every summary right before any figure is taken.

Targets, printed and never asserted (medians of ``RUNS`` runs):
  a. the daily board's first paint ≤ 300 ms: ``repairs.board()``, and the repair tab's board page
     shown the first time in the window (the orders page, shown next, is printed beside it);
  b. the list filtered by state, category, building, worker and date, one at a time and combined,
     as the orders page asks (the newest ``LIST_LIMIT`` + 1): ≤ 50 ms each; the whole of the
     closed orders, unlimited, is printed beside them;
  c. ``repairs.month_figures`` of a month: ≤ 200 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s -m bench tests/bench/test_bench_repairs.py
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, replace
from datetime import date, datetime, timedelta
from functools import partial
from typing import TypeVar

import pytest

from estatedesk.domain.repairs import (
    Category,
    Limits,
    OrderKind,
    PlaceKind,
    State,
    Step,
    Urgency,
    deadlines,
    format_time,
)
from estatedesk.domain.workdays import CalendarSource, WorkCalendar
from estatedesk.services import demo, repairs
from estatedesk.services import estate as estates
from estatedesk.services.estate import Estate
from estatedesk.services.repairs import OrderFilter
from estatedesk.store.audit import now_utc
from estatedesk.store.models import database_proxy
from estatedesk.store.repair_log import stale_orders
from estatedesk.store.sql import execute, placeholders, transaction
from helpers.bench import median_time, open_in_window, tab_index

QUICK = os.environ.get("ESTATEDESK_BENCH_QUICK") == "1"
HOUSEHOLDS = 500 if QUICK else 5_000
YEARS = 2 if QUICK else 10
RUNS = 5
# Of the last month's orders, these wait for someone to come (a part, a contractor, an owner away):
# with the last days' orders still under way, the board has some 40 orders at full size.
STUCK_DAYS, STUCK_SHARE = 30, 0.05
LIST_LIMIT = 1000  # what the orders page holds (gui/tabs/repair_pages/orders.py asks one more)
ACTOR = "基准数据"
ORDER_COLUMNS = (
    "id, received_at, channel, kind, category, urgency, reporter_room_id, reporter_name, reporter_phone,"
    " place_kind, place_room_id, building_id, unit_id, facility_id, place_text, description, upkeep,"
    " arrive_due, finish_due, calendar, created_at, created_by, state, paused_from, worker, worker_phone,"
    " arrived_at, done_at, last_at, last_note, last_note_at, visits, satisfied_visits, reworks, payer,"
    " cost_fen, closed_at"
)
STEP_COLUMNS = (
    "order_id, kind, at, worker, worker_phone, contractor, work, materials, materials_fen, labour_fen,"
    " payer, vote_id, emergency_use, satisfied, comment, caller, reason, text, ledger_entry_id,"
    " recorded_at, actor"
)

T = TypeVar("T")
Report = Callable[..., None]
pytestmark = pytest.mark.bench


class CachedCalendar(WorkCalendar):
    """The statutory calendar, each working-day count worked out once (60,000 orders, 3,650 days)."""

    def __init__(self) -> None:
        super().__init__()
        self.counted: dict[tuple[date, int], tuple[date, CalendarSource]] = {}

    def nth_working_day_after(self, day: date, count: int) -> tuple[date, CalendarSource]:
        """As ``WorkCalendar``'s, remembered."""
        if (day, count) not in self.counted:
            self.counted[day, count] = super().nth_working_day_after(day, count)
        return self.counted[day, count]


@dataclass(frozen=True)
class StepRow:
    """One step as ``repair_step`` keeps it: the columns the service of its kind fills."""

    kind: Step
    at: datetime
    worker: str | None = None
    worker_phone: str | None = None
    contractor: int | None = None
    work: str | None = None
    materials: str | None = None
    materials_fen: int | None = None
    labour_fen: int | None = None
    payer: str | None = None
    satisfied: int | None = None
    comment: str | None = None
    caller: str | None = None
    reason: str | None = None
    text: str | None = None

    def values(self, order_id: int, stamp: str) -> tuple[object, ...]:
        """The row, in STEP_COLUMNS' order (no vote, no emergency use, no charge: no fund, no fees)."""
        return (
            order_id,
            self.kind.value,
            format_time(self.at),
            self.worker,
            self.worker_phone,
            self.contractor,
            self.work,
            self.materials,
            self.materials_fen,
            self.labour_fen,
            self.payer,
            None,
            None,
            self.satisfied,
            self.comment,
            self.caller,
            self.reason,
            self.text,
            None,
            stamp,
            ACTOR,
        )


@dataclass
class Summary:
    """What the services' updates leave on an order's row: the last columns of ORDER_COLUMNS, in order."""

    state: State = State.RECEIVED
    paused_from: str | None = None
    worker: str | None = None
    worker_phone: str | None = None
    arrived_at: str | None = None
    done_at: str | None = None
    last_at: str = ""
    last_note: str | None = None
    last_note_at: str | None = None
    visits: int = 0
    satisfied_visits: int = 0
    reworks: int = 0
    payer: str | None = None
    cost_fen: int | None = None
    closed_at: str | None = None

    @classmethod
    def of(cls, received: datetime, steps: list[StepRow]) -> Summary:
        """The summary ``steps`` leave, each as its service updates the row."""
        row = cls(last_at=format_time(max([received, *(s.at for s in steps if s.kind is not Step.NOTE)])))
        for step in steps:
            at = format_time(step.at)
            if step.kind is Step.NOTE:
                row.last_note, row.last_note_at = step.text, at
            elif step.kind is Step.DISPATCH:
                row.state, row.worker, row.worker_phone, row.paused_from = (
                    State.DISPATCHED,
                    step.worker,
                    step.worker_phone,
                    None,
                )
            elif step.kind is Step.START:
                row.state, row.arrived_at, row.paused_from = State.IN_PROGRESS, row.arrived_at or at, None
            elif step.kind is Step.DONE:
                row.state, row.done_at, row.payer = State.DONE, row.done_at or at, step.payer
                row.cost_fen = (step.materials_fen or 0) + (step.labour_fen or 0)
            elif step.kind is Step.VISIT:
                row.state = State.VISITED if step.satisfied else State.DISPATCHED
                row.visits += 1
                row.satisfied_visits += bool(step.satisfied)
                row.reworks += not step.satisfied
            elif step.kind is Step.PAUSE:
                row.state, row.paused_from = State.PAUSED, row.state.value
            else:
                row.state = State.CLOSED if step.kind is Step.CLOSE else State.CANCELLED
                row.closed_at = at
        return row

    def values(self) -> tuple[object, ...]:
        """The summary's columns, as written."""
        return (self.state.value, *astuple(self)[1:])


def pick(rng: random.Random, choices: tuple[tuple[T, float], ...]) -> T:
    """One of ``choices`` (value, weight), drawn by weight."""
    return rng.choices([value for value, _ in choices], [weight for _, weight in choices])[0]


def minutes(rng: random.Random, low: float, high: float) -> timedelta:
    """Between ``low`` and ``high`` minutes, whole."""
    return timedelta(minutes=round(rng.uniform(low, high)))


def between(start: datetime, end: datetime, low: float, high: float, rng: random.Random) -> datetime:
    """A minute between ``start`` and ``end``, at a share of the way drawn from ``low`` to ``high``."""
    moment = start + (end - start) * rng.uniform(low, high)
    return max(start, moment.replace(second=0, microsecond=0))


def fen(rng: random.Random, bounds: tuple[int, int]) -> int | None:
    """A cost drawn between yuan ``bounds``, in fen (None: nothing typed)."""
    low, high = bounds
    return None if high == 0 else rng.randint(low, high) * 100


def flow(
    rng: random.Random,
    job: demo.Job,
    received: datetime,
    arrive_due: datetime | None,
    finish_due: datetime | None,
) -> list[StepRow]:
    """An order's steps after its receipt, timed as the demo's calls are (a few late on purpose)."""
    name, phone, contractor = job.worker
    first_due = arrive_due or finish_due or received + timedelta(hours=8)
    late, fate = rng.random() < demo.LATE_SHARE, rng.random()
    materials, labour = fen(rng, job.materials_yuan), fen(rng, job.labour_yuan)
    payer = job.payer if materials or labour else "estate"
    done_step = StepRow(Step.DONE, received, work=job.work, materials=job.materials)
    done_step = replace(done_step, materials_fen=materials, labour_fen=labour, payer=payer)
    if job.category == Category.ENQUIRY:  # answered at once, at the desk
        done = first_due + minutes(rng, 5, 90) if late else between(received, first_due, 0.1, 0.85, rng)
        return [replace(done_step, at=done), StepRow(Step.CLOSE, done + minutes(rng, 1, 15))]
    dispatch = StepRow(Step.DISPATCH, received, worker=name, worker_phone=phone, contractor=int(contractor))
    dispatched = between(received, first_due, 0.01, 0.08, rng)
    steps = [replace(dispatch, at=dispatched)]
    if fate < demo.CANCELLED_SHARE:
        cancelled = dispatched + minutes(rng, 20, 600)
        return [*steps, StepRow(Step.CANCEL, cancelled, reason=rng.choice(demo.CANCEL_REASONS))]
    if arrive_due is not None:
        arrived = arrive_due + minutes(rng, 3, 40) if late else between(dispatched, arrive_due, 0.3, 0.9, rng)
    else:
        arrived = between(dispatched, finish_due or first_due, 0.05, 0.3, rng)
    steps.append(StepRow(Step.START, arrived))
    if fate < demo.CANCELLED_SHARE + demo.PAUSED_SHARE:  # a part missing: back a day or two later
        held = arrived + minutes(rng, 20, 60)
        arrived = held + minutes(rng, 600, 2400)
        steps += [StepRow(Step.PAUSE, held, reason="等待配件到货"), StepRow(Step.START, arrived)]
    done = arrived + minutes(rng, 15, 240)
    if finish_due is not None and arrived < finish_due:
        if late and arrive_due is None:
            done = finish_due + minutes(rng, 30, 1800)
        elif done > finish_due:
            done = between(arrived, finish_due, 0.3, 0.9, rng)
    steps.append(replace(done_step, at=done))
    closed = done + minutes(rng, 10, 900)
    if rng.random() < demo.VISIT_SHARE:
        visited = done + minutes(rng, 60, 2400)
        caller = rng.choice(demo.CALLERS)
        if rng.random() < demo.UNSATISFIED_SHARE:  # rework: the same worker again, at no charge
            again = visited + minutes(rng, 10, 90)
            done = again + minutes(rng, 660, 700)
            steps += [
                StepRow(Step.VISIT, visited, satisfied=0, comment="还是老样子", caller=caller),
                replace(dispatch, at=again),
                StepRow(Step.START, again + minutes(rng, 60, 600)),
                StepRow(Step.DONE, done, work="返工：" + job.work, materials="", payer="estate"),
            ]
            visited = done + minutes(rng, 600, 1800)
        steps.append(StepRow(Step.VISIT, visited, satisfied=1, comment="满意", caller=caller))
        closed = visited + minutes(rng, 5, 60)
    steps.append(StepRow(Step.CLOSE, closed))
    return steps


@dataclass(frozen=True)
class Call:
    """A call of the log: when, what about, from which room (id, building, unit), its flow's seed."""

    received: datetime
    job: demo.Job
    urgency: Urgency
    room: tuple[int, int, int]
    seed: float


def calls(rng: random.Random, now: datetime) -> list[Call]:
    """YEARS of calls, 1.2 a household a year, drawn as the demo draws them, oldest first."""
    rooms = [
        (int(room), int(building), int(unit))
        for room, building, unit in execute(
            "SELECT id, building_id, unit_id FROM room WHERE occupancy <> 'vacant' ORDER BY id"
        )
    ]
    categories = tuple(demo.CATEGORY_WEIGHTS.items())
    jobs = {category: [job for job in demo.JOBS if job.category == category] for category, _ in categories}
    made = []
    for _ in range(round(HOUSEHOLDS * demo.ORDERS_PER_HOUSEHOLD_YEAR * YEARS)):
        listed = jobs[pick(rng, categories)]
        job = rng.choices(listed, [job.weight for job in listed])[0]
        urgency = Urgency.EMERGENCY if rng.random() < job.emergency else Urgency.NORMAL
        day = now.date() - timedelta(days=rng.randrange(YEARS * 365))
        hour = rng.randrange(24) if urgency is Urgency.EMERGENCY else pick(rng, demo.CALL_HOURS)
        received = datetime(day.year, day.month, day.day, hour, rng.randrange(60))
        if received >= now:
            received -= timedelta(days=1)
        made.append(Call(received, job, urgency, rng.choice(rooms), rng.random()))
    return sorted(made, key=lambda call: call.received)


def write_log(now: datetime, seed: int = 9) -> int:
    """Write YEARS of orders and their steps in one transaction, cut at ``now``; return how many."""
    calendar, limits = CachedCalendar(), Limits()
    facility_ids = {
        facility.key: repairs.add_facility(
            repairs.FacilityInput(facility.name, facility.location, facility.model, upkeep_months="3")
        )
        for facility in demo.FACILITIES
    }
    stamp = now_utc()
    order_rows, step_rows = [], []
    for number, call in enumerate(calls(random.Random(seed), now), start=1):
        job, received = call.job, call.received
        category = Category(job.category)
        kind = demo.KIND_OF.get(
            category, OrderKind.ENQUIRY if category is Category.ENQUIRY else OrderKind.REPAIR
        )
        due = deadlines(received, category, call.urgency, calendar, limits)
        rng = random.Random(call.seed)
        steps = [step for step in flow(rng, job, received, due.arrive, due.finish) if step.at <= now]
        if received > now - timedelta(days=STUCK_DAYS) and rng.random() < STUCK_SHARE:
            steps = steps[:1]  # dispatched, and nobody came yet: the board's overdue ones
        if steps and steps[-1].kind not in (Step.CLOSE, Step.CANCEL) and rng.random() < 0.7:
            steps.append(StepRow(Step.NOTE, now, text="已电话跟进"))
        # Where, and who called, as add_order keeps them: a room's order names the room, its building
        # and unit; a stairwell its building and unit; another common part the reporter's building,
        # or nothing when the call was not signed.
        room_id, building_id, unit_id = call.room
        reporter: tuple[int | None, str, str] = (room_id, "", "")
        place_kind, place_room, unit = job.place, None, None
        building: int | None = building_id
        facility_id, place_text = facility_ids.get(job.place), ""
        if job.place == PlaceKind.ROOM:
            place_room, unit = room_id, unit_id
        elif job.place == PlaceKind.STAIRWELL:
            unit = unit_id
        else:
            place_kind = PlaceKind.FACILITY.value if facility_id is not None else job.place
            place_text = "单元门口" if job.place == PlaceKind.OTHER else ""
            if rng.random() < 0.4:
                reporter, building = (None, "", ""), None
        channel = pick(rng, demo.CHANNELS[kind])
        order_rows.append(
            (
                number,
                format_time(received),
                channel,
                kind.value,
                category.value,
                call.urgency.value,
                *reporter,
                place_kind,
                place_room,
                building,
                unit,
                facility_id,
                place_text,
                job.said,
                0,
                format_time(due.arrive) if due.arrive else None,
                format_time(due.finish) if due.finish else None,
                due.calendar.value,
                stamp,
                ACTOR,
                *Summary.of(received, steps).values(),
            )
        )
        step_rows.append(StepRow(Step.RECEIVE, received).values(number, stamp))
        step_rows += [step.values(number, stamp) for step in steps]
    connection = database_proxy.connection()
    with transaction():
        connection.executemany(
            f"INSERT INTO repair_order ({ORDER_COLUMNS}) VALUES ({placeholders(37)})", order_rows
        )
        connection.executemany(
            f"INSERT INTO repair_step ({STEP_COLUMNS}) VALUES ({placeholders(21)})", step_rows
        )
    return len(order_rows)


@pytest.fixture(scope="module")
def big_estate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Estate, int]]:
    """The demo of HOUSEHOLDS households (no fees, votes or repairs of its own) and YEARS of orders."""
    path = tmp_path_factory.mktemp("repairs") / "repairs.sqlite3"
    opened = estates.create_estate(path, "报修基准小区")
    demo.generate(HOUSEHOLDS, seed=9, with_fees=False)
    started = time.perf_counter()
    orders = write_log(datetime.now().replace(second=0, microsecond=0))
    print(f"\nwrote {orders} orders in {time.perf_counter() - started:.1f} s")
    assert stale_orders(database_proxy.connection()) == 0  # every summary is what its steps give
    yield opened, orders
    opened.close()


def test_the_board(big_estate: tuple[Estate, int], bench_report: Report) -> None:
    """a. The daily review: every open order, judged now, the overdue first."""
    _estate, orders = big_estate
    board = repairs.board()
    assert board and any(row.overdue(datetime.now()) for row in board)
    bench_report(f"repairs_board_{len(board)}_open_of_{orders}_orders", median_time(repairs.board, RUNS))


def test_the_list_filtered(big_estate: tuple[Estate, int], bench_report: Report) -> None:
    """b. The orders page's filters, alone and combined, as the page asks them (limit 1001)."""
    _estate, orders = big_estate
    today = date.today()
    month = (today.replace(day=1) - timedelta(days=40)).replace(day=1)
    filters = {
        "state_closed": OrderFilter(states=frozenset({State.CLOSED})),
        "state_paused": OrderFilter(states=frozenset({State.PAUSED})),
        "open": OrderFilter(open_only=True),
        "overdue": OrderFilter(overdue_as_of=datetime.now()),
        "category_in_home": OrderFilter(category=Category.IN_HOME.value),
        "category_enquiry": OrderFilter(category=Category.ENQUIRY.value),
        "building_7": OrderFilter(building="7"),
        "worker_zhang": OrderFilter(worker=demo.HANDYMAN[0]),
        "worker_contractor": OrderFilter(worker=demo.CONTRACTOR[0]),
        "date_a_month": OrderFilter(received_from=month, received_to=month + timedelta(days=30)),
        "date_a_year_ago": OrderFilter(
            received_from=today - timedelta(days=380), received_to=today - timedelta(days=350)
        ),
        "search_words": OrderFilter(search="漏水"),
        "search_number": OrderFilter(search=f"{orders // 2:06d}"),
        "category_and_building": OrderFilter(category=Category.WATER.value, building="7"),
        "state_worker_date": OrderFilter(
            states=frozenset({State.CLOSED}),
            worker=demo.PLUMBER[0],
            received_from=month,
            received_to=month + timedelta(days=30),
        ),
        "building_and_date": OrderFilter(
            building="3", received_from=month, received_to=month + timedelta(days=30)
        ),
        "category_worker_building": OrderFilter(
            category=Category.ELECTRICITY.value, worker=demo.ELECTRICIAN[0], building="12"
        ),
        "category_and_a_year": OrderFilter(
            category=Category.PUBLIC_GLASS_DOOR_LIGHT.value,
            received_from=today - timedelta(days=365),
            received_to=today,
        ),
    }
    for name, chosen in filters.items():
        limited = replace(chosen, limit=LIST_LIMIT + 1)
        found = len(repairs.list_orders(limited))
        bench_report(
            f"repairs_list_{name}_{found}_rows_of_{orders}",
            median_time(partial(repairs.list_orders, limited), RUNS),
        )
    everything = OrderFilter(states=frozenset({State.CLOSED}))
    found = len(repairs.list_orders(everything))
    bench_report(
        f"repairs_list_closed_unlimited_{found}_rows_of_{orders}",
        median_time(lambda: repairs.list_orders(everything), 3),
    )


def test_month_figures(big_estate: tuple[Estate, int], bench_report: Report) -> None:
    """c. A month's figures: the orders received in it, and how they were handled."""
    _estate, orders = big_estate
    month = (date.today().replace(day=1) - timedelta(days=70)).strftime("%Y-%m")
    figures = repairs.month_figures(month)
    assert figures.orders > 0 and figures.on_time_rate is not None
    bench_report(
        f"repairs_month_figures_{figures.orders}_orders_of_{orders}",
        median_time(lambda: repairs.month_figures(month), RUNS),
    )


def test_repairs_tab_first_paint(qapp: object, big_estate: tuple[Estate, int], bench_report: Report) -> None:
    """a. The window opens the estate (households tab first, as at start), then shows the repair tab."""
    from estatedesk.gui.tabs.repair_pages.orders import OrdersPage
    from estatedesk.gui.tabs.repairs import RepairsTab

    estate, orders = big_estate
    path = estate.path
    estate.close()  # one program at a time has the file open
    window, _opening = open_in_window(qapp, path)
    index = tab_index(window, RepairsTab)
    start = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    window.tabs.currentWidget().repaint()
    bench_report(f"repairs_tab_board_first_paint_{orders}_orders", time.perf_counter() - start)
    tab = window.tab(RepairsTab)
    assert tab.current_page().key == "board"
    start = time.perf_counter()
    page = tab.show_page(OrdersPage)
    qapp.processEvents()  # type: ignore[attr-defined]
    page.repaint()
    bench_report(f"repairs_orders_page_shown_{orders}_orders", time.perf_counter() - start)
    window.close()
