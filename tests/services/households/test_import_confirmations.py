"""What a households import changes beyond its own rows, shown and confirmed first (services/households).

A person changed in the other rooms they belong to, a phone or landline emptied, parking spaces
moved between the rooms of one file whatever the order of its rows, and the counts of the result.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from estatedesk.domain.errors import InputRejected, Unconfirmed, ValidationError
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.households import writer as room_writer
from estatedesk.services.households.sheet import preview_households
from estatedesk.services.interchange import run_import
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry
from helpers.households_sheet import counts, detail, error_lines, import_file, write_csv

ID_BING = "330106198505120005"
HEADERS = ["楼栋", "单元", "房号", "面积", "业主姓名", "业主电话", "身份证号"]


def owned_by_bing() -> None:
    """Rooms 7-1-101, 7-1-102 and 8-1-101, all owned by 丙 (one person, by her ID number)."""
    for building, number in (("7", "101"), ("7", "102"), ("8", "101")):
        households.create_room(
            RoomInput(building, "1", number, "50", owners=[PersonInput("丙", "13700137000", ID_BING)])
        )


def owners(code: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.phone, p.landline) for p in detail(code).owners]


# ---------------------------------------------------------------- a person in other rooms too


def test_a_row_renaming_a_person_on_file_warns_for_every_other_room_and_waits(
    estate: EstateFile, tmp_path: Path
) -> None:
    owned_by_bing()
    path = write_csv(tmp_path / "h.csv", [["9", "1", "101", "50", "丁", "", ID_BING]], headers=HEADERS)
    preview = preview_households(path)
    (row,) = preview.rows
    assert row.change is not None and row.change.kind == "new"
    assert error_lines(preview.warnings) == [
        (2, "业主姓名", "renames 丙 to 丁, in rooms 7-1-101、7-1-102、8-1-101 too")
    ]
    assert preview.changes_json()[0]["warnings"] == [
        {"column": "业主姓名", "reason": "renames 丙 to 丁, in rooms 7-1-101、7-1-102、8-1-101 too"}
    ]
    before = counts()
    refused = run_import(preview)
    assert (refused.written, refused.unconfirmed) == (False, ("warnings",))
    assert counts() == before and owners("7-1-101") == [("丙", "13700137000", None)]
    done = run_import(preview, accept_warnings=True)
    assert (done.written, done.imported) == (True, 1)
    assert {code: owners(code) for code in ("7-1-101", "7-1-102", "8-1-101", "9-1-101")} == {
        code: [("丁", "13700137000", None)] for code in ("7-1-101", "7-1-102", "8-1-101", "9-1-101")
    }


def test_a_new_phone_for_a_shared_owner_is_a_field_change_and_a_warning_with_masked_numbers(
    estate: EstateFile, tmp_path: Path
) -> None:
    owned_by_bing()
    path = write_csv(
        tmp_path / "h.csv", [["7", "1", "101", "50", "丙", "13900139000", ID_BING]], headers=HEADERS
    )
    preview = preview_households(path)
    change = preview.rows[0].change
    assert change is not None
    assert [(c.field, c.before, c.after) for c in change.fields] == [
        ("owner_phones", "137****7000", "139****9000")
    ]
    assert error_lines(preview.warnings) == [
        (
            2,
            "业主电话",
            "changes the phone of 丙 from 137****7000 to 139****9000, in rooms 7-1-102、8-1-101 too",
        )
    ]
    assert "13900139000" not in str(preview.changes_json())
    assert run_import(preview, accept_warnings=True).updated == 1
    assert owners("8-1-101") == [("丙", "13900139000", None)]


def test_a_person_changed_after_the_preview_is_refused_as_not_confirmed(
    estate: EstateFile, tmp_path: Path
) -> None:
    owned_by_bing()
    path = write_csv(tmp_path / "h.csv", [["9", "1", "101", "50", "丁", "", ID_BING]], headers=HEADERS)
    preview = preview_households(path)
    # Her phone changes in the dialog after the file was read (confirmed there: she has other
    # rooms). The row would now write a person the clerk did not see as she is: refused.
    room_id = households.find_room_id("7-1-101") or 0
    data = households.room_detail(room_id).as_input()
    data.owners[0].phone = "13900139000"
    with pytest.raises(Unconfirmed) as asked:
        households.update_room(room_id, data)
    households.update_room(room_id, data, {caution.key for caution in asked.value.cautions})
    before = counts()
    result = run_import(preview, accept_warnings=True)
    assert not result.written
    assert error_lines(result.errors) == [
        (2, "业主姓名", "renames 丙 to 丁, in rooms 7-1-101、7-1-102、8-1-101 too")
    ]
    assert counts() == before and owners("8-1-101") == [("丙", "13900139000", None)]


def test_two_rows_giving_one_id_number_other_details_are_a_row_error(
    estate: EstateFile, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            ["7", "1", "101", "50", "丙", "13700137000", ID_BING],
            ["7", "1", "102", "50", "丙", "", ID_BING],  # no phone: says nothing of it
            ["7", "1", "103", "50", "丙", "13900139000", ID_BING],
            ["7", "1", "104", "50", "丁", "13700137000", ID_BING],
            ["7", "1", "105", "50", "丙", "0571-88886666", ID_BING],
            ["7", "1", "106", "50", "丙", "010-62345678", ID_BING],
        ],
        headers=HEADERS,
    )
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (4, "身份证号", "ID number 330106********0005 is given on row 2 with another phone (137****7000)"),
        (5, "身份证号", "this ID number is also given for 丙 on row 2"),
        (
            7,
            "身份证号",
            "ID number 330106********0005 is given on row 6 with another landline (0571-****6666)",
        ),
    ]
    assert [row.row for row in preview.rows] == [2, 3, 6]


def test_a_new_owners_details_given_across_new_rooms_are_one_person_confirmed(
    estate: EstateFile, tmp_path: Path
) -> None:
    # The ID number only on the second row: it is added to the person of the first, as writing does.
    path = write_csv(
        tmp_path / "h.csv",
        [
            ["1", "", "101", "50", "张三", "13800000000", ""],
            ["1", "", "102", "50", "张三", "13800000000", ID_BING],
        ],
        headers=HEADERS,
    )
    preview = preview_households(path)
    assert error_lines(preview.warnings) == [
        (3, "身份证号", "changes the ID number of 张三 from — to 330106********0005, in rooms 1-101 too")
    ]
    assert run_import(preview).unconfirmed == ("warnings",)
    assert run_import(preview, accept_warnings=True).imported == 2
    assert detail("1-101").owners[0].id_number == ID_BING


# ---------------------------------------------------------------- numbers emptied


def test_an_emptied_phone_or_landline_is_a_removal_to_confirm(estate: EstateFile, tmp_path: Path) -> None:
    households.create_room(
        RoomInput(
            "3",
            "2",
            "502",
            "80",
            owners=[
                PersonInput("张三", "13812345678", landline="0571-88886666"),
                PersonInput("李四", "13912345678"),
            ],
        )
    )
    path = write_csv(
        tmp_path / "h.csv",
        [["3-2-502", "80", "张三、李四", "、13912345678", ""]],
        headers=["房号", "面积", "业主", "业主电话", "座机"],
    )
    preview = preview_households(path)
    assert error_lines(preview.removals) == [
        (2, "业主电话", "removes the phone of 张三 (138****5678)"),
        (2, "座机", "removes the landline of 张三 (0571-****6666)"),
    ]
    assert preview.changes_json()[0]["removals"] == [
        {"what": "phone", "value": "138****5678", "column": "业主电话", "of": "张三"},
        {"what": "landline", "value": "0571-****6666", "column": "座机", "of": "张三"},
    ]
    assert run_import(preview).unconfirmed == ("removals",)
    assert owners("3-2-502")[0] == ("张三", "13812345678", "0571-88886666")
    assert run_import(preview, allow_removals=True).updated == 1
    assert owners("3-2-502") == [("张三", None, None), ("李四", "13912345678", None)]


def test_a_landline_in_the_only_phone_column_does_not_drop_a_mobile_unseen(
    estate: EstateFile, tmp_path: Path
) -> None:
    households.create_room(RoomInput("3", "2", "502", "80", owners=[PersonInput("张三", "13812345678")]))
    path = write_csv(
        tmp_path / "h.csv",
        [["3-2-502", "80", "张三", "0571-87654321"]],
        headers=["房号", "面积", "业主", "电话"],
    )
    preview = preview_households(path)
    change = preview.rows[0].change
    assert change is not None
    assert [(c.field, c.before, c.after) for c in change.fields] == [
        ("owner_phones", "138****5678", ""),
        ("owner_landlines", "", "0571-****4321"),
    ]
    assert error_lines(preview.removals) == [(2, "电话", "removes the phone of 张三 (138****5678)")]
    assert not run_import(preview).written
    assert owners("3-2-502") == [("张三", "13812345678", None)]
    assert run_import(preview, allow_removals=True).written
    assert owners("3-2-502") == [("张三", None, "0571-87654321")]


def test_a_phone_the_preview_did_not_list_is_not_removed(estate: EstateFile, tmp_path: Path) -> None:
    room_id = households.create_room(RoomInput("3", "2", "502", "80", owners=[PersonInput("张三")]))
    path = write_csv(
        tmp_path / "h.csv", [["3-2-502", "81", "张三", ""]], headers=["房号", "面积", "业主", "电话"]
    )
    preview = preview_households(path)
    assert preview.removals == []
    data = households.room_detail(room_id).as_input()
    data.owners[0].phone = "13812345678"  # given in the dialog after the file was read
    households.update_room(room_id, data)
    result = run_import(preview, allow_removals=True)
    assert not result.written
    assert error_lines(result.errors) == [
        (
            2,
            "电话",
            "this row would also remove 张三 (138****5678), which the preview did not list:"
            " read the file again",
        )
    ]
    assert owners("3-2-502") == [("张三", "13812345678", None)]


# ---------------------------------------------------------------- parking spaces between rooms


def three_rooms() -> None:
    """1-101 holds P-1, 1-102 holds P-2, 1-103 holds nothing."""
    households.create_room(RoomInput("1", "", "101", "80", parking=["P-1"]), {"new_parking:P-1"})
    households.create_room(RoomInput("1", "", "102", "80", parking=["P-2"]), {"new_parking:P-2"})
    households.create_room(RoomInput("1", "", "103", "80"))


def parking() -> dict[str, tuple[str, ...]]:
    return {code: detail(code).parking for code in ("1-101", "1-102", "1-103")}


def parking_history() -> list[tuple[str, list[str], list[str]]]:
    """Each room update's parking before and after, in the order they were written."""
    return [
        (entry.room_code, (audit_json(entry.before))["parking"], (audit_json(entry.after))["parking"])
        for entry in AuditEntry.select().where(AuditEntry.entity == "room", AuditEntry.action == "update")
    ]


def audit_json(text: str | None) -> dict[str, list[str]]:
    return dict(json.loads(text or "{}"))


def import_parking(tmp_path: Path, rows: Sequence[Sequence[str]], **options: bool) -> list[tuple[int, str]]:
    path = write_csv(tmp_path / "p.csv", rows, headers=["房号", "面积", "车位"])
    preview = preview_households(path)
    assert preview.errors == []
    result = run_import(preview, allow_removals=True, **options)
    assert result.written, result.errors
    return [(e.row, e.reason) for e in preview.removals]


@pytest.mark.parametrize(
    "rows",
    [
        [["1-103", "80", "P-1"], ["1-101", "80", ""]],  # the row taking the space comes first
        [["1-101", "80", ""], ["1-103", "80", "P-1"]],  # the row giving it up comes first
    ],
)
def test_a_space_moves_between_rooms_whatever_the_order_of_the_rows(
    estate: EstateFile, tmp_path: Path, rows: list[list[str]]
) -> None:
    three_rooms()
    removals = import_parking(tmp_path, rows)
    assert [reason for _, reason in removals] == ["removes parking space P-1"]
    assert parking() == {"1-101": (), "1-102": ("P-2",), "1-103": ("P-1",)}
    assert sorted(parking_history()) == [("1-101", ["P-1"], []), ("1-103", [], ["P-1"])]


def test_two_rooms_swap_their_spaces_and_three_rotate_theirs(estate: EstateFile, tmp_path: Path) -> None:
    three_rooms()
    import_parking(tmp_path, [["1-101", "80", "P-2"], ["1-102", "80", "P-1"]])
    assert parking() == {"1-101": ("P-2",), "1-102": ("P-1",), "1-103": ()}
    # Each room's history tells what it gave up and took, as if the two had been written at once.
    assert sorted(parking_history()) == [("1-101", ["P-1"], ["P-2"]), ("1-102", ["P-2"], ["P-1"])]
    import_parking(
        tmp_path,
        [["1-101", "80", "P-1"], ["1-102", "80", "P-3"], ["1-103", "80", "P-2"]],
        accept_warnings=True,
    )
    assert parking() == {"1-101": ("P-1",), "1-102": ("P-3",), "1-103": ("P-2",)}


def test_a_swap_whose_other_row_is_refused_when_written_leaves_both_rooms_as_they_were(
    estate: EstateFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_rooms()
    path = write_csv(
        tmp_path / "p.csv", [["1-101", "80", "P-2"], ["1-102", "80", "P-1"]], headers=["房号", "面积", "车位"]
    )
    preview = preview_households(path)
    assert preview.errors == []
    write_by_code = room_writer.RoomWriter.write_by_code

    def refusing(self: room_writer.RoomWriter, checked: object, *args: object) -> object:
        if getattr(checked, "code", "") == "1-101":  # refused only when written: a late refusal
            raise InputRejected([ValidationError("number", "refused when written")])
        return write_by_code(self, checked, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(room_writer.RoomWriter, "write_by_code", refusing)
    result = run_import(preview, valid_only=True, allow_removals=True)
    assert error_lines(result.errors) == [
        (2, "房号", "refused when written"),
        (3, "车位", "parking space P-1 belongs to room 1-101"),
    ]
    assert parking() == {"1-101": ("P-1",), "1-102": ("P-2",), "1-103": ()}
    assert parking_history() == []


def test_a_space_two_rows_take_goes_to_one_of_them(estate: EstateFile, tmp_path: Path) -> None:
    three_rooms()
    path = write_csv(
        tmp_path / "p.csv",
        [["1-102", "80", "P-1、P-2"], ["1-101", "80", ""], ["1-103", "80", "P-1"]],
        headers=["房号", "面积", "车位"],
    )
    assert error_lines(preview_households(path).errors) == [
        (4, "车位", "parking space P-1 belongs to room 1-102")
    ]


# ---------------------------------------------------------------- what the result counts


def test_a_reimport_counts_its_rows_unchanged_not_updated(estate: EstateFile, tmp_path: Path) -> None:
    three_rooms()
    rows = [["1-101", "80", "P-1"], ["1-102", "81", "P-2"], ["1-103", "80", ""]]
    result = import_file(write_csv(tmp_path / "p.csv", rows, headers=["房号", "面积", "车位"]))
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 2)
    assert result.as_json()["updated"] == 1 and result.as_json()["unchanged"] == 2
