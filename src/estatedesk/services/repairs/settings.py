"""The office's repair settings, kept in the file: time limits per category, and its holiday table.

The limits default to RULES.md §4 (``domain.repairs.Limits``); the office may change any of them
and add categories of its own. The holiday table holds the arrangement of a year chinese-calendar
does not know yet, as the office entered or imported it; until a year is entered, deadlines in it
count weekends only and say so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, ValidationError
from estatedesk.domain.repairs import Category, LimitKind, Limits, TimeLimit
from estatedesk.domain.workdays import WorkCalendar, YearArrangement, library_knows
from estatedesk.services.changes import Records, writing
from estatedesk.services.interchange.cells import parse_date_text
from estatedesk.services.interchange.reading import read_sheet
from estatedesk.services.repairs.records import Holidays
from estatedesk.store import audit
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.sql import execute, put_setting

LIMITS_SETTING = "repair_limits"
BUILTIN_CATEGORIES = tuple(Category)
MAX_MINUTES = 7 * 24 * 60
MAX_WORKING_DAYS = 60


@dataclass(frozen=True)
class CategoryLimits:
    """A category with its limits: by when someone must be on site, and by when it must be done."""

    key: str
    name: str  # empty for a built-in category: the program names it in the clerk's language
    finish: TimeLimit | None
    arrive: TimeLimit | None
    builtin: bool


def limits() -> Limits:
    """The office's time limits (RULES.md §4 unless changed)."""
    return _read()[0]


def categories() -> list[CategoryLimits]:
    """Every category an order may have: the built-in ones first, then the office's own."""
    current, names = _read()
    keys = list(BUILTIN_CATEGORIES) + sorted(
        key for key in {*current.finish, *current.arrive} if key not in BUILTIN_CATEGORIES
    )
    return [
        CategoryLimits(
            str(key),
            names.get(str(key), ""),
            current.finish.get(key),
            current.arrive.get(key),
            key in BUILTIN_CATEGORIES,
        )
        for key in keys
    ]


def category_keys() -> list[str]:
    """The categories an order may have, as the command line spells them."""
    return [category.key for category in categories()]


def check_category(text: str, field: str = "category") -> str:
    """``text`` as a known category, or the error that lists the known ones."""
    keys = category_keys()
    typed = text.strip()
    if typed not in keys:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a category; the categories are {known}"),
            value=typed,
            known=", ".join(keys),
        )
    return typed


def save_limits(new: Limits, names: Mapping[str, str] | None = None, removed: Sequence[str] = ()) -> None:
    """Store the office's limits and the names of its own categories; every later order uses them.

    Orders already received keep the deadlines they were given. A category of the office's own
    can be removed only while no order has it; a built-in category cannot be removed.
    """
    problems: list[ValidationError] = []
    for key, limit in [*new.finish.items(), *new.arrive.items()]:
        problem = _limit_problem(str(key), limit)
        if problem is not None:
            problems.append(problem)
    if not 1 <= new.emergency_minutes <= MAX_MINUTES:
        problems.append(_out_of_range("emergency_minutes", new.emergency_minutes, 1, MAX_MINUTES))
    if not 1 <= new.night_grace_minutes <= MAX_MINUTES:
        problems.append(_out_of_range("night_grace_minutes", new.night_grace_minutes, 1, MAX_MINUTES))
    all_names = dict(names or {})
    for key in {*new.finish, *new.arrive}:
        if key not in BUILTIN_CATEGORIES and not all_names.get(str(key), "").strip():
            problems.append(
                ValidationError(
                    "name", QT_TRANSLATE_NOOP("messages", "name the category {key}"), key=str(key)
                )
            )
        if key not in BUILTIN_CATEGORIES and not is_category_key(str(key)):
            problems.append(
                ValidationError(
                    "key",
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "'{key}' cannot be a category's key: use lower-case letters, digits and hyphens",
                    ),
                    key=str(key),
                )
            )
    for key in BUILTIN_CATEGORIES:
        if key not in new.finish and key not in new.arrive:
            problems.append(
                ValidationError(
                    "category",
                    QT_TRANSLATE_NOOP("messages", "the category {key} needs a time limit"),
                    key=key.value,
                )
            )
    if problems:
        raise InputRejected(problems)
    with writing(Records.REPAIRS):
        for key in removed:
            if key in BUILTIN_CATEGORIES:
                raise InputRejected(
                    [
                        ValidationError(
                            "category",
                            QT_TRANSLATE_NOOP("messages", "the built-in category {key} cannot be removed"),
                            key=key,
                        )
                    ]
                )
            used = execute("SELECT COUNT(*) FROM repair_order WHERE category = ?", (key,)).fetchone()[0]
            if used:
                raise InputRejected(
                    [
                        ValidationError(
                            "category",
                            QT_TRANSLATE_NOOP(
                                "messages", "the category {key} has {count} orders: it cannot be removed"
                            ),
                            key=key,
                            count=used,
                        )
                    ]
                )
        before = execute("SELECT value FROM setting WHERE key = ?", (LIMITS_SETTING,)).fetchone()
        value = _encode(new, {key: name.strip() for key, name in all_names.items() if key not in removed})
        put_setting(LIMITS_SETTING, value)
        audit.record(
            "update",
            "repair_limits",
            None,
            before=json.loads(before[0]) if before else None,
            after=json.loads(value),
        )


def is_category_key(key: str) -> bool:
    """Whether ``key`` can name a category of the office's own: lower-case letters, digits, hyphens."""
    return (
        bool(key)
        and all(char.isascii() and (char.isalnum() or char == "-") for char in key)
        and key.islower()
    )


def _out_of_range(field: str, value: int, low: int, high: int) -> ValidationError:
    return ValidationError(
        field,
        QT_TRANSLATE_NOOP("messages", "{value} is outside {low} to {high}"),
        value=value,
        low=low,
        high=high,
    )


def _limit_problem(key: str, limit: TimeLimit) -> ValidationError | None:
    if limit.kind is LimitKind.MINUTES and not 1 <= limit.amount <= MAX_MINUTES:
        return _out_of_range(key, limit.amount, 1, MAX_MINUTES)
    if limit.kind is LimitKind.WORKING_DAYS and not 1 <= limit.amount <= MAX_WORKING_DAYS:
        return _out_of_range(key, limit.amount, 1, MAX_WORKING_DAYS)
    return None


def _encode(value: Limits, names: Mapping[str, str]) -> str:
    def limit_map(limits_of: Mapping[str, TimeLimit]) -> dict[str, list[object]]:
        return {str(key): [limit.kind.value, limit.amount] for key, limit in limits_of.items()}

    return json.dumps(
        {
            "finish": limit_map(value.finish),
            "arrive": limit_map(value.arrive),
            "emergency_minutes": value.emergency_minutes,
            "night_cutoff": value.night_cutoff.strftime("%H:%M"),
            "night_grace_minutes": value.night_grace_minutes,
            "names": dict(names),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _read() -> tuple[Limits, dict[str, str]]:
    row = execute("SELECT value FROM setting WHERE key = ?", (LIMITS_SETTING,)).fetchone()
    if row is None:
        return Limits(), {}
    stored = json.loads(row[0])

    def limit_map(raw: Mapping[str, list[object]]) -> dict[str, TimeLimit]:
        return {
            (Category(key) if key in BUILTIN_CATEGORIES else key): TimeLimit(
                LimitKind(str(kind)), int(str(amount))
            )
            for key, (kind, amount) in raw.items()
        }

    return (
        Limits(
            finish=limit_map(stored["finish"]),
            arrive=limit_map(stored["arrive"]),
            emergency_minutes=int(stored["emergency_minutes"]),
            night_cutoff=time.fromisoformat(stored["night_cutoff"]),
            night_grace_minutes=int(stored["night_grace_minutes"]),
        ),
        dict(stored.get("names", {})),
    )


# --- the office's holiday table ------------------------------------------------------------


def work_calendar() -> WorkCalendar:
    """Working days as the library knows them, and the office's table for later years."""
    return WorkCalendar({held.year: _arrangement(held) for held in office_years()})


def _arrangement(held: Holidays) -> YearArrangement:
    return YearArrangement(held.year, frozenset(held.holidays), frozenset(held.working_days))


def office_years() -> list[Holidays]:
    """The years the office entered, with their holidays and swapped working days, oldest first."""
    days: dict[int, tuple[list[date], list[date]]] = {
        int(year): ([], []) for (year,) in execute("SELECT year FROM office_year ORDER BY year")
    }
    for day, year, working in execute("SELECT day, year, working FROM office_day ORDER BY day"):
        days[int(year)][1 if working else 0].append(date.fromisoformat(day))
    return [Holidays(year, tuple(off), tuple(on)) for year, (off, on) in days.items()]


def save_holidays(held: Holidays) -> None:
    """Enter (or replace) the office's arrangement of a year the library does not know."""
    _save_years([held])


def remove_holidays(year: int) -> None:
    """Forget the office's arrangement of ``year``: it counts weekends only again."""
    with writing(Records.REPAIRS):
        if execute("DELETE FROM office_year WHERE year = ?", (year,)).rowcount == 0:
            raise NotFound(QT_TRANSLATE_NOOP("messages", "no arrangement of {year} was entered"), year=year)
        audit.record("delete", "office_year", year, before={"year": year})


def _save_years(years: Sequence[Holidays]) -> None:
    problems: list[ValidationError] = []
    for held in years:
        if library_knows(held.year):
            problems.append(
                ValidationError(
                    "year",
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "{year} is in the statutory calendar already: the office's table is for later years",
                    ),
                    year=held.year,
                )
            )
            continue
        try:
            _arrangement(held)
        except ValidationError as error:
            problems.append(error)
    if problems:
        raise InputRejected(problems)
    with writing(Records.REPAIRS):
        for held in years:
            execute("DELETE FROM office_year WHERE year = ?", (held.year,))
            execute(
                "INSERT INTO office_year (year, entered_at, actor) VALUES (?, ?, ?)",
                (held.year, now_utc(), current_actor()),
            )
            rows = [(day.isoformat(), held.year, 0) for day in held.holidays]
            rows += [(day.isoformat(), held.year, 1) for day in held.working_days]
            for row in rows:
                execute("INSERT INTO office_day (day, year, working) VALUES (?, ?, ?)", row)
            audit.record(
                "update",
                "office_year",
                held.year,
                after={
                    "holidays": [day.isoformat() for day in held.holidays],
                    "working_days": [day.isoformat() for day in held.working_days],
                },
            )


HOLIDAY_WORDS = {
    "holiday": False,
    "off": False,
    "休": False,
    "放假": False,
    "假": False,
    "workday": True,
    "working": True,
    "work": True,
    "班": True,
    "上班": True,
    "补班": True,
    "调休上班": True,
}


def import_holidays(path: Path) -> list[Holidays]:
    """Read a table of days (date, and holiday or workday: 休/放假 or 班/上班) and enter its years.

    A first row that is not a date is a header. Every year in the file replaces what the office
    had entered for it; a bad row refuses the whole file, naming the row.
    """
    sheet = read_sheet(path)
    problems: list[ValidationError] = []
    by_year: dict[int, tuple[set[date], set[date]]] = {}
    for number, cells in sheet.rows:
        cells = [cell.strip() for cell in cells]
        first = cells[0] if cells else ""
        try:  # as a spreadsheet writes it too: 2031/10/1, 2031年10月1日
            day = parse_date_text(first)
        except ValidationError:
            day = None
        if day is None:
            if number == sheet.rows[0][0] and not any(char.isdigit() for char in first):
                continue  # the header (日期, date…); a first row with digits is a date written wrong
            problems.append(
                ValidationError(
                    f"row {number}",
                    QT_TRANSLATE_NOOP("messages", "row {row}: '{value}' is not a date such as 2027-10-01"),
                    row=number,
                    value=first,
                )
            )
            continue
        word = cells[1].lower() if len(cells) > 1 else ""
        if word not in HOLIDAY_WORDS:
            problems.append(
                ValidationError(
                    f"row {number}",
                    QT_TRANSLATE_NOOP(
                        "messages", "row {row}: say whether {day} is a holiday or a working day (休 or 班)"
                    ),
                    row=number,
                    day=day.isoformat(),
                )
            )
            continue
        off, on = by_year.setdefault(day.year, (set(), set()))
        (on if HOLIDAY_WORDS[word] else off).add(day)
    if not by_year and not problems:
        problems.append(ValidationError("file", QT_TRANSLATE_NOOP("messages", "the file lists no day")))
    if problems:
        raise InputRejected(problems)
    years = [
        Holidays(year, tuple(sorted(off)), tuple(sorted(on))) for year, (off, on) in sorted(by_year.items())
    ]
    _save_years(years)
    return years
