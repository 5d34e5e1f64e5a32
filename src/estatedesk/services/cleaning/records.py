"""What the cleaning services take and give: plain, frozen records (no Qt, no database rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from estatedesk.domain.cleaning import WEEKDAY_WORDS, AreaKind, Frequency
from estatedesk.domain.cleaning_scores import Band
from estatedesk.domain.rota import Why


@dataclass(frozen=True)
class AreaView:
    """An area to keep clean: a unit's stairwell (from the households file) or a common area."""

    area_id: int
    kind: AreaKind
    name: str
    responsible_id: int | None
    responsible: str  # the responsible cleaner's name; empty when none is named
    tasks: int  # how many tasks it has
    minutes_per_week: int  # what its tasks take in a usual week, for the clerk's sense of size
    note: str = ""
    building_id: int | None = None
    unit_id: int | None = None


@dataclass(frozen=True)
class TaskInput:
    """A task as the clerk typed it: checked by the service, field by field."""

    area_id: int
    what: str
    every: str  # a frequency as the command line writes it: 2/day, day, mon,thu, 2/week, 3days…
    minutes: str  # standard minutes of one occurrence
    # YYYY-MM-DD: nothing comes before it; empty: every n days/months count from today, and the
    # task belongs to every month's rota
    starts_on: str = ""


@dataclass(frozen=True)
class TaskView:
    """A task of an area: what, how often, how long, from when."""

    task_id: int
    area_id: int
    area: str
    what: str
    frequency: Frequency
    minutes: int
    starts_on: date  # every n days/months count from it
    responsible_id: int | None
    only_from_start: bool = False  # nothing comes before starts_on (the clerk gave it as the start)
    stopped_on: date | None = None  # the day it was stopped: it came up to the day before

    @property
    def every(self) -> str:
        """The frequency as the command line writes it."""
        return self.frequency.spec


@dataclass(frozen=True)
class CleanerInput:
    """A cleaner as the clerk typed them."""

    name: str
    phone: str = ""
    off: str = ""  # weekdays off as the command line writes them: sun, or sat,sun
    minutes_per_day: str = "480"
    note: str = ""


@dataclass(frozen=True)
class LeaveView:
    """A period of a cleaner's leave, both days included."""

    leave_id: int
    cleaner_id: int
    first: date
    last: date
    note: str = ""


@dataclass(frozen=True)
class CleanerView:
    """A cleaner: who, when they work, their leave, the areas they answer for."""

    cleaner_id: int
    name: str
    phone: str
    days_off: frozenset[int]  # 0 = Monday
    minutes_per_day: int
    note: str
    leave: tuple[LeaveView, ...] = ()
    areas: tuple[str, ...] = ()  # the areas they are responsible for
    left_on: date | None = None  # the day they left the team: they worked up to the day before

    @property
    def off(self) -> str:
        """The days off as the command line writes them (``sun``, ``sat,sun``; empty: none)."""
        return ",".join(WEEKDAY_WORDS[day] for day in sorted(self.days_off))


@dataclass(frozen=True)
class LeaveAdded:
    """Leave just entered: its id, and the accepted rotas it breaks (months and how many days)."""

    leave_id: int
    affected: tuple[tuple[str, int], ...] = ()  # ("2026-12", 4): re-plan those months


@dataclass(frozen=True)
class SlotView:
    """One occurrence of a task on a day, with its cleaner (none: uncovered, and why)."""

    day: date
    task_id: int
    occurrence: int
    area_id: int
    area: str
    task: str  # what is done
    minutes: int
    cleaner_id: int | None
    cleaner: str  # empty when uncovered
    why: Why | None = None
    manual: bool = False  # the clerk put it there by hand


@dataclass(frozen=True)
class LoadView:
    """A cleaner's share of the month: working days, minutes, minutes a working day, against the team."""

    cleaner_id: int
    name: str
    working_days: int
    minutes: int
    rate: Fraction
    deviation: Fraction
    within: bool


@dataclass(frozen=True)
class FairnessView:
    """How fairly a month's work is shared: the team's minutes a working day and each cleaner's."""

    average: Fraction
    tolerance: Fraction
    loads: tuple[LoadView, ...]

    @property
    def fair(self) -> bool:
        """Whether every cleaner is within the tolerance of the team's average."""
        return all(load.within for load in self.loads)


@dataclass(frozen=True)
class SlotChange:
    """How a re-plan changes one occurrence: from whom to whom (empty: uncovered or not there)."""

    day: date
    area: str
    task: str
    occurrence: int
    before: str
    after: str


@dataclass(frozen=True)
class RotaView:
    """A month's rota as it stands: the accepted one, with what later changes broke re-planned.

    ``changes`` lists how it differs from the accepted rota; a rota never accepted is all new
    (``accepted`` False) and lists no changes.
    """

    month: str  # YYYY-MM
    first: date
    last: date
    slots: tuple[SlotView, ...]  # every occurrence, by day, area, task
    fairness: FairnessView
    accepted: bool
    changes: tuple[SlotChange, ...] = ()
    cleaners: tuple[CleanerView, ...] = ()  # the team of the month, by name

    @property
    def assigned(self) -> tuple[SlotView, ...]:
        """The occurrences with a cleaner."""
        return tuple(slot for slot in self.slots if slot.cleaner_id is not None)

    @property
    def uncovered(self) -> tuple[SlotView, ...]:
        """The occurrences no cleaner could take, each with why."""
        return tuple(slot for slot in self.slots if slot.cleaner_id is None)

    @property
    def stale(self) -> bool:
        """Whether the accepted rota no longer holds and a re-plan waits to be accepted."""
        return bool(self.changes)

    def minutes(self) -> dict[str, int]:
        """Each cleaner's minutes over the month, by name (0 for one with nothing)."""
        totals = {cleaner.name: 0 for cleaner in self.cleaners}
        for slot in self.assigned:
            totals[slot.cleaner] = totals.get(slot.cleaner, 0) + slot.minutes
        return totals


@dataclass(frozen=True)
class Deduction:
    """A checklist item of the inspection: what is wrong, points off each time it is found."""

    item: str
    points: int


@dataclass(frozen=True)
class InspectionSettings:
    """When areas are inspected, what the checklist deducts, and the ranking's bands (percent)."""

    weekday: int = 2  # Wednesday
    deductions: tuple[Deduction, ...] = ()
    top_percent: int = 20
    bottom_percent: int = 10


@dataclass(frozen=True)
class InspectionInput:
    """An inspection as the inspector wrote it: a score, or the deductions found, and notes."""

    day: str  # YYYY-MM-DD
    area_id: int
    score: str = ""  # 0–100; empty: 100 less the deductions
    found: tuple[tuple[str, int], ...] = ()  # (checklist item, times found)
    note: str = ""


@dataclass(frozen=True)
class InspectionView:
    """An area's inspection: its day, score, whose it is, what was found."""

    inspection_id: int
    day: date
    area_id: int
    area: str
    cleaner_id: int | None
    cleaner: str
    score: int
    found: tuple[tuple[str, int, int], ...] = ()  # (item, points, times)
    note: str = ""
    photos: tuple[int, ...] = ()
    replaced: bool = False  # an inspection of that area and day was there and is replaced


@dataclass(frozen=True)
class RankRow:
    """A cleaner or an area in a month's ranking."""

    rank: int
    name: str
    average: Fraction
    inspections: int
    band: Band
    key: int = 0  # the cleaner's or area's id


@dataclass(frozen=True)
class Ranking:
    """A month's ranking of cleaners and of areas by their average score."""

    month: str
    cleaners: tuple[RankRow, ...]
    areas: tuple[RankRow, ...]
    top_percent: int = 20
    bottom_percent: int = 10


@dataclass(frozen=True)
class RankingHistory:
    """Each cleaner's average score month by month, for the chart (None: not inspected that month)."""

    months: tuple[str, ...]
    cleaners: dict[str, tuple[Fraction | None, ...]] = field(default_factory=dict)
