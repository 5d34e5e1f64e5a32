"""The cleaning rota (RULES.md §5, issue 10): every task occurrence of a range given to one cleaner.

Hard rules: a slot (one occurrence of a task on a day) goes to a cleaner who works that day, never
beyond their minutes for the day; to the responsible cleaner of its area when they are present and
have room (责任制), to a substitute otherwise. What cannot be placed is listed with why, never
dropped. Soft rule: over the range each cleaner's minutes per working day stay near the team's
average. The plan is a day-by-day greedy followed by a local search over the whole range; the same
inputs give the same rota whatever order they come in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from types import MappingProxyType

from estatedesk.domain.cleaning import Frequency, Leave, WorkPattern, occurrences

# Local search moves at most this many slots per slot of the range: a cap for safety only, since every
# move strictly lowers the objective, so no plan comes twice and the search ends by itself.
MAX_MOVES_PER_SLOT = 4
_NOBODY = -1
MINUTES_A_DAY = 24 * 60
# Finds the best move between two cleaners: the slot to move, and the slot moved back (a swap) or _NOBODY.
_MoveFinder = Callable[[int, int], tuple[int, int] | None]


@dataclass(frozen=True)
class RotaTask:
    """A task as the planner sees it."""

    task_id: int
    minutes: int  # standard minutes of one occurrence (> 0)
    frequency: Frequency
    anchor: date  # the day the task started: every-n-days/months/years count from it
    responsible: int | None = None  # the cleaner_id responsible for the task's area, if any
    from_anchor: bool = True  # nothing comes before the anchor; False: the count runs back before it
    until: date | None = None  # the last day it comes (a task stopped since: its earlier days stay)


@dataclass(frozen=True)
class RotaCleaner:
    """A cleaner as the planner sees it."""

    cleaner_id: int
    pattern: WorkPattern
    leave: tuple[Leave, ...] = ()

    def works_on(self, day: date) -> bool:
        """Whether the cleaner works on ``day``: not a day off, not on leave."""
        return self.pattern.works_on(day, self.leave)


@dataclass(frozen=True, order=True)
class Slot:
    """One occurrence of a task: a 2/day task has occurrences 1 and 2 on each day."""

    day: date
    task_id: int
    occurrence: int = 1


class Why(StrEnum):
    """Why a slot was left uncovered."""

    NO_ONE_WORKING = "no-one-working"  # no cleaner works that day
    TOO_LONG = "too-long"  # longer than the working day of every cleaner present
    NO_MINUTES_LEFT = "no-minutes-left"  # every cleaner present has too few minutes left that day


@dataclass(frozen=True)
class Placed:
    """A slot given to a cleaner; ``fixed`` when it was kept as given (a kept day, the clerk's edit)."""

    slot: Slot
    cleaner_id: int
    minutes: int
    fixed: bool = False


@dataclass(frozen=True)
class Unplaced:
    """A slot no cleaner could take, and why."""

    slot: Slot
    minutes: int
    why: Why


@dataclass(frozen=True)
class Rota:
    """A month's (or any range's) plan: every slot placed or unplaced, sorted by slot.

    ``released`` lists the fixed slots that could not be kept (their cleaner is unknown, does not
    work that day any more, or would go over their minutes): they were planned afresh.
    """

    first: date
    last: date
    placed: tuple[Placed, ...]
    unplaced: tuple[Unplaced, ...]
    released: tuple[Slot, ...] = ()

    def minutes_by_cleaner(self) -> dict[int, int]:
        """Placed minutes of each cleaner with placed work, by cleaner_id."""
        totals: dict[int, int] = {}
        for placed in self.placed:
            totals[placed.cleaner_id] = totals.get(placed.cleaner_id, 0) + placed.minutes
        return dict(sorted(totals.items()))

    def minutes_by_day(self) -> dict[tuple[date, int], int]:
        """Placed minutes of each (day, cleaner_id) with placed work, sorted."""
        totals: dict[tuple[date, int], int] = {}
        for placed in self.placed:
            key = (placed.slot.day, placed.cleaner_id)
            totals[key] = totals.get(key, 0) + placed.minutes
        return dict(sorted(totals.items()))


def _sorted_tasks(tasks: Iterable[RotaTask]) -> list[RotaTask]:
    ordered = sorted(tasks, key=lambda task: task.task_id)
    for before, after in pairwise(ordered):
        if before.task_id == after.task_id:
            raise ValueError(f"task {after.task_id} is given twice")
    for task in ordered:
        if task.minutes <= 0:
            raise ValueError(f"task {task.task_id} takes {task.minutes} minutes: it must take more than 0")
    return ordered


def _sorted_cleaners(cleaners: Iterable[RotaCleaner]) -> list[RotaCleaner]:
    ordered = sorted(cleaners, key=lambda cleaner: cleaner.cleaner_id)
    for before, after in pairwise(ordered):
        if before.cleaner_id == after.cleaner_id:
            raise ValueError(f"cleaner {after.cleaner_id} is given twice")
    return ordered


def slots(tasks: Sequence[RotaTask], first: date, last: date) -> list[tuple[Slot, int]]:
    """Every slot of the tasks from first to last, with its minutes, sorted by slot."""
    found = [
        (Slot(day, task.task_id, occurrence), task.minutes)
        for task in _sorted_tasks(tasks)
        for day, times in occurrences(
            task.frequency,
            first,
            min(last, task.until) if task.until else last,
            task.anchor,
            task.from_anchor,
        )
        for occurrence in range(1, times + 1)
    ]
    found.sort()
    return found


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


_NO_FIXED: Mapping[Slot, int] = MappingProxyType({})


def plan_rota(
    tasks: Sequence[RotaTask],
    cleaners: Sequence[RotaCleaner],
    first: date,
    last: date,
    fixed: Mapping[Slot, int] = _NO_FIXED,
) -> Rota:
    """Place every slot of the tasks from first to last among the cleaners, fairly.

    ``fixed`` slots keep their cleaner (kept days, the clerk's edits) and count toward loads and
    capacities but are never moved; a fixed slot that no longer exists is ignored. A fixed slot
    whose cleaner is not on the team, does not work that day or would go over their minutes for
    the day cannot be kept: it is planned afresh and listed in ``Rota.released``.
    """
    planner = _Planner(_sorted_tasks(tasks), _sorted_cleaners(cleaners), first, last)
    planner.keep_fixed(fixed)
    planner.place_days()
    planner.balance()
    return planner.rota()


class _Planner:
    """The working state of one plan: slots and cleaners as indexes, loads as integers."""

    def __init__(self, tasks: list[RotaTask], team: list[RotaCleaner], first: date, last: date) -> None:
        self.first, self.last = first, last
        self.days = _days(first, last)
        self.ids = [cleaner.cleaner_id for cleaner in team]
        position = {cleaner_id: index for index, cleaner_id in enumerate(self.ids)}
        self.cap = [cleaner.pattern.minutes_per_day for cleaner in team]
        self.works = [[cleaner.works_on(day) for cleaner in team] for day in self.days]
        self.present = [[c for c, works in enumerate(row) if works] for row in self.works]
        self.working_days = [sum(row[c] for row in self.works) for c in range(len(team))]
        self.used = [[0] * len(team) for _ in self.days]
        self.load = [0] * len(team)

        responsible = {
            task.task_id: position.get(task.responsible, _NOBODY)
            for task in tasks
            if task.responsible is not None
        }
        found = slots(tasks, first, last)
        self.slot = [slot for slot, _minutes in found]
        self.minutes = [minutes for _slot, minutes in found]
        self.index = {slot: i for i, slot in enumerate(self.slot)}
        self.day_of = [(slot.day - first).days for slot in self.slot]
        # The responsible cleaner of a slot only counts when present that day: otherwise anyone may take it.
        self.resp: list[int] = []
        for i, slot in enumerate(self.slot):
            owner = responsible.get(slot.task_id, _NOBODY)
            self.resp.append(owner if owner != _NOBODY and self.works[self.day_of[i]][owner] else _NOBODY)
        self.assigned = [_NOBODY] * len(self.slot)
        self.fixed = [False] * len(self.slot)
        self.day_slots: list[list[int]] = [[] for _ in self.days]
        for i, day in enumerate(self.day_of):
            self.day_slots[day].append(i)
        self.released: list[Slot] = []
        # For the local search: per day and cleaner, the slots they may hand on, and the slots of
        # the areas they answer for; per day, the shortest slot left uncovered (0: none).
        self.movable: list[list[list[int]]] = [[[] for _ in self.ids] for _ in self.days]
        self.owned: list[list[list[int]]] = [[[] for _ in self.ids] for _ in self.days]
        self.unplaced_least = [0] * len(self.days)
        self.shared: dict[tuple[int, int], list[int]] = {}  # the days two cleaners both work

    # --- the greedy, day by day ---------------------------------------------------------------------

    def keep_fixed(self, fixed: Mapping[Slot, int]) -> None:
        """Give the fixed slots their cleaner where the hard rules allow it; release the others."""
        position = {cleaner_id: index for index, cleaner_id in enumerate(self.ids)}
        for slot, cleaner_id in sorted(fixed.items()):
            i = self.index.get(slot)
            if i is None:
                continue  # the task or its occurrence is gone: nothing to keep
            c = position.get(cleaner_id, _NOBODY)
            day = self.day_of[i]
            if c == _NOBODY or not self.works[day][c] or self.used[day][c] + self.minutes[i] > self.cap[c]:
                self.released.append(slot)
                continue
            self.assigned[i] = c
            self.fixed[i] = True
            self.used[day][c] += self.minutes[i]

    def place_days(self) -> None:
        """Plan each day in turn, keeping every cleaner's minutes per working day so far level."""
        so_far = [0] * len(self.ids)  # minutes given up to the day being planned
        elapsed = [0] * len(self.ids)  # working days up to and including it
        for day, day_slots in enumerate(self.day_slots):
            present = self.present[day]
            for c in present:
                elapsed[c] += 1
            for i in day_slots:
                if self.fixed[i]:
                    so_far[self.assigned[i]] += self.minutes[i]
            if not present:
                continue
            used = self.used[day]
            # The responsible cleaner takes their own slots, longest first, while they have room.
            free: list[int] = []
            for i in sorted(day_slots, key=lambda i: (-self.minutes[i], i)):
                if self.fixed[i]:
                    continue
                owner = self.resp[i]
                if owner != _NOBODY and used[owner] + self.minutes[i] <= self.cap[owner]:
                    self.assigned[i] = owner
                    used[owner] += self.minutes[i]
                    so_far[owner] += self.minutes[i]
                elif any(self.minutes[i] <= self.cap[c] for c in present):
                    free.append(i)  # a slot longer than everyone's day stays uncovered: TOO_LONG
            fair = self._fill_fairly(free, present, list(used), list(so_far), elapsed)
            if any(c == _NOBODY for c in fair):
                packed = self._fill_best_fit(free, present, list(used))
                if self._covered(free, packed) > self._covered(free, fair):
                    fair = packed
            for i, c in zip(free, fair, strict=True):
                if c != _NOBODY:
                    self.assigned[i] = c
                    used[c] += self.minutes[i]
                    so_far[c] += self.minutes[i]
        for i, c in enumerate(self.assigned):
            if c != _NOBODY:
                self.load[c] += self.minutes[i]

    def _fill_fairly(
        self, free: list[int], present: list[int], used: list[int], so_far: list[int], elapsed: list[int]
    ) -> list[int]:
        """Each slot to the present cleaner with room whose share so far grows least (Σ load²/days)."""
        chosen: list[int] = []
        for i in free:
            minutes = self.minutes[i]
            best, best_num, best_den = _NOBODY, 0, 1
            for c in present:
                if used[c] + minutes > self.cap[c]:
                    continue
                num, den = 2 * so_far[c] + minutes, elapsed[c]
                if best == _NOBODY or num * best_den < best_num * den:
                    best, best_num, best_den = c, num, den
            chosen.append(best)
            if best != _NOBODY:
                used[best] += minutes
                so_far[best] += minutes
        return chosen

    def _fill_best_fit(self, free: list[int], present: list[int], used: list[int]) -> list[int]:
        """Each slot to the present cleaner it leaves the fewest minutes to: covers more of a full day."""
        chosen: list[int] = []
        for i in free:
            minutes = self.minutes[i]
            room = [(self.cap[c] - used[c] - minutes, c) for c in present if used[c] + minutes <= self.cap[c]]
            best = min(room)[1] if room else _NOBODY
            chosen.append(best)
            if best != _NOBODY:
                used[best] += minutes
        return chosen

    def _covered(self, free: list[int], chosen: list[int]) -> int:
        return sum(self.minutes[i] for i, c in zip(free, chosen, strict=True) if c != _NOBODY)

    # --- the local search over the range ------------------------------------------------------------

    def balance(self) -> None:
        """Move (or swap) single slots between two cleaners of a day while Σ load²/working days falls."""
        team = [c for c in range(len(self.ids)) if self.working_days[c]]
        if len(team) < 2:
            return
        # Slots that may move: not fixed, and not with the responsible cleaner present that day.
        for i, c in enumerate(self.assigned):
            day = self.day_of[i]
            if c != _NOBODY and not self.fixed[i] and self.resp[i] != c:
                self.movable[day][c].append(i)
            if self.resp[i] != _NOBODY:
                self.owned[day][self.resp[i]].append(i)
            if c == _NOBODY and (self.unplaced_least[day] == 0 or self.minutes[i] < self.unplaced_least[day]):
                self.unplaced_least[day] = self.minutes[i]
        for _move in range(MAX_MOVES_PER_SLOT * len(self.slot) + 1):
            if not self._improve(team, self._best_move) and not self._improve(team, self._best_swap):
                break

    def _improve(self, team: list[int], best: _MoveFinder) -> bool:
        """Make the best move of the most unequal pair of cleaners that has one; False when none has."""
        by_rate = sorted(team, key=lambda c: (Fraction(self.load[c], self.working_days[c]), c))
        for high in reversed(by_rate):
            for low in by_rate:
                if self.load[low] * self.working_days[high] >= self.load[high] * self.working_days[low]:
                    break  # only a move from a higher rate to a lower one lowers the objective
                found = best(high, low)
                if found is not None:
                    out, back = found
                    self._move(out, high, low)
                    if back != _NOBODY:
                        self._move(back, low, high)
                    return True
        return False

    def _days_shared(self, one: int, other: int) -> list[int]:
        key = (one, other) if one < other else (other, one)
        if key not in self.shared:
            self.shared[key] = [day for day, row in enumerate(self.works) if row[one] and row[other]]
        return self.shared[key]

    def _room_to_free(self, day: int, c: int) -> int:
        """How many minutes ``c`` may hand away on ``day`` without breaking rules 4 and 5.

        Handing work away gives ``c`` room; it must stay short of every slot of theirs a substitute
        took (rule 4) and of every slot left uncovered that day (rule 5).
        """
        least = self.unplaced_least[day]
        for i in self.owned[day][c]:
            if self.assigned[i] != c and not self.fixed[i] and (least == 0 or self.minutes[i] < least):
                least = self.minutes[i]
        if least == 0:
            return MINUTES_A_DAY  # nothing waits for room: any amount may go
        return least - 1 - (self.cap[c] - self.used[day][c])

    def _gain(self, high: int, low: int, minutes: int) -> int:
        """The change of Σ load²/working days (times both cleaners' days) when ``minutes`` go high → low."""
        w_high, w_low = self.working_days[high], self.working_days[low]
        return w_low * (minutes * minutes - 2 * self.load[high] * minutes) + w_high * (
            minutes * minutes + 2 * self.load[low] * minutes
        )

    def _best_move(self, high: int, low: int) -> tuple[int, int] | None:
        best, best_gain = _NOBODY, 0
        for day in self._days_shared(high, low):
            most = min(self.cap[low] - self.used[day][low], self._room_to_free(day, high))
            if most <= 0:
                continue
            for i in self.movable[day][high]:
                minutes = self.minutes[i]
                if minutes <= most:
                    gain = self._gain(high, low, minutes)
                    if gain < best_gain:
                        best, best_gain = i, gain
        return None if best == _NOBODY else (best, _NOBODY)

    def _best_swap(self, high: int, low: int) -> tuple[int, int] | None:
        best, best_gain = (_NOBODY, _NOBODY), 0
        for day in self._days_shared(high, low):
            most = min(self.cap[low] - self.used[day][low], self._room_to_free(day, high))
            if most <= 0 or not self.movable[day][low]:
                continue
            for i in self.movable[day][high]:
                for j in self.movable[day][low]:
                    difference = self.minutes[i] - self.minutes[j]
                    if 0 < difference <= most:
                        gain = self._gain(high, low, difference)
                        if gain < best_gain:
                            best, best_gain = (i, j), gain
        return None if best[0] == _NOBODY else best

    def _move(self, i: int, source: int, target: int) -> None:
        day, minutes = self.day_of[i], self.minutes[i]
        self.movable[day][source].remove(i)
        if self.resp[i] != target:
            self.movable[day][target].append(i)
        self.assigned[i] = target
        self.used[day][source] -= minutes
        self.used[day][target] += minutes
        self.load[source] -= minutes
        self.load[target] += minutes

    # --- the result ---------------------------------------------------------------------------------

    def rota(self) -> Rota:
        """The plan as a Rota, sorted by slot."""
        placed: list[Placed] = []
        unplaced: list[Unplaced] = []
        for i, slot in enumerate(self.slot):
            c = self.assigned[i]
            if c != _NOBODY:
                placed.append(Placed(slot, self.ids[c], self.minutes[i], self.fixed[i]))
                continue
            present = self.present[self.day_of[i]]
            if not present:
                why = Why.NO_ONE_WORKING
            elif all(self.minutes[i] > self.cap[c] for c in present):
                why = Why.TOO_LONG
            else:
                why = Why.NO_MINUTES_LEFT
            unplaced.append(Unplaced(slot, self.minutes[i], why))
        return Rota(self.first, self.last, tuple(placed), tuple(unplaced), tuple(self.released))


@dataclass(frozen=True)
class CleanerLoad:
    """One cleaner's share of the range: placed minutes per working day against the team's."""

    cleaner_id: int
    working_days: int
    minutes: int
    rate: Fraction  # minutes per working day
    deviation: Fraction  # rate - team average
    within: bool  # |deviation| <= tolerance


@dataclass(frozen=True)
class Fairness:
    """How evenly the range's work is shared (issue 10 point 4)."""

    average: Fraction  # the team's minutes per working day: all placed minutes / all working days
    tolerance: Fraction  # max(largest single slot's minutes among the range's slots, average / 10)
    loads: tuple[CleanerLoad, ...]  # every cleaner with >= 1 working day in the range, by cleaner_id

    @property
    def fair(self) -> bool:
        """Whether every cleaner's rate is within the tolerance of the average."""
        return all(load.within for load in self.loads)


def fairness(rota: Rota, tasks: Sequence[RotaTask], cleaners: Sequence[RotaCleaner]) -> Fairness:
    """The fairness figures of a rota: the team's average, the tolerance and each cleaner's share."""
    days = _days(rota.first, rota.last)
    team = _sorted_cleaners(cleaners)
    working = {cleaner.cleaner_id: sum(cleaner.works_on(day) for day in days) for cleaner in team}
    minutes = rota.minutes_by_cleaner()
    all_days = sum(working.values())
    average = Fraction(sum(minutes.values()), all_days) if all_days else Fraction(0)
    largest = max((length for _slot, length in slots(tasks, rota.first, rota.last)), default=0)
    tolerance = max(Fraction(largest), average / 10)
    loads: list[CleanerLoad] = []
    for cleaner_id, days_worked in working.items():
        if not days_worked:
            continue
        given = minutes.get(cleaner_id, 0)
        rate = Fraction(given, days_worked)
        deviation = rate - average
        loads.append(
            CleanerLoad(cleaner_id, days_worked, given, rate, deviation, abs(deviation) <= tolerance)
        )
    return Fairness(average, tolerance, tuple(loads))


def _problems(
    rota: Rota, tasks: Sequence[RotaTask], cleaners: Sequence[RotaCleaner]
) -> list[tuple[date, str]]:
    """Every broken hard rule of the rota with the day it concerns, in slot order."""
    expected = dict(slots(tasks, rota.first, rota.last))
    responsible = {task.task_id: task.responsible for task in tasks}
    team = {cleaner.cleaner_id: cleaner for cleaner in _sorted_cleaners(cleaners)}
    found: list[tuple[Slot, str]] = []
    seen: set[Slot] = set()

    def described(slot: Slot) -> str:
        return f"{slot.day.isoformat()}: task {slot.task_id} (occurrence {slot.occurrence})"

    def check_slot(slot: Slot, minutes: int) -> None:
        if slot in seen:
            found.append((slot, f"{described(slot)} is in the rota more than once"))
        seen.add(slot)
        if slot not in expected:
            found.append((slot, f"{described(slot)} is not a slot of the tasks any more"))
        elif expected[slot] != minutes:
            found.append((slot, f"{described(slot)} takes {expected[slot]} minutes, not {minutes}"))

    used: dict[tuple[date, int], int] = {}
    for placed in rota.placed:
        check_slot(placed.slot, placed.minutes)
        cleaner = team.get(placed.cleaner_id)
        if cleaner is None:
            found.append(
                (
                    placed.slot,
                    f"{described(placed.slot)} goes to cleaner {placed.cleaner_id}, who is not on the team",
                )
            )
        elif not cleaner.works_on(placed.slot.day):
            found.append(
                (
                    placed.slot,
                    f"{described(placed.slot)} goes to cleaner {placed.cleaner_id}, "
                    "who does not work that day",
                )
            )
        key = (placed.slot.day, placed.cleaner_id)
        used[key] = used.get(key, 0) + placed.minutes
    for unplaced in rota.unplaced:
        check_slot(unplaced.slot, unplaced.minutes)
    for slot in expected:
        if slot not in seen:
            found.append((slot, f"{described(slot)} is neither placed nor listed as uncovered"))

    def left(day: date, cleaner_id: int) -> int:
        return team[cleaner_id].pattern.minutes_per_day - used.get((day, cleaner_id), 0)

    for (day, cleaner_id), minutes in sorted(used.items()):
        if cleaner_id in team and left(day, cleaner_id) < 0:
            found.append(
                (
                    Slot(day, 0, 0),
                    f"{day.isoformat()}: cleaner {cleaner_id} is given {minutes} "
                    f"minutes, more than their {team[cleaner_id].pattern.minutes_per_day}",
                )
            )
    for placed in rota.placed:
        owner = responsible.get(placed.slot.task_id)
        day = placed.slot.day
        if (
            not placed.fixed
            and owner is not None
            and owner != placed.cleaner_id
            and owner in team
            and team[owner].works_on(day)
            and left(day, owner) >= placed.minutes
        ):
            found.append(
                (
                    placed.slot,
                    f"{described(placed.slot)} goes to cleaner {placed.cleaner_id} "
                    f"though cleaner {owner}, responsible for it, has {left(day, owner)} minutes left",
                )
            )
    for unplaced in rota.unplaced:
        day = unplaced.slot.day
        present = [cleaner_id for cleaner_id, cleaner in team.items() if cleaner.works_on(day)]
        if not present:
            why = Why.NO_ONE_WORKING
        elif all(unplaced.minutes > team[c].pattern.minutes_per_day for c in present):
            why = Why.TOO_LONG
        else:
            why = Why.NO_MINUTES_LEFT
        if unplaced.why != why:
            found.append(
                (unplaced.slot, f"{described(unplaced.slot)} is uncovered as {unplaced.why}, not {why}")
            )
        roomy = [c for c in present if left(day, c) >= unplaced.minutes]
        if roomy:
            found.append(
                (
                    unplaced.slot,
                    f"{described(unplaced.slot)} is uncovered though cleaner "
                    f"{roomy[0]} has {left(day, roomy[0])} minutes left",
                )
            )
    found.sort(key=lambda problem: problem[0])
    return [(slot.day, text) for slot, text in found]


def rota_problems(rota: Rota, tasks: Sequence[RotaTask], cleaners: Sequence[RotaCleaner]) -> list[str]:
    """Every broken hard rule of the rota: English sentences, empty when none.

    The services use it to find the days a later change (leave, tasks) broke; the tests use it.
    The rules: every slot of the tasks in the range placed or uncovered exactly once, with its
    minutes; a placed slot's cleaner on the team and working that day; no one over their minutes
    for a day; a slot not fixed goes to a substitute only when its responsible cleaner is absent
    or has too few minutes left; a slot is uncovered only when no one present has room, and for
    the reason given.
    """
    return [text for _day, text in _problems(rota, tasks, cleaners)]


def broken_days(rota: Rota, tasks: Sequence[RotaTask], cleaners: Sequence[RotaCleaner]) -> set[date]:
    """The days rota_problems concerns: the days to plan again."""
    return {day for day, _text in _problems(rota, tasks, cleaners)}
