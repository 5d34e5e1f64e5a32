"""The cleaning team (issue 10 points 3 and 11): cleaners, their working pattern, leave, responsibility."""

from __future__ import annotations

from datetime import date

import pytest

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.services import cleaning
from estatedesk.services.cleaning import CleanerInput, LeaveAdded
from services.cleaning.conftest import MONTH, Crew, fields, refused_on


def test_a_cleaner_is_added_with_days_off_minutes_and_a_phone(crew: Crew) -> None:
    wang = cleaning.add_cleaner(CleanerInput(" 王玥 ", "138 1234 5678", "sun", "360", "早班"))
    li = cleaning.add_cleaner(CleanerInput("李喆", "0571-88886666", "Sat, sunday"))
    zhang = cleaning.add_cleaner(CleanerInput("张堃"))
    found = cleaning.cleaner(wang)
    assert (found.name, found.phone, found.days_off, found.off, found.minutes_per_day, found.note) == (
        "王玥",
        "13812345678",
        frozenset({6}),
        "sun",
        360,
        "早班",
    )
    assert (found.leave, found.areas) == ((), ())
    assert cleaning.cleaner(li).phone == "0571-88886666" and cleaning.cleaner(li).off == "sat,sun"
    assert cleaning.cleaner(zhang).days_off == frozenset() and cleaning.cleaner(zhang).minutes_per_day == 480
    assert [member.name for member in cleaning.list_cleaners()] == ["李喆", "王玥", "张堃"]  # pinyin order
    assert cleaning.cleaner_by_name("李喆").cleaner_id == li


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        (CleanerInput("王玥", phone="12345"), "phone"),
        (CleanerInput("王玥", phone="1381234567"), "phone"),
        (CleanerInput("王玥", phone="0571-123"), "phone"),
        (CleanerInput("王玥", off="someday"), "off"),
        (CleanerInput("王玥", off="mon,tue,wed,thu,fri,sat,sun"), "off"),
        (CleanerInput("王玥", minutes_per_day="0"), "minutes_per_day"),
        (CleanerInput("王玥", minutes_per_day="-5"), "minutes_per_day"),
        (CleanerInput("王玥", minutes_per_day="abc"), "minutes_per_day"),
        (CleanerInput("王玥", minutes_per_day="1441"), "minutes_per_day"),
        (CleanerInput("  "), "name"),
        (CleanerInput("王\x07玥"), "name"),
    ],
)
def test_a_bad_cleaner_is_refused_on_its_field(crew: Crew, typed: CleanerInput, field: str) -> None:
    with pytest.raises(InputRejected) as refused:
        cleaning.add_cleaner(typed)
    assert fields(refused) == [field]
    refused_on(refused, field)
    assert cleaning.list_cleaners() == []


def test_every_bad_value_of_a_cleaner_is_told_at_once(crew: Crew) -> None:
    with pytest.raises(InputRejected) as refused:
        cleaning.add_cleaner(CleanerInput("", "12345", "someday", "0"))
    assert sorted(fields(refused)) == sorted(["name", "phone", "off", "minutes_per_day"])


def test_two_cleaners_of_one_name_are_refused_but_a_former_ones_name_is_free(crew: Crew) -> None:
    wang = crew.cleaner("王玥")
    li = crew.cleaner("李喆")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_cleaner(CleanerInput("王玥", off="sun"))
    assert refused_on(refused, "name").params == {"name": "王玥"}
    with pytest.raises(InputRejected) as refused:
        cleaning.update_cleaner(li, CleanerInput("王玥"))
    refused_on(refused, "name")
    cleaning.update_cleaner(wang, CleanerInput("王玥", "13812345678", "sat", "300"))  # their own name
    assert cleaning.cleaner(wang).off == "sat" and cleaning.cleaner(wang).minutes_per_day == 300
    cleaning.remove_cleaner(wang)
    again = cleaning.add_cleaner(CleanerInput("王玥"))
    assert again != wang
    assert [member.cleaner_id for member in cleaning.list_cleaners(include_former=True)].count(wang) == 1


def test_a_cleaner_still_responsible_for_areas_is_not_removed(crew: Crew) -> None:
    wang = crew.cleaner("王玥")
    crew.area("中心广场", responsible="王玥")
    crew.area("1号垃圾点", AreaKind.GARBAGE, responsible="王玥")
    assert cleaning.cleaner(wang).areas == ("1号垃圾点", "中心广场")
    with pytest.raises(InputRejected) as refused:
        cleaning.remove_cleaner(wang)
    error = refused_on(refused, "name")
    assert error.params["name"] == "王玥"
    assert "中心广场" in error.message and "1号垃圾点" in error.message
    assert cleaning.cleaner(wang).name == "王玥"  # still on the team
    for area_id in crew.areas.values():
        cleaning.set_responsible(area_id, None)
    cleaning.remove_cleaner(wang)
    assert cleaning.list_cleaners() == []
    with pytest.raises(NotFound):
        cleaning.cleaner(wang)
    with pytest.raises(NotFound):
        cleaning.set_responsible(crew.areas["中心广场"], wang)
    with pytest.raises(InputRejected) as refused:
        cleaning.cleaner_by_name("王玥")
    refused_on(refused, "cleaner")


def test_a_responsible_cleaner_is_named_and_changed(crew: Crew) -> None:
    crew.cleaner("王玥")
    crew.cleaner("李喆")
    square = crew.area("中心广场", responsible="王玥")
    assert (cleaning.area(square).responsible_id, cleaning.area(square).responsible) == (
        crew.cleaners["王玥"],
        "王玥",
    )
    cleaning.set_responsible(square, crew.cleaners["李喆"])
    assert cleaning.area(square).responsible == "李喆"
    assert cleaning.cleaner(crew.cleaners["王玥"]).areas == ()
    assert cleaning.cleaner(crew.cleaners["李喆"]).areas == ("中心广场",)


# ---------------------------------------------------------------- leave


def test_leave_is_entered_and_taken_back(crew: Crew) -> None:
    wang = crew.cleaner("王玥")
    added = cleaning.add_leave(wang, "2026-12-10", "2026-12-12", "探亲")
    second = cleaning.add_leave(wang, date(2026, 12, 13), date(2026, 12, 13))  # the next day: no overlap
    assert added == LeaveAdded(added.leave_id, ())  # no accepted rota to break
    leave = cleaning.cleaner(wang).leave
    assert [(period.first, period.last, period.note) for period in leave] == [
        (date(2026, 12, 10), date(2026, 12, 12), "探亲"),
        (date(2026, 12, 13), date(2026, 12, 13), ""),
    ]
    cleaning.remove_leave(second.leave_id)
    assert len(cleaning.cleaner(wang).leave) == 1
    with pytest.raises(NotFound):
        cleaning.remove_leave(second.leave_id)


def test_leave_ending_before_it_starts_is_refused_on_to(crew: Crew) -> None:
    wang = crew.cleaner("王玥")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_leave(wang, "2026-12-12", "2026-12-10")
    assert fields(refused) == ["to"]
    assert refused_on(refused, "to").params == {"first": "2026-12-12", "last": "2026-12-10"}
    with pytest.raises(InputRejected) as refused:
        cleaning.add_leave(wang, date(2026, 12, 12), date(2026, 12, 10))
    refused_on(refused, "to")
    assert cleaning.cleaner(wang).leave == ()


@pytest.mark.parametrize(
    ("first", "last", "bad"),
    [("", "2026-12-10", ["from"]), ("2026-12-01", "", ["to"]), ("2026-13-01", "someday", ["from", "to"])],
)
def test_leave_without_a_day_is_refused(crew: Crew, first: str, last: str, bad: list[str]) -> None:
    wang = crew.cleaner("王玥")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_leave(wang, first, last)
    assert fields(refused) == bad
    for name in bad:
        refused_on(refused, name)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("2026-12-12", "2026-12-14"),
        ("2026-12-08", "2026-12-10"),
        ("2026-12-11", "2026-12-11"),
        ("2026-12-01", "2026-12-31"),
    ],
)
def test_overlapping_leave_is_refused(crew: Crew, first: str, last: str) -> None:
    wang = crew.cleaner("王玥")
    li = crew.cleaner("李喆")
    cleaning.add_leave(wang, "2026-12-10", "2026-12-12")
    with pytest.raises(InputRejected) as refused:
        cleaning.add_leave(wang, first, last)
    error = refused_on(refused, "from")
    assert error.params == {"name": "王玥", "first": "2026-12-10", "last": "2026-12-12"}
    cleaning.add_leave(li, first, last)  # another cleaner's leave is theirs
    assert len(cleaning.cleaner(wang).leave) == 1


def test_leave_says_which_accepted_months_it_breaks(crew: Crew) -> None:
    wang = crew.cleaner("王玥", off="sun")
    crew.cleaner("李喆", off="sat")
    crew.area("中心广场", responsible="王玥")
    crew.task("中心广场", "清扫", "day", 60)
    cleaning.accept_rota(MONTH)
    cleaning.accept_rota("2027-01")
    # 2026-12-27 is a Sunday, his day off: the leave breaks the 28th to the 31st, and 1 to 2 January
    added = cleaning.add_leave(wang, "2026-12-27", "2027-01-02")
    assert added.affected == (("2026-12", 4), ("2027-01", 2))
    # a month not accepted is planned afresh anyway: it is not listed
    assert cleaning.add_leave(wang, "2027-02-01", "2027-02-03").affected == ()
    # leave on days he was not given work breaks nothing
    assert cleaning.add_leave(wang, "2026-12-06", "2026-12-06").affected == ()
    # the unknown cleaner
    with pytest.raises(NotFound):
        cleaning.add_leave(999, "2026-12-01", "2026-12-01")
