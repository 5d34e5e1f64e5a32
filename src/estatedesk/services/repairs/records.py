"""What the repairs services take and give: plain, frozen records (no Qt, no database rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from estatedesk.domain.errors import EstateDeskError
from estatedesk.domain.repairs import (
    Channel,
    OrderKind,
    Payer,
    PlaceKind,
    Punctuality,
    State,
    Step,
    Timing,
    Urgency,
)
from estatedesk.domain.workdays import CalendarSource


class Notice(EstateDeskError):
    """Something the clerk must be told about a step that was still taken (not a refusal)."""


@dataclass(frozen=True)
class OrderInput:
    """A new order as the clerk typed it; text fields are checked by the service, field by field."""

    received: str  # YYYY-MM-DD HH:MM, the office's wall clock
    category: str
    description: str
    kind: str = OrderKind.REPAIR.value
    urgency: str = Urgency.NORMAL.value
    channel: str = Channel.PHONE.value
    room: str = ""  # the room's code: the reporter's room, and the place unless one is given
    reporter_name: str = ""  # a caller who is not (or not only) a room
    reporter_phone: str = ""
    place_kind: str = ""  # a PlaceKind value; empty: the room, else "other" with place_text
    place_text: str = ""
    building: str = ""  # a stairwell's building and unit (names as in the households file)
    unit: str = ""
    facility_id: int | None = None
    upkeep: bool = False  # a facility's planned upkeep


@dataclass(frozen=True)
class OrderCreated:
    """An order just opened: its id, its deadlines and the calendar they were counted with."""

    order_id: int
    number: str
    arrive_due: datetime | None
    finish_due: datetime | None
    due: datetime | None
    calendar: CalendarSource


@dataclass(frozen=True)
class DoneInput:
    """The work as done: what, materials and their cost, labour cost, who pays (and the fund's basis)."""

    work: str
    materials: str = ""
    materials_cost: str = ""  # yuan, up to 2 decimals; empty: none
    labour_cost: str = ""
    payer: str = Payer.ESTATE.value
    vote_id: int | None = None  # the owners' vote that approved spending the maintenance fund
    emergency_use: bool = False  # the fund spent as emergency use (应急使用)
    at: str = ""  # empty: now


@dataclass(frozen=True)
class StepDone:
    """A step just taken: the order's new state, and what the clerk must be told."""

    order_id: int
    state: State
    notices: tuple[Notice, ...] = ()
    charge_entry_id: int | None = None  # the fee ledger's charge made on closing
    charge_fen: int = 0


@dataclass(frozen=True)
class OrderRow:
    """An order as lists and the daily board show it."""

    order_id: int
    number: str
    received: datetime
    kind: OrderKind
    category: str
    urgency: Urgency
    state: State
    place: str  # words: the room's code, a stairwell, a facility, or what was typed
    building: str
    reporter: str  # the room's code, a name, or empty (anonymous)
    description: str
    worker: str
    timing: Timing
    calendar: CalendarSource
    last_note: str
    last_note_at: datetime | None
    reworks: int

    @property
    def due(self) -> datetime | None:
        """The deadline shown: the next to meet, else the last the order had."""
        return self.timing.due()

    def overdue(self, as_of: datetime) -> bool:
        """Whether a deadline still to meet had run out at ``as_of`` (closed and cancelled never are)."""
        if self.state in (State.CLOSED, State.CANCELLED):
            return False
        return self.timing.overdue(as_of)


@dataclass(frozen=True)
class StepView:
    """One step of an order's history, as recorded."""

    step_id: int
    kind: Step
    at: datetime
    recorded_at: str  # UTC ISO 8601
    actor: str
    worker: str = ""
    worker_phone: str = ""
    contractor: bool = False
    work: str = ""
    materials: str = ""
    materials_fen: int | None = None
    labour_fen: int | None = None
    payer: Payer | None = None
    vote_id: int | None = None
    emergency_use: bool = False
    satisfied: bool | None = None
    comment: str = ""
    caller: str = ""
    reason: str = ""
    text: str = ""
    charge_entry_id: int | None = None
    charge_fen: int | None = None


@dataclass(frozen=True)
class PhotoView:
    """A photo kept with an order (JPEG, already shrunk)."""

    photo_id: int
    name: str
    width: int
    height: int
    added_at: str


@dataclass(frozen=True)
class OrderDetail:
    """An order whole: as received, where it stands against its deadlines, and its history."""

    row: OrderRow
    channel: Channel
    place_kind: PlaceKind
    room_code: str  # the room the work is in (or the reporter's), empty for a common part
    reporter_name: str
    reporter_phone: str
    facility_id: int | None
    facility: str
    upkeep: bool
    worker_phone: str
    payer: Payer | None
    cost_fen: int | None
    steps: tuple[StepView, ...]
    photos: tuple[PhotoView, ...]
    notices: tuple[Notice, ...]  # what is amiss: the fund spent without a decision, an unpaid room…

    def arrival(self, as_of: datetime) -> Punctuality | None:
        """How arrival stands at ``as_of``."""
        return self.row.timing.arrival(as_of)

    def completion(self, as_of: datetime) -> Punctuality | None:
        """How completion stands at ``as_of``."""
        return self.row.timing.completion(as_of)


@dataclass(frozen=True)
class OrderFilter:
    """What the list shows: every filter empty shows every order, newest first."""

    states: frozenset[State] = frozenset()
    category: str = ""
    building: str = ""
    worker: str = ""
    received_from: date | None = None
    received_to: date | None = None
    search: str = ""  # in the number, place, reporter and description
    open_only: bool = False
    overdue_as_of: datetime | None = None  # only orders overdue at this time
    facility_id: int | None = None
    limit: int | None = None


@dataclass(frozen=True)
class MonthFigures:
    """A month's orders (received in it) and how they were handled (RULES.md §4's targets)."""

    month: str  # YYYY-MM
    orders: int
    cancelled: int
    by_category: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[OrderKind, int], ...]
    judged: int  # orders whose deadlines are all judged (met, missed, or run out)
    on_time: int
    done: int
    visited: int
    satisfied_visits: int
    visits: int
    reworked: int
    hours_to_done: Fraction | None  # average from received to (first) done
    on_time_rate: Fraction | None
    visit_rate: Fraction | None
    satisfaction: Fraction | None
    rework_rate: Fraction | None


ON_TIME_TARGET = Fraction(99, 100)
VISIT_TARGET = Fraction(30, 100)
REWORK_LIMIT = Fraction(2, 100)


@dataclass(frozen=True)
class FacilityInput:
    """A facility of the register as typed: dates ISO, upkeep every N months (empty: none)."""

    name: str
    location: str = ""
    model: str = ""
    installed_on: str = ""
    warranty_until: str = ""
    upkeep_months: str = ""
    note: str = ""
    last_upkeep_on: str = ""  # the last upkeep done before the register was kept here


@dataclass(frozen=True)
class FacilityView:
    """A facility with its upkeep: last done, next due."""

    facility_id: int
    name: str
    location: str
    model: str
    installed_on: date | None
    warranty_until: date | None
    upkeep_months: int | None
    note: str
    last_upkeep: date | None
    next_upkeep: date | None
    orders: int
    open_orders: int
    recorded_last_upkeep: date | None = None  # as entered from the paper ledger (last_upkeep: with orders)


@dataclass(frozen=True)
class Holidays:
    """A year's arrangement as the office entered it (for a year the library does not know)."""

    year: int
    holidays: tuple[date, ...] = field(default=())
    working_days: tuple[date, ...] = field(default=())
