"""Repair time limits (RULES.md §4) on the statutory calendar, the office's table, and weekends only.

The 2026 arrangement the tests rely on, as the State Council published it: Spring Festival
15–23 February off, Saturdays 14 and 28 February worked; Mid-Autumn Friday 25 September off;
National Day 1–7 October off, Saturday 10 October worked.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.repairs import Category, Deadlines, Limits, Urgency, deadlines
from estatedesk.domain.workdays import CalendarSource, WorkCalendar, YearArrangement, library_knows

STATUTORY = WorkCalendar()


def due(
    received: str, category: Category, urgency: Urgency = Urgency.NORMAL, calendar: WorkCalendar = STATUTORY
) -> Deadlines:
    return deadlines(datetime.fromisoformat(received), category, urgency, calendar)


def test_three_working_days_across_national_day_end_on_the_worked_saturday() -> None:
    found = due("2026-09-30 14:00", Category.COMMON_PART)
    # 8 Oct (1), 9 Oct (2), Saturday 10 Oct worked (3): by 24:00 of the 10th
    assert found.finish == datetime(2026, 10, 11, 0, 0) and found.calendar is CalendarSource.STATUTORY
    assert found.arrive is None


def test_seven_working_days_skip_mid_autumn_and_the_golden_week() -> None:
    found = due("2026-09-24 09:00", Category.IN_HOME)
    # 28, 29, 30 Sep, 8, 9, 10 (Sat, worked), 12 Oct
    assert found.finish == datetime(2026, 10, 13, 0, 0)


def test_two_working_days_over_the_spring_festival_count_its_worked_saturday() -> None:
    found = due("2026-02-13 10:00", Category.PUBLIC_GLASS_DOOR_LIGHT)
    # Saturday 14 Feb worked (1), 15–23 off, Tuesday 24 Feb (2)
    assert found.finish == datetime(2026, 2, 25, 0, 0)


def test_a_year_the_library_does_not_know_counts_weekends_only_and_says_so() -> None:
    assert not library_knows(2031)
    found = due("2031-01-31 16:00", Category.COMMON_PART)  # a Friday
    assert found.finish == datetime(2031, 2, 6, 0, 0) and found.calendar is CalendarSource.WEEKENDS_ONLY
    water = due("2031-05-01 09:00", Category.WATER)  # no working day counted, the year still unknown
    assert water.calendar is CalendarSource.WEEKENDS_ONLY


def test_the_offices_own_table_for_a_later_year_is_used_and_said() -> None:
    spring = frozenset(date(2031, 2, day) for day in range(1, 8))  # made-up: 1–7 Feb off
    office = WorkCalendar({2031: YearArrangement(2031, spring, frozenset({date(2031, 2, 8)}))})
    found = due("2031-01-31 16:00", Category.COMMON_PART, calendar=office)
    # Saturday 8 Feb worked (1), Monday 10 (2), Tuesday 11 (3)
    assert found.finish == datetime(2031, 2, 12, 0, 0) and found.calendar is CalendarSource.OFFICE


def test_a_count_running_into_an_unknown_year_says_weekends_only() -> None:
    found = due(f"{last_known_year()}-12-30 10:00", Category.IN_HOME)
    assert found.calendar is CalendarSource.WEEKENDS_ONLY


def test_the_offices_table_is_checked() -> None:
    with pytest.raises(ValidationError, match="is not in 2031"):
        YearArrangement(2031, frozenset({date(2030, 12, 31)}))
    with pytest.raises(ValidationError, match="both as a holiday and as a working day"):
        YearArrangement(2031, frozenset({date(2031, 2, 1)}), frozenset({date(2031, 2, 1)}))


def test_water_by_midnight_and_electricity_before_night() -> None:
    assert due("2026-03-10 23:50", Category.WATER).finish == datetime(2026, 3, 11, 0, 0)
    assert due("2026-03-10 19:00", Category.ELECTRICITY).finish == datetime(2026, 3, 10, 22, 0)
    assert due("2026-03-10 20:00", Category.ELECTRICITY).finish == datetime(2026, 3, 10, 22, 0)
    assert due("2026-03-10 20:30", Category.ELECTRICITY).finish == datetime(2026, 3, 10, 22, 30)
    late = Limits(night_cutoff=datetime(2026, 1, 1, 21, 0).time())
    found = deadlines(datetime(2026, 3, 10, 18, 0), Category.ELECTRICITY, Urgency.NORMAL, STATUTORY, late)
    assert found.finish == datetime(2026, 3, 10, 21, 0)  # the office's own cut-off
    found = deadlines(datetime(2026, 3, 10, 19, 30), Category.ELECTRICITY, Urgency.NORMAL, STATUTORY, late)
    assert found.finish == datetime(2026, 3, 10, 21, 30)  # later than two hours before it: two hours


def test_an_emergency_needs_someone_on_site_within_30_minutes_any_day() -> None:
    found = due("2026-10-03 03:10", Category.WATER, Urgency.EMERGENCY)  # a holiday, at night
    assert found.arrive == datetime(2026, 10, 3, 3, 40) and found.finish == datetime(2026, 10, 4, 0, 0)


def test_complaints_and_enquiries() -> None:
    noise = due("2026-03-10 22:05", Category.NOISE_SMELL)
    assert noise.arrive == datetime(2026, 3, 10, 22, 20) and noise.finish is None
    assert due("2026-03-10 17:00", Category.COMPLAINT).finish == datetime(2026, 3, 11, 1, 0)
    assert due("2026-03-10 17:00", Category.ENQUIRY).finish == datetime(2026, 3, 10, 17, 30)


def last_known_year() -> int:
    year = 2026
    while library_knows(year + 1):
        year += 1
    return year


@given(st.dates(date(2024, 1, 1), date(2033, 12, 31)), st.integers(1, 10))
def test_the_nth_working_day_has_exactly_n_working_days_up_to_it(start: date, count: int) -> None:
    day, source = STATUTORY.nth_working_day_after(start, count)
    assert STATUTORY.is_workday(day)
    between = [start + timedelta(days=n) for n in range(1, (day - start).days + 1)]
    assert sum(1 for each in between if STATUTORY.is_workday(each)) == count
    known = all(library_knows(year) for year in {start.year, day.year})
    assert (source is CalendarSource.STATUTORY) == known
