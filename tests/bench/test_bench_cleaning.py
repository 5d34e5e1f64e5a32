"""Cleaning rota figures (issue 10, point 17): a month for 40 areas, 300 tasks and 12 cleaners.

The estate: a demo of 120 households without fees (five buildings of two units: ten stairwells made
by the file), 30 common areas of every kind, RULES.md §5's default tasks on each and the office's
own up to 300 tasks in all (daily, twice a day, given weekdays, n a week, every few days, monthly,
every 2 or 6 months, yearly; 10–40 minutes), 12 cleaners of 480 minutes a day with a day off each
spread over the week, a few days' leave for every third one, each area with its responsible
cleaner so that their weeks weigh about the same. All made through ``services.cleaning``.

Targets, printed and never asserted (medians of ``RUNS`` runs):
  a. the month's rota through the service, ``cleaning.rota(month)`` never accepted, and
     ``cleaning.accept_rota`` of a month: ≤ 2 s; the planner alone (``domain.rota.plan_rota``) beside;
  b. leave entered over an accepted month: the rota shown again, its broken days re-planned;
  c. the cleaning tab's first paint ≤ 300 ms, and its rota page shown with the month's grid.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s -m bench tests/bench/test_bench_cleaning.py
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest

from estatedesk.domain.cleaning import AreaKind, Leave, WorkPattern
from estatedesk.domain.rota import RotaCleaner, RotaTask, plan_rota, rota_problems
from estatedesk.services import cleaning, demo
from estatedesk.services import estate as estates
from estatedesk.services.cleaning import CleanerInput, RotaView, TaskInput
from estatedesk.services.estate import Estate
from helpers.bench import median_time, open_in_window, tab_index

QUICK = os.environ.get("ESTATEDESK_BENCH_QUICK") == "1"
# The size whatever the mode (it is small): quick mode only times fewer runs.
RUNS = 2 if QUICK else 5
HOUSEHOLDS, COMMON_AREAS, TASKS, CLEANERS = 120, 30, 300, 12
MONTH = "2027-03"  # the month timed; the months after it are accepted one each run
STARTED = date(2027, 1, 1)  # the tasks' first day: every n days / months count from it
COMMON_KINDS = (
    AreaKind.ROAD,
    AreaKind.GARBAGE,
    AreaKind.GREEN,
    AreaKind.CAR_PARK,
    AreaKind.DRAINS,
    AreaKind.SEPTIC_TANK,
    AreaKind.WATER_TANK,
    AreaKind.OTHER,
)
# The office's own tasks beyond the defaults, and how often each frequency comes in the mix.
# Weekly work is written on given weekdays, as an office spreads it (``1/week`` always falls on Monday).
MIX = (
    ("day", 4),
    ("2/day", 1),
    ("mon", 1),
    ("tue", 1),
    ("wed", 1),
    ("thu", 1),
    ("fri", 1),
    ("sat", 1),
    ("sun", 1),
    ("2/week", 2),
    ("mon,thu", 2),
    ("tue,fri", 2),
    ("3days", 4),
    ("month:15", 2),
    ("month:31", 1),
    ("2months", 2),
    ("6months", 1),
    ("year", 1),
)
WORDS = ("巡查保洁", "清理小广告", "擦拭信报箱", "清洗垃圾桶", "冲洗地面", "清理落叶", "擦拭宣传栏", "消杀")

Report = Callable[..., None]


def fill() -> None:
    """Areas, tasks, the team and responsibilities as described above, through the services."""
    draw = random.Random(17)
    for index in range(COMMON_AREAS):
        kind = COMMON_KINDS[index % len(COMMON_KINDS)]
        cleaning.add_area(kind, f"公共区域{index + 1:02d}")
    areas = cleaning.list_areas()
    assert len(areas) == 10 + COMMON_AREAS
    cleaning.add_default_tasks(today=STARTED)
    specs = [spec for spec, weight in MIX for _ in range(weight)]
    for number in range(TASKS - len(cleaning.list_tasks())):
        area = areas[number % len(areas)]
        cleaning.add_task(
            TaskInput(
                area.area_id,
                f"{WORDS[number % len(WORDS)]}{number + 1}",
                draw.choice(specs),
                str(draw.randrange(10, 41, 5)),
                (STARTED + timedelta(days=draw.randrange(28))).isoformat(),
            )
        )
    team = []
    for index in range(CLEANERS):
        off = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(index * 3) % 7]
        team.append(cleaning.add_cleaner(CleanerInput(f"保洁员{index + 1:02d}", "", off, "480")))
        if index % 3 == 2:
            first = date(2027, 3, 3 + 2 * index)
            cleaning.add_leave(team[-1], first, first + timedelta(days=2), "年假")
    # Each area to the cleaner whose week weighs least so far, the heaviest areas first.
    load = dict.fromkeys(team, 0)
    for area in sorted(cleaning.list_areas(), key=lambda view: (-view.minutes_per_week, view.area_id)):
        lightest = min(team, key=lambda cleaner_id: (load[cleaner_id], cleaner_id))
        load[lightest] += area.minutes_per_week
        cleaning.set_responsible(area.area_id, lightest)


@pytest.fixture(scope="module")
def rota_estate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Estate]:
    """The estate described above, in a file of its own."""
    path = tmp_path_factory.mktemp("cleaning") / "cleaning.sqlite3"
    opened = estates.create_estate(path, "保洁基准小区")
    demo.generate(HOUSEHOLDS, seed=10, with_fees=False)
    started = time.perf_counter()
    fill()
    print(f"\nmade {len(cleaning.list_tasks())} tasks in {time.perf_counter() - started:.1f} s")
    assert len(cleaning.list_areas()) == 40 and len(cleaning.list_tasks()) == TASKS
    assert len(cleaning.list_cleaners()) == CLEANERS
    yield opened
    opened.close()


def figures(bench_report: Report, name: str, view: RotaView) -> None:
    """The rota's size, what it left uncovered and how fair it is, printed beside the times."""
    fairness = view.fairness
    bench_report(f"{name}_slots", len(view.slots), "count")
    bench_report(f"{name}_uncovered", len(view.uncovered), "count")
    bench_report(f"{name}_average_minutes_per_working_day", float(fairness.average), "minutes")
    bench_report(f"{name}_tolerance", float(fairness.tolerance), "minutes")
    bench_report(
        f"{name}_largest_deviation",
        max(abs(float(load.deviation)) for load in fairness.loads),
        "minutes",
    )
    bench_report(
        f"{name}_cleaners_outside_tolerance", sum(not load.within for load in fairness.loads), "count"
    )


def test_the_month_through_the_service(rota_estate: Estate, bench_report: Report) -> None:
    """a. The month planned whole (never accepted), and months accepted one a run."""
    view = cleaning.rota(MONTH)
    assert not view.accepted and view.slots
    figures(bench_report, "cleaning_rota_month", view)
    bench_report(
        "cleaning_rota_month_40_areas_300_tasks_12_cleaners", median_time(lambda: cleaning.rota(MONTH), RUNS)
    )
    months = iter(f"2027-{number:02d}" for number in range(4, 4 + RUNS))
    bench_report(
        "cleaning_accept_rota_month_40_areas_300_tasks_12_cleaners",
        median_time(lambda: cleaning.accept_rota(next(months)), RUNS),
    )
    assert len(cleaning.accepted_months()) == RUNS


def test_the_planner_alone(rota_estate: Estate, bench_report: Report) -> None:
    """a. ``plan_rota`` on the same tasks and team, as the service hands them over."""
    tasks = [
        RotaTask(task.task_id, task.minutes, task.frequency, task.starts_on, task.responsible_id)
        for task in cleaning.list_tasks()
    ]
    team = [
        RotaCleaner(
            member.cleaner_id,
            WorkPattern(member.days_off, member.minutes_per_day),
            tuple(Leave(period.first, period.last) for period in member.leave),
        )
        for member in cleaning.list_cleaners()
    ]
    first, last = cleaning.parse_month(MONTH)
    planned = plan_rota(tasks, team, first, last)
    assert rota_problems(planned, tasks, team) == []
    bench_report(
        f"cleaning_plan_rota_{len(planned.placed) + len(planned.unplaced)}_slots",
        median_time(lambda: plan_rota(tasks, team, first, last), RUNS),
    )


def test_a_replan_after_leave(rota_estate: Estate, bench_report: Report) -> None:
    """b. Leave over an accepted month: its days planned anew, the rest kept; then accepted again."""
    month = "2027-02"
    cleaning.accept_rota(month)
    busiest = max(cleaning.list_cleaners(), key=lambda member: len(member.areas))
    added = cleaning.add_leave(busiest.cleaner_id, date(2027, 2, 15), date(2027, 2, 19), "病假")
    assert added.affected and added.affected[0][0] == month
    view = cleaning.rota(month)
    assert view.stale
    bench_report("cleaning_replan_after_leave_changes", len(view.changes), "count")
    figures(bench_report, "cleaning_replan_after_leave", view)
    bench_report("cleaning_replan_after_leave", median_time(lambda: cleaning.rota(month), RUNS))
    start = time.perf_counter()
    accepted = cleaning.accept_rota(month)
    bench_report("cleaning_accept_replanned_month", time.perf_counter() - start)
    assert accepted.accepted and not accepted.changes


def test_cleaning_tab_first_paint(qapp: object, rota_estate: Estate, bench_report: Report) -> None:
    """c. The window opens the estate (households tab first, as at start), then shows the cleaning tab;
    then its rota page with the month's grid."""
    tab_module = pytest.importorskip("estatedesk.gui.tabs.cleaning")
    from estatedesk.gui.tabs.cleaning_pages.rota import RotaPage

    cleaning_tab = tab_module.CleaningTab
    path = rota_estate.path
    rota_estate.close()  # one program at a time has the file open
    window, _opening = open_in_window(qapp, path)
    index = tab_index(window, cleaning_tab)
    start = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    window.tabs.currentWidget().repaint()
    tab = window.tab(cleaning_tab)
    bench_report(f"cleaning_tab_first_paint_{tab.current_page().key}_page", time.perf_counter() - start)
    start = time.perf_counter()
    page = tab.show_page(RotaPage)
    page.show_month(MONTH)
    qapp.processEvents()  # type: ignore[attr-defined]
    page.repaint()
    bench_report("cleaning_rota_page_shown_with_month_grid", time.perf_counter() - start)
    assert page.view is not None and page.view.month == MONTH
    window.close()
