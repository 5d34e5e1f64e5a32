"""Repair orders through their flow: received, dispatched, started, done, visited, closed.

Every step is a row of ``repair_step``, never changed or deleted (the table refuses it); the
order's own row keeps what was received, and a summary of its steps (state, worker, first arrival
and completion…) that each step updates in its own transaction, for lists and the daily board.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from estatedesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Caution,
    InputRejected,
    NotFound,
    Problems,
    ValidationError,
    require_confirmed,
)
from estatedesk.domain.households import read_phone
from estatedesk.domain.money import parse_yuan
from estatedesk.domain.repairs import (
    Channel,
    OrderKind,
    Payer,
    PlaceKind,
    State,
    Step,
    Timing,
    Urgency,
    check_step_time,
    deadlines,
    format_time,
    next_state,
    parse_time,
)
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.fees.billing import charge_repair
from estatedesk.services.photos import shrink_photo
from estatedesk.services.repairs.records import DoneInput, Notice, OrderCreated, OrderInput, StepDone
from estatedesk.services.repairs.settings import check_category, limits, work_calendar
from estatedesk.services.votes import count
from estatedesk.store import audit
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.sql import execute, insert

FUTURE_CAUTION = "received_in_future"


def order_number(order_id: int) -> str:
    """An order's number as printed and said on the phone: six digits."""
    return f"{order_id:06d}"


def now() -> datetime:
    """The office's wall clock, to the minute."""
    return datetime.now().replace(second=0, microsecond=0)


def read_moment(value: datetime | str | None, field: str = "at") -> datetime:
    """A step's time as given (a time, text, or None for now), to the minute."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return now()
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    return parse_time(value, field)


def read_cost(text: str, field: str) -> int | None:
    """A cost in yuan, up to 2 decimals; empty is none, and 0 is allowed (nothing was spent)."""
    typed = text.strip()
    if not typed:
        return None
    if (
        typed.replace(".", "").strip("0") == ""
        and "0" in typed  # "." alone is no amount
        and typed.count(".") <= 1
        and len(typed.partition(".")[2]) <= 2
    ):
        return 0
    return parse_yuan(typed, field)


def _room(code: str, field: str) -> tuple[int, int, int | None]:
    row = execute("SELECT id, building_id, unit_id FROM room WHERE code = ?", (code.strip(),)).fetchone()
    if row is None:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "no room has the code {code}"), code=code.strip()
        )
    return int(row[0]), int(row[1]), row[2]


def _building(name: str, unit: str) -> tuple[int, int | None]:
    row = execute("SELECT id FROM building WHERE name = ?", (name.strip(),)).fetchone()
    if row is None:
        raise ValidationError(
            "building", QT_TRANSLATE_NOOP("messages", "no building is called {name}"), name=name.strip()
        )
    if not unit.strip():
        return int(row[0]), None
    found = execute(
        "SELECT id FROM unit WHERE building_id = ? AND name = ?", (row[0], unit.strip())
    ).fetchone()
    if found is None:
        raise ValidationError(
            "unit",
            QT_TRANSLATE_NOOP("messages", "building {building} has no unit {unit}"),
            building=name.strip(),
            unit=unit.strip(),
        )
    return int(row[0]), int(found[0])


def _choice(enum: type[StrEnum], text: str, field: str) -> StrEnum:
    try:
        return enum(text.strip())
    except ValueError:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not one of {known}"),
            value=text.strip(),
            known=", ".join(member.value for member in enum),
        ) from None


def add_order(typed: OrderInput, confirmed: Collection[str] = ()) -> OrderCreated:
    """Open an order and give it its deadlines by the office's limits; bad input is refused by field.

    A received time in the future is a caution: the command line confirms it (orders typed from
    paper, checks of a later year), the window asks the clerk.
    """
    problems = Problems()
    received = problems.attempt(parse_time, typed.received, "received")
    category = problems.attempt(check_category, typed.category)
    kind = problems.attempt(_choice, OrderKind, typed.kind, "kind")
    urgency = problems.attempt(_choice, Urgency, typed.urgency, "urgency")
    channel = problems.attempt(_choice, Channel, typed.channel, "channel")
    description = typed.description.strip()
    if not description:
        problems.append(
            ValidationError(
                "description", QT_TRANSLATE_NOOP("messages", "say what is wrong: the description is empty")
            )
        )
    else:
        problems.attempt(check_text, description, "description", True)
    room = problems.attempt(_room, typed.room, "room") if typed.room.strip() else None
    place_kind = (
        problems.attempt(_choice, PlaceKind, typed.place_kind, "place")
        if typed.place_kind.strip()
        else (PlaceKind.ROOM if typed.room.strip() else PlaceKind.OTHER)
    )
    place_text = typed.place_text.strip()
    problems.attempt(check_text, place_text, "place")
    reporter_name = typed.reporter_name.strip()
    problems.attempt(check_text, reporter_name, "reporter")
    phone = (
        problems.attempt(read_phone, typed.reporter_phone, "phone") if typed.reporter_phone.strip() else None
    )
    building_id = unit_id = facility_id = None
    if place_kind is PlaceKind.ROOM and room is None and not typed.room.strip():
        problems.append(
            ValidationError("room", QT_TRANSLATE_NOOP("messages", "choose the room the work is in"))
        )
    if typed.building.strip() and place_kind is not PlaceKind.ROOM:
        # Any common part may be of a building (and unit): a stairwell, or 3-2's door access.
        found = problems.attempt(_building, typed.building, typed.unit)
        if found is not None:
            building_id, unit_id = found
    if place_kind is PlaceKind.STAIRWELL and not typed.building.strip() and room is None:
        problems.append(
            ValidationError("building", QT_TRANSLATE_NOOP("messages", "choose the stairwell's building"))
        )
    if place_kind is PlaceKind.FACILITY:
        facility_id = typed.facility_id
        if (
            facility_id is None
            or not execute("SELECT 1 FROM repair_facility WHERE id = ?", (facility_id,)).fetchone()
        ):
            problems.append(
                ValidationError(
                    "facility", QT_TRANSLATE_NOOP("messages", "choose a facility from the register")
                )
            )
    if place_kind is PlaceKind.OTHER and not place_text and room is None:
        problems.append(ValidationError("place", QT_TRANSLATE_NOOP("messages", "say where the work is")))
    if problems:
        raise InputRejected(problems)
    assert received is not None and category is not None and isinstance(kind, OrderKind)
    assert isinstance(urgency, Urgency) and isinstance(channel, Channel) and isinstance(place_kind, PlaceKind)
    if received > now():
        require_confirmed(
            [
                Caution(
                    FUTURE_CAUTION,
                    "received",
                    QT_TRANSLATE_NOOP("messages", "the order is received at {at}, which is in the future"),
                    at=format_time(received),
                )
            ],
            confirmed,
        )
    room_id = room[0] if room else None
    if building_id is None and room is not None and place_kind in (PlaceKind.ROOM, PlaceKind.STAIRWELL):
        # The caller's building is the work's only when the work is in the room or its stairwell.
        building_id, unit_id = room[1], room[2]
    with writing(Records.REPAIRS):
        due = deadlines(received, category, urgency, work_calendar(), limits())
        stamp, actor = now_utc(), current_actor()
        order_id = insert(
            "INSERT INTO repair_order (received_at, channel, kind, category, urgency, reporter_room_id,"
            " reporter_name, reporter_phone, place_kind, place_room_id, building_id, unit_id, facility_id,"
            " place_text, description, upkeep, arrive_due, finish_due, calendar, created_at, created_by,"
            " last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                format_time(received),
                channel.value,
                kind.value,
                category,
                urgency.value,
                room_id,
                reporter_name,
                (phone[0] or phone[1] or "") if phone else "",
                place_kind.value,
                room_id if place_kind is PlaceKind.ROOM else None,
                building_id,
                unit_id,
                facility_id,
                place_text,
                description,
                int(typed.upkeep),
                format_time(due.arrive) if due.arrive else None,
                format_time(due.finish) if due.finish else None,
                due.calendar.value,
                stamp,
                actor,
                format_time(received),
            ),
        )
        _insert_step(order_id, Step.RECEIVE, received)
        audit.record(
            "create",
            "repair_order",
            order_id,
            after={
                "received": format_time(received),
                "category": category,
                "urgency": urgency.value,
                "kind": kind.value,
                "place": place_kind.value,
                "description": description,
                "phone": (phone[0] or phone[1] or "") if phone else "",
            },
            room_id=room_id,
            room_code=typed.room.strip() or None,
        )
    timing = Timing(due.arrive, due.finish, None, None)
    return OrderCreated(order_id, order_number(order_id), due.arrive, due.finish, timing.due(), due.calendar)


@dataclass(frozen=True)
class _Order:
    id: int
    kind: OrderKind
    state: State
    paused_from: State | None
    received: datetime
    last_at: datetime
    room_id: int | None
    reporter_room_id: int | None
    worker: str | None
    category: str
    urgency: Urgency


def _order(order_id: int) -> _Order:
    row = execute(
        "SELECT id, kind, state, paused_from, received_at, last_at, place_room_id, reporter_room_id, worker,"
        " category, urgency FROM repair_order WHERE id = ?",
        (order_id,),
    ).fetchone()
    if row is None:
        raise unknown_order(order_id)
    return _Order(
        int(row[0]),
        OrderKind(row[1]),
        State(row[2]),
        State(row[3]) if row[3] else None,
        datetime.fromisoformat(row[4]),
        datetime.fromisoformat(row[5]),
        row[6],
        row[7],
        row[8],
        str(row[9]),
        Urgency(row[10]),
    )


def unknown_order(order_id: int) -> NotFound:
    """The refusal of an order number that names no order."""
    return NotFound(QT_TRANSLATE_NOOP("messages", "no repair order has the number {number}"), number=order_id)


def _insert_step(order_id: int, step: Step, at: datetime, **values: object) -> int:
    columns = ["order_id", "kind", "at", *values, "recorded_at", "actor"]
    return insert(
        f"INSERT INTO repair_step ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        (order_id, step.value, format_time(at), *values.values(), now_utc(), current_actor()),
    )


def _advance(
    order_id: int,
    step: Step,
    at_value: datetime | str | None,
    problems: Problems | None = None,
    satisfied: bool | None = None,
) -> tuple[_Order, State, datetime]:
    """Check that ``step`` may follow where the order is, at that time: the new state and the time."""
    problems = problems if problems is not None else Problems()
    order = _order(order_id)
    at = problems.attempt(read_moment, at_value)
    new_state = problems.attempt(
        next_state, order.state, step, order.kind, satisfied, order.paused_from, order.worker is not None
    )
    if at is not None and new_state is not None:
        problems.attempt(check_step_time, at, order.received, order.last_at, step)
    if problems:
        raise InputRejected(problems)
    assert at is not None and new_state is not None
    return order, new_state, at


def _moved(order: _Order, state: State, at: datetime, **summary: object) -> None:
    assignments = ", ".join(f"{column} = ?" for column in summary)
    execute(
        f"UPDATE repair_order SET state = ?, last_at = ?{', ' if summary else ''}{assignments} WHERE id = ?",
        (state.value, format_time(max(at, order.last_at)), *summary.values(), order.id),
    )


def _audit(step: Step, order: _Order, after: dict[str, object]) -> None:
    audit.record(
        step.value, "repair_order", order.id, after=after, room_id=order.room_id or order.reporter_room_id
    )


def dispatch(
    order_id: int, worker: str, phone: str = "", contractor: bool = False, at: datetime | str | None = None
) -> StepDone:
    """Send the order to a worker of the office or an outside contractor (again, to change who)."""
    problems = Problems()
    name = worker.strip()
    if not name:
        problems.append(
            ValidationError("worker", QT_TRANSLATE_NOOP("messages", "name the worker it goes to"))
        )
    else:
        problems.attempt(check_text, name, "worker")
    read = problems.attempt(read_phone, phone, "worker_phone") if phone.strip() else None
    number = (read[0] or read[1] or "") if read else ""
    with writing(Records.REPAIRS):
        order, state, moment = _advance(order_id, Step.DISPATCH, at, problems)
        _insert_step(
            order.id, Step.DISPATCH, moment, worker=name, worker_phone=number, contractor=int(contractor)
        )
        _moved(order, state, moment, worker=name, worker_phone=number, paused_from=None)
        _audit(Step.DISPATCH, order, {"worker": name, "phone": number, "contractor": contractor})
    return StepDone(order.id, state)


def start(order_id: int, at: datetime | str | None = None) -> StepDone:
    """Someone is on site and the work begins (or resumes after a pause)."""
    with writing(Records.REPAIRS):
        order, state, moment = _advance(order_id, Step.START, at)
        _insert_step(order.id, Step.START, moment)
        execute(
            "UPDATE repair_order SET arrived_at = COALESCE(arrived_at, ?) WHERE id = ?",
            (format_time(moment), order.id),
        )
        _moved(order, state, moment, paused_from=None)
        _audit(Step.START, order, {"at": format_time(moment)})
    return StepDone(order.id, state)


def finish(order_id: int, typed: DoneInput) -> StepDone:
    """Record the work as done: what, materials, costs and who pays. Refused field by field.

    The maintenance fund pays only on an owners' decision (a vote of the votes tab) or as
    emergency use; without either the work is still recorded, and the clerk is told.
    """
    problems = Problems()
    work = typed.work.strip()
    if not work:
        problems.append(ValidationError("work", QT_TRANSLATE_NOOP("messages", "say what was done")))
    else:
        problems.attempt(check_text, work, "work", True)
    materials = typed.materials.strip()
    problems.attempt(check_text, materials, "materials", True)
    materials_fen = problems.attempt(read_cost, typed.materials_cost, "materials_cost")
    labour_fen = problems.attempt(read_cost, typed.labour_cost, "labour_cost")
    payer = problems.attempt(_choice, Payer, typed.payer, "payer")
    notices: list[Notice] = []
    if payer is Payer.FUND:
        if typed.vote_id is not None:
            if execute("SELECT 1 FROM vote WHERE id = ?", (typed.vote_id,)).fetchone() is None:
                problems.append(
                    ValidationError(
                        "vote",
                        QT_TRANSLATE_NOOP("messages", "no vote has the number {number}"),
                        number=typed.vote_id,
                    )
                )
            else:
                notices += fund_vote_notices(typed.vote_id)
        elif not typed.emergency_use:
            notices.append(fund_notice())
    with writing(Records.REPAIRS):
        order, state, moment = _advance(order_id, Step.DONE, typed.at, problems)
        assert isinstance(payer, Payer)
        # A rework's done adds to what the order cost before: the first done's costs are not lost.
        before = execute("SELECT cost_fen FROM repair_order WHERE id = ?", (order.id,)).fetchone()[0]
        typed_costs = [fen for fen in (before, materials_fen, labour_fen) if fen is not None]
        cost = sum(typed_costs) if typed_costs else None  # None: no cost was ever given
        _insert_step(
            order.id,
            Step.DONE,
            moment,
            work=work,
            materials=materials,
            materials_fen=materials_fen,
            labour_fen=labour_fen,
            payer=payer.value,
            vote_id=typed.vote_id if payer is Payer.FUND else None,
            emergency_use=int(typed.emergency_use) if payer is Payer.FUND else None,
        )
        execute(
            "UPDATE repair_order SET done_at = COALESCE(done_at, ?) WHERE id = ?",
            (format_time(moment), order.id),
        )
        _moved(order, state, moment, payer=payer.value, cost_fen=cost, rework_due=None)
        _audit(Step.DONE, order, {"work": work, "cost_fen": cost, "payer": payer.value})
    return StepDone(order.id, state, tuple(notices))


def fund_vote_notices(vote_id: int) -> list[Notice]:
    """What is amiss with spending the maintenance fund on ``vote_id``: nothing once it approved it.

    Only a motion the owners passed approves spending: an election or a petition decides no
    spending, a vote still open has not decided yet, and a motion that failed refused it.
    """
    kind, closed = execute("SELECT kind, closed_at FROM vote WHERE id = ?", (vote_id,)).fetchone()
    if kind in ("election", "petition"):
        return [
            Notice(
                QT_TRANSLATE_NOOP(
                    "messages", "vote {number} decides no spending: link the motion that approved it"
                ),
                number=vote_id,
            )
        ]
    if closed is None:
        return [
            Notice(
                QT_TRANSLATE_NOOP(
                    "messages", "vote {number} is still open: the fund's spending is not approved yet"
                ),
                number=vote_id,
            )
        ]
    motion = count(vote_id).tally.motion
    if motion is None or not motion.passed:
        return [
            Notice(
                QT_TRANSLATE_NOOP(
                    "messages", "vote {number} did not pass: it approved no spending of the fund"
                ),
                number=vote_id,
            )
        ]
    return []


def fund_notice() -> Notice:
    """What the clerk is told of the maintenance fund spent without a decision or emergency use."""
    return Notice(
        QT_TRANSLATE_NOOP(
            "messages",
            "the maintenance fund pays without an owners' decision:"
            " link the vote that approved it, or mark it as emergency use",
        )
    )


def visit(
    order_id: int, satisfied: bool, comment: str = "", caller: str = "", at: datetime | str | None = None
) -> StepDone:
    """The return visit (回访): satisfied closes the loop; not satisfied reopens the order (rework)."""
    problems = Problems()
    problems.attempt(check_text, comment.strip(), "comment", True)
    problems.attempt(check_text, caller.strip(), "caller")
    with writing(Records.REPAIRS):
        order, state, moment = _advance(order_id, Step.VISIT, at, problems, satisfied)
        who = caller.strip() or current_actor()
        _insert_step(
            order.id, Step.VISIT, moment, satisfied=int(satisfied), comment=comment.strip(), caller=who
        )
        execute(
            "UPDATE repair_order SET visits = visits + 1, satisfied_visits = satisfied_visits + ?,"
            " reworks = reworks + ? WHERE id = ?",
            (int(satisfied), int(not satisfied), order.id),
        )
        rework_due = None
        if not satisfied:  # the rework is due within the category's own limit, counted from the visit
            due = deadlines(moment, order.category, order.urgency, work_calendar(), limits())
            again = due.finish or due.arrive
            rework_due = format_time(again) if again else None
        _moved(order, state, moment, rework_due=rework_due)
        _audit(Step.VISIT, order, {"satisfied": satisfied, "comment": comment.strip(), "caller": who})
    return StepDone(order.id, state)


def close(order_id: int, charge: bool = True, at: datetime | str | None = None) -> StepDone:
    """Close the order; when the owner pays a cost, put it on the room's fee account (unless told not to)."""
    with writing(Records.REPAIRS):
        order, state, moment = _advance(order_id, Step.CLOSE, at)
        # The owner owes what each done step the owner pays cost (a rework may be paid otherwise).
        owner_cost, work = execute(
            "SELECT SUM(CASE WHEN s.payer = ? THEN COALESCE(s.materials_fen, 0) + COALESCE(s.labour_fen, 0)"
            " END),"
            " (SELECT w.work FROM repair_step w WHERE w.order_id = ? AND w.kind = 'done' ORDER BY w.id DESC"
            " LIMIT 1) FROM repair_step s WHERE s.order_id = ? AND s.kind = 'done'",
            (Payer.OWNER.value, order.id, order.id),
        ).fetchone()
        notices: list[Notice] = []
        entry_id = None
        owed = int(owner_cost or 0)
        room_id = order.room_id or order.reporter_room_id
        if owed and charge:
            if room_id is None:
                notices.append(
                    Notice(
                        QT_TRANSLATE_NOOP(
                            "messages", "the owner pays, but the order names no room: nothing was charged"
                        )
                    )
                )
            else:
                entry_id = charge_repair(
                    room_id, owed, moment.date(), f"报修单{order_number(order.id)}", str(work or "")[:200]
                )
        _insert_step(order.id, Step.CLOSE, moment, ledger_entry_id=entry_id)
        _moved(order, state, moment, closed_at=format_time(moment))
        _audit(Step.CLOSE, order, {"charge_entry": entry_id, "charge_fen": owed if entry_id else 0})
    return StepDone(order.id, state, tuple(notices), entry_id, owed if entry_id else 0)


def pause(order_id: int, reason: str, at: datetime | str | None = None) -> StepDone:
    """Pause the order (waiting for parts, no access…), with the reason; a dispatch or start resumes it."""
    return _with_reason(order_id, Step.PAUSE, reason, at)


def cancel(order_id: int, reason: str, at: datetime | str | None = None) -> StepDone:
    """Cancel an order whose work is not done (a duplicate call, the owner fixed it…), with the reason."""
    return _with_reason(order_id, Step.CANCEL, reason, at)


def _with_reason(order_id: int, step: Step, reason: str, at: datetime | str | None) -> StepDone:
    problems = Problems()
    typed = reason.strip()
    if not typed:
        problems.append(ValidationError("reason", QT_TRANSLATE_NOOP("messages", "give the reason")))
    else:
        problems.attempt(check_text, typed, "reason", True)
    with writing(Records.REPAIRS):
        order, state, moment = _advance(order_id, step, at, problems)
        _insert_step(order.id, step, moment, reason=typed)
        if step is Step.PAUSE:
            _moved(order, state, moment, paused_from=order.state.value)
        else:
            _moved(order, state, moment, closed_at=format_time(moment))
        _audit(step, order, {"reason": typed})
    return StepDone(order.id, state)


def note(order_id: int, text: str) -> StepDone:
    """A follow-up note (日清日审), timed now; any order takes one, closed or not."""
    typed = text.strip()
    if not typed:
        raise InputRejected([ValidationError("text", QT_TRANSLATE_NOOP("messages", "the note is empty"))])
    check_text(typed, "text", True)
    with writing(Records.REPAIRS):
        order = _order(order_id)
        moment = now()
        _insert_step(order.id, Step.NOTE, moment, text=typed)
        execute(
            "UPDATE repair_order SET last_note = ?, last_note_at = ? WHERE id = ?",
            (typed, format_time(moment), order.id),
        )
        _audit(Step.NOTE, order, {"text": typed})
    return StepDone(order.id, order.state)


def add_photo(order_id: int, data: bytes, name: str = "") -> int:
    """Keep a photo with the order, shrunk to at most 1600 pixels a side as JPEG; return its id."""
    width, height, jpeg = shrink_photo(data, name)
    with writing(Records.REPAIRS):
        order = _order(order_id)
        moment = now()
        step_id = _insert_step(order.id, Step.PHOTO, moment, text=name)
        photo_id = insert(
            "INSERT INTO repair_photo (order_id, step_id, name, width, height, jpeg, added_at, actor)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (order.id, step_id, name, width, height, jpeg, now_utc(), current_actor()),
        )
        _audit(Step.PHOTO, order, {"photo": photo_id, "name": name, "bytes": len(jpeg)})
    return photo_id


def photo_jpeg(photo_id: int) -> bytes:
    """A kept photo's JPEG bytes."""
    row = execute("SELECT jpeg FROM repair_photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "the photo is no longer in the file"))
    return bytes(row[0])
