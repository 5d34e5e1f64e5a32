"""The households table (services/households/sheet.py): rooms, owners and tenants in spreadsheets."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.paths import TEMPLATES_DIR
from estatedesk.services import households
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.services.households import records as room_records
from estatedesk.services.households.sheet import CANONICAL_HEADERS, export_households, preview_households
from estatedesk.services.interchange import run_import as import_households
from estatedesk.store import audit
from estatedesk.store.db import EstateFile, create_estate
from helpers.households_sheet import (
    ID_WANG,
    ID_ZHANG,
    counts,
    detail,
    error_lines,
    good,
    import_file,
    write_csv,
    write_xlsx,
)

# ---------------------------------------------------------------- room codes


@pytest.mark.parametrize(
    ("building", "unit", "number", "code"),
    [
        ("", "", "3-2-501", "3-2-501"),
        ("3", "2", "3-2-501", "3-2-501"),
        ("3", "", "3-2-501", "3-2-501"),
        ("3号楼", "2单元", "501室", "3-2-501"),
        ("A座", "", "101", "A-101"),
        ("", "", "12-101", "12-101"),
        ("商业街", "", "商铺1", "商业街-商铺1"),
    ],
)
def test_room_codes(
    estate: EstateFile,
    tmp_path: Path,
    building: str,
    unit: str,
    number: str,
    code: str,
) -> None:
    path = write_csv(tmp_path / "h.csv", [good(building=building, unit=unit, number=number)])
    preview = preview_households(path)
    assert preview.errors == []
    assert [row.record.room.code for row in preview.rows if row.record] == [code]


# ---------------------------------------------------------------- bad rows


BAD_ROWS: list[tuple[dict[str, object], str, str]] = [
    (
        {"owner_phones": "1381234567"},
        "业主电话",
        "'1381234567' is not a mobile number: 11 digits starting with 1",
    ),
    (
        {"owner_ids": ID_ZHANG[:-1] + ("1" if ID_ZHANG[-1] != "1" else "2")},
        "身份证号",
        "the ID number's check character is wrong (mistyped digit?)",
    ),
    (
        {"owner_ids": "11010519491231"},
        "身份证号",
        "an ID number has 18 characters: 17 digits and a digit or X",
    ),
    ({"area": "0"}, "专有面积", "the area must be above 0 and below 10,000 m²"),
    ({"area": "-12.5"}, "专有面积", "the area must be above 0 and below 10,000 m²"),
    ({"area": "10000"}, "专有面积", "the area must be above 0 and below 10,000 m²"),
    ({"area": "89.555"}, "专有面积", "the area has at most 2 decimals, as on the certificate"),
    ({"area": "八十九"}, "专有面积", "'八十九' is not an area in square metres"),
    ({"area": ""}, "专有面积", "the area is required"),
    ({"number": ""}, "房号", "the room number is required"),
    ({"building": "", "unit": ""}, "楼栋", "the building is required"),
    ({"building": "3#"}, "楼栋", "'3#' may only hold letters, digits and Chinese characters"),
    (
        {"owner_names": "张三、李四、王五", "owner_phones": "13812345678、13987654321"},
        "业主电话",
        "2 values for 3 names: give one, or one per name in order",
    ),
    (
        {"owner_phones": "13812345678、13987654321"},
        "业主电话",
        "2 values for 1 names: give one, or one per name in order",
    ),
    ({"owner_names": "", "owner_phones": "13812345678"}, "业主电话", "there is no name for '13812345678'"),
    ({"tenant_phones": "13700001111"}, "租户电话", "there is no name for '13700001111'"),
    (
        {"owner_names": "张三、王玥", "owner_ids": f"{ID_ZHANG}、{ID_WANG}、{ID_WANG}"},
        "身份证号",
        "3 values for 2 names: give one, or one per name in order",
    ),
    ({"owner_names": "张三、张三", "owner_phones": ""}, "业主姓名", "张三 is listed twice"),
    ({"use": "仓库"}, "用途", "unknown use '仓库' (residential, shop or garage)"),
    ({"occupancy": "出借"}, "状态", "unknown state '出借' (self-occupied, rented or vacant)"),
    ({"flags": "低保、富裕"}, "标记", "unknown flag '富裕' (hardship, elderly alone, disabled, developer)"),
    (
        {"tenant_names": "李喆", "lease_from": "2025-03-01", "lease_to": "2025-02-28"},
        "租期止",
        "the lease ends before it starts",
    ),
    (
        {"tenant_names": "李喆", "lease_from": "2025-02-30"},
        "租期起",
        "'2025-02-30' is not a date such as 2025-03-01",
    ),
    ({"lease_to": "2026-01-01"}, "租期止", "a lease date is given but no tenant"),
    (
        {"tenant_names": "李喆", "tenant_phones": "12345"},
        "租户电话",
        "'12345' is not a mobile number: 11 digits starting with 1",
    ),
    ({"building": "4", "number": "3-2-501"}, "楼栋", "room code 3-2-501 does not match the building 4"),
    ({"unit": "1", "number": "3-2-501"}, "单元", "room code 3-2-501 does not match the unit 1"),
    ({"owner_names": "张" * 41}, "业主姓名", "the name is longer than 40 characters"),
]


@pytest.mark.parametrize(("change", "column", "reason"), BAD_ROWS)
def test_each_bad_input_is_reported_by_row_and_column(
    estate: EstateFile,
    tmp_path: Path,
    change: dict[str, object],
    column: str,
    reason: str,
) -> None:
    # Row 2 is good, row 3 is empty, row 4 is the bad one: numbering follows the spreadsheet.
    path = write_xlsx(tmp_path / "h.xlsx", [good(number="401"), [], good(**change)])
    preview = preview_households(path)
    assert error_lines(preview.errors) == [(4, column, reason)]
    assert [row.row for row in preview.rows] == [2]
    assert preview.bad_row_numbers == [4]
    error = preview.errors[0]
    assert error.template and error.template.format(**error.params) == reason
    assert error.error is not None and error.error.message == reason
    before = counts()
    result = import_households(preview)
    assert (result.written, result.imported, result.updated) == (False, 0, 0)
    assert error_lines(result.errors) == [(4, column, reason)]
    assert counts() == before


def test_duplicate_room_in_the_file_names_the_first_row(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", [good(), good(number="502"), good(number="3-2-501")])
    assert error_lines(preview_households(path).errors) == [(4, "房号", "room 3-2-501 is already on row 2")]


def test_a_repeated_room_is_found_even_when_its_first_row_is_bad(estate: EstateFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [good(owner_phones="1"), good(note="again")])
    assert [(e.row, e.column) for e in preview_households(path).errors] == [(2, "业主电话"), (3, "房号")]


def test_an_id_number_given_for_two_names_is_refused(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            good(owner_ids=ID_ZHANG),
            good(number="502", owner_names="李四", owner_phones="", owner_ids=ID_ZHANG),
        ],
    )
    assert error_lines(preview_households(path).errors) == [
        (3, "身份证号", "this ID number is also given for 张三 on row 2")
    ]


def test_archived_room_is_refused(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    room_id = households.create_room(RoomInput("3", "2", "501", "80", owners=[PersonInput("张三")]))
    households.update_room(room_id, RoomInput("3", "2", "501", "81", owners=[PersonInput("张三")]))
    assert households.remove_room(room_id) == "archived"
    path = write_csv(tmp_path / "h.csv", [good()])
    assert error_lines(preview_households(path).errors) == [
        (2, "房号", "room 3-2-501 exists in the archive; restore it instead")
    ]


# ---------------------------------------------------------------- what is written


def test_co_owners_phones_and_ids_go_in_order(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            good(
                owner_names="张三、王玥、李喆",
                owner_phones="、13987654321、13700001111",
                owner_ids=f"{ID_ZHANG}、、{ID_WANG}",
            ),
            good(number="502", owner_names="赵六；钱七", owner_phones="13600002222"),
        ],
    )
    assert import_file(path).imported == 2
    assert [(p.name, p.phone, p.id_number) for p in detail("3-2-501").owners] == [
        ("张三", None, ID_ZHANG),
        ("王玥", "13987654321", None),
        ("李喆", "13700001111", ID_WANG),
    ]
    # One phone for several owners belongs to the first.
    assert [(p.name, p.phone) for p in detail("3-2-502").owners] == [("赵六", "13600002222"), ("钱七", None)]


def test_tenants_with_one_lease_or_one_each(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            good(
                tenant_names="甲、乙",
                tenant_phones="13700001111、13700002222",
                lease_from="2025/3/1",
                lease_to="2026年2月28日",
            ),
            good(
                number="502",
                tenant_names="丙、丁",
                lease_from="2025-01-01、2025-06-01",
                lease_to="、2026-05-31",
                occupancy="空置",
            ),
        ],
    )
    assert import_file(path).imported == 2
    first = detail("3-2-501")
    assert [(r.name, r.phone, r.lease_from, r.lease_to, r.role) for r in first.residents] == [
        ("甲", "13700001111", date(2025, 3, 1), date(2026, 2, 28), ResidentRole.TENANT),
        ("乙", "13700002222", date(2025, 3, 1), date(2026, 2, 28), ResidentRole.TENANT),
    ]
    second = detail("3-2-502")
    assert [(r.lease_from, r.lease_to) for r in second.residents] == [
        (date(2025, 1, 1), None),
        (date(2025, 6, 1), date(2026, 5, 31)),
    ]
    assert second.occupancy is Occupancy.VACANT  # a state that is given is taken as given


def test_words_for_use_state_and_flags(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path / "h.csv", [good(use="商铺", occupancy="空置", flags="低保、独居老人，残疾")])
    import_file(path)
    room = detail("3-2-501")
    assert (room.use, room.occupancy, room.flags) == (
        RoomUse.SHOP,
        Occupancy.VACANT,
        frozenset({Flag.HARDSHIP, Flag.ELDERLY_ALONE, Flag.DISABLED}),
    )


def test_a_room_held_by_the_developer_is_imported_recorded_and_exported_as_开发商(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    sold = households.create_room(RoomInput("3", "2", "503", "89.50", owners=[PersonInput("张三")]))
    rows = [
        good(flags="开发商", occupancy="空置"),
        good(number="502", flags="建设单位、低保"),
        good(number="503", flags="未售", owner_phones=""),
    ]
    result = import_file(write_csv(tmp_path / "h.csv", rows))
    assert (result.errors, result.imported, result.updated) == ([], 2, 1)
    assert [detail(code).flags for code in ("3-2-501", "3-2-502", "3-2-503")] == [
        {Flag.DEVELOPER},
        {Flag.DEVELOPER, Flag.HARDSHIP},
        {Flag.DEVELOPER},
    ]
    created = households.room_history(detail("3-2-501").id)[0]
    assert (created.action, (created.after or {})["flags"]) == ("create", ["developer"])
    changed = households.room_history(sold)[0]
    assert changed.action == "update"
    assert ((changed.before or {})["flags"], (changed.after or {})["flags"]) == ([], ["developer"])
    out = tmp_path / "out.xlsx"
    assert export_households(out) == 3
    flags = CANONICAL_HEADERS.index("标记")
    exported = openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)
    assert [row[flags] for row in exported] == ["开发商", "低保、开发商", "开发商"]


# ---------------------------------------------------------------- updating by room code


def test_reimport_updates_by_code_and_creates_no_duplicates(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    rows = [
        good(
            owner_names="张三、王玥",
            owner_phones="13812345678、13987654321",
            owner_ids=ID_ZHANG,
            tenant_names="李喆",
            lease_from="2025-03-01",
            flags="低保",
            note="备注",
        ),
        good(number="502", owner_names="张三", owner_phones="13812345678", owner_ids=ID_ZHANG),
        good(number="503", owner_names="无电话", owner_phones=""),
    ]
    path = write_xlsx(tmp_path / "h.xlsx", rows)
    first = import_file(path)
    assert (first.imported, first.updated, first.unchanged) == (3, 0, 0)
    after_first = counts()
    stamp = detail("3-2-501").updated_at
    again = import_file(path)
    assert (again.imported, again.updated, again.unchanged, again.errors) == (0, 0, 3, [])
    assert counts() == {**after_first, "audit": after_first["audit"] + 1}  # only the import summary
    assert detail("3-2-501").updated_at == stamp


def test_reimport_with_changes_records_before_and_after(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    import_file(write_csv(tmp_path / "a.csv", [good(), good(number="502")]))
    result = import_file(write_csv(tmp_path / "b.csv", [good(area="90.10"), good(number="502")]))
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 1)
    room = detail("3-2-501")
    history = households.room_history(room.id)
    assert [h.action for h in history] == ["update", "create"]
    assert (history[0].before or {})["area"] == "89.50"
    assert history[0].after == audit.masked(room_records.snapshot(room.id))
    assert counts()["rooms"] == 2


def test_audit_snapshots_match_the_households_service(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    import_file(
        write_csv(
            tmp_path / "h.csv",
            [
                good(
                    owner_names="张三、王玥",
                    owner_phones="13812345678、",
                    owner_ids=f"、{ID_WANG}",
                    tenant_names="李喆",
                    lease_to="2026-01-31",
                    flags="残疾",
                    use="车库",
                ),
            ],
        )
    )
    room = detail("3-2-501")
    (created,) = households.room_history(room.id)
    assert (created.action, created.before) == ("create", None)
    assert created.after == audit.masked(room_records.snapshot(room.id))


def test_unmapped_columns_keep_the_rooms_data(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    room_id = households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "80",
            use=RoomUse.SHOP,
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.DISABLED}),
            note="老备注",
            owners=[PersonInput("张三", "13812345678", ID_ZHANG)],
            residents=[
                ResidentInput("张小三", role=ResidentRole.FAMILY),
                ResidentInput("李喆", "13700001111", lease_from=date(2025, 1, 1)),
            ],
            parking=["P-001"],
        ),
        confirmed={"new_parking:P-001"},
    )
    path = write_csv(tmp_path / "h.csv", [["3-2-501", "88.8"]], headers=["房号", "面积"])
    result = import_file(path)
    assert (result.updated, result.unchanged) == (1, 0)
    room = households.room_detail(room_id)
    assert room.area_centi == 8880
    assert (room.use, room.occupancy, room.flags, room.note) == (
        RoomUse.SHOP,
        Occupancy.RENTED,
        frozenset({Flag.DISABLED}),
        "老备注",
    )
    assert [(p.name, p.phone, p.id_number) for p in room.owners] == [("张三", "13812345678", ID_ZHANG)]
    assert [(r.name, r.role, r.lease_from) for r in room.residents] == [
        ("张小三", ResidentRole.FAMILY, None),
        ("李喆", ResidentRole.TENANT, date(2025, 1, 1)),
    ]
    assert room.parking == ("P-001",)


def test_file_tenants_replace_tenants_and_keep_family(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    room_id = households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "80",
            occupancy=Occupancy.RENTED,
            owners=[PersonInput("张三", "13812345678")],
            residents=[
                ResidentInput("旧租户", "13700001111", lease_from=date(2024, 1, 1)),
                ResidentInput("张小三", role=ResidentRole.FAMILY),
            ],
            parking=["P-001"],
        ),
        confirmed={"new_parking:P-001"},
    )
    people = counts()["people"]
    replaced = import_file(
        write_csv(
            tmp_path / "h.csv",
            [
                good(
                    tenant_names="新租户",
                    tenant_phones="13700002222",
                    lease_from="2025-05-01",
                    flags="",
                    note="",
                    parking="P-001",
                )
            ],
        ),
        allow_removals=True,
    )
    assert replaced.changes[0]["removals"] == [{"what": "tenant", "value": "旧租户", "column": "租户姓名"}]
    room = households.room_detail(room_id)
    assert [(r.name, r.role) for r in room.residents] == [
        ("新租户", ResidentRole.TENANT),
        ("张小三", ResidentRole.FAMILY),
    ]
    assert room.parking == ("P-001",)
    assert counts()["people"] == people  # the old tenant lived nowhere else: dropped, as in the service
    # A mapped but empty tenant cell clears the tenants (once the removal is confirmed); family stays.
    cleared = write_csv(tmp_path / "h2.csv", [good(tenant_names="", parking="P-001")])
    assert import_file(cleared).unconfirmed == ("removals",)
    assert [r.name for r in households.room_detail(room_id).residents] == ["新租户", "张小三"]
    import_file(cleared, allow_removals=True)
    assert [(r.name, r.role) for r in households.room_detail(room_id).residents] == [
        ("张小三", ResidentRole.FAMILY)
    ]


def test_mapped_but_empty_cells_clear_room_fields(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.50",
            use=RoomUse.SHOP,
            occupancy=Occupancy.VACANT,
            flags=frozenset({Flag.HARDSHIP}),
            note="备注",
            owners=[PersonInput("张三", "13812345678")],
        )
    )
    import_file(write_csv(tmp_path / "h.csv", [good()]))
    room = detail("3-2-501")
    assert (room.use, room.occupancy, room.flags, room.note) == (
        RoomUse.RESIDENTIAL,
        Occupancy.SELF_OCCUPIED,
        frozenset(),
        "",
    )


def test_tenants_without_lease_columns_keep_their_leases(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "80",
            occupancy=Occupancy.RENTED,
            residents=[
                ResidentInput("李喆", "13700001111", lease_from=date(2025, 1, 1), lease_to=date(2025, 12, 31))
            ],
        )
    )
    path = write_csv(tmp_path / "h.csv", [["3-2-501", "80", "李喆、新人"]], headers=["房号", "面积", "租户"])
    import_file(path)
    assert [(r.name, r.lease_from, r.lease_to) for r in detail("3-2-501").residents] == [
        ("李喆", date(2025, 1, 1), date(2025, 12, 31)),
        ("新人", None, None),
    ]


def test_two_entries_that_are_one_stored_person_are_refused_by_the_preview(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    # Both owners resolve to the one 张三 already linked to the room: the preview asks the writer's
    # own rule, so it tells before anything is written.
    households.create_room(RoomInput("3", "2", "501", "80", owners=[PersonInput("张三", "13812345678")]))
    rows = [good(owner_names="张三、张三", owner_phones="13812345678、"), good(number="502")]
    path = write_csv(tmp_path / "h.csv", rows)
    assert error_lines(preview_households(path).errors) == [(2, "业主姓名", "张三 is listed twice")]
    before = counts()
    refused = import_file(path)
    assert refused.written is False
    assert error_lines(refused.errors) == [(2, "业主姓名", "张三 is listed twice")]
    assert counts() == before
    partial = import_file(path, valid_only=True)
    assert (partial.written, partial.imported, partial.updated) == (True, 1, 0)
    assert [e.row for e in partial.errors] == [2]
    assert [p.name for p in detail("3-2-501").owners] == ["张三"]


def test_a_tenant_who_is_a_family_member_is_refused(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "80",
            owners=[PersonInput("张三", "13812345678")],
            residents=[ResidentInput("张小三", role=ResidentRole.FAMILY)],
        )
    )
    result = import_file(write_csv(tmp_path / "h.csv", [good(tenant_names="张小三")]))
    assert error_lines(result.errors) == [(2, "租户姓名", "张小三 is listed twice")]


def test_unmapped_phone_columns_keep_the_phones(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "80",
            occupancy=Occupancy.RENTED,
            owners=[PersonInput("张三", "13812345678", landline="0571-88886666")],
            residents=[ResidentInput("李喆", "13700001111", landline="88886666")],
        )
    )
    path = write_csv(
        tmp_path / "h.csv", [["3-2-501", "80", "张三", "李喆"]], headers=["房号", "面积", "业主", "租户"]
    )
    result = import_file(path)
    assert (result.errors, result.unchanged) == ([], 1)
    room = detail("3-2-501")
    assert [(p.name, p.phone, p.landline) for p in (*room.owners, *room.residents)] == [
        ("张三", "13812345678", "0571-88886666"),
        ("李喆", "13700001111", "88886666"),
    ]


# ---------------------------------------------------------------- export


def _comparable(room: households.RoomDetail) -> tuple[Any, ...]:
    return (
        room.code,
        room.area_centi,
        room.use,
        room.occupancy,
        room.flags,
        room.note,
        [(p.name, p.phone, p.landline, p.id_number) for p in room.owners],
        [
            (r.name, r.phone, r.landline, r.lease_from, r.lease_to)
            for r in room.residents
            if r.role is ResidentRole.TENANT
        ],
        room.parking,
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_round_trip(furnished: EstateFile, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    assert export_households(path) == 4
    original = {row.code: _comparable(households.room_detail(row.id)) for row in households.list_rooms()}
    # Into the same estate: every room matches and nothing changes.
    again = import_file(path)
    assert (again.errors, again.imported, again.updated, again.unchanged) == ([], 0, 0, 4)
    furnished.close()
    # Into an empty estate: the same rooms come out, once the new parking space is confirmed.
    fresh = create_estate(tmp_path / "fresh.sqlite3", "新")
    try:
        assert import_file(path).unconfirmed == ("warnings",)
        result = import_file(path, accept_warnings=True)
        assert (result.errors, result.imported) == ([], 4)
        copied = {row.code: _comparable(households.room_detail(row.id)) for row in households.list_rooms()}
        assert copied == original
    finally:
        fresh.close()


def test_xlsx_export_format(furnished: EstateFile, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export_households(path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CANONICAL_HEADERS
    assert [row[:3] for row in rows[1:]] == [
        (1, None, 101),
        (3, 2, 501),
        (3, 2, 1002),
        (3, 10, 101),
    ]  # list order: natural room order; numbers are numbers, so Excel sorts 1, 2, 10
    assert sheet["A2"].data_type == sheet["C2"].data_type == "n"
    room = rows[2]
    assert room[3] == 89.5 and sheet["D3"].number_format == "0.00"
    assert room[4:9] == ("住宅", "出租", "张三、王玥", "、13987654321", f"{ID_ZHANG}、")
    assert room[9:13] == ("李喆、张堃", "13700001111、", "2025-03-01、2025-04-01", "2026-02-28、")
    assert room[13:] == ("低保、残疾", "=见附件, 含逗号\n第二行", "、0571-88886666", "、88886666-12", "P-001")
    assert sheet["O3"].data_type == "s"  # a note starting with "=" stays text
    assert rows[1][4:6] == ("商铺", "空置")
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["I"].width >= 40
    assert sheet["A1"].font.b


def test_room_code_parts_that_are_not_plain_numbers_stay_text_and_import_back(
    estate: EstateFile, tmp_path: Path
) -> None:
    households.create_room(RoomInput("A", "01", "0501", "80"))
    households.create_room(RoomInput("10", "2", "501A", "80"))
    households.create_room(RoomInput("2", "1", "101", "80"))
    path = tmp_path / "out.xlsx"
    assert export_households(path) == 3
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert sorted(row[:3] for row in rows if isinstance(row[0], int)) == [(2, 1, 101), (10, 2, "501A")]
    assert ("A", "01", "0501") in [row[:3] for row in rows]
    estate.close()
    fresh = create_estate(tmp_path / "fresh.sqlite3", "新")
    try:
        result = import_file(path)
        assert (result.errors, result.imported) == ([], 3)
        assert sorted(row.code for row in households.list_rooms()) == ["10-2-501A", "2-1-101", "A-01-0501"]
    finally:
        fresh.close()


def test_csv_export_format(furnished: EstateFile, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export_households(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 5 and b"\r\n" in data.split(b"\r\n")[0] + b"\r\n"
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines(keepends=True)))
    assert lines[0] == list(CANONICAL_HEADERS)
    assert lines[1][:4] == ["1", "", "101", "45.20"]
    assert lines[3][:4] == ["3", "2", "1002", "120.05"]


def test_export_of_chosen_rooms_in_given_order_and_masked(furnished: EstateFile, tmp_path: Path) -> None:
    ids = [households.find_room_id("3-2-501"), households.find_room_id("1-101")]
    path = tmp_path / "some.csv"
    assert export_households(path, room_ids=[i for i in ids if i], masked=True) == 2
    lines = list(csv.reader(path.read_text("utf-8-sig").splitlines()))
    assert [line[2] for line in lines[1:]] == ["501", "101"]
    assert lines[1][7] == "、139****4321"
    assert lines[1][8] == f"{ID_ZHANG[:6]}********{ID_ZHANG[-4:]}、"
    assert lines[2][7] == "136****2222"


def test_archived_rooms_are_not_exported_unless_asked(estate: EstateFile, tmp_path: Path) -> None:
    kept = households.create_room(RoomInput("3", "2", "501", "80"))
    gone = households.create_room(RoomInput("3", "2", "502", "80"))
    households.update_room(gone, RoomInput("3", "2", "502", "81"))
    households.remove_room(gone)
    assert export_households(tmp_path / "a.csv") == 1
    assert export_households(tmp_path / "b.csv", room_ids=[gone, kept, 999]) == 2


# ---------------------------------------------------------------- the template


def test_template_has_the_canonical_headers_and_imports_cleanly(estate: EstateFile) -> None:
    template = TEMPLATES_DIR / "households_template.xlsx"
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == ["住户", "说明"]
    assert next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True)) == CANONICAL_HEADERS
    notes = workbook["说明"].iter_rows(min_row=2, max_row=len(CANONICAL_HEADERS) + 1, values_only=True)
    explained = [row[0] for row in notes]
    assert explained == list(CANONICAL_HEADERS)
    preview = preview_households(template)
    assert (preview.errors, len(preview.rows)) == ([], 2)
    result = import_households(preview)
    assert (result.imported, result.errors) == (2, [])
    assert [p.name for p in detail("3-2-501").owners] == ["张三", "王玥"]


# ---------------------------------------------------------------- what the preview says each row does


def _rented_501(**fields: Any) -> int:
    """3-2-501, rented to 李四, owned by 张三 (with a landline), holding parking space P-001.

    The clerk confirms what the rules ask about (the new parking space, a rented room left empty).
    """
    data = RoomInput(
        "3",
        "2",
        "501",
        "89.50",
        occupancy=Occupancy.RENTED,
        owners=[PersonInput("张三", "13812345678", landline="0571-88886666")],
        residents=[ResidentInput("李四", "13700001111", lease_from=date(2025, 3, 1))],
        parking=["P-001"],
    )
    for name, value in fields.items():
        setattr(data, name, value)
    return households.create_room(data, {"new_parking:P-001", "rented_without_tenant"})


def test_the_preview_says_per_row_new_updated_or_unchanged_with_each_change(
    estate: EstateFile, tmp_path: Path
) -> None:
    _rented_501()
    households.create_room(RoomInput("3", "2", "502", "76", owners=[PersonInput("王五", "13900002222")]))
    path = write_csv(
        tmp_path / "h.csv",
        [
            ["3-2-501", "90.10", "张三", "13812349999", "010-62345678", "", "P-009"],
            ["3-2-502", "76", "王五", "13900002222", "", "", ""],
            ["3-2-503", "60", "赵六", "", "", "", ""],
        ],
        headers=["房号", "面积", "业主", "业主电话", "座机", "租户", "车位"],
    )
    preview = preview_households(path)
    assert preview.errors == []
    changes = {row.row: row.change for row in preview.rows}
    assert {row: change.kind for row, change in changes.items() if change} == {
        2: "updated",
        3: "unchanged",
        4: "new",
    }
    updated = changes[2]
    assert updated is not None and updated.name == "3-2-501"
    assert [(c.field, c.before, c.after) for c in updated.fields] == [
        ("area", "89.50", "90.10"),
        ("owner_phones", "138****5678", "138****9999"),  # masked, as everywhere but the record
        ("tenant_names", "李四", ""),
        ("tenant_phones", "137****1111", ""),
        ("lease_from", "2025-03-01", ""),
        ("owner_landlines", "0571-****6666", "010-****5678"),
        ("parking", "P-001", "P-009"),
    ]
    assert [(r.what, r.value, r.field) for r in updated.removals] == [
        ("tenant", "李四", "tenant_names"),
        ("parking_space", "P-001", "parking"),
    ]
    assert [w.key for w in updated.warnings] == ["rented_without_tenant", "new_parking:P-009"]
    # By row, as the clerk reads them, named by the columns of the file.
    assert error_lines(preview.removals) == [
        (2, "租户", "removes tenant 李四"),
        (2, "车位", "removes parking space P-001"),
    ]
    assert error_lines(preview.warnings) == [
        (2, "状态", "the room is rented but has no tenant"),
        (2, "车位", "parking space P-009 is not on file yet: it will be added"),
    ]
    assert preview.kind_counts() == {"new": 1, "updated": 1, "unchanged": 1}
    json_row = preview.changes_json()[0]
    assert json_row["room"] == "3-2-501" and json_row["kind"] == "updated"
    assert json_row["fields"][0] == {"field": "area", "column": "面积", "before": "89.50", "after": "90.10"}
    assert json_row["removals"] == [
        {"what": "tenant", "value": "李四", "column": "租户"},
        {"what": "parking_space", "value": "P-001", "column": "车位"},
    ]


def test_a_blank_tenant_cell_removes_the_tenant_only_once_the_clerk_confirms(
    estate: EstateFile, tmp_path: Path
) -> None:
    room_id = _rented_501()
    # No state column: the room stays rented, and says so.
    path = write_csv(tmp_path / "h.csv", [["3-2-501", "89.50", ""]], headers=["房号", "面积", "租户"])
    preview = preview_households(path)
    before, entries = households.room_detail(room_id), counts()
    refused = import_households(preview)
    assert (refused.written, refused.unconfirmed) == (False, ("removals", "warnings"))
    assert refused.changes == preview.changes_json()  # what it would have done
    assert import_households(preview, allow_removals=True).unconfirmed == ("warnings",)
    assert import_households(preview, accept_warnings=True).unconfirmed == ("removals",)
    assert households.room_detail(room_id) == before and counts() == entries
    done = import_households(preview, allow_removals=True, accept_warnings=True)
    assert (done.written, done.updated, done.errors) == (True, 1, [])
    room = households.room_detail(room_id)
    assert (room.occupancy, room.residents, room.parking) == (Occupancy.RENTED, (), ("P-001",))


def test_a_row_may_remove_only_what_its_preview_listed(estate: EstateFile, tmp_path: Path) -> None:
    room_id = _rented_501(residents=[], occupancy=Occupancy.SELF_OCCUPIED)
    path = write_csv(
        tmp_path / "h.csv", [["3-2-501", "89.50", "", "自住"]], headers=["房号", "面积", "租户", "状态"]
    )
    preview = preview_households(path)
    assert preview.removals == [] and preview.rows[0].change is not None
    # A tenant moves in after the preview was read: the file's empty cell would now remove them.
    data = households.room_detail(room_id).as_input()
    data.occupancy = Occupancy.RENTED
    data.residents = [ResidentInput("新租户", "13700002222")]
    households.update_room(room_id, data)
    before = counts()
    result = import_households(preview, allow_removals=True, accept_warnings=True)
    assert not result.written
    assert error_lines(result.errors) == [
        (2, "租户", "this row would also remove 新租户, which the preview did not list: read the file again")
    ]
    assert counts() == before
    assert [r.name for r in households.room_detail(room_id).residents] == ["新租户"]


def test_a_state_that_contradicts_the_tenants_kept_is_a_bad_row(estate: EstateFile, tmp_path: Path) -> None:
    _rented_501()
    # The file says self-occupied and has no tenant column: the tenant on file would stay.
    path = write_csv(tmp_path / "h.csv", [["3-2-501", "89.50", "自住"]], headers=["房号", "面积", "状态"])
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (2, "状态", "a self-occupied room cannot have tenants: mark it rented, or remove the tenants")
    ]
    assert preview.rows == [] and preview.bad_row_numbers == [2]
    # Said in the file itself, it is refused by the row's own check.
    path = write_csv(tmp_path / "h2.csv", [good(occupancy="自住", tenant_names="李四")])
    assert [e.column for e in preview_households(path).errors] == ["状态"]


def test_an_unchanged_row_asks_nothing_even_of_a_room_as_it_was(estate: EstateFile, tmp_path: Path) -> None:
    _rented_501(residents=[])  # rented without a tenant: confirmed when it was saved
    path = write_csv(tmp_path / "h.csv", [["3-2-501", "89.50", ""]], headers=["房号", "面积", "租户"])
    preview = preview_households(path)
    change = preview.rows[0].change
    assert change is not None and (change.kind, change.removals, change.warnings) == ("unchanged", (), ())
    assert import_households(preview).unchanged == 1


def test_parking_spaces_in_the_file(estate: EstateFile, tmp_path: Path) -> None:
    _rented_501()
    path = write_csv(
        tmp_path / "h.csv",
        [
            good(number="502", parking="P-009、P-010"),
            good(number="503", parking="P-009"),  # the row before takes it
            good(number="504", parking="P-001"),  # 3-2-501 holds it
        ],
    )
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (3, "车位", "parking space P-009 belongs to room 3-2-502"),
        (4, "车位", "parking space P-001 belongs to room 3-2-501"),
    ]
    assert [w.params["space"] for w in preview.rows[0].change.warnings] == ["P-009", "P-010"]  # type: ignore[union-attr]
    assert not import_households(preview, valid_only=True).written  # a new space: not yet
    result = import_households(preview, valid_only=True, accept_warnings=True)
    assert (result.written, result.imported) == (True, 1)
    assert detail("3-2-502").parking == ("P-009", "P-010")
    # A row that frees a space lets a later row take it.
    path = write_csv(
        tmp_path / "h2.csv",
        [["3-2-501", "89.50", "李四", ""], ["3-2-502", "89.50", "", "P-001"]],
        headers=["房号", "面积", "租户", "车位"],
    )
    freed = preview_households(path)
    assert freed.errors == [] and error_lines(freed.removals)[0] == (2, "车位", "removes parking space P-001")
    assert import_households(freed, allow_removals=True).written
    assert (detail("3-2-501").parking, detail("3-2-502").parking) == ((), ("P-001",))


def test_landline_columns_and_a_landline_in_the_phone_column(estate: EstateFile, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            ["3-2-501", "80", "张三、王玥", "、0571-88886666转8", "010-62345678", "李喆", "88886666"],
            ["3-2-502", "80", "赵六", "13600002222", "13600002222", "", ""],
        ],
        headers=["房号", "面积", "业主", "联系电话", "座机", "租户", "租户座机"],
    )
    preview = preview_households(path)
    assert preview.mapping["owner_landlines"] == 4 and preview.mapping["tenant_landlines"] == 6
    assert error_lines(preview.errors) == [
        (3, "座机", "'13600002222' is a mobile number: enter it as the mobile")
    ]
    assert import_households(preview, valid_only=True).imported == 1
    room = detail("3-2-501")
    assert [(p.name, p.phone, p.landline) for p in (*room.owners, *room.residents)] == [
        ("张三", None, "010-62345678"),
        ("王玥", None, "0571-88886666-8"),  # a landline in the phone column is her landline
        ("李喆", None, "88886666"),
    ]


def test_a_parking_cell_is_split_at_spaces_as_the_dialog_splits_it(
    estate: EstateFile, tmp_path: Path
) -> None:
    rows = [good(parking="P-7 P-8"), good(number="502", parking="P-9、 P-10")]
    preview = preview_households(write_csv(tmp_path / "h.csv", rows))
    assert preview.errors == []
    parking = [row.record.room.parking for row in preview.rows if row.record]
    assert parking == [("P-7", "P-8"), ("P-9", "P-10")]
    assert import_file(tmp_path / "h.csv", accept_warnings=True).imported == 2
    assert detail("3-2-501").parking == ("P-7", "P-8")


def test_a_bad_parking_code_is_named_as_a_parking_code(estate: EstateFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [good(parking="P_7")])
    assert error_lines(preview_households(path).errors) == [
        (2, "车位", "'P_7' is not a parking space code such as P-001")
    ]
