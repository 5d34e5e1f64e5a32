"""The repair log's texts and colours, Qt-free: states, categories, time left or late, the calendar caveat.

What the board and the list colour: an order overdue (a deadline still to meet has run out, a
rework's too) in red, one due today (its next deadline falls before midnight) in amber, a deadline
met late in grey (history, not a task); an emergency is marked 【急】 in words, as on paper, since
red means overdue. A deadline at 24:00 is shown as 24:00 of its day, not 00:00 of the next, as the
office says it ("当天24:00前").

Texts are English sources translated in context "repairs"; the service's place words (楼道, 屋面…)
are already Chinese, as printed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.households import mask_landline, mask_phone
from estatedesk.domain.money import format_yuan
from estatedesk.domain.repairs import (
    Category,
    Channel,
    OrderKind,
    Payer,
    PlaceKind,
    Punctuality,
    State,
    Step,
    Urgency,
    next_state,
)
from estatedesk.domain.voting import VoteKind
from estatedesk.domain.workdays import CalendarSource
from estatedesk.gui import labels
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.common import MUTED, grey
from estatedesk.services.repairs import OrderCreated, OrderDetail, OrderRow, StepDone, StepView
from estatedesk.services.votes import VoteView

OVERDUE_COLOUR = "#c0392b"  # text: a deadline run out
DUE_TODAY_COLOUR = "#b9770e"  # text: amber that stays readable on white
ON_TIME_COLOUR = "#1e8449"
LATE_COLOUR = MUTED  # text: a deadline met late; grey, so that red on the board means "chase it"
OVERDUE_BACKGROUND = "#fbe3e1"  # the board's rows
DUE_TODAY_BACKGROUND = "#fdf1d6"
WARNING_BACKGROUND = "#fdf1d6"
REVEAL_PHONE_LINK = "estatedesk:reveal-phone"  # the detail's link that shows the reporter's phone whole
PHOTO_LINK = "estatedesk:photo/"  # + photo id


# ---------------------------------------------------------------- names of the domain's values


def state_text(state: State) -> str:
    """An order's state in the interface language."""
    return {
        State.RECEIVED: translate("repairs", "Received"),
        State.DISPATCHED: translate("repairs", "Dispatched"),
        State.IN_PROGRESS: translate("repairs", "In progress"),
        State.PAUSED: translate("repairs", "Paused"),
        State.DONE: translate("repairs", "Done"),
        State.VISITED: translate("repairs", "Visited"),
        State.CLOSED: translate("repairs", "Closed"),
        State.CANCELLED: translate("repairs", "Cancelled"),
    }[state]


def kind_text(kind: OrderKind) -> str:
    """Repair, complaint or enquiry."""
    return {
        OrderKind.REPAIR: translate("repairs", "Repair"),
        OrderKind.COMPLAINT: translate("repairs", "Complaint"),
        OrderKind.ENQUIRY: translate("repairs", "Enquiry"),
    }[kind]


def channel_text(channel: Channel) -> str:
    """How the call reached the office."""
    return {
        Channel.PHONE: translate("repairs", "Phone"),
        Channel.WALK_IN: translate("repairs", "Walk-in"),
        Channel.PATROL: translate("repairs", "Patrol"),
        Channel.GROUP_CHAT: translate("repairs", "Owners' group chat"),
        Channel.COMPLAINT_BOX: translate("repairs", "Complaint box"),
    }[channel]


def urgency_text(urgency: Urgency) -> str:
    """Emergency (急修) or normal."""
    return (
        translate("repairs", "Emergency") if urgency is Urgency.EMERGENCY else translate("repairs", "Normal")
    )


def place_kind_text(kind: PlaceKind) -> str:
    """Where the work is, as the intake form offers it."""
    return {
        PlaceKind.ROOM: translate("repairs", "The room"),
        PlaceKind.STAIRWELL: translate("repairs", "Stairwell"),
        PlaceKind.ROOF: translate("repairs", "Roof"),
        PlaceKind.DRAINAGE: translate("repairs", "Drainage"),
        PlaceKind.ROAD: translate("repairs", "Road"),
        PlaceKind.LIGHTING: translate("repairs", "Public lighting"),
        PlaceKind.DOOR_ACCESS: translate("repairs", "Door access / intercom"),
        PlaceKind.WATER_PUMP: translate("repairs", "Water pump"),
        PlaceKind.FIRE_EQUIPMENT: translate("repairs", "Fire equipment"),
        PlaceKind.FACILITY: translate("repairs", "A facility of the register"),
        PlaceKind.OTHER: translate("repairs", "Elsewhere (say where)"),
    }[kind]


def payer_text(payer: Payer) -> str:
    """Who pays: the owner, the estate's budget, or the maintenance fund."""
    return {
        Payer.OWNER: translate("repairs", "Owner"),
        Payer.ESTATE: translate("repairs", "Estate budget"),
        Payer.FUND: translate("repairs", "Maintenance fund"),
    }[payer]


def step_text(step: Step) -> str:
    """A step of an order's history."""
    return {
        Step.RECEIVE: translate("repairs", "Received"),
        Step.DISPATCH: translate("repairs", "Dispatched"),
        Step.START: translate("repairs", "On site"),
        Step.DONE: translate("repairs", "Work done"),
        Step.VISIT: translate("repairs", "Return visit"),
        Step.CLOSE: translate("repairs", "Closed"),
        Step.PAUSE: translate("repairs", "Paused"),
        Step.CANCEL: translate("repairs", "Cancelled"),
        Step.NOTE: translate("repairs", "Follow-up note"),
        Step.PHOTO: translate("repairs", "Photo"),
    }[step]


def category_cell_text(row: OrderRow, names: Mapping[str, str]) -> str:
    """A list's category cell: the category's name, marked 【急】 first for an emergency, as on paper."""
    name = names.get(row.category) or category_text(row.category)
    if row.urgency is Urgency.EMERGENCY:
        return translate("repairs", "[Emergency] {category}").format(category=name)
    return name


def category_text(key: str, name: str = "") -> str:
    """A category's name: a built-in one in the interface language, the office's own by the name it gave."""
    if name:
        return name
    builtin = {
        Category.WATER.value: translate("repairs", "Water"),
        Category.ELECTRICITY.value: translate("repairs", "Electricity"),
        Category.PUBLIC_GLASS_DOOR_LIGHT.value: translate("repairs", "Public glass, doors and lights"),
        Category.COMMON_PART.value: translate("repairs", "Other common parts"),
        Category.IN_HOME.value: translate("repairs", "Inside a home"),
        Category.NOISE_SMELL.value: translate("repairs", "Neighbour complaint (noise, smell)"),
        Category.COMPLAINT.value: translate("repairs", "Other complaint"),
        Category.ENQUIRY.value: translate("repairs", "Enquiry"),
    }
    return builtin.get(key, key)


def punctuality_text(verdict: Punctuality) -> str:
    """On time, late, pending or overdue."""
    return {
        Punctuality.ON_TIME: translate("repairs", "on time"),
        Punctuality.LATE: translate("repairs", "late"),
        Punctuality.PENDING: translate("repairs", "pending"),
        Punctuality.OVERDUE: translate("repairs", "overdue"),
    }[verdict]


# ---------------------------------------------------------------- times


def moment_text(moment: datetime | None) -> str:
    """A wall-clock time as orders show it (``2026-10-09 09:30``); '' for none."""
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def due_text(due: datetime | None) -> str:
    """A deadline; one at midnight is 24:00 of the day before (``2026-10-09 24:00``), as said."""
    if due is None:
        return ""
    if due.time() == time():
        return f"{(due - timedelta(days=1)).strftime('%Y-%m-%d')} 24:00"
    return moment_text(due)


def duration_text(span: timedelta) -> str:
    """How long, to the minute, in the two largest units: ``2 h 15 min``, ``1 d 3 h``, ``40 min``."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        if hours:
            return translate("repairs", "{days} d {hours} h").format(days=days, hours=hours)
        return translate("repairs", "{days} d").format(days=days)
    if hours:
        if minutes:
            return translate("repairs", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)
        return translate("repairs", "{hours} h").format(hours=hours)
    return translate("repairs", "{minutes} min").format(minutes=minutes)


def time_left_text(due: datetime, as_of: datetime) -> str:
    """How much time is left before ``due`` (``2 h 15 min left``), or how late it is (``overdue 1 d 3 h``)."""
    if as_of <= due:
        return translate("repairs", "{time} left").format(time=duration_text(due - as_of))
    return translate("repairs", "overdue {time}").format(time=duration_text(as_of - due))


def is_open(row: OrderRow) -> bool:
    """Whether the order still needs something (not closed, not cancelled)."""
    return row.state not in (State.CLOSED, State.CANCELLED)


def due_today(row: OrderRow, as_of: datetime) -> bool:
    """Whether the order's next deadline falls later today (by 24:00), and has not run out."""
    due = row.timing.pending_due() if is_open(row) else None
    if due is None or as_of > due:
        return False
    return due <= _midnight_after(as_of)


def _midnight_after(moment: datetime) -> datetime:
    """24:00 of ``moment``'s day: what is due by then is due today."""
    return datetime.combine(moment.date(), time()) + timedelta(days=1)


def lateness(row: OrderRow) -> timedelta | None:
    """How late the order met its deadlines, at worst (None: it met them all, or is still pending)."""
    late = [span for span in (_arrival_lateness(row), _completion_lateness(row)) if span is not None]
    return max(late) if late else None


def _arrival_lateness(row: OrderRow) -> timedelta | None:
    timing = row.timing
    happened = timing.arrived or timing.done
    if timing.arrive_due is None or happened is None or happened <= timing.arrive_due:
        return None
    return happened - timing.arrive_due


def _completion_lateness(row: OrderRow) -> timedelta | None:
    timing = row.timing
    if timing.finish_due is None or timing.done is None or timing.done <= timing.finish_due:
        return None
    return timing.done - timing.finish_due


def late_text(row: OrderRow) -> str:
    """How late a deadline was met: done late (``done late by 63 d``), else on site late; '' if none was."""
    done_late = _completion_lateness(row)
    if done_late is not None:
        return translate("repairs", "done late by {time}").format(time=duration_text(done_late))
    arrived_late = _arrival_lateness(row)
    if arrived_late is not None:
        return translate("repairs", "on site late by {time}").format(time=duration_text(arrived_late))
    return ""


def pending(row: OrderRow) -> datetime | None:
    """The deadline an open order still has to meet (arrival, completion or a rework's), if any."""
    return row.timing.pending_due() if is_open(row) else None


def standing_text(row: OrderRow, as_of: datetime) -> str:
    """The "time left" cell: time left or how overdue while a deadline is pending, else on time or late.

    A reopened order (rework) has its own deadline, pending until it is done again.
    """
    if row.state is State.CANCELLED:
        return ""
    due = pending(row)
    if due is not None:
        return time_left_text(due, as_of)
    if row.timing.arrive_due is None and row.timing.finish_due is None:
        return translate("repairs", "no time limit")
    return late_text(row) or translate("repairs", "on time")


def standing_colour(row: OrderRow, as_of: datetime) -> str | None:
    """The "time left" cell's colour: red when overdue, amber when due today, grey when it was met late.

    Red is kept for what must be chased now: a deadline met late is history, not a task.
    """
    if row.state is State.CANCELLED:
        return None
    if row.overdue(as_of):
        return OVERDUE_COLOUR
    if due_today(row, as_of):
        return DUE_TODAY_COLOUR
    if pending(row) is None and lateness(row) is not None:
        return LATE_COLOUR
    return None


def row_background(row: OrderRow, as_of: datetime) -> str | None:
    """The board's row colour: red for an overdue order, amber for one due today, none for the rest."""
    if row.overdue(as_of):
        return OVERDUE_BACKGROUND
    if due_today(row, as_of):
        return DUE_TODAY_BACKGROUND
    return None


def calendar_caveat(source: CalendarSource) -> str:
    """What a deadline counted without the statutory calendar must say ('' for the statutory one)."""
    if source is CalendarSource.WEEKENDS_ONLY:
        return translate(
            "repairs",
            "Counted with weekends only: the holidays of that year are not known yet "
            "(enter them in the holiday table)",
        )
    if source is CalendarSource.OFFICE:
        return translate("repairs", "Counted with the holiday table the office entered")
    return ""


# ---------------------------------------------------------------- the board


@dataclass(frozen=True)
class BoardCounts:
    """The board's figures: open orders, how many overdue, how many due later today."""

    open: int
    overdue: int
    due_today: int


def board_counts(rows: Iterable[OrderRow], as_of: datetime) -> BoardCounts:
    """Count the board's orders."""
    listed = [row for row in rows if is_open(row)]
    return BoardCounts(
        len(listed),
        sum(1 for row in listed if row.overdue(as_of)),
        sum(1 for row in listed if due_today(row, as_of)),
    )


def board_counts_html(counts: BoardCounts) -> str:
    """The board's heading: open, overdue (red) and due today (amber)."""
    e = html.escape
    opened = translate("repairs", "{count} open").format(count=counts.open)
    parts = [f"<b>{e(opened)}</b>"]
    overdue = e(translate("repairs", "{count} overdue").format(count=counts.overdue))
    parts.append(f"<b style='color:{OVERDUE_COLOUR}'>{overdue}</b>" if counts.overdue else overdue)
    today = e(translate("repairs", "{count} due today").format(count=counts.due_today))
    parts.append(f"<b style='color:{DUE_TODAY_COLOUR}'>{today}</b>" if counts.due_today else today)
    return " · ".join(parts)


def board_status(counts: BoardCounts) -> str:
    """The board's figures for the status bar."""
    return translate("repairs", "{open} open orders, {overdue} overdue, {today} due today").format(
        open=counts.open, overdue=counts.overdue, today=counts.due_today
    )


def last_note_text(row: OrderRow) -> str:
    """The last follow-up note, after its time (``10-09 14:20 已联系业主``); '' if none yet."""
    if not row.last_note:
        return ""
    when = row.last_note_at.strftime("%m-%d %H:%M") if row.last_note_at else ""
    return f"{when} {row.last_note}".strip()


def empty_board_text(writable: bool) -> str:
    """What the board says when no order is open."""
    if writable:
        return translate("repairs", "No open order. Press F2 to take a new call.")
    return translate("repairs", "No open order.")


DOCUMENT_FOLDER = "报修"  # in the data folder: the work order sheets and daily sheets written to print


def work_order_path(data_folder: Path, number: str) -> Path:
    """Where an order's work order sheet (派工单) is written to print."""
    return data_folder / DOCUMENT_FOLDER / f"派工单-{number}.pdf"


def daily_sheet_path(data_folder: Path, as_of: datetime) -> Path:
    """Where the day's review sheet (日清日审表) is written to print."""
    return data_folder / DOCUMENT_FOLDER / f"日清日审-{as_of:%Y-%m-%d}.pdf"


# ---------------------------------------------------------------- the list


def list_count_text(shown: int, more: bool) -> str:
    """How many orders the list shows, and whether there are more than it shows."""
    if more:
        return translate(
            "repairs", "The newest {count} orders are shown: narrow the filters to see older ones"
        ).format(count=shown)
    return translate("repairs", "{count} orders").format(count=shown)


def reversed_dates_text(start: date, end: date) -> str:
    """What the list says when its dates are the wrong way round (no order could be received so)."""
    return translate(
        "repairs", "The dates are the wrong way round: from {start} is later than to {end}. Swap them."
    ).format(start=start.isoformat(), end=end.isoformat())


def empty_list_text(filtered: bool, writable: bool) -> str:
    """What the list says when it has nothing to show."""
    if filtered:
        return translate("repairs", "No order matches these filters.")
    if writable:
        return translate("repairs", "No order yet. Press F2 to take a new call.")
    return translate("repairs", "No order yet.")


def reporter_text(row: OrderRow) -> str:
    """Who reported it: a room's code, a name, or anonymous."""
    return row.reporter or translate("repairs", "anonymous")


# ---------------------------------------------------------------- steps the order can take


def allowed_steps(row: OrderRow) -> frozenset[Step]:
    """The steps that may follow where the order stands (the detail's buttons); notes and photos always."""
    allowed = {Step.NOTE, Step.PHOTO}
    # A paused order with a worker resumes by a start; the row says whether it has one.
    paused_from = State.DISPATCHED if row.worker else None
    for step in (Step.DISPATCH, Step.START, Step.DONE, Step.VISIT, Step.CLOSE, Step.PAUSE, Step.CANCEL):
        try:
            next_state(row.state, step, row.kind, True, paused_from)
        except ValidationError:
            continue
        allowed.add(step)
    return frozenset(allowed)


def arrive_by_text(due: datetime) -> str:
    """When someone must be on site: ``On site by 2026-10-09 09:30``."""
    return translate("repairs", "On site by {due}").format(due=due_text(due))


def finish_by_text(due: datetime) -> str:
    """When the order must be done: ``Done by 2026-10-09 24:00``."""
    return translate("repairs", "Done by {due}").format(due=due_text(due))


def no_limit_text() -> str:
    """An order whose category has no time limit."""
    return translate("repairs", "This category has no time limit.")


def created_text(created: OrderCreated) -> str:
    """What is said once an order is made: its number and deadlines, and the calendar's caveat."""
    lines = [translate("repairs", "Order {number} was opened.").format(number=created.number)]
    if created.arrive_due is not None:
        lines.append(arrive_by_text(created.arrive_due))
    if created.finish_due is not None:
        lines.append(finish_by_text(created.finish_due))
    if created.arrive_due is None and created.finish_due is None:
        lines.append(no_limit_text())
    caveat = calendar_caveat(created.calendar)
    if caveat:
        lines.append(caveat)
    return "\n".join(lines)


def step_done_text(done: StepDone, room: str = "") -> str:
    """What is said after a step: the charge put on the room's account, and the notices ('' if nothing)."""
    lines = []
    if done.charge_entry_id is not None:
        lines.append(
            translate("repairs", "{amount} was charged to the fee account of {room}.").format(
                amount=f"¥{format_yuan(done.charge_fen)}", room=room or "—"
            )
        )
    lines += [labels.message(notice) for notice in done.notices]
    return "\n".join(lines)


def owner_owes(detail: OrderDetail) -> int:
    """What the owner pays, in fen: the costs of the done steps the owner pays (a rework may not be)."""
    return sum(
        (step.materials_fen or 0) + (step.labour_fen or 0)
        for step in detail.steps
        if step.kind is Step.DONE and step.payer is Payer.OWNER
    )


def default_payer(detail: OrderDetail) -> Payer:
    """Who pays unless the clerk says otherwise: the owner for a repair inside their home, else the estate."""
    if (
        detail.row.category == Category.IN_HOME.value
        and detail.place_kind is PlaceKind.ROOM
        and bool(detail.room_code)
    ):
        return Payer.OWNER
    return Payer.ESTATE


def fund_votes(views: Iterable[VoteView]) -> list[VoteView]:
    """The votes that may approve spending the maintenance fund: the closed motions first, then open ones.

    An election or a petition decides no spending; newest first within closed and open.
    """
    motions = [view for view in views if view.kind not in (VoteKind.ELECTION, VoteKind.PETITION)]
    return sorted(motions, key=lambda view: (view.is_open, -view.vote_id))


def fund_warning_text() -> str:
    """Why the maintenance fund needs a basis (RULES.md §6): an owners' vote, or emergency use."""
    return translate(
        "repairs",
        "The maintenance fund is spent only on an owners' decision: choose the vote that approved it, "
        "or tick emergency use.",
    )


def order_heading_html(row: OrderRow) -> str:
    """An order in two lines, above a step's inputs: number, place and state, then what is wrong."""
    flat = " ".join(row.description.split())
    shortened = flat if len(flat) <= 80 else flat[:79] + "…"
    first = f"{row.number} · {row.place or '—'} · {state_text(row.state)}"
    return f"<b>{html.escape(first)}</b><br><span style='color:#666'>{html.escape(shortened)}</span>"


# ---------------------------------------------------------------- the detail


@dataclass(frozen=True)
class DeadlineLine:
    """One deadline of an order as the detail shows it: what, by when, how it stands, in which colour."""

    title: str
    due: str
    standing: str
    colour: str | None


def _deadline(
    title: str, due: datetime, happened: datetime | None, verdict: Punctuality, as_of: datetime
) -> DeadlineLine:
    if verdict is Punctuality.PENDING:
        return DeadlineLine(
            title,
            due_text(due),
            time_left_text(due, as_of),
            DUE_TODAY_COLOUR if due <= _midnight_after(as_of) else None,
        )
    if verdict is Punctuality.OVERDUE:
        return DeadlineLine(title, due_text(due), time_left_text(due, as_of), OVERDUE_COLOUR)
    assert happened is not None
    at = translate("repairs", "at {time}").format(time=moment_text(happened))
    if verdict is Punctuality.ON_TIME:
        on_time = translate("repairs", "on time")
        return DeadlineLine(title, due_text(due), f"{on_time} ({at})", ON_TIME_COLOUR)
    late = translate("repairs", "late by {time}").format(time=duration_text(happened - due))
    return DeadlineLine(title, due_text(due), f"{late} ({at})", OVERDUE_COLOUR)


def deadline_lines(detail: OrderDetail, as_of: datetime) -> list[DeadlineLine]:
    """The order's deadlines: on site (when it has a separate limit), done, and a rework's, each as it stands.

    A cancelled order's deadlines stand as they were when it was cancelled: nothing is overdue.
    """
    timing = detail.row.timing
    cancelled = detail.row.state is State.CANCELLED
    lines = []
    arrival = detail.arrival(as_of)
    if arrival is not None and timing.arrive_due is not None:
        if not (cancelled and arrival in (Punctuality.PENDING, Punctuality.OVERDUE)):
            lines.append(
                _deadline(
                    translate("repairs", "On site"),
                    timing.arrive_due,
                    timing.arrived or timing.done,
                    arrival,
                    as_of,
                )
            )
        else:
            lines.append(
                DeadlineLine(
                    translate("repairs", "On site"),
                    due_text(timing.arrive_due),
                    translate("repairs", "cancelled"),
                    None,
                )
            )
    completion = detail.completion(as_of)
    if completion is not None and timing.finish_due is not None:
        if not (cancelled and completion in (Punctuality.PENDING, Punctuality.OVERDUE)):
            lines.append(
                _deadline(
                    translate("repairs", "Work done"), timing.finish_due, timing.done, completion, as_of
                )
            )
        else:
            lines.append(
                DeadlineLine(
                    translate("repairs", "Work done"),
                    due_text(timing.finish_due),
                    translate("repairs", "cancelled"),
                    None,
                )
            )
    if timing.rework_due is not None:  # reopened by an unsatisfied visit: redone by its own deadline
        title = translate("repairs", "Rework done")
        if cancelled:
            lines.append(
                DeadlineLine(title, due_text(timing.rework_due), translate("repairs", "cancelled"), None)
            )
        else:
            verdict = Punctuality.PENDING if as_of <= timing.rework_due else Punctuality.OVERDUE
            lines.append(_deadline(title, timing.rework_due, None, verdict, as_of))
    return lines


def phone_html(phone: str, revealed: bool, writable: bool = True) -> str:
    """The reporter's phone, masked unless the clerk asked to see it, with the link that shows it."""
    if not phone:
        return ""
    if revealed:
        return html.escape(phone)
    masked = mask_phone(phone) if phone.isdigit() else mask_landline(phone)
    show = html.escape(translate("repairs", "show"))
    return f"{html.escape(masked)} <a href='{REVEAL_PHONE_LINK}' style='font-size:small'>{show}</a>"


def step_what(step: StepView, vote_titles: Mapping[int, str] | None = None) -> str:
    """What a step recorded, in words: the worker, the work and its costs, the visit, the reason, the note."""
    parts: list[str] = []
    if step.kind is Step.DISPATCH:
        worker = step.worker + (f" {step.worker_phone}" if step.worker_phone else "")
        parts.append(translate("repairs", "to {worker}").format(worker=worker))
        if step.contractor:
            parts.append(translate("repairs", "outside contractor"))
    elif step.kind is Step.DONE:
        parts.append(step.work)
        if step.materials:
            parts.append(translate("repairs", "materials: {materials}").format(materials=step.materials))
        costs = []
        if step.materials_fen is not None:
            costs.append(
                translate("repairs", "materials {amount}").format(
                    amount=f"¥{format_yuan(step.materials_fen)}"
                )
            )
        if step.labour_fen is not None:
            costs.append(
                translate("repairs", "labour {amount}").format(amount=f"¥{format_yuan(step.labour_fen)}")
            )
        if costs:
            parts.append("，".join(costs))
        if step.payer is not None:
            payer = translate("repairs", "paid by: {payer}").format(payer=payer_text(step.payer))
            if step.payer is Payer.FUND:
                if step.vote_id is not None:
                    title = (vote_titles or {}).get(step.vote_id, "")
                    payer += (
                        "（"
                        + translate("repairs", "approved by vote #{number} {title}")
                        .format(number=step.vote_id, title=title)
                        .strip()
                        + "）"
                    )
                elif step.emergency_use:
                    payer += "（" + translate("repairs", "emergency use") + "）"
            parts.append(payer)
    elif step.kind is Step.VISIT:
        parts.append(
            translate("repairs", "satisfied")
            if step.satisfied
            else translate("repairs", "not satisfied: the order is reopened (rework)")
        )
        if step.comment:
            parts.append(step.comment)
        if step.caller:
            parts.append(translate("repairs", "called by {caller}").format(caller=step.caller))
    elif step.kind is Step.CLOSE:
        if step.charge_entry_id is not None:
            parts.append(
                translate("repairs", "{amount} charged to the room's fee account").format(
                    amount=f"¥{format_yuan(step.charge_fen or 0)}"
                )
            )
    elif step.kind in (Step.PAUSE, Step.CANCEL):
        parts.append(translate("repairs", "reason: {reason}").format(reason=step.reason))
    elif step.kind in (Step.NOTE, Step.PHOTO):
        parts.append(step.text)
    return "；".join(part for part in parts if part)


def detail_html(
    detail: OrderDetail,
    as_of: datetime,
    category_names: Mapping[str, str] | None = None,
    phone: str = "",
    phone_revealed: bool = False,
    vote_titles: Mapping[int, str] | None = None,
    writable: bool = True,
) -> str:
    """The order's detail: what is amiss, as received, its deadlines and how they stand, its steps in order.

    ``phone`` is the number to call back (the one given with the call, else the room's owner's):
    masked unless ``phone_revealed``.
    """
    e = html.escape
    row = detail.row
    names = category_names or {}
    title = translate("repairs", "Order {number}").format(number=row.number)
    badges = [state_text(row.state)]
    if row.urgency is Urgency.EMERGENCY:
        badges.append(f"<span style='color:{OVERDUE_COLOUR}'>{e(urgency_text(row.urgency))}</span>")
    if row.reworks:
        badges.append(e(translate("repairs", "reworked {count} times").format(count=row.reworks)))
    parts = [
        f"<h3 style='margin:0 0 4px 0'>{e(title)} "
        f"<span style='font-weight:normal'>· {' · '.join(badges)}</span></h3>"
    ]
    for notice in detail.notices:
        parts.append(
            f"<p style='background:{WARNING_BACKGROUND}; color:{OVERDUE_COLOUR}; padding:4px'>"
            f"<b>⚠ {e(labels.message(notice))}</b></p>"
        )
    # The row names the reporter's room, else the caller's name; a caller may have given both.
    name = detail.reporter_name if detail.reporter_name != row.reporter else ""
    reporter = " ".join(part for part in (row.reporter, name) if part)
    reporter_cell = e(reporter or translate("repairs", "anonymous"))
    number = phone_html(phone, phone_revealed, writable)
    if number:
        reporter_cell += " " + number
    place = row.place or "—"
    if detail.upkeep:
        place += "（" + translate("repairs", "planned upkeep") + "）"
    facts = [
        (
            translate("repairs", "Received at"),
            e(f"{moment_text(row.received)} · {channel_text(detail.channel)} · {kind_text(row.kind)}"),
        ),
        (translate("repairs", "Place"), e(place)),
        (translate("repairs", "Reporter"), reporter_cell),
        (
            translate("repairs", "Category"),
            e(f"{names.get(row.category, category_text(row.category))} · {urgency_text(row.urgency)}"),
        ),
        (translate("repairs", "Description"), e(row.description).replace("\n", "<br>")),
    ]
    if row.worker:
        worker = row.worker + (f" {detail.worker_phone}" if detail.worker_phone else "")
        facts.append((translate("repairs", "Worker"), e(worker)))
    if detail.cost_fen:
        cost = f"¥{format_yuan(detail.cost_fen)}"
        if detail.payer is not None:
            cost += f" · {payer_text(detail.payer)}"
        facts.append((translate("repairs", "Cost"), e(cost)))
    parts.append("<table cellspacing='0' cellpadding='2'>")
    parts += [
        f"<tr><td style='color:#666; white-space:nowrap'>{e(k)}</td><td>{v}</td></tr>" for k, v in facts
    ]
    parts.append("</table>")
    heading = translate("repairs", "Deadlines")
    parts.append(f"<h4 style='margin:8px 0 2px 0'>{e(heading)}</h4>")
    lines = deadline_lines(detail, as_of)
    if not lines:
        parts.append(grey(no_limit_text()))
    else:
        parts.append("<table cellspacing='0' cellpadding='2'>")
        by_text = translate("repairs", "by {due}")
        for line in lines:
            standing = e(line.standing)
            if line.colour:
                standing = f"<b style='color:{line.colour}'>{standing}</b>"
            parts.append(
                f"<tr><td style='color:#666'>{e(line.title)}</td>"
                f"<td>{e(by_text.format(due=line.due))}</td>"
                f"<td>{standing}</td></tr>"
            )
        parts.append("</table>")
        caveat = calendar_caveat(row.calendar)
        if caveat:
            parts.append(f"<p style='color:{DUE_TODAY_COLOUR}; margin:2px 0'>{e(caveat)}</p>")
    heading = translate("repairs", "Steps")
    parts.append(f"<h4 style='margin:8px 0 2px 0'>{e(heading)}</h4>")
    parts.append("<table cellspacing='0' cellpadding='2' width='100%'>")
    for step in detail.steps:
        what = step_what(step, vote_titles)
        if step.kind is Step.RECEIVE:
            what = channel_text(detail.channel)
        parts.append(
            # Narrow columns for time, step and clerk: what was done gets the rest of the line.
            f"<tr><td width='1%' style='white-space:nowrap; color:#666'>{e(moment_text(step.at))}</td>"
            f"<td width='1%' style='white-space:nowrap'><b>{e(step_text(step.kind))}</b></td>"
            f"<td width='1%' style='white-space:nowrap; color:{MUTED}'>{e(step.actor)}</td>"
            f"<td>{e(what)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def no_order_html(writable: bool) -> str:
    """The detail when no order is chosen."""
    text = translate("repairs", "Choose an order to see it as received, its deadlines and its steps.")
    if writable:
        text += " " + translate("repairs", "F2 takes a new call.")
    return grey(text)
