"""The rota's texts (gui/presenters/cleaning_rota.py): months, the grid's rows, choices, fairness, banner."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from estatedesk.domain.rota import Why
from estatedesk.gui.presenters import cleaning_rota as present
from estatedesk.gui.presenters.cleaning_rota import Banner
from estatedesk.services.cleaning import (
    CleanerView,
    FairnessView,
    LeaveView,
    LoadView,
    RotaView,
    SlotChange,
    SlotView,
)

DEC = (date(2026, 12, 1), date(2026, 12, 31))
WANG = CleanerView(1, "王玥", "", frozenset({6}), 480, "")  # off on Sunday
LI = CleanerView(
    2, "李喆", "", frozenset({5}), 100, "", (LeaveView(9, 2, date(2026, 12, 14), date(2026, 12, 16)),)
)
ZHANG = CleanerView(3, "张堃", "", frozenset(), 60, "")


def slot(
    day: int,
    task_id: int,
    who: CleanerView | None,
    minutes: int = 30,
    occurrence: int = 1,
    why: Why | None = None,
    manual: bool = False,
) -> SlotView:
    """An occurrence on December ``day`` of task ``task_id`` (area and what named after it)."""
    return SlotView(
        date(2026, 12, day),
        task_id,
        occurrence,
        task_id * 10,
        f"区域{task_id}",
        f"任务{task_id}",
        minutes,
        who.cleaner_id if who else None,
        who.name if who else "",
        why,
        manual,
    )


def rota(
    slots: tuple[SlotView, ...] = (), accepted: bool = False, changes: tuple[SlotChange, ...] = ()
) -> RotaView:
    fairness = FairnessView(Fraction(0), Fraction(0), ())
    return RotaView("2026-12", *DEC, slots, fairness, accepted, changes, (ZHANG, LI, WANG))


def test_months_offered_run_from_a_year_back_to_half_a_year_ahead_with_those_accepted() -> None:
    months = present.month_keys(date(2026, 12, 1), ["2024-05", "2026-11"])
    assert months[0] == "2024-05" and months[1] == "2025-12" and months[-1] == "2027-06"
    assert months == sorted(set(months)) and len(months) == 1 + 19
    assert present.shift_month("2026-12", 1) == "2027-01" and present.shift_month("2026-01", -1) == "2025-12"
    assert present.month_of(date(2027, 3, 31)) == "2027-03"
    assert present.month_title("2026-12", True) == "2026-12 (accepted)"
    assert present.month_title("2026-12", False) == "2026-12"


def test_a_day_s_column_title_is_its_number_over_its_weekday() -> None:
    assert present.day_header(date(2026, 12, 5)) == "5\nSa"
    assert present.is_weekend(date(2026, 12, 5)) and present.is_weekend(date(2026, 12, 6))
    assert not present.is_weekend(date(2026, 12, 7))
    assert present.date_text(date(2026, 12, 1)) == "2026-12-01 Tu"
    assert present.month_days(rota())[-1] == date(2026, 12, 31) and len(present.month_days(rota())) == 31


def test_rows_follow_the_tasks_order_each_time_of_a_day_its_own_row() -> None:
    slots = (
        slot(1, 7, WANG),
        slot(1, 3, LI, occurrence=2),
        slot(1, 3, LI),
        slot(2, 5, None, why=Why.NO_ONE_WORKING),
        slot(9, 4, WANG),  # a task no longer listed: last
    )
    rows = present.grid_rows(slots, task_order=[3, 5, 7])
    assert [(row.task_id, row.occurrence) for row in rows] == [(3, 1), (3, 2), (5, 1), (7, 1), (4, 1)]
    assert rows[0].label == "区域3 · 任务3 · no. 1" and rows[1].label == "区域3 · 任务3 · no. 2"
    assert rows[2].label == "区域5 · 任务5"


def test_a_cell_names_its_cleaner_or_why_no_one() -> None:
    uncovered = slot(2, 5, None, why=Why.TOO_LONG)
    assert present.cell_text(uncovered) == "none" == present.uncovered_word()  # the legend's word too
    assert present.cell_tip(uncovered).splitlines() == [
        "2026-12-02 We",
        "区域5 · 任务5",
        "30 min",
        "Uncovered: longer than the working day of every cleaner present",
    ]
    by_hand = slot(2, 5, LI, minutes=90, manual=True)
    assert present.cell_text(by_hand) == "李喆"
    assert present.cell_tip(by_hand).splitlines()[2:] == ["1 h 30 min", "李喆", "Set by hand"]
    assert [present.why_text(why) for why in Why] == [
        "no cleaner works that day",
        "longer than the working day of every cleaner present",
        "every cleaner present has too few minutes left that day",
    ]
    assert present.why_text(None) == ""


def test_a_cell_offers_who_works_that_day_with_the_minutes_they_have_left() -> None:
    slots = (slot(1, 1, WANG, 100), slot(1, 2, LI, 70), slot(1, 3, ZHANG, 60), slot(1, 4, WANG, 30))
    view = rota(slots)
    offered = present.choices(view, slots[1])  # 李喆's 70 minutes on a Tuesday
    assert [(c.name, c.minutes_left, c.fits, c.current) for c in offered] == [
        ("张堃", 0, False, False),
        ("李喆", 30, True, True),
        ("王玥", 350, True, False),
    ]
    assert present.choice_text(offered[2], 70) == "王玥 — 5 h 50 min left"
    assert present.choice_text(offered[0], 70) == "张堃 — 0 min left, 1 h 10 min needed"
    sunday = slot(6, 1, LI, 30)
    assert [c.name for c in present.choices(rota((sunday,)), sunday)] == ["张堃", "李喆"]
    on_leave = slot(15, 1, WANG, 30)
    assert [c.name for c in present.choices(rota((on_leave,)), on_leave)] == ["张堃", "王玥"]
    assert not present.works_on(LI, date(2026, 12, 14)) and present.works_on(LI, date(2026, 12, 17))


@pytest.mark.parametrize(
    ("value", "decimal", "with_sign"),
    [
        (Fraction(1234, 100), "12.3", "+12.3"),
        (Fraction(1235, 100), "12.4", "+12.4"),
        (Fraction(-1235, 100), "-12.4", "−12.4"),
        (Fraction(-1, 100), "0.0", "0.0"),
        (Fraction(0), "0.0", "0.0"),
        (Fraction(2, 3), "0.7", "+0.7"),
    ],
)
def test_figures_to_one_decimal_half_up(value: Fraction, decimal: str, with_sign: str) -> None:
    assert present.one_decimal(value) == decimal
    assert present.signed(value) == with_sign


def test_the_fairness_figures_by_cleaner_and_for_the_team() -> None:
    fairness = FairnessView(
        Fraction(1000, 7),
        Fraction(60),
        (
            LoadView(1, "王玥", 26, 4270, Fraction(4270, 26), Fraction(4270, 26) - Fraction(1000, 7), True),
            LoadView(3, "张堃", 20, 1200, Fraction(60), Fraction(60) - Fraction(1000, 7), False),
        ),
    )
    lines = present.load_lines(fairness)
    assert [line.name for line in lines] == ["张堃", "王玥"]
    zhang, wang = lines
    assert (zhang.rate_text, zhang.deviation_text, zhang.within_text, zhang.colour) == (
        "60.0",
        "−82.9",
        "✗",
        present.RED,
    )
    assert (wang.rate_text, wang.deviation_text, wang.within_text, wang.colour) == (
        "164.2",
        "+21.4",
        "✓",
        None,
    )
    assert present.fairness_text(fairness) == (
        "Team average 142.9 minutes a working day; each cleaner within ±60.0 (the longest task or 10%)\n"
        "1 outside it"
    )
    fair = FairnessView(Fraction(100), Fraction(10), fairness.loads[:1])
    assert present.fairness_text(fair).endswith("\nEveryone is within it")


def test_the_banner_says_a_rota_is_not_accepted_or_was_re_planned() -> None:
    one = (slot(1, 1, WANG),)
    assert present.banner(rota(one)) == (Banner.UNACCEPTED, "Not accepted: accept the rota to keep it")
    assert present.banner(rota()) == (Banner.NONE, "")  # nothing to accept
    assert present.banner(rota(one, accepted=True)) == (Banner.NONE, "")
    changes = (
        SlotChange(date(2026, 12, 14), "区域1", "任务1", 1, "李喆", "王玥"),
        SlotChange(date(2026, 12, 15), "区域2", "任务2", 2, "李喆", ""),
    )
    assert present.banner(rota(one, True, changes)) == (
        Banner.CHANGED,
        "2 places re-planned after leave and other changes",
    )
    lines = present.change_lines(changes)
    assert [(line.date_text, line.area, line.task, line.change_text) for line in lines] == [
        ("2026-12-14 Mo", "区域1", "任务1", "李喆 → 王玥"),
        ("2026-12-15 Tu", "区域2", "任务2 (no. 2)", "李喆 → —"),
    ]


def test_the_uncovered_list_and_the_status() -> None:
    slots = (slot(1, 1, WANG, manual=True), slot(2, 5, None, why=Why.NO_MINUTES_LEFT, occurrence=2))
    view = rota(slots)
    (line,) = present.uncovered_lines(view)
    assert (line.date_text, line.task_text, line.why_text) == (
        "2026-12-02 We",
        "任务5 (no. 2)",
        "every cleaner present has too few minutes left that day",
    )
    assert present.uncovered_title(1) == "Uncovered (1)"
    assert present.rota_status(view) == "2026-12: 2 tasks to do, 1 uncovered, 1 set by hand"
    assert present.rota_status(None) == ""
    assert present.empty_rota_text(rota()).startswith("No task comes this month")
    assert present.empty_rota_text(view) == "" and present.empty_rota_text(None) == ""
    assert present.uncovered_note(view) == "" and present.uncovered_note(None) == ""
    assert present.uncovered_note(rota()) == "No tasks yet: nothing to cover."
    assert present.uncovered_note(rota((slot(1, 1, WANG),))) == "Every task is covered."


def test_a_month_without_cleaners_says_so_instead_of_listing_every_task_uncovered() -> None:
    fairness = FairnessView(Fraction(0), Fraction(0), ())
    slots = (slot(1, 1, None, why=Why.NO_ONE_WORKING), slot(2, 1, None, why=Why.NO_ONE_WORKING))
    nobody = RotaView("2026-12", *DEC, slots, fairness, False, (), ())
    note = "No cleaners yet: add them on the page “Cleaners and leave” first."
    assert not present.has_team(nobody) and not present.has_team(None) and present.has_team(rota())
    assert present.no_team_text() == note
    assert present.empty_rota_text(nobody) == note
    assert present.uncovered_note(nobody) == note
    assert present.uncovered_lines(nobody) == []
    empty = RotaView("2026-12", *DEC, (), fairness, False, (), ())
    assert present.empty_rota_text(empty).splitlines() == [present.empty_rota_text(rota()), note]
    assert present.uncovered_note(empty) == "No tasks yet: nothing to cover."


def test_documents_are_written_in_the_data_folder_s_cleaning_folder() -> None:
    folder = Path("/data")
    assert present.wall_chart_path(folder, "2026-12") == folder / "保洁" / "排班表-2026-12.pdf"
    assert present.task_sheets_path(folder, "2026-12") == folder / "保洁" / "每日任务单-2026-12.pdf"
    assert (
        present.task_sheets_path(folder, "2026-12", "王玥") == folder / "保洁" / "每日任务单-2026-12-王玥.pdf"
    )
    assert present.task_sheets_path(folder, "2026-12", 'a/b:c "d"').name == "每日任务单-2026-12-a_b_c_d.pdf"
