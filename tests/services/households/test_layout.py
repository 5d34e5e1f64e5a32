"""A building's rooms in one go (services/households/layout.py): plan, preview, one transaction."""

from __future__ import annotations

import pytest

from estatedesk.domain.errors import InputRejected
from estatedesk.services import changes, households
from estatedesk.services.households import RoomInput
from estatedesk.services.households.layout import LayoutInput, create_layout, plan_layout, room_number
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry


def layout(**changes_: str) -> LayoutInput:
    values = {"building": "3", "units": "2", "floors": "6", "rooms_per_floor": "2", "area": "89.5"}
    values.update(changes_)
    return LayoutInput(**values)


def test_rooms_are_numbered_floor_times_100_plus_n() -> None:
    assert [room_number(1, 1), room_number(1, 2), room_number(6, 1), room_number(10, 3)] == [
        "101",
        "102",
        "601",
        "1003",
    ]


def test_the_plan_lists_every_room_unit_by_unit_floor_by_floor(estate: EstateFile) -> None:
    plan = plan_layout(layout())
    codes = [room.code for room in plan.rooms]
    assert len(codes) == 2 * 6 * 2 == len(set(codes))
    assert codes[:4] == ["3-1-101", "3-1-102", "3-1-201", "3-1-202"]
    assert codes[-1] == "3-2-602"
    assert plan.units == ("1", "2") and plan.area_centi == 8950
    assert plan.new == plan.rooms and plan.existing == ()


def test_a_building_without_units(estate: EstateFile) -> None:
    plan = plan_layout(layout(units="0", floors="2", rooms_per_floor="1"))
    assert [room.code for room in plan.rooms] == ["3-101", "3-201"]
    assert plan.units == ()


def test_rooms_already_there_are_shown_and_kept(estate: EstateFile) -> None:
    households.create_room(RoomInput("3", "1", "101", "120", note="已有"))
    gone = households.create_room(RoomInput("3", "1", "102", "80"))
    households.update_room(gone, RoomInput("3", "1", "102", "81"))
    households.remove_room(gone)  # archived: its code is taken for good
    plan = plan_layout(layout())
    assert [(room.code, room.archived) for room in plan.existing] == [("3-1-101", False), ("3-1-102", True)]
    ids = create_layout(layout())
    assert len(ids) == 22
    assert households.room_detail(households.find_room_id("3-1-101") or 0).note == "已有"
    assert households.room_detail(households.find_room_id("3-1-101") or 0).area_centi == 12000
    assert households.room_detail(gone).archived_at is not None


def test_creating_writes_every_room_in_one_transaction_audited_and_announced_once(estate: EstateFile) -> None:
    heard: list[frozenset[changes.Records]] = []
    stop = changes.listen(heard.append)
    try:
        ids = create_layout(layout(floors="3"))
    finally:
        stop()
    assert heard == [frozenset({changes.Records.ROOMS})]
    assert len(ids) == 12 and households.estate_counts().rooms == 12
    detail = households.room_detail(ids[0])
    assert (detail.code, detail.area_centi, detail.owners) == ("3-1-101", 8950, ())
    created = AuditEntry.select().where(AuditEntry.action == "create", AuditEntry.entity == "room").count()
    assert created == 12
    assert [row.code for row in households.list_rooms()][:3] == ["3-1-101", "3-1-102", "3-1-201"]
    assert households.building_tree() == [("3", ["1", "2"])]


@pytest.mark.parametrize(
    ("changed", "field"),
    [
        ({"building": ""}, "building"),
        ({"building": "3/4"}, "building"),
        ({"units": "21"}, "units"),
        ({"units": "two"}, "units"),
        ({"floors": "0"}, "floors"),
        ({"rooms_per_floor": "31"}, "rooms_per_floor"),
        ({"area": ""}, "area"),
        ({"area": "-5"}, "area"),
    ],
)
def test_bad_input_names_its_field_and_writes_nothing(
    estate: EstateFile, changed: dict[str, str], field: str
) -> None:
    with pytest.raises(InputRejected) as refused:
        create_layout(layout(**changed))
    assert [error.field for error in refused.value.errors] == [field]
    assert households.estate_counts().rooms == 0


def test_every_bad_field_is_named_at_once(estate: EstateFile) -> None:
    with pytest.raises(InputRejected) as refused:
        plan_layout(layout(building="", floors="99", area=""))
    assert {error.field for error in refused.value.errors} == {"building", "floors", "area"}


def test_a_building_that_has_all_its_rooms_is_refused(estate: EstateFile) -> None:
    create_layout(layout(floors="1"))
    with pytest.raises(InputRejected) as refused:
        create_layout(layout(floors="1"))
    assert refused.value.errors[0].field == "building"
    assert households.estate_counts().rooms == 4


def test_a_failure_half_way_leaves_nothing(estate: EstateFile, monkeypatch: pytest.MonkeyPatch) -> None:
    from estatedesk.services.households import writer

    real = writer.RoomWriter.create
    made: list[int] = []

    def failing(self: writer.RoomWriter, checked: object, *args: object) -> int:
        if len(made) == 5:
            raise OSError("disk full")
        made.append(real(self, checked, *args))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(writer.RoomWriter, "create", failing)
    audited = AuditEntry.select().count()
    with pytest.raises(OSError):
        create_layout(layout())
    assert households.estate_counts().rooms == 0 and len(made) == 5
    assert AuditEntry.select().count() == audited


def test_a_building_written_as_clerks_write_it_previews_the_codes_it_makes(estate: EstateFile) -> None:
    data = LayoutInput("３号楼", "1", "2", "1", "80")
    planned = [room.code for room in plan_layout(data).rooms]
    assert planned == ["3-1-101", "3-1-201"]
    create_layout(data)
    assert [row.code for row in households.list_rooms()] == planned
