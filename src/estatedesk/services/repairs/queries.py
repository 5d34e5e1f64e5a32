"""What the repair log shows: the list and its filters, the daily board, an order whole, a month's figures."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError
from estatedesk.domain.fees import parse_month
from estatedesk.domain.repairs import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    OPEN_STATES,
    Channel,
    OrderKind,
    Payer,
    PlaceKind,
    State,
    Step,
    Timing,
    Urgency,
    format_time,
)
from estatedesk.domain.workdays import CalendarSource
from estatedesk.services.changes import writing
from estatedesk.services.repairs.orders import (
    fund_notice,
    fund_vote_notices,
    now,
    order_number,
    unknown_order,
)
from estatedesk.services.repairs.records import (
    MonthFigures,
    Notice,
    OrderDetail,
    OrderFilter,
    OrderRow,
    PhotoView,
    StepView,
)
from estatedesk.store import audit
from estatedesk.store.sql import execute, placeholders

# Words for a common part in the list (the program's documents are Chinese; the GUI shows these too).
PLACE_WORDS = {
    PlaceKind.ROOF: "屋面",
    PlaceKind.DRAINAGE: "排水管道",
    PlaceKind.ROAD: "道路",
    PlaceKind.LIGHTING: "公共照明",
    PlaceKind.DOOR_ACCESS: "门禁对讲",
    PlaceKind.WATER_PUMP: "水泵",
    PlaceKind.FIRE_EQUIPMENT: "消防设施",
}

_ROW_COLUMNS = """o.id, o.received_at, o.kind, o.category, o.urgency, o.state, o.place_kind, o.place_text,
    pr.code, b.name, u.name, f.name, rr.code, o.reporter_name, o.description, o.worker,
    o.arrive_due, o.finish_due, o.arrived_at, o.done_at, o.calendar, o.last_note, o.last_note_at, o.reworks,
    o.rework_due"""
_ROW_FROM = """repair_order o
    LEFT JOIN room pr ON pr.id = o.place_room_id
    LEFT JOIN room rr ON rr.id = o.reporter_room_id
    LEFT JOIN building b ON b.id = o.building_id
    LEFT JOIN unit u ON u.id = o.unit_id
    LEFT JOIN repair_facility f ON f.id = o.facility_id"""


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def building_words(name: str | None) -> str:
    """A building as said aloud: ``7号楼`` for a number, the name as it is otherwise."""
    if not name:
        return ""
    return f"{name}号楼" if name.isdigit() else name


def unit_words(name: str | None) -> str:
    """A unit as said aloud: ``1单元`` for a number, the name as it is otherwise."""
    if not name:
        return ""
    return f"{name}单元" if name.isdigit() else name


def place_words(
    kind: PlaceKind, room: str | None, building: str | None, unit: str | None, facility: str | None, text: str
) -> str:
    """Where the work is, in words: a room's code, a stairwell, a facility, a common part, or as typed."""
    if kind is PlaceKind.ROOM:
        return room or ""
    if kind is PlaceKind.STAIRWELL:
        where = f"{building_words(building)}{unit_words(unit)}楼道"
    elif kind is PlaceKind.FACILITY:
        where = facility or ""
    elif kind in PLACE_WORDS:
        where = PLACE_WORDS[kind]
    else:
        where = ""
    return " ".join(part for part in (where, text) if part) or (room or "")


def _row(values: tuple[Any, ...]) -> OrderRow:
    (
        order_id,
        received,
        kind,
        category,
        urgency,
        state,
        place_kind,
        place_text,
        place_room,
        building,
        unit,
        facility,
        reporter_room,
        reporter_name,
        description,
        worker,
        arrive_due,
        finish_due,
        arrived,
        done,
        calendar,
        last_note,
        last_note_at,
        reworks,
        rework_due,
    ) = values
    return OrderRow(
        order_id=int(str(order_id)),
        number=order_number(int(str(order_id))),
        received=datetime.fromisoformat(str(received)),
        kind=OrderKind(kind),
        category=str(category),
        urgency=Urgency(urgency),
        state=State(state),
        place=place_words(
            PlaceKind(place_kind),
            _text(place_room) or None,
            _text(building) or None,
            _text(unit) or None,
            _text(facility) or None,
            str(place_text),
        ),
        building=_text(building),
        reporter=_text(reporter_room) or _text(reporter_name),
        description=str(description),
        worker=_text(worker),
        timing=Timing(
            _moment(_opt(arrive_due)),
            _moment(_opt(finish_due)),
            _moment(_opt(arrived)),
            _moment(_opt(done)),
            _moment(_opt(rework_due)),
        ),
        calendar=CalendarSource(calendar),
        last_note=_text(last_note),
        last_note_at=_moment(_opt(last_note_at)),
        reworks=int(str(reworks)),
    )


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def list_orders(chosen: OrderFilter | None = None) -> list[OrderRow]:
    """The orders ``chosen`` lets through, newest first (filters in SQL, so 60,000 orders stay quick)."""
    chosen = chosen or OrderFilter()
    where: list[str] = []
    params: list[object] = []
    states = set(chosen.states)
    if chosen.open_only or chosen.overdue_as_of is not None:
        states = (states or set(OPEN_STATES)) & set(OPEN_STATES)
        if not states:
            return []
    if states:
        where.append(f"o.state IN ({placeholders(len(states))})")
        params += sorted(state.value for state in states)
        if states <= OPEN_STATES:  # said outright: the index of open orders serves only a query that says it
            where.append("o.state NOT IN ('closed', 'cancelled')")
    if chosen.category:
        where.append("o.category = ?")
        params.append(chosen.category)
    if chosen.building:
        where.append("o.building_id = (SELECT id FROM building WHERE name = ?)")
        params.append(chosen.building)
    if chosen.worker:
        where.append("o.worker = ?")
        params.append(chosen.worker)
    if chosen.received_from is not None:
        where.append("o.received_at >= ?")
        params.append(chosen.received_from.isoformat())
    if chosen.received_to is not None:
        where.append("o.received_at < ?")
        params.append((chosen.received_to + timedelta(days=1)).isoformat())
    if chosen.facility_id is not None:
        where.append("o.facility_id = ?")
        params.append(chosen.facility_id)
    if chosen.overdue_as_of is not None:
        # A deadline still to meet: arrival while nobody came and nothing was done, completion, rework.
        where.append(
            "((o.arrive_due IS NOT NULL AND o.arrived_at IS NULL AND o.done_at IS NULL AND o.arrive_due < ?)"
            " OR (o.finish_due IS NOT NULL AND o.done_at IS NULL AND o.finish_due < ?)"
            " OR (o.rework_due IS NOT NULL AND o.rework_due < ?))"
        )
        params += [format_time(chosen.overdue_as_of)] * 3
    if chosen.search.strip():
        # %, _ and \ typed are searched for as themselves, not as LIKE's wildcards.
        typed = chosen.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{typed}%"
        like = "LIKE ? ESCAPE '\\'"
        where.append(
            "("
            + " OR ".join(
                (
                    f"printf('%06d', o.id) {like}",
                    f"o.description {like}",
                    f"o.place_text {like}",
                    # Rooms by their codes, read once for the search: every term then tests the order
                    # alone, and only the orders found are joined to their rooms (60,000: 52 → 36 ms).
                    f"o.place_room_id IN (SELECT id FROM room WHERE code {like})",
                    f"o.reporter_room_id IN (SELECT id FROM room WHERE code {like})",
                    # the caller's household by name, pinyin or phone, as the households list finds it
                    f"o.reporter_room_id IN (SELECT id FROM room WHERE search_text {like})",
                    f"o.reporter_name {like}",
                    f"o.worker {like}",
                )
            )
            + ")"
        )
        params += [pattern] * 5 + [pattern.lower()] + [pattern] * 2
    sql = f"SELECT {_ROW_COLUMNS} FROM {_ROW_FROM}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY o.received_at DESC, o.id DESC"
    if chosen.limit is not None:
        sql += f" LIMIT {int(chosen.limit)}"
    rows = [_row(values) for values in execute(sql, params)]
    if chosen.overdue_as_of is not None:  # the SQL asked for late deadlines; the rows say which is pending
        rows = [row for row in rows if row.overdue(chosen.overdue_as_of)]
    return rows


def board(as_of: datetime | None = None) -> list[OrderRow]:
    """The daily review (日清日审): every open order, the overdue first, then by the deadline coming."""
    moment = as_of or now()
    rows = list_orders(OrderFilter(open_only=True))
    far = datetime.max

    def urgency_order(row: OrderRow) -> tuple[int, datetime, int]:
        due = row.timing.pending_due()
        return (0 if row.overdue(moment) else 1, due or far, row.order_id)

    return sorted(rows, key=urgency_order)


def order_row(order_id: int) -> OrderRow:
    """One order as the list shows it."""
    found = execute(f"SELECT {_ROW_COLUMNS} FROM {_ROW_FROM} WHERE o.id = ?", (order_id,)).fetchone()
    if found is None:
        raise unknown_order(order_id)
    return _row(found)


def order_detail(order_id: int) -> OrderDetail:
    """An order whole: as received, its steps in order, its photos, and what is amiss."""
    row = order_row(order_id)
    (
        channel,
        place_kind,
        room_code,
        reporter_name,
        reporter_phone,
        facility_id,
        facility,
        upkeep,
        worker_phone,
        payer,
        cost,
    ) = execute(
        "SELECT o.channel, o.place_kind, COALESCE(pr.code, rr.code), o.reporter_name, o.reporter_phone,"
        " o.facility_id, f.name, o.upkeep, o.worker_phone, o.payer, o.cost_fen"
        f" FROM {_ROW_FROM} WHERE o.id = ?",
        (order_id,),
    ).fetchone()
    steps = tuple(
        StepView(
            step_id=int(step_id),
            kind=Step(kind),
            at=datetime.fromisoformat(at),
            recorded_at=str(recorded_at),
            actor=str(actor),
            worker=_text(worker),
            worker_phone=_text(phone),
            contractor=bool(contractor),
            work=_text(work),
            materials=_text(materials),
            materials_fen=materials_fen,
            labour_fen=labour_fen,
            payer=Payer(step_payer) if step_payer else None,
            vote_id=vote_id,
            emergency_use=bool(emergency),
            satisfied=None if satisfied is None else bool(satisfied),
            comment=_text(comment),
            caller=_text(caller),
            reason=_text(reason),
            text=_text(text),
            charge_entry_id=entry_id,
            charge_fen=charge_fen,
        )
        for (
            step_id,
            kind,
            at,
            recorded_at,
            actor,
            worker,
            phone,
            contractor,
            work,
            materials,
            materials_fen,
            labour_fen,
            step_payer,
            vote_id,
            emergency,
            satisfied,
            comment,
            caller,
            reason,
            text,
            entry_id,
            charge_fen,
        ) in execute(
            "SELECT s.id, s.kind, s.at, s.recorded_at, s.actor, s.worker, s.worker_phone, s.contractor,"
            " s.work, s.materials, s.materials_fen, s.labour_fen, s.payer, s.vote_id, s.emergency_use,"
            " s.satisfied, s.comment, s.caller, s.reason, s.text, s.ledger_entry_id, e.amount_fen"
            " FROM repair_step s LEFT JOIN ledger_entry e ON e.id = s.ledger_entry_id"
            " WHERE s.order_id = ? ORDER BY s.at, s.id",  # by when it happened: a note is timed when written
            (order_id,),
        )
    )
    photos = tuple(
        PhotoView(int(photo_id), str(name), int(width), int(height), str(added))
        for photo_id, name, width, height, added in execute(
            "SELECT id, name, width, height, added_at FROM repair_photo WHERE order_id = ? ORDER BY id",
            (order_id,),
        )
    )
    return OrderDetail(
        row=row,
        channel=Channel(channel),
        place_kind=PlaceKind(place_kind),
        room_code=_text(room_code),
        reporter_name=_text(reporter_name),
        reporter_phone=_text(reporter_phone),
        facility_id=facility_id,
        facility=_text(facility),
        upkeep=bool(upkeep),
        worker_phone=_text(worker_phone),
        payer=Payer(payer) if payer else None,
        cost_fen=cost,
        steps=steps,
        photos=photos,
        notices=_notices(steps),
    )


def _notices(steps: tuple[StepView, ...]) -> tuple[Notice, ...]:
    done = [step for step in steps if step.kind is Step.DONE]
    if not done or done[-1].payer is not Payer.FUND or done[-1].emergency_use:
        return ()
    if done[-1].vote_id is None:
        return (fund_notice(),)
    return tuple(fund_vote_notices(done[-1].vote_id))


def reporter_phone(order_id: int) -> str:
    """The phone to call back: the one given with the call, else the room's first owner's (or resident's)."""
    row = execute(
        "SELECT o.reporter_phone, o.reporter_room_id FROM repair_order o WHERE o.id = ?", (order_id,)
    ).fetchone()
    if row is None:
        raise unknown_order(order_id)
    if row[0]:
        return str(row[0])
    if row[1] is None:
        return ""
    found = execute(
        "SELECT COALESCE(p.phone, p.landline) FROM ("
        " SELECT person_id, position AS rank FROM ownership WHERE room_id = ?"
        " UNION ALL SELECT person_id, 1000 FROM resident WHERE room_id = ?) AS k"
        " JOIN person p ON p.id = k.person_id WHERE COALESCE(p.phone, p.landline) IS NOT NULL"
        " ORDER BY k.rank LIMIT 1",
        (row[1], row[1]),
    ).fetchone()
    return str(found[0]) if found else ""


def reveal_reporter_phone(order_id: int) -> str:
    """The phone to call back, whole, for the clerk who asked to see it; the look goes in the audit trail."""
    phone = reporter_phone(order_id)
    if phone:
        with writing():  # no change notice: nothing a list shows has changed
            audit.record("reveal", "repair_order", order_id, after={"field": "reporter_phone"})
    return phone


def workers() -> list[tuple[str, str]]:
    """Everyone orders were dispatched to, with the phone last given, by name."""
    return [
        (str(name), _text(phone))
        for name, phone in execute(
            "SELECT worker, COALESCE((SELECT s.worker_phone FROM repair_step s WHERE s.kind = 'dispatch'"
            " AND s.worker = d.worker AND s.worker_phone <> '' ORDER BY s.id DESC LIMIT 1), '')"
            " FROM (SELECT DISTINCT worker FROM repair_order WHERE worker IS NOT NULL) AS d ORDER BY worker"
        )
    ]


def month_figures(month: str, as_of: datetime | None = None) -> MonthFigures:
    """The figures of the orders received in ``month`` (YYYY-MM), as they stand at ``as_of``.

    On time: every deadline of the order met (arrival and completion); an order whose deadline has
    not come yet is not judged. Visit, satisfaction and rework rates are over the orders whose work
    was done; satisfaction over the visits made.
    """
    moment = as_of or now()
    read = parse_month(month)
    if not EARLIEST_YEAR <= read.year <= LATEST_YEAR:
        raise InputRejected(
            [
                ValidationError(
                    "month",
                    QT_TRANSLATE_NOOP("messages", "{value} is not between the years {earliest} and {latest}"),
                    value=month,
                    earliest=EARLIEST_YEAR,
                    latest=LATEST_YEAR,
                )
            ]
        )
    month = str(read)
    first = date(read.year, read.month, 1)
    after = (first + timedelta(days=32)).replace(day=1)
    rows = list_orders(OrderFilter(received_from=first, received_to=after - timedelta(days=1)))
    counted = [row for row in rows if row.state is not State.CANCELLED]
    stats = {
        int(order_id): (int(visits), int(satisfied), int(reworks))
        for order_id, visits, satisfied, reworks in execute(
            "SELECT id, visits, satisfied_visits, reworks FROM repair_order"
            " WHERE received_at >= ? AND received_at < ?",
            (first.isoformat(), after.isoformat()),
        )
    }
    verdicts = [row.timing.on_time(moment) for row in counted]
    judged = [verdict for verdict in verdicts if verdict is not None]
    done_rows = [row for row in counted if row.timing.done is not None]
    visited = sum(1 for row in done_rows if stats[row.order_id][0] > 0)
    visits = sum(stats[row.order_id][0] for row in done_rows)
    satisfied = sum(stats[row.order_id][1] for row in done_rows)
    reworked = sum(1 for row in done_rows if stats[row.order_id][2] > 0)
    hours = [
        Fraction(int((row.timing.done - row.received).total_seconds()), 3600)
        for row in done_rows
        if row.timing.done is not None
    ]
    return MonthFigures(
        month=month,
        orders=len(counted),
        cancelled=len(rows) - len(counted),
        by_category=tuple(sorted(Counter(row.category for row in counted).items())),
        by_kind=tuple(sorted(Counter(row.kind for row in counted).items())),
        judged=len(judged),
        on_time=sum(judged),
        done=len(done_rows),
        visited=visited,
        satisfied_visits=satisfied,
        visits=visits,
        reworked=reworked,
        hours_to_done=sum(hours, Fraction(0)) / len(hours) if hours else None,
        on_time_rate=_rate(sum(judged), len(judged)),
        visit_rate=_rate(visited, len(done_rows)),
        satisfaction=_rate(satisfied, visits),
        rework_rate=_rate(reworked, len(done_rows)),
    )


def _rate(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def format_rate(rate: Fraction | None) -> str | None:
    """A rate as the command line gives it: 4 decimals, half up (``0.9900``); None stays None."""
    if rate is None:
        return None
    scaled = rate * 10_000
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return f"{whole // 10_000}.{whole % 10_000:04d}"


def months_with_orders() -> list[str]:
    """The months orders were received in, newest first."""
    return [
        str(month)
        for (month,) in execute("SELECT DISTINCT substr(received_at, 1, 7) FROM repair_order ORDER BY 1 DESC")
    ]
