"""Repair time limits (RULES.md §4) on the statutory calendar, the office's table, and weekends only.

The 2026 arrangement the tests rely on, as the State Council published it: Spring Festival
15–23 February off, Saturdays 14 and 28 February worked; Mid-Autumn Friday 25 September off;
National Day 1–7 October off, Saturday 10 October worked.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.repairs import (
    Category,
    Deadlines,
    LimitKind,
    Limits,
    OrderKind,
    Punctuality,
    State,
    Step,
    TimeLimit,
    Timing,
    Urgency,
    check_step_time,
    deadline,
    deadlines,
    format_time,
    next_state,
    parse_time,
)
from estatedesk.domain.workdays import CalendarSource, WorkCalendar, YearArrangement, library_knows, weakest

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


# --- every default limit, on ordinary days and across the 2026 holidays ---------------------------

N = Urgency.NORMAL
E = Urgency.EMERGENCY


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("received", "category", "urgency", "arrive", "finish"),
    [
        # emergency: on site within 30 minutes, by the clock, any day (Saturday night, a holiday)
        ("2026-03-14 23:50", Category.IN_HOME, E, "2026-03-15 00:20", "2026-03-25 00:00"),
        ("2026-10-01 00:00", Category.ELECTRICITY, E, "2026-10-01 00:30", "2026-10-01 22:00"),
        ("2026-02-17 12:00", Category.WATER, E, "2026-02-17 12:30", "2026-02-18 00:00"),
        # water: by 24:00 of the day received, holiday or not
        ("2026-03-10 00:00", Category.WATER, N, None, "2026-03-11 00:00"),
        ("2026-10-04 18:00", Category.WATER, N, None, "2026-10-05 00:00"),
        # electricity: by the 22:00 cut-off; received after 20:00, within 2 hours
        ("2026-03-10 08:00", Category.ELECTRICITY, N, None, "2026-03-10 22:00"),
        ("2026-03-10 20:01", Category.ELECTRICITY, N, None, "2026-03-10 22:01"),
        ("2026-03-10 23:30", Category.ELECTRICITY, N, None, "2026-03-11 01:30"),
        # public glass/doors/lights: 2 working days; a Friday's run over the weekend
        ("2026-03-13 16:00", Category.PUBLIC_GLASS_DOOR_LIGHT, N, None, "2026-03-18 00:00"),
        # other common parts: 3 working days; received on a Sunday counts from Monday
        ("2026-03-15 10:00", Category.COMMON_PART, N, None, "2026-03-19 00:00"),
        # inside a home: 7 working days
        ("2026-03-02 09:00", Category.IN_HOME, N, None, "2026-03-12 00:00"),
        # a neighbour's noise or smell: on site within 15 minutes, no completion limit
        ("2026-10-02 02:00", Category.NOISE_SMELL, N, "2026-10-02 02:15", None),
        # other complaints: 8 hours; enquiries: 30 minutes, over midnight too
        ("2026-10-03 20:00", Category.COMPLAINT, N, None, "2026-10-04 04:00"),
        ("2026-12-31 23:45", Category.ENQUIRY, N, None, "2027-01-01 00:15"),
    ],
)
def test_each_default_limit(
    received: str, category: Category, urgency: Urgency, arrive: str | None, finish: str | None
) -> None:
    found = due(received, category, urgency)
    assert found.arrive == (at(arrive) if arrive else None)
    assert found.finish == (at(finish) if finish else None)


@pytest.mark.parametrize(
    ("received", "category", "finish"),
    [
        # National Day 2026: 1–7 Oct off, Saturday 10 Oct worked
        ("2026-09-30 14:00", Category.PUBLIC_GLASS_DOOR_LIGHT, "2026-10-10 00:00"),  # 8, 9
        ("2026-10-03 09:00", Category.COMMON_PART, "2026-10-11 00:00"),  # 8, 9, Sat 10
        ("2026-10-10 09:00", Category.IN_HOME, "2026-10-21 00:00"),  # received on the worked Saturday
        ("2026-10-09 17:00", Category.PUBLIC_GLASS_DOOR_LIGHT, "2026-10-13 00:00"),  # Sat 10, Mon 12
        # Spring Festival 2026: 15–23 Feb off, Saturdays 14 and 28 Feb worked
        ("2026-02-12 10:00", Category.COMMON_PART, "2026-02-25 00:00"),  # 13, Sat 14, 24
        ("2026-02-13 10:00", Category.IN_HOME, "2026-03-03 00:00"),  # 14, 24–27, Sat 28, 2 Mar
        ("2026-02-18 10:00", Category.PUBLIC_GLASS_DOOR_LIGHT, "2026-02-26 00:00"),  # in the holiday
        # Mid-Autumn 2026: Friday 25 September off; Sunday 20 September worked
        ("2026-09-24 09:00", Category.PUBLIC_GLASS_DOOR_LIGHT, "2026-09-30 00:00"),  # 28, 29
        ("2026-09-19 09:00", Category.COMMON_PART, "2026-09-23 00:00"),  # Sun 20, 21, 22
    ],
)
def test_working_days_across_the_2026_holidays(received: str, category: Category, finish: str) -> None:
    found = due(received, category)
    assert found.finish == at(finish) and found.calendar is CalendarSource.STATUTORY


def test_seven_working_days_from_the_last_days_of_2026_run_into_the_next_year() -> None:
    found = due("2026-12-30 10:00", Category.IN_HOME)
    assert found.finish is not None and found.finish.year == 2027
    assert found.calendar is weakest([STATUTORY.source(2026), STATUTORY.source(2027)])
    if not library_knows(2027):
        # 31 Dec, then Monday to Friday only: 1 Jan (unknown as a holiday), 4–8 Jan
        assert found.finish == datetime(2027, 1, 9, 0, 0)
        assert found.calendar is CalendarSource.WEEKENDS_ONLY
    # a same-day limit received in 2026 counts nothing of 2027: it stays statutory
    assert due("2026-12-31 23:00", Category.WATER).calendar is CalendarSource.STATUTORY


def test_a_later_year_weekends_only_then_the_offices_table() -> None:
    assert not library_knows(2031)
    # 2031-09-30 is a Tuesday; weekends only: 1, 2, 3 October
    plain = due("2031-09-30 10:00", Category.COMMON_PART)
    assert plain.finish == datetime(2031, 10, 4, 0, 0) and plain.calendar is CalendarSource.WEEKENDS_ONLY
    golden = frozenset(date(2031, 10, day) for day in range(1, 8))
    office = WorkCalendar({2031: YearArrangement(2031, golden, frozenset({date(2031, 10, 11)}))})
    found = due("2031-09-30 10:00", Category.COMMON_PART, calendar=office)
    # 8, 9, 10 October (the office's table: 1–7 off)
    assert found.finish == datetime(2031, 10, 11, 0, 0) and found.calendar is CalendarSource.OFFICE
    found = due("2031-10-09 10:00", Category.COMMON_PART, calendar=office)  # 10, Sat 11 worked, 13
    assert found.finish == datetime(2031, 10, 14, 0, 0)
    # even a limit counted in minutes says which calendar its year has
    assert due("2031-10-09 10:00", Category.ENQUIRY, calendar=office).calendar is CalendarSource.OFFICE
    assert due("2031-10-09 10:00", Category.ENQUIRY).calendar is CalendarSource.WEEKENDS_ONLY


def test_an_emergency_never_gives_more_time_than_its_category() -> None:
    # a neighbour's noise must be seen within 15 minutes; calling it an emergency must not make it 30
    found = due("2026-03-10 22:05", Category.NOISE_SMELL, Urgency.EMERGENCY)
    assert found.arrive == datetime(2026, 3, 10, 22, 20)
    assert due("2026-03-10 22:05", Category.WATER, Urgency.EMERGENCY).arrive == datetime(2026, 3, 10, 22, 35)


def test_the_weakest_calendar_is_said() -> None:
    assert weakest([]) is CalendarSource.STATUTORY
    assert weakest([CalendarSource.STATUTORY, CalendarSource.OFFICE]) is CalendarSource.OFFICE
    assert (
        weakest([CalendarSource.WEEKENDS_ONLY, CalendarSource.OFFICE, CalendarSource.STATUTORY])
        is CalendarSource.WEEKENDS_ONLY
    )


def test_nothing_fails_far_past_the_librarys_data() -> None:
    found = due("2199-12-31 23:59", Category.IN_HOME)
    assert found.finish is not None and found.calendar is CalendarSource.WEEKENDS_ONLY
    with pytest.raises(ValueError):
        STATUTORY.nth_working_day_after(date(2026, 1, 1), 0)


OFFICE_2031 = WorkCalendar(
    {
        2031: YearArrangement(
            2031,
            frozenset(date(2031, 10, day) for day in range(1, 8)) | frozenset({date(2031, 1, 1)}),
            frozenset({date(2031, 9, 28), date(2031, 10, 11)}),
        )
    }
)


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(datetime(2024, 1, 1), datetime(2032, 12, 31, 23, 59)),
    st.integers(1, 30),
    st.sampled_from([STATUTORY, OFFICE_2031]),
)
def test_the_nth_working_day_deadline_is_midnight_after_exactly_n_working_days(
    received: datetime, count: int, calendar: WorkCalendar
) -> None:
    received = received.replace(second=0, microsecond=0)
    moment, source = deadline(TimeLimit(LimitKind.WORKING_DAYS, count), received, calendar, Limits())
    assert moment.time() == time(0, 0) and moment > received
    last = moment.date() - timedelta(days=1)  # the deadline is 24:00 of the N-th working day
    assert calendar.is_workday(last)
    between = [received.date() + timedelta(days=n) for n in range(1, (last - received.date()).days + 1)]
    assert sum(1 for day in between if calendar.is_workday(day)) == count
    years = {received.year, last.year}
    assert source is weakest(calendar.source(year) for year in years)


# --- the flow -------------------------------------------------------------------------------------

# Every step allowed from every state (for a repair; an enquiry may also be done from received).
ALLOWED: dict[tuple[State, Step], State] = {
    (State.RECEIVED, Step.DISPATCH): State.DISPATCHED,
    (State.RECEIVED, Step.PAUSE): State.PAUSED,
    (State.RECEIVED, Step.CANCEL): State.CANCELLED,
    (State.DISPATCHED, Step.DISPATCH): State.DISPATCHED,  # to someone else
    (State.DISPATCHED, Step.START): State.IN_PROGRESS,
    (State.DISPATCHED, Step.PAUSE): State.PAUSED,
    (State.DISPATCHED, Step.CANCEL): State.CANCELLED,
    (State.IN_PROGRESS, Step.DONE): State.DONE,
    (State.IN_PROGRESS, Step.PAUSE): State.PAUSED,
    (State.IN_PROGRESS, Step.CANCEL): State.CANCELLED,
    (State.PAUSED, Step.DISPATCH): State.DISPATCHED,
    (State.PAUSED, Step.CANCEL): State.CANCELLED,
    (State.DONE, Step.VISIT): State.VISITED,
    (State.DONE, Step.CLOSE): State.CLOSED,
    (State.VISITED, Step.CLOSE): State.CLOSED,
}
MOVING_STEPS = [step for step in Step if step not in (Step.NOTE, Step.PHOTO)]


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("step", MOVING_STEPS)
def test_every_step_from_every_state(state: State, step: Step) -> None:
    expected = ALLOWED.get((state, step))
    if expected is None:
        with pytest.raises(ValidationError) as refused:
            next_state(state, step, OrderKind.REPAIR, True)
        assert refused.value.field == "step"
    else:
        assert next_state(state, step, OrderKind.REPAIR, True) is expected


@pytest.mark.parametrize("state", list(State))
def test_notes_and_photos_are_taken_in_every_state(state: State) -> None:
    assert next_state(state, Step.NOTE) is state and next_state(state, Step.PHOTO) is state


def test_the_refusals_say_what_comes_first() -> None:
    def refusal(state: State, step: Step, kind: OrderKind = OrderKind.REPAIR) -> str:
        with pytest.raises(ValidationError) as refused:
            next_state(state, step, kind)
        return refused.value.message

    assert refusal(State.IN_PROGRESS, Step.VISIT) == (
        "a return visit comes after the work is done: the order is in-progress"
    )
    assert refusal(State.DISPATCHED, Step.CLOSE).startswith("an order is closed once its work is done")
    assert refusal(State.RECEIVED, Step.START) == "dispatch the order to a worker before the work starts"
    assert refusal(State.RECEIVED, Step.DONE).startswith("the work is done after someone started it")
    assert refusal(State.RECEIVED, Step.DONE, OrderKind.COMPLAINT).startswith("the work is done after")
    assert refusal(State.CLOSED, Step.DISPATCH) == "the order is closed: it takes only notes"
    assert refusal(State.CANCELLED, Step.CANCEL) == "the order is cancelled: it takes only notes"


def test_an_enquiry_answered_at_once_is_done_from_received() -> None:
    assert next_state(State.RECEIVED, Step.DONE, OrderKind.ENQUIRY) is State.DONE
    assert next_state(State.IN_PROGRESS, Step.DONE, OrderKind.ENQUIRY) is State.DONE


def test_an_unsatisfied_visit_reopens_as_dispatched() -> None:
    assert next_state(State.DONE, Step.VISIT, satisfied=False) is State.DISPATCHED
    assert next_state(State.DONE, Step.VISIT, satisfied=True) is State.VISITED


@pytest.mark.parametrize(
    ("paused_from", "resumes"),
    [(State.RECEIVED, False), (State.DISPATCHED, True), (State.IN_PROGRESS, True), (None, False)],
)
def test_a_paused_order_resumes_by_start_only_once_it_had_a_worker(
    paused_from: State | None, resumes: bool
) -> None:
    if resumes:
        assert next_state(State.PAUSED, Step.START, paused_from=paused_from) is State.IN_PROGRESS
    else:
        with pytest.raises(ValidationError, match="dispatch the order"):
            next_state(State.PAUSED, Step.START, paused_from=paused_from)
    assert next_state(State.PAUSED, Step.DISPATCH, paused_from=paused_from) is State.DISPATCHED


def test_a_step_before_the_order_or_its_last_step_is_refused_on_at() -> None:
    received, last = at("2026-10-09 09:00"), at("2026-10-09 10:00")
    check_step_time(last, received, last, Step.DONE)  # the same minute as the last step is fine
    with pytest.raises(ValidationError) as early:
        check_step_time(at("2026-10-09 08:59"), received, last, Step.START)
    assert early.value.field == "at" and "before the order was received at 2026-10-09 09:00" in str(
        early.value
    )
    with pytest.raises(ValidationError) as before_last:
        check_step_time(at("2026-10-09 09:30"), received, last, Step.DONE)
    assert before_last.value.field == "at" and "last step at 2026-10-09 10:00" in str(before_last.value)


def test_times_are_read_and_written_to_the_minute() -> None:
    assert parse_time(" 2026-10-01 09:30 ") == datetime(2026, 10, 1, 9, 30)
    assert parse_time("2026-10-01T09:30:45") == datetime(2026, 10, 1, 9, 30)
    # A time of another zone is the office's wall clock at that moment (the offset is not dropped).
    beijing = datetime(2026, 10, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    assert parse_time("2026-10-01T09:30:00+08:00") == beijing.astimezone().replace(tzinfo=None)
    for slip in ("0226-11-30 10:00", "9999-12-31 23:59", "1026-11-30 10:00"):
        with pytest.raises(ValidationError, match="between the years"):
            parse_time(slip)
    assert format_time(datetime(2026, 1, 2, 3, 4)) == "2026-01-02 03:04"
    for bad in ("2026-10-01", "tomorrow", "2026-13-01 09:00", ""):
        with pytest.raises(ValidationError) as refused:
            parse_time(bad, "received")
        assert refused.value.field == "received"


def test_punctuality_of_arrival_and_completion() -> None:
    timing = Timing(at("2026-10-09 09:30"), at("2026-10-10 00:00"), None, None)
    assert timing.pending_due() == at("2026-10-09 09:30") and timing.due() == at("2026-10-09 09:30")
    assert timing.arrival(at("2026-10-09 09:30")) is Punctuality.PENDING
    assert timing.arrival(at("2026-10-09 09:31")) is Punctuality.OVERDUE
    assert timing.overdue(at("2026-10-09 09:31")) and not timing.overdue(at("2026-10-09 09:30"))
    assert timing.on_time(at("2026-10-09 09:00")) is None
    assert timing.on_time(at("2026-10-09 09:31")) is False
    arrived = Timing(timing.arrive_due, timing.finish_due, at("2026-10-09 09:20"), None)
    assert arrived.pending_due() == at("2026-10-10 00:00")
    assert arrived.arrival(at("2026-10-11 00:00")) is Punctuality.ON_TIME
    assert arrived.completion(at("2026-10-10 00:01")) is Punctuality.OVERDUE
    done_late = Timing(timing.arrive_due, timing.finish_due, at("2026-10-09 09:40"), at("2026-10-09 11:00"))
    assert done_late.arrival(at("2026-10-09 12:00")) is Punctuality.LATE
    assert done_late.completion(at("2026-10-09 12:00")) is Punctuality.ON_TIME
    assert done_late.on_time(at("2026-10-09 12:00")) is False
    assert done_late.pending_due() is None and done_late.due() == at("2026-10-10 00:00")
    assert not done_late.overdue(at("2030-01-01 00:00"))
    # done without a recorded arrival (an enquiry answered at once) counts as arrived
    answered = Timing(at("2026-10-09 09:30"), None, None, at("2026-10-09 09:10"))
    assert (
        answered.arrival(at("2026-10-09 12:00")) is Punctuality.ON_TIME
        and answered.completion(at("2026-10-09 12:00")) is None
    )
    assert answered.on_time(at("2026-10-09 12:00")) is True
    assert Timing(None, None, None, None).on_time(at("2026-10-09 12:00")) is True
