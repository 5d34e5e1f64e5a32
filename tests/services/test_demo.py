"""The demo estate (services/demo.py): deterministic for a seed, and as varied as a real compound."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.households import normalize_id_number, normalize_mobile, validate_room_code
from estatedesk.domain.search import normalize_query, pinyin_keys
from estatedesk.services import demo, households
from estatedesk.store.backup import check_estate
from estatedesk.store.db import EstateFile, create_estate
from estatedesk.store.models import AuditEntry, Ownership, ParkingSpace, Person, Resident, Room


def outside_gb2312(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


Rows = list[tuple[object, ...]]


def make_demo(folder: Path, households_wanted: int, seed: int) -> tuple[demo.DemoSummary, Rows]:
    """Generate a demo estate in its own file and return its summary and its rows."""
    estate = create_estate(folder / f"demo-{len(list(folder.iterdir()))}.sqlite3", "演示")
    try:
        summary = demo.generate(households_wanted, seed)
        rows = [
            (
                row.code,
                row.area_centi,
                row.use,
                row.occupancy,
                row.owners,
                row.owner_phones,
                row.tenants,
                row.hardship,
                row.elderly_alone,
                row.disabled,
            )
            for row in households.list_rooms()
        ]
        return summary, rows
    finally:
        estate.close()


@pytest.fixture
def demo_estate(estate: EstateFile) -> demo.DemoSummary:
    return demo.generate(120, seed=7)


def test_the_same_seed_makes_the_same_estate(tmp_path: Path) -> None:
    first = make_demo(tmp_path, 80, 3)
    again = make_demo(tmp_path, 80, 3)
    other = make_demo(tmp_path, 80, 4)
    assert first == again
    assert first[1] != other[1]
    assert [row[0] for row in first[1]] == [row[0] for row in other[1]]  # the layout does not depend on it


@pytest.mark.parametrize("wanted", [1, 2, 23, 24, 25, 200, 217])
def test_the_demo_makes_the_rooms_asked_for(estate: EstateFile, wanted: int) -> None:
    summary = demo.generate(wanted, seed=1)
    assert summary.rooms == wanted == Room.select().count()
    assert summary.people == Person.select().count()
    assert summary.tenants == Resident.select().where(Resident.role == "tenant").count()
    assert summary.parking_spaces == ParkingSpace.select().count() == wanted // 4
    codes = [row.code for row in households.list_rooms()]
    assert len(set(codes)) == wanted
    assert all(validate_room_code(code) == code for code in codes)
    assert check_estate(estate).ok


def test_the_demo_is_recorded_in_the_audit_trail(estate: EstateFile) -> None:
    demo.generate(10, seed=5)
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.action, entry.entity) == ("demo", "estate")
    assert entry.after == '{"households": 10, "seed": 5}'


def test_every_demo_room_says_in_its_history_that_it_was_generated(estate: EstateFile) -> None:
    from estatedesk.store import audit

    audit.set_actor("王会计")
    demo.generate(12, seed=5)
    rooms = households.list_rooms()
    for row in rooms:
        (entry,) = households.room_history(row.id)
        assert (entry.actor, entry.action, entry.entity, entry.before) == (
            "演示数据生成",
            "create",
            "room",
            None,
        )
        saved = households.records.snapshot(row.id)  # what it was made with, as a room is recorded
        assert entry.after is not None and entry.after.keys() == saved.keys()
        assert (entry.after["code"], entry.after["area"]) == (saved["code"], saved["area"])
    assert audit.current_actor() == "王会计"  # the clerk's name is back for their own changes
    assert not households.has_history(rooms[0].id)  # a demo room unchanged since can still be deleted
    assert households.remove_room(rooms[0].id) == "deleted"


def test_co_owners_and_people_owning_several_rooms(demo_estate: demo.DemoSummary) -> None:
    per_room = Counter(o.room_id for o in Ownership.select())
    assert all(per_room[room.id] >= 1 for room in Room.select())  # every room has an owner
    assert max(per_room.values()) >= 2
    rooms_per_owner = Counter(o.person_id for o in Ownership.select())
    several = [person for person, count in rooms_per_owner.items() if count > 1]
    assert several
    # shown as the same person in each of those rooms
    owned = [o.room_id for o in Ownership.select().where(Ownership.person == several[0])]
    first = households.room_detail(owned[0])
    owner = next(p for p in first.owners if p.id == several[0])
    assert len(owner.other_rooms) == len(owned) - 1


@pytest.mark.parametrize(("wanted", "seed"), [(2, 1), (10, 2), (30, 15), (100, 15), (60, 5)])
def test_even_a_small_demo_has_someone_owning_several_rooms(
    estate: EstateFile, wanted: int, seed: int
) -> None:
    demo.generate(wanted, seed)
    rooms_per_owner = Counter(o.person_id for o in Ownership.select())
    assert max(rooms_per_owner.values()) >= 2


def test_tenants_have_leases_and_rented_rooms(demo_estate: demo.DemoSummary) -> None:
    tenants = list(Resident.select().where(Resident.role == "tenant"))
    assert tenants
    for tenant in tenants:
        assert tenant.lease_from is not None and tenant.lease_to is not None
        assert tenant.lease_from < tenant.lease_to
        assert tenant.room.occupancy == "rented"
    assert any(t.person.phone for t in tenants)
    assert Resident.select().where(Resident.role == "family").exists()


def test_flags_uses_and_states_all_occur(demo_estate: demo.DemoSummary) -> None:
    rooms = list(Room.select())
    assert any(r.hardship for r in rooms)
    assert any(r.elderly_alone for r in rooms)
    assert any(r.disabled for r in rooms)
    assert {r.use for r in rooms} >= {"residential", "shop"}
    assert {r.occupancy for r in rooms} == {"self_occupied", "rented", "vacant"}
    assert all(0 < r.area_centi < 1_000_000 for r in rooms)
    assert ParkingSpace.select().where(ParkingSpace.room.is_null(False)).exists()


def test_names_include_characters_outside_gb2312(demo_estate: demo.DemoSummary) -> None:
    names = [p.name for p in Person.select()]
    rare = [name for name in names if outside_gb2312(name)]
    assert rare
    assert any(set(demo.RARE) & set(name) for name in rare)
    assert all(outside_gb2312(ch) for ch in demo.RARE)


def test_every_stored_phone_and_id_number_is_valid(demo_estate: demo.DemoSummary) -> None:
    people = list(Person.select())
    phones = [p.phone for p in people if p.phone]
    ids = [p.id_number for p in people if p.id_number]
    assert phones and ids
    for phone in phones:
        assert normalize_mobile(phone) == phone
    for id_number in ids:
        assert normalize_id_number(id_number) == id_number
    assert len(set(phones)) == len(phones) and len(set(ids)) == len(ids)


def test_every_stored_person_passes_the_service_checks(demo_estate: demo.DemoSummary) -> None:
    # a demo room opened in the edit dialog and saved unchanged must pass and change nothing
    for row in households.list_rooms()[:40]:
        data = households.room_detail(row.id).as_input()
        try:
            households.check_room(data)
        except ValidationError as error:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{row.code}: {error}")
        assert households.update_room(row.id, data) is False


def test_demo_people_are_searchable_by_pinyin(demo_estate: demo.DemoSummary) -> None:
    rows = households.list_rooms()
    person = Person.select().join(Ownership).order_by(Person.id).first()
    assert person.pinyin == pinyin_keys(person.name)
    initials = person.pinyin.split(" ")[1]
    assert any(normalize_query(initials) in row.search for row in rows)
