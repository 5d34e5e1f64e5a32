"""Printed documents of the cleaning schedule: the wall chart, the daily task sheets, the month's ranking.

Each gathers what it prints from the services (the rota as it stands, the ranking) into the plain
records the reports draw, with the estate's name on every page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError
from estatedesk.domain.rota import Why
from estatedesk.services.cleaning.areas import list_tasks
from estatedesk.services.cleaning.inspections import ranking, ranking_history
from estatedesk.services.cleaning.records import CleanerView, RotaView, SlotView
from estatedesk.services.cleaning.rota import month_key, parse_month, rota
from estatedesk.services.cleaning.team import list_cleaners
from estatedesk.store.sql import estate_name

if TYPE_CHECKING:
    from estatedesk.reports.cleaning_ranking import RankingDocument
    from estatedesk.reports.rota_chart import RotaChartDocument
    from estatedesk.reports.task_sheet import TaskSheetsDocument

# fpdf2 and the reports are imported when a document is made, not with the services: the window
# and the command line start without them.

HISTORY_MONTHS = 6  # the ranking's chart: the month and the five before it


def _now() -> datetime:
    """The office's wall clock, to the minute: printed on every page."""
    return datetime.now().replace(second=0, microsecond=0)


def _month(month: str) -> tuple[str, date, date]:
    """``month`` as YYYY-MM with its first and last day, or ``InputRejected`` that says how to write one."""
    try:
        first, last = parse_month(month)
    except ValidationError as error:
        raise InputRejected([error]) from None
    return month_key(first), first, last


def _refused(field: str, template: str, **params: object) -> InputRejected:
    return InputRejected([ValidationError(field, template, **params)])


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def _on_leave(member: CleanerView, day: date) -> bool:
    return any(period.first <= day <= period.last for period in member.leave)


def _times(view: RotaView) -> Counter[tuple[date, int]]:
    """How many times each task comes on each day (第1次 and 第2次 are said only when more than once)."""
    return Counter((slot.day, slot.task_id) for slot in view.slots)


# ---------------------------------------------------------------- the wall chart


def wall_chart_document(month: str, printed: datetime | None = None) -> RotaChartDocument:
    """The month's rota as it stands, as the wall chart prints it."""
    from estatedesk.reports.rota_chart import ChartRow, Presence, RotaChartDocument, UncoveredLine

    key, first, last = _month(month)
    view = rota(key)
    days = _days(first, last)
    minutes: dict[tuple[int, date], int] = defaultdict(int)
    for slot in view.assigned:
        assert slot.cleaner_id is not None
        minutes[slot.cleaner_id, slot.day] += slot.minutes
    loads = {load.cleaner_id: load for load in view.fairness.loads}
    rows = []
    for member in view.cleaners:
        presence = tuple(
            Presence.DAY_OFF
            if day.weekday() in member.days_off
            else Presence.ON_LEAVE
            if _on_leave(member, day)
            else Presence.WORKING
            for day in days
        )
        load = loads.get(member.cleaner_id)
        working = sum(1 for shown in presence if shown is Presence.WORKING)
        total = sum(minutes[member.cleaner_id, day] for day in days)
        rows.append(
            ChartRow(
                name=member.name,
                presence=presence,
                minutes=tuple(minutes[member.cleaner_id, day] for day in days),
                working_days=load.working_days if load else working,
                rate=load.rate if load else (Fraction(total, working) if working else Fraction(0)),
                within=load.within if load else True,
                areas=member.areas,
            )
        )
    times = _times(view)
    uncovered = tuple(
        UncoveredLine(
            slot.day,
            slot.area,
            slot.task,
            slot.occurrence,
            times[slot.day, slot.task_id],
            slot.why or Why.NO_ONE_WORKING,
        )
        for slot in view.uncovered
    )
    return RotaChartDocument(
        estate_name=estate_name(),
        month=key,
        first=first,
        last=last,
        rows=tuple(rows),
        uncovered=uncovered,
        occurrences=len(view.slots),
        average=view.fairness.average,
        tolerance=view.fairness.tolerance,
        accepted=view.accepted,
        changes=len(view.changes),
        unassigned_areas=_unassigned_areas(),
        printed=printed or _now(),
    )


def _unassigned_areas() -> tuple[str, ...]:
    """The areas with tasks and no responsible cleaner, in the rota's order."""
    names = [found.area for found in list_tasks() if found.responsible_id is None]
    return tuple(dict.fromkeys(names))


def print_wall_chart(month: str, path: Path) -> Path:
    """Write the month's rota as a wall chart (one A4 landscape page; long lists go on to a second)."""
    from estatedesk.reports.rota_chart import write_rota_chart

    write_rota_chart(wall_chart_document(month), path)
    return path


# ---------------------------------------------------------------- the daily task sheets


def task_sheets_document(
    month: str,
    cleaner_id: int | None = None,
    day: date | None = None,
    printed: datetime | None = None,
) -> TaskSheetsDocument:
    """The daily task sheets of a month, of one cleaner and/or one day; refused when nothing is to print."""
    from estatedesk.reports.task_sheet import SheetLine, TaskSheet, TaskSheetsDocument

    key, first, last = _month(month)
    view = rota(key)
    team = {member.cleaner_id: member for member in view.cleaners}
    member = team.get(cleaner_id) if cleaner_id is not None else None
    if cleaner_id is not None and member is None:
        raise _refused("cleaner", QT_TRANSLATE_NOOP("messages", "the cleaner is no longer on the team"))
    if day is not None and not first <= day <= last:
        raise _refused(
            "date",
            QT_TRANSLATE_NOOP("messages", "{day} is not in {month}: choose a day of that month"),
            day=day.isoformat(),
            month=key,
        )
    tasks = list_tasks()  # in the rota's order: stairwells by building and unit, then common areas
    order = {found.task_id: index for index, found in enumerate(tasks)}
    responsible = {found.task_id: found.responsible_id for found in tasks}
    times = _times(view)
    by_sheet: dict[tuple[date, int], list[SlotView]] = defaultdict(list)
    for slot in view.assigned:
        assert slot.cleaner_id is not None
        if (cleaner_id is None or slot.cleaner_id == cleaner_id) and (day is None or slot.day == day):
            by_sheet[slot.day, slot.cleaner_id].append(slot)
    by_name = {member_id: index for index, member_id in enumerate(team)}  # the team comes by name
    sheets = []
    for (shown_day, shown_id), slots in sorted(
        by_sheet.items(), key=lambda item: (item[0][0], by_name.get(item[0][1], len(by_name)))
    ):
        # The first round of the day over every area, then the second.
        slots.sort(key=lambda slot: (slot.occurrence, order.get(slot.task_id, len(order))))
        lines = []
        for slot in slots:
            owner_id = responsible.get(slot.task_id)
            owner = team[owner_id].name if owner_id in team else ""
            lines.append(
                SheetLine(
                    slot.area,
                    slot.task,
                    slot.occurrence,
                    times[slot.day, slot.task_id],
                    slot.minutes,
                    owner if owner_id != shown_id else "",
                )
            )
        worker = team.get(shown_id)
        sheets.append(
            TaskSheet(
                worker.name if worker else slots[0].cleaner,
                shown_day,
                worker.minutes_per_day if worker else 0,
                tuple(lines),
            )
        )
    if not sheets:
        raise _nothing_to_print(key, member, day)
    return TaskSheetsDocument(
        estate_name=estate_name(),
        month=key,
        sheets=tuple(sheets),
        confirmed=view.accepted and not view.stale,
        printed=printed or _now(),
    )


def _nothing_to_print(month: str, member: CleanerView | None, day: date | None) -> InputRejected:
    """Why there is no sheet to print, said on the field the clerk chose."""
    if member is not None and day is not None:
        if day.weekday() in member.days_off:
            return _refused(
                "cleaner",
                QT_TRANSLATE_NOOP("messages", "{day} is {name}'s day off"),
                name=member.name,
                day=day.isoformat(),
            )
        if _on_leave(member, day):
            return _refused(
                "cleaner",
                QT_TRANSLATE_NOOP("messages", "{name} is on leave on {day}: there is no task sheet to print"),
                name=member.name,
                day=day.isoformat(),
            )
        return _refused(
            "cleaner",
            QT_TRANSLATE_NOOP("messages", "{name} has no tasks on {day}"),
            name=member.name,
            day=day.isoformat(),
        )
    if member is not None:
        return _refused(
            "cleaner",
            QT_TRANSLATE_NOOP("messages", "{name} has no tasks in {month}"),
            name=member.name,
            month=month,
        )
    if day is not None:
        return _refused(
            "date", QT_TRANSLATE_NOOP("messages", "no cleaner has tasks on {day}"), day=day.isoformat()
        )
    return _refused(
        "month",
        QT_TRANSLATE_NOOP(
            "messages", "the rota of {month} gives no one any task: add cleaners and tasks first"
        ),
        month=month,
    )


def print_task_sheets(month: str, path: Path, cleaner_id: int | None = None, day: date | None = None) -> Path:
    """Write the daily task sheets (A4, one cleaner's day a page) of a month, a cleaner, a day."""
    from estatedesk.reports.task_sheet import write_task_sheets

    write_task_sheets(task_sheets_document(month, cleaner_id, day), path)
    return path


# ---------------------------------------------------------------- the ranking


def ranking_document(month: str, printed: datetime | None = None) -> RankingDocument:
    """The month's ranking of cleaners and areas, with each cleaner's last six months for the chart.

    The chart shows the cleaners ranked this month, in their order, then the rest of the team
    inspected in those months; a former cleaner not ranked this month is left out.
    """
    from estatedesk.reports.cleaning_ranking import HistorySeries, RankingDocument, RankLine

    key, _first, _last = _month(month)
    ranked = ranking(key)
    history = ranking_history(key, HISTORY_MONTHS)
    shown = [row.name for row in ranked.cleaners]
    team = {member.name for member in list_cleaners()}
    shown += sorted(name for name in history.cleaners if name in team and name not in shown)
    return RankingDocument(
        estate_name=estate_name(),
        month=key,
        cleaners=tuple(
            RankLine(row.rank, row.name, row.average, row.inspections, row.band) for row in ranked.cleaners
        ),
        areas=tuple(
            RankLine(row.rank, row.name, row.average, row.inspections, row.band) for row in ranked.areas
        ),
        top_percent=ranked.top_percent,
        bottom_percent=ranked.bottom_percent,
        months=history.months,
        history=tuple(
            HistorySeries(name, history.cleaners[name]) for name in shown if name in history.cleaners
        ),
        printed=printed or _now(),
    )


def print_ranking(month: str, path: Path) -> Path:
    """Write the month's ranking: the cleaners and the areas by average score, bands, the last six months."""
    from estatedesk.reports.cleaning_ranking import write_ranking

    write_ranking(ranking_document(month), path)
    return path
