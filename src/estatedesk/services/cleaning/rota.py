"""A month's rota (排班): planned by the rules of domain.rota, accepted by the clerk, adjusted by hand.

The accepted rota is kept slot by slot. Shown again later, every slot that still holds (the task
still comes then and takes as long, the cleaner still works that day and is not over their
minutes) is kept as it was, and only what a later change broke (leave, a day off, a task added
or changed, a cleaner gone) is planned anew: the view lists those changes for the clerk to see
before accepting them. A rota never accepted is planned whole, the same every time.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import defaultdict
from datetime import date, timedelta

from estatedesk.domain.cleaning import Leave
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, ValidationError
from estatedesk.domain.rota import (
    Placed,
    Rota,
    RotaCleaner,
    RotaTask,
    Slot,
    Unplaced,
    Why,
    fairness,
    plan_rota,
    slots,
)
from estatedesk.services.changes import Records, writing
from estatedesk.services.cleaning.areas import list_tasks
from estatedesk.services.cleaning.records import (
    CleanerView,
    FairnessView,
    LoadView,
    RotaView,
    SlotChange,
    SlotView,
)
from estatedesk.services.cleaning.team import leave_of, list_cleaners, pattern_of
from estatedesk.store import audit
from estatedesk.store.audit import now_utc
from estatedesk.store.sql import execute, insert_rows

_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


def parse_month(text: str, field: str = "month") -> tuple[date, date]:
    """A month typed as 2026-12 (or 2026/12, 2026年12月): its first and last day."""
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2199:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a month such as 2026-12"),
            value=text.strip(),
        )
    year, month = int(match[1]), int(match[2])
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def month_key(first: date) -> str:
    """A month as the file keeps it: YYYY-MM."""
    return f"{first.year:04d}-{first.month:02d}"


class _Inputs:
    """What the planner needs for a month: tasks and the team, as the rules see them."""

    def __init__(self, first: date) -> None:
        # A task stopped, or a cleaner gone, during the month or after it still had the days before:
        # a past month keeps the work that was done.
        self.tasks = {task.task_id: task for task in list_tasks(stopped_since=first)}
        self.order = {task_id: index for index, task_id in enumerate(self.tasks)}  # areas' order
        everyone = list_cleaners(include_former=True)
        self.team = [found for found in everyone if found.left_on is None or found.left_on > first]
        self.names = {found.cleaner_id: found.name for found in everyone}
        self.rota_tasks = [
            RotaTask(
                task.task_id,
                task.minutes,
                task.frequency,
                task.starts_on,
                task.responsible_id,
                from_anchor=task.only_from_start,
                until=task.stopped_on - timedelta(days=1) if task.stopped_on else None,
            )
            for task in self.tasks.values()
        ]
        self.rota_cleaners = [
            RotaCleaner(
                found.cleaner_id,
                pattern_of(found),
                leave_of(found) + ((Leave(found.left_on, date.max),) if found.left_on else ()),
            )
            for found in self.team
        ]


def _stored(month: str) -> dict[Slot, tuple[int | None, int, bool]] | None:
    """The accepted rota's slots: cleaner (None: uncovered), minutes, set by hand; None if never accepted."""
    if execute("SELECT 1 FROM cleaning_rota WHERE month = ?", (month,)).fetchone() is None:
        return None
    return {
        Slot(date.fromisoformat(day), task_id, occurrence): (cleaner_id, minutes, bool(manual))
        for day, task_id, occurrence, cleaner_id, minutes, manual in execute(
            "SELECT day, task_id, occurrence, cleaner_id, minutes, manual FROM cleaning_slot WHERE month = ?",
            (month,),
        )
    }


def _still_holding(
    stored: dict[Slot, tuple[int | None, int, bool]], inputs: _Inputs, first: date, last: date
) -> dict[Slot, int]:
    """The accepted placements that still hold: the slot still comes, as long, to a cleaner who works then.

    One the planner gave a substitute no longer holds once the area's responsible cleaner (named
    since, or back) works that day with the minutes for it; one the clerk set by hand still does.
    """
    minutes_now = dict(slots(inputs.rota_tasks, first, last))
    cleaners = {found.cleaner_id: found for found in inputs.rota_cleaners}
    kept: dict[Slot, int] = {}
    load: dict[tuple[int, date], int] = defaultdict(int)
    for slot, (cleaner_id, minutes, _manual) in sorted(stored.items()):
        if cleaner_id is None or minutes_now.get(slot) != minutes:
            continue
        found = cleaners.get(cleaner_id)
        if found is None or not found.works_on(slot.day):
            continue
        kept[slot] = cleaner_id
        load[cleaner_id, slot.day] += minutes
    # A cleaner whose minutes a day were cut below what the day holds has that day planned anew.
    over = {
        (cleaner_id, day)
        for (cleaner_id, day), minutes in load.items()
        if minutes > cleaners[cleaner_id].pattern.minutes_per_day
    }
    holding = {slot: cleaner_id for slot, cleaner_id in kept.items() if (cleaner_id, slot.day) not in over}
    return _back_to_the_responsible(holding, stored, inputs)


def _back_to_the_responsible(
    holding: dict[Slot, int], stored: dict[Slot, tuple[int | None, int, bool]], inputs: _Inputs
) -> dict[Slot, int]:
    """Release the substitutes' slots the responsible cleaner now has the minutes for (longest first)."""
    responsible = {task.task_id: task.responsible for task in inputs.rota_tasks}
    cleaners = {found.cleaner_id: found for found in inputs.rota_cleaners}
    load: dict[tuple[int, date], int] = defaultdict(int)
    for slot, cleaner_id in holding.items():
        load[cleaner_id, slot.day] += stored[slot][1]
    released: set[Slot] = set()
    candidates = sorted(
        (slot for slot, cleaner_id in holding.items() if not stored[slot][2]),
        key=lambda slot: (slot.day, -stored[slot][1], slot),
    )
    for slot in candidates:
        owner = responsible.get(slot.task_id)
        if owner is None or owner == holding[slot] or owner not in cleaners:
            continue
        if not cleaners[owner].works_on(slot.day):
            continue
        minutes = stored[slot][1]
        if load[owner, slot.day] + minutes <= cleaners[owner].pattern.minutes_per_day:
            load[owner, slot.day] += minutes
            load[holding[slot], slot.day] -= minutes
            released.add(slot)
    return {slot: cleaner_id for slot, cleaner_id in holding.items() if slot not in released}


def rota(month: str) -> RotaView:
    """The month's rota as it stands: the accepted one with what later changes broke planned anew."""
    first, last = parse_month(month)
    key = month_key(first)
    inputs = _Inputs(first)
    stored = _stored(key)
    fixed = _still_holding(stored, inputs, first, last) if stored is not None else {}
    planned = plan_rota(inputs.rota_tasks, inputs.rota_cleaners, first, last, fixed)
    manual = {
        slot for slot, (_cleaner, _minutes, by_hand) in (stored or {}).items() if by_hand and slot in fixed
    }
    return _view(key, planned, inputs, stored, manual)


def _view(
    key: str,
    planned: Rota,
    inputs: _Inputs,
    stored: dict[Slot, tuple[int | None, int, bool]] | None,
    manual: set[Slot],
) -> RotaView:
    items: list[Placed | Unplaced] = [*planned.placed, *planned.unplaced]
    views = [_slot_view(item, inputs, manual) for item in items]
    views.sort(key=lambda view: (view.day, inputs.order[view.task_id], view.occurrence))
    measured = fairness(planned, inputs.rota_tasks, inputs.rota_cleaners)
    loads = tuple(
        LoadView(
            load.cleaner_id,
            inputs.names[load.cleaner_id],
            load.working_days,
            load.minutes,
            load.rate,
            load.deviation,
            load.within,
        )
        for load in measured.loads
    )
    return RotaView(
        key,
        planned.first,
        planned.last,
        tuple(views),
        FairnessView(measured.average, measured.tolerance, loads),
        stored is not None,
        _changes(stored, views, inputs) if stored is not None else (),
        tuple(inputs.team),
    )


def _slot_view(item: Placed | Unplaced, inputs: _Inputs, manual: set[Slot]) -> SlotView:
    task = inputs.tasks[item.slot.task_id]
    if isinstance(item, Placed):
        cleaner_id: int | None = item.cleaner_id
        why: Why | None = None
    else:
        cleaner_id, why = None, item.why
    return SlotView(
        item.slot.day,
        item.slot.task_id,
        item.slot.occurrence,
        task.area_id,
        task.area,
        task.what,
        item.minutes,
        cleaner_id,
        inputs.names.get(cleaner_id, "") if cleaner_id is not None else "",
        why,
        item.slot in manual,
    )


def _changes(
    stored: dict[Slot, tuple[int | None, int, bool]], views: list[SlotView], inputs: _Inputs
) -> tuple[SlotChange, ...]:
    """How the plan differs from the accepted rota, slot by slot (added, removed, moved)."""
    now = {Slot(view.day, view.task_id, view.occurrence): view for view in views}
    changes: list[SlotChange] = []
    for slot in sorted(set(stored) | set(now)):
        before_id = stored[slot][0] if slot in stored else None
        view = now.get(slot)
        if slot in stored and view is not None and before_id == view.cleaner_id:
            continue
        before = inputs.names.get(before_id, "") if before_id is not None else ""
        if view is None:
            area, task = _task_words(slot.task_id)
            changes.append(SlotChange(slot.day, area, task, slot.occurrence, before, ""))
        else:
            changes.append(SlotChange(slot.day, view.area, view.task, slot.occurrence, before, view.cleaner))
    return tuple(changes)


def _task_words(task_id: int) -> tuple[str, str]:
    """A task that is no longer in use, in words: its area and what it was."""
    row = execute(
        "SELECT a.name, t.what FROM cleaning_task t JOIN cleaning_area a ON a.id = t.area_id WHERE t.id = ?",
        (task_id,),
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else ("", "")


def accept_rota(month: str) -> RotaView:
    """Keep the month's rota as it stands now (re-planned days included); return it."""
    with writing(Records.CLEANING):
        view = rota(month)
        _store(view)
        audit.record(
            "accept",
            "cleaning_rota",
            None,
            after={
                "month": view.month,
                "slots": len(view.slots),
                "uncovered": len(view.uncovered),
                "changes": len(view.changes),
            },
        )
    return rota(month)


def _store(view: RotaView) -> None:
    execute("DELETE FROM cleaning_rota WHERE month = ?", (view.month,))
    execute(
        "INSERT INTO cleaning_rota (month, accepted_at, actor) VALUES (?, ?, ?)",
        (view.month, now_utc(), audit.current_actor()),
    )
    insert_rows(
        "cleaning_slot",
        [
            {
                "month": view.month,
                "day": slot.day.isoformat(),
                "task_id": slot.task_id,
                "occurrence": slot.occurrence,
                "cleaner_id": slot.cleaner_id,
                "minutes": slot.minutes,
                "why": slot.why.value if slot.why else None,
                "manual": int(slot.manual),
            }
            for slot in view.slots
        ],
    )


def reassign(month: str, day: date, task_id: int, occurrence: int, cleaner_id: int) -> RotaView:
    """Give one occurrence to another cleaner by hand; refused on their day off, leave, or past their minutes.

    The month's rota as it stands is accepted with the change: a hand-made change is kept until
    a later change (leave, a day off) breaks it.
    """
    with writing(Records.CLEANING):
        view = rota(month)
        if view.changes:
            # Saving the hand change saves the rota as it stands: the re-plan must be seen first.
            raise InputRejected(
                [
                    ValidationError(
                        "month",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "the rota of {month} was re-planned after later changes ({count} slots):"
                            " see and accept them first",
                        ),
                        month=view.month,
                        count=len(view.changes),
                    )
                ]
            )
        target = next(
            (
                slot
                for slot in view.slots
                if slot.day == day and slot.task_id == task_id and slot.occurrence == occurrence
            ),
            None,
        )
        if target is None:
            raise NotFound(QT_TRANSLATE_NOOP("messages", "that task does not come on that day"))
        found = next((member for member in view.cleaners if member.cleaner_id == cleaner_id), None)
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("messages", "the cleaner is no longer on the team"))
        _refuse_absent(found, day)
        busy = sum(
            slot.minutes
            for slot in view.slots
            if slot.day == day and slot.cleaner_id == cleaner_id and slot is not target
        )
        if busy + target.minutes > found.minutes_per_day:
            raise InputRejected(
                [
                    ValidationError(
                        "cleaner",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{name} would work {total} minutes on {day}, more than their {limit} a day",
                        ),
                        name=found.name,
                        total=busy + target.minutes,
                        day=day.isoformat(),
                        limit=found.minutes_per_day,
                    )
                ]
            )
        if not view.accepted:
            _store(view)  # an accepted rota with no re-plan waiting is what the file holds already
        execute(
            "UPDATE cleaning_slot SET cleaner_id = ?, why = NULL, manual = 1"
            " WHERE month = ? AND day = ? AND task_id = ? AND occurrence = ?",
            (cleaner_id, view.month, day.isoformat(), task_id, occurrence),
        )
        audit.record(
            "reassign",
            "cleaning_slot",
            task_id,
            before={"day": day.isoformat(), "occurrence": occurrence, "cleaner": target.cleaner},
            after={"cleaner": found.name},
        )
    return rota(month)


def _refuse_absent(found: CleanerView, day: date) -> None:
    if found.left_on is not None and day >= found.left_on:
        raise InputRejected(
            [
                ValidationError(
                    "cleaner",
                    QT_TRANSLATE_NOOP("messages", "{name} left the team on {day}"),
                    name=found.name,
                    day=found.left_on.isoformat(),
                )
            ]
        )
    if day.weekday() in found.days_off:
        raise InputRejected(
            [
                ValidationError(
                    "cleaner",
                    QT_TRANSLATE_NOOP("messages", "{day} is {name}'s day off"),
                    name=found.name,
                    day=day.isoformat(),
                )
            ]
        )
    for period in found.leave:
        if period.first <= day <= period.last:
            raise InputRejected(
                [
                    ValidationError(
                        "cleaner",
                        QT_TRANSLATE_NOOP("messages", "{name} is on leave from {first} to {last}"),
                        name=found.name,
                        first=period.first.isoformat(),
                        last=period.last.isoformat(),
                    )
                ]
            )


def accepted_months() -> list[str]:
    """The months with an accepted rota, latest first."""
    return [row[0] for row in execute("SELECT month FROM cleaning_rota ORDER BY month DESC")]
