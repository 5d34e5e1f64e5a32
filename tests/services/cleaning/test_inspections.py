"""Weekly inspections and the month's ranking (issue 10 points 8 and 9, RULES.md §5: 奖优罚劣)."""

from __future__ import annotations

import io
from datetime import date
from fractions import Fraction

import pytest
from PIL import Image

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.cleaning_scores import DEFAULT_DEDUCTIONS, Band
from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.services import cleaning
from estatedesk.services.cleaning import Deduction, InspectionInput, InspectionSettings, RankRow
from services.cleaning.conftest import MONTH, Crew, fields, refused_on

LITTER, DUST = DEFAULT_DEDUCTIONS[0][0], DEFAULT_DEDUCTIONS[1][0]  # −5 and −3


def inspect(area_id: int, day: str, score: str = "", *found: tuple[str, int], note: str = "") -> int:
    return cleaning.record_inspection(InspectionInput(day, area_id, score, tuple(found), note)).score


def picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 160, 30)).save(out, "PNG")
    return out.getvalue()


# ---------------------------------------------------------------- settings


def test_the_settings_start_as_rules_defaults(crew: Crew) -> None:
    settings = cleaning.inspection_settings()
    assert settings == InspectionSettings(
        2, tuple(Deduction(item, points) for item, points in DEFAULT_DEDUCTIONS), 20, 10
    )
    assert cleaning.inspection_day(date(2026, 12, 7)) == date(2026, 12, 9)  # Monday → that Wednesday
    assert cleaning.inspection_day(date(2026, 12, 13)) == date(2026, 12, 9)  # Sunday → the same week's


def test_the_settings_are_kept_and_set_the_inspection_day(crew: Crew) -> None:
    chosen = InspectionSettings(4, (Deduction("地面有垃圾", 5), Deduction("楼道堆物", 10)), 30, 20)
    cleaning.save_inspection_settings(chosen)
    assert cleaning.inspection_settings() == chosen
    assert cleaning.inspection_day(date(2026, 12, 9)) == date(2026, 12, 11)  # Friday
    assert cleaning.weekday_words(4) == "fri"


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        (InspectionSettings(7), "weekday"),
        (InspectionSettings(-1), "weekday"),
        (InspectionSettings(deductions=(Deduction("积灰", 3), Deduction(" 积灰 ", 5))), "deductions[1].item"),
        (InspectionSettings(deductions=(Deduction("积灰", 0),)), "deductions[0].points"),
        (
            InspectionSettings(deductions=(Deduction("积灰", 3), Deduction("有垃圾", 101))),
            "deductions[1].points",
        ),
        (InspectionSettings(deductions=(Deduction(" ", 3),)), "deductions[0].item"),
        (InspectionSettings(top_percent=80, bottom_percent=30), "bottom_percent"),
        (InspectionSettings(top_percent=101, bottom_percent=0), "top_percent"),
        (InspectionSettings(top_percent=20, bottom_percent=-1), "bottom_percent"),
    ],
)
def test_bad_settings_are_refused_on_their_field(
    crew: Crew, settings: InspectionSettings, field: str
) -> None:
    with pytest.raises(InputRejected) as refused:
        cleaning.save_inspection_settings(settings)
    assert fields(refused) == [field]
    refused_on(refused, field)
    assert cleaning.inspection_settings().weekday == 2


# ---------------------------------------------------------------- scores


def test_an_area_is_scored_by_a_score_or_by_the_checklist(crew: Crew) -> None:
    crew.cleaner("王玥")
    square = crew.area("中心广场", responsible="王玥")
    garbage = crew.area("1号垃圾点", AreaKind.GARBAGE)
    by_score = cleaning.record_inspection(InspectionInput("2026-12-09", square, "85", note="北侧落叶"))
    assert (by_score.day, by_score.area, by_score.cleaner, by_score.score, by_score.note) == (
        date(2026, 12, 9),
        "中心广场",
        "王玥",
        85,
        "北侧落叶",
    )
    assert by_score.found == () and not by_score.replaced
    by_list = cleaning.record_inspection(
        InspectionInput("2026-12-09", garbage, "", ((LITTER, 2), (DUST, 1), (DUST, 0)))
    )
    assert by_list.score == 100 - 5 * 2 - 3 * 1
    assert by_list.found == ((LITTER, 5, 2), (DUST, 3, 1))
    assert (by_list.cleaner_id, by_list.cleaner) == (None, "")  # nobody answers for it yet
    assert inspect(garbage, "2026-12-16") == 100  # nothing found
    assert inspect(garbage, "2026-12-23", "", (LITTER, 30)) == 0  # never below 0
    assert cleaning.inspection(by_list.inspection_id) == by_list


def test_a_second_inspection_of_an_area_on_a_day_replaces_the_first(crew: Crew) -> None:
    square = crew.area("中心广场")
    first = cleaning.record_inspection(InspectionInput("2026-12-09", square, "60"))
    cleaning.add_inspection_photo(first.inspection_id, picture(), "first.png")
    second = cleaning.record_inspection(InspectionInput("2026-12-09", square, "90"))
    assert second.replaced and second.score == 90
    kept = cleaning.list_inspections(date(2026, 12, 1), date(2026, 12, 31))
    assert [(found.day, found.score, found.photos) for found in kept] == [(date(2026, 12, 9), 90, ())]


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        (InspectionInput("2026-12-09", 0, "101"), "score"),
        (InspectionInput("2026-12-09", 0, "-1"), "score"),
        (InspectionInput("2026-12-09", 0, "abc"), "score"),
        (InspectionInput("2026-12-09", 0, "85.5"), "score"),
        (InspectionInput("2026-12-32", 0, "85"), "date"),
        (InspectionInput("", 0, "85"), "date"),
        (InspectionInput("2026-12-09", 0, "", (("地面有狗", 1),)), "found"),
        (InspectionInput("2026-12-09", 0, "85", note="x\x07"), "note"),
    ],
)
def test_a_bad_inspection_is_refused_on_its_field(crew: Crew, typed: InspectionInput, field: str) -> None:
    square = crew.area("中心广场")
    with pytest.raises(InputRejected) as refused:
        cleaning.record_inspection(InspectionInput(typed.day, square, typed.score, typed.found, typed.note))
    assert fields(refused) == [field]
    refused_on(refused, field)
    assert cleaning.list_inspections(date(2026, 1, 1), date(2026, 12, 31)) == []


def test_an_inspection_of_an_area_no_longer_in_use_is_refused(crew: Crew) -> None:
    square = crew.area("中心广场")
    cleaning.remove_area(square)
    with pytest.raises(NotFound):
        cleaning.record_inspection(InspectionInput("2026-12-09", square, "85"))


def test_photos_are_kept_with_an_inspection_and_go_with_it(crew: Crew) -> None:
    square = crew.area("中心广场")
    made = cleaning.record_inspection(InspectionInput("2026-12-09", square, "70"))
    photo = cleaning.add_inspection_photo(made.inspection_id, picture(), "litter.png")
    assert cleaning.inspection(made.inspection_id).photos == (photo,)
    with Image.open(io.BytesIO(cleaning.inspection_photo(photo))) as kept:
        assert (kept.format, kept.size) == ("JPEG", (64, 48))
    with pytest.raises(InputRejected) as refused:
        cleaning.add_inspection_photo(made.inspection_id, b"not a picture", "notes.txt")
    refused_on(refused, "photo")
    cleaning.remove_inspection(made.inspection_id)
    with pytest.raises(NotFound):
        cleaning.inspection_photo(photo)
    with pytest.raises(NotFound):
        cleaning.add_inspection_photo(made.inspection_id, picture(), "late.png")


def test_a_score_stays_with_the_cleaner_responsible_when_it_was_given(crew: Crew) -> None:
    crew.cleaner("王玥")
    crew.cleaner("李喆")
    square = crew.area("中心广场", responsible="王玥")
    inspect(square, "2026-12-02", "70")
    cleaning.set_responsible(square, crew.cleaners["李喆"])
    inspect(square, "2026-12-09", "90")
    kept = cleaning.list_inspections(date(2026, 12, 1), date(2026, 12, 31))
    assert [(found.day.day, found.cleaner, found.score) for found in kept] == [
        (9, "李喆", 90),
        (2, "王玥", 70),
    ]
    month = cleaning.ranking(MONTH)
    assert [(row.name, row.average, row.inspections) for row in month.cleaners] == [
        ("李喆", Fraction(90), 1),
        ("王玥", Fraction(70), 1),
    ]
    assert [(row.name, row.average, row.inspections) for row in month.areas] == [
        ("中心广场", Fraction(80), 2)
    ]
    # a correction of that week's score (the same area and day) stays with who answered for it then
    corrected = cleaning.record_inspection(InspectionInput("2026-12-02", square, "75"))
    assert corrected.replaced and (corrected.cleaner, corrected.score) == ("王玥", 75)
    assert [(row.name, row.average) for row in cleaning.ranking(MONTH).cleaners] == [
        ("李喆", Fraction(90)),
        ("王玥", Fraction(75)),
    ]


# ---------------------------------------------------------------- the month's ranking


def team_scored(crew: Crew, averages: list[int], month: str = MONTH) -> None:
    """One cleaner and one area per average, inspected twice in the month (average ± 2)."""
    year, number = (int(part) for part in month.split("-"))
    for index, average in enumerate(averages):
        name = f"保洁员{index:02d}"
        crew.cleaner(name)
        area_id = crew.area(f"区域{index:02d}", responsible=name)
        inspect(area_id, date(year, number, 2).isoformat(), str(average - 2))
        inspect(area_id, date(year, number, 9).isoformat(), str(average + 2))


def bands(rows: tuple[RankRow, ...]) -> list[Band]:
    return [row.band for row in rows]


def test_ten_cleaners_rank_into_two_commended_seven_middle_one_flagged(crew: Crew) -> None:
    team_scored(crew, [91, 95, 60, 88, 72, 80, 77, 85, 66, 93])
    month = cleaning.ranking(MONTH)
    assert (month.month, month.top_percent, month.bottom_percent) == (MONTH, 20, 10)
    assert [(row.rank, row.name, int(row.average), row.inspections) for row in month.cleaners] == [
        (1, "保洁员01", 95, 2),
        (2, "保洁员09", 93, 2),
        (3, "保洁员00", 91, 2),
        (4, "保洁员03", 88, 2),
        (5, "保洁员07", 85, 2),
        (6, "保洁员05", 80, 2),
        (7, "保洁员06", 77, 2),
        (8, "保洁员04", 72, 2),
        (9, "保洁员08", 66, 2),
        (10, "保洁员02", 60, 2),
    ]
    assert all(row.average.denominator == 1 for row in month.cleaners)
    assert bands(month.cleaners) == [Band.COMMENDED] * 2 + [Band.MIDDLE] * 7 + [Band.FLAGGED]
    assert month.cleaners[0].key == crew.cleaners["保洁员01"]
    assert [row.name for row in month.areas][:2] == ["区域01", "区域09"]
    assert bands(month.areas) == bands(month.cleaners)


@pytest.mark.parametrize(
    ("averages", "expected"),
    [
        ([90, 80, 70, 60, 50], [Band.COMMENDED] + [Band.MIDDLE] * 3 + [Band.FLAGGED]),
        ([90, 80, 70], [Band.COMMENDED, Band.MIDDLE, Band.MIDDLE]),
        ([90], [Band.MIDDLE]),  # a fifth of one is nobody
    ],
)
def test_small_teams_round_the_bands_half_up(crew: Crew, averages: list[int], expected: list[Band]) -> None:
    team_scored(crew, averages)
    assert bands(cleaning.ranking(MONTH).cleaners) == expected


def test_equal_averages_share_a_rank(crew: Crew) -> None:
    team_scored(crew, [90, 80, 90, 70, 80])
    month = cleaning.ranking(MONTH)
    assert [(row.rank, row.name) for row in month.cleaners] == [
        (1, "保洁员00"),
        (1, "保洁员02"),
        (3, "保洁员01"),
        (3, "保洁员04"),
        (5, "保洁员03"),
    ]
    # a tie across the top band's edge takes the better band
    assert bands(month.cleaners) == [Band.COMMENDED, Band.COMMENDED, Band.MIDDLE, Band.MIDDLE, Band.FLAGGED]


def test_averages_are_exact(crew: Crew) -> None:
    crew.cleaner("王玥")
    square = crew.area("中心广场", responsible="王玥")
    for day, score in (("2026-12-02", "90"), ("2026-12-09", "85"), ("2026-12-16", "81")):
        inspect(square, day, score)
    (row,) = cleaning.ranking(MONTH).cleaners
    assert row.average == Fraction(256, 3) and row.inspections == 3


def test_the_bands_are_settable(crew: Crew) -> None:
    team_scored(crew, [91, 95, 60, 88, 72, 80, 77, 85, 66, 93])
    cleaning.save_inspection_settings(InspectionSettings(2, (Deduction("地面有垃圾", 5),), 30, 20))
    month = cleaning.ranking(MONTH)
    assert (month.top_percent, month.bottom_percent) == (30, 20)
    assert bands(month.cleaners) == [Band.COMMENDED] * 3 + [Band.MIDDLE] * 5 + [Band.FLAGGED] * 2
    cleaning.save_inspection_settings(InspectionSettings(2, (), 0, 0))
    assert bands(cleaning.ranking(MONTH).cleaners) == [Band.MIDDLE] * 10


def test_a_month_without_inspections_ranks_nobody(crew: Crew) -> None:
    team_scored(crew, [90, 80])
    empty = cleaning.ranking("2027-01")
    assert (empty.cleaners, empty.areas) == ((), ())
    with pytest.raises(Exception) as refused:
        cleaning.ranking("2026-13")
    assert getattr(refused.value, "field", None) == "month"


def test_the_history_shows_each_cleaners_average_month_by_month(crew: Crew) -> None:
    crew.cleaner("王玥")
    crew.cleaner("李喆")
    square = crew.area("中心广场", responsible="王玥")
    garbage = crew.area("1号垃圾点", AreaKind.GARBAGE, responsible="李喆")
    inspect(square, "2026-10-07", "80")
    inspect(square, "2026-10-14", "91")
    inspect(square, "2026-12-02", "90")
    inspect(garbage, "2026-12-02", "70")
    inspect(garbage, "2027-01-06", "75")  # after the last month: not shown
    history = cleaning.ranking_history(MONTH, 4)
    assert history.months == ("2026-09", "2026-10", "2026-11", "2026-12")
    assert history.cleaners == {
        "李喆": (None, None, None, Fraction(70)),
        "王玥": (None, Fraction(171, 2), None, Fraction(90)),
    }
    over_new_year = cleaning.ranking_history("2027-02", 3)
    assert over_new_year.months == ("2026-12", "2027-01", "2027-02")
    assert over_new_year.cleaners["李喆"] == (Fraction(70), Fraction(75), None)
    assert cleaning.ranking_history("2026-08", 2).cleaners == {}
    assert cleaning.ranking_history(MONTH, 0).months == ()  # was an IndexError
