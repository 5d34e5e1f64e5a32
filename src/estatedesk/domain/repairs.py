"""Repair orders' time limits (RULES.md §4): when someone must be on site, and when it must be done.

Times are local and naive (the office's wall clock); "within N working days" ends at 24:00 of the
N-th working day after the day received, by ``domain.workdays``. Every limit is a setting with the
defaults below; a deadline says which calendar it was counted with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.domain.workdays import CalendarSource, WorkCalendar, weakest


class Category(StrEnum):
    """What an order is about, as its time limit sees it (the defaults; settings may add more)."""

    WATER = "water"  # 修水不过天
    ELECTRICITY = "electricity"  # 修电不过夜
    PUBLIC_GLASS_DOOR_LIGHT = "public-glass-door-light"
    COMMON_PART = "common-part"
    IN_HOME = "in-home"
    NOISE_SMELL = "noise-smell"  # a neighbour complaint
    COMPLAINT = "complaint"
    ENQUIRY = "enquiry"


class Urgency(StrEnum):
    """An emergency (急修) must have someone on site within its minutes, any day, any hour."""

    EMERGENCY = "emergency"
    NORMAL = "normal"


class LimitKind(StrEnum):
    """How a limit is counted."""

    MINUTES = "minutes"  # clock minutes from the time received, any day
    SAME_DAY = "same-day"  # by 24:00 of the day received
    BEFORE_NIGHT = "before-night"  # by the night cut-off, or within the grace when received close to it
    WORKING_DAYS = "working-days"  # by 24:00 of the N-th working day after the day received


@dataclass(frozen=True)
class TimeLimit:
    """One limit: how it is counted and how much (minutes, or working days)."""

    kind: LimitKind
    amount: int = 0


@dataclass(frozen=True)
class Limits:
    """The office's time limits: for each category when it must be done (or on site), and the rest."""

    finish: Mapping[str, TimeLimit] = field(
        default_factory=lambda: {
            Category.WATER: TimeLimit(LimitKind.SAME_DAY),
            Category.ELECTRICITY: TimeLimit(LimitKind.BEFORE_NIGHT),
            Category.PUBLIC_GLASS_DOOR_LIGHT: TimeLimit(LimitKind.WORKING_DAYS, 2),
            Category.COMMON_PART: TimeLimit(LimitKind.WORKING_DAYS, 3),
            Category.IN_HOME: TimeLimit(LimitKind.WORKING_DAYS, 7),
            Category.COMPLAINT: TimeLimit(LimitKind.MINUTES, 8 * 60),
            Category.ENQUIRY: TimeLimit(LimitKind.MINUTES, 30),
        }
    )
    arrive: Mapping[str, TimeLimit] = field(
        default_factory=lambda: {Category.NOISE_SMELL: TimeLimit(LimitKind.MINUTES, 15)}
    )
    emergency_minutes: int = 30
    night_cutoff: time = time(22, 0)
    night_grace_minutes: int = 120  # received later than this before the cut-off: this long instead


@dataclass(frozen=True)
class Deadlines:
    """When someone must be on site (None: no separate limit) and when the order must be done."""

    arrive: datetime | None
    finish: datetime | None
    calendar: CalendarSource  # the weakest calendar either was counted with


def deadline(
    limit: TimeLimit, received: datetime, calendar: WorkCalendar, limits: Limits
) -> tuple[datetime, CalendarSource]:
    """The moment ``limit`` runs out for an order received at ``received``, and the calendar it used.

    Every deadline says the calendar of the year it was received in (a later year counted with
    weekends only says so even on a same-day limit), or a weaker one its working days reached.
    """
    source = calendar.source(received.year)
    if limit.kind is LimitKind.MINUTES:
        return received + timedelta(minutes=limit.amount), source
    if limit.kind is LimitKind.SAME_DAY:
        return _midnight_after(received.date()), source
    if limit.kind is LimitKind.BEFORE_NIGHT:
        cutoff = datetime.combine(received.date(), limits.night_cutoff)
        grace = timedelta(minutes=limits.night_grace_minutes)
        return (cutoff if received <= cutoff - grace else received + grace), source
    day, counted = calendar.nth_working_day_after(received.date(), limit.amount)
    return _midnight_after(day), weakest((source, counted))


def _midnight_after(day: date) -> datetime:
    """24:00 of ``day``: the first moment of the day after."""
    return datetime.combine(day, time()) + timedelta(days=1)


def deadlines(
    received: datetime,
    category: str,
    urgency: Urgency,
    calendar: WorkCalendar,
    limits: Limits | None = None,
) -> Deadlines:
    """An order's deadlines by the office's limits (RULES.md §4 by default)."""
    limits = limits or Limits()
    sources = [calendar.source(received.year)]
    arrive = finish = None
    if category in limits.arrive:
        arrive, source = deadline(limits.arrive[category], received, calendar, limits)
        sources.append(source)
    if urgency is Urgency.EMERGENCY:  # sooner, never later, than the category's own arrival limit
        soon = received + timedelta(minutes=limits.emergency_minutes)
        arrive = soon if arrive is None else min(arrive, soon)
    if category in limits.finish:
        finish, source = deadline(limits.finish[category], received, calendar, limits)
        sources.append(source)
    return Deadlines(arrive, finish, weakest(sources))


class OrderKind(StrEnum):
    """What the call was: something to repair, a complaint, or a question."""

    REPAIR = "repair"
    COMPLAINT = "complaint"
    ENQUIRY = "enquiry"


class Channel(StrEnum):
    """How the call reached the office."""

    PHONE = "phone"
    WALK_IN = "walk-in"
    PATROL = "patrol"  # found on the office's own rounds
    GROUP_CHAT = "group-chat"  # the owners' group chat
    COMPLAINT_BOX = "complaint-box"


class PlaceKind(StrEnum):
    """Where the work is: a room, a common part of the estate, or a facility from the register."""

    ROOM = "room"
    STAIRWELL = "stairwell"  # of a building and unit
    ROOF = "roof"
    DRAINAGE = "drainage"
    ROAD = "road"
    LIGHTING = "lighting"
    DOOR_ACCESS = "door-access"  # 门禁对讲
    WATER_PUMP = "water-pump"
    FIRE_EQUIPMENT = "fire-equipment"
    FACILITY = "facility"
    OTHER = "other"  # described in words


class Payer(StrEnum):
    """Who pays for a repair."""

    OWNER = "owner"
    ESTATE = "estate"  # the estate's budget
    FUND = "fund"  # the maintenance fund (维修资金): needs an owners' decision or emergency use


class State(StrEnum):
    """Where an order is in the flow of RULES.md §4."""

    RECEIVED = "received"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in-progress"
    PAUSED = "paused"
    DONE = "done"
    VISITED = "visited"
    CLOSED = "closed"
    CANCELLED = "cancelled"


OPEN_STATES = frozenset(State) - {State.CLOSED, State.CANCELLED}
WORK_PENDING = frozenset({State.RECEIVED, State.DISPATCHED, State.IN_PROGRESS, State.PAUSED})


class Step(StrEnum):
    """One thing that happened to an order; its history is these, in order, never changed."""

    RECEIVE = "receive"
    DISPATCH = "dispatch"
    START = "start"  # someone is on site: the arrival the "on site within" limits measure
    DONE = "done"
    VISIT = "visit"  # the return visit (回访)
    CLOSE = "close"
    PAUSE = "pause"
    CANCEL = "cancel"
    NOTE = "note"  # a follow-up note (日清日审)
    PHOTO = "photo"


def next_state(
    state: State,
    step: Step,
    kind: OrderKind = OrderKind.REPAIR,
    satisfied: bool | None = None,
    paused_from: State | None = None,
    has_worker: bool = True,
) -> State:
    """The state an order in ``state`` moves to by ``step``; a step out of order is refused.

    An unsatisfied return visit reopens the order as dispatched to the same worker (rework), or
    as received when nobody was ever dispatched (an enquiry answered at once). A paused order
    resumes by a dispatch, or by a start once it has a worker. An enquiry answered at once may be
    done straight from received.
    """
    if step in (Step.NOTE, Step.PHOTO):
        return state
    if step is Step.DISPATCH and state in (State.RECEIVED, State.DISPATCHED, State.PAUSED):
        return State.DISPATCHED
    if step is Step.START and (
        state is State.DISPATCHED
        or (state is State.PAUSED and paused_from in (State.DISPATCHED, State.IN_PROGRESS))
    ):
        return State.IN_PROGRESS
    if step is Step.DONE and (
        state is State.IN_PROGRESS or (kind is OrderKind.ENQUIRY and state is State.RECEIVED)
    ):
        return State.DONE
    if step is Step.VISIT and state is State.DONE:
        return State.VISITED if satisfied else (State.DISPATCHED if has_worker else State.RECEIVED)
    if step is Step.CLOSE and state in (State.DONE, State.VISITED):
        return State.CLOSED
    if step is Step.PAUSE and state in (State.RECEIVED, State.DISPATCHED, State.IN_PROGRESS):
        return State.PAUSED
    if step is Step.CANCEL and state in WORK_PENDING:
        return State.CANCELLED
    raise ValidationError("step", STEP_OUT_OF_ORDER.get((step, state), _OUT_OF_ORDER), step=step, state=state)


_OUT_OF_ORDER = QT_TRANSLATE_NOOP("messages", "an order that is {state} cannot take a {step} step")
STEP_OUT_OF_ORDER: dict[tuple[Step, State], str] = {
    **{
        (Step.VISIT, state): QT_TRANSLATE_NOOP(
            "messages", "a return visit comes after the work is done: the order is {state}"
        )
        for state in WORK_PENDING
    },
    **{
        (Step.CLOSE, state): QT_TRANSLATE_NOOP(
            "messages", "an order is closed once its work is done: the order is {state}"
        )
        for state in WORK_PENDING
    },
    **{
        (Step.DONE, state): QT_TRANSLATE_NOOP(
            "messages", "the work is done after someone started it on site: the order is {state}"
        )
        for state in (State.RECEIVED, State.DISPATCHED, State.PAUSED)
    },
    (Step.START, State.RECEIVED): QT_TRANSLATE_NOOP(
        "messages", "dispatch the order to a worker before the work starts"
    ),
    (Step.START, State.PAUSED): QT_TRANSLATE_NOOP(
        "messages", "dispatch the order to a worker before the work starts"
    ),
    **{
        (step, state): QT_TRANSLATE_NOOP("messages", "the order is {state}: it takes only notes")
        for step in Step
        for state in (State.CLOSED, State.CANCELLED)
    },
}


def check_step_time(at: datetime, received: datetime, last_at: datetime, step: Step) -> None:
    """Refuse a step timed before the order was received, or before the step before it."""
    if at < received:
        raise ValidationError(
            "at",
            QT_TRANSLATE_NOOP("messages", "{step} at {at} is before the order was received at {received}"),
            step=step,  # the member: the window names it in its language, English text its value
            at=format_time(at),
            received=format_time(received),
        )
    if at < last_at:
        raise ValidationError(
            "at",
            QT_TRANSLATE_NOOP("messages", "{step} at {at} is before the order's last step at {last}"),
            step=step,  # the member: the window names it in its language, English text its value
            at=format_time(at),
            last=format_time(last_at),
        )


TIME_FORMAT = "%Y-%m-%d %H:%M"
# The years an order's times may fall in: far enough back for paper ledgers typed in, far enough on
# for plans, and short of the ends where counting working days would leave the calendar.
EARLIEST_YEAR = 2000
LATEST_YEAR = 2199


def format_time(moment: datetime) -> str:
    """A wall-clock time as orders keep and show it: ``2026-10-01 09:30``."""
    return moment.strftime(TIME_FORMAT)


def parse_time(text: str, field: str = "at") -> datetime:
    """Read ``YYYY-MM-DD HH:MM`` (or ISO 8601 with ``T``, seconds dropped) as a wall-clock time."""
    typed = text.strip()
    try:
        moment = datetime.fromisoformat(typed)
    except ValueError:
        moment = None
    if moment is None or len(typed) < len("2026-01-01 00:00"):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a time such as 2026-10-01 09:30"),
            value=typed,
        )
    if moment.tzinfo is not None:  # another zone's time: the office's wall clock at that moment
        moment = moment.astimezone()
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:  # 0226 for 2026: a slip, not a date
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "{value} is not between the years {earliest} and {latest}"),
            value=typed,
            earliest=EARLIEST_YEAR,
            latest=LATEST_YEAR,
        )
    return moment.replace(second=0, microsecond=0, tzinfo=None)


class Punctuality(StrEnum):
    """How an order stands against one of its deadlines."""

    ON_TIME = "on-time"  # it happened by the deadline
    LATE = "late"  # it happened after the deadline
    PENDING = "pending"  # not yet happened, time left
    OVERDUE = "overdue"  # not yet happened, time run out


def punctuality(due: datetime, happened: datetime | None, as_of: datetime) -> Punctuality:
    """Whether something due at ``due`` was (or is being) done in time, as seen at ``as_of``."""
    if happened is not None:
        return Punctuality.ON_TIME if happened <= due else Punctuality.LATE
    return Punctuality.PENDING if as_of <= due else Punctuality.OVERDUE


@dataclass(frozen=True)
class Timing:
    """An order's deadlines and when what they measure happened (first arrival, first done)."""

    arrive_due: datetime | None
    finish_due: datetime | None
    arrived: datetime | None
    done: datetime | None
    rework_due: datetime | None = None  # reopened by an unsatisfied visit: the rework's own deadline

    def pending_due(self) -> datetime | None:
        """The earliest deadline still to meet, None once all are met.

        Usually the arrival; but an emergency received at 23:50 must be on site by 00:20 and its
        water be running by 24:00, so the completion comes first.
        """
        pending = []
        if self.arrive_due is not None and self.arrived is None and self.done is None:
            pending.append(self.arrive_due)
        if self.finish_due is not None and self.done is None:
            pending.append(self.finish_due)
        if self.rework_due is not None:
            pending.append(self.rework_due)
        return min(pending, default=None)

    def due(self) -> datetime | None:
        """The deadline a list shows: the pending one, else the last one the order had."""
        return self.pending_due() or self.finish_due or self.arrive_due

    def arrival(self, as_of: datetime) -> Punctuality | None:
        """How arrival stands (None: no separate arrival limit). Work done counts as arrived."""
        if self.arrive_due is None:
            return None
        happened = self.arrived or self.done
        return punctuality(self.arrive_due, happened, as_of)

    def completion(self, as_of: datetime) -> Punctuality | None:
        """How completion stands (None: no completion limit)."""
        if self.finish_due is None:
            return None
        return punctuality(self.finish_due, self.done, as_of)

    def on_time(self, as_of: datetime) -> bool | None:
        """Whether every deadline was met, as seen at ``as_of`` (None: one is pending with time left)."""
        verdicts = [v for v in (self.arrival(as_of), self.completion(as_of)) if v is not None]
        if any(v in (Punctuality.LATE, Punctuality.OVERDUE) for v in verdicts):
            return False
        if any(v is Punctuality.PENDING for v in verdicts):
            return None
        return True

    def overdue(self, as_of: datetime) -> bool:
        """Whether a deadline still to meet has run out at ``as_of``."""
        due = self.pending_due()
        return due is not None and as_of > due
