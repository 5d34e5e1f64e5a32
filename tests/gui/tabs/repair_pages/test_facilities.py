"""The facility register page (设备台账): its marks, add and change, a facility's orders, upkeep orders."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from estatedesk.domain.repairs import State
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.dialogs.facility_dialog import FacilityDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import FOREGROUND
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.tabs.repair_pages.facilities import BACKGROUND, CHECK_STATE, FacilitiesPage
from estatedesk.gui.tabs.repair_pages.orders import OrdersPage
from estatedesk.services import repairs
from estatedesk.services.repairs import OrderFilter
from helpers.repair_register_estate import NOW, Desk, desk_fixture  # noqa: F401 - the fixture


def cells(page: FacilitiesPage, key: str) -> list[str]:
    column = page.model.column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def cell(
    page: FacilitiesPage, name: str, key: str, role: int = int(Qt.ItemDataRole.DisplayRole.value)
) -> object:
    row = cells(page, "name").index(name)
    return page.model.index(row, page.model.column_index(key)).data(role)


def error_of(dialog: FormDialog, label: str) -> str:
    shown = find(dialog.dialog, QLabel, label)
    return shown.text() if not shown.isHidden() else ""


def test_the_register_marks_warranties_and_upkeep_that_need_acting_on(desk: Desk) -> None:
    page = desk.page(FacilitiesPage)
    assert cells(page, "name") == ["北门道闸", "1号生活水泵", "消防水泵", "监控录像机"]  # by location
    assert cell(page, "北门道闸", "warranty") == translate("repair_register", "{date} (ended)").format(
        date="2026-09-30"
    )
    assert cell(page, "北门道闸", "warranty", FOREGROUND).color().name() == present.RED
    assert "16" in str(cell(page, "1号生活水泵", "warranty"))  # 16 days left: ends soon
    assert cell(page, "1号生活水泵", "warranty", FOREGROUND).color().name() == present.AMBER
    assert cell(page, "监控录像机", "warranty") == "2030-01-01"
    assert cell(page, "监控录像机", "warranty", FOREGROUND) is None
    # The next upkeep within 30 days is highlighted; one past is red.
    assert cell(page, "1号生活水泵", "next") == translate(
        "repair_register", "{date} (in {days} days)"
    ).format(date="2026-10-20", days=5)
    assert cell(page, "1号生活水泵", "next", BACKGROUND).color().name() == present.AMBER_BACKGROUND
    assert cell(page, "消防水泵", "next", BACKGROUND).color().name() == present.RED_BACKGROUND
    assert "409" in str(cell(page, "消防水泵", "next"))
    assert cell(page, "北门道闸", "next") == "2026-12-01"
    assert cell(page, "北门道闸", "next", BACKGROUND) is None
    assert cell(page, "监控录像机", "cycle") == "" and cell(page, "消防水泵", "cycle") == present.cycle_text(
        repairs.facility(desk.facilities["消防水泵"])
    )
    assert cell(page, "消防水泵", "orders") == translate("repair_register", "{orders} ({open} open)").format(
        orders=1, open=1
    )  # done, not yet closed
    assert cell(page, "北门道闸", "orders") == "0"
    assert page.status_text() == present.register_status(repairs.list_facilities(), 2)


def test_the_chosen_facility_shows_its_orders_and_a_double_click_opens_one(desk: Desk) -> None:
    page = desk.page(FacilitiesPage)
    assert page.history_model.rowCount() == 0 and page.history_title.text()
    page.select_facility(desk.facilities["消防水泵"])
    assert [row.order_id for row in page.history_model.shown_rows()] == [desk.orders[3]]
    assert "消防水泵" in page.history_title.text()
    history = page.history_model
    state = history.index(0, history.column_index("state")).data()
    assert state == translate("repairs", "Done")
    assert history.index(0, history.column_index("category")).data() == desk.tab.category_names["common-part"]
    page.history_table.doubleClicked.emit(history.index(0, 0))
    assert isinstance(desk.tab.current_page(), OrdersPage)


def test_add_refuses_a_bad_date_next_to_its_field_then_adds(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.page(FacilitiesPage)
    dialog = FacilityDialog(page)
    dialog.name.setText("2号楼电梯")
    dialog.location.setText("2号楼")
    dialog.installed.setText("2019-13-01")
    dialog.warranty.setText("2018-01-01")
    dialog.upkeep.setText("0")
    dialog.accept()
    assert "2019-13-01" in error_of(dialog, "installedError")
    assert error_of(dialog, "nameError") == ""
    assert not dialog.dialog.result() and len(repairs.list_facilities()) == 4
    # The service's refusals land by their fields too: a warranty before installation, no cycle of 0.
    dialog.installed.setText("2019-09-01")
    dialog.accept()
    assert error_of(dialog, "installedError") == ""
    assert "2018-01-01" in error_of(dialog, "warrantyError")
    assert "0" in error_of(dialog, "upkeepError")
    assert len(repairs.list_facilities()) == 4

    def fill_and_accept(dialog: FacilityDialog) -> bool:
        dialog.name.setText("2号楼电梯")
        dialog.location.setText("2号楼")
        dialog.installed.setText("2019/9/1")
        dialog.warranty.setText("2031-08-31")
        dialog.upkeep.setText("1")
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(FacilityDialog, "exec", fill_and_accept)
    page.add_facility()
    added = next(view for view in repairs.list_facilities() if view.name == "2号楼电梯")
    assert page.selected_id() == added.facility_id
    assert cell(page, "2号楼电梯", "installed") == "2019-09-01"


def test_change_refuses_a_bad_date_next_to_its_field_then_saves(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.page(FacilitiesPage)
    page.select_facility(desk.facilities["北门道闸"])
    seen: list[str] = []

    def change(dialog: FacilityDialog) -> bool:
        assert dialog.name.text() == "北门道闸" and dialog.warranty.text() == "2026-09-30"
        dialog.warranty.setText("2027-02-30")
        dialog.accept()
        seen.append(error_of(dialog, "warrantyError"))
        dialog.warranty.setText("2027-11-30")
        dialog.upkeep.setText("6")
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(FacilityDialog, "exec", change)
    page.edit_facility()
    assert seen and "2027-02-30" in seen[0]
    view = repairs.facility(desk.facilities["北门道闸"])
    assert (view.warranty_until.isoformat(), view.upkeep_months) == ("2027-11-30", 6)  # type: ignore[union-attr]
    assert page.selected_id() == desk.facilities["北门道闸"]
    assert cell(page, "北门道闸", "warranty") == "2027-11-30"


def test_archive_asks_then_takes_the_facility_out(desk: Desk, boxes: object) -> None:
    page = desk.page(FacilitiesPage)
    page.select_facility(desk.facilities["监控录像机"])
    page.archive_facility()
    assert "监控录像机" not in cells(page, "name")
    assert repairs.facility(desk.facilities["监控录像机"]).name == "监控录像机"  # kept for its orders


def test_upkeep_due_becomes_orders_in_one_click(desk: Desk, boxes: object) -> None:
    page = desk.page(FacilitiesPage)
    due = [view.name for view in page.due_model.shown_rows()]
    assert due == ["1号生活水泵", "消防水泵"]
    assert page.order_button.isEnabled()
    assert page.order_button.text() == present.upkeep_button_text(2, 0)
    page.order_button.click()
    made = repairs.list_orders(OrderFilter(received_from=NOW.date()))
    assert sorted(row.place for row in made) == sorted(["1号生活水泵 地下泵房", "消防水泵 地下泵房"])
    assert all(row.state is State.RECEIVED and row.received == NOW for row in made)
    assert boxes.texts("information") == [present.upkeep_made_text(2)]  # type: ignore[attr-defined]
    assert page.due_model.rowCount() == 0 and not page.order_button.isEnabled()
    assert cell(page, "消防水泵", "orders") == present.orders_text(
        repairs.facility(desk.facilities["消防水泵"])
    )


def test_only_the_ticked_upkeep_becomes_orders(desk: Desk, boxes: object) -> None:
    page = desk.page(FacilitiesPage)
    pump = desk.facilities["消防水泵"]
    line = page.due_model.row_of(pump)
    assert line is not None
    assert page.due_model.setData(page.due_model.index(line, 0), Qt.CheckState.Checked.value, CHECK_STATE)
    assert page.order_button.text() == present.upkeep_button_text(2, 1)
    page.order_upkeep()
    assert [view.name for view in page.due_model.shown_rows()] == ["1号生活水泵"]
    made = repairs.list_orders(OrderFilter(received_from=NOW.date()))
    assert [(row.place, row.received) for row in made] == [("消防水泵 地下泵房", NOW)]
    assert repairs.list_orders(OrderFilter(facility_id=desk.facilities["1号生活水泵"])) == []


def test_a_read_only_file_allows_looking_only(desk: Desk) -> None:
    page = desk.page(FacilitiesPage)
    desk.tab.read_only = True
    page.select_facility(desk.facilities["消防水泵"])
    page.update_actions()
    for button in (
        page.add_button,
        page.edit_button,
        page.archive_button,
        page.order_button,
        page.settings_button,
    ):
        assert not button.isEnabled()
    assert page.history_model.rowCount() == 1  # looking still works


def test_the_last_upkeep_from_the_paper_ledger_is_entered_and_shown_again(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.page(FacilitiesPage)
    pump = desk.facilities["消防水泵"]  # installed 2024-09-01, every 12 months: 409 days late
    assert "409" in str(cell(page, "消防水泵", "next"))
    page.select_facility(pump)
    seen: list[str] = []

    def enter(dialog: FacilityDialog) -> bool:
        seen.append(dialog.last_upkeep.text())
        assert dialog.last_upkeep.isVisibleTo(dialog.dialog)
        dialog.last_upkeep.setText("2024-08-01")  # before it was installed: refused by the field
        dialog.accept()
        seen.append(error_of(dialog, "lastUpkeepError"))
        dialog.last_upkeep.setText("2026-09-20")  # 上次保养, from the paper ledger
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(FacilityDialog, "exec", enter)
    page.edit_facility()
    assert seen[0] == "" and "2024-08-01" in seen[1]
    view = repairs.facility(pump)
    assert view.recorded_last_upkeep == date(2026, 9, 20) and view.next_upkeep == date(2027, 9, 20)
    assert cell(page, "消防水泵", "next") == "2027-09-20"  # no longer hundreds of days late
    shown = FacilityDialog(page, view)
    assert shown.last_upkeep.text() == "2026-09-20"  # what was entered, to be corrected
