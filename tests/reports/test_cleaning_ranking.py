"""The month's ranking (reports/cleaning_ranking.py): cleaners and areas by average, bands, a chart."""

from __future__ import annotations

import logging
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import pytest

from estatedesk.domain.cleaning_scores import Band
from estatedesk.domain.errors import FileNotWritten
from estatedesk.reports.cleaning_ranking import (
    HistorySeries,
    RankingDocument,
    RankLine,
    band_counts,
    bands_text,
    scale_floor,
    team_averages,
    write_ranking,
)
from helpers.pdf_reading import (
    font_embedded,
    needs_pdftotext,
    outside_page,
    overlapping,
    page_count,
    page_size_mm,
    page_texts,
    words,
)

PRINTED = datetime(2027, 1, 3, 10, 0)
MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12")
NAMES = (
    "王玥",
    "李喆",
    "张堃",
    "欧阳娜娜",
    "赵敏",
    "周芷若",
    "陈家洛",
    "霍青桐",
    "司马相如",
    "刘建国",
    "孙丽",
    "吴桂芳",
)


def cleaners(count: int = 3) -> tuple[RankLine, ...]:
    bands = {0: Band.COMMENDED, count - 1: Band.FLAGGED}
    return tuple(
        RankLine(index + 1, NAMES[index], Fraction(1900 - 20 * index, 20), 4, bands.get(index, Band.MIDDLE))
        for index in range(count)
    )


def areas(count: int = 3) -> tuple[RankLine, ...]:
    bands = {0: Band.COMMENDED, count - 1: Band.FLAGGED}
    return tuple(
        RankLine(
            index + 1,
            f"{index % 10 + 1}号楼{index // 10 + 1}单元楼道",
            Fraction(190 - index, 2),
            5,
            bands.get(index, Band.MIDDLE),
        )
        for index in range(count)
    )


def history(names: tuple[str, ...] = NAMES[:3]) -> tuple[HistorySeries, ...]:
    return tuple(
        HistorySeries(
            name, (None, Fraction(88), Fraction(181, 2), None, Fraction(92), Fraction(190 - index, 2))
        )
        for index, name in enumerate(names)
    )


def ranking(**changes: object) -> RankingDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "month": "2026-12",
        "cleaners": cleaners(),
        "areas": areas(),
        "top_percent": 20,
        "bottom_percent": 10,
        "months": MONTHS,
        "history": history(),
        "printed": PRINTED,
    }
    fields.update(changes)
    return RankingDocument(**fields)  # type: ignore[arg-type]


def written(document: RankingDocument, tmp_path: Path, name: str = "排名.pdf") -> Path:
    path = tmp_path / name
    assert write_ranking(document, path) == page_count(path)
    return path


def test_the_bands_in_words() -> None:
    assert bands_text(20, 10) == "前20%奖励、中间70%鼓励、后10%末位（需跟进）"
    assert bands_text(10, 0) == "前10%奖励、中间90%鼓励、后0%末位（需跟进）"
    assert band_counts(cleaners(5), "人") == "奖励 1 人、鼓励 3 人、末位（需跟进） 1 人"


def test_the_chart_s_scale_and_the_team_s_months() -> None:
    assert scale_floor(Fraction(809, 10)) == 70
    assert scale_floor(Fraction(55)) == 40
    assert scale_floor(Fraction(3)) == 0
    assert scale_floor(Fraction(100)) == 90
    team = team_averages(history(), 6)
    assert team[0] is None and team[1] == 88
    assert team[5] == Fraction(190 + 189 + 188, 6)


@needs_pdftotext
def test_the_ranking_lists_cleaners_and_areas_with_averages_and_bands(tmp_path: Path) -> None:
    path = written(ranking(), tmp_path)
    assert page_size_mm(path) == (210, 297)
    text = "".join(page_texts(path))
    assert "幸福里小区2026年12月保洁检查考评排名" in text
    assert "前20%奖励、中间70%鼓励、后10%末位（需跟进）" in text
    assert "一、保洁员排名（3人：奖励1人、鼓励1人、末位（需跟进）1人）" in text
    assert "1王玥95.004奖励" in text
    assert "2李喆94.004鼓励" in text
    assert "3张堃93.004末位（需跟进）" in text
    assert "二、近6个月平均分走势" in text
    assert "三、区域排名（3个：" in text and "11号楼1单元楼道95.005奖励" in text
    assert "制表（签名）" in text and "审核（签名）" in text


@needs_pdftotext
def test_the_chart_shows_each_month_and_its_average(tmp_path: Path) -> None:
    text = "".join(page_texts(written(ranking(), tmp_path)))
    for month in ("7月", "8月", "9月", "10月", "11月", "12月"):
        assert month in text
    assert "88.0" in text and "90.5" in text and "92.0" in text and "94.5" in text
    assert "—" in text  # a month with no inspection
    assert "灰色虚线：全体保洁员平均" in text


@needs_pdftotext
def test_a_month_without_inspections_says_so(tmp_path: Path) -> None:
    path = written(ranking(cleaners=(), areas=(), history=()), tmp_path)
    text = "".join(page_texts(path))
    assert text.count("本月无检查记录") == 2
    assert "近6个月无检查记录" in text


@needs_pdftotext
def test_twelve_cleaners_and_forty_areas_nothing_overlapping_or_cut(tmp_path: Path) -> None:
    document = ranking(cleaners=cleaners(12), areas=areas(40), history=history(NAMES))
    path = written(document, tmp_path)
    pages = page_texts(path)
    assert len(pages) == 2
    assert "吴桂芳" in pages[0] and "二、近6个月平均分走势" in pages[0]
    assert all(name in pages[0] for name in NAMES)  # the twelve panels keep page one
    assert "三、区域排名" in pages[1] and "保洁检查考评排名（续）" in pages[1]
    text = "".join(pages)
    assert all(f"{rank}" in text for rank in range(1, 41))
    assert text.count("末位（需跟进）") >= 3  # the legend, a cleaner and an area, never cut short
    assert "…" not in text
    assert not outside_page(path)
    for _width, _height, found in words(path):
        assert not overlapping(found)


@needs_pdftotext
def test_many_areas_go_on_over_pages_with_the_header_again(tmp_path: Path) -> None:
    path = written(ranking(areas=areas(150)), tmp_path)
    pages = page_texts(path)
    assert len(pages) >= 3
    text = "".join(pages)
    assert text.count("名次区域平均分次数等级") >= 4  # two columns a page, the header over each
    assert "15010号楼15单元楼道" in text  # the 150th
    assert not outside_page(path)


@needs_pdftotext
def test_rare_name_characters_print_and_the_font_is_embedded(tmp_path: Path) -> None:
    path = written(ranking(), tmp_path)
    assert font_embedded(path)
    text = "".join(page_texts(path))
    assert "王玥" in text and "李喆" in text and "张堃" in text


def test_no_glyph_is_missing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        written(ranking(cleaners=cleaners(12), history=history(NAMES)), tmp_path)
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten):
        write_ranking(ranking(), tmp_path / "无此文件夹" / "排名.pdf")
