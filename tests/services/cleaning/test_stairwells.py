"""Areas (issue 10 point 1): stairwells follow the households file, common areas are the clerk's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.services import cleaning, households
from estatedesk.services.cleaning import AreaView
from estatedesk.services.households import RoomInput
from estatedesk.store.db import EstateFile
from estatedesk.store.migrations import MIGRATIONS
from helpers.households_sheet import good, import_file, write_csv
from services.cleaning.conftest import Crew, refused_on


def stairwells() -> dict[str, AreaView]:
    return {area.name: area for area in cleaning.list_areas(AreaKind.STAIRWELL)}


# ---------------------------------------------------------------- stairwells from the households file


def test_a_units_first_room_makes_its_stairwell_and_the_next_room_none(estate: EstateFile) -> None:
    assert cleaning.list_areas() == []
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    households.create_room(RoomInput("3", "2", "502", "89.5"))
    households.create_room(RoomInput("3", "1", "101", "60"))
    assert list(stairwells()) == ["3号楼1单元楼道", "3号楼2单元楼道"]
    made = stairwells()["3号楼2单元楼道"]
    assert made.kind is AreaKind.STAIRWELL
    assert made.building_id is not None and made.unit_id is not None
    assert (made.responsible_id, made.responsible, made.tasks) == (None, "", 0)


def test_stairwells_are_listed_in_the_households_trees_order(crew: Crew) -> None:
    for building, unit in (("10", "1"), ("3", "2"), ("3", "10"), ("3", "1"), ("商业街", "")):
        households.create_room(RoomInput(building, unit, "101", "60"))
    crew.area("2号垃圾点", AreaKind.GARBAGE)
    crew.area("10号垃圾点", AreaKind.GARBAGE)
    crew.area("中心广场")
    order = ["3号楼1单元楼道", "3号楼2单元楼道", "3号楼10单元楼道", "10号楼1单元楼道", "商业街楼道"]
    assert [area.name for area in cleaning.list_areas()] == [*order, "2号垃圾点", "10号垃圾点", "中心广场"]
    for area in cleaning.list_areas():
        crew.areas[area.name] = area.area_id
        crew.task(area.name, "清扫", "day", 10)
    assert [task.area for task in cleaning.list_tasks()] == [area.name for area in cleaning.list_areas()]
    assert [slot.area for slot in cleaning.rota("2026-12").slots[:8]] == [
        area.name for area in cleaning.list_areas()
    ]
    crew.cleaner("王玥")
    for name in ("中心广场", "3号楼10单元楼道", "3号楼2单元楼道"):
        cleaning.set_responsible(crew.areas[name], crew.cleaners["王玥"])
    assert cleaning.cleaner(crew.cleaners["王玥"]).areas == ("3号楼2单元楼道", "3号楼10单元楼道", "中心广场")


def test_a_building_without_units_gets_one_stairwell_for_the_building(estate: EstateFile) -> None:
    households.create_room(RoomInput("1", "", "101", "45"))
    households.create_room(RoomInput("1", "", "201", "45"))
    households.create_room(RoomInput("商业街", "", "商铺1", "30"))
    found = stairwells()
    assert list(found) == ["1号楼楼道", "商业街楼道"]
    assert found["1号楼楼道"].unit_id is None and found["1号楼楼道"].building_id is not None


def test_an_import_of_rooms_makes_one_stairwell_per_unit(estate: EstateFile, tmp_path: Path) -> None:
    rows = [
        good(building="3", unit="2", number="501"),
        good(building="3", unit="2", number="502", owner_names="李四", owner_phones="13812345679"),
        good(building="3", unit="1", number="101", owner_names="王五", owner_phones="13812345670"),
        good(building="5", unit="1", number="101", owner_names="赵六", owner_phones="13812345671"),
        good(building="6", unit="", number="101", owner_names="钱七", owner_phones="13812345672"),
    ]
    result = import_file(write_csv(tmp_path / "rooms.csv", rows))
    assert result.errors == []
    assert len(households.list_rooms()) == 5
    assert sorted(stairwells()) == sorted(["3号楼1单元楼道", "3号楼2单元楼道", "5号楼1单元楼道", "6号楼楼道"])
    # Importing the same file again changes no stairwell.
    import_file(write_csv(tmp_path / "again.csv", rows))
    assert len(cleaning.list_areas()) == 4


def test_a_unit_pruned_when_its_last_room_goes_leaves_the_areas(estate: EstateFile) -> None:
    only = households.create_room(RoomInput("5", "1", "101", "60"))
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    assert "5号楼1单元楼道" in stairwells()
    assert households.remove_room(only) == "deleted"
    assert list(stairwells()) == ["3号楼2单元楼道"]
    # The unit made again is a new place: it gets a stairwell again.
    households.create_room(RoomInput("5", "1", "102", "60"))
    assert sorted(stairwells()) == ["3号楼2单元楼道", "5号楼1单元楼道"]


def test_a_unit_emptied_by_moving_its_last_room_leaves_and_the_new_unit_comes(estate: EstateFile) -> None:
    moving = households.create_room(RoomInput("5", "1", "101", "60"))
    assert households.update_room(moving, RoomInput("5", "2", "101", "60"))
    assert list(stairwells()) == ["5号楼2单元楼道"]


def test_a_stairwell_with_history_leaves_with_its_unit_and_keeps_its_inspections(crew: Crew) -> None:
    only = households.create_room(RoomInput("5", "1", "101", "60"))
    stairwell = stairwells()["5号楼1单元楼道"].area_id
    crew.cleaner("王玥")
    cleaning.set_responsible(stairwell, crew.cleaners["王玥"])
    cleaning.add_task(cleaning.TaskInput(stairwell, "清扫楼道", "day", "20", "2026-01-01"))
    cleaning.record_inspection(cleaning.InspectionInput("2026-12-02", stairwell, "90"))
    assert households.remove_room(only) == "deleted"
    assert stairwells() == {} and cleaning.list_tasks() == []
    kept = cleaning.list_inspections(*cleaning.parse_month("2026-12"))
    assert [(found.area, found.cleaner, found.score) for found in kept] == [("5号楼1单元楼道", "王玥", 90)]
    # and the cleaner is no longer responsible for it, so may leave the team
    cleaning.remove_cleaner(crew.cleaners["王玥"])


def test_a_stairwell_the_clerk_removed_is_not_made_again(estate: EstateFile) -> None:
    households.create_room(RoomInput("商业街", "", "商铺1", "30"))
    cleaning.remove_area(stairwells()["商业街楼道"].area_id)
    households.create_room(RoomInput("商业街", "", "商铺2", "30"))
    moved = households.create_room(RoomInput("3", "2", "501", "89.5"))
    households.update_room(moved, RoomInput("商业街", "", "商铺3", "30"))
    assert stairwells() == {}


def test_a_common_area_named_like_a_future_stairwell_does_not_stop_rooms(estate: EstateFile) -> None:
    road = cleaning.add_area(AreaKind.ROAD, "5号楼1单元楼道")
    room_id = households.create_room(RoomInput("5", "1", "101", "60"))
    assert households.find_room_id("5-1-101") == room_id
    found = stairwells()
    assert len(found) == 1
    (made,) = found.values()
    assert made.name.startswith("5号楼1单元楼道") and made.name != "5号楼1单元楼道"
    assert cleaning.area(road).name == "5号楼1单元楼道" and cleaning.area(road).kind is AreaKind.ROAD


def test_a_renamed_stairwell_keeps_its_place_and_is_not_made_again(estate: EstateFile) -> None:
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    made = stairwells()["3号楼2单元楼道"]
    cleaning.rename_area(made.area_id, "三号楼二单元")
    households.create_room(RoomInput("3", "2", "502", "89.5"))
    assert list(stairwells()) == ["三号楼二单元"]
    assert stairwells()["三号楼二单元"].unit_id == made.unit_id


def test_the_upgrade_to_v6_gives_every_place_a_stairwell_even_two_that_read_alike() -> None:
    # Building 3's unit 2 and a building named 3号楼2单元 both read 3号楼2单元楼道: before the fix
    # the unique name stopped the upgrade, and the file could not be opened.
    connection = sqlite3.connect(":memory:")
    for version in range(1, 6):
        MIGRATIONS[version](connection)
    now = "2026-01-01T00:00:00Z"
    connection.executemany(
        "INSERT INTO building (id, name) VALUES (?, ?)", [(1, "3"), (2, "3号楼2单元"), (3, "A"), (4, "A东")]
    )
    connection.executemany(
        "INSERT INTO unit (id, building_id, name) VALUES (?, ?, ?)", [(1, 1, "2"), (2, 3, "东")]
    )
    connection.executemany(
        "INSERT INTO room (code, building_id, unit_id, number, area_centi, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, 8000, ?, ?)",
        [
            ("3-2-101", 1, 1, "101", now, now),
            ("3-2-102", 1, 1, "102", now, now),
            ("3号楼2单元-101", 2, None, "101", now, now),
            ("A-东-101", 3, 2, "101", now, now),
            ("A东-101", 4, None, "101", now, now),
        ],
    )
    MIGRATIONS[6](connection)
    made = connection.execute(
        "SELECT name, building_id, unit_id FROM cleaning_area WHERE kind = 'stairwell' ORDER BY id"
    ).fetchall()
    assert made == [
        ("3号楼2单元楼道", 1, 1),
        ("3号楼2单元楼道（2-0）", 2, None),
        ("A东楼道", 3, 2),
        ("A东楼道（4-0）", 4, None),
    ]


# ---------------------------------------------------------------- common areas


COMMON = [kind for kind in AreaKind if kind is not AreaKind.STAIRWELL]


def test_the_clerk_adds_a_common_area_of_every_kind(crew: Crew) -> None:
    for number, kind in enumerate(COMMON):
        crew.area(f"区域{number}", kind)
    listed = cleaning.list_areas()
    assert [(area.name, area.kind) for area in listed] == [
        (f"区域{number}", kind) for number, kind in enumerate(COMMON)
    ]
    assert all(area.building_id is None and area.unit_id is None for area in listed)
    assert [area.name for area in cleaning.list_areas(AreaKind.GARBAGE)] == [
        f"区域{COMMON.index(AreaKind.GARBAGE)}"
    ]
    assert cleaning.area_by_name(" 区域0 ").area_id == crew.areas["区域0"]


def test_a_stairwell_is_not_added_by_hand(crew: Crew) -> None:
    with pytest.raises(InputRejected) as refused:
        cleaning.add_area(AreaKind.STAIRWELL, "3号楼2单元楼道")
    refused_on(refused, "kind")
    assert cleaning.list_areas() == []


def test_a_duplicate_or_empty_area_name_is_refused(crew: Crew) -> None:
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    crew.area("中心广场")
    for name in ("中心广场", " 中心广场 ", "3号楼2单元楼道"):
        with pytest.raises(InputRejected) as refused:
            cleaning.add_area(AreaKind.GREEN, name)
        assert refused_on(refused, "name").params == {"name": name.strip()}
    with pytest.raises(InputRejected) as refused:
        cleaning.add_area(AreaKind.GREEN, "  ")
    refused_on(refused, "name")
    assert len(cleaning.list_areas()) == 2


def test_an_area_is_renamed_and_a_name_in_use_refused(crew: Crew) -> None:
    square = crew.area("中心广场")
    crew.area("1号垃圾点", AreaKind.GARBAGE)
    crew.task("中心广场", "清扫", "day", 30)
    cleaning.rename_area(square, "南广场", "喷泉边")
    renamed = cleaning.area(square)
    assert (renamed.name, renamed.note, renamed.tasks) == ("南广场", "喷泉边", 1)
    assert [task.area for task in cleaning.list_tasks()] == ["南广场"]
    cleaning.rename_area(square, "南广场")  # its own name is no clash
    with pytest.raises(InputRejected) as refused:
        cleaning.rename_area(square, "1号垃圾点")
    refused_on(refused, "name")
    with pytest.raises(InputRejected):
        cleaning.area_by_name("中心广场")


def test_a_removed_area_stops_its_tasks_and_frees_its_name(crew: Crew) -> None:
    crew.cleaner("王玥")
    square = crew.area("中心广场", responsible="王玥")
    crew.area("1号垃圾点", AreaKind.GARBAGE)
    crew.task("中心广场", "清扫", "day", 30)
    kept = crew.task("1号垃圾点", "清运", "day", 20)
    cleaning.remove_area(square)
    assert [area.name for area in cleaning.list_areas()] == ["1号垃圾点"]
    assert [task.task_id for task in cleaning.list_tasks()] == [kept]
    assert {slot.task_id for slot in cleaning.rota("2026-12").slots} == {kept}
    assert cleaning.cleaner(crew.cleaners["王玥"]).areas == ()
    with pytest.raises(NotFound):
        cleaning.area(square)
    crew.area("中心广场")  # the name is free again
