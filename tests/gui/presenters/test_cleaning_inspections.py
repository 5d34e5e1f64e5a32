"""Inspections' and the ranking's texts (gui/presenters/cleaning_inspections.py)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.cleaning_scores import Band
from estatedesk.gui.presenters import cleaning_inspections as present
from estatedesk.gui.presenters.cleaning_rota import GREEN, RED
from estatedesk.services.cleaning import AreaView, Deduction, InspectionView, Ranking, RankRow

CHECKLIST = (Deduction("地面有垃圾", 5), Deduction("扶手积灰", 3), Deduction("未按时完成", 60))


def area(area_id: int, name: str, responsible: str = "") -> AreaView:
    return AreaView(area_id, AreaKind.ROAD, name, None, responsible, 1, 100)


def inspected(inspection_id: int, day: date, area_id: int, score: int) -> InspectionView:
    return InspectionView(inspection_id, day, area_id, f"区域{area_id}", None, "", score)


def test_the_week_of_a_day_and_its_inspection_day() -> None:
    assert present.week_of(date(2026, 12, 9)) == (date(2026, 12, 7), date(2026, 12, 13))
    assert present.week_of(date(2026, 12, 13)) == (date(2026, 12, 7), date(2026, 12, 13))
    assert present.day_text(date(2026, 12, 9)) == "2026-12-09 Wed"
    assert present.inspection_day_text(date(2026, 12, 9), date(2026, 12, 9)) == (
        "This week's inspection: 2026-12-09 Wed, today"
    )
    assert present.inspection_day_text(date(2026, 12, 9), date(2026, 12, 7)) == (
        "This week's inspection: 2026-12-09 Wed"
    )


def test_every_area_with_its_latest_score_of_the_week_or_not_inspected() -> None:
    areas = [area(1, "一单元", "王玥"), area(2, "二单元"), area(3, "主干道", "张堃")]
    week = [inspected(10, date(2026, 12, 7), 1, 80), inspected(11, date(2026, 12, 9), 1, 92)]
    lines = present.week_lines(areas, week)
    assert [(line.area, line.responsible, line.score_text, line.colour) for line in lines] == [
        ("一单元", "王玥", "92", None),
        ("二单元", "", "not inspected", "#888888"),
        ("主干道", "张堃", "not inspected", "#888888"),
    ]
    assert present.week_counts_text(lines) == "1 of 3 areas inspected this week"


def test_what_an_inspection_found_and_the_score_it_gives() -> None:
    assert present.found_text((("地面有垃圾", 5, 2), ("扶手积灰", 3, 1))) == "地面有垃圾 −5×2；扶手积灰 −3"
    assert present.found_text(()) == ""
    assert present.points_lost(CHECKLIST, [2, 1, 0]) == 13
    assert present.score_preview(CHECKLIST, [2, 1, 0]) == 87
    assert present.score_preview(CHECKLIST, [0, 0, 2]) == 0  # never below 0
    assert present.score_preview_text(CHECKLIST, [2, 1, 0]) == "Score from the checklist: 100 − 13 = 87"
    assert present.photos_text(0) == "" and present.photos_text(2) == "2"
    assert present.month_inspections_title(4) == "Inspections this month (4)"


def test_the_ranking_s_bands_in_words_and_colours() -> None:
    rows = (
        RankRow(1, "王玥", Fraction(185, 2), 2, Band.COMMENDED, 1),
        RankRow(2, "李喆", Fraction(80), 1, Band.MIDDLE, 2),
        RankRow(3, "张堃", Fraction(181, 3), 3, Band.FLAGGED, 3),
    )
    lines = present.rank_lines(rows)
    assert [(line.key, line.average_text, line.band_text, line.colour) for line in lines] == [
        (1, "92.50", "Commended", GREEN),
        (2, "80.00", "Encouraged", None),
        (3, "60.33", "Follow up", RED),
    ]
    ranking = Ranking("2026-12", rows, (), 20, 10)
    assert present.bands_text(ranking) == "Top 20% commended, bottom 10% followed up, the rest encouraged"
    assert present.ranking_status(ranking, 5) == "2026-12: 5 inspections, 3 cleaners and 0 areas ranked"
    assert present.ranking_status(None, 0) == ""
    assert present.empty_ranking_text("2026-12") == "No inspections in 2026-12 yet."
    assert present.chart_order(ranking, ["赵一", "张堃", "王玥"]) == ["王玥", "张堃", "赵一"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(741, 8), "92.63"),  # 92.625, half up
        (Fraction(1851, 20), "92.55"),  # one decimal would read 92.6 for both, ranked apart
        (Fraction(185, 2), "92.50"),
        (Fraction(100), "100.00"),
        (Fraction(0), "0.00"),
        (Fraction(1, 300), "0.00"),
    ],
)
def test_averages_are_ranked_to_two_decimals_half_up(value: Fraction, shown: str) -> None:
    assert present.two_decimals(value) == shown
    (line,) = present.rank_lines([RankRow(1, "王玥", value, 1, Band.MIDDLE, 1)])
    assert line.average_text == shown


@pytest.mark.parametrize(
    ("lowest", "bottom"),
    [
        (None, 90),
        (Fraction(95), 90),
        (Fraction(93), 90),
        (Fraction(92), 80),
        (Fraction(62), 50),
        (Fraction(2), 0),
    ],
)
def test_the_chart_s_axis_starts_below_the_lowest_average(lowest: Fraction | None, bottom: int) -> None:
    assert present.score_floor([Fraction(99), lowest]) == bottom


def test_the_chart_title_and_where_the_ranking_is_written() -> None:
    assert present.history_title(["2026-07", "2026-12"]) == "Each cleaner's average score, 2026-07 to 2026-12"
    assert present.history_title([]) == ""
    assert present.ranking_path(Path("/data"), "2026-12") == Path("/data/保洁/保洁评比-2026-12.pdf")
    assert present.default_month(date(2026, 12, 9)) == "2026-12"
    # in a month's first week its ranking has next to nothing yet: last month's is shown
    assert present.default_month(date(2026, 12, 1)) == "2026-11"
    assert present.default_month(date(2027, 1, 7)) == "2026-12"
