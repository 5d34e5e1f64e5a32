"""The office's limits and holiday table: deadlines given at intake, by the calendar of the day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.domain.repairs import Category, LimitKind, Limits, TimeLimit
from estatedesk.domain.workdays import CalendarSource, library_knows, weakest
from estatedesk.services import repairs
from estatedesk.services.repairs import Holidays
from services.repairs.conftest import Opener


def fields(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [error.field for error in refused.value.errors]


@pytest.mark.parametrize(
    ("received", "category", "urgency", "arrive", "finish"),
    [
        ("2026-10-03 03:00", "water", "emergency", "2026-10-03 03:30", "2026-10-04 00:00"),
        ("2026-10-03 15:00", "water", "normal", None, "2026-10-04 00:00"),
        ("2026-10-09 20:30", "electricity", "normal", None, "2026-10-09 22:30"),
        ("2026-10-09 12:00", "electricity", "normal", None, "2026-10-09 22:00"),
        ("2026-09-30 12:00", "public-glass-door-light", "normal", None, "2026-10-10 00:00"),
        ("2026-09-30 12:00", "common-part", "normal", None, "2026-10-11 00:00"),
        ("2026-09-30 12:00", "in-home", "normal", None, "2026-10-16 00:00"),
        ("2026-02-13 12:00", "common-part", "normal", None, "2026-02-26 00:00"),
        ("2026-09-24 12:00", "public-glass-door-light", "normal", None, "2026-09-30 00:00"),
        ("2026-10-09 23:50", "noise-smell", "normal", "2026-10-10 00:05", None),
        ("2026-10-09 23:50", "complaint", "normal", None, "2026-10-10 07:50"),
        ("2026-10-09 23:50", "enquiry", "normal", None, "2026-10-10 00:20"),
    ],
)
def test_an_order_gets_its_deadlines_at_intake(
    open_order: Opener, received: str, category: str, urgency: str, arrive: str | None, finish: str | None
) -> None:
    made = open_order(received, category, urgency=urgency)
    expect_arrive = datetime.fromisoformat(arrive) if arrive else None
    expect_finish = datetime.fromisoformat(finish) if finish else None
    assert (made.arrive_due, made.finish_due) == (expect_arrive, expect_finish)
    assert made.due == (expect_arrive or expect_finish)
    assert made.calendar is CalendarSource.STATUTORY
    row = repairs.order_row(made.order_id)
    assert (row.timing.arrive_due, row.timing.finish_due, row.calendar) == (
        expect_arrive,
        expect_finish,
        CalendarSource.STATUTORY,
    )


def test_an_order_at_the_end_of_2026_counts_into_2027_with_the_weakest_calendar(open_order: Opener) -> None:
    made = open_order("2026-12-30 10:00", "in-home")
    calendar = repairs.work_calendar()
    assert made.calendar is weakest([calendar.source(2026), calendar.source(2027)])
    assert made.finish_due is not None and made.finish_due.year == 2027
    if not library_knows(2027):
        assert made.calendar is CalendarSource.WEEKENDS_ONLY
        assert made.finish_due == datetime(2027, 1, 9, 0, 0)
    assert repairs.order_row(made.order_id).calendar is made.calendar


def test_2031_counts_weekends_only_until_the_office_enters_it(open_order: Opener) -> None:
    assert not library_knows(2031)
    before = open_order("2031-09-30 10:00", "common-part")  # a Tuesday
    assert before.calendar is CalendarSource.WEEKENDS_ONLY and before.finish_due == datetime(2031, 10, 4)
    repairs.save_holidays(
        Holidays(2031, tuple(date(2031, 10, day) for day in range(1, 8)), (date(2031, 10, 11),))
    )
    assert repairs.office_years() == [
        Holidays(2031, tuple(date(2031, 10, day) for day in range(1, 8)), (date(2031, 10, 11),))
    ]
    after = open_order("2031-09-30 10:00", "common-part")
    assert after.calendar is CalendarSource.OFFICE and after.finish_due == datetime(2031, 10, 11)
    # the earlier order keeps what it was given
    earlier = repairs.order_row(before.order_id)
    assert earlier.calendar is CalendarSource.WEEKENDS_ONLY and earlier.timing.finish_due == datetime(
        2031, 10, 4
    )
    # entered again: replaced, not added to
    repairs.save_holidays(Holidays(2031, (date(2031, 1, 1),)))
    assert repairs.office_years() == [Holidays(2031, (date(2031, 1, 1),))]
    repairs.remove_holidays(2031)
    assert repairs.office_years() == []
    assert open_order("2031-09-30 10:00", "common-part").calendar is CalendarSource.WEEKENDS_ONLY
    with pytest.raises(NotFound):
        repairs.remove_holidays(2031)


def test_the_holiday_table_refusals(estate: object) -> None:
    with pytest.raises(InputRejected) as refused:
        repairs.save_holidays(Holidays(2026, (date(2026, 10, 8),)))
    assert fields(refused) == ["year"]
    with pytest.raises(InputRejected) as refused:
        repairs.save_holidays(Holidays(2031, (date(2030, 12, 31),)))
    assert fields(refused) == ["day"]
    with pytest.raises(InputRejected) as refused:
        repairs.save_holidays(Holidays(2031, (date(2031, 2, 1),), (date(2031, 2, 1),)))
    assert fields(refused) == ["day"]
    assert repairs.office_years() == []


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_importing_the_offices_table_from_a_csv_with_a_header(open_order: Opener, tmp_path: Path) -> None:
    table = write(
        tmp_path / "2031节假日.csv",
        "日期,类型\n"
        "2031-10-01,休\n2031-10-02,休\n2031-10-03,放假\n2031-10-06,休\n2031-10-07,假\n"
        "2031-10-11,班\n2031-09-28,上班\n"
        "2032-01-01,休\n",
    )
    years = repairs.import_holidays(table)
    assert [held.year for held in years] == [2031, 2032]
    entered = {held.year: held for held in repairs.office_years()}
    assert entered[2031].holidays == (
        date(2031, 10, 1),
        date(2031, 10, 2),
        date(2031, 10, 3),
        date(2031, 10, 6),
        date(2031, 10, 7),
    )
    assert entered[2031].working_days == (date(2031, 9, 28), date(2031, 10, 11))
    assert entered[2032].holidays == (date(2032, 1, 1),)
    calendar = repairs.work_calendar()
    assert calendar.source(2031) is CalendarSource.OFFICE
    assert calendar.is_workday(date(2031, 9, 28)) and not calendar.is_workday(date(2031, 10, 6))
    made = open_order("2031-09-30 10:00", "common-part")  # 8, 9, 10 October
    assert made.calendar is CalendarSource.OFFICE and made.finish_due == datetime(2031, 10, 11)


def test_a_table_saved_by_a_spreadsheet_with_short_dates_is_read(tmp_path: Path, estate: object) -> None:
    # Excel and WPS save a date cell as 2031/10/1 in a CSV
    table = write(tmp_path / "holidays.csv", "日期,安排\n2031/10/1,休\n2031/10/11,班\n", "utf-8-sig")
    repairs.import_holidays(table)
    assert repairs.office_years() == [Holidays(2031, (date(2031, 10, 1),), (date(2031, 10, 11),))]


def test_a_bad_row_refuses_the_whole_table(tmp_path: Path, estate: object) -> None:
    table = write(tmp_path / "bad.csv", "日期,类型\n2031-10-01,休\n十月二日,休\n2031-10-03,调休\n")
    with pytest.raises(InputRejected) as refused:
        repairs.import_holidays(table)
    assert fields(refused) == ["row 3", "row 4"]
    assert repairs.office_years() == []
    known = write(tmp_path / "known.csv", "2026-10-08,休\n")
    with pytest.raises(InputRejected) as refused:
        repairs.import_holidays(known)
    assert fields(refused) == ["year"]
    with pytest.raises(InputRejected) as refused:
        repairs.import_holidays(write(tmp_path / "header.csv", "日期,类型\n"))
    assert fields(refused) == ["file"]


def test_new_limits_apply_to_later_orders_only(open_order: Opener) -> None:
    assert repairs.limits() == Limits()
    first = open_order("2026-10-09 09:00", "water")
    current = repairs.limits()
    changed = replace(
        current,
        finish={**current.finish, Category.WATER: TimeLimit(LimitKind.MINUTES, 240)},
        emergency_minutes=20,
        night_cutoff=time(21, 0),
    )
    repairs.save_limits(changed)
    assert repairs.limits() == changed
    second = open_order("2026-10-09 09:00", "water", urgency="emergency")
    assert second.finish_due == datetime(2026, 10, 9, 13, 0) and second.arrive_due == datetime(
        2026, 10, 9, 9, 20
    )
    assert open_order("2026-10-09 12:00", "electricity").finish_due == datetime(2026, 10, 9, 21, 0)
    assert repairs.order_row(first.order_id).timing.finish_due == datetime(2026, 10, 10, 0, 0)


def test_a_category_of_the_offices_own(open_order: Opener) -> None:
    current = repairs.limits()
    with_lift = replace(
        current,
        finish={**current.finish, "lift": TimeLimit(LimitKind.MINUTES, 120)},
        arrive={**current.arrive, "lift": TimeLimit(LimitKind.MINUTES, 10)},
    )
    repairs.save_limits(with_lift, {"lift": "电梯困人"})
    lift = next(category for category in repairs.categories() if category.key == "lift")
    assert (lift.name, lift.builtin, lift.finish, lift.arrive) == (
        "电梯困人",
        False,
        TimeLimit(LimitKind.MINUTES, 120),
        TimeLimit(LimitKind.MINUTES, 10),
    )
    assert repairs.category_keys()[: len(Category)] == [category.value for category in Category]
    assert repairs.category_keys()[-1] == "lift"
    made = open_order("2026-10-09 09:00", "lift", room="", place_kind="other", place_text="3号楼电梯")
    assert (made.arrive_due, made.finish_due) == (datetime(2026, 10, 9, 9, 10), datetime(2026, 10, 9, 11, 0))
    # in use: it cannot be removed
    with pytest.raises(InputRejected) as refused:
        repairs.save_limits(
            replace(with_lift, finish=current.finish, arrive=current.arrive), removed=["lift"]
        )
    assert fields(refused) == ["category"] and "has 1 orders" in str(refused.value)
    assert "lift" in repairs.category_keys()


def test_an_unused_category_of_the_offices_own_is_removed(open_order: Opener) -> None:
    current = repairs.limits()
    repairs.save_limits(
        replace(current, finish={**current.finish, "gas": TimeLimit(LimitKind.SAME_DAY)}), {"gas": "燃气"}
    )
    assert "gas" in repairs.category_keys()
    repairs.save_limits(current, removed=["gas"])
    assert "gas" not in repairs.category_keys()
    with pytest.raises(InputRejected) as refused:
        open_order("2026-10-09 09:00", "gas")
    assert fields(refused) == ["category"]


def test_bad_limits_are_refused_by_field(estate: object) -> None:
    current = repairs.limits()

    def refused(new: Limits, names: dict[str, str] | None = None, removed: tuple[str, ...] = ()) -> list[str]:
        with pytest.raises(InputRejected) as refusal:
            repairs.save_limits(new, names, removed)
        return fields(refusal)

    assert refused(
        replace(current, finish={**current.finish, Category.WATER: TimeLimit(LimitKind.MINUTES, 0)})
    ) == ["water"]
    too_long = {**current.finish, Category.IN_HOME: TimeLimit(LimitKind.WORKING_DAYS, 61)}
    assert refused(replace(current, finish=too_long)) == ["in-home"]
    assert refused(replace(current, emergency_minutes=0)) == ["emergency_minutes"]
    assert refused(replace(current, night_grace_minutes=-5)) == ["night_grace_minutes"]
    without_water = {key: limit for key, limit in current.finish.items() if key != Category.WATER}
    assert refused(replace(current, finish=without_water)) == ["category"]
    unnamed = {**current.finish, "lift": TimeLimit(LimitKind.MINUTES, 60)}
    assert refused(replace(current, finish=unnamed)) == ["name"]
    bad_key = {**current.finish, "Lift 1": TimeLimit(LimitKind.MINUTES, 60)}
    assert refused(replace(current, finish=bad_key), {"Lift 1": "电梯"}) == ["key"]
    assert refused(current, removed=("water",)) == ["category"]
    assert repairs.limits() == current
