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

    finish: Mapping[Category, TimeLimit] = field(
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
    arrive: Mapping[Category, TimeLimit] = field(
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
    category: Category,
    urgency: Urgency,
    calendar: WorkCalendar,
    limits: Limits | None = None,
) -> Deadlines:
    """An order's deadlines by the office's limits (RULES.md §4 by default)."""
    limits = limits or Limits()
    sources = [calendar.source(received.year)]
    arrive = finish = None
    if urgency is Urgency.EMERGENCY:
        arrive = received + timedelta(minutes=limits.emergency_minutes)
    elif category in limits.arrive:
        arrive, source = deadline(limits.arrive[category], received, calendar, limits)
        sources.append(source)
    if category in limits.finish:
        finish, source = deadline(limits.finish[category], received, calendar, limits)
        sources.append(source)
    return Deadlines(arrive, finish, weakest(sources))
