"""Records a clerk can trust (services/households/rooms.py and writer.py): an inconsistent room is
refused or saved only once confirmed, and each person has a mobile and a landline."""

from __future__ import annotations

import pytest

from estatedesk.domain.errors import InputRejected, Unconfirmed
from estatedesk.domain.households import RENTED_WITHOUT_TENANT, Occupancy, ResidentRole
from estatedesk.services.households import (
    PersonInput,
    ResidentInput,
    RoomInput,
    check_room,
    create_room,
    list_rooms,
    room_detail,
    room_history,
    update_room,
)
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry, ParkingSpace, Person, Room


def counts() -> tuple[int, int, int, int]:
    return (
        Room.select().count(),
        Person.select().count(),
        ParkingSpace.select().count(),
        AuditEntry.select().count(),
    )


def rented(tenants: list[ResidentInput] | None = None, **fields: object) -> RoomInput:
    data = RoomInput("3", "2", "501", "89.5", occupancy=Occupancy.RENTED, owners=[PersonInput("王玥")])
    data.residents = tenants if tenants is not None else [ResidentInput("李喆", "13900139000")]
    for name, value in fields.items():
        setattr(data, name, value)
    return data


# ---------------------------------------------------------------- self-occupied, rented, tenants


def test_a_self_occupied_room_with_a_tenant_is_refused_and_nothing_is_written(estate: EstateFile) -> None:
    empty = counts()
    data = rented(occupancy=Occupancy.SELF_OCCUPIED)
    with pytest.raises(InputRejected) as refused:
        check_room(data)
    assert [error.field for error in refused.value.errors] == ["occupancy"]
    with pytest.raises(InputRejected):
        create_room(data)
    assert counts() == empty
    # Family members are no tenants: a self-occupied room has them.
    data.residents = [ResidentInput("李小喆", role=ResidentRole.FAMILY)]
    assert room_detail(create_room(data)).occupancy is Occupancy.SELF_OCCUPIED


def test_a_rented_room_without_a_tenant_is_saved_only_once_confirmed(estate: EstateFile) -> None:
    room_id = create_room(rented())
    before, entries = room_detail(room_id), counts()
    no_tenant = rented(tenants=[])
    with pytest.raises(Unconfirmed) as asked:
        update_room(room_id, no_tenant)
    assert [(c.key, c.field) for c in asked.value.cautions] == [(RENTED_WITHOUT_TENANT, "occupancy")]
    assert room_detail(room_id) == before and counts() == entries  # nothing half-written
    assert update_room(room_id, no_tenant, {RENTED_WITHOUT_TENANT})
    saved = room_detail(room_id)
    assert (saved.occupancy, saved.residents) == (Occupancy.RENTED, ())
    # Saved once, the room is what the clerk said: saving it unchanged asks nothing again.
    assert update_room(room_id, saved.as_input()) is False


def test_a_confirmation_for_one_thing_is_no_confirmation_for_another(estate: EstateFile) -> None:
    empty = counts()
    with pytest.raises(Unconfirmed) as asked:
        create_room(rented(tenants=[], parking=["P-1"]), {RENTED_WITHOUT_TENANT})
    assert [c.key for c in asked.value.cautions] == ["new_parking:P-1"]
    assert counts() == empty


# ---------------------------------------------------------------- parking spaces not on file


def test_a_new_parking_space_is_made_only_when_the_clerk_says_so(estate: EstateFile) -> None:
    empty = counts()
    with pytest.raises(Unconfirmed) as asked:
        create_room(rented(parking=["P-2", "P-1"]))
    assert sorted(c.key for c in asked.value.cautions) == ["new_parking:P-1", "new_parking:P-2"]
    assert sorted(c.params["space"] for c in asked.value.cautions) == ["P-1", "P-2"]
    assert counts() == empty
    room_id = create_room(rented(parking=["P-2", "P-1"]), {"new_parking:P-1", "new_parking:P-2"})
    assert room_detail(room_id).parking == ("P-1", "P-2")


def test_a_parking_space_on_file_needs_no_word(estate: EstateFile) -> None:
    first = create_room(rented(parking=["P-1"]), {"new_parking:P-1"})
    update_room(first, rented(parking=[]))  # P-1 stays on file, free
    second = create_room(RoomInput("3", "2", "502", "60", parking=["P-1"]))
    assert room_detail(second).parking == ("P-1",)


def test_a_space_held_by_another_room_is_refused_before_anything_is_asked(estate: EstateFile) -> None:
    create_room(rented(parking=["P-1"]), {"new_parking:P-1"})
    with pytest.raises(InputRejected) as refused:
        create_room(RoomInput("3", "2", "502", "60", parking=["P-9", "P-1"]))
    assert not isinstance(refused.value, Unconfirmed)
    assert [(e.field, e.params) for e in refused.value.errors] == [
        ("parking", {"space": "P-1", "room": "3-2-501"})
    ]


# ---------------------------------------------------------------- landlines


def test_a_person_has_a_mobile_and_a_landline(estate: EstateFile) -> None:
    room_id = create_room(
        rented(
            owners=[PersonInput("王玥", "138 0013 8000", landline="(0571) 8888 6666 转 12")],
            tenants=[ResidentInput("李喆", landline="88886666")],
        )
    )
    room = room_detail(room_id)
    assert [(p.name, p.phone, p.landline) for p in (*room.owners, *room.residents)] == [
        ("王玥", "13800138000", "0571-88886666-12"),
        ("李喆", None, "88886666"),
    ]
    assert room.as_input().owners[0].landline == "0571-88886666-12"  # the dialog shows it to edit
    data = room.as_input()
    data.owners[0].landline = ""
    assert update_room(room_id, data)
    assert room_detail(room_id).owners[0].landline is None  # emptied in the dialog: gone
    (person_change,) = [entry for entry in room_history(room_id) if entry.entity == "person"]
    assert (person_change.before or {})["landline"] == "0571-****6666-12"  # the trail keeps it masked


def test_a_landline_typed_as_the_phone_is_kept_as_the_landline(estate: EstateFile) -> None:
    room_id = create_room(rented(owners=[PersonInput("王玥", "010-62345678")]))
    owner = room_detail(room_id).owners[0]
    assert (owner.phone, owner.landline) == (None, "010-62345678")


@pytest.mark.parametrize(
    ("person", "field", "template"),
    [
        (
            PersonInput("王玥", landline="13800138000"),
            "owners[0].landline",
            "'{value}' is a mobile number: enter it as the mobile",
        ),
        (
            PersonInput("王玥", "010-62345678", landline="0571-88886666"),
            "owners[0].phone",
            "'{value}' is a landline, and another landline is given",
        ),
        (
            PersonInput("王玥", landline="0571-888"),
            "owners[0].landline",
            "'{value}' is not a landline number such as 0571-88886666 or 88886666 (extension: -123)",
        ),
    ],
)
def test_a_number_in_the_wrong_place_is_refused_by_its_field(
    estate: EstateFile, person: PersonInput, field: str, template: str
) -> None:
    with pytest.raises(InputRejected) as refused:
        create_room(rented(owners=[person]))
    assert [(e.field, e.template) for e in refused.value.errors] == [(field, template)]


def test_the_same_landline_in_both_fields_is_one_number(estate: EstateFile) -> None:
    room_id = create_room(rented(owners=[PersonInput("王玥", "0571-88886666", landline="0571 88886666")]))
    assert room_detail(room_id).owners[0].landline == "0571-88886666"


def test_a_landline_is_found_by_the_search_as_a_mobile_is(estate: EstateFile) -> None:
    create_room(rented(tenants=[ResidentInput("李喆", landline="0571-88886666-12")]))
    create_room(RoomInput("3", "2", "502", "60", owners=[PersonInput("张堃", "13700137000")]))
    (row,) = [row for row in list_rooms() if "0571888866661" in row.search]
    assert row.code == "3-2-501"
    assert "13700137000" in next(row for row in list_rooms() if row.code == "3-2-502").search


def test_name_and_landline_are_one_person_across_rooms(estate: EstateFile) -> None:
    first = create_room(rented(tenants=[ResidentInput("李喆", landline="88886666")]))
    second = create_room(
        RoomInput("3", "2", "502", "60", owners=[PersonInput("李喆", landline="88886666", id_number="")])
    )
    assert room_detail(first).residents[0].id == room_detail(second).owners[0].id
    assert Person.select().where(Person.name == "李喆").count() == 1
