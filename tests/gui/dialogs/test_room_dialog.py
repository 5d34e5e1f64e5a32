"""The room dialog (gui/dialogs/room_dialog.py): validation next to each field, saving through the service."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QHBoxLayout, QMessageBox, QTableWidgetItem

from estatedesk.domain.households import Flag, Occupancy, ResidentRole
from estatedesk.gui.dialogs.room_dialog import OWNER_COLUMNS, RESIDENT_COLUMNS, RoomDialog
from estatedesk.services import households
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.store.db import EstateFile

VALID_ID = "11010519491231002X"


def fill(
    dialog: RoomDialog, building: str = "3", unit: str = "2", number: str = "501", area: str = "89.50"
) -> None:
    dialog.edits["building"].setText(building)
    dialog.edits["unit"].setText(unit)
    dialog.edits["number"].setText(number)
    dialog.edits["area"].setText(area)


def set_owner(
    dialog: RoomDialog, row: int, name: str, phone: str = "", id_number: str = "", landline: str = ""
) -> None:
    while dialog.owners.rowCount() <= row:
        dialog.add_owner(PersonInput(""))
    cells = {"name": name, "phone": phone, "id_number": id_number, "landline": landline}
    for key, text in cells.items():
        dialog.owners.setItem(row, OWNER_COLUMNS.index(key), QTableWidgetItem(text))


def set_state(dialog: RoomDialog, occupancy: Occupancy) -> None:
    dialog.state.setCurrentIndex(dialog.state.findData(occupancy.value))


def test_saves_a_new_room_with_co_owners_and_a_tenant(
    app: QApplication, estate: EstateFile, boxes: Any
) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    set_owner(dialog, 0, "王玥", "138 1234 5678")
    set_owner(dialog, 1, "李喆", "", VALID_ID)
    dialog.add_resident(ResidentInput("张堃", "13900001111", role=ResidentRole.TENANT))
    set_state(dialog, Occupancy.RENTED)
    dialog.flag_checks[Flag.ELDERLY_ALONE].setChecked(True)
    dialog.edits["parking"].setText("P-001，P-002")
    dialog.accept()
    # The parking spaces are new to the estate: made once the clerk says yes.
    (question,) = boxes.texts("question")
    assert "P-001" in question and "P-002" in question
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    detail = households.room_detail(int(dialog.result))
    assert detail.code == "3-2-501"
    assert detail.area_centi == 8950
    assert [(o.name, o.phone, o.id_number) for o in detail.owners] == [
        ("王玥", "13812345678", None),
        ("李喆", None, VALID_ID),
    ]
    assert [(r.name, r.role) for r in detail.residents] == [("张堃", ResidentRole.TENANT)]
    assert detail.flags == frozenset({Flag.ELDERLY_ALONE})
    assert detail.parking == ("P-001", "P-002")


def test_bad_values_are_shown_next_to_their_fields_in_chinese_and_nothing_is_written(
    app: QApplication, estate: EstateFile
) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog, area="0")
    set_owner(dialog, 0, "王玥", "2381234567", "110105194912310021")
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors["area"].isVisibleTo(dialog.dialog)
    assert "面积" in dialog.errors["area"].text()
    assert not dialog.errors["number"].isVisibleTo(dialog.dialog)
    owner_errors = dialog.owners_error.text()
    assert "手机号" in owner_errors and "校验" in owner_errors
    assert dialog.owners.item(0, 1).toolTip() != ""
    assert households.list_rooms() == []


def test_a_duplicate_room_code_is_refused_before_saving(app: QApplication, estate: EstateFile) -> None:
    households.create_room(RoomInput("3", "2", "501", "70"))
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert "3-2-501" in dialog.errors["number"].text()
    assert len(households.list_rooms()) == 1


def test_a_field_is_checked_when_the_clerk_leaves_it(app: QApplication, estate: EstateFile) -> None:
    dialog = RoomDialog(None, households.create_room)
    dialog.edits["area"].setText("12000")
    dialog.edits["area"].editingFinished.emit()
    assert dialog.errors["area"].isVisibleTo(dialog.dialog)
    # Untouched fields stay quiet until the clerk saves.
    assert not dialog.errors["number"].isVisibleTo(dialog.dialog)
    dialog.edits["area"].setText("120")
    dialog.edits["area"].textEdited.emit("120")
    assert not dialog.errors["area"].isVisibleTo(dialog.dialog)


def test_editing_shows_the_room_and_saves_changes(app: QApplication, estate: EstateFile) -> None:
    room_id = households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            occupancy=Occupancy.RENTED,
            owners=[PersonInput("王玥", "13812345678")],
            residents=[ResidentInput("张堃", "13900001111")],
        )
    )
    detail = households.room_detail(room_id)
    dialog = RoomDialog(
        None, lambda data, confirmed: households.update_room(room_id, data, confirmed), detail
    )
    assert dialog.edits["area"].text() == "89.50"
    assert dialog.owners.item(0, 0).text() == "王玥"
    assert dialog.residents.item(0, 0).text() == "张堃"
    dialog.edits["area"].setText("90.25")
    lease_from = RESIDENT_COLUMNS.index("lease_from")
    dialog.residents.setItem(0, lease_from, QTableWidgetItem("2025-02-30"))
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert "2025-02-30" in dialog.residents_error.text()
    dialog.residents.setItem(0, lease_from, QTableWidgetItem("2025年3月1日"))
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    saved = households.room_detail(room_id)
    assert saved.area_centi == 9025
    assert saved.residents[0].lease_from.isoformat() == "2025-03-01"


def test_the_developer_checkbox_sits_with_the_flags_and_round_trips(
    app: QApplication, estate: EstateFile
) -> None:
    held = frozenset({Flag.DISABLED, Flag.DEVELOPER})
    room_id = households.create_room(RoomInput("3", "2", "501", "89.5", flags=held))
    dialog = RoomDialog(
        None,
        lambda data, confirmed: households.update_room(room_id, data, confirmed),
        households.room_detail(room_id),
    )
    check = dialog.dialog.findChild(QCheckBox, "developerCheck")
    assert check is dialog.flag_checks[Flag.DEVELOPER]
    assert dialog.dialog.findChild(QHBoxLayout, "flagsLayout").indexOf(check) >= 0
    assert {flag for flag, box in dialog.flag_checks.items() if box.isChecked()} == held
    check.setChecked(False)  # sold at last
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    assert households.room_detail(room_id).flags == {Flag.DISABLED}
    fresh = RoomDialog(None, households.create_room)
    fill(fresh, number="502")
    fresh.flag_checks[Flag.DEVELOPER].setChecked(True)
    fresh.accept()
    assert fresh.dialog.result() == QDialog.DialogCode.Accepted
    assert households.room_detail(int(fresh.result)).flags == {Flag.DEVELOPER}


def test_a_code_held_by_an_archived_room_says_to_restore_it(app: QApplication, estate: EstateFile) -> None:
    room_id = households.create_room(RoomInput("3", "2", "501", "70"))
    data = households.room_detail(room_id).as_input()
    data.note = "改过"
    households.update_room(room_id, data)
    assert households.remove_room(room_id) == "archived"
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    dialog.edits["number"].editingFinished.emit()
    assert "归档" in dialog.errors["number"].text()
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted


def test_a_room_typed_with_its_words_is_found_on_file(app: QApplication, estate: EstateFile) -> None:
    households.create_room(RoomInput("3", "2", "502", "70"))
    dialog = RoomDialog(None, households.create_room)
    fill(dialog, "3号楼", "2单元", "502室")
    dialog.edits["number"].editingFinished.emit()
    assert dialog.errors["number"].isVisibleTo(dialog.dialog)
    assert "3-2-502" in dialog.errors["number"].text()
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert [row.code for row in households.list_rooms()] == ["3-2-502"]


def test_a_new_room_typed_with_its_words_is_saved_under_its_code(
    app: QApplication, estate: EstateFile
) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog, "３号楼", "2单元", "503室")
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    detail = households.room_detail(int(dialog.result))
    assert (detail.code, detail.building, detail.unit, detail.number) == ("3-2-503", "3", "2", "503")
    assert households.building_tree() == [("3", ["2"])]


def test_control_characters_are_refused_in_the_room_dialog(
    app: QApplication, estate: EstateFile, boxes: Any
) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog, building="3\x00")
    set_owner(dialog, 0, "王\x1b玥")
    dialog.note.setPlainText("第一行\n\t第二行\x00")
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert "U+0000" in dialog.errors["building"].text()
    assert "U+001B" in dialog.owners_error.text()
    assert "U+0000" in dialog.note.toolTip()
    assert "U+0000" in boxes.texts("warning")[-1]  # the note has no line of its own: a box says why
    assert households.list_rooms() == []
    fill(dialog)
    set_owner(dialog, 0, "王玥")
    dialog.note.setPlainText("第一行\n\t第二行")  # a note keeps its lines and tabs
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    assert households.room_detail(int(dialog.result)).note == "第一行\n\t第二行"


def test_parking_codes_may_be_separated_by_spaces(app: QApplication, estate: EstateFile) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    dialog.edits["parking"].setText("P-001 P-002")
    assert dialog.read()[0].parking == ["P-001", "P-002"]


def test_a_rented_room_without_a_tenant_is_saved_only_when_the_clerk_says_yes(
    app: QApplication, estate: EstateFile, boxes: Any
) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    set_state(dialog, Occupancy.RENTED)
    boxes.answer = QMessageBox.StandardButton.No
    dialog.accept()
    (question,) = boxes.texts("question")
    assert "租户" in question or "tenant" in question
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert households.list_rooms() == []  # no: nothing written, the dialog stays open to change
    boxes.answer = QMessageBox.StandardButton.Yes
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    assert households.room_detail(int(dialog.result)).occupancy is Occupancy.RENTED


def test_a_self_occupied_room_with_a_tenant_is_refused_at_the_state(
    app: QApplication, estate: EstateFile, boxes: Any
) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    dialog.add_resident(ResidentInput("张堃", role=ResidentRole.TENANT))
    dialog.accept()
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.state.toolTip() != "" and boxes.texts("question") == []
    # The state box has no line for errors: the reason is said in words, not only by a red frame.
    assert boxes.texts("warning") and dialog.state.toolTip() in boxes.texts("warning")[-1]
    assert households.list_rooms() == []


def test_each_person_has_a_mobile_and_a_landline(app: QApplication, estate: EstateFile) -> None:
    dialog = RoomDialog(None, households.create_room)
    fill(dialog)
    set_owner(dialog, 0, "王玥", "13812345678", landline="0571 8888 6666")
    dialog.add_resident(ResidentInput("李小喆", landline="88886666-12", role=ResidentRole.FAMILY))
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    detail = households.room_detail(int(dialog.result))
    assert [(p.phone, p.landline) for p in (*detail.owners, *detail.residents)] == [
        ("13812345678", "0571-88886666"),
        (None, "88886666-12"),
    ]
    edit = RoomDialog(
        None, lambda data, confirmed: households.update_room(detail.id, data, confirmed), detail
    )
    assert edit.owners.item(0, OWNER_COLUMNS.index("landline")).text() == "0571-88886666"
    assert edit.residents.item(0, RESIDENT_COLUMNS.index("landline")).text() == "88886666-12"
    set_owner(edit, 0, "王玥", "13812345678", landline="13900001111")  # a mobile: not here
    edit.accept()
    assert edit.dialog.result() != QDialog.DialogCode.Accepted
    assert edit.owners.item(0, OWNER_COLUMNS.index("landline")).toolTip() != ""


def test_a_person_changed_in_other_rooms_too_is_saved_only_when_the_clerk_says_yes(
    app: QApplication, estate: EstateFile, boxes: Any
) -> None:
    for number in ("101", "102"):
        households.create_room(
            RoomInput("7", "1", number, "50", owners=[PersonInput("丙", "13700137000", VALID_ID)])
        )
    dialog = RoomDialog(None, households.create_room)
    fill(dialog, "9", "1", "101", "50")
    set_owner(dialog, 0, "丁", "", VALID_ID)  # her ID number: the owner of 7-1-101 and 7-1-102
    boxes.answer = QMessageBox.StandardButton.No
    dialog.accept()
    (question,) = boxes.texts("question")
    assert "丙" in question and "丁" in question and "7-1-101、7-1-102" in question
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    assert households.find_room_id("9-1-101") is None
    assert households.room_detail(households.find_room_id("7-1-101") or 0).owners[0].name == "丙"
    boxes.answer = QMessageBox.StandardButton.Yes
    dialog.accept()
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    assert households.room_detail(households.find_room_id("7-1-102") or 0).owners[0].name == "丁"
