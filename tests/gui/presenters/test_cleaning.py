"""The cleaning schedule's texts (gui/presenters/cleaning.py), without Qt: English sources (conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest

from estatedesk.domain.cleaning import AreaKind, Frequency, FrequencyKind, parse_frequency
from estatedesk.gui.presenters import cleaning as present
from estatedesk.services.cleaning import AreaView, CleanerView, LeaveView, TaskView

TODAY = date(2026, 11, 20)


def cleaner(leave: tuple[tuple[str, str], ...] = (), areas: tuple[str, ...] = ()) -> CleanerView:
    return CleanerView(
        1,
        "王玥",
        "",
        frozenset({6}),
        480,
        "",
        tuple(
            LeaveView(number, 1, date.fromisoformat(first), date.fromisoformat(last))
            for number, (first, last) in enumerate(leave, start=1)
        ),
        areas,
    )


def area(kind: AreaKind = AreaKind.STAIRWELL, tasks: int = 3, week: int = 190) -> AreaView:
    return AreaView(1, kind, "1号楼1单元楼道", None, "", tasks, week)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("3/day", "3 times a day"),
        ("day", "Daily"),
        ("mon,thu", "Every Mon、Thu"),
        ("1/week", "Weekly"),
        ("2/week", "2 times a week"),
        ("3days", "Every 3 days"),
        ("month:15", "Monthly on day 15"),
        ("month:31", "Monthly on day 31 (the month's last day when it is shorter)"),
        ("month:28", "Monthly on day 28"),
        ("1months", "Monthly"),
        ("6months", "Every 6 months"),
        ("year", "Yearly"),
    ],
)
def test_every_frequency_in_words(spec: str, words: str) -> None:
    assert present.frequency_text(parse_frequency(spec)) == words


def task(spec: str, first: date = date(2026, 12, 15), only_from_start: bool = False) -> TaskView:
    return TaskView(1, 1, "水箱", "清洗水箱", parse_frequency(spec), 240, first, None, only_from_start)


def test_a_task_counted_from_its_first_day_says_which_days_it_falls_on() -> None:
    assert present.task_frequency_text(task("6months")) == "Every 6 months (on day 15)"
    assert present.task_frequency_text(task("year")) == "Yearly (on 12-15)"
    # n times a week is spread from the weekday it started: 2026-12-15 is a Tuesday.
    assert present.task_frequency_text(task("2/week")) == "2 times a week (Tue、Fri)"
    assert present.task_frequency_text(task("1/week", date(2026, 12, 14))) == "Weekly (Mon)"
    assert present.task_frequency_text(task("7/week")) == "7 times a week"
    assert present.task_frequency_text(task("3/day")) == "3 times a day"


def test_a_task_says_from_when_it_comes() -> None:
    assert present.start_text(task("day", only_from_start=True)) == "2026-12-15"
    assert present.start_text(task("day")) == ""  # every month's rota
    assert present.start_text(task("3days")) == "counted from 2026-12-15"


@pytest.mark.parametrize(
    ("kind", "count", "weekdays", "day", "spec"),
    [
        (FrequencyKind.PER_DAY, 2, (), 1, "2/day"),
        (FrequencyKind.DAILY, 5, (), 1, "day"),
        (FrequencyKind.WEEKDAYS, 1, (3, 0, 3), 1, "mon,thu"),
        (FrequencyKind.PER_WEEK, 2, (), 1, "2/week"),
        (FrequencyKind.EVERY_DAYS, 3, (), 1, "3days"),
        (FrequencyKind.MONTHLY, 1, (), 31, "month:31"),
        (FrequencyKind.EVERY_MONTHS, 6, (), 1, "6months"),
        (FrequencyKind.YEARLY, 1, (), 1, "year"),
    ],
)
def test_the_dialogs_inputs_make_the_spec_the_rules_read_back(
    kind: FrequencyKind, count: int, weekdays: tuple[int, ...], day: int, spec: str
) -> None:
    assert present.frequency_spec(kind, count, weekdays, day) == spec
    assert parse_frequency(spec).kind is kind


def test_every_kind_is_offered_once_with_a_name() -> None:
    assert sorted(present.FREQUENCY_KINDS) == sorted(FrequencyKind)
    assert len({present.frequency_kind_text(kind) for kind in FrequencyKind}) == len(FrequencyKind)
    assert present.count_unit_text(FrequencyKind.PER_WEEK) == "times a week"
    assert present.count_unit_text(FrequencyKind.DAILY) == ""
    assert set(present.HIGHEST_COUNT) == {
        FrequencyKind.PER_DAY,
        FrequencyKind.PER_WEEK,
        FrequencyKind.EVERY_DAYS,
        FrequencyKind.EVERY_MONTHS,
    }


def test_weekdays_and_days_off() -> None:
    assert [present.weekday_text(day) for day in (0, 6)] == ["Mon", "Sun"]
    assert present.days_off_text(frozenset({6, 5})) == "Sat、Sun"
    assert present.days_off_text(frozenset()) == "None"
    assert present.working_week_text(frozenset({6})) == "6 days a week, off on Sun"
    assert present.working_week_text(frozenset()) == "7 days a week"


@pytest.mark.parametrize(
    ("minutes", "text"), [(20, "20 min"), (60, "1 h"), (90, "1 h 30 min"), (480, "8 h"), (1440, "24 h")]
)
def test_minutes_as_a_duration(minutes: int, text: str) -> None:
    assert present.minutes_text(minutes) == text


def test_every_area_kind_has_a_name_and_the_clerk_adds_only_common_ones() -> None:
    assert len({present.area_kind_text(kind) for kind in AreaKind}) == len(AreaKind)
    assert AreaKind.STAIRWELL not in present.COMMON_KINDS
    assert set(present.COMMON_KINDS) | {AreaKind.STAIRWELL} == set(AreaKind)
    assert all(present.area_name_hint(kind) for kind in AreaKind)


def test_the_usual_works_offer_the_kinds_defaults_first() -> None:
    stairwell = present.usual_works(AreaKind.STAIRWELL)
    assert stairwell[:3] == ["清扫楼道及门厅", "拖洗楼道", "擦拭扶手"]
    assert len(stairwell) == len(set(stairwell))  # 擦拭扶手 once
    assert present.usual_works(AreaKind.OTHER) == list(present.USUAL_WORKS)
    assert {"清扫", "拖洗", "擦拭扶手", "清运垃圾", "检查雨污水井", "清洗水箱", "消杀"} <= set(
        present.USUAL_WORKS
    )


def test_areas_figures() -> None:
    assert present.task_count_text(area(tasks=0)) == "" and present.task_count_text(area()) == "3"
    assert present.week_minutes_text(area(week=0)) == "" and present.week_minutes_text(area()) == "3 h 10 min"
    assert present.areas_status([area(), area(AreaKind.ROAD, 1, 560)]) == (
        "2 areas (1 stairwells), 4 tasks, 12 h 30 min a week"
    )
    assert present.tasks_title(area(tasks=0)) == "1号楼1单元楼道: no tasks yet"
    assert present.tasks_title(area()) == "Tasks of 1号楼1单元楼道: 3, 3 h 10 min a week"
    assert "5" in present.defaults_offer_text([area()] * 5)
    assert present.responsible_text(area()) == "(none)"


def test_leave_ahead_says_who_is_away_now_and_what_is_coming() -> None:
    away = cleaner((("2026-10-01", "2026-10-03"), ("2026-11-18", "2026-11-22"), ("2026-12-20", "2026-12-24")))
    assert [leave.leave_id for leave in present.leave_ahead(away, TODAY)] == [2, 3]
    assert present.on_leave(away, TODAY) and not present.on_leave(away, date(2026, 11, 23))
    assert present.leave_ahead_text(away, TODAY) == "on leave until 2026-11-22；2026-12-20–12-24"
    assert present.leave_ahead_text(away, date(2026, 11, 23)) == "2026-12-20–12-24"
    assert present.leave_ahead_text(away, date(2027, 1, 1)) == ""
    assert present.leave_title(away) == "Leave of 王玥: 3 periods, 13 days"
    assert present.leave_title(cleaner()) == "王玥: no leave entered"
    assert present.team_status([away, cleaner()], TODAY) == "2 cleaners, 1 on leave today"


def test_periods_of_days() -> None:
    assert present.period_text(date(2026, 12, 1), date(2026, 12, 1)) == "2026-12-01"
    assert present.period_text(date(2026, 12, 30), date(2027, 1, 2)) == "2026-12-30–2027-01-02"
    assert present.leave_days(LeaveView(1, 1, date(2026, 12, 30), date(2027, 1, 2))) == 4


def test_a_cleaners_areas_are_named_up_to_two() -> None:
    assert present.responsible_for_text(cleaner(areas=())) == ""
    assert present.responsible_for_text(cleaner(areas=("主干道", "1号垃圾点"))) == "主干道、1号垃圾点"
    assert present.responsible_for_text(cleaner(areas=("甲", "乙", "丙", "丁"))) == "甲、乙 … 4 in all"


def test_leave_that_breaks_accepted_rotas_names_the_months() -> None:
    months = (("2026-12", 4), ("2027-01", 2))
    assert present.affected_text(months) == "2026-12 (4 days)、2027-01 (2 days)"
    text = present.leave_breaks_rota_text("王玥", months)
    assert (
        "王玥" in text
        and "2026-12 (4 days)" in text
        and text.endswith("Show the month's rota of 2026-12 now?")
    )


def test_frequencies_made_by_hand_read_the_same() -> None:
    assert (
        present.frequency_text(Frequency(FrequencyKind.WEEKDAYS, weekdays=frozenset({4, 0})))
        == "Every Mon、Fri"
    )
