"""Working days of mainland China: the statutory calendar, the office's own table, or weekends only.

The State Council publishes each year's holidays and swapped working weekends late in the year
before; chinese-calendar knows the years published when it was released. For a later year the
office enters the arrangement (``YearArrangement``); until it does, that year counts weekends only,
and every deadline computed in it says so (``CalendarSource.WEEKENDS_ONLY``). Nothing here fails on
a date past the library's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

SATURDAY = 5


class CalendarSource(StrEnum):
    """Where a year's working days come from; the weakest one a deadline used is said beside it."""

    STATUTORY = "statutory"  # chinese-calendar: the State Council's published arrangement
    OFFICE = "office"  # the arrangement the office entered for a year the library does not know
    WEEKENDS_ONLY = "weekends-only"  # neither: Monday to Friday, holidays unknown


_STRENGTH = {CalendarSource.STATUTORY: 0, CalendarSource.OFFICE: 1, CalendarSource.WEEKENDS_ONLY: 2}


def weakest(sources: Iterable[CalendarSource]) -> CalendarSource:
    """The least certain of the sources a computation used (statutory < office < weekends only)."""
    return max(sources, key=_STRENGTH.__getitem__, default=CalendarSource.STATUTORY)


@dataclass(frozen=True)
class YearArrangement:
    """A year's holidays and swapped working days (调休上班) as the office entered them."""

    year: int
    holidays: frozenset[date] = field(default_factory=frozenset)
    working_weekend_days: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        stray = sorted(day for day in self.holidays | self.working_weekend_days if day.year != self.year)
        if stray:
            raise ValidationError(
                "day",
                QT_TRANSLATE_NOOP("messages", "{day} is not in {year}"),
                day=stray[0].isoformat(),
                year=self.year,
            )
        both = sorted(self.holidays & self.working_weekend_days)
        if both:
            raise ValidationError(
                "day",
                QT_TRANSLATE_NOOP("messages", "{day} is given both as a holiday and as a working day"),
                day=both[0].isoformat(),
            )


def library_knows(year: int) -> bool:
    """Whether chinese-calendar holds the State Council's arrangement of ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    """Which days are working days, year by year, and where that comes from."""

    def __init__(self, office: Mapping[int, YearArrangement] | None = None) -> None:
        self.office = dict(office or {})
        self._known: dict[int, bool] = {}

    def source(self, year: int) -> CalendarSource:
        """Where ``year``'s working days come from: the library first, then the office's table."""
        if year not in self._known:
            self._known[year] = library_knows(year)
        if self._known[year]:
            return CalendarSource.STATUTORY
        if year in self.office:
            return CalendarSource.OFFICE
        return CalendarSource.WEEKENDS_ONLY

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day by the best source known for its year."""
        source = self.source(day.year)
        if source is CalendarSource.STATUTORY:
            return bool(chinese_calendar.is_workday(day))
        if source is CalendarSource.OFFICE:
            arrangement = self.office[day.year]
            if day in arrangement.holidays:
                return False
            if day in arrangement.working_weekend_days:
                return True
        return day.weekday() < SATURDAY

    def nth_working_day_after(self, day: date, count: int) -> tuple[date, CalendarSource]:
        """The ``count``-th working day after ``day`` (not counting it), and the weakest source used."""
        if count < 1:
            raise ValueError("count working days from 1")
        sources = {self.source(day.year)}
        current = day
        found = 0
        while found < count:
            current += timedelta(days=1)
            sources.add(self.source(current.year))
            if self.is_workday(current):
                found += 1
        return current, weakest(sources)
