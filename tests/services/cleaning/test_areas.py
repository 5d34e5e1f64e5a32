"""Tasks of the areas (issue 10 points 2 and 11): every frequency, bad input by field, the default set."""

from __future__ import annotations

from datetime import date

import pytest

from estatedesk.domain.cleaning import DEFAULT_TASKS, AreaKind, FrequencyKind, parse_frequency
from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.services import cleaning, households
from estatedesk.services.changes import Records, listen
from estatedesk.services.cleaning import TaskInput
from estatedesk.services.households import RoomInput
from services.cleaning.conftest import LONG_AGO, Crew, fields, refused_on


@pytest.mark.parametrize(
    ("typed", "kind", "written", "days_in_december"),
    [
        ("2/day", FrequencyKind.PER_DAY, "2/day", 31),
        ("day", FrequencyKind.DAILY, "day", 31),
        ("mon,thu", FrequencyKind.WEEKDAYS, "mon,thu", 9),
        ("2/week", FrequencyKind.PER_WEEK, "2/week", 9),
        ("3days", FrequencyKind.EVERY_DAYS, "3days", 10),
        ("month:15", FrequencyKind.MONTHLY, "month:15", 1),
        ("month:31", FrequencyKind.MONTHLY, "month:31", 1),
        ("2months", FrequencyKind.EVERY_MONTHS, "2months", 0),  # from 2026-01-01: Jan, Mar … Nov
        ("year", FrequencyKind.YEARLY, "year", 0),
    ],
)
def test_a_task_is_added_with_each_frequency(
    crew: Crew, typed: str, kind: FrequencyKind, written: str, days_in_december: int
) -> None:
    crew.area("中心广场")
    crew.cleaner("王玥")
    task_id = crew.task("中心广场", " 清扫道路 ", typed, 30)
    made = cleaning.task(task_id)
    assert (made.area, made.what, made.minutes, made.starts_on) == (
        "中心广场",
        "清扫道路",
        30,
        date(2026, 1, 1),
    )
    assert made.frequency.kind is kind and made.every == written
    assert made.frequency.last_day_note is (typed == "month:31")
    assert len({slot.day for slot in cleaning.rota("2026-12").slots}) == days_in_december


def test_monthly_on_the_31st_falls_on_the_last_day_of_a_shorter_month(crew: Crew) -> None:
    crew.area("化粪池", AreaKind.SEPTIC_TANK)
    crew.cleaner("王玥")
    crew.task("化粪池", "检查", "month:31", 30)
    assert [slot.day for slot in cleaning.rota("2026-11").slots] == [date(2026, 11, 30)]
    assert [slot.day for slot in cleaning.rota("2027-02").slots] == [date(2027, 2, 28)]
    assert [slot.day for slot in cleaning.rota("2026-12").slots] == [date(2026, 12, 31)]


def test_a_task_without_a_start_counts_from_today_and_belongs_to_the_whole_month(crew: Crew) -> None:
    area_id = crew.area("中心广场")
    task_id = cleaning.add_task(TaskInput(area_id, "清扫", "3days", "30"), today=date(2026, 12, 5))
    made = cleaning.task(task_id)
    assert (made.starts_on, made.only_from_start) == (date(2026, 12, 5), False)
    assert [slot.day.day for slot in cleaning.rota("2026-12").slots] == [2, 5, 8, 11, 14, 17, 20, 23, 26, 29]


def test_a_task_with_a_start_typed_comes_from_that_day_only(crew: Crew) -> None:
    area_id = crew.area("中心广场")
    task_id = cleaning.add_task(
        TaskInput(area_id, "清扫", "3days", "30", "2026-12-05"), today=date(2026, 11, 1)
    )
    made = cleaning.task(task_id)
    assert (made.starts_on, made.only_from_start) == (date(2026, 12, 5), True)
    assert [slot.day.day for slot in cleaning.rota("2026-12").slots] == [5, 8, 11, 14, 17, 20, 23, 26, 29]
    assert cleaning.rota("2026-11").slots == ()


@pytest.mark.parametrize("minutes", ["0", "-5", "abc", "1441", "", "2.5"])
def test_minutes_that_are_not_a_whole_number_from_1_to_1440_are_refused(crew: Crew, minutes: str) -> None:
    area_id = crew.area("中心广场")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_task(TaskInput(area_id, "清扫", "day", minutes, LONG_AGO))
    assert fields(refused) == ["minutes"]
    refused_on(refused, "minutes")
    assert cleaning.list_tasks() == []


@pytest.mark.parametrize("every", ["fortnightly", "0/day", "month:32", "13/day", "8/week", "0days", ""])
def test_a_frequency_that_cannot_happen_is_refused_on_its_field(crew: Crew, every: str) -> None:
    area_id = crew.area("中心广场")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_task(TaskInput(area_id, "清扫", every, "30", LONG_AGO))
    assert fields(refused) == ["every"]
    refused_on(refused, "every")


def test_every_bad_value_of_a_task_is_told_at_once(crew: Crew) -> None:
    area_id = crew.area("中心广场")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_task(TaskInput(area_id, "  ", "fortnightly", "0", "2026-13-01"))
    assert fields(refused) == ["what", "every", "minutes", "starts_on"]
    for name in ("what", "every", "minutes", "starts_on"):
        refused_on(refused, name)
    with pytest.raises(InputRejected) as refused:
        cleaning.add_task(TaskInput(area_id, "清扫\x07", "day", "30"))
    refused_on(refused, "what")


def test_a_task_of_an_area_no_longer_in_use_is_not_added(crew: Crew) -> None:
    area_id = crew.area("中心广场")
    cleaning.remove_area(area_id)
    with pytest.raises(NotFound):
        cleaning.add_task(TaskInput(area_id, "清扫", "day", "30", LONG_AGO))


def test_a_task_is_changed_and_removed(crew: Crew) -> None:
    square = crew.area("中心广场")
    other = crew.area("北广场")
    task_id = crew.task("中心广场", "清扫", "day", 30)
    cleaning.update_task(task_id, TaskInput(other, "清扫及冲洗", "2/day", "45", "2026-06-01"))
    changed = cleaning.task(task_id)
    assert (changed.area_id, changed.what, changed.every, changed.minutes, changed.starts_on) == (
        other,
        "清扫及冲洗",
        "2/day",
        45,
        date(2026, 6, 1),
    )
    assert (cleaning.area(square).tasks, cleaning.area(other).tasks) == (0, 1)
    with pytest.raises(InputRejected) as refused:
        cleaning.update_task(task_id, TaskInput(other, "清扫", "day", "-5"))
    refused_on(refused, "minutes")
    assert cleaning.task(task_id).minutes == 45
    # an empty start keeps the day it started
    cleaning.update_task(task_id, TaskInput(other, "清扫", "day", "20"))
    assert cleaning.task(task_id).starts_on == date(2026, 6, 1)
    cleaning.remove_task(task_id)
    assert cleaning.list_tasks() == [] and cleaning.area(other).tasks == 0
    with pytest.raises(NotFound):
        cleaning.task(task_id)
    with pytest.raises(NotFound):
        cleaning.update_task(task_id, TaskInput(other, "清扫", "day", "20"))


def test_an_areas_week_counts_what_its_tasks_take(crew: Crew) -> None:
    crew.area("中心广场")
    crew.task("中心广场", "清扫", "2/day", 40)  # 14 × 40
    crew.task("中心广场", "冲洗", "mon,thu", 10)  # 2 × 10
    crew.task("中心广场", "检查", "month:1", 52)  # 12 × 52 a year: 12 a week
    assert cleaning.area(crew.areas["中心广场"]).minutes_per_week == 560 + 20 + 12
    assert cleaning.area(crew.areas["中心广场"]).tasks == 3


# ---------------------------------------------------------------- the default set of RULES.md §5


@pytest.mark.parametrize("kind", list(AreaKind))
def test_each_area_kind_is_offered_rules_defaults(kind: AreaKind) -> None:
    offered = cleaning.default_tasks(kind)
    assert list(offered) == [template for template in DEFAULT_TASKS if template.area_kind is kind]
    if kind in (AreaKind.OTHER,):
        assert offered == []
    else:
        assert offered, kind


def test_default_tasks_go_to_areas_without_tasks_only(crew: Crew) -> None:
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    for kind in AreaKind:
        if kind is not AreaKind.STAIRWELL:
            crew.area(f"{kind.value}区", kind)
    crew.task("road区", "自定清扫", "day", 15)  # the clerk's own: left alone
    added = cleaning.add_default_tasks(today=date(2026, 11, 1))
    expected = [template for template in DEFAULT_TASKS if template.area_kind is not AreaKind.ROAD]
    assert added == len(expected)
    by_area = {area.name: area for area in cleaning.list_areas()}
    for kind in AreaKind:
        name = "3号楼2单元楼道" if kind is AreaKind.STAIRWELL else f"{kind.value}区"
        tasks = cleaning.list_tasks(by_area[name].area_id)
        if kind is AreaKind.ROAD:
            assert [task.what for task in tasks] == ["自定清扫"]
            continue
        assert [(task.what, task.every, task.minutes) for task in tasks] == [
            (template.what, parse_frequency(template.every).spec, template.minutes)
            for template in cleaning.default_tasks(kind)
        ]
        # each area's count starts within the week from the day given, so weekly jobs spread out
        assert all(date(2026, 11, 1) <= task.starts_on <= date(2026, 11, 7) for task in tasks)
        assert len({task.starts_on for task in tasks}) == (1 if tasks else 0)
        assert not any(task.only_from_start for task in tasks)
    assert cleaning.add_default_tasks() == 0  # every area has tasks now


def test_default_tasks_for_the_areas_chosen_and_a_new_stairwell_later(crew: Crew) -> None:
    garbage = crew.area("1号垃圾点", AreaKind.GARBAGE)
    crew.area("中心广场")
    assert cleaning.add_default_tasks([garbage], today=date(2026, 11, 1)) == 2
    assert [task.area for task in cleaning.list_tasks()] == ["1号垃圾点", "1号垃圾点"]
    households.create_room(RoomInput("5", "1", "101", "60"))
    stairwell = cleaning.area_by_name("5号楼1单元楼道").area_id
    assert cleaning.add_default_tasks([stairwell], today=date(2026, 11, 1)) == 3
    assert cleaning.area(stairwell).minutes_per_week == 7 * 20 + 30 + 2 * 10


def test_every_cleaning_write_is_announced(crew: Crew) -> None:
    heard: list[frozenset[Records]] = []
    stop = listen(heard.append)
    try:
        area_id = crew.area("中心广场")
        task_id = crew.task("中心广场", "清扫", "day", 30)
        cleaning.update_task(task_id, TaskInput(area_id, "清扫", "day", "20"))
        cleaning.rename_area(area_id, "南广场")
        cleaning.add_default_tasks()
        cleaning.remove_task(task_id)
        cleaning.remove_area(area_id)
        with pytest.raises(InputRejected):
            crew.area("  ")
    finally:
        stop()
    assert heard == [frozenset({Records.CLEANING})] * 7
