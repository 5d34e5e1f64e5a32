"""The repair settings dialog (时限与节假日): limits by category saved on OK, the holiday table as edited."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from estatedesk.domain.repairs import Category, LimitKind, Limits, TimeLimit
from estatedesk.domain.workdays import CalendarSource
from estatedesk.gui.dialogs.base import BAD_CELL
from estatedesk.gui.dialogs.repair_settings_dialog import (
    ARRIVE,
    ARRIVE_KIND,
    FINISH,
    FINISH_KIND,
    KEY,
    NAME,
    RepairSettingsDialog,
)
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.presenters.repairs import category_text
from estatedesk.services import households, repairs
from estatedesk.services.households import RoomInput
from estatedesk.services.repairs import Holidays, OrderInput
from estatedesk.store.db import EstateFile


@pytest.fixture
def dialog(app: QApplication, estate: EstateFile, boxes: object) -> RepairSettingsDialog:
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    return RepairSettingsDialog(None)


def error_of(dialog: RepairSettingsDialog, label: str) -> str:
    shown = find(dialog.dialog, QLabel, label)
    return shown.text() if not shown.isHidden() else ""


def text(dialog: RepairSettingsDialog, key: str, column: int) -> str:
    row = dialog.row_of(key)
    assert row is not None
    return dialog.cell(row, column).text()


def test_the_defaults_of_rules_4_are_shown(dialog: RepairSettingsDialog) -> None:
    keys = [info.key for info in dialog.rows]
    assert keys == [category.value for category in Category]
    assert text(dialog, "water", NAME) == category_text("water")
    assert dialog.kind_at(dialog.row_of("water") or 0, FINISH_KIND) is LimitKind.SAME_DAY
    assert dialog.kind_at(dialog.row_of("electricity") or 0, FINISH_KIND) is LimitKind.BEFORE_NIGHT
    home = dialog.row_of("in-home") or 0
    assert (dialog.kind_at(home, FINISH_KIND), text(dialog, "in-home", FINISH)) == (
        LimitKind.WORKING_DAYS,
        "7",
    )
    noise = dialog.row_of("noise-smell") or 0
    assert (dialog.kind_at(noise, FINISH_KIND), dialog.kind_at(noise, ARRIVE_KIND)) == (
        None,
        LimitKind.MINUTES,
    )
    assert text(dialog, "noise-smell", ARRIVE) == "15"
    assert text(dialog, "complaint", FINISH) == "480"
    assert (dialog.emergency.text(), dialog.cutoff.text(), dialog.grace.text()) == ("30", "22:00", "120")
    assert not dialog.cell(home, NAME).flags() & dialog.cell(home, NAME).flags().ItemIsEditable
    # OK without a change writes nothing.
    dialog.accept()
    assert dialog.dialog.result() and repairs.limits() == Limits()


def test_a_changed_limit_and_a_category_of_the_office_s_own_are_used_by_later_orders(
    dialog: RepairSettingsDialog,
) -> None:
    home = dialog.row_of("in-home") or 0
    dialog.cell(home, FINISH).setText("5")
    row = dialog.add_category()
    dialog.cell(row, NAME).setText("电梯困人")
    assert dialog.cell(row, KEY).text() == "diantikunren"  # the key follows the name in pinyin
    dialog.cell(row, KEY).setText("lift")  # typed: it stays whatever the name becomes
    dialog.cell(row, NAME).setText("电梯")
    assert dialog.cell(row, KEY).text() == "lift"
    dialog.cell(row, KEY).setText("diantikunren")
    dialog.cell(row, NAME).setText("电梯困人")
    dialog.set_kind(row, FINISH_KIND, LimitKind.MINUTES)
    dialog.cell(row, FINISH).setText("120")
    dialog.set_kind(row, ARRIVE_KIND, LimitKind.MINUTES)
    dialog.cell(row, ARRIVE).setText("20")
    dialog.accept()
    assert dialog.dialog.result()
    saved = repairs.limits()
    assert saved.finish["in-home"] == TimeLimit(LimitKind.WORKING_DAYS, 5)
    assert saved.finish["diantikunren"] == TimeLimit(LimitKind.MINUTES, 120)
    assert saved.arrive["diantikunren"] == TimeLimit(LimitKind.MINUTES, 20)
    assert [c.name for c in repairs.categories() if c.key == "diantikunren"] == ["电梯困人"]
    made = repairs.add_order(OrderInput("2026-10-12 09:00", "diantikunren", "2号楼电梯困人", room="3-2-501"))
    assert (made.arrive_due, made.finish_due) == (
        datetime(2026, 10, 12, 9, 20),
        datetime(2026, 10, 12, 11, 0),
    )
    home_order = repairs.add_order(OrderInput("2026-10-12 09:00", "in-home", "漏水", room="3-2-501"))
    assert home_order.finish_due == datetime(2026, 10, 20)  # 24:00 of the 5th working day, Monday 19th
    # The dialog opened again shows what was saved.
    again = RepairSettingsDialog(None)
    assert text(again, "in-home", FINISH) == "5" and text(again, "diantikunren", NAME) == "电梯困人"
    assert (
        not again.cell(again.row_of("diantikunren") or 0, KEY).flags()
        & again.cell(0, KEY).flags().ItemIsEditable
    )


def test_bad_input_is_refused_next_to_the_cell_and_field_and_nothing_is_saved(
    dialog: RepairSettingsDialog,
) -> None:
    home = dialog.row_of("in-home") or 0
    dialog.cell(home, FINISH).setText("abc")
    water = dialog.row_of("water") or 0
    dialog.set_kind(water, FINISH_KIND, LimitKind.WORKING_DAYS)
    dialog.cell(water, FINISH).setText("99")
    row = dialog.add_category()
    dialog.cell(row, KEY).setText("Lift!")
    dialog.emergency.setText("半小时")
    dialog.cutoff.setText("25:00")
    dialog.accept()
    assert not dialog.dialog.result()
    assert dialog.cell(home, FINISH).background() == BAD_CELL
    assert dialog.cell(water, FINISH).background() == BAD_CELL
    assert dialog.cell(row, NAME).background() == BAD_CELL and dialog.cell(row, KEY).background() == BAD_CELL
    lines = error_of(dialog, "limitError").splitlines()
    assert len(lines) == 4  # the amount, the amount, the name missing, the key
    assert lines[0].startswith(category_text("water")) and "99" in lines[0]  # named, not numbered
    assert lines[1].startswith(category_text("in-home")) and "abc" in lines[1]
    assert "Lift!" in lines[3]
    assert "半小时" in error_of(dialog, "emergencyError")
    assert "25:00" in error_of(dialog, "cutoffError")
    assert error_of(dialog, "graceError") == ""
    assert repairs.limits() == Limits()


def test_restore_defaults_puts_back_rules_4_and_keeps_the_office_s_own(dialog: RepairSettingsDialog) -> None:
    repairs.save_limits(
        Limits(
            finish={
                **Limits().finish,
                Category.IN_HOME: TimeLimit(LimitKind.WORKING_DAYS, 3),
                "lift": TimeLimit(LimitKind.MINUTES, 60),
            },
            emergency_minutes=20,
            night_cutoff=time(21, 0),
        ),
        {"lift": "电梯"},
    )
    changed = RepairSettingsDialog(None)
    assert text(changed, "in-home", FINISH) == "3" and changed.emergency.text() == "20"
    changed.defaults_button.click()
    assert text(changed, "in-home", FINISH) == "7"
    assert (changed.emergency.text(), changed.cutoff.text()) == ("30", "22:00")
    assert text(changed, "lift", FINISH) == "60"
    changed.accept()
    saved = repairs.limits()
    assert saved.finish["in-home"] == TimeLimit(LimitKind.WORKING_DAYS, 7) and saved.emergency_minutes == 30
    assert saved.finish["lift"] == TimeLimit(LimitKind.MINUTES, 60)


def test_an_unused_category_is_removed_and_a_used_one_is_not(
    dialog: RepairSettingsDialog, boxes: object
) -> None:
    repairs.save_limits(
        Limits(
            finish={
                **Limits().finish,
                "lift": TimeLimit(LimitKind.MINUTES, 60),
                "roof": TimeLimit(LimitKind.WORKING_DAYS, 5),
            }
        ),
        {"lift": "电梯", "roof": "屋面"},
    )
    repairs.add_order(OrderInput("2026-10-12 09:00", "lift", "困人", room="3-2-501"))
    shown = RepairSettingsDialog(None)
    shown.table.selectRow(shown.row_of("lift") or 0)
    assert shown.remove_button.isEnabled()
    shown.remove_category()
    assert shown.row_of("lift") is not None
    assert boxes.texts("warning")  # type: ignore[attr-defined]
    shown.table.selectRow(shown.row_of("roof") or 0)
    shown.remove_category()
    assert shown.row_of("roof") is None
    shown.table.selectRow(shown.row_of("water") or 0)
    assert not shown.remove_button.isEnabled()  # a built-in category stays
    shown.accept()
    assert [c.key for c in repairs.categories() if not c.builtin] == ["lift"]


# ---------------------------------------------------------------- the holiday table


def test_the_note_says_which_years_the_statutory_calendar_knows(dialog: RepairSettingsDialog) -> None:
    note = dialog.calendar_note.text()
    assert "2004" in note and "2026" in note
    assert note == present.calendar_note((2004, 2026), [])
    assert dialog.year.value() == 2027
    assert dialog.year_state.text() == present.year_text(2027, None, False)
    dialog.year.setValue(2026)
    assert not dialog.add_day_button.isEnabled()  # the statutory calendar knows it


def test_a_csv_for_2031_is_imported_and_an_order_in_2031_says_office_calendar(
    dialog: RepairSettingsDialog, tmp_path: Path, boxes: object
) -> None:
    before = repairs.add_order(
        OrderInput("2031-09-30 09:00", "in-home", "漏水", room="3-2-501"), confirmed={"received_in_future"}
    )
    assert before.calendar is CalendarSource.WEEKENDS_ONLY
    table = tmp_path / "2031年放假安排.csv"
    rows = ["日期,类型"]
    rows += [f"2031-10-0{day},休" for day in range(1, 8)]
    rows += ["2031-09-28,班", "2031-10-11,班"]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    years = dialog.import_file(table)
    assert [held.year for held in years] == [2031]
    assert [held.year for held in repairs.office_years()] == [2031]
    assert dialog.year.value() == 2031 and dialog.day_table.rowCount() == 9
    assert "2031" in dialog.calendar_note.text()
    assert boxes.texts("information")  # type: ignore[attr-defined]
    made = repairs.add_order(
        OrderInput("2031-09-30 09:00", "in-home", "漏水", room="3-2-501"), confirmed={"received_in_future"}
    )
    assert made.calendar is CalendarSource.OFFICE
    # Seven working days from 30 September skip the National Day week and count the working Saturday:
    # 8, 9, 10, 11 (Saturday, worked), 13, 14, 15 October; due at 24:00 of the 15th.
    assert made.finish_due == datetime(2031, 10, 16)


def test_a_bad_file_imports_nothing_and_says_which_row(
    dialog: RepairSettingsDialog, tmp_path: Path, boxes: object
) -> None:
    table = tmp_path / "bad.csv"
    table.write_text("日期,类型\n2031-10-01,休\n2031-10-02,也许\n", encoding="utf-8")
    assert dialog.import_file(table) == []
    assert repairs.office_years() == []
    warning = boxes.texts("warning")[-1]  # type: ignore[attr-defined]
    assert "bad.csv" in warning and "3" in warning


def test_days_are_added_and_removed_by_hand_and_a_day_of_another_year_is_refused(
    dialog: RepairSettingsDialog, boxes: object
) -> None:
    dialog.year.setValue(2030)
    dialog.day.setText("2031-01-01")
    assert not dialog.add_day()
    assert "2031-01-01" in error_of(dialog, "dayError")
    dialog.day.setText("2030-10-01")
    assert dialog.add_day()
    dialog.day.setText("2030-10-12")
    dialog.day_kind.setCurrentIndex(1)  # a working day
    assert dialog.add_day()
    assert repairs.office_years() == [Holidays(2030, (date(2030, 10, 1),), (date(2030, 10, 12),))]
    assert [dialog.day_table.item(row, 2).text() for row in range(2)] == [  # type: ignore[union-attr]
        translate("repair_register", "Holiday"),
        translate("repair_register", "Working day"),
    ]
    assert error_of(dialog, "dayError") == ""
    dialog.day_table.selectRow(0)
    dialog.remove_days()
    assert repairs.office_years() == [Holidays(2030, (), (date(2030, 10, 12),))]
    dialog.remove_year()
    assert repairs.office_years() == []
    assert dialog.year_state.text() == present.year_text(2030, None, False)


# ---------------------------------------------------------------- the clerk's review


def test_enter_in_the_day_adds_it_and_leaves_the_dialog_open(
    dialog: RepairSettingsDialog, qtbot: QtBot, app: QApplication
) -> None:
    qtbot.addWidget(dialog.dialog)
    dialog.dialog.show()
    dialog.tabs.setCurrentIndex(1)
    dialog.year.setValue(2030)
    qtbot.waitUntil(dialog.dialog.isActiveWindow)
    dialog.day.setFocus()
    dialog.day.setText("2030-10-01")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    assert repairs.office_years() == [Holidays(2030, (date(2030, 10, 1),), ())]
    assert dialog.dialog.isVisible() and dialog.dialog.result() == 0 and dialog.result is None  # not OK
    assert dialog.day.text() == "2030-" and dialog.day.hasFocus()  # ready for the next day
    qtbot.keyClick(dialog.day, Qt.Key.Key_Enter)  # "2030-" is no date: said, and still open
    assert dialog.dialog.isVisible() and error_of(dialog, "dayError") != ""
    dialog.year.setFocus()
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Return)
    assert dialog.dialog.isVisible()


def test_the_clerk_reads_category_names_and_only_the_office_s_own_keys(dialog: RepairSettingsDialog) -> None:
    header = dialog.table.horizontalHeaderItem(0)
    assert header is not None and header.text() == "类别"  # the name first
    last = dialog.table.horizontalHeaderItem(dialog.table.columnCount() - 1)
    assert dialog.table.columnCount() - 1 == KEY and last is not None and last.text() == "命令行代码"
    water = dialog.row_of("water") or 0
    assert dialog.cell(water, NAME).text() == "水路维修" and dialog.cell(water, KEY).text() == ""
    assert "water" in dialog.cell(water, NAME).toolTip()  # there, for the command line, when asked
    row = dialog.add_category()
    dialog.cell(row, NAME).setText("电梯困人")
    assert dialog.cell(row, KEY).text() == "diantikunren"  # the office's own: its key is shown, to be typed
