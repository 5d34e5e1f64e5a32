"""The cleaning schedule's texts, Qt-free: frequencies in words, days off, minutes as 时长, area kinds.

Texts are English sources translated in context "cleaning". What a task does (清扫楼道及门厅…)
is the office's own Chinese, printed on the task sheets as typed, and is never translated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from estatedesk.domain.cleaning import (
    DEFAULT_TASKS,
    MAX_EVERY_DAYS,
    MAX_EVERY_MONTHS,
    MAX_PER_DAY,
    WEEKDAY_WORDS,
    AreaKind,
    Frequency,
    FrequencyKind,
    occurrences,
)
from estatedesk.gui.i18n import translate
from estatedesk.services.cleaning import AreaView, CleanerView, LeaveView, TaskView

AREAS_SHOWN = 2  # a cleaner's areas named in a list cell before "… N in all"

# The common areas a clerk adds, in the order the add dialog offers them (stairwells come from the
# households file).
COMMON_KINDS: tuple[AreaKind, ...] = (
    AreaKind.ROAD,
    AreaKind.GARBAGE,
    AreaKind.GREEN,
    AreaKind.CAR_PARK,
    AreaKind.DRAINS,
    AreaKind.SEPTIC_TANK,
    AreaKind.WATER_TANK,
    AreaKind.OTHER,
)

# The usual works of a property plan, offered in the task dialog after the area kind's defaults;
# Chinese, as printed on the task sheet.
USUAL_WORKS: tuple[str, ...] = (
    "清扫",
    "拖洗",
    "擦拭扶手",
    "擦拭门窗",
    "清运垃圾",
    "清洗垃圾桶",
    "捡拾垃圾",
    "检查雨污水井",
    "疏通管道",
    "清洗水箱",
    "消杀",
    "灭鼠除虫",
    "清理小广告",
    "除雪",
)

# The frequency kinds in the order the task dialog offers them, with the highest count each takes
# (0: no count).
FREQUENCY_KINDS: tuple[FrequencyKind, ...] = (
    FrequencyKind.DAILY,
    FrequencyKind.PER_DAY,
    FrequencyKind.WEEKDAYS,
    FrequencyKind.PER_WEEK,
    FrequencyKind.EVERY_DAYS,
    FrequencyKind.MONTHLY,
    FrequencyKind.EVERY_MONTHS,
    FrequencyKind.YEARLY,
)
HIGHEST_COUNT: dict[FrequencyKind, int] = {
    FrequencyKind.PER_DAY: MAX_PER_DAY,
    FrequencyKind.PER_WEEK: 7,
    FrequencyKind.EVERY_DAYS: MAX_EVERY_DAYS,
    FrequencyKind.EVERY_MONTHS: MAX_EVERY_MONTHS,
}


# ---------------------------------------------------------------- names of the domain's values


def weekday_text(weekday: int) -> str:
    """A weekday (0 = Monday), short: 周一."""
    return (
        translate("cleaning", "Mon"),
        translate("cleaning", "Tue"),
        translate("cleaning", "Wed"),
        translate("cleaning", "Thu"),
        translate("cleaning", "Fri"),
        translate("cleaning", "Sat"),
        translate("cleaning", "Sun"),
    )[weekday]


def weekdays_text(weekdays: Iterable[int]) -> str:
    """Several weekdays, Monday first, joined for a list cell: 周一、周四."""
    return "、".join(weekday_text(day) for day in sorted(set(weekdays)))


def days_off_text(days_off: frozenset[int]) -> str:
    """A cleaner's weekdays off (周日, 周六、周日), or that they have none."""
    return weekdays_text(days_off) if days_off else translate("cleaning", "None")


def working_week_text(days_off: frozenset[int]) -> str:
    """The working pattern in a few words: 6 days a week, off on Sunday."""
    if not days_off:
        return translate("cleaning", "7 days a week")
    return translate("cleaning", "{days} days a week, off on {off}").format(
        days=7 - len(days_off), off=weekdays_text(days_off)
    )


def minutes_text(minutes: int) -> str:
    """A duration (时长) as the office says it: 20分钟, 1小时30分钟, 8小时."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return translate("cleaning", "{minutes} min").format(minutes=rest)
    if not rest:
        return translate("cleaning", "{hours} h").format(hours=hours)
    return translate("cleaning", "{hours} h {minutes} min").format(hours=hours, minutes=rest)


def area_kind_text(kind: AreaKind) -> str:
    """What kind of area it is, in the interface language."""
    return {
        AreaKind.STAIRWELL: translate("cleaning", "Stairwell"),
        AreaKind.ROAD: translate("cleaning", "Roads and squares"),
        AreaKind.GARBAGE: translate("cleaning", "Garbage point"),
        AreaKind.GREEN: translate("cleaning", "Green belt"),
        AreaKind.CAR_PARK: translate("cleaning", "Car park"),
        AreaKind.DRAINS: translate("cleaning", "Drains and wells"),
        AreaKind.SEPTIC_TANK: translate("cleaning", "Septic tank"),
        AreaKind.WATER_TANK: translate("cleaning", "Water tank"),
        AreaKind.OTHER: translate("cleaning", "Other"),
    }[kind]


def area_name_hint(kind: AreaKind) -> str:
    """An example name for a new area of ``kind``, as the add dialog's placeholder."""
    return {
        AreaKind.ROAD: translate("cleaning", "e.g. main road and north square"),
        AreaKind.GARBAGE: translate("cleaning", "e.g. garbage point by building 3"),
        AreaKind.GREEN: translate("cleaning", "e.g. central green belt"),
        AreaKind.CAR_PARK: translate("cleaning", "e.g. underground car park"),
        AreaKind.DRAINS: translate("cleaning", "e.g. rain and sewage wells"),
        AreaKind.SEPTIC_TANK: translate("cleaning", "e.g. septic tank by the south gate"),
        AreaKind.WATER_TANK: translate("cleaning", "e.g. roof water tank"),
    }.get(kind, translate("cleaning", "e.g. bicycle shed"))


# ---------------------------------------------------------------- frequencies


def frequency_kind_text(kind: FrequencyKind) -> str:
    """A kind of frequency as the task dialog offers it."""
    return {
        FrequencyKind.PER_DAY: translate("cleaning", "Several times a day"),
        FrequencyKind.DAILY: translate("cleaning", "Daily"),
        FrequencyKind.WEEKDAYS: translate("cleaning", "On given weekdays"),
        FrequencyKind.PER_WEEK: translate("cleaning", "Times a week"),
        FrequencyKind.EVERY_DAYS: translate("cleaning", "Every few days"),
        FrequencyKind.MONTHLY: translate("cleaning", "Monthly, on a day"),
        FrequencyKind.EVERY_MONTHS: translate("cleaning", "Every few months"),
        FrequencyKind.YEARLY: translate("cleaning", "Yearly"),
    }[kind]


def last_day_note() -> str:
    """What a monthly day past the 28th means in a shorter month (小月取月末)."""
    return translate("cleaning", "the month's last day when it is shorter")


def frequency_text(frequency: Frequency) -> str:
    """How often a task comes, in words: 每天2次, 每周一、周四, 每月31日（小月取月末）."""
    kind, count = frequency.kind, frequency.count
    if kind is FrequencyKind.PER_DAY:
        return translate("cleaning", "{count} times a day").format(count=count)
    if kind is FrequencyKind.DAILY:
        return translate("cleaning", "Daily")
    if kind is FrequencyKind.WEEKDAYS:
        return translate("cleaning", "Every {days}").format(days=weekdays_text(frequency.weekdays))
    if kind is FrequencyKind.PER_WEEK:
        if count == 1:
            return translate("cleaning", "Weekly")
        return translate("cleaning", "{count} times a week").format(count=count)
    if kind is FrequencyKind.EVERY_DAYS:
        return translate("cleaning", "Every {count} days").format(count=count)
    if kind is FrequencyKind.MONTHLY:
        text = translate("cleaning", "Monthly on day {day}").format(day=frequency.day)
        if frequency.last_day_note:
            text = translate("cleaning", "{frequency} ({detail})").format(
                frequency=text, detail=last_day_note()
            )
        return text
    if kind is FrequencyKind.EVERY_MONTHS:
        if count == 1:
            return translate("cleaning", "Monthly")
        return translate("cleaning", "Every {count} months").format(count=count)
    return translate("cleaning", "Yearly")


def anchor_text(task: TaskView) -> str:
    """Which days a task counted from its first day comes on ('' for the others).

    n times a week is spread from the weekday it started on, every n months falls on the day of
    the month it started, yearly on its day of the year.
    """
    kind, first = task.frequency.kind, task.starts_on
    if kind is FrequencyKind.PER_WEEK and task.frequency.count < 7:
        week = occurrences(task.frequency, first, first + timedelta(days=6), first)
        return weekdays_text(day.weekday() for day, _times in week)
    if kind is FrequencyKind.EVERY_MONTHS:
        return translate("cleaning", "on day {day}").format(day=first.day)
    if kind is FrequencyKind.YEARLY:
        return translate("cleaning", "on {month}-{day}").format(month=first.month, day=first.day)
    return ""


def start_text(task: TaskView) -> str:
    """From when a task comes: its first day, or the day every n days count from ('' for neither).

    A task given no first day belongs to every month's rota; only every n days then needs the
    day it counts from (the other kinds say their days in their frequency).
    """
    if task.only_from_start:
        return task.starts_on.isoformat()
    if task.frequency.kind is FrequencyKind.EVERY_DAYS:
        return translate("cleaning", "counted from {date}").format(date=task.starts_on.isoformat())
    return ""


def task_frequency_text(task: TaskView) -> str:
    """A task's frequency in words, with the day it falls on when it counts from its first day."""
    anchored = anchor_text(task)
    text = frequency_text(task.frequency)
    return (
        translate("cleaning", "{frequency} ({detail})").format(frequency=text, detail=anchored)
        if anchored
        else text
    )


def frequency_spec(kind: FrequencyKind, count: int = 1, weekdays: Iterable[int] = (), day: int = 1) -> str:
    """The frequency the task dialog's inputs make, as the command line writes it (``2/week``)."""
    if kind is FrequencyKind.PER_DAY:
        return f"{count}/day"
    if kind is FrequencyKind.DAILY:
        return "day"
    if kind is FrequencyKind.WEEKDAYS:
        return ",".join(WEEKDAY_WORDS[weekday] for weekday in sorted(set(weekdays)))
    if kind is FrequencyKind.PER_WEEK:
        return f"{count}/week"
    if kind is FrequencyKind.EVERY_DAYS:
        return f"{count}days"
    if kind is FrequencyKind.MONTHLY:
        return f"month:{day}"
    if kind is FrequencyKind.EVERY_MONTHS:
        return f"{count}months"
    return "year"


def count_unit_text(kind: FrequencyKind) -> str:
    """What the task dialog's number counts for a kind of frequency ('' when it has none)."""
    return {
        FrequencyKind.PER_DAY: translate("cleaning", "times a day"),
        FrequencyKind.PER_WEEK: translate("cleaning", "times a week"),
        FrequencyKind.EVERY_DAYS: translate("cleaning", "days"),
        FrequencyKind.EVERY_MONTHS: translate("cleaning", "months"),
    }.get(kind, "")


def usual_works(kind: AreaKind | None) -> list[str]:
    """What the task dialog offers to be done: the defaults for the area's kind first, then the usual."""
    offered = [template.what for template in DEFAULT_TASKS if template.area_kind is kind]
    return offered + [work for work in USUAL_WORKS if work not in offered]


# ---------------------------------------------------------------- areas and tasks


def task_count_text(area: AreaView) -> str:
    """How many tasks an area has ('' for none: the list shows it empty)."""
    return str(area.tasks) if area.tasks else ""


def week_minutes_text(area: AreaView) -> str:
    """What an area's tasks take in a usual week ('' for none)."""
    return minutes_text(area.minutes_per_week) if area.minutes_per_week else ""


def areas_status(areas: Sequence[AreaView]) -> str:
    """The areas page's figures: how many areas and stairwells, tasks, and the work of a usual week."""
    stairwells = sum(1 for area in areas if area.kind is AreaKind.STAIRWELL)
    return translate(
        "cleaning", "{areas} areas ({stairwells} stairwells), {tasks} tasks, {week} a week"
    ).format(
        areas=len(areas),
        stairwells=stairwells,
        tasks=sum(area.tasks for area in areas),
        week=minutes_text(sum(area.minutes_per_week for area in areas)),
    )


def tasks_title(area: AreaView) -> str:
    """The heading of an area's tasks."""
    if not area.tasks:
        return translate("cleaning", "{area}: no tasks yet").format(area=area.name)
    return translate("cleaning", "Tasks of {area}: {count}, {week} a week").format(
        area=area.name, count=area.tasks, week=minutes_text(area.minutes_per_week)
    )


def defaults_offer_text(areas: Sequence[AreaView]) -> str:
    """The banner offering RULES.md §5's default tasks to an estate whose areas have none."""
    return translate(
        "cleaning",
        "None of the {count} areas has a task yet. Start from the usual plan: stairwells swept daily, "
        "mopped weekly and handrails wiped twice a week, roads swept and bins emptied twice a day, "
        "wells checked monthly, the septic tank every 2 months, the water tank every 6 months. "
        "You can change each task afterwards.",
    ).format(count=len(areas))


def responsible_text(area: AreaView) -> str:
    """The cleaner responsible for an area, or that none is named yet."""
    return area.responsible or translate("cleaning", "(none)")


# ---------------------------------------------------------------- the team and their leave


def period_text(first: date, last: date) -> str:
    """A period of days, both included: 2026-12-01–12-03 (one day: 2026-12-01)."""
    if first == last:
        return first.isoformat()
    end = last.strftime("%m-%d") if last.year == first.year else last.isoformat()
    return f"{first.isoformat()}–{end}"


def leave_days(leave: LeaveView) -> int:
    """How many calendar days a period of leave has, both ends included."""
    return (leave.last - leave.first).days + 1


def leave_ahead(cleaner: CleanerView, today: date) -> list[LeaveView]:
    """A cleaner's leave that has not ended by ``today``, earliest first."""
    return sorted((leave for leave in cleaner.leave if leave.last >= today), key=lambda leave: leave.first)


def on_leave(cleaner: CleanerView, today: date) -> bool:
    """Whether a cleaner is on leave ``today``."""
    return any(leave.first <= today <= leave.last for leave in cleaner.leave)


def leave_ahead_text(cleaner: CleanerView, today: date) -> str:
    """The team list's leave column: on leave now (until when), and the periods ahead."""
    ahead = leave_ahead(cleaner, today)
    texts = [period_text(leave.first, leave.last) for leave in ahead]
    if ahead and ahead[0].first <= today:
        texts[0] = translate("cleaning", "on leave until {last}").format(last=ahead[0].last.isoformat())
    return "；".join(texts)


def responsible_for_text(cleaner: CleanerView) -> str:
    """The areas a cleaner is responsible for, the first few named: 1号楼1单元楼道、主干道 … 5 in all."""
    if len(cleaner.areas) <= AREAS_SHOWN:
        return "、".join(cleaner.areas)
    return translate("cleaning", "{areas} … {count} in all").format(
        areas="、".join(cleaner.areas[:AREAS_SHOWN]), count=len(cleaner.areas)
    )


def team_status(cleaners: Sequence[CleanerView], today: date) -> str:
    """The team page's figures: how many cleaners, how many on leave today."""
    away = sum(1 for cleaner in cleaners if on_leave(cleaner, today))
    return translate("cleaning", "{count} cleaners, {away} on leave today").format(
        count=len(cleaners), away=away
    )


def leave_title(cleaner: CleanerView) -> str:
    """The heading of a cleaner's leave."""
    if not cleaner.leave:
        return translate("cleaning", "{name}: no leave entered").format(name=cleaner.name)
    return translate("cleaning", "Leave of {name}: {count} periods, {days} days").format(
        name=cleaner.name, count=len(cleaner.leave), days=sum(leave_days(leave) for leave in cleaner.leave)
    )


def affected_text(affected: Sequence[tuple[str, int]]) -> str:
    """The accepted rotas a new leave breaks: 2026-12 (4 days), 2027-01 (2 days)."""
    return "、".join(
        translate("cleaning", "{month} ({days} days)").format(month=month, days=days)
        for month, days in affected
    )


def leave_breaks_rota_text(name: str, affected: Sequence[tuple[str, int]]) -> str:
    """What the clerk is told when leave just entered breaks accepted rotas, and what is offered."""
    return translate(
        "cleaning",
        "{name} was put to work on days of this leave in the accepted rota of {months}. "
        "Those days are planned again; check the changes and accept the rota again.\n\n"
        "Show the month's rota of {first} now?",
    ).format(name=name, months=affected_text(affected), first=affected[0][0])
