"""Areas to keep clean and their tasks (RULES.md §5).

A unit's stairwell is made by the data file itself when its first room appears (a trigger of
schema v6), so the areas follow the households file however rooms are written; common areas
(roads, garbage points, green belts…) are added by the clerk. Each task is an area × what ×
frequency × standard minutes; a new estate is offered RULES.md §5's defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cache

from estatedesk.domain.cleaning import (
    DEFAULT_TASKS,
    AreaKind,
    Frequency,
    TaskTemplate,
    occurrences,
    parse_frequency,
)
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.sorting import natural_key
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.cleaning.records import AreaView, TaskInput, TaskView
from estatedesk.store import audit
from estatedesk.store.audit import now_utc
from estatedesk.store.sql import as_date, execute, insert

MAX_TASK_MINUTES = 24 * 60
_SAMPLE_WEEK = date(2026, 11, 30)  # a Monday: a usual week to say how big an area's work is


def list_areas(kind: AreaKind | None = None) -> list[AreaView]:
    """The areas in use: stairwells by building and unit, then common areas by name."""
    return _areas(kind)


def _areas(kind: AreaKind | None = None, area_id: int | None = None) -> list[AreaView]:
    # One area looked up reads only its own tasks: a lookup does not grow with the estate.
    where = "a.archived_at IS NULL" + (" AND a.kind = ?" if kind else "")
    where += " AND a.id = ?" if area_id is not None else ""
    params = ((kind.value,) if kind else ()) + ((area_id,) if area_id is not None else ())
    tasks_of: dict[int, list[TaskView]] = {}
    for task in list_tasks(area_id):
        tasks_of.setdefault(task.area_id, []).append(task)
    rows = execute(
        "SELECT a.id, a.kind, a.name, a.responsible_id, c.name, a.note, a.building_id, a.unit_id,"
        " b.name, u.name"
        " FROM cleaning_area a LEFT JOIN cleaner c ON c.id = a.responsible_id"
        " LEFT JOIN building b ON b.id = a.building_id LEFT JOIN unit u ON u.id = a.unit_id"
        f" WHERE {where}",
        params,
    ).fetchall()
    rows.sort(key=lambda row: place_key(row[1], row[8], row[9], row[2]))
    return [
        AreaView(
            area_id,
            AreaKind(area_kind),
            name,
            responsible_id,
            responsible or "",
            len(tasks_of.get(area_id, [])),
            sum(week_minutes(task.frequency, task.minutes) for task in tasks_of.get(area_id, [])),
            note,
            building_id,
            unit_id,
        )
        for area_id, area_kind, name, responsible_id, responsible, note, building_id, unit_id, *_place in rows
    ]


def place_key(kind: str, building: str | None, unit: str | None, name: str) -> tuple[object, ...]:
    """Where an area comes in lists: stairwells by building and unit, then common areas by name.

    Names in natural order, as the households tree has them: 3号楼 before 10号楼 whichever was
    entered first.
    """
    return (
        kind != AreaKind.STAIRWELL,
        natural_key(building or ""),
        natural_key(unit or ""),
        natural_key(name),
    )


def week_minutes(frequency: Frequency, minutes: int) -> int:
    """What a task takes in a usual week (a monthly task's share of one), rounded to the minute."""
    return round(_times_a_year(frequency) * minutes / 52)


@cache  # a year of days walked once per frequency, not for every task each time an area is looked up
def _times_a_year(frequency: Frequency) -> int:
    first = _SAMPLE_WEEK
    return sum(count for _day, count in occurrences(frequency, first, first + timedelta(days=363), first))


def area(area_id: int) -> AreaView:
    """One area in use."""
    for found in _areas(area_id=area_id):
        return found
    raise NotFound(QT_TRANSLATE_NOOP("messages", "the area is no longer in use"))


def area_by_name(name: str, field: str = "area") -> AreaView:
    """The area in use of this name, or a refusal naming it (for the command line)."""
    typed = name.strip()
    row = execute("SELECT id FROM cleaning_area WHERE name = ? AND archived_at IS NULL", (typed,)).fetchone()
    if row is None:
        raise InputRejected(
            [
                ValidationError(
                    field,
                    QT_TRANSLATE_NOOP("messages", "there is no area named '{name}': see cleaning areas"),
                    name=typed,
                )
            ]
        )
    return area(row[0])


def _checked_name(name: str, area_id: int | None) -> str:
    typed = name.strip()
    if not typed:
        raise InputRejected([ValidationError("name", QT_TRANSLATE_NOOP("messages", "name the area"))])
    check_text(typed, "name")
    row = execute("SELECT id FROM cleaning_area WHERE name = ? AND archived_at IS NULL", (typed,)).fetchone()
    if row is not None and row[0] != area_id:
        raise InputRejected(
            [
                ValidationError(
                    "name", QT_TRANSLATE_NOOP("messages", "an area named '{name}' exists already"), name=typed
                )
            ]
        )
    return typed


def add_area(kind: AreaKind, name: str, note: str = "") -> int:
    """Add a common area (roads and squares, a garbage point, a green belt…); return its id.

    Stairwells come from the households file and are not added by hand.
    """
    if kind is AreaKind.STAIRWELL:
        raise InputRejected(
            [
                ValidationError(
                    "kind",
                    QT_TRANSLATE_NOOP(
                        "messages", "stairwells come from the households file: add the building's rooms"
                    ),
                )
            ]
        )
    with writing(Records.CLEANING):
        typed = _checked_name(name, None)
        check_text(note.strip(), "note", True)
        area_id = insert(
            "INSERT INTO cleaning_area (kind, name, note, created_at) VALUES (?, ?, ?, ?)",
            (kind.value, typed, note.strip(), now_utc()),
        )
        audit.record("create", "cleaning_area", area_id, after={"kind": kind.value, "name": typed})
    return area_id


def rename_area(area_id: int, name: str, note: str = "") -> None:
    """Give an area another name or note (its tasks, rotas and inspections follow it)."""
    with writing(Records.CLEANING):
        before = area(area_id)
        typed = _checked_name(name, area_id)
        check_text(note.strip(), "note", True)
        execute("UPDATE cleaning_area SET name = ?, note = ? WHERE id = ?", (typed, note.strip(), area_id))
        audit.record("update", "cleaning_area", area_id, before={"name": before.name}, after={"name": typed})


def remove_area(area_id: int) -> None:
    """Take an area out of use with its tasks (a shop building's stairwell); its history stays."""
    with writing(Records.CLEANING):
        area(area_id)
        stamp = now_utc()
        execute(
            "UPDATE cleaning_task SET archived_at = ? WHERE area_id = ? AND archived_at IS NULL",
            (stamp, area_id),
        )
        execute("UPDATE cleaning_area SET archived_at = ? WHERE id = ?", (stamp, area_id))
        audit.record("archive", "cleaning_area", area_id)


def set_responsible(area_id: int, cleaner_id: int | None) -> None:
    """Name the cleaner responsible for an area (责任制), or none."""
    with writing(Records.CLEANING):
        before = area(area_id)
        if cleaner_id is not None:
            row = execute(
                "SELECT name FROM cleaner WHERE id = ? AND archived_at IS NULL", (cleaner_id,)
            ).fetchone()
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("messages", "the cleaner is no longer on the team"))
        execute("UPDATE cleaning_area SET responsible_id = ? WHERE id = ?", (cleaner_id, area_id))
        audit.record(
            "update",
            "cleaning_area",
            area_id,
            before={"responsible": before.responsible_id},
            after={"responsible": cleaner_id},
        )


def list_tasks(area_id: int | None = None, stopped_since: date | None = None) -> list[TaskView]:
    """The tasks in use (of one area, or all), by area then id.

    With ``stopped_since``, also those stopped (or whose area was taken out) on that day or later,
    each saying when.
    """
    where = "t.archived_at IS NULL AND a.archived_at IS NULL"
    params: list[object] = []
    if stopped_since is not None:
        where = f"({where} OR substr(coalesce(t.archived_at, a.archived_at), 1, 10) >= ?)"
        params.append(stopped_since.isoformat())
    if area_id:
        where += " AND t.area_id = ?"
        params.append(area_id)
    rows = execute(
        "SELECT t.id, t.area_id, a.name, t.what, t.every, t.minutes, t.starts_on, a.responsible_id,"
        " t.only_from_start, a.kind, b.name, u.name, coalesce(t.archived_at, a.archived_at)"
        " FROM cleaning_task t JOIN cleaning_area a ON a.id = t.area_id"
        " LEFT JOIN building b ON b.id = a.building_id LEFT JOIN unit u ON u.id = a.unit_id"
        f" WHERE {where}",
        params,
    ).fetchall()
    rows.sort(key=lambda row: (place_key(row[9], row[10], row[11], row[2]), row[0]))
    return [
        TaskView(
            row[0],
            row[1],
            row[2],
            row[3],
            parse_frequency(row[4]),
            row[5],
            _day(row[6]),
            row[7],
            bool(row[8]),
            local_day(row[12]),
        )
        for row in rows
    ]


def local_day(stamp: str | None) -> date | None:
    """The office's day of a stored UTC moment (when something was stopped or left); None for none."""
    if not stamp:
        return None
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().date()


def _day(value: object) -> date:
    day = as_date(value)
    assert day is not None  # NOT NULL in the schema
    return day


def task(task_id: int) -> TaskView:
    """One task in use."""
    for found in list_tasks():
        if found.task_id == task_id:
            return found
    raise NotFound(QT_TRANSLATE_NOOP("messages", "the task is no longer in use"))


def parse_minutes(text: str, field: str = "minutes", highest: int = MAX_TASK_MINUTES) -> int:
    """Minutes as typed: a whole number above 0, or refused naming what is wrong."""
    typed = text.strip()
    try:
        minutes = int(typed)
    except ValueError:
        minutes = None
    if minutes is None or minutes <= 0:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "minutes must be a whole number above 0, not '{value}'"),
            value=typed,
        )
    if minutes > highest:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "{value} minutes is more than a day's {highest}"),
            value=minutes,
            highest=highest,
        )
    return minutes


def _checked_task(typed: TaskInput, today: date) -> tuple[str, Frequency, int, date, bool]:
    problems = Problems()
    what = typed.what.strip()
    if not what:
        problems.append(ValidationError("what", QT_TRANSLATE_NOOP("messages", "say what is done")))
    problems.attempt(check_text, what, "what")
    frequency = problems.attempt(parse_frequency, typed.every, "every")
    minutes = problems.attempt(parse_minutes, typed.minutes, "minutes")
    starts_on = problems.attempt(parse_date, typed.starts_on, "starts_on")
    if problems:
        raise InputRejected(problems)
    assert frequency is not None and minutes is not None
    return what, frequency, minutes, starts_on or today, starts_on is not None


def add_task(typed: TaskInput, today: date | None = None) -> int:
    """Add a task to an area; return its id.

    Every n days or months count from the start typed (nothing comes before it), else from today,
    and then the task belongs to every month's rota, earlier ones too.
    """
    what, frequency, minutes, starts_on, only_from_start = _checked_task(typed, today or date.today())
    with writing(Records.CLEANING):
        area(typed.area_id)
        task_id = insert(
            "INSERT INTO cleaning_task"
            " (area_id, what, every, minutes, starts_on, only_from_start, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                typed.area_id,
                what,
                frequency.spec,
                minutes,
                starts_on.isoformat(),
                int(only_from_start),
                now_utc(),
            ),
        )
        audit.record(
            "create",
            "cleaning_task",
            task_id,
            after={"area": typed.area_id, "what": what, "every": frequency.spec, "minutes": minutes},
        )
    return task_id


def update_task(task_id: int, typed: TaskInput) -> None:
    """Change a task: a rota already accepted is re-planned where it no longer holds.

    A start left empty keeps the day counting runs from, and the task comes before it too.
    """
    before = task(task_id)
    what, frequency, minutes, starts_on, only_from_start = _checked_task(typed, before.starts_on)
    with writing(Records.CLEANING):
        area(typed.area_id)
        execute(
            "UPDATE cleaning_task SET area_id = ?, what = ?, every = ?, minutes = ?, starts_on = ?,"
            " only_from_start = ? WHERE id = ?",
            (
                typed.area_id,
                what,
                frequency.spec,
                minutes,
                starts_on.isoformat(),
                int(only_from_start),
                task_id,
            ),
        )
        audit.record(
            "update",
            "cleaning_task",
            task_id,
            before={"what": before.what, "every": before.every, "minutes": before.minutes},
            after={"what": what, "every": frequency.spec, "minutes": minutes},
        )


def remove_task(task_id: int) -> None:
    """Stop a task; the rotas that had it keep their history."""
    with writing(Records.CLEANING):
        task(task_id)
        execute("UPDATE cleaning_task SET archived_at = ? WHERE id = ?", (now_utc(), task_id))
        audit.record("archive", "cleaning_task", task_id)


def add_default_tasks(area_ids: Iterable[int] | None = None, today: date | None = None) -> int:
    """Give areas without tasks RULES.md §5's default tasks for their kind; return how many were added.

    The tasks belong to every month. Each area's count starts a day after the last one's (a week
    round), so that weekly mopping and the yearly jobs spread over the days of the week rather
    than all falling on one.
    """
    wanted = None if area_ids is None else set(area_ids)
    first = today or date.today()
    added = 0
    with writing(Records.CLEANING):
        stamp = now_utc()
        chosen = [
            found for found in list_areas() if not found.tasks and (wanted is None or found.area_id in wanted)
        ]
        for position, found in enumerate(chosen):
            start = (first + timedelta(days=position % 7)).isoformat()
            for template in default_tasks(found.kind):
                insert(
                    "INSERT INTO cleaning_task (area_id, what, every, minutes, starts_on, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (found.area_id, template.what, template.every, template.minutes, start, stamp),
                )
                added += 1
        if added:
            audit.record("create", "cleaning_task", None, after={"defaults": added})
    return added


def default_tasks(kind: AreaKind) -> Sequence[TaskTemplate]:
    """RULES.md §5's default tasks for an area of ``kind``."""
    return [template for template in DEFAULT_TASKS if template.area_kind is kind]
