"""The cleaning schedule tab (保洁排班): its areas and tasks page, its team and leave page, their dialogs.

The estate: three units' stairwells made by the households file (1号楼1单元, 1号楼2单元, 2号楼1单元),
two common areas (主干道, 1号垃圾点) and two cleaners (王玥 off on Sunday, 李喆 off on Saturday);
no task until a test adds them. The tab's calendar stands at ``TODAY``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from estatedesk.domain.cleaning import AreaKind, Frequency, FrequencyKind
from estatedesk.gui import main_window
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.dialogs.cleaner_dialog import CleanerDialog
from estatedesk.gui.dialogs.cleaning_area_dialog import CleaningAreaDialog
from estatedesk.gui.dialogs.cleaning_task_dialog import CleaningTaskDialog
from estatedesk.gui.dialogs.leave_dialog import LeaveDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.presenters import cleaning as present
from estatedesk.gui.tabs.cleaning import CleaningTab
from estatedesk.gui.tabs.cleaning_pages.areas import AreasPage
from estatedesk.gui.tabs.cleaning_pages.inspections import InspectionsPage
from estatedesk.gui.tabs.cleaning_pages.rota import RotaPage
from estatedesk.gui.tabs.cleaning_pages.team import TeamPage
from estatedesk.services import cleaning, households
from estatedesk.services.cleaning import CleanerInput
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store.db import create_estate
from helpers.desk_window import open_on_tab

TODAY = date(2026, 11, 20)
STAIRWELLS = ["1号楼1单元楼道", "1号楼2单元楼道", "2号楼1单元楼道"]


@dataclass
class Desk:
    """The window open on the cleaning tab, with the areas' and cleaners' ids by name."""

    window: MainWindow
    tab: CleaningTab
    areas: dict[str, int]
    cleaners: dict[str, int]

    def areas_page(self) -> AreasPage:
        page = self.tab.show_page(AreasPage)
        assert isinstance(page, AreasPage)
        return page

    def team_page(self) -> TeamPage:
        page = self.tab.show_page(TeamPage)
        assert isinstance(page, TeamPage)
        return page


def write_estate(path: Path) -> None:
    """The estate of this module's docstring, at ``path`` (closed afterwards)."""
    made = create_estate(path, "幸福里小区")
    try:
        for building, unit in (("1", "1"), ("1", "2"), ("2", "1")):
            households.create_room(
                RoomInput(building, unit, "101", "89.5", owners=[PersonInput("张堃", "13800138000")])
            )
        cleaning.add_area(AreaKind.ROAD, "主干道")
        cleaning.add_area(AreaKind.GARBAGE, "1号垃圾点")
        cleaning.add_cleaner(CleanerInput("王玥", "13800001111", "sun", "480"))
        cleaning.add_cleaner(CleanerInput("李喆", "", "sat", "420"))
    finally:
        made.close()


@pytest.fixture
def desk(app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object) -> Iterator[Desk]:
    """The estate open in the window, the cleaning tab on screen."""
    path = tmp_path / "cleaning.sqlite3"
    write_estate(path)

    def stop_clock(tab: CleaningTab) -> None:
        tab.clock = lambda: TODAY

    window, tab = open_on_tab(qtbot, path, CleaningTab, stop_clock)
    areas = {area.name: area.area_id for area in cleaning.list_areas()}
    cleaners = {cleaner.name: cleaner.cleaner_id for cleaner in cleaning.list_cleaners()}
    yield Desk(window, tab, areas, cleaners)
    window.close()


def cells(model: object, key: str) -> list[str]:
    column = model.column_index(key)  # type: ignore[attr-defined]
    return [model.index(row, column).data() for row in range(model.rowCount())]  # type: ignore[attr-defined]


def error_of(dialog: FormDialog, label: str) -> str:
    shown = find(dialog.dialog, QLabel, label)
    return shown.text() if not shown.isHidden() else ""


def answer_with(fill: object) -> object:
    """An ``exec`` for a dialog class: ``fill(dialog)`` types and presses OK; True if it closed accepted."""

    def run(dialog: FormDialog) -> bool:
        fill(dialog)  # type: ignore[operator]
        return bool(dialog.dialog.result())

    return run


# ---------------------------------------------------------------- the tab


def test_the_tab_is_the_fourth_with_its_pages(desk: Desk) -> None:
    titles = [spec.title for spec in main_window.TABS]
    assert titles.index("Cleaning schedule") == 3 and titles[2] == "Fee ledger"
    spec = main_window.TABS[3]
    assert (spec.icon, spec.class_name) == ("fa5s.broom", "CleaningTab")
    assert desk.window.tabs.tabText(3) == translate("tabs", "Cleaning schedule")
    assert [type(page) for page in desk.tab.pages] == [AreasPage, TeamPage, RotaPage, InspectionsPage]
    assert [desk.tab.page_list.item(row).text() for row in range(2)] == [
        translate("cleaning", "Areas and tasks"),
        translate("cleaning", "Cleaners and leave"),
    ]
    assert desk.tab.today() == TODAY


def test_new_rooms_make_their_stairwell_appear_at_once(desk: Desk) -> None:
    page = desk.areas_page()
    households.create_room(RoomInput("3", "1", "101", "70"))
    assert "3号楼1单元楼道" in cells(page.model, "name")
    assert cells(page.model, "name")[:4] == [*STAIRWELLS, "3号楼1单元楼道"]  # stairwells by building first


# ---------------------------------------------------------------- 区域与任务


def test_the_areas_show_stairwells_first_with_kind_and_responsible(desk: Desk) -> None:
    page = desk.areas_page()
    assert cells(page.model, "name") == [*STAIRWELLS, "1号垃圾点", "主干道"]
    assert cells(page.model, "kind")[0] == present.area_kind_text(AreaKind.STAIRWELL)
    assert cells(page.model, "kind")[3:] == [
        present.area_kind_text(AreaKind.GARBAGE),
        present.area_kind_text(AreaKind.ROAD),
    ]
    assert set(cells(page.model, "responsible")) == {translate("cleaning", "(none)")}
    assert set(cells(page.model, "tasks")) == {""}
    assert page.status_text() == present.areas_status(cleaning.list_areas())


def test_an_estate_without_tasks_is_offered_the_default_tasks_in_one_click(desk: Desk, boxes: object) -> None:
    page = desk.areas_page()
    assert page.banner.isVisibleTo(page)
    assert "5" in page.banner_text.text()  # the five areas
    page.defaults_all_button.click()
    assert not page.banner.isVisibleTo(page)
    tasks = cleaning.list_tasks()
    assert len(tasks) == 3 * 3 + 1 + 2  # three per stairwell, the road's sweeping, the garbage point's two
    assert boxes.texts("information")[-1] == page.tr(  # type: ignore[attr-defined]
        "{count} tasks added. Change any of them with “Change task…”."
    ).format(count=12)
    assert cells(page.model, "tasks") == ["3", "3", "3", "2", "1"]
    page.select_area(desk.areas["1号楼1单元楼道"])
    assert cells(page.task_model, "what") == ["清扫楼道及门厅", "拖洗楼道", "擦拭扶手"]
    _daily, weekly, twice = cleaning.list_tasks(desk.areas["1号楼1单元楼道"])
    assert cells(page.task_model, "every") == [
        present.frequency_text(Frequency(FrequencyKind.DAILY)),
        present.task_frequency_text(weekly),
        present.task_frequency_text(twice),
    ]
    # Counted from the day they were added (a Friday): twice a week on Friday and Monday.
    assert twice.starts_on == TODAY and present.weekdays_text([4, 0]) in cells(page.task_model, "every")[2]
    assert cells(page.task_model, "from") == ["", "", ""]  # every month's rota, no first day
    assert present.minutes_text(20) in cells(page.task_model, "minutes")


def test_an_area_without_tasks_gets_the_defaults_of_its_kind(desk: Desk, boxes: object) -> None:
    cleaning.add_task(cleaning.TaskInput(desk.areas["主干道"], "清扫", "day", "30"))
    page = desk.areas_page()
    assert not page.banner.isVisibleTo(page)  # the estate has a task: no banner
    page.select_area(desk.areas["主干道"])
    assert not page.defaults_area_button.isVisibleTo(page)
    page.select_area(desk.areas["1号垃圾点"])
    assert page.defaults_area_button.isVisibleTo(page) and page.defaults_area_button.isEnabled()
    page.defaults_area_button.click()
    assert [task.what for task in cleaning.list_tasks(desk.areas["1号垃圾点"])] == [
        "清运垃圾桶",
        "清洗垃圾桶及消毒",
    ]
    assert cleaning.list_tasks(desk.areas["1号楼1单元楼道"]) == []  # only the area selected
    assert page.selected_ids() == [desk.areas["1号垃圾点"]]
    assert page.task_model.rowCount() == 2


def test_adding_a_common_area_refuses_by_field_then_adds_and_selects_it(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.areas_page()
    seen: list[str] = []

    def fill(dialog: CleaningAreaDialog) -> None:
        kinds = [AreaKind(dialog.kind.itemData(index)) for index in range(dialog.kind.count())]
        assert kinds == list(present.COMMON_KINDS) and AreaKind.STAIRWELL not in kinds
        dialog.accept()
        seen.append(error_of(dialog, "nameError"))  # no name
        dialog.name.setText("主干道")
        dialog.accept()
        seen.append(error_of(dialog, "nameError"))  # taken
        dialog.kind.setCurrentIndex(present.COMMON_KINDS.index(AreaKind.GREEN))
        assert dialog.name.placeholderText() == present.area_name_hint(AreaKind.GREEN)
        dialog.name.setText("中心绿化带")
        dialog.accept()

    monkeypatch.setattr(CleaningAreaDialog, "exec", answer_with(fill))
    page.add_area()
    assert seen[0] and "主干道" in seen[1]
    added = cleaning.area_by_name("中心绿化带")
    assert added.kind is AreaKind.GREEN
    assert page.selected_ids() == [added.area_id]
    assert present.tasks_title(added) == page.tasks_title.text()


def test_a_stairwell_is_renamed_but_stays_a_stairwell(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    page = desk.areas_page()
    page.select_area(desk.areas["2号楼1单元楼道"])

    def fill(dialog: CleaningAreaDialog) -> None:
        assert not dialog.kind.isEnabled() and dialog.chosen_kind() is AreaKind.STAIRWELL
        assert dialog.name.text() == "2号楼1单元楼道"
        dialog.name.setText("2号楼楼道及门厅")
        dialog.accept()

    monkeypatch.setattr(CleaningAreaDialog, "exec", answer_with(fill))
    page.rename_area()
    assert cleaning.area(desk.areas["2号楼1单元楼道"]).name == "2号楼楼道及门厅"
    assert "2号楼楼道及门厅" in cells(page.model, "name")
    assert page.selected_ids() == [desk.areas["2号楼1单元楼道"]]


def test_removing_an_area_asks_then_takes_it_out(desk: Desk, boxes: object) -> None:
    page = desk.areas_page()
    page.select_area(desk.areas["1号垃圾点"])
    page.remove_area()
    assert "1号垃圾点" in boxes.texts("question")[-1]  # type: ignore[attr-defined]
    assert "1号垃圾点" not in cells(page.model, "name")


def test_the_task_dialog_refuses_by_field_and_says_a_short_month_takes_its_last_day(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.areas_page()
    page.select_area(desk.areas["主干道"])
    seen: dict[str, str] = {}

    def fill(dialog: CleaningTaskDialog) -> None:
        assert dialog.what.itemText(0) == "清扫道路及广场"  # the road's default first, then the usual works
        assert dialog.starts.text() == "" and TODAY.isoformat() in dialog.starts.placeholderText()
        dialog.what.setEditText("检查雨污水井")
        dialog.minutes.setText("0")
        dialog.kind.setCurrentIndex(present.FREQUENCY_KINDS.index(FrequencyKind.WEEKDAYS))
        assert dialog.weekdays_row.isVisibleTo(dialog.dialog) and not dialog.count.isVisibleTo(dialog.dialog)
        dialog.accept()
        seen["minutes"] = error_of(dialog, "minutesError")
        seen["weekdays"] = error_of(dialog, "everyError")
        dialog.minutes.setText("30")
        dialog.kind.setCurrentIndex(present.FREQUENCY_KINDS.index(FrequencyKind.MONTHLY))
        assert dialog.day_row.isVisibleTo(dialog.dialog) and dialog.day_note.text() == ""
        dialog.day.setValue(31)
        seen["note"] = dialog.day_note.text()
        seen["spec"] = dialog.spec.text()
        seen["week"] = dialog.week.text()
        dialog.starts.setText("2026-13-01")
        dialog.accept()
        seen["starts"] = error_of(dialog, "startsError")
        dialog.starts.setText("2026-12-01")
        dialog.accept()

    monkeypatch.setattr(CleaningTaskDialog, "exec", answer_with(fill))
    page.add_task()
    assert "0" in seen["minutes"]
    assert seen["weekdays"] == translate("messages", "tick the weekdays the task comes on")
    assert seen["note"] == present.last_day_note()
    assert "month:31" in seen["spec"] and present.last_day_note() in seen["spec"]
    assert seen["week"]  # about 7 minutes a week
    assert "2026-13-01" in seen["starts"]
    (task,) = cleaning.list_tasks(desk.areas["主干道"])
    assert task.only_from_start and cells(page.task_model, "from") == ["2026-12-01"]
    assert (task.what, task.every, task.minutes, task.starts_on) == (
        "检查雨污水井",
        "month:31",
        30,
        date(2026, 12, 1),
    )
    assert page.selected_task_id() == task.task_id
    assert cells(page.task_model, "every") == [present.frequency_text(task.frequency)]
    assert present.last_day_note() in cells(page.task_model, "every")[0]


def test_changing_a_task_shows_what_it_is_and_saves_the_change(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = desk.areas["主干道"]
    task_id = cleaning.add_task(cleaning.TaskInput(area, "清扫", "2/day", "40", "2026-11-01"))
    page = desk.areas_page()
    page.select_area(area)
    page.select_task(task_id)
    assert page.edit_task_button.isEnabled()

    def fill(dialog: CleaningTaskDialog) -> None:
        assert dialog.what.currentText() == "清扫" and dialog.minutes.text() == "40"
        assert dialog.chosen_kind() is FrequencyKind.PER_DAY and dialog.count.value() == 2
        assert dialog.spec_text() == "2/day"
        dialog.count.setValue(3)
        dialog.minutes.setText("35")
        dialog.accept()

    monkeypatch.setattr(CleaningTaskDialog, "exec", answer_with(fill))
    page.edit_task()
    changed = cleaning.task(task_id)
    assert (changed.every, changed.minutes, changed.starts_on) == ("3/day", 35, date(2026, 11, 1))
    assert changed.only_from_start  # the first day it was given stays
    assert cells(page.task_model, "every") == [present.frequency_text(changed.frequency)]


def test_a_task_of_every_month_keeps_counting_from_where_it_did(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = desk.areas["主干道"]
    task_id = cleaning.add_task(cleaning.TaskInput(area, "冲洗路面", "3days", "40"), today=date(2026, 11, 2))
    page = desk.areas_page()
    page.select_area(area)
    page.select_task(task_id)
    assert cells(page.task_model, "from") == [present.start_text(cleaning.task(task_id))]
    assert "2026-11-02" in cells(page.task_model, "from")[0]

    def fill(dialog: CleaningTaskDialog) -> None:
        assert dialog.starts.text() == "" and "2026-11-02" in dialog.starts.placeholderText()
        dialog.minutes.setText("45")
        dialog.accept()

    monkeypatch.setattr(CleaningTaskDialog, "exec", answer_with(fill))
    page.edit_task()
    changed = cleaning.task(task_id)
    assert (changed.minutes, changed.starts_on, changed.only_from_start) == (45, date(2026, 11, 2), False)


def test_every_frequency_kind_round_trips_through_the_dialog(desk: Desk) -> None:
    page = desk.areas_page()
    area = cleaning.area(desk.areas["主干道"])
    for spec in ("2/day", "day", "mon,thu", "2/week", "3days", "month:15", "2months", "year"):
        task_id = cleaning.add_task(cleaning.TaskInput(area.area_id, "清扫", spec, "10", "2026-11-01"))
        dialog = CleaningTaskDialog(page, area, cleaning.task(task_id))
        assert dialog.spec_text() == spec
        assert dialog.validate() == []


def test_stopping_a_task_asks_then_stops_it(desk: Desk, boxes: object) -> None:
    area = desk.areas["主干道"]
    task_id = cleaning.add_task(cleaning.TaskInput(area, "清扫", "day", "30"))
    page = desk.areas_page()
    page.select_area(area)
    page.select_task(task_id)
    page.remove_task()
    assert "清扫" in boxes.texts("question")[-1]  # type: ignore[attr-defined]
    assert cleaning.list_tasks(area) == [] and page.task_model.rowCount() == 0


def test_one_cleaner_is_named_responsible_for_several_areas_in_one_go(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.areas_page()
    chosen = [desk.areas[name] for name in STAIRWELLS]
    page.select_areas(chosen)
    assert page.responsible_button.isEnabled() and not page.rename_area_button.isEnabled()
    assert page.task_model.rowCount() == 0 and "3" in page.tasks_title.text()
    page._fill_responsible_menu()
    names = [action.text() for action in page.responsible_menu.actions() if action.text()]
    assert names == ["李喆", "王玥", translate("AreasPage", "Nobody")]  # in pinyin order
    reads: list[int] = []
    real_read = page.read
    monkeypatch.setattr(page, "read", lambda: (reads.append(1), real_read())[1])
    page.assign(desk.cleaners["王玥"])
    assert len(reads) <= 2  # once after every area is changed, not once per area
    assert [cleaning.area(area_id).responsible for area_id in chosen] == ["王玥"] * 3
    assert sorted(page.selected_ids()) == sorted(chosen)
    assert cells(page.model, "responsible")[:3] == ["王玥"] * 3
    page._fill_responsible_menu()
    checked = [action.text() for action in page.responsible_menu.actions() if action.isChecked()]
    assert checked == [translate("AreasPage", "{name} ({count} areas)").format(name="王玥", count=3)]
    page.assign(None)
    assert [cleaning.area(area_id).responsible_id for area_id in chosen] == [None] * 3


# ---------------------------------------------------------------- 保洁员与请假


def test_the_team_shows_pattern_areas_and_leave_ahead(desk: Desk) -> None:
    cleaning.set_responsible(desk.areas["1号楼1单元楼道"], desk.cleaners["王玥"])
    cleaning.set_responsible(desk.areas["1号楼2单元楼道"], desk.cleaners["王玥"])
    cleaning.set_responsible(desk.areas["主干道"], desk.cleaners["王玥"])
    cleaning.add_leave(desk.cleaners["王玥"], "2026-11-18", "2026-11-22", "年假")
    cleaning.add_leave(desk.cleaners["王玥"], "2026-12-20", "2026-12-24")
    cleaning.add_leave(desk.cleaners["李喆"], "2026-10-01", "2026-10-03")  # past: not ahead
    page = desk.team_page()
    assert cells(page.model, "name") == ["李喆", "王玥"]
    assert cells(page.model, "off") == [present.weekday_text(5), present.weekday_text(6)]
    assert cells(page.model, "minutes") == [present.minutes_text(420), present.minutes_text(480)]
    areas = cells(page.model, "areas")[1]
    assert areas.startswith("1号楼1单元楼道、1号楼2单元楼道") and "3" in areas
    leave = cells(page.model, "leave")
    assert leave[0] == ""
    assert leave[1].startswith(translate("cleaning", "on leave until {last}").format(last="2026-11-22"))
    assert "2026-12-20" in leave[1]
    assert page.status_text() == present.team_status(cleaning.list_cleaners(), TODAY)
    page.select_cleaner(desk.cleaners["王玥"])
    assert cells(page.leave_model, "from") == ["2026-12-20", "2026-11-18"]
    assert cells(page.leave_model, "days") == ["5", "5"]
    assert cells(page.leave_model, "note") == ["", "年假"]


def test_the_cleaner_dialog_refuses_by_field_then_adds(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    page = desk.team_page()
    seen: dict[str, str] = {}

    def fill(dialog: CleanerDialog) -> None:
        assert dialog.minutes.text() == "480" and dialog.off_text() == "sun"
        dialog.name.setText("王玥")
        dialog.minutes.setText("0")
        for box in dialog.off:
            box.setChecked(True)
        dialog.accept()
        seen["off"] = error_of(dialog, "offError")
        seen["minutes"] = error_of(dialog, "minutesError")
        for box in dialog.off:
            box.setChecked(False)
        dialog.off[2].setChecked(True)
        dialog.minutes.setText("360")
        dialog.accept()
        seen["name"] = error_of(dialog, "nameError")
        seen["off after"] = error_of(dialog, "offError")
        dialog.name.setText("张堃")
        dialog.phone.setText("139 1234 5678")
        dialog.accept()

    monkeypatch.setattr(CleanerDialog, "exec", answer_with(fill))
    page.add_cleaner()
    assert seen["off"] == translate("messages", "a cleaner needs at least one working day a week")
    assert "0" in seen["minutes"]
    assert "王玥" in seen["name"] and seen["off after"] == ""
    added = cleaning.cleaner_by_name("张堃")
    assert (added.days_off, added.minutes_per_day, added.phone) == (frozenset({2}), 360, "13912345678")
    assert page.selected_id() == added.cleaner_id


def test_a_cleaner_still_responsible_is_refused_beside_their_name(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleaning.set_responsible(desk.areas["主干道"], desk.cleaners["李喆"])
    cleaning.set_responsible(desk.areas["1号垃圾点"], desk.cleaners["李喆"])
    page = desk.team_page()
    page.select_cleaner(desk.cleaners["李喆"])
    seen: list[str] = []

    def fill(dialog: CleanerDialog) -> None:
        assert dialog.removing and dialog.name.isReadOnly() and dialog.removal_note.isVisibleTo(dialog.dialog)
        dialog.accept()
        seen.append(error_of(dialog, "nameError"))

    monkeypatch.setattr(CleanerDialog, "exec", answer_with(fill))
    page.remove_cleaner()
    assert "主干道" in seen[0] and "1号垃圾点" in seen[0]
    assert "李喆" in cells(page.model, "name")
    cleaning.set_responsible(desk.areas["主干道"], None)
    cleaning.set_responsible(desk.areas["1号垃圾点"], desk.cleaners["王玥"])
    page.select_cleaner(desk.cleaners["李喆"])
    page.remove_cleaner()
    assert seen[1] == "" and cells(page.model, "name") == ["王玥"]


def test_leave_ending_before_it_starts_is_refused_beside_to(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.team_page()
    page.select_cleaner(desk.cleaners["王玥"])
    seen: list[str] = []

    def fill(dialog: LeaveDialog) -> None:
        assert dialog.first.text() == TODAY.isoformat() == dialog.last.text()
        dialog.first.setText("2026-12-10")
        dialog.last.setText("2026-12-03")
        dialog.accept()
        seen.extend([error_of(dialog, "toError"), error_of(dialog, "fromError"), dialog.days.text()])
        dialog.last.setText("2026-12-12")
        seen.append(dialog.days.text())
        dialog.note.setPlainText("事假")
        dialog.accept()

    monkeypatch.setattr(LeaveDialog, "exec", answer_with(fill))
    page.add_leave()
    assert "2026-12-03" in seen[0] and "2026-12-10" in seen[0] and seen[1] == ""
    assert seen[2] == "" and "3" in seen[3]
    (leave,) = cleaning.cleaner(desk.cleaners["王玥"]).leave
    assert (leave.first, leave.last, leave.note) == (date(2026, 12, 10), date(2026, 12, 12), "事假")
    assert page.selected_leave_id() == leave.leave_id
    assert page.leave_title.text() == present.leave_title(cleaning.cleaner(desk.cleaners["王玥"]))


def test_leave_over_an_accepted_rota_says_so_and_offers_that_month(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    cleaning.add_default_tasks(today=TODAY)
    for area_id in desk.areas.values():
        cleaning.set_responsible(area_id, desk.cleaners["王玥"])
    cleaning.accept_rota("2026-12")
    page = desk.team_page()
    page.select_cleaner(desk.cleaners["王玥"])

    def fill(dialog: LeaveDialog) -> None:
        dialog.first.setText("2026-12-07")
        dialog.last.setText("2026-12-08")
        dialog.accept()

    monkeypatch.setattr(LeaveDialog, "exec", answer_with(fill))
    page.add_leave()
    asked = boxes.texts("question")[-1]  # type: ignore[attr-defined]
    assert "王玥" in asked and "2026-12" in asked
    rota = desk.tab.current_page()
    assert isinstance(rota, RotaPage)
    assert rota.month_combo.currentData() == "2026-12"
    assert cleaning.rota("2026-12").stale  # the re-plan waits there to be accepted
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    desk.team_page()

    def more(dialog: LeaveDialog) -> None:
        dialog.first.setText("2026-12-14")
        dialog.last.setText("2026-12-14")
        dialog.accept()

    monkeypatch.setattr(LeaveDialog, "exec", answer_with(more))
    page.add_leave()
    assert desk.tab.current_page() is page  # not shown when the clerk says no


def test_taking_back_leave_asks_then_removes_it(desk: Desk, boxes: object) -> None:
    added = cleaning.add_leave(desk.cleaners["李喆"], "2026-12-01", "2026-12-02")
    page = desk.team_page()
    page.select_cleaner(desk.cleaners["李喆"])
    page.select_leave(added.leave_id)
    assert page.remove_leave_button.isEnabled()
    page.remove_leave()
    assert "2026-12-01" in boxes.texts("question")[-1]  # type: ignore[attr-defined]
    assert cleaning.cleaner(desk.cleaners["李喆"]).leave == () and page.leave_model.rowCount() == 0


def test_a_read_only_file_allows_looking_only(desk: Desk) -> None:
    areas, team = desk.areas_page(), desk.team_page()
    desk.tab.read_only = True
    areas.select_area(desk.areas["主干道"])
    team.select_cleaner(desk.cleaners["王玥"])
    desk.tab.update_actions()
    for button in (
        areas.add_area_button,
        areas.rename_area_button,
        areas.remove_area_button,
        areas.responsible_button,
        areas.add_task_button,
        areas.defaults_all_button,
        team.add_button,
        team.edit_button,
        team.remove_button,
        team.add_leave_button,
    ):
        assert not button.isEnabled(), button.objectName()
    assert team.leave_title.text()  # looking still works
