"""The repair log's register, figures and settings as text: facilities, a month's rates, limits, holidays.

Qt-free so that it is tested without a window. Rates are exact fractions shown as percentages
(half-up, 2 decimals, as the fee ledger shows its rates); a rate is marked when it misses its
RULES.md §4 target. Dates are ``datetime.date``; "today" is always passed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from fractions import Fraction

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.domain.repairs import LimitKind, TimeLimit
from estatedesk.domain.workdays import library_knows
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.fee_reports import NONE, percent_text
from estatedesk.gui.presenters.repairs import kind_text
from estatedesk.services.repairs import FacilityView, Holidays, MonthFigures
from estatedesk.services.repairs.records import ON_TIME_TARGET, REWORK_LIMIT, VISIT_TARGET

UPKEEP_SOON_DAYS = 30  # "保养到期（30天内）": the upkeep list's horizon, and the register's highlight
WARRANTY_SOON_DAYS = 90  # a warranty ending within this is marked: time to claim what is still covered
CHART_MONTHS = 12
RED = "#c0392b"
AMBER = "#b9770e"
GREEN = "#2e7d32"
RED_BACKGROUND = "#f8d7da"
AMBER_BACKGROUND = "#fdebd0"


# ---------------------------------------------------------------- the facility register


class Standing(StrEnum):
    """How a date of the register stands today: nothing to say, coming soon, or run out."""

    NONE = "none"  # no date (no warranty recorded, no upkeep cycle)
    OK = "ok"
    SOON = "soon"  # the warranty ends, or the upkeep falls due, within the notice period
    PAST = "past"  # the warranty has ended, or the upkeep is late


def _standing(day: date | None, today: date, notice_days: int) -> Standing:
    if day is None:
        return Standing.NONE
    if day < today:
        return Standing.PAST
    return Standing.SOON if (day - today).days <= notice_days else Standing.OK


def warranty_standing(view: FacilityView, today: date) -> Standing:
    """Whether the warranty has ended (the last day covered is ``warranty_until``), or ends soon."""
    return _standing(view.warranty_until, today, WARRANTY_SOON_DAYS)


def upkeep_standing(view: FacilityView, today: date) -> Standing:
    """Whether the next upkeep is late, or falls due within 30 days."""
    return _standing(view.next_upkeep, today, UPKEEP_SOON_DAYS)


def date_text(day: date | None) -> str:
    """A date as lists show it; none is empty."""
    return day.isoformat() if day is not None else ""


def warranty_text(view: FacilityView, today: date) -> str:
    """The warranty's last day, with "ended" or the days left when it ends within 90 days."""
    end = view.warranty_until
    if end is None:
        return ""
    standing = warranty_standing(view, today)
    if standing is Standing.PAST:
        return translate("repair_register", "{date} (ended)").format(date=end.isoformat())
    if standing is Standing.SOON:
        return translate("repair_register", "{date} ({days} days left)").format(
            date=end.isoformat(), days=(end - today).days
        )
    return end.isoformat()


def cycle_text(view: FacilityView) -> str:
    """How often the facility is serviced: "every 6 months"; nothing when it has no cycle."""
    if not view.upkeep_months:
        return ""
    return translate("repair_register", "every {months} months").format(months=view.upkeep_months)


def next_upkeep_text(view: FacilityView, today: date) -> str:
    """The next upkeep's date, with the days to it within 30 days, or how late it is."""
    due = view.next_upkeep
    if due is None:
        return ""
    days = (due - today).days
    if days < 0:
        return translate("repair_register", "{date} (overdue {days} days)").format(
            date=due.isoformat(), days=-days
        )
    if days == 0:
        return translate("repair_register", "{date} (today)").format(date=due.isoformat())
    if days <= UPKEEP_SOON_DAYS:
        return translate("repair_register", "{date} (in {days} days)").format(date=due.isoformat(), days=days)
    return due.isoformat()


def orders_text(view: FacilityView) -> str:
    """Its orders, with how many are still open: "12 (2 open)"."""
    if view.open_orders:
        return translate("repair_register", "{orders} ({open} open)").format(
            orders=view.orders, open=view.open_orders
        )
    return str(view.orders)


def standing_colour(standing: Standing) -> str | None:
    """Text colour of a date's cell: red when run out, amber when coming soon."""
    return {Standing.PAST: RED, Standing.SOON: AMBER}.get(standing)


def standing_background(standing: Standing) -> str | None:
    """Background of a date's cell that needs acting on: light red when run out, light amber when soon."""
    return {Standing.PAST: RED_BACKGROUND, Standing.SOON: AMBER_BACKGROUND}.get(standing)


def register_status(views: Sequence[FacilityView], due: int) -> str:
    """The status bar of the register: how many facilities, how many due for upkeep."""
    return translate("repair_register", "{count} facilities, {due} due for upkeep within 30 days").format(
        count=len(views), due=due
    )


def upkeep_button_text(due: int, ticked: int) -> str:
    """The one button that turns upkeep due into orders: all of them, or those ticked."""
    if not due:
        return translate("repair_register", "Make upkeep orders")
    if ticked:
        return translate("repair_register", "Make upkeep orders for the {count} ticked").format(count=ticked)
    return translate("repair_register", "Make upkeep orders for all {count}").format(count=due)


def upkeep_made_text(count: int) -> str:
    """What the button did."""
    return translate(
        "repair_register", "{count} upkeep orders were made; they are on the daily board."
    ).format(count=count)


# ---------------------------------------------------------------- a month's figures


@dataclass(frozen=True)
class Figure:
    """One figure of a month: its name, value, target and the counts behind it."""

    key: str
    name: str
    value: str
    target: str  # "target ≥ 99%", or "" for a figure without one
    detail: str  # the counts behind the rate
    off_target: bool | None  # None: no target, or nothing to judge yet


def hours_text(hours: Fraction | None) -> str:
    """An average time to done: "5.3 hours", or in days from 48 hours on: "3.2 days"."""
    if hours is None:
        return NONE
    if hours >= 48:
        return translate("repair_register", "{days} days").format(days=_one_decimal(hours / 24))
    return translate("repair_register", "{hours} hours").format(hours=_one_decimal(hours))


def _one_decimal(value: Fraction) -> str:
    tenths = int(value * 10 + Fraction(1, 2))  # half up: the figures are never negative
    return f"{tenths // 10}.{tenths % 10}"


def target_text(sign: str, target: Fraction) -> str:
    """A target as said beside its rate: "target ≥ 99%"."""
    return translate("repair_register", "target {sign} {percent}%").format(
        sign=sign, percent=int(target * 100)
    )


FRESH_MONTH_DAYS = 7  # in its first week a month has too few orders judged to be worth opening on


def default_month(months: Sequence[str], today: date) -> str | None:
    """The month the figures open on: the latest with orders, but the one before while this one is young.

    On the 1st of December the month has an order or two and nothing judged yet: the clerk wants
    November's figures, which are whole. ``months`` are YYYY-MM, newest first.
    """
    if not months:
        return None
    previous = f"{today.year - (today.month == 1):04d}-{(today.month - 2) % 12 + 1:02d}"
    if (
        months[0] == f"{today.year:04d}-{today.month:02d}"
        and today.day <= FRESH_MONTH_DAYS
        and previous in months
    ):
        return previous
    return months[0]


def month_figures(figures: MonthFigures) -> list[Figure]:
    """The month's figures in the order RULES.md §4 lists them, each rate marked against its target."""

    def below(rate: Fraction | None, target: Fraction) -> bool | None:
        return None if rate is None else rate < target

    cancelled = (
        translate("repair_register", "besides {count} cancelled").format(count=figures.cancelled)
        if figures.cancelled
        else ""
    )
    return [
        Figure("orders", translate("repair_register", "Orders"), str(figures.orders), "", cancelled, None),
        Figure(
            "on_time",
            translate("repair_register", "On time"),
            percent_text(figures.on_time_rate),
            target_text("≥", ON_TIME_TARGET),
            translate("repair_register", "{on_time} of {judged} orders judged met every deadline").format(
                on_time=figures.on_time, judged=figures.judged
            ),
            below(figures.on_time_rate, ON_TIME_TARGET),
        ),
        Figure(
            "visits",
            translate("repair_register", "Return visits"),
            percent_text(figures.visit_rate),
            target_text("≥", VISIT_TARGET),
            translate("repair_register", "{visited} of {done} orders done had a return visit").format(
                visited=figures.visited, done=figures.done
            ),
            below(figures.visit_rate, VISIT_TARGET),
        ),
        Figure(
            "satisfaction",
            translate("repair_register", "Satisfaction"),
            percent_text(figures.satisfaction),
            "",
            translate("repair_register", "{satisfied} of {visits} visits found the owner satisfied").format(
                satisfied=figures.satisfied_visits, visits=figures.visits
            ),
            None,
        ),
        Figure(
            "rework",
            translate("repair_register", "Rework"),
            percent_text(figures.rework_rate),
            target_text("≤", REWORK_LIMIT),
            translate("repair_register", "{reworked} of {done} orders done were reopened").format(
                reworked=figures.reworked, done=figures.done
            ),
            None if figures.rework_rate is None else figures.rework_rate > REWORK_LIMIT,
        ),
        Figure(
            "hours",
            translate("repair_register", "Average time to done"),
            hours_text(figures.hours_to_done),
            "",
            translate("repair_register", "from received to done, over {done} orders").format(
                done=figures.done
            ),
            None,
        ),
    ]


def mark_text(off_target: bool | None) -> str:
    """The mark beside a rate: off target, on target, or nothing to judge."""
    if off_target is None:
        return ""
    return (
        translate("repair_register", "✗ off target")
        if off_target
        else translate("repair_register", "✓ on target")
    )


def mark_colour(off_target: bool | None) -> str | None:
    """Red off target, green on it."""
    if off_target is None:
        return None
    return RED if off_target else GREEN


@dataclass(frozen=True)
class CountLine:
    """A line of the month's table by category or by kind."""

    key: str
    name: str
    count: int
    share: str  # of the month's orders


def category_lines(figures: MonthFigures, names: Mapping[str, str]) -> list[CountLine]:
    """The month's orders by category, the most first; ``names`` name them in the interface language."""
    return _count_lines(
        [(key, names.get(key, key), count) for key, count in figures.by_category], figures.orders
    )


def kind_lines(figures: MonthFigures) -> list[CountLine]:
    """The month's orders by kind (repair, complaint, enquiry), the most first."""
    return _count_lines(
        [(kind.value, kind_text(kind), count) for kind, count in figures.by_kind], figures.orders
    )


def _count_lines(counts: list[tuple[str, str, int]], total: int) -> list[CountLine]:
    ordered = sorted(counts, key=lambda line: (-line[2], line[1]))
    return [
        CountLine(key, name, count, percent_text(Fraction(count, total)) if total else NONE)
        for key, name, count in ordered
    ]


def figures_status(figures: MonthFigures | None) -> str:
    """The status bar on the figures page."""
    if figures is None:
        return ""
    return translate("repair_register", "{month}: {orders} orders, {rate} on time").format(
        month=figures.month, orders=figures.orders, rate=percent_text(figures.on_time_rate)
    )


def month_title(month: str) -> str:
    """A month as the chooser names it: "2026-11"."""
    return month


def chart_months(last: str, count: int = CHART_MONTHS) -> list[str]:
    """The ``count`` months ending with ``last`` (YYYY-MM), oldest first, months without orders too."""
    year, month = int(last[:4]), int(last[5:7])
    index = year * 12 + month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def chart_title(months: Sequence[str], on_time: bool) -> str:
    """The chart's title: what it shows and over which months."""
    span = f"{months[0]} – {months[-1]}" if months else ""
    if on_time:
        return translate("repair_register", "On-time rate by month, {span}").format(span=span)
    return translate("repair_register", "Orders by month and category, {span}").format(span=span)


# ---------------------------------------------------------------- time limits


LIMIT_KINDS: tuple[LimitKind, ...] = (
    LimitKind.MINUTES,
    LimitKind.SAME_DAY,
    LimitKind.BEFORE_NIGHT,
    LimitKind.WORKING_DAYS,
)


def limit_kind_name(kind: LimitKind | None) -> str:
    """How a limit is counted, as the settings' lists offer it."""
    if kind is None:
        return translate("repair_register", "None")
    return {
        LimitKind.MINUTES: translate("repair_register", "Minutes"),
        LimitKind.SAME_DAY: translate("repair_register", "By 24:00 the same day"),
        LimitKind.BEFORE_NIGHT: translate("repair_register", "Before night"),
        LimitKind.WORKING_DAYS: translate("repair_register", "Working days"),
    }[kind]


def takes_amount(kind: LimitKind | None) -> bool:
    """Whether a limit of this kind needs a number (minutes, working days)."""
    return kind in (LimitKind.MINUTES, LimitKind.WORKING_DAYS)


def limit_text(limit: TimeLimit | None, cutoff: time) -> str:
    """A limit in words: "30 minutes", "by 24:00 the same day", "3 working days", "before 22:00"."""
    if limit is None:
        return ""
    if limit.kind is LimitKind.MINUTES:
        if limit.amount % 60 == 0:
            return translate("repair_register", "{hours} hours").format(hours=limit.amount // 60)
        return translate("repair_register", "{minutes} minutes").format(minutes=limit.amount)
    if limit.kind is LimitKind.SAME_DAY:
        return translate("repair_register", "by 24:00 the same day")
    if limit.kind is LimitKind.BEFORE_NIGHT:
        return translate("repair_register", "before {time}").format(time=cutoff.strftime("%H:%M"))
    return translate("repair_register", "{days} working days").format(days=limit.amount)


def default_text(finish: TimeLimit | None, arrive: TimeLimit | None, cutoff: time) -> str:
    """RULES.md §4's default for a category: done within…, on site within…."""
    parts = []
    if arrive is not None:
        parts.append(
            translate("repair_register", "on site: {limit}").format(limit=limit_text(arrive, cutoff))
        )
    if finish is not None:
        parts.append(translate("repair_register", "done: {limit}").format(limit=limit_text(finish, cutoff)))
    return "; ".join(parts)


def read_amount(text: str, kind: LimitKind | None, field: str) -> int:
    """The number typed for a limit: whole minutes or working days; 0 for a kind that takes none."""
    if not takes_amount(kind):
        return 0
    typed = text.strip()
    if not typed.isdigit() or int(typed) < 1:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "give a whole number of minutes or working days, not '{value}'"),
            value=typed,
        )
    return int(typed)


def read_minutes(text: str, field: str) -> int:
    """Whole minutes typed in a field (emergency, grace)."""
    typed = text.strip()
    if not typed.isdigit():
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "give a whole number of minutes, not '{value}'"), value=typed
        )
    return int(typed)


def read_clock(text: str, field: str) -> time:
    """A time of day typed as 22:00 (or 2200)."""
    typed = text.strip().replace("：", ":")
    if typed.isdigit() and len(typed) in (3, 4):
        typed = f"{typed[:-2]}:{typed[-2:]}"
    try:
        hours, minutes = (int(part) for part in typed.split(":"))
        return time(hours, minutes)
    except ValueError:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not a time of day such as 22:00"), value=typed
        ) from None


# ---------------------------------------------------------------- the holiday table


def library_years(around: int) -> tuple[int, int] | None:
    """The first and last year the statutory calendar knows (searched from ``around`` back and on)."""
    known = [year for year in range(2000, around + 10) if library_knows(year)]
    return (known[0], known[-1]) if known else None


def calendar_note(known: tuple[int, int] | None, entered: Sequence[int]) -> str:
    """What the program knows of working days, and what it does for a year it does not know."""
    lines = []
    if known is None:
        lines.append(translate("repair_register", "The statutory holiday calendar is not available."))
    else:
        lines.append(
            translate(
                "repair_register",
                "The statutory holiday calendar (the State Council's) is known for {first}–{last}.",
            ).format(first=known[0], last=known[1])
        )
    if entered:
        lines.append(
            translate("repair_register", "The office entered: {years}.").format(
                years=", ".join(str(year) for year in entered)
            )
        )
    lines.append(
        translate(
            "repair_register",
            "A later year not entered here counts weekends only (public holidays left out), "
            "and every deadline in it says so.",
        )
    )
    return " ".join(lines)


def year_text(year: int, held: Holidays | None, known: bool) -> str:
    """Where a year's working days come from, and what the office entered for it."""
    if known:
        return translate("repair_register", "{year} is in the statutory calendar: nothing to enter.").format(
            year=year
        )
    if held is None:
        return translate(
            "repair_register", "{year} is not entered: its deadlines count weekends only."
        ).format(year=year)
    return translate(
        "repair_register",
        "{year}: {holidays} holidays and {working} working weekend days entered by the office.",
    ).format(year=year, holidays=len(held.holidays), working=len(held.working_days))


def weekday_name(day: date) -> str:
    """The day of the week, short."""
    return (
        translate("repair_register", "Mon"),
        translate("repair_register", "Tue"),
        translate("repair_register", "Wed"),
        translate("repair_register", "Thu"),
        translate("repair_register", "Fri"),
        translate("repair_register", "Sat"),
        translate("repair_register", "Sun"),
    )[day.weekday()]


@dataclass(frozen=True)
class DayLine:
    """One day of the office's table for a year."""

    day: date
    working: bool  # a swapped working day (调休上班); else a holiday

    @property
    def kind(self) -> str:
        """Holiday, or working day."""
        return (
            translate("repair_register", "Working day")
            if self.working
            else translate("repair_register", "Holiday")
        )


def day_lines(held: Holidays | None) -> list[DayLine]:
    """A year's days as the office entered them, by date."""
    if held is None:
        return []
    lines = [DayLine(day, False) for day in held.holidays] + [DayLine(day, True) for day in held.working_days]
    return sorted(lines, key=lambda line: line.day)


def with_day(held: Holidays | None, year: int, day: date, working: bool) -> Holidays:
    """The year's table with ``day`` added (or moved) as a holiday or a working day."""
    off = set(held.holidays if held else ()) - {day}
    on = set(held.working_days if held else ()) - {day}
    (on if working else off).add(day)
    return Holidays(year, tuple(sorted(off)), tuple(sorted(on)))


def without_days(held: Holidays, days: Sequence[date]) -> Holidays:
    """The year's table without ``days``."""
    gone = set(days)
    return Holidays(
        held.year,
        tuple(day for day in held.holidays if day not in gone),
        tuple(day for day in held.working_days if day not in gone),
    )


def suggested_key(name: str, taken: Sequence[str]) -> str:
    """A key for a new category, from its name's pinyin (电梯 → dianti), not one of ``taken``."""
    from estatedesk.domain.search import pinyin_keys

    spelled = pinyin_keys(name.strip()).split()
    base = "".join(
        char for char in (spelled[0] if spelled else name).lower() if char.isascii() and char.isalnum()
    )
    base = base or "custom"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key
