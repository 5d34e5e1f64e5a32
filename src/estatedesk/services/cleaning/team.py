"""The cleaning team: cleaners, when they work, their leave (RULES.md §5).

A cleaner leaves the team only once no area names them responsible; their rotas and scores stay.
Leave entered over an accepted rota says which months it breaks, to be re-planned.
"""

from __future__ import annotations

from datetime import date

from estatedesk.domain.cleaning import Leave, WorkPattern, parse_days_off
from estatedesk.domain.collation import pinyin_sort_key
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.households import read_phone
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.cleaning.areas import local_day, parse_minutes, place_key
from estatedesk.services.cleaning.records import CleanerInput, CleanerView, LeaveAdded, LeaveView
from estatedesk.store import audit
from estatedesk.store.audit import now_utc
from estatedesk.store.sql import execute, insert

MINUTES_IN_A_DAY = 24 * 60


def list_cleaners(include_former: bool = False) -> list[CleanerView]:
    """The team by name, each with their leave and the areas they answer for."""
    leave: dict[int, list[LeaveView]] = {}
    for leave_id, cleaner_id, first, last, note in execute(
        "SELECT id, cleaner_id, first_day, last_day, note FROM cleaner_leave ORDER BY first_day, id"
    ):
        leave.setdefault(cleaner_id, []).append(
            LeaveView(leave_id, cleaner_id, date.fromisoformat(first), date.fromisoformat(last), note)
        )
    areas: dict[int, list[str]] = {}
    answered = execute(
        "SELECT a.responsible_id, a.name, a.kind, b.name, u.name FROM cleaning_area a"
        " LEFT JOIN building b ON b.id = a.building_id LEFT JOIN unit u ON u.id = a.unit_id"
        " WHERE a.responsible_id IS NOT NULL AND a.archived_at IS NULL"
    ).fetchall()
    answered.sort(key=lambda row: place_key(row[2], row[3], row[4], row[1]))
    for cleaner_id, name, *_place in answered:
        areas.setdefault(cleaner_id, []).append(name)
    where = "" if include_former else " WHERE archived_at IS NULL"
    team = [
        CleanerView(
            cleaner_id,
            name,
            phone,
            frozenset(int(day) for day in days_off),
            minutes,
            note,
            tuple(leave.get(cleaner_id, ())),
            tuple(areas.get(cleaner_id, ())),
            local_day(archived_at),
        )
        for cleaner_id, name, phone, days_off, minutes, note, archived_at in execute(
            "SELECT id, name, phone, days_off, minutes_per_day, note, archived_at FROM cleaner"
            f"{where} ORDER BY id"
        )
    ]
    # The office reads a list of names in pinyin order (李, 王, 张), as the households list is.
    return sorted(team, key=lambda member: (pinyin_sort_key(member.name), member.cleaner_id))


def cleaner(cleaner_id: int) -> CleanerView:
    """One cleaner of the team."""
    for found in list_cleaners():
        if found.cleaner_id == cleaner_id:
            return found
    raise NotFound(QT_TRANSLATE_NOOP("messages", "the cleaner is no longer on the team"))


def cleaner_by_name(name: str, field: str = "cleaner") -> CleanerView:
    """The cleaner of this name on the team, or a refusal naming it (for the command line)."""
    typed = name.strip()
    for found in list_cleaners():
        if found.name == typed:
            return found
    raise InputRejected(
        [
            ValidationError(
                field,
                QT_TRANSLATE_NOOP("messages", "there is no cleaner named '{name}' on the team"),
                name=typed,
            )
        ]
    )


def _checked(typed: CleanerInput, cleaner_id: int | None) -> dict[str, object]:
    problems = Problems()
    name = typed.name.strip()
    if not name:
        problems.append(ValidationError("name", QT_TRANSLATE_NOOP("messages", "name the cleaner")))
    problems.attempt(check_text, name, "name")
    phone = ""
    if typed.phone.strip():
        read = problems.attempt(read_phone, typed.phone, "phone")
        if read is not None:
            phone = read[0] or read[1] or ""
    days_off = problems.attempt(parse_days_off, typed.off, "off")
    minutes = problems.attempt(parse_minutes, typed.minutes_per_day, "minutes_per_day", MINUTES_IN_A_DAY)
    problems.attempt(check_text, typed.note.strip(), "note", True)
    if days_off is not None and minutes is not None:
        problems.attempt(WorkPattern, days_off, minutes)
    if name:
        row = execute("SELECT id FROM cleaner WHERE name = ? AND archived_at IS NULL", (name,)).fetchone()
        if row is not None and row[0] != cleaner_id:
            problems.append(
                ValidationError(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "messages", "a cleaner named '{name}' is on the team already: tell them apart"
                    ),
                    name=name,
                )
            )
    if problems:
        raise InputRejected(problems)
    assert days_off is not None
    return {
        "name": name,
        "phone": phone,
        "days_off": "".join(str(day) for day in sorted(days_off)),
        "minutes_per_day": minutes,
        "note": typed.note.strip(),
    }


def add_cleaner(typed: CleanerInput) -> int:
    """Add a cleaner to the team; return their id."""
    with writing(Records.CLEANING):
        values = _checked(typed, None)
        cleaner_id = insert(
            "INSERT INTO cleaner (name, phone, days_off, minutes_per_day, note, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (*values.values(), now_utc()),
        )
        audit.record("create", "cleaner", cleaner_id, after=values)
    return cleaner_id


def update_cleaner(cleaner_id: int, typed: CleanerInput) -> None:
    """Change a cleaner's name, phone, days off or minutes a day (accepted rotas re-plan where broken)."""
    with writing(Records.CLEANING):
        before = cleaner(cleaner_id)
        values = _checked(typed, cleaner_id)
        execute(
            "UPDATE cleaner SET name = ?, phone = ?, days_off = ?, minutes_per_day = ?, note = ?"
            " WHERE id = ?",
            (*values.values(), cleaner_id),
        )
        audit.record(
            "update",
            "cleaner",
            cleaner_id,
            before={
                "name": before.name,
                "days_off": "".join(str(day) for day in sorted(before.days_off)),
                "minutes_per_day": before.minutes_per_day,
            },
            after=values,
        )


def remove_cleaner(cleaner_id: int) -> None:
    """Take a cleaner off the team; refused while areas still name them responsible."""
    with writing(Records.CLEANING):
        found = cleaner(cleaner_id)
        if found.areas:
            raise InputRejected(
                [
                    ValidationError(
                        "name",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{name} is still responsible for these areas: {areas};"
                            " name another cleaner for them first",
                        ),
                        name=found.name,
                        areas="、".join(found.areas[:5]) + ("…" if len(found.areas) > 5 else ""),
                    )
                ]
            )
        execute("UPDATE cleaner SET archived_at = ? WHERE id = ?", (now_utc(), cleaner_id))
        audit.record("archive", "cleaner", cleaner_id)


def add_leave(cleaner_id: int, first: str | date, last: str | date, note: str = "") -> LeaveAdded:
    """Enter a cleaner's leave (both days included); say which accepted rotas it breaks."""
    problems = Problems()
    first_day = first if isinstance(first, date) else problems.attempt(_required_date, first, "from")
    last_day = last if isinstance(last, date) else problems.attempt(_required_date, last, "to")
    problems.attempt(check_text, note.strip(), "note", True)
    if first_day is not None and last_day is not None:
        problems.attempt(Leave, first_day, last_day)
    if problems:
        raise InputRejected(problems)
    assert first_day is not None and last_day is not None
    with writing(Records.CLEANING):
        found = cleaner(cleaner_id)
        overlapping = [
            period for period in found.leave if period.first <= last_day and first_day <= period.last
        ]
        if overlapping:
            raise InputRejected(
                [
                    ValidationError(
                        "from",
                        QT_TRANSLATE_NOOP("messages", "{name} is already on leave from {first} to {last}"),
                        name=found.name,
                        first=overlapping[0].first.isoformat(),
                        last=overlapping[0].last.isoformat(),
                    )
                ]
            )
        leave_id = insert(
            "INSERT INTO cleaner_leave (cleaner_id, first_day, last_day, note, created_at, actor)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                cleaner_id,
                first_day.isoformat(),
                last_day.isoformat(),
                note.strip(),
                now_utc(),
                audit.current_actor(),
            ),
        )
        audit.record(
            "create",
            "cleaner_leave",
            leave_id,
            after={"cleaner": found.name, "from": first_day.isoformat(), "to": last_day.isoformat()},
        )
        # The accepted rotas that put them to work on those days: re-planned when next shown.
        affected = tuple(
            (month, days)
            for month, days in execute(
                "SELECT month, count(DISTINCT day) FROM cleaning_slot WHERE cleaner_id = ?"
                " AND day BETWEEN ? AND ? GROUP BY month ORDER BY month",
                (cleaner_id, first_day.isoformat(), last_day.isoformat()),
            )
        )
    return LeaveAdded(leave_id, affected)


def _required_date(text: str, field: str) -> date:
    day = parse_date(text, field)
    if day is None:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "give a date such as 2026-12-01"))
    return day


def remove_leave(leave_id: int) -> None:
    """Take back leave entered by mistake (accepted rotas over it stay as they are)."""
    with writing(Records.CLEANING):
        row = execute(
            "SELECT cleaner_id, first_day, last_day FROM cleaner_leave WHERE id = ?", (leave_id,)
        ).fetchone()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("messages", "that leave is no longer entered"))
        execute("DELETE FROM cleaner_leave WHERE id = ?", (leave_id,))
        audit.record(
            "delete", "cleaner_leave", leave_id, before={"cleaner": row[0], "from": row[1], "to": row[2]}
        )


def pattern_of(found: CleanerView) -> WorkPattern:
    """A cleaner's working pattern as the rules see it."""
    return WorkPattern(found.days_off, found.minutes_per_day)


def leave_of(found: CleanerView) -> tuple[Leave, ...]:
    """A cleaner's leave as the rules see it."""
    return tuple(Leave(period.first, period.last) for period in found.leave)
