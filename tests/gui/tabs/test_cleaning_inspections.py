"""检查与评比 (gui/tabs/cleaning_pages/inspections.py): the week's areas, recording, the ranking, settings.

The estate is tests/helpers/cleaning_desk.py's: 1号楼1单元楼道 (王玥's), 1号楼2单元楼道 (李喆's) and
主干道 (张堃's); the calendar stands at Wednesday 2026-12-09, the week's inspection day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from estatedesk.domain.cleaning_scores import DEFAULT_DEDUCTIONS, Band, check_bands, parse_score
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import BAD_CELL, FormDialog
from estatedesk.gui.dialogs.inspection_dialog import InspectionDialog
from estatedesk.gui.dialogs.inspection_settings_dialog import InspectionSettingsDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import cleaning_inspections as present
from estatedesk.gui.presenters.cleaning_rota import GREEN, RED
from estatedesk.gui.tabs.cleaning_pages.inspections import InspectionsPage
from estatedesk.services import cleaning
from estatedesk.services.cleaning import Deduction, InspectionInput, InspectionSettings
from helpers.cleaning_desk import MONTH, TODAY, CleaningDesk, cleaning_desk  # noqa: F401 - the fixture ``desk``

FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
LITTER, DUST = DEFAULT_DEDUCTIONS[0][0], DEFAULT_DEDUCTIONS[1][0]  # −5 and −3
STAIRS_1, STAIRS_2, ROAD = "1号楼1单元楼道", "1号楼2单元楼道", "主干道"


def inspect(desk: CleaningDesk, day: str, area: str, score: int) -> int:
    """An inspection through the service, as typed score."""
    return cleaning.record_inspection(InspectionInput(day, desk.areas[area], str(score))).inspection_id


def error_of(dialog: FormDialog, label: str) -> str:
    shown = find(dialog.dialog, QLabel, label)
    return shown.text() if not shown.isHidden() else ""


def answer_with(fill: Callable[[FormDialog], object]) -> Callable[[FormDialog], bool]:
    """An ``exec`` for a dialog class: ``fill(dialog)`` types and presses Save; True if it closed accepted."""

    def run(dialog: FormDialog) -> bool:
        fill(dialog)
        return bool(dialog.dialog.result())

    return run


def scores(page: InspectionsPage) -> dict[str, str]:
    """This week's score of each area, as the week's table shows it."""
    return {line.area: line.score_text for line in page.week_model.shown_rows()}


def test_the_week_lists_every_area_with_its_score_or_not_inspected(desk: CleaningDesk) -> None:
    inspect(desk, "2026-12-07", STAIRS_1, 91)  # Monday of this week
    inspect(desk, "2026-12-02", STAIRS_2, 80)  # last week: not this week's
    page = desk.inspections_page()
    assert page.week_title.text() == present.inspection_day_text(TODAY, TODAY)
    not_yet = translate("cleaning_inspections", "not inspected")
    assert scores(page) == {STAIRS_1: "91", STAIRS_2: not_yet, ROAD: not_yet}
    assert page.week_counts.text() == present.week_counts_text(page.week_model.shown_rows())
    assert [found.area for found in page.inspections_model.shown_rows()] == [STAIRS_1, STAIRS_2]
    assert page.inspections_title.text() == present.month_inspections_title(2)
    assert page.status_text() == present.ranking_status(page.ranking, 2)


def test_an_inspection_is_scored_live_from_the_checklist_and_saved(
    desk: CleaningDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.inspections_page()
    seen: list[str] = []

    def fill(dialog: InspectionDialog) -> None:
        assert dialog.day() == TODAY and dialog.area_combo.currentText() == STAIRS_1
        assert "王玥" in dialog.responsible_label.text()
        dialog.set_count(LITTER, 2)
        dialog.set_count(DUST, 1)
        seen.append(dialog.preview_label.text())
        dialog.note_edit.setPlainText("楼梯转角有烟头")
        dialog.accept()

    monkeypatch.setattr(InspectionDialog, "exec", answer_with(fill))  # type: ignore[arg-type]
    page.week_table.activated.emit(page.week_model.index(0, 0))  # 1号楼1单元楼道
    checklist = cleaning.inspection_settings().deductions
    counts = [2 if item.item == LITTER else 1 if item.item == DUST else 0 for item in checklist]
    assert seen == [present.score_preview_text(checklist, counts)]
    assert present.score_preview(checklist, counts) == 100 - 2 * 5 - 3
    (saved,) = page.inspections_model.shown_rows()
    assert (saved.area, saved.cleaner, saved.score, saved.note) == (STAIRS_1, "王玥", 87, "楼梯转角有烟头")
    assert present.found_text(saved.found) == f"{LITTER} −5×2；{DUST} −3"
    assert scores(page)[STAIRS_1] == "87"
    assert page.selected_inspection() == saved


def test_a_typed_score_replaces_the_checklist_and_a_second_one_that_day_replaces_the_first(
    desk: CleaningDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspect(desk, TODAY.isoformat(), STAIRS_2, 70)
    page = desk.inspections_page()
    notes: list[tuple[str, str]] = []

    def fill(dialog: InspectionDialog) -> None:
        dialog.area_combo.setCurrentIndex(dialog.area_combo.findText(STAIRS_2))
        notes.append((dialog.replace_label.text(), ""))
        dialog.set_count(LITTER, 1)
        dialog.score_edit.setText("101")
        dialog.accept()  # refused: stays open with the reason under the score
        notes.append(("", error_of(dialog, "scoreError")))
        dialog.score_edit.setText("95")
        dialog.accept()

    monkeypatch.setattr(InspectionDialog, "exec", answer_with(fill))  # type: ignore[arg-type]
    made = page.record()
    assert made is not None and made.score == 95
    assert "70" in notes[0][0] and STAIRS_2 in notes[0][0]
    with pytest.raises(ValidationError) as refused:
        parse_score("101")
    assert notes[1][1] == labels.message(refused.value)
    assert [(found.area, found.score) for found in page.inspections_model.shown_rows()] == [(STAIRS_2, 95)]


def test_a_typed_score_greys_the_checklist_s_score_and_says_it_counts(desk: CleaningDesk) -> None:
    dialog = InspectionDialog(None, TODAY, cleaning.list_areas())
    typed = dialog.typed_label
    dialog.set_count(LITTER, 2)
    preview = dialog.preview_label.text()
    assert dialog.preview_label.isEnabled() and typed.isHidden()
    assert "font-weight: bold" in dialog.preview_label.styleSheet()
    dialog.score_edit.setText("88")
    assert not dialog.preview_label.isEnabled() and not typed.isHidden()
    assert dialog.preview_label.text() == preview  # still there, greyed
    assert "#999" in dialog.preview_label.styleSheet()
    assert typed.text() == translate("InspectionDialog", "The score typed counts, not the checklist's")
    dialog.score_edit.setText("  ")  # cleared: the checklist's counts again
    assert dialog.preview_label.isEnabled() and typed.isHidden()
    assert "font-weight: bold" in dialog.preview_label.styleSheet()
    assert dialog.inspection_input().score == ""


def test_the_ranking_bands_cleaners_and_areas_and_the_chart_follows_six_months(desk: CleaningDesk) -> None:
    cleaning.save_inspection_settings(
        InspectionSettings(2, cleaning.inspection_settings().deductions, 30, 30)
    )
    for day, area, score in (
        ("2026-12-02", STAIRS_1, 95),
        ("2026-12-09", STAIRS_1, 90),
        ("2026-12-02", STAIRS_2, 80),
        ("2026-12-02", ROAD, 60),
        ("2026-11-04", STAIRS_1, 88),
        ("2026-08-05", ROAD, 75),
    ):
        inspect(desk, day, area, score)
    page = desk.inspections_page()
    assert page.ranking is not None
    cleaners = [(line.row.rank, line.row.name, line.average_text, line.row.inspections, line.row.band)
                for line in page.cleaner_model.shown_rows()]  # fmt: skip
    assert cleaners == [
        (1, "王玥", "92.50", 2, Band.COMMENDED),
        (2, "李喆", "80.00", 1, Band.MIDDLE),
        (3, "张堃", "60.00", 1, Band.FLAGGED),
    ]
    band = page.cleaner_model.column_index("band")
    shown = [page.cleaner_model.index(line, band) for line in range(3)]
    assert [index.data() for index in shown] == [present.band_text(b) for b in Band]
    assert [index.data(FOREGROUND).color().name() if index.data(FOREGROUND) else None for index in shown] == [
        GREEN,
        None,
        RED,
    ]
    areas = [(line.row.name, line.row.band) for line in page.area_model.shown_rows()]
    assert areas == [(STAIRS_1, Band.COMMENDED), (STAIRS_2, Band.MIDDLE), (ROAD, Band.FLAGGED)]
    assert page.bands_label.text() == present.bands_text(page.ranking)
    chart = page.chart
    assert chart.months == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
    assert list(chart.averages) == ["王玥", "李喆", "张堃"]  # in the month's ranking
    assert chart.averages["王玥"][-2:] == (Fraction(88), Fraction(185, 2))
    assert chart.averages["张堃"] == (None, Fraction(75), None, None, None, Fraction(60))
    assert chart.chart.title() == present.history_title(chart.months)
    assert chart.axis_y.min() == present.score_floor([Fraction(60)]) and chart.axis_y.max() == 100
    assert len([line for line in chart.lines if line.name() == "张堃"]) == 2  # August alone, then December


def test_an_empty_month_says_so(desk: CleaningDesk) -> None:
    page = desk.inspections_page()
    assert page.cleaner_model.rowCount() == 0 and page.cleaner_note.text() == present.empty_ranking_text(
        MONTH
    )
    assert not page.print_button.isEnabled() and not page.chart.note.isHidden()


def test_the_settings_refuse_by_field_and_save_what_is_right(desk: CleaningDesk) -> None:
    page = desk.inspections_page()
    dialog = InspectionSettingsDialog(page)
    assert dialog.weekday.currentIndex() == 2 and (dialog.top.value(), dialog.bottom.value()) == (20, 10)
    assert dialog.table.rowCount() == len(DEFAULT_DEDUCTIONS)
    dialog.top.setValue(60)
    dialog.bottom.setValue(50)  # the bands overlap: said at once, under the bottom band
    with pytest.raises(ValidationError) as overlap:
        check_bands(60, 50)
    assert error_of(dialog, "bottomError") == labels.message(overlap.value)
    dialog.set_cell(1, 1, "abc")
    dialog.accept()
    assert not dialog.dialog.result()
    not_a_number = ValidationError(
        "deductions[1].points",
        QT_TRANSLATE_NOOP("messages", "points off are a whole number, not '{value}'"),
        value="abc",
    )
    assert labels.message(not_a_number) in error_of(dialog, "checklistError")
    dialog.bottom.setValue(10)
    dialog.set_cell(1, 1, "4")
    dialog.set_cell(2, 0, LITTER)  # the service refuses an item listed twice, on its cell
    dialog.accept()
    assert not dialog.dialog.result()
    assert LITTER in error_of(dialog, "checklistError")
    item = dialog.table.item(2, 0)
    assert item is not None and item.background() == BAD_CELL
    dialog.set_cell(2, 0, "窗户玻璃不洁")
    dialog.add_row()  # a line left empty is dropped
    dialog.weekday.setCurrentIndex(3)
    dialog.accept()
    assert dialog.dialog.result()
    saved = cleaning.inspection_settings()
    assert saved.weekday == 3 and (saved.top_percent, saved.bottom_percent) == (60, 10)
    assert saved.deductions[1] == Deduction(DEFAULT_DEDUCTIONS[1][0], 4)
    assert saved.deductions[2].item == "窗户玻璃不洁" and len(saved.deductions) == len(DEFAULT_DEDUCTIONS)
    page.read()
    assert page.week_title.text() == present.inspection_day_text(date(2026, 12, 10), TODAY)


def test_an_inspection_entered_by_mistake_is_removed(desk: CleaningDesk, boxes: object) -> None:
    inspect(desk, "2026-12-02", ROAD, 60)
    page = desk.inspections_page()
    page.inspections_table.selectRow(0)
    assert page.remove_button.isEnabled()
    page.remove()
    assert boxes.texts("question")  # type: ignore[attr-defined]
    assert page.inspections_model.rowCount() == 0 and cleaning.ranking(MONTH).cleaners == ()


def test_the_ranking_is_written_and_opened(desk: CleaningDesk, qtbot: QtBot) -> None:
    inspect(desk, "2026-12-02", ROAD, 60)
    page = desk.inspections_page()
    assert page.print_button.isEnabled()
    page.print_ranking()
    qtbot.waitUntil(lambda: bool(desk.opened) and page.task is None, timeout=30_000)
    (written,) = desk.opened
    assert written.name == "保洁评比-2026-12.pdf" and written.read_bytes().startswith(b"%PDF")
