"""The households API (services/households/rooms.py, RULES.md §2): rooms, people, tenants, flags, parking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from estatedesk.domain.errors import InputRejected, NotFound, Unconfirmed, ValidationError
from estatedesk.domain.households import (
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    normalized_room_code,
    parse_flags,
)
from estatedesk.domain.search import query_words
from estatedesk.services import households
from estatedesk.services.households import (
    PersonInput,
    ResidentInput,
    RoomInput,
    RoomRow,
    check_room,
    create_room,
    list_rooms,
    remove_room,
    room_detail,
    room_history,
    unarchive_room,
    update_room,
)
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry, Building, ParkingSpace, Person, Room, Unit

ID_WANG = "11010519491231002X"
ID_LI = "110105194912310038"
ID_ZHANG = "310104198001010017"


def said_yes(save: Callable[[frozenset[str]], object]) -> list[str]:
    """Save as the room dialog does: refused until the clerk confirms what it asks; what it asked."""
    with pytest.raises(Unconfirmed) as asked:
        save(frozenset())
    save(frozenset(caution.key for caution in asked.value.cautions))
    return [caution.message for caution in asked.value.cautions]


def room(
    code: str = "3-2-501", area: str = "89.5", owners: list[PersonInput] | None = None, **fields: object
) -> RoomInput:
    building, unit, number = code.split("-")
    data = RoomInput(building, unit, number, area, owners=owners or [])
    for name, value in fields.items():
        setattr(data, name, value)
    if "occupancy" not in fields and any(r.role is ResidentRole.TENANT for r in data.residents):
        data.occupancy = Occupancy.RENTED  # a self-occupied room with tenants is refused
    return data


def errors_of(data: RoomInput) -> dict[str, str]:
    with pytest.raises(InputRejected) as caught:
        create_room(data)
    return {error.field: error.template for error in caught.value.errors}


def find(query: str, rows: list[RoomRow] | None = None) -> list[str]:
    """Match rows the way the households tab's filter does."""
    finders = [households.room_finder(word) for word in query_words(query)]
    return [
        row.code
        for row in (rows if rows is not None else list_rooms())
        if all(found(row) for found in finders)
    ]


def audit_count() -> int:
    return AuditEntry.select().count()


# ---------------------------------------------------------------- creating and reading


def test_a_room_is_stored_with_everything_the_office_enters(estate: EstateFile) -> None:
    room_id = create_room(
        RoomInput(
            building="3",
            unit="2",
            number="501",
            area="89.50 ㎡",
            use=RoomUse.SHOP,
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.HARDSHIP, Flag.DISABLED}),
            note=" 一楼商铺 ",
            owners=[
                PersonInput("王玥", "138 0013 8000", ID_WANG.lower()),
                PersonInput("李喆", "+86 139-0013-9000"),
                PersonInput("张堃"),
            ],
            residents=[
                ResidentInput(
                    "赵六",
                    "13700137000",
                    role=ResidentRole.TENANT,
                    lease_from=date(2025, 3, 1),
                    lease_to=date(2026, 2, 28),
                ),
                ResidentInput("钱七", role=ResidentRole.FAMILY),
            ],
            parking=["P-002", " P-001 ", "P-002"],
        ),
        confirmed={"new_parking:P-001", "new_parking:P-002"},
    )
    detail = room_detail(room_id)
    assert (detail.code, detail.building, detail.unit, detail.number) == ("3-2-501", "3", "2", "501")
    assert detail.area_centi == 8950
    assert (detail.use, detail.occupancy) == (RoomUse.SHOP, Occupancy.RENTED)
    assert detail.flags == {Flag.HARDSHIP, Flag.DISABLED}
    assert detail.note == "一楼商铺"
    assert detail.archived_at is None
    assert [(o.name, o.phone, o.id_number) for o in detail.owners] == [
        ("王玥", "13800138000", ID_WANG),
        ("李喆", "13900139000", None),
        ("张堃", None, None),
    ]
    assert [(r.name, r.role, r.lease_from, r.lease_to) for r in detail.residents] == [
        ("赵六", ResidentRole.TENANT, date(2025, 3, 1), date(2026, 2, 28)),
        ("钱七", ResidentRole.FAMILY, None, None),
    ]
    assert detail.residents[0].phone == "13700137000"
    assert detail.parking == ("P-001", "P-002")
    assert detail.created_at == detail.updated_at


def test_co_owners_keep_the_order_they_were_named_in(estate: EstateFile) -> None:
    names = ["张堃", "王玥", "李喆", "阿一"]
    room_id = create_room(room(owners=[PersonInput(name) for name in names]))
    assert [owner.name for owner in room_detail(room_id).owners] == names
    assert list_rooms()[0].owners == "、".join(names)
    update_room(room_id, room(owners=[PersonInput(name) for name in reversed(names)]))
    assert [owner.name for owner in room_detail(room_id).owners] == names[::-1]
    assert list_rooms()[0].owners == "、".join(reversed(names))


def test_one_person_owning_several_rooms_is_one_record_by_id_number(estate: EstateFile) -> None:
    first = create_room(room("3-2-501", owners=[PersonInput("王玥", "13800138000", ID_WANG)]))
    # the ID number decides, even when the phone was typed differently and x is lower case; her
    # new phone is what 3-2-501 shows too, so the clerk confirms it
    data = room("3-2-502", owners=[PersonInput("王玥", "13900139000", ID_WANG.lower())])
    assert said_yes(lambda confirmed: create_room(data, confirmed)) == [
        "changes the phone of 王玥 from 138****8000 to 139****9000, in rooms 3-2-501 too"
    ]
    second = households.find_room_id("3-2-502") or 0
    third = create_room(room("5-1-101", owners=[PersonInput("王玥", "", ID_WANG)]))  # nothing changes
    assert Person.select().count() == 1
    person = Person.get()
    assert person.phone == "13900139000"  # the newest phone is kept
    assert room_detail(first).owners[0].id == room_detail(second).owners[0].id == person.id
    assert room_detail(first).owners[0].other_rooms == ("3-2-502", "5-1-101")
    assert room_detail(third).owners[0].other_rooms == ("3-2-501", "3-2-502")
    assert room_detail(first).owners[0].phone == "13900139000"  # changed once, seen everywhere


def test_one_person_is_one_record_by_name_and_phone(estate: EstateFile) -> None:
    create_room(room("3-2-501", owners=[PersonInput("李喆", "13800138000")]))
    data = room("3-2-502", owners=[PersonInput("李喆", "138-0013-8000", ID_LI)])
    assert said_yes(lambda confirmed: create_room(data, confirmed)) == [
        "changes the ID number of 李喆 from — to 110105********0038, in rooms 3-2-501 too"
    ]
    second = households.find_room_id("3-2-502") or 0
    assert Person.select().count() == 1
    assert Person.get().id_number == ID_LI
    assert room_detail(second).owners[0].other_rooms == ("3-2-501",)


def test_namesakes_with_different_phones_or_ids_are_different_people(estate: EstateFile) -> None:
    create_room(room("3-2-501", owners=[PersonInput("张伟", "13800138000")]))
    create_room(room("3-2-502", owners=[PersonInput("张伟", "13900139000")]))
    create_room(room("3-2-503", owners=[PersonInput("张伟", "", ID_ZHANG)]))
    create_room(room("3-2-504", owners=[PersonInput("张伟")]))
    assert Person.select().where(Person.name == "张伟").count() == 4


def test_an_owner_who_also_rents_out_and_lives_elsewhere(estate: EstateFile) -> None:
    owner = PersonInput("王玥", "13800138000")
    create_room(
        room(
            "3-2-501",
            owners=[owner],
            occupancy=Occupancy.RENTED,
            residents=[ResidentInput("李喆", "13900139000")],
        )
    )
    second = create_room(
        room("3-2-502", residents=[ResidentInput("王玥", "13800138000", role=ResidentRole.FAMILY)])
    )
    assert Person.select().count() == 2
    assert room_detail(second).residents[0].name == "王玥"


def test_missing_room_is_not_found(estate: EstateFile) -> None:
    with pytest.raises(NotFound):
        room_detail(404)
    with pytest.raises(NotFound):
        update_room(404, room())
    with pytest.raises(NotFound):
        remove_room(404)
    with pytest.raises(NotFound):
        unarchive_room(404)
    assert households.find_room_id("3-2-501") is None
    assert audit_count() == 1  # only the estate's own creation


# ---------------------------------------------------------------- validation


def test_every_error_is_reported_at_once_with_its_field(estate: EstateFile) -> None:
    data = RoomInput(
        building="3号楼#",
        unit="2",
        number="",
        area="89.505",
        owners=[
            PersonInput("王玥", "1380013800", "11010519491231002Y"),
            PersonInput("李喆", "23800138000", "110105194912310037"),
            PersonInput("  ", "13800138000"),
        ],
        residents=[ResidentInput("", "12345", lease_from=date(2025, 3, 1), lease_to=date(2025, 2, 1))],
        parking=["P 1"],
    )
    assert set(errors_of(data)) == {
        "building",
        "number",
        "area",
        "owners[0].phone",
        "owners[0].id_number",
        "owners[1].phone",
        "owners[1].id_number",
        "owners[2].name",
        "residents[0].name",
        "residents[0].phone",
        "residents[0].lease_to",
        "parking",
    }
    assert Room.select().count() == 0
    assert audit_count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"building": ""}, "building"),
        ({"building": "  "}, "building"),
        ({"building": "3 4"}, "building"),
        ({"unit": "2-1"}, "unit"),
        ({"number": ""}, "number"),
        ({"number": "50 1"}, "number"),
        ({"number": "5" * 40}, "number"),
        ({"area": ""}, "area"),
        ({"area": "0"}, "area"),
        ({"area": "-3"}, "area"),
        ({"area": "10000"}, "area"),
        ({"area": "89.555"}, "area"),
        ({"area": "nan"}, "area"),
        ({"area": "大约90"}, "area"),
        ({"owners": [PersonInput("")]}, "owners[0].name"),
        ({"owners": [PersonInput("王" * 41)]}, "owners[0].name"),
        ({"owners": [PersonInput("王玥"), PersonInput("李喆", "1380013800")]}, "owners[1].phone"),
        ({"owners": [PersonInput("王玥", id_number="110105194912310020")]}, "owners[0].id_number"),
        ({"owners": [PersonInput("王玥", id_number="1101051949123100")]}, "owners[0].id_number"),
        ({"residents": [ResidentInput("李喆", "013900139000")]}, "residents[0].phone"),
        (
            {"residents": [ResidentInput("李喆", lease_from=date(2025, 2, 2), lease_to=date(2025, 2, 1))]},
            "residents[0].lease_to",
        ),
        ({"parking": ["P_1"]}, "parking"),
        # a value outside its choices is bad input too, not a crash (ValueError)
        ({"use": "warehouse"}, "use"),
        ({"occupancy": "let"}, "occupancy"),
        ({"flags": frozenset({"rich"})}, "flags"),
        ({"residents": [ResidentInput("李喆", role="lodger")]}, "residents[0].role"),  # type: ignore[arg-type]
    ],
)
def test_each_bad_value_is_named_by_its_field(
    estate: EstateFile, change: dict[str, object], field: str
) -> None:
    assert list(errors_of(room(**change))) == [field]  # type: ignore[arg-type]


def test_a_stray_flag_is_told_as_the_import_tells_it(estate: EstateFile) -> None:
    with pytest.raises(ValidationError) as parsed:
        parse_flags("rich")
    assert errors_of(room(flags=frozenset({"rich"}))) == {"flags": parsed.value.template}
    assert "developer" in parsed.value.template


def test_a_person_listed_twice_is_refused(estate: EstateFile) -> None:
    twice = [PersonInput("王玥", "13800138000"), PersonInput("王玥", "138 0013 8000")]
    assert list(errors_of(room(owners=twice))) == ["owners[1].name"]
    assert list(errors_of(room(residents=[ResidentInput("李喆"), ResidentInput("李喆")]))) == [
        "residents[1].name"
    ]


def test_the_duplicate_is_named_at_its_own_position(estate: EstateFile) -> None:
    owners = [PersonInput(""), PersonInput("王玥"), PersonInput("王玥")]
    assert set(errors_of(room(owners=owners))) == {"owners[0].name", "owners[2].name"}


def test_two_names_with_one_id_number_are_refused_not_crashed(estate: EstateFile) -> None:
    owners = [
        PersonInput("王玥", "13800138000", ID_WANG),
        PersonInput("王月", "13900139000", ID_WANG.lower()),
    ]
    assert list(errors_of(room(owners=owners))) == ["owners[1].id_number"]
    assert Person.select().count() == 0


def test_two_entries_that_resolve_to_one_stored_person_are_refused(estate: EstateFile) -> None:
    create_room(room("3-2-501", owners=[PersonInput("王玥", "13800138000")]))
    people = Person.select().count()
    # the same person without and with the ID number: only the file knows they are one
    owners = [PersonInput("王玥", "13800138000"), PersonInput("王玥", "13800138000", ID_WANG)]
    assert list(errors_of(room("3-2-502", owners=owners))) == ["owners[1].name"]
    assert Person.select().count() == people
    assert Person.get().id_number is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"owners": [PersonInput("张\x00三")]}, "owners[0].name"),
        ({"owners": [PersonInput("李\u200b四")]}, "owners[0].name"),  # a zero-width space
        ({"owners": [PersonInput("张三", "138\x0712345678")]}, "owners[0].phone"),
        ({"owners": [PersonInput("张三", id_number="\ufeff" + ID_WANG)]}, "owners[0].id_number"),
        ({"residents": [ResidentInput("李喆", landline="8888\x006666")]}, "residents[0].landline"),
        ({"building": "3\x1b"}, "building"),
        ({"unit": "\u200d2"}, "unit"),
        ({"number": "501\x7f"}, "number"),
        ({"area": "89.5\x00"}, "area"),
        ({"parking": ["P-1\u200b"]}, "parking"),
        ({"note": "a\x1bb"}, "note"),
    ],
)
def test_the_service_refuses_control_and_invisible_characters_in_every_text(
    estate: EstateFile, change: dict[str, object], field: str
) -> None:
    # The dialog and the import refuse them first, by label or column; no caller gets past this.
    errors = errors_of(room(**change))  # type: ignore[arg-type]
    assert list(errors) == [field]
    assert errors[field] == "{name} holds an invisible control character ({code}); type it again"
    assert Room.select().count() == 0


def test_a_note_keeps_line_breaks_tabs_and_format_characters(estate: EstateFile) -> None:
    room_id = create_room(room(note="第一行\n\t第二行 👍\u200d"))
    assert room_detail(room_id).note == "第一行\n\t第二行 👍\u200d"


def test_a_bad_parking_code_is_told_as_a_parking_code(estate: EstateFile) -> None:
    with pytest.raises(InputRejected) as caught:
        create_room(room(parking=["P 7"]))
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("parking", "'P 7' is not a parking space code such as P-001")
    ]


def test_check_room_normalises_what_it_accepts() -> None:
    checked = check_room(
        RoomInput(
            " 3 ",
            " 2 ",
            " 501 ",
            " 89.5 ",
            owners=[PersonInput(" 王玥 ", " 13800138000 ", ID_WANG.lower())],
            parking=[" P-1 ", "", "P-1"],
        )
    )
    assert (checked.code, checked.building, checked.unit, checked.number) == ("3-2-501", "3", "2", "501")
    assert checked.area_centi == 8950
    assert checked.owners[0].name == "王玥"
    assert checked.owners[0].phone == "13800138000"
    assert checked.owners[0].id_number == ID_WANG
    assert checked.parking == ("P-1",)


@pytest.mark.parametrize(
    ("building", "unit", "number"),
    [
        ("3号楼", "2单元", "502室"),
        ("３号楼", "２单元", "５０２"),
        (" 3栋 ", "2", "502号"),
        ("", "", "3-2-502"),
        ("", "", "3号楼2单元502室"),
        ("3", "", "2单元502"),
    ],
)
def test_check_room_reads_rooms_as_the_import_does(building: str, unit: str, number: str) -> None:
    checked = check_room(RoomInput(building, unit, number, "80"))
    assert (checked.code, checked.building, checked.unit, checked.number) == ("3-2-502", "3", "2", "502")


def test_a_room_written_with_its_words_is_the_room_on_file(estate: EstateFile) -> None:
    create_room(room("3-2-502"))
    assert errors_of(RoomInput("3号楼", "2单元", "502室", "80")) == {"number": "room {code} already exists"}
    assert [row.code for row in list_rooms()] == ["3-2-502"]
    assert [building.name for building in Building.select()] == ["3"]  # never a "3号楼号楼"
    assert households.code_clash(normalized_room_code("3号楼", "2单元", "502室")) is not None


def test_a_building_that_contradicts_the_code_in_the_number_is_refused(estate: EstateFile) -> None:
    assert errors_of(RoomInput("4", "", "3-2-502", "80")) == {
        "building": "room code {code} does not match the building {value}"
    }


def test_codes_without_a_unit(estate: EstateFile) -> None:
    room_id = create_room(RoomInput("商业街", "", "12", "45"))
    detail = room_detail(room_id)
    assert (detail.code, detail.unit) == ("商业街-12", "")
    assert not Unit.select().exists()


def test_a_room_code_is_used_once(estate: EstateFile) -> None:
    create_room(room())
    errors = errors_of(room(area="60"))
    assert errors == {"number": "room {code} already exists"}
    assert Room.select().count() == 1


def test_a_code_in_the_archive_is_also_taken(estate: EstateFile) -> None:
    room_id = create_room(room())
    update_room(room_id, room(area="90"))
    assert remove_room(room_id) == "archived"
    assert errors_of(room()) == {"number": "room {code} exists in the archive; restore it instead"}
    other = create_room(room("3-2-502"))
    with pytest.raises(InputRejected) as caught:
        update_room(other, room("3-2-501"))
    assert caught.value.errors[0].field == "number"
    assert room_detail(other).code == "3-2-502"


# ---------------------------------------------------------------- updating


def test_saving_an_unchanged_room_changes_nothing(estate: EstateFile) -> None:
    room_id = create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            flags=frozenset({Flag.ELDERLY_ALONE}),
            note="独居",
            occupancy=Occupancy.RENTED,
            owners=[PersonInput("王玥", "13800138000", ID_WANG), PersonInput("李喆")],
            residents=[ResidentInput("张堃", lease_from=date(2025, 1, 1))],
            parking=["P-1"],
        ),
        confirmed={"new_parking:P-1"},
    )
    before = room_detail(room_id)
    entries = audit_count()
    assert update_room(room_id, before.as_input()) is False
    assert (
        update_room(
            room_id,
            room(
                owners=[PersonInput("王玥", "13800138000", ID_WANG), PersonInput("李喆")],
                area="89.50",
                flags=frozenset({Flag.ELDERLY_ALONE}),
                note="独居 ",
                residents=[ResidentInput("张堃", lease_from=date(2025, 1, 1))],
                parking=["P-1"],
            ),
        )
        is False
    )
    assert audit_count() == entries
    assert room_detail(room_id) == before


def test_a_real_change_is_saved_and_recorded(estate: EstateFile) -> None:
    room_id = create_room(room(owners=[PersonInput("王玥", "13800138000")]))
    person_id = room_detail(room_id).owners[0].id
    entries = audit_count()
    assert (
        update_room(
            room_id,
            room(area="90.25", owners=[PersonInput("王玥", "13900139000")], occupancy=Occupancy.VACANT),
        )
        is True
    )
    detail = room_detail(room_id)
    assert detail.area_centi == 9025
    assert detail.occupancy is Occupancy.VACANT
    assert (detail.owners[0].id, detail.owners[0].phone) == (person_id, "13900139000")
    assert audit_count() == entries + 2  # the owner's new phone, then the room
    assert [(e.action, e.entity) for e in room_history(room_id)][:2] == [
        ("update", "room"),
        ("update", "person"),
    ]
    assert room_history(room_id)[0].before["area"] == "89.50"  # type: ignore[index]
    # the owner of this room, found by name, whatever the phone: one record, corrected
    assert Person.select().count() == 1


def test_moving_a_room_prunes_the_places_it_left(estate: EstateFile) -> None:
    room_id = create_room(room("3-2-501"))
    create_room(room("4-1-101"))
    update_room(room_id, room("4-1-102"))
    assert [b.name for b in Building.select()] == ["4"]
    assert [(u.building.name, u.name) for u in Unit.select()] == [("4", "1")]
    assert households.building_tree() == [("4", ["1"])]


def test_people_no_longer_linked_are_pruned(estate: EstateFile) -> None:
    room_id = create_room(
        room(
            "3-2-501",
            owners=[PersonInput("王玥", "13800138000"), PersonInput("李喆", "13900139000")],
            residents=[ResidentInput("张堃", "13700137000")],
        )
    )
    create_room(room("3-2-502", owners=[PersonInput("李喆", "13900139000")]))
    update_room(room_id, room("3-2-501", owners=[PersonInput("李喆", "13900139000")]))
    assert sorted(p.name for p in Person.select()) == ["李喆"]  # 王玥 and 张堃 had nowhere else


def test_removing_a_tenant_keeps_the_rest(estate: EstateFile) -> None:
    data = room(
        owners=[PersonInput("王玥")],
        residents=[ResidentInput("李喆", "13900139000"), ResidentInput("张堃", role=ResidentRole.FAMILY)],
    )
    room_id = create_room(data)
    data.residents = data.residents[1:]
    data.occupancy = Occupancy.SELF_OCCUPIED  # the only tenant left
    assert update_room(room_id, data)
    assert [r.name for r in room_detail(room_id).residents] == ["张堃"]
    assert not Person.select().where(Person.name == "李喆").exists()


def test_parking_spaces_move_with_their_room(estate: EstateFile) -> None:
    first = create_room(room("3-2-501", parking=["P-1", "P-2"]), {"new_parking:P-1", "new_parking:P-2"})
    second = create_room(room("3-2-502"))
    update_room(first, room("3-2-501", parking=["P-2"]))
    assert ParkingSpace.get(ParkingSpace.code == "P-1").room_id is None  # freed, not deleted
    update_room(second, room("3-2-502", parking=["P-1"]))
    assert room_detail(second).parking == ("P-1",)
    with pytest.raises(InputRejected) as caught:
        update_room(second, room("3-2-502", parking=["P-1", "P-2"]))
    assert caught.value.errors[0].params == {"space": "P-2", "room": "3-2-501"}
    assert room_detail(second).parking == ("P-1",)


# ---------------------------------------------------------------- removing


def test_a_fresh_room_is_deleted_with_its_people_and_places(estate: EstateFile) -> None:
    room_id = create_room(
        room(
            "7-1-101",
            owners=[PersonInput("王玥", "13800138000")],
            residents=[ResidentInput("李喆")],
            parking=["P-9"],
        ),
        confirmed={"new_parking:P-9"},
    )
    assert remove_room(room_id) == "deleted"
    assert not Room.select().exists()
    assert not Person.select().exists()
    assert not Building.select().exists() and not Unit.select().exists()
    assert ParkingSpace.get(ParkingSpace.code == "P-9").room_id is None
    assert list_rooms(include_archived=True) == []
    deleted = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (deleted.action, deleted.room_id, deleted.room_code) == ("delete", room_id, "7-1-101")
    assert deleted.before is not None and deleted.after is None


def test_a_deleted_room_keeps_shared_people_and_places(estate: EstateFile) -> None:
    create_room(room("3-2-501", owners=[PersonInput("王玥", "13800138000")]))
    room_id = create_room(room("3-2-502", owners=[PersonInput("王玥", "13800138000")]))
    assert remove_room(room_id) == "deleted"
    assert [p.name for p in Person.select()] == ["王玥"]
    assert households.building_tree() == [("3", ["2"])]


def test_a_room_with_history_is_archived_and_can_come_back(estate: EstateFile) -> None:
    room_id = create_room(room(owners=[PersonInput("王玥", "13800138000")]))
    assert not households.has_history(room_id)
    update_room(room_id, room(area="90", owners=[PersonInput("王玥", "13800138000")]))
    assert households.has_history(room_id)
    assert remove_room(room_id) == "archived"
    assert list_rooms() == []
    assert [(row.code, row.archived) for row in list_rooms(include_archived=True)] == [("3-2-501", 1)]
    assert room_detail(room_id).archived_at is not None
    assert households.building_tree() == []
    assert households.estate_counts().rooms == 0
    assert Person.select().count() == 1  # archived people stay
    with pytest.raises(InputRejected):
        remove_room(room_id)

    unarchive_room(room_id)
    assert [row.code for row in list_rooms()] == ["3-2-501"]
    assert room_detail(room_id).archived_at is None
    entries = audit_count()
    unarchive_room(room_id)  # already back: nothing to do, nothing recorded
    assert audit_count() == entries
    assert [e.action for e in room_history(room_id)] == ["unarchive", "archive", "update", "create"]


def test_a_new_room_does_not_inherit_the_history_of_a_deleted_one(estate: EstateFile) -> None:
    create_room(room("3-2-501"))
    mistake = create_room(room("3-2-502", owners=[PersonInput("王玥", "13800138000")]))
    mistaken_owner = room_detail(mistake).owners[0].id
    assert remove_room(mistake) == "deleted"
    fresh = create_room(room("3-2-503", owners=[PersonInput("李喆", "13900139000")]))
    assert fresh != mistake  # ids are never given again (AUTOINCREMENT), not even the newest
    assert room_detail(fresh).owners[0].id != mistaken_owner
    assert [entry.action for entry in room_history(fresh)] == ["create"]
    assert not households.has_history(fresh)
    assert [entry.action for entry in room_history(mistake)] == ["delete", "create"]  # kept whole
    assert remove_room(fresh) == "deleted"


def test_a_new_room_whose_owner_came_with_a_new_phone_has_no_history(estate: EstateFile) -> None:
    first = create_room(room("3-2-501", owners=[PersonInput("王玥", "13800138000", ID_WANG)]))
    data = room("3-2-502", owners=[PersonInput("王玥", "13900139000", ID_WANG)])
    said_yes(lambda confirmed: create_room(data, confirmed))
    fresh = households.find_room_id("3-2-502") or 0
    # her phone changed with the new room, and is recorded under its id: no history of the room
    assert [(e.action, e.entity) for e in room_history(fresh)] == [("create", "room"), ("update", "person")]
    assert not households.has_history(fresh)
    assert remove_room(fresh) == "deleted"
    assert room_detail(first).owners[0].phone == "13900139000"  # she keeps her new phone
    update_room(first, room("3-2-501", area="90", owners=[PersonInput("王玥", "13900139000", ID_WANG)]))
    assert households.has_history(first)


# ---------------------------------------------------------------- the list


def test_the_list_is_in_natural_order(estate: EstateFile) -> None:
    for code in ["10-1-101", "3-2-1002", "2-1-101", "3-2-501", "3-10-101", "3-2-502", "3-2-99", "3-1-501"]:
        create_room(room(code))
    assert [row.code for row in list_rooms()] == [
        "2-1-101",
        "3-1-501",
        "3-2-99",
        "3-2-501",
        "3-2-502",
        "3-2-1002",
        "3-10-101",
        "10-1-101",
    ]
    assert households.building_tree() == [("2", ["1"]), ("3", ["1", "2", "10"]), ("10", ["1"])]


def test_a_list_row_carries_what_the_table_shows(estate: EstateFile) -> None:
    create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.ELDERLY_ALONE}),
            owners=[PersonInput("王玥", "13800138000"), PersonInput("李喆")],
            residents=[ResidentInput("张堃", "13700137000"), ResidentInput("赵六", role=ResidentRole.FAMILY)],
        )
    )
    row = list_rooms()[0]
    assert (row.building, row.unit, row.number, row.area_centi) == ("3", "2", "501", 8950)
    assert (row.use, row.occupancy) == ("residential", "rented")
    assert row.flags == {Flag.ELDERLY_ALONE}
    assert (row.owners, row.owner_phones) == ("王玥、李喆", "13800138000、")
    assert (row.tenants, row.tenant_phones) == ("张堃", "13700137000")  # family members are not tenants
    assert row.archived == 0


def test_a_room_held_by_the_developer_is_stored_listed_and_recorded(estate: EstateFile) -> None:
    held = create_room(room("3-2-501", occupancy=Occupancy.VACANT, flags=frozenset({Flag.DEVELOPER})))
    sold = create_room(room("3-2-502", owners=[PersonInput("王玥")], flags=frozenset({Flag.HARDSHIP})))
    assert room_detail(held).flags == {Flag.DEVELOPER}
    assert [(row.code, row.developer, row.flags) for row in list_rooms()] == [
        ("3-2-501", 1, {Flag.DEVELOPER}),
        ("3-2-502", 0, {Flag.HARDSHIP}),
    ]
    # the column a vote's roll reads
    assert [(r.id, r.developer) for r in Room.select().order_by(Room.id)] == [(held, True), (sold, False)]
    assert (room_history(held)[0].after or {})["flags"] == ["developer"]


def test_the_developer_mark_is_changed_and_recorded_like_any_flag(estate: EstateFile) -> None:
    room_id = create_room(room(owners=[PersonInput("王玥")]))
    assert update_room(room_id, room(owners=[PersonInput("王玥")], flags=frozenset({Flag.DEVELOPER})))
    assert Room.get_by_id(room_id).developer is True
    changed = room_history(room_id)[0]
    assert changed.action == "update"
    assert ((changed.before or {})["flags"], (changed.after or {})["flags"]) == ([], ["developer"])
    data = room_detail(room_id).as_input()
    assert data.flags == {Flag.DEVELOPER}
    assert update_room(room_id, data) is False  # the dialog saving it unchanged
    assert update_room(room_id, room(owners=[PersonInput("王玥")])) is True
    assert Room.get_by_id(room_id).developer is False
    assert (room_history(room_id)[0].before or {})["flags"] == ["developer"]


def test_list_phones_stay_in_line_with_names(estate: EstateFile) -> None:
    create_room(
        room(
            "3-2-501",
            owners=[PersonInput("王玥"), PersonInput("李喆", "13800138000"), PersonInput("张堃")],
            residents=[ResidentInput("赵六"), ResidentInput("钱七", "13700137000")],
        )
    )
    create_room(room("3-2-502", owners=[PersonInput("孙八"), PersonInput("周九")]))
    first, second = list_rooms()
    assert first.owner_phones.split("、") == ["", "13800138000", ""]
    assert first.tenant_phones.split("、") == ["", "13700137000"]
    assert len(second.owner_phones.split("、")) == len(second.owners.split("、")) == 2
    assert find("13800138000") == ["3-2-501"]


def test_a_shared_persons_new_phone_and_name_show_in_every_room(estate: EstateFile) -> None:
    first = create_room(room("3-2-501", owners=[PersonInput("王玥", "13800138000", ID_WANG)]))
    create_room(
        room(
            "3-2-502", owners=[PersonInput("李喆")], residents=[ResidentInput("王玥", "13800138000", ID_WANG)]
        )
    )
    data = room("3-2-501", owners=[PersonInput("王小玥", "13900139000", ID_WANG)])
    assert said_yes(lambda confirmed: update_room(first, data, confirmed)) == [
        "renames 王玥 to 王小玥, in rooms 3-2-502 too",
        "changes the phone of 王玥 from 138****8000 to 139****9000, in rooms 3-2-502 too",
    ]
    rows = {row.code: row for row in list_rooms()}
    assert (rows["3-2-501"].owners, rows["3-2-501"].owner_phones) == ("王小玥", "13900139000")
    assert (rows["3-2-502"].tenants, rows["3-2-502"].tenant_phones) == ("王小玥", "13900139000")
    assert find("13900139000") == find("wangxiaoyue") == ["3-2-501", "3-2-502"]
    assert find("13800138000") == []


@pytest.fixture
def searchable(estate: EstateFile) -> EstateFile:
    create_room(
        room(
            "3-2-501",
            owners=[PersonInput("张三", "13800138000"), PersonInput("王玥")],
            residents=[ResidentInput("李喆", "13912345678")],
            occupancy=Occupancy.RENTED,
        )
    )
    create_room(room("3-2-1002", owners=[PersonInput("曾伟", "13700137000")]))
    create_room(room("12-1-101", owners=[PersonInput("单雄", "18612345678"), PersonInput("张堃")]))
    create_room(room("4-1-101", owners=[PersonInput("买买提·艾力", "15900159000")]))
    create_room(room("4-1-102", owners=[PersonInput("Mary Smith")]))
    return estate


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("3-2-501", ["3-2-501"]),
        ("32501", ["3-2-501"]),
        ("3-2-", ["3-2-501", "3-2-1002"]),
        ("张三", ["3-2-501"]),
        ("zs", ["3-2-501"]),
        ("zhangsan", ["3-2-501"]),
        ("ZhangSan", ["3-2-501"]),
        ("zhang san", ["3-2-501"]),
        ("138 0013 8000", ["3-2-501"]),
        ("13800138000", ["3-2-501"]),
        ("1380", ["3-2-501"]),  # a phone from its start, 4 digits or more
        ("8000", ["3-2-501"]),  # a phone's last 4
        ("5678", ["3-2-501", "12-1-101"]),  # the tenant's, and 单雄's: both end in 5678
        ("138", []),  # 3 digits find no phone
        ("0013", []),  # the hidden middle of 138****8000 finds nothing
        ("38000", []),  # nor do the last 4 with a hidden digit before them
        ("2345", []),  # the tenant's hidden middle, 139****5678
        ("3号楼2单元501室", ["3-2-501"]),  # a room as clerks write it
        ("3-2-501号", ["3-2-501"]),
        ("王玥", ["3-2-501"]),
        ("wangyue", ["3-2-501"]),
        ("lizhe", ["3-2-501"]),  # a tenant is found too
        ("13912345678", ["3-2-501"]),
        ("zengwei", ["3-2-1002"]),
        ("cengwei", ["3-2-1002"]),
        ("shanxiong", ["12-1-101"]),
        ("zhangkun", ["12-1-101"]),
        ("张", ["3-2-501", "12-1-101"]),
        ("买买提·艾力", ["4-1-101"]),
        ("买买提艾力", ["4-1-101"]),
        ("maimaiti", ["4-1-101"]),
        ("Mary Smith", ["4-1-102"]),
        ("mary", ["4-1-102"]),
        ("李四", []),
        ("zhangsi", []),
        ("99999", []),
    ],
)
def test_search_finds_rooms_as_the_filter_box_does(
    searchable: EstateFile, query: str, codes: list[str]
) -> None:
    assert find(query) == codes


@pytest.mark.parametrize(
    "name",
    [
        "王 玥",
        "王-玥",
        "王_玥",
        "王(玥)",
        "王（玥）",
        "王·玥",
        "王.玥",
        "A. Wang",
    ],
)
def test_a_name_typed_as_stored_finds_its_room(estate: EstateFile, name: str) -> None:
    create_room(room("3-2-501", owners=[PersonInput(name)]))
    create_room(room("3-2-502", residents=[ResidentInput(name)]))
    create_room(room("3-2-503", owners=[PersonInput("李喆")]))
    assert find(name) == ["3-2-501", "3-2-502"]


def test_a_landline_is_found_by_its_starts_or_its_last_four_never_its_middle(estate: EstateFile) -> None:
    create_room(room("3-2-501", owners=[PersonInput("张三", landline="0571-88886666")]))
    create_room(room("3-2-502", residents=[ResidentInput("李喆", landline="62345678-12")]))
    create_room(room("3-2-503", owners=[PersonInput("王玥", "13800138000")]))
    for query in ("6666", "88886666", "8888", "0571", "0571-88886666", "057188886666", "0571 8888 6666"):
        assert find(query) == ["3-2-501"], query
    for query in ("6234", "5678", "62345678"):
        assert find(query) == ["3-2-502"], query
    for query in ("8886", "5718", "886666", "2345", "571", "1-88886666"):
        assert find(query) == [], query


@pytest.mark.parametrize(
    ("building", "unit", "number"),
    [
        ("3号楼", "2单元", "502室"),
        ("3栋", "2单元", "502"),
        ("3幢", "2", "502"),
        ("3 号楼", "2 单元", "502 室"),
        ("3号", "2", "502号"),
        ("３号楼", "２单元", "５０２室"),
        ("", "", "3-2-502"),
        ("", "", "3号楼2单元502室"),
        ("3号楼", "", "2单元502室"),
    ],
)
def test_a_room_is_found_by_any_spelling_the_dialog_accepts(
    estate: EstateFile, building: str, unit: str, number: str
) -> None:
    create_room(RoomInput(building, unit, number, "80"))
    create_room(room("13-2-502"))
    create_room(room("3-1-502"))
    assert [row.code for row in list_rooms()] == ["3-1-502", "3-2-502", "13-2-502"]
    for query in (f"{building}{unit}{number}", f"{building} {unit} {number}"):
        assert find(query)[:1] == ["3-2-502"], query
        assert "3-1-502" not in find(query), query
    assert find("3号楼2单元") == ["3-2-502", "13-2-502"]  # the unit, as 3号楼 2单元 finds it


def test_search_keys_follow_changes(searchable: EstateFile) -> None:
    room_id = households.find_room_id("3-2-501")
    assert room_id is not None
    update_room(room_id, room("3-2-501", owners=[PersonInput("李四", "13800138000")]))
    assert find("lisi") == ["3-2-501"]
    assert find("zhangsan") == []


def test_archived_rooms_are_searchable_only_when_asked_for(searchable: EstateFile) -> None:
    room_id = households.find_room_id("4-1-102")
    assert room_id is not None
    update_room(room_id, room("4-1-102", area="50", owners=[PersonInput("Mary Smith")]))
    remove_room(room_id)
    assert find("mary") == []
    assert find("mary", list_rooms(include_archived=True)) == ["4-1-102"]


def test_estate_counts(estate: EstateFile) -> None:
    create_room(
        room(
            "3-2-501",
            owners=[PersonInput("王玥", "13800138000"), PersonInput("李喆")],
            residents=[ResidentInput("张堃"), ResidentInput("赵六", role=ResidentRole.FAMILY)],
        )
    )
    create_room(room("3-2-502", owners=[PersonInput("王玥", "13800138000")]))
    assert households.estate_counts() == households.EstateCounts(rooms=2, owners=2, residents=2)


def test_the_place_tree_from_loaded_rows_matches_the_file(estate: EstateFile) -> None:
    from estatedesk.services import demo

    demo.generate(80, seed=5)
    gone = households.create_room(RoomInput("99", "7", "101", "50"))
    data = households.room_detail(gone).as_input()
    data.note = "改过"
    households.update_room(gone, data)
    households.remove_room(gone)  # archived: its building must not appear in either tree
    expected = households.building_tree()
    assert ("99", ["7"]) not in expected
    assert households.building_tree(households.list_rooms(include_archived=True)) == expected
    assert households.building_tree(households.list_rooms()) == expected
