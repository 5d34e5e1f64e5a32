"""Speed check of the rota planner (issue 10 point 17): not a test, a script that prints the time.

40 areas with a responsible cleaner each, 300 tasks of the default mix (daily, 2/day, weekly,
2/week, given weekdays, every few days, monthly, every 2 months, yearly; 10–60 minutes), 12 cleaners
with a day off each and some leave; a month's rota. Run: ``.venv/bin/python tests/domain/rota_speed.py``.
"""

from __future__ import annotations

import random
import time
from datetime import date

from estatedesk.domain.cleaning import Leave, WorkPattern, parse_frequency
from estatedesk.domain.rota import RotaCleaner, RotaTask, fairness, plan_rota, rota_problems

FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
# How often each frequency comes in the mix. Weekly work is written on given weekdays as an office
# would spread it: every "n/week" task falls on the same days (1/week on Monday), which piles up.
MIX = (
    ("day", 4),
    ("2/day", 1),
    ("1/week", 1),
    ("mon", 1),
    ("tue", 1),
    ("wed", 1),
    ("thu", 1),
    ("fri", 1),
    ("sat", 1),
    ("sun", 1),
    ("2/week", 1),
    ("mon,thu", 2),
    ("tue,fri", 2),
    ("wed,sat", 2),
    ("3days", 4),
    ("month:15", 3),
    ("2months", 2),
    ("year", 2),
)


def speed_case(seed: int = 10, responsible: bool = True) -> tuple[list[RotaTask], list[RotaCleaner]]:
    """The bench's month: 300 tasks over 40 areas, 12 cleaners."""
    draw = random.Random(seed)
    specs = [spec for spec, weight in MIX for _ in range(weight)]
    cleaners = [
        RotaCleaner(
            cleaner_id,
            WorkPattern(frozenset({cleaner_id % 7}), 480),
            (Leave(date(2026, 11, 3 + 2 * cleaner_id), date(2026, 11, 5 + 2 * cleaner_id)),)
            if cleaner_id % 3 == 0
            else (),
        )
        for cleaner_id in range(1, 13)
    ]
    tasks = [
        RotaTask(
            task_id,
            draw.randrange(10, 61, 5),
            parse_frequency(draw.choice(specs)),
            date(2026, 1, 1 + task_id % 28),
            responsible=1 + (task_id % 40) % 12 if responsible else None,  # area task_id % 40
        )
        for task_id in range(1, 301)
    ]
    return tasks, cleaners


def main() -> None:
    """Plan the month a few times and print the best time and the rota's figures."""
    for responsible in (True, False):
        print("areas with a responsible cleaner:" if responsible else "no responsible cleaners:")
        run(*speed_case(responsible=responsible))


def run(tasks: list[RotaTask], cleaners: list[RotaCleaner]) -> None:
    """Plan the month three times; print the best time and the figures."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        rota = plan_rota(tasks, cleaners, FIRST, LAST)
        times.append(time.perf_counter() - started)
    figures = fairness(rota, tasks, cleaners)
    print(
        f"plan_rota: best {min(times):.3f} s of {len(times)}, {len(rota.placed)} placed, "
        f"{len(rota.unplaced)} uncovered, fair: {figures.fair}"
    )
    print(
        f"average {float(figures.average):.1f} min/day, tolerance {float(figures.tolerance):.1f}, rates "
        + ", ".join(f"{load.cleaner_id}:{float(load.rate):.0f}" for load in figures.loads)
    )
    print(f"hard-rule problems: {len(rota_problems(rota, tasks, cleaners))}")


if __name__ == "__main__":
    main()
