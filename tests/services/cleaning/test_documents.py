"""The cleaning schedule's printed documents from a real file: the wall chart, the task sheets, the ranking.

The estate: stairwells 1号楼1单元 (王玥's) and 1号楼2单元 (李喆's) swept daily for 70 minutes, the road
主干道 (张堃's) swept twice a day for 30 and washed on the 15th for 500, longer than anyone's day.
王玥 is off on Sunday (480 minutes a day), 李喆 on Saturday (420), 张堃 on Wednesday (60 minutes a day).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.services.cleaning.conftest import MONTH, Crew, refused_on

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.cleaning_scores import Band
from estatedesk.domain.errors import InputRejected
from estatedesk.domain.rota import Why
from estatedesk.reports.rota_chart import Presence
from estatedesk.services import cleaning, households
from estatedesk.services.cleaning import InspectionInput
from estatedesk.services.households import RoomInput
from helpers.pdf_reading import font_embedded, needs_pdftotext, page_count, page_texts

PRINTED = datetime(2026, 11, 30, 16, 0)


@pytest.fixture
def team(crew: Crew) -> Crew:
    for unit in ("1", "2"):
        households.create_room(RoomInput("1", unit, "101", "89.5"))
    crew.areas.update({found.name: found.area_id for found in cleaning.list_areas()})
    crew.cleaner("王玥", off="sun")
    crew.cleaner("李喆", off="sat", minutes=420)
    crew.cleaner("张堃", off="wed", minutes=60)
    crew.area("主干道", AreaKind.ROAD, responsible="张堃")
    cleaning.set_responsible(crew.areas["1号楼1单元楼道"], crew.cleaners["王玥"])
    cleaning.set_responsible(crew.areas["1号楼2单元楼道"], crew.cleaners["李喆"])
    crew.task("1号楼1单元楼道", "清扫楼道及门厅", "day", 70)
    crew.task("1号楼2单元楼道", "清扫楼道及门厅", "day", 70)
    crew.task("主干道", "清扫道路", "2/day", 30)
    crew.task("主干道", "冲洗路面", "month:15", 500)
    return crew


# ---------------------------------------------------------------- the wall chart


def test_the_wall_chart_holds_the_rota_as_it_stands(team: Crew) -> None:
    cleaning.add_leave(team.cleaners["李喆"], "2026-12-07", "2026-12-10")
    view = cleaning.rota(MONTH)
    chart = cleaning.wall_chart_document(MONTH, PRINTED)
    assert chart.estate_name == "测试小区" and chart.month == MONTH
    assert [row.name for row in chart.rows] == [member.name for member in view.cleaners]
    totals = view.minutes()
    loads = {load.name: load for load in view.fairness.loads}
    for row in chart.rows:
        assert len(row.presence) == len(row.minutes) == 31
        assert row.total == totals[row.name]
        assert row.working_days == loads[row.name].working_days
        assert row.rate == loads[row.name].rate and row.within == loads[row.name].within
        assert row.working_days == sum(1 for shown in row.presence if shown is Presence.WORKING)
    by_name = {row.name: row for row in chart.rows}
    assert by_name["王玥"].presence[5] is Presence.DAY_OFF  # Sunday the 6th
    assert by_name["李喆"].presence[6:10] == (Presence.ON_LEAVE,) * 4
    assert by_name["李喆"].presence[4] is Presence.DAY_OFF  # Saturday the 5th
    assert by_name["王玥"].areas == ("1号楼1单元楼道",)
    assert chart.occurrences == len(view.slots)
    assert chart.average == view.fairness.average and chart.tolerance == view.fairness.tolerance
    washing = [line for line in chart.uncovered if line.task == "冲洗路面"]
    assert [(line.day, line.why) for line in washing] == [(date(2026, 12, 15), Why.TOO_LONG)]
    assert len(chart.uncovered) == len(view.uncovered)
    assert not chart.accepted and not chart.confirmed


@needs_pdftotext
def test_the_wall_chart_is_printed_and_marked_until_accepted(team: Crew, tmp_path: Path) -> None:
    path = tmp_path / "排班表.pdf"
    assert cleaning.print_wall_chart(MONTH, path) == path
    assert page_count(path) == 1 and font_embedded(path)
    [page] = page_texts(path)
    assert "测试小区2026年12月保洁排班表" in page and "未确认" in page
    assert "王玥" in page and "李喆" in page and "张堃" in page
    assert "12月15日（二）用时超过在岗人员每日工时（1次）：主干道冲洗路面" in page
    cleaning.accept_rota(MONTH)
    cleaning.print_wall_chart(MONTH, path)
    [page] = page_texts(path)
    assert "未确认" not in page and "本月排班已确认" in page
    cleaning.add_leave(team.cleaners["王玥"], "2026-12-21", "2026-12-22")
    cleaning.print_wall_chart(MONTH, path)
    [page] = page_texts(path)
    assert "未确认" in page and "尚待确认" in page


def test_areas_no_one_answers_for_are_named(team: Crew) -> None:
    team.area("西门垃圾点", AreaKind.GARBAGE)
    team.task("西门垃圾点", "清运垃圾桶", "2/day", 20)
    chart = cleaning.wall_chart_document(MONTH)
    assert chart.unassigned_areas == ("西门垃圾点",)
    twice = [line for line in chart.uncovered if line.area == "西门垃圾点"]
    assert all(line.times == 2 for line in twice)


def test_a_month_badly_written_is_refused_on_its_field(team: Crew, tmp_path: Path) -> None:
    folder = tmp_path / "打印"
    folder.mkdir()
    for call in (
        lambda: cleaning.print_wall_chart("2026-13", folder / "a.pdf"),
        lambda: cleaning.print_task_sheets("十二月", folder / "b.pdf"),
        lambda: cleaning.print_ranking("2026/", folder / "c.pdf"),
    ):
        with pytest.raises(InputRejected) as refused:
            call()
        refused_on(refused, "month")
    assert not list(folder.iterdir())


# ---------------------------------------------------------------- the task sheets


def test_a_sheet_for_each_cleaner_s_working_day_with_work(team: Crew) -> None:
    view = cleaning.rota(MONTH)
    document = cleaning.task_sheets_document(MONTH, printed=PRINTED)
    expected = sorted({(slot.day, slot.cleaner) for slot in view.assigned})
    assert sorted((sheet.day, sheet.cleaner) for sheet in document.sheets) == expected
    assert [sheet.day for sheet in document.sheets] == sorted(sheet.day for sheet in document.sheets)
    for sheet in document.sheets:
        mine = [slot for slot in view.assigned if slot.day == sheet.day and slot.cleaner == sheet.cleaner]
        assert sheet.minutes == sum(slot.minutes for slot in mine)
        assert len(sheet.lines) == len(mine)
        occurrences = [line.occurrence for line in sheet.lines]
        assert occurrences == sorted(occurrences)  # the first round of the day, then the second
    assert not document.confirmed


def test_work_taken_over_says_whose_area_it_is(team: Crew) -> None:
    wednesday = date(2026, 12, 2)  # 张堃's day off: the road's sweeps go to someone else
    document = cleaning.task_sheets_document(MONTH, day=wednesday)
    road = [line for sheet in document.sheets for line in sheet.lines if line.area == "主干道"]
    assert road and all(line.covering_for == "张堃" for line in road)
    assert sorted(line.occurrence for line in road) == [1, 2] and all(line.times == 2 for line in road)
    own = [line for sheet in document.sheets for line in sheet.lines if line.area == "1号楼1单元楼道"]
    assert own and all(line.covering_for == "" for line in own)


@needs_pdftotext
def test_the_sheets_of_one_cleaner_and_one_day(team: Crew, tmp_path: Path) -> None:
    path = tmp_path / "任务单.pdf"
    monday = date(2026, 12, 7)
    assert cleaning.print_task_sheets(MONTH, path, team.cleaners["张堃"], monday) == path
    [page] = page_texts(path)
    assert "保洁员张堃" in page and "2026年12月7日（星期一）" in page
    assert "主干道清扫道路第1次30□完成" in page or "主干道清扫道路第2次30□完成" in page
    assert "排班未确认" in page
    cleaning.print_task_sheets(MONTH, path, team.cleaners["王玥"])
    pages = page_texts(path)
    days = len({slot.day for slot in cleaning.rota(MONTH).assigned if slot.cleaner == "王玥"})
    assert len(pages) == days and all("保洁员王玥" in text for text in pages)
    assert font_embedded(path)


def test_nothing_to_print_is_refused_with_why(team: Crew, tmp_path: Path) -> None:
    path = tmp_path / "任务单.pdf"
    sunday, wednesday = date(2026, 12, 6), date(2026, 12, 9)
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, team.cleaners["王玥"], sunday)
    assert refused_on(refused, "cleaner").params == {"name": "王玥", "day": "2026-12-06"}
    cleaning.add_leave(team.cleaners["李喆"], "2026-12-09", "2026-12-11")
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, team.cleaners["李喆"], date(2026, 12, 10))
    assert "leave" in refused_on(refused, "cleaner").template
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, day=date(2027, 1, 4))
    refused_on(refused, "date")
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, cleaner_id=999)
    refused_on(refused, "cleaner")
    # 王玥 on leave too, and 张堃 off on Wednesdays: no one works on the 9th.
    cleaning.add_leave(team.cleaners["王玥"], "2026-12-09", "2026-12-09")
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, day=wednesday)
    assert refused_on(refused, "date").params == {"day": "2026-12-09"}
    assert not path.exists()


def test_a_cleaner_with_nothing_in_the_month_and_a_month_with_no_work(crew: Crew, tmp_path: Path) -> None:
    crew.cleaner("王玥")
    path = tmp_path / "任务单.pdf"
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, crew.cleaners["王玥"])
    assert refused_on(refused, "cleaner").params == {"name": "王玥", "month": MONTH}
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path)
    refused_on(refused, "month")
    with pytest.raises(InputRejected) as refused:
        cleaning.print_task_sheets(MONTH, path, crew.cleaners["王玥"], date(2026, 12, 3))
    assert refused_on(refused, "cleaner").params == {"name": "王玥", "day": "2026-12-03"}


# ---------------------------------------------------------------- the ranking


def inspect(team: Crew, day: str, scores: dict[str, int]) -> None:
    for area, score in scores.items():
        cleaning.record_inspection(InspectionInput(day, team.areas[area], str(score)))


@needs_pdftotext
def test_the_ranking_prints_the_month_and_six_months_of_averages(team: Crew, tmp_path: Path) -> None:
    inspect(team, "2026-10-14", {"1号楼1单元楼道": 80, "1号楼2单元楼道": 90, "主干道": 70})
    inspect(team, "2026-12-02", {"1号楼1单元楼道": 95, "1号楼2单元楼道": 85, "主干道": 60})
    inspect(team, "2026-12-09", {"1号楼1单元楼道": 96, "1号楼2单元楼道": 88, "主干道": 65})
    document = cleaning.ranking_document(MONTH, PRINTED)
    assert [(line.name, line.band) for line in document.cleaners] == [
        ("王玥", Band.COMMENDED),
        ("李喆", Band.MIDDLE),
        ("张堃", Band.MIDDLE),  # the bottom 10% of three rounds to no one
    ]
    assert document.months == ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12")
    assert [series.name for series in document.history] == ["王玥", "李喆", "张堃"]
    assert document.history[0].averages[3] == 80 and document.history[0].averages[4] is None
    path = tmp_path / "排名.pdf"
    assert cleaning.print_ranking(MONTH, path) == path
    text = "".join(page_texts(path))
    assert "测试小区2026年12月保洁检查考评排名" in text
    assert "1王玥95.502奖励" in text and "3张堃62.502鼓励" in text
    assert "1号楼1单元楼道95.502奖励" in text
    assert font_embedded(path)


def test_a_former_cleaner_not_ranked_this_month_leaves_the_chart(team: Crew) -> None:
    inspect(team, "2026-11-11", {"主干道": 70})
    cleaning.set_responsible(team.areas["主干道"], team.cleaners["王玥"])
    cleaning.remove_cleaner(team.cleaners["张堃"])
    inspect(team, "2026-12-02", {"1号楼1单元楼道": 95})
    document = cleaning.ranking_document(MONTH)
    assert [series.name for series in document.history] == ["王玥"]


def test_the_services_start_without_the_cleaning_reports() -> None:
    # The window and the command line import the services; the reports come only when printing.
    code = (
        "import sys, estatedesk.services.cleaning; "
        "sys.exit(any(name in sys.modules for name in ('estatedesk.reports.rota_chart', "
        "'estatedesk.reports.task_sheet', 'estatedesk.reports.cleaning_ranking')))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
