"""Cleaning frequencies (RULES.md §5): how each is written, and the days of a month it comes on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.cleaning import (
    DEFAULT_TASKS,
    AreaKind,
    Frequency,
    FrequencyKind,
    Leave,
    WorkPattern,
    month_day,
    occurrences,
    parse_days_off,
    parse_frequency,
)
from estatedesk.domain.errors import ValidationError

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))  # starts on a Sunday
LONG_AGO = date(2026, 1, 1)


def days_of(
    spec: str, first: date = NOVEMBER[0], last: date = NOVEMBER[1], anchor: date = LONG_AGO
) -> list[date]:
    return [day for day, _times in occurrences(parse_frequency(spec), first, last, anchor)]


@pytest.mark.parametrize(
    ("spec", "kind", "written"),
    [
        ("2/day", FrequencyKind.PER_DAY, "2/day"),
        ("1/day", FrequencyKind.DAILY, "day"),
        ("day", FrequencyKind.DAILY, "day"),
        ("Mon,Thu", FrequencyKind.WEEKDAYS, "mon,thu"),
        ("thursday, monday", FrequencyKind.WEEKDAYS, "mon,thu"),
        ("2/week", FrequencyKind.PER_WEEK, "2/week"),
        ("3days", FrequencyKind.EVERY_DAYS, "3days"),
        ("month:15", FrequencyKind.MONTHLY, "month:15"),
        ("month：15", FrequencyKind.MONTHLY, "month:15"),
        ("2months", FrequencyKind.EVERY_MONTHS, "2months"),
        ("year", FrequencyKind.YEARLY, "year"),
    ],
)
def test_every_spec_of_the_command_line_is_read_and_written_back(
    spec: str, kind: FrequencyKind, written: str
) -> None:
    frequency = parse_frequency(spec)
    assert frequency.kind is kind and frequency.spec == written
    assert parse_frequency(frequency.spec) == frequency


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "often",
        "0/day",
        "13/day",
        "8/week",
        "0days",
        "month:0",
        "month:32",
        "mon,xyz",
        "25months",
        # words that merely begin like a weekday are no weekday: a monthly task mistyped is refused,
        # not read as every Monday
        "month:-1",
        "month:",
        "month:last",
        "month:15th",
        "months",
        "thursdays",
        "satellite",
        "sunny,month:3",
    ],
)
def test_a_frequency_that_cannot_happen_is_refused_on_its_field(spec: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_frequency(spec, "every")
    assert refused.value.field == "every"


def test_twice_a_day_comes_twice_on_every_day() -> None:
    found = occurrences(parse_frequency("2/day"), *NOVEMBER, LONG_AGO)
    assert len(found) == 30 and all(times == 2 for _day, times in found)


def test_given_weekdays_and_twice_a_week_spread_over_the_week_from_the_start_day() -> None:
    a_monday, a_wednesday = date(2026, 1, 5), date(2026, 1, 7)
    assert days_of("mon,thu") == days_of("2/week", anchor=a_monday)
    assert days_of("mon,thu")[:3] == [date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 9)]
    assert len(days_of("3/week", anchor=a_monday)) == 13  # Mon, Wed, Fri of November 2026
    # Started on a Wednesday: Wednesday and Saturday, so weekly tasks do not all fall on Monday.
    assert days_of("2/week", anchor=a_wednesday) == days_of("wed,sat")
    assert days_of("1/week", anchor=a_wednesday) == days_of("wed")


def test_every_n_days_counts_from_the_tasks_start() -> None:
    assert days_of("3days", anchor=date(2026, 10, 30))[:3] == [
        date(2026, 11, 2),
        date(2026, 11, 5),
        date(2026, 11, 8),
    ]
    assert days_of("3days", anchor=date(2026, 11, 20)) == [date(2026, 11, day) for day in (20, 23, 26, 29)]


def test_monthly_on_the_31st_is_the_last_day_of_a_shorter_month_and_says_so() -> None:
    assert days_of("month:31") == [date(2026, 11, 30)]
    assert days_of("month:31", date(2026, 2, 1), date(2026, 2, 28)) == [date(2026, 2, 28)]
    assert days_of("month:31", date(2028, 2, 1), date(2028, 2, 29)) == [date(2028, 2, 29)]
    assert parse_frequency("month:31").last_day_note and not parse_frequency("month:28").last_day_note


def test_every_two_months_and_yearly_run_from_the_anchor() -> None:
    anchor = date(2026, 1, 31)
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert days_of("2months", *year, anchor=anchor) == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
        date(2026, 9, 30),
        date(2026, 11, 30),
    ]
    assert days_of("year", date(2026, 1, 1), date(2028, 12, 31), anchor=date(2024, 2, 29)) == [
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]


def test_nothing_comes_before_the_task_started() -> None:
    assert days_of("day", anchor=date(2026, 11, 29)) == [date(2026, 11, 29), date(2026, 11, 30)]


@given(
    st.sampled_from(
        [
            "2/day",
            "day",
            "mon,thu",
            "sat",
            "2/week",
            "5/week",
            "3days",
            "10days",
            "month:31",
            "month:1",
            "2months",
            "year",
        ]
    ),
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.integers(0, 120),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
)
def test_occurrences_lie_in_the_range_in_order_and_agree_with_a_day_by_day_count(
    spec: str, first: date, length: int, anchor: date
) -> None:
    last = first + timedelta(days=length)
    frequency = parse_frequency(spec)
    found = occurrences(frequency, first, last, anchor)
    days = [day for day, _ in found]
    assert days == sorted(set(days)) and all(max(first, anchor) <= day <= last for day in days)
    # cut the range in two: the halves give the same days as the whole
    middle = first + timedelta(days=length // 2)
    halves = occurrences(frequency, first, middle, anchor) + occurrences(
        frequency, middle + timedelta(days=1), last, anchor
    )
    assert halves == found
    if frequency.kind is FrequencyKind.PER_WEEK:
        # every whole week from Monday holds exactly its count
        monday = first + timedelta(days=(7 - first.weekday()) % 7)
        if monday >= anchor and monday + timedelta(days=6) <= last:
            week = [day for day in days if monday <= day <= monday + timedelta(days=6)]
            assert len(week) == frequency.count


def test_month_day_keeps_to_the_month() -> None:
    assert month_day(2026, 4, 31) == date(2026, 4, 30) and month_day(2026, 5, 31) == date(2026, 5, 31)
    assert Frequency(FrequencyKind.MONTHLY, day=30).spec == "month:30"


def test_the_default_tasks_of_rules_5_are_all_valid_frequencies_with_minutes() -> None:
    kinds = {task.area_kind for task in DEFAULT_TASKS}
    assert AreaKind.STAIRWELL in kinds and AreaKind.WATER_TANK in kinds and AreaKind.SEPTIC_TANK in kinds
    for task in DEFAULT_TASKS:
        assert parse_frequency(task.every).spec and task.minutes > 0
    every = {(task.area_kind, task.what): parse_frequency(task.every).spec for task in DEFAULT_TASKS}
    assert every[(AreaKind.STAIRWELL, "擦拭扶手")] == "2/week"  # handrails twice a week
    assert every[(AreaKind.WATER_TANK, "清洗水箱")] == "6months"  # the water tank every 6 months


def test_leave_ending_before_it_starts_is_refused_on_its_end() -> None:
    with pytest.raises(ValidationError) as refused:
        Leave(date(2026, 12, 10), date(2026, 12, 9))
    assert refused.value.field == "to"
    assert Leave(date(2026, 12, 10), date(2026, 12, 10)).covers(date(2026, 12, 10))


def test_a_cleaner_works_except_on_days_off_and_leave() -> None:
    pattern = WorkPattern(parse_days_off("sun"), 420)
    leave = (Leave(date(2026, 12, 7), date(2026, 12, 8)),)
    assert not pattern.works_on(date(2026, 12, 6), leave)  # a Sunday
    assert not pattern.works_on(date(2026, 12, 7), leave) and pattern.works_on(date(2026, 12, 9), leave)
    assert parse_days_off("") == frozenset() and parse_days_off("Sat, sun") == frozenset({5, 6})


@pytest.mark.parametrize(("off", "minutes"), [("mon,tue,wed,thu,fri,sat,sun", 480), ("", 0), ("", 1441)])
def test_a_pattern_with_no_working_day_or_no_minutes_is_refused(off: str, minutes: int) -> None:
    with pytest.raises(ValidationError):
        WorkPattern(parse_days_off(off), minutes)


def test_a_day_off_that_is_no_weekday_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_days_off("sun,funday")
    assert refused.value.field == "off"


def test_weekdays_are_written_short_or_whole_and_nothing_else() -> None:
    assert parse_frequency("Monday, thu").weekdays == frozenset({0, 3})
    assert parse_days_off("sat,sunday") == frozenset({5, 6})
    for typed in ("month", "sunny", "mo"):
        with pytest.raises(ValidationError) as refused:
            parse_days_off(typed, "off")
        assert refused.value.field == "off"
