"""Cleaning tasks' frequencies (RULES.md §5): how often a task comes, and on which days of a month.

A frequency is written as the command line writes it: ``2/day`` (twice a day), ``day`` (daily),
``mon,thu`` (on given weekdays), ``2/week`` (twice a week, spread over it), ``3days`` (every 3
days), ``month:15`` (monthly on the 15th; a day a month does not have is its last day, and said
so), ``2months`` (every 2 months) and ``year`` (yearly). Frequencies that run over days, months or
years count from the task's anchor: the day it started.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

WEEKDAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MAX_PER_DAY = 12
MAX_EVERY_DAYS = 366
MAX_EVERY_MONTHS = 24


class FrequencyKind(StrEnum):
    """How a task's occurrences are counted."""

    PER_DAY = "per-day"  # n times every day
    DAILY = "daily"
    WEEKDAYS = "weekdays"  # on the weekdays given
    PER_WEEK = "per-week"  # n times a week, spread over it
    EVERY_DAYS = "every-days"  # every n days from the anchor
    MONTHLY = "monthly"  # once a month, on a day of the month
    EVERY_MONTHS = "every-months"  # every n months from the anchor, on its day
    YEARLY = "yearly"  # once a year, on the anchor's month and day


@dataclass(frozen=True)
class Frequency:
    """How often a task comes: its kind, how many (times or days or months), which weekdays or day."""

    kind: FrequencyKind
    count: int = 1
    weekdays: frozenset[int] = field(default_factory=frozenset)  # 0 = Monday
    day: int = 0  # a monthly task's day of the month (1–31)

    @property
    def spec(self) -> str:
        """The frequency as the command line writes it (``2/week``, ``mon,thu``, ``month:15``…)."""
        if self.kind is FrequencyKind.PER_DAY:
            return f"{self.count}/day"
        if self.kind is FrequencyKind.DAILY:
            return "day"
        if self.kind is FrequencyKind.WEEKDAYS:
            return ",".join(WEEKDAY_WORDS[day] for day in sorted(self.weekdays))
        if self.kind is FrequencyKind.PER_WEEK:
            return f"{self.count}/week"
        if self.kind is FrequencyKind.EVERY_DAYS:
            return f"{self.count}days"
        if self.kind is FrequencyKind.MONTHLY:
            return f"month:{self.day}"
        if self.kind is FrequencyKind.EVERY_MONTHS:
            return f"{self.count}months"
        return "year"

    @property
    def last_day_note(self) -> bool:
        """Whether some months lack the day asked for, so the task falls on their last day instead."""
        return self.kind is FrequencyKind.MONTHLY and self.day > 28


_PER = re.compile(r"^(\d+)\s*/\s*(day|week)$")
_EVERY = re.compile(r"^(\d+)\s*(days|months)$")
_MONTH_DAY = re.compile(r"^month\s*:\s*(\d+)$")


def parse_frequency(text: str, field_name: str = "every") -> Frequency:
    """Read a frequency as written on the command line, or refuse it naming what is wrong."""
    typed = text.strip().lower().replace("，", ",").replace("：", ":")
    if typed in ("day", "daily"):
        return Frequency(FrequencyKind.DAILY)
    if typed in ("year", "yearly"):
        return Frequency(FrequencyKind.YEARLY)
    if typed in ("week", "weekly"):
        return Frequency(FrequencyKind.PER_WEEK, 1)
    if typed in ("month", "monthly"):
        return Frequency(FrequencyKind.EVERY_MONTHS, 1)
    per = _PER.match(typed)
    if per:
        count = _count(int(per[1]), MAX_PER_DAY if per[2] == "day" else 7, typed, field_name)
        if per[2] == "day":
            return Frequency(FrequencyKind.DAILY) if count == 1 else Frequency(FrequencyKind.PER_DAY, count)
        return Frequency(FrequencyKind.PER_WEEK, count)
    every = _EVERY.match(typed)
    if every:
        if every[2] == "days":
            return Frequency(
                FrequencyKind.EVERY_DAYS, _count(int(every[1]), MAX_EVERY_DAYS, typed, field_name)
            )
        return Frequency(
            FrequencyKind.EVERY_MONTHS, _count(int(every[1]), MAX_EVERY_MONTHS, typed, field_name)
        )
    month_day = _MONTH_DAY.match(typed)
    if month_day:
        day = int(month_day[1])
        if not 1 <= day <= 31:
            raise ValidationError(
                field_name,
                QT_TRANSLATE_NOOP("messages", "a month has no day {day}: give a day from 1 to 31"),
                day=day,
            )
        return Frequency(FrequencyKind.MONTHLY, day=day)
    weekdays = [weekday_index(word) for word in typed.split(",") if word.strip()]
    if weekdays and None not in weekdays:
        return Frequency(
            FrequencyKind.WEEKDAYS, weekdays=frozenset(day for day in weekdays if day is not None)
        )
    raise ValidationError(
        field_name,
        QT_TRANSLATE_NOOP(
            "messages",
            "'{value}' is not a frequency:"
            " write 2/day, day, mon,thu, 2/week, 3days, month:15, 2months or year",
        ),
        value=text.strip(),
    )


def _count(count: int, highest: int, typed: str, field_name: str) -> int:
    if not 1 <= count <= highest:
        raise ValidationError(
            field_name,
            QT_TRANSLATE_NOOP("messages", "'{value}': the number must be from 1 to {highest}"),
            value=typed,
            highest=highest,
        )
    return count


def month_day(year: int, month: int, day: int) -> date:
    """``day`` of the month, or the month's last day when it is shorter (31 in April is the 30th)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _months_between(anchor: date, day: date) -> int:
    return (day.year - anchor.year) * 12 + day.month - anchor.month


def occurrences(
    frequency: Frequency, first: date, last: date, anchor: date, from_anchor: bool = True
) -> list[tuple[date, int]]:
    """The days from ``first`` to ``last`` (both included) a task comes on, with how many times that day.

    Counting in days, months and years runs from the ``anchor`` (the day the task started), and
    with ``from_anchor`` nothing comes before it; without, the count runs back before it too (a
    task set up today also belongs to last month's rota). n times a week is spread over the week
    from the anchor's weekday (twice, from a Monday: Monday and Thursday), so that every week of
    the month gets its share whatever day the month starts on, and weekly tasks started on
    different days do not all fall on one.
    """
    found: list[tuple[date, int]] = []
    day = max(first, anchor) if from_anchor else first
    while day <= last:
        times = _times_on(frequency, day, anchor)
        if times:
            found.append((day, times))
        day += timedelta(days=1)
    return found


def _times_on(frequency: Frequency, day: date, anchor: date) -> int:
    kind = frequency.kind
    if kind is FrequencyKind.PER_DAY:
        return frequency.count
    if kind is FrequencyKind.DAILY:
        return 1
    if kind is FrequencyKind.WEEKDAYS:
        return int(day.weekday() in frequency.weekdays)
    if kind is FrequencyKind.PER_WEEK:
        # n times a week on the days i·7/n (i = 0…n-1) from the anchor's weekday: from a Monday,
        # 2 → Mon, Thu; 3 → Mon, Wed, Fri.
        spread = {(anchor.weekday() + index * 7 // frequency.count) % 7 for index in range(frequency.count)}
        return int(day.weekday() in spread)
    if kind is FrequencyKind.EVERY_DAYS:
        return int((day - anchor).days % frequency.count == 0)
    if kind is FrequencyKind.MONTHLY:
        return int(day == month_day(day.year, day.month, frequency.day))
    if kind is FrequencyKind.EVERY_MONTHS:
        months = _months_between(anchor, day)
        return int(months % frequency.count == 0 and day == month_day(day.year, day.month, anchor.day))
    return int(day == month_day(day.year, anchor.month, anchor.day) and day.month == anchor.month)


class AreaKind(StrEnum):
    """What an area is: a unit's stairwell (made from the households file) or a common area."""

    STAIRWELL = "stairwell"  # a building's unit: stairs, hall, handrails
    ROAD = "road"  # roads and squares
    GARBAGE = "garbage"  # garbage points
    GREEN = "green"  # green belts
    CAR_PARK = "car-park"
    DRAINS = "drains"  # rain and sewage wells, pipes
    SEPTIC_TANK = "septic-tank"
    WATER_TANK = "water-tank"
    OTHER = "other"


@dataclass(frozen=True)
class TaskTemplate:
    """A task a new estate is offered for each area of a kind: what, how often, standard minutes."""

    area_kind: AreaKind
    what: str  # printed on the task sheet: Chinese
    every: str  # a frequency as the command line writes it
    minutes: int


# RULES.md §5's frequencies from property plans in the field; the minutes are a starting point the
# office changes to what its own stairwells and roads take.
DEFAULT_TASKS: tuple[TaskTemplate, ...] = (
    TaskTemplate(AreaKind.STAIRWELL, "清扫楼道及门厅", "day", 20),
    TaskTemplate(AreaKind.STAIRWELL, "拖洗楼道", "1/week", 30),
    TaskTemplate(AreaKind.STAIRWELL, "擦拭扶手", "2/week", 10),
    TaskTemplate(AreaKind.ROAD, "清扫道路及广场", "2/day", 40),
    TaskTemplate(AreaKind.GARBAGE, "清运垃圾桶", "2/day", 20),
    TaskTemplate(AreaKind.GARBAGE, "清洗垃圾桶及消毒", "1/week", 30),
    TaskTemplate(AreaKind.GREEN, "清理绿化带垃圾", "day", 20),
    TaskTemplate(AreaKind.CAR_PARK, "清扫停车场", "day", 30),
    TaskTemplate(AreaKind.DRAINS, "检查雨污水井", "month:1", 30),
    TaskTemplate(AreaKind.DRAINS, "疏通管道", "year", 120),
    TaskTemplate(AreaKind.SEPTIC_TANK, "检查化粪池", "2months", 30),
    TaskTemplate(AreaKind.SEPTIC_TANK, "清掏化粪池", "year", 240),
    TaskTemplate(AreaKind.WATER_TANK, "清洗水箱", "6months", 240),
)


@dataclass(frozen=True)
class Leave:
    """A cleaner's leave, both days included; one that ends before it starts is refused."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(
                "to",
                QT_TRANSLATE_NOOP("messages", "the leave ends on {last}, before it starts on {first}"),
                first=self.first.isoformat(),
                last=self.last.isoformat(),
            )

    def covers(self, day: date) -> bool:
        """Whether ``day`` is a day of this leave."""
        return self.first <= day <= self.last


@dataclass(frozen=True)
class WorkPattern:
    """When a cleaner works: the weekdays off (0 = Monday), and the minutes of work a working day."""

    days_off: frozenset[int] = field(default_factory=frozenset)
    minutes_per_day: int = 480

    def __post_init__(self) -> None:
        if not 0 < self.minutes_per_day <= 24 * 60:
            raise ValidationError(
                "minutes_per_day",
                QT_TRANSLATE_NOOP("messages", "minutes of work a day must be from 1 to 1440, not {value}"),
                value=self.minutes_per_day,
            )
        if len(self.days_off) >= 7 or any(not 0 <= day <= 6 for day in self.days_off):
            raise ValidationError(
                "off", QT_TRANSLATE_NOOP("messages", "a cleaner needs at least one working day a week")
            )

    def works_on(self, day: date, leave: tuple[Leave, ...] = ()) -> bool:
        """Whether a cleaner of this pattern works on ``day``: not a day off, not on leave."""
        return day.weekday() not in self.days_off and not any(period.covers(day) for period in leave)


def parse_days_off(text: str, field_name: str = "off") -> frozenset[int]:
    """Weekdays off as written on the command line (``sun``, ``sat,sun``; empty: none)."""
    words = [word.strip().lower() for word in text.replace("，", ",").split(",") if word.strip()]
    days = {word: weekday_index(word) for word in words}
    unknown = [word for word, day in days.items() if day is None]
    if unknown:
        raise ValidationError(
            field_name,
            QT_TRANSLATE_NOOP(
                "messages", "'{value}' is not a weekday: write mon, tue, wed, thu, fri, sat or sun"
            ),
            value=unknown[0],
        )
    return frozenset(day for day in days.values() if day is not None)


def weekday_index(word: str) -> int | None:
    """0 for ``mon`` or ``monday``… 6 for ``sun`` or ``sunday``; None for any other word (``month``)."""
    typed = word.strip().lower()
    for index, short in enumerate(WEEKDAY_WORDS):
        if typed in (short, WEEKDAY_NAMES[index]):
            return index
    return None
