"""The cleaning rota (月度排班) as text: the grid's rows and headers, the fairness figures, the banner.

Qt-free so that it is tested without a window. A rota comes from ``services.cleaning.rota`` as a
``RotaView``; the grid shows one row per task occurrence (a 2/day task has two), grouped by area
in the order the areas and tasks are listed, and one column per day of the month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.domain.rota import Why
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.cleaning import minutes_text
from estatedesk.services.cleaning import CleanerView, FairnessView, RotaView, SlotChange, SlotView

DOCUMENT_FOLDER = "保洁"  # the data folder's folder for the cleaning documents printed
MONTHS_BEFORE = 12  # the month chooser offers this many months back from this one…
MONTHS_AFTER = 6  # …and this many ahead (a rota is planned before its month starts)
RED = "#c0392b"
RED_BACKGROUND = "#f8d7da"
WEEKEND_BACKGROUND = "#eceff3"
MANUAL_COLOUR = "#1f5fa8"  # a cell the clerk set by hand
GREEN = "#2e7d32"
# A weekday under the day's number in the grid's header, Monday first: one character in Chinese.
WEEKDAY_LETTERS = (
    QT_TRANSLATE_NOOP("cleaning_rota", "Mo"),
    QT_TRANSLATE_NOOP("cleaning_rota", "Tu"),
    QT_TRANSLATE_NOOP("cleaning_rota", "We"),
    QT_TRANSLATE_NOOP("cleaning_rota", "Th"),
    QT_TRANSLATE_NOOP("cleaning_rota", "Fr"),
    QT_TRANSLATE_NOOP("cleaning_rota", "Sa"),
    QT_TRANSLATE_NOOP("cleaning_rota", "Su"),
)
# A cell no one could take, and the legend's word for its colour: one word, so that they read alike.
UNCOVERED_WORD = QT_TRANSLATE_NOOP("cleaning_rota", "none")
WHY_TEXTS = {
    Why.NO_ONE_WORKING: QT_TRANSLATE_NOOP("cleaning_rota", "no cleaner works that day"),
    Why.TOO_LONG: QT_TRANSLATE_NOOP("cleaning_rota", "longer than the working day of every cleaner present"),
    Why.NO_MINUTES_LEFT: QT_TRANSLATE_NOOP(
        "cleaning_rota", "every cleaner present has too few minutes left that day"
    ),
}


# ---------------------------------------------------------------- months


def month_of(day: date) -> str:
    """The month holding ``day``, as the file keeps it: YYYY-MM."""
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, months: int) -> str:
    """The month ``months`` after (before, if negative) ``month``."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_keys(today: date, accepted: Iterable[str] = ()) -> list[str]:
    """The months the chooser offers, oldest first: a year back to half a year ahead, and any accepted."""
    this = month_of(today)
    months = {shift_month(this, offset) for offset in range(-MONTHS_BEFORE, MONTHS_AFTER + 1)}
    return sorted(months | set(accepted))


def month_title(month: str, accepted: bool) -> str:
    """A month as the chooser names it: "2026-12", marked when its rota was accepted."""
    return translate("cleaning_rota", "{month} (accepted)").format(month=month) if accepted else month


# ---------------------------------------------------------------- the grid


def weekday_letter(day: date) -> str:
    """The weekday of ``day`` in one letter (一 … 日)."""
    return translate("cleaning_rota", WEEKDAY_LETTERS[day.weekday()])


def day_header(day: date) -> str:
    """A day's column title: its number over its weekday."""
    return f"{day.day}\n{weekday_letter(day)}"


def is_weekend(day: date) -> bool:
    """Saturday or Sunday: the column is shaded."""
    return day.weekday() >= 5


def month_days(view: RotaView) -> list[date]:
    """Every day of the rota's month, in order."""
    return [view.first + timedelta(days=offset) for offset in range((view.last - view.first).days + 1)]


@dataclass(frozen=True)
class GridRow:
    """One row of the grid: an occurrence of a task (the second sweep of a 2/day task is its own row)."""

    task_id: int
    occurrence: int
    area_id: int
    area: str
    task: str
    per_day: int  # how many times the task comes on its busiest day: rows of the same task

    @property
    def label(self) -> str:
        """The row's title: area · what, and which time of the day for a task done more than once."""
        words = translate("cleaning_rota", "{area} · {task}").format(area=self.area, task=self.task)
        if self.per_day > 1:
            return translate("cleaning_rota", "{words} · no. {number}").format(
                words=words, number=self.occurrence
            )
        return words


def grid_rows(slots: Sequence[SlotView], task_order: Sequence[int] = ()) -> list[GridRow]:
    """The grid's rows: every (task, occurrence) of the month, by area and task as listed, then by time.

    ``task_order`` is the order the tasks are listed in (areas' order, then the task's); a task not
    in it (removed since) comes after, by area and what.
    """
    position = {task_id: index for index, task_id in enumerate(task_order)}
    first: dict[tuple[int, int], SlotView] = {}
    per_day: dict[int, int] = {}
    for slot in slots:
        first.setdefault((slot.task_id, slot.occurrence), slot)
        per_day[slot.task_id] = max(per_day.get(slot.task_id, 0), slot.occurrence)
    rows = [
        GridRow(task_id, occurrence, slot.area_id, slot.area, slot.task, per_day[task_id])
        for (task_id, occurrence), slot in first.items()
    ]
    rows.sort(
        key=lambda row: (
            position.get(row.task_id, len(position)),
            row.area if row.task_id not in position else "",
            row.task if row.task_id not in position else "",
            row.task_id,
            row.occurrence,
        )
    )
    return rows


def why_text(why: Why | None) -> str:
    """Why an occurrence was left uncovered, in the interface language."""
    return translate("cleaning_rota", WHY_TEXTS[why]) if why is not None else ""


def uncovered_word() -> str:
    """What a cell no one could take reads (未排), and the legend says of its colour."""
    return translate("cleaning_rota", UNCOVERED_WORD)


def cell_text(slot: SlotView) -> str:
    """A grid cell: the cleaner's name, or that no one could take it."""
    return slot.cleaner if slot.cleaner_id is not None else uncovered_word()


def date_text(day: date) -> str:
    """A day with its weekday: 2026-12-02 三."""
    return f"{day.isoformat()} {weekday_letter(day)}"


def cell_tip(slot: SlotView) -> str:
    """A grid cell's tooltip: the day, area, task and minutes, who does it or why no one, by hand or not."""
    lines = [
        date_text(slot.day),
        translate("cleaning_rota", "{area} · {task}").format(area=slot.area, task=slot.task),
        minutes_text(slot.minutes),
    ]
    if slot.cleaner_id is None:
        lines.append(translate("cleaning_rota", "Uncovered: {why}").format(why=why_text(slot.why)))
    else:
        lines.append(slot.cleaner)
        if slot.manual:
            lines.append(translate("cleaning_rota", "Set by hand"))
    return "\n".join(lines)


# ---------------------------------------------------------------- changing a cell by hand


@dataclass(frozen=True)
class Choice:
    """A cleaner a cell may be given to: who works that day, with the minutes they have left."""

    cleaner_id: int
    name: str
    minutes_left: int  # of their day, with what they already have that day
    fits: bool  # the occurrence fits in what is left (the service refuses it otherwise)
    current: bool  # the cell is theirs now


def works_on(cleaner: CleanerView, day: date) -> bool:
    """Whether a cleaner works on ``day``: not their day off, not on leave."""
    return day.weekday() not in cleaner.days_off and not any(
        period.first <= day <= period.last for period in cleaner.leave
    )


def choices(view: RotaView, slot: SlotView) -> list[Choice]:
    """The cleaners who work on the slot's day, in the team's order, with their minutes left that day."""
    used: dict[int, int] = {}
    for other in view.slots:
        if other.day == slot.day and other.cleaner_id is not None:
            used[other.cleaner_id] = used.get(other.cleaner_id, 0) + other.minutes
    found = []
    for cleaner in view.cleaners:
        if not works_on(cleaner, slot.day):
            continue
        current = cleaner.cleaner_id == slot.cleaner_id
        left = cleaner.minutes_per_day - used.get(cleaner.cleaner_id, 0)
        found.append(
            Choice(
                cleaner.cleaner_id,
                cleaner.name,
                left,
                current or left >= slot.minutes,
                current,
            )
        )
    return found


def choice_text(choice: Choice, minutes: int) -> str:
    """A line of the cell's menu: the name and the time left that day (and that it would not fit)."""
    if choice.fits:
        return translate("cleaning_rota", "{name} — {left} left").format(
            name=choice.name, left=minutes_text(choice.minutes_left)
        )
    return translate("cleaning_rota", "{name} — {left} left, {needed} needed").format(
        name=choice.name, left=minutes_text(max(0, choice.minutes_left)), needed=minutes_text(minutes)
    )


# ---------------------------------------------------------------- fairness


def one_decimal(value: Fraction) -> str:
    """A figure to one decimal, half up: 358.8."""
    tenths = (abs(value) * 10 + Fraction(1, 2)).__floor__()
    sign = "-" if value < 0 and tenths else ""
    return f"{sign}{tenths // 10}.{tenths % 10}"


def signed(value: Fraction) -> str:
    """A deviation to one decimal with its sign: +12.5, −3.0, 0.0."""
    text = one_decimal(value)
    if text.startswith("-"):
        return "−" + text[1:]
    return text if text == "0.0" else "+" + text


@dataclass(frozen=True)
class LoadLine:
    """A cleaner's line of the fairness table."""

    cleaner_id: int
    name: str
    working_days: int
    minutes: int
    rate: Fraction
    deviation: Fraction
    within: bool

    @property
    def rate_text(self) -> str:
        """Minutes per working day."""
        return one_decimal(self.rate)

    @property
    def deviation_text(self) -> str:
        """Against the team's average, with its sign."""
        return signed(self.deviation)

    @property
    def within_text(self) -> str:
        """✓ within the tolerance, ✗ outside it."""
        return "✓" if self.within else "✗"

    @property
    def colour(self) -> str | None:
        """Red for a cleaner outside the tolerance."""
        return None if self.within else RED


def load_lines(fairness: FairnessView) -> list[LoadLine]:
    """Each cleaner's share of the month, in the team's order (by name)."""
    lines = [
        LoadLine(
            load.cleaner_id,
            load.name,
            load.working_days,
            load.minutes,
            load.rate,
            load.deviation,
            load.within,
        )
        for load in fairness.loads
    ]
    return sorted(lines, key=lambda line: (line.name, line.cleaner_id))


def fairness_text(fairness: FairnessView) -> str:
    """The team's average and the tolerance, and whether everyone is within it."""
    text = translate(
        "cleaning_rota",
        "Team average {average} minutes a working day; each cleaner within ±{tolerance} "
        "(the longest task or 10%)",
    ).format(average=one_decimal(fairness.average), tolerance=one_decimal(fairness.tolerance))
    outside = sum(not load.within for load in fairness.loads)
    if not fairness.loads:
        return text
    if outside:
        return text + "\n" + translate("cleaning_rota", "{count} outside it").format(count=outside)
    return text + "\n" + translate("cleaning_rota", "Everyone is within it")


# ---------------------------------------------------------------- the banner and the changes


class Banner(StrEnum):
    """What the banner above the grid says."""

    NONE = "none"  # the accepted rota holds
    UNACCEPTED = "unaccepted"  # never accepted: a plan, kept only once accepted
    CHANGED = "changed"  # later changes (leave…) re-planned some days


def banner(view: RotaView) -> tuple[Banner, str]:
    """The banner's kind and words for a rota, or (NONE, '')."""
    if not view.accepted:
        if not view.slots:
            return Banner.NONE, ""
        return Banner.UNACCEPTED, translate("cleaning_rota", "Not accepted: accept the rota to keep it")
    if view.changes:
        return Banner.CHANGED, translate(
            "cleaning_rota", "{count} places re-planned after leave and other changes"
        ).format(count=len(view.changes))
    return Banner.NONE, ""


@dataclass(frozen=True)
class ChangeLine:
    """A line of the re-plan's changes: date, area, task, who before → who now."""

    key: int
    day: date
    area: str
    task: str
    before: str
    after: str

    @property
    def date_text(self) -> str:
        """The day with its weekday."""
        return date_text(self.day)

    @property
    def change_text(self) -> str:
        """Before → after; no one is "—"."""
        return f"{self.before or '—'} → {self.after or '—'}"


def change_lines(changes: Sequence[SlotChange]) -> list[ChangeLine]:
    """The re-plan's changes, by day."""
    return [
        ChangeLine(
            key,
            change.day,
            change.area,
            change.task if change.occurrence <= 1 else _occurrence_task(change.task, change.occurrence),
            change.before,
            change.after,
        )
        for key, change in enumerate(changes)
    ]


def _occurrence_task(task: str, occurrence: int) -> str:
    return translate("cleaning_rota", "{task} (no. {number})").format(task=task, number=occurrence)


# ---------------------------------------------------------------- uncovered occurrences


@dataclass(frozen=True)
class UncoveredLine:
    """An occurrence no one could take: date, area, task, why."""

    key: int
    slot: SlotView

    @property
    def date_text(self) -> str:
        """The day with its weekday."""
        return date_text(self.slot.day)

    @property
    def task_text(self) -> str:
        """What, and which time of the day when it comes more than once."""
        if self.slot.occurrence > 1:
            return _occurrence_task(self.slot.task, self.slot.occurrence)
        return self.slot.task

    @property
    def why_text(self) -> str:
        """Why, in words."""
        return why_text(self.slot.why)


def uncovered_lines(view: RotaView) -> list[UncoveredLine]:
    """The month's occurrences left uncovered, by day (none listed without a team: all would be)."""
    if not has_team(view):
        return []
    return [UncoveredLine(key, slot) for key, slot in enumerate(view.uncovered)]


def uncovered_title(count: int) -> str:
    """The uncovered list's title, with how many."""
    return translate("cleaning_rota", "Uncovered ({count})").format(count=count)


def has_team(view: RotaView | None) -> bool:
    """Whether the month has cleaners to plan for: without one, every cell would read 未排."""
    return view is not None and bool(view.cleaners)


def no_team_text() -> str:
    """What the page says instead of a rota when the team has no cleaner."""
    return translate("cleaning_rota", "No cleaners yet: add them on the page “{page}” first.").format(
        page=translate("cleaning", "Cleaners and leave")
    )


def empty_rota_text(view: RotaView | None) -> str:
    """What an empty grid says: no tasks, or no one to do them (the grid is then left empty)."""
    if view is None:
        return ""
    lines = []
    if not view.slots:
        lines.append(
            translate(
                "cleaning_rota", "No task comes this month: add areas and their tasks on the first page."
            )
        )
    if not has_team(view):
        lines.append(no_team_text())
    return "\n".join(lines)


def uncovered_note(view: RotaView | None) -> str:
    """What the uncovered list says when it is empty: no tasks yet, no cleaners, or all covered."""
    if view is None:
        return ""
    if not view.slots:
        return translate("cleaning_rota", "No tasks yet: nothing to cover.")
    if not has_team(view):
        return no_team_text()
    if not view.uncovered:
        return translate("cleaning_rota", "Every task is covered.")
    return ""


def rota_status(view: RotaView | None) -> str:
    """The status bar: the month's occurrences, how many uncovered, and by hand."""
    if view is None:
        return ""
    return translate(
        "cleaning_rota", "{month}: {count} tasks to do, {uncovered} uncovered, {manual} set by hand"
    ).format(
        month=view.month,
        count=len(view.slots),
        uncovered=len(view.uncovered),
        manual=sum(slot.manual for slot in view.slots),
    )


# ---------------------------------------------------------------- printing


def _file_word(text: str) -> str:
    """A name as part of a file name: what Windows refuses in one replaced."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_.") or "_"


def wall_chart_path(data_folder: Path, month: str) -> Path:
    """Where the month's wall chart (排班表) is written to print."""
    return data_folder / DOCUMENT_FOLDER / f"排班表-{month}.pdf"


def task_sheets_path(data_folder: Path, month: str, name: str = "") -> Path:
    """Where the month's daily task sheets (每日任务单) are written: everyone's, or one cleaner's."""
    tail = f"-{_file_word(name)}" if name else ""
    return data_folder / DOCUMENT_FOLDER / f"每日任务单-{month}{tail}.pdf"
