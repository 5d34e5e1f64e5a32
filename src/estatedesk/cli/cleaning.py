"""``cleaning …``: the cleaning schedule (保洁排班) from the command line (RULES.md §5).

Areas (stairwells come from the households file; common areas are added here), their tasks,
the cleaners with their days off and leave, who answers for which area, the month's rota (shown
as it stands, kept with ``--accept``, printed as a wall chart and task sheets), the weekly
inspections and the month's ranking, all through the same services as the window. Frequencies
are written ``2/day``, ``day``, ``mon,thu``, ``2/week``, ``3days``, ``month:15``, ``2months`` or
``year``; dates ``YYYY-MM-DD``, months ``YYYY-MM``. A refusal names the option it is about
(``--minutes: minutes must be a whole number above 0, not '0'``).
"""

from __future__ import annotations

import argparse
import errno
import os
import unicodedata
from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path

from estatedesk.cli.common import EXIT_OK, Handler, Invocation, Subcommands, add_command, positive
from estatedesk.domain.cleaning import WEEKDAY_WORDS, AreaKind
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import FileNotWritten, ValidationError
from estatedesk.domain.rota import Why
from estatedesk.services import cleaning
from estatedesk.services.cleaning import (
    CleanerInput,
    CleanerView,
    FairnessView,
    InspectionInput,
    RankRow,
    RotaView,
    SlotChange,
    SlotView,
    TaskInput,
    TaskView,
)

WORDS = ("cleaning",)

# The option each service field is typed in, where it is not ``--`` and the field's name.
_FIELD_OPTIONS = {"starts_on": "--starts"}
# The kinds of area the clerk adds (stairwells come from the households file).
_COMMON_KINDS = tuple(kind.value for kind in AreaKind if kind is not AreaKind.STAIRWELL)
# Why an occurrence was left uncovered, in words.
_WHY_WORDS = {
    Why.NO_ONE_WORKING: "no cleaner works that day",
    Why.TOO_LONG: "it takes longer than the working day of every cleaner working that day",
    Why.NO_MINUTES_LEFT: "every cleaner working that day is full: no one has the minutes left for it",
}


def register(commands: Subcommands, _imports: Subcommands, _exports: Subcommands) -> None:
    """Add ``cleaning`` and its commands to the parser; it imports and exports nothing of its own."""
    area = commands.add_parser(
        "cleaning",
        help="the cleaning schedule: areas and tasks, cleaners and leave, the month's rota, inspections",
    )
    words = area.add_subparsers(dest="cleaning_command", required=True, metavar="COMMAND")
    _register_areas(words)
    _register_tasks(words)
    _register_team(words)
    _register_rota(words)
    _register_inspections(words)


def _add(words: Subcommands, word: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    return add_command(words, word, handler, help_text, _FIELD_OPTIONS)


def _group(words: Subcommands, word: str, help_text: str) -> Subcommands:
    """A word with commands of its own (``task add``, ``task list``…)."""
    parser = words.add_parser(word, help=help_text, description=help_text)
    return parser.add_subparsers(dest=f"cleaning_{word}_command", required=True, metavar="COMMAND")


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _month_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help=what)


def _register_areas(words: Subcommands) -> None:
    areas = _add(words, "areas", run_areas, "list the areas with their responsible cleaner and tasks")
    _json_option(areas)

    area_words = _group(words, "area", "the common areas (stairwells come from the households file)")
    add = _add(area_words, "add", run_area_add, "add a common area: a road or square, a garbage point…")
    add.add_argument("--name", required=True, metavar="NAME", help="the area's name, e.g. 南广场")
    add.add_argument("--kind", required=True, metavar="KIND", help=", ".join(_COMMON_KINDS))

    responsible = _add(
        words, "responsible", run_responsible, "name the cleaner responsible for an area (责任制)"
    )
    responsible.add_argument("--area", required=True, metavar="NAME", help="the area (see `cleaning areas`)")
    responsible.add_argument("--cleaner", required=True, metavar="NAME", help="the cleaner")


def _register_tasks(words: Subcommands) -> None:
    task_words = _group(words, "task", "the tasks of the areas: what, how often, how long")

    add = _add(task_words, "add", run_task_add, "add a task to an area")
    add.add_argument("--area", required=True, metavar="NAME", help="the area (see `cleaning areas`)")
    add.add_argument("--what", required=True, metavar="TEXT", help="what is done, e.g. 拖洗楼道")
    add.add_argument(
        "--every",
        required=True,
        metavar="SPEC",
        help="how often: 2/day, day, mon,thu, 2/week, 3days, month:15, 2months or year",
    )
    add.add_argument("--minutes", required=True, metavar="N", help="the standard minutes it takes once")
    _starts_option(add)

    listing = _add(task_words, "list", run_task_list, "list the tasks, by area")
    listing.add_argument("--area", default="", metavar="NAME", help="only this area's tasks")
    _json_option(listing)

    remove = _add(task_words, "remove", run_task_remove, "stop a task (the rotas that had it keep it)")
    remove.add_argument("--id", required=True, type=positive, metavar="N", help="the task (see `task list`)")

    defaults = _add(
        task_words, "defaults", run_task_defaults, "give areas without tasks the default tasks of their kind"
    )
    defaults.add_argument("--area", default="", metavar="NAME", help="only this area (default: every area)")
    _starts_option(defaults)


def _starts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--starts",
        default="",
        metavar="DATE",
        help="the task's first day, YYYY-MM-DD: nothing comes before it, and every n days, weeks or months"
        " count from it (default: none; they count from today, and the task belongs to every month)",
    )


def _register_team(words: Subcommands) -> None:
    cleaners = _add(words, "cleaners", run_cleaners, "list the team: days off, minutes a day, leave, areas")
    _json_option(cleaners)

    cleaner_words = _group(words, "cleaner", "the cleaners of the team")
    add = _add(cleaner_words, "add", run_cleaner_add, "add a cleaner to the team")
    add.add_argument("--name", required=True, metavar="NAME", help="the cleaner's name")
    add.add_argument(
        "--off", default="", metavar="DAYS", help="the weekdays off, e.g. sun or sat,sun (default: none)"
    )
    add.add_argument(
        "--minutes-per-day",
        dest="minutes_per_day",
        default="480",
        metavar="N",
        help="the minutes of work a working day (default: 480)",
    )
    add.add_argument("--phone", default="", metavar="PHONE", help="the cleaner's phone")

    remove = _add(
        cleaner_words, "remove", run_cleaner_remove, "take a cleaner off the team (not while responsible)"
    )
    remove.add_argument("--name", required=True, metavar="NAME", help="the cleaner's name")

    leave = _add(words, "leave", run_leave, "enter a cleaner's leave, both days included")
    leave.add_argument("--cleaner", required=True, metavar="NAME", help="the cleaner")
    leave.add_argument("--from", dest="first", required=True, metavar="DATE", help="the first day of leave")
    leave.add_argument("--to", dest="last", required=True, metavar="DATE", help="the last day of leave")


def _register_rota(words: Subcommands) -> None:
    rota = _add(words, "rota", run_rota, "show a month's rota as it stands (re-planned where leave broke it)")
    _month_option(rota, "the month")
    rota.add_argument(
        "--accept", action="store_true", help="keep the rota as shown (with the changes it lists)"
    )
    rota.add_argument("--pdf", type=Path, metavar="FILE", help="print the wall chart (cleaners × days)")
    _json_option(rota)

    sheet = _add(words, "sheet", run_sheet, "print the daily task sheets with check boxes")
    _month_option(sheet, "the month")
    sheet.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF file to write")
    sheet.add_argument("--cleaner", default="", metavar="NAME", help="only this cleaner's sheets")
    sheet.add_argument("--date", default="", metavar="DATE", help="only this day's sheets")


def _register_inspections(words: Subcommands) -> None:
    inspect = _add(
        words, "inspect", run_inspect, "record an area's inspection score (a second that day replaces)"
    )
    inspect.add_argument("--date", required=True, metavar="DATE", help="the day it was inspected")
    inspect.add_argument("--area", required=True, metavar="NAME", help="the area (see `cleaning areas`)")
    inspect.add_argument("--score", required=True, metavar="N", help="the score, 0 to 100")
    inspect.add_argument("--note", default="", metavar="TEXT", help="what the inspector noted")

    ranking = _add(words, "ranking", run_ranking, "a month's ranking of cleaners and areas by average score")
    _month_option(ranking, "the month")
    ranking.add_argument("--pdf", type=Path, metavar="FILE", help="print the ranking to this PDF")
    _json_option(ranking)


# ---------------------------------------------------------------- what the commands share


def _width(text: str) -> int:
    """How many columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (Chinese counted as two)."""
    return text + " " * max(width - _width(text), 0)


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines of columns lined up (the last column as it is)."""
    if not rows:
        return []
    widths = [max(_width(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(_pad(cell, width) for cell, width in zip(row, widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    ]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _one_decimal(value: Fraction) -> str:
    """A figure with one decimal, rounded half up."""
    tenths = (value * 10 * 2 + 1) // 2
    sign = "-" if tenths < 0 else ""
    whole, rest = divmod(abs(tenths), 10)
    return f"{sign}{whole}.{rest}"


def _signed(value: Fraction) -> str:
    """A difference with one decimal and its sign (``+1.5``, ``-0.3``, ``0.0``)."""
    text = _one_decimal(value)
    return text if text.startswith("-") or text == "0.0" else "+" + text


def _two_decimals(value: Fraction) -> float:
    """An average as ``--json`` gives it: a number with 2 decimals, rounded half up."""
    return int((value * 100 * 2 + 1) // 2) / 100


def _date(text: str, option: str) -> date:
    """A date an option requires."""
    day = parse_date(text, option)
    if day is None:
        raise ValidationError(option, "give a date such as 2026-12-01")
    return day


def _weekday(day: date) -> str:
    return WEEKDAY_WORDS[day.weekday()].capitalize()


# ---------------------------------------------------------------- areas and tasks


def _tasks_by_area() -> dict[int, list[TaskView]]:
    found: dict[int, list[TaskView]] = {}
    for task in cleaning.list_tasks():
        found.setdefault(task.area_id, []).append(task)
    return found


def run_areas(run: Invocation) -> int:
    """The areas in use: stairwells by building and unit, then common areas; who answers, what is done."""
    areas = cleaning.list_areas()
    tasks = _tasks_by_area()
    if run.args.json:
        run.say_json(
            {
                "areas": [
                    {
                        "name": found.name,
                        "kind": found.kind.value,
                        "responsible": found.responsible or None,
                        "tasks": [
                            {"what": task.what, "every": task.every, "minutes": task.minutes}
                            for task in tasks.get(found.area_id, [])
                        ],
                    }
                    for found in areas
                ]
            }
        )
        return EXIT_OK
    if not areas:
        run.say(
            "no areas yet: stairwells come with the households file (`import households`);"
            " add common areas with `cleaning area add`"
        )
        return EXIT_OK
    for found in areas:
        responsible = found.responsible or "no responsible cleaner"
        run.say(
            f"{found.name} ({found.kind.value}): {responsible}, about {found.minutes_per_week} minutes a week"
        )
        listed = tasks.get(found.area_id, [])
        for line in _table([_task_row(task) for task in listed]):
            run.say(f"  {line}")
        if not listed:
            run.say("  no tasks: `cleaning task defaults` or `cleaning task add`")
    return EXIT_OK


def _task_row(task: TaskView) -> list[str]:
    return [
        f"#{task.task_id}",
        task.what,
        task.every,
        f"{task.minutes} min",
        _start_words(task),
    ]


def _start_words(task: TaskView) -> str:
    """From when a task comes: its first day, or the day its counting runs from."""
    if task.only_from_start:
        return f"from {task.starts_on.isoformat()}"
    return f"counted from {task.starts_on.isoformat()}"


def run_area_add(run: Invocation) -> int:
    """Add a common area; its tasks come after (``task defaults`` or ``task add``)."""
    args = run.args
    typed = args.kind.strip().lower()
    if typed not in {kind.value for kind in AreaKind}:
        raise ValidationError("--kind", f"'{typed}' is not a kind of area: write {', '.join(_COMMON_KINDS)}")
    cleaning.add_area(AreaKind(typed), args.name)
    name = args.name.strip()
    run.say(f"added area {name} ({typed})")
    run.say(f"its default tasks: `estatedesk cleaning task defaults --area {name}`")
    return EXIT_OK


def run_responsible(run: Invocation) -> int:
    """Name an area's responsible cleaner: the rota gives them its tasks on the days they work."""
    found = cleaning.area_by_name(run.args.area)
    member = cleaning.cleaner_by_name(run.args.cleaner)
    cleaning.set_responsible(found.area_id, member.cleaner_id)
    run.say(f"{member.name} is responsible for {found.name}")
    return EXIT_OK


def run_task_add(run: Invocation) -> int:
    """Add a task; a monthly day some months lack is said to fall on their last day."""
    args = run.args
    found = cleaning.area_by_name(args.area)
    task_id = cleaning.add_task(TaskInput(found.area_id, args.what, args.every, args.minutes, args.starts))
    added = cleaning.task(task_id)
    run.say(
        f"added task #{task_id} to {found.name}: {added.what}, every {added.every}, {added.minutes} minutes,"
        f" {_start_words(added)}"
    )
    if added.frequency.last_day_note:
        run.say(
            f"note: months shorter than {added.frequency.day} days have no day {added.frequency.day}:"
            " the task falls on their last day"
        )
    return EXIT_OK


def run_task_list(run: Invocation) -> int:
    """The tasks in use, by area; or one area's."""
    area_id = cleaning.area_by_name(run.args.area).area_id if run.args.area.strip() else None
    tasks = cleaning.list_tasks(area_id)
    if run.args.json:
        run.say_json(
            {
                "tasks": [
                    {
                        "id": task.task_id,
                        "area": task.area,
                        "what": task.what,
                        "every": task.every,
                        "minutes": task.minutes,
                        "starts": task.starts_on.isoformat() if task.only_from_start else None,
                        "counted_from": task.starts_on.isoformat(),
                    }
                    for task in tasks
                ]
            }
        )
        return EXIT_OK
    if not tasks:
        run.say("no tasks: `cleaning task defaults` or `cleaning task add`")
        return EXIT_OK
    for line in _table([[task.area, *_task_row(task)] for task in tasks]):
        run.say(line)
    return EXIT_OK


def run_task_remove(run: Invocation) -> int:
    """Stop a task."""
    found = cleaning.task(run.args.id)
    cleaning.remove_task(found.task_id)
    run.say(f"removed task #{found.task_id}: {found.area}, {found.what}")
    return EXIT_OK


def run_task_defaults(run: Invocation) -> int:
    """Give the areas without tasks (or one area) RULES.md §5's default tasks."""
    args = run.args
    starts = _date(args.starts, "--starts") if args.starts.strip() else None
    only = cleaning.area_by_name(args.area) if args.area.strip() else None
    added = cleaning.add_default_tasks(None if only is None else [only.area_id], starts)
    if added:
        where = only.name if only is not None else "the areas without tasks"
        run.say(f"added {_count(added, 'default task')} to {where}: see `cleaning task list`")
    elif only is not None and only.tasks:
        run.say(f"{only.name} has tasks already: nothing added")
    elif only is not None:
        run.say(f"there are no default tasks for an area of kind {only.kind.value}: nothing added")
    else:
        run.say("every area has tasks already: nothing added")
    return EXIT_OK


# ---------------------------------------------------------------- the team


def _leave_words(member: CleanerView) -> str:
    return ", ".join(f"{period.first.isoformat()} to {period.last.isoformat()}" for period in member.leave)


def run_cleaners(run: Invocation) -> int:
    """The team by name: days off, minutes a day, leave, the areas they answer for."""
    team = cleaning.list_cleaners()
    if run.args.json:
        run.say_json(
            {
                "cleaners": [
                    {
                        "name": member.name,
                        "phone": member.phone or None,
                        "off": member.off,
                        "minutes_per_day": member.minutes_per_day,
                        "leave": [
                            {"from": period.first.isoformat(), "to": period.last.isoformat()}
                            for period in member.leave
                        ],
                        "areas": list(member.areas),
                    }
                    for member in team
                ]
            }
        )
        return EXIT_OK
    if not team:
        run.say("no cleaners yet: `cleaning cleaner add --name NAME`")
        return EXIT_OK
    rows = [
        [
            member.name,
            f"off {member.off or 'none'}",
            f"{member.minutes_per_day} min a day",
            member.phone or "-",
            "responsible for " + ("、".join(member.areas) if member.areas else "no area"),
        ]
        for member in team
    ]
    for member, line in zip(team, _table(rows), strict=True):
        run.say(line + (f"; leave {_leave_words(member)}" if member.leave else ""))
    return EXIT_OK


def run_cleaner_add(run: Invocation) -> int:
    """Add a cleaner with their days off and minutes a day."""
    args = run.args
    cleaner_id = cleaning.add_cleaner(CleanerInput(args.name, args.phone, args.off, args.minutes_per_day))
    member = cleaning.cleaner(cleaner_id)
    run.say(
        f"added cleaner {member.name}: off {member.off or 'none'}, {member.minutes_per_day} minutes a day"
    )
    return EXIT_OK


def run_cleaner_remove(run: Invocation) -> int:
    """Take a cleaner off the team; refused while areas name them responsible."""
    member = cleaning.cleaner_by_name(run.args.name, "name")
    cleaning.remove_cleaner(member.cleaner_id)
    run.say(f"removed {member.name} from the team: their past rotas and scores stay")
    return EXIT_OK


def run_leave(run: Invocation) -> int:
    """Enter leave; say which accepted rotas it breaks and how to see their re-plan."""
    args = run.args
    member = cleaning.cleaner_by_name(args.cleaner)
    added = cleaning.add_leave(member.cleaner_id, args.first, args.last)
    period = next(
        period for period in cleaning.cleaner(member.cleaner_id).leave if period.leave_id == added.leave_id
    )
    run.say(f"entered leave of {member.name} from {period.first.isoformat()} to {period.last.isoformat()}")
    for month, days in added.affected:
        run.say(
            f"the accepted rota of {month} gives {member.name} work on {_count(days, 'day')} of it:"
            f" `estatedesk cleaning rota --month {month}` shows the re-plan, `--accept` keeps it"
        )
    return EXIT_OK


# ---------------------------------------------------------------- the rota


def _assignment_json(slot: SlotView) -> dict[str, object]:
    return {
        "date": slot.day.isoformat(),
        "area": slot.area,
        "task": slot.task,
        "cleaner": slot.cleaner,
        "minutes": slot.minutes,
    }


def _uncovered_json(slot: SlotView) -> dict[str, object]:
    return {"date": slot.day.isoformat(), "area": slot.area, "task": slot.task, "why": _why(slot)}


def _why(slot: SlotView) -> str:
    return _WHY_WORDS[slot.why] if slot.why is not None else "no cleaner could take it"


def _rota_json(view: RotaView) -> dict[str, object]:
    return {
        "assignments": [_assignment_json(slot) for slot in view.assigned],
        "uncovered": [_uncovered_json(slot) for slot in view.uncovered],
        "minutes": view.minutes(),
    }


def run_rota(run: Invocation) -> int:
    """The month's rota as it stands (nothing written); ``--accept`` keeps it, ``--pdf`` prints the chart."""
    args = run.args
    month = cleaning.month_key(cleaning.parse_month(args.month)[0])
    view = cleaning.rota(month)
    if args.accept and args.pdf is not None:
        _refuse_unwritable(Path(args.pdf))  # a command that fails leaves the file as it was
    kept = cleaning.accept_rota(month) if args.accept else None
    if args.pdf is not None:
        from estatedesk.services.cleaning import documents  # the printing pulls in fpdf2: only when asked

        documents.print_wall_chart(month, args.pdf)
    if args.json:
        run.say_json(_rota_json(kept if kept is not None else view))
        return EXIT_OK
    for line in _rota_lines(view, accepting=kept is not None):
        run.say(line)
    if kept is not None:
        changes = f", with the {_count(len(view.changes), 'change')} listed" if view.changes else ""
        run.say(f"accepted the rota of {month}{changes}")
    if args.pdf is not None:
        run.say(f"wrote the wall chart of {month} to {args.pdf}")
    return EXIT_OK


def _refuse_unwritable(path: Path) -> None:
    """Refuse, before anything is written, a PDF that could not be written where it is asked for."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotWritten(path, FileNotFoundError(errno.ENOENT, "no such folder"))
    if not os.access(folder, os.W_OK):
        raise FileNotWritten(path, PermissionError(errno.EACCES, "the folder cannot be written"))


def _rota_lines(view: RotaView, accepting: bool = False) -> list[str]:
    if not view.slots:
        return [
            f"no task comes in {view.month}: add tasks with `cleaning task defaults` or `cleaning task add`"
        ]
    state = "accepted" if view.accepted or accepting else "not accepted yet: `--accept` keeps it"
    lines = [
        f"rota of {view.month} ({state}): {_count(len(view.assigned), 'task')} given,"
        f" {len(view.uncovered)} uncovered"
    ]
    if view.changes:
        lines.append(
            "the accepted rota no longer holds (leave, days off, tasks or responsible cleaners changed"
            " since):"
            f" {_count(len(view.changes), 'change')}, which `--accept` keeps:"
        )
        lines.extend(f"  {_change_words(change)}" for change in view.changes)
    rows: list[list[str]] = []
    day: date | None = None
    for slot in view.slots:
        when = f"{slot.day.isoformat()} {_weekday(slot.day)}" if slot.day != day else ""
        day = slot.day
        task = _task_words(slot.task, slot.occurrence)
        who = slot.cleaner + (" (by hand)" if slot.manual else "") if slot.cleaner_id else "UNCOVERED"
        rows.append([when, slot.area, task, f"{slot.minutes} min", who])
    lines.extend(_table(rows))
    lines.extend(_fairness_lines(view.fairness))
    if view.uncovered:
        lines.append(f"uncovered: {_count(len(view.uncovered), 'task')}")
        rows = [
            [
                slot.day.isoformat(),
                slot.area,
                _task_words(slot.task, slot.occurrence),
                f"{slot.minutes} min:",
                _why(slot),
            ]
            for slot in view.uncovered
        ]
        lines.extend(f"  {line}" for line in _table(rows))
    return lines


def _task_words(task: str, occurrence: int) -> str:
    """A task as the rota lists it: its second and later occurrences of a day numbered (``#2``)."""
    return task + (f" #{occurrence}" if occurrence > 1 else "")


def _change_words(change: SlotChange) -> str:
    task = _task_words(change.task, change.occurrence)
    return (
        f"{change.day.isoformat()}  {change.area}  {task}:"
        f" {change.before or 'nobody'} → {change.after or 'nobody'}"
    )


def _fairness_lines(fairness: FairnessView) -> list[str]:
    lines = [
        f"fairness: the team averages {_one_decimal(fairness.average)} minutes a working day;"
        f" each cleaner within {_one_decimal(fairness.tolerance)} of it"
        f" ({'met' if fairness.fair else 'NOT met: the days off, leave and minutes a day do not allow it'})"
    ]
    rows = [
        [
            load.name,
            f"{_count(load.working_days, 'working day')}",
            f"{load.minutes} min",
            f"{_one_decimal(load.rate)} a working day",
            _signed(load.deviation) + ("" if load.within else "  OUTSIDE the tolerance"),
        ]
        for load in fairness.loads
    ]
    lines.extend(f"  {line}" for line in _table(rows))
    return lines


def run_sheet(run: Invocation) -> int:
    """Print the daily task sheets of a month (of one cleaner, of one day) to a PDF."""
    from estatedesk.services.cleaning import documents  # the printing pulls in fpdf2: only when asked

    args = run.args
    month = cleaning.month_key(cleaning.parse_month(args.month)[0])
    member = cleaning.cleaner_by_name(args.cleaner) if args.cleaner.strip() else None
    day = _date(args.date, "--date") if args.date.strip() else None
    documents.print_task_sheets(month, args.pdf, None if member is None else member.cleaner_id, day)
    whose = f" of {member.name}" if member is not None else ""
    when = f" on {day.isoformat()}" if day is not None else ""
    run.say(f"wrote the task sheets of {month}{whose}{when} to {args.pdf}")
    return EXIT_OK


# ---------------------------------------------------------------- inspections and the ranking


def _typed_score(text: str) -> str:
    """The score as typed; an empty one is refused (the service would read it as nothing found: 100)."""
    if not text.strip():
        raise ValidationError("--score", "give the score, a whole number from 0 to 100")
    return text


def run_inspect(run: Invocation) -> int:
    """Record an area's score on a day, kept against its responsible cleaner."""
    args = run.args
    found = cleaning.area_by_name(args.area)
    inspected = cleaning.record_inspection(
        InspectionInput(args.date, found.area_id, _typed_score(args.score), (), args.note)
    )
    whose = (
        f", kept against {inspected.cleaner}"
        if inspected.cleaner
        else ": the area has no responsible cleaner, so the score counts for the area only"
    )
    run.say(f"inspected {inspected.area} on {inspected.day.isoformat()}: {inspected.score}{whose}")
    if inspected.replaced:
        run.say("it replaces the inspection entered before for that area and day")
    usual = cleaning.inspection_settings().weekday
    if inspected.day.weekday() != usual:
        run.say(
            f"note: {inspected.day.isoformat()} is a {_weekday(inspected.day)};"
            f" the weekly inspection day is {cleaning.weekday_words(usual)}"
        )
    return EXIT_OK


def _rank_json(row: RankRow, key: str) -> dict[str, object]:
    return {
        "rank": row.rank,
        key: row.name,
        "average": _two_decimals(row.average),
        "inspections": row.inspections,
        "band": row.band.value,
    }


def run_ranking(run: Invocation) -> int:
    """The month's ranking of cleaners and of areas by average score, in bands; or its PDF."""
    args = run.args
    month = cleaning.month_key(cleaning.parse_month(args.month)[0])
    ranked = cleaning.ranking(month)
    if args.pdf is not None:
        from estatedesk.services.cleaning import documents  # the printing pulls in fpdf2: only when asked

        documents.print_ranking(month, args.pdf)
    if args.json:
        run.say_json(
            {
                "month": ranked.month,
                "bands": {"top_percent": ranked.top_percent, "bottom_percent": ranked.bottom_percent},
                "cleaners": [_rank_json(row, "name") for row in ranked.cleaners],
                "areas": [_rank_json(row, "area") for row in ranked.areas],
            }
        )
        return EXIT_OK
    run.say(
        f"ranking of {ranked.month}: the top {ranked.top_percent}% commended,"
        f" the bottom {ranked.bottom_percent}% flagged for follow-up"
    )
    for title, rows in (("cleaners", ranked.cleaners), ("areas", ranked.areas)):
        run.say(f"{title}:")
        if not rows:
            run.say("  no inspections this month")
        for line in _table([_rank_row(row) for row in rows]):
            run.say(f"  {line}")
    if args.pdf is not None:
        run.say(f"wrote the ranking of {ranked.month} to {args.pdf}")
    return EXIT_OK


def _rank_row(row: RankRow) -> list[str]:
    average = f"{_two_decimals(row.average):.2f}"
    return [str(row.rank), row.name, average, _count(row.inspections, "inspection"), row.band.value]
