"""The cleaning rota (issue 10 points 4, 5): every slot placed or listed, days off, leave and minutes
respected, the responsible cleaner first, the work shared fairly, the same inputs the same rota."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from estatedesk.domain.cleaning import Frequency, FrequencyKind, Leave, WorkPattern, parse_frequency
from estatedesk.domain.rota import (
    Placed,
    Rota,
    RotaCleaner,
    RotaTask,
    Slot,
    Unplaced,
    Why,
    broken_days,
    fairness,
    plan_rota,
    rota_problems,
    slots,
)

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))  # 1 November 2026 is a Sunday
SUNDAY, MONDAY = 6, 0
LONG_AGO = date(2026, 1, 1)
WANG, LI, ZHANG = 1, 2, 3


def task(task_id: int, minutes: int, every: str = "day", responsible: int | None = None) -> RotaTask:
    return RotaTask(task_id, minutes, parse_frequency(every), LONG_AGO, responsible)


def cleaner(
    cleaner_id: int, off: Sequence[int] = (), minutes: int = 480, leave: Sequence[Leave] = ()
) -> RotaCleaner:
    return RotaCleaner(cleaner_id, WorkPattern(frozenset(off), minutes), tuple(leave))


def who(rota: Rota, day: date, task_id: int, occurrence: int = 1) -> int | None:
    found = [p.cleaner_id for p in rota.placed if p.slot == Slot(day, task_id, occurrence)]
    return found[0] if found else None


def uncovered(rota: Rota) -> dict[Slot, Why]:
    return {u.slot: u.why for u in rota.unplaced}


def breaches(
    rota: Rota,
    tasks: Sequence[RotaTask],
    cleaners: Sequence[RotaCleaner],
    fixed: Mapping[Slot, int] | None = None,
) -> list[str]:
    """Rules 1–5 checked afresh, without the planner's own rota_problems."""
    found: list[str] = []
    expected = dict(slots(tasks, rota.first, rota.last))
    given = [p.slot for p in rota.placed] + [u.slot for u in rota.unplaced]
    # 1: every slot exactly once, with its minutes, in slot order
    if sorted(given) != sorted(expected) or len(set(given)) != len(given):
        found.append("the rota's slots are not the tasks' slots, each once")
    if [p.slot for p in rota.placed] != sorted(p.slot for p in rota.placed):
        found.append("placed slots out of order")
    if [u.slot for u in rota.unplaced] != sorted(u.slot for u in rota.unplaced):
        found.append("uncovered slots out of order")
    found += [f"{p} minutes" for p in rota.placed if expected.get(p.slot) != p.minutes]
    found += [f"{u} minutes" for u in rota.unplaced if expected.get(u.slot) != u.minutes]
    team = {c.cleaner_id: c for c in cleaners}
    used: Counter[tuple[date, int]] = Counter()
    for p in rota.placed:
        # 2: the cleaner works that day
        if p.cleaner_id not in team or not team[p.cleaner_id].works_on(p.slot.day):
            found.append(f"{p} given to someone not working")
        used[p.slot.day, p.cleaner_id] += p.minutes

    def left(day: date, cleaner_id: int) -> int:
        return team[cleaner_id].pattern.minutes_per_day - used[day, cleaner_id]

    # 3: never beyond a day's minutes
    found += [f"{key} over the day's minutes" for key in used if left(*key) < 0]
    responsible = {t.task_id: t.responsible for t in tasks}
    for p in rota.placed:
        owner = responsible[p.slot.task_id]
        # 4: a substitute only when the responsible cleaner is away or lacks the minutes
        if (
            not p.fixed
            and owner in team
            and owner != p.cleaner_id
            and team[owner].works_on(p.slot.day)
            and left(p.slot.day, owner) >= p.minutes
        ):
            found.append(f"{p} went to a substitute though {owner} had room")
    for u in rota.unplaced:
        present = [c for c in team.values() if c.works_on(u.slot.day)]
        # 5: uncovered only when no one present has room, and why
        if not present:
            right = Why.NO_ONE_WORKING
        elif all(u.minutes > c.pattern.minutes_per_day for c in present):
            right = Why.TOO_LONG
        else:
            right = Why.NO_MINUTES_LEFT
        if u.why is not right:
            found.append(f"{u} should be {right}")
        if any(left(u.slot.day, c.cleaner_id) >= u.minutes for c in present):
            found.append(f"{u} uncovered though someone had room")
    # fixed slots: kept with their cleaner, or released because keeping them breaks a hard rule
    fixed = fixed or {}
    kept = {p.slot: p.cleaner_id for p in rota.placed if p.fixed}
    for slot, cleaner_id in kept.items():
        if fixed.get(slot) != cleaner_id:
            found.append(f"{slot} marked fixed but not fixed to {cleaner_id}")
    for slot in rota.released:
        cleaner_id = fixed.get(slot)
        if slot not in expected or cleaner_id is None or slot in kept:
            found.append(f"{slot} released though not a fixed slot")
        elif cleaner_id in team and team[cleaner_id].works_on(slot.day):
            others = sum(expected[s] for s, c in kept.items() if s.day == slot.day and c == cleaner_id)
            if others + expected[slot] <= team[cleaner_id].pattern.minutes_per_day:
                found.append(f"{slot} released though its cleaner had room")
    for slot in fixed:
        if slot in expected and slot not in kept and slot not in rota.released:
            found.append(f"fixed {slot} neither kept nor released")
    return found


# --- by hand ----------------------------------------------------------------------------------------


def test_the_responsible_cleaner_gets_their_area_and_a_substitute_covers_their_day_off() -> None:
    team = [cleaner(WANG, off=[SUNDAY]), cleaner(LI, off=[MONDAY])]
    tasks = [task(1, 30, responsible=WANG), task(2, 30, responsible=LI), task(3, 20)]
    rota = plan_rota(tasks, team, *NOVEMBER)
    assert breaches(rota, tasks, team) == [] and rota_problems(rota, tasks, team) == []
    tuesday, sunday, monday = date(2026, 11, 3), date(2026, 11, 1), date(2026, 11, 2)
    assert who(rota, tuesday, 1) == WANG and who(rota, tuesday, 2) == LI
    assert who(rota, sunday, 1) == LI  # Wang's day off: Li stands in
    assert who(rota, monday, 2) == WANG  # Li's day off: Wang stands in
    assert rota.unplaced == ()


def test_no_one_is_given_work_on_leave() -> None:
    leave = Leave(date(2026, 11, 10), date(2026, 11, 12))
    team = [cleaner(WANG, leave=[leave]), cleaner(LI)]
    tasks = [task(1, 30, responsible=WANG), task(2, 45, "2/day")]
    rota = plan_rota(tasks, team, *NOVEMBER)
    assert breaches(rota, tasks, team) == []
    on_leave = [p for p in rota.placed if p.cleaner_id == WANG and leave.covers(p.slot.day)]
    assert on_leave == [] and who(rota, date(2026, 11, 11), 1) == LI
    assert who(rota, date(2026, 11, 13), 1) == WANG  # back from leave, back to the area


def test_twice_a_day_gives_two_slots_each_day() -> None:
    rota = plan_rota([task(7, 15, "2/day")], [cleaner(WANG)], *NOVEMBER)
    assert len(rota.placed) == 60
    assert [p.slot for p in rota.placed[:2]] == [Slot(NOVEMBER[0], 7, 1), Slot(NOVEMBER[0], 7, 2)]


def test_a_task_counted_back_before_its_start_comes_earlier_in_the_month_too() -> None:
    started = RotaTask(1, 30, parse_frequency("3days"), date(2026, 11, 20))
    counted_back = RotaTask(2, 30, parse_frequency("3days"), date(2026, 11, 20), from_anchor=False)
    days = {
        task_id: [slot.day.day for slot, _ in slots([t], *NOVEMBER)]
        for task_id, t in ((1, started), (2, counted_back))
    }
    assert days == {1: [20, 23, 26, 29], 2: [2, 5, 8, 11, 14, 17, 20, 23, 26, 29]}


def test_an_overloaded_day_lists_what_is_left_uncovered_and_why() -> None:
    team = [cleaner(WANG, minutes=60)]
    tasks = [task(1, 40), task(2, 40), task(3, 20, "month:10")]
    rota = plan_rota(tasks, team, *NOVEMBER)
    assert breaches(rota, tasks, team) == []
    assert len(rota.placed) + len(rota.unplaced) == 61  # nothing dropped
    assert Counter(uncovered(rota).values()) == {Why.NO_MINUTES_LEFT: 30}
    # the 10th: 40 + 20 fill the hour; the other 40 waits
    tenth = [p.slot.task_id for p in rota.placed if p.slot.day == date(2026, 11, 10)]
    assert sorted(tenth) in ([1, 3], [2, 3])


def test_a_full_day_is_packed_to_cover_the_most_minutes() -> None:
    # Shared evenly, 50 and 40 go to different cleaners and the 30 fits nowhere; packed, all fit.
    team = [cleaner(WANG, minutes=70), cleaner(LI, minutes=50)]
    tasks = [task(1, 50, "month:3"), task(2, 40, "month:3"), task(3, 30, "month:3")]
    rota = plan_rota(tasks, team, *NOVEMBER)
    assert rota.unplaced == () and breaches(rota, tasks, team) == []
    assert rota.minutes_by_cleaner() == {WANG: 70, LI: 50}


def test_a_task_longer_than_anyones_day_is_too_long_and_a_day_without_staff_has_no_one() -> None:
    team = [cleaner(WANG, off=[SUNDAY], minutes=240), cleaner(LI, off=[SUNDAY], minutes=180)]
    tasks = [task(1, 300, "month:3"), task(2, 30, "day")]
    rota = plan_rota(tasks, team, *NOVEMBER)
    assert breaches(rota, tasks, team) == []
    why = uncovered(rota)
    assert why[Slot(date(2026, 11, 3), 1)] is Why.TOO_LONG
    sundays = [date(2026, 11, day) for day in (1, 8, 15, 22, 29)]
    assert {slot for slot, reason in why.items() if reason is Why.NO_ONE_WORKING} == {
        Slot(day, 2) for day in sundays
    }
    assert len(why) == 6


def test_with_no_cleaners_everything_is_uncovered_and_with_no_tasks_nothing_is() -> None:
    tasks = [task(1, 30)]
    assert Counter(uncovered(plan_rota(tasks, [], *NOVEMBER)).values()) == {Why.NO_ONE_WORKING: 30}
    empty = plan_rota([], [cleaner(WANG)], *NOVEMBER)
    assert empty.placed == () and empty.unplaced == () and fairness(empty, [], [cleaner(WANG)]).fair


def test_fixed_slots_keep_their_cleaner_and_others_are_planned_around_them() -> None:
    team = [cleaner(WANG, minutes=60, leave=[Leave(date(2026, 11, 20), date(2026, 11, 21))]), cleaner(LI)]
    tasks = [task(1, 40, responsible=WANG), task(2, 30, responsible=WANG)]
    fixed = {
        Slot(date(2026, 11, 5), 1): LI,  # the clerk gave Wang's stairwell to Li that day
        Slot(date(2026, 11, 6), 2): WANG,
        Slot(date(2026, 11, 20), 2): WANG,  # Wang went on leave since: cannot be kept
        Slot(date(2026, 11, 7), 9): WANG,  # task 9 is gone
        Slot(date(2026, 11, 8), 1): 99,  # no such cleaner
    }
    rota = plan_rota(tasks, team, *NOVEMBER, fixed=fixed)
    assert breaches(rota, tasks, team, fixed) == [] and rota_problems(rota, tasks, team) == []
    kept = {p.slot: p.cleaner_id for p in rota.placed if p.fixed}
    assert kept == {Slot(date(2026, 11, 5), 1): LI, Slot(date(2026, 11, 6), 2): WANG}
    assert rota.released == (Slot(date(2026, 11, 8), 1), Slot(date(2026, 11, 20), 2))
    # on the 5th Wang keeps his other task; on the 6th the fixed 30 leaves no room for 40
    assert who(rota, date(2026, 11, 5), 2) == WANG
    assert who(rota, date(2026, 11, 6), 1) == LI and who(rota, date(2026, 11, 20), 2) == LI


def test_fixed_slots_over_a_cleaners_minutes_are_released_in_slot_order() -> None:
    team = [cleaner(WANG, minutes=60), cleaner(LI)]
    tasks = [task(1, 40), task(2, 30)]
    fixed = {Slot(date(2026, 11, 5), 2): WANG, Slot(date(2026, 11, 5), 1): WANG}
    rota = plan_rota(tasks, team, *NOVEMBER, fixed=fixed)
    assert rota.released == (Slot(date(2026, 11, 5), 2),)
    assert who(rota, date(2026, 11, 5), 1) == WANG and breaches(rota, tasks, team, fixed) == []


def test_a_cleaner_away_the_second_half_of_the_month_takes_more_in_the_first() -> None:
    # Day by day, Zhang would get a third of each day until the 15th and nothing after: a third of
    # the month's work over half the working days of the others. Over the month all three must
    # come out at the same minutes per working day.
    away = Leave(date(2026, 11, 16), date(2026, 11, 30))
    team = [cleaner(WANG), cleaner(LI), cleaner(ZHANG, leave=[away])]
    tasks = [task(n, 10 + 5 * (n % 4)) for n in range(1, 25)]
    rota = plan_rota(tasks, team, *NOVEMBER)
    figures = fairness(rota, tasks, team)
    assert breaches(rota, tasks, team) == [] and figures.fair
    rates = {load.cleaner_id: load.rate for load in figures.loads}
    assert {load.cleaner_id: load.working_days for load in figures.loads} == {WANG: 30, LI: 30, ZHANG: 15}
    assert max(rates.values()) - min(rates.values()) <= 5  # much tighter than the tolerance (25)


def test_the_fairness_figures_by_hand() -> None:
    first, last = date(2026, 11, 2), date(2026, 11, 4)  # Monday to Wednesday
    team = [cleaner(WANG), cleaner(LI, off=[MONDAY]), cleaner(ZHANG, leave=[Leave(first, last)])]
    tasks = [task(1, 100), task(2, 20, "month:3")]
    rota = Rota(
        first,
        last,
        (
            Placed(Slot(first, 1), WANG, 100),
            Placed(Slot(date(2026, 11, 3), 1), LI, 100),
            Placed(Slot(date(2026, 11, 3), 2), WANG, 20),
            Placed(Slot(last, 1), LI, 100),
        ),
        (),
    )
    figures = fairness(rota, tasks, team)
    # Wang 120 minutes over 3 days, Li 200 over 2, Zhang no working day: 320 / 5 = 64 a day
    assert figures.average == 64
    assert figures.tolerance == 100  # the largest slot beats 6.4
    assert [(x.cleaner_id, x.working_days, x.minutes) for x in figures.loads] == [
        (WANG, 3, 120),
        (LI, 2, 200),
    ]
    assert [(x.rate, x.deviation) for x in figures.loads] == [(40, -24), (100, 36)]
    assert figures.fair
    small = fairness(rota, [task(1, 5), task(2, 5, "month:3")], team)
    assert small.tolerance == Fraction(64, 10) and not small.fair
    assert [x.within for x in small.loads] == [False, False]
    assert rota.minutes_by_cleaner() == {WANG: 120, LI: 200}


def test_rota_problems_name_each_broken_rule_and_its_day() -> None:
    first, last = date(2026, 11, 2), date(2026, 11, 6)
    team = [cleaner(WANG, minutes=60, leave=[Leave(date(2026, 11, 4), date(2026, 11, 4))]), cleaner(LI)]
    tasks = [task(1, 40, responsible=WANG), task(2, 30)]
    rota = Rota(
        first,
        last,
        (
            Placed(Slot(first, 1), WANG, 40),
            Placed(Slot(first, 2), WANG, 30),  # 70 > 60 minutes
            Placed(Slot(date(2026, 11, 3), 1), LI, 40),  # Wang had room
            Placed(Slot(date(2026, 11, 4), 1), WANG, 40),  # Wang on leave
            Placed(Slot(date(2026, 11, 4), 7), LI, 40),  # no task 7
            Placed(Slot(date(2026, 11, 6), 1), LI, 40, fixed=True),  # the clerk's choice: allowed
            Placed(Slot(date(2026, 11, 6), 2), LI, 25),  # the task takes 30
        ),
        (
            Unplaced(Slot(date(2026, 11, 3), 2), 30, Why.NO_MINUTES_LEFT),  # Li had room
            Unplaced(Slot(date(2026, 11, 5), 2), 30, Why.TOO_LONG),  # wrong reason, and room
        ),
    )
    assert rota_problems(rota, tasks, team) == [
        "2026-11-02: cleaner 1 is given 70 minutes, more than their 60",
        "2026-11-03: task 1 (occurrence 1) goes to cleaner 2 though cleaner 1, responsible for it,"
        " has 60 minutes left",
        "2026-11-03: task 2 (occurrence 1) is uncovered though cleaner 1 has 60 minutes left",
        "2026-11-04: task 1 (occurrence 1) goes to cleaner 1, who does not work that day",
        "2026-11-04: task 2 (occurrence 1) is neither placed nor listed as uncovered",
        "2026-11-04: task 7 (occurrence 1) is not a slot of the tasks any more",
        "2026-11-05: task 1 (occurrence 1) is neither placed nor listed as uncovered",
        "2026-11-05: task 2 (occurrence 1) is uncovered as too-long, not no-minutes-left",
        "2026-11-05: task 2 (occurrence 1) is uncovered though cleaner 1 has 60 minutes left",
        "2026-11-06: task 2 (occurrence 1) takes 30 minutes, not 25",
    ]
    assert broken_days(rota, tasks, team) == {date(2026, 11, day) for day in (2, 3, 4, 5, 6)}


def test_leave_entered_after_the_rota_breaks_only_its_days_and_a_replan_of_them_keeps_the_rest() -> None:
    team = [cleaner(WANG, off=[SUNDAY]), cleaner(LI, off=[MONDAY]), cleaner(ZHANG, minutes=240)]
    tasks = [task(1, 60, responsible=WANG), task(2, 45, "2/day", LI), task(3, 30, "mon,thu"), task(4, 90)]
    before = plan_rota(tasks, team, *NOVEMBER)
    assert rota_problems(before, tasks, team) == []
    leave = Leave(date(2026, 11, 10), date(2026, 11, 12))
    now = [cleaner(WANG, off=[SUNDAY], leave=[leave]), *team[1:]]
    broken = broken_days(before, tasks, now)
    assert broken and broken <= {date(2026, 11, day) for day in (10, 11, 12)}
    kept = {p.slot: p.cleaner_id for p in before.placed if p.slot.day not in broken}
    after = plan_rota(tasks, now, *NOVEMBER, fixed=kept)
    assert rota_problems(after, tasks, now) == [] and after.released == ()
    assert {p.slot: p.cleaner_id for p in after.placed if p.slot.day not in broken} == kept


def test_the_same_inputs_in_any_order_give_the_same_rota() -> None:
    team = [cleaner(7, off=[SUNDAY], minutes=300), cleaner(3, off=[2]), cleaner(5, minutes=200)]
    tasks = [
        task(n, 5 + (n * 37) % 90, ("day", "2/day", "mon,thu", "3days")[n % 4], (3, 5, 7, None)[n % 4])
        for n in range(1, 30)
    ]
    rota = plan_rota(tasks, team, *NOVEMBER)
    shuffle = random.Random(4)
    for _ in range(5):
        shuffle.shuffle(tasks)
        shuffle.shuffle(team)
        assert plan_rota(tasks, team, *NOVEMBER) == rota


def test_the_same_rota_under_any_hash_seed() -> None:
    script = (
        "from datetime import date\n"
        "from estatedesk.domain.cleaning import Leave, WorkPattern, parse_frequency\n"
        "from estatedesk.domain.rota import RotaCleaner, RotaTask, plan_rota\n"
        "team = [RotaCleaner(c, WorkPattern(frozenset({c % 7}), 200 + 40 * c),"
        " (Leave(date(2026, 11, c), date(2026, 11, c + 3)),)) for c in range(1, 6)]\n"
        "specs = ('day', '2/day', 'tue,fri', '2days')\n"
        "tasks = [RotaTask(n, 5 + (n * 37) % 90, parse_frequency(specs[n % 4]),"
        " date(2026, 1, 1), (1, 2, None)[n % 3]) for n in range(1, 40)]\n"
        "print(plan_rota(tasks, team, date(2026, 11, 1), date(2026, 11, 30)))\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(src)},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "Placed(" in outputs.pop()


def test_the_same_task_or_cleaner_twice_is_a_mistake_of_the_caller() -> None:
    with pytest.raises(ValueError, match="task 1"):
        plan_rota([task(1, 10), task(1, 20)], [cleaner(WANG)], *NOVEMBER)
    with pytest.raises(ValueError, match="cleaner 1"):
        plan_rota([task(1, 10)], [cleaner(WANG), cleaner(WANG)], *NOVEMBER)
    with pytest.raises(ValueError, match="more than 0"):
        plan_rota([task(1, 0)], [cleaner(WANG)], *NOVEMBER)


# --- generated ---------------------------------------------------------------------------------------

MONTHS = [(2026, month) for month in range(1, 13)] + [(2028, 2)]


def month_range(year: int, month: int) -> tuple[date, date]:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


@st.composite
def frequencies(draw: st.DrawFn) -> Frequency:
    kind = draw(st.sampled_from(list(FrequencyKind)))
    if kind is FrequencyKind.PER_DAY:
        return Frequency(kind, draw(st.integers(2, 4)))
    if kind is FrequencyKind.WEEKDAYS:
        return Frequency(kind, weekdays=frozenset(draw(st.sets(st.integers(0, 6), min_size=1))))
    if kind is FrequencyKind.PER_WEEK:
        return Frequency(kind, draw(st.integers(1, 7)))
    if kind is FrequencyKind.EVERY_DAYS:
        return Frequency(kind, draw(st.integers(1, 10)))
    if kind is FrequencyKind.MONTHLY:
        return Frequency(kind, day=draw(st.integers(1, 31)))
    if kind is FrequencyKind.EVERY_MONTHS:
        return Frequency(kind, draw(st.integers(1, 6)))
    return Frequency(kind)


@st.composite
def teams(draw: st.DrawFn, first: date, last: date, equal_minutes: int | None = None) -> list[RotaCleaner]:
    ids = draw(st.lists(st.integers(1, 60), min_size=1, max_size=6, unique=True))
    team = []
    for cleaner_id in ids:
        off = draw(st.sets(st.integers(0, 6), max_size=2 if equal_minutes else 3))
        minutes = equal_minutes or draw(st.integers(60, 480))
        leave = []
        for _ in range(draw(st.integers(0, 2))):
            start = first + timedelta(days=draw(st.integers(-5, (last - first).days)))
            leave.append(Leave(start, start + timedelta(days=draw(st.integers(0, 25)))))
        team.append(RotaCleaner(cleaner_id, WorkPattern(frozenset(off), minutes), tuple(leave)))
    return team


@st.composite
def task_lists(
    draw: st.DrawFn, first: date, responsible: Sequence[int | None], longest: int = 240, most: int = 20
) -> list[RotaTask]:
    ids = draw(st.lists(st.integers(1, 500), min_size=1, max_size=most, unique=True))
    return [
        RotaTask(
            task_id,
            draw(st.integers(5, longest)),
            draw(frequencies()),
            # some start within the month: its second half has more work than its first
            first + timedelta(days=draw(st.one_of(st.integers(-800, 0), st.integers(1, 27)))),
            draw(st.sampled_from(list(responsible))),
            draw(st.booleans()),  # counted back before its start, or not
        )
        for task_id in ids
    ]


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[RotaTask], list[RotaCleaner], date, date, dict[Slot, int]]:
    first, last = month_range(*draw(st.sampled_from(MONTHS)))
    team = draw(teams(first, last))
    tasks = draw(task_lists(first, [None, 999] + [c.cleaner_id for c in team]))  # 999 left the team
    fixed: dict[Slot, int] = {}
    all_slots = [slot for slot, _ in slots(tasks, first, last)]
    if all_slots and draw(st.booleans()):
        for slot in draw(st.lists(st.sampled_from(all_slots), max_size=10)):
            fixed[slot] = draw(st.sampled_from([c.cleaner_id for c in team] + [999]))
        fixed[Slot(first, 10_000)] = team[0].cleaner_id  # a task that is gone
    return tasks, team, first, last, fixed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.randoms(use_true_random=False))
def test_every_generated_rota_keeps_the_hard_rules_and_depends_only_on_its_inputs(
    case: tuple[list[RotaTask], list[RotaCleaner], date, date, dict[Slot, int]], shuffle: random.Random
) -> None:
    tasks, team, first, last, fixed = case
    rota = plan_rota(tasks, team, first, last, fixed)
    assert breaches(rota, tasks, team, fixed) == []
    assert rota_problems(rota, tasks, team) == [] and broken_days(rota, tasks, team) == set()
    shuffled_tasks, shuffled_team = list(tasks), list(team)
    shuffle.shuffle(shuffled_tasks)
    shuffle.shuffle(shuffled_team)
    shuffled_fixed = dict(shuffle.sample(list(fixed.items()), len(fixed)))
    assert plan_rota(shuffled_tasks, shuffled_team, first, last, shuffled_fixed) == rota


def equal_rates_possible(
    tasks: Sequence[RotaTask], team: Sequence[RotaCleaner], first: date, last: date
) -> bool:
    """Whether every slot can be shared so that all rates are equal, each cleaner keeping one
    largest slot's minutes free every day (a fractional plan, as a flow).

    When it can, an assignment of whole slots within the tolerance exists: give each day's slots
    one by one to whoever is furthest below their fractional share; each cleaner ends a day within
    one largest slot of that share, so their rate over the month is within one largest slot of the
    average, and the minutes kept free absorb the overshoot.
    """
    found = slots(tasks, first, last)
    if not found:
        return True
    largest = max(minutes for _slot, minutes in found)
    days = sorted({slot.day for slot, _ in found})
    load = Counter[date]()
    for slot, minutes in found:
        load[slot.day] += minutes
    working = {
        c.cleaner_id: sum(c.works_on(first + timedelta(d)) for d in range((last - first).days + 1))
        for c in team
    }
    total = sum(load.values())
    all_days = sum(working.values())
    if not all_days:
        return False
    rate = Fraction(total, all_days)
    # nodes: 0 source, 1 sink, then days, then cleaners
    day_node = {day: 2 + n for n, day in enumerate(days)}
    cleaner_node = {c.cleaner_id: 2 + len(days) + n for n, c in enumerate(team)}
    size = 2 + len(days) + len(team)
    capacity = [[Fraction(0)] * size for _ in range(size)]
    for day in days:
        capacity[0][day_node[day]] = Fraction(load[day])
        for c in team:
            if c.works_on(day):
                capacity[day_node[day]][cleaner_node[c.cleaner_id]] = Fraction(
                    max(0, c.pattern.minutes_per_day - largest)
                )
    for c in team:
        capacity[cleaner_node[c.cleaner_id]][1] = rate * working[c.cleaner_id]
    return max_flow(capacity) == total


def max_flow(capacity: list[list[Fraction]]) -> Fraction:
    """Edmonds–Karp from node 0 to node 1."""
    size = len(capacity)
    flow = Fraction(0)
    while True:
        parent = [-1] * size
        parent[0] = 0
        queue = [0]
        for node in queue:
            for other in range(size):
                if parent[other] == -1 and capacity[node][other] > 0:
                    parent[other] = node
                    queue.append(other)
        if parent[1] == -1:
            return flow
        path, node = [], 1
        while node != 0:
            path.append((parent[node], node))
            node = parent[node]
        push = min(capacity[a][b] for a, b in path)
        for a, b in path:
            capacity[a][b] -= push
            capacity[b][a] += push
        flow += push


@st.composite
def fair_cases(draw: st.DrawFn) -> tuple[list[RotaTask], list[RotaCleaner], date, date]:
    """Teams with equal days and no responsible areas: any such team, or one where some are away for
    a long stretch at the start or the end of the month while the month's work grows or shrinks
    (the lookahead a day-by-day plan misses). Whether an even share exists is checked by the test.
    """
    first, last = month_range(*draw(st.sampled_from(MONTHS)))
    minutes = draw(st.sampled_from([240, 360, 480]))
    if draw(st.booleans()):
        team = draw(teams(first, last, equal_minutes=minutes))
        tasks = draw(task_lists(first, [None], longest=draw(st.sampled_from([10, 20, 60, 90])), most=40))
        return tasks, team, first, last
    split = first + timedelta(days=draw(st.integers(3, 25)))
    size = draw(st.integers(2, 6))
    away = draw(st.integers(1, size - 1))
    team = [
        RotaCleaner(
            n,
            WorkPattern(frozenset(draw(st.sets(st.integers(0, 6), max_size=1))), minutes),
            ((Leave(first, split),) if draw(st.booleans()) else (Leave(split, last),)) if n <= away else (),
        )
        for n in range(1, size + 1)
    ]
    # everyday work, part of it starting at the split: one side of it has more to share than the other
    kinds = st.sampled_from(
        [
            Frequency(FrequencyKind.DAILY),
            Frequency(FrequencyKind.PER_DAY, 2),
            Frequency(FrequencyKind.EVERY_DAYS, 2),
        ]
    )
    tasks = [
        RotaTask(n, draw(st.integers(5, 30)), draw(kinds), split if draw(st.booleans()) else first, None)
        for n in range(1, draw(st.integers(2, 30)) + 1)
    ]
    return tasks, team, first, last


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(fair_cases())
def test_work_is_shared_fairly_whenever_an_even_share_exists(
    case: tuple[list[RotaTask], list[RotaCleaner], date, date],
) -> None:
    tasks, team, first, last = case
    assume(equal_rates_possible(tasks, team, first, last))
    rota = plan_rota(tasks, team, first, last)
    assert breaches(rota, tasks, team) == [] and rota.unplaced == ()
    figures = fairness(rota, tasks, team)
    assert figures.fair, [(x.cleaner_id, x.working_days, float(x.rate)) for x in figures.loads]
