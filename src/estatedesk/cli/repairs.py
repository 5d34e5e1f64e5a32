"""``repairs …``: the repair log (报修台账) from the command line (RULES.md §4).

Orders are opened and taken through their flow (dispatch, start, done, visit, close; pause,
cancel, notes), listed, reviewed on the daily board, counted by month and printed, all through the
same services as the window. Times are typed as the office's wall clock, ``YYYY-MM-DD HH:MM``;
``--json`` gives them in ISO 8601 with the local offset, and money in fen. A received time in the
future is accepted here (orders typed in from paper, checks of a later year's calendar). A
deadline counted without the statutory calendar says so wherever it is shown. A refusal names the
option it is about (``--text: say what is wrong: the description is empty``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

from estatedesk.cli.common import (
    EXIT_OK,
    Handler,
    Invocation,
    Subcommands,
    add_command,
    positive,
)
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.domain.fees import parse_month
from estatedesk.domain.households import typed_room_code
from estatedesk.domain.money import format_yuan
from estatedesk.domain.repairs import Punctuality, format_time, parse_time
from estatedesk.domain.workdays import CalendarSource
from estatedesk.services import repairs
from estatedesk.services.repairs import (
    DoneInput,
    Holidays,
    MonthFigures,
    OrderDetail,
    OrderFilter,
    OrderInput,
    OrderRow,
    StepDone,
    StepView,
)
from estatedesk.services.repairs.records import ON_TIME_TARGET, REWORK_LIMIT, VISIT_TARGET

WORDS = ("repairs",)

# The option each service field is typed in, where it is not ``--`` and the field's name.
_FIELD_OPTIONS = {
    "description": "--text",
    "labour_cost": "--cost",
    "worker": "--to",
    "worker_phone": "--phone",
    "step": "ID",  # a step out of order: the order it was asked of
    "building": "--place",
    "unit": "--place",
    "facility": "--place",
}
_URGENCIES = "emergency|normal"
_KINDS = "repair|complaint|enquiry"
_CHANNELS = "phone|walk-in|patrol|group-chat|complaint-box"
_PAYERS = "owner|estate|fund"
# What a deadline says when it was not counted with the statutory calendar (RULES.md §4).
_CALENDAR_WORDS = {
    CalendarSource.OFFICE: "counted with the office's holiday table",
    CalendarSource.WEEKENDS_ONLY: "counted with weekends only: that year's holidays are not known yet",
}


def register(commands: Subcommands, _imports: Subcommands, _exports: Subcommands) -> None:
    """Add ``repairs`` and its commands to the parser; it imports and exports nothing of its own."""
    area = commands.add_parser(
        "repairs", help="the repair log: work orders, their deadlines, the daily board, monthly figures"
    )
    words = area.add_subparsers(dest="repairs_command", required=True, metavar="COMMAND")
    _register_intake(words)
    _register_steps(words)
    _register_reading(words)
    _register_printing(words)
    _register_holidays(words)


def _add(words: Subcommands, word: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    return add_command(words, word, handler, help_text, _FIELD_OPTIONS)


def _order_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order", type=positive, metavar="ID", help="the order's number (see `repairs list`)")


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print the result as JSON (times ISO 8601, money in fen)"
    )


def _clerk_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clerk",
        metavar="NAME",
        help="the clerk doing this, as the order's history records it (default: the system user)",
    )


def _at_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--at", default="", metavar="TIME", help=f"when {what}, YYYY-MM-DD HH:MM (default: now)"
    )


def _as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        dest="as_of",
        default="",
        metavar="TIME",
        help="judge the deadlines at YYYY-MM-DD HH:MM (default: now); states are as they are now",
    )


def _register_intake(words: Subcommands) -> None:
    add = _add(words, "add", run_add, "open a work order: a repair call, a complaint or an enquiry")
    add.add_argument("--received", required=True, metavar="TIME", help="when the call came, YYYY-MM-DD HH:MM")
    # No fixed choices: the office's settings may add categories; the service refuses unknown ones.
    add.add_argument(
        "--category",
        required=True,
        metavar="CAT",
        help="water, electricity, public-glass-door-light, common-part, in-home, noise-smell, complaint,"
        " enquiry, or one the office added",
    )
    add.add_argument(
        "--urgency",
        default="normal",
        metavar=_URGENCIES,
        help="an emergency must have someone on site within 30 minutes (default: normal)",
    )
    add.add_argument("--kind", default="repair", metavar=_KINDS, help="what the call was (default: repair)")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--room", metavar="CODE", help="the room the work is in (the reporter's), e.g. 3-2-501"
    )
    where.add_argument("--place", metavar="TEXT", help="where the work is, in words, e.g. 3号楼北侧路灯")
    add.add_argument("--text", required=True, metavar="TEXT", help="what is wrong")
    add.add_argument(
        "--channel", default="phone", metavar=_CHANNELS, help="how the call came (default: phone)"
    )
    add.add_argument(
        "--reporter", default="", metavar="NAME", help="the caller's name, when it is not a room's"
    )
    add.add_argument("--phone", default="", metavar="PHONE", help="the number to call back")
    _clerk_option(add)
    _json_option(add)


def _register_steps(words: Subcommands) -> None:
    dispatch = _add(words, "dispatch", run_dispatch, "send an order to a worker (again, to change who)")
    _order_argument(dispatch)
    dispatch.add_argument("--to", required=True, metavar="NAME", help="the worker or contractor")
    dispatch.add_argument("--phone", default="", metavar="PHONE", help="the worker's phone")
    dispatch.add_argument("--contractor", action="store_true", help="an outside contractor, not the office's")
    _at_option(dispatch, "it was dispatched")
    _step_options(dispatch)

    start = _add(words, "start", run_start, "someone is on site and the work begins (or resumes)")
    _order_argument(start)
    _at_option(start, "they arrived")
    _step_options(start)

    done = _add(words, "done", run_done, "record the work as done: what, materials, cost, who pays")
    _order_argument(done)
    done.add_argument("--work", required=True, metavar="TEXT", help="what was done")
    done.add_argument(
        "--cost",
        default="",
        metavar="YUAN",
        help="the labour cost (the whole cost when materials are not given separately), up to 2 decimals",
    )
    done.add_argument("--materials", default="", metavar="TEXT", help="the materials used")
    done.add_argument("--materials-cost", default="", metavar="YUAN", help="what the materials cost")
    done.add_argument(
        "--payer",
        default="estate",
        metavar=_PAYERS,
        help="who pays: the owner (charged on closing), the estate's budget (default), the maintenance fund",
    )
    done.add_argument(
        "--vote", type=positive, metavar="ID", help="the owners' vote that approved spending the fund"
    )
    done.add_argument(
        "--emergency-use", action="store_true", help="the maintenance fund spent as emergency use (应急使用)"
    )
    _at_option(done, "the work was done")
    _step_options(done)

    visit = _add(words, "visit", run_visit, "the return visit (回访): not satisfied reopens the order")
    _order_argument(visit)
    visit.add_argument("--satisfied", required=True, choices=("yes", "no"), help="was the owner satisfied")
    visit.add_argument("--comment", default="", metavar="TEXT", help="what the owner said")
    visit.add_argument("--caller", default="", metavar="NAME", help="who called (default: the clerk)")
    _at_option(visit, "the visit was made")
    _step_options(visit)

    close = _add(
        words, "close", run_close, "close an order; when the owner pays, charge the room's fee account"
    )
    _order_argument(close)
    close.add_argument(
        "--no-charge", action="store_true", help="do not put the owner's cost on the room's fee account"
    )
    _at_option(close, "it was closed")
    _step_options(close)

    for word, handler, help_text in (
        ("pause", run_pause, "pause an order (waiting for parts, no access…); dispatch or start resumes it"),
        ("cancel", run_cancel, "cancel an order whose work is not done"),
    ):
        parser = _add(words, word, handler, help_text)
        _order_argument(parser)
        parser.add_argument("--reason", required=True, metavar="TEXT", help="why")
        _at_option(parser, f"it was {'paused' if word == 'pause' else 'cancelled'}")
        _step_options(parser)

    note = _add(words, "note", run_note, "a follow-up note on an order (日清日审), timed now")
    _order_argument(note)
    note.add_argument("--text", required=True, metavar="TEXT", help="the note")
    _step_options(note)


def _step_options(parser: argparse.ArgumentParser) -> None:
    _clerk_option(parser)
    _json_option(parser)


def _register_reading(words: Subcommands) -> None:
    listing = _add(words, "list", run_list, "list the orders, newest first, with their deadlines")
    listing.add_argument("--open", action="store_true", help="only orders not closed or cancelled")
    listing.add_argument("--overdue", action="store_true", help="only orders overdue at --as-of")
    _as_of_option(listing)
    listing.add_argument("--category", default="", metavar="CAT", help="only this category")
    listing.add_argument("--building", default="", metavar="B", help="only this building's orders")
    listing.add_argument("--worker", default="", metavar="NAME", help="only the orders of this worker")
    listing.add_argument(
        "--from", dest="first", default="", metavar="DATE", help="only orders received on or after this day"
    )
    listing.add_argument(
        "--to", dest="last", default="", metavar="DATE", help="only orders received on or before this day"
    )
    _json_option(listing)

    show = _add(words, "show", run_show, "an order whole: as received, its deadlines and its steps")
    _order_argument(show)
    _as_of_option(show)
    _json_option(show)

    board = _add(
        words, "board", run_board, "the daily review (日清日审): every open order, the overdue first"
    )
    _as_of_option(board)
    board.add_argument(
        "--pdf", type=Path, metavar="FILE", help="print the board as the daily sheet to this PDF"
    )
    _json_option(board)

    stats = _add(
        words, "stats", run_stats, "a month's figures: on-time, return-visit, satisfaction and rework rates"
    )
    stats.add_argument(
        "--month", required=True, metavar="YYYY-MM", help="the month the orders were received in"
    )
    _as_of_option(stats)
    _json_option(stats)


def _register_printing(words: Subcommands) -> None:
    sheet = _add(words, "sheet", run_sheet, "print an order's work order sheet (派工单) for the worker")
    _order_argument(sheet)
    sheet.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF file to write")

    report = _add(words, "report", run_report, "print a month's report of the repair log")
    report.add_argument(
        "--month", required=True, metavar="YYYY-MM", help="the month the orders were received in"
    )
    report.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF file to write")
    _as_of_option(report)


def _register_holidays(words: Subcommands) -> None:
    holidays = words.add_parser(
        "holidays", help="the office's holiday table, for years the statutory calendar does not know yet"
    )
    holiday_words = holidays.add_subparsers(dest="holidays_command", required=True, metavar="COMMAND")

    enter = _add(
        holiday_words,
        "import",
        run_holidays_import,
        "enter years' holidays from a table of days: date, and 休 (holiday) or 班 (working day)",
    )
    enter.add_argument("file", type=Path, metavar="FILE", help="a .csv or .xlsx file")
    _clerk_option(enter)
    _json_option(enter)

    listing = _add(holiday_words, "list", run_holidays_list, "the years the office entered, with their days")
    _json_option(listing)

    remove = _add(
        holiday_words, "remove", run_holidays_remove, "forget a year's table: it counts weekends only"
    )
    remove.add_argument("year", type=positive, metavar="YEAR", help="the year, e.g. 2031")
    _clerk_option(remove)


# ---------------------------------------------------------------- what the commands share


def _iso(moment: datetime | None) -> str | None:
    """A wall-clock time as ``--json`` gives it: ISO 8601 with the local offset."""
    return None if moment is None else moment.astimezone().isoformat()


def _time_words(moment: datetime | None) -> str:
    return "-" if moment is None else format_time(moment)


def _as_of(text: str) -> datetime:
    """``--as-of`` as a time; empty is now."""
    return parse_time(text, "--as-of") if text.strip() else datetime.now().replace(second=0, microsecond=0)


def _number(order_id: int) -> str:
    return repairs.order_number(order_id)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _due_words(due: datetime | None, calendar: CalendarSource) -> str:
    """A deadline, and the calendar it was counted with unless that is the statutory one."""
    if due is None:
        return "no time limit"
    note = _CALENDAR_WORDS.get(calendar)
    return format_time(due) + (f" ({note})" if note else "")


def _masked_phone(phone: str) -> str:
    """A reporter's phone as shown (RULES.md §2), masked as the work order sheet masks it."""
    from estatedesk.services.repairs import documents  # no fpdf2 until a document is printed

    return documents.masked_phone(phone)


def _room_code(text: str) -> str:
    """A room typed as the window reads it (3-2-501, full-width, 3号楼2单元501室) as its code."""
    return typed_room_code(text) or text.strip()


def _step_result(run: Invocation, done: StepDone, words: str, charge: bool = False) -> int:
    """Print a step's outcome: ``words``, or JSON; what the clerk must be told goes to stderr too."""
    notices = [notice.message for notice in done.notices]
    if run.args.json:
        result: dict[str, object] = {"order": done.order_id, "state": done.state.value, "notices": notices}
        if charge:
            result["charge_fen"] = done.charge_fen
        run.say_json(result)
        return EXIT_OK
    run.say(words)
    for notice in notices:
        _warn(notice)
    return EXIT_OK


def _warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def _at(text: str) -> str | None:
    return text if text.strip() else None


# ---------------------------------------------------------------- opening an order


def run_add(run: Invocation) -> int:
    """Open an order with its deadlines by the office's limits; a future time is taken as given."""
    args = run.args
    room = _room_code(args.room) if args.room is not None else ""
    place = (args.place or "").strip()
    if args.place is not None and not place:
        raise ValidationError("--place", "say where the work is")
    created = repairs.add_order(
        OrderInput(
            received=args.received,
            category=args.category,
            description=args.text,
            kind=args.kind,
            urgency=args.urgency,
            channel=args.channel,
            room=room,
            reporter_name=args.reporter,
            reporter_phone=args.phone,
            place_kind="other" if args.place is not None else "",
            place_text=place,
        ),
        confirmed={"received_in_future"},
    )
    if args.json:
        run.say_json(
            {"order": created.order_id, "due": _iso(created.due), "calendar": created.calendar.value}
        )
        return EXIT_OK
    run.say(f"opened order {created.number}: {args.category.strip()}, {args.urgency.strip()}")
    if created.arrive_due is not None:
        run.say(f"on site by {format_time(created.arrive_due)}")
    if created.finish_due is not None:
        run.say(f"done by {format_time(created.finish_due)}")
    if created.arrive_due is None and created.finish_due is None:
        run.say("no time limit for this category")
    if created.calendar in _CALENDAR_WORDS:
        hint = (
            " (enter them with `estatedesk repairs holidays import FILE`)"
            if created.calendar is CalendarSource.WEEKENDS_ONLY
            else ""
        )
        run.say(f"note: the deadlines were {_CALENDAR_WORDS[created.calendar]}{hint}")
    return EXIT_OK


# ---------------------------------------------------------------- the flow


def run_dispatch(run: Invocation) -> int:
    """Send the order to a worker of the office or an outside contractor."""
    args = run.args
    done = repairs.dispatch(args.order, args.to, args.phone, args.contractor, _at(args.at))
    who = args.to.strip() + (" (contractor)" if args.contractor else "")
    return _step_result(run, done, f"order {_number(done.order_id)} is dispatched to {who}")


def run_start(run: Invocation) -> int:
    """Someone is on site: the arrival the on-site limits measure."""
    done = repairs.start(run.args.order, _at(run.args.at))
    words = f"order {_number(done.order_id)} is in progress"
    row = repairs.order_row(done.order_id)
    arrival = row.timing.arrival(datetime.max)
    if arrival is not None and row.timing.arrive_due is not None:
        words += f"; arrival {arrival.value} (due {_due_words(row.timing.arrive_due, row.calendar)})"
    return _step_result(run, done, words)


def run_done(run: Invocation) -> int:
    """Record the work as done; the maintenance fund without a decision is done, with a warning."""
    args = run.args
    done = repairs.finish(
        args.order,
        DoneInput(
            work=args.work,
            materials=args.materials,
            materials_cost=args.materials_cost,
            labour_cost=args.cost,
            payer=args.payer,
            vote_id=args.vote,
            emergency_use=args.emergency_use,
            at=args.at,
        ),
    )
    detail = repairs.order_detail(done.order_id)
    words = f"order {_number(done.order_id)} is done"
    if detail.cost_fen:
        words += f": {format_yuan(detail.cost_fen)} yuan, paid by {args.payer.strip()}"
    timing = detail.row.timing
    completion = timing.completion(datetime.max)
    if completion is not None:
        words += f"; completion {completion.value} (due {_due_words(timing.finish_due, detail.row.calendar)})"
    return _step_result(run, done, words)


def run_visit(run: Invocation) -> int:
    """The return visit; not satisfied reopens the order for rework, to the same worker."""
    args = run.args
    done = repairs.visit(args.order, args.satisfied == "yes", args.comment, args.caller, _at(args.at))
    if args.satisfied == "yes":
        words = f"order {_number(done.order_id)} is visited: the owner is satisfied"
    else:
        worker = repairs.order_row(done.order_id).worker
        words = f"order {_number(done.order_id)} is reopened for rework: dispatched to {worker} again"
    return _step_result(run, done, words)


def run_close(run: Invocation) -> int:
    """Close the order; the owner's cost goes on the room's fee account unless ``--no-charge``."""
    args = run.args
    done = repairs.close(args.order, charge=not args.no_charge, at=_at(args.at))
    words = f"order {_number(done.order_id)} is closed"
    if done.charge_fen:
        room = repairs.order_detail(done.order_id).room_code
        words += f"; charged {format_yuan(done.charge_fen)} yuan to the fee account of room {room}"
    return _step_result(run, done, words, charge=True)


def run_pause(run: Invocation) -> int:
    """Pause the order with the reason."""
    done = repairs.pause(run.args.order, run.args.reason, _at(run.args.at))
    return _step_result(run, done, f"order {_number(done.order_id)} is paused: {run.args.reason.strip()}")


def run_cancel(run: Invocation) -> int:
    """Cancel the order with the reason."""
    done = repairs.cancel(run.args.order, run.args.reason, _at(run.args.at))
    return _step_result(run, done, f"order {_number(done.order_id)} is cancelled: {run.args.reason.strip()}")


def run_note(run: Invocation) -> int:
    """A follow-up note on the order, timed now."""
    done = repairs.note(run.args.order, run.args.text)
    return _step_result(run, done, f"noted on order {_number(done.order_id)} ({done.state.value})")


# ---------------------------------------------------------------- reading


def run_list(run: Invocation) -> int:
    """The orders the filters let through, newest first; a table, or JSON."""
    args = run.args
    as_of = _as_of(args.as_of)
    problems: list[ValidationError] = []
    first = last = None
    try:
        first = parse_date(args.first, "--from")
    except ValidationError as error:
        problems.append(error)
    try:
        last = parse_date(args.last, "--to")
    except ValidationError as error:
        problems.append(error)
    if problems:
        raise InputRejected(problems)
    rows = repairs.list_orders(
        OrderFilter(
            category=args.category.strip(),
            building=args.building.strip(),
            worker=args.worker.strip(),
            received_from=first,
            received_to=last,
            open_only=args.open,
            overdue_as_of=as_of if args.overdue else None,
        )
    )
    if args.json:
        run.say_json({"orders": [_row_json(row, as_of) for row in rows]})
        return EXIT_OK
    if not rows:
        run.say("no orders")
        return EXIT_OK
    for row in rows:
        run.say(_row_line(row, as_of))
    overdue = sum(1 for row in rows if row.overdue(as_of))
    run.say(f"{_count(len(rows), 'order')}, {overdue} overdue at {format_time(as_of)}")
    return EXIT_OK


def _row_json(row: OrderRow, as_of: datetime) -> dict[str, object]:
    return {
        "order": row.order_id,
        "state": row.state.value,
        "category": row.category,
        "received": _iso(row.received),
        "due": _iso(row.due),
        "overdue": row.overdue(as_of),
    }


def _row_line(row: OrderRow, as_of: datetime) -> str:
    flag = "OVERDUE " if row.overdue(as_of) else ""
    worker = f" [{row.worker}]" if row.worker else ""
    return (
        f"{row.number}  {format_time(row.received)}  {row.state.value:<11}  {row.category:<23}"
        f"  {row.place}{worker}  {flag}due {_due_words(row.due, row.calendar)}"
    )


def run_show(run: Invocation) -> int:
    """An order whole: as received, where it stands against its deadlines, its steps (phones masked)."""
    args = run.args
    as_of = _as_of(args.as_of)
    detail = repairs.order_detail(args.order)
    phone = _masked_phone(repairs.reporter_phone(args.order))
    if args.json:
        run.say_json(_detail_json(detail, phone, as_of))
        return EXIT_OK
    for line in _detail_lines(detail, phone, as_of):
        run.say(line)
    for notice in detail.notices:
        _warn(notice.message)
    return EXIT_OK


def _detail_json(detail: OrderDetail, phone: str, as_of: datetime) -> dict[str, object]:
    row = detail.row
    timing = row.timing
    arrival, completion = detail.arrival(as_of), detail.completion(as_of)
    return {
        "order": row.order_id,
        "number": row.number,
        "state": row.state.value,
        "kind": row.kind.value,
        "category": row.category,
        "urgency": row.urgency.value,
        "channel": detail.channel.value,
        "received": _iso(row.received),
        "place_kind": detail.place_kind.value,
        "place": row.place,
        "room": detail.room_code or None,
        "reporter": row.reporter,
        "reporter_phone": phone or None,
        "description": row.description,
        "worker": row.worker or None,
        "worker_phone": detail.worker_phone or None,
        "payer": None if detail.payer is None else detail.payer.value,
        "cost_fen": detail.cost_fen,
        "calendar": row.calendar.value,
        "arrive_due": _iso(timing.arrive_due),
        "finish_due": _iso(timing.finish_due),
        "arrived": _iso(timing.arrived),
        "done": _iso(timing.done),
        "arrival": None if arrival is None else arrival.value,
        "completion": None if completion is None else completion.value,
        "due": _iso(row.due),
        "overdue": row.overdue(as_of),
        "reworks": row.reworks,
        "steps": [_step_json(step) for step in detail.steps],
        "photos": [
            {"photo": photo.photo_id, "name": photo.name, "width": photo.width, "height": photo.height}
            for photo in detail.photos
        ],
        "notices": [notice.message for notice in detail.notices],
    }


def _step_json(step: StepView) -> dict[str, object]:
    return {
        "step": step.kind.value,
        "at": _iso(step.at),
        "actor": step.actor,
        "worker": step.worker or None,
        "worker_phone": step.worker_phone or None,
        "contractor": step.contractor,
        "work": step.work or None,
        "materials": step.materials or None,
        "materials_fen": step.materials_fen,
        "labour_fen": step.labour_fen,
        "payer": None if step.payer is None else step.payer.value,
        "vote": step.vote_id,
        "emergency_use": step.emergency_use,
        "satisfied": step.satisfied,
        "comment": step.comment or None,
        "caller": step.caller or None,
        "reason": step.reason or None,
        "text": step.text or None,
        "charge_fen": step.charge_fen,
    }


def _standing(verdict: Punctuality | None, due: datetime | None, as_of: datetime) -> str:
    """``on-time``, ``late``, ``3 h 20 min left`` or ``overdue by 1 d 2 h``."""
    if verdict is None or due is None:
        return ""
    if verdict is Punctuality.PENDING:
        return f"{_span(due - as_of)} left"
    if verdict is Punctuality.OVERDUE:
        return f"OVERDUE by {_span(as_of - due)}"
    return verdict.value


def _span(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days} d" if days else "", f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]
    return " ".join(part for part in parts if part) or "0 min"


def _detail_lines(detail: OrderDetail, phone: str, as_of: datetime) -> list[str]:
    row = detail.row
    timing = row.timing
    reporter = row.reporter or "anonymous"
    if phone:
        reporter += f", {phone}"
    lines = [
        f"order {row.number}: {row.state.value}",
        f"received {format_time(row.received)} by {detail.channel.value}: {row.kind.value}, {row.category},"
        f" {row.urgency.value}",
        f"place: {row.place or '-'}",
        f"reporter: {reporter}",
        f"description: {row.description}",
    ]
    if row.worker:
        lines.append(f"worker: {row.worker}" + (f", {detail.worker_phone}" if detail.worker_phone else ""))
    if timing.arrive_due is not None:
        lines.append(
            f"on site by {_due_words(timing.arrive_due, row.calendar)}:"
            f" {_standing(detail.arrival(as_of), timing.arrive_due, as_of)}"
        )
    if timing.finish_due is not None:
        lines.append(
            f"done by {_due_words(timing.finish_due, row.calendar)}:"
            f" {_standing(detail.completion(as_of), timing.finish_due, as_of)}"
        )
    if detail.payer is not None:
        cost = f"{format_yuan(detail.cost_fen)} yuan" if detail.cost_fen is not None else "no cost"
        lines.append(f"cost: {cost}, paid by {detail.payer.value}")
    if row.reworks:
        lines.append(f"reworked: {row.reworks} time{'s' if row.reworks > 1 else ''}")
    lines.append("steps:")
    lines.extend(f"  {_step_words(step)}" for step in detail.steps)
    if detail.photos:
        lines.append(f"photos: {', '.join(photo.name or str(photo.photo_id) for photo in detail.photos)}")
    return lines


def _step_words(step: StepView) -> str:
    said = {
        "dispatch": f"to {step.worker}"
        + (" (contractor)" if step.contractor else "")
        + (f", {step.worker_phone}" if step.worker_phone else ""),
        "done": _done_words(step),
        "visit": ("satisfied" if step.satisfied else "NOT satisfied: rework")
        + (f", {step.comment}" if step.comment else "")
        + (f" (called by {step.caller})" if step.caller else ""),
        "close": f"charged {format_yuan(step.charge_fen)} yuan to the room" if step.charge_fen else "",
        "pause": step.reason,
        "cancel": step.reason,
        "note": step.text,
        "photo": step.text,
    }.get(step.kind.value, "")
    return f"{format_time(step.at)}  {step.kind.value:<8} {said}".rstrip() + f"  ({step.actor})"


def _done_words(step: StepView) -> str:
    parts = [step.work]
    if step.materials:
        parts.append(f"materials: {step.materials}")
    if step.materials_fen is not None:
        parts.append(f"materials {format_yuan(step.materials_fen)} yuan")
    if step.labour_fen is not None:
        parts.append(f"labour {format_yuan(step.labour_fen)} yuan")
    if step.payer is not None:
        payer = f"paid by {step.payer.value}"
        if step.vote_id is not None:
            payer += f" (vote {step.vote_id})"
        elif step.emergency_use:
            payer += " (emergency use)"
        parts.append(payer)
    return ", ".join(parts)


def run_board(run: Invocation) -> int:
    """The daily board: every open order, overdue first, then due today; or its one-page sheet."""
    # Due today as the daily sheet says it; fpdf2 is loaded only to print.
    from estatedesk.services.repairs import documents

    args = run.args
    as_of = _as_of(args.as_of)
    if args.pdf is not None:
        count = documents.print_daily_sheet(args.pdf, as_of)
        if not args.json:
            run.say(f"wrote the daily sheet of {_count(count, 'open order')} to {args.pdf}")
            return EXIT_OK
    rows = repairs.board(as_of)
    if args.json:
        run.say_json(
            {
                "as_of": _iso(as_of),
                "orders": [
                    {
                        **_row_json(row, as_of),
                        "due_today": documents.due_today(row, as_of),
                        "place": row.place,
                        "worker": row.worker or None,
                        "calendar": row.calendar.value,
                        "last_note": row.last_note or None,
                        "last_note_at": _iso(row.last_note_at),
                    }
                    for row in rows
                ],
            }
        )
        return EXIT_OK
    if not rows:
        run.say(f"no open orders at {format_time(as_of)}")
        return EXIT_OK
    overdue = sum(1 for row in rows if row.overdue(as_of))
    today = sum(1 for row in rows if documents.due_today(row, as_of))
    run.say(
        f"daily review at {format_time(as_of)}: {_count(len(rows), 'open order')}, {overdue} overdue,"
        f" {today} due today"
    )
    for row in rows:
        flag = "OVERDUE" if row.overdue(as_of) else "today" if documents.due_today(row, as_of) else ""
        due = row.timing.pending_due()
        line = (
            f"{flag:<7}  {row.number}  {row.state.value:<11}  {row.category:<23}  {row.place}"
            + (f" [{row.worker}]" if row.worker else "")
            + (f"  due {_due_words(due, row.calendar)}" if due is not None else "")
        )
        if row.last_note:
            line += f"  last note {_time_words(row.last_note_at)}: {row.last_note}"
        else:
            line += "  no follow-up yet"
        run.say(line)
    return EXIT_OK


def _month(text: str) -> str:
    return str(parse_month(text, "--month"))


def run_stats(run: Invocation) -> int:
    """A month's figures against RULES.md §4's targets; rates as 4-decimal strings in ``--json``."""
    args = run.args
    month = _month(args.month)
    as_of = _as_of(args.as_of)
    figures = repairs.month_figures(month, as_of)
    if args.json:
        run.say_json(
            {
                "orders": figures.orders,
                "on_time_rate": repairs.format_rate(figures.on_time_rate),
                "visit_rate": repairs.format_rate(figures.visit_rate),
                "satisfaction": repairs.format_rate(figures.satisfaction),
                "rework_rate": repairs.format_rate(figures.rework_rate),
            }
        )
        return EXIT_OK
    for line in _figures_lines(figures):
        run.say(line)
    return EXIT_OK


def _percent(rate: Fraction | None) -> str:
    """A rate as a percent with 2 decimals, rounded half up as --json's 4 decimals are."""
    text = repairs.format_rate(rate)
    if text is None:
        return "-"
    whole, _, decimals = text.partition(".")
    hundredths = int(whole) * 10_000 + int(decimals)
    return f"{hundredths // 100}.{hundredths % 100:02d}%"


def _against(rate: Fraction | None, target: Fraction, at_least: bool) -> str:
    sign = "≥" if at_least else "≤"
    goal = f"target {sign} {float(target) * 100:g}%"
    if rate is None:
        return goal
    met = rate >= target if at_least else rate <= target
    return f"{goal}: {'met' if met else 'MISSED'}"


def _figures_lines(figures: MonthFigures) -> list[str]:
    cancelled = f" ({figures.cancelled} cancelled, not counted)" if figures.cancelled else ""
    lines = [f"{figures.month}: {_count(figures.orders, 'order')}{cancelled}"]
    if figures.by_category:
        lines.append("by category: " + ", ".join(f"{key} {count}" for key, count in figures.by_category))
    if figures.by_kind:
        lines.append("by kind: " + ", ".join(f"{kind.value} {count}" for kind, count in figures.by_kind))
    lines += [
        f"on time: {figures.on_time} of {figures.judged} judged = {_percent(figures.on_time_rate)}"
        f" ({_against(figures.on_time_rate, ON_TIME_TARGET, True)})",
        f"return visits: {figures.visited} of {figures.done} done = {_percent(figures.visit_rate)}"
        f" ({_against(figures.visit_rate, VISIT_TARGET, True)})",
        f"satisfaction: {figures.satisfied_visits} of {_count(figures.visits, 'visit')}"
        f" = {_percent(figures.satisfaction)}",
        f"rework: {figures.reworked} of {figures.done} done = {_percent(figures.rework_rate)}"
        f" ({_against(figures.rework_rate, REWORK_LIMIT, False)})",
        "average time to done: "
        + ("-" if figures.hours_to_done is None else f"{float(figures.hours_to_done):.1f} hours"),
    ]
    return lines


# ---------------------------------------------------------------- printing


def run_sheet(run: Invocation) -> int:
    """Write an order's work order sheet (派工单) to a PDF."""
    from estatedesk.services.repairs import documents  # the printing pulls in fpdf2: only when asked

    repairs.order_row(run.args.order)  # an unknown order is told as such, before any file is made
    documents.print_work_order(run.args.order, run.args.pdf)
    run.say(f"wrote the work order sheet of order {_number(run.args.order)} to {run.args.pdf}")
    return EXIT_OK


def run_report(run: Invocation) -> int:
    """Write a month's report to a PDF."""
    from estatedesk.services.repairs import documents  # the printing pulls in fpdf2: only when asked

    month = _month(run.args.month)
    as_of = _as_of(run.args.as_of) if run.args.as_of.strip() else None
    documents.print_month_report(month, run.args.pdf, as_of)
    run.say(f"wrote the repair report of {month} to {run.args.pdf}")
    return EXIT_OK


# ---------------------------------------------------------------- the office's holiday table


def _holidays_json(held: Holidays) -> dict[str, object]:
    return {
        "year": held.year,
        "holidays": [day.isoformat() for day in held.holidays],
        "working_days": [day.isoformat() for day in held.working_days],
    }


def _days_words(days: Sequence[date]) -> str:
    return ", ".join(day.isoformat() for day in days) or "none"


def run_holidays_import(run: Invocation) -> int:
    """Enter the years of a table of days; a bad row refuses the whole file, naming the row."""
    try:
        years = repairs.import_holidays(run.args.file)
    except InputRejected as rejected:
        # The rows and years are the file's: the refusal names the FILE, its message the row.
        raise InputRejected(
            [ValidationError("FILE", error.template, **error.params) for error in rejected.errors]
        ) from None
    if run.args.json:
        run.say_json({"years": [_holidays_json(held) for held in years]})
        return EXIT_OK
    for held in years:
        run.say(
            f"entered {held.year}: {_count(len(held.holidays), 'holiday')},"
            f" {_count(len(held.working_days), 'swapped working day')}"
        )
    return EXIT_OK


def run_holidays_list(run: Invocation) -> int:
    """The years the office entered, with their holidays and swapped working days."""
    years = repairs.office_years()
    if run.args.json:
        run.say_json({"years": [_holidays_json(held) for held in years]})
        return EXIT_OK
    if not years:
        run.say("the office entered no year: years the statutory calendar does not know count weekends only")
    for held in years:
        run.say(f"{held.year}: holidays {_days_words(held.holidays)}")
        run.say(f"{held.year}: working days {_days_words(held.working_days)}")
    return EXIT_OK


def run_holidays_remove(run: Invocation) -> int:
    """Forget a year's table; orders already received keep their deadlines."""
    repairs.remove_holidays(run.args.year)
    run.say(f"removed the office's table of {run.args.year}: later orders in it count weekends only")
    return EXIT_OK
