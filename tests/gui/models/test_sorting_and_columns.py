"""The households list's pinyin sort, empty cells last, phones without placeholders, the column chooser."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from estatedesk.domain.households import mask_phone_slots as phones_text
from estatedesk.gui.models.record_table_model import column_menu, set_up_table
from estatedesk.gui.models.room_table_model import (
    COL_OWNER_PHONES,
    COL_OWNERS,
    COL_TENANTS,
    RoomTableModel,
)
from estatedesk.services.households import RoomRow

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def row(room_id: int, owners: str, owner_phones: str = "", tenants: str = "") -> RoomRow:
    values = dict.fromkeys(RoomRow._fields, 0)
    values.update(
        id=room_id,
        code=f"1-1-{room_id}01",
        building="1",
        unit="1",
        number=f"{room_id}01",
        use="residential",
        occupancy="self_occupied",
        owners=owners,
        owner_phones=owner_phones,
        tenants=tenants,
        tenant_phones="",
        search="",
    )
    for field in RoomRow._fields:  # fields other engineers add are text unless said otherwise
        if values[field] == 0 and field not in (
            "area_centi",
            "hardship",
            "elderly_alone",
            "disabled",
            "developer",
            "archived",
        ):
            values[field] = ""
    return RoomRow(**values)


def owners_shown(model: RoomTableModel) -> list[str]:
    return [model.row_at(line).owners for line in range(model.rowCount())]


def test_owners_sort_by_pinyin_and_rooms_without_owners_come_last_both_ways(qapp: QApplication) -> None:
    model = RoomTableModel()
    model.set_rows(
        [row(1, "赵六"), row(2, ""), row(3, "Mary"), row(4, "安宁、李四"), row(5, "马丽"), row(6, "安宁")]
    )
    model.sort(COL_OWNERS, ASCENDING)
    assert owners_shown(model) == ["安宁", "安宁、李四", "马丽", "Mary", "赵六", ""]
    model.sort(COL_OWNERS, DESCENDING)
    assert owners_shown(model) == ["赵六", "Mary", "马丽", "安宁、李四", "安宁", ""]


def test_tenants_sort_by_pinyin_too(qapp: QApplication) -> None:
    model = RoomTableModel()
    model.set_rows([row(1, "", tenants="张三"), row(2, "", tenants=""), row(3, "", tenants="李四")])
    model.sort(COL_TENANTS, ASCENDING)
    assert [model.row_at(line).tenants for line in range(3)] == ["李四", "张三", ""]


def test_phones_show_only_those_there_are_masked() -> None:
    assert phones_text("13812345678、19512343962") == "138****5678、195****3962"
    assert phones_text("、19512343962") == "195****3962"
    assert phones_text("13812345678、") == "138****5678"
    assert phones_text("") == phones_text("、") == ""


def test_the_list_shows_no_placeholder_dash(qapp: QApplication) -> None:
    model = RoomTableModel()
    model.set_rows([row(1, "王玥、李喆", "、13900001111")])
    assert model.index(0, COL_OWNER_PHONES).data() == "139****1111"


def test_columns_can_be_hidden_from_the_header_and_the_choice_is_kept_with_the_layout(
    qapp: QApplication,
) -> None:
    model = RoomTableModel()
    view = QTableView()
    set_up_table(view, model)
    header = view.horizontalHeader()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    menu = column_menu(header, model)
    ticks = [action for action in menu.actions() if action.isCheckable()]
    assert [action.text() for action in ticks] == [spec.title for spec in model.columns]
    assert not ticks[0].isEnabled()  # the room code always stays
    ticks[COL_TENANTS].setChecked(False)
    assert header.isSectionHidden(COL_TENANTS)
    state = header.saveState()  # what Tab.save_layout keeps under the tab's settings key
    again = QTableView()
    set_up_table(again, RoomTableModel())
    again.horizontalHeader().restoreState(state)
    assert again.horizontalHeader().isSectionHidden(COL_TENANTS)
    reopened = column_menu(again.horizontalHeader(), again.model())  # type: ignore[arg-type]
    assert not [a for a in reopened.actions() if a.isCheckable()][COL_TENANTS].isChecked()
    show_all = reopened.actions()[-1]
    show_all.trigger()
    assert not again.horizontalHeader().isSectionHidden(COL_TENANTS)
